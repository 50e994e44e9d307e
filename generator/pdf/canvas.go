package pdf

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	_ "image/jpeg" // logos
	_ "image/png"
	"sync"

	"github.com/signintech/gopdf"
)

//go:embed fonts/NotoSans-Regular.ttf
var notoRegular []byte

//go:embed fonts/NotoSans-Bold.ttf
var notoBold []byte

// A4 in millimetres.
const (
	PageW, PageH = 210.0, 297.0
)

// Canvas is all the layout needs from a PDF library: text in Noto Sans,
// lines and rectangles, pages, an outline and document information.
// Units are millimetres from the top-left corner; y of text is its
// baseline. It keeps the library (signintech/gopdf) replaceable.
type Canvas interface {
	AddPage()
	PageNo() int
	SetPage(n int)
	SetFont(bold bool, sizePt float64)
	SetColor(r, g, b uint8)
	Text(x, y float64, s string)
	Width(s string) float64
	Line(x1, y1, x2, y2, width float64, gray uint8)
	Rect(x, y, w, h, width float64, gray uint8)
	FillRect(x, y, w, h float64, r, g, b uint8)
	Link(url string, x, y, w, h float64)
	// Image draws a PNG or JPEG h millimetres high at x, y (top-left) and
	// returns its width, or 0 when it cannot be read.
	Image(data []byte, x, y, h float64) float64
	// Outline adds a bookmark to the current page, at level 0 (top) or
	// deeper, nested under the last bookmark of the level above.
	Outline(title string, level int)
	// Outlines returns the bookmarks added so far.
	Outlines() []Bookmark
	// PageOfPages writes prefix, the page number, " av " and the number of
	// pages (known only on output), ending at xRight.
	PageOfPages(prefix, of string, xRight, y float64)
	SetInfo(title, subject, author string)
	Output() ([]byte, error)
}

type gopdfCanvas struct {
	pdf          *gopdf.GoPdf
	placeholders int
	outlines     []Bookmark
	bold         bool
	size         float64
	// widths caches measured text by font and size: layout measures the
	// same words again and again, and gopdf's measuring is a tenth of a
	// document's time.
	widths map[widthKey]float64
}

type widthKey struct {
	bold bool
	size float64
	text string
}

// Bookmark is an entry of a PDF's outline. The outline is written by the
// pdfcpu pass (acroform.go), which can nest entries; gopdf's cannot.
type Bookmark struct {
	Title string
	Level int
	Page  int
}

// NewCanvas returns an A4 canvas on gopdf with Noto Sans embedded (the
// glyphs used are subset on output).
func NewCanvas() (Canvas, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	// Page content is compressed later, once, by the pdfcpu pass
	// (compressStreams), with reused writers: gopdf makes a new one per
	// page, which costs more than the compressing.
	pdf.SetNoCompression()
	fonts, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"noto", "notob"} {
		if err := pdf.AddTTFFontFromFontContainer(name, fonts); err != nil {
			return nil, err
		}
	}
	return &gopdfCanvas{pdf: pdf}, nil
}

// parsedFonts are the fonts, parsed once for every document (gopdf's
// FontContainer; each document still gets its own subset).
var parsedFonts = sync.OnceValues(func() (*gopdf.FontContainer, error) {
	var fc gopdf.FontContainer
	if err := fc.AddTTFFontData("noto", notoRegular); err != nil {
		return nil, err
	}
	if err := fc.AddTTFFontData("notob", notoBold); err != nil {
		return nil, err
	}
	return &fc, nil
})

func (c *gopdfCanvas) AddPage()      { c.pdf.AddPage() }
func (c *gopdfCanvas) PageNo() int   { return c.pdf.GetNumberOfPages() }
func (c *gopdfCanvas) SetPage(n int) { _ = c.pdf.SetPage(n) }
func (c *gopdfCanvas) SetFont(bold bool, size float64) {
	name := "noto"
	if bold {
		name = "notob"
	}
	_ = c.pdf.SetFont(name, "", size)
	c.bold, c.size = bold, size
}
func (c *gopdfCanvas) SetColor(r, g, b uint8) { c.pdf.SetTextColor(r, g, b) }
func (c *gopdfCanvas) Text(x, y float64, s string) {
	c.pdf.SetXY(x, y)
	_ = c.pdf.Text(s)
}
func (c *gopdfCanvas) Width(s string) float64 {
	k := widthKey{c.bold, c.size, s}
	if w, ok := c.widths[k]; ok {
		return w
	}
	w, _ := c.pdf.MeasureTextWidth(s)
	if c.widths == nil {
		c.widths = map[widthKey]float64{}
	}
	c.widths[k] = w
	return w
}
func (c *gopdfCanvas) Line(x1, y1, x2, y2, width float64, gray uint8) {
	c.pdf.SetLineWidth(width)
	c.pdf.SetStrokeColor(gray, gray, gray)
	c.pdf.Line(x1, y1, x2, y2)
}
func (c *gopdfCanvas) Rect(x, y, w, h, width float64, gray uint8) {
	c.pdf.SetLineWidth(width)
	c.pdf.SetStrokeColor(gray, gray, gray)
	c.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}
func (c *gopdfCanvas) FillRect(x, y, w, h float64, r, g, b uint8) {
	c.pdf.SetFillColor(r, g, b)
	c.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}
func (c *gopdfCanvas) Link(url string, x, y, w, h float64) { c.pdf.AddExternalLink(url, x, y, w, h) }
func (c *gopdfCanvas) Image(data []byte, x, y, h float64) float64 {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Height == 0 {
		return 0
	}
	holder, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return 0
	}
	w := h * float64(cfg.Width) / float64(cfg.Height)
	if c.pdf.ImageByHolder(holder, x, y, &gopdf.Rect{W: w, H: h}) != nil {
		return 0
	}
	return w
}
func (c *gopdfCanvas) Outline(title string, level int) {
	c.outlines = append(c.outlines, Bookmark{Title: title, Level: level, Page: c.PageNo()})
}
func (c *gopdfCanvas) Outlines() []Bookmark { return c.outlines }
func (c *gopdfCanvas) PageOfPages(prefix, of string, xRight, y float64) {
	s := fmt.Sprintf("%s %d %s ", prefix, c.PageNo(), of)
	w := c.Width(s + "99")
	c.Text(xRight-w, y, s)
	c.pdf.SetXY(xRight-w+c.Width(s), y)
	_ = c.pdf.PlaceHolderText("pages", c.Width("99"))
	c.placeholders++
}
func (c *gopdfCanvas) SetInfo(title, subject, author string) {
	c.pdf.SetInfo(gopdf.PdfInfo{Title: title, Subject: subject, Author: author, Creator: "bti"})
}
func (c *gopdfCanvas) Output() ([]byte, error) {
	if c.placeholders > 0 {
		if err := c.pdf.FillInPlaceHoldText("pages", fmt.Sprint(c.PageNo()), gopdf.Left); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	_, err := c.pdf.WriteTo(&b)
	return b.Bytes(), err
}

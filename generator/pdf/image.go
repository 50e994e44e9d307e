package pdf

import (
	"bytes"
	"crypto/sha256"
	"image"
	"image/color"
	_ "image/jpeg" // logos
	_ "image/png"
	"strconv"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// preparedImage is an image as an image XObject's data: a JPEG as it is
// (DCTDecode), anything else as Flate-compressed RGB with its alpha as a
// soft mask. It is made once per process for each logo.
type preparedImage struct {
	w, h   int
	filter string
	space  string
	data   []byte
	smask  []byte // Flate-compressed alpha, nil when opaque
}

// placedImage is a prepared image used by a document.
type placedImage struct {
	res string // resource name: Im1 ...
	img *preparedImage
}

var imageCache sync.Map // sha256 of the file -> *preparedImage (nil when unreadable)

// prepareImage reads a PNG or JPEG, or returns nil.
func prepareImage(data []byte) *preparedImage {
	key := sha256.Sum256(data)
	if v, ok := imageCache.Load(key); ok {
		return v.(*preparedImage)
	}
	p := decodeImage(data)
	imageCache.Store(key, p)
	return p
}

func decodeImage(data []byte) *preparedImage {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 || cfg.Width*cfg.Height > 4<<20 {
		return nil
	}
	if format == "jpeg" && (cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) {
		space := "DeviceRGB"
		if cfg.ColorModel == color.GrayModel {
			space = "DeviceGray"
		}
		return &preparedImage{w: cfg.Width, h: cfg.Height, filter: "DCTDecode", space: space, data: data}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	b := img.Bounds()
	rgb := make([]byte, 0, 3*b.Dx()*b.Dy())
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			if c.A != 255 {
				opaque = false
			}
		}
	}
	p := &preparedImage{w: b.Dx(), h: b.Dy(), filter: "FlateDecode", space: "DeviceRGB", data: deflateBest(rgb)}
	if !opaque {
		p.smask = deflateBest(alpha)
	}
	return p
}

// image draws a PNG or JPEG h millimetres high at x, y (top-left) and
// returns its width, or 0 when it cannot be read.
func (c *canvas) image(data []byte, x, y, h float64) float64 {
	img := prepareImage(data)
	if img == nil {
		return 0
	}
	var pi *placedImage
	for _, q := range c.images {
		if q.img == img {
			pi = q
		}
	}
	if pi == nil {
		pi = &placedImage{res: "Im" + strconv.Itoa(len(c.images)+1), img: img}
		c.images = append(c.images, pi)
	}
	w := h * float64(img.w) / float64(img.h)
	p := c.begin()
	p.buf = append(p.buf, "q "...)
	p.buf = num(p.buf, w*mmToPt)
	p.buf = append(p.buf, " 0 0 "...)
	p.buf = num(p.buf, h*mmToPt)
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, ptX(x))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y+h))
	p.buf = append(p.buf, " cm /"...)
	p.buf = append(p.buf, pi.res...)
	p.buf = append(p.buf, " Do Q\n"...)
	return w
}

// embed adds the image XObject to the document.
func (pi *placedImage) embed(d *objects) types.IndirectRef {
	img := pi.img
	dict := types.Dict{
		"Type": types.Name("XObject"), "Subtype": types.Name("Image"),
		"Width": types.Integer(img.w), "Height": types.Integer(img.h),
		"ColorSpace": types.Name(img.space), "BitsPerComponent": types.Integer(8),
		"Filter": types.Name(img.filter), "Length": types.Integer(len(img.data)),
	}
	if img.smask != nil {
		dict["SMask"] = d.add(stream(types.Dict{
			"Type": types.Name("XObject"), "Subtype": types.Name("Image"),
			"Width": types.Integer(img.w), "Height": types.Integer(img.h),
			"ColorSpace": types.Name("DeviceGray"), "BitsPerComponent": types.Integer(8),
		}, img.smask))
	}
	return d.add(types.StreamDict{Dict: dict, Raw: img.data})
}

// Package model holds the typed model of BTI handbooks that every stage of
// the pipeline shares: a Site of Municipalities, each with Guides of four
// Levels of ordered Steps, a Toolbox of documents, Services and free Pages.
//
// The loader (package load) fills the model from the files; the checker
// (package check) resolves the references between its parts and reports
// what does not fit; the renderers read it. Every value that comes from a
// file carries its source position, so that any stage can point a
// coordinator at the exact line to fix.
package model

import (
	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/safefile"
)

// Pos is a position in a source file.
type Pos = diag.Pos

// Styles a municipality's handbook may have.
const (
	StyleLillestrom = "lillestrom" // a guide per service, full who/what/how
	StyleVardo      = "vardo"      // one general guide, stafettlogg in the menu
)

// Site is everything one run of the generator works on.
type Site struct {
	National       *National
	Municipalities []*Municipality
	// AtRoot is true when the project has one municipality and its
	// base_url is the root of a host: its site is then published at the
	// root of the output folder, not in a folder of its own (filled by
	// package load).
	AtRoot bool
}

// Folder is the folder of the output that holds m's site: "<slug>/",
// or "" when the site is published at the root.
func (s *Site) Folder(m *Municipality) string {
	if s.AtRoot {
		return ""
	}
	return m.Slug + "/"
}

// National holds the defaults in content/ that every municipality shares
// unless it overrides them by slug.
type National struct {
	Levels  [4]*Level
	Pages   []*Page // national pages in the language of the files (bokmål)
	Toolbox []*Tool
	// Unsafe is as Municipality.Unsafe, for the files in content/.
	Unsafe map[string]safefile.Finding
	// Variants holds language variants of national files (content/levels.nn.toml,
	// pages/<slug>.nn.md) used as the main version for municipalities that
	// write in that language: Variants["nn"].
	Variants map[string]*National
}

// Municipality is one municipality's handbook, merged with the national
// defaults it does not override.
type Municipality struct {
	Pos  Pos    // municipality.toml
	Slug string // folder name, also the folder of its site in public/
	Dir  string // "municipalities/<slug>"

	Name                   string
	ShortName              string
	Style                  string
	Language               string // "nb" or "nn"
	BaseURL                string
	BaseURLPos             Pos
	BrandColor             string
	Logo                   string // path below Dir, "" when none
	LogoPos                Pos    // where municipality.toml names it
	AccessibilityStatement string
	Notice                 string
	// NoticeTranslations is the notice in other languages, by language
	// code ([notice_translations]), for the pages in them.
	NoticeTranslations map[string]string

	Labels    Labels
	Klarsprak KlarsprakLimits // [klarsprak]: the limits of bti check --klarsprak
	Emergency *Emergency
	Contacts  []*Contact
	Services  []*Service
	Guides    []*Guide
	Levels    [4]*Level // national levels with the municipality's overrides
	Toolbox   []*Tool   // own and national documents, sorted by slug
	Pages     []*Page   // own and national pages, sorted by slug

	// ChangeMonths is how many months back /endringer/ goes ([changes]
	// months in municipality.toml); 0 for the default, DefaultChangeMonths.
	ChangeMonths int
	// HideChangeMessages is [changes] messages = false: the change log
	// names what each commit changed but not its message (for a
	// repository whose messages are written for developers).
	HideChangeMessages bool

	// SettingsUnread is true when municipality.toml could not be read
	// (its mistake is reported): the rest was still loaded for its own
	// mistakes, with the style and language guessed, and the checks that
	// need the settings (services, guide titles) are left out.
	SettingsUnread bool

	// Unloaded holds the files (below Dir, and national ones) that exist
	// but were not loaded because of mistakes reported in them, and the
	// names a misnamed step or document was meant to have: references to
	// them are not reported again (the file's own message is the cause).
	Unloaded map[string]bool

	// Unsafe holds, for each SVG file below Dir and in content/ that
	// could run code or load something from elsewhere, and each file whose
	// bytes are not of the type its name says (a script named .png), what
	// was found in it (package safefile); check refuses to publish them.
	Unsafe map[string]safefile.Finding

	// ImageSizes holds the size in bytes of every image file below Dir.
	ImageSizes map[string]int64

	// Existing holds every file below Dir, by path from the site root,
	// for checking links and attachments without reading the disk again.
	Existing map[string]bool

	// Published maps the path below /filer/ of each file the site
	// publishes as it is (attachments, images) to its source path (filled
	// by package check).
	Published map[string]string

	// PDFs are every PDF the site has, in order of their URLs (filled by
	// package check).
	PDFs []*PDF

	// HasCode is true when a text of the site has a code block, whose
	// highlighting needs its stylesheet (filled by package check).
	HasCode bool

	// Redirects are the old addresses (aliases) of the site's pages,
	// checked and written as the paths they are published at (filled by
	// package check).
	Redirects []Redirect

	// Links maps the node of a link or image in a Markdown document
	// (Link.Node) to the root-relative URL it was resolved to, with its
	// #anchor (filled by package check).
	Links map[ast.Node]string
}

// Redirect is an old address (an alias) and the page it now leads to,
// both root-relative.
type Redirect struct {
	From, To, Title string
}

// Labels are the names of a step's parts as readers see them.
type Labels struct {
	What     string `toml:"what"`
	How      string `toml:"how"`
	Who      string `toml:"who"`
	Deadline string `toml:"deadline"`
	Tools    string `toml:"tools"`
	Services string `toml:"services"`
}

// Emergency is the box on every page that says what to do when a child may
// be in danger.
type Emergency struct {
	Pos   Pos
	Title string
	Text  *Doc // inline Markdown
	// Translations are the box in other languages, shown on the pages
	// in them.
	Translations []*EmergencyText
}

// EmergencyText is the emergency box in another language.
type EmergencyText struct {
	Pos   Pos
	Lang  string
	Title string
	Text  *Doc // inline Markdown
}

// Contact is a person to ask about the handbook, usually the BTI coordinator.
type Contact struct {
	Pos   Pos
	Name  string
	Role  string
	Phone string
	Email string
}

// Service kinds.
const (
	ServiceBasis      = "basistjeneste"
	ServiceHelp       = "hjelpetjeneste"
	ServiceSpecialist = "spesialisthelsetjeneste"
)

// Service is a municipal or specialist service that steps bring in.
type Service struct {
	Pos         Pos
	ID          string
	Name        string
	Kind        string
	Description string
	Phone       string
	Email       string
	URL         string
	Address     string
	UsedBy      []*Step // filled by package check
}

// Level is one of the four BTI levels (0-3).
type Level struct {
	Pos     Pos
	Number  int
	Name    string // "Nivå 1"
	Title   string // "Tiltak i egen tjeneste"
	Color   string // "#rrggbb"
	Summary string
}

// Guide is one handlingsveileder: four levels of ordered steps.
type Guide struct {
	Pos        Pos // guide.toml, or the [[guides]] entry
	ID         string
	Dir        string // "municipalities/<m>/guides/<id>"
	Title      string
	ShortTitle string
	Audience   string
	Intro      *Doc
	Levels     [4]*GuideLevel
	PDF        string // the address of the guide's PDF (filled by package check)
}

// GuideLevel is one level of one guide: its introduction and its steps.
type GuideLevel struct {
	Number  int
	Dir     string
	Title   string // from _index.md, "" for the level's own title
	Summary string
	Intro   *Doc // body of _index.md; nil when there is none
	Steps   []*Step
}

// Ref is a reference by name (a tool slug, a service id) with the position
// where it was written.
type Ref struct {
	Name string
	Pos  Pos
}

// Step is one step (trinn) of a level of a guide.
type Step struct {
	Pos      Pos    // the file, line 1
	File     string // path of the file
	Guide    *Guide
	Level    int
	Number   int    // NN of the file name
	Slug     string // from the file name
	Title    string
	Summary  string
	Deadline string
	Audience string // "foreldre" for a step written for parents; "" otherwise
	Tools    []Ref
	Services []Ref
	Aliases  []Ref
	Body     *Doc
	Sections Sections

	// Filled by package check.
	ToolList    []*Tool
	ServiceList []*Service
}

// Tool kinds.
const (
	KindForm    = "form"
	KindArticle = "article"
	KindFile    = "file"
	KindLink    = "link"
)

// Tool is a document of the toolbox (verktøykasse).
type Tool struct {
	Pos        Pos
	File       string
	National   bool // from content/toolbox
	Slug       string
	Title      string
	Kind       string
	Category   string
	Summary    string
	Attachment string // kind file: path of the attachment relative to the site root
	AttachPos  Pos
	// AttachmentURL is where the attachment is published, root-relative
	// (filled by package check).
	AttachmentURL string
	ExternalURL   string // kind link: the address it points to
	Languages     []Ref
	Levels        []int
	Audience      string // "foreldre" for a document written for parents; "" otherwise
	Aliases       []Ref
	Body          *Doc
	Translations  []*Translation

	UsedBy []*Step // filled by package check, in guide, level and step order

	// PDF is the address of the document's PDF, "" when it has none (a
	// link or attachment, or a text with letters the PDF font lacks);
	// PrintWeb is true for a form or article without one, whose page
	// says to print it from the browser (both filled by package check).
	PDF      string
	PrintWeb bool
}

// Page is a free page: national (om BTI, for foreldre ...) or the
// municipality's own.
type Page struct {
	Pos          Pos
	File         string
	National     bool
	Slug         string
	Title        string
	Summary      string
	Menu         bool
	Weight       int
	Audience     string // "foreldre" for a page written for parents; "" otherwise
	Aliases      []Ref
	Body         *Doc
	Translations []*Translation
}

// Translation is a page or toolbox document in another language.
type Translation struct {
	Pos      Pos
	File     string
	Lang     string
	Title    string
	Summary  string
	Category string // a toolbox document's category in this language; "" for the original's
	Body     *Doc

	// PDF and PrintWeb are as Tool's, for a toolbox document's
	// translation (a language written right to left gets no PDF).
	PDF      string
	PrintWeb bool
}

// PDF is one PDF of a site: of a toolbox document (Tool, with
// Translation for a translation's), of a guide (Guide), the binder of
// the whole toolbox, a guide's poster for the staff room (Guide, Paper),
// the training deck and its speaker notes, or the change notice. Kind
// says which.
type PDF struct {
	URL         string // root-relative: "/pdf/samtykkeskjema.pdf"
	Kind        string // one of the PDF* kinds
	Tool        *Tool
	Translation *Translation
	Guide       *Guide
	// Paper is a poster's paper size: PaperA4 or PaperA3.
	Paper string
}

// The kinds of PDF (PDF.Kind).
const (
	PDFTool      = "tool"    // a toolbox document or its translation
	PDFGuide     = "guide"   // a guide's handlingsveileder
	PDFBinder    = "binder"  // the toolbox binder (perm)
	PDFPoster    = "poster"  // a guide's model on one page (plakat)
	PDFDeck      = "deck"    // the training slides (opplæring)
	PDFDeckNotes = "notes"   // the slides' speaker notes
	PDFChanges   = "changes" // the change notice for the staff room's board
)

// Paper sizes of a poster.
const (
	PaperA4 = "A4"
	PaperA3 = "A3"
)

// Made reports whether the PDF is made in a build with the history h
// (nil: none): every PDF is, except the change notice, which needs a
// history (without one, the change log says there is none, and links
// no PDF).
func (p *PDF) Made(h *History) bool {
	return p.Kind != PDFChanges || h != nil
}

package render

import (
	"html/template"

	"github.com/bti-handbook/bti/generator/model"
)

// The page-specific parts of pageView.

type frontView struct {
	Guides []*guideView
	Forms  []*toolRef
	// HowTo is the page that explains the handbook, nil without one.
	HowTo *link
	// Start is the page for someone new (its Title "" for the interface
	// text's).
	Start *link
}

type guideView struct {
	PDF        string // the guide as a PDF, "" without PDFs
	ID         string
	URL        string
	PrintURL   string
	Title      string
	ShortTitle string
	Audience   string
	Intro      template.HTML
	Levels     []*levelView
}

type levelView struct {
	Level   *model.Level
	URL     string
	Title   string
	Summary string
	Guide   *guideView
	Intro   template.HTML
	Steps   []*stepRef
	// Changed is true when a step of the level is marked changed.
	Changed   bool
	PrevLevel *levelRef
	NextLevel *levelRef
}

type levelRef struct {
	Name  string
	Title string
	URL   string
}

type stepRef struct {
	Number  int
	Title   string
	Summary string
	URL     string
	// Changed marks a step changed in the last days (model.RecentDays).
	Changed bool
}

// pagerLink is the previous or next step; Level names the step's level
// when it is another than this step's (the pager crosses levels).
type pagerLink struct {
	*stepRef
	Level string
}

type stepView struct {
	Level    *model.Level
	Guide    *guideView
	Number   int
	Count    int
	Title    string
	Summary  string
	Deadline string
	Tools    []*toolRef
	Services []*model.Service
	Sections []sectionView
	// LevelSteps are the steps of this step's level, in order; LevelURL
	// is the level's page.
	LevelSteps []*stepRef
	LevelURL   string
	Prev       *pagerLink
	Next       *pagerLink
	PrevLevel  *levelRef
	NextLevel  *levelRef
	Changed    string
	// PrintAnchor is the step's anchor on the guide's print page.
	PrintAnchor string
}

type sectionView struct {
	Key     string
	Heading string
	ID      string
	HTML    template.HTML
}

type toolRef struct {
	Title   string
	Kind    string
	Summary string
	URL     string
	PDF     string
	Levels  []int
	// Changed marks a document changed in the last days
	// (model.RecentDays): its text, a translation or its attachment.
	Changed bool
}

type toolboxView struct {
	Binder string // the binder PDF, "" without PDFs
	// Changed is true when a document listed is marked changed (the
	// page then says what the mark means).
	Changed    bool
	Filter     int // -1 for all levels
	Levels     []levelRef2
	Categories []categoryView
}

type levelRef2 struct {
	Number int
	Name   string
	Title  string
	URL    string
}

type categoryView struct {
	ID    string
	Name  string
	Tools []*toolRef
}

type toolView struct {
	Kind string
	// Changed is the date the document last changed (from git), for the
	// header of a printed form.
	Changed  string
	Category string
	// CategoryLang is the category's language: the translation's, or
	// the municipality's when the translation has none of its own.
	CategoryLang string
	Body         template.HTML
	PDF          string
	PrintWeb     bool // no PDF can be made in this script: print the page
	Attachment   *attachmentView
	External     string
	UsedBy       []usedByView
}

type attachmentView struct {
	Name   string
	URL    string
	Format string
	Size   string
}

type usedByView struct {
	Guide     string
	Level     int
	LevelName string
	Title     string
	URL       string
}

type serviceGroup struct {
	Kind     string
	Services []*model.Service
}

type printView struct {
	Guide  *guideView
	Intro  template.HTML
	Levels []printLevel
}

type printLevel struct {
	Level  *model.Level
	Anchor string
	Intro  template.HTML
	Steps  []printStep
}

type printStep struct {
	Anchor   string
	Number   int
	Title    string
	Summary  string
	Deadline string
	Sections []sectionView
	Tools    []*toolRef
}

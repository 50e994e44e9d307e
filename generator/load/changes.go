package load

import (
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/source"
)

// The codes of the keys for the pages the site makes itself
// (generator/diag/messages/pages.toml).
const changeMonths diag.Code = "BTI700"

// The months [changes] months may be: from one month to ten years.
const (
	minChangeMonths = 1
	maxChangeMonths = 120
)

// fillChanges checks the [changes] table of municipality.toml and copies
// it into m. Without it the change log shows model.DefaultChangeMonths.
func (r *reader) fillChanges(m *model.Municipality, f *changesFile, doc *source.Doc) {
	if f == nil {
		return
	}
	if f.Messages != nil {
		m.HideChangeMessages = !*f.Messages
	}
	if !doc.Has("changes.months") {
		return
	}
	if f.Months < minChangeMonths || f.Months > maxChangeMonths {
		r.l.Report(doc.Pos("changes.months"), changeMonths, "value", f.Months, "min", minChangeMonths, "max", maxChangeMonths,
			"default", model.DefaultChangeMonths)
		return
	}
	m.ChangeMonths = f.Months
}

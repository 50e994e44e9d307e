package pdf

import (
	"cmp"
	"strings"
)

// Field geometry in millimetres.
const (
	fieldH     = 7.0  // a one-line field: the line is at its foot
	signatureH = 12.0 // a signature needs room for a hand
	labelLead  = 5.0  // lines of a label that wraps
	labelSize  = 10.0
	minFieldW  = 50.0 // a field narrower than this (mm) goes below its label
	boxPitch   = 7.0  // the height an answer box gets for each line of underscores
	checkSize  = 4.5
)

// isSignature reports whether a field is for a signature, by its label.
func isSignature(label string) bool {
	l := strings.ToLower(label)
	for _, w := range []string{"underskrift", "signatur", "vuolláičál"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// fieldPlan is where one field of a line of fields and its label go.
type fieldPlan struct {
	x, slot float64  // the slot of the field and its label
	lines   [][]word // the label, wrapped to the slot
	below   bool     // the field is on a line of its own under the label
	fx, fw  float64  // the field
	h       float64  // the field's height
	height  float64  // label and field
}

// planFields lays out a line of fields: each label wraps within its slot
// (never cut short), with its field after the label's last line, or on a
// line of its own below it when less than minFieldW would be left.
func (w *writer) planFields(b Block, indent float64) ([]fieldPlan, float64) {
	n := float64(len(b.Fields))
	slot := (contentW - indent - 4*(n-1)) / n
	x := marginL + indent
	bold := w.c.fonts[1].face
	var plans []fieldPlan
	height := 0.0
	for _, f := range b.Fields {
		p := fieldPlan{x: x, slot: slot, h: fieldH}
		if isSignature(f.Label) {
			p.h = signatureH
		}
		p.lines = w.lines(words([]Span{{Text: f.Label, Bold: true}}), slot, labelSize)
		last := 0.0
		if k := len(p.lines); k > 0 {
			last = bold.width(joinWords(p.lines[k-1]), labelSize)
		}
		minW := min(minFieldW, slot*0.4)
		if len(p.lines) == 0 {
			p.fx, p.fw = x, slot
			p.height = p.h
		} else if last+2+minW <= slot {
			p.fx, p.fw = x+last+2, slot-last-2
			p.height = float64(len(p.lines)-1)*labelLead + p.h
		} else {
			p.below = true
			p.fx, p.fw = x, slot
			p.height = float64(len(p.lines))*labelLead + p.h
		}
		height = max(height, p.height)
		plans = append(plans, p)
		x += slot + 4
	}
	return plans, height + 3
}

// joinWords is the text of a line of words.
func joinWords(ws []word) string {
	var b strings.Builder
	for i, wd := range ws {
		if i > 0 && !wd.glued {
			b.WriteByte(' ')
		}
		b.WriteString(wd.text)
	}
	return b.String()
}

// fieldLine draws one or more labelled lines to write on, as a paragraph
// of the labels with a Form element for each field.
func (w *writer) fieldLine(b Block, indent float64, fillable bool) {
	plans, height := w.planFields(b, indent)
	w.need(height)
	p := w.container(b.Level).add("P")
	foot := w.y + height - 3 // where the lines are
	for i, f := range b.Fields {
		pl := plans[i]
		fieldTop := foot - pl.h
		base := foot - 1.8 // the last label line's baseline
		if pl.below {
			base = fieldTop - 1.5
		}
		w.c.tag(p)
		w.c.setFont(true, labelSize)
		for k, l := range pl.lines {
			s := joinWords(l)
			if k+1 < len(pl.lines) {
				s += " " // read out as one label
			}
			w.c.text(pl.x, base-float64(len(pl.lines)-1-k)*labelLead, s)
		}
		form := p.add("Form")
		m := w.c.current()
		w.c.artifact(artLayout)
		w.c.line(pl.fx, foot, pl.x+pl.slot, foot, 0.3, 0)
		w.c.restore(m)
		if fillable {
			w.addField(Field{Name: w.name(f.Name), Label: cmp.Or(f.TU, f.Name), Kind: TextField,
				X: pl.fx, Y: fieldTop, W: pl.x + pl.slot - pl.fx, H: pl.h}, form)
		}
	}
	w.y += height
}

// boxHeight is the height of an answer box.
func boxHeight(b Block) float64 { return boxPitch * float64(max(b.Rows, 2)) }

// box draws a box for a longer answer. It has no ruled lines: a viewer
// writes typed text at its own line height, which no ruling would match
// (docs/architecture.md).
func (w *writer) box(b Block, fillable bool) {
	h := boxHeight(b)
	w.need(min(h, bodyH) + 2)
	h = min(h, bottom-w.y)
	form := w.container(b.Level).add("Form")
	m := w.c.current()
	w.c.artifact(artLayout)
	w.c.strokeRect(marginL, w.y, contentW, h, 0.3, 0)
	w.c.restore(m)
	if fillable {
		w.addField(Field{Name: w.name(b.Field.Name), Label: cmp.Or(b.Field.TU, b.Field.Label), Kind: MultiLineField,
			X: marginL, Y: w.y, W: contentW, H: h}, form)
	}
	w.y += h + 4
}

// checkHeight is the height of a checkbox with its label.
func (w *writer) checkHeight(b Block, indent float64) float64 {
	n := len(w.lines(words(b.Spans), contentW-indent-checkSize-3, bodySize))
	return max(checkSize, float64(n)*bodyLead)
}

// check draws a checkbox and its label, as a list item whose label is the
// box.
func (w *writer) check(b Block, indent float64, fillable, more bool) {
	w.need(w.checkHeight(b, indent) + 2)
	lbl, body := w.listItem(b)
	x := marginL + indent
	form := lbl.add("Form")
	m := w.c.current()
	w.c.artifact(artLayout)
	w.c.strokeRect(x, w.y+0.3, checkSize, checkSize, 0.3, 0)
	w.c.restore(m)
	if fillable {
		w.addField(Field{Name: w.name(b.Field.Name), Label: cmp.Or(b.Field.TU, b.Field.Label), Kind: CheckBox,
			X: x, Y: w.y + 0.3, W: checkSize, H: checkSize}, form)
	}
	w.text(body, b.Spans, x+checkSize+3, contentW-indent-checkSize-3, bodySize, bodyLead)
	w.y += 1.5
	if !more {
		w.y += 2
	}
}

package pdf

import "strings"

// Text sizes and line heights (points, millimetres) of the blocks.
const (
	bodySize, bodyLead = 10.5, 5.2
)

func headingSize(level int) float64 {
	switch level {
	case 1:
		return 15
	case 2:
		return 13
	case 3:
		return 11.5
	}
	return 11
}

// blocks lays out a document's blocks. What belongs together stays on one
// page: a heading with the block after it, a question with its field or
// answer box (keepHeight).
func (w *writer) blocks(bs []Block, fillable bool) {
	for i := range bs {
		if h := w.keepHeight(bs, i, fillable); h > 0 {
			w.need(h)
		}
		b := bs[i]
		indent := float64(b.Level) * 6
		switch b.Kind {
		case BlockHeading:
			w.headingBlock(b)
		case BlockParagraph, BlockQuote, BlockCode:
			q := w.quote
			parent := w.container(b.Level)
			x := marginL + indent
			if b.Kind == BlockQuote {
				if q == nil || q.parent != parent {
					q = parent.add("BlockQuote")
				}
				parent, w.quote = q, q
				x += 5
			}
			start, page := w.y, w.c.pageNo()
			w.text(parent.add("P"), b.Spans, x, contentW-(x-marginL), bodySize, bodyLead)
			if b.Kind == BlockQuote && w.c.pageNo() == page {
				m := w.c.current()
				w.c.artifact(artLayout)
				w.c.line(marginL+indent+1.5, start, marginL+indent+1.5, w.y, 0.8, 150)
				w.c.restore(m)
			}
			w.y += 2.5
		case BlockListItem:
			lbl, body := w.listItem(b)
			x := marginL + indent + 6
			lines := w.lines(words(b.Spans), contentW-(x-marginL), bodySize)
			if len(lines) <= 3 {
				w.need(float64(len(lines)) * bodyLead)
			} else {
				w.need(2 * bodyLead)
			}
			w.c.tag(lbl)
			w.c.setFont(false, bodySize)
			w.c.text(x-5, w.y+bodyLead*0.75, b.Marker)
			w.flow(body, lines, x, bodySize, bodyLead)
			w.y += 1
			if i+1 == len(bs) || !inList(bs[i+1]) {
				w.y += 1.5 // the end of a list
			}
		case BlockFields:
			w.fieldLine(b, indent, fillable)
		case BlockBox:
			w.box(b, fillable)
		case BlockCheck:
			w.check(b, indent, fillable, i+1 < len(bs) && bs[i+1].Kind == BlockCheck)
		case BlockTable:
			w.table(b.Table, fillable)
		case BlockRule:
			w.container(0)
			w.need(4)
			m := w.c.current()
			w.c.artifact(artLayout)
			w.c.line(marginL, w.y+2, PageW-marginR, w.y+2, 0.3, 150)
			w.c.restore(m)
			w.y += 5
		}
	}
}

// inList reports whether b continues a list: an item, or a block inside one.
func inList(b Block) bool {
	return b.Kind == BlockListItem || b.Kind == BlockCheck || b.Level > 0 && b.Kind != BlockHeading
}

// headingBlock writes a heading: bold text, or white text on a band of
// colour (the guide's levels).
func (w *writer) headingBlock(b Block) {
	if b.Sect > 0 {
		w.openSect(b.Sect)
	}
	if b.Bookmark > 0 {
		h, _ := w.measure(b, false)
		w.need(h)
		w.c.outline(spanText(b.Spans), b.Bookmark-1)
	}
	e := w.heading(b.Level, b.H)
	if b.Band != nil {
		rgb := *b.Band
		w.y += 6
		m := w.c.current()
		w.c.artifact(artLayout)
		w.c.fillRect(marginL, w.y, contentW, 11, rgb[0], rgb[1], rgb[2])
		w.c.restore(m)
		w.c.setColor(255, 255, 255)
		y := w.y
		w.y += 2.35
		w.text(e, boldSpans(b.Spans), marginL+3, contentW-6, 14, 7)
		w.c.setColor(0, 0, 0)
		w.y = y + 15
		return
	}
	size := headingSize(b.Level)
	w.y += 3
	w.text(e, boldSpans(b.Spans), marginL, contentW, size, size*0.5)
	w.y += 1.5
}

func boldSpans(s []Span) []Span {
	out := make([]Span, len(s))
	for i, sp := range s {
		sp.Bold = true
		out[i] = sp
	}
	return out
}

// keepHeight is the height that must fit on the page before block i is
// laid out, so that it is not left at the foot of a page apart from what
// it introduces: a heading, a question before a field or an answer box, a
// sentence ending in a colon before a list. 0 when i needs nothing kept.
func (w *writer) keepHeight(bs []Block, i int, fillable bool) float64 {
	if !keepsWithNext(bs, i) {
		return 0
	}
	sum := 0.0
	j := i
	// The walk stops once the chain is taller than a page: it cannot be
	// kept together then anyway, and a run of thousands of headings
	// stays linear.
	for ; j < len(bs) && keepsWithNext(bs, j) && sum <= bodyH; j++ {
		whole, _ := w.measure(bs[j], fillable)
		sum += whole
	}
	if j < len(bs) && sum <= bodyH {
		_, first := w.measure(bs[j], fillable)
		sum += first
	}
	if sum > bodyH {
		// Too much to keep together: keep the block with the next one's start.
		whole, _ := w.measure(bs[i], fillable)
		_, first := w.measure(bs[i+1], fillable)
		sum = min(whole+first, bodyH)
	}
	return sum
}

// keepsWithNext reports whether block i belongs on the page of the block
// after it.
func keepsWithNext(bs []Block, i int) bool {
	if i+1 >= len(bs) {
		return false
	}
	next := bs[i+1].Kind
	switch bs[i].Kind {
	case BlockHeading:
		return true
	case BlockParagraph, BlockQuote:
		switch next {
		case BlockBox, BlockFields, BlockCheck, BlockTable:
			return true
		case BlockListItem:
			return strings.HasSuffix(strings.TrimSpace(spanText(bs[i].Spans)), ":")
		}
	case BlockListItem:
		// An item that introduces the list inside it ("Eksempler:").
		if next == BlockListItem && bs[i+1].Level > bs[i].Level && strings.HasSuffix(strings.TrimSpace(spanText(bs[i].Spans)), ":") {
			return true
		}
		return pairAtEnd(bs, i)
	case BlockCheck:
		return pairAtEnd(bs, i)
	}
	return false
}

// pairAtEnd reports whether block i is the first or the next to last of
// a run of at least three list items or checkboxes at one level: no page
// begins or ends a list with a single one of them.
func pairAtEnd(bs []Block, i int) bool {
	same := func(j int) bool {
		return j >= 0 && j < len(bs) && bs[j].Kind == bs[i].Kind && bs[j].Level == bs[i].Level
	}
	if !same(i + 1) {
		return false
	}
	first := !same(i - 1)
	nextToLast := !same(i + 2)
	if first && nextToLast {
		return false // a run of two may break between them
	}
	return first || nextToLast
}

func spanText(s []Span) string {
	var b strings.Builder
	for _, sp := range s {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// measure returns the height of block b laid out whole, and of its first
// part that cannot be split from it (a paragraph's first two lines, a
// table's header and first row).
func (w *writer) measure(b Block, fillable bool) (whole, first float64) {
	indent := float64(b.Level) * 6
	switch b.Kind {
	case BlockHeading:
		if b.Band != nil {
			return 21, 21
		}
		size := headingSize(b.Level)
		n := len(w.lines(words(boldSpans(b.Spans)), contentW, size))
		h := 3 + float64(n)*size*0.5 + 1.5
		return h, h
	case BlockParagraph, BlockQuote, BlockCode:
		x := indent
		if b.Kind == BlockQuote {
			x += 5
		}
		n := len(w.lines(words(b.Spans), contentW-x, bodySize))
		whole = float64(n)*bodyLead + 2.5
		if n <= 3 {
			return whole, whole
		}
		return whole, 2 * bodyLead
	case BlockListItem:
		n := len(w.lines(words(b.Spans), contentW-indent-6, bodySize))
		whole = float64(n)*bodyLead + 1
		if n <= 3 {
			return whole, whole
		}
		return whole, 2 * bodyLead
	case BlockFields:
		_, h := w.planFields(b, indent)
		return h, h
	case BlockBox:
		h := min(boxHeight(b), bodyH) + 4
		return h, h
	case BlockCheck:
		h := w.checkHeight(b, indent) + 3.5
		return h, h
	case BlockTable:
		return w.tableHeights(b.Table)
	case BlockRule:
		return 5, 5
	}
	return 0, 0
}

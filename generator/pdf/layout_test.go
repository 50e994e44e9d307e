package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/internal/pdfcheck"
)

// TestLayoutKeepsTogether measures every PDF of the samples and of new
// municipalities, read back through their structure trees: no heading,
// and no question or label, at the foot of a page apart from what it
// introduces (a heading's next block, a field, an answer box, a table or
// a list of checkboxes); no table header apart from its first row; no
// field label cut short; no paragraph or list item that leaves a single
// line on a page.
func TestLayoutKeepsTogether(t *testing.T) {
	pdfs := loadPDFs(t, samplePDFs)
	for n, data := range loadPDFs(t, newPDFs) {
		pdfs["new/"+n] = data
	}
	var apart, cut, alone []string
	labels, headings, fields := 0, 0, 0
	for _, name := range sortedNames(pdfs) {
		doc, err := pdfcheck.Check(pdfs[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, e := range doc.Elems() {
			kids := contentKids(e)
			for i := 0; i+1 < len(kids); i++ {
				k, next := kids[i], kids[i+1]
				heading := len(k.Tag) == 2 && k.Tag[0] == 'H'
				label := k.Tag == "P" && !k.Has("Form") && introducesField(next)
				if !heading && !label || next.Tag == "Sect" {
					continue
				}
				if heading {
					headings++
				} else {
					labels++
				}
				_, last := k.Pages()
				if first, _ := next.Pages(); first != last {
					apart = append(apart, name+": "+k.Tag+" "+quote(k.Text())+" ends page "+strconv.Itoa(last)+", its "+next.Tag+" starts page "+strconv.Itoa(first))
				}
			}
			switch e.Tag {
			case "Table":
				var th, td int
				for _, x := range subtree(e) {
					if x.Tag == "TH" && th == 0 {
						th, _ = x.Pages()
					}
					if x.Tag == "TD" && td == 0 {
						td, _ = x.Pages()
					}
				}
				if td != 0 && th != td {
					apart = append(apart, name+": a table's header is on page "+strconv.Itoa(th)+", its first row on page "+strconv.Itoa(td))
				}
			case "P":
				text := strings.Join(strings.Fields(e.Text()), " ")
				for _, k := range e.Kids {
					if k.Elem == nil || k.Elem.Tag != "Form" {
						continue
					}
					for _, a := range k.Elem.Kids {
						if a.Annot == nil {
							continue
						}
						fields++
						if tu := strings.Join(strings.Fields(a.Annot.TU), " "); !strings.Contains(text, tu) || strings.Contains(text, "…") {
							cut = append(cut, name+": the label "+quote(text)+" does not show its field's name "+quote(tu))
						}
						if first, _ := e.Pages(); first != a.Annot.Page {
							apart = append(apart, name+": the label "+quote(text)+" is on page "+strconv.Itoa(first)+", its field on page "+strconv.Itoa(a.Annot.Page))
						}
					}
				}
				fallthrough
			case "LBody":
				if p := lonePage(ownLines(e)); p > 0 {
					alone = append(alone, name+": "+e.Tag+" "+quote(e.Text())+" has a single line on page "+strconv.Itoa(p))
				}
			}
		}
	}
	for _, s := range apart {
		t.Error(s)
	}
	for _, s := range cut {
		t.Error(s)
	}
	for _, s := range alone {
		t.Error(s)
	}
	t.Logf("%d PDFs: %d headings and %d labels followed: %d apart; %d field labels: %d cut; %d single lines left behind",
		len(pdfs), headings, labels, len(apart), fields, len(cut), len(alone))
	if headings < 100 || labels < 30 || fields < 200 {
		t.Errorf("too little measured: %d headings, %d labels, %d fields", headings, labels, fields)
	}
}

// contentKids are the child elements of e that have content.
func contentKids(e *pdfcheck.Elem) []*pdfcheck.Elem {
	var out []*pdfcheck.Elem
	for _, k := range e.Kids {
		if k.Elem != nil {
			if p, _ := k.Elem.Pages(); p > 0 {
				out = append(out, k.Elem)
			}
		}
	}
	return out
}

// subtree is e and every element below it, in reading order.
func subtree(e *pdfcheck.Elem) []*pdfcheck.Elem {
	out := []*pdfcheck.Elem{e}
	for _, k := range e.Kids {
		if k.Elem != nil {
			out = append(out, subtree(k.Elem)...)
		}
	}
	return out
}

// introducesField reports whether a paragraph before e is its question
// or label: e is a field, an answer box, a line of fields, a table of
// fields or a list of checkboxes.
func introducesField(e *pdfcheck.Elem) bool {
	switch e.Tag {
	case "Form":
		return true
	case "P", "Table", "L":
		return e.Has("Form")
	}
	return false
}

// ownLines are the lines of e's text, without those of a list inside it
// (each of whose items is measured on its own).
func ownLines(e *pdfcheck.Elem) []pdfcheck.Line {
	own := &pdfcheck.Elem{Tag: e.Tag}
	for _, k := range e.Kids {
		if k.Elem == nil || k.Elem.Tag != "L" {
			own.Kids = append(own.Kids, k)
		}
	}
	return own.Lines()
}

// lonePage returns a page on which lines of text that continue from or
// onto another page are a single line (0 when there is none).
func lonePage(lines []pdfcheck.Line) int {
	per := map[int]int{}
	var order []int
	for _, l := range lines {
		if per[l.Page] == 0 {
			order = append(order, l.Page)
		}
		per[l.Page]++
	}
	if len(order) < 2 {
		return 0
	}
	for _, p := range order {
		if per[p] == 1 {
			return p
		}
	}
	return 0
}

func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return "«" + s + "»"
}

// TestPhoneNumbersDoNotBreak: a tel: link is one word, so "00 00 00 00"
// never wraps onto two lines; other text still breaks at its spaces.
func TestPhoneNumbersDoNotBreak(t *testing.T) {
	ws := words([]Span{{Text: "Barnevernvakt: "}, {Text: "00 00 00 00", Link: "tel:+4700000000", LinkNo: 1}, {Text: ". Ring snart."}})
	var got []string
	for _, w := range ws {
		got = append(got, w.text)
	}
	if strings.Join(got, "|") != "Barnevernvakt:|00 00 00 00|.|Ring|snart." || !ws[2].glued {
		t.Errorf("words: %q", got)
	}
}

// TestListsKeepPairsAtTheirEnds: in a run of three or more checkboxes or
// list items the first stays with the second and the next to last with
// the last, so no page starts or ends a list with one; a run of two may
// break between them.
func TestListsKeepPairsAtTheirEnds(t *testing.T) {
	run := []Block{{Kind: BlockParagraph}, {Kind: BlockCheck}, {Kind: BlockCheck}, {Kind: BlockCheck}, {Kind: BlockCheck}, {Kind: BlockParagraph}}
	var got []bool
	for i := 1; i <= 4; i++ {
		got = append(got, keepsWithNext(run, i))
	}
	if fmt.Sprint(got) != "[true false true false]" {
		t.Errorf("four checkboxes: %v", got)
	}
	two := []Block{{Kind: BlockListItem}, {Kind: BlockListItem}}
	if keepsWithNext(two, 0) {
		t.Error("a run of two is kept together")
	}
	nested := []Block{{Kind: BlockListItem}, {Kind: BlockListItem, Level: 1}, {Kind: BlockListItem, Level: 1}, {Kind: BlockListItem, Level: 1}, {Kind: BlockListItem}}
	if !keepsWithNext(nested, 1) || keepsWithNext(nested, 0) {
		t.Error("levels are runs of their own")
	}
}

// TestSmallTablesStayWhole: a table of a few short rows must go on one
// page; a long one only its header with the first row.
func TestSmallTablesStayWhole(t *testing.T) {
	c, err := newCanvas()
	if err != nil {
		t.Fatal(err)
	}
	w := newWriter(c, "nb", "Test", Footer{})
	small := &Table{Header: []string{"Dato", "Avtale"}, Rows: [][]Cell{{{Text: "a"}, {}}, {{Text: "b"}, {}}, {{Text: "c"}, {}}, {{Text: "d"}, {}}}}
	if whole, first := w.tableHeights(small); first != whole {
		t.Errorf("four rows: %v of %v must go on one page", first, whole)
	}
	long := &Table{Header: []string{"Dato", "Avtale"}}
	for range 20 {
		long.Rows = append(long.Rows, []Cell{{Text: "x"}, {}})
	}
	if whole, first := w.tableHeights(long); first >= whole {
		t.Errorf("twenty rows kept whole: %v of %v", first, whole)
	}
}

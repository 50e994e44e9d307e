package pdf

import (
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Table geometry.
const (
	cellPad, cellSize, cellLead = 1.8, 9.5, 4.6
	fieldRowH                   = 8.0
)

// Widths of columns of empty cells (fields), by what their header says
// they hold: a number, a date, a name; other fields share what is left.
var fieldColumnWidths = []struct {
	words []string
	width float64
}{
	{[]string{"nr", "nr.", "nummer", "no.", "#"}, 16},
	{[]string{"dato", "date", "frist", "oppstart", "evalueres", "evaluerast", "når", "når?", "tidspunkt", "deadline", "til stede", "ja/nei"}, 24},
	{[]string{"ansvarlig", "hvem", "hvem?", "kven", "kven?", "navn", "namn", "name", "observatør", "rolle", "tjeneste", "teneste", "deltaker", "deltakar"}, 38},
}

// fieldColumnWidth is the width a column of fields with header h needs,
// or 0 when it holds free text.
func fieldColumnWidth(h string) float64 {
	l := strings.ToLower(strings.TrimSpace(h))
	fs := strings.Fields(l)
	if len(fs) == 0 {
		return 0
	}
	for _, k := range fieldColumnWidths {
		for _, wd := range k.words {
			if fs[len(fs)-1] == wd || fs[0] == wd || l == wd {
				return k.width
			}
		}
	}
	return 0
}

// columns sizes the columns of a table by their content: a column of text
// gets the width of its longest line (wrapping when the table is too
// wide), a column of fields the width its header says it needs; the
// columns of free-text fields share the rest.
func (w *writer) columns(t *Table) []float64 {
	cols := len(t.Header)
	reg, bold := w.c.fonts[0].face, w.c.fonts[1].face
	minW := make([]float64, cols) // the longest word
	natW := make([]float64, cols) // the longest line, unwrapped
	flex := make([]bool, cols)    // a column of free-text fields
	for i, h := range t.Header {
		for _, wd := range strings.Fields(h) {
			minW[i] = max(minW[i], bold.width(wd, cellSize))
		}
		natW[i] = bold.width(h, cellSize)
	}
	for i := range cols {
		fields, texts := 0, 0
		for _, row := range t.Rows {
			if i >= len(row) {
				continue
			}
			c := row[i]
			if c.FieldName != "" {
				fields++
				continue
			}
			if c.Text == "" {
				continue
			}
			texts++
			for _, wd := range strings.Fields(c.Text) {
				minW[i] = max(minW[i], reg.width(wd, cellSize))
			}
			natW[i] = max(natW[i], reg.width(c.Text, cellSize))
		}
		if fields > 0 && texts == 0 {
			if fw := fieldColumnWidth(t.Header[i]); fw > 0 {
				natW[i] = max(natW[i], fw-2*cellPad)
			} else {
				flex[i] = true
			}
		}
	}
	out := make([]float64, cols)
	sum, nflex := 0.0, 0
	for i := range cols {
		minW[i] += 2 * cellPad
		natW[i] += 2 * cellPad
		if flex[i] {
			nflex++
			out[i] = max(minW[i], 25)
		} else {
			out[i] = natW[i]
		}
		sum += out[i]
	}
	if sum <= contentW {
		extra := contentW - sum
		if nflex > 0 {
			// The free-text fields share the rest equally, as far as it goes.
			for extra > 0.01 {
				low, n := 1e9, 0
				for i := range cols {
					if flex[i] {
						low = min(low, out[i])
					}
				}
				next := 1e9
				for i := range cols {
					if flex[i] && out[i] <= low+0.01 {
						n++
					} else if flex[i] {
						next = min(next, out[i])
					}
				}
				step := min(extra/float64(n), next-low)
				for i := range cols {
					if flex[i] && out[i] <= low+0.01 {
						out[i] += step
					}
				}
				extra -= step * float64(n)
			}
			return out
		}
		// No free-text fields: every column grows in proportion.
		for i := range out {
			out[i] += extra * out[i] / sum
		}
		return out
	}
	// Too wide: start from the longest words and give the rest in
	// proportion to what each column would still like.
	sum, want := 0.0, 0.0
	for i := range cols {
		out[i] = minW[i]
		sum += minW[i]
		if flex[i] {
			want += 60
		} else {
			want += max(natW[i]-minW[i], 0)
		}
	}
	if sum >= contentW || want == 0 {
		for i := range out {
			out[i] = out[i] * contentW / sum
		}
		return out
	}
	extra := contentW - sum
	for i := range cols {
		add := max(natW[i]-minW[i], 0)
		if flex[i] {
			add = 60
		}
		out[i] += extra * add / want
	}
	return out
}

// tableHeights is the height of the whole table and of what must go on
// one page: its header with its first row, or all of a small table.
func (w *writer) tableHeights(t *Table) (whole, first float64) {
	if len(t.Header) == 0 {
		return 0, 0
	}
	cw := w.columns(t)
	hh := w.headerHeight(t, cw)
	whole, first = hh+4, hh
	for r, row := range t.Rows {
		rh := w.rowHeight(row, cw)
		whole += rh
		if r == 0 {
			first += rh
		}
	}
	// A small table (up to six rows and a third of a page) is kept whole:
	// split, its halves would each repeat the header for a few rows.
	if len(t.Rows) <= 1 || (len(t.Rows) <= 6 && whole <= bodyH/3) {
		first = whole
	}
	return whole, first
}

func (w *writer) headerHeight(t *Table, cw []float64) float64 {
	hh := 0.0
	for i, h := range t.Header {
		hh = max(hh, float64(len(w.lines(words([]Span{{Text: h, Bold: true}}), cw[i]-2*cellPad, cellSize)))*cellLead)
	}
	return hh + 2*cellPad
}

func (w *writer) rowHeight(row []Cell, cw []float64) float64 {
	rh := fieldRowH
	for i, cell := range row {
		if i < len(cw) && cell.FieldName == "" && cell.Text != "" {
			rh = max(rh, float64(len(w.lines(words([]Span{{Text: cell.Text}}), cw[i]-2*cellPad, cellSize)))*cellLead+2*cellPad)
		}
	}
	return rh
}

// table draws a table as a Table element of rows of header and data
// cells; empty body cells become fields; the header is repeated (as an
// artifact) on each page the table continues on.
func (w *writer) table(t *Table, fillable bool) {
	cols := len(t.Header)
	if cols == 0 {
		return
	}
	cw := w.columns(t)
	xs := make([]float64, cols+1)
	xs[0] = marginL
	for i, c := range cw {
		xs[i+1] = xs[i] + c
	}
	table := w.container(0).add("Table")
	hasFields := false
	for _, row := range t.Rows {
		for _, c := range row {
			hasFields = hasFields || c.FieldName != ""
		}
	}
	hh := w.headerHeight(t, cw)
	header := func(tagged bool) {
		var tr *elem
		m := w.c.current()
		if tagged {
			tr = table.add("THead").add("TR")
		}
		w.c.artifact(artLayout)
		w.c.fillRect(marginL, w.y, contentW, hh, 232, 238, 245)
		w.c.strokeRect(marginL, w.y, contentW, hh, 0.25, 0)
		for i := 1; i < cols; i++ {
			w.c.line(xs[i], w.y, xs[i], w.y+hh, 0.25, 0)
		}
		y0 := w.y
		for i, h := range t.Header {
			w.y = y0 + cellPad
			var th *elem
			if tagged {
				th = tr.add("TH")
				th.keep = true
				th.attr = types.Dict{"O": types.Name("Table"), "Scope": types.Name("Column")}
			} else {
				w.c.artifact(artPage)
			}
			w.text(th, []Span{{Text: h, Bold: true}}, xs[i]+cellPad, cw[i]-2*cellPad, cellSize, cellLead)
		}
		w.c.restore(m)
		w.y = y0 + hh
	}
	_, first := w.tableHeights(t)
	w.need(first)
	header(true)
	body := table.add("TBody")
	for _, row := range t.Rows {
		rh := w.rowHeight(row, cw)
		if w.y+rh > bottom {
			w.page()
			header(false)
		}
		tr := body.add("TR")
		y0 := w.y
		for i, cell := range row {
			if i >= cols {
				break
			}
			x := xs[i]
			var td *elem
			if i == 0 && hasFields && cell.FieldName == "" && cell.Text != "" {
				td = tr.add("TH") // a row's label
				td.attr = types.Dict{"O": types.Name("Table"), "Scope": types.Name("Row")}
			} else {
				td = tr.add("TD")
			}
			td.keep = true
			if cell.FieldName != "" {
				if fillable {
					w.addField(Field{Name: w.name(cell.FieldName), Label: cell.Label, Kind: TextField,
						X: x + 0.6, Y: y0 + 0.6, W: cw[i] - 1.2, H: rh - 1.2, FontSize: 9}, td.add("Form"))
				}
			} else if cell.Text != "" {
				w.y = y0 + cellPad
				w.text(td, []Span{{Text: cell.Text}}, x+cellPad, cw[i]-2*cellPad, cellSize, cellLead)
			}
		}
		m := w.c.current()
		w.c.artifact(artLayout)
		w.c.strokeRect(marginL, y0, contentW, rh, 0.25, 0)
		for i := 1; i < cols; i++ {
			w.c.line(xs[i], y0, xs[i], y0+rh, 0.25, 0)
		}
		w.c.restore(m)
		w.y = y0 + rh
	}
	w.y += 4
}

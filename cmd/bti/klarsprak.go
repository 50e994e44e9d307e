package main

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/klarsprak"
	"github.com/bti-handbook/bti/generator/model"
)

// klarsprakCheck measures the text of every municipality of site and
// adds the warnings to l: about the national documents only when the
// project has a content/ folder of its own (otherwise they are built
// into bti, and the coordinator cannot change them). It returns the
// reports for the summary.
func klarsprakCheck(root fs.FS, site *model.Site, l *diag.List) []*klarsprak.Report {
	_, err := fs.Stat(root, content.Dir+"/levels.toml")
	national := err == nil
	var reports []*klarsprak.Report
	for _, m := range site.Municipalities {
		r := klarsprak.Analyse(m)
		r.Warn(l, national)
		reports = append(reports, r)
	}
	return reports
}

// hardest is how many of a part's hardest pages the summary lists.
const hardest = 5

// printKlarsprak writes the summary of each report in lang: a table of
// the parts of the handbook (each guide, the pages, the toolbox) with
// their pages, median LIX, long sentences and pages over the LIX limit,
// and the hardest pages of each part.
func printKlarsprak(w io.Writer, lang string, reports []*klarsprak.Report) {
	for _, r := range reports {
		m, s := r.Municipality, r.Settings
		fmt.Fprintln(w)
		fmt.Fprintln(w, diag.T(lang, "klarsprak.title", "name", m.Name))
		fmt.Fprintln(w, diag.T(lang, "klarsprak.limits", "words", s.Staff.SentenceWords, "lix", s.Staff.LIX,
			"parents_words", s.Parents.SentenceWords, "parents_lix", s.Parents.LIX, "min", klarsprak.MinWords))
		fmt.Fprintln(w)
		rows := [][]string{{
			diag.T(lang, "klarsprak.col.part"), diag.T(lang, "klarsprak.col.pages"), diag.T(lang, "klarsprak.col.median"),
			diag.T(lang, "klarsprak.col.long"), diag.T(lang, "klarsprak.col.hard"),
		}}
		for _, p := range r.Parts {
			median := "–"
			if x, ok := p.Median(); ok {
				median = fmt.Sprint(int(x + 0.5))
			}
			rows = append(rows, []string{partName(lang, p), fmt.Sprint(len(p.Pages)), median,
				fmt.Sprint(p.LongSentences()), fmt.Sprint(p.HardPages())})
		}
		writeTable(w, "  ", rows)
		for _, p := range r.Parts {
			pages := p.Hardest(hardest)
			fmt.Fprintln(w)
			switch len(pages) {
			case 0:
				fmt.Fprintf(w, "  %s: %s\n", partName(lang, p), diag.T(lang, "klarsprak.none"))
				continue
			case 1:
				fmt.Fprintln(w, "  "+diag.T(lang, "klarsprak.hardest.one", "part", partName(lang, p)))
			default:
				n := diag.T(lang, diag.Phrase(fmt.Sprintf("klarsprak.n.%d", len(pages)))) // hardest is at most 5
				fmt.Fprintln(w, "  "+diag.T(lang, "klarsprak.hardest.many", "n", n, "part", partName(lang, p)))
			}
			var list [][]string
			for _, pg := range pages {
				title := pg.Title
				if pg.National {
					title += " (" + diag.T(lang, "klarsprak.national") + ")"
				}
				list = append(list, []string{fmt.Sprintf("LIX %d", pg.Stats.Rounded()), diag.Clean(title), diag.Clean(pg.File)})
			}
			writeTable(w, "    ", list)
		}
	}
}

// partName is what the summary calls a part of the handbook.
func partName(lang string, p *klarsprak.Part) string {
	switch p.Kind {
	case klarsprak.PartPages:
		return diag.T(lang, "klarsprak.part.pages")
	case klarsprak.PartToolbox:
		return diag.T(lang, "klarsprak.part.toolbox")
	}
	if p.Guide.ShortTitle != "" {
		return diag.Clean(p.Guide.ShortTitle)
	}
	return diag.Clean(p.Guide.Title)
}

// writeTable writes rows as columns, each as wide as its widest cell
// (in characters): the first column left-aligned, numbers right-aligned,
// and a last column of text as it is.
func writeTable(w io.Writer, indent string, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			switch {
			case i == len(row)-1 && !numeric(cell) && i > 0:
				b.WriteString(cell)
			case i == 0 || !numeric(cell):
				b.WriteString(cell + pad)
			default:
				b.WriteString(pad + cell)
			}
			if i < len(row)-1 {
				b.WriteString("  ")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// numeric reports whether a cell is a number (or "–" for none).
func numeric(s string) bool {
	if s == "–" {
		return true
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

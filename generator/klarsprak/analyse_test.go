package klarsprak

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
)

// sentenceOf makes a sentence of n words, none of them long.
func sentenceOf(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = "ord"
	}
	w[0] = "Ett"
	return strings.Join(w, " ") + "."
}

func parse(t *testing.T, file, body string) *model.Doc {
	t.Helper()
	var l diag.List
	return markdown.Parse(file, []byte(body), false, &l)
}

// municipality is a municipality with one guide of one step, and pages:
// for-foreldre (national), a page marked for parents and a plain one.
// Each text has one sentence of 22 words: long for parents (over 20),
// not for staff (25).
func municipality(t *testing.T, limits model.KlarsprakLimits) *model.Municipality {
	t.Helper()
	s22 := sentenceOf(22)
	g := &model.Guide{ID: "barnehage", Title: "Barnehage"}
	step := &model.Step{File: "m/guides/barnehage/niva-0/01-a.md", Guide: g, Level: 0, Slug: "a", Title: "A",
		Body: parse(t, "m/guides/barnehage/niva-0/01-a.md", "\n\n## Hva\n"+s22+"\n")}
	step.Sections = markdown.SplitSections(step.Body)
	g.Levels[0] = &model.GuideLevel{Number: 0, Steps: []*model.Step{step}}
	return &model.Municipality{
		Slug: "m", Name: "M kommune", Klarsprak: limits, Guides: []*model.Guide{g},
		Pages: []*model.Page{
			{File: "content/pages/for-foreldre.md", Slug: "for-foreldre", Title: "For foreldre", National: true, Body: parse(t, "content/pages/for-foreldre.md", s22)},
			{File: "m/pages/brosjyre.md", Slug: "brosjyre", Title: "Brosjyre", Audience: model.AudienceParents, Body: parse(t, "m/pages/brosjyre.md", s22),
				Translations: []*model.Translation{
					{File: "m/pages/brosjyre.nn.md", Lang: "nn", Title: "Brosjyre", Body: parse(t, "m/pages/brosjyre.nn.md", s22)},
					{File: "m/pages/brosjyre.en.md", Lang: "en", Title: "Brochure", Body: parse(t, "m/pages/brosjyre.en.md", s22)},
				}},
			{File: "m/pages/kontakt.md", Slug: "kontakt", Title: "Kontakt", Body: parse(t, "m/pages/kontakt.md", s22)},
		},
		Toolbox: []*model.Tool{{File: "m/toolbox/x.md", Slug: "x", Title: "X", Audience: model.AudienceParents, Body: parse(t, "m/toolbox/x.md", s22)}},
	}
}

func warnings(r *Report, national bool) []string {
	var l diag.List
	r.Warn(&l, national)
	var out []string
	for _, d := range l.Sorted() {
		msg, _ := d.Message("nb")
		out = append(out, d.Pos.String()+" "+msg)
	}
	return out
}

// TestParentsPages: pages meant for parents (the national for-foreldre,
// audience = "foreldre", their Norwegian translations) have the stricter
// limit; others, and translations into other languages, do not. The
// national page is warned about only when asked.
func TestParentsPages(t *testing.T) {
	r := Analyse(municipality(t, model.KlarsprakLimits{}))
	got := strings.Join(warnings(r, true), "\n")
	want := strings.Join([]string{
		"content/pages/for-foreldre.md:1:1 lang setning (22 ord): del den i to",
		"m/pages/brosjyre.md:1:1 lang setning (22 ord): del den i to",
		"m/pages/brosjyre.nn.md:1:1 lang setning (22 ord): del den i to",
		"m/toolbox/x.md:1:1 lang setning (22 ord): del den i to",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := warnings(r, false); len(got) != 3 || strings.Contains(strings.Join(got, "\n"), "content/") {
		t.Errorf("without the national documents: %q", got)
	}
	// The parts: the guide, the pages (with the Norwegian translation, not
	// the English one), the toolbox.
	var parts []string
	for _, p := range r.Parts {
		parts = append(parts, fmt.Sprintf("%d:%d", p.Kind, len(p.Pages)))
	}
	if strings.Join(parts, " ") != "0:1 1:4 2:1" {
		t.Errorf("parts %v", parts)
	}
}

// TestLimitsFromMunicipality: [klarsprak] replaces the defaults it sets.
func TestLimitsFromMunicipality(t *testing.T) {
	r := Analyse(municipality(t, model.KlarsprakLimits{SentenceWords: 21, ParentsSentenceWords: 22}))
	if r.Settings != (Settings{Staff: Limits{21, 45}, Parents: Limits{22, 40}}) {
		t.Errorf("settings %+v", r.Settings)
	}
	// 22 words: long for staff now (over 21), no longer for parents.
	got := strings.Join(warnings(r, true), "\n")
	want := "m/guides/barnehage/niva-0/01-a.md:4:1 lang setning (22 ord): del den i to\nm/pages/kontakt.md:1:1 lang setning (22 ord): del den i to"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestHardPage: a page of enough words whose LIX is over the limit is
// warned about at the top of its file, with the figures in the hint; a
// shorter page of the same text is not.
func TestHardPage(t *testing.T) {
	// Ten sentences of six words, three of them long: 6 + 50 = LIX 56.
	var b strings.Builder
	for range 10 {
		b.WriteString("Samarbeidsmøtet krever tverrfaglig oppfølging av barn. ")
	}
	hard := b.String()
	m := &model.Municipality{Slug: "m", Pages: []*model.Page{
		{File: "m/pages/a.md", Slug: "a", Title: "A", Body: parse(t, "m/pages/a.md", hard)},
		{File: "m/pages/b.md", Slug: "b", Title: "B", Body: parse(t, "m/pages/b.md", "Samarbeidsmøtet krever tverrfaglig oppfølging av barn.")},
	}}
	r := Analyse(m)
	p := r.Parts[0].Pages[0]
	if p.Stats != (Stats{Sentences: 10, Words: 60, Long: 30}) || math.Abs(p.Stats.LIX()-56) > 1e-9 || !p.Hard() {
		t.Fatalf("stats %+v, LIX %v", p.Stats, p.Stats.LIX())
	}
	var l diag.List
	r.Warn(&l, true)
	ds := l.Sorted()
	if len(ds) != 1 || ds[0].Code != hardText {
		t.Fatalf("warnings %v", ds)
	}
	msg, hint := ds[0].Message("nb")
	if ds[0].Pos.String() != "m/pages/a.md:1:1" || msg != "vanskelig tekst (LIX 56): skriv kortere setninger og ord" ||
		hint != "grensen er LIX 45. Siden har 60 ord i 10 setninger, i snitt 6 ord per setning, og 50 % av ordene har mer enn seks bokstaver." {
		t.Errorf("%s %q %q", ds[0].Pos, msg, hint)
	}
	if med, ok := r.Parts[0].Median(); !ok || math.Abs(med-56) > 1e-9 {
		t.Errorf("median %v %v (only the page with enough words counts)", med, ok)
	}
	if h := r.Parts[0].Hardest(5); len(h) != 1 || h[0] != p {
		t.Errorf("hardest %v", h)
	}
}

func TestMedianAndHardest(t *testing.T) {
	part := &Part{}
	for i, lix := range []int{40, 30, 50, 20} {
		// sentences of lix words, none long: LIX = lix; enough words.
		s := strings.Repeat(sentenceOf(lix)+" ", 3)
		part.Pages = append(part.Pages, &Page{Title: fmt.Sprint(i), Text: Measure("f.md", []byte(s), parse(t, "f.md", s).Root)})
	}
	if med, ok := part.Median(); !ok || med != 35 {
		t.Errorf("median %v", med)
	}
	var order []string
	for _, p := range part.Hardest(3) {
		order = append(order, fmt.Sprintf("%s:%d", p.Title, p.Stats.Rounded()))
	}
	if strings.Join(order, " ") != "2:50 0:40 1:30" {
		t.Errorf("hardest %v", order)
	}
	if _, ok := (&Part{}).Median(); ok {
		t.Error("a median of no pages")
	}
}

// TestPageAt: measuring one page by its URL gives what Analyse gives for
// it, and nothing for a URL without a page.
func TestPageAt(t *testing.T) {
	m := municipality(t, model.KlarsprakLimits{ParentsLIX: 30})
	n := 0
	for _, part := range Analyse(m).Parts {
		for _, want := range part.Pages {
			got := PageAt(m, want.URL)
			if got == nil || fmt.Sprint(*got) != fmt.Sprint(*want) {
				t.Errorf("%s: %+v, want %+v", want.URL, got, want)
			}
			n++
		}
	}
	if n != 6 {
		t.Errorf("%d pages", n)
	}
	for _, url := range []string{"/", "/barnehage/", "/finnes-ikke/", ""} {
		if p := PageAt(m, url); p != nil {
			t.Errorf("%q: %+v", url, p)
		}
	}
}

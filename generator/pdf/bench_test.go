package pdf

import (
	"strconv"
	"testing"

	"github.com/bti-handbook/bti/generator/model"
)

func lillestrom(b *testing.B) *model.Municipality {
	for _, m := range samples(b) {
		if m.Slug == "lillestrom" {
			return m
		}
	}
	b.Fatal("no lillestrom sample")
	return nil
}

// BenchmarkFormPDF makes one form (the Lillestrøm sample's tiltaksplan).
func BenchmarkFormPDF(b *testing.B) {
	m := lillestrom(b)
	var tool *model.Tool
	for _, t := range m.Toolbox {
		if t.Slug == "tiltaksplan" {
			tool = t
		}
	}
	for b.Loop() {
		qrCodes.Clear() // as in a first build: no code made before
		if _, err := Tool(m, tool, nil, today); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMunicipalityPDFs makes every PDF of the Lillestrøm sample: each
// form, article and translation, the guides and the binder. Goal: 200 ms.
func BenchmarkMunicipalityPDFs(b *testing.B) {
	m := lillestrom(b)
	for b.Loop() {
		qrCodes.Clear()
		if _, err := Municipality(m, today); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBinder30 makes a binder of 30 forms. Goal: 100 ms.
func BenchmarkBinder30(b *testing.B) {
	m := *lillestrom(b)
	var forms []*model.Tool
	for _, t := range m.Toolbox {
		if t.Kind == model.KindForm {
			forms = append(forms, t)
		}
	}
	// 30 forms: the sample's forms, repeated, none used by a step.
	var tb []*model.Tool
	for i := 0; len(tb) < 30; i++ {
		c := *forms[i%len(forms)]
		c.Slug = c.Slug + "-" + strconv.Itoa(i)
		c.UsedBy = nil
		tb = append(tb, &c)
	}
	m.Toolbox = tb
	m.Guides = nil
	for b.Loop() {
		qrCodes.Clear()
		if _, err := Binder(&m, today); err != nil {
			b.Fatal(err)
		}
	}
}

// Package scaffold writes the files of a new municipality (bti new): a
// municipality.toml with every key explained, one guide (lillestrom: one
// per service, starting with kindergarten; vardo: one general guide) with
// a first step on each level, and a contact page. What it writes passes
// bti check, so a coordinator starts from a working site and changes it
// one file at a time.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"text/template"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/slug"
)

//go:embed skeleton
var skeleton embed.FS

var tmpl = template.Must(template.ParseFS(skeleton, "skeleton/*.tmpl"))

// Options describe the municipality to start.
type Options struct {
	Slug     string
	Name     string // "Eksempel kommune"; made from the slug when empty
	Style    string // lillestrom or vardo
	Language string // nb or nn; nb when empty
}

type guide struct{ ID, Title, Short string }

type step struct {
	Title, Summary, What, How, Who, WhatText, HowText, WhoText string
	Tools, Services                                            []string
}

// Files returns the files of the new municipality by path relative to the
// project folder (municipalities/<slug>/...).
func Files(o Options) (map[string][]byte, error) {
	if !slug.Valid(o.Slug) {
		return nil, fmt.Errorf("%q is not a valid name for the folder: use a-z, 0-9 and '-' (e.g. %q)", o.Slug, slug.Suggest(o.Slug))
	}
	if o.Style != model.StyleLillestrom && o.Style != model.StyleVardo {
		return nil, fmt.Errorf("--style must be lillestrom or vardo, not %q", o.Style)
	}
	if o.Language == "" {
		o.Language = "nb"
	}
	if o.Language != "nb" && o.Language != "nn" {
		return nil, fmt.Errorf("--language must be nb or nn, not %q", o.Language)
	}
	short := o.Name
	if short == "" {
		short = strings.ToUpper(o.Slug[:1]) + strings.ReplaceAll(o.Slug[1:], "-", " ")
		o.Name = short + " kommune"
	}
	short = strings.TrimSuffix(short, " kommune")
	guides := []guide{{ID: "barnehage", Title: "Handlingsveileder for barnehage", Short: "Barnehage"}}
	if o.Style == model.StyleVardo {
		guides = []guide{{ID: "felles", Title: "Handlingsveileder", Short: "Handlingsveileder"}}
	}
	dir := "municipalities/" + o.Slug + "/"
	files := map[string][]byte{}
	exec := func(name, path string, data any) error {
		var b bytes.Buffer
		if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
			return err
		}
		files[dir+path] = b.Bytes()
		return nil
	}
	data := map[string]any{"Name": o.Name, "ShortName": short, "Slug": o.Slug, "Style": o.Style, "Language": o.Language, "Guides": guides}
	if err := exec("municipality.toml.tmpl", "municipality.toml", data); err != nil {
		return nil, err
	}
	if err := exec("kontakt.md.tmpl", "pages/kontakt.md", data); err != nil {
		return nil, err
	}
	words := sectionWords[o.Language]
	for _, g := range guides {
		for n, s := range firstSteps {
			s.What, s.How, s.Who = words[0], words[1], words[2]
			name := fmt.Sprintf("guides/%s/niva-%d/01-%s.md", g.ID, n, slug.Make(s.Title))
			if err := exec("step.md.tmpl", name, s); err != nil {
				return nil, err
			}
		}
	}
	return files, nil
}

var sectionWords = map[string][3]string{"nb": {"Hva", "Hvordan", "Hvem"}, "nn": {"Kva", "Korleis", "Kven"}}

// firstSteps are the first step of each level, for the coordinator to
// rewrite and add to.
var firstSteps = [4]step{
	{
		Title: "Undring og bekymring", Summary: "Du undrer deg over et barn og skriver ned hva du ser.",
		WhatText: "Beskriv hva som skjer i dette trinnet. Skriv konkret, slik at en ny ansatt forstår det.",
		HowText:  "- Skriv ned hva du har sett og hørt.\n- Bruk [sjekklisten for tegn og signaler](../../../toolbox/sjekkliste-tegn-og-signaler.md).",
		WhoText:  "Den ansatte som undrer seg, sammen med sin nærmeste leder.",
		Tools:    []string{"sjekkliste-tegn-og-signaler", "undringsprotokoll"},
	},
	{
		Title: "Tiltak i egen tjeneste", Summary: "Tjenesten lager en tiltaksplan sammen med foreldrene.",
		WhatText: "Beskriv tiltakene tjenesten setter i gang selv.",
		HowText:  "Bruk [tiltaksplanen](../../../toolbox/tiltaksplan.md) og avtal når tiltakene skal evalueres.",
		WhoText:  "Leder for tjenesten har ansvaret.",
		Tools:    []string{"tiltaksplan", "evaluering-av-tiltak"},
	},
	{
		Title: "Samarbeid med en annen tjeneste", Summary: "Med samtykke fra foreldrene tar dere inn én annen tjeneste.",
		WhatText: "Beskriv hvordan dere samarbeider med én annen tjeneste.",
		HowText:  "Innhent samtykke med [samtykkeskjemaet](../../../toolbox/samtykkeskjema.md) før dere drøfter saken med navn.",
		WhoText:  "Stafettholderen kaller inn til samarbeidsmøte.",
		Tools:    []string{"samtykkeskjema", "motemal"},
		Services: []string{"ppt"},
	},
	{
		Title: "Utvidet samarbeid", Summary: "Flere tjenester samarbeider, og stafettholderen koordinerer.",
		WhatText: "Beskriv hvordan flere tjenester samarbeider rundt barnet og familien.",
		HowText:  "Opprett stafettlogg med [samtykke](../../../toolbox/samtykke-stafettlogg.md) og hold jevnlige samarbeidsmøter.",
		WhoText:  "Stafettholderen, sammen med foreldrene og tjenestene.",
		Tools:    []string{"samtykke-stafettlogg", "stafettloggskjema", "individuell-plan"},
		Services: []string{"ppt", "barneverntjenesten"},
	},
}

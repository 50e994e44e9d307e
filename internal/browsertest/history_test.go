package browsertest

import (
	"time"

	"github.com/bti-handbook/bti/generator/model"
)

// sampleHistory is a history of both samples for the browser tests, so
// that the change log they check lists changes (with a message of
// paragraphs and a list, a change of more files than are shown at once,
// a removed file, a translation, the settings) and the level pages and
// the toolbox show the "changed" mark: in each municipality, its first
// step of level 1 and its first own document changed on 2026-03-10, its
// pages on 2026-02-02, and every step on 2025-11-20.
func sampleHistory(site *model.Site) *model.History {
	day := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s+"T10:00:00+01:00"); return t }
	var recent, pages, all []model.FileChange
	for _, m := range site.Municipalities {
		for _, g := range m.Guides {
			for n, gl := range g.Levels {
				for i, s := range gl.Steps {
					all = append(all, model.FileChange{Path: s.File})
					if n == 1 && i == 0 {
						recent = append(recent, model.FileChange{Path: s.File})
					}
				}
			}
		}
		for _, t := range m.Toolbox {
			if !t.National {
				recent = append(recent, model.FileChange{Path: t.File})
				break
			}
		}
		for _, p := range m.Pages {
			if p.National {
				continue
			}
			pages = append(pages, model.FileChange{Path: p.File})
			for _, tr := range p.Translations {
				pages = append(pages, model.FileChange{Path: tr.File})
			}
		}
		pages = append(pages, model.FileChange{Path: m.Dir + "/municipality.toml"},
			model.FileChange{Path: m.Dir + "/toolbox/gammelt-skjema.md", Removed: true})
	}
	return &model.History{Commits: []model.Commit{
		{Hash: "3333333333333333333333333333333333333333", Time: day("2026-03-10"), Files: recent,
			Message: "Ny frist for tiltaksplanen og et nytt felt i skjemaet\n\nFristen er nå to uker. Skjemaet har fått et felt for tolk.\n\n- gjelder alle tjenestene\n- gjelder fra 1. april"},
		{Hash: "2222222222222222222222222222222222222222", Time: day("2026-02-02"), Files: pages,
			Message: "Nye telefonnumre, og et gammelt skjema tatt bort"},
		{Hash: "1111111111111111111111111111111111111111", Time: day("2025-11-20"), Files: all,
			Message: "Trinnene er skrevet om etter evalueringen i høst"},
	}}
}

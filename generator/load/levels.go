package load

import (
	"cmp"
	"fmt"
	"regexp"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// loadLevels reads a levels.toml. With complete, all four levels and all
// their keys are required (the national file); otherwise the file may
// override some keys of some levels (a municipality's file), and the result
// holds nil for levels it does not mention.
func (r *reader) loadLevels(name string, complete bool) (levels [4]*model.Level, ok bool) {
	var f levelsFile
	doc, ok := r.toml(name, &f)
	if !ok {
		return levels, false
	}
	for i, e := range f.Levels {
		key := fmt.Sprintf("levels[%d]", i)
		pos := doc.Pos(key)
		if e.Number == nil {
			r.l.Report(pos, levelNoNumber)
			continue
		}
		n := *e.Number
		if n < 0 || n > 3 {
			r.l.Report(doc.Pos(key+".number"), levelUnknown, "number", n)
			continue
		}
		if levels[n] != nil {
			r.l.Report(doc.Pos(key+".number"), levelTwice, "number", n)
			continue
		}
		lv := &model.Level{Pos: pos, Number: n, Name: e.Name, Title: e.Title, Color: e.Color, Summary: e.Summary}
		if e.Color != "" && !hexColor.MatchString(e.Color) {
			r.l.Report(doc.ValuePos(key+".color", e.Color), notHexColour, "value", e.Color)
		}
		if complete {
			for k, v := range map[string]string{"name": e.Name, "title": e.Title, "color": e.Color, "summary": e.Summary} {
				if v == "" {
					r.l.Report(pos, levelLacksKey, "number", n, "key", k)
				}
			}
		}
		levels[n] = lv
	}
	if complete {
		for n, lv := range levels {
			if lv == nil {
				r.l.Report(diag.Pos{File: name, Line: 1, Col: 1}, levelMissing, "number", n)
				ok = false
			}
		}
	}
	return levels, ok
}

// mergeLevels returns base with the keys that over sets.
func mergeLevels(base, over [4]*model.Level) [4]*model.Level {
	var out [4]*model.Level
	for n := range base {
		if base[n] == nil {
			continue
		}
		lv := *base[n]
		if o := over[n]; o != nil {
			lv.Pos = o.Pos
			lv.Name = cmp.Or(o.Name, lv.Name)
			lv.Title = cmp.Or(o.Title, lv.Title)
			lv.Color = cmp.Or(o.Color, lv.Color)
			lv.Summary = cmp.Or(o.Summary, lv.Summary)
		}
		out[n] = &lv
	}
	return out
}

package model

import "sort"

// The pages, by slug, that the material for someone new points to (the
// start page /kom-i-gang/, the training deck): in the national content
// or the municipality's own.
const (
	SlugAbout         = "om-bti"                  // BTI in a few sentences
	SlugHowTo         = "slik-bruker-du-handboka" // how to use the handbook
	SlugStafettholder = "stafettholder"
	SlugStafettlogg   = "stafettlogg"
	SlugContact       = "kontakt"
)

// PageBySlug returns m's page of that slug (its own or the national
// one), nil when it has none.
func (m *Municipality) PageBySlug(slug string) *Page {
	for _, p := range m.Pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// MostUsedForms are m's forms that steps use, the most used first (by
// the number of steps, then by title), as the start page, the toolbox
// and the training deck list them.
func (m *Municipality) MostUsedForms() []*Tool {
	var forms []*Tool
	for _, t := range m.Toolbox {
		if t.Kind == KindForm && len(t.UsedBy) > 0 {
			forms = append(forms, t)
		}
	}
	sort.SliceStable(forms, func(i, j int) bool {
		if len(forms[i].UsedBy) != len(forms[j].UsedBy) {
			return len(forms[i].UsedBy) > len(forms[j].UsedBy)
		}
		return forms[i].Title < forms[j].Title
	})
	return forms
}

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
	"github.com/BurntSushi/toml"
	"strings"
	"text/template"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/slug"
)

//go:embed skeleton
var skeleton embed.FS

// templates are the skeleton's templates by folder: "nb" and "nn" (each
// with the common ones at the top), "repo".
var templates = map[string]*template.Template{
	"nb":   template.Must(template.ParseFS(skeleton, "skeleton/*.tmpl", "skeleton/nb/*.tmpl")),
	"nn":   template.Must(template.ParseFS(skeleton, "skeleton/*.tmpl", "skeleton/nn/*.tmpl")),
	"repo": template.Must(template.ParseFS(skeleton, "skeleton/repo/*.tmpl")),
}

// Options describe the municipality to start.
type Options struct {
	Slug     string
	Name     string // "Eksempel kommune"; made from the slug when empty
	Style    string // lillestrom or vardo
	Language string // nb or nn; nb when empty
	// Beside is true when the project has other municipalities: the new
	// one is then published in its own folder (base_url .../<slug>/),
	// not at the root of its host.
	Beside bool
}

type guide struct{ ID, Title, Short string }

// step is the first step of a level: its placeholder texts and the
// section headings of the language (What, How, Who).
type step struct {
	Title    string   `toml:"title"`
	Summary  string   `toml:"summary"`
	WhatText string   `toml:"what"`
	HowText  string   `toml:"how"`
	WhoText  string   `toml:"who"`
	Tools    []string `toml:"tools"`
	Services []string `toml:"services"`

	What, How, Who string
}

// texts are a language's placeholder texts (skeleton/<lang>/steps.toml).
type texts struct {
	GuideLillestrom string `toml:"guide_lillestrom"`
	GuideVardo      string `toml:"guide_vardo"`
	Steps           []step `toml:"steps"`
}

// placeholders reads the placeholder texts of lang.
func placeholders(lang string) (texts, error) {
	var t texts
	data, err := skeleton.ReadFile("skeleton/" + lang + "/steps.toml")
	if err == nil {
		_, err = toml.Decode(string(data), &t)
	}
	if err == nil && len(t.Steps) != 4 {
		err = fmt.Errorf("skeleton/%s/steps.toml has %d steps, not one for each of the four levels", lang, len(t.Steps))
	}
	return t, err
}

// Files returns the files of the new municipality by path relative to the
// project folder (municipalities/<slug>/...), in its language: every
// placeholder text is in bokmål or nynorsk as Options.Language says.
func Files(o Options) (map[string][]byte, error) {
	o, err := o.checked()
	if err != nil {
		return nil, err
	}
	short := strings.TrimSuffix(o.Name, " kommune")
	texts, err := placeholders(o.Language)
	if err != nil {
		return nil, err
	}
	guides := []guide{{ID: "barnehage", Title: texts.GuideLillestrom, Short: "Barnehage"}}
	if o.Style == model.StyleVardo {
		guides = []guide{{ID: "felles", Title: texts.GuideVardo, Short: texts.GuideVardo}}
	}
	dir := "municipalities/" + o.Slug + "/"
	files := map[string][]byte{}
	lang := o.Language
	exec := func(name, path string, data any) error {
		var b bytes.Buffer
		if err := templates[lang].ExecuteTemplate(&b, name, data); err != nil {
			return err
		}
		files[dir+path] = b.Bytes()
		return nil
	}
	baseURL := "https://bti.example.no/"
	if o.Beside {
		baseURL += o.Slug + "/"
	}
	data := map[string]any{"Name": o.Name, "ShortName": short, "Slug": o.Slug, "Style": o.Style, "Language": o.Language,
		"Guides": guides, "BaseURL": baseURL}
	if err := exec("municipality.toml.tmpl", "municipality.toml", data); err != nil {
		return nil, err
	}
	if err := exec("kontakt.md.tmpl", "pages/kontakt.md", data); err != nil {
		return nil, err
	}
	words := sectionWords[lang]
	for _, g := range guides {
		for n, s := range texts.Steps {
			s.What, s.How, s.Who = words[0], words[1], words[2]
			name := fmt.Sprintf("guides/%s/niva-%d/01-%s.md", g.ID, n, slug.Make(s.Title))
			if err := exec("step.md.tmpl", name, s); err != nil {
				return nil, err
			}
		}
	}
	return files, nil
}

// Repository are the files around the municipalities that make a new
// folder a repository ready to publish: .gitignore, a netlify.toml that
// builds with bti version (a release such as v0.3.0) on Go goVersion, a
// workflow that runs bti check on every push and pull request with its
// mistakes as notes on the lines, and a README.md in the municipality's
// language. Paths are relative to the project folder.
func Repository(o Options, version, goVersion string) (map[string][]byte, error) {
	o, err := o.checked()
	if err != nil {
		return nil, err
	}
	headers, _ := skeleton.ReadFile("skeleton/repo/headers.toml")
	data := map[string]any{"Name": o.Name, "Slug": o.Slug, "Version": version, "GoVersion": goVersion,
		"Lang": o.Language, "Headers": "\n" + string(headers)}
	files := map[string][]byte{}
	for _, f := range []struct{ set, name, path string }{
		{"repo", "gitignore.tmpl", ".gitignore"},
		{"repo", "netlify.toml.tmpl", "netlify.toml"},
		{"repo", "workflow.yml.tmpl", ".github/workflows/bti.yml"},
		{o.Language, "README.md.tmpl", "README.md"},
	} {
		var b bytes.Buffer
		if err := templates[f.set].ExecuteTemplate(&b, f.name, data); err != nil {
			return nil, err
		}
		files[f.path] = b.Bytes()
	}
	return files, nil
}

// checked returns o with its defaults, or an error for what cannot be.
func (o Options) checked() (Options, error) {
	if !slug.Valid(o.Slug) {
		return o, fmt.Errorf("%q is not a valid name for the folder: use a-z, 0-9 and '-' (e.g. %q)", o.Slug, slug.Suggest(o.Slug))
	}
	if o.Style != model.StyleLillestrom && o.Style != model.StyleVardo {
		return o, fmt.Errorf("--style must be lillestrom or vardo, not %q", o.Style)
	}
	if o.Language == "" {
		o.Language = "nb"
	}
	if o.Language != "nb" && o.Language != "nn" {
		return o, fmt.Errorf("--language must be nb or nn, not %q", o.Language)
	}
	if o.Name == "" {
		o.Name = strings.ToUpper(o.Slug[:1]) + strings.ReplaceAll(o.Slug[1:], "-", " ") + " kommune"
	}
	return o, nil
}

var sectionWords = map[string][3]string{"nb": {"Hva", "Hvordan", "Hvem"}, "nn": {"Kva", "Korleis", "Kven"}}

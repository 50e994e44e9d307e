package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/scaffold"
)

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	dir := fl.String("C", ".", "the project folder (holding municipalities/)")
	style := fl.String("style", "", "lillestrom (a guide per service) or vardo (one general guide)")
	name := fl.String("name", "", `the municipality's name, e.g. "Ås kommune"`)
	lang := fl.String("language", "nb", "nb (bokmål) or nn (nynorsk)")
	pos, err := parseInterspersed(fl, args, stderr)
	if err != nil {
		return 2
	}
	if len(pos) != 1 || *style == "" {
		fmt.Fprintln(stderr, "usage: bti new <slug> --style lillestrom|vardo [--name \"Ås kommune\"] [--language nb|nn]")
		return 2
	}
	slug := pos[0]
	files, err := scaffold.Files(scaffold.Options{Slug: slug, Name: *name, Style: *style, Language: *lang})
	if err != nil {
		fmt.Fprintf(stderr, "bti new: %v\n", err)
		return 2
	}
	target := filepath.Join(*dir, "municipalities", slug)
	if _, err := os.Stat(target); err == nil {
		fmt.Fprintf(stderr, "bti new: %s exists already; nothing was written\n", target)
		return 1
	}
	var names []string
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		full := filepath.Join(*dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			fmt.Fprintf(stderr, "bti new: %v\n", err)
			return 1
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			fmt.Fprintf(stderr, "bti new: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "  wrote %s\n", p)
	}
	// What was written must pass the checker; say so, or say what broke.
	root, err := openProject(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "bti new: %v\n", err)
		return 1
	}
	_, l := pipeline.Load(content.Overlay(root), []string{slug})
	if l.Print(stderr) > 0 {
		return 1
	}
	fmt.Fprintf(stdout, `
Started municipalities/%[1]s (style %[2]s). It passes bti check. Next:
  1. Edit municipalities/%[1]s/municipality.toml: name, base_url, brand_color,
     accessibility_statement, the emergency numbers, your services and contacts.
  2. Rewrite the steps in municipalities/%[1]s/guides/, and add steps as
     NN-slug.md files (02-samtale-med-foreldre.md, ...) on each level.
  3. Add your own forms in municipalities/%[1]s/toolbox/ (national ones are built in).
  4. Run "bti serve %[1]s" to see the site, "bti check %[1]s" to find mistakes.
The guide for writing the files: docs/content-format.md.
`, slug, *style)
	return 0
}

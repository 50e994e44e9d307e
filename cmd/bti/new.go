package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/scaffold"
	"github.com/bti-handbook/bti/generator/slug"
)

func newCmdFlags() (*flag.FlagSet, *newOptions) {
	fl, c := newFlags("new")
	o := &newOptions{cliFlags: c}
	o.style = fl.String("style", "", "cli.flag.style")
	o.name = fl.String("name", "", "cli.flag.name")
	o.siteLang = fl.String("language", "nb", "cli.flag.language")
	return fl, o
}

type newOptions struct {
	*cliFlags
	style, name, siteLang *string
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fl, o := newCmdFlags()
	pos, code := parse(fl, o.cliFlags, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	lang := o.runLang()
	if o.cliFlags.language() == "" && *o.siteLang == "nn" {
		lang = "nn" // a nynorsk municipality is told what to do in nynorsk
	}
	if len(pos) != 1 || *o.style == "" {
		fmt.Fprintln(stderr, diag.T(lang, "cli.new_usage"))
		return 2
	}
	name := pos[0]
	switch {
	case !slug.Valid(name):
		fmt.Fprintln(stderr, diag.T(lang, "cli.new_bad_slug", "name", name, "suggestion", slug.Suggest(name)))
		return 2
	case *o.style != model.StyleLillestrom && *o.style != model.StyleVardo:
		fmt.Fprintln(stderr, diag.T(lang, "cli.new_bad_style", "value", *o.style))
		return 2
	case *o.siteLang != "nb" && *o.siteLang != "nn":
		fmt.Fprintln(stderr, diag.T(lang, "cli.new_bad_language", "value", *o.siteLang))
		return 2
	}
	entries, _ := os.ReadDir(filepath.Join(*o.dir, "municipalities"))
	beside := false
	for _, e := range entries {
		beside = beside || (e.IsDir() && !strings.HasPrefix(e.Name(), "."))
	}
	files, err := scaffold.Files(scaffold.Options{Slug: name, Name: *o.name, Style: *o.style, Language: *o.siteLang, Beside: beside})
	if err != nil {
		fmt.Fprintln(stderr, diag.T(lang, "cli.error", "cmd", "new", "detail", err.Error()))
		return 2
	}
	dir := *o.dir
	target := filepath.Join(dir, "municipalities", name)
	if _, err := os.Stat(target); err == nil {
		fmt.Fprintln(stderr, diag.T(lang, "cli.new_exists", "dir", filepath.ToSlash(target)))
		return 1
	}
	// In a folder that is not a project yet, the files that make it a
	// repository ready to publish; a file that is there already is kept.
	repo, err := scaffold.Repository(scaffold.Options{Slug: name, Name: *o.name, Style: *o.style, Language: *o.siteLang},
		releaseVersion(), strings.TrimPrefix(runtime.Version(), "go"))
	if err != nil {
		fmt.Fprintln(stderr, diag.T(lang, "cli.error", "cmd", "new", "detail", err.Error()))
		return 2
	}
	for p, data := range repo {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
			fmt.Fprintln(stdout, diag.T(lang, "cli.new_kept", "file", p))
			continue
		}
		files[p] = data
	}
	var names []string
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			fmt.Fprintln(stderr, diag.T(lang, "cli.error", "cmd", "new", "detail", err.Error()))
			return 1
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			fmt.Fprintln(stderr, diag.T(lang, "cli.error", "cmd", "new", "detail", err.Error()))
			return 1
		}
		fmt.Fprintln(stdout, diag.T(lang, "cli.new_wrote", "file", p))
	}
	// What was written must pass the checker; say so, or say what broke.
	root, err := openProject(dir)
	if err != nil {
		fmt.Fprintln(stderr, diag.T(lang, "cli.cannot_open", "detail", err.Error()))
		return 1
	}
	fsys := content.Overlay(root)
	site, l := pipeline.Load(fsys, []string{name})
	if pipeline.NewLanguages(fsys, site, o.cliFlags.language()).Print(stderr, l) > 0 {
		return 1
	}
	fmt.Fprintln(stdout, diag.T(lang, "cli.new_done", "slug", name, "style", *o.style))
	return 0
}

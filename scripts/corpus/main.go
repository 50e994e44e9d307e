// Command corpus writes a synthetic project of N municipalities in bti's
// format (copies of the Lillestrøm sample under other names, with the
// national content), and the same text as a plain Hugo site, so that both
// generators can be timed on the same input (scripts/bench-hugo.sh).
//
//	go run ./scripts/corpus -n 50 -out /tmp/bti-corpus
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 50, "how many municipalities")
	out := flag.String("out", "/tmp/bti-corpus", "where to write bti/ and hugo/")
	src := flag.String("src", ".", "the bti repository (for the sample and the national content)")
	flag.Parse()
	if err := os.RemoveAll(*out); err != nil {
		log.Fatal(err)
	}
	sample := os.DirFS(filepath.Join(*src, "municipalities", "lillestrom"))
	national := os.DirFS(filepath.Join(*src, "content"))
	hugo := filepath.Join(*out, "hugo")
	files := 0
	for i := 1; i <= *n; i++ {
		slug := fmt.Sprintf("kommune-%02d", i)
		name := fmt.Sprintf("Kommune %02d", i)
		err := fs.WalkDir(sample, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(sample, p)
			if err != nil {
				return err
			}
			if p == "municipality.toml" {
				data = bytes.ReplaceAll(data, []byte("Lillestrøm kommune"), []byte(name))
				data = bytes.ReplaceAll(data, []byte("bti.example.no/lillestrom/"), []byte("bti.example.no/"+slug+"/"))
			}
			write(filepath.Join(*out, "bti", "municipalities", slug, p), data)
			if strings.HasSuffix(p, ".md") {
				write(filepath.Join(hugo, "content", slug, hugoPath(p)), forHugo(data))
				files++
			} else if !strings.HasSuffix(p, ".toml") {
				write(filepath.Join(hugo, "static", slug, p), data)
			}
			return nil
		})
		if err != nil {
			log.Fatal(err)
		}
		// The national pages and toolbox the bti site shows, in Hugo too.
		fs.WalkDir(national, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.Contains(p, ".nn.") {
				return err
			}
			if _, err := fs.Stat(sample, p); err == nil {
				return nil // the municipality has its own
			}
			data, _ := fs.ReadFile(national, p)
			write(filepath.Join(hugo, "content", slug, hugoPath(p)), forHugo(data))
			files++
			return nil
		})
	}
	// bti gets the national content from its binary; Hugo gets layouts.
	for name, text := range hugoFiles {
		write(filepath.Join(hugo, name), []byte(text))
	}
	fmt.Printf("wrote %d municipalities: %s/bti and %s/hugo (%d Markdown files for Hugo)\n", *n, *out, *out, files)
}

// hugoPath maps a file of the bti layout to Hugo's content layout:
// translations (x.en.md) keep their name, as Hugo would otherwise treat
// them as languages it is not configured for.
func hugoPath(p string) string {
	dir, base := path.Split(p)
	base = strings.ReplaceAll(strings.TrimSuffix(base, ".md"), ".", "-") + ".md"
	return filepath.FromSlash(dir + base)
}

// forHugo renames front matter keys that mean something else to Hugo.
func forHugo(data []byte) []byte {
	return bytes.Replace(data, []byte("\nurl = "), []byte("\nexternal = "), 1)
}

func write(name string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

// hugoFiles is a minimal Hugo site: a page template and a list template
// with a header, the content and the pages of a section.
var hugoFiles = map[string]string{
	"config.toml": `baseURL = "https://bti.example.no/"
languageCode = "nb"
title = "BTI"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">BTI</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
	"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}{{ .Content }}{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
}

// Package corpus writes synthetic projects for benchmarks: N
// municipalities in bti's format (copies of the Lillestrøm sample under
// other names; the national content comes from the binary) and,
// optionally, the same text as a plain Hugo site, so that both generators
// can be timed on the same input (scripts/bench-hugo.sh and the stage
// benchmarks of generator/pipeline).
package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Write writes n municipalities into out/bti (a bti project), and with
// hugo the same text into out/hugo, from the bti repository at src. It
// replaces what out held. It returns how many Markdown files Hugo got.
func Write(src, out string, n int, hugo bool) (files int, err error) {
	if err := os.RemoveAll(out); err != nil {
		return 0, err
	}
	sample := os.DirFS(filepath.Join(src, "municipalities", "lillestrom"))
	national := os.DirFS(filepath.Join(src, "content"))
	hugoDir := filepath.Join(out, "hugo")
	w := &writer{}
	for i := 1; i <= n; i++ {
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
			w.write(filepath.Join(out, "bti", "municipalities", slug, p), data)
			if !hugo {
				return nil
			}
			if strings.HasSuffix(p, ".md") {
				w.write(filepath.Join(hugoDir, "content", slug, hugoPath(p)), forHugo(data))
				files++
			} else if !strings.HasSuffix(p, ".toml") {
				w.write(filepath.Join(hugoDir, "static", slug, p), data)
			}
			return nil
		})
		if err != nil {
			return files, err
		}
		if !hugo {
			continue
		}
		// The national pages and toolbox the bti site shows, in Hugo too.
		err = fs.WalkDir(national, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.Contains(p, ".nn.") {
				return err
			}
			if _, err := fs.Stat(sample, p); err == nil {
				return nil // the municipality has its own
			}
			data, err := fs.ReadFile(national, p)
			if err != nil {
				return err
			}
			w.write(filepath.Join(hugoDir, "content", slug, hugoPath(p)), forHugo(data))
			files++
			return nil
		})
		if err != nil {
			return files, err
		}
	}
	if hugo {
		// bti gets the national content from its binary; Hugo gets layouts.
		for name, text := range hugoFiles {
			w.write(filepath.Join(hugoDir, name), []byte(text))
		}
	}
	return files, w.err
}

// writer writes files, keeping the first error.
type writer struct{ err error }

func (w *writer) write(name string, data []byte) {
	if w.err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(name, data, 0o644)
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

package source

import (
	"bytes"
	"testing"

	"github.com/bti-handbook/bti/generator/diag"
)

// FuzzFrontMatter splits and decodes arbitrary files as step front matter:
// it must never panic, every diagnostic must point into the file, and a
// split file's body must keep the line numbers of the original.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"Samtale\"\ntools = [\"a\", \"b\"]\n+++\n\n## Hva\nTekst\n",
		"\ufeff+++\r\ntitle = \"x\"\r\n+++\r\nbody\r\n",
		"+++\rtitle = \"x\"\r+++\rbody",
		"---\ntitle: x\n---\n",
		"+++\ntitle = \"open\"\n",
		"+++\n+++\n",
		"+++",
		"",
		"+++\ntitle = x\n+++\n",
		"+++\n[[services]]\nid = 1\n+++\n",
		"+++\ntitle = \"\"\"\nmulti\n+++\n\"\"\"\n+++\n",
		"no front matter\n",
		"+++ \t\nа = \"кириллица\"\n+++\t\n",
		"\xff\xfe+++",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var l diag.List
		text, ok := Normalize("f.md", data, &l)
		if !ok {
			return
		}
		if bytes.IndexByte(text, '\r') >= 0 {
			t.Fatal("a CR survived normalization")
		}
		fm, ok := Split("f.md", text, &l)
		if ok && fm.TOML != nil {
			if got, want := bytes.Count(fm.Body[:fm.BodyStart], []byte{'\n'}), fm.BodyStart; got != want {
				t.Fatalf("body padding has %d lines, want %d", got, want)
			}
			var front struct {
				Title string   `toml:"title"`
				Tools []string `toml:"tools"`
			}
			DecodeTOML("f.md", fm.TOML, fm.TOMLLine, &front, &l)
		}
		lines := bytes.Count(text, []byte{'\n'}) + 1
		for _, d := range l.Sorted() {
			if d.Pos.File != "f.md" || d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
	})
}

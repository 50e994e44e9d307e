package diag

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// The catalogue is messages/*.toml, one file per area of bti (source
// text, loading, cross-references, output, the command ...), each entry
// a code with its texts in bokmål, nynorsk and English:
//
//	[BTI104]
//	severity = "error"            # or "warning"
//	nb = "ukjent innstilling {key:q}"
//	nn = "ukjend innstilling {key:q}"
//	en = "unknown setting {key:q}"
//	hint = { nb = "...", nn = "...", en = "..." }
//	[BTI104.hints.suggest]        # other hints the code can choose
//	nb = "mente du {suggestion:q}?"
//	[BTI104.doc]                  # the page docs/meldinger/BTI104.md
//	title = "Ukjent innstilling"
//	text = """what the mistake is and how to fix it, in bokmål"""
//
// Phrases (words that messages and the command use, such as "feil" or
// the kinds of TOML values) are entries whose key is a name, not a code,
// in phrases.toml. The placeholders are described in text.go.

//go:embed messages/*.toml
var messageFiles embed.FS

// Languages returns the languages every entry has a text in.
func Languages() []string { return []string{"nb", "nn", "en"} }

// Texts is a text in each of the languages.
type Texts struct {
	NB string `toml:"nb"`
	NN string `toml:"nn"`
	EN string `toml:"en"`
}

// In returns the text in lang (bokmål for a language it has no text in).
func (t Texts) In(lang string) string {
	switch lang {
	case "nn":
		return t.NN
	case "en":
		return t.EN
	}
	return t.NB
}

// Doc is what the documentation page of a code says.
type Doc struct {
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

// Entry is one code of the catalogue.
type Entry struct {
	Code     Code
	File     string // the catalogue file it is in
	Severity Severity
	Message  Texts
	Hint     Texts
	Hints    map[string]Texts
	Doc      Doc
}

type entryFile struct {
	Severity string           `toml:"severity"`
	NB       string           `toml:"nb"`
	NN       string           `toml:"nn"`
	EN       string           `toml:"en"`
	Hint     Texts            `toml:"hint"`
	Hints    map[string]Texts `toml:"hints"`
	Doc      Doc              `toml:"doc"`
}

type catalogue struct {
	entries map[Code]*Entry
	phrases map[string]Texts
}

// loadCatalogue reads the embedded catalogue once.
var loadCatalogue = sync.OnceValues(func() (*catalogue, error) {
	c := &catalogue{entries: map[Code]*Entry{}, phrases: map[string]Texts{}}
	files, err := fs.Glob(messageFiles, "messages/*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		data, err := messageFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var raw map[string]entryFile
		if _, err := toml.Decode(string(data), &raw); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for key, f := range raw {
			if !strings.HasPrefix(key, "BTI") {
				if _, dup := c.phrases[key]; dup {
					return nil, fmt.Errorf("%s: phrase %s is defined twice", name, key)
				}
				c.phrases[key] = Texts{NB: f.NB, NN: f.NN, EN: f.EN}
				continue
			}
			code := Code(key)
			if prev, dup := c.entries[code]; dup {
				return nil, fmt.Errorf("%s: %s is defined in %s too", name, key, prev.File)
			}
			e := &Entry{Code: code, File: name, Message: Texts{NB: f.NB, NN: f.NN, EN: f.EN}, Hint: f.Hint, Hints: f.Hints, Doc: f.Doc}
			switch f.Severity {
			case "error":
				e.Severity = Error
			case "warning":
				e.Severity = Warning
			default:
				return nil, fmt.Errorf("%s: %s has severity %q (want error or warning)", name, key, f.Severity)
			}
			c.entries[code] = e
		}
	}
	return c, nil
})

// entry returns the catalogue entry of code. It panics on an unknown
// code or a catalogue that does not parse: both are bugs that the
// catalogue's tests catch.
func entry(code Code) *Entry {
	c, err := loadCatalogue()
	if err != nil {
		panic("diag: the message catalogue: " + err.Error())
	}
	e, ok := c.entries[code]
	if !ok {
		panic("diag: no message " + string(code) + " in the catalogue")
	}
	return e
}

// Lookup returns the catalogue entry of code, for documentation and tests.
func Lookup(code Code) (Entry, bool) {
	c, err := loadCatalogue()
	if err != nil {
		return Entry{}, false
	}
	e, ok := c.entries[code]
	if !ok {
		return Entry{}, false
	}
	return *e, true
}

// Codes lists every code of the catalogue, sorted.
func Codes() ([]Code, error) {
	c, err := loadCatalogue()
	if err != nil {
		return nil, err
	}
	out := make([]Code, 0, len(c.entries))
	for code := range c.entries {
		out = append(out, code)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// Phrases lists the names of the catalogue's phrases, sorted.
func Phrases() ([]string, error) {
	c, err := loadCatalogue()
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(c.phrases))
	for k := range c.phrases {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}

// Phrase is a word or sentence of the catalogue's phrases.toml by name,
// put into the reader's language when printed. As a value of a message
// it stands for its text; T gives it directly.
type Phrase string

// Words is a phrase with values of its own, as a value of a message
// (P makes one).
type Words struct {
	Name Phrase
	Args []any
}

// P makes a phrase with its values (pairs of name and value) into a
// value of a message: "what", diag.P("what.page", "name", "kontakt").
func P(name Phrase, args ...any) Words { return Words{Name: name, Args: args} }

// T returns the phrase in lang, with its placeholders filled from args
// (pairs of name and value, as for At).
func T(lang string, name Phrase, args ...any) string {
	return fill(phrase(lang, name), lang, args)
}

// phrase returns the text of a phrase in lang, placeholders and all.
func phrase(lang string, name Phrase) string {
	c, err := loadCatalogue()
	if err != nil {
		panic("diag: the message catalogue: " + err.Error())
	}
	t, ok := c.phrases[string(name)]
	if !ok {
		panic("diag: no phrase " + string(name) + " in the catalogue")
	}
	return t.In(lang)
}

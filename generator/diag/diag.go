// Package diag holds diagnostics: the mistakes (and warnings) that the
// pipeline finds in a handbook's files.
//
// Diagnostics are data, never side effects. Every stage appends them to a
// List, which is safe for concurrent use. A diagnostic names an entry of
// the message catalogue (messages/*.toml) by its stable code, such as
// BTI104, with the values its texts need; it is put into words only when
// printed, in the language of the coordinator who reads it (bokmål,
// nynorsk or English). The command sorts them by file, line and column
// and prints them all at once in the form
//
//	path:line:col: feil: melding [BTI104]
//		tips: hva du kan gjøre
//
// followed by a count. No stage stops at the first mistake.
package diag

import (
	"fmt"
	"sort"
	"sync"
)

// Pos is a place in a source file. Line and Col are 1-based; Col counts
// characters (runes), as editors do. A zero Line means "the file as a whole".
type Pos struct {
	File string // slash-separated path relative to the site root
	Line int
	Col  int
}

// String formats the position as path:line:col, leaving out what is
// unknown. Control and bidirectional characters in the path are shown
// as escapes, so that a file name cannot reorder the line it is printed on.
func (p Pos) String() string {
	file := Clean(p.File)
	switch {
	case p.File == "":
		return ""
	case p.Line <= 0:
		return file
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// IsZero reports whether the position names no file.
func (p Pos) IsZero() bool { return p.File == "" }

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error is a mistake: the build writes nothing and the command exits 1.
	Error Severity = iota
	// Warning is worth fixing but does not stop the build.
	Warning
)

// Code names an entry of the message catalogue: "BTI104". Codes are
// stable: documentation and coordinators' notes refer to them.
type Code string

// Diagnostic is one problem found in the sources: where, which entry of
// the catalogue, and the values its texts need.
type Diagnostic struct {
	Pos      Pos
	Severity Severity // the entry's, set by At
	Code     Code
	// Args are the values the entry's texts name, as pairs of a name and
	// a value (string, int, Phrase or []string).
	Args []any
	// Hint names the entry's hint to show: "" its default hint, or one
	// of its [hints] ("suggest", ...); NoHint for none.
	Hint string
}

// NoHint is the Hint of a diagnostic shown without any hint.
const NoHint = "-"

// At makes the diagnostic of the catalogue entry code at pos, with the
// named values (pairs of name and value) that the entry's texts use. Its
// severity is the entry's. An unknown code panics: every code is checked
// by the catalogue's tests.
func At(pos Pos, code Code, args ...any) Diagnostic {
	e := entry(code)
	return Diagnostic{Pos: pos, Severity: e.Severity, Code: code, Args: args}
}

// WithHint chooses the entry's hint named variant ("" the default) and
// adds the values it needs.
func (d Diagnostic) WithHint(variant string, args ...any) Diagnostic {
	d.Hint = variant
	d.Args = append(d.Args[:len(d.Args):len(d.Args)], args...)
	return d
}

// Suggest chooses the hint "suggest" (did you mean «{suggestion}»?) when
// one of candidates is close to got; otherwise the hint stays as it was.
func (d Diagnostic) Suggest(got string, candidates []string) Diagnostic {
	if s := Suggest(got, candidates); s != "" {
		return d.WithHint("suggest", "suggestion", s)
	}
	return d
}

// Message returns the diagnostic's message and hint in lang ("nb", "nn"
// or "en"); hint is "" when it has none.
func (d Diagnostic) Message(lang string) (message, hint string) {
	return render(d, lang)
}

// String formats the diagnostic in bokmål on one line (two with a hint).
func (d Diagnostic) String() string { return d.Format("nb") }

// MaxPerFile is the most diagnostics kept for one file: a file with
// thousands of mistakes (a pasted spreadsheet, a hostile file) gets the
// first ones and a closing "and N more" (BTI039), so that the list stays
// readable and fast to sort.
const MaxPerFile = 100

// more is the code of the "and N more mistakes in this file" line.
const more Code = "BTI039"

// List collects diagnostics from any number of goroutines.
type List struct {
	mu      sync.Mutex
	items   []Diagnostic
	perFile map[string]int      // diagnostics kept, by file
	dropped map[string]Severity // files with dropped diagnostics: the worst severity dropped
	ndrop   map[string]int
}

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.perFile == nil {
		l.perFile, l.dropped, l.ndrop = map[string]int{}, map[string]Severity{}, map[string]int{}
	}
	if l.perFile[d.Pos.File] >= MaxPerFile && d.Pos.File != "" {
		if prev, ok := l.dropped[d.Pos.File]; !ok || d.Severity < prev {
			l.dropped[d.Pos.File] = d.Severity
		}
		l.ndrop[d.Pos.File]++
		return
	}
	l.perFile[d.Pos.File]++
	l.items = append(l.items, d)
}

// Report adds the diagnostic of code at pos with its values (see At).
func (l *List) Report(pos Pos, code Code, args ...any) {
	l.Add(At(pos, code, args...))
}

// Sorted returns a copy of the diagnostics sorted by file, line, column
// and code, with exact duplicates removed.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	items := append([]Diagnostic(nil), l.items...)
	for file, n := range l.ndrop {
		d := At(Pos{File: file}, more, "n", n)
		d.Severity = l.dropped[file]
		d.Pos.Line = 1 << 30 // after the file's others
		items = append(items, d)
	}
	l.mu.Unlock()
	type keyed struct {
		d    Diagnostic
		text string
	}
	ks := make([]keyed, len(items))
	for i, d := range items {
		ks[i] = keyed{d, d.Format("en")}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := ks[i].d, ks[j].d
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return ks[i].text < ks[j].text
	})
	out := items[:0]
	for i, k := range ks {
		if i > 0 && k.text == ks[i-1].text {
			continue // the same thing at the same place
		}
		if k.d.Code == more {
			k.d.Pos.Line = 0
		}
		out = append(out, k.d)
	}
	return out
}

// Errors counts the diagnostics of severity Error (a file whose
// dropped diagnostics hold an error counts one more).
func (l *List) Errors() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, d := range l.items {
		if d.Severity == Error {
			n++
		}
	}
	for _, sev := range l.dropped {
		if sev == Error {
			n++
		}
	}
	return n
}

// Len counts all diagnostics.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

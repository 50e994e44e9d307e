// Package diag holds diagnostics: the mistakes (and warnings) that the
// pipeline finds in a handbook's files.
//
// Diagnostics are data, never side effects. Every stage appends them to a
// List, which is safe for concurrent use; the command sorts them by file,
// line and column and prints them all at once in the form
//
//	path:line:col: error: message
//		hint: what to do about it
//
// followed by a count. No stage stops at the first mistake.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// Pos is a place in a source file. Line and Col are 1-based; Col counts
// characters (runes), as editors do. A zero Line means "the file as a whole".
type Pos struct {
	File string // slash-separated path relative to the site root
	Line int
	Col  int
}

// String formats the position as path:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
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

// Diagnostic is one problem found in the sources.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string // what is wrong, in one sentence
	Hint     string // what to do about it; may be empty
}

// String formats the diagnostic on one line (two with a hint).
func (d Diagnostic) String() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	} else {
		b.WriteString("error: ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// List collects diagnostics from any number of goroutines.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Errorf adds an error at pos with a hint (which may be empty).
func (l *List) Errorf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning at pos with a hint (which may be empty).
func (l *List) Warnf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Append adds all diagnostics of other.
func (l *List) Append(other *List) {
	items := other.Sorted()
	l.mu.Lock()
	l.items = append(l.items, items...)
	l.mu.Unlock()
}

// Sorted returns a copy of the diagnostics sorted by file, line, column and
// message, with exact duplicates removed.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	items := append([]Diagnostic(nil), l.items...)
	l.mu.Unlock()
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Message < b.Message
	})
	out := items[:0]
	for i, d := range items {
		if i > 0 && d == items[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Errors counts the diagnostics of severity Error.
func (l *List) Errors() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, d := range l.items {
		if d.Severity == Error {
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

// Print writes every diagnostic, sorted, and a closing count line. It
// returns the number of errors.
func (l *List) Print(w io.Writer) int {
	items := l.Sorted()
	errs, warns := 0, 0
	for _, d := range items {
		fmt.Fprintln(w, d.String())
		if d.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	if len(items) > 0 {
		fmt.Fprintln(w, Summary(errs, warns))
	}
	return errs
}

// Summary is the closing count line, in English like the messages.
func Summary(errs, warns int) string {
	return fmt.Sprintf("%s, %s", plural(errs, "error"), plural(warns, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

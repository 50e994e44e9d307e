package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format formats the diagnostic in lang, as the command prints it:
//
//	path:line:col: feil: melding [BTI104]
//		tips: hva du kan gjøre
func (d Diagnostic) Format(lang string) string {
	msg, hint := d.Message(lang)
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString(T(lang, "word.warning"))
	} else {
		b.WriteString(T(lang, "word.error"))
	}
	b.WriteString(": ")
	b.WriteString(msg)
	b.WriteString(" [" + string(d.Code) + "]")
	if hint != "" {
		b.WriteString("\n\t" + T(lang, "word.hint") + ": ")
		b.WriteString(strings.ReplaceAll(hint, "\n", "\n\t"))
	}
	return b.String()
}

// Printer prints diagnostics in the language of whoever reads them.
type Printer struct {
	// Lang returns the language ("nb", "nn", "en") to write a diagnostic
	// about file in; nil means bokmål throughout.
	Lang func(file string) string
	// Summary is the language of the closing count line.
	Summary string
	// Format is "text" (the default), "github" (workflow commands, so
	// that GitHub shows each message on its line) or "json".
	Format string
}

func (p Printer) lang(file string) string {
	if p.Lang == nil {
		return "nb"
	}
	return p.Lang(file)
}

// Print writes every diagnostic of l, sorted, and in text format a
// closing count line. It returns the number of errors.
func (p Printer) Print(w io.Writer, l *List) int {
	items := l.Sorted()
	errs, warns := 0, 0
	for _, d := range items {
		if d.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	switch p.Format {
	case "json":
		out := make([]jsonDiagnostic, 0, len(items))
		for _, d := range items {
			lang := p.lang(d.Pos.File)
			msg, hint := d.Message(lang)
			sev := "error"
			if d.Severity == Warning {
				sev = "warning"
			}
			out = append(out, jsonDiagnostic{File: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Col,
				Severity: sev, Code: string(d.Code), Message: msg, Hint: hint, Language: lang})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	case "github":
		for _, d := range items {
			msg, hint := d.Message(p.lang(d.Pos.File))
			kind := "error"
			if d.Severity == Warning {
				kind = "warning"
			}
			props := []string{"title=" + ghProp("bti "+string(d.Code))}
			if d.Pos.File != "" {
				props = append(props, "file="+ghProp(d.Pos.File))
				if d.Pos.Line > 0 {
					props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
				}
				if d.Pos.Col > 0 {
					props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
				}
			}
			text := msg
			if hint != "" {
				text += "\n" + hint
			}
			fmt.Fprintf(w, "::%s %s::%s\n", kind, strings.Join(props, ","), ghData(text))
		}
	default:
		for _, d := range items {
			fmt.Fprintln(w, d.Format(p.lang(d.Pos.File)))
		}
		if len(items) > 0 {
			fmt.Fprintln(w, Summary(p.Summary, errs, warns))
		}
	}
	return errs
}

// jsonDiagnostic is a diagnostic as --format json writes it.
type jsonDiagnostic struct {
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
	Language string `json:"language"`
}

// ghData escapes the message of a GitHub workflow command.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a property of a GitHub workflow command.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Summary is the closing count line in lang: "2 feil, 1 advarsel".
func Summary(lang string, errs, warns int) string {
	return T(lang, "summary", "errors", countOf(lang, errs, "word.errors"), "warnings", countOf(lang, warns, "word.warnings"))
}

func countOf(lang string, n int, plural Phrase) string {
	if n == 1 {
		return T(lang, plural+".one")
	}
	return T(lang, plural+".many", "n", n)
}

package diag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// The texts of the catalogue name the values of a diagnostic in braces:
//
//	{key}      the value as it is
//	{key:q}    quoted: «kind» in bokmål and nynorsk, "kind" in English
//	{key:and}  a list joined as "a, b og c" ("and" in English)
//	{key:or}   a list joined as "a, b eller c" ("or" in English)
//	{key:qand} {key:qor}  the same with each item quoted
//	{key:list} a list joined with ", "
//
// A value is a string, a number, a []string, or a Phrase (put into the
// same language). Control and bidirectional formatting characters in a
// value are shown as escapes (<U+202E>), so that a file or key name can
// never reorder or hide the message it is printed in.

// render puts a diagnostic into words in lang.
func render(d Diagnostic, lang string) (message, hint string) {
	e := entry(d.Code)
	message = fill(e.Message.In(lang), lang, d.Args)
	var h string
	switch d.Hint {
	case NoHint:
	case "":
		h = e.Hint.In(lang)
	default:
		t, ok := e.Hints[d.Hint]
		switch {
		case ok:
			h = t.In(lang)
		case d.Hint == "suggest":
			h = phrase(lang, "hint.suggest")
		default:
			panic("diag: " + string(d.Code) + " has no hint " + d.Hint)
		}
	}
	if h != "" {
		hint = fill(h, lang, d.Args)
	}
	return message, hint
}

// fill replaces the placeholders of text with the values of args.
func fill(text, lang string, args []any) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		name, mod, _ := strings.Cut(text[i+1:i+j], ":")
		v, ok := arg(args, name)
		if !ok {
			panic(fmt.Sprintf("diag: no value %q for %q", name, text))
		}
		b.WriteString(format(v, mod, lang))
		text = text[i+j+1:]
	}
}

// arg returns the value named name in the pairs of args.
func arg(args []any, name string) (any, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if n, _ := args[i].(string); n == name {
			return args[i+1], true
		}
	}
	return nil, false
}

// format writes one value with its modifier.
func format(v any, mod, lang string) string {
	var items []string
	switch v := v.(type) {
	case []string:
		items = v
	case Phrase:
		items = []string{T(lang, v)}
	case Words:
		items = []string{T(lang, v.Name, v.Args...)}
	case string:
		items = []string{v}
	case int:
		items = []string{strconv.Itoa(v)}
	default:
		items = []string{fmt.Sprint(v)}
	}
	quoted := strings.HasPrefix(mod, "q")
	for i, s := range items {
		switch v.(type) {
		case Phrase, Words: // the catalogue's own text (its values are cleaned within T)
		default:
			s = Clean(s)
		}
		if quoted {
			s = Quote(lang, s)
		}
		items[i] = s
	}
	switch strings.TrimPrefix(mod, "q") {
	case "and":
		return joinLast(items, T(lang, "word.and"))
	case "or":
		return joinLast(items, T(lang, "word.or"))
	}
	return strings.Join(items, ", ")
}

// Quote quotes s as the language does: «s» in Norwegian, "s" in English.
func Quote(lang, s string) string {
	if lang == "en" {
		return `"` + s + `"`
	}
	return "«" + s + "»"
}

func joinLast(items []string, word string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

// Clean shows control characters and the invisible characters that
// reorder or hide text (bidirectional controls, zero-width characters)
// as escapes, <U+202E>, so that they cannot change how a line reads.
func Clean(s string) string {
	ok := true
	for _, r := range s {
		if hidden(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hidden reports whether r is a control character, a bidirectional
// control or another invisible formatting character.
func hidden(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x200b || r == 0x200c || r == 0x200d || r == 0x2060 || r == 0xfeff:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

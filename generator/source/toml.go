package source

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/bti-handbook/bti/generator/diag"
)

// Doc is a decoded TOML document that remembers where each key stands, so
// that later stages can point at the exact line and column of a value.
type Doc struct {
	file string
	text []byte
	base int            // line of the file on which the TOML text starts
	keys map[string]int // indexed key path -> byte offset of the key
	// suggested holds the keys that an unknown key was taken for a typo
	// of, so that a "missing" message for them is not given as well.
	suggested map[string]bool
}

// key is one key occurrence in document order.
type key struct {
	plain   string // "services.id"
	indexed string // "services[2].id"
	off     int
}

// DecodeTOML decodes text (TOML that starts on line base of file) into v,
// which must be a pointer to a struct with `toml` tags. Syntax and type
// errors and unknown keys are reported to l; ok is false when the text
// could not be decoded at all. The returned Doc is never nil.
func DecodeTOML(file string, text []byte, base int, v any, l *diag.List) (doc *Doc, ok bool) {
	doc = &Doc{file: file, text: text, base: base, keys: map[string]int{}, suggested: map[string]bool{}}
	md, err := toml.NewDecoder(strings.NewReader(string(text))).Decode(v)
	if err != nil {
		doc.reportError(err, v, l)
		return doc, false
	}
	occurrences := doc.index(md)
	undecoded := map[string]bool{}
	for _, k := range md.Undecoded() {
		undecoded[k.String()] = true
	}
	for _, k := range occurrences {
		if !undecoded[k.plain] {
			continue
		}
		if i := strings.LastIndexByte(k.plain, '.'); i >= 0 && undecoded[k.plain[:i]] {
			continue // the parent table is reported already
		}
		parent, name := "", k.plain
		if i := strings.LastIndexByte(k.plain, '.'); i >= 0 {
			parent, name = k.plain[:i], k.plain[i+1:]
		}
		known := KnownKeys(v, parent)
		hint := diag.DidYouMean(name, known, "")
		if sug := diag.Suggest(name, known); sug != "" {
			if parent != "" {
				sug = parent + "." + sug
			}
			doc.suggested[sug] = true
		}
		if hint == "" && len(known) > 0 {
			hint = "the keys allowed here are: " + strings.Join(known, ", ")
		}
		if parent != "" {
			l.Errorf(doc.posOf(k.off), hint, "unknown key %q in [%s]", name, parent)
		} else {
			l.Errorf(doc.posOf(k.off), hint, "unknown key %q", name)
		}
	}
	return doc, true
}

// index finds the offset of every key in document order. BurntSushi/toml
// gives the keys in order but not their offsets, so each is searched for
// after the previous one.
func (d *Doc) index(md toml.MetaData) []key {
	arrays := map[string]int{}
	var out []key
	cursor := 0
	for _, k := range md.Keys() {
		plain := k.String()
		isArrayTable := md.Type(k...) == "ArrayHash"
		if isArrayTable {
			arrays[plain]++
		}
		// Build the indexed path: services[2].id.
		var b strings.Builder
		for i, part := range k {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(part)
			prefix := strings.Join(k[:i+1], ".")
			if n, ok := arrays[prefix]; ok && (i < len(k)-1 || isArrayTable) {
				b.WriteString("[" + strconv.Itoa(n-1) + "]")
			}
		}
		off := findKey(d.text, cursor, k[len(k)-1])
		if off >= 0 {
			cursor = off + len(k[len(k)-1])
		} else {
			off = cursor
		}
		indexed := b.String()
		if _, seen := d.keys[indexed]; !seen {
			d.keys[indexed] = off
		}
		out = append(out, key{plain: plain, indexed: indexed, off: off})
	}
	return out
}

// findKey returns the offset of the next occurrence of name as a key (bare
// or quoted, followed by '=', '.' or ']') at or after from, or -1.
func findKey(text []byte, from int, name string) int {
	s := string(text)
	for from <= len(s) {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return -1
		}
		start, end := from+i, from+i+len(name)
		from = start + 1
		// An optional quote around the key.
		if start > 0 && (s[start-1] == '"' || s[start-1] == '\'') && end < len(s) && s[end] == s[start-1] {
			start--
			end++
		}
		if start > 0 && strings.IndexByte(" \t\n[.{,", s[start-1]) < 0 {
			continue
		}
		j := end
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j < len(s) && (s[j] == '=' || s[j] == '.' || s[j] == ']') {
			return start
		}
	}
	return -1
}

func (d *Doc) posOf(off int) diag.Pos {
	line, col := LineCol(d.text, off)
	return diag.Pos{File: d.file, Line: line + d.base - 1, Col: col}
}

// Misspelt reports whether an unknown key was reported as a likely typo
// of key (a plain dotted path such as "title" or "services.name").
func (d *Doc) Misspelt(key string) bool { return d.suggested[key] }

// Has reports whether the key at path ("kind", "services[2].id") is set.
func (d *Doc) Has(path string) bool {
	_, ok := d.keys[path]
	return ok
}

// File is the path of the file the document was read from.
func (d *Doc) File() string { return d.file }

// Pos returns the position of the key at path ("title", "services[2].id").
// For a key that is not set it returns the position of the closest parent
// that is, or the start of the document.
func (d *Doc) Pos(path string) diag.Pos {
	for p := path; p != ""; {
		if off, ok := d.keys[p]; ok {
			return d.posOf(off)
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return diag.Pos{File: d.file, Line: max(d.base-1, 1), Col: 1}
}

// ValuePos returns the position of the quoted string literal value in the
// value of the key at path (for an element of a list), or the key's
// position when the literal is not found.
func (d *Doc) ValuePos(path, value string) diag.Pos {
	off, ok := d.keys[path]
	if !ok {
		return d.Pos(path)
	}
	rest := d.text[off:]
	for _, q := range []string{`"` + value + `"`, `'` + value + `'`} {
		if i := strings.Index(string(rest), q); i >= 0 {
			// Stay within this key's value: stop at the next line that
			// starts a new key or table.
			if j := nextKeyLine(rest); j < 0 || i < j {
				return d.posOf(off + i)
			}
		}
	}
	return d.posOf(off)
}

var keyLine = regexp.MustCompile(`(?m)^[ \t]*(?:\[|[A-Za-z0-9_"'-]+[ \t]*=)`)

// nextKeyLine returns the offset in rest (which starts at a key) of the
// next line that starts another key or table, or -1.
func nextKeyLine(rest []byte) int {
	nl := strings.IndexByte(string(rest), '\n')
	if nl < 0 {
		return -1
	}
	loc := keyLine.FindIndex(rest[nl+1:])
	if loc == nil {
		return -1
	}
	return nl + 1 + loc[0]
}

var lastKeyRe = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// reportError turns a decoding error into a diagnostic at its position.
func (d *Doc) reportError(err error, v any, l *diag.List) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		pos := diag.Pos{File: d.file, Line: pe.Position.Line + d.base - 1, Col: pe.Position.Col}
		msg, hint := explainParseError(pe)
		l.Errorf(pos, hint, "%s", msg)
		return
	}
	if m := lastKeyRe.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg := m[3]
		hint := ""
		if strings.HasPrefix(msg, "incompatible types") {
			msg, hint = explainTypes(m[2], msg)
		}
		l.Errorf(diag.Pos{File: d.file, Line: line + d.base - 1, Col: 1}, hint, "%s", msg)
		return
	}
	l.Errorf(diag.Pos{File: d.file, Line: d.base, Col: 1}, "", "cannot read TOML: %v", err)
}

func explainParseError(pe toml.ParseError) (msg, hint string) {
	msg = pe.Message
	switch {
	case strings.Contains(msg, "incompatible types"):
		return explainTypes(pe.LastKey, msg)
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "already defined"):
		hint = "each key may be given once per table; remove or rename one of them"
	case strings.ContainsAny(msg, "“”«»‘’„"):
		hint = "use straight quotes \" \" around text, not “ ” or « » (word processors change them; use a plain text editor)"
	case strings.Contains(msg, "expected value but found"), strings.Contains(msg, "bare keys cannot contain"):
		hint = "text values need quotes (title = \"Samtale med foreldre\"); yes/no values are true or false; numbers have no quotes"
	case strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "unexpected end"),
		strings.Contains(msg, "cannot contain newlines"):
		hint = "a quote or bracket is not closed"
	}
	if hint == "" && pe.Usage != "" {
		hint = strings.TrimSpace(strings.SplitN(pe.Usage, "\n", 2)[0])
	}
	if hint == "" {
		hint = "see docs/content-format.md for how TOML is written"
	}
	return "TOML syntax: " + msg, hint
}

var destRe = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`)

func explainTypes(lastKey, msg string) (string, string) {
	name := lastKey
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	m := destRe.FindStringSubmatch(msg)
	if m == nil {
		return fmt.Sprintf("wrong kind of value for %q: %s", name, msg), ""
	}
	want := map[string]string{
		"slice":   `a list, like ["a", "b"]`,
		"string":  `text in quotes, like "Samtale"`,
		"int":     "a whole number, like 2",
		"int64":   "a whole number, like 2",
		"bool":    "true or false",
		"boolean": "true or false (without quotes)",
		"integer": "a whole number without quotes, like 2",
		"array":   `a list, like ["a", "b"]`,
		"float":   "a number",
		"struct":  "a table",
		"map":     "a table",
		"float64": "a number",
	}[m[2]]
	if want == "" {
		want = m[2]
	}
	got := map[string]string{"int64": "number", "float64": "number", "integer": "number", "[]interface {}": "list",
		"array": "list", "map[string]interface {}": "table", "string": "text"}[m[1]]
	if got == "" {
		got = strings.ToLower(m[1])
	}
	return fmt.Sprintf("%q must be %s (it is a %s)", name, want, got), "write the value as " + want
}

// KnownKeys lists the TOML keys that the struct type of v accepts at the
// dotted path parent ("" for the top level), sorted.
func KnownKeys(v any, parent string) []string {
	t := reflect.TypeOf(v)
	if parent != "" {
		for _, part := range strings.Split(parent, ".") {
			t = elem(t)
			if t.Kind() != reflect.Struct {
				return nil
			}
			f, ok := fieldByKey(t, part)
			if !ok {
				return nil
			}
			t = f.Type
		}
	}
	t = elem(t)
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		if k := keyName(t.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if keyName(t.Field(i)) == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

func keyName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := strings.Split(f.Tag.Get("toml"), ",")[0]
	if tag == "-" {
		return ""
	}
	if tag == "" {
		return f.Name
	}
	return tag
}

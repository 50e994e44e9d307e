package source

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/bti-handbook/bti/generator/diag"
)

// Doc is a decoded TOML document that remembers where each key stands, so
// that later stages can point at the exact line and column of a value.
type Doc struct {
	file string
	text []byte
	str  string         // text, as a string once
	base int            // line of the file on which the TOML text starts
	keys map[string]int // indexed key path -> byte offset of the key
	// suggested holds the keys that an unknown key was taken for a typo
	// of, so that a "missing" message for them is not given as well.
	suggested map[string]bool
	lines     *Lines         // made on first use, for positions
	windows   map[string]int // the length of each key's value text (ValuePos)
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
	doc = &Doc{file: file, text: text, str: string(text), base: base, keys: map[string]int{}, suggested: map[string]bool{}}
	if ln := tomlDepth(text, MaxDepth); ln > 0 {
		l.Report(diag.Pos{File: file, Line: ln + base - 1, Col: 1}, tomlTooDeep, "max", MaxDepth)
		return doc, false
	}
	if ln := keysBeyond(doc.str, MaxKeys); ln > 0 {
		l.Report(diag.Pos{File: file, Line: ln + base - 1, Col: 1}, tooManyKeys, "max", MaxKeys)
		return doc, false
	}
	md, err := toml.NewDecoder(strings.NewReader(doc.str)).Decode(v)
	if err != nil {
		doc.reportError(err, v, l)
		return doc, false
	}
	occurrences := doc.index(md)
	undecoded := map[string]bool{}
	for _, k := range md.Undecoded() {
		undecoded[k.String()] = true
	}
	known := map[string][]string{} // KnownKeys by parent, once each
	reported := 0
	for _, k := range occurrences {
		if !undecoded[k.plain] {
			continue
		}
		reported++
		if reported > diag.MaxPerFile {
			// The list keeps only the first ones of a file: count the rest
			// without the work of a suggestion.
			l.Report(doc.posOf(k.off), unknownKey, "key", k.plain)
			continue
		}
		if i := strings.LastIndexByte(k.plain, '.'); i >= 0 && undecoded[k.plain[:i]] {
			continue // the parent table is reported already
		}
		parent, name := "", k.plain
		if i := strings.LastIndexByte(k.plain, '.'); i >= 0 {
			parent, name = k.plain[:i], k.plain[i+1:]
		}
		allowed, ok := known[parent]
		if !ok {
			allowed = KnownKeys(v, parent)
			known[parent] = allowed
		}
		d := diag.At(doc.posOf(k.off), unknownKey, "key", name)
		if parent != "" {
			d = diag.At(doc.posOf(k.off), unknownKeyIn, "key", name, "table", parent)
		}
		if len(allowed) > 0 {
			d = d.WithHint("allowed", "keys", allowed)
		}
		if sug := diag.Suggest(name, allowed); sug != "" {
			d = d.WithHint("suggest", "suggestion", sug)
			if parent != "" {
				sug = parent + "." + sug
			}
			doc.suggested[sug] = true
		}
		l.Add(d)
	}
	return doc, true
}

// index finds the offset of every key in document order. BurntSushi/toml
// gives the keys in order but not their offsets, so each is searched for
// after the previous one: one pass over the text in all (a key that is
// not found, which is rare, searches the rest of the text once).
func (d *Doc) index(md toml.MetaData) []key {
	arrays := map[string]int{}
	var out []key
	cursor := 0
	var prefix, b strings.Builder
	for _, k := range md.Keys() {
		plain := k.String()
		isArrayTable := md.Type(k...) == "ArrayHash"
		if isArrayTable {
			arrays[plain]++
		}
		// Build the indexed path: services[2].id.
		b.Reset()
		prefix.Reset()
		for i, part := range k {
			if i > 0 {
				b.WriteByte('.')
				prefix.WriteByte('.')
			}
			b.WriteString(part)
			prefix.WriteString(part)
			if n, ok := arrays[prefix.String()]; ok && (i < len(k)-1 || isArrayTable) {
				b.WriteString("[" + strconv.Itoa(n-1) + "]")
			}
		}
		off := findKey(d.str, cursor, k[len(k)-1])
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
func findKey(s string, from int, name string) int {
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
	if d.lines == nil {
		d.lines = NewLines(d.text)
	}
	p := d.lines.Pos(d.file, off)
	p.Line += d.base - 1
	return p
}

// Misspelt reports whether an unknown key was reported as a likely typo
// of key (a plain dotted path such as "title" or "services.name").
func (d *Doc) Misspelt(key string) bool { return d.suggested[key] }

// Has reports whether the key at path ("kind", "services[2].id") is set.
func (d *Doc) Has(path string) bool {
	_, ok := d.keys[path]
	return ok
}

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
	// Stay within this key's value: stop at the next line that starts a
	// new key or table (found once per key: a list of many values is
	// looked up value by value).
	if d.windows == nil {
		d.windows = map[string]int{}
	}
	n, ok := d.windows[path]
	if !ok {
		n = nextKeyLine(d.str[off:])
		if n < 0 {
			n = len(d.str) - off
		}
		d.windows[path] = n
	}
	rest := d.str[off : off+n]
	for _, q := range []string{`"` + value + `"`, `'` + value + `'`} {
		if i := strings.Index(rest, q); i >= 0 {
			return d.posOf(off + i)
		}
	}
	return d.posOf(off)
}

var keyLine = regexp.MustCompile(`(?m)^[ \t]*(?:\[|[A-Za-z0-9_"'-]+[ \t]*=)`)

// nextKeyLine returns the offset in rest (which starts at a key) of the
// next line that starts another key or table, or -1.
func nextKeyLine(rest string) int {
	nl := strings.IndexByte(rest, '\n')
	if nl < 0 {
		return -1
	}
	loc := keyLine.FindStringIndex(rest[nl+1:])
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
		l.Add(explainParseError(pos, pe))
		return
	}
	if m := lastKeyRe.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		pos := diag.Pos{File: d.file, Line: line + d.base - 1, Col: 1}
		if strings.HasPrefix(m[3], "incompatible types") {
			l.Add(explainTypes(pos, m[2], m[3]))
		} else {
			l.Report(pos, tomlSyntax, "detail", m[3])
		}
		return
	}
	l.Report(diag.Pos{File: d.file, Line: d.base, Col: 1}, tomlOther, "detail", err.Error())
}

// invisible names the characters that look like a space, or like
// nothing, and come along when text is pasted from Word or the web.
var invisible = map[rune]diag.Phrase{
	'\u00a0': "char.nbsp", '\u2007': "char.nbsp", '\u202f': "char.nbsp",
	'\u200b': "char.zerowidth", '\u200c': "char.zerowidth", '\u200d': "char.zerowidth",
	'\u2060': "char.zerowidth", '\ufeff': "char.zerowidth",
	'\u2002': "char.space", '\u2003': "char.space", '\u2009': "char.space", '\u3000': "char.space",
}

// Invisible returns the name of r (a phrase of the catalogue: a
// non-breaking space, a zero-width character) when it is one of the
// invisible characters that look like a space, and ok=false otherwise.
func Invisible(r rune) (name diag.Phrase, ok bool) {
	name, ok = invisible[r]
	return name, ok
}

// foundRe finds the character a parse error names: "but got '\u00a0'".
var foundRe = regexp.MustCompile(`(?:found|got) ('(?:[^'\\]|\\.)+'|"(?:[^"\\]|\\.)+")`)

// explainParseError gives a TOML syntax error its own message where the
// cause is one a coordinator makes (a word processor's quotes, text
// without quotes, a list without brackets), else the parser's words.
func explainParseError(pos diag.Pos, pe toml.ParseError) diag.Diagnostic {
	msg := pe.Message
	var found rune = -1
	if m := foundRe.FindStringSubmatch(msg); m != nil {
		if s, err := strconv.Unquote(m[1]); err == nil && utf8.RuneCountInString(s) == 1 {
			found, _ = utf8.DecodeRuneInString(s)
		} else if m[1][0] == '\'' {
			if s, err := strconv.Unquote(`"` + strings.Trim(m[1], "'") + `"`); err == nil {
				found, _ = utf8.DecodeRuneInString(s)
			}
		}
	}
	switch {
	case invisible[found] != "":
		return diag.At(pos, invisibleSpace, "name", invisible[found], "code", fmt.Sprintf("U+%04X", found))
	case strings.ContainsRune("“”«»‘’„‟‚‛", found):
		return diag.At(pos, curlyQuotes, "found", string(found))
	case strings.Contains(msg, "incompatible types"):
		return explainTypes(pos, pe.LastKey, msg)
	case strings.Contains(msg, "has already been defined"), strings.Contains(msg, "already defined"),
		strings.Contains(msg, "was already created"):
		key := pe.LastKey
		if i := strings.LastIndexByte(key, '.'); i >= 0 {
			key = key[i+1:]
		}
		return diag.At(pos, duplicateKey, "key", key)
	case strings.Contains(msg, "invalid escape"):
		return diag.At(pos, backslash)
	case strings.HasPrefix(msg, "expected a top-level item to end with a newline") && found == ',':
		return diag.At(pos, listBrackets)
	case strings.HasPrefix(msg, "expected value but found"), strings.Contains(msg, "bare keys cannot contain"):
		return diag.At(pos, unquotedValue)
	case strings.HasPrefix(msg, "expected '.' or '='"), strings.HasPrefix(msg, "unexpected '='"),
		strings.HasPrefix(msg, "expected a top-level item to end with a newline"), strings.Contains(msg, "expected key separator"):
		return diag.At(pos, notKeyValue)
	case strings.HasPrefix(msg, "expected a comma (',') or array terminator"):
		return diag.At(pos, listComma)
	case strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "unexpected end"),
		strings.Contains(msg, "cannot contain newlines"):
		return diag.At(pos, notClosed)
	}
	return diag.At(pos, tomlSyntax, "detail", msg)
}

var destRe = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`)

// explainTypes reports a value of the wrong kind for its key.
func explainTypes(pos diag.Pos, lastKey, msg string) diag.Diagnostic {
	name := lastKey
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	m := destRe.FindStringSubmatch(msg)
	if m == nil {
		return diag.At(pos, tomlSyntax, "detail", msg)
	}
	want, ok := map[string]diag.Phrase{
		"slice": "type.list", "array": "type.list", "string": "type.text",
		"int": "type.int", "int64": "type.int", "integer": "type.int",
		"bool": "type.bool", "boolean": "type.bool",
		"float": "type.number", "float64": "type.number",
		"struct": "type.table", "map": "type.table",
	}[m[2]]
	if !ok {
		return diag.At(pos, tomlSyntax, "detail", msg)
	}
	got, ok := map[string]diag.Phrase{
		"int64": "got.number", "float64": "got.number", "integer": "got.number", "float": "got.number",
		"[]interface": "got.list", "array": "got.list", "map[string]interface": "got.table",
		"string": "got.text", "bool": "got.bool", "time.Time": "got.date",
	}[strings.TrimSuffix(m[1], "{}")]
	if !ok {
		got = "got.other"
	}
	d := diag.At(pos, wrongType, "key", name, "want", want, "got", got)
	if got == "got.date" && want == "type.text" {
		d = d.WithHint("date")
	}
	return d
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

package pdfcheck

import (
	"bytes"
	"strconv"
	"unicode/utf16"
)

// A token of a content stream: an operand or an operator.
type token struct {
	op   string         // the operator, when it is one
	num  float64        // a number
	name string         // a name, without the slash
	str  []byte         // a string (literal or hex), its bytes
	arr  []token        // an array
	dict map[string]any // a dictionary (a BDC's properties): names to token values
	kind byte           // 'o' operator, 'n' number, '/' name, 's' string, 'a' array, 'd' dict, 'b' other (true, null)
}

// lexer splits a content stream into tokens.
type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}
func isDelim(c byte) bool {
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%'
}

// next returns the next token; ok is false at the end.
func (l *lexer) next() (t token, ok bool) {
	for l.i < len(l.b) {
		c := l.b[l.i]
		switch {
		case isSpace(c):
			l.i++
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		default:
			return l.token(), true
		}
	}
	return token{}, false
}

func (l *lexer) token() token {
	c := l.b[l.i]
	switch {
	case c == '/':
		l.i++
		start := l.i
		for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
			l.i++
		}
		return token{kind: '/', name: string(l.b[start:l.i])}
	case c == '(':
		return token{kind: 's', str: l.literal()}
	case c == '<' && l.i+1 < len(l.b) && l.b[l.i+1] == '<':
		l.i += 2
		d := map[string]any{}
		for {
			t, ok := l.next()
			if !ok || t.op == ">>" {
				return token{kind: 'd', dict: d}
			}
			if t.kind != '/' {
				continue
			}
			v, ok := l.next()
			if !ok {
				return token{kind: 'd', dict: d}
			}
			d[t.name] = v
		}
	case c == '<':
		l.i++
		var hex []byte
		for l.i < len(l.b) && l.b[l.i] != '>' {
			if !isSpace(l.b[l.i]) {
				hex = append(hex, l.b[l.i])
			}
			l.i++
		}
		l.i++
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		out := make([]byte, len(hex)/2)
		for k := range out {
			v, _ := strconv.ParseUint(string(hex[2*k:2*k+2]), 16, 8)
			out[k] = byte(v)
		}
		return token{kind: 's', str: out}
	case c == '>' && l.i+1 < len(l.b) && l.b[l.i+1] == '>':
		l.i += 2
		return token{kind: 'o', op: ">>"}
	case c == '[':
		l.i++
		var arr []token
		for {
			t, ok := l.next()
			if !ok || t.op == "]" {
				return token{kind: 'a', arr: arr}
			}
			arr = append(arr, t)
		}
	case c == ']' || c == '{' || c == '}' || c == ')' || c == '>':
		l.i++
		return token{kind: 'o', op: string(c)}
	}
	start := l.i
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	w := string(l.b[start:l.i])
	if n, err := strconv.ParseFloat(w, 64); err == nil {
		return token{kind: 'n', num: n}
	}
	if w == "true" || w == "false" || w == "null" {
		return token{kind: 'b', name: w}
	}
	return token{kind: 'o', op: w}
}

// literal reads a literal string, with its escapes and nested brackets.
func (l *lexer) literal() []byte {
	l.i++ // (
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '\\':
			if l.i >= len(l.b) {
				return out
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
						v = v*8 + int(l.b[l.i]-'0')
						l.i++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return out
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// cmap maps the character codes of a font to text (a ToUnicode CMap).
type cmap struct {
	bytes int // bytes per code: 2 for Type0 fonts, 1 otherwise
	m     map[uint32]string
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(data []byte, codeBytes int) *cmap {
	cm := &cmap{bytes: codeBytes, m: map[uint32]string{}}
	l := &lexer{b: data}
	var ops []token
	code := func(t token) uint32 {
		var v uint32
		for _, b := range t.str {
			v = v<<8 | uint32(b)
		}
		return v
	}
	for {
		t, ok := l.next()
		if !ok {
			return cm
		}
		if t.kind != 'o' {
			ops = append(ops, t)
			continue
		}
		switch t.op {
		case "endbfchar":
			for k := 0; k+1 < len(ops); k += 2 {
				cm.m[code(ops[k])] = utf16Text(ops[k+1].str)
			}
		case "endbfrange":
			for k := 0; k+2 < len(ops); k += 3 {
				lo, hi := code(ops[k]), code(ops[k+1])
				if hi < lo || hi-lo > 0xFFFF {
					continue
				}
				if ops[k+2].kind == 'a' {
					for j, d := range ops[k+2].arr {
						cm.m[lo+uint32(j)] = utf16Text(d.str)
					}
					continue
				}
				dst := bytes.Clone(ops[k+2].str)
				for c := lo; c <= hi; c++ {
					cm.m[c] = utf16Text(dst)
					if n := len(dst); n > 0 {
						dst[n-1]++
					}
				}
			}
		}
		ops = ops[:0]
	}
}

// decode turns the bytes of a shown string into text.
func (cm *cmap) decode(s []byte) string {
	if cm == nil {
		return string(s)
	}
	var b []byte
	for k := 0; k+cm.bytes <= len(s); k += cm.bytes {
		var c uint32
		for _, x := range s[k : k+cm.bytes] {
			c = c<<8 | uint32(x)
		}
		if t, ok := cm.m[c]; ok {
			b = append(b, t...)
		} else {
			b = append(b, "\ufffd"...)
		}
	}
	return string(b)
}

func utf16Text(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for k := 0; k+1 < len(b); k += 2 {
		u = append(u, uint16(b[k])<<8|uint16(b[k+1]))
	}
	return string(utf16.Decode(u))
}

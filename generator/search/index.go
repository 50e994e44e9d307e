package search

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Doc is one searchable page.
type Doc struct {
	ID      string // the page's URL from the site's root
	Title   string
	Text    string // the page's text, without markup
	Kind    string // step, form, article, file, link, page
	Level   int    // -1 for none
	Guide   string // the guide's short title, for steps
	Snippet string // shown under the title in the results
	// Tokens, when set, are Title and Text already cut (Tokenize).
	Tokens *Tokens
}

// Tokens are a document's title and text cut into terms, kept so that a
// document shown on many sites (the national content) is cut once.
type Tokens struct {
	Title, Text []string
}

// Tokenize cuts a title and a text into terms, as Build would.
func Tokenize(title, text string) *Tokens {
	return &Tokens{Title: Terms(title), Text: Terms(text)}
}

// stored are the fields the client shows with a result.
type stored struct {
	Title   string `json:"title"`
	URL     string `json:"url"`
	Kind    string `json:"kind"`
	Level   int    `json:"level"`
	Guide   string `json:"guide,omitempty"`
	Snippet string `json:"snippet,omitempty"`
}

// posting is one document's frequency of a term in one field.
type posting struct {
	doc, freq int
}

// Build returns the serialized index of docs in MiniSearch's format
// (version 2 of toJSON/loadJSON), with the stemmer's rules added for the
// client ("bti" → "stemmer", see stemRules). It writes the JSON itself: the index is the largest file a build
// makes, and this is several times faster than encoding maps.
func Build(docs []Doc) ([]byte, error) {
	type entry struct {
		term  string
		posts [2][]posting
	}
	index := map[string]*entry{}
	var order []*entry
	lengths := make([][2]int, len(docs))
	var total [2]int
	post := func(e *entry, i, f int) {
		lengths[i][f]++
		p := e.posts[f]
		if n := len(p); n > 0 && p[n-1].doc == i {
			p[n-1].freq++
		} else {
			e.posts[f] = append(p, posting{doc: i, freq: 1})
		}
	}
	newEntry := func(term string) *entry {
		e := &entry{term: term}
		index[term] = e
		order = append(order, e)
		return e
	}
	var buf []byte
	for i, d := range docs {
		for f, text := range [2]string{d.Title, d.Text} {
			if d.Tokens != nil {
				for _, t := range [2][]string{d.Tokens.Title, d.Tokens.Text}[f] {
					e, ok := index[t]
					if !ok {
						e = newEntry(t)
					}
					post(e, i, f)
				}
			} else {
				buf = eachTerm(text, buf, func(t []byte) {
					e, ok := index[string(t)] // no allocation for a term seen before
					if !ok {
						e = newEntry(string(t))
					}
					post(e, i, f)
				})
			}
			total[f] += lengths[i][f]
		}
	}
	var b bytes.Buffer
	b.Grow(64 * 1024)
	str := func(s string) {
		enc, _ := json.Marshal(s)
		b.Write(enc)
	}
	num := func(n int) { b.WriteString(strconv.Itoa(n)) }
	b.WriteString(`{"documentCount":`)
	num(len(docs))
	b.WriteString(`,"nextId":`)
	num(len(docs))
	b.WriteString(`,"documentIds":{`)
	for i, d := range docs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		num(i)
		b.WriteString(`":`)
		str(d.ID)
	}
	b.WriteString(`},"fieldIds":{"title":0,"text":1},"fieldLength":{`)
	for i, l := range lengths {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		num(i)
		b.WriteString(`":[`)
		num(l[0])
		b.WriteByte(',')
		num(l[1])
		b.WriteByte(']')
	}
	b.WriteString(`},"averageFieldLength":[`)
	for f := range 2 {
		if f > 0 {
			b.WriteByte(',')
		}
		avg := 0.0
		if len(docs) > 0 {
			avg = float64(total[f]) / float64(len(docs))
		}
		b.WriteString(strconv.FormatFloat(avg, 'g', -1, 64))
	}
	b.WriteString(`],"storedFields":{`)
	for i, d := range docs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		num(i)
		b.WriteString(`":`)
		enc, err := json.Marshal(stored{Title: d.Title, URL: d.ID, Kind: d.Kind, Level: d.Level, Guide: d.Guide, Snippet: d.Snippet})
		if err != nil {
			return nil, err
		}
		b.Write(enc)
	}
	b.WriteString(`},"dirtCount":0,"index":[`)
	for i, e := range order {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		str(e.term)
		b.WriteString(",{")
		first := true
		for f, ps := range e.posts {
			if len(ps) == 0 {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteByte('"')
			num(f)
			b.WriteString(`":{`)
			for j, p := range ps {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteByte('"')
				num(p.doc)
				b.WriteString(`":`)
				num(p.freq)
			}
			b.WriteByte('}')
		}
		b.WriteString("}]")
	}
	b.WriteString(`],"serializationVersion":2,"bti":{"stemmer":`)
	b.Write(rulesJSON)
	b.WriteString("}}")
	return b.Bytes(), nil
}

package search

import (
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

// index is MiniSearch's serialization format, version 2 (toJSON/loadJSON),
// with the stemmer's rules added for the client.
type index struct {
	DocumentCount        int               `json:"documentCount"`
	NextID               int               `json:"nextId"`
	DocumentIDs          map[string]string `json:"documentIds"`
	FieldIDs             map[string]int    `json:"fieldIds"`
	FieldLength          map[string][2]int `json:"fieldLength"`
	AverageFieldLength   [2]float64        `json:"averageFieldLength"`
	StoredFields         map[string]stored `json:"storedFields"`
	DirtCount            int               `json:"dirtCount"`
	Index                []any             `json:"index"`
	SerializationVersion int               `json:"serializationVersion"`
	BTI                  map[string]any    `json:"bti"`
}

// Fields are the indexed fields, in the order of their MiniSearch ids.
var Fields = []string{"title", "text"}

// Build returns the serialized index of docs.
func Build(docs []Doc) ([]byte, error) {
	ix := index{
		DocumentCount: len(docs), NextID: len(docs),
		DocumentIDs: map[string]string{}, FieldIDs: map[string]int{"title": 0, "text": 1},
		FieldLength: map[string][2]int{}, StoredFields: map[string]stored{},
		SerializationVersion: 2,
		BTI:                  map[string]any{"suffixes": Suffixes, "minStem": MinStem},
	}
	// term -> field -> short id -> frequency, in first-seen order.
	type postings [2]map[string]int
	terms := map[string]*postings{}
	var order []string
	var total [2]int
	for i, d := range docs {
		sid := strconv.Itoa(i)
		ix.DocumentIDs[sid] = d.ID
		ix.StoredFields[sid] = stored{Title: d.Title, URL: d.ID, Kind: d.Kind, Level: d.Level, Guide: d.Guide, Snippet: d.Snippet}
		var lengths [2]int
		for f, text := range []string{d.Title, d.Text} {
			ts := Terms(text)
			lengths[f] = len(ts)
			total[f] += len(ts)
			for _, t := range ts {
				p, ok := terms[t]
				if !ok {
					p = &postings{}
					terms[t] = p
					order = append(order, t)
				}
				if p[f] == nil {
					p[f] = map[string]int{}
				}
				p[f][sid]++
			}
		}
		ix.FieldLength[sid] = lengths
	}
	if len(docs) > 0 {
		ix.AverageFieldLength = [2]float64{float64(total[0]) / float64(len(docs)), float64(total[1]) / float64(len(docs))}
	}
	for _, t := range order {
		p := terms[t]
		data := map[string]map[string]int{}
		for f := range p {
			if p[f] != nil {
				data[strconv.Itoa(f)] = p[f]
			}
		}
		ix.Index = append(ix.Index, []any{t, data})
	}
	return json.Marshal(ix)
}

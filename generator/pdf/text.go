package pdf

import (
	"strconv"

	"github.com/bti-handbook/bti/generator/i18n"
	"github.com/bti-handbook/bti/generator/model"
)

// labels are the interface text of a document in one language, from the
// tables the websites use too (themes/i18n): "Side", "Innhold", the QR
// code's caption.
type labels struct {
	text      *i18n.Tables
	lang      string // the document's language
	municipal string // the municipality's, for labels lang's table lacks
}

// words returns the interface text of m's documents in lang.
func (o Options) words(m *model.Municipality, lang string) labels {
	t := o.Text
	if t == nil {
		t, _ = i18n.Builtin()
	}
	return labels{text: t, lang: lang, municipal: m.Language}
}

// speaks is the language the labels are in: the document's, or English
// for a language without a table (tagged so in the PDF).
func (w labels) speaks() string { return w.text.Speaks(w.lang, w.municipal) }

// word is the word for key.
func (w labels) word(key string) string { return w.text.Word(w.speaks(), w.municipal, key) }

func pad2(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 2 {
		return "0" + s
	}
	return s
}

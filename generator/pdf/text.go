package pdf

import (
	"strconv"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// words of the PDFs by language; bokmål for languages not listed.
var labels = map[string]map[string]string{
	"nb": {"page": "Side", "of": "av", "updated": "Oppdatert", "contents": "Innhold", "binder": "Verktøykasse",
		"cover": "Forside", "other": "Andre dokumenter", "tools": "Verktøy", "link": "Lenke", "file": "Vedlegg",
		"qr": "QR-kode til", "scan": "Skann koden eller gå til", "bti": "Bedre tverrfaglig innsats (BTI)",
		"deadline": "Frist", "what": "Hva", "how": "Hvordan", "who": "Hvem", "page_lc": "side"},
	"nn": {"page": "Side", "of": "av", "updated": "Oppdatert", "contents": "Innhald", "binder": "Verktøykasse",
		"cover": "Framside", "other": "Andre dokument", "tools": "Verktøy", "link": "Lenke", "file": "Vedlegg",
		"qr": "QR-kode til", "scan": "Skann koden eller gå til", "bti": "Betre tverrfagleg innsats (BTI)",
		"deadline": "Frist", "what": "Kva", "how": "Korleis", "who": "Kven", "page_lc": "side"},
	"en": {"page": "Page", "of": "of", "updated": "Updated", "contents": "Contents", "binder": "Toolbox",
		"cover": "Cover", "other": "Other documents", "tools": "Tools", "link": "Link", "file": "Attachment",
		"qr": "QR code for", "scan": "Scan the code or go to", "bti": "Bedre tverrfaglig innsats (BTI)",
		"deadline": "Deadline", "what": "What", "how": "How", "who": "Who", "page_lc": "page"},
}

// label is the word for key in lang (bokmål when lang has no words).
func label(lang, key string) string { return labels[labelLang(lang)][key] }

// labelLang is the language label speaks for lang: lang itself, or "nb"
// when the PDFs have no words in it (a Sámi or Polish translation of a
// form gets its page numbers in bokmål, tagged as such).
func labelLang(lang string) string {
	if _, ok := labels[lang]; ok {
		return lang
	}
	return "nb"
}

var (
	coverOnce sync.Once
	coverFont *sfnt.Font
)

// Printable reports whether every letter of s is in the PDF font, so that
// a document never prints boxes in place of letters it lacks. Arabic,
// Tigrinya and other scripts the font does not have get no PDF.
func Printable(s string) (bool, rune) {
	coverOnce.Do(func() { coverFont, _ = sfnt.Parse(notoRegular) })
	if coverFont == nil {
		return true, 0
	}
	var buf sfnt.Buffer
	seen := map[rune]bool{}
	for _, r := range s {
		if r < 0x250 || seen[r] || r == '\n' || r == '\t' || r == 0xFE0F || r == 0x200B {
			continue
		}
		seen[r] = true
		if gid, err := coverFont.GlyphIndex(&buf, r); err != nil || gid == 0 {
			return false, r
		}
	}
	return true, 0
}

func pad2(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 2 {
		return "0" + s
	}
	return s
}

package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/scaffold"
)

// TestEmergencyTranslations: each [[emergency.translations]] needs a
// language other than the municipality's, once, a title and a text; a
// file without any still loads as before.
func TestEmergencyTranslations(t *testing.T) {
	files, err := scaffold.Files(scaffold.Options{Slug: "test", Style: "vardo"})
	if err != nil {
		t.Fatal(err)
	}
	load := func(extra string) (string, int) {
		fsys := fstest.MapFS{}
		for p, data := range files {
			if strings.HasSuffix(p, "municipality.toml") {
				text := string(data)
				i := strings.Index(text, "[emergency]")
				j := i + strings.Index(text[i:], "\n\n")
				data = []byte(text[:j] + "\n" + extra + text[j:])
			}
			fsys[p] = &fstest.MapFile{Data: data}
		}
		site, l := pipeline.Load(content.Overlay(fsys), nil)
		var b strings.Builder
		pipeline.NewLanguages(fsys, site, "en").Print(&b, l)
		n := 0
		if site != nil && len(site.Municipalities) == 1 && site.Municipalities[0].Emergency != nil {
			n = len(site.Municipalities[0].Emergency.Translations)
		}
		return b.String(), n
	}
	if msgs, n := load(""); strings.Contains(msgs, "error") || n != 0 {
		t.Errorf("without translations: %d, %s", n, msgs)
	}
	ok := "\n[[emergency.translations]]\nlang = \"en\"\ntitle = \"Danger?\"\ntext = \"Call [112](tel:112).\"\n"
	if msgs, n := load(ok); strings.Contains(msgs, "error") || n != 1 {
		t.Errorf("one translation: %d, %s", n, msgs)
	}
	bad := ok + ok +
		"\n[[emergency.translations]]\nlang = \"nb\"\ntitle = \"x\"\ntext = \"y\"\n" +
		"\n[[emergency.translations]]\nlang = \"English\"\ntitle = \"x\"\ntext = \"y\"\n" +
		"\n[[emergency.translations]]\nlang = \"ar\"\ntext = \"y\"\n" +
		"\n[[emergency.translations]]\nlang = \"so\"\ntitle = \"x\"\n" +
		"\n[[emergency.translations]]\nlnag = \"pl\"\ntitle = \"x\"\ntext = \"y\"\n"
	msgs, _ := load(bad)
	for _, want := range []string{
		`the emergency box is translated into "en" twice [BTI127]`,
		`the emergency box is translated into the municipality's own language "nb" [BTI126]`,
		`"English" is not a language code [BTI125]`,
		`"title" is missing [BTI103]` + "\n\thint: add title = \"...\" to [[emergency.translations]]",
		`"text" is missing [BTI103]` + "\n\thint: add text = \"... [112](tel:112) ...\" to [[emergency.translations]]",
		`unknown setting "lnag" in [emergency.translations] [BTI005]`,
		`the emergency box's translation has no lang [BTI124]`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("no %q in:\n%s", want, msgs)
		}
	}
}

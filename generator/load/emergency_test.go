package load_test

import (
	"fmt"
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

// TestNoticeTranslations: [notice_translations] takes language codes
// other than the municipality's own, each at its line.
func TestNoticeTranslations(t *testing.T) {
	files, err := scaffold.Files(scaffold.Options{Slug: "test", Style: "vardo"})
	if err != nil {
		t.Fatal(err)
	}
	load := func(extra string) (string, map[string]string) {
		fsys := fstest.MapFS{}
		for p, data := range files {
			if strings.HasSuffix(p, "municipality.toml") {
				text := string(data)
				i := strings.Index(text, "\n[")
				data = []byte(text[:i] + "\n" + extra + text[i:])
			}
			fsys[p] = &fstest.MapFile{Data: data}
		}
		site, l := pipeline.Load(content.Overlay(fsys), nil)
		var b strings.Builder
		pipeline.NewLanguages(fsys, site, "en").Print(&b, l)
		if site == nil || len(site.Municipalities) != 1 {
			return b.String(), nil
		}
		return b.String(), site.Municipalities[0].NoticeTranslations
	}
	msgs, got := load("\n[notice_translations]\nen = \"Sample content.\"\nse = \"  \"\n")
	if strings.Contains(msgs, "error") || len(got) != 1 || got["en"] != "Sample content." {
		t.Errorf("one translation: %v, %s", got, msgs)
	}
	msgs, got = load("\n[notice_translations]\nnb = \"Eksempel.\"\nEnglish = \"Sample.\"\nen = \"Sample.\"\nlogo = \"assets/logo.svg\"\n")
	var toml string
	for p, data := range files {
		if strings.HasSuffix(p, "municipality.toml") {
			toml = string(data)
		}
	}
	line := strings.Count(toml[:strings.Index(toml, "\n[")], "\n") + 4 // the line of nb = ...
	for _, want := range []string{
		fmt.Sprintf(`municipality.toml:%d:1: error: the notice is translated into the municipality's own language "nb" [BTI128]`, line),
		fmt.Sprintf(`municipality.toml:%d:1: error: "English" is not a language code [BTI125]`, line+1),
		fmt.Sprintf(`municipality.toml:%d:1: error: "logo" is under [notice_translations], but belongs above the tables [BTI129]`, line+3) +
			"\n\thint: move the line with logo up, above the first line in square brackets ([...]) in the file",
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("no %q in:\n%s", want, msgs)
		}
	}
	if len(got) != 1 {
		t.Errorf("the good one is kept: %v", got)
	}
}

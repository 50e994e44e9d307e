package search

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/search/searchtest"
)

// TestStemIsSnowball checks words whose stems show each rule of the
// algorithm (searchtest.Cases).
func TestStemIsSnowball(t *testing.T) {
	for _, c := range searchtest.Cases() {
		if got := Stem(c.Word); got != c.Stem {
			t.Errorf("Stem(%q) = %q, want %q", c.Word, got, c.Stem)
		}
		if got := string(stemBytes([]byte(c.Word))); got != c.Stem {
			t.Errorf("stemBytes(%q) = %q, want %q", c.Word, got, c.Stem)
		}
	}
}

// vocabulary is the words of the sample municipalities and the national
// content.
func vocabulary(t testing.TB) []string {
	t.Helper()
	words, err := searchtest.Vocabulary(os.DirFS("../../municipalities"), content.FS())
	if err != nil {
		t.Fatal(err)
	}
	if len(words) < 2000 {
		t.Fatalf("only %d words in the samples and the national content", len(words))
	}
	return words
}

// TestStemMatchesReference compares the stemmer with
// github.com/kljensen/snowball on every word of the samples and the
// national content, and with Snowball's own C stemmer where
// libstemmer-tools is installed.
func TestStemMatchesReference(t *testing.T) {
	words := vocabulary(t)
	bad := 0
	for _, w := range words {
		if got, want := Stem(w), searchtest.Reference(w); got != want {
			t.Errorf("Stem(%q) = %q, the reference gives %q", w, got, want)
			if bad++; bad > 20 {
				t.Fatal("too many")
			}
		}
	}
	t.Logf("%d words", len(words))
	t.Run("libstemmer", func(t *testing.T) {
		exe, err := exec.LookPath("stemwords")
		if err != nil {
			t.Skip("no stemwords (Debian's libstemmer-tools)")
		}
		cmd := exec.Command(exe, "-l", "no")
		cmd.Stdin = strings.NewReader(strings.Join(words, "\n") + "\n")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		stems := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(stems) != len(words) {
			t.Fatalf("stemwords gave %d lines for %d words", len(stems), len(words))
		}
		for i, w := range words {
			if got := Stem(w); got != stems[i] {
				t.Errorf("Stem(%q) = %q, libstemmer gives %q", w, got, stems[i])
			}
		}
	})
}

// TestStemDoesNotAllocate: the index builder stems every word of every
// site without an allocation.
func TestStemDoesNotAllocate(t *testing.T) {
	words := vocabulary(t)
	bufs := make([][]byte, len(words))
	for i, w := range words {
		bufs[i] = []byte(w)
	}
	n := 0
	allocs := testing.AllocsPerRun(10, func() {
		for i, w := range words {
			n += len(Stem(w)) + len(stemBytes(bufs[i]))
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations stemming %d words", allocs, len(words))
	}
}

// TestIndexCarriesTheRules: the index holds the rules the Go stemmer
// uses, for the browser's stemmer; every replacement only shortens, as
// the Go stemmer assumes.
func TestIndexCarriesTheRules(t *testing.T) {
	data, err := Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var ix struct {
		BTI struct {
			Stemmer stemRules `json:"stemmer"`
		} `json:"bti"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&ix); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ix.BTI.Stemmer, norwegian) {
		t.Errorf("the index carries %+v, the stemmer uses %+v", ix.BTI.Stemmer, norwegian)
	}
	for _, p := range norwegian.Step1.Replace {
		if !strings.HasPrefix(p[0], p[1]) {
			t.Errorf("replacing %q with %q does not shorten", p[0], p[1])
		}
	}
}

// BenchmarkStem stems every word of the samples and the national content.
func BenchmarkStem(b *testing.B) {
	words := vocabulary(b)
	bufs := make([][]byte, len(words))
	for i, w := range words {
		bufs[i] = []byte(w)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, w := range bufs {
			n += len(stemBytes(w))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

// FuzzStem: on any bytes the stemmer does not panic, gives a prefix of
// the word, and gives the same on a string as on bytes.
func FuzzStem(f *testing.F) {
	for _, c := range searchtest.Cases() {
		f.Add(c.Word)
	}
	f.Add("\xff\xfeks")
	f.Add("ø\x80\x80s")
	f.Fuzz(func(t *testing.T, w string) {
		s := Stem(w)
		if !strings.HasPrefix(w, s) {
			t.Fatalf("Stem(%q) = %q, not a prefix", w, s)
		}
		if b := string(stemBytes([]byte(w))); b != s {
			t.Fatalf("Stem(%q) = %q, stemBytes gives %q", w, s, b)
		}
	})
}

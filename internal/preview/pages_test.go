package preview

import (
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bti-handbook/bti/generator/model"
)

// TestPreviewServesTheSitesOwnPages: bti serve serves /kom-i-gang/ and
// the change log from the history it was given, with its feed and the
// marks, after every rebuild.
func TestPreviewServesTheSitesOwnPages(t *testing.T) {
	dir := project(t, "vardo")
	step := "municipalities/vardo/guides/felles/niva-1/01-tiltak-i-egen-tjeneste.md"
	h := &model.History{Commits: []model.Commit{{Hash: "0123456789abcdef0123456789abcdef01234567",
		Time: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Message: "Ny frist", Files: []model.FileChange{{Path: step}}}}}
	s := New(Config{Root: os.DirFS(dir), Slugs: []string{"vardo"}, History: h})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	for range 2 {
		if code, body := get(t, srv.URL+"/vardo/kom-i-gang/"); code != 200 || !strings.Contains(body, "<h1>Kom i gang</h1>") {
			t.Errorf("/vardo/kom-i-gang/: %d", code)
		}
		code, body := get(t, srv.URL+"/vardo/endringer/")
		if code != 200 || !strings.Contains(body, `id="endring-0123456789ab"`) || !strings.Contains(body, "Endret: Tiltak i egen tjeneste") {
			t.Errorf("/vardo/endringer/ (%d) does not list the change", code)
		}
		if code, body := get(t, srv.URL+"/vardo/endringer/atom.xml"); code != 200 || !strings.Contains(body, "<feed") {
			t.Errorf("/vardo/endringer/atom.xml: %d", code)
		}
		if _, body := get(t, srv.URL+"/vardo/felles/niva-1/"); !strings.Contains(body, `class="changed-mark"`) {
			t.Error("the level page has no mark")
		}
		s.Rebuild()
	}
}

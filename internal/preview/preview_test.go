package preview

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// project copies a shipped sample municipality into a fresh project
// folder (the national content comes built in).
func project(t testing.TB, slug string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "municipalities", slug), os.DirFS(filepath.Join("../../municipalities", slug))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// start runs the preview of dir on a test server and watches dir.
func start(t testing.TB, dir, slug string) (*Site, *httptest.Server) {
	t.Helper()
	s := New(Config{Root: os.DirFS(dir), Slugs: []string{slug}})
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	go func() {
		close(ready)
		s.Watch(ctx, []string{filepath.Join(dir, "municipalities")}, func(err error) { t.Log(err) })
	}()
	<-ready
	time.Sleep(50 * time.Millisecond) // let the watcher add its folders
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() { cancel(); srv.Close() })
	return s, srv
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// saveLikeAnEditor writes a file the way many editors do: a temporary file
// beside it, renamed over the old one.
func saveLikeAnEditor(t testing.TB, name, text string) {
	t.Helper()
	tmp := name + ".tmp~"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

// waitFor polls url until cond holds on its body, or fails after 10 s.
func waitFor(t testing.TB, url string, what string, cond func(status int, body string) bool) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		status, body := get(t, url)
		if cond(status, body) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s at %s: last status %d, body:\n%.2000s", what, url, status, body)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

const stepPath = "municipalities/vardo/guides/felles/niva-0/01-undring.md"

func TestEditBreakFix(t *testing.T) {
	dir := project(t, "vardo")
	_, srv := start(t, dir, "vardo")
	url := srv.URL + "/vardo/felles/niva-0/undring/"
	status, body := get(t, url)
	if status != 200 || !strings.Contains(body, "/_bti/reload.js") || strings.Contains(body, "bti-overlay") {
		t.Fatalf("first load: %d, reload script or overlay wrong:\n%.500s", status, body)
	}
	file := filepath.Join(dir, stepPath)
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}

	// Edit: the new title is served.
	edited := strings.Replace(string(orig), "title = ", "title = \"Endret tittel\"\n#", 1)
	saveLikeAnEditor(t, file, edited)
	waitFor(t, url, "the edit", func(_ int, b string) bool { return strings.Contains(b, "Endret tittel") })

	// Break: an unknown tool. The last good page stays, with the overlay.
	broken := strings.Replace(edited, "tools = [", `tools = ["finnes-ikke", `, 1)
	saveLikeAnEditor(t, file, broken)
	body = waitFor(t, url, "the overlay", func(_ int, b string) bool { return strings.Contains(b, "bti-overlay") })
	if !strings.Contains(body, "Endret tittel") {
		t.Error("the last good page is not served while the edit is broken")
	}
	if !strings.Contains(body, stepPath+":") || !strings.Contains(body, "ukjent verktøy «finnes-ikke»") {
		t.Errorf("the overlay does not list the mistake with its position:\n%.3000s", body)
	}
	// Every page shows it, not just the edited one.
	if _, other := get(t, srv.URL+"/vardo/"); !strings.Contains(other, "bti-overlay") {
		t.Error("the front page has no overlay")
	}

	// Fix: the overlay goes.
	saveLikeAnEditor(t, file, string(orig))
	waitFor(t, url, "the fix", func(_ int, b string) bool {
		return !strings.Contains(b, "bti-overlay") && !strings.Contains(b, "Endret tittel")
	})

	// A new step in a new file appears; deleting it removes it.
	newFile := filepath.Join(dir, "municipalities/vardo/guides/felles/niva-0/05-ny.md")
	saveLikeAnEditor(t, newFile, "+++\ntitle = \"Nytt trinn\"\n+++\n## Hva\na\n## Hvordan\nb\n## Hvem\nc\n")
	waitFor(t, srv.URL+"/vardo/felles/niva-0/ny/", "the new step", func(s int, b string) bool { return s == 200 && strings.Contains(b, "Nytt trinn") })
	os.Remove(newFile)
	waitFor(t, srv.URL+"/vardo/felles/niva-0/ny/", "the removed step", func(s int, _ string) bool { return s == 404 })
}

func TestNewFolderIsWatched(t *testing.T) {
	dir := project(t, "vardo")
	_, srv := start(t, dir, "vardo")
	folder := filepath.Join(dir, "municipalities/vardo/pages/nytt")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	// A file in a folder the format does not use gives a warning only;
	// then a page is added beside it.
	saveLikeAnEditor(t, filepath.Join(dir, "municipalities/vardo/pages/ny-side.md"), "+++\ntitle = \"Ny side\"\n+++\nTekst.\n")
	waitFor(t, srv.URL+"/vardo/ny-side/", "the new page", func(s int, b string) bool { return s == 200 && strings.Contains(b, "Ny side") })
}

func TestEventsTellPagesToReload(t *testing.T) {
	dir := project(t, "vardo")
	s, srv := start(t, dir, "vardo")
	v := s.Version()
	resp, err := http.Get(srv.URL + "/_bti/events?v=" + itoa(v))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	got := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				got <- sc.Text()
				return
			}
		}
	}()
	file := filepath.Join(dir, stepPath)
	orig, _ := os.ReadFile(file)
	saveLikeAnEditor(t, file, string(orig)+"\nMer tekst.\n")
	select {
	case line := <-got:
		if line == "data: "+itoa(v) {
			t.Errorf("event for the old version: %s", line)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event after an edit")
	}
}

func TestOnlyTreeFilesAreServed(t *testing.T) {
	dir := project(t, "vardo")
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("root:x:0:0"), 0o644)
	_, srv := start(t, dir, "vardo")
	for _, p := range []string{
		"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/vardo/..%2f..%2f..%2fetc%2fpasswd",
		"/vardo/%2e%2e/%2e%2e/secret.txt", "/secret.txt", "/municipalities/vardo/municipality.toml",
		"/vardo/..\\..\\secret.txt", "/vardo/%00",
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/", nil)
		req.URL.Opaque = p // sent as written, not cleaned by the client
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(b), "root:x") || strings.Contains(string(b), "base_url") {
			t.Errorf("%s: status %d, body %.200s", p, resp.StatusCode, b)
		}
	}
	if status, body := get(t, srv.URL+"/vardo/finnes-ikke/"); status != 404 || !strings.Contains(body, "Fant ikke siden") {
		t.Errorf("missing page: %d", status)
	}
	resp, _ := http.Get(srv.URL + "/vardo/sitemap.xml")
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/xml") && !strings.HasPrefix(ct, "application/xml") {
		t.Errorf("sitemap content type %q", ct)
	}
	resp.Body.Close()
}

func itoa(v uint64) string { return strconv.FormatUint(v, 10) }

// BenchmarkEditToServed measures, on the Lillestrøm sample, the time from
// an edit being written to the new page being served (the median of the
// edits is reported as ms/edit-median). Goal: at most 100 ms.
func BenchmarkEditToServed(b *testing.B) {
	dir := project(b, "lillestrom")
	_, srv := start(b, dir, "lillestrom")
	file := filepath.Join(dir, "municipalities/lillestrom/guides/barnehage/niva-0/01-undring-og-bekymring.md")
	url := srv.URL + "/lillestrom/barnehage/niva-0/undring-og-bekymring/"
	orig, _ := os.ReadFile(file)
	var times []time.Duration
	i := 0
	for b.Loop() {
		i++
		marker := "Merke" + strconv.Itoa(i) + "x"
		begin := time.Now()
		saveLikeAnEditor(b, file, strings.Replace(string(orig), "## Hva\n", "## Hva\n"+marker+"\n", 1))
		waitFor(b, url, marker, func(_ int, body string) bool { return strings.Contains(body, marker) })
		times = append(times, time.Since(begin))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/edit-median")
}

// TestPDFOnRequest: the preview makes a PDF when it is asked for, serves it
// from its cache while its sources are unchanged, and makes it again after
// an edit.
func TestPDFOnRequest(t *testing.T) {
	dir := project(t, "vardo")
	s, srv := start(t, dir, "vardo")
	url := srv.URL + "/vardo/pdf/tiltaksplan.pdf"
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(first), "%PDF") {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if _, body := get(t, srv.URL+"/vardo/verktoykasse/tiltaksplan/"); !strings.Contains(body, "../../pdf/tiltaksplan.pdf") {
		t.Error("the tool page does not link its PDF")
	}
	s.pdfs.mu.Lock()
	cached := s.pdfs.entries["vardo/pdf/tiltaksplan.pdf"]
	s.pdfs.mu.Unlock()
	if cached.data == nil {
		t.Fatal("the PDF was not cached")
	}
	// An edit elsewhere keeps the cached PDF; an edit of the form remakes it.
	v := s.Version()
	page := filepath.Join(dir, "municipalities/vardo/pages/kontakt.md")
	b, _ := os.ReadFile(page)
	saveLikeAnEditor(t, page, string(b)+"\nMer.\n")
	<-s.next(v)
	if _, second := get(t, url); second != string(first) {
		t.Error("an unrelated edit changed the PDF")
	}
	v = s.Version()
	form := filepath.Join(dir, "municipalities/vardo/toolbox/tiltaksplan.md")
	saveLikeAnEditor(t, form, "+++\ntitle = \"Vår tiltaksplan\"\nkind = \"form\"\n+++\nNavn: ___\n")
	<-s.next(v)
	if _, third := get(t, url); third == string(first) || !strings.HasPrefix(third, "%PDF") {
		t.Error("editing the form did not remake its PDF")
	}
	for _, p := range []string{"/vardo/pdf/finnes-ikke.pdf", "/vardo/pdf/../secret.pdf", "/nowhere/pdf/perm.pdf"} {
		if status, _ := get(t, srv.URL+p); status != 404 {
			t.Errorf("%s: %d", p, status)
		}
	}
	if status, body := get(t, srv.URL+"/vardo/pdf/perm.pdf"); status != 200 || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("the binder: %d", status)
	}
}

// TestGuidePDFFollowsEveryEdit: the guide's PDF in bti serve is made
// again after an edit of a step's summary and of its deadline (the
// preview's own cache key once left both out, and served the old PDF).
func TestGuidePDFFollowsEveryEdit(t *testing.T) {
	dir := project(t, "vardo")
	s, srv := start(t, dir, "vardo")
	url := srv.URL + "/vardo/pdf/veileder-felles.pdf"
	status, first := get(t, url)
	if status != 200 || !strings.HasPrefix(first, "%PDF") {
		t.Fatalf("the guide's PDF: %d", status)
	}
	step := filepath.Join(dir, "municipalities/vardo/guides/felles/niva-1/02-tiltaksplan.md")
	b, _ := os.ReadFile(step)
	if !bytes.Contains(b, []byte("summary = ")) {
		t.Fatal("the step has no summary to edit")
	}
	v := s.Version()
	edited := regexp.MustCompile(`(?m)^summary = ".*"$`).ReplaceAll(b, []byte(`summary = "Et nytt sammendrag."`))
	saveLikeAnEditor(t, step, string(edited))
	<-s.next(v)
	_, second := get(t, url)
	if second == first || !strings.HasPrefix(second, "%PDF") {
		t.Error("editing a step's summary did not remake the guide's PDF")
	}
	v = s.Version()
	withDeadline := bytes.Replace(edited, []byte("+++\n"), []byte("+++\ndeadline = \"Innen 14 dager\"\n"), 1)
	saveLikeAnEditor(t, step, string(withDeadline))
	<-s.next(v)
	if _, third := get(t, url); third == second || !strings.HasPrefix(third, "%PDF") {
		t.Error("giving a step a deadline did not remake the guide's PDF")
	}
}

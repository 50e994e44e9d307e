package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// TestServeAnswersOnlyItsAddressAndStops runs bti serve: a request whose
// Host is another name (DNS rebinding) gets 403, the address shown gets
// the page; Ctrl-C (SIGINT) with a page's event stream open stops it.
func TestServeAnswersOnlyItsAddressAndStops(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bti")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	proj := filepath.Join(dir, "proj")
	if err := os.CopyFS(filepath.Join(proj, "municipalities", "vardo"), os.DirFS("../../municipalities/vardo")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "-C", proj, "--port", "0", "vardo")
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(out)
	var base string
	for sc.Scan() {
		if m := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(sc.Text()); m != "" {
			base = m
			break
		}
	}
	if base == "" {
		t.Fatal("bti serve printed no address")
	}
	lines := make(chan string, 100)
	go func() {
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	port := base[len("http://127.0.0.1:"):]
	for host, want := range map[string]int{"127.0.0.1:" + port: 200, "localhost:" + port: 200, "rebind.example:" + port: 403} {
		req, _ := http.NewRequest("GET", base+"/vardo/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
	resp, err := http.Get(base + "/_bti/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	bufio.NewScanner(resp.Body).Scan()
	begin := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("bti serve ended with %v", err)
		}
		t.Logf("bti serve stopped %v after SIGINT with an event stream open", time.Since(begin).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatal("bti serve did not stop after SIGINT")
	}
	stopped := false
	for l := range lines {
		stopped = stopped || regexp.MustCompile(`stoppet`).MatchString(l)
	}
	if !stopped {
		t.Error("bti serve did not say it stopped")
	}
}

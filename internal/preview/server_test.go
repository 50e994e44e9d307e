package preview

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestOnlyTheShownAddressIsAnswered: requests whose Host names anything
// but the loopback address and port the server listens on (a name an
// attacker pointed at 127.0.0.1: DNS rebinding) get 403 and no page.
func TestOnlyTheShownAddressIsAnswered(t *testing.T) {
	s := New(Config{Root: os.DirFS(project(t, "vardo")), Slugs: []string{"vardo"}})
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = OnlyAt(s.Handler(), srv.Listener.Addr(), "nb")
	srv.Start()
	defer srv.Close()
	port := srv.Listener.Addr().String()[strings.LastIndexByte(srv.Listener.Addr().String(), ':')+1:]
	for host, want := range map[string]int{
		"127.0.0.1:" + port:        200,
		"localhost:" + port:        200,
		"LocalHost:" + port:        200,
		"[::1]:" + port:            200,
		"evil.example:" + port:     403,
		"localhost.evil:" + port:   403,
		"127.0.0.1.nip.io:" + port: 403,
		"127.0.0.1:1":              403,
		"localhost":                403,
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/vardo/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body strings.Builder
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			body.WriteString(sc.Text())
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %d, want %d", host, resp.StatusCode, want)
		}
		if want == 403 && (strings.Contains(body.String(), "Vardø") || !strings.Contains(body.String(), "bti serve svarer bare")) {
			t.Errorf("Host %q: the answer is %q", host, body.String())
		}
	}
	// The event stream too.
	req, _ := http.NewRequest("GET", srv.URL+"/_bti/events", nil)
	req.Host = "evil.example:" + port
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("the event stream for another name: %v %v", resp, err)
	}
}

// TestEventWaitersAreFreed: an open page waits on one channel for the
// next build however many keep-alives it gets, and none is left when the
// page goes (each keep-alive and each closed page left one behind until
// the next build).
func TestEventWaitersAreFreed(t *testing.T) {
	old := keepAlive
	keepAlive = 5 * time.Millisecond
	defer func() { keepAlive = old }()
	s := New(Config{Root: os.DirFS(project(t, "vardo")), Slugs: []string{"vardo"}})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	open := func() (context.CancelFunc, *bufio.Scanner) {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/_bti/events?v="+strconv.FormatUint(s.Version(), 10), nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return cancel, bufio.NewScanner(resp.Body)
	}
	cancels := []context.CancelFunc{}
	for range 3 {
		cancel, sc := open()
		cancels = append(cancels, cancel)
		for keepAlives := 0; keepAlives < 10 && sc.Scan(); {
			if strings.HasPrefix(sc.Text(), ": keep-alive") {
				keepAlives++
			}
		}
	}
	if n := s.waiting(); n != 3 {
		t.Errorf("3 open pages after 10 keep-alives each wait on %d channels, want 3", n)
	}
	// A build answers them and they wait again, on one channel each.
	s.Rebuild()
	deadline := time.Now().Add(5 * time.Second)
	for s.waiting() != 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := s.waiting(); n != 3 {
		t.Errorf("after a build, 3 open pages wait on %d channels, want 3", n)
	}
	for _, c := range cancels {
		c()
	}
	for s.waiting() != 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := s.waiting(); n != 0 {
		t.Errorf("after the pages closed, %d channels wait", n)
	}
}

// TestOnlyAtEveryAddress: listening on every address (--addr 0.0.0.0),
// a request for the machine's address in digits is answered, a name is
// not; listening on one address of the network, that address is.
func TestOnlyAtEveryAddress(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	for _, c := range []struct {
		listen net.Addr
		host   string
		want   int
	}{
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "192.168.1.5:8080", 200},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "localhost:8080", 200},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "rebind.example:8080", 403},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "192.168.1.5:8081", 403},
		{&net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 8080}, "192.168.1.5:8080", 200},
		{&net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 8080}, "192.168.1.6:8080", 403},
		{&net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 80}, "localhost", 200},
		{&net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 80}, "evil", 403},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = c.host
		OnlyAt(ok, c.listen, "en").ServeHTTP(rec, req)
		if rec.Code != c.want {
			t.Errorf("listening on %v, Host %q: %d, want %d", c.listen, c.host, rec.Code, c.want)
		}
	}
}

package preview

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/bti-handbook/bti/generator/diag"
)

//go:embed reload.js
var reloadJS []byte

//go:embed overlay.css
var overlayCSS []byte

// Handler serves the current site, the reload script and its event
// stream. Pages are looked up in the built tree only.
func (s *Site) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_bti/reload.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(reloadJS)
	})
	mux.HandleFunc("GET /_bti/overlay.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(overlayCSS)
	})
	klarsprakRoutes(mux)
	mux.HandleFunc("GET /_bti/events", s.events)
	mux.HandleFunc("/", s.page)
	return mux
}

// keepAlive is how often an open event stream gets a comment, so that
// proxies and browsers keep it open.
var keepAlive = 20 * time.Second

// events streams a message each time the site is rebuilt after the
// version the page shows (Server-Sent Events). It waits on one channel
// per build, and forgets it when the page goes.
func (s *Site) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	v, _ := strconv.ParseUint(r.URL.Query().Get("v"), 10, 64)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n\n")
	fl.Flush()
	built, forget := s.wait(v)
	defer func() { forget() }()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-built:
			v = s.Version()
			built, forget = s.wait(v)
			if _, err := fmt.Fprintf(w, "data: %d\n\n", v); err != nil {
				return
			}
			fl.Flush()
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

// OnlyAt answers only the requests whose Host header names the address
// the server listens on (listen): 127.0.0.1, localhost or [::1] with its
// port on the loopback interface, or the address itself when --addr names
// another. Any other name is a page elsewhere whose name an attacker made
// point at 127.0.0.1 (DNS rebinding) to read the preview: it gets 403,
// with a sentence in lang.
func OnlyAt(h http.Handler, listen net.Addr, lang string) http.Handler {
	host, port, err := net.SplitHostPort(listen.String())
	if err != nil {
		return h
	}
	ip := net.ParseIP(host)
	allowed := map[string]bool{}
	add := func(name string) {
		allowed[net.JoinHostPort(name, port)] = true
		if port == "80" {
			allowed[name] = true
			allowed["["+name+"]"] = true
		}
	}
	for _, name := range []string{"127.0.0.1", "localhost", "::1"} {
		add(name)
	}
	if ip != nil && !ip.IsLoopback() && !ip.IsUnspecified() {
		add(ip.String())
	}
	shown := "http://" + net.JoinHostPort("127.0.0.1", port) + "/"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.ToLower(r.Host)
		ok := allowed[name]
		if !ok && ip != nil && ip.IsUnspecified() {
			// Listening on every address (--addr 0.0.0.0): any address
			// given as digits (never a name an attacker controls).
			if h, p, err := net.SplitHostPort(name); err == nil && p == port && net.ParseIP(h) != nil {
				ok = true
			}
		}
		if !ok {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintln(w, diag.T(lang, "out.serve_host", "addr", shown, "host", r.Host))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// page serves a file of the tree; HTML pages get the reload script and,
// while there are mistakes, the overlay.
func (s *Site) page(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.snapshot()
	clean := path.Clean("/" + r.URL.Path)
	if strings.Contains(r.URL.Path, "..") || strings.ContainsRune(r.URL.Path, 0) {
		http.NotFound(w, r) // never resolve a path that tries to climb
		return
	}
	name := strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
	}
	data, found := st.tree[name]
	status := http.StatusOK
	if !found && strings.HasSuffix(name, ".pdf") {
		pdfData, isPDF, err := s.makePDF(st, name)
		if err != nil {
			http.Error(w, "bti serve: cannot make the PDF: "+err.Error(), http.StatusInternalServerError)
			return
		}
		data, found = pdfData, isPDF
	}
	if !found {
		if _, isDir := st.tree[name+"/index.html"]; isDir {
			http.Redirect(w, r, clean+"/", http.StatusMovedPermanently)
			return
		}
		status = http.StatusNotFound
		data, found = st.tree[notFoundPage(name)]
		name = "404.html"
		if !found {
			lang := "nb"
			if st.langs != nil {
				lang = st.langs.Run()
			}
			words := html.EscapeString(diag.T(lang, "serve.not_found"))
			data = []byte("<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>" + words + "</title></head><body><main><h1>" + words + "</h1></main></body></html>")
		}
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	if strings.HasPrefix(ct, "text/html") {
		data = injectKlarsprak(inject(data, st), st, name)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// notFoundPage is the 404 page of the site a missing path is under.
func notFoundPage(name string) string {
	if i := strings.IndexByte(name, '/'); i > 0 {
		return name[:i] + "/404.html"
	}
	return "404.html"
}

// inject adds the reload script to a page, and the overlay of mistakes
// when the latest build had any.
func inject(page []byte, st state) []byte {
	head := fmt.Sprintf(`<link rel="stylesheet" href="/_bti/overlay.css"><script src="/_bti/reload.js" data-version="%d" defer></script>`, st.version)
	out := make([]byte, 0, len(page)+len(head)+512)
	if i := bytes.Index(page, []byte("</head>")); i >= 0 {
		out = append(append(append(out, page[:i]...), head...), page[i:]...)
	} else {
		out = append(append(out, head...), page...)
	}
	if len(st.diags) == 0 {
		return out
	}
	var b strings.Builder
	lang := st.langs.Run()
	fmt.Fprintf(&b, `<div class="bti-overlay" role="alert" lang="%s"><h2>%s</h2>`, lang, html.EscapeString(diag.T(lang, "overlay.title")))
	fmt.Fprintf(&b, `<p>%s</p><ol>`, html.EscapeString(diag.T(lang, "overlay.text")))
	for _, d := range st.diags {
		dl := st.langs.For(d.Pos.File)
		msg, hint := d.Message(dl)
		fmt.Fprintf(&b, `<li lang="%s"><code>`, dl)
		b.WriteString(html.EscapeString(d.Pos.String()))
		b.WriteString("</code> ")
		b.WriteString(html.EscapeString(msg))
		b.WriteString(" <small>[" + string(d.Code) + "]</small>")
		if hint != "" {
			b.WriteString(`<br><span class="bti-overlay__hint">` + html.EscapeString(diag.T(dl, "word.hint")) + ": ")
			b.WriteString(html.EscapeString(hint))
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ol></div>")
	if i := bytes.Index(out, []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(out[i:], '>'); j >= 0 {
			at := i + j + 1
			return append(out[:at:at], append([]byte(b.String()), out[at:]...)...)
		}
	}
	return append([]byte(b.String()), out...)
}

// bti: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  var status;
  function announce(text) {
    if (!status) {
      status = document.createElement("p");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = text;
    status.classList.add("copy-status--shown");
    clearTimeout(announce.t);
    announce.t = setTimeout(function () { status.classList.remove("copy-status--shown"); }, 2500);
  }
  function copy(url, done) {
    if (!navigator.clipboard) return false;
    navigator.clipboard.writeText(url).then(function () { announce(done); });
    return true;
  }
  var copied = "";
  document.querySelectorAll("button.copy-link").forEach(function (b) {
    copied = b.getAttribute("data-copied") || copied;
    if (navigator.clipboard) b.hidden = false;
    b.addEventListener("click", function () { copy(b.getAttribute("data-copy"), copied); });
  });
  // A heading's anchor link still goes to the heading; it also copies the
  // link, so staff can paste it into a message.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.anchor");
    if (!a || !copied) return;
    copy(a.href, copied);
  });
})();

// Search: the index is built by bti and loaded, with the MiniSearch
// client, only when someone searches. The stemmer's rules come with the
// index, so the browser cuts words exactly as the build did.
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !window.fetch || !window.Promise) return;
  var cfg = form.dataset, loading = null;
  var sep = /[\n\r\p{Z}\p{P}]+/u;
  function load() {
    if (loading) return loading;
    loading = new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = cfg.lib; s.onload = ok; s.onerror = fail;
      document.head.appendChild(s);
    }).then(function () { return fetch(cfg.index); }).then(function (r) { return r.text(); }).then(function (text) {
      var rules = JSON.parse(text).bti;
      function stem(t) {
        t = t.toLowerCase();
        var n = Array.from(t).length;
        for (var i = 0; i < rules.suffixes.length; i++) {
          var s = rules.suffixes[i];
          if (t.endsWith(s) && n - Array.from(s).length >= rules.minStem) return t.slice(0, t.length - s.length);
        }
        return t;
      }
      return MiniSearch.loadJSON(text, {
        fields: ["title", "text"],
        storeFields: ["title", "url", "kind", "level", "guide", "snippet"],
        tokenize: function (s) { return s.split(sep); },
        processTerm: function (t) { return t ? stem(t) : null; },
        searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: "AND" }
      });
    });
    return loading;
  }
  function item(r) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = cfg.root + r.url.replace(/^\//, "");
    a.textContent = r.title;
    li.appendChild(a);
    if (r.level >= 0) {
      var b = document.createElement("span");
      b.className = "level-badge level-" + r.level;
      b.textContent = cfg.level + " " + r.level;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(b);
    }
    if (r.guide) {
      var g = document.createElement("span");
      g.className = "search-guide";
      g.textContent = " " + r.guide;
      li.appendChild(g);
    }
    if (r.snippet) {
      var p = document.createElement("p");
      p.textContent = r.snippet;
      li.appendChild(p);
    }
    return li;
  }
  function search(q) {
    return load().then(function (ms) {
      var res = ms.search(q);
      if (!res.length) res = ms.search(q, { combineWith: "OR" });
      return res;
    });
  }
  function show(list, status, results, max) {
    list.textContent = "";
    results.slice(0, max || results.length).forEach(function (r) { list.appendChild(item(r)); });
    status.textContent = results.length ? results.length + " " + cfg.results : cfg.none;
  }
  // The search page: /sok/?q=... shows its results, and updates as you type.
  var pageList = document.getElementById("sok-resultater");
  if (pageList) {
    var input = document.getElementById("sok-side");
    var status = document.getElementById("sok-side-status");
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    var run = function () {
      var v = input.value.trim();
      if (!v) { pageList.textContent = ""; status.textContent = ""; return; }
      search(v).then(function (r) { show(pageList, status, r); pageList.setAttribute("data-query", v); });
    };
    input.addEventListener("input", debounce(run, 120));
    if (q) run();
  }
  // The header field: results as you type, below the field.
  var field = form.querySelector("input[name=q]");
  var popup = form.querySelector(".search-popup");
  var hstatus = form.querySelector("[role=status]");
  var list = document.createElement("ol");
  list.className = "search-results";
  popup.appendChild(list);
  var all = document.createElement("a");
  all.className = "search-all";
  all.textContent = cfg.all;
  popup.appendChild(all);
  field.addEventListener("focus", function () { load(); });
  field.addEventListener("input", debounce(function () {
    var v = field.value.trim();
    if (!v) { popup.hidden = true; hstatus.textContent = ""; return; }
    search(v).then(function (r) {
      show(list, hstatus, r, 6);
      all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(v);
      popup.hidden = false;
    });
  }, 120));
  form.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { popup.hidden = true; field.focus(); }
  });
  document.addEventListener("click", function (ev) {
    if (!form.contains(ev.target)) popup.hidden = true;
  });
  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }
})();

// bti: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  var wide = window.matchMedia ? window.matchMedia("(min-width: 48rem)") : { matches: true };
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

  // Copying a link: the clipboard where the page is served over https
  // (or from localhost), else the older copy command; when both fail,
  // the address is shown selected, with a message, to copy by hand.
  function legacyCopy(text) {
    var ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.className = "copy-buffer";
    document.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    return ok;
  }
  function copy(text, done, failed) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { if (legacyCopy(text)) done(); else failed(); });
    } else if (legacyCopy(text)) {
      done();
    } else {
      failed();
    }
  }
  // The page's own address, where it is served from (not base_url).
  function here() { return location.href.split("#")[0]; }
  var copied = "";
  document.querySelectorAll("button.copy-link").forEach(function (b) {
    copied = b.getAttribute("data-copied") || copied;
    b.hidden = false;
    b.addEventListener("click", function () {
      var url = here();
      copy(url, function () { announce(copied); }, function () {
        var box = b.parentNode.querySelector(".copy-fallback");
        if (!box) {
          box = document.createElement("span");
          box.className = "copy-fallback";
          var msg = document.createElement("span");
          msg.className = "copy-fallback__message";
          msg.setAttribute("role", "alert");
          msg.textContent = b.getAttribute("data-failed") || "";
          var field = document.createElement("input");
          field.type = "text";
          field.readOnly = true;
          field.setAttribute("aria-label", b.getAttribute("data-address") || "URL");
          box.appendChild(msg);
          box.appendChild(field);
          b.parentNode.appendChild(box);
        }
        var input = box.querySelector("input");
        input.value = url;
        input.focus();
        input.select();
      });
    });
  });
  // A heading's anchor link still goes to the heading; it also copies the
  // link, so staff can paste it into a message.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.anchor");
    if (!a || !copied) return;
    copy(a.href, function () { announce(copied); }, function () {});
  });

  // The emergency box shows its whole text on wide screens.
  var more = document.querySelector(".emergency__more");
  if (more && wide.matches) more.open = true;

  // Menus: Escape or a click elsewhere closes an open menu.
  var menus = document.querySelectorAll(".site-menu__details, .site-nav__more details");
  function closeMenus(except) {
    menus.forEach(function (d) { if (d !== except && d.open) d.open = false; });
  }
  document.addEventListener("click", function (ev) {
    var d = ev.target.closest && ev.target.closest(".site-menu__details, .site-nav__more details");
    closeMenus(d);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    menus.forEach(function (d) {
      if (d.open) { d.open = false; d.querySelector("summary").focus(); }
    });
  });

  // Forms: answer boxes grow with their text (where the browser cannot
  // do it with field-sizing), the print header gets the date and the
  // address, and leaving a page with filled-in fields asks first.
  // Nothing typed is sent or stored anywhere: it lives in the page.
  var form = document.querySelector(".form");
  if (!form) return;
  var boxes = form.querySelectorAll("textarea");
  var sized = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");
  function fit(ta) {
    if (sized) return;
    ta.style.height = "auto";
    ta.style.height = ta.scrollHeight + 4 + "px";
  }
  function filled() {
    var f = form.querySelectorAll("input, textarea");
    for (var i = 0; i < f.length; i++) {
      if ((f[i].type === "checkbox" || f[i].type === "radio") ? f[i].checked : f[i].value.trim() !== "") return true;
    }
    return false;
  }
  function warn(ev) {
    if (!filled()) return;
    ev.preventDefault();
    ev.returnValue = "";
  }
  var watching = false;
  function changed(ev) {
    if (ev.target.tagName === "TEXTAREA") fit(ev.target);
    if (!watching) {
      watching = true;
      window.addEventListener("beforeunload", warn);
    }
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("beforeprint", function () {
    boxes.forEach(fit);
    var head = document.querySelector(".print-header");
    if (!head) return;
    var url = head.querySelector(".print-header__url");
    if (url) url.textContent = here();
    var date = head.querySelector(".print-header__printed");
    if (date) {
      date.querySelector(".print-header__date").textContent = new Date().toLocaleDateString(document.documentElement.lang || "nb");
      date.hidden = false;
    }
  });
})();

// The Snowball Norwegian stemmer, run over the rules that come with the
// search index (its "bti" → "stemmer"; generator/search/rules.go), so
// that a query is cut exactly as the build cut the pages. A global, so
// that internal/browsertest can run it on every word of the samples.
function btiStemmer(rules) {
  "use strict";
  function entry(s, to, after) { return { a: Array.from(s), to: Array.from(to), after: after }; }
  var step1 = rules.step1.delete.map(function (s) { return entry(s, ""); })
    .concat(rules.step1.replace.map(function (p) { return entry(p[0], p[1]); }))
    .concat(rules.step1.deleteAfter.map(function (c) { return entry(c.suffix, "", c); }));
  var step2 = rules.step2.map(function (s) { return entry(s, ""); });
  var step3 = rules.step3.map(function (s) { return entry(s, ""); });
  function vowel(c) { return rules.vowels.indexOf(c) >= 0; }
  function has(set, c) { return c !== undefined && set.indexOf(c) >= 0; }
  // R1 begins after the first non-vowel that follows a vowel, and after
  // r1Min letters at the earliest.
  function r1(w) {
    if (w.length < rules.r1Min) return w.length;
    var i = 0;
    while (i < w.length && !vowel(w[i])) i++;
    i++;
    while (i < w.length && vowel(w[i])) i++;
    return i < w.length ? Math.max(i + 1, rules.r1Min) : w.length;
  }
  // The longest of list that ends w and lies in R1, or null.
  function longest(list, w, p1) {
    var best = null;
    list.forEach(function (e) {
      var start = w.length - e.a.length;
      if (start < p1 || (best && best.a.length >= e.a.length)) return;
      for (var k = 0; k < e.a.length; k++) if (w[start + k] !== e.a[k]) return;
      best = e;
    });
    return best;
  }
  return function stem(t) {
    var w = Array.from(t.toLowerCase()), p1 = r1(w);
    var e = longest(step1, w, p1);
    if (e) {
      var start = w.length - e.a.length;
      if (!e.after || has(e.after.letters, w[start - 1]) ||
          (has(e.after.afterNonVowel, w[start - 1]) && start >= 2 && !vowel(w[start - 2]))) {
        w = w.slice(0, start).concat(e.to);
      }
    }
    if (longest(step2, w, p1)) w = w.slice(0, w.length - 1);
    e = longest(step3, w, p1);
    if (e) w = w.slice(0, w.length - e.a.length);
    return w.join("");
  };
}

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
      var stem = btiStemmer(JSON.parse(text).bti.stemmer);
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
  // No hits says so where the results would be, with what to try.
  function none() {
    var li = document.createElement("li");
    li.className = "search-none";
    var b = document.createElement("strong");
    b.textContent = cfg.none;
    li.appendChild(b);
    var p = document.createElement("p");
    p.textContent = cfg.hint + " ";
    var a = document.createElement("a");
    a.href = cfg.root + "verktoykasse/";
    a.textContent = cfg.toolbox;
    p.appendChild(a);
    li.appendChild(p);
    return li;
  }
  function show(list, status, results, max) {
    list.textContent = "";
    results.slice(0, max || results.length).forEach(function (r) { list.appendChild(item(r)); });
    if (!results.length) list.appendChild(none());
    status.textContent = results.length ? results.length + " " + cfg.results : cfg.none + ". " + cfg.hint;
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
      all.hidden = !r.length;
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

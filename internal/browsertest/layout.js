// What a page looks like to someone on a phone, measured in the browser:
// does the page scroll sideways (WCAG 1.4.10, reflow), and is any text
// painted with too little contrast against what lies behind it (1.4.3)?
// axe-core sees neither of these for pseudo-elements (::before, ::after,
// ::marker), placeholders, or a badge whose background is an unset
// custom property; this check walks every text the page paints.
//
// Evaluated by layout.go; returns {scrollWidth, innerWidth, wide, low}.
(async () => {
  "use strict";
  if (document.fonts && document.fonts.ready) await document.fonts.ready;
  const W = window.innerWidth;
  const MIN = 4.5;
  const out = { scrollWidth: document.documentElement.scrollWidth, innerWidth: W, wide: [], low: [] };

  // Colours: any CSS colour (rgb, color(srgb ...), color-mix results) is
  // painted on a 1×1 canvas and read back as sRGB bytes.
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const cache = new Map();
  function rgba(css) {
    if (cache.has(css)) return cache.get(css);
    let c = [0, 0, 0, 0];
    if (css && css !== "transparent") {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "rgba(0,0,0,0)";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      c = [d[0], d[1], d[2], d[3] / 255];
    }
    cache.set(css, c);
    return c;
  }
  function over(top, base) { // top (with alpha) painted over an opaque base
    const a = top[3];
    return [top[0] * a + base[0] * (1 - a), top[1] * a + base[1] * (1 - a), top[2] * a + base[2] * (1 - a), 1];
  }
  function lum(c) {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function ratio(a, b) {
    const x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  // The colours a background-image paints: a gradient's stops; an image
  // is unknown (null).
  function imageColours(img) {
    if (!img || img === "none") return [];
    if (img.includes("url(")) return null;
    const found = img.match(/(rgba?|color|hsla?|oklch|oklab|lab|lch)\([^()]*\)|#[0-9a-fA-F]{3,8}\b/g) || [];
    return found.map(rgba);
  }
  // The layers painted behind el's text, from el outwards: each layer is
  // a list of the colours it may paint there (one for a colour, the stops
  // for a gradient).
  function layers(el, extra) {
    const ls = [];
    if (extra) ls.push(...extra);
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      const bg = rgba(cs.backgroundColor);
      const imgs = imageColours(cs.backgroundImage);
      if (imgs === null) return null;
      if (imgs.length) ls.push(imgs);
      if (bg[3] > 0) {
        ls.push([bg]);
        if (bg[3] >= 1 && !imgs.length) break;
      }
    }
    return ls;
  }
  // Every opaque colour that may be behind the text: the layers painted
  // over the white canvas, every combination of their colours.
  function backdrops(ls) {
    let bases = [[255, 255, 255, 1]];
    for (let i = ls.length - 1; i >= 0; i--) {
      const next = [];
      for (const b of bases) for (const c of ls[i]) next.push(over(c, b));
      bases = next.slice(0, 64);
    }
    return bases;
  }
  function opacity(el) {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  }
  // Hidden from sight but not from screen readers (the visually-hidden
  // pattern: a 1 px box that clips its content).
  function clippedAway(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.overflow !== "visible" || cs.clip !== "auto" || cs.clipPath !== "none") {
        const r = e.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return true;
      }
    }
    return false;
  }
  function describe(el) {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) s += "#" + e.id;
      if (e.classList.length) s += "." + Array.from(e.classList).slice(0, 2).join(".");
      parts.unshift(s);
    }
    return parts.join(" > ");
  }
  function hex(c) { return "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join(""); }
  const seen = new Set();
  function check(el, where, text, colour, ownLayers) {
    const key = where + "|" + text;
    if (seen.has(key)) return;
    seen.add(key);
    const ls = layers(el, ownLayers);
    if (ls === null) return; // text on an image: not measurable here
    let fg = rgba(colour);
    const op = opacity(el);
    fg = [fg[0], fg[1], fg[2], fg[3] * op];
    let worst = Infinity, worstBg = null;
    for (const b of backdrops(ls)) {
      const r = ratio(over(fg, b), b);
      if (r < worst) { worst = r; worstBg = b; }
    }
    if (worst < MIN) {
      out.low.push({ where, text: text.trim().slice(0, 50), fg: hex(over(fg, worstBg)), bg: hex(worstBg), ratio: Math.round(worst * 100) / 100 });
    }
  }
  const visible = (el) => el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true }) && !clippedAway(el);

  // Text nodes, by the element that paints them.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION"]);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || skip.has(el.tagName) || !n.data.trim() || el.closest("svg")) continue;
    if (!visible(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    check(el, describe(el), n.data, getComputedStyle(el).color);
  }
  for (const el of document.body.querySelectorAll("*")) {
    if (!visible(el)) continue;
    // ::before and ::after with text of their own.
    for (const pseudo of ["::before", "::after"]) {
      const cs = getComputedStyle(el, pseudo);
      const c = cs.content;
      if (!c || c === "none" || c === "normal" || c === '""' || c.startsWith("url(") || cs.display === "none") continue;
      const text = c.replace(/^"|"$/g, "");
      if (!text.trim()) continue;
      const own = [];
      const imgs = imageColours(cs.backgroundImage);
      if (imgs && imgs.length) own.push(imgs);
      const bg = rgba(cs.backgroundColor);
      if (bg[3] > 0) own.push([bg]);
      check(el, describe(el) + pseudo, text, cs.color, own);
    }
    const cs = getComputedStyle(el);
    // List markers (numbers of an ordered list, a summary's triangle).
    if (cs.display.includes("list-item") && cs.listStyleType !== "none") {
      const m = getComputedStyle(el, "::marker");
      if (m.content !== "none" && m.content !== '""') check(el, describe(el) + "::marker", "marker " + cs.listStyleType, m.color);
    }
    // What is typed into a field, and its placeholder.
    if ((el.tagName === "INPUT" && /^(text|search|email|tel|url|number|date)$/.test(el.type)) || el.tagName === "TEXTAREA") {
      check(el, describe(el) + " (value)", "value", cs.color);
      if (el.placeholder) check(el, describe(el) + "::placeholder", el.placeholder, getComputedStyle(el, "::placeholder").color);
    }
  }

  // Sideways scrolling: the elements that stick out of the window while
  // their parent does not (where the overflow starts), outside any box
  // that scrolls or clips them.
  if (out.scrollWidth > W) {
    const scrolls = (e) => { const o = getComputedStyle(e).overflowX; return o !== "visible"; };
    const sticksOut = (e) => { const r = e.getBoundingClientRect(); return (r.width > 0 || r.height > 0) && (r.right > W + 0.5 || r.left < -0.5); };
    for (const el of document.body.querySelectorAll("*")) {
      if (!sticksOut(el) || clippedAway(el)) continue;
      let inside = false;
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (scrolls(e)) { inside = true; break; }
      if (inside) continue;
      const p = el.parentElement;
      if (p && p !== document.body && sticksOut(p)) continue;
      const r = el.getBoundingClientRect();
      const w = describe(el) + " (" + Math.round(r.left) + " to " + Math.round(r.right) + " px)";
      if (!out.wide.includes(w)) out.wide.push(w);
      if (out.wide.length >= 8) break;
    }
  }
  return out;
})()

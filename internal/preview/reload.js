// bti serve: reloads the page when the site has been rebuilt, keeping the
// scroll position. Served only by the preview server, never published.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? me.getAttribute("data-version") : "0";
  var key = "bti-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  var es = new EventSource("/_bti/events?v=" + encodeURIComponent(version));
  es.onmessage = function () {
    sessionStorage.setItem(key, String(window.scrollY));
    es.close();
    location.reload();
  };
})();

// bti: small progressive enhancements. The site works without this file.
(function () {
  "use strict";
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.copy-link");
    if (!a || !navigator.clipboard) return;
    ev.preventDefault();
    var url = a.getAttribute("data-copy") || location.href.split("#")[0];
    navigator.clipboard.writeText(url).then(function () {
      a.setAttribute("aria-live", "polite");
      a.textContent = a.getAttribute("data-copied") || "Kopiert";
    });
  });
})();

// bti serve: keeps the Klarspråk panel open or closed from page to page
// and across reloads. The panel works without it. Served only by the
// preview server, never published.
(function () {
  "use strict";
  var panel = document.getElementById("bti-klarsprak");
  if (!panel) return;
  var key = "bti-klarsprak-open";
  try {
    if (sessionStorage.getItem(key) === "1") panel.open = true;
  } catch (e) {}
  panel.addEventListener("toggle", function () {
    try {
      sessionStorage.setItem(key, panel.open ? "1" : "0");
    } catch (e) {}
  });
})();

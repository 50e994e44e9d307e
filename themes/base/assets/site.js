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

// Atrium's script: progressive enhancement only. Every page works without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The post editor gets a live preview, rendered by the server exactly as the published post will be. It is
  // the writer's own session that asks, so the request carries the form's CSRF token as a header.
  var body = document.querySelector("form.editor textarea[name=body]");
  var token = document.querySelector("form.editor input[name=csrf-token]");
  if (!body || !token || !window.fetch) {
    return;
  }
  var preview = document.createElement("div");
  preview.className = "preview post-body";
  preview.setAttribute("aria-live", "polite");
  body.form.appendChild(preview);

  var timer = null;
  var latest = 0;
  function render() {
    var request = ++latest;
    fetch("/posts/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-TOKEN": token.value },
      body: JSON.stringify({ markdown: body.value })
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (rendered) {
      // the server sanitised this HTML; only the newest answer is shown
      if (rendered && request === latest) {
        preview.innerHTML = rendered.html;
      }
    }).catch(function () { /* no preview when offline; the form still works */ });
  }
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  });
  render();
})();

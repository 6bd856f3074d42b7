/// The little plain JavaScript the pages use, served at `/assets/app.js`: the upload progress
/// bar of the import page and the live SMART check of the plan editor. Pages work without it.
package enum Script {
    package static let js = #"""
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  if (form && window.XMLHttpRequest && window.FormData) {
    form.addEventListener("submit", function (event) {
      var input = document.getElementById("bundle-file");
      if (!input.files || !input.files.length) { return; }
      event.preventDefault();
      var bar = document.getElementById("import-progress");
      var status = document.getElementById("import-status");
      var result = document.getElementById("import-result");
      var button = form.querySelector("button[type=submit]");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      bar.hidden = false;
      button.disabled = true;
      xhr.upload.onprogress = function (e) {
        if (!e.lengthComputable) { return; }
        var pct = Math.round(e.loaded / e.total * 100);
        bar.firstElementChild.style.width = pct + "%";
        bar.setAttribute("aria-valuenow", String(pct));
        status.textContent = pct + " %";
      };
      xhr.upload.onload = function () { status.textContent = form.dataset.processing || ""; };
      xhr.onload = function () {
        button.disabled = false;
        bar.hidden = true;
        status.textContent = "";
        var data = null;
        try { data = JSON.parse(xhr.responseText); } catch (err) { data = null; }
        if (data && typeof data.html === "string") {
          result.innerHTML = data.html;
        } else {
          result.textContent = xhr.status + " " + xhr.statusText;
        }
        result.scrollIntoView({ behavior: "smooth", block: "start" });
      };
      xhr.onerror = function () { button.disabled = false; bar.hidden = true; status.textContent = "Network error"; };
      xhr.send(new FormData(form));
    });
  }
  var plan = document.getElementById("plan-form");
  var live = document.getElementById("smart-live");
  if (plan && live && window.fetch) {
    var timer = null;
    var check = function () {
      var body = new URLSearchParams(new FormData(plan));
      fetch(plan.dataset.check, { method: "POST", body: body, headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && typeof data.html === "string") { live.innerHTML = data.html; } })
        .catch(function () {});
    };
    plan.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 600); });
    plan.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(check, 200); });
  }
})();
"""#
}

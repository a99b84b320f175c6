// dossiercheck pre-check portal: a small enhancement of a page that works without it.
// Served from the binary as /static/portal.js (the content security policy allows no inline script).
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  if (!form) { return; }
  var file = document.getElementById("file");
  var text = document.getElementById("dossier");
  var button = document.getElementById("submit");
  // Choosing a file clears the pasted text, so that what is checked is plain to see.
  file.addEventListener("change", function () {
    if (file.files.length > 0) { text.value = ""; }
  });
  // A file dropped on the text box is taken as the upload.
  text.addEventListener("dragover", function (event) {
    event.preventDefault();
    form.classList.add("dropping");
  });
  text.addEventListener("dragleave", function () { form.classList.remove("dropping"); });
  text.addEventListener("drop", function (event) {
    event.preventDefault();
    form.classList.remove("dropping");
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      file.files = event.dataTransfer.files;
      text.value = "";
    }
  });
  // While the check runs, the button says so and cannot be pressed twice.
  form.addEventListener("submit", function () {
    button.disabled = true;
    button.setAttribute("data-label", button.textContent);
    button.textContent = form.getAttribute("data-busy") || button.textContent;
  });
  // Coming back to the page (the browser's back button) makes the button usable again.
  window.addEventListener("pageshow", function () {
    button.disabled = false;
    if (button.getAttribute("data-label")) { button.textContent = button.getAttribute("data-label"); }
  });
})();

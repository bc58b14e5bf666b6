// Clearance web app: small progressive enhancements (no inline scripts: the CSP forbids them).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Forms marked data-confirm ask before posting (e.g. approving a case).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
  // After a form post, move focus to the first message or the results for screen readers.
  var target = document.querySelector(".error[role=alert], .notice[role=status], .results h2");
  if (target) { target.setAttribute("tabindex", "-1"); target.focus(); }
});

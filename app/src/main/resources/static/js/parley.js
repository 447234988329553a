/*
 * Parley's only script: small enhancements. Every page works without it (and without htmx).
 * No inline script or style anywhere: the Content-Security-Policy forbids both.
 */
(function () {
  "use strict";

  /* The milestone form: dim the due-date options that are not chosen, so the one that counts stands out. */
  function dueKinds(root) {
    root.querySelectorAll("fieldset.due-kind").forEach(function (fieldset) {
      function update() {
        var chosen = fieldset.querySelector("input[name='dueKind']:checked");
        fieldset.querySelectorAll(".radio-option").forEach(function (option) {
          var on = chosen && option.getAttribute("data-due-kind") === chosen.value;
          option.classList.toggle("is-dim", !on);
        });
        var offset = fieldset.querySelector(".offset-row");
        if (offset) {
          offset.classList.toggle("is-dim", !chosen || chosen.value === "DATE");
        }
      }
      fieldset.addEventListener("change", update);
      update();
    });
  }

  /* A form that came back with errors: bring the summary into view for keyboard and screen-reader users. */
  function errorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  /* Revoking a token or other destructive buttons ask first. */
  function confirmations(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) {
          event.preventDefault();
        }
      });
    });
  }

  /* After htmx swaps the timeline and pushes its address, the language switch returns to that address. */
  function keepLanguageSwitchBack() {
    document.body.addEventListener("htmx:pushedIntoHistory", function () {
      document.querySelectorAll(".lang-switch input[name='back']").forEach(function (input) {
        input.value = window.location.pathname + window.location.search;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    keepLanguageSwitchBack();
    dueKinds(document);
    confirmations(document);
    errorSummary();
  });
})();

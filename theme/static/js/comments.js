// The comment form of a briefing page: shown only when this script runs, it counts
// characters as the reader types and sends the comment to the comment server as JSON.
// The server checks every rule (one place for them); its refusals are shown next to the field.
(function () {
  "use strict";
  var form = document.querySelector("[data-comment-form]");
  if (!form || !window.fetch || !window.crypto) {
    return;
  }
  var min = Number(form.dataset.minLength);
  var max = Number(form.dataset.maxLength);
  var text = form.elements.text;
  var counter = form.querySelector("[data-comment-counter]");
  var status = form.querySelector("[data-comment-status]");
  var button = form.querySelector("button[type=submit]");
  var number = new Intl.NumberFormat("en");
  // One key per comment, the same when the reader sends it again after an error, so the
  // server stores it once; a new one after it was accepted.
  var key = newKey();

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
  }

  function length() {
    // Code points, after trimming, without invisible characters, as the server counts them.
    return Array.from(text.value.replace(/[\p{Cf}\p{Co}\p{Cn}]/gu, "").trim()).length;
  }

  function count() {
    var n = length();
    counter.textContent = n < min
      ? number.format(n) + " of " + number.format(min) + " characters"
      : number.format(n) + " characters (at most " + number.format(max) + ")";
  }

  function showError(field, message) {
    var slot = form.querySelector('[data-error-for="' + field + '"]');
    var input = form.elements[field];
    slot.textContent = message;
    if (input && input.setAttribute) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  }

  function clearErrors() {
    form.querySelectorAll("[data-error-for]").forEach(function (slot) {
      slot.textContent = "";
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    status.textContent = "";
    var body = {
      text: text.value,
      author: form.elements.author.value,
      email: form.elements.email.value,
      website: form.elements.website.value,
      key: key
    };
    button.disabled = true;
    status.textContent = "Sending your comment…";
    fetch(form.action, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response.json().catch(function () {
          return {};
        }).then(function (answer) {
          if (response.ok) {
            key = newKey();
            form.reset();
            count();
            status.textContent = "Thank you — your comment will appear after moderation.";
            return;
          }
          status.textContent = "";
          showError(answer.field || "form", answer.message || "The comment server refused the comment (" + response.status + "). Please try again later.");
        });
      })
      .catch(function () {
        status.textContent = "";
        showError("form", "The comment server could not be reached. Please try again later.");
      })
      .then(function () {
        button.disabled = false;
      });
  });

  text.addEventListener("input", count);
  count();
  form.hidden = false;
  document.querySelector("[data-comments-nojs]").hidden = true;
}());

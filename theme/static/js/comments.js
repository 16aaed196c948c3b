// The comment form of a briefing page: shown only when this script runs, it counts
// characters as the reader types and sends the comment to the comment server as JSON.
// The server checks every rule (one place for them); its refusals are shown next to the field.
// Its words come from the page (data-say-*, from the catalogs), so they are in its language.
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
  var lang = document.documentElement.lang || "en";
  var number = new Intl.NumberFormat(lang);
  var messages = {};
  Array.from(form.attributes).forEach(function (attribute) {
    if (attribute.name.indexOf("data-say-") === 0) {
      messages[attribute.name.slice(9)] = attribute.value;
    }
  });
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

  function length(value) {
    // Code points, after trimming, without invisible characters, as the server counts them.
    return Array.from(value.replace(/[\p{Cf}\p{Co}\p{Cn}]/gu, "").trim()).length;
  }

  // The page's message `name`, its {placeholders} filled with numbers written in its language.
  function say(name, values) {
    return (messages[name] || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return values && key in values ? number.format(values[key]) : whole;
    });
  }

  // What a refusal says: the page's words for its rule, else the server's own.
  function refusal(answer, httpStatus) {
    var values = { min: min, max: max, count: length(text.value), status: httpStatus };
    if (answer.code && answer.code.indexOf("name") === 0) {
      values.max = form.elements.author.maxLength;
      values.count = length(form.elements.author.value);
    }
    return (answer.code && messages[answer.code] && say(answer.code, values)) ||
      answer.message || say("refused", values);
  }

  function count() {
    var n = length(text.value);
    counter.textContent = n < min
      ? say("short", { count: n, min: min })
      : say("counted", { count: n, max: max });
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
    status.textContent = say("sending");
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
            status.textContent = say("sent");
            return;
          }
          status.textContent = "";
          showError(answer.field || "form", refusal(answer, response.status));
        });
      })
      .catch(function () {
        status.textContent = "";
        showError("form", say("unreachable"));
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

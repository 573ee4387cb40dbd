// Keyboard shortcuts and the re-tag type-ahead. No build step; the page works without it.
(function () {
  "use strict";
  const POS_KEY = "evidence-queue-pos";
  const cards = () => Array.from(document.querySelectorAll("#queue .card"));
  let current = -1;

  function select(i) {
    const list = cards();
    if (!list.length) return;
    current = Math.max(0, Math.min(i, list.length - 1));
    list.forEach((c, n) => c.classList.toggle("current", n === current));
    list[current].focus({ preventScroll: true });
    list[current].scrollIntoView({ block: "nearest" });
  }

  function remember() { sessionStorage.setItem(POS_KEY, String(Math.max(current, 0))); }

  function submit(form) {
    if (!form) return;
    remember();
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }

  document.addEventListener("submit", (ev) => {
    const card = ev.target.closest(".card");
    if (card) { current = cards().indexOf(card); }
    remember();
  }, true);

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) {
      if (ev.key === "Escape") { t.blur(); select(current); }
      return;
    }
    const card = cards()[current];
    switch (ev.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": if (card) submit(card.querySelector("form.approve")); break;
      case "r":
        if (card) { ev.preventDefault(); card.querySelector("form.reject input[name=reason]").focus(); }
        break;
      case "u": submit(document.getElementById("undo-form")); break;
      default: return;
    }
  });

  // Type-ahead: suggestions are built with textContent, never innerHTML.
  function typeahead(input) {
    const form = input.closest("form");
    const hidden = form.querySelector("input[name=hpo_id]");
    const list = form.querySelector(".suggestions");
    let timer = null;
    input.addEventListener("input", () => {
      hidden.value = "";
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) { list.replaceChildren(); return; }
      timer = setTimeout(async () => {
        const resp = await fetch("/hpo/search?q=" + encodeURIComponent(q) + "&limit=8");
        if (!resp.ok) return;
        const terms = await resp.json();
        list.replaceChildren(...terms.map((term) => {
          const li = document.createElement("li");
          const b = document.createElement("button");
          b.type = "button";
          b.setAttribute("role", "option");
          b.dataset.hpo = term.hpo_id;
          b.textContent = term.label + " ";
          const why = document.createElement("span");
          why.className = "why";
          why.textContent = term.hpo_id + (term.matched !== term.label ? " · " + term.matched : "")
            + (term.in_use ? " · in use" : "");
          b.appendChild(why);
          b.addEventListener("click", () => {
            hidden.value = term.hpo_id;
            input.value = term.label;
            list.replaceChildren();
          });
          li.appendChild(b);
          return li;
        }));
      }, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".retag-input").forEach(typeahead);
    const saved = parseInt(sessionStorage.getItem(POS_KEY) || "0", 10);
    select(Number.isNaN(saved) ? 0 : saved);
  });
})();

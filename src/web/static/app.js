// Small improvements on pages that work without it: a text-size control, remembered on this device.
(() => {
  const root = document.documentElement;
  const sizes = ["87.5%", "100%", "112.5%", "125%"];
  let level = Number(localStorage.getItem("odop-text-size") ?? 1);
  const apply = () => {
    root.style.fontSize = sizes[level] ?? "100%";
    localStorage.setItem("odop-text-size", String(level));
  };
  if (level !== 1) apply();
  document.addEventListener("DOMContentLoaded", () => {
    // After a form comes back with errors, start at the summary: it is read first and links to each field.
    document.getElementById("error-summary")?.focus();
    const group = document.querySelector(".textsize");
    if (!group) return;
    group.hidden = false;
    group.addEventListener("click", (e) => {
      const step = e.target.closest("button")?.dataset.size;
      if (step === undefined) return;
      level = step === "0" ? 1 : Math.min(sizes.length - 1, Math.max(0, level + Number(step)));
      apply();
    });
  });
})();

// Suggestions under a search box as one types (the WAI-ARIA combobox pattern with a listbox): districts, products,
// States and GI goods from /search/suggest. Without this script the box is a plain search form.
(() => {
  let boxes = 0;
  const attach = (input) => {
    const box = input.parentElement;
    if (!box) return;
    const id = `suggest-${++boxes}`;
    const list = document.createElement("ul");
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.dataset.suggestLabel);
    list.hidden = true;
    const status = document.createElement("div");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    box.classList.add("has-suggestions");
    box.append(list, status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    let items = [];
    let active = -1;
    let timer = 0;
    let asked = 0;
    const show = () => {
      list.replaceChildren(
        ...items.map((item, i) => {
          const li = document.createElement("li");
          li.id = `${id}-${i}`;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", String(i === active));
          const label = document.createElement("span");
          label.className = "label";
          label.lang = item.lang;
          label.textContent = item.label;
          const about = document.createElement("span");
          about.className = "about";
          about.textContent = `${item.kindLabel} · ${item.context}`;
          li.append(label, " ", about);
          // mousedown, not click: the box keeps its focus, so the list is not closed before the choice is taken.
          li.addEventListener("mousedown", (e) => {
            e.preventDefault();
            location.href = item.href;
          });
          return li;
        }),
      );
      const open = items.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", String(open));
      if (active >= 0) input.setAttribute("aria-activedescendant", `${id}-${active}`);
      else input.removeAttribute("aria-activedescendant");
    };
    const close = () => {
      items = [];
      active = -1;
      show();
    };
    const ask = async () => {
      const q = input.value.trim();
      if (q.length < 2) {
        close();
        status.textContent = "";
        return;
      }
      const mine = ++asked;
      const url = new URL(input.dataset.suggest, location.href);
      url.searchParams.set("q", q);
      try {
        const res = await fetch(url);
        if (!res.ok || mine !== asked) return;
        items = (await res.json()).items;
      } catch {
        return; // offline or the server busy: the form still searches
      }
      active = -1;
      show();
      status.textContent = items.length
        ? input.dataset.suggestCount.replace("{n}", String(items.length))
        : input.dataset.suggestNone;
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!items.length) return;
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : -1;
        active = (active + step + items.length + 1) % (items.length + 1);
        if (active === items.length) active = -1; // past the last: back in the box
        show();
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        location.href = items[active].href;
      } else if (e.key === "Escape" && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 0));
  };
  document.addEventListener("DOMContentLoaded", () => {
    for (const input of document.querySelectorAll("input[data-suggest]")) attach(input);
  });
})();

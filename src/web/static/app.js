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

/* Mounting: each component once per element, on every page change (material's instant navigation too). */

function mountAll() {
  for (const [selector, mount] of MOUNTS) document.querySelectorAll(`${selector}:not([data-cq-mounted])`).forEach(mount);
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();

/* Search in the reader's language. mkdocs-static-i18n writes one index for all languages at the site root;
 * Cutover splits it per language at build time, and this script, loaded before material's bundle on pages of
 * a non-default language, sends the bundle's request for the root index to that language's index. */
(() => {
  "use strict";
  const lang = document.currentScript && document.currentScript.dataset.lang;
  if (!lang) return;
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    try {
      const target = new URL(String(url), location.href);
      if (/\/search\/search_index\.json$/.test(target.pathname) && !target.pathname.endsWith(`/${lang}/search/search_index.json`)) {
        target.pathname = target.pathname.replace(/search\/search_index\.json$/, `${lang}/search/search_index.json`);
        url = target.href;
      }
    } catch (e) { /* not a URL we know: leave it */ }
    return open.call(this, method, url, ...rest);
  };
})();

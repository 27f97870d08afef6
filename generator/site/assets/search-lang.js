/* Search in the reader's language. mkdocs-static-i18n writes one index for all languages at the site root;
 * Cutover splits it per language at build time, and this script, loaded before material's bundle on pages of
 * a non-default language, sends the bundle's request for the root index to that language's index: a request
 * for search_index.json over http, or the search_index.js script an offline site (file://) loads instead. */
(() => {
  "use strict";
  const lang = document.currentScript && document.currentScript.dataset.lang;
  if (!lang) return;
  const INDEX = /\/search\/search_index\.(json|js)$/;
  const toLanguage = (url) => {
    try {
      const target = new URL(String(url), location.href);
      if (INDEX.test(target.pathname) && !target.pathname.includes(`/${lang}/search/`)) {
        target.pathname = target.pathname.replace(/search\/(search_index\.js(?:on)?)$/, `${lang}/search/$1`);
        return target.href;
      }
    } catch (e) { /* not a URL we know: leave it */ }
    return url;
  };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    return open.call(this, method, toLanguage(url), ...rest);
  };
  const setAttribute = HTMLScriptElement.prototype.setAttribute;
  HTMLScriptElement.prototype.setAttribute = function (name, value) {
    return setAttribute.call(this, name, String(name).toLowerCase() === "src" ? toLanguage(value) : value);
  };
})();

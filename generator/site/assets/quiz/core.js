/* Core helpers shared by every quiz component: element building, inert rich text, strings with counts. */

const SAFE_TAGS = new Set(["STRONG", "EM", "B", "I", "CODE", "A", "P", "UL", "OL", "LI", "BR", "ABBR", "SPAN"]);

/* A string shown in another language than the page's arrives between marks (U+E000 lang U+E001 … U+E002,
 * generator/strings/marks.py): it goes into a <span lang>, so it is read in its own language (site.css marks it as it does the pages'); an attribute
 * cannot say so and gets the text without them. */
const plain = (text) => String(text).replace(/\uE000[^\uE001]*\uE001|[\uE000-\uE002]/g, "");
function marked(text) {
  const out = document.createDocumentFragment(), stack = [];
  let at = 0;
  const add = (s) => {
    const lang = stack[stack.length - 1];
    if (s) out.append(lang && lang !== document.documentElement.lang ? h("span", { lang }, s) : s);
  };
  for (const m of (text = String(text)).matchAll(/\uE000([\w-]+)\uE001|\uE002/g)) {
    add(text.slice(at, m.index));
    m[1] ? stack.push(m[1]) : stack.pop();
    at = m.index + m[0].length;
  }
  add(text.slice(at));
  return out;
}

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "text") node.append(marked(value));
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : plain(value));
  }
  for (const child of children.flat()) if (child || child === 0) node.append(typeof child === "string" ? marked(child) : child);
  return node;
}

/** Copies parsed HTML into `target`, keeping safe tags and safe attributes only: quiz text never becomes script. */
function richText(target, html) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) to.append(node.textContent);
      else if (node.nodeType === Node.ELEMENT_NODE) {
        if (!SAFE_TAGS.has(node.tagName)) { copy(node, to); continue; }
        const clean = document.createElement(node.tagName);
        const href = node.getAttribute("href");
        if (node.tagName === "A" && href && /^(https?:|mailto:|tel:|#|\.|\/|[\w-]+(\/|\.|#|$))/i.test(href) &&
            !/^\s*(javascript|data|vbscript):/i.test(href)) clean.setAttribute("href", href);
        if (node.tagName === "ABBR" && node.title) clean.title = node.title;
        if (node.tagName === "SPAN" && /^[a-z]{2,3}(-\w+)*$/.test(node.lang)) clean.lang = node.lang;
        copy(node, clean);
        to.append(clean);
      }
    }
  };
  copy(template.content, target);
  return target;
}

const plainText = (html) => richText(h("span"), html).textContent;

/** Rich text with a bold label that runs into its first paragraph ("Explanation: Because …"). */
function labelled(cls, label, html) {
  const box = richText(h("div", { class: cls }), html);
  const first = box.firstElementChild;
  (first && first.tagName === "P" ? first : box).prepend(h("strong", { text: `${label}: ` }));
  return box;
}
const fill = (text, vars = {}) => String(text).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));

/** A string with a count: `ui[key]` maps CLDR plural categories to texts (generator/strings/plurals.py), chosen by
 * the rules of the language they are written in (`lang` when they fell back to English, else the page's). */
function plural(ui, key, count, vars = {}) {
  const forms = ui[key];  // the strings layer gives every counted string its forms, "other" at least
  let category = "other";
  try { category = new Intl.PluralRules(forms.lang || document.documentElement.lang).select(count); } catch (e) { /* unknown language */ }
  return fill(forms[category] || forms.other, { count, ...vars });
}

/** A, B, C …: the letter a learner writes on a handout or raises a hand for. */
const letter = (i) => String.fromCharCode(65 + i);

const ICONS = { right: "✓", wrong: "✗", partly: "◐", none: "–", warn: "⚠" };
/** A verdict icon: with a label when it is the only sign of the verdict, hidden from screen readers when words say it too. */
const icon = (kind, label) => h("span", { class: `cq-icon cq-icon--${kind}`, role: label && "img", "aria-label": label,
  "aria-hidden": !label && "true", text: ICONS[kind] });

const isMap = (x) => Boolean(x) && typeof x === "object" && !Array.isArray(x);
const has = (map, key) => Object.prototype.hasOwnProperty.call(map, key);

function readJson(root, selector) {
  const node = root.querySelector(selector);
  if (!node) return null;
  try { return JSON.parse(node.textContent); } catch (e) { return null; }
}

function shuffled(list) {
  const copy = list.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const button = (text, onclick, cls = "") => h("button", { type: "button", class: `md-button ${cls}`, text, onclick });

/** Components register here; boot.js mounts each once per element, on every page change. */
const MOUNTS = [];

/* Core helpers shared by every quiz component: element building, inert rich text, strings with counts. */

const SAFE_TAGS = new Set(["STRONG", "EM", "B", "I", "CODE", "A", "P", "UL", "OL", "LI", "BR", "ABBR"]);

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child || child === 0) node.append(child);
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

/** A string with a count in the page's language: `ui[key]` maps CLDR plural categories to texts. */
function plural(ui, key, n, vars = {}) {
  const forms = ui[key];
  if (typeof forms === "string") return fill(forms, { n, ...vars });
  let category = "other";
  try { category = new Intl.PluralRules(document.documentElement.lang || "en").select(n); } catch (e) { /* unknown language */ }
  return fill(forms[category] || forms.other, { n, ...vars });
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

/* Cutover quiz runtime.
 *
 * Enhances the static quiz markup the generator writes: practice and exam modes, a presenter view,
 * print handouts, result codes for trainers, a progress page and a class-results page.
 * No framework, no network. Every component mounts idempotently, so it works with and without
 * material's instant navigation. Quiz text arrives as data and is inserted through richText(), which
 * keeps only a few harmless tags: quiz content can never become script.
 */
(() => {
  "use strict";

  const STORE_KEY = "cutover-quiz";
  const STORE_VERSION = 1;
  const SAFE_TAGS = new Set(["STRONG", "EM", "B", "I", "CODE", "A", "P", "UL", "OL", "LI", "BR", "ABBR", "SPAN"]);
  const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

  /* ---------- small helpers ---------- */

  /* A string shown in another language than the page's arrives between marks (U+E000 lang U+E001 … U+E002,
   * generator/strings/marks.py): it goes into a <span lang>, so it is read in its own language; an attribute
   * cannot say so and gets the text without them. */
  const MARKS = /\uE000([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\uE001|\uE002/g;
  const plain = (text) => String(text).replace(/\uE000[^\uE000-\uE002]*\uE001|[\uE000-\uE002]/g, "");
  function marked(text) {
    text = String(text);
    const out = document.createDocumentFragment(), stack = [];
    let at = 0;
    const add = (piece) => {
      const lang = stack[stack.length - 1];
      if (!piece) return;
      if (!lang || lang === document.documentElement.lang || !piece.trim()) return out.append(piece);
      out.append(h("span", { lang, class: "cutover-fallback" }, piece));
    };
    for (const m of text.matchAll(MARKS)) {
      add(text.slice(at, m.index));
      if (m[1]) stack.push(m[1]); else stack.pop();
      at = m.index + m[0].length;
    }
    add(text.slice(at));
    return out;
  }

  function h(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "text") node.append(marked(value));
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : plain(value));
    }
    for (const child of children.flat()) if (child) node.append(typeof child === "string" ? marked(child) : child);
    return node;
  }

  /** Copies parsed HTML into `target`, keeping safe tags and safe attributes only. */
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
          if (node.tagName === "SPAN" && LANG.test(node.lang)) { clean.lang = node.lang; clean.className = "cutover-fallback"; }
          copy(node, clean);
          to.append(clean);
        }
      }
    };
    copy(template.content, target);
    return target;
  }

  const fill = (text, vars = {}) => String(text).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));
  /* A counted string's form for `count` by CLDR's rules, as the browser has them (generator/strings/plurals.py). */
  const plural = (forms, count) => {
    let form = typeof forms === "string" ? forms : forms.other;
    try { form = forms[new Intl.PluralRules(forms.lang || document.documentElement.lang).select(count)] || form; } catch (e) { /* other */ }
    return fill(form, { count });
  };

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

  /* ---------- storage: versioned, by quiz id and question id, never trusted ---------- */

  const store = {
    reset: false,
    read() {
      let data = null;
      try { data = JSON.parse(localStorage.getItem(STORE_KEY) || "null"); } catch (e) { data = undefined; }
      if (data === null) return { v: STORE_VERSION, quizzes: {} };
      if (!data || data.v !== STORE_VERSION || typeof data.quizzes !== "object" || Array.isArray(data.quizzes)) {
        this.reset = true;  // corrupted or from an unknown version: start afresh, say so on the page
        return { v: STORE_VERSION, quizzes: {} };
      }
      return data;
    },
    quiz(id) {
      const entry = this.read().quizzes[id];
      const ok = entry && typeof entry === "object";
      return {
        answers: ok && entry.answers && typeof entry.answers === "object" ? entry.answers : {},
        best: ok && Number.isFinite(entry.best) ? entry.best : null,
        passed: ok && entry.passed === true,
        attempts: ok && Number.isInteger(entry.attempts) ? entry.attempts : 0,
      };
    },
    update(id, change) {
      const data = this.read();
      data.quizzes[id] = Object.assign(this.quiz(id), change);
      try { localStorage.setItem(STORE_KEY, JSON.stringify(data)); } catch (e) { /* private mode: keep working */ }
    },
    clear() { try { localStorage.removeItem(STORE_KEY); } catch (e) { /* nothing stored */ } },
  };

  /* ---------- grading ---------- */

  function grade(q, answer) {
    if (q.type === "single" || q.type === "true_false") {
      if (!answer) return { answered: false, score: 0 };
      const option = q.options.find((o) => o.id === answer);
      return { answered: true, score: option && option.correct ? 1 : 0 };
    }
    if (q.type === "multiple") {
      if (!Array.isArray(answer) || !answer.length) return { answered: false, score: 0 };
      const right = q.options.filter((o) => o.correct).map((o) => o.id);
      const hits = answer.filter((id) => right.includes(id)).length;
      const misses = answer.length - hits;
      return { answered: true, score: Math.max(0, (hits - misses) / right.length) };
    }
    if (q.type === "ordering") {
      if (!answer || !answer.touched) return { answered: false, score: 0 };  // untouched = unanswered
      const hits = q.items.filter((item, i) => answer.order[i] === item.id).length;
      return { answered: true, score: hits / q.items.length };
    }
    const chosen = answer && typeof answer === "object" ? answer : {};
    if (!q.pairs.some((p) => chosen[p.id])) return { answered: false, score: 0 };
    return { answered: true, score: q.pairs.filter((p) => chosen[p.id] === p.right).length / q.pairs.length };
  }

  /* ---------- one question ---------- */

  function questionView(quiz, q, number, learn) {
    const ui = quiz.ui;
    const name = `cq-${quiz.id}-${q.id}`;
    const promptId = `${name}-prompt`;
    const live = h("div", { class: "cq-feedback", "aria-live": "polite" });
    const announce = h("p", { class: "cq-sr", "aria-live": "polite" });
    const controls = h("div", { class: "cq-controls" });
    const box = h("fieldset", { class: "cq-question", "data-question": q.id, "data-type": q.type, "aria-describedby": promptId },
      h("legend", { text: fill(ui.question_n, { n: number, total: quiz.questions.length }) }),
      richText(h("div", { class: "cq-prompt", id: promptId }), q.prompt), controls, announce, live);
    let order = (q.start || []).slice();
    let touched = false;

    const optionList = (type) => {
      const list = h("ul", { class: "cq-options" });
      for (const o of q.options) {
        const input = h("input", { type, name, value: o.id, onchange: () => view.changed() });
        list.append(h("li", { "data-option": o.id }, h("label", {}, input, richText(h("span"), o.html)), h("div", { class: "cq-option-feedback" })));
      }
      return list;
    };
    const renderOrder = () => {
      const list = h("ol", { class: "cq-order" });
      order.forEach((id, i) => {
        const item = q.items.find((x) => x.id === id);
        const move = (delta) => {
          const j = i + delta;
          if (j < 0 || j >= order.length) return;
          [order[i], order[j]] = [order[j], order[i]];
          touched = true;
          renderOrder();
          const moved = controls.querySelector(`[data-item="${id}"]`);
          moved.focus();
          announce.textContent = plain(fill(ui.moved, { item: moved.querySelector(".cq-item-text").textContent, pos: j + 1, n: order.length }));
          view.changed();
        };
        list.append(h("li", { "data-item": id, tabindex: "0", onkeydown: (e) => {
          if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) { e.preventDefault(); move(e.key === "ArrowUp" ? -1 : 1); }
        } }, richText(h("span", { class: "cq-item-text" }), item.html),
        h("span", { class: "cq-move" },
          h("button", { type: "button", class: "cq-up", "aria-label": `${ui.move_up}: ${item.html.replace(/<[^>]*>/g, "")}`, disabled: i === 0, onclick: () => move(-1), text: "↑" }),
          h("button", { type: "button", class: "cq-down", "aria-label": `${ui.move_down}: ${item.html.replace(/<[^>]*>/g, "")}`, disabled: i === order.length - 1, onclick: () => move(1), text: "↓" }))));
      });
      controls.replaceChildren(h("p", { class: "cq-hint", text: ui.order_help }), list);
    };

    if (q.type === "single" || q.type === "true_false") controls.append(optionList("radio"));
    else if (q.type === "multiple") controls.append(optionList("checkbox"));
    else if (q.type === "ordering") renderOrder();
    else {
      const table = h("div", { class: "cq-match" });
      for (const pair of q.pairs) {
        const id = `${name}-${pair.id}`;
        const select = h("select", { id, "data-pair": pair.id, onchange: () => view.changed() }, h("option", { value: "", text: ui.choose }));
        for (const c of q.choices) select.append(h("option", { value: c.id, text: richText(h("span"), c.html).textContent }));
        table.append(h("div", { class: "cq-pair", "data-pair": pair.id }, richText(h("label", { for: id }), pair.left), select,
          h("div", { class: "cq-option-feedback" })));
      }
      controls.append(table);
    }

    const view = {
      node: box, q, onchange: null,
      answer() {
        if (q.type === "single" || q.type === "true_false") {
          const checked = controls.querySelector("input:checked");
          return checked ? checked.value : null;
        }
        if (q.type === "multiple") return [...controls.querySelectorAll("input:checked")].map((i) => i.value);
        if (q.type === "ordering") return { order: order.slice(), touched };
        const chosen = {};
        for (const s of controls.querySelectorAll("select")) if (s.value) chosen[s.dataset.pair] = s.value;
        return chosen;
      },
      set(answer) {
        if (answer == null) return;
        if (q.type === "ordering") {
          const ids = q.items.map((i) => i.id);
          if (answer.touched && Array.isArray(answer.order) && answer.order.length === ids.length && ids.every((id) => answer.order.includes(id))) {
            order = answer.order.slice(); touched = true; renderOrder();
          }
        } else if (q.type === "matching") {
          for (const s of controls.querySelectorAll("select")) {
            const value = answer[s.dataset.pair];
            if (q.choices.some((c) => c.id === value)) s.value = value;
          }
        } else {
          const chosen = Array.isArray(answer) ? answer : [answer];
          for (const input of controls.querySelectorAll("input")) input.checked = chosen.includes(input.value);
        }
      },
      shuffleOptions() {
        const list = controls.querySelector(".cq-options");
        if (list && q.type !== "true_false") for (const li of shuffled([...list.children])) list.append(li);
      },
      changed() { view.clear(); if (view.onchange) view.onchange(view); },
      clear() {
        live.replaceChildren();
        box.classList.remove("cq-right", "cq-wrong", "cq-partly");
        for (const f of controls.querySelectorAll(".cq-option-feedback")) f.replaceChildren();
        for (const li of controls.querySelectorAll("[data-option], [data-pair]")) li.classList.remove("cq-chosen-right", "cq-chosen-wrong", "cq-is-right");
      },
      reset() {
        for (const input of controls.querySelectorAll("input")) input.checked = false;
        for (const s of controls.querySelectorAll("select")) s.value = "";
        if (q.type === "ordering") { order = q.start.slice(); touched = false; renderOrder(); }
        view.clear();
      },
      /** Shows the verdict, per-option feedback, the explanation and the learn-more link. */
      feedback() {
        const answer = view.answer();
        const result = grade(q, answer);
        view.clear();
        const verdict = !result.answered ? ui.not_answered : result.score === 1 ? ui.correct : result.score > 0 ? ui.partly : ui.incorrect;
        box.classList.add(result.score === 1 ? "cq-right" : result.score > 0 ? "cq-partly" : "cq-wrong");
        if (q.options) {
          for (const o of q.options) {
            const li = controls.querySelector(`[data-option="${o.id}"]`);
            const chosen = Array.isArray(answer) ? answer.includes(o.id) : answer === o.id;
            if (o.correct) li.classList.add("cq-is-right");
            if (!chosen && !o.correct) continue;
            if (chosen) li.classList.add(o.correct ? "cq-chosen-right" : "cq-chosen-wrong");
            const target = li.querySelector(".cq-option-feedback");
            const label = chosen ? `${o.correct ? "✓ " + ui.correct : "✗ " + ui.incorrect} (${ui.your_choice})` : `✓ ${ui.right_answer}`;
            target.append(h("strong", { text: label }));
            if (chosen && o.feedback) target.append(" ", richText(h("span"), o.feedback));
          }
        } else if (q.type === "matching") {
          for (const pair of q.pairs) {
            const row = controls.querySelector(`.cq-pair[data-pair="${pair.id}"]`);
            const ok = answer[pair.id] === pair.right;
            const right = q.choices.find((c) => c.id === pair.right);
            row.classList.add(ok ? "cq-chosen-right" : "cq-chosen-wrong");
            row.querySelector(".cq-option-feedback").append(h("strong", { text: ok ? `✓ ${ui.correct}` : `✗ ${ui.right_answer}: ` }),
              ok ? "" : richText(h("span"), right.html));
          }
        } else {
          const correct = h("ol", { class: "cq-correct-order" });
          for (const item of q.items) correct.append(richText(h("li"), item.html));
          live.append(h("p", { text: `${ui.right_answer}:` }), correct);
        }
        live.prepend(h("p", { class: "cq-verdict", text: (result.score === 1 ? "✓ " : "✗ ") + verdict }));
        live.append(h("div", { class: "cq-explanation" }, h("strong", { text: `${ui.explanation}: ` }), richText(h("span"), q.explanation)));
        if (learn) live.append(h("p", {}, h("a", { href: learn.href, class: "cq-learn-link", text: `${ui.learn_more}: ${learn.text}` })));
        return result;
      },
    };
    return view;
  }

  /* ---------- a whole quiz ---------- */

  function mountQuiz(mount) {
    const article = mount.closest("article") || document;
    const quiz = readJson(article, "script.cq-data");
    if (!quiz || quiz.v !== 1 || quiz.id !== mount.dataset.quiz) return;
    mount.dataset.cqMounted = "";
    const ui = quiz.ui;
    const statics = article.querySelector(".cq-static");
    article.classList.add("cq--js");
    const saved = store.quiz(quiz.id);
    const learnFor = (id) => {
      const link = article.querySelector(`a.cq-learn[data-q="${id}"]`);
      return link && { href: link.getAttribute("href"), text: link.textContent };
    };
    const views = quiz.questions.map((q, i) => questionView(quiz, q, i + 1, learnFor(q.id)));
    const list = h("div", { class: "cq-questions" });
    const result = h("div", { class: "cq-result", "aria-live": "polite" });
    let mode = "practice";

    const save = () => {
      const answers = {};
      for (const v of views) answers[v.q.id] = v.answer();
      store.update(quiz.id, { answers });
    };
    for (const v of views) {
      v.set(saved.answers[v.q.id]);
      v.onchange = save;
      const check = h("button", { type: "button", class: "md-button cq-check", text: ui.check, onclick: () => { v.feedback(); maybeFinishPractice(); } });
      const retry = h("button", { type: "button", class: "md-button cq-retry", text: ui.retry, onclick: () => { v.reset(); save(); } });
      v.node.append(h("div", { class: "cq-actions cq-practice-only" }, check, retry));
      list.append(v.node);
    }

    const finish = () => {
      const grades = views.map((v) => grade(v.q, v.answer()));
      const score = Math.round((100 * grades.reduce((sum, g) => sum + g.score, 0)) / grades.length);
      const passed = score >= quiz.pass;
      const before = store.quiz(quiz.id);
      store.update(quiz.id, { best: Math.max(before.best || 0, score), passed: before.passed || passed, attempts: before.attempts + 1 });
      showResult(quiz, grades, score, passed, result, () => retake());
      return score;
    };
    const maybeFinishPractice = () => {
      if (mode === "practice" && views.every((v) => v.node.matches(".cq-right, .cq-wrong, .cq-partly"))) finish();
    };
    const submit = h("button", { type: "button", class: "md-button md-button--primary cq-submit cq-exam-only", text: ui.submit,
      onclick: () => { for (const v of views) v.feedback(); finish(); } });
    const retake = () => {
      for (const v of views) v.reset();
      if (shuffle.checked) arrange(true);
      result.replaceChildren();
      save();
      views[0].node.querySelector("input, select, li[tabindex], button").focus();
    };
    const arrange = (random) => {
      const order = random ? shuffled(views) : views;
      for (const v of order) { list.append(v.node); if (random) v.shuffleOptions(); }
    };
    const shuffle = h("input", { type: "checkbox", class: "cq-shuffle", onchange: () => arrange(shuffle.checked) });
    const modeRadio = (value) => h("label", {}, h("input", { type: "radio", name: `cq-mode-${quiz.id}`, value, checked: value === mode,
      onchange: () => { mode = value; article.dataset.cqMode = value; for (const v of views) v.clear(); result.replaceChildren(); } }), ` ${ui[value]}`);
    const printButton = (kind, label) => h("button", { type: "button", class: "md-button cq-print", "data-print": kind, text: label,
      onclick: () => printQuiz(statics, kind) });
    const toolbar = h("div", { class: "cq-toolbar" },
      h("fieldset", { class: "cq-mode" }, h("legend", { text: ui.mode }), modeRadio("practice"), modeRadio("exam")),
      h("label", { class: "cq-shuffle-label" }, shuffle, ` ${ui.shuffle}`),
      h("span", { class: "cq-tools" },
        h("button", { type: "button", class: "md-button cq-present", text: ui.present, onclick: (e) => present(quiz, e.currentTarget) }),
        printButton("handout", ui.print_handout), printButton("key", ui.print_key)));
    article.dataset.cqMode = mode;
    const notice = store.reset ? h("p", { class: "cq-notice", role: "status", text: ui.storage_reset }) : null;
    mount.append(toolbar, notice || "", h("p", { class: "cq-mode-help cq-practice-only", text: ui.practice_help }),
      h("p", { class: "cq-mode-help cq-exam-only", text: ui.exam_help }), list, h("div", { class: "cq-actions" }, submit), result);
    // A link to one question (#q-<id>, from a scenario page) points at the static heading, hidden now: show the live one.
    const linked = views.find((v) => `#q-${v.q.id}` === decodeURIComponent(location.hash));
    if (linked) linked.node.scrollIntoView();
  }

  /* ---------- result, result code, downloads ---------- */

  function checksum(text) {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum = (sum * 31 + text.charCodeAt(i)) % 1679616;  // 36^4
    return sum.toString(36).toUpperCase().padStart(4, "0");
  }

  function resultCode(quizId, grades, score, name) {
    let bits = grades.map((g) => (g.score === 1 ? "1" : "0")).join("");
    bits = bits.padEnd(Math.ceil(bits.length / 4) * 4, "0");
    let hex = "";
    for (let i = 0; i < bits.length; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
    const who = (name || "").normalize("NFC").replace(/[^\p{L}\p{N} -]/gu, "").trim().replace(/\s+/g, "_").slice(0, 40);
    const body = `${quizId}.${grades.length}.${hex.toUpperCase()}.${score}.${who}`;
    return `${body}.${checksum(body)}`;
  }

  function parseCode(line) {
    const parts = line.trim().split(".");
    if (parts.length !== 6) return null;
    const [quiz, count, hex, score, who, check] = parts;
    if (checksum(parts.slice(0, 5).join(".")) !== check || !/^\d+$/.test(count) || !/^[0-9A-F]*$/.test(hex)) return null;
    const bits = [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, "0")).join("").slice(0, Number(count));
    if (bits.length !== Number(count)) return null;
    return { quiz, bits: [...bits].map((b) => b === "1"), score: Number(score), name: who.replace(/_/g, " ") };
  }

  function showResult(quiz, grades, score, passed, target, onRetake) {
    const ui = quiz.ui;
    const name = h("input", { type: "text", id: `cq-name-${quiz.id}`, autocomplete: "off", maxlength: "40" });
    const code = h("output", { class: "cq-code", "aria-live": "polite" });
    const refresh = () => { code.textContent = resultCode(quiz.id, grades, score, name.value); };
    name.addEventListener("input", refresh);
    refresh();
    const unanswered = grades.filter((g) => !g.answered).length;
    const rows = () => quiz.questions.map((q, i) => ({ question: q.id, answered: grades[i].answered, score: Math.round(grades[i].score * 100) }));
    const record = () => ({ quiz: quiz.id, title: plain(quiz.title), language: quiz.lang, name: name.value.trim(), date: new Date().toISOString(),
      score, pass_mark: quiz.pass, passed, code: code.textContent, questions: rows() });
    const csv = () => ["question,answered,score", ...rows().map((r) => `${r.question},${r.answered},${r.score}`),
      `total,,${score}`].join("\r\n") + "\r\n";
    target.replaceChildren(
      h("h2", { class: "cq-score", tabindex: "-1", text: fill(ui.score, { score }) }),
      h("p", { class: passed ? "cq-passed" : "cq-failed", text: passed ? `✓ ${ui.passed}` : `✗ ${fill(ui.failed, { pass: quiz.pass })}` }),
      unanswered ? h("p", { text: plural(ui.unanswered, unanswered) }) : "",
      h("p", {}, h("label", { for: name.id, text: `${ui.name_label} ` }), name),
      h("p", {}, h("span", { text: `${ui.result_code}: ` }), code),
      h("p", { class: "cq-downloads" },
        h("button", { type: "button", class: "md-button", text: ui.download_json, onclick: () => download(`${quiz.id}-result.json`, "application/json", JSON.stringify(record(), null, 2)) }),
        h("button", { type: "button", class: "md-button", text: ui.download_csv, onclick: () => download(`${quiz.id}-result.csv`, "text/csv", csv()) }),
        h("button", { type: "button", class: "md-button md-button--primary cq-retake", text: ui.retake, onclick: onRetake })));
    target.querySelector(".cq-score").focus();
  }

  /* ---------- print: handout without answers, key with all of them ---------- */

  function printQuiz(statics, kind) {
    const root = document.documentElement;
    const details = statics ? [...statics.querySelectorAll("details")] : [];
    const wasOpen = details.map((d) => d.open);
    root.dataset.cqPrint = kind;
    details.forEach((d) => { d.open = kind === "key"; });
    const restore = () => {
      delete root.dataset.cqPrint;
      details.forEach((d, i) => { d.open = wasOpen[i]; });
      window.removeEventListener("afterprint", restore);
    };
    window.addEventListener("afterprint", restore);
    window.print();
  }

  /* ---------- presenter: one question per screen, tallies, summary ---------- */

  function present(quiz, opener) {
    const ui = quiz.ui;
    const tallies = quiz.questions.map((q) => (q.options ? q.options.map(() => 0) : [0, 0]));
    let index = 0;
    let revealed = false;
    const stage = h("div", { class: "cq-stage" });
    const dialog = h("div", { class: "cq-presenter", role: "dialog", "aria-modal": "true", "aria-label": quiz.title, tabindex: "-1" },
      h("p", { class: "cq-keys", text: ui.keys_help }), stage);
    const labelsFor = (q) => (q.options ? q.options.map((o) => o.html) : [ui.right, ui.wrong]);

    const screen = () => {
      if (index >= quiz.questions.length) return summary();
      const q = quiz.questions[index];
      const counts = tallies[index];
      const rows = h("ol", { class: "cq-tally", type: "A" });
      labelsFor(q).forEach((label, i) => {
        const right = q.options ? q.options[i].correct : i === 0;
        rows.append(h("li", { class: revealed && right ? "cq-is-right" : "" }, richText(h("span", { class: "cq-tally-label" }), label),
          revealed && right && q.options ? h("strong", { text: ` ✓ ${ui.right_answer}` }) : "",
          h("span", { class: "cq-count", text: ` ${plural(ui.hands_count, counts[i])} ` }),
          h("button", { type: "button", "aria-label": `${ui.add_hand}: ${String.fromCharCode(65 + i)}`, text: "+", onclick: () => tally(i, 1) }),
          h("button", { type: "button", "aria-label": `${ui.remove_hand}: ${String.fromCharCode(65 + i)}`, text: "−", onclick: () => tally(i, -1) })));
      });
      const extra = [];
      if (q.items) {
        const items = h("ol", { class: "cq-present-items" });
        for (const id of revealed ? q.items.map((i) => i.id) : q.start) richText(items.appendChild(h("li")), q.items.find((i) => i.id === id).html);
        extra.push(items);
      }
      if (q.pairs) {
        const pairs = h("ul", { class: "cq-present-items" });
        for (const p of q.pairs) {
          const li = richText(pairs.appendChild(h("li")), p.left);
          if (revealed) li.append(" → ", richText(h("span"), q.choices.find((c) => c.id === p.right).html));
        }
        extra.push(pairs, revealed ? "" : h("p", {}, ...q.choices.map((c, i) => richText(h("span", { class: "cq-choice" }), (i ? " · " : "") + c.html))));
      }
      stage.replaceChildren(
        h("h2", { text: fill(ui.question_n, { n: index + 1, total: quiz.questions.length }) }),
        richText(h("div", { class: "cq-present-prompt" }), q.prompt), ...extra, rows,
        revealed ? richText(h("div", { class: "cq-present-explanation" }), q.explanation) : "",
        nav());
    };
    const nav = () => h("p", { class: "cq-present-nav" },
      h("button", { type: "button", class: "md-button", text: ui.previous, disabled: index === 0, onclick: () => go(-1) }),
      h("button", { type: "button", class: "md-button md-button--primary cq-reveal", text: ui.reveal, disabled: revealed || index >= quiz.questions.length, onclick: reveal }),
      h("button", { type: "button", class: "md-button", text: index >= quiz.questions.length - 1 ? ui.summary : ui.next, disabled: index >= quiz.questions.length, onclick: () => go(1) }),
      h("button", { type: "button", class: "md-button cq-close", text: ui.close, onclick: close }));
    const summary = () => {
      const table = h("table", { class: "cq-summary" }, h("thead", {}, h("tr", {}, h("th", { text: ui.results_question }), h("th", { text: ui.right_answer }), h("th", { text: ui.hands }))));
      const body = table.appendChild(h("tbody"));
      quiz.questions.forEach((q, i) => {
        const answer = q.options ? q.options.filter((o) => o.correct).map((o) => o.html).join(", ") : q.items ? q.items.map((x) => x.html).join(" → ") : q.pairs.map((p) => `${p.left} → ${q.choices.find((c) => c.id === p.right).html}`).join("; ");
        const counts = labelsFor(q).map((label, j) => `${String.fromCharCode(65 + j)}: ${tallies[i][j]}`).join(" · ");
        body.append(h("tr", {}, h("td", { text: String(i + 1) }), richText(h("td"), answer), h("td", { text: counts })));
      });
      stage.replaceChildren(h("h2", { text: ui.summary }), table, nav());
    };
    const go = (delta) => { index = Math.max(0, Math.min(quiz.questions.length, index + delta)); revealed = false; screen(); dialog.focus(); };
    const reveal = () => { revealed = true; screen(); };
    const tally = (i, delta) => {
      const counts = tallies[index];
      if (!counts || i >= counts.length) return;
      counts[i] = Math.max(0, counts[i] + delta);
      screen();
    };
    const onKey = (e) => {
      if (e.target.tagName === "BUTTON" && (e.key === " " || e.key === "Enter")) return;
      if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === "n") go(1);
      else if (e.key === "ArrowLeft" || e.key === "PageUp" || e.key === "p") go(-1);
      else if (e.key === " " || e.key === "r") reveal();
      else if (e.key === "Escape") close();
      else if (/^Digit[1-9]$/.test(e.code)) tally(Number(e.code.slice(5)) - 1, e.shiftKey ? -1 : 1);
      else return;
      e.preventDefault();
    };
    const close = () => {
      dialog.removeEventListener("keydown", onKey);
      dialog.remove();
      document.documentElement.classList.remove("cq-presenting");
      if (opener) opener.focus();
    };
    dialog.addEventListener("keydown", onKey);
    document.documentElement.classList.add("cq-presenting");
    document.body.append(dialog);
    screen();
    dialog.focus();
  }

  /* ---------- "my progress" page ---------- */

  function mountProgress(root) {
    root.dataset.cqMounted = "";
    const data = readJson(root.closest("article") || document, "script.cq-progress-data");
    if (!data) return;
    const ui = data.ui;
    const status = h("p", { role: "status" });
    const render = () => {
      for (const link of root.querySelectorAll("a.cq-progress-link")) {
        const entry = store.quiz(link.dataset.quiz);
        const text = entry.attempts
          ? `${fill(ui.progress_best, { score: entry.best })}, ${entry.passed ? "✓ " + ui.progress_passed : ui.progress_not_passed} (${plural(ui.progress_attempts, entry.attempts)})`
          : ui.progress_not_taken;
        let out = link.parentElement.querySelector(".cq-progress-status");
        if (!out) out = link.parentElement.appendChild(h("span", { class: "cq-progress-status" }));
        out.replaceChildren(marked(` — ${text}`));
      }
    };
    render();
    root.append(h("p", {}, h("button", { type: "button", class: "md-button cq-progress-reset", text: ui.progress_reset,
      onclick: () => { store.clear(); render(); status.replaceChildren(marked(ui.progress_cleared)); } })), status);
  }

  /* ---------- trainer's class results ---------- */

  function mountResults(root) {
    root.dataset.cqMounted = "";
    const data = readJson(root.closest("article") || document, "script.cq-results-data");
    if (!data) return;
    const ui = data.ui;
    const input = h("textarea", { id: "cq-codes", rows: "8", class: "cq-codes", spellcheck: "false" });
    const output = h("div", { class: "cq-class", "aria-live": "polite" });
    const tally = () => {
      const byQuiz = {};
      const problems = [];
      input.value.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim()) return;
        const code = parseCode(line);
        const quiz = code && data.quizzes[code.quiz];
        if (!quiz || quiz.questions.length !== code.bits.length) { problems.push(fill(ui.results_invalid, { line: i + 1 })); return; }
        (byQuiz[code.quiz] = byQuiz[code.quiz] || []).push(code);
      });
      const parts = problems.map((p) => h("p", { class: "cq-invalid", text: p }));
      for (const [id, codes] of Object.entries(byQuiz)) {
        const quiz = data.quizzes[id];
        const table = h("table", { class: "cq-class-table", "data-quiz": id },
          h("thead", {}, h("tr", {}, h("th", { text: ui.results_question }), h("th", { text: ui.results_correct }))));
        const body = table.appendChild(h("tbody"));
        quiz.questions.forEach((q, i) => {
          const right = codes.filter((c) => c.bits[i]).length;
          body.append(h("tr", { "data-question": q.id }, h("td", { text: `${i + 1}. ${q.text}` }),
            h("td", { class: "cq-tally-cell", text: `${right} / ${codes.length} (${Math.round((100 * right) / codes.length)} %)` })));
        });
        const learners = h("ul", { class: "cq-learners" }, ...codes.map((c) => h("li", { text: `${c.name || ui.anonymous}: ${c.score} %` })));
        parts.push(h("h2", { text: quiz.title }), table, h("h3", { text: ui.results_learner }), learners);
      }
      output.replaceChildren(...(parts.length ? parts : [h("p", { text: ui.results_none })]));
    };
    root.append(h("p", {}, h("label", { for: "cq-codes", text: ui.results_paste })), input,
      h("p", {}, h("button", { type: "button", class: "md-button md-button--primary cq-tally-button", text: ui.results_tally, onclick: tally })), output);
  }

  /* ---------- mounting: once per element, on every page change ---------- */

  function mountAll() {
    document.querySelectorAll(".cq-mount:not([data-cq-mounted])").forEach(mountQuiz);
    document.querySelectorAll(".cq-progress:not([data-cq-mounted])").forEach(mountProgress);
    document.querySelectorAll(".cq-results:not([data-cq-mounted])").forEach(mountResults);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();

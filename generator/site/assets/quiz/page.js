/* A learner's quiz page: practice (check as you go) or exam (submit once, warned about unanswered questions),
 * shuffling, answers kept in this browser. Only the learner's controls: trainers' tools live on the answer key. */

function mountQuiz(mount) {
  const article = mount.closest("article") || document;
  const quiz = readJson(article, "script.cq-data");
  if (!isMap(quiz) || quiz.v !== 2 || quiz.id !== mount.dataset.quiz) return;
  mount.dataset.cqMounted = "";
  const ui = quiz.ui;
  article.classList.add("cq--js");
  const saved = store.quiz(quiz.id);
  const learnFor = (id) => {
    const link = article.querySelector(`a.cq-learn[data-q="${CSS.escape(id)}"]`);
    return link && { href: link.getAttribute("href"), text: link.textContent };
  };
  const views = quiz.questions.map((q, i) => questionView(quiz, q, i + 1, learnFor(q.id)));
  const list = h("div", { class: "cq-questions" });
  const result = h("div", { class: "cq-result", "aria-live": "polite" });
  const warning = h("div", { class: "cq-warning", role: "alert", hidden: true });
  let mode = "practice";
  let complete = false;

  const save = () => {
    const answers = {};
    for (const v of views) answers[v.q.id] = v.answer();
    store.update(quiz.id, { answers });
  };
  const finish = () => { warning.hidden = true; finishQuiz(quiz, views, result, retake); };
  const practiceDone = () => {
    const now = views.every((v) => v.checked);
    if (now && !complete) finish();
    complete = now;
  };
  for (const v of views) {
    v.set(saved.answers[v.q.id]);
    v.onchange = () => { save(); complete = complete && views.every((x) => x.checked); };
    v.node.append(h("div", { class: "cq-actions cq-practice-only" },
      button(ui.check, () => { if (v.feedback()) practiceDone(); }, "cq-check"),
      button(ui.retry, () => { v.reset(); complete = false; save(); }, "cq-retry")));
    list.append(v.node);
  }
  const submitExam = () => {
    for (const v of views) v.feedback(true);
    finish();
  };
  /** Unanswered questions are listed, with links, before an exam is submitted. */
  const submit = button(ui.submit, () => {
    const missing = views.filter((v) => !grade(v.q, v.answer()).answered);
    if (!missing.length) return submitExam();
    const links = missing.map((v) => h("li", {}, v.link()));
    warning.replaceChildren(h("p", {}, icon("warn"), " ", h("strong", { text: plural(ui, "unanswered_warning", missing.length) })),
      h("ul", {}, ...links),
      h("p", {}, button(ui.keep_answering, () => { warning.hidden = true; missing[0].node.scrollIntoView(); missing[0].focus(); }, "cq-keep"), " ",
        button(ui.submit_anyway, submitExam, "md-button--primary cq-submit-anyway")));
    warning.hidden = false;
    warning.querySelector("button").focus();
  }, "md-button--primary cq-submit cq-exam-only");
  const retake = () => {
    for (const v of views) v.reset();
    complete = false;
    if (shuffle.checked) arrange(true);
    result.replaceChildren();
    save();
    const first = views.find((v) => v.node === list.firstElementChild);
    if (first) first.focus();
  };
  const arrange = (random) => {
    for (const v of random ? shuffled(views) : views) { list.append(v.node); if (random) v.shuffleOptions(); }
  };
  const shuffle = h("input", { type: "checkbox", class: "cq-shuffle", onchange: () => arrange(shuffle.checked) });
  const modeRadio = (value) => h("label", {}, h("input", { type: "radio", name: `cq-mode-${quiz.id}`, value, checked: value === mode,
    onchange: () => { mode = value; article.dataset.cqMode = value; for (const v of views) v.clear(); complete = false; warning.hidden = true; result.replaceChildren(); } }),
  ` ${ui[value]}`);
  article.dataset.cqMode = mode;
  mount.append(
    h("div", { class: "cq-toolbar" },
      h("fieldset", { class: "cq-mode" }, h("legend", { text: ui.mode }), modeRadio("practice"), modeRadio("exam")),
      h("label", { class: "cq-shuffle-label" }, shuffle, ` ${ui.shuffle}`)),
    store.reset ? h("p", { class: "cq-notice", role: "status", text: ui.storage_reset }) : "",
    h("p", { class: "cq-mode-help cq-practice-only", text: ui.practice_help }),
    h("p", { class: "cq-mode-help cq-exam-only", text: ui.exam_help }),
    list, h("div", { class: "cq-actions cq-exam-only" }, submit), warning, result);
  // A link to one question (#q-<id>, from a scenario page) points at the static heading, hidden now: show the live one.
  const linked = views.find((v) => `#q-${v.q.id}` === decodeURIComponent(location.hash));
  if (linked) linked.node.scrollIntoView();
}

MOUNTS.push([".cq-mount", mountQuiz]);

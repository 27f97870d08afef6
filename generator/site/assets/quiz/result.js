/* A finished quiz: score and pass, question by question, the learner's name, the short result code for the
 * trainer, downloads, a retake, and the `cutover:quiz-finished` event other components (SCORM, cmi5) listen to. */

function finishQuiz(quiz, views, target, onRetake) {
  const grades = views.map((v) => grade(v.q, v.answer()));
  const points = grades.reduce((sum, g) => sum + g.score, 0);
  const score = Math.round((100 * points) / grades.length);
  const passed = score >= quiz.pass;
  const before = store.quiz(quiz.id);
  store.update(quiz.id, { best: Math.max(before.best || 0, score), last: score, passed: before.passed || passed, attempts: before.attempts + 1 });
  const answered = grades.filter((g) => g.answered).length;
  showResult(quiz, views, grades, score, passed, target, onRetake);
  document.dispatchEvent(new CustomEvent("cutover:quiz-finished", { detail: {
    quiz: quiz.id, score: Math.round(points * 100) / 100, max: grades.length, percent: score, passed, passMark: quiz.pass,
    answered, total: grades.length } }));
  return score;
}

function showResult(quiz, views, grades, score, passed, target, onRetake) {
  const ui = quiz.ui;
  // In the quiz's own question order, whatever order shuffling showed them in.
  const byQuestion = quiz.questions.map((q) => grades[views.findIndex((v) => v.q === q)]);
  const code = encodeResult(quiz.tag, score, byQuestion.map((g) => g.score === 1));
  const name = h("input", { type: "text", id: `cq-name-${quiz.id}`, class: "cq-name", autocomplete: "name", maxlength: "60" });
  const copied = h("span", { class: "cq-copied", role: "status" });
  const unanswered = grades.filter((g) => !g.answered).length;
  const rows = () => quiz.questions.map((q, i) => ({ question: q.id, answered: byQuestion[i].answered, score: Math.round(byQuestion[i].score * 100) }));
  const record = () => ({ quiz: quiz.id, title: plain(quiz.title), language: quiz.lang, name: name.value.trim(), date: new Date().toISOString(),
    score, pass_mark: quiz.pass, passed, code, questions: rows() });
  const csv = () => ["question,answered,score", ...rows().map((r) => `${r.question},${r.answered},${r.score}`), `total,,${score}`].join("\r\n") + "\r\n";
  const copy = async () => {
    const text = `${code} ${name.value.trim()}`.trim();
    try { await navigator.clipboard.writeText(text); copied.replaceChildren(marked(ui.copied)); } catch (e) { copied.textContent = text; }
  };
  const review = h("ol", { class: "cq-review" }, ...views.map((v, i) => {
    const verdict = verdictOf(grades[i]);
    return h("li", { class: `cq-review--${verdict}` }, icon(verdict), " ",
      v.link(),
      `: ${verdictWord(ui, verdict)}`);
  }));
  target.replaceChildren(
    h("h2", { class: "cq-score", tabindex: "-1", text: fill(ui.score, { score }) }),
    h("p", { class: passed ? "cq-passed" : "cq-failed" }, icon(passed ? "right" : "wrong"), " ", passed ? ui.passed : fill(ui.failed, { pass: quiz.pass })),
    unanswered ? h("p", { text: plural(ui, "unanswered", unanswered) }) : "",
    h("h3", { text: ui.review }), review,
    h("div", { class: "cq-handin" },
      h("p", { class: "cq-code-line" }, h("span", { text: `${ui.result_code}: ` }), h("output", { class: "cq-code", text: code })),
      h("p", { class: "cq-help", text: ui.code_help }),
      h("p", {}, h("label", { for: name.id, text: ui.name_label }), name),
      h("p", {}, button(ui.copy, copy, "cq-copy"), " ", copied)),
    h("p", { class: "cq-downloads" },
      button(ui.download_json, () => download(`${quiz.id}-result.json`, "application/json", JSON.stringify(record(), null, 2))),
      button(ui.download_csv, () => download(`${quiz.id}-result.csv`, "text/csv", csv())),
      button(ui.retake, onRetake, "md-button--primary cq-retake")));
  target.querySelector(".cq-score").focus();
}

/* The trainer's class results: pasted result codes (one per line, a name beside each if wanted) tallied per
 * question. Every pasted line is untrusted: a line that is not a code gets a message of its own, and every
 * valid line is still counted. */

const SHOWN_PROBLEMS = 20;

function mountResults(root) {
  root.dataset.cqMounted = "";
  const data = readJson(root.closest("article") || document, "script.cq-results-data");
  if (!isMap(data) || !isMap(data.ui) || !isMap(data.quizzes)) return;
  const ui = data.ui;
  const byTag = Object.create(null);
  for (const [id, quiz] of Object.entries(data.quizzes)) if (isMap(quiz) && Array.isArray(quiz.questions)) byTag[quiz.tag] = { id, ...quiz };
  const input = h("textarea", { id: "cq-codes", rows: "8", class: "cq-codes", spellcheck: "false", maxlength: "100000" });
  const output = h("div", { class: "cq-class", "aria-live": "polite" });
  const tally = () => {
    const byQuiz = new Map();
    const problems = [];
    const lines = input.value.split(/\r?\n/);
    lines.slice(0, MAX_LINES).forEach((line, i) => {
      if (!line.trim()) return;
      const read = readResultLine(line, byTag);
      if (read.error) { problems.push(fill(ui[read.error], { line: i + 1, code: read.code })); return; }
      if (!byQuiz.has(read.quiz)) byQuiz.set(read.quiz, []);
      byQuiz.get(read.quiz).push(read);
    });
    // The tally first (what the trainer came for), then the lines that could not be read, at most twenty of them.
    const notes = problems.slice(0, SHOWN_PROBLEMS).map((p) => h("p", { class: "cq-invalid" }, icon("warn"), " ", p));
    if (problems.length > SHOWN_PROBLEMS) notes.push(h("p", { class: "cq-invalid", text: fill(ui.results_more_invalid, { n: problems.length - SHOWN_PROBLEMS }) }));
    if (lines.length > MAX_LINES) notes.push(h("p", { class: "cq-invalid", text: fill(ui.results_truncated, { max: MAX_LINES }) }));
    const parts = [];
    for (const [quiz, codes] of byQuiz) {
      let weak = false;
      const rows = quiz.questions.map((q, i) => {
        const right = codes.filter((c) => c.rights[i]).length;
        const share = Math.round((100 * right) / codes.length);
        const low = share < quiz.pass;
        weak = weak || low;
        const bar = h("span", { class: "cq-bar" }, h("span", { class: "cq-bar-fill" }));
        bar.firstChild.style.width = `${share}%`;
        return h("tr", { "data-question": q.id, class: low ? "cq-weak" : "" }, h("td", { text: `${i + 1}. ${q.text}` }),
          h("td", { class: "cq-tally-cell" }, low ? icon("warn", fill(ui.results_weak, { pass: quiz.pass })) : "", ` ${right} / ${codes.length} (${share} %)`, bar));
      });
      const table = h("table", { class: "cq-class-table", "data-quiz": quiz.id },
        h("thead", {}, h("tr", {}, h("th", { scope: "col", text: ui.results_question }), h("th", { scope: "col", text: ui.results_correct }))),
        h("tbody", {}, ...rows));
      const learners = h("table", { class: "cq-class-table cq-learners" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col", text: ui.results_learner }), h("th", { scope: "col", text: ui.results_score }))),
        h("tbody", {}, ...codes.map((c) => h("tr", {}, h("td", { text: c.name || ui.anonymous }),
          h("td", {}, icon(c.score >= quiz.pass ? "right" : "wrong", c.score >= quiz.pass ? ui.passed : fill(ui.failed, { pass: quiz.pass })), ` ${c.score} %`)))));
      parts.push(h("h2", { text: quiz.title }), table, weak ? h("p", { class: "cq-weak-note" }, icon("warn"), " ", fill(ui.results_weak, { pass: quiz.pass })) : "",
        h("h3", { text: ui.results_learners }), learners);
    }
    output.replaceChildren(...(parts.length ? parts : [h("p", { text: ui.results_none })]), ...notes);
  };
  root.append(h("p", {}, h("label", { for: "cq-codes", text: ui.results_paste })), input,
    h("p", {}, button(ui.results_tally, tally, "md-button--primary cq-tally-button")), output);
}

MOUNTS.push([".cq-results", mountResults]);

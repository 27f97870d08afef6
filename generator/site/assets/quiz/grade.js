/* Grading: 1 for a right answer, a share for a partly right one, and whether the learner answered at all. */

function grade(q, answer) {
  if (q.type === "single" || q.type === "true_false") {
    if (typeof answer !== "string" || !answer) return { answered: false, score: 0 };
    const option = q.options.find((o) => o.id === answer);
    return { answered: true, score: option && option.correct ? 1 : 0 };
  }
  if (q.type === "multiple") {
    if (!Array.isArray(answer) || !answer.length) return { answered: false, score: 0 };
    const right = q.options.filter((o) => o.correct).map((o) => o.id);
    const hits = answer.filter((id) => right.includes(id)).length;
    return { answered: true, score: Math.max(0, (hits - (answer.length - hits)) / right.length) };
  }
  if (q.type === "ordering") {
    if (!isMap(answer) || !answer.touched || !Array.isArray(answer.order)) return { answered: false, score: 0 };  // untouched = unanswered
    return { answered: true, score: q.items.filter((item, i) => answer.order[i] === item.id).length / q.items.length };
  }
  const chosen = isMap(answer) ? answer : {};
  const given = (p) => has(chosen, p.id) && chosen[p.id];
  if (!q.pairs.some(given)) return { answered: false, score: 0 };
  return { answered: true, score: q.pairs.filter((p) => given(p) === p.right).length / q.pairs.length };
}

/** "right", "partly", "wrong" or "none" (not answered), and its word. */
const verdictOf = (result) => (!result.answered ? "none" : result.score === 1 ? "right" : result.score > 0 ? "partly" : "wrong");
const verdictWord = (ui, verdict) => ({ right: ui.correct, partly: ui.partly, wrong: ui.incorrect, none: ui.not_answered })[verdict];
/** A line under an option or a row: an icon and a few words in bold. */
const markLine = (kind, text, label) => h("p", { class: "cq-option-label" }, icon(kind, label), " ", h("strong", { text }));

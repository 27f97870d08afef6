/* Applies a quiz page's answer key through its controls, like a learner would; the question whose id is
 * `wrong` gets a wrong answer. Run by `cutover verify` inside the page. */
(wrong) => {
  const data = JSON.parse(document.querySelector("script.cq-data").textContent);
  const tick = (input, on) => { if (input.checked !== on) input.click(); };
  for (const q of data.questions) {
    const box = document.querySelector(`fieldset.cq-question[data-question="${q.id}"]`);
    const bad = q.id === wrong;
    if (q.type === "single" || q.type === "true_false") {
      const option = q.options.find((o) => o.correct !== bad);
      tick(box.querySelector(`input[value="${option.id}"]`), true);
    } else if (q.type === "multiple") {
      for (const o of q.options) tick(box.querySelector(`input[value="${o.id}"]`), o.correct !== bad);
    } else if (q.type === "ordering") {
      let target = q.items.map((i) => i.id);
      if (bad) target = target.slice(1).concat(target.slice(0, 1));
      target.forEach((id, position) => {
        let current = [...box.querySelectorAll("li[data-item]")].map((li) => li.dataset.item);
        while (current.indexOf(id) > position) {
          box.querySelector(`li[data-item="${id}"] .cq-up`).click();
          current = [...box.querySelectorAll("li[data-item]")].map((li) => li.dataset.item);
        }
      });
    } else {
      for (const pair of q.pairs) {
        const select = box.querySelector(`select[data-pair="${pair.id}"]`);
        select.value = bad ? q.choices.find((c) => c.id !== pair.right).id : pair.right;
        select.dispatchEvent(new Event("change"));
      }
    }
  }
  return data.questions.map((q) => q.id);
}

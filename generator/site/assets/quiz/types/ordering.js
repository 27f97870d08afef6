/* Question type: put items in order, with buttons or Alt+Up/Alt+Down; an untouched order is no answer. */

TYPES.ordering = (q, ui, name, controls, changed) => {
  let order = q.start.slice();
  let touched = false;
  const announce = h("p", { class: "cq-sr", "aria-live": "polite" });
  const list = h("ol", { class: "cq-order" });
  const itemText = (id) => plainText(q.items.find((x) => x.id === id).html);
  const render = () => {
    list.replaceChildren(...order.map((id, i) => {
      const move = (delta) => {
        const j = i + delta;
        if (j < 0 || j >= order.length) return;
        [order[i], order[j]] = [order[j], order[i]];
        touched = true;
        render();
        list.querySelector(`[data-item="${CSS.escape(id)}"]`).focus();
        announce.textContent = fill(ui.moved, { item: itemText(id), pos: j + 1, n: order.length });
        changed();
      };
      const arrow = (cls, label, delta, text, disabled) => h("button", { type: "button", class: cls, "aria-label": `${label}: ${itemText(id)}`,
        disabled, onclick: () => move(delta), text });
      return h("li", { "data-item": id, tabindex: "0", onkeydown: (e) => {
        if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) { e.preventDefault(); move(e.key === "ArrowUp" ? -1 : 1); }
      } }, h("span", { class: "cq-mark-slot" }), richText(h("span", { class: "cq-item-text" }), q.items.find((x) => x.id === id).html),
      h("span", { class: "cq-move" }, arrow("cq-up", ui.move_up, -1, "↑", i === 0), arrow("cq-down", ui.move_down, 1, "↓", i === order.length - 1)));
    }));
  };
  render();
  controls.append(h("p", { class: "cq-help", text: ui.order_help }), list, announce);
  const solution = h("div", { class: "cq-solution" });
  controls.append(solution);
  return {
    empty: "order_first",
    answer: () => ({ order: order.slice(), touched }),
    set(answer) {
      const ids = q.items.map((i) => i.id);
      if (isMap(answer) && answer.touched && Array.isArray(answer.order) && answer.order.length === ids.length &&
          ids.every((id) => answer.order.includes(id))) { order = answer.order.slice(); touched = true; render(); }
    },
    reset() { order = q.start.slice(); touched = false; render(); },
    shuffle() {},
    clear() {
      solution.replaceChildren();
      for (const li of list.children) { li.classList.remove("cq-chosen-right", "cq-chosen-wrong"); li.querySelector(".cq-mark-slot").replaceChildren(); }
    },
    /** Each item marked in its place, then the correct order. */
    mark(answer) {
      if (answer.touched) order.forEach((id, i) => {
        const ok = q.items[i].id === id;
        const li = list.children[i];
        li.classList.add(ok ? "cq-chosen-right" : "cq-chosen-wrong");
        li.querySelector(".cq-mark-slot").append(icon(ok ? "right" : "wrong", ok ? ui.correct : ui.incorrect));
      });
      const correct = h("ol", { class: "cq-correct-order" }, ...q.items.map((item) => richText(h("li"), item.html)));
      solution.replaceChildren(markLine("right", ui.right_order), correct);
    },
  };
};

/* The trainer's answer-key page: present the quiz in class, print handouts to fill in, print the key.
 * The page itself is the key; a handout is the same sheet with the answers hidden by print CSS. */

function printSheet(kind, title) {
  const root = document.documentElement;
  const heading = document.querySelector("article h1");
  const before = heading ? [...heading.childNodes] : [];
  root.dataset.cqPrint = kind;
  if (heading && kind === "handout") heading.textContent = title;  // learners get the quiz's name, not "Answer key"
  const restore = () => {
    delete root.dataset.cqPrint;
    if (heading) heading.replaceChildren(...before);
    window.removeEventListener("afterprint", restore);
  };
  window.addEventListener("afterprint", restore);
  window.print();
}

function mountTrainer(mount) {
  const quiz = readJson(mount.closest("article") || document, "script.cq-data");
  if (!isMap(quiz) || quiz.v !== 2 || quiz.id !== mount.dataset.quiz) return;
  mount.dataset.cqMounted = "";
  const ui = quiz.ui;
  mount.append(h("div", { class: "cq-toolbar cq-trainer-tools" },
    button(ui.present, (e) => present(quiz, e.currentTarget), "md-button--primary cq-present"),
    h("button", { type: "button", class: "md-button cq-print", "data-print": "handout", text: ui.print_handout, onclick: () => printSheet("handout", quiz.title) }),
    h("button", { type: "button", class: "md-button cq-print", "data-print": "key", text: ui.print_key, onclick: () => printSheet("key", quiz.title) })));
}

MOUNTS.push([".cq-trainer", mountTrainer]);

/* What this browser remembers, read as untrusted: quiz progress (versioned, by quiz id and question id, so it
 * survives reloads and language switches), the reader's role and the role checklist (site.js writes both). */

const STORE_KEY = "cutover-quiz";
const STORE_VERSION = 1;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_STORED = 1 << 20;  // characters: anything larger was not written by us

function readStored(key) {
  try {
    const raw = localStorage.getItem(key);
    return raw && raw.length <= MAX_STORED ? JSON.parse(raw) : raw === null ? null : undefined;
  } catch (e) { return undefined; }
}

const store = {
  reset: false,
  read() {
    const data = readStored(STORE_KEY);
    const quizzes = Object.create(null);
    if (data === null) return { v: STORE_VERSION, quizzes };
    if (!isMap(data) || data.v !== STORE_VERSION || !isMap(data.quizzes)) {
      this.reset = true;  // corrupted or from an unknown version: start afresh, say so on the page
      return { v: STORE_VERSION, quizzes };
    }
    for (const [id, entry] of Object.entries(data.quizzes)) if (ID.test(id) && isMap(entry)) quizzes[id] = entry;
    return { v: STORE_VERSION, quizzes };
  },
  quiz(id) {
    const entry = this.read().quizzes[id] || {};
    const score = (x) => (Number.isFinite(x) && x >= 0 && x <= 100 ? x : null);
    return {
      answers: isMap(entry.answers) ? entry.answers : {},
      best: score(entry.best),
      last: score(entry.last),
      passed: entry.passed === true,
      attempts: Number.isInteger(entry.attempts) && entry.attempts > 0 ? entry.attempts : 0,
    };
  },
  update(id, change) {
    const data = this.read();
    data.quizzes[id] = Object.assign(this.quiz(id), change);
    try { localStorage.setItem(STORE_KEY, JSON.stringify(data)); } catch (e) { /* private mode: keep working */ }
  },
  clear() { try { localStorage.removeItem(STORE_KEY); } catch (e) { /* nothing stored */ } },
};

/** The role the reader chose on the home page or last opened the manual of; "" when none. */
function readRole() {
  const role = readStored("cutover-role");
  return typeof role === "string" && ID.test(role) ? role : "";
}

/** How many of a role's tasks are ticked in its checklist. */
function tasksDone(role, tasks) {
  const data = readStored("cutover-checklist");
  const ticked = isMap(data) && isMap(data[role]) ? data[role] : {};
  return tasks.filter((task) => has(ticked, task) && ticked[task] === true).length;
}

/* Cutover LMS player: the page an LMS launches (index.html of a package).
 *
 * It shows the role's manual and quiz in a frame and holds the one session the LMS allows per launch, so reading
 * and moving between the two pages never ends it. The pages tell it what the reader did (lms/page.js posts
 * messages); an adapter per format (lms/scorm12.js, lms/cmi5.js) registers itself here and reports to the LMS.
 * Without an LMS nothing is reported and nothing is shown: the pages simply work.
 *
 * Adapter interface: make(data, ui) returns {start(), result({percent, passMark}), complete(), finish()};
 * start() may return a promise, and the other calls may arrive before it settles.
 */
(() => {
  "use strict";

  const data = JSON.parse(document.getElementById("cutover-lms-data").textContent);
  const frame = document.querySelector("iframe.cutover-lms-frame");
  const bar = document.querySelector(".cutover-lms-bar");
  const status = bar.querySelector(".cutover-lms-status");
  const exit = bar.querySelector(".cutover-lms-exit");
  const started = Date.now();
  const adapters = {};
  const fill = (text, vars = {}) => String(text).replace(/\{(\w+)\}/g, (m, k) => (k in vars ? vars[k] : m));

  window.CutoverLms = { register(name, make) { adapters[name] = make; } };

  /** What adapters may use of the player. */
  const ui = {
    /** Shows one status line (a polite live region) in the reader's language. */
    say(key, vars, tone) {
      bar.hidden = false;
      bar.dataset.tone = tone || "info";
      status.textContent = fill(data.strings[key], vars);
    },
    /** Offers an Exit button (cmi5 with a return address). */
    offerExit(action) {
      bar.hidden = false;
      exit.hidden = false;
      exit.addEventListener("click", action);
    },
    seconds() { return (Date.now() - started) / 1000; },
  };

  function start() {
    const make = adapters[data.format];
    const adapter = make ? make(data, ui) : null;
    if (adapter) {
      try { adapter.start(); } catch (e) { ui.say("error", { detail: String(e && e.message || e) }, "error"); }
    }
    window.addEventListener("message", (event) => {
      if (event.source !== frame.contentWindow) return;  // only the package's own pages speak to the player
      const message = event.data;
      if (!message || message.cutover !== "lms" || typeof message.type !== "string") return;
      const detail = message.detail && typeof message.detail === "object" ? message.detail : {};
      if (message.type === "page") {
        if (typeof detail.title === "string" && detail.title) document.title = frame.title = detail.title;
      } else if (!adapter) {
        return;
      } else if (message.type === "quiz-finished") {
        if (detail.quiz === data.quiz && Number.isFinite(detail.percent)) {
          adapter.result({ percent: Math.max(0, Math.min(100, Math.round(detail.percent))), passMark: data.passMark });
        }
      } else if (message.type === "manual-end" || message.type === "checklist-done") {
        adapter.complete();
      }
    });
    let finished = false;
    const finish = () => {
      if (finished || !adapter) return;
      finished = true;
      adapter.finish();
    };
    // pagehide also fires when an LMS removes the frame; beforeunload is the fallback of older LMS frames.
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    ui.finish = finish;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* Cutover LMS player, SCORM 1.2 adapter: reports to the LMS's window.API (the SCORM 1.2 run-time API).
 *
 * Score: cmi.core.score.raw/min/max in percent, the best of this and earlier sessions. Status
 * (cmi.core.lesson_status): "incomplete" on the first launch, "completed" once the manual's last section was
 * reached or the role checklist is done, "passed"/"failed" against the mastery score (the LMS's
 * cmi.student_data.mastery_score, else the quiz's pass mark) once the quiz is finished; a status never goes back
 * ("passed" stays). Time: cmi.core.session_time (HHHH:MM:SS.SS) when the session ends; then LMSCommit and
 * LMSFinish. Browse and review launches (cmi.core.lesson_mode) record nothing.
 */
(() => {
  "use strict";

  /** The ADL algorithm: look for API in this window and up to seven parents, then in the opener's. */
  function findApi(win) {
    for (let tries = 0; win && tries <= 7; tries++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (e) { return null; }  // a frame of another origin: no API reachable through it
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function locateApi() {
    const api = findApi(window);
    if (api) return api;
    try { return window.opener ? findApi(window.opener) : null; } catch (e) { return null; }
  }

  /** SCORM 1.2's CMITimespan: HHHH:MM:SS.SS (hours up to 9999). */
  function timespan(seconds) {
    const hundredths = Math.min(Math.round(Math.max(0, seconds) * 100), 9999 * 360000 + 359999);
    const pad = (n, width) => String(n).padStart(width, "0");
    const h = Math.floor(hundredths / 360000);
    const m = Math.floor(hundredths / 6000) % 60;
    const s = Math.floor(hundredths / 100) % 60;
    return `${pad(h, 4)}:${pad(m, 2)}:${pad(s, 2)}.${pad(hundredths % 100, 2)}`;
  }

  const RANK = { "": 0, "not attempted": 0, browsed: 1, incomplete: 2, completed: 3, failed: 4, passed: 5 };

  function make(data, ui) {
    let api = null;
    let recording = false;
    let lessonStatus = "";
    let best = NaN;
    let mastery = data.passMark;
    let failedOnce = false;

    const ok = (value) => value === true || value === "true";
    const report = (what) => {
      if (failedOnce) return;
      failedOnce = true;
      let detail = what;
      try {
        const code = api.LMSGetLastError();
        detail = `${what}: ${code} ${api.LMSGetErrorString(code) || ""}`.trim();
      } catch (e) { /* the error itself is the detail */ }
      ui.say("error", { detail }, "error");
    };
    const get = (name) => { try { return String(api.LMSGetValue(name) ?? ""); } catch (e) { return ""; } };
    const set = (name, value) => {
      let done = false;
      try { done = ok(api.LMSSetValue(name, String(value))); } catch (e) { done = false; }
      if (!done) report(name);
      return done;
    };
    const commit = () => {
      let done = false;
      try { done = ok(api.LMSCommit("")); } catch (e) { done = false; }
      if (!done) report("LMSCommit");
      return done;
    };
    /** Statuses only move up the ranking: "passed" is never lost, "failed" never becomes "completed". */
    const setStatus = (value) => {
      if (RANK[value] > (RANK[lessonStatus] || 0) && set("cmi.core.lesson_status", value)) lessonStatus = value;
    };

    return {
      start() {
        api = locateApi();
        if (!api) return;  // not in an LMS: the pages just work
        if (!ok(api.LMSInitialize(""))) { report("LMSInitialize"); api = null; return; }
        const mode = get("cmi.core.lesson_mode");
        recording = mode !== "browse" && mode !== "review";
        lessonStatus = get("cmi.core.lesson_status");
        best = parseFloat(get("cmi.core.score.raw"));
        const lmsMastery = parseFloat(get("cmi.student_data.mastery_score"));
        if (Number.isFinite(lmsMastery)) mastery = lmsMastery;
        if (!recording) { ui.say("review", {}); return; }
        if (!(RANK[lessonStatus] > RANK.browsed)) setStatus("incomplete");
        commit();
        ui.say("connected", {});
      },
      result({ percent }) {
        if (!api || !recording) return;
        if (!(best >= percent)) {
          best = percent;
          set("cmi.core.score.min", 0);
          set("cmi.core.score.max", 100);
          set("cmi.core.score.raw", percent);
        }
        setStatus(best >= mastery ? "passed" : "failed");
        commit();
        if (percent >= mastery) ui.say("passed", { percent }, "good");
        else ui.say("failed", { percent, pass: mastery });
      },
      complete() {
        if (!api || !recording) return;
        if ((RANK[lessonStatus] || 0) < RANK.completed) {
          setStatus("completed");
          commit();
          ui.say("completed", {}, "good");
        }
      },
      finish() {
        if (!api) return;
        set("cmi.core.session_time", timespan(ui.seconds()));
        // An unfinished training is suspended, so the LMS resumes this attempt next time.
        if (recording) set("cmi.core.exit", RANK[lessonStatus] >= RANK.completed ? "" : "suspend");
        commit();
        try { api.LMSFinish(""); } catch (e) { /* the window is going away */ }
        api = null;
      },
    };
  }

  window.CutoverLms.register("scorm12", make);
})();

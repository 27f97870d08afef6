/* Cutover LMS player, cmi5 adapter: reports to the LMS's learning record store with xAPI statements.
 *
 * Launch: the LMS adds endpoint, fetch, actor, registration and activityId to the address; the auth token comes
 * once from the fetch URL (kept for this tab, so a reload goes on with it), then LMS.LaunchData (context
 * template, launch mode, mastery score, return address) and the learner preferences are read. Statements, each
 * with the context template, the registration and the cmi5 category: "initialized"; "passed" as soon as the quiz
 * is passed (score, success, duration, the mastery score when the LMS gave one); "completed" once the manual's
 * last section was reached or the role checklist is done; a "failed" only when the session ends without a pass
 * (cmi5 allows one of passed/failed per session, so a learner can retry first); "terminated" last, with the
 * session's duration. passed/failed/completed carry the moveOn category. Only "Normal" launches report results,
 * and what a registration reported before (our own state document) is never reported again.
 */
(() => {
  "use strict";

  const XAPI_VERSION = "1.0.3";
  const CMI5_CATEGORY = { id: "https://w3id.org/xapi/cmi5/context/categories/cmi5", objectType: "Activity" };
  const MOVEON_CATEGORY = { id: "https://w3id.org/xapi/cmi5/context/categories/moveon", objectType: "Activity" };
  const MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  const PROGRESS_STATE = "cutover.progress";  //: what this registration already reported, across sessions
  const verb = (name) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { "en-US": name } });

  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));  // crypto.randomUUID needs https; intranet LMSs may not have it
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** ISO 8601 duration, to the hundredth of a second. */
  function duration(seconds) {
    const hundredths = Math.round(Math.max(0, seconds) * 100);
    const h = Math.floor(hundredths / 360000);
    const m = Math.floor(hundredths / 6000) % 60;
    const s = (hundredths % 6000) / 100;
    return `PT${h ? h + "H" : ""}${h || m ? m + "M" : ""}${s}S`;
  }

  function make(data, ui) {
    const query = new URLSearchParams(location.search);
    const launch = Object.fromEntries(["endpoint", "fetch", "actor", "registration", "activityId"].map((k) => [k, query.get(k)]));
    const base = launch.endpoint && (launch.endpoint.endsWith("/") ? launch.endpoint : launch.endpoint + "/");
    const memoryKey = `cutover-cmi5:${launch.fetch}`;
    let actor = null;
    let auth = "";
    let launchData = {};
    let normal = false;
    let mastery = null;  // from the LMS; null: the quiz's pass mark decides
    let progress = { passed: false, completed: false };
    let session = { initialized: false, judged: false, completed: false, terminated: false };
    let pendingFailure = null;
    let ready = Promise.resolve(false);
    let settled = false;
    let queue = Promise.resolve();
    let reported = false;

    const report = (error) => {
      if (reported) return;
      reported = true;
      ui.say("error", { detail: String(error && error.message || error) }, "error");
    };
    const remember = () => {
      try { sessionStorage.setItem(memoryKey, JSON.stringify({ auth, session })); } catch (e) { /* storage off */ }
    };
    const headers = () => ({ Authorization: `Basic ${auth}`, "X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json" });
    const stateUrl = (stateId) => `${base}activities/state?${new URLSearchParams({ stateId, activityId: launch.activityId,
      agent: JSON.stringify(actor), registration: launch.registration })}`;

    async function getJson(url, missingOk) {
      const response = await fetch(url, { headers: headers() });
      if (response.status === 404 && missingOk) return null;
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
      return response.json();
    }

    async function token() {
      try {
        const kept = JSON.parse(sessionStorage.getItem(memoryKey) || "null");
        if (kept && kept.auth) { session = Object.assign(session, kept.session); return kept.auth; }
      } catch (e) { /* nothing kept */ }
      const response = await fetch(launch.fetch, { method: "POST" });
      const body = await response.json();
      if (!body["auth-token"]) throw new Error(body["error-text"] || `fetch ${response.status}`);
      return body["auth-token"];
    }

    function statement(name, result, withMastery) {
      const context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
      context.registration = launch.registration;
      const activities = context.contextActivities = context.contextActivities || {};
      const categories = activities.category = activities.category || [];
      if (!categories.some((c) => c.id === CMI5_CATEGORY.id)) categories.push(CMI5_CATEGORY);
      if (result && ("success" in result || "completion" in result)) categories.push(MOVEON_CATEGORY);
      if (withMastery && mastery !== null) context.extensions = Object.assign({}, context.extensions, { [MASTERY_EXTENSION]: mastery });
      const out = { id: uuid(), timestamp: new Date().toISOString(), actor, verb: verb(name),
        object: { id: launch.activityId, objectType: "Activity" }, context };
      if (result) out.result = result;
      return out;
    }

    /** Statements go one after the other, in the order they happened. */
    function send(statements, keepalive) {
      const body = JSON.stringify(statements);
      const post = () => fetch(`${base}statements`, { method: "POST", headers: headers(), body, keepalive })
        .then((response) => { if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim()); });
      if (keepalive) { post().catch(report); return; }  // the page is going away: no time to wait for the queue
      queue = queue.then(post).catch(report);
    }

    function saveProgress() {
      fetch(stateUrl(PROGRESS_STATE), { method: "PUT", headers: headers(), body: JSON.stringify(progress) }).catch(report);
    }

    function judged(percent) {
      const threshold = mastery !== null ? mastery : data.passMark / 100;
      const scaled = Math.round(percent * 100) / 10000;
      return { passed: scaled >= threshold, pass: Math.round(threshold * 100),
        result: { score: { scaled, raw: percent, min: 0, max: 100 }, duration: duration(ui.seconds()) } };
    }

    return {
      start() {
        if (!Object.values(launch).every(Boolean)) return;  // not launched by a cmi5 LMS: the pages just work
        ready = (async () => {
          actor = JSON.parse(launch.actor);
          auth = await token();
          launchData = await getJson(stateUrl("LMS.LaunchData"));
          await getJson(`${base}agents/profile?${new URLSearchParams({ profileId: "cmi5LearnerPreferences", agent: JSON.stringify(actor) })}`, true)
            .catch(() => null);  // preferences are optional; the package has one language
          progress = Object.assign(progress, await getJson(stateUrl(PROGRESS_STATE), true));
          normal = launchData.launchMode === "Normal";
          if (typeof launchData.masteryScore === "number") mastery = launchData.masteryScore;
          if (session.terminated) return false;  // a reload after this session ended
          if (!session.initialized) {
            session.initialized = true;
            send([statement("initialized")]);
          }
          remember();
          if (launchData.returnURL) {
            ui.offerExit(() => { ui.finish(); location.assign(launchData.returnURL); });
          }
          ui.say(normal ? "connected" : "review", {});
          return true;
        })().catch((error) => { report(error); return false; }).then((ok) => { settled = true; return ok; });
      },
      result({ percent }) {
        ready.then((ok) => {
          if (!ok || !normal) return;
          const verdict = judged(percent);
          if (verdict.passed) {
            pendingFailure = null;
            if (!progress.passed && !session.judged) {
              session.judged = progress.passed = true;
              send([statement("passed", Object.assign({ success: true }, verdict.result), true)]);
              saveProgress();
              remember();
            }
            ui.say("passed", { percent }, "good");
          } else {
            if (!progress.passed && !session.judged) pendingFailure = statement("failed", Object.assign({ success: false }, verdict.result), true);
            ui.say("failed", { percent, pass: verdict.pass });
          }
        });
      },
      complete() {
        ready.then((ok) => {
          if (!ok || !normal || progress.completed || session.completed) return;
          session.completed = progress.completed = true;
          send([statement("completed", { completion: true, duration: duration(ui.seconds()) })]);
          saveProgress();
          remember();
          ui.say("completed", {}, "good");
        });
      },
      finish() {
        if (!settled || !session.initialized || session.terminated) return;  // nothing began, or it already ended
        const last = [];
        if (pendingFailure) { session.judged = true; last.push(pendingFailure); }
        session.terminated = true;
        last.push(statement("terminated", { duration: duration(ui.seconds()) }));
        remember();
        send(last, true);
      },
    };
  }

  window.CutoverLms.register("cmi5", make);
})();

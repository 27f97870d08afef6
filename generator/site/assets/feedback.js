/* Cutover feedback components, mounted idempotently on every page change (material's document$).
 *
 * Page feedback: the links at the end of every page are real links the build filled in; at mount and again at
 * click time they are rebuilt from the page's data with what only the browser knows exactly: the page's address
 * and the published version. Survey: the form works without JavaScript; with it, an e-mail lists the answers
 * readably, and "Download answers as a file" saves them as JSON. Yes/No on a page is one click: it is kept in this
 * browser (and travels with the survey) or, with a form channel, sent to that form at once; only a comment or a
 * problem report opens the e-mail program or the form. Nothing is sent anywhere but the configured channel. Texts are set with textContent, never as HTML. */
(() => {
  "use strict";

  function readJson(element) {
    try { return element ? JSON.parse(element.textContent) : null; } catch (e) { return null; }
  }

  /* The published version: the build's (mike sets it), else the version folder material's selector uses. */
  function currentVersion(buildVersion) {
    if (buildVersion) return buildVersion;
    const config = readJson(document.getElementById("__config"));
    if (!config || !config.version) return "";
    try {
      const parts = new URL(config.base, location.href).pathname.split("/").filter(Boolean);
      return parts.length ? decodeURIComponent(parts[parts.length - 1]) : "";
    } catch (e) { return ""; }
  }

  function pageAddress() { return location.href.split("#")[0]; }

  function fill(segments, values) {
    return segments.map((s) => (typeof s === "string" ? s : (values[s.f] || ""))).join("");
  }

  /* Same encoding as generator/feedback.py (encodeURIComponent). */
  function href(template, values) {
    const query = template.params.map(([name, segments]) => `${encodeURIComponent(name)}=${encodeURIComponent(fill(segments, values))}`).join("&");
    if (!query) return template.base;
    return template.base + (template.base.includes("?") ? "&" : "?") + query;
  }

  /* Page votes kept in this browser (untrusted when read back): page address -> {answer, date}. */
  const VOTES = "cutover-feedback";

  function readVotes() {
    try {
      const data = JSON.parse(localStorage.getItem(VOTES) || "{}");
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) { return {}; }
  }

  function keepVote(address, answer) {
    const votes = readVotes();
    votes[address] = { answer, date: new Date().toISOString().slice(0, 10) };
    try { localStorage.setItem(VOTES, JSON.stringify(votes)); } catch (e) { /* storage off: the thanks still shows */ }
  }

  /* A form channel gets the vote at once, as the GET its link would send, without leaving the page: an opaque
   * request (no-cors) the page's policy allows for the configured form's host only (generator/site/csp.py). */
  function send(url) {
    try { fetch(url, { method: "GET", mode: "no-cors", credentials: "omit", keepalive: true }).catch(() => {}); } catch (e) { /* offline */ }
  }

  function mountFeedback(box) {
    box.dataset.cutoverMounted = "";
    const data = readJson(box.querySelector("script.cutover-feedback-data"));
    if (!data || !data.links) return;
    const values = () => ({ url: pageAddress(), version: currentVersion(data.version) || data.noVersion || "" });
    const refresh = (link) => {
      const template = data.links[link.dataset.answer];
      if (template) link.href = href(template, values());
    };
    box.querySelectorAll("a[data-answer]").forEach((link) => {
      refresh(link);
      link.addEventListener("click", (event) => {
        refresh(link);  // at click time: the address may have changed
        const answer = link.dataset.answer;
        if (answer !== "yes" && answer !== "no") return;  // "Report a problem" opens the channel, as it says
        // Yes/No: one click records the answer and says thanks; no other program opens.
        event.preventDefault();
        keepVote(pageAddress(), answer);
        if (data.channel === "form") send(link.href);
        const thanks = box.querySelector(".cutover-feedback__thanks");
        const comment = thanks && thanks.querySelector(".cutover-feedback__comment");
        if (comment && data.links[answer]) comment.href = href(data.links[answer], values());
        box.querySelectorAll(".cutover-feedback__answers a").forEach((a) => a.setAttribute("aria-pressed", String(a === link)));
        if (thanks) thanks.hidden = false;
      });
    });
    const note = box.querySelector(".cutover-feedback__note");
    if (note && data.recorded) note.textContent = data.recorded;
  }

  /* ---- the survey ---------------------------------------------------------------------------------------- */

  function answers(form, data) {
    const fields = new FormData(form);
    return data.questions.map((q) => {
      const raw = q.type === "multiple" ? fields.getAll(q.id) : fields.get(q.id);
      let value = null;
      let text = data.ui.no_answer;
      if (q.type === "rating" && raw) {
        value = Number(raw);
        text = data.ui.rating_answer.replace("{value}", () => raw).replace("{scale}", () => String(q.scale));
      } else if (q.type === "single" && raw) {
        value = raw;
        text = (q.options.find((o) => o.id === raw) || { text: raw }).text;
      } else if (q.type === "multiple" && raw.length) {
        value = raw;
        text = raw.map((id) => (q.options.find((o) => o.id === id) || { text: id }).text).join("; ");
      } else if (q.type === "text" && raw && raw.trim()) {
        value = raw.trim();
        text = value;
      }
      return { id: q.id, question: q.prompt, value, text };
    });
  }

  /* The Yes/No answers this browser kept on the site's pages: they travel with the survey. */
  function pageVotes() {
    return Object.entries(readVotes())
      .filter(([address, vote]) => typeof address === "string" && vote && (vote.answer === "yes" || vote.answer === "no"))
      .map(([address, vote]) => ({ page: address, answer: vote.answer, date: typeof vote.date === "string" ? vote.date.slice(0, 10) : "" }));
  }

  function submission(form, data) {
    const name = (new FormData(form).get("name") || "").trim();
    const role = new FormData(form).get("role") || "";
    return { survey: data.id, title: data.title, language: data.lang, version: currentVersion(""), name, role,
             answers: answers(form, data), page_votes: pageVotes() };
  }

  function mailBody(result, data) {
    const ui = data.ui;
    const lines = [`${ui.field_survey}: ${result.title}`, `${ui.feedback_field_language}: ${result.language}`,
                   `${ui.feedback_field_version}: ${result.version || "–"}`, ""];
    result.answers.forEach((a, index) => { lines.push(`${index + 1}. ${a.question}`, a.text, ""); });
    if (result.page_votes.length) {
      lines.push(`${ui.page_votes}:`);
      result.page_votes.forEach((v) => lines.push(`- ${v.answer === "yes" ? ui.feedback_yes : ui.feedback_no}: ${v.page}`));
      lines.push("");
    }
    lines.push(`${ui.field_name}: ${result.name || ui.anonymous_answer}`);
    return lines.join("\n");
  }

  function setStatus(form, text, link) {
    const status = form.querySelector(".cutover-survey__status");
    status.replaceChildren(document.createTextNode(text));
    if (link) {
      const a = document.createElement("a");
      a.className = "cutover-survey__mail";
      a.href = link.href;
      a.textContent = link.text;
      status.append(" ", a);
    }
    const thanks = form.querySelector(".cutover-survey__thanks");
    if (thanks) thanks.hidden = false;
  }

  function mountSurvey(form) {
    form.dataset.cutoverMounted = "";
    const data = readJson(form.querySelector("script.cutover-survey-data"));
    if (!data) return;
    const versionField = form.querySelector('input[type=hidden][name="version"]');
    if (versionField) versionField.value = currentVersion("");
    form.addEventListener("submit", (event) => {
      if (versionField) versionField.value = currentVersion("");
      if (data.channel !== "email") return;  // a form channel: the browser sends the fields (GET) itself
      event.preventDefault();
      const result = submission(form, data);
      const subject = data.ui.subject.replace("{title}", () => data.title);  // a function: "$&" in a title stays as written
      const mail = `mailto:${data.email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(mailBody(result, data))}`;
      setStatus(form, data.ui.sent, { href: mail, text: data.ui.mail_link });
      location.href = mail;
    });
    const download = form.querySelector(".cutover-survey__download");
    if (!download) return;
    download.hidden = false;
    download.addEventListener("click", () => {
      const result = submission(form, data);
      result.date = new Date().toISOString().slice(0, 10);
      const file = `survey-${data.id}-${data.lang}.json`;
      const url = URL.createObjectURL(new Blob([JSON.stringify(result, null, 2) + "\n"], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = file;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setStatus(form, data.ui.downloaded.replace("{file}", () => file));
    });
  }

  function mountAll() {
    document.querySelectorAll(".cutover-feedback:not([data-cutover-mounted])").forEach(mountFeedback);
    document.querySelectorAll("form.cutover-survey:not([data-cutover-mounted])").forEach(mountSurvey);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();

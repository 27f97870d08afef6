/* Cutover phase clock: where the migration is today, computed in the reader's browser from the site's dates.
 * The build writes every page that shows it correct as of the build date (for readers without JavaScript and on
 * paper); this component replaces that with today's state on every page change (material's document$):
 *   - elements with data-phase-id="<id>" get data-state="past|current|future" (the timeline's stepper, the
 *     home page's "this week" blocks, the role manual's checklist groups);
 *   - elements with data-show-when="current" are shown only while their phase is current;
 *   - .cutover-phase-line holds the countdown and "we are in phase X" line, written from the page's strings.
 * Dates are ISO strings (YYYY-MM-DD) in the page's data, compared as strings: no time zones involved. */
(() => {
  "use strict";

  function readJson(element) {
    try { return element ? JSON.parse(element.textContent) : null; } catch (e) { return null; }
  }

  /** Today in the reader's time zone, as YYYY-MM-DD. */
  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function daysBetween(from, to) {
    const utc = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    return Math.round((utc(to) - utc(from)) / 86400000);
  }

  /** past, current or future for one phase: {start, end, ongoing} with ISO dates (end: the last day), as
   * generator/render/phases.py's state(). */
  function stateOf(phase, day) {
    if (!phase.start) return "unknown";
    if (day < phase.start) return "future";
    if (phase.ongoing || day <= (phase.end || phase.start)) return "current";
    return "past";
  }

  function plural(forms, count, lang) {
    let category = "other";
    try { category = new Intl.PluralRules(lang).select(count); } catch (e) { /* unknown language: other */ }
    return (forms[category] || forms.other || "").replace("{count}", () => String(count));
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  /** The phase line: countdown to (or since) the switch, then the phase we are in (as phases.py's line()). */
  function line(data, day, states) {
    const s = data.strings;
    const parts = [];
    const sw = data.switch;
    if (sw) {
      const days = daysBetween(day, sw.date);
      if (days > 0) parts.push(fill(plural(s.countdown, days, s.countdown.lang || data.lang), { date: sw.label }));
      else if (days === 0) parts.push(fill(s.switch_today, { date: sw.label }));
      else parts.push(fill(s.switch_done, { date: sw.label }));
    }
    const current = data.phases.filter((p) => states[p.id] === "current");
    if (current.length) {
      const names = current.map((p) => p.name);
      parts.push(fill(s.now, { phase: names.join(s.and) }));
    } else {
      const next = data.phases.find((p) => states[p.id] === "future");
      if (next) parts.push(fill(s.next, { phase: next.name, date: next.label }));
      else if (data.phases.length && data.phases.every((p) => states[p.id] === "past")) parts.push(s.done);
    }
    return parts.join(" ");
  }

  function apply() {
    const data = readJson(document.querySelector("script.cutover-phases-data"));
    if (!data || !Array.isArray(data.phases)) return;
    const day = today();
    const states = {};
    data.phases.forEach((p) => { states[p.id] = stateOf(p, day); });
    document.querySelectorAll("[data-phase-id]").forEach((el) => {
      const state = states[el.dataset.phaseId];
      if (!state) return;
      el.dataset.state = state;
      if (el.dataset.showWhen === "current") el.hidden = state !== "current";
      if (el.tagName === "DETAILS" && el.dataset.openWhen === "current") el.open = state === "current";
    });
    document.querySelectorAll(".cutover-phase-line").forEach((el) => {
      el.textContent = line(data, day, states);
      el.dataset.today = day;
    });
    document.dispatchEvent(new CustomEvent("cutover:phases", { detail: { today: day, states } }));
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(apply);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();

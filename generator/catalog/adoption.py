"""The adoption kit's single files: the day-one checklist (catalog/day-one.yaml), what readers will no longer have
(catalog/retired.yaml) and the champions' guide (catalog/champions.yaml): the models, the checks the schemas cannot
express (unknown roles, features, FAQs and phases, with suggestions, located), and what hiding removes.

Each file is optional; an organisation's own file replaces the kit's, as catalog/survey.yaml does.
"""

from __future__ import annotations

from generator.catalog import model as m
from generator.catalog.yamlio import Document
from generator.errors import Problem, did_you_mean

#: kind (schema name) -> the model attribute of :class:`~generator.catalog.model.Project`
FILES = {"day-one": "day_one", "retired": "retired", "champions": "champions"}
_FIXED = ("id", "text", "feature")


def build(kind: str, t: dict, source: str):
    if kind == "day-one":
        items = [m.DayOneItem(id=x["id"], text=x.get("text"), feature=x.get("feature"),
                              variants={k: v for k, v in x.items() if k not in _FIXED}) for x in t["items"]]
        return m.DayOne(items=items, intro=t.get("intro"), source=source)
    if kind == "retired":
        items = [m.RetiredItem(id=x["id"], roles=list(x["roles"]), gone=x["gone"], instead=x["instead"],
                               feature=x.get("feature")) for x in t["items"]]
        return m.Retired(items=items, intro=t.get("intro"), source=source)
    walker = t["floor_walker"]
    return m.Champions(intro=t["intro"], tasks={k: list(v) for k, v in t["tasks"].items()}, questions=list(t["questions"]),
                       escalation=list(t["escalation"]), slots=[(s["time"], s["text"]) for s in walker["slots"]],
                       script_intro=walker.get("intro"), source=source)


def check(project: m.Project, docs: dict[str, Document]) -> list[Problem]:
    problems: list[Problem] = []

    def unknown(doc: Document, path: tuple, kind: str, value: str, known) -> None:
        problems.append(doc.problem(path, f"unknown {kind} '{value}'", did_you_mean(value, known) or "check the id"))

    devices = {d.id for d in project.site.devices} | {"desktop", "mobile", "desk_phone", "web"}
    if project.day_one and (doc := docs.get(project.day_one.source)):
        seen: set[str] = set()
        for i, item in enumerate(project.day_one.items):
            if item.id in seen:
                problems.append(doc.problem(("items", i, "id"), f"duplicate item id '{item.id}'", "item ids must be unique"))
            seen.add(item.id)
            if item.feature and item.feature not in project.features:
                unknown(doc, ("items", i, "feature"), "feature", item.feature, project.features)
            for device in item.variants:
                if device not in devices:
                    unknown(doc, ("items", i, device), "device", device, devices)
            if item.text is None and not item.variants:
                problems.append(doc.problem(("items", i), f"item '{item.id}' has no task", "write text, or a task per device"))
    if project.retired and (doc := docs.get(project.retired.source)):
        for i, item in enumerate(project.retired.items):
            for j, role in enumerate(item.roles):
                if role != "all" and role not in project.roles:
                    unknown(doc, ("items", i, "roles", j), "role", role, project.roles)
            if item.feature and item.feature not in project.features:
                unknown(doc, ("items", i, "feature"), "feature", item.feature, project.features)
    if project.champions and (doc := docs.get(project.champions.source)):
        phases = [p.id for p in project.phases]
        own = not project.champions.source.startswith("kit:")  # the kit's phases an own timeline replaced: mapped below
        for phase in project.champions.tasks:
            if own and phase not in phases:
                unknown(doc, ("tasks", phase), "phase", phase, phases)
        for i, faq in enumerate(project.champions.questions):
            if faq not in project.faqs:
                unknown(doc, ("questions", i), "FAQ", faq, project.faqs)
    return problems


def prune(project: m.Project) -> None:
    """After hiding: items of hidden features and roles leave, links to hidden guides and FAQs go."""
    if project.day_one:
        project.day_one.items = [x for x in project.day_one.items if not x.feature or x.feature in project.features]
    if project.retired:
        for item in project.retired.items:
            item.roles = [r for r in item.roles if r == "all" or r in project.roles]
            if item.feature not in project.features:
                item.feature = None
        project.retired.items = [x for x in project.retired.items if x.roles]
    if project.champions:
        # A kit phase an organisation's timeline replaced: its tasks join the phase that replaced it; others go.
        target = {p.id: p.id for p in project.phases} | {old: p.id for p in project.phases for old in p.replaces}
        tasks: dict[str, list] = {}
        for phase, items in project.champions.tasks.items():
            if phase in target:
                tasks.setdefault(target[phase], []).extend(items)
        project.champions.tasks = tasks
        project.champions.questions = [f for f in project.champions.questions if f in project.faqs]


def devices_of(project: m.Project, role: m.Role) -> list[str]:
    """The devices a role works on: those of its features' steps, in the site's tab order."""
    used = {d for fid in role.features if fid in project.features for d in project.features[fid].platforms}
    order = [d.id for d in project.site.devices] or ["desktop", "mobile", "desk_phone", "web"]
    return [d for d in order if d in used] + sorted(used - set(order))

"""The organisation's own structure over the kit's: its phases and categories, and the kit content it takes.

* ``catalog/phases.yaml`` of the organisation replaces the kit's timeline. A phase of its own may say which kit
  phases it stands for (``replaces: [parallel, cutover]``): the kit's roles' tasks, FAQs and scenarios of those
  phases appear in it. A kit phase that is neither the organisation's nor replaced is gone: the kit content that
  belongs to it is one error in the organisation's phases file (never one per kit file it cannot edit), until the
  phase is replaced or hidden (``hide: {phases: [handover]}``: what belongs to it leaves the site).
* A category in the organisation's ``site.yaml`` may replace kit categories the same way; a category no guide
  uses is not shown, so it needs no translation.
* ``kit_content`` in site.yaml takes all of the kit's content (the default), none of it, or a list of kinds:
  the kinds not listed are hidden entirely, with every reference to them.
"""

from __future__ import annotations

from generator.catalog import model as m
from generator.catalog.yamlio import Document
from generator.errors import Problem, did_you_mean
from generator.org.kit import CONTENT_KINDS, is_kit_source


def effective_hide(hide: dict, chosen: set[str], project: m.Project, trees: dict[str, list[tuple[dict, str]]]) -> dict:
    """``hide`` as written, plus every kit item of a kind that ``kit_content`` does not take."""
    result = {key: list(value) if isinstance(value, list) else value for key, value in hide.items()}
    left_out = [kind for kind in CONTENT_KINDS if kind not in chosen]

    def add(key: str, ids: list[str]) -> None:
        result[key] = list(dict.fromkeys(list(result.get(key, [])) + ids))

    for kind in left_out:
        if kind in ("roles", "features", "quizzes", "scenarios"):
            add(kind, [i for i, item in getattr(project, kind).items() if is_kit_source(item.source)])
        elif kind == "faqs":
            add(kind, [f.id for f in project.faqs.values() if is_kit_source(f.source)])
        elif kind in ("glossary", "phases"):
            from_kit = trees["glossary" if kind == "glossary" else "phases"]
            if from_kit and is_kit_source(from_kit[0][1]):
                add(kind, [t.id for t in project.terms] if kind == "glossary" else [p.id for p in project.phases])
        elif kind == "survey" and project.survey and is_kit_source(project.survey.source):
            result["survey"] = True
        elif kind in ("surveys", "messages"):
            add(kind, [i for i, item in getattr(project, kind).items() if is_kit_source(item.source)])
        elif kind in ("day_one", "retired", "champions") and (item := getattr(project, kind)) and is_kit_source(item.source):
            result[kind] = True
    return result


def map_phases(project: m.Project, kit_phases: list[str], doc: Document | None, hide: dict,
               problems: list[Problem]) -> set[str]:
    """Move the kit's references to kit phases onto the organisation's phases that replace them.

    ``kit_phases``: the kit's timeline, when the organisation's own replaced it (else empty). Returns the kit phases
    that are gone from the timeline: kit content is not checked against them one reference at a time.
    """
    own = [p.id for p in project.phases]
    mapping = _replacements(doc, "phases", [(p.id, p.replaces) for p in project.phases], kit_phases, "phase",
                            "remove 'replaces', or use it in catalog/phases.yaml of a site that layers over a kit", problems)
    for role in project.roles.values():
        tasks: dict[str, list] = {}
        for phase_id, items in role.tasks.items():
            tasks.setdefault(mapping.get(phase_id, phase_id), []).extend(items)
        role.tasks = tasks
    for faq in project.faqs.values():
        faq.phases = list(dict.fromkeys(mapping.get(p, p) for p in faq.phases))
    for scenario in project.scenarios.values():
        scenario.phase = mapping.get(scenario.phase, scenario.phase)

    gone = set(kit_phases) - set(own) - set(mapping)
    hidden = {key: set(hide.get(key, [])) for key in ("roles", "faqs", "scenarios", "phases")}
    uses: dict[str, dict[str, int]] = {}

    def use(phase_id: str, what: str) -> None:
        if phase_id in gone and phase_id not in hidden["phases"]:
            counts = uses.setdefault(phase_id, {})
            counts[what] = counts.get(what, 0) + 1

    for role in project.roles.values():
        if is_kit_source(role.source) and role.id not in hidden["roles"]:
            for phase_id in role.tasks:
                use(phase_id, "role")
    for faq in project.faqs.values():
        if is_kit_source(faq.source) and faq.id not in hidden["faqs"]:
            for phase_id in faq.phases:
                use(phase_id, "FAQ")
    for scenario in project.scenarios.values():
        if is_kit_source(scenario.source) and scenario.id not in hidden["scenarios"]:
            use(scenario.phase, "scenario")
    for phase_id in (p for p in kit_phases if p in uses):
        if doc is None:
            continue
        counts = uses[phase_id]
        what = ", ".join(f"{n} {_noun(kind, n)}" for kind, n in sorted(counts.items(), key=lambda x: _ORDER.index(x[0])))
        problems.append(doc.problem(("phases",), f"the kit's phase '{phase_id}' is not in your timeline, but the kit's "
                                                  f"content uses it ({what})",
                                    f"add 'replaces: [{phase_id}]' to the phase of yours it belongs to, or leave that "
                                    f"content out with 'hide: {{phases: [{phase_id}]}}' in catalog/site.yaml"))
    return gone


_ORDER = ("scenario", "role", "FAQ")


def _noun(kind: str, count: int) -> str:
    if kind == "role":
        return "role's tasks" if count == 1 else "roles' tasks"
    return kind if count == 1 else kind + "s"


def map_categories(project: m.Project, kit_categories: list[str], site_doc: Document | None, problems: list[Problem]) -> None:
    """Kit guides in a kit category that one of the organisation's categories replaces are listed in it."""
    entries = [c for c in (site_doc.data.get("categories") or []) if isinstance(c, dict)] if site_doc is not None else []
    mapping = _replacements(site_doc, "categories", [(c.get("id"), c.get("replaces") or []) for c in entries],
                            kit_categories, "category", "remove 'replaces'", problems)
    for feature in project.features.values():
        feature.category = mapping.get(feature.category, feature.category)


def _replacements(doc: Document | None, key: str, items: list[tuple[str, list[str]]], kit_ids: list[str], noun: str,
                  without_kit: str, problems: list[Problem]) -> dict[str, str]:
    """Kit id -> the organisation's id that ``replaces`` it, from the ``key`` list of ``doc``; mistakes are located."""
    own = [item_id for item_id, _ in items]
    mapping: dict[str, str] = {}
    for i, (item_id, replaces) in enumerate(items):
        for j, kit_id in enumerate(replaces):
            at = (key, i, "replaces", j)
            if doc is None:
                continue
            if not kit_ids:
                problems.append(doc.problem(at, f"'replaces' names the kit's {key}, but this site layers over no kit's {key}", without_kit))
            elif kit_id not in kit_ids:
                problems.append(doc.problem(at, f"the kit has no {noun} '{kit_id}'",
                                            did_you_mean(kit_id, kit_ids) or f"the kit's {key}: {', '.join(kit_ids)}"))
            elif kit_id in own:
                problems.append(doc.problem(at, f"'{kit_id}' is one of your own {key} already",
                                            f"remove it here: the kit's {noun} of that id is yours"))
            elif kit_id in mapping:
                problems.append(doc.problem(at, f"the kit's {noun} '{kit_id}' is already replaced by '{mapping[kit_id]}'",
                                            f"a kit {noun} goes into one of yours: remove it here or there"))
            else:
                mapping[kit_id] = item_id
    return mapping


def drop_unused_categories(project: m.Project) -> None:
    """Categories no shown guide uses appear nowhere, so they need no translation either."""
    used = {f.category for f in project.features.values()}
    project.site.categories = [c for c in project.site.categories if c.id in used]

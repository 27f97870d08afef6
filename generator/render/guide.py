"""One guide per feature: summary, steps per platform, before/after, tips, troubleshooting."""

from __future__ import annotations

from generator.catalog.model import Feature, Project
from generator.render import escape
from generator.render.common import GUIDES_INDEX, Page, admonition, feature_link, guide_path, heading, role_links, steps_markdown, synonyms
from generator.render.illustrations import illustration
from generator.render.localize import Localizer
from generator.render.role import device_choice
from generator.strings.collation import sorted_by


def render_guide(project: Project, feature: Feature, loc: Localizer) -> Page:
    path = guide_path(feature.id)
    body: list[str] = [escape.md_block(loc.text(feature.summary)), ""]
    if feature.illustration:
        body += [illustration(feature.illustration, loc, "cutover-illustration--guide"), ""]
    facts = [f"**{loc.ui('guide.category')}:** {escape.md_inline(loc.text(_category(project, feature)))}"]
    if feature.minutes:
        facts.append(f"**{loc.ui('guide.time')}:** {loc.ui('guide.minutes', count=feature.minutes)}")
    users = [r for r in project.roles.values() if feature.id in r.features]
    if users:
        facts.append(f"**{loc.ui('guide.for_roles')}:** " + role_links(project, [r.id for r in users], path, loc))
    body += [" · ".join(facts) + ' { .cutover-facts data-search-exclude="" }', ""]  # search shows the summary, not these
    if feature.prerequisites:
        body += [f'!!! info "{escape.md_title(loc.ui("guide.prerequisites"))}"', "",
                 f"    {loc.ui('guide.prerequisites_text')} " + ", ".join(
                     feature_link(project, p, path, loc) for p in feature.prerequisites), ""]
    body += [heading(2, loc.ui("guide.steps"), "steps"), ""]
    if feature.has_platform_steps:
        body += [device_choice(project, loc), ""]
    body += steps_markdown(feature, loc, path, pictures=True)
    if feature.result:
        body += admonition("success", loc.ui("guide.expected_result"), loc.text(feature.result))
    if feature.before and feature.after:
        body += [heading(2, loc.ui("guide.before_after"), "before-and-after"), ""]
        body += admonition("note", loc.ui("role.before"), loc.text(feature.before))
        body += admonition("tip", loc.ui("role.now"), loc.text(feature.after))
    if feature.tips:
        body += [heading(2, loc.ui("guide.tips"), "tips"), ""]
        for tip in feature.tips:
            body += admonition("tip", loc.ui("guide.tip"), loc.text(tip))
    if feature.warnings:
        body += [heading(2, loc.ui("guide.warnings"), "warnings"), ""]
        for warning in feature.warnings:
            body += admonition("warning", loc.ui("guide.warning"), loc.text(warning))
    if feature.troubleshooting:
        body += [heading(2, loc.ui("guide.troubleshooting"), "troubleshooting"), ""]
        for item in feature.troubleshooting:
            body += admonition("question", loc.text(item.problem), loc.text(item.solution), collapsible=True)
    faqs = [project.faqs[f] for f in feature.faqs if f in project.faqs]
    if faqs:
        body += [heading(2, loc.ui("guide.faq"), "faq"), ""]
        for faq in faqs:
            body += admonition("question", loc.text(faq.question), loc.text(faq.answer), collapsible=True)
    if feature.related:
        body += [heading(2, loc.ui("guide.related"), "related"), ""]
        body += [f"- {feature_link(project, r, path, loc)}: {escape.md_inline(loc.text(project.features[r].summary))}"
                 for r in feature.related if r in project.features] + [""]
    return Page(path, loc.text(feature.title), body, feature.source, tags=synonyms([feature.synonyms], loc))


def _category(project: Project, feature: Feature):
    return next(c.name for c in project.site.categories if c.id == feature.category)


def render_guides_index(project: Project, loc: Localizer) -> Page:
    body = [escape.md_block(loc.ui("guide.index_intro")), ""]
    for category in project.site.categories:
        features = [f for f in project.features.values() if f.category == category.id]
        if not features:
            continue
        body += [heading(2, loc.text(category.name), f"category-{category.id}"), ""]
        body += [f"- {feature_link(project, f.id, GUIDES_INDEX, loc)}: {escape.md_inline(loc.text(f.summary))}"
                 for f in sorted_by(features, loc.lang, lambda f: loc.text(f.title))] + [""]
    return Page(GUIDES_INDEX, loc.ui("guide.index_title"), body, project.site.source)


"""The home page: choose your role, the migration at a glance, the quizzes."""

from __future__ import annotations

from generator.catalog.model import Project
from generator.render import escape
from generator.render.common import HOME, QUIZZES_INDEX, TIMELINE, Page, heading, link, role_path
from generator.render.localize import Localizer


def render_home(project: Project, loc: Localizer) -> Page:
    site = project.site
    title = loc.text(site.home_title) if site.home_title else loc.ui("home.title")
    intro = loc.text(site.home_intro) if site.home_intro else loc.ui("home.intro")
    body = [escape.md_block(intro), "", heading(2, loc.ui("home.choose_role"), "roles"), "",
            '<div class="grid cards" markdown>', ""]
    for role in project.roles.values():
        body += [f"-   **[{escape.md_inline(loc.text(role.name))}]({link(HOME, role_path(role.id))})**", "",
                 "    ---", "", f"    {escape.md_inline(loc.text(role.audience))}", ""]
    body += ["</div>", "", heading(2, loc.ui("home.timeline"), "timeline"), ""]
    for number, phase in enumerate(project.phases, 1):
        body.append(f"{number}. **[{escape.md_inline(loc.text(phase.name))}]({link(HOME, TIMELINE, 'phase-' + phase.id)})**: "
                    f"{escape.md_inline(loc.text(phase.summary))}")
    body += ["", f"[{loc.ui('home.timeline_link')}]({link(HOME, TIMELINE)})", ""]
    if project.quizzes:
        body += [heading(2, loc.ui("home.quizzes"), "quizzes"), "",
                 f"{loc.ui('home.quizzes_text')} [{loc.ui('nav.quizzes')}]({link(HOME, QUIZZES_INDEX)})", ""]
    return Page(HOME, title, body, site.source)

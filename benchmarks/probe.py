"""Steps the benchmark runs in a fresh Python process, so each is timed without warm caches.

    python benchmarks/probe.py generate PROJECT STAGING   # load + render + stage with the library; prints JSON
    python benchmarks/probe.py plain PROJECT DIR          # DIR/docs + DIR/mkdocs.yml: the same site without cutover
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def generate(project: Path, staging: Path) -> dict:
    """The generator alone, through the library (no MkDocs): what cutover adds before MkDocs starts."""
    from generator.catalog.load import Layout, load_project
    from generator.site.stage import stage

    wall, cpu = time.perf_counter(), time.process_time()
    loaded = load_project(project)
    load_s = time.perf_counter() - wall
    result = stage(loaded.project, Layout(project), staging)
    return {"generator_s": time.perf_counter() - wall, "generator_cpu_s": time.process_time() - cpu, "load_s": load_s,
            "stage_s": time.perf_counter() - wall - load_s, "staged_files": len(result.written),
            "staged_pages": sum(1 for rel in result.written if rel.endswith(".md"))}


def plain(project: Path, target: Path) -> dict:
    """The staged Markdown and an mkdocs.yml with the same theme (without cutover's overrides), navigation, extensions, assets and effective
    static-i18n settings as the cutover build, without the cutover plugin."""
    import yaml
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    from generator.catalog.markup import plain as plain_text
    from generator.render.localize import Localizer

    config = load_config(config_file=str(project / "mkdocs.yml"))
    plugin = config.plugins["cutover"]
    plugin.config["staging_dir"] = str(target / "docs")
    plugin.on_config(config)
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        raw = yaml_load(file)
    loc = Localizer(plugin.project, plugin.project.site.default_language)
    categories = {c.id: plain_text(loc.text(c.name)) for c in plugin.project.site.categories}

    def titled(items):
        out = []
        for item in items:
            if isinstance(item, dict):
                (key, children), = item.items()
                if key.startswith("cutover:category:"):
                    key = categories[key.split(":", 2)[2]]
                elif key.startswith("cutover:"):
                    key = loc.ui("nav." + key.split(":", 1)[1])
                out.append({key: titled(children)})
            else:
                out.append(item)
        return out

    # material's templates as they ship: cutover's overrides (generator/site/theme) call the plugin's template
    # functions, so what they add to a page counts as cutover's overhead.
    theme = dict(raw["theme"])
    plugins = []
    for item in raw.get("plugins", []):
        name = next(iter(item)) if isinstance(item, dict) else item
        if name == "cutover":
            continue
        if name == "i18n":
            i18n = dict(item["i18n"])
            i18n["reconfigure_search"] = config.plugins["i18n"].config.reconfigure_search
            i18n["build_only_locale"] = None
            item = {"i18n": i18n}
        plugins.append(item)
    out = {key: value for key, value in raw.items() if key not in ("plugins", "theme", "docs_dir", "nav", "markdown_extensions")}
    out.update(docs_dir=str(target / "docs"), theme=theme, plugins=plugins, nav=titled(config.nav),
               markdown_extensions=[{name: config.mdx_configs.get(name, {})} for name in config.markdown_extensions],
               extra_css=[str(c) for c in config.extra_css], extra_javascript=[str(j) for j in config.extra_javascript])
    (target / "mkdocs.yml").write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False), "utf-8")
    return {"plain_config": str(target / "mkdocs.yml")}


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    result = {"generate": generate, "plain": plain}[command](*map(Path, args))
    print(json.dumps(result))

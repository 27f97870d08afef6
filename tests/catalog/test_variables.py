import datetime

from generator.catalog.variables import substitute

VARS = {"name": {"*": "NewTel"}, "hours": {"en": "weekdays", "de": "werktags"}, "day": {"*": datetime.date(2027, 3, 10)}}


def test_known_names_are_replaced_per_language():
    assert substitute("{{ name }} {{hours}}", VARS, "de", "en") == "NewTel werktags"
    assert substitute("{{ hours }}", VARS, "sv", "en") == "weekdays"  # falls back to the default language


def test_dates_are_written_out_in_each_language():
    assert substitute("{{ day }}", VARS, "en", "en") == "March 10, 2027"
    assert substitute("{{ day }}", VARS, "de", "en") == "10. März 2027"
    assert substitute("{{ day }}", VARS, "es", "en") == "10 de marzo de 2027"
    assert substitute("{{ day }}", VARS, "sv", "en") == "10 mars 2027"


def test_template_syntax_stays_literal():
    text = "{{ 7*7 }} {% if x %} \\{{ name }}"
    assert substitute(text, VARS, "en", "en") == "{{ 7*7 }} {% if x %} {{ name }}"


def test_markdown_values_stay_literal_outside_code():
    codes = {"park": {"*": "*68"}, "mail": {"*": "first_last@example.org"}}
    text = substitute("**Dial {{ park }}**, or `{{ park }}`, [mail](mailto:{{ mail }})", codes, "en", "en", markdown=True)
    assert text == "**Dial \\*68**, or `*68`, [mail](mailto:first\\_last@example.org)"
    import markdown
    html = markdown.markdown(text)
    assert "<strong>Dial *68</strong>" in html and "<code>*68</code>" in html and 'href="mailto:first_last@example.org"' in html


# Grammatical forms: {{ name.form }} picks a form the text's language gives the variable (issue 18's last point).

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from generator.catalog.load import load_project  # noqa: E402
from generator.catalog.variables import Inflected  # noqa: E402
from generator.errors import CutoverError, Severity, errors_only  # noqa: E402
from generator.site.stage import plan  # noqa: E402
from generator.catalog.load import Layout  # noqa: E402

from support import edit, make_org  # noqa: E402

GERMAN_FORMS = """  org_name:
    forms:
      nom: die Fixture Ltd
      dat: der Fixture Ltd
      gen: der Fixture Ltd
"""


def _with_german_forms(project: Path) -> None:
    edit(project / "catalog/site.de.yaml", "variables:\n", "variables:\n" + GERMAN_FORMS)


def test_a_form_is_filled_in_its_language_and_the_plain_value_stays(project: Path):
    _with_german_forms(project)
    edit(project / "docs/de/about.md", "{{ org_name }} wechselt", "Bei {{ org_name.dat }} wechselt {{ org_name }}")
    loaded = load_project(project)
    value = loaded.project.site.variables["org_name"]["de"]
    assert value == "Fixture Ltd" and value.forms["dat"] == "der Fixture Ltd"
    files, _ = plan(loaded.project, Layout(project))
    assert "Bei der Fixture Ltd wechselt Fixture Ltd am" in files["de/about.md"].decode()


def test_substitute_picks_the_form_of_the_language():
    values = {"org": {"en": "Acme", "de": Inflected("Acme", {"dat": "der Acme"})}}
    assert substitute("bei {{ org.dat }}, {{ org }}", values, "de", "en") == "bei der Acme, Acme"
    assert substitute("at {{ org.dat }}", values, "en", "en") == "at Acme"  # English has no such form: the plain value


def test_a_form_the_language_lacks_is_an_error_naming_the_forms_it_has(project: Path):
    _with_german_forms(project)
    edit(project / "catalog/features/hold.de.yaml", "Drücken Sie **Halten**.", "Drücken Sie bei {{ org_name.akk }} **Halten**.")
    with pytest.raises(CutoverError) as info:
        load_project(project)
    found = errors_only(info.value.problems)
    assert len(found) == 1, info.value.report()
    p = found[0]
    assert (p.path, p.line, p.col) == ("catalog/features/hold.de.yaml", 5, 3)
    assert "no form 'akk' in de" in p.message and p.hint == "its forms in de: dat, gen, nom"


def test_a_language_without_forms_gets_the_plain_value_and_a_warning(project: Path):
    edit(project / "docs/de/about.md", "{{ org_name }} wechselt", "Bei {{ org_name.dat }} wechselt")
    edit(project / "catalog/features/hold.es.yaml", "Pulse **Espera**.", "Pulse **Espera** en {{ org_name.a }}.")
    loaded = load_project(project)
    [warning] = loaded.warnings
    assert warning.path == "catalog/features/hold.es.yaml" and warning.severity is Severity.WARNING
    assert "no form 'a' in es" in warning.message and "catalog/site.es.yaml" in warning.hint
    files, staged = plan(loaded.project, Layout(project))
    assert "Bei Fixture Ltd wechselt" in files["de/about.md"].decode()
    [page] = [w for w in staged.warnings if w.path == "docs/de/about.md"]
    assert (page.line, page.col) == (3, 5) and "catalog/site.de.yaml" in page.hint


def test_a_form_on_a_hand_written_page_is_checked_in_the_page_language(project: Path):
    _with_german_forms(project)
    edit(project / "docs/de/about.md", "{{ org_name }} wechselt", "{{ org_name.dativ }} wechselt")
    with pytest.raises(CutoverError) as info:
        plan(load_project(project).project, Layout(project))
    [p] = info.value.problems
    assert (p.path, p.line, p.col) == ("docs/de/about.md", 3, 1) and p.hint == "its forms in de: dat, gen, nom"


def test_a_misspelt_forms_key_is_a_located_schema_error(project: Path):
    edit(project / "catalog/site.de.yaml", "variables:\n", "variables:\n  org_name:\n    froms:\n      dat: der Fixture Ltd\n")
    with pytest.raises(CutoverError) as info:
        load_project(project)
    [p] = errors_only(info.value.problems)
    assert (p.path, p.line) == ("catalog/site.de.yaml", 6) and "unknown key 'froms'" in p.message and "forms" in p.hint


def test_the_source_may_give_forms_too(project: Path):
    edit(project / "catalog/site.yaml", "  org_name: Fixture Ltd\n",
         "  org_name:\n    value: Fixture Ltd\n    forms:\n      possessive: Fixture Ltd's\n")
    edit(project / "docs/en/about.md", "# ", "{{ org_name.possessive }} page\n\n# ")
    loaded = load_project(project)
    assert loaded.project.site.variables["org_name"]["en"].forms == {"possessive": "Fixture Ltd's"}
    files, _ = plan(loaded.project, Layout(project))
    assert "Fixture Ltd's page" in files["en/about.md"].decode()


def test_an_organisation_that_renames_itself_does_not_inherit_the_kits_forms(project: Path, tmp_path: Path):
    _with_german_forms(project)
    org = make_org(tmp_path / "org", project, site="variables:\n  org_name: Acme\n")
    edit(project / "docs/de/about.md", "{{ org_name }} wechselt", "Bei {{ org_name.dat }} wechselt")
    (org / "docs" / "de").mkdir(parents=True)
    (org / "docs" / "de" / "about.md").write_text("# Über\n\nBei {{ org_name.dat }} arbeiten.\n", "utf-8")
    loaded = load_project(org)
    assert loaded.project.site.variables["org_name"].get("de", "Acme") == "Acme"
    files, staged = plan(loaded.project, Layout(org))
    assert "Bei Acme arbeiten." in files["de/about.md"].decode()
    assert any("no form 'dat' in de" in w.message for w in staged.warnings)

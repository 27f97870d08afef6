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

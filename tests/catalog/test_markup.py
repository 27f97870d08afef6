from generator.catalog import markup


def test_raw_html_becomes_text():
    out = markup.block('Hi <script>alert(1)</script> <img src=x onerror="y">')
    assert "<script" not in out and "<img" not in out and "&lt;script>" in out


def test_script_links_are_disarmed_but_safe_links_kept():
    out = markup.block("[a](javascript:alert(1)) [b](JaVa&#115;cript:x) [c](https://ok.example) [d](mailto:x@y.z) [e](../guides/x.md)")
    assert "javascript" not in out.lower() and "&#115;cript" not in out
    assert "(https://ok.example)" in out and "(mailto:x@y.z)" in out and "(../guides/x.md)" in out


def test_attribute_lists_cannot_be_injected():
    assert "{:" not in markup.block('Text {: onclick="x" }')


def test_code_spans_show_their_content_literally():
    out = markup.block("Type `<extension>` then **OK**")
    assert out == "Type <code>&#60;extension&#62;</code> then **OK**"  # an element Markdown cannot re-pair
    assert markup.block("```\n<extension>\n```") == "```\n<extension>\n```"  # fences stay Markdown


def test_inline_and_cells_stay_on_one_line():
    assert markup.inline("a\nb") == "a b"
    assert markup.cell("a | b") == "a \\| b"

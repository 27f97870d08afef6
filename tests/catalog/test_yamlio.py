from pathlib import Path

import pytest

from generator.catalog.yamlio import MAX_FILE_BYTES, YamlFileError, parse_yaml, read_yaml


def parse(text: str):
    return parse_yaml(text, Path("x.yaml"), "x.yaml")


def problem_of(text: str):
    with pytest.raises(YamlFileError) as info:
        parse(text)
    return info.value.problem


def test_positions_point_at_keys_and_items():
    doc = parse("id: a\nsteps:\n  - text: one\n  - text: two\n")
    assert doc.data == {"id": "a", "steps": [{"text": "one"}, {"text": "two"}]}
    assert doc.where(("steps", 1, "text")) == (4, 5)
    assert doc.where(("steps", 1, "missing")) == (4, 5)  # falls back to the nearest parent


def test_duplicate_key_names_both_lines():
    p = problem_of("title: A\nsummary: s\ntitle: B\n")
    assert (p.line, p.col) == (3, 1)
    assert "duplicate key 'title'" in p.message and "line 1" in p.message


def test_aliases_are_refused():
    p = problem_of("a: &x [1, 2]\nb: *x\n")
    assert p.line == 2 and "aliases" in p.message


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    assert "aliases" in problem_of(bomb).message


def test_tab_indentation_is_located():
    p = problem_of("steps:\n\t- text: x\n")
    assert (p.line, p.col) == (2, 1) and "tab" in p.message


def test_syntax_error_has_line():
    p = problem_of("title: [unclosed\nsummary: x\n")
    assert p.line >= 1 and p.message.startswith("invalid YAML")


def test_bom_and_encoding_and_size(tmp_path: Path):
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfid: a\ntitle: b\n")
    doc = read_yaml(bom, bom.name)  # a byte-order mark is accepted and dropped: positions are the text's
    assert doc.data == {"id": "a", "title": "b"} and doc.where(("title",)) == (2, 1)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("id: a\ntitle: caf\xe9\n".encode("latin-1"))
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES + 1))
    for path, words in ((latin, "UTF-8"), (huge, "bytes")):
        with pytest.raises(YamlFileError) as info:
            read_yaml(path, path.name)
        assert words in info.value.problem.message
    with pytest.raises(YamlFileError) as info:
        read_yaml(latin, "latin.yaml")
    assert info.value.problem.line == 2


def test_dates_and_bool_keys_are_typed():
    doc = parse("when: 2027-03-10\ntrue: x\n")
    assert str(doc.data["when"]) == "2027-03-10"
    assert "true" in doc.data


def test_reading_keeps_nothing_alive():
    """`cutover serve` re-reads every file on each rebuild: nothing may pile up between reads."""
    from generator.catalog import yamlio

    for _ in range(3):
        parse("id: a\nsteps:\n  - text: one\n")
    assert yamlio._scalar_constructor.constructed_objects == {}

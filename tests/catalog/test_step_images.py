"""Pictures on steps: alt text in every language, the file there and not oversized — each at file:line; the
built site shows the optimised picture per language."""

import subprocess
import sys
from pathlib import Path

from PIL import Image

from generator.site.images import optimise

from support import edit, load_problems

STEP = "  - text: Speak.\n"


def _picture(project: Path, name: str = "images/call.png", size=(2400, 1200)) -> None:
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (40, 80, 160)).save(project / name)


def _with_image(project: Path, image: str) -> None:
    edit(project / "catalog/features/dial.yaml", STEP, STEP + "    images:\n" + image)


def _translate(project: Path, lang: str, alt: str) -> None:
    path = project / f"catalog/features/dial.{lang}.yaml"
    text = path.read_text("utf-8")
    lines = text.split("\n")
    # the second step of the translation gets the picture's alt text
    index = [i for i, line in enumerate(lines) if line.startswith("- ")][1]
    lines.insert(index + 1, f"  images:\n  - alt: {alt}")
    path.write_text("\n".join(lines), "utf-8")


def test_a_picture_without_alt_text_fails_check_at_its_line(project: Path):
    _picture(project)
    _with_image(project, "      - src: images/call.png\n")
    run = subprocess.run([sys.executable, "-m", "generator.cli", "check", "-p", str(project)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "catalog/features/dial.yaml:12:9: error:" in run.stdout + run.stderr and "alt" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_alt_text_missing_in_a_language_a_missing_file_and_an_oversized_picture(project: Path):
    (project / "images").mkdir()
    (project / "images/huge.png").write_bytes(b"\x89PNG" + b"0" * (3 * 1024 * 1024))
    _with_image(project, "      - src: images/nothere.png\n        alt: The call button.\n"
                         "      - src: images/huge.png\n        alt: A huge picture.\n")
    for lang in ("de", "es"):
        _translate(project, lang, "Bild")
    problems = load_problems(project)
    assert any(p.startswith("catalog/features/dial.yaml:12:9: error: the picture 'images/nothere.png' does not exist") for p in problems), problems
    assert any(p.startswith("catalog/features/dial.yaml:14:9: error: the picture 'images/huge.png' is too large (3.0 MB") for p in problems), problems
    assert any(p.startswith("catalog/features/dial.yaml:13:9: error: the picture has no alt text in sv") for p in problems), problems


def test_pictures_are_resized_compressed_and_cached(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CUTOVER_CACHE", str(tmp_path / "cache"))
    _picture(tmp_path)
    data = (tmp_path / "images/call.png").read_bytes()
    out = optimise(data, ".png")
    import io
    assert Image.open(io.BytesIO(out)).size == (1600, 800) and len(out) <= len(data)
    assert len(list((tmp_path / "cache/images").iterdir())) == 1 and optimise(data, ".png") == out


def test_the_built_page_shows_the_picture_with_its_alt_text(project: Path, tmp_path: Path):
    _picture(project)
    _with_image(project, "      - src: images/call.png\n        alt: The call button.\n")
    for lang in ("de", "es", "sv"):
        _translate(project, lang, {"de": "Die Anruftaste.", "es": "El botón de llamada.", "sv": "Samtalsknappen."}[lang])
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    page = (out / "de/guides/dial/index.html").read_text("utf-8")
    assert 'alt="Die Anruftaste."' in page and 'class="cutover-step-image"' in page
    src = page.split('alt="Die Anruftaste."')[0].rsplit("<img", 1)[1] + page.split('alt="Die Anruftaste."')[1].split(">", 1)[0]
    name = src.split('src="')[1].split('"')[0]
    with Image.open((out / "de/guides/dial" / name).resolve()) as shown:
        assert shown.width == 1600

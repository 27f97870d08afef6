"""The quiz runtime, written as small modules in ``assets/quiz/``, staged as one script and one stylesheet.

Every page loads the runtime, so it travels as one file of each kind (two requests, one gzip dictionary),
like material's own bundle. The modules share one function scope, wrapped here; their order is the order of
dependence. The bundle is minified (rjsmin, rcssmin: comments and white space only, names stay readable)
to keep the runtime within its size budget (tests/site/test_quiz_assets.py).
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

QUIZ_DIR = Path(__file__).parent / "assets" / "quiz"

#: Script modules in load order: helpers first, the mounting last.
SCRIPTS = ("core.js", "store.js", "grade.js", "code.js", "types/choice.js", "types/ordering.js", "types/matching.js",
           "question.js", "result.js", "page.js", "presenter.js", "trainer.js", "progress.js", "results.js", "boot.js")
STYLES = ("question.css", "result.css", "presenter.css", "pages.css")  # the worksheet (static markup) is styled by print.css

def quiz_script() -> bytes:
    source = "\n".join((QUIZ_DIR / name).read_text("utf-8") for name in SCRIPTS)
    return (rjsmin.jsmin('(() => {\n"use strict";\n' + source + "\n})();") + "\n").encode("utf-8")


def quiz_styles() -> bytes:
    return (rcssmin.cssmin("\n".join((QUIZ_DIR / name).read_text("utf-8") for name in STYLES)) + "\n").encode("utf-8")


def bundles() -> dict[str, bytes]:
    """The staged file name and content of each bundle."""
    return {"quiz.js": quiz_script(), "quiz.css": quiz_styles()}

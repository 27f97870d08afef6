"""Ships the default kit (catalog/, quizzes/, docs/) inside the package as generator/kits/default/.

Everything else is configured in pyproject.toml; this hook only exists because package data must live inside
the package, and the kit lives at the repository root where writers edit it.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

KIT_PARTS = ("catalog", "quizzes", "docs", "i18n")  # as generator.kit.KIT_PARTS (the package is not importable here)


class build_py_with_kit(build_py):
    def run(self):
        super().run()
        root = Path(__file__).parent
        target = Path(self.build_lib) / "generator" / "kits" / "default"
        shutil.rmtree(target, ignore_errors=True)
        for part in KIT_PARTS:
            shutil.copytree(root / part, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": build_py_with_kit})

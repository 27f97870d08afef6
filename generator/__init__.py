"""Cutover: role and feature definitions in, a multilingual training site out.

The folders are the pipeline: ``catalog`` (definitions → validated model) → ``render`` (model → Markdown per
language) → ``site`` (staging, assets, theme, the built site; ``site.mkdocs`` is the only code that imports
MkDocs); beside it ``publish``, ``export``, ``authoring``, ``org`` and ``verify``; ``cli`` is the ``cutover``
command. ARCHITECTURE.md has the map.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent

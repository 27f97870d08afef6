"""Cutover: role and feature definitions in, a multilingual training site out.

The folders are the pipeline: ``catalog`` (definitions → validated model) → ``render`` (model → Markdown per
language) → ``site`` (staging, assets, theme, the built site; ``site.mkdocs`` is the only code that imports
MkDocs); beside it ``publish``, ``export``, ``authoring``, ``org`` and ``verify``; ``cli`` is the ``cutover``
command. ARCHITECTURE.md has the map.
"""

from importlib import metadata
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
#: The distribution that installs this package (``pip install cutover-kb``): the package index's ``cutover`` is an
#: unrelated project. The command stays ``cutover`` and the import package ``generator``.
DISTRIBUTION = "cutover-kb"


def version() -> str:
    """The installed version of Cutover; "0" when running from a source tree that was never installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0"

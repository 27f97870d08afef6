"""Cutover: role and feature definitions in, a multilingual training site out.

The pipeline is load (``load``) → validate (``schema``, ``references``) →
model (``model``) → render (``render``) → stage (``stage``); ``mkdocs_plugin``
is the thin adapter to MkDocs and ``cli`` the ``cutover`` command.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent

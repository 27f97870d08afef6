"""``python -m generator.verify``: can a browser start here? (scripts/test asks before the browser tests.)

Exit 0 and the browser's name, or 3 and how to install one.
"""

import sys

from generator.verify.browser import INSTALL_HINT, BrowserUnavailable, probe

try:
    print(f"browser: {probe()}", file=sys.stderr)
except BrowserUnavailable as exc:
    print(f"Error: no browser could be started ({exc}).\nTo fix: {INSTALL_HINT}.", file=sys.stderr)
    sys.exit(3)

"""``cutover verify``: prove that a built site works, in a real browser.

Static checks read every HTML file (links, anchors, language switchers, external resources); browser checks
serve the site on loopback and drive Chromium with Playwright (page loads, requests, console, quizzes,
search, accessibility). Each check reports failures that name the page, the link or element, and the reason.
"""

from generator.verify.report import Check, Failure, Report
from generator.verify.run import VerifyOptions, verify

__all__ = ["Check", "Failure", "Report", "VerifyOptions", "verify"]

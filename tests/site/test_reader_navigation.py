"""The default navigation is the readers': trainers' and coordinators' pages sit in one "For trainers" section."""

from generator.catalog.load import load_project
from generator.render.common import RESULTS, TRAINERS_INDEX, key_path
from generator.render.status import STATUS_PATH
from generator.site.navigation import default_nav

from support import REPO


def test_trainer_pages_are_out_of_the_readers_navigation():
    project = load_project(REPO).project
    nav = default_nav(project, ["contact.md", "trainer-guide.md", "welcome.md"], ["trainer-guide.md"])
    top = [item if isinstance(item, str) else next(iter(item)) for item in nav]
    assert "trainer-guide.md" not in top and STATUS_PATH not in top
    quizzes = next(item["cutover:quizzes"] for item in nav if isinstance(item, dict) and "cutover:quizzes" in item)
    assert all(isinstance(entry, str) and not entry.startswith("quizzes/keys/") for entry in quizzes)
    assert top[-1] == "cutover:trainers"
    trainers = nav[-1]["cutover:trainers"]
    assert trainers[0] == TRAINERS_INDEX and "trainer-guide.md" in trainers and RESULTS in trainers and STATUS_PATH in trainers
    assert all(key_path(q) in trainers for q in project.quizzes)

"""The validated, language-complete model that renderers read.

Every human-readable field is a :class:`Text` holding all languages at once;
renderers pick one language through a :class:`~generator.render.localize.Localizer`.
Nothing here knows about files, YAML or MkDocs.
"""

from __future__ import annotations

import datetime
from pathlib import Path
import enum
from dataclasses import dataclass, field
from typing import Any


class QuestionType(str, enum.Enum):
    SINGLE = "single"  #: exactly one correct option
    MULTIPLE = "multiple"  #: one or more correct options, partial credit
    TRUE_FALSE = "true_false"  #: a statement that is true or false
    ORDERING = "ordering"  #: items to put in the correct order
    MATCHING = "matching"  #: left items each paired with a right item


#: The prefix of a quiz question's ``learn_more`` that points to a scenario page instead of a guide.
SCENARIO_LINK = "scenario:"

#: Sections of a guide page that ``learn_more`` may point at (stable anchors).
GUIDE_SECTIONS = ("steps", "before-and-after", "tips", "warnings", "troubleshooting", "faq", "related")


def guide_sections(feature: "Feature") -> list[str]:
    """The anchors a feature's guide page actually has."""
    present = {"steps": True, "before-and-after": bool(feature.before), "tips": bool(feature.tips),
               "warnings": bool(feature.warnings), "troubleshooting": bool(feature.troubleshooting),
               "faq": bool(feature.faqs), "related": bool(feature.related)}
    return [name for name in GUIDE_SECTIONS if present[name]]


@dataclass(frozen=True)
class Origin:
    path: str
    line: int
    col: int
    text_line: int = 0  #: where the text itself starts (a ``|`` block starts below its key); 0: on ``line``


@dataclass
class Text:
    """One translatable string in every language it exists in."""

    key: str  #: stable key, e.g. ``features/hold.yaml:steps[2].desktop``
    values: dict[str, str]
    origins: dict[str, Origin] = field(default_factory=dict)

    @property
    def field(self) -> str:
        """The field path of the key (``steps[2].desktop``); a kit's file name has a colon of its own (``kit:default/…``)."""
        return self.key.rpartition(":")[2]


@dataclass
class Category:
    id: str
    name: Text
    replaces: list[str] = field(default_factory=list)  #: kit category ids this one stands for (an organisation's)


@dataclass
class Device:
    """Where a step is carried out; each becomes a tab, with its name and icon (see :mod:`generator.catalog.devices`)."""

    id: str  #: the key steps use: ``desktop``, ``desk_phone``, ``dect``
    name: Text | None  #: None: a built-in device's name from the interface strings (``platform.<id>``)
    icon: str  #: an icon of the theme's sets, ``material/deskphone``
    default: bool = False  #: a tab on every guide whose steps differ by device, showing the shared steps
    replaces: list[str] = field(default_factory=list)  #: devices whose steps this one's tab shows


@dataclass
class Site:
    languages: list[str]
    categories: list[Category]
    variables: dict[str, dict[str, object]]  #: name -> language -> value ("*" for all languages)
    home_title: Text | None = None
    home_intro: Text | None = None
    source: str = ""
    feedback: "Feedback | None" = None  #: where readers' feedback goes (None: the defaults of :mod:`generator.render.feedback`)
    facts: dict[str, object] = field(default_factory=dict)  #: what conditions test (see :mod:`generator.catalog.conditions`)
    branding: "Branding | None" = None  #: logo, favicon, colours, footer (see :mod:`generator.org.branding`)
    kit: str | None = None  #: the kit this site layers over (see :mod:`generator.org.kit`)
    html: "HtmlSettings | None" = None  #: a widened HTML allow-list for hand-written pages (see :mod:`generator.catalog.allowlist`)
    devices: list[Device] = field(default_factory=list)  #: in tab order (see :mod:`generator.catalog.devices`)
    source_links: bool = False  #: the repository link and edit pencils on the published site too, not only in the preview

    def device(self, device_id: str) -> Device:
        return next((d for d in self.devices if d.id == device_id), None) or Device(device_id, None, "material/devices")

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass
class Branding:
    """The ``branding`` section of catalog/site.yaml; image paths are relative to the project folder."""

    logo: str | None = None
    favicon: str | None = None
    primary: str | None = None
    accent: str | None = None
    footer: Text | None = None


@dataclass
class HtmlSettings:
    """The ``html`` section of catalog/site.yaml: what hand-written pages may contain beyond the default allow-list."""

    tags: list[str] = field(default_factory=list)
    attributes: dict[str, list[str]] = field(default_factory=dict)  #: tag ("*": every tag) -> attribute names
    schemes: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  #: other origins pages may load images, media and frames from


@dataclass
class Feedback:
    """The ``feedback`` section of catalog/site.yaml, as written (defaults are resolved per language later)."""

    channel: str | None = None  #: email, form or none; None: chosen from what is set
    email: str | None = None
    form: str | None = None
    parameters: dict[str, str] = field(default_factory=dict)  #: our field name -> the form's parameter name
    survey_form: str | None = None
    contact: Text | None = None


@dataclass
class SurveyOption:
    id: str
    text: Text


class SurveyQuestionType(str, enum.Enum):
    RATING = "rating"  #: a scale from 1 to ``scale``
    SINGLE = "single"  #: one option
    MULTIPLE = "multiple"  #: any number of options
    TEXT = "text"  #: free text


@dataclass
class SurveyQuestion:
    id: str
    type: SurveyQuestionType
    prompt: Text
    help: Text | None = None
    scale: int = 5
    low: Text | None = None
    high: Text | None = None
    options: list[SurveyOption] = field(default_factory=list)
    multiline: bool = True


@dataclass
class Survey:
    id: str
    title: Text
    questions: list[SurveyQuestion]
    intro: Text | None = None
    thanks: Text | None = None
    source: str = ""
    phase: str | None = None  #: the phase it is sent in: orders surveys for the trend of `cutover survey report`


@dataclass
class Session:
    """A training session a message invites to (written to the calendar file)."""

    id: str
    date: str  #: relative, as written ("2 days after training_start"); see :mod:`generator.catalog.schedule`
    start: str  #: HH:MM
    minutes: int
    roles: list[str]  #: role ids; ``["all"]`` for everyone
    place: Text | None = None


@dataclass
class Message:
    """A timed announcement (catalog/messages/<id>.yaml)."""

    id: str
    audience: list[str]  #: role ids; ``["all"]`` for everyone
    send: str  #: relative, as written ("21 days before cutover_date")
    subject: Text
    body: Text
    survey: str | None = None  #: a survey the message links to
    sessions: list[Session] = field(default_factory=list)
    source: str = ""


@dataclass
class DayOneItem:
    id: str
    text: Text | None  #: on every device
    variants: dict[str, Text]  #: device id -> the task on that device
    feature: str | None = None  #: shown to the roles that have it, with a link to its guide

    def for_device(self, device: str) -> Text | None:
        return self.variants.get(device) or self.text


@dataclass
class DayOne:
    """catalog/day-one.yaml: the first morning's checklist, per role and device."""

    items: list[DayOneItem]
    intro: Text | None = None
    source: str = ""


@dataclass
class RetiredItem:
    id: str
    roles: list[str]  #: ``["all"]`` for everyone
    gone: Text
    instead: Text
    feature: str | None = None


@dataclass
class Retired:
    """catalog/retired.yaml: what the old system had that the new one does not, per role, with what to do instead."""

    items: list[RetiredItem]
    intro: Text | None = None
    source: str = ""


@dataclass
class Champions:
    """catalog/champions.yaml: the guide for champions and floor walkers, and the go-live day script."""

    intro: Text
    tasks: dict[str, list[Text]]  #: phase id -> tasks
    questions: list[str]  #: FAQ ids
    escalation: list[Text]
    slots: list[tuple[str, Text]]  #: (HH:MM, what to do) on go-live day
    script_intro: Text | None = None
    source: str = ""


@dataclass
class Change:
    before: Text
    after: Text


@dataclass
class Role:
    id: str
    name: Text
    audience: Text
    features: list[str]
    changes: list[Change] = field(default_factory=list)
    tasks: dict[str, list[Text]] = field(default_factory=dict)  #: phase id -> tasks
    quiz: str | None = None
    order: int = 100
    source: str = ""
    icon: str = "material/account"  #: an icon of the theme's sets (see :func:`generator.catalog.devices.icon_svg`)


@dataclass
class StepImage:
    src: Text  #: the file, relative to the project folder; a translation may name its own
    alt: Text
    device: str | None = None  #: only on this device's tab


@dataclass
class Step:
    text: Text | None
    variants: dict[str, Text]  #: device id -> what to do on it
    result: Text | None = None
    images: list[StepImage] = field(default_factory=list)

    def for_platform(self, device: str) -> Text | None:
        return self.variants.get(device) or (self.text if self.text else None)


@dataclass
class Troubleshooting:
    problem: Text
    solution: Text


@dataclass
class Feature:
    id: str
    title: Text
    summary: Text
    category: str
    steps: list[Step]
    platforms: list[str]  #: device ids, in tab order
    roles: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    minutes: int | None = None
    result: Text | None = None
    tips: list[Text] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)
    troubleshooting: list[Troubleshooting] = field(default_factory=list)
    before: Text | None = None
    after: Text | None = None
    faqs: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    source: str = ""
    card: Text | None = None  #: the quick-reference card's text; None: the card picks a key step
    illustration: str | None = None  #: one of the kit's drawings (generator/render/illustrations.py)
    synonyms: Text | None = None  #: comma-separated words readers search for (indexed, never shown)

    @property
    def has_platform_steps(self) -> bool:
        return any(step.variants for step in self.steps)


@dataclass
class Faq:
    id: str
    question: Text
    answer: Text
    roles: list[str]  #: role ids; ``["all"]`` for everyone
    phases: list[str] = field(default_factory=list)
    group: str = ""
    source: str = ""

    def concerns(self, role_id: str) -> bool:
        return "all" in self.roles or role_id in self.roles


@dataclass
class FaqGroup:
    id: str
    title: Text
    faqs: list[Faq]
    source: str = ""


@dataclass
class Phase:
    id: str
    name: Text
    summary: Text
    when: Text | None = None
    description: Text | None = None
    replaces: list[str] = field(default_factory=list)  #: kit phase ids this one stands for (an organisation's)
    start: "datetime.date | None" = None  #: the first day (see :mod:`generator.catalog.phasedates`)
    end: "datetime.date | None" = None  #: the last day; None when ongoing or not known
    ongoing: bool = False
    switch: bool = False  #: the switch to the new system: the home page counts down to its start


@dataclass
class Term:
    id: str
    term: Text
    definition: Text
    tooltip: bool = True
    synonyms: Text | None = None  #: comma-separated words readers search for (indexed, never shown)


@dataclass
class Option:
    id: str
    text: Text
    correct: bool = False
    feedback: Text | None = None


@dataclass
class Question:
    id: str
    type: QuestionType
    prompt: Text
    explanation: Text
    learn_more: str  #: ``feature-id``, ``feature-id#section`` or ``scenario:<scenario-id>``
    options: list[Option] = field(default_factory=list)
    answer: bool | None = None
    feedback_true: Text | None = None
    feedback_false: Text | None = None
    items: list[Option] = field(default_factory=list)  #: ordering: correct order
    pairs: list[tuple[str, Text, Text]] = field(default_factory=list)  #: matching: (id, left, right)
    distractors: list[Option] = field(default_factory=list)
    hint: Text | None = None  #: an optional nudge before answering

    @property
    def learn_more_scenario(self) -> str:
        """The scenario ``learn_more`` points to; "" when it points to a guide."""
        return self.learn_more[len(SCENARIO_LINK):] if self.learn_more.startswith(SCENARIO_LINK) else ""

    @property
    def learn_more_feature(self) -> str:
        """The feature whose guide ``learn_more`` points to; "" when it points to a scenario."""
        return "" if self.learn_more_scenario else self.learn_more.split("#", 1)[0]

    @property
    def learn_more_section(self) -> str:
        return self.learn_more.split("#", 1)[1] if "#" in self.learn_more else ""


@dataclass
class ScenarioStep:
    text: Text
    feature: str | None = None  #: the guide with the detailed clicks


@dataclass
class Pitfall:
    problem: Text
    fix: Text


@dataclass
class Scenario:
    """A situation a role meets on the new system: what happens, what to do, what can go wrong."""

    id: str
    title: Text
    roles: list[str]
    phase: str
    situation: Text
    steps: list[ScenarioStep]
    pitfalls: list[Pitfall]
    questions: list[tuple[str, str]] = field(default_factory=list)  #: (quiz id, question id)
    source: str = ""

    @property
    def first_feature(self) -> str | None:
        return next((step.feature for step in self.steps if step.feature), None)


@dataclass
class Quiz:
    id: str
    title: Text
    roles: list[str]
    questions: list[Question]
    pass_mark: int = 80
    description: Text | None = None
    source: str = ""
    pass_mark_given: bool = False  #: set in the quiz's file, not the default (LMS packages need a chosen one)


@dataclass
class Project:
    """Everything a site is generated from."""

    site: Site
    roles: dict[str, Role]
    features: dict[str, Feature]
    faq_groups: list[FaqGroup]
    phases: list[Phase]
    terms: list[Term]
    quizzes: dict[str, Quiz]
    today: datetime.date | None = None
    survey: "Survey | None" = None  #: catalog/survey.yaml, when the project has one
    surveys: dict[str, Survey] = field(default_factory=dict)  #: catalog/surveys/<id>.yaml: more surveys (readiness …)
    messages: dict[str, Message] = field(default_factory=dict)  #: catalog/messages/<id>.yaml, the timed announcements
    day_one: DayOne | None = None  #: catalog/day-one.yaml
    retired: Retired | None = None  #: catalog/retired.yaml
    champions: Champions | None = None  #: catalog/champions.yaml
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    ui: Any = None  #: the interface strings, layered (:class:`generator.strings.files.UiStrings`); None: the package's
    root: "Path | None" = None  #: the project's folder (step images are relative to it); set by the loader

    @property
    def all_surveys(self) -> list[Survey]:
        """catalog/survey.yaml, then catalog/surveys/ in file order."""
        return ([self.survey] if self.survey else []) + list(self.surveys.values())

    @property
    def faqs(self) -> dict[str, Faq]:
        return {faq.id: faq for group in self.faq_groups for faq in group.faqs}

    def texts(self):
        """Every Text in the project (for translation status and placeholder checks)."""
        seen: list[Text] = []
        _collect(self, seen, set())
        return seen


def _collect(value: object, out: list[Text], visited: set[int]) -> None:
    if isinstance(value, Text):
        out.append(value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _collect(item, out, visited)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, out, visited)
    elif hasattr(value, "__dataclass_fields__") and id(value) not in visited:
        visited.add(id(value))
        for name in value.__dataclass_fields__:
            _collect(getattr(value, name), out, visited)

"""``cutover survey report``: what the survey answers say, as an HTML page with static SVG charts.

Answers are the files readers download from a survey page (JSON: ``survey``, ``language``, ``role``, ``answers``
with ``id`` and ``value``; a file may also hold a list of them) or a CSV export of a form tool (one row per
response; columns ``survey``, ``language``, ``role`` and one per question id; several choices separated by ``;``).
The report shows every question's answers, the rating questions by role and by language, and the trend of
questions the surveys share (the readiness survey before the switch, the survey after go-live), in phase order.
Charts are drawn by matplotlib's SVG backend (no display, no network); each has a table of its numbers beside it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog import model as m
from generator.render import escape
from generator.render.localize import Localizer


class ReportError(Exception):
    """Answers that cannot be read, named by file and line."""


@dataclass
class Response:
    survey: str
    language: str
    role: str
    answers: dict[str, object]  #: question id -> int (rating), str (single, text) or list[str] (multiple)


@dataclass
class ReportResult:
    written: list[Path] = field(default_factory=list)
    responses: int = 0
    warnings: list[str] = field(default_factory=list)


def read_answers(paths: list[Path], project: m.Project) -> tuple[list[Response], list[str]]:
    """Every response in the files, and warnings for values that do not fit their question (left out)."""
    surveys = {s.id: s for s in project.all_surveys}
    responses: list[Response] = []
    warnings: list[str] = []
    for path in paths:
        try:
            raw = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReportError(f"{path}: cannot read the file ({getattr(exc, 'strerror', None) or exc})") from None
        rows = _json_rows(path, raw) if path.suffix.lower() == ".json" else _csv_rows(path, raw)
        for where, row in rows:
            survey = surveys.get(str(row.get("survey", "")))
            if survey is None:
                raise ReportError(f"{where}: unknown survey '{row.get('survey', '')}' "
                                  f"(surveys of the project: {', '.join(surveys) or 'none'})")
            answers = {}
            for question in survey.questions:
                if question.id in row["answers"]:
                    value, problem = _value(question, row["answers"][question.id])
                    if problem:
                        warnings.append(f"{where}: question '{question.id}': {problem}; left out")
                    elif value not in (None, "", []):
                        answers[question.id] = value
            role = str(row.get("role") or "")
            responses.append(Response(survey.id, str(row.get("language") or ""), role if role in project.roles else "", answers))
    return responses, warnings


def _json_rows(path: Path, raw: str):
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReportError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}): give the file the survey page downloaded") from None
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, 1):
        where = f"{path}" + (f" (response {n})" if isinstance(data, list) else "")
        if not isinstance(item, dict) or not isinstance(item.get("answers"), list):
            raise ReportError(f"{where}: not a survey answer file (it needs 'survey' and a list of 'answers')")
        answers = {str(a.get("id")): a.get("value") for a in item["answers"] if isinstance(a, dict)}
        yield where, {**item, "answers": answers}


def _csv_rows(path: Path, raw: str):
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or "survey" not in reader.fieldnames:
        raise ReportError(f"{path}:1: the first row must name the columns, with 'survey', 'language', 'role' and the question ids")
    for row in reader:
        fixed = {"survey", "language", "role"}
        answers = {k: v for k, v in row.items() if k and k not in fixed and v not in (None, "")}
        yield f"{path}:{reader.line_num}", {"survey": row.get("survey"), "language": row.get("language"),
                                            "role": row.get("role"), "answers": answers}


def _value(question: m.SurveyQuestion, value: object) -> tuple[object, str]:
    if value is None:
        return None, ""
    kind = question.type
    options = [o.id for o in question.options]
    if kind is m.SurveyQuestionType.RATING:
        try:
            number = int(str(value).strip())
        except ValueError:
            return None, f"'{value}' is not a number"
        return (number, "") if 1 <= number <= question.scale else (None, f"{number} is outside 1–{question.scale}")
    if kind is m.SurveyQuestionType.MULTIPLE:
        chosen = value if isinstance(value, list) else [v.strip() for v in str(value).split(";") if v.strip()]
        unknown = [str(v) for v in chosen if v not in options]
        return (None, f"unknown option '{unknown[0]}'") if unknown else ([str(v) for v in chosen], "")
    if kind is m.SurveyQuestionType.SINGLE:
        return (None, f"unknown option '{value}'") if value not in options else (str(value), "")
    return str(value).strip(), ""


def write_report(project: m.Project, responses: list[Response], out_dir: Path, lang: str) -> ReportResult:
    """index.html and charts/*.svg in ``out_dir``, replaced only once everything was written."""
    if not responses:
        raise ReportError("no answers to report on")
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        (scratch / "charts").mkdir()
        page = _Report(project, responses, Localizer(project, lang), scratch / "charts").html()
        (scratch / "index.html").write_text(page, "utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        scratch.rename(out_dir)
        written = [out_dir / "index.html"] + sorted((out_dir / "charts").glob("*.svg"))
        return ReportResult(written, len(responses))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class _Report:
    def __init__(self, project: m.Project, responses: list[Response], loc: Localizer, charts: Path):
        self.project, self.responses, self.loc, self.charts = project, responses, loc, charts
        self.order = {p.id: n for n, p in enumerate(project.phases)}

    def t(self, text: m.Text | None) -> str:
        return escape.plain(self.loc.text(text)) if text else ""

    def ui(self, key: str, **fields) -> str:
        return escape.html_text(escape.plain(self.loc.ui(key, **fields)))

    def html(self) -> str:
        surveys = sorted((s for s in self.project.all_surveys if any(r.survey == s.id for r in self.responses)),
                         key=lambda s: self.order.get(s.phase or "", len(self.order)))
        parts = [f"<h1>{self.ui('report.title')}</h1>",
                 f"<p>{self.ui('report.total', count=len(self.responses))}</p>"]
        parts += self._trend(surveys)
        for survey in surveys:
            mine = [r for r in self.responses if r.survey == survey.id]
            parts.append(f'<h2 id="survey-{survey.id}">{escape.html_text(self.t(survey.title))}</h2>')
            parts.append(f"<p>{self.ui('report.responses', count=len(mine))}</p>")
            for number, question in enumerate(survey.questions, 1):
                parts += self._question(survey, question, number, mine)
        style = ("body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                 "table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.25rem .6rem;"
                 "text-align:left}td.n{text-align:right}img{max-width:100%;height:auto}figure{margin:1rem 0}")
        title = self.ui("report.title")
        return (f'<!DOCTYPE html>\n<html lang="{escape.html_attribute(self.loc.lang)}"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title>'
                f"<style>{style}</style></head><body><main>{''.join(parts)}</main></body></html>\n")

    def _question(self, survey: m.Survey, q: m.SurveyQuestion, number: int, mine: list[Response]) -> list[str]:
        out = [f'<h3 id="{survey.id}-{q.id}">{number}. {escape.html_text(self.t(q.prompt))}</h3>']
        given = [r for r in mine if q.id in r.answers]
        out.append(f"<p>{self.ui('report.answered', count=len(given))}</p>")
        if not given:
            return out
        if q.type is m.SurveyQuestionType.TEXT:
            return out + ["<ul>"] + [f"<li>{escape.html_text(str(r.answers[q.id]))}</li>" for r in given] + ["</ul>"]
        if q.type is m.SurveyQuestionType.RATING:
            counts = Counter(r.answers[q.id] for r in given)
            labels = [str(n) for n in range(1, q.scale + 1)]
            rows = [(label, counts.get(int(label), 0)) for label in labels]
            out += self._chart(f"{survey.id}-{q.id}", rows, self.ui("report.count"), self.ui("report.points"))
            mean = sum(r.answers[q.id] for r in given) / len(given)
            out.append(f"<p>{self.ui('report.mean', mean=self._number(mean), scale=q.scale)}</p>")
            for key, label, name in (("role", self.ui("report.by_role"), self._role_name),
                                     ("language", self.ui("report.by_language"), self.loc.language_name)):
                groups: dict[str, list[int]] = defaultdict(list)
                for r in given:
                    groups[getattr(r, key) or "-"].append(r.answers[q.id])
                rows = [(name(g) if g != "-" else self.loc.ui("report.unknown"), sum(v) / len(v)) for g, v in sorted(groups.items())]
                out.append(f"<h4>{label}</h4>")
                out += self._chart(f"{survey.id}-{q.id}-by-{key}", rows, self.ui("report.mean_short"), label, horizontal=True,
                                   limit=q.scale)
            return out
        counts = Counter()
        for r in given:
            values = r.answers[q.id]
            counts.update(values if isinstance(values, list) else [values])
        rows = [(self.t(o.text), counts.get(o.id, 0)) for o in q.options]
        return out + self._chart(f"{survey.id}-{q.id}", rows, self.ui("report.count"), self.ui("report.option"), horizontal=True)

    def _trend(self, surveys: list[m.Survey]) -> list[str]:
        """Rating questions the surveys share: their mean in each survey, in phase order."""
        if len(surveys) < 2:
            return []
        out = [f'<h2 id="trend">{self.ui("report.trend")}</h2>', f"<p>{self.ui('report.trend_intro')}</p>"]
        shared = [q for q in surveys[0].questions if q.type is m.SurveyQuestionType.RATING]
        for question in shared:
            rows = []
            for survey in surveys:
                values = [r.answers[question.id] for r in self.responses if r.survey == survey.id and question.id in r.answers]
                other = next((x for x in survey.questions if x.id == question.id and x.type is m.SurveyQuestionType.RATING), None)
                if other and values:
                    rows.append((self.t(survey.title), sum(values) / len(values)))
            if len(rows) >= 2:
                out.append(f"<h3>{escape.html_text(self.t(question.prompt))}</h3>")
                out += self._chart(f"trend-{question.id}", rows, self.ui("report.mean_short"), self.ui("report.survey"),
                                   horizontal=True, limit=question.scale)
        return out if len(out) > 2 else []

    def _role_name(self, role_id: str) -> str:
        return self.t(self.project.roles[role_id].name) if role_id in self.project.roles else role_id

    def _number(self, value: float) -> str:
        from babel.numbers import format_decimal
        try:
            return format_decimal(round(value, 1), format="0.0", locale=self.loc.lang.replace("-", "_"))
        except Exception:
            return f"{value:.1f}"

    def _chart(self, name: str, rows: list[tuple[str, float]], value_label: str, label_label: str,
               horizontal: bool = False, limit: float | None = None) -> list[str]:
        """An SVG bar chart and the table of its numbers (the chart's text alternative)."""
        from matplotlib import rcParams
        from matplotlib.figure import Figure

        rcParams["svg.hashsalt"] = "cutover"  # stable ids: the same answers give the same files
        rcParams["svg.fonttype"] = "none"  # text stays text: searchable, and no font files needed
        labels = [label if len(label) <= 48 else label[:47] + "…" for label, _ in rows]
        values = [value for _, value in rows]
        height = max(2.2, 0.45 * len(rows) + 1) if horizontal else 3
        figure = Figure(figsize=(7, height))
        axes = figure.add_subplot()
        if horizontal:
            axes.barh(labels[::-1], values[::-1], color="#0b5394")
            if limit:
                axes.set_xlim(0, limit)
            axes.set_xlabel(escape.text_of_html(value_label))
        else:
            axes.bar(labels, values, color="#0b5394")
            axes.set_ylabel(escape.text_of_html(value_label))
            axes.set_xlabel(escape.text_of_html(label_label))
        axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        figure.savefig(self.charts / f"{name}.svg", format="svg", metadata={"Date": None})
        table = [f"<table><thead><tr><th>{label_label}</th><th>{value_label}</th></tr></thead><tbody>"]
        table += [f'<tr><td>{escape.html_text(label)}</td><td class="n">'
                  f"{self._number(value) if isinstance(value, float) else value}</td></tr>" for label, value in rows]
        table.append("</tbody></table>")
        alt = escape.html_attribute(", ".join(f"{label}: {self._number(v) if isinstance(v, float) else v}" for label, v in rows))
        return [f'<figure><img src="charts/{escape.html_attribute(name)}.svg" alt="{alt}"></figure>', "".join(table)]

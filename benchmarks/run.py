#!/usr/bin/env python3
"""Cutover's benchmark: how fast and how big, measured side by side in one run.

    python benchmarks/run.py [--quick] [--json FILE] [--pages N] [--runs N] [--scaling 500,1000,2000]

It writes a synthetic project (roles × features × languages, see ``catalog.py``) into a temporary folder and
reports: the generator's time (load, render, stage through the library); the full ``cutover build --jobs 1``; the
overhead ratio against a plain ``mkdocs build`` (one process each) of the same staged Markdown (material without cutover's overrides, same navigation,
extensions and static-i18n settings, no cutover plugin); pages per second; peak memory (of the build's
process tree, shared pages counted once); output size; the quiz runtime's gzipped size; the shipped default site's build time,
with ``--jobs`` at its default (one process per core) and with ``--jobs 1``, and its ``--profile``; the size of every LMS package of the shipped kit (``cutover export-lms``, SCORM
1.2 and cmi5, per role and language) and the time to make them; the shipped kit's build with the persistent render
cache after no change and after one edit, each against the same build with ``--no-cache`` (every other build runs
without the cache, cold); and, unless ``--quick``, the rebuild time under ``cutover serve`` after one
YAML edit, and builds at several sizes to show how time, memory and output scale.

Builds that are compared run alternately, and each figure is the median of ``--runs`` runs, so a busy
machine slows both sides alike. Times are wall-clock seconds; ``*_cpu_s`` figures are user+system CPU
seconds of the process and its children, steadier on a shared machine. ``--quick`` (the CI smoke test)
runs everything once on a small project and skips the serve and scaling measurements.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from catalog import size_for, write_project  # noqa: E402
from figures import figures  # noqa: E402
from goals import goals, text_table  # noqa: E402

PY = sys.executable
#: Every build starts cold (no render cache) unless it says otherwise: render_cache() measures the cache.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONPATH": str(REPO),
       "CUTOVER_NO_CACHE": "1"}
ENV.pop("CUTOVER_LANGUAGE", None)


# -- measuring one process ---------------------------------------------------------------------------------------

@dataclass
class Run:
    wall_s: float
    cpu_s: float
    peak_memory_mb: float  #: the largest memory of the process and its descendants (_tree_memory), sampled every 20 ms
    output: str


def measure(cmd: list[str], cwd: Path | None = None, timeout: float = 3600, env: dict | None = None) -> Run:
    """Run ``cmd``; wall time, CPU time of it and its children, and the peak memory of the process tree."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env or ENV, stdout=log, stderr=subprocess.STDOUT)
        peak = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_memory(proc.pid))
            if time.perf_counter() - start > timeout:
                proc.kill()
            time.sleep(0.02)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if proc.returncode:
        raise SystemExit(f"benchmark step failed ({' '.join(cmd)}):\n{output[-3000:]}")
    peak = max(peak, usage.ru_maxrss * 1024)  # the largest single process, in case sampling missed a peak
    return Run(wall, usage.ru_utime + usage.ru_stime, peak / 2**20, output)


def _tree_memory(pid: int) -> int:
    """Bytes the process and its descendants hold: the sum of their proportional set sizes (a page shared by n
    processes counts 1/n in each). Forked workers share the parent's pages, which a sum of RSS would count once
    per process."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            try:
                total += int(re.search(r"^Pss:\s+(\d+)", Path(f"/proc/{current}/smaps_rollup").read_text(), re.M).group(1)) * 1024
            except (OSError, AttributeError):  # a kernel without smaps_rollup (before 4.14): resident size
                total += int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{current}/status").read_text()).group(1)) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError, ValueError):
            continue
    return total


def median(values: list[float]) -> float:
    return statistics.median(values)


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def page_count(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.relative_to(site).parts)


def cutover_build(project: Path, out: Path, *extra: str, env: dict | None = None) -> Run:
    return measure([PY, "-m", "generator.cli", "build", "-p", str(project), "-d", str(out), *extra], env=env)


def plain_build(config: Path, out: Path) -> Run:
    return measure([PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)])


# -- the measurements ----------------------------------------------------------------------------------------------

def quiz_runtime() -> dict:
    from generator.site.bundle import bundles  # the runtime as staged: its modules bundled and minified
    raw = bundles()
    packed = {name: len(gzip.compress(data, 9)) for name, data in raw.items()}
    return {"quiz_runtime_bytes": sum(map(len, raw.values())), "quiz_runtime_gzip_bytes": sum(packed.values()),
            "quiz_js_gzip_bytes": packed["quiz.js"], "quiz_css_gzip_bytes": packed["quiz.css"]}


def synthetic(work: Path, pages: int, runs: int) -> dict:
    size = size_for(pages)
    project = write_project(work / "synthetic", size)
    generated = [json.loads(measure([PY, str(HERE / "probe.py"), "generate", str(project), str(work / f"gen{i}")]).output)
                 for i in range(runs)]
    measure([PY, str(HERE / "probe.py"), "plain", str(project), str(work / "plain")])
    cut, plain = [], []
    for i in range(runs):  # alternate, so a busy machine slows both alike
        cut.append(cutover_build(project, work / f"cut{i}", "--jobs", "1"))  # one process, like `mkdocs build`
        plain.append(plain_build(work / "plain" / "mkdocs.yml", work / f"plain{i}"))
    site = work / "cut0"
    pages_total = page_count(site)
    build_s = median([r.wall_s for r in cut])
    return {
        "synthetic": {"roles": size.roles, "features": size.features, "categories": size.categories, "languages": 4,
                      "pages_per_language": pages_total // 4},
        "pages": pages_total,
        "generator_s": median([g["generator_s"] for g in generated]),
        "generator_cpu_s": median([g["generator_cpu_s"] for g in generated]),
        "build_s": build_s,
        "build_cpu_s": median([r.cpu_s for r in cut]),
        "plain_build_s": median([r.wall_s for r in plain]),
        "plain_build_cpu_s": median([r.cpu_s for r in plain]),
        "overhead_ratio": build_s / median([r.wall_s for r in plain]),
        "overhead_ratio_cpu": median([r.cpu_s for r in cut]) / median([r.cpu_s for r in plain]),
        "pages_per_s": pages_total / build_s,
        "peak_memory_mb": max(r.peak_memory_mb for r in cut),
        "plain_peak_memory_mb": max(r.peak_memory_mb for r in plain),
        "output_bytes": tree_bytes(site),
        "plain_output_bytes": tree_bytes(work / "plain0"),
        "output_bytes_per_page": tree_bytes(site) // pages_total,
    }


def default_site(work: Path, runs: int, jobs: bool) -> dict:
    """The shipped kit in this repository, built as a writer builds it (``--jobs`` defaults to the core count) and,
    alternately, in one process (``--jobs 1``); then once with ``--profile`` for where the time goes."""
    default, seq = [], []
    for i in range(runs):
        default.append(cutover_build(REPO, work / f"default{i}"))
        if jobs:
            seq.append(cutover_build(REPO, work / f"default-seq{i}", "--jobs", "1"))
    result = {"default_build_s": median([r.wall_s for r in default]), "default_build_cpu_s": median([r.cpu_s for r in default]),
              "default_peak_memory_mb": max(r.peak_memory_mb for r in default), "default_pages": page_count(work / "default0"),
              "default_output_bytes": tree_bytes(work / "default0"), "default_jobs": len(os.sched_getaffinity(0))}
    if jobs:
        result.update(default_build_seq_s=median([r.wall_s for r in seq]), default_build_seq_cpu_s=median([r.cpu_s for r in seq]),
                      jobs_ratio=result["default_build_s"] / median([r.wall_s for r in seq]),
                      seq_peak_memory_mb=max(r.peak_memory_mb for r in seq),
                      jobs_identical=_same_tree(work / "default0", work / "default-seq0"))
    profiled = cutover_build(REPO, work / "default-profiled", "--profile")
    result["default_profile"] = _profile_rows(profiled.output)
    return result


def _profile_rows(output: str) -> list[dict]:
    """The stages ``cutover build --profile`` printed: name, CPU seconds, share of the build's CPU."""
    rows = []
    for line in output.splitlines():
        match = re.match(r"^  (.+?)\s+(\d+\.\d\d)\s+(\d+\.\d)%", line)
        if match:
            rows.append({"stage": match.group(1), "cpu_s": float(match.group(2)), "share": float(match.group(3))})
    return rows


def lms_packages(work: Path) -> dict:
    """Every LMS package of the shipped kit, cut from one ``--offline`` build: size per role and language (bytes
    of the zip) and the export's time, per format."""
    site = work / "lms-site"
    build = cutover_build(REPO, site, "--offline")
    result: dict = {"lms_offline_build_s": build.wall_s}
    for fmt in ("scorm12", "cmi5"):
        out = work / f"lms-{fmt}"
        run = measure([PY, "-m", "generator.cli", "export-lms", "-p", str(REPO), "--format", fmt, "--site", str(site), "-o", str(out)])
        sizes = {}
        for package in sorted(out.glob("*.zip")):
            role, lang = package.stem.rsplit("-", 2)[:2]
            sizes[f"{role}/{lang}"] = package.stat().st_size
        result[f"lms_{fmt}"] = {"packages": len(sizes), "export_s": run.wall_s, "export_cpu_s": run.cpu_s,
                                "min_bytes": min(sizes.values()), "median_bytes": int(median(list(sizes.values()))),
                                "max_bytes": max(sizes.values()), "bytes_by_role_and_language": sizes}
    return result


def _same_tree(a: Path, b: Path) -> bool:
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    return files(a) == files(b)


def render_cache(work: Path, runs: int, profile: bool = False) -> dict:
    """The shipped kit rebuilt with the caches (in a folder of the benchmark's own, warmed by one build) and, back to
    back, the same builds with ``--no-cache``: into the same site folder after no change at all (the up-to-date check
    finds nothing to do), into a new folder after no change (the render cache alone), and into the same folder after
    one edit of a feature's summary (each run a new one, so the pages that show it are rendered again)."""
    project = _kit_copy(work / "cache-kit")
    env = {**ENV, "CUTOVER_CACHE_DIR": str(work / "render-cache")}
    env.pop("CUTOVER_NO_CACHE")
    site = work / "cache-site"
    cutover_build(project, site, env=env)
    pairs: dict[str, list[tuple[Run, Run]]] = {"no_change": [], "new_folder": [], "one_file": []}
    identical = []
    feature = next(p for p in sorted((project / "catalog" / "features").glob("*.yaml")) if "." not in p.stem)
    for n in range(runs):
        pairs["no_change"].append((cutover_build(project, site, env=env),
                                   cutover_build(project, work / f"nocache-same{n}", "--no-cache", env=env)))
        identical.append(_same_tree(site, work / f"nocache-same{n}"))
        pairs["new_folder"].append((cutover_build(project, work / f"cache-new{n}", env=env), pairs["no_change"][-1][1]))
        identical.append(_same_tree(work / f"cache-new{n}", work / f"nocache-same{n}"))
        _edit_summary(feature, f"Benchmark edit {n} {time.time_ns()}")
        pairs["one_file"].append((cutover_build(project, site, env=env),
                                  cutover_build(project, work / f"nocache-edit{n}", "--no-cache", env=env)))
        identical.append(_same_tree(site, work / f"nocache-edit{n}"))
    skipped = all("is up to date" in cached.output for cached, _ in pairs["no_change"])
    figure = lambda runs_: {"wall_s": median([r.wall_s for r in runs_]), "cpu_s": median([r.cpu_s for r in runs_])}
    result = {"cache": {kind: {"cached": figure([a for a, _ in done]), "uncached": figure([b for _, b in done])}
                        for kind, done in pairs.items()} | {"identical": all(identical), "no_change_skipped": skipped}}
    if profile:  # where a build after one edit still spends its time: one more edit, built with --profile
        _edit_summary(feature, f"Benchmark edit profiled {time.time_ns()}")
        result["one_file_profile"] = _profile_rows(cutover_build(project, site, "--profile", env=env).output)
    return result


def _kit_copy(project: Path) -> Path:
    for name in ("catalog", "quizzes", "docs"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _edit_summary(feature: Path, marker: str) -> None:
    text = feature.read_text("utf-8")
    feature.write_text(re.sub(r"^summary:.*(?:\n[ \t]+.*)*", f"summary: {marker}.", text, count=1, flags=re.M), "utf-8")


def serve_rebuild(work: Path, edits: int) -> dict:
    """`cutover serve` on a copy of the shipped kit: seconds from saving one YAML edit to the new page being served,
    which includes up to 0.5 s until MkDocs' file watcher polls. A text edit (a guide's summary) is waited for on
    the guide; a navigation change (the guide's title) on another guide's page, whose navigation lists it."""
    project = _kit_copy(work / "serve-kit")
    features = [p for p in sorted((project / "catalog" / "features").glob("*.yaml")) if "." not in p.stem]
    feature = features[0]
    category = lambda p: re.search(r"^category:\s*(\S+)", p.read_text("utf-8"), re.M).group(1)
    # navigation.prune: a page's navigation holds its own section, so the neighbour is a guide of the same category
    neighbour = next(p for p in features[1:] if category(p) == category(feature))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/guides/{feature.stem}/"
    elsewhere = f"http://127.0.0.1:{port}/guides/{neighbour.stem}/"
    log = work / "serve.log"
    env = {**ENV, "CUTOVER_CACHE_DIR": str(work / "serve-cache")}  # as a writer serves: with the render cache
    env.pop("CUTOVER_NO_CACHE")
    with open(log, "wb") as out:
        proc = subprocess.Popen([PY, "-m", "generator.cli", "serve", "-p", str(project), "-a", f"127.0.0.1:{port}"],
                                env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(url, "</html>", timeout=900, proc=proc)  # served once the first build is done
        text, navigation = [], []
        for n in range(edits):
            time.sleep(1.5)  # let the watcher settle
            marker = f"Benchmark edit {n} {time.time_ns()}"
            start = time.perf_counter()
            _edit_summary(feature, marker)
            _wait_for(url, marker, timeout=300, proc=proc)
            text.append(time.perf_counter() - start)
        for n in range(edits):
            time.sleep(1.5)
            title = f"Benchmark title {n} {time.time_ns()}"
            start = time.perf_counter()
            _edit_title(feature, title)
            _wait_for(elsewhere, title, timeout=300, proc=proc)
            navigation.append(time.perf_counter() - start)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    built = [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text("utf-8", "replace"))]
    return {"serve_rebuild_s": median(text), "serve_rebuild_runs_s": text,
            "serve_navigation_s": median(navigation), "serve_navigation_runs_s": navigation,
            "serve_build_reported_s": median(built[1:edits + 1]) if len(built) > 1 else None,
            "serve_first_build_s": built[0] if built else None}


def _edit_title(feature: Path, title: str) -> None:
    text = feature.read_text("utf-8")
    feature.write_text(re.sub(r"^title:.*", f"title: {title}", text, count=1, flags=re.M), "utf-8")


def _wait_for(url: str, text: str, timeout: float, proc: subprocess.Popen) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"cutover serve stopped (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


def scaling(work: Path, sizes: list[int]) -> list[dict]:
    rows = []
    for pages in sizes:
        project = write_project(work / f"scale-{pages}", size_for(pages))
        run = cutover_build(project, work / f"scale-{pages}-site")
        total = page_count(work / f"scale-{pages}-site")
        rows.append({"pages_per_language": total // 4, "pages": total, "build_s": run.wall_s, "build_cpu_s": run.cpu_s,
                     "ms_per_page": 1000 * run.wall_s / total, "peak_memory_mb": run.peak_memory_mb,
                     "output_bytes": tree_bytes(work / f"scale-{pages}-site"),
                     "output_bytes_per_page": tree_bytes(work / f"scale-{pages}-site") // total})
        shutil.rmtree(work / f"scale-{pages}-site")
    return rows


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024 if Path("/proc/meminfo").exists() else None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mb": memory, "python": platform.python_version(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small project, one run each, no serve or scaling (CI)")
    parser.add_argument("--json", type=Path, help="also write every result, the goals table included, to this file "
                        "('-': print the JSON instead of the table)")
    parser.add_argument("--pages", type=int, help="pages per language of the synthetic project (default 400, quick 30)")
    parser.add_argument("--runs", type=int, help="runs per compared build (default 3, quick 1)")
    parser.add_argument("--scaling", default=None, help="pages per language to build for the scaling table, e.g. 500,1000,2000")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    runs = args.runs or (1 if args.quick else 3)
    work = Path(tempfile.mkdtemp(prefix="cutover-bench-"))
    started = time.perf_counter()
    results: dict = {"mode": "quick" if args.quick else "full", "machine": machine(), "runs": runs}
    try:
        results.update(quiz_runtime())
        _progress("synthetic project", results)
        results.update(synthetic(work, args.pages or (30 if args.quick else 400), runs))
        _progress("default site", results)
        results.update(default_site(work, runs, jobs=not args.quick))
        _progress("LMS packages", results)
        results.update(lms_packages(work))
        _progress("render cache", results)
        results.update(render_cache(work, runs, profile=not args.quick))
        if not args.quick:
            _progress("serve rebuild", results)
            results.update(serve_rebuild(work, edits=runs))
        if args.scaling:
            _progress("scaling", results)
            results["scaling"] = scaling(work, [int(n) for n in args.scaling.split(",")])
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["benchmark_s"] = time.perf_counter() - started
    command = [a for i, a in enumerate(sys.argv[1:]) if a != "--json" and (i == 0 or sys.argv[i] != "--json")]
    results["measured"] = {"date": time.strftime("%Y-%m-%d"), "command": " ".join(["python benchmarks/run.py", *command]),
                           **{k: results["machine"][k] for k in ("cpu", "cores", "python")},
                           "load_average": (results["machine"]["load_average"] or [None])[0]}
    results["goals"] = goals(results)  # issue 24's goals, each met or missed by how much
    results["figures"] = figures(results)  # what README.md shows besides the goals (benchmarks/readme.py)
    text = json.dumps(results, indent=2)
    if args.json == Path("-"):
        print(text)
        return
    print(text_table(results["goals"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", "utf-8")


def _progress(step: str, results: dict) -> None:
    print(f"benchmark: {step}…", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()

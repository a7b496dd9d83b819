"""The primer: `flask-lsp check` on pinned real Flask projects, compared with labelled findings.

The idea of mypy_primer and Ruff's ecosystem check. Every project in tests/primer/projects.toml
is downloaded once from the package index (an sdist, or a wheel where the index has none: both
hold the sources) into .cache/primer, checked with the default rule set and with the opt-in
group apart, and each finding is looked up in tests/primer/labels/<project>.txt, where somebody
who read the code labelled it `bug`, `wrong` or `noise` with a one-line reason.

It prints, as Markdown tables: per project and per rule, the findings, their labels, the
precision (bug / labelled), what is new since the labels were written (listed in full, to be
read and labelled) and what is gone, the routes `flask-lsp routes` finds, and the wall time.

    scripts/primer                       # every project
    scripts/primer --project ckan        # one (repeatable)
    scripts/primer --update              # write new findings into the label files as `?`

Needs the network the first time (downloads are cached); never part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PRIMER = ROOT / "tests" / "primer"
LABELS = PRIMER / "labels"
CACHE = ROOT / ".cache" / "primer"

KINDS = ("bug", "wrong", "noise")
UNLABELLED = "?"
# One finding per line: `FL304 path/to/file.py:12:5 noise: why`.
LABEL_LINE = re.compile(
    r"^(?P<code>FL\d{3}) (?P<place>\S+:\d+:\d+) (?P<label>[a-z?]+): (?P<why>.+)$"
)
OPT_IN = "opinion"

TARGET_BUG = 0.90
TARGET_WRONG = 0.03


@dataclass(frozen=True)
class Project:
    name: str
    requirement: str
    about: str
    paths: tuple[str, ...] = (".",)
    wheel: bool = False
    python: str | None = None  # the Python version a wheel is fetched for, when not ours
    # Where Flask itself can build the app, in a throwaway environment with the project's
    # dependencies: ("module:attribute" or "module:factory()", folder put on sys.path).
    apps: tuple[tuple[str, str | None], ...] = ()

    @property
    def version(self) -> str:
        return self.requirement.partition("==")[2]


@dataclass(frozen=True)
class Label:
    code: str
    place: str  # path:line:column
    label: str
    why: str


@dataclass
class Run:
    project: Project
    files: int = 0
    findings: dict[str, list[dict[str, object]]] = field(default_factory=dict)  # group -> findings
    routes: int = 0
    unregistered: int = 0  # routes of blueprints registered on no app the model sees
    unresolved: int = 0  # places the route map says it cannot follow
    static_map: set[tuple[str, str, str]] = field(default_factory=set)
    real_map: set[tuple[str, str, str]] | None = None  # Flask's own, where it could be built
    real_error: str | None = None
    seconds: float = 0.0


def load_projects() -> list[Project]:
    data = tomllib.loads((PRIMER / "projects.toml").read_text(encoding="utf-8"))
    return [
        Project(
            name=entry["name"],
            requirement=entry["requirement"],
            about=entry["about"],
            paths=tuple(entry.get("paths", (".",))),
            wheel=bool(entry.get("wheel", False)),
            python=entry.get("python"),
            apps=tuple((a["target"], a.get("path")) for a in entry.get("app", ())),
        )
        for entry in data["project"]
    ]


def parse_labels(text: str, origin: str) -> dict[tuple[str, str], Label]:
    """The labels of one project, keyed by (code, place); a malformed line is an error."""
    labels: dict[tuple[str, str], Label] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = LABEL_LINE.match(line)
        if match is None:
            raise ValueError(f"{origin}:{number}: not `CODE path:line:col label: reason`: {line}")
        label = Label(match["code"], match["place"], match["label"], match["why"].strip())
        if label.label not in (*KINDS, UNLABELLED):
            raise ValueError(f"{origin}:{number}: unknown label `{label.label}`")
        if (label.code, label.place) in labels:
            raise ValueError(f"{origin}:{number}: {label.code} at {label.place} labelled twice")
        labels[(label.code, label.place)] = label
    return labels


def read_labels(project: Project) -> dict[tuple[str, str], Label]:
    path = LABELS / f"{project.name}.txt"
    if not path.exists():
        return {}
    return parse_labels(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))


# ---- fetching -------------------------------------------------------------------------------


def fetch(project: Project) -> Path:
    """The unpacked distribution, downloaded and unpacked once."""
    dest = CACHE / "src" / f"{project.name}-{project.version}"
    if dest.exists():
        return dest
    downloads = CACHE / "downloads" / project.name
    downloads.mkdir(parents=True, exist_ok=True)
    if not any(downloads.iterdir()):
        kind = ["--only-binary", ":all:"] if project.wheel else ["--no-binary", ":all:"]
        if project.python:
            kind += ["--python-version", project.python]
        print(f"  downloading {project.requirement}", file=sys.stderr, flush=True)
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check"]
        subprocess.run(
            [*pip, "--no-deps", *kind, "-d", str(downloads), project.requirement], check=True
        )
    (archive,) = list(downloads.iterdir())
    unpack(archive, dest)
    return dest


def unpack(archive: Path, dest: Path) -> None:
    """Extract regular files only, each under `dest`, dropping an sdist's top folder."""
    partial = dest.with_name(dest.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    members: list[tuple[str, bytes]] = []
    if archive.name.endswith((".tar.gz", ".tgz", ".tar")):
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                data = tar.extractfile(member) if member.isfile() else None
                if data is not None:
                    members.append((member.name, data.read()))
        strip = 1
    else:
        with zipfile.ZipFile(archive) as zf:
            members = [(i.filename, zf.read(i)) for i in zf.infolist() if not i.is_dir()]
        strip = 0 if archive.suffix == ".whl" else 1
    for name, data in members:
        parts = Path(name).parts[strip:]
        if not parts or ".." in parts or Path(name).is_absolute():
            continue
        target = partial.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    partial.rename(dest)


# ---- running ---------------------------------------------------------------------------------


def flask_lsp(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flask_lsp", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def run_project(project: Project) -> Run:
    root = fetch(project)
    run = Run(project)
    run.files = sum(len(list((root / p).rglob("*.py"))) for p in project.paths)
    for group, select in (("default", None), (OPT_IN, OPT_IN)):
        args = ["check", *project.paths, "--format", "json", "--no-progress"]
        if select:
            args += ["--select", select]
        start = time.perf_counter()
        done = flask_lsp(*args, cwd=root)
        if group == "default":
            run.seconds = time.perf_counter() - start
        if done.returncode not in (0, 1):
            raise SystemExit(f"check failed on {project.name}:\n{done.stderr}")
        run.findings[group] = json.loads(done.stdout or "[]")
    for path in project.paths:
        done = flask_lsp("routes", path, "--unregistered", "--format", "json", cwd=root)
        if done.returncode != 0:
            continue
        table = json.loads(done.stdout or "{}")
        run.unresolved += len(table.get("unresolved", []))
        for route in table.get("routes", []):
            if not route["registered"]:
                run.unregistered += 1
                continue
            run.routes += 1
            if _in_an_app_folder(project, str(route["path"] or "")):
                key = _route_key(route["endpoint"], route["rule"], route["methods"])
                run.static_map.add(key)
    if project.apps:
        try:
            run.real_map = real_routes(project, root)
        except RealMapError as error:
            run.real_error = str(error)
    return run


# ---- Flask's own route map, for comparison ---------------------------------------------------

# Run in the throwaway environment, never by flask-lsp: imports the app and prints its map.
REAL_MAP = """
import importlib, json, sys
target = sys.argv[1]
module, _, attribute = target.partition(":")
value = importlib.import_module(module)
for part in attribute.rstrip("()").split("."):
    value = getattr(value, part)
app = value() if attribute.endswith("()") else value
print(json.dumps([[r.endpoint, r.rule, sorted(r.methods or ())] for r in app.url_map.iter_rules()]))
"""


class RealMapError(Exception):
    """Flask's map could not be built: the reason, in one line."""


def _in_an_app_folder(project: Project, path: str) -> bool:
    """Whether a route's view is part of what the primer compares: the folders of the apps
    Flask builds, when each names one (Flask's examples: not the Celery one)."""
    folders = [folder for _, folder in project.apps]
    if not folders or None in folders:
        return True
    return any(path.startswith(f"{folder}/") for folder in folders if folder)


def _route_key(endpoint: str, rule: str, methods: list[str]) -> tuple[str, str, str]:
    shown = sorted(set(methods) - {"HEAD", "OPTIONS"})
    return (endpoint, rule, ",".join(shown))


def real_routes(project: Project, root: Path) -> set[tuple[str, str, str]]:
    """The routes Flask builds for the project's apps, in `.cache/primer/venvs/<project>`
    (created once, with the project's dependencies from the package index)."""
    venv = CACHE / "venvs" / project.name
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"  installing {project.requirement} to build its real map", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", project.requirement],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            shutil.rmtree(venv)
            raise RealMapError(f"pip could not install {project.requirement}")
    found: set[tuple[str, str, str]] = set()
    for target, folder in project.apps:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(CACHE), "PYTHONPATH": ""}
        if folder:
            env["PYTHONPATH"] = str(root / folder)
        with tempfile.TemporaryDirectory() as scratch:
            try:
                done = subprocess.run(
                    [str(python), "-c", REAL_MAP, target],
                    cwd=scratch,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                raise RealMapError(f"{target} did not build in 300 s") from None
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise RealMapError(f"{target}: {last}")
        rows = json.loads(done.stdout.strip().splitlines()[-1])
        found |= {_route_key(endpoint, rule, methods) for endpoint, rule, methods in rows}
    return found


def key(finding: dict[str, object]) -> tuple[str, str]:
    return (str(finding["code"]), f"{finding['path']}:{finding['line']}:{finding['column']}")


# ---- reporting --------------------------------------------------------------------------------


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, label: str) -> None:
        self.counts[label] += 1
        self.counts["findings"] += 1

    def cells(self) -> list[str]:
        c = self.counts
        labelled = c["bug"] + c["wrong"] + c["noise"]
        precision = f"{c['bug'] / labelled:.0%}" if labelled else "-"
        counts = [c["findings"], c["bug"], c["wrong"], c["noise"], c[UNLABELLED]]
        return [*map(str, counts), precision]


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


LABEL_COLUMNS = ["findings", "bug", "wrong", "noise", "unlabelled", "precision"]


def report(runs: list[Run], labels: dict[str, dict[tuple[str, str], Label]]) -> list[str]:
    """Print the tables; return the lines of unlabelled findings."""
    to_read: list[str] = []
    severities: dict[str, str] = {}
    for group in ("default", OPT_IN):
        per_project: list[list[str]] = []
        per_rule: dict[str, Tally] = {}
        total = Tally()
        errors_not_bug = 0
        for run in runs:
            known = labels[run.project.name]
            tally = Tally()
            seen = set()
            for finding in run.findings[group]:
                k = key(finding)
                seen.add(k)
                label = known.get(k)
                kind = label.label if label else UNLABELLED
                severities[k[0]] = str(finding["severity"])
                if finding["severity"] == "error" and kind != "bug":
                    errors_not_bug += 1
                for t in (tally, per_rule.setdefault(k[0], Tally()), total):
                    t.add(kind)
                if label is None or label.label == UNLABELLED:
                    to_read.append(
                        f"{run.project.name}: {k[0]} {k[1]} ({group}): {finding['message']}"
                    )
            new = sum(1 for k in seen if k not in known)
            row = [run.project.name, str(run.files), *tally.cells(), f"+{new}"]
            if group == "default":
                row += [str(run.routes), str(run.unregistered), str(run.unresolved)]
                row.append(f"{run.seconds:.1f}")
            per_project.append(row)
        header = ["project", "files", *LABEL_COLUMNS, "new"]
        if group == "default":
            header += ["routes", "unregistered", "unresolved", "check s"]
        title = "Default rule set" if group == "default" else f"Opt-in group `{OPT_IN}`"
        print(f"\n### {title}: per project\n")
        print(table(header, [*per_project, ["**all**", "", *total.cells(), ""]]))
        print(f"\n### {title}: per rule\n")
        rows = [
            [code, severities.get(code, ""), *tally.cells()]
            for code, tally in sorted(per_rule.items())
        ]
        print(table(["rule", "severity", *LABEL_COLUMNS], rows))
        if group == "default":
            c = total.counts
            labelled = c["bug"] + c["wrong"] + c["noise"]
            if labelled:
                print(
                    f"\nTargets: bug {c['bug'] / labelled:.1%} (>= {TARGET_BUG:.0%}), "
                    f"wrong {c['wrong'] / labelled:.1%} (<= {TARGET_WRONG:.0%}), "
                    f"error findings not labelled bug: {errors_not_bug} (0)"
                )
    route_maps(runs)
    gone: list[str] = []
    for run in runs:
        seen = {key(f) for group in run.findings.values() for f in group}
        for k, label in sorted(labels[run.project.name].items()):
            if k not in seen:
                gone.append(f"{run.project.name}: {k[0]} {k[1]} was {label.label}: {label.why}")
    print(f"\n### Gone since the labels were written: {len(gone)}\n")
    print(table(["label", "count"], [[k, str(v)] for k, v in sorted(_gone_counts(gone).items())]))
    for line in gone:
        print(f"- {line}")
    return to_read


def route_maps(runs: list[Run]) -> None:
    """flask-lsp's static map against the one Flask builds, where the primer could build it."""
    compared = [run for run in runs if run.project.apps]
    if not compared:
        return
    print("\n### Route maps: flask-lsp against Flask's own\n")
    rows = []
    details = []
    for run in compared:
        if run.real_map is None:
            rows.append([run.project.name, str(run.routes), "-", "-", "-", "-"])
            details.append(f"- {run.project.name}: not built ({run.real_error})")
            continue
        same = run.static_map & run.real_map
        only_flask = sorted(run.real_map - run.static_map)
        only_ours = sorted(run.static_map - run.real_map)
        counts = [run.static_map, run.real_map, same, only_flask, only_ours]
        rows.append([run.project.name, *(str(len(c)) for c in counts)])
        for label, keys in (("only Flask", only_flask), ("only flask-lsp", only_ours)):
            shown = ", ".join(f"{e} {r} [{m}]" for e, r, m in keys[:8])
            if keys:
                more = f" (+{len(keys) - 8} more)" if len(keys) > 8 else ""
                details.append(f"- {run.project.name}, {label}: {shown}{more}")
    header = ["project", "flask-lsp", "Flask", "same", "only Flask", "only flask-lsp"]
    print(table(header, rows))
    if details:
        print()
        print("\n".join(details))


def _gone_counts(gone: list[str]) -> Counter[str]:
    return Counter(line.split(" was ", 1)[1].split(":", 1)[0] for line in gone)


def update_labels(runs: list[Run], labels: dict[str, dict[tuple[str, str], Label]]) -> None:
    """Rewrite each label file: labels of findings still reported are kept, new findings are
    added as `?` (with the message as the reason, to be replaced), gone ones are dropped."""
    LABELS.mkdir(parents=True, exist_ok=True)
    for run in runs:
        known = labels[run.project.name]
        out = io.StringIO()
        out.write(f"# {run.project.requirement}: {run.project.about}\n")
        findings = sorted(
            (f for group in run.findings.values() for f in group),
            key=lambda f: (str(f["path"]), int(str(f["line"])), int(str(f["column"])), f["code"]),
        )
        for finding in findings:
            code, place = key(finding)
            label = known.get((code, place))
            if label is None:
                label = Label(code, place, UNLABELLED, str(finding["message"]).replace("\n", " "))
            out.write(f"{code} {place} {label.label}: {label.why}\n")
        (LABELS / f"{run.project.name}.txt").write_text(out.getvalue(), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", action="append", help="only this project (repeatable)")
    parser.add_argument("--update", action="store_true", help="write new findings as `?`")
    args = parser.parse_args()
    projects = load_projects()
    if args.project:
        unknown = set(args.project) - {p.name for p in projects}
        if unknown:
            parser.error(f"unknown project(s): {', '.join(sorted(unknown))}")
        projects = [p for p in projects if p.name in args.project]
    runs = []
    for project in projects:
        print(f"  checking {project.name}", file=sys.stderr, flush=True)
        runs.append(run_project(project))
    labels = {run.project.name: read_labels(run.project) for run in runs}
    to_read = report(runs, labels)
    if to_read:
        print(f"\n### Unlabelled findings: {len(to_read)} (read the code, then label them)\n")
        for line in to_read:
            print(f"- {line}")
    if args.update:
        update_labels(runs, labels)
        print(f"\nLabel files updated under {LABELS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

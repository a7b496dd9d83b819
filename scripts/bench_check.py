#!/usr/bin/env python3
"""Benchmark `flask-lsp check` against the floor (bare ast.parse) and against peer linters.

Three parts, all measured side by side in one run so that a noisy machine moves every figure
alike and the ratios stay meaningful:

1. Real corpus: the sources of Flask applications and extensions nobody here wrote, fetched by
   pip (sdists, pinned) into ``.cache/bench/sdists`` and unpacked (``.py`` files only) into
   ``.cache/bench/corpus``. For the whole corpus: files, lines, seconds (median of --repeat),
   lines per second, and, in the same run, a process that reads and ``ast.parse``\\ s the same
   files (the floor for any Python analyser), with the ratio check / floor.
2. Peers, where they install (pinned, into their own venv ``.cache/bench/peers-venv`` so they
   never touch the project's): pylint with pylint-flask, flake8 with flake8-flask, run once
   each over the same corpus with their default settings, with ratios to the check.
3. Scaling: the check over generated workspaces of --sizes files (default 100, 1000, 5000),
   with seconds, per-file and per-1,000-line cost, to show that cost grows linearly.

    python scripts/bench_check.py                       # everything (downloads once)
    python scripts/bench_check.py --json out.json       # and write the figures as JSON
    python scripts/bench_check.py --no-peers --sizes ""  # corpus only
    python scripts/bench_check.py --corpus-dir DIR --no-peers --sizes 5,10 --repeat 1  # smoke
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from genworkspace import byte_compile_flask_lsp, generate_workspace

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / ".cache" / "bench"

# Real Flask code, pinned so that every run measures the same bytes.
CORPUS = [
    "Flask==3.1.3",
    "flask-admin==2.2.1",
    "Flask-AppBuilder==5.3.0",
    "apache-superset==6.1.0",
]

# Peers users would pick instead, pinned. flake8-flask requires flake8 < 4.
PEERS_REQUIREMENTS = [
    "pylint==4.1.4",
    "pylint-flask==0.6",
    "flake8==3.9.2",
    "flake8-flask==0.9.3",
]

TARGET_FLOOR_RATIO = 3.0

FLOOR_SCRIPT = """
import ast, os, sys
for top in sys.argv[1:]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py"):
                with open(os.path.join(dirpath, name), "rb") as fh:
                    source = fh.read()
                try:
                    ast.parse(source)
                except (SyntaxError, ValueError):
                    pass
"""


def log(msg: str) -> None:
    print(f"  {msg}", file=sys.stderr, flush=True)


# ---- corpus --------------------------------------------------------------------------------


def _safe_name(member: str) -> str | None:
    """The member's path below its top folder, or None when it is not a plain .py path."""
    parts = Path(member).parts
    if len(parts) < 2 or not member.endswith(".py") or ".." in parts or Path(member).is_absolute():
        return None
    return str(Path(*parts[1:]))


def _unpack_py(archive: Path, dest: Path) -> None:
    """Extract only the .py files of an sdist (tar.gz or zip) under ``dest``."""
    tmp = dest.with_name(dest.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    if archive.name.endswith((".tar.gz", ".tgz", ".tar")):
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                rel = _safe_name(member.name)
                if rel is None or not member.isfile():
                    continue
                data = tar.extractfile(member)
                if data is None:
                    continue
                target = tmp / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data.read())
    else:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                rel = _safe_name(info.filename)
                if rel is None or info.is_dir():
                    continue
                target = tmp / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(zf.read(info))
    # Python 2 leftovers (a few scripts in Flask-AppBuilder's sdist) parse under no Python 3:
    # drop them so that every tool measured sees the same files (flake8 3.9 aborts on them).
    for path in sorted(tmp.rglob("*.py")):
        try:
            ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            log(f"dropping {path.relative_to(tmp)}: not Python 3")
            path.unlink()
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)


def fetch_corpus(cache: Path, specs: list[str]) -> Path:
    """Download the pinned sdists (once) and unpack their .py files; return the corpus root."""
    sdists = cache / "sdists"
    corpus = cache / "corpus"
    sdists.mkdir(parents=True, exist_ok=True)
    corpus.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        name, _, version = spec.partition("==")
        key = f"{name.lower().replace('_', '-')}-{version}"
        dest = corpus / key
        if dest.exists():
            continue
        norm = name.lower().replace("-", "_")
        found = [p for p in sdists.iterdir() if p.name.lower().startswith(f"{norm}-{version}")]
        if not found:
            log(f"downloading {spec} (sdist)")
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
            ]
            cmd += ["--no-deps", "--no-binary", ":all:", "-d", str(sdists), spec]
            subprocess.run(cmd, check=True)
            found = [p for p in sdists.iterdir() if p.name.lower().startswith(f"{norm}-{version}")]
        if not found:
            raise SystemExit(f"pip did not leave an sdist for {spec} in {sdists}")
        _unpack_py(found[0], dest)
    # Only the pinned packages, even if the cache holds others from earlier runs.
    keep = {
        f"{s.partition('==')[0].lower().replace('_', '-')}-{s.partition('==')[2]}" for s in specs
    }
    for extra in corpus.iterdir():
        if extra.is_dir() and extra.name not in keep and not extra.name.endswith(".partial"):
            shutil.rmtree(extra)
    return corpus


@dataclass
class CorpusStats:
    files: int
    lines: int
    bytes: int
    syntax_errors: int
    parse_s: float  # in-process ast.parse only (no reading, no startup)


def corpus_stats(root: Path) -> CorpusStats:
    files = lines = size = bad = 0
    sources: list[bytes] = []
    for path in sorted(root.rglob("*.py")):
        data = path.read_bytes()
        sources.append(data)
        files += 1
        size += len(data)
        lines += data.count(b"\n")
    start = time.perf_counter()
    for data in sources:
        try:
            ast.parse(data)
        except (SyntaxError, ValueError):
            bad += 1
    return CorpusStats(files, lines, size, bad, time.perf_counter() - start)


# ---- running things ------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float
    returncode: int
    stdout: bytes
    stderr: bytes


def timed(cmd: list[str], cwd: Path | None = None, timeout: float | None = None) -> Run:
    """Run a command; wall and CPU seconds (its process tree, via RUSAGE_CHILDREN)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, check=False)
        code, out, err = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        code, out, err = -9, exc.stdout or b"", exc.stderr or b""
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, code, out, err)


CHECK_PREFIX: list[str] = []


def check_command(paths: list[Path]) -> list[str]:
    if CHECK_PREFIX:
        base = CHECK_PREFIX
    else:
        exe = Path(sys.executable).with_name("flask-lsp")
        base = [str(exe), "check"] if exe.exists() else [sys.executable, "-m", "flask_lsp", "check"]
    return [*base, *map(str, paths), "--format", "json", "--no-progress"]


def run_check(paths: list[Path], cwd: Path) -> tuple[Run, int | None]:
    run = timed(check_command(paths), cwd=cwd)
    if run.returncode not in (0, 1):
        tail = run.stderr.decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"flask-lsp check failed (exit {run.returncode}):\n{tail}")
    try:
        findings = len(json.loads(run.stdout or b"[]"))
    except json.JSONDecodeError:
        findings = None
    return run, findings


def run_floor(paths: list[Path]) -> Run:
    return timed([sys.executable, "-c", FLOOR_SCRIPT, *map(str, paths)])


def measure_check_and_floor(paths: list[Path], cwd: Path, repeat: int) -> dict[str, Any]:
    """Interleave check and floor runs (so drift hits both alike); medians and all samples."""
    checks: list[Run] = []
    floors: list[Run] = []
    findings: int | None = None
    for _ in range(repeat):
        run, findings = run_check(paths, cwd)
        checks.append(run)
        floors.append(run_floor(paths))
    check_s = statistics.median(r.wall for r in checks)
    floor_s = statistics.median(r.wall for r in floors)
    check_cpu = statistics.median(r.cpu for r in checks)
    floor_cpu = statistics.median(r.cpu for r in floors)
    return {
        "floor_cpu_s": round(floor_cpu, 3),
        "cpu_ratio_to_floor": round(check_cpu / floor_cpu, 2) if floor_cpu else None,
        "check_s": round(check_s, 3),
        "check_cpu_s": round(statistics.median(r.cpu for r in checks), 3),
        "check_runs_s": [round(r.wall, 3) for r in checks],
        "floor_s": round(floor_s, 3),
        "floor_runs_s": [round(r.wall, 3) for r in floors],
        "ratio_to_floor": round(check_s / floor_s, 2) if floor_s else None,
        "findings": findings,
    }


# ---- peers ---------------------------------------------------------------------------------


def peers_venv(cache: Path) -> Path | None:
    """Create (once) a venv with the pinned peers; None when they cannot be installed here."""
    venv = cache / "peers-venv"
    stamp = venv / "requirements.txt"
    wanted = "\n".join(PEERS_REQUIREMENTS) + "\n"
    python = venv / "bin" / "python"
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return venv
    log("creating the peers' venv " + " ".join(PEERS_REQUIREMENTS))
    if venv.exists():
        shutil.rmtree(venv)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    cmd = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    proc = subprocess.run([*cmd, *PEERS_REQUIREMENTS], capture_output=True, check=False)
    if proc.returncode != 0:
        log("peers do not install here: " + proc.stderr.decode("utf-8", "replace")[-500:])
        return None
    stamp.write_text(wanted)
    return venv


def peer_commands(venv: Path, target: Path) -> dict[str, list[str]]:
    bin_ = venv / "bin"
    return {
        "pylint + pylint-flask": [
            str(bin_ / "pylint"),
            "--load-plugins=pylint_flask",
            "--recursive=y",
            "--score=n",
            "--reports=n",
            str(target),
        ],
        "flake8 + flake8-flask": [str(bin_ / "flake8"), "--exit-zero", str(target)],
    }


def measure_peers(
    venv: Path, target: Path, check_s: float, check_cpu_s: float, timeout: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, cmd in peer_commands(venv, target).items():
        log(f"peer: {name} ...")
        run = timed(cmd, cwd=target, timeout=timeout)
        entry: dict[str, Any] = {
            "command": " ".join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd)),
            "seconds": round(run.wall, 2),
            "cpu_s": round(run.cpu, 2),
            "exit": run.returncode,
            "timed_out": run.returncode == -9,
            "crashed": b"Traceback (most recent call last)" in run.stderr,
            "ratio_to_check": round(run.wall / check_s, 1) if check_s else None,
            "cpu_ratio_to_check": round(run.cpu / check_cpu_s, 1) if check_cpu_s else None,
        }
        # pylint's exit status is a bit mask of message kinds; 32 is a usage error, and a
        # crash is 1 (fatal). Record the tail of stderr when something looks wrong.
        if (
            entry["crashed"]
            or run.returncode in (-9, 32)
            or (name.startswith("pylint") and run.returncode & 1)
        ):
            entry["stderr_tail"] = run.stderr.decode("utf-8", "replace")[-400:]
        entry["messages"] = sum(
            1 for line in run.stdout.decode("utf-8", "replace").splitlines() if ":" in line
        )
        out[name] = entry
        log(f"peer: {name}: {entry['seconds']} s")
    return out


# ---- scaling -------------------------------------------------------------------------------


def scaling(cache: Path, sizes: list[int], repeat: int, seed: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for n in sizes:
        root = cache / "scaling" / f"seed{seed}-{n}"
        stamp = root / ".generated"
        if not stamp.exists():
            generate_workspace(root, files=n, seed=seed)
            stamp.write_text("ok\n")
        stats = corpus_stats(root)
        m = measure_check_and_floor([root], root, repeat)
        m.update(
            files=stats.files,
            lines=stats.lines,
            per_file_ms=round(m["check_s"] * 1000 / stats.files, 3),
            per_kline_ms=round(m["check_s"] * 1_000_000 / stats.lines, 2),
        )
        rows.append(m)
        log(f"scaling: {n} files: {m['check_s']} s ({m['per_file_ms']} ms/file)")
    return rows


# ---- report --------------------------------------------------------------------------------


def format_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report(results: dict[str, Any]) -> str:
    parts: list[str] = []
    c = results.get("corpus")
    if c:
        parts.append(f"Corpus: {', '.join(c['packages'])}")
        rows = [["tool", "files", "lines", "seconds", "lines/s", "ratio", "note"]]
        lps = c["lines"] / c["check_s"] if c["check_s"] else 0.0
        ratio_ok = c["ratio_to_floor"] is not None and c["ratio_to_floor"] <= TARGET_FLOOR_RATIO
        rows.append(
            [
                "flask-lsp check",
                str(c["files"]),
                str(c["lines"]),
                f"{c['check_s']:.2f}",
                f"{lps:,.0f}",
                f"{c['ratio_to_floor']}x floor",
                f"target <= {TARGET_FLOOR_RATIO:.0f}x: {'met' if ratio_ok else 'MISSED'}; "
                f"{c['findings']} findings; cpu {c['check_cpu_s']:.2f} s "
                f"({c['cpu_ratio_to_floor']}x floor's)",
            ]
        )
        floor_lps = c["lines"] / c["floor_s"] if c["floor_s"] else 0.0
        rows.append(
            [
                "floor: read + ast.parse",
                str(c["files"]),
                str(c["lines"]),
                f"{c['floor_s']:.2f}",
                f"{floor_lps:,.0f}",
                "1x",
                f"cpu {c['floor_cpu_s']:.2f} s; in-process parse only {c['parse_only_s']:.2f} s; "
                f"{c['syntax_errors']} files do not parse",
            ]
        )
        for name, p in results.get("peers", {}).items():
            faster = p["seconds"] > c["check_s"]
            rows.append(
                [
                    name,
                    str(c["files"]),
                    str(c["lines"]),
                    f"{p['seconds']:.2f}"
                    + (" (timeout)" if p["timed_out"] else "")
                    + (" (crashed)" if p["crashed"] else ""),
                    f"{c['lines'] / p['seconds']:,.0f}" if p["seconds"] else "-",
                    f"{p['ratio_to_check']}x check",
                    f"check faster: {'yes' if faster else 'NO'}; cpu {p['cpu_s']:.2f} s "
                    f"({p['cpu_ratio_to_check']}x); exit {p['exit']}",
                ]
            )
        if "peers_skipped" in results:
            rows.append(["peers", "", "", "", "", "", results["peers_skipped"]])
        parts.append(format_table(rows))
    s = results.get("scaling")
    if s:
        parts.append("")
        parts.append("Scaling (generated workspaces)")
        rows = [
            ["files", "lines", "check s", "ms/file", "ms/1k lines", "floor s", "ratio", "cpu ratio"]
        ]
        for r in s:
            rows.append(
                [
                    str(r["files"]),
                    str(r["lines"]),
                    f"{r['check_s']:.2f}",
                    f"{r['per_file_ms']:.2f}",
                    f"{r['per_kline_ms']:.1f}",
                    f"{r['floor_s']:.2f}",
                    f"{r['ratio_to_floor']}x",
                    f"{r['cpu_ratio_to_floor']}x",
                ]
            )
        parts.append(format_table(rows))
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="download/venv folder")
    parser.add_argument("--corpus-dir", type=Path, help="measure this folder instead of the corpus")
    parser.add_argument("--no-corpus", action="store_true", help="skip the real-corpus part")
    parser.add_argument("--no-peers", action="store_true", help="skip pylint / flake8")
    parser.add_argument("--peer-timeout", type=float, default=1800.0, help="seconds per peer")
    parser.add_argument("--sizes", default="100,1000,5000", help="scaling sizes ('' to skip)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of check and floor (median)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--check-cmd",
        help="command to measure instead of 'flask-lsp check' (e.g. another checkout's)",
    )
    args = parser.parse_args(argv)
    args.cache = args.cache.resolve()
    byte_compile_flask_lsp()
    if args.check_cmd:
        CHECK_PREFIX[:] = shlex.split(args.check_cmd)
        if os.sep in CHECK_PREFIX[0]:
            CHECK_PREFIX[0] = os.path.abspath(CHECK_PREFIX[0])

    results: dict[str, Any] = {
        "meta": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "check": check_command([Path("PATH")]),
            "repeat": args.repeat,
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
        }
    }
    if not args.no_corpus:
        if args.corpus_dir:
            corpus = args.corpus_dir.resolve()
            packages = [corpus.name]
        else:
            corpus = fetch_corpus(args.cache, CORPUS)
            packages = CORPUS
        stats = corpus_stats(corpus)
        log(f"corpus: {stats.files} files, {stats.lines} lines; measuring check and floor")
        m = measure_check_and_floor([corpus], corpus, args.repeat)
        m.update(
            packages=packages,
            files=stats.files,
            lines=stats.lines,
            bytes=stats.bytes,
            syntax_errors=stats.syntax_errors,
            parse_only_s=round(stats.parse_s, 3),
            lines_per_s=round(stats.lines / m["check_s"]) if m["check_s"] else None,
        )
        results["corpus"] = m
        log(f"check {m['check_s']} s, floor {m['floor_s']} s, ratio {m['ratio_to_floor']}")
        if args.no_peers:
            results["peers_skipped"] = "skipped (--no-peers)"
        else:
            venv = peers_venv(args.cache)
            if venv is None:
                results["peers_skipped"] = "skipped: they do not install here"
            else:
                # Peers get a copy-free view of the same files: the same folder.
                results["peers"] = measure_peers(
                    venv, corpus, m["check_s"], m["check_cpu_s"], args.peer_timeout
                )
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if sizes:
        results["scaling"] = scaling(args.cache, sizes, args.repeat, args.seed)
    results["meta"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(report(results))
    before = results["meta"]["load_average_before"][0]
    after = results["meta"]["load_average_after"][0]
    print(
        f"\nmachine load average (1 min) before / after: {before} / {after} on {os.cpu_count()} CPUs"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

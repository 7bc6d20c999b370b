"""`make bench`: full and incremental build times, per stage, with peak memory; Pelican beside.

Each measured build runs in a fresh process. Peak memory is the summed PSS of it and its
workers (sampled every 50 ms; pages shared through fork counted once), taken in one more
build of each kind after the timed ones (sampling slows a build), beside the main
process's own peak RSS in the timed ones. Medians of --runs runs. Pelican builds the same
1,000 articles in the same run (installed into a private venv under .cache/bench-pelican on
first use), right after each Gloss full build, so that a shared machine's drift touches
both alike; the ratio printed is the median of those pairs' ratios.

A cold build starts with no output/ and no .cache/, but the old ones are moved aside, not
deleted, until the end of the run (both tools alike): on an ext4 file system without a
journal, as on these machines, the kernel skips every inode deleted in the last minute
when it makes a new file (`recently_deleted` in `find_inode_bit`), so a build that starts
right after deleting 2,000 files spends seconds of system time scanning past them. That
is the benchmark's deletion, not the build's work. The same holds after any large
deletion on the machine (a test run's temporary folders, an earlier benchmark's trash):
making a file of 16 KB then costs 230-500 µs instead of 30-40 µs for a minute or two, and
Gloss, which writes 2,100 files to Pelican's 1,100, loses more than Pelican does (a ratio
of 0.45 against 0.37 measured an hour apart on the same code). So the run first waits
until making files costs what it usually does (`settle`, at most four minutes), and
prints what it cost before the first build and after the last.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import gc, json, os, resource, sys, time
from pathlib import Path
from builder import bodies
from builder.batch import batch_gc, inputs_stamp, read_stamps
from builder.places import MANIFEST


def finish(data):  # as `gloss build` ends (builder.cli.run): no freeing of every object
    print(json.dumps(data))
    sys.stdout.flush()
    os._exit(0)


started = time.perf_counter()
batch_gc()  # as build_command does
output = Path("output")
stamp = inputs_stamp(Path("content"), output)
if read_stamps().get(str(output.resolve())) == stamp and (output / MANIFEST).is_file():
    finish({"seconds": time.perf_counter() - started, "stages": {}, "written": 0,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
bodies.prestart(Path("content"))  # as build_command does, then imports the rest
from builder.build import load_builder, save_builder, write_site
builder = load_builder(Path("content"), output)
gc.freeze()  # as build_command does
built = builder.build(output)
assert not built.problems, built.problems[:3]
clock = time.perf_counter()
written = write_site(built, output)
builder.commit(built)
save_builder(builder, output)
stamps = {**read_stamps(), str(output.resolve()): stamp}
Path(".cache/inputs.json").write_text(json.dumps(stamps))
timings = dict(built.timings, write=time.perf_counter() - clock)
finish({"seconds": time.perf_counter() - started, "stages": timings, "written": len(written),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024})
"""

LIVE_PROBE = """
import json, statistics, sys, time
from pathlib import Path
from builder.build import Builder, server_gc, write_site
output, runs = Path("output"), int(sys.argv[1])
builder = Builder(Path("content"))
built = builder.build(output)
write_site(built, output)
builder.commit(built)
server_gc()  # as `gloss serve` does after its first build
article = Path("content/articles/article-00001.md")
original = article.read_text(encoding="utf-8")
pages, total, written = [], [], []
try:
    for i in range(runs):
        article.write_text(original + f"\\n\\nA live sentence, edit {i}.\\n", encoding="utf-8")
        started = time.perf_counter()
        built = builder.build(output, with_search=False)
        files = write_site(built, output)
        builder.commit(built)
        pages.append(time.perf_counter() - started)
        built = builder.build_search(output)
        files += write_site(built, output)
        builder.commit(built)
        total.append(time.perf_counter() - started)
        written.append(len(files))
finally:
    article.write_text(original, encoding="utf-8")
print(json.dumps({"pages": statistics.median(pages), "total": statistics.median(total),
                  "written": statistics.median(written)}))
"""


def live_runs(work: Path, runs: int) -> dict:
    """One-article edits in one long-lived process, as `gloss serve` rebuilds: the pages
    (what the open tab waits for), then the search index."""
    result = subprocess.run([sys.executable, "-c", LIVE_PROBE, str(runs)], cwd=work,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def site(n: int, base: Path) -> Path:
    work = base / f"site-{n}"
    if not work.exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench/gen_corpus.py"),
                "--n",
                str(n),
                "--out",
                str(work / "content"),
            ],
            check=True,
        )
    shutil.rmtree(work / "theme", ignore_errors=True)  # always today's theme
    shutil.copytree(ROOT / "theme", work / "theme")
    shutil.copy(ROOT / "site.toml", work / "site.toml")
    return work


def process_tree(pid: int) -> list[int]:
    """pid and all its descendants (Linux /proc)."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                for child in handle.read().split():
                    found += process_tree(int(child))
    except OSError:
        pass
    return found


def pss_kb(pid: int) -> int:
    """A process's proportional set size: pages shared with forked workers counted once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            return next((int(line.split()[1]) for line in handle if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def run_build(work: Path, sample: bool = False) -> dict:
    """One build in a fresh process: wall time (with interpreter start) and stages; with
    `sample`, the peak memory of the whole process tree too (the build and its workers,
    sampled every 50 ms). Timed builds are not sampled: reading every process's
    smaps_rollup 20 times a second made a first build 10 % slower (4.34 -> 4.80 s, eight
    alternated builds), which Pelican's builds, timed alone, were spared."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen([sys.executable, "-c", PROBE], cwd=work, stdout=out, text=True)
        # The end is taken by a thread blocked in wait(), not by the sampling loop: polling
        # every 50 ms added 25 ms on average to each build's time (Pelican's is taken by
        # subprocess.run, exactly).
        ended: list[float] = []

        def wait() -> None:
            process.wait()
            ended.append(time.perf_counter())

        waiter = threading.Thread(target=wait)
        waiter.start()
        peak = 0
        while sample and waiter.is_alive():
            peak = max(peak, sum(pss_kb(p) for p in process_tree(process.pid)))
            waiter.join(0.05)
        waiter.join()
        wall = ended[0] - started
        if process.returncode:
            raise SystemExit(f"build failed in {work}")
        out.seek(0)
        data = json.loads(out.read().strip().splitlines()[-1])
    data["wall"] = wall
    data["tree_mb"] = peak / 1024
    return data


TRASH = Path(tempfile.gettempdir()) / "gloss-bench-build" / "trash"


def set_aside(path: Path) -> None:
    """Move path out of the way, to be deleted by empty_trash (see the module docstring);
    deleted now if the disk is short of room for the run's old outputs."""
    if not path.exists():
        return
    if shutil.disk_usage(path.parent).free < 8 << 30:
        shutil.rmtree(path, ignore_errors=True)
        return
    TRASH.mkdir(parents=True, exist_ok=True)
    path.rename(Path(tempfile.mkdtemp(dir=TRASH)) / path.name)


def empty_trash() -> None:
    shutil.rmtree(TRASH, ignore_errors=True)


def file_cost_us(base: Path, files: int = 200) -> float:
    """Wall µs to make one file of 16 KB in a new folder under base. The folder is set
    aside with the old outputs, not deleted: a deletion slows the files made right after
    it (see the module docstring), and the first timed build came right after this one."""
    folder = Path(tempfile.mkdtemp(dir=base, prefix="file-cost-"))
    data = b"x" * 16384
    started = time.perf_counter()
    for i in range(files):
        (folder / f"{i}.html").write_bytes(data)
    took = time.perf_counter() - started
    set_aside(folder)
    return took / files * 1e6


def settle(base: Path, usual_us: float = 120.0, longest: float = 240.0) -> float:
    """Wait until making a file costs no more than usual (see the module docstring);
    return the last cost measured."""
    deadline = time.monotonic() + longest
    cost = file_cost_us(base)
    while cost > usual_us and time.monotonic() < deadline:
        print(f"making a file costs {cost:.0f} µs (after a large deletion?): waiting",
              flush=True)
        time.sleep(15)
        cost = file_cost_us(base)
    return cost


def cold(work: Path) -> None:
    set_aside(work / "output")
    set_aside(work / ".cache")


def median_of(runs: list[dict]) -> dict:
    stages = {k: statistics.median(r["stages"].get(k, 0) for r in runs)
              for k in runs[0]["stages"]}
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "walls": [r["wall"] for r in runs],
        "stages": stages,
        "peak_mb": max(r["peak_mb"] for r in runs),
        "child_mb": max(r.get("child_mb", 0) for r in runs),
        "tree_mb": max(r.get("tree_mb", 0) for r in runs),
        "written": statistics.median(r["written"] for r in runs),
    }


def gloss_runs(work: Path, runs: int, between: Callable[[], None] = lambda: None,
               warm_up: Callable[[], None] = lambda: None) -> dict[str, dict]:
    """Full, no-change and one-article builds, `runs` times; `between` runs after each full
    build (Pelican's build, so that both see the same state of a shared machine). First
    one untimed full build, and `warm_up` (Pelican's, untimed): in the runs of 2026-12-08
    the first of the five pairs had the highest ratio in 12 of 23 runs (chance: a fifth)."""
    results: dict[str, list[dict]] = {
        "full build": [],
        "no-change rebuild": [],
        "one-article rebuild": [],
    }
    article = work / "content/articles/article-00001.md"
    original = article.read_text(encoding="utf-8")
    cold(work)
    run_build(work)
    warm_up()
    for i in range(runs):
        cold(work)
        results["full build"].append(run_build(work))
        between()
        results["no-change rebuild"].append(run_build(work))
        article.write_text(original + f"\n\nAn added sentence, run {i}.\n", encoding="utf-8")
        results["one-article rebuild"].append(run_build(work))
        article.write_text(original, encoding="utf-8")
        run_build(work)
    # Then each kind once more, its memory sampled (not timed: see run_build).
    cold(work)
    peaks = {"full build": run_build(work, sample=True)["tree_mb"],
             "no-change rebuild": run_build(work, sample=True)["tree_mb"]}
    article.write_text(original + "\n\nAn added sentence, sampled.\n", encoding="utf-8")
    peaks["one-article rebuild"] = run_build(work, sample=True)["tree_mb"]
    article.write_text(original, encoding="utf-8")
    run_build(work)
    return {name: {**median_of(r), "tree_mb": peaks[name]} for name, r in results.items()}


def pelican_python(base: Path) -> Path | None:
    venv = ROOT / ".cache/bench-pelican"
    python = venv / "bin/python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "pelican[markdown]"], check=False
        )
        if done.returncode:
            return None
    return python


def pelican_site(work: Path) -> Path:
    """The same articles in Pelican's Markdown format (metadata lines instead of YAML)."""
    target = work.parent / (work.name + "-pelican")
    if target.exists():
        return target
    (target / "content").mkdir(parents=True)
    for path in sorted((work / "content/articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
        tags = meta.get("tags", "").strip("[]")
        header = (
            f"Title: {meta['title'].strip(chr(34))}\nDate: {meta['date']}\n"
            f"Category: {meta['source']}\nTags: {tags}\n\n"
        )
        (target / "content" / path.name).write_text(header + body, encoding="utf-8")
    (target / "pelicanconf.py").write_text(
        "SITENAME = 'bench'\nPATH = 'content'\nTIMEZONE = 'UTC'\nDEFAULT_LANG = 'en'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nRELATIVE_URLS = True\n"
        "DEFAULT_PAGINATION = 50\nLOAD_CONTENT_CACHE = False\n"
    )
    return target


def pelican_build(python: Path, work: Path) -> float:
    """One Pelican build from scratch: its wall time."""
    set_aside(work / "output")
    started = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "pelican", "content", "-o", "output", "-s", "pelicanconf.py", "-q"],
        cwd=work,
        check=True,
    )
    return time.perf_counter() - started


def _pelican_into(times: list[float], python: Path, work: Path) -> None:
    times.append(pelican_build(python, work))


# The build's wall-clock stages in the order they run (Builder.build's laps), then write.
WALL_STAGES = ("load", "markdown+annotate", "pages", "plan", "search", "render", "write",
               "pages written")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-pelican", action="store_true")
    args = parser.parse_args()
    base = Path(tempfile.gettempdir()) / "gloss-bench-build"
    base.mkdir(exist_ok=True)
    empty_trash()  # a run stopped halfway leaves its old outputs there
    # Byte-compiled as `make build` does (Pelican's modules are, by pip): where
    # PYTHONDONTWRITEBYTECODE is set, every build would compile builder/ again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "builder")], check=True)
    print(f"cores: {os.cpu_count()}; medians of {args.runs} runs; each build a fresh process")
    print(f"making a 16 KB file: {settle(base):.0f} µs before the builds", flush=True)
    table = []
    for n in (int(s) for s in args.sizes.split(",")):
        work = site(n, base)
        python = pelican_python(base) if n == 1000 and not args.no_pelican else None
        if n == 1000 and not args.no_pelican and python is None:
            print("pelican could not be installed; no comparison")
        pelican: list[float] = []
        between = (functools.partial(_pelican_into, pelican, python, pelican_site(work))
                   if python is not None else (lambda: None))
        warm_up = (functools.partial(pelican_build, python, pelican_site(work))
                   if python is not None else (lambda: None))
        for name, result in gloss_runs(work, args.runs, between, warm_up).items():
            table.append((n, name, result))
        live = live_runs(work, max(5, args.runs))
        table.append((n, "one-article rebuild, live server (pages, then search)",
                      {"wall": live["total"], "stages": {"pages written": live["pages"]},
                       "peak_mb": 0, "written": live["written"]}))
        if pelican:
            gloss = next(r for m, name, r in table if m == n and name == "full build")
            table.append((n, "pelican full build", {"wall": statistics.median(pelican),
                                                   "stages": {}, "peak_mb": 0, "written": 0}))
            ratios = [g / p for g, p in zip(gloss["walls"], pelican, strict=True)]
            print(f"\n{n} articles: Gloss full build {gloss['wall']:.2f} s, Pelican "
                  f"{statistics.median(pelican):.2f} s (medians); ratio of each Gloss build to "
                  f"the Pelican build right after it: median {statistics.median(ratios):.3f} "
                  f"({', '.join(f'{r:.3f}' for r in ratios)})")  # (3 digits: the target is 0.35)
    print(f"making a 16 KB file: {file_cost_us(base):.0f} µs after the builds")
    empty_trash()
    found = {k for _, _, r in table for k in r["stages"]}
    stages = [k for k in WALL_STAGES if k in found] + sorted(found - set(WALL_STAGES))
    print("\n| articles | build | wall s | peak MB, all processes (PSS) | main process RSS MB | "
          "largest worker RSS MB | files written | "
          + " | ".join(stages) + " |")
    print("|---" * (7 + len(stages)) + "|")
    for n, name, r in table:
        cells = " | ".join(f"{r['stages'][k]:.2f}" if k in r["stages"] else "" for k in stages)
        print(
            f"| {n} | {name} | {r['wall']:.2f} | {r.get('tree_mb', 0):.0f} | {r['peak_mb']:.0f} | "
            f"{r.get('child_mb', 0):.0f} | "
            f"{r['written']:.0f} | "
            f"{cells} |"
        )
    print("\nStages are wall seconds of the main process, in order; `bodies, CPU: …` are "
          "CPU seconds of each step of rendering the article bodies, summed over the processes "
          "that did it (in a full build, the workers, while the main process waits in `load`).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

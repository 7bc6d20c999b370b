"""`make bench-serve`: save-to-served latency of the live server on a 1,000-article site.

Starts `gloss serve` on a generated corpus, then 20 times appends a sentence to one
article, edits one glossary description, and edits the base template, timing each save
until the new text is served over HTTP (fetched when the server announces a rebuild on its
live-reload stream, as an open page would). Prints median and 90th percentile, and how many
files each rebuild wrote (from the server's own log).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_served(url: str, needle: str, timeout: float = 30.0,
                events: Events | None = None) -> float:
    """When `needle` is first served at `url`.

    With `events`, the page is fetched each time the server announces a rebuild, as the
    open browser tab does (polling every few ms would steal the server's time from the
    rebuild it measures); a fetch every 0.25 s is the fallback.
    """
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if needle in fetch(url):
                return time.perf_counter()
        except OSError:
            pass
        if events is None:
            time.sleep(0.005)
        else:
            events.wait(0.25)
    raise TimeoutError(f"{needle!r} never appeared at {url}")


class Events:
    """The server's live-reload stream (/__gloss/events), read in a thread."""

    def __init__(self, base: str) -> None:
        self._signal = threading.Event()
        self._response = urllib.request.urlopen(base + "__gloss/events", timeout=60)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self._response:
            if line.startswith(b"data:"):
                self._signal.set()

    def clear(self) -> None:
        self._signal.clear()

    def wait(self, timeout: float) -> None:
        self._signal.wait(timeout)
        self._signal.clear()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gloss-bench-serve-"))
    try:
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench/gen_corpus.py"),
                "--n",
                str(args.n),
                "--out",
                str(work / "content"),
            ],
            check=True,
        )
        shutil.copytree(ROOT / "theme", work / "theme")
        shutil.copy(ROOT / "site.toml", work / "site.toml")
        (work / "seeds").mkdir()
        subprocess.run(
            [sys.executable, "-m", "builder", "build"],
            cwd=work,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "builder", "serve", "--port", str(port)],
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        log: list[str] = []
        threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
        base = f"http://127.0.0.1:{port}/"
        wait_served(base, "<html", timeout=120)
        events = Events(base)
        results = {}
        article = work / "content/articles/article-00042.md"
        results["one article"] = measure(
            article,
            base + "articles/article-00042.html",
            args.repeat,
            log,
            events,
            lambda text, i: text + f"\n\nBenchmark sentence number {i} was added.\n",
            lambda i: f"Benchmark sentence number {i} was added.",
        )
        # Saves 0.5–2.5 s apart, as a writer saves: some land while the search index (rebuilt
        # after a 1 s pause in edits) is being made, and wait for it.
        pauses = random.Random(5)
        results["one article, paced"] = measure(
            article,
            base + "articles/article-00042.html",
            args.repeat,
            log,
            events,
            lambda text, i: text + f"\n\nPaced sentence number {i} was added.\n",
            lambda i: f"Paced sentence number {i} was added.",
            pause=lambda: pauses.uniform(0.5, 2.5),
        )
        glossary = work / "content/glossary.yaml"
        entity = re.search(r'- name: "([^"]+)"', glossary.read_text(encoding="utf-8")).group(1)
        slug = re.sub(r"[^a-z0-9]+", "-", entity.lower()).strip("-")
        results["glossary entry"] = measure(
            glossary,
            base + f"entities/{slug}.html",
            args.repeat,
            log,
            events,
            lambda text, i: re.sub(
                r'(description: ")[^"]*', rf"\g<1>Edited description {i}", text, count=1
            ),
            lambda i: f"Edited description {i}",
        )
        template = work / "theme/templates/base.html"
        results["template"] = measure(
            template,
            base + "glossary.html",
            max(3, args.repeat // 4),
            log,
            events,
            lambda text, i: re.sub(
                r"Built with Gloss[^.<{]*\.", f"Built with Gloss, edit {i}.", text
            ),
            lambda i: f"Built with Gloss, edit {i}.",
        )
        server.terminate()
        server.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nsave-to-served latency, {args.n} articles ({args.repeat} edits each)")
    print(f"{'edit':20} {'median':>8} {'p90':>8} {'files written (median)':>24}")
    for name, (times, written) in results.items():
        median, p90 = statistics.median(times) * 1000, percentile(times, 0.9) * 1000
        print(f"{name:20} {median:6.0f}ms {p90:6.0f}ms {statistics.median(written):24.0f}")
    return 0


def measure(path: Path, url: str, repeat: int, log: list[str], events: Events, edit, needle,
            pause=lambda: 0.0):
    times, written = [], []
    for i in range(repeat):
        time.sleep(pause())
        text = path.read_text(encoding="utf-8")
        mark = len(log)
        events.clear()
        started = time.perf_counter()
        path.write_text(edit(text, i), encoding="utf-8")
        times.append(wait_served(url, needle(i), events=events) - started)
        time.sleep(0.3)  # let the rebuild's log line arrive
        counts = [
            int(m.group(1))
            for line in log[mark:]
            if (m := re.search(r"(\d+) file\(s\) written", line))
        ]
        written.append(sum(counts))
    return times, written


if __name__ == "__main__":
    raise SystemExit(main())

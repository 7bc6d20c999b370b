"""Helpers the tests share: the project root, running the CLI as a user would, reading
the search index a build wrote."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))


def run_gloss(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m builder ARGS` in cwd."""
    return subprocess.run(
        [sys.executable, "-m", "builder", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages or Netlify: quiet, and a missing path gets the site's 404.html."""

    not_found: Path

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404 or not self.not_found.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def static_host(site: Path, sub_path: str) -> Iterator[str]:
    """Serve a built site over HTTP on loopback under sub_path (e.g. "some/sub/path");
    yields the site's URL, ending in "/"."""
    root = Path(tempfile.mkdtemp(prefix="gloss-host-"))
    mount = root / sub_path
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(site.resolve(), target_is_directory=True)
    handler = type("Host", (_StaticHost,), {"not_found": site / "404.html"})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{sub_path}/"
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(root, ignore_errors=True)


def search_part(data: bytes) -> object:
    """The value a part script registers (JSON.parse('…') undone in Python)."""
    text = data.decode("utf-8")
    body = re.fullmatch(r"\(window\.GLOSS_SEARCH_PARTS=window\.GLOSS_SEARCH_PARTS\|\|\{\}\)"
                        r"\[\"[a-z0-9]+\"\]=JSON\.parse\('(.*)'\);\n", text, re.S)
    assert body, text[:200]
    raw = re.sub(r"\\(.)", lambda m: {"u": "\\u"}.get(m.group(1), m.group(1)), body.group(1))
    return json.loads(raw)


def search_index_content(files: dict[str, bytes]
                         ) -> tuple[dict[tuple[str, int, int], int], int, list]:
    """What an index holds, whatever its shards and term numbers: (term, field, ref) → count,
    the number of documents and their field lengths. Checks that the shards hold sorted
    terms from their first on, and that no two terms share a number."""
    manifest = search_part(files["search/index.js"])
    postings: dict[tuple[str, int, int], int] = {}
    numbers = []
    for n, (first, size) in enumerate(manifest["shards"]):
        assert len(files[f"search/t{n}.js"]) == size
        rows = search_part(files[f"search/t{n}.js"])
        terms = [row[0] for row in rows]
        assert terms == sorted(terms) and (n == 0 or not terms or terms[0] >= first)
        for term, number, *cells in rows:
            numbers.append(number)
            assert any(cells), term  # a term no document holds is gone
            for f, cell in enumerate(cells):
                for ref, count in zip(accumulate(cell[0]), cell[1], strict=True) if cell else ():
                    postings[term, f, ref] = count
    assert len(set(numbers)) == len(numbers)
    return postings, manifest["docs"], manifest["lengths"]


def same_site(built: dict[str, bytes], full: dict[str, bytes]) -> bool:
    """Whether two sites' files (path → content) are the same: byte for byte, but for the
    search index's manifest and term shards, which must hold the same postings (an edit
    of a few documents patches the shards of its terms: cut and numbered otherwise than
    an index made whole)."""
    index = {p for p in built.keys() | full.keys() if re.fullmatch(r"search/(t\d+|index)\.js", p)}
    return ({p: data for p, data in built.items() if p not in index}
            == {p: data for p, data in full.items() if p not in index}
            and search_index_content(built) == search_index_content(full))


def site_files(folder: Path) -> dict[str, bytes]:
    """A built site's files, path → content (not the manifest of what a build wrote)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != ".gloss-manifest.json"}

"""Helpers the tests share: the project root and running the CLI as a user would."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
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

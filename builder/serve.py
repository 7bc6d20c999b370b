"""`gloss serve`: build, serve output/ over HTTP, rebuild on change, reload open pages.

Watching, debouncing and rebuilding live here; the build itself is build.py's.
Live reload uses Server-Sent Events; the script is injected into served pages
only, never into the files on disk.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import queue
import sys
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from builder.build import Builder, server_gc, write_site

EVENTS_PATH = "/__gloss/events"
SCRIPT_PATH = "/__gloss/live.js"
IGNORED_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~", ".part", ".crdownload", ".kate-swp")
LIVE_JS = """(function () {
  var key = "gloss-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved) { sessionStorage.removeItem(key); window.scrollTo(0, parseInt(saved, 10)); }
  var source = new EventSource("/__gloss/events");
  function overlay(text) {
    var box = document.getElementById("gloss-error-overlay");
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "gloss-error-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;" +
        "margin:0;padding:1rem;background:#7a0010;color:#fff;font:14px/1.4 monospace;" +
        "z-index:99999;white-space:pre-wrap;overflow-wrap:anywhere";
      document.body.appendChild(box);
    }
    box.textContent = "Gloss: the last edit broke the build; " +
      "showing the last good site.\\n\\n" + text;
  }
  source.addEventListener("built", function (event) {
    var data = JSON.parse(event.data);
    overlay(data.errors.join("\\n"));
    if (data.errors.length) return;
    var css = data.changed.length && data.changed.every(function (p) { return /\\.css$/.test(p); });
    if (css) {
      Array.prototype.forEach.call(document.querySelectorAll('link[rel="stylesheet"]'),
        function (link) { link.href = link.href.replace(/[?].*$/, "") + "?v=" + Date.now(); });
      return;
    }
    var here = location.pathname.replace(/\\/$/, "/index.html");
    var changed = data.changed.some(function (path) { return here.endsWith("/" + path); });
    if (changed || data.changed.indexOf("*") >= 0) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  });
})();
"""


class Broadcaster:
    """Fans build results out to every open page's event stream."""

    def __init__(self) -> None:
        self._clients: list[queue.Queue[str]] = []
        self._lock = threading.Lock()
        self.last_errors: list[str] = []

    def subscribe(self) -> queue.Queue[str]:
        q: queue.Queue[str] = queue.Queue()
        with self._lock:
            self._clients.append(q)
        if self.last_errors:
            q.put(json.dumps({"changed": [], "errors": self.last_errors}))
        return q

    def unsubscribe(self, q: queue.Queue[str]) -> None:
        with self._lock, contextlib.suppress(ValueError):
            self._clients.remove(q)

    def publish(self, changed: list[str], errors: list[str]) -> None:
        self.last_errors = errors
        message = json.dumps({"changed": changed, "errors": errors})
        with self._lock:
            for q in self._clients:
                q.put(message)


class Handler(SimpleHTTPRequestHandler):
    broadcaster: Broadcaster

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == EVENTS_PATH:
            return self._events()
        if path == SCRIPT_PATH:
            return self._send(LIVE_JS.encode(), "text/javascript; charset=utf-8")
        local = Path(self.translate_path(path))
        if local.is_dir():
            local = local / "index.html"
        status = HTTPStatus.OK
        if not local.exists():  # the site's own 404 page, as a static host would serve it;
            # live, so that a page an edit is about to make (or rename) appears when built
            local, status = Path(self.directory) / "404.html", HTTPStatus.NOT_FOUND
        if local.suffix == ".html" and local.is_file():
            html = local.read_bytes()
            tag = f'<script src="{SCRIPT_PATH}"></script></body>'.encode()
            return self._send(html.replace(b"</body>", tag, 1), "text/html; charset=utf-8",
                              status)
        return super().do_GET()

    def _send(self, body: bytes, content_type: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        q = self.broadcaster.subscribe()
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while True:
                try:
                    message = q.get(timeout=15)
                    self.wfile.write(f"event: built\ndata: {message}\n\n".encode())
                except queue.Empty:
                    self.wfile.write(b": ping\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        finally:
            self.broadcaster.unsubscribe(q)


SEARCH_DELAY = 1.0  # seconds without edits before the search index is rebuilt


class Debounced:
    """Runs a function once, `delay` seconds after the last call to restart()."""

    def __init__(self, function, delay: float):
        self._function, self._delay = function, delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def restart(self) -> None:
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(self._delay, self._function)
            self._timer.daemon = True
            self._timer.start()


class Rebuilder(FileSystemEventHandler):
    """Collects file events; after a quiet spell, ingests new seeds and rebuilds once."""

    def __init__(self, rebuild, folders: list[Path], files: list[Path], ignore: list[Path],
                 delay: float = 0.05):
        self._rebuild = rebuild
        # What a build reads: anything else beside them (a log the server's output is sent
        # to, in the project folder) must not start a rebuild, which would print, and so on.
        self._folders = [p.resolve() for p in folders]
        self._files = {p.resolve() for p in files}
        self._ignore = [p.resolve() for p in ignore]
        self._delay = delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._stats: dict[str, tuple[int, int]] = {}  # file → (mtime, size) last seen

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's entries changed: each entry reports its own event
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        relevant = [p for p in paths if p and self._relevant(Path(str(p)))]
        if event.event_type == "modified" and not event.is_directory:
            relevant = [p for p in relevant if self._changed(str(p))]
        if not relevant:
            return
        with self._lock:
            self._paths.update(map(str, relevant))
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(self._delay, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def remember(self, folders: list[Path]) -> None:
        """Note every watched file's state, so that only real changes start a rebuild."""
        for folder in folders:
            for root, _, files in os.walk(folder):
                for name in files:
                    path = os.path.join(root, name)
                    with contextlib.suppress(OSError):
                        stat = os.stat(path)
                        self._stats[path] = (stat.st_mtime_ns, stat.st_size)

    def _changed(self, path: str) -> bool:
        """Whether a 'modified' file really changed: reading a file (the build reads them
        all) can update its access time, which arrives as a modification too."""
        try:
            stat = os.stat(path)
        except OSError:
            return True
        now = (stat.st_mtime_ns, stat.st_size)
        if self._stats.get(path) == now:
            return False
        self._stats[path] = now
        return True

    def _relevant(self, path: Path) -> bool:
        name = path.name
        if name.startswith((".#", "#")) or name.endswith(IGNORED_SUFFIXES) or name == "4913":
            return False
        if any(part.startswith(".") for part in path.parts[-2:]):
            return False
        resolved = path.resolve()
        if resolved not in self._files and not any(
                resolved.is_relative_to(p) for p in self._folders):
            return False
        return not any(resolved.is_relative_to(p) for p in self._ignore)

    def _fire(self) -> None:
        with self._lock:
            paths, self._paths = self._paths, set()
        self._rebuild(paths)


def watched_folders(roots: list[Path]) -> list[Path]:
    """The real folders to watch: the roots and any folder linked into them (the file
    system reports changes under a link's target, not under the link)."""
    found: list[Path] = []
    for root in roots:
        if not root.is_dir():
            continue
        real = root.resolve()
        if not any(real.is_relative_to(f) for f in found):
            found.append(real)
        for walk_root, dirs, _ in os.walk(root, followlinks=True):
            for name in dirs:
                path = Path(walk_root) / name
                if path.is_symlink():
                    target = path.resolve()
                    if not any(target.is_relative_to(f) for f in found):
                        found.append(target)
    return found


def serve_command(content: Path, output: Path, host: str, port: int) -> int:
    broadcaster = Broadcaster()
    build_lock = threading.Lock()
    builder = Builder(content)

    def rebuild(changed_paths: set[str] | None = None) -> None:
        first = changed_paths is None
        with build_lock:
            started = time.perf_counter()
            seeds = Path("seeds").resolve()
            if changed_paths and any(Path(p).resolve().is_relative_to(seeds)
                                     for p in changed_paths):
                from builder.ingest.store import ingest_command

                ingest_command([Path("seeds")], content)
            try:
                built = builder.build(output, with_search=first)
                errors = [str(p) for p in built.problems]
                if errors:
                    built.discard()
                else:
                    written = write_site(built, output)
                    builder.commit(built)
            except Exception as err:  # the server must survive anything an edit does
                errors = [f"internal error: {err!r}"]
            if errors:
                for line in errors:
                    print(f"error: {line}", file=sys.stderr)
                broadcaster.publish([], errors)
                return
            changed = list(written)
            if any(p.startswith("static/") and not p.endswith(".css") for p in changed):
                changed = ["*"]
            seconds = time.perf_counter() - started
            print(f"rebuilt in {seconds:.2f} s: {len(written)} file(s) written")
            broadcaster.publish(changed, [])
            if not first:  # pages first, so the edit shows at once; the index when edits pause
                search_timer.restart()

    def update_search() -> None:
        with build_lock:
            started = time.perf_counter()
            try:
                built = builder.build_search(output)
                index = write_site(built, output)
                builder.commit(built)
            except Exception as err:  # the server must survive anything an edit does
                broadcaster.publish([], [f"internal error in the search index: {err!r}"])
                return
            print(f"search index updated in {time.perf_counter() - started:.2f} s: "
                  f"{len(index)} file(s) written")

    search_timer = Debounced(update_search, SEARCH_DELAY)

    rebuild()
    # A collection no longer walks the first build's objects in the middle of a rebuild (it
    # cost ~70 ms, one rebuild in three, on 1,000 articles; 1.1-1.4 s each at 10,000).
    server_gc()
    if not (output / "index.html").exists():
        print("error: the first build failed; fix the errors above and run again", file=sys.stderr)
    handler = functools.partial(Handler, directory=str(output))
    Handler.broadcaster = broadcaster
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            print(f"error: port {port} on {host} is already in use; try --port {port + 1}",
                  file=sys.stderr)
        else:
            print(f"error: cannot listen on {host}:{port}: {err.strerror}", file=sys.stderr)
        return 1
    server.daemon_threads = True
    folders = watched_folders([content, Path("theme"), Path("seeds")])
    watcher = Rebuilder(rebuild, folders=folders, files=[Path("site.toml")],
                        ignore=[output, Path(".cache")])
    observer = Observer()
    watcher.remember(folders)
    for folder in folders:
        observer.schedule(watcher, str(folder), recursive=True)
    observer.schedule(watcher, ".", recursive=False)  # site.toml
    observer.start()
    print(f"serving {output}/ at http://{host}:{port}/  (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped")
    finally:
        observer.stop()
        server.server_close()
        observer.join(timeout=2)
    return 0

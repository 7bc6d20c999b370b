"""The live server: real HTTP, real file edits, real rebuilds (and a real browser for reload)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from support import SEED, run_gloss, same_site, site_files

ARTICLE = "articles/we-are-killing-civilians-and-children-russian-soldier.html"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 15.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def server(project: Path):
    assert run_gloss("ingest", cwd=project).returncode == 0
    port = free_port()
    # Output to a file, not a pipe nobody reads (a full pipe would block the server), and
    # faulthandler on, so a server that hangs can be made to show where (SIGABRT).
    log = (project / "server.log").open("w", encoding="utf-8")
    # Ctrl-C as at a terminal: a test run started in the background of a script (as a CI
    # job may be) has SIGINT ignored, and a child started so would never see it.
    process = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "builder", "serve", "--port", str(port)],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    log.close()
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "<html" in get(base), what="the server to answer")
        yield project, base, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def article_file(project: Path) -> Path:
    (path,) = (project / "content/articles").glob("*.md")
    return path


def test_served_pages_carry_the_reload_script_files_do_not(server):
    project, base, _ = server
    assert '<script src="/__gloss/live.js">' in get(base + ARTICLE)
    assert "__gloss" not in (project / "output" / ARTICLE).read_text(encoding="utf-8")


def test_a_missing_page_gets_the_sites_own_404_page_live(server):
    _, base, _ = server
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(base + "entities/no-such-entity.html", timeout=5)
    assert caught.value.code == 404
    page = caught.value.read().decode("utf-8")
    assert "Page not found" in page and "Error response" not in page  # the theme's page
    assert '<script src="/__gloss/live.js">' in page  # reloads when the page gets built


def test_an_article_edit_rebuilds_only_what_depends_on_it(server):
    project, base, _ = server
    output = project / "output"
    unrelated = output / "entities/stormer.html"
    entity = output / "entities/olaf-scholz.html"
    before = {p: p.stat().st_mtime_ns for p in (unrelated, entity)}
    path = article_file(project)
    path.write_text(path.read_text(encoding="utf-8") + "\nA freshly added closing line.\n",
                    encoding="utf-8")
    wait_for(lambda: "freshly added closing line" in get(base + ARTICLE), what="the edit")
    assert unrelated.stat().st_mtime_ns == before[unrelated]
    assert entity.stat().st_mtime_ns == before[entity]
    # the incremental result equals a full build from scratch, byte for byte but for the
    # search index's shards, which hold the same (once the index, written just after the
    # pages, has caught up)
    full = project / "full"
    assert run_gloss("build", "--output", "full", cwd=project).returncode == 0
    wait_for(lambda: same_site(site_files(output), site_files(full)),
             what="the search index to catch up")


def test_a_broken_edit_keeps_the_last_good_site_and_says_why(server):
    project, base, process = server
    good = get(base + ARTICLE)
    path = article_file(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title:", "title: [broken", 1), encoding="utf-8")
    events = urllib.request.urlopen(base + "__gloss/events", timeout=10)
    line = wait_for(lambda: _next_data(events), what="an error event")
    assert "invalid YAML front matter" in line and path.name in line
    assert get(base + ARTICLE) == good
    path.write_text(text + "\nFixed again.\n", encoding="utf-8")
    wait_for(lambda: "Fixed again." in get(base + ARTICLE), what="the fix")
    assert process.poll() is None


def _next_data(stream) -> str | None:
    line = stream.readline().decode()
    return line if line.startswith("data:") else None


def test_a_raw_file_dropped_into_seeds_appears(server):
    project, base, _ = server
    shutil.copy(SEED, project / "seeds/copy-of-seed.txt")
    (project / "seeds/copy-of-seed.txt").write_text(
        "A second article about harbours\n\n" + "The harbour reopened on Monday after "
        "repairs that took a whole winter, the port authority said in a statement.\n\n" * 3,
        encoding="utf-8")
    wait_for(lambda: "A second article about harbours" in get(base), what="the new article")


def test_editor_temp_files_are_ignored(server):
    project, _, process = server
    output = project / "output/index.html"
    before = output.stat().st_mtime_ns
    for name in (".article.md.swp", "article.md~", "#article.md#", "4913"):
        (project / "content/articles" / name).write_text("junk")
    time.sleep(1.0)
    assert output.stat().st_mtime_ns == before
    assert process.poll() is None


def test_port_in_use_is_one_line(project: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_gloss("serve", "--port", str(port), cwd=project)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: port {port} on 127.0.0.1 is already in use; try --port {port + 1}")


def test_ctrl_c_stops_cleanly(server):
    project, _, process = server
    process.send_signal(signal.SIGINT)
    try:
        code = process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)  # faulthandler prints every thread's stack
        process.wait(timeout=10)
        log = (project / "server.log").read_text(encoding="utf-8")
        pytest.fail(f"the server did not stop within 10 s of Ctrl-C; its output:\n{log}")
    assert code == 0


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian chromium")
def test_open_page_reloads_itself_after_an_edit(server, browser):
    project, base, _ = server
    page = browser.new_page()
    page.goto(base + ARTICLE)
    page.wait_for_timeout(300)  # let the event stream connect
    path = article_file(project)
    path.write_text(path.read_text(encoding="utf-8") + "\nLive reload works.\n",
                    encoding="utf-8")
    page.get_by_text("Live reload works.").wait_for(timeout=15_000)
    page.close()

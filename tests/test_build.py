"""End to end: the seed ingested and built; the build is all-or-nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, run_gloss

from builder import batch as batch_module
from builder import bodies as bodies_module
from builder import build as build_module
from builder.build import Builder, Built, write_site
from builder.glossary import load as glossary_load
from builder.render import templates as templates_module

ARTICLE = "articles/we-are-killing-civilians-and-children-russian-soldier.html"


def test_the_seed_article_page_is_complete(built_site: Path):
    html = (built_site / ARTICLE).read_text(encoding="utf-8")
    assert "‘We Are Killing Civilians and Children’: Russian Soldier" in html
    assert '<span class="credit">AP/Alexei Alexandrov</span>' in html
    body = html.split('<div class="article-body">', 1)[1].split("</div>", 1)[0]
    assert body.count("<p>") == 16
    assert body.index("A Russian soldier said") < body.index("Fellow <a")
    for boilerplate in ("All rights reserved", "Terms of Use", "Sign in", "By continuing"):
        assert boilerplate not in html


def test_mentions_link_to_entity_pages(built_site: Path):
    html = (built_site / ARTICLE).read_text(encoding="utf-8")
    assert 'href="../entities/kremlin.html"' in html
    entity = (built_site / "entities/olaf-scholz.html").read_text(encoding="utf-8")
    assert "The German chancellor, Olaf Scholz, said Berlin was ready" in entity
    assert "../" + ARTICLE in entity


def test_no_root_absolute_urls(built_site: Path):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        bad = re.findall(r'(?:href|src)="(/[^"]*)"', text)
        assert not bad, f"{page}: root-absolute URLs {bad}"


def test_every_internal_link_resolves(built_site: Path):
    for page in built_site.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#]+)', page.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (page.parent / target).resolve().exists(), f"{page}: broken link {target}"


def test_a_broken_article_leaves_the_old_site(project: Path):
    assert run_gloss("ingest", cwd=project).returncode == 0
    assert run_gloss("build", cwd=project).returncode == 0
    before = (project / "output/index.html").read_bytes()
    (project / "content/articles/broken.md").write_text("---\ntitle: [unclosed\n---\nText\n")
    (project / "content/articles/untitled.md").write_text("---\nsource: X\n---\nText\n")
    result = run_gloss("build", cwd=project)
    assert result.returncode == 1
    assert "content/articles/broken.md:2: invalid YAML front matter" in result.stderr
    assert "content/articles/untitled.md:2: missing title" in result.stderr
    assert (project / "output/index.html").read_bytes() == before


def test_keep_going_builds_without_the_broken_inputs(project: Path):
    assert run_gloss("ingest", cwd=project).returncode == 0
    (project / "content/articles/broken.md").write_text("---\ntitle: [unclosed\n---\nText\n")
    result = run_gloss("build", "--keep-going", cwd=project)
    assert result.returncode == 1
    assert (project / "output" / ARTICLE).exists()


def test_a_second_build_writes_nothing_and_matches(project: Path):
    assert run_gloss("ingest", cwd=project).returncode == 0
    assert run_gloss("build", cwd=project).returncode == 0
    first = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    result = run_gloss("build", cwd=project)
    assert "(0 files written)" in result.stdout
    second = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    assert first == second


def test_an_edit_of_the_same_size_is_seen_by_the_next_build(project: Path):
    # The cache keeps parsed articles by modification time and size between builds.
    assert run_gloss("ingest", cwd=project).returncode == 0
    assert run_gloss("build", cwd=project).returncode == 0
    (path,) = (project / "content/articles").glob("*.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Kyiv", "Kiev", 1), encoding="utf-8")  # same length
    assert run_gloss("build", cwd=project).returncode == 0
    page = (project / "output" / ARTICLE).read_text(encoding="utf-8")
    assert ">Kiev</a>" in page


def test_output_not_made_by_gloss_is_not_clobbered(project: Path):
    (project / "output").mkdir()
    (project / "output/precious.txt").write_text("mine")
    result = run_gloss("build", cwd=project)
    assert result.returncode == 1
    assert "was not made by Gloss" in result.stderr
    assert (project / "output/precious.txt").read_text() == "mine"


def test_a_script_url_in_front_matter_is_refused(project: Path):
    (project / "content/articles/evil.md").write_text(
        "---\ntitle: Evil\nurl: javascript:alert(1)\n---\nText\n")
    result = run_gloss("build", cwd=project)
    assert result.returncode == 1
    assert "content/articles/evil.md:3: url 'javascript:alert(1)' must start with http" in (
        result.stderr)


def test_two_fresh_builds_are_byte_identical(project: Path):
    assert run_gloss("ingest", cwd=project).returncode == 0
    for name in ("one", "two"):
        result = run_gloss("build", "--output", name, cwd=project)
        assert result.returncode == 0, result.stderr
        shutil.rmtree(project / ".cache", ignore_errors=True)
    one = {p.relative_to(project / "one"): p.read_bytes()
           for p in (project / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(project / "two"): p.read_bytes()
           for p in (project / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    assert [p for p in one if one[p] != two[p]] == []


def test_check_passes_on_a_good_site_and_names_broken_links(project: Path):
    assert run_gloss("ingest", cwd=project).returncode == 0
    assert run_gloss("build", cwd=project).returncode == 0
    assert run_gloss("check", cwd=project).returncode == 0
    page = project / "output/glossary.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</main>", '<a href="nowhere.html">x</a><a href="/abs.html">y</a></main>'),
        encoding="utf-8")
    result = run_gloss("check", cwd=project)
    assert result.returncode == 1
    assert "glossary.html: broken link 'nowhere.html'" in result.stderr
    assert "glossary.html: root-absolute URL '/abs.html'" in result.stderr


def generated_site(folder: Path, articles: int) -> None:
    """A site of generated articles in folder, with today's theme, five to a listing."""
    subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", str(articles),
                    "--out", str(folder / "content")], check=True, capture_output=True)
    shutil.copytree(ROOT / "theme", folder / "theme")
    (folder / "site.toml").write_text('title = "T"\nper_page = 5\n', encoding="utf-8")


def test_a_first_build_read_by_the_workers_equals_one_read_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A first build with many articles reads the files in the body-rendering workers;
    # what it makes and remembers must be what reading them one by one here gives.
    generated_site(tmp_path, 20)
    articles = tmp_path / "content/articles"
    (articles / "broken.md").write_bytes(b"---\ntitle: [unclosed\n---\nText\n")
    (articles / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    copy = (articles / "article-00002.md").read_text(encoding="utf-8")
    (articles / "zz-same-slug.md").write_text(copy.replace("---\n", "---\nslug: article-00002\n",
                                                           1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def first_build(parallel_min: int, output: str) -> tuple[Builder, Built]:
        monkeypatch.setattr(bodies_module, "PARALLEL_MIN", parallel_min)
        builder = Builder(Path("content"))
        built = builder.build(Path(output))
        return builder, built

    calls = []
    monkeypatch.setattr(build_module, "read_and_render",
                        lambda *a, f=build_module.read_and_render: calls.append(1) or f(*a))
    pooled, by_workers = first_build(1, "pooled")
    assert calls == [1], "a first build of many articles has its files read by the workers"
    serial, here = first_build(10**9, "serial")
    assert [str(p) for p in by_workers.problems] == [str(p) for p in here.problems]
    assert len(by_workers.problems) == 3
    assert by_workers.staged == here.staged, "the same pages and search files"
    assert pooled.cache.entries == serial.cache.entries
    assert pooled._reader.seen == serial._reader.seen
    # The steps of rendering the bodies are timed where they ran, in the workers or here.
    steps = {"read", "markdown", "annotate", "sanitise", "text and digests"}
    for built, where in ((by_workers, steps), (here, steps - {"read"})):
        cpu = {k.removeprefix("bodies, CPU: "): v for k, v in built.timings.items()
               if k.startswith("bodies, CPU: ")}
        assert set(cpu) == where and all(v > 0 for v in cpu.values())

    # What the pooled build remembers serves the next build: nothing to render again.
    write_site(by_workers, Path("pooled"))
    pooled.commit(by_workers)
    again = pooled.build(Path("pooled"))
    assert again.staged == {} and calls == [1]
    assert not any(v for k, v in again.timings.items() if k.startswith("bodies, CPU: "))
    again.discard()


def test_pages_rendered_here_while_the_index_is_made_are_the_workers_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # While the search child works, this process renders the first pages itself (and the
    # workers inherit the fragments they cached): the site is the same as rendered alone.
    generated_site(tmp_path, 30)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(bodies_module, "PARALLEL_MIN", 1)  # workers, and a search child
    rendered_here = []
    monkeypatch.setattr(build_module.Forked, "running", lambda self: True)  # a slow index
    monkeypatch.setattr(build_module, "_render_one", lambda *a, f=build_module._render_one:
                        rendered_here.append(a[1].path) or f(*a))
    early = Builder(Path("content")).build(Path("early"))
    pages = [path for path in early.staged if not path.startswith("search/")]
    assert 0 < len(rendered_here) <= len(pages) // 2, "half at most: the rest by workers"
    monkeypatch.setattr(bodies_module, "PARALLEL_MIN", 10**9)
    alone = Builder(Path("content")).build(Path("alone"))
    assert early.staged == alone.staged
    early.discard()
    alone.discard()


def test_a_reader_that_stops_reading_ends_the_command_quietly(project: Path):
    # `gloss build | head -0`: the build is done and kept; no traceback, exit status 1.
    process = subprocess.Popen([sys.executable, "-m", "builder", "build"], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=300) == 1
    assert "Traceback" not in errors, errors
    again = run_gloss("build", cwd=project)
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stdout


def test_a_fresh_build_takes_the_glossary_it_saved_and_parses_an_edited_one(
        project: Path, monkeypatch: pytest.MonkeyPatch):
    assert run_gloss("ingest", cwd=project).returncode == 0
    assert run_gloss("build", cwd=project).returncode == 0
    monkeypatch.chdir(project)
    glossary_load.SAVED.clear()
    build_module.load_builder(Path("content"), Path("output"))  # as `gloss build` starts
    saved = glossary_load.SAVED.copy()
    parsed: list[str] = []
    real = glossary_load.load_glossary
    monkeypatch.setattr(glossary_load, "load_glossary",
                        lambda text, path: parsed.append(path) or real(text, path))
    entities = build_module.read_inputs(Path("content")).entities
    assert saved and entities and parsed == []
    glossary = Path("content/glossary.yaml")
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("name:", "name:  ", 1),
                        encoding="utf-8")
    build_module.read_inputs(Path("content"))
    assert parsed == [str(glossary)]


def test_compiled_templates_of_older_code_are_removed(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    for old in ("templates", "templates-escape-output-0"):
        (tmp_path / ".cache" / old).mkdir(parents=True)
        (tmp_path / ".cache" / old / "__jinja2_x.cache").write_bytes(b"old")
    cache = build_module._bytecode_cache()
    assert cache is not None
    current = {p.name for p in (tmp_path / ".cache").iterdir()}
    assert current == {f"templates-{templates_module.CODE_VERSION}"}
    kept = tmp_path / ".cache" / current.pop() / "__jinja2_y.cache"
    kept.write_bytes(b"new")
    build_module._bytecode_cache()
    assert kept.read_bytes() == b"new", "the current version's folder is kept"


def test_templates_are_compiled_before_the_render_workers_fork(tmp_path: Path):
    """What the forked render workers inherit: every page's template compiled once, here; a
    broken template is left for the workers to report with its page."""
    from builder.render.pages import Page
    from builder.render.templates import make_environment

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "good.html").write_text("{{ x }}", encoding="utf-8")
    (tmp_path / "templates" / "broken.html").write_text("{% if %}", encoding="utf-8")
    env = make_environment(tmp_path, auto_reload=False)
    pages = [Page("a.html", "good.html", {}), Page("b.html", "broken.html", {}),
             Page("c.html", "good.html", {})]
    build_module._compile_templates(env, pages)
    assert [name for _, name in env.cache] == ["good.html"]


def test_the_no_change_shortcut_sees_a_change_of_gloss_s_own_code(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """After an upgrade the same inputs make another site: `gloss build` must not answer
    `nothing changed` with the old one."""
    code = tmp_path / "builder"
    (code / "render").mkdir(parents=True)
    (code / "render" / "pages.py").write_text("A = 1\n")
    (code / "__pycache__").mkdir()
    monkeypatch.setattr(batch_module, "CODE_DIR", code)
    monkeypatch.chdir(project)
    before = batch_module.inputs_stamp(Path("content"), Path("output"))
    (code / "__pycache__" / "pages.cpython-311.pyc").write_bytes(b"compiled")
    assert batch_module.inputs_stamp(Path("content"), Path("output")) == before
    (code / "render" / "pages.py").write_text("A = 22\n")
    assert batch_module.inputs_stamp(Path("content"), Path("output")) != before


def test_folders_a_rebuild_empties_are_removed(generated_site: Path):
    output = generated_site / "output"
    assert run_gloss("build", cwd=generated_site).returncode == 0
    assert (output / "page").is_dir() and any((output / "page").iterdir())
    (generated_site / "site.toml").write_text('title = "T"\nper_page = 50\n', encoding="utf-8")
    assert run_gloss("build", cwd=generated_site).returncode == 0
    assert not (output / "page").exists(), "every listing fits on one page: no page/ left"
    assert (output / "articles").is_dir() and (output / "index.html").is_file()

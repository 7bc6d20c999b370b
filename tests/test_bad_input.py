"""Bad input: a clear message naming the file (and line), and nothing the user had is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import run_gloss

GOOD = "---\ntitle: A good article\nsource: Example\n---\n\nIt has a body.\n"


def site_snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project / "output")): p.read_bytes()
            for p in (project / "output").rglob("*") if p.is_file()}


@pytest.fixture
def built(project: Path) -> Path:
    """A project whose site has been built once from one good article."""
    (project / "content/articles/good.md").write_text(GOOD, encoding="utf-8")
    result = run_gloss("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


CONTENT_CASES = {
    "empty file": ("empty.md", b"", "empty.md:2: missing title"),
    "binary file": ("binary.md", bytes(range(256)) * 8, "binary.md: not UTF-8 text"),
    "invalid YAML": ("yaml.md", b"---\ntitle: a: b: c\n---\nx\n", "yaml.md:2: invalid YAML"),
    "unclosed front matter": ("open.md", b"---\ntitle: x\n", "open.md:1: front matter opened"),
    "missing title": ("notitle.md", b"---\nsource: X\n---\nx\n", "notitle.md:2: missing title"),
    "slug escaping output": ("escape.md", b"---\ntitle: x\nslug: ../../etc\n---\nx\n",
                             "escape.md:3: slug '../../etc' is not a plain slug"),
    "bad date": ("date.md", b"---\ntitle: x\ndate: last Tuesday\n---\nx\n",
                 "date.md:3: date 'last Tuesday' is not ISO 8601"),
    "too large": ("huge.md", b"---\ntitle: x\n---\n" + b"word " * 1_100_000,
                  "huge.md: larger than 5 MB"),
}


@pytest.mark.parametrize("case", CONTENT_CASES, ids=list(CONTENT_CASES))
def test_broken_article_is_named_and_the_site_kept(built: Path, case: str):
    name, data, message = CONTENT_CASES[case]
    before = site_snapshot(built)
    (built / "content/articles" / name).write_bytes(data)
    result = run_gloss("build", cwd=built)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert "left as it was" in result.stderr
    assert site_snapshot(built) == before


def test_keep_going_builds_the_rest(built: Path):
    (built / "content/articles/broken.md").write_bytes(b"---\ntitle: [x\n---\n")
    (built / "content/articles/second.md").write_text(GOOD.replace("A good", "Another"))
    result = run_gloss("build", "--keep-going", cwd=built)
    assert result.returncode == 1
    assert (built / "output/articles/second.html").exists()


GLOSSARY_CASES = {
    "duplicate names": ("- name: A\n- name: A\n", "glossary.yaml:2: 'A' is already used"),
    "alias claimed twice": ("- name: A\n  aliases: [X]\n- name: B\n  aliases: [X]\n",
                            "glossary.yaml:3: 'X' is already used by 'A'"),
    "unknown type": ("- name: A\n  type: fish\n", "glossary.yaml:1: unknown type 'fish'"),
    "invalid YAML": ("- name: [A\n", "glossary.yaml:1: invalid YAML"),
}


@pytest.mark.parametrize("case", GLOSSARY_CASES, ids=list(GLOSSARY_CASES))
def test_broken_glossary_is_named_and_the_site_kept(built: Path, case: str):
    text, message = GLOSSARY_CASES[case]
    before = site_snapshot(built)
    (built / "content/glossary.yaml").write_text(text)
    result = run_gloss("build", cwd=built)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert site_snapshot(built) == before


def test_symlink_loop_is_reported_not_followed(built: Path):
    os.symlink("..", built / "content/articles/loop")
    result = run_gloss("build", cwd=built)
    assert result.returncode == 1
    assert "symlink loop" in result.stderr


def test_odd_file_names_get_safe_distinct_slugs(project: Path):
    names = ["my article.md", "my-article.md", "café.md", "a..b.md", "Ünïcödé Ñame.md"]
    for name in names:
        (project / "content/articles" / name).write_text(GOOD, encoding="utf-8")
    result = run_gloss("build", cwd=project)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.name for p in (project / "output/articles").iterdir())
    assert len(pages) == len(names)
    assert all(p.endswith(".html") and " " not in p and ".." not in p for p in pages)
    assert run_gloss("build", cwd=project).returncode == 0
    assert sorted(p.name for p in (project / "output/articles").iterdir()) == pages


RAW_CASES = {
    "cp1252": ("cp1252.txt", "cp1252"),
    "latin-1": ("latin1.txt", "latin-1"),
    "utf-16": ("utf16.txt", "utf-16"),
    "utf-8 with BOM": ("bom.txt", "utf-8-sig"),
}
RAW = ("Café owners in Zürich said on Monday that the “new rules” would hurt them.\n\n"
       "The city council, which meets in the old town, said the rules were needed "
       "because of the noise, and that owners had been consulted for months.\n\n"
       "Owners said they would appeal, and that the décor of their cafés was not the issue.\n")


@pytest.mark.parametrize("case", RAW_CASES, ids=list(RAW_CASES))
def test_raw_encodings_are_decoded_right(project: Path, case: str):
    name, encoding = RAW_CASES[case]
    text = RAW if encoding != "latin-1" else RAW.replace("“", '"').replace("”", '"')
    path = project / "seeds" / name
    path.write_bytes(("Café rules anger owners\n\n" + text).encode(encoding))
    result = run_gloss("extract", "--body-only", f"seeds/{name}", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Zürich" in result.stdout and "décor" in result.stdout


def test_huge_raw_file_is_refused_clearly(project: Path):
    with (project / "seeds/huge.txt").open("wb") as handle:
        handle.truncate(50_000_000)
        handle.seek(0)
        handle.write(b"Title\n\nBody text.\n")
    result = run_gloss("ingest", cwd=project)
    assert result.returncode == 1
    assert "seeds/huge.txt: 50 MB is too large for one article" in result.stderr
    assert len(list((project / "content/articles").glob("*.md"))) == 1


def test_malformed_html_does_not_crash(project: Path):
    (project / "seeds/broken.html").write_text(
        "<html><head><title>Broken page</title><body><div><p>Unclosed <b>bold <i>and "
        "<table><tr><td>cell</p></div>" + "<p>A real paragraph of the article text here. " * 20)
    result = run_gloss("extract", "seeds/broken.html", cwd=project)
    assert result.returncode in (0, 1)
    assert "Traceback" not in result.stderr


def test_duplicate_titles_get_distinct_stable_slugs(project: Path):
    for name, place in (("one.txt", "Zürich"), ("two.txt", "Geneva")):
        body = RAW.replace("Zürich", place)
        (project / "seeds" / name).write_text("Same headline here\n\n" + body, encoding="utf-8")
    assert run_gloss("ingest", cwd=project).returncode == 0
    first = sorted(p.name for p in (project / "content/articles").glob("*.md"))
    assert len(first) == 3
    for p in (project / "content/articles").glob("*.md"):
        p.unlink()
    assert run_gloss("ingest", cwd=project).returncode == 0
    assert sorted(p.name for p in (project / "content/articles").glob("*.md")) == first

"""Shared fixtures: the project root, and a fresh copy of the project to build in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from support import ROOT, run_gloss

# Property tests draw the same examples on every run, so a run fails only for what a commit
# changed; `HYPOTHESIS_PROFILE=explore make test` draws new ones, and remembers failures.
settings.register_profile("fixed", derandomize=True, database=None)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fixed"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of seeds/, theme/, site.toml and the glossary, with no articles yet."""
    for name in ("seeds", "theme"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.toml", tmp_path / "site.toml")
    (tmp_path / "content" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "glossary.yaml", tmp_path / "content" / "glossary.yaml")
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed ingested and built once, for the tests that only read the site."""
    base = tmp_path_factory.mktemp("site")
    for name in ("seeds", "theme"):
        shutil.copytree(ROOT / name, base / name)
    shutil.copy(ROOT / "site.toml", base / "site.toml")
    (base / "content" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "glossary.yaml", base / "content" / "glossary.yaml")
    for command in (("ingest",), ("build",)):
        result = run_gloss(*command, cwd=base)
        assert result.returncode == 0, result.stderr
    return base / "output"


READER_FIXTURES = ROOT / "tests/fixtures/reader"
RICH_SITE_TOML = 'title = "Gloss"\nbase_url = "https://example.org/news/"\nper_page = 5\n'


@pytest.fixture(scope="session")
def rich_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with every kind of page: 24 generated articles (bench/gen_corpus.py), the
    seed, and a hand-written article with all front matter; per_page 5 so listings and
    common entities paginate; a base_url so the feed, sitemap and Open Graph URLs exist."""
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("rich")
    corpus = base / "content"
    subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", "24",
                    "--out", str(corpus)], check=True, capture_output=True)
    for article in (*(ROOT / "content/articles").glob("*.md"), *READER_FIXTURES.glob("*.md")):
        shutil.copy(article, corpus / "articles" / article.name)
    shutil.copytree(ROOT / "theme", base / "theme")
    (base / "site.toml").write_text(RICH_SITE_TOML, encoding="utf-8")
    result = run_gloss("build", cwd=base)
    assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.fixture
def generated_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """30 generated articles and their glossary (bench/gen_corpus.py), the theme, five
    articles a listing page; the working folder is the site's."""
    subprocess.run([sys.executable, str(ROOT / "bench/gen_corpus.py"), "--n", "30",
                    "--out", str(tmp_path / "content")], check=True, capture_output=True)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (tmp_path / "site.toml").write_text('title = "T"\nper_page = 5\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path

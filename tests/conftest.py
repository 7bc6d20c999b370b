"""Shared fixtures: the project root, and a fresh copy of the project to build in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ROOT, run_gloss


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

"""Ingest writes each article once and never overwrites the user's edits."""

from __future__ import annotations

from pathlib import Path

from support import SEED, run_gloss


def the_article(project: Path) -> Path:
    (path,) = (project / "content/articles").glob("*.md")
    return path


def test_ingest_writes_front_matter_and_keeps_the_raw_file(project: Path):
    raw = (project / "seeds" / SEED.name).read_bytes()
    result = run_gloss("ingest", cwd=project)
    assert result.returncode == 0, result.stderr
    text = the_article(project).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    assert "ingest_source: seeds/" in text
    assert (project / "seeds" / SEED.name).read_bytes() == raw


def test_unchanged_input_is_skipped(project: Path):
    run_gloss("ingest", cwd=project)
    result = run_gloss("ingest", cwd=project)
    assert "0 written, 1 unchanged" in result.stdout


def test_edited_article_is_not_overwritten(project: Path):
    run_gloss("ingest", cwd=project)
    article = the_article(project)
    edited = article.read_text(encoding="utf-8") + "\nMy own note.\n"
    article.write_text(edited, encoding="utf-8")
    raw = project / "seeds" / SEED.name
    raw.write_bytes(raw.read_bytes() + b"\nA new last paragraph of the article, long enough.\n")
    result = run_gloss("ingest", cwd=project)
    assert result.returncode == 1
    assert f"{article.relative_to(project)}: edited since it was ingested" in result.stderr
    assert article.read_text(encoding="utf-8") == edited
    forced = run_gloss("ingest", "--force", cwd=project)
    assert forced.returncode == 0
    assert "My own note." not in article.read_text(encoding="utf-8")


def test_extract_prints_without_writing(project: Path):
    result = run_gloss("extract", f"seeds/{SEED.name}", cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("---\ntitle: ")
    assert not list((project / "content/articles").glob("*.md"))


def test_empty_and_binary_files_get_clear_errors(project: Path):
    (project / "seeds/empty.txt").write_text("")
    (project / "seeds/binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run_gloss("ingest", cwd=project)
    assert result.returncode == 1
    assert "seeds/empty.txt: the file is empty" in result.stderr
    assert "seeds/binary.txt: binary data" in result.stderr
    assert len(list((project / "content/articles").glob("*.md"))) == 1

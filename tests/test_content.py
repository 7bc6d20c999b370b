"""content.py: which article files a build reads, and in what order."""

from __future__ import annotations

from pathlib import Path

from builder.content import article_files


def test_article_files_come_sorted_by_folder_then_name(tmp_path: Path):
    articles = tmp_path / "articles"
    for name in ["b.md", "a-b/c.md", "a/b.md", "a/a.md", ".hidden.md", "notes.txt", "A.md"]:
        (articles / name).parent.mkdir(parents=True, exist_ok=True)
        (articles / name).write_text("---\ntitle: T\n---\n", encoding="utf-8")
    found, problems = article_files(articles)
    assert problems == []
    # As Paths compare, part by part: `a/…` before `a-b/…`, though "/" sorts after "-".
    assert [p.relative_to(articles).as_posix() for p in found] == [
        "A.md", "a/a.md", "a/b.md", "a-b/c.md", "b.md"]
    assert found == sorted(found) and all(isinstance(p, Path) for p in found)

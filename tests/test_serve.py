"""The live server's watcher: which file events start a rebuild (no server needed)."""

from __future__ import annotations

from pathlib import Path

from builder.serve import Rebuilder


def test_only_what_a_build_reads_starts_a_rebuild(tmp_path: Path):
    content, output = tmp_path / "content", tmp_path / "output"
    for folder in (content / "articles", output):
        folder.mkdir(parents=True)
    watcher = Rebuilder(lambda paths: None, folders=[content], files=[tmp_path / "site.toml"],
                        ignore=[output])
    assert watcher._relevant(content / "articles" / "a.md")
    assert watcher._relevant(tmp_path / "site.toml")
    # the server's own output sent to a file beside the content must not rebuild (its
    # "rebuilt" line would change the file again, for ever)
    assert not watcher._relevant(tmp_path / "serve.log")
    assert not watcher._relevant(output / "index.html")
    assert not watcher._relevant(content / "articles" / "a.md.swp")
    assert not watcher._relevant(content / "articles" / ".a.md.kate")

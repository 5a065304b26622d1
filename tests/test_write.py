"""The write stage alone: atomic replacement and ownership."""

from __future__ import annotations

import os

import pytest

from policysite import write
from policysite.model import Page


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]  # no temporary file left behind


def test_plan_and_apply(tmp_path):
    pages = [Page("a/x.md", "x\n", owner="s.txt"), Page("index.md", "i\n")]
    first = write.plan(pages, tmp_path, keep_seeds=set())
    assert [p.path for p in first.write] == ["a/x.md", "index.md"] and first.manifest_changed
    write.apply(first, tmp_path)
    assert write.read_manifest(tmp_path) == {"a/x.md": "s.txt", "index.md": ""}
    again = write.plan(pages, tmp_path, keep_seeds=set())
    assert not again.write and not again.remove and not again.manifest_changed and not again.stale
    (tmp_path / "mine.md").write_text("hand-written")
    later = write.plan([Page("index.md", "i\n"), Page("mine.md", "generated")], tmp_path, keep_seeds=set())
    assert later.conflicts == ["mine.md"] and later.remove == ["a/x.md"]
    write.apply(later, tmp_path)
    assert (tmp_path / "mine.md").read_text() == "hand-written"
    assert not (tmp_path / "a").exists()  # emptied folders go too

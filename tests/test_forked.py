"""Forked: the result comes back from the child; a failure is raised here, not lost."""

from __future__ import annotations

import gc
import os

import pytest

from builder.forked import Forked


def test_the_result_comes_from_a_child_process():
    parent = os.getpid()
    job = Forked(lambda: (os.getpid(), b"x" * 3_000_000))
    pid, data = job.result()
    assert data == b"x" * 3_000_000
    if (os.cpu_count() or 1) > 1:
        assert pid != parent


def test_an_error_in_the_child_is_raised_in_the_parent():
    def fail() -> None:
        raise ValueError("bad document")

    with pytest.raises(ValueError, match="bad document"):
        Forked(fail).result()


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="no child")
def test_running_until_the_child_is_done(tmp_path):
    go = tmp_path / "go"

    def wait_for_go() -> int:
        while not go.exists():
            pass
        return 7

    job = Forked(wait_for_go)
    assert job.running()
    go.touch()
    while job.running():
        pass
    assert job.result() == 7


def test_not_forked_runs_here_when_asked():
    parent = os.getpid()
    job = Forked(os.getpid, fork=False)
    assert not job.running()
    assert job.result() == parent


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="no child")
def test_a_cancelled_child_is_gone(tmp_path):
    def forever() -> None:
        while True:
            pass

    job = Forked(forever)
    pid = job._pid
    job.cancel()
    assert job._pid is None
    with pytest.raises(ChildProcessError):  # reaped: no zombie left
        os.waitpid(pid, 0)


def test_the_child_keeps_what_it_inherited_out_of_its_collections():
    inherited = [[] for _ in range(1000)]  # tracked objects, made before the fork
    before = gc.get_freeze_count()
    child = Forked(lambda: (gc.get_freeze_count(), gc.is_tracked(inherited[0])))
    frozen, tracked = child.result()
    if (os.cpu_count() or 1) > 1:  # (else run here, not forked)
        assert tracked and frozen >= before + len(inherited), "frozen in the child"
    assert gc.get_freeze_count() == before, "the parent is not changed"

"""Forked: the result comes back from the child; a failure is raised here, not lost."""

from __future__ import annotations

import gc
import os

import pytest

from builder.forked import Forked, ForkMap


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


def _pid_and_square(index: int) -> tuple[int, int]:
    return os.getpid(), index * index


def test_a_fork_map_gives_every_result_in_order_from_its_workers():
    with ForkMap(_pid_and_square, 50, 2) as results:
        got = list(results)
    assert [square for _, square in got] == [i * i for i in range(50)]
    if (os.cpu_count() or 1) > 1 and hasattr(os, "fork"):
        assert os.getpid() not in {pid for pid, _ in got}


def test_large_results_come_back_whole():
    with ForkMap(lambda i: bytes([i]) * 3_000_000, 5, 2) as results:
        assert list(results) == [bytes([i]) * 3_000_000 for i in range(5)]


def test_a_task_that_fails_in_a_worker_is_done_here_where_its_error_is_raised():
    parent = os.getpid()

    def task(index: int) -> int:
        if index == 3:
            raise ValueError(f"bad task in {'parent' if os.getpid() == parent else 'child'}")
        return index

    results = iter(ForkMap(task, 6, 2))
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="bad task in parent"):
        next(results)


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="no child")
def test_the_tasks_of_a_worker_that_died_are_done_here():
    parent = os.getpid()

    def task(index: int) -> tuple[int, bool]:
        if index == 2 and os.getpid() != parent:
            os._exit(9)  # as if killed
        return index, os.getpid() == parent

    with ForkMap(task, 8, 2) as results:
        got = list(results)
    assert [i for i, _ in got] == list(range(8))
    assert dict(got)[2] is True  # done here


def test_one_worker_or_one_task_is_done_here():
    for count, workers in ((5, 1), (1, 4)):
        assert list(ForkMap(_pid_and_square, count, workers)) == [
            (os.getpid(), i * i) for i in range(count)]


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not hasattr(os, "fork"), reason="no child")
def test_no_worker_outlives_a_fork_map_left_halfway():
    def slow(index: int) -> int:
        while True:
            pass

    fork_map = ForkMap(slow, 4, 2)
    pids = list(fork_map._children.values())
    fork_map.close()
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)

"""The index is read without readahead where it cannot stay in the memory the process may
use (indexer.memory): the limit is the smallest of the machine's memory and the memory
cgroups the process is in, v2 or v1."""

from __future__ import annotations

import mmap

import pytest

from indexer import CaseIndex, IndexDoc, analyze_doc, memory


def _proc(tmp_path, cgroup: str, mem_kb: int = 8 * 2**20):
    proc = tmp_path / "proc"
    (proc / "self").mkdir(parents=True)
    (proc / "meminfo").write_text(f"MemTotal:       {mem_kb} kB\nMemFree: 1 kB\n")
    (proc / "self" / "cgroup").write_text(cgroup)
    return proc


def test_the_limit_is_the_smallest_of_the_machine_and_the_cgroups_above(tmp_path):
    cg = tmp_path / "cg"
    (cg / "app" / "worker").mkdir(parents=True)
    (cg / "app" / "memory.max").write_text("524288000\n")
    (cg / "app" / "worker" / "memory.max").write_text("max\n")
    proc = _proc(tmp_path, "0::/app/worker\n")
    assert memory.memory_limit(proc, cg) == 524288000
    # No cgroup limit: the machine's memory.
    (cg / "app" / "memory.max").write_text("max\n")
    assert memory.memory_limit(proc, cg) == 8 * 2**30


def test_a_v1_memory_cgroup_counts_and_other_controllers_do_not(tmp_path):
    cg = tmp_path / "cg"
    (cg / "memory" / "docker" / "abc").mkdir(parents=True)
    (cg / "memory" / "docker" / "abc" / "memory.limit_in_bytes").write_text("268435456\n")
    (cg / "cpu" / "docker" / "abc").mkdir(parents=True)
    (cg / "cpu" / "docker" / "abc" / "memory.limit_in_bytes").write_text("1\n")
    proc = _proc(tmp_path, "4:cpu,cpuacct:/docker/abc\n3:memory:/docker/abc\n")
    assert memory.memory_limit(proc, cg) == 268435456


def test_nothing_readable_means_no_limit(tmp_path):
    assert memory.memory_limit(tmp_path / "none", tmp_path / "none") is None


@pytest.mark.parametrize(
    ("setting", "limit", "expected"),
    [("auto", 2**40, True), ("auto", 1000, False), ("off", 2**40, False), ("on", 1000, True)],
)
def test_readahead_follows_the_setting_and_the_index_size(
    tmp_path, monkeypatch, setting, limit, expected
):
    ix = CaseIndex(tmp_path / "index", readahead=setting)
    ix.rebuild([analyze_doc(IndexDoc(case_no="A-1", name="案例", text="企业开办一网通办。" * 50))])
    ix.close()
    memory._auto.cache_clear()
    monkeypatch.setattr(memory, "memory_limit", lambda: limit)
    assert memory.readahead(tmp_path / "index") is expected
    # The files read at random are advised so; the map still reads the same bytes.
    advised = []

    class Map:
        def madvise(self, flag):
            advised.append(flag)

    memory.advise(Map(), tmp_path / "index" / "MAIN_x.flat.col")
    memory.advise(Map(), tmp_path / "index" / "MAIN_x.year.col")
    assert advised == ([] if expected else [mmap.MADV_RANDOM])
    memory._auto.cache_clear()


def test_an_index_read_without_readahead_answers_the_same(tmp_path, monkeypatch):
    docs = [
        IndexDoc(case_no=f"A-{i}", name=f"案例{i}", text=f"企业开办第{i}号，一网通办。")
        for i in range(30)
    ]
    ix = CaseIndex(tmp_path / "index")
    ix.rebuild(analyze_doc(d) for d in docs)
    from indexer import SearchQuery

    q = SearchQuery(q="网通", per_page=50)
    before = [(h.case_no, h.score) for h in ix.search(q).hits]
    ix.close()
    again = CaseIndex(tmp_path / "index", readahead="off")
    assert not memory.readahead(tmp_path / "index")
    assert [(h.case_no, h.score) for h in again.search(q).hits] == before and len(before) == 30
    again.close()


def test_a_bad_readahead_setting_is_refused_with_its_name():
    from library.config import Settings

    with pytest.raises(ValueError, match="CASELIB_INDEX_READAHEAD must be auto, on or off"):
        Settings({}, env={"CASELIB_INDEX_READAHEAD": "sometimes"})
    assert Settings({}, env={"CASELIB_INDEX_READAHEAD": " OFF "}).index_readahead == "off"
    with pytest.raises(ValueError):
        CaseIndex("/nonexistent/index", readahead="maybe")

"""The ``caselib`` command line, run as the installed console script in a subprocess with
its own $CASELIB_HOME: init, ingest (progress bar), search --json (exact shape, filters),
similar --json, reindex, template, and one clear stderr line for every bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import docx_bytes, pdf_bytes
from tests.samples import (
    DIANLI,
    KAIBAN,
    NASHUI,
    SHENPI,
    TONGGUAN,
    cli_env,
    markdown,
    truncated,
    write,
)

CASELIB = str(Path(sys.executable).with_name("caselib"))
HIT_KEYS = {"case_no", "name", "file_name", "score", "highlights"}
FACET_KEYS = {"theme", "region", "year", "case_type", "tags"}
SIMILAR_KEYS = {"case_no", "name", "file_name", "similarity", "near_duplicate"}

A, B, C, D, E = (
    "工程建设项目审批改革",
    "非接触式办税",
    "跨境贸易通关便利化",
    "获得电力一次都不跑",
    "企业开办一件事集成改革",
)
ALL = {A, B, C, D, E}


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def json(self):
        return json.loads(self.stdout)


def run_cli(home: Path, *args: str, cwd: Path | None = None, timeout: float = 300) -> Run:
    proc = subprocess.run(
        [CASELIB, *args],
        env=cli_env(home),
        cwd=cwd or home.parent,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Run(list(args), proc.returncode, proc.stdout, proc.stderr)


def stored(home: Path) -> dict:
    """What the library in ``home`` holds, read in this process."""
    from library.config import Settings
    from library.context import Library
    from tests.samples import library_state

    lib = Library(Settings({"home": str(home)}, env={}))
    try:
        return library_state(lib)
    finally:
        lib.close()


def run_all(home: Path, commands: dict[str, list[str]]) -> dict[str, Run]:
    """Independent read-only commands, run side by side (each is its own process)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {key: pool.submit(run_cli, home, *args) for key, args in commands.items()}
    return {key: f.result() for key, f in futures.items()}


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli") / "home"


@pytest.fixture(scope="module")
def library(home) -> dict[str, Run]:
    """``init`` twice, then five cases ingested in two runs: a folder (with the progress bar,
    metadata options and a manifest) and two explicit files (--no-progress, a manifest)."""
    work = home.parent
    runs: dict[str, Run] = {"init1": run_cli(home, "init")}
    runs["init1_meta"] = Run([], 0, (home / "index" / "caselib-index.json").read_text(), "")
    runs["init2"] = run_cli(home, "init")
    runs["init2_meta"] = Run([], 0, (home / "index" / "caselib-index.json").read_text(), "")

    write(work / "docs" / "审批.docx", docx_bytes(SHENPI[1:], title=SHENPI[0]))
    write(work / "docs" / "办税.pdf", pdf_bytes(NASHUI[1:], title=NASHUI[0]))
    write(work / "docs" / "sub" / "通关.md", markdown(TONGGUAN[0], TONGGUAN[1:]))
    write(
        work / "m1.csv",
        "file,name,theme,region_code,tags,published_at,unit\n"
        f"docs/审批.docx,{A},,,告知承诺制;联合验收,2023-04-01,区住建局\n"
        f"docs/办税.pdf,{B},纳税,,减税降费,2024-01-15,区税务局\n"
        f"docs/sub/通关.md,{C},跨境贸易,310115,通关便利化;跨境电商,2024-05-20,区商务局\n",
    )
    runs["ingest_folder"] = run_cli(
        home,
        "ingest",
        "--manifest",
        "m1.csv",
        "--theme",
        "政务服务",
        "--region",
        "330106",
        "--type",
        "original",
        "docs",
    )

    write(work / "extra" / "电力.txt", "\n".join(DIANLI) + "\n")
    write(work / "extra" / "开办.docx", docx_bytes(KAIBAN, title=E))
    write(
        work / "m2.csv",
        "file,name,theme,region_code,case_type,borrowed_from,tags,published_at,unit\n"
        f"extra/电力.txt,{D},获得电力,440305,innovation_borrowed,{A},免申即享,2025-03-01,供电公司\n"
        f"extra/开办.docx,{E},开办企业,330102,original,,一网通办;最多跑一次,2024-12-01,区市场监管局\n",
    )
    files = ["extra/电力.txt", "extra/开办.docx"]
    runs["ingest_files"] = run_cli(home, "ingest", "--no-progress", "--manifest", "m2.csv", *files)
    runs["ingest_again"] = run_cli(home, "ingest", "--no-progress", "--manifest", "m2.csv", *files)
    return runs


# -- init and ingest ----------------------------------------------------------------------------


def test_init_twice_creates_the_library_once(home, library):
    """``init`` creates the database, file store and index; a second ``init`` succeeds and
    leaves them as they are (the same index build)."""
    first, second = library["init1"], library["init2"]

    assert (first.returncode, second.returncode) == (0, 0)
    assert str(home) in first.stdout and str(home) in second.stdout
    assert (first.stderr, second.stderr) == ("", "")
    assert (home / "caselib.sqlite3").is_file() and (home / "files").is_dir()
    assert library["init1_meta"].stdout == library["init2_meta"].stdout


def test_ingest_of_a_folder_shows_a_progress_bar_on_stderr(library):
    """A folder (with a sub-folder) is ingested whole; the progress bar goes to stderr, the
    summary to stdout."""
    run = library["ingest_folder"]

    assert run.returncode == 0, run.stderr
    assert "导入 3 个文件" in run.stdout and "失败 0 个" in run.stdout
    assert "导入" in run.stderr and "3/3" in run.stderr and "100%" in run.stderr


def test_ingest_with_no_progress_writes_nothing_on_stderr(library):
    """Explicit files with --no-progress: the summary only, nothing on stderr."""
    run = library["ingest_files"]

    assert run.returncode == 0, run.stderr
    assert "导入 2 个文件" in run.stdout
    assert run.stderr == ""


def test_ingest_twice_adds_nothing(home, library):
    """The same ingest again: nothing added, both files reported skipped."""
    run = library["ingest_again"]

    assert run.returncode == 0, run.stderr
    assert "导入 0 个文件" in run.stdout and "跳过 2 个" in run.stdout
    state = stored(home)
    assert (
        state["cases"]
        == state["documents"]
        == len(state["files"])
        == len(state["index"])
        == len(ALL)
    )


# -- search ---------------------------------------------------------------------------------------


def test_search_json_has_exactly_the_documented_shape(answers):
    """``search --json``: exactly {total, hits, facets}; each hit exactly {case_no, name,
    file_name, score, highlights}; facets exactly the five documented ones; ``total``
    counts every matching case, not the page."""
    out = answers["shape"].json

    assert set(out) == {"total", "hits", "facets"}
    assert out["total"] == 2 and len(out["hits"]) == 1
    for hit in out["hits"]:
        assert set(hit) == HIT_KEYS
        assert isinstance(hit["case_no"], str) and isinstance(hit["name"], str)
        assert isinstance(hit["score"], float) and hit["score"] > 0
        assert hit["highlights"] and all("改革" in h for h in hit["highlights"])
    assert {h["file_name"] for h in out["hits"]} <= {"审批.docx", "开办.docx", "通关.md"}
    assert set(out["facets"]) == FACET_KEYS
    for facet in out["facets"].values():
        assert all(isinstance(k, str) and isinstance(v, int) for k, v in facet.items())
    assert sum(out["facets"]["theme"].values()) == out["total"]


def test_search_json_facets_count_every_case(answers):
    """Without a query every case matches; the facets hold the metadata of the ingest."""
    out = answers["all"].json

    assert out["total"] == len(ALL) == len(out["hits"])
    assert {h["name"]: h["file_name"] for h in out["hits"]} == {
        A: "审批.docx",
        B: "办税.pdf",
        C: "通关.md",
        D: "电力.txt",
        E: "开办.docx",
    }
    assert out["facets"] == {
        "theme": {"政务服务": 1, "纳税": 1, "跨境贸易": 1, "获得电力": 1, "开办企业": 1},
        "region": {"330000": 3, "310000": 1, "440000": 1},
        "year": {"2025": 1, "2024": 3, "2023": 1},
        "case_type": {"original": 4, "innovation_borrowed": 1},
        "tags": {
            "告知承诺制": 1,
            "联合验收": 1,
            "减税降费": 1,
            "通关便利化": 1,
            "跨境电商": 1,
            "免申即享": 1,
            "一网通办": 1,
            "最多跑一次": 1,
        },
    }
    by_name = {h["name"]: h["case_no"] for h in out["hits"]}
    # Numbered per publication year; within one parallel run, in the order files finish.
    assert (by_name[A], by_name[D], by_name[E]) == ("YS2023-00001", "YS2025-00001", "YS2024-00003")
    assert {by_name[B], by_name[C]} == {"YS2024-00001", "YS2024-00002"}


# The other region levels, sort orders and filters are covered by the service tests.
FILTERS: dict[str, tuple[list[str], set[str] | list[str]]] = {
    "theme": (["--theme", "政务服务"], {A}),
    "region": (["--region", "3301"], {A, B, E}),
    "type": (["--type", "innovation_borrowed"], {D}),
    "from_to": (["--from", "2024-01-01", "--to", "2024-12-31"], {B, C, E}),
    "case_no": (["--case-no", "YS2023-00001"], {A}),
    "name": (["--name", "办税"], {B}),
    "tags": (["--tag", "告知承诺制", "--tag", "联合验收"], {A}),
    "sort_date": (["--sort", "date", "--limit", "10"], [D, E, C, B, A]),
    "page_limit": (["--sort", "date", "--page", "2", "--limit", "2"], [C, B]),
}


@pytest.fixture(scope="module")
def answers(home, library) -> dict[str, Run]:
    """The read-only commands of this module, run side by side once."""
    commands = {key: ["search", "--json", *args] for key, (args, _) in FILTERS.items()}
    commands["shape"] = ["search", "--json", "--limit", "1", "改革"]
    commands["all"] = ["search", "--json", "--limit", "5000"]
    commands["similar"] = [
        "similar",
        "--json",
        "--limit",
        "3",
        str(home.parent / "extra" / "开办.docx"),
    ]
    return run_all(home, commands)


@pytest.mark.parametrize("key", list(FILTERS))
def test_search_filters_sort_and_pages(answers, key):
    """Each filter selects exactly its cases; --sort date orders newest first; --page and
    --limit cut the list while ``total`` still counts every match."""
    args, expected = FILTERS[key]
    run = answers[key]

    assert run.returncode == 0, run.stderr
    out = run.json
    names = [h["name"] for h in out["hits"]]
    if isinstance(expected, list):
        assert names == expected
        assert out["total"] == len(ALL)
    else:
        assert set(names) == expected
        assert out["total"] == len(expected)


def test_search_limit_takes_up_to_ten_thousand(answers, home):
    """A script may ask for every matching case at once (--limit up to 10,000); beyond
    that a clear usage error."""
    run = answers["all"]
    assert run.returncode == 0, run.stderr
    assert len(run.json["hits"]) == run.json["total"] == len(ALL)
    over = run_cli(home, "search", "--json", "--limit", "10001")
    assert over.returncode == 2 and "per_page" in over.stderr + over.stdout


# -- similar, reindex, template ----------------------------------------------------------------------


def test_similar_json_has_the_documented_shape_most_similar_first(answers):
    """``similar --json FILE``: exactly {hits}, each hit exactly the documented keys; the
    file itself comes first as a near-duplicate with similarity 1.0."""
    run = answers["similar"]

    assert run.returncode == 0, run.stderr
    out = run.json
    assert set(out) == {"hits"}
    assert 1 <= len(out["hits"]) <= 3
    assert all(set(h) == SIMILAR_KEYS for h in out["hits"])
    first = out["hits"][0]
    assert (first["name"], first["file_name"], first["similarity"], first["near_duplicate"]) == (
        E,
        "开办.docx",
        1.0,
        True,
    )
    sims = [h["similarity"] for h in out["hits"]]
    assert sims == sorted(sims, reverse=True)
    assert not any(h["near_duplicate"] for h in out["hits"][1:])


def test_reindex_rebuilds_and_search_answers_the_same(home, library, answers):
    """``reindex`` rebuilds the index (progress on stderr) and the same searches give the
    same answers."""
    before = {key: answers[key] for key in ("all", "shape")}
    build = json.loads((home / "index" / "caselib-index.json").read_text())["build_id"]

    run = run_cli(home, "reindex")

    assert run.returncode == 0, run.stderr
    assert "5 个案例" in run.stdout and "重建索引" in run.stderr
    assert json.loads((home / "index" / "caselib-index.json").read_text())["build_id"] != build
    after = run_all(home, {key: r.args for key, r in before.items()})
    assert {k: r.json for k, r in after.items()} == {k: r.json for k, r in before.items()}


def test_template_writes_a_word_document_with_the_form_titles(home, tmp_path):
    """``template OUT.docx`` writes a real .docx holding the titles of the 申报表 fields."""
    import docx

    from library.validation import load_schema

    out = tmp_path / "申报表.docx"
    run = run_cli(home, "template", str(out))

    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:2] == b"PK"
    document = docx.Document(io.BytesIO(out.read_bytes()))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    schema = load_schema("case_form")
    titles = [schema["properties"][f]["title"] for f in schema["x-template-order"]]
    assert len(titles) == 15
    assert [t for t in titles if t not in text] == []


# -- bad input ------------------------------------------------------------------------------------------

BAD_INPUT = {
    "unknown_command": ["frobnicate"],
    "unknown_option": ["search", "--colour", "red"],
    "bad_region": ["search", "--region", "12345"],
    "bad_date": ["search", "--from", "2024-13-01"],
    "bad_year": ["search", "--year", "twenty"],
    "similar_missing_file": ["similar", "no-such-draft.docx"],
    "similar_corrupt_file": ["similar", "corrupt.docx"],
    "ingest_missing_file": ["ingest", "--no-progress", "no-such-case.docx"],
    "ingest_unknown_theme_with_progress": ["ingest", "--theme", "不存在的主题", "docs"],
    "ingest_missing_manifest": ["ingest", "--no-progress", "--manifest", "no-such.csv", "docs"],
    "template_not_docx": ["template", "out.txt"],
    "template_missing_folder": ["template", "no-such-folder/out.docx"],
}


@pytest.fixture(scope="module")
def bad_runs(home, library) -> dict[str, Run]:
    write(home.parent / "corrupt.docx", truncated(docx_bytes(SHENPI)))
    return run_all(home, BAD_INPUT)


@pytest.mark.parametrize("key", list(BAD_INPUT))
def test_bad_input_is_one_line_on_stderr_and_a_failure_status(home, bad_runs, key):
    """Bad input: a non-zero exit status, exactly one line on stderr, nothing that looks
    like a traceback, and nothing stored."""
    run = bad_runs[key]

    assert run.returncode != 0
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "内部错误" not in run.stderr


def test_bad_input_stored_nothing(home, library, bad_runs):
    """After all the bad commands the library holds what it held before them."""
    state = stored(home)

    assert state["cases"] == state["documents"] == len(state["index"]) == len(ALL)
    assert not (home.parent / "out.txt").exists()


def test_search_group_lists_the_versions_of_one_text_under_one_hit(tmp_path):
    """``search --group``: versions of one text are one hit (``similar_versions`` in the
    JSON, "另有 N 个相似版本" in the text); without it every case is a hit of the
    documented shape."""
    home = tmp_path / "home"
    folder = tmp_path / "in"
    folder.mkdir()
    body = "".join(
        f"第{i}条 推进涉企数据归集共享，建立第{i}项共享清单，向市场主体开放查询，不得要求重复提交材料。"
        for i in range(1, 30)
    )
    (folder / "a.md").write_text(f"# 涉企数据共享条例\n\n{body}", encoding="utf-8")
    (folder / "b.md").write_text(
        f"# 涉企数据共享条例（2024年修订）\n\n{body.replace('不得要求重复提交材料', '保护商业秘密', 8)}",
        encoding="utf-8",
    )
    (folder / "c.md").write_text(
        "# 政务服务事项清单管理办法\n\n"
        + "政务服务事项实行清单管理，涉企数据共享按目录进行。" * 20,
        encoding="utf-8",
    )
    assert run_cli(home, "ingest", "--no-progress", str(folder)).returncode == 0

    every = run_cli(home, "search", "--json", "涉企数据共享").json
    assert every["total"] == 3 and len(every["hits"]) == 3
    assert all(set(h) == HIT_KEYS for h in every["hits"])

    grouped = run_cli(home, "search", "--json", "--group", "涉企数据共享").json
    assert grouped["total"] == 3 and len(grouped["hits"]) == 2
    (lead,) = [h for h in grouped["hits"] if h["similar_versions"]]
    assert {lead["name"], lead["similar_versions"][0]["name"]} == {
        "涉企数据共享条例",
        "涉企数据共享条例（2024年修订）",
    }
    text = run_cli(home, "search", "--group", "涉企数据共享")
    assert text.returncode == 0 and "另有 1 个相似版本：[" in text.stdout

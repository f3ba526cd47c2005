"""Ingest of real documents from the shared corpus: every parser fixture of
``02_fixtures`` (the .doc files through LibreOffice) and a 100-file sample of the policy
texts. The whole corpus belongs in bench/, not here."""

from __future__ import annotations

import collections
import hashlib
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from indexer import analyze
from library.cases import indexing, search
from library.cases.ingest import ingest
from library.models import Case, Document

pytestmark = pytest.mark.corpus

_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def fixture_files(corpus: Path, legacy: bool) -> list[Path]:
    """The files of ``02_fixtures``: the legacy Word (.doc) files or all the others."""
    files = sorted(
        p for p in (corpus / "02_fixtures").rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    return [p for p in files if (p.suffix.lower() == ".doc") == legacy]


def distinctive_word(text: str, others: list[str]) -> str:
    """A word of ``text`` (as the analyzer cuts it) that as few of the ``others`` as possible
    contain: the rarest of its twenty longest Chinese words near the start."""
    words = dict.fromkeys(w for w in analyze(text[:4000]) if _HAN_WORD.match(w))
    assert words, "no Chinese word in the document"
    longest = sorted(words, key=len, reverse=True)[:20]
    return min(longest, key=lambda w: (sum(w in t for t in others), -len(w)))


def stored_texts(lib) -> dict[str, tuple[str, str]]:
    """original file name -> (case number, document text)."""
    with lib.db.session() as s:
        rows = s.execute(
            select(Document.original_name, Case.case_no, Document.text).join(Case)
        ).all()
    return {name: (case_no, text) for name, case_no, text in rows}


def assert_each_found_by_its_word(lib, names: list[str]) -> None:
    """Each named document is among the hits of a search for a distinctive word of it."""
    stored = stored_texts(lib)
    missed = []
    for name in names:
        case_no, text = stored[name]
        word = distinctive_word(text, [t for n, (_, t) in stored.items() if n != name])
        hits = search.search(lib, {"q": word, "per_page": 100}).hits
        if case_no not in [h.case_no for h in hits]:
            missed.append((name, word))
    assert missed == []


@pytest.fixture(scope="module")
def fixtures_library(module_lib, corpus):
    """Every file of 02_fixtures except the legacy .doc ones, ingested once."""
    files = fixture_files(corpus, legacy=False)
    return module_lib, files, ingest(module_lib, files)


def test_every_fixture_file_is_stored(fixtures_library):
    """All .docx, .pdf and .txt fixtures (the ``_reference_text`` baselines included) are
    stored: no failure, no skip, one case and one document per file, all indexed."""
    lib, files, report = fixtures_library

    assert [(f.path, f.code) for f in report.failed] == []
    assert report.skipped == []
    assert sorted(p for _, p in report.added) == sorted(str(f) for f in files)
    stored = stored_texts(lib)
    assert sorted(stored) == sorted(f.name for f in files)
    assert all(len(text) > 100 for _, text in stored.values())
    assert len(lib.index.case_nos()) == len(files)
    assert indexing.pending_case_nos(lib) == []


def test_every_fixture_file_is_found_by_a_word_of_its_own(fixtures_library):
    """A search for a distinctive word of each file finds that file."""
    lib, files, _ = fixtures_library

    assert_each_found_by_its_word(lib, [f.name for f in files])


def test_stored_fixture_documents_are_the_original_bytes(fixtures_library):
    """The file store holds each fixture byte for byte under its SHA-256."""
    lib, files, _ = fixtures_library
    with lib.db.session() as s:
        docs = {d.original_name: d for d in s.scalars(select(Document))}
    for f in files:
        data = f.read_bytes()
        assert docs[f.name].sha256 == hashlib.sha256(data).hexdigest()
        assert lib.files.get(docs[f.name].sha256) == data


@pytest.mark.slow
def test_legacy_word_fixtures_are_stored_through_libreoffice(fixtures_library, corpus, soffice):
    """The Word 97-2003 files (GBK, WPS-authored, fast-saved) are converted by
    LibreOffice, stored without a failure and found by a word of their own."""
    lib, *_ = fixtures_library
    legacy = fixture_files(corpus, legacy=True)

    report = ingest(lib, legacy)

    assert [(f.path, f.code) for f in report.failed] == []
    assert len(report.added) == len(legacy)
    with lib.db.session() as s:
        docs = s.scalars(select(Document).where(Document.format == "doc")).all()
    assert sorted(d.original_name for d in docs) == sorted(f.name for f in legacy)
    assert {d.converter for d in docs} == {"libreoffice"}
    assert_each_found_by_its_word(lib, [f.name for f in legacy])


# -- a sample of the policy texts --------------------------------------------------------------

_DATE_IN_NAME = re.compile(r"\((\d{4})-\d{2}-\d{2}\)")


def policy_sample(corpus: Path, size: int = 100) -> list[Path]:
    """The 17 营商环境 regulations, and the rest spread evenly over the other regulations."""
    root = corpus / "01_policy_texts"
    core = sorted((root / "lawrefbook_yingshang_regulations").glob("*.md"))
    others = sorted(
        p
        for p in root.glob("lawrefbook_*/**/*.md")
        if p.parent.name != "lawrefbook_yingshang_regulations" and not p.name.startswith("_")
    )
    step = len(others) / (size - len(core))
    return core + [others[int(i * step)] for i in range(size - len(core))]


@pytest.fixture(scope="module")
def policy_library(corpus, tmp_path_factory):
    from library.config import Settings
    from library.context import Library

    files = policy_sample(corpus)
    lib = Library(
        Settings(
            {"home": str(tmp_path_factory.mktemp("policy") / "home"), "ingest_workers": 2}, env={}
        )
    )
    lib.init()
    yield lib, files, ingest(lib, files, defaults={"theme": "法治保障"})
    lib.close()


def test_policy_sample_is_stored_once_per_distinct_file(policy_library):
    """100 regulations: every distinct file stored, byte-identical copies skipped."""
    lib, files, report = policy_library
    distinct = {hashlib.sha256(f.read_bytes()).hexdigest() for f in files}

    assert len(files) == 100
    assert report.failed == []
    assert len(report.added) == len(distinct)
    assert len(report.added) + len(report.skipped) == len(files)
    assert search.search(lib, {}).total == len(distinct)


def test_policy_sample_facets_count_every_case(policy_library):
    """Facets: the theme given for the run, years from the dates in the file names,
    unknown region and type; each facet's counts add up to the total."""
    lib, files, report = policy_library
    added = [Path(p).name for _, p in report.added]
    years = collections.Counter(
        m.group(1) if (m := _DATE_IN_NAME.search(n)) else "unknown" for n in added
    )

    result = search.search(lib, {})

    assert result.facets["theme"] == {"法治保障": len(added)}
    assert result.facets["year"] == dict(years)
    assert result.facets["region"] == {"unknown": len(added)}
    assert result.facets["case_type"] == {"unknown": len(added)}
    for year, count in list(years.items())[:5]:
        if year != "unknown":
            assert search.search(lib, {"year": int(year)}).total == count


def test_policy_sample_keyword_finds_the_regulations_that_contain_it(policy_library):
    """营商环境 finds every stored regulation whose text contains it, and only those."""
    lib, _, report = policy_library
    stored = stored_texts(lib)
    expected = {case_no for case_no, text in stored.values() if "营商环境" in text}

    result = search.search(lib, {"q": "营商环境", "per_page": 100})

    assert len(expected) >= 17
    assert result.total == len(expected)
    assert {h.case_no for h in result.hits} == expected

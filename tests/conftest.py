"""Shared fixtures: real libraries in tmp_path, real .docx/.pdf files made in the test, and
the corpus (``../shared/corpus``) when it is present."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
# The tests' libraries hash their passwords with a cheap method (CASELIB_PASSWORD_HASH; the
# default, scrypt, takes a tenth of a second and 32 MB a hash, and the tests log in by the
# thousand). tests/test_passwords.py checks the default.
TEST_PASSWORD_HASH = "pbkdf2:sha256:1000"


# The slowest test modules, slowest first (about a minute down to fifteen seconds on two
# cores). `make test` runs `pytest -n auto --dist loadfile --no-loadscope-reorder`: each
# module goes to one worker, in the order collected, so these start first and the short
# ones fill in at the end (by default xdist puts the modules with the most tests first,
# which left a one-test, one-minute module for last). Each worker starts with two modules
# (the 1st and 3rd to one, the 2nd and 4th to the other): those of the first need the demo
# library, those of the second do not, so one worker builds it while the other works.
SLOWEST_FIRST = (
    "tests/web/test_fuzz.py",
    "tests/test_cli.py",
    "tests/e2e/test_every_page.py",
    "tests/monitoring/test_cli.py",
    "tests/e2e/test_admin.py",
    "tests/indexer/test_extract_legacy.py",
    "tests/e2e/test_contribute.py",
    "tests/compilations/test_pdf.py",
    "tests/e2e/test_compilations.py",
    "tests/services/test_ingest_corpus.py",
    "tests/e2e/test_workflow.py",
    "tests/services/test_index_soak.py",
    "tests/test_backup.py",
    "tests/stats/test_cli.py",
    "tests/e2e/test_browse.py",
    "tests/test_two_nodes.py",
    "tests/e2e/test_monitoring.py",
    "tests/e2e/test_scans.py",
)


def pytest_collection_modifyitems(config, items):
    rank = {path: i for i, path in enumerate(SLOWEST_FIRST)}
    position = {id(item): i for i, item in enumerate(items)}

    def key(item):
        path = item.nodeid.split("::", 1)[0]
        return (rank.get(path, len(rank)), position[id(item)])

    items.sort(key=key)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real documents; tests using it skip cleanly when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def postgres_server():
    """One real PostgreSQL server for the whole run (see ``tests/pg.py``); tests that use
    it skip cleanly when none can be had."""
    pytest.importorskip("psycopg")
    from tests.pg import Unavailable
    from tests.pg import postgres_server as start

    try:
        with start() as server:
            yield server
    except Unavailable as e:
        pytest.skip(str(e))


@pytest.fixture(scope="module")
def postgres_database(postgres_server):
    """Make empty databases on the shared server: ``postgres_database(name) -> URL``."""
    return postgres_server.database


@pytest.fixture
def settings(tmp_path):
    from library.config import Settings

    return Settings(
        {"home": str(tmp_path / "home"), "ingest_workers": 2, "password_hash": TEST_PASSWORD_HASH},
        env={},
    )


@pytest.fixture
def lib(settings, request):
    """An initialised, empty library in tmp_path/home: a copy of ``initialised_home``
    (seeding the regions and vocabularies takes seconds; copying them, milliseconds) when
    the settings keep the default SQLite database in the home, else initialised."""
    from library.context import Library

    default_db = "sqlite:///" + str(settings.home_path / "caselib.sqlite3")
    if settings.database_url == default_db and not settings.home_path.exists():
        library = _copied_library(request.getfixturevalue("initialised_home"), settings)
    else:
        library = Library(settings)
        library.init()
    yield library
    library.close()


def docx_bytes(
    paragraphs: list[str], *, title: str | None = None, table: list[list[str]] | None = None
) -> bytes:
    """A real .docx made with python-docx."""
    import docx

    d = docx.Document()
    if title:
        d.add_heading(title, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docm_bytes(paragraphs: list[str]) -> bytes:
    """A macro-enabled Word document (what Word saves as .docm): the main part's content
    type says macroEnabled and the package holds the VBA project."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes(paragraphs)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                ).replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    b"</Types>",
                )
            z.writestr(item, data)
        z.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    return out.getvalue()


def pdf_bytes(paragraphs: list[str], *, title: str | None = None) -> bytes:
    """A real CJK PDF with reportlab's CID font STSong-Light."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    head = ParagraphStyle("cjkh", parent=style, fontSize=16, leading=22)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1)
    story = ([Paragraph(title, head)] if title else []) + [Paragraph(p, style) for p in paragraphs]
    doc.build(story)
    return buf.getvalue()


@pytest.fixture
def make_docx() -> Callable[..., bytes]:
    return docx_bytes


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    return pdf_bytes


SAMPLE_TEXT = [
    "针对企业开办环节多、材料多、时间长的问题，本区推行企业开办“一网通办”，将营业执照、公章刻制、"
    "发票申领、社保登记整合为一件事，实现一表填报、一窗受理、一日办结。",
    "改革后企业开办时间由5个工作日压缩至1个工作日，申请材料由21份减少到6份，全年服务新设企业3200余家。",
]


def valid_form(**overrides: Any) -> dict[str, Any]:
    """A complete, valid 申报表 (no place or person names in the anonymised fields)."""
    form = {
        "name": "企业开办全流程一日办结改革",
        "theme": "开办企业",
        "case_type": "original",
        "summary": "推行企业开办一网通办，一表填报、一窗受理、一日办结。",
        "problem": "企业开办环节多、材料多、跑动多。",
        "solution": "整合部门事项为一件事，线上全程网办，线下一窗通办。",
        "traditional_practice": "申请人依次到各部门窗口分别办理，材料重复提交。",
        "innovative_practice": "一表填报，系统自动分发，后台并联审核，当日办结。",
        "application_scenario": "适用于各类企业设立登记。",
        "tags": ["一网通办", "最多跑一次"],
        "region_code": "331002",
        "unit": "区市场监督管理局",
        "contact_name": "联系人甲",
        "contact_phone": "13800001234",
        "published_at": "2024-05-20",
    }
    form.update(overrides)
    return {k: v for k, v in form.items() if v is not None}


@pytest.fixture
def form() -> Callable[..., dict[str, Any]]:
    return valid_form


@pytest.fixture
def make_case(lib) -> Callable[..., Any]:
    """Submit a valid case with a generated .docx; overrides change the form, ``paragraphs``
    the document text, ``filename`` the file name."""
    from library.accounts.audit import Actor
    from library.cases.submit import Upload
    from tests.conftest import submit

    counter = {"n": 0}

    def make(
        paragraphs: list[str] | None = None,
        filename: str | None = None,
        confirm_near_duplicate: bool = True,
        **overrides: Any,
    ):
        counter["n"] += 1
        paras = paragraphs or SAMPLE_TEXT + [f"第{counter['n']}号样例。"]
        data = docx_bytes(paras, title=overrides.get("name", "样例案例"))
        upload = Upload(filename or f"样例案例{counter['n']}.docx", data)
        return submit(
            lib,
            valid_form(**overrides),
            upload,
            Actor.cli(),
            confirm_near_duplicate=confirm_near_duplicate,
        )

    return make


def submit(
    lib,
    raw: dict[str, Any],
    upload,
    actor,
    *,
    confirm_near_duplicate: bool = False,
    status: str = "published",
):
    """A case straight into the library, published and indexed (as an administrator's load
    and the demo do); the workflow's tests go through ``library.workflow`` instead."""
    from library.cases.submit import create_case

    return create_case(
        lib, raw, upload, actor, confirm_near_duplicate=confirm_near_duplicate, status=status
    )


@pytest.fixture(scope="session")
def initialised_home(tmp_path_factory) -> Path:
    """The home of an initialised, empty library (tables, vocabularies, index), made once
    per session; the fixtures below copy it instead of seeding every library again."""
    from library.config import Settings
    from library.context import Library

    home = tmp_path_factory.mktemp("initialised") / "home"
    library = Library(Settings({"home": str(home), "ingest_workers": 2}, env={}))
    library.init()
    library.close()
    return home


def _copied_library(initialised_home: Path, settings):
    from library.context import Library

    shutil.copytree(initialised_home, settings.home_path)
    library = Library(settings)
    library.init()  # idempotent: finds everything in place
    return library


@pytest.fixture
def fresh_lib(settings, initialised_home):
    """The state of the shared ``lib`` fixture (an initialised, empty library in
    tmp_path/home), copied from ``initialised_home``. A module overrides ``lib`` with it
    to save seeding thousands of regions per test."""
    library = _copied_library(initialised_home, settings)
    yield library
    library.close()


@pytest.fixture(scope="module")
def module_lib(tmp_path_factory, initialised_home):
    """One library shared by the tests of a module, for tests whose state allows it."""
    from library.config import Settings

    home = tmp_path_factory.mktemp("library") / "home"
    library = _copied_library(
        initialised_home,
        Settings(
            {"home": str(home), "ingest_workers": 2, "password_hash": TEST_PASSWORD_HASH}, env={}
        ),
    )
    yield library
    library.close()

"""The settings table: where the files and the index live, switches, secrets."""

from __future__ import annotations

import pytest

from library.config import SETTINGS, Settings
from library.context import Library
from tests.conftest import docx_bytes, submit, valid_form


def test_files_and_index_can_live_outside_the_home(tmp_path, initialised_home):
    """CASELIB_FILES_DIR and CASELIB_INDEX_DIR move the file store (shared by app nodes)
    and the index (one per node) out of CASELIB_HOME; by default both are in it."""
    from library.accounts.audit import Actor
    from library.cases.submit import Upload

    default = Settings({"home": str(tmp_path / "h")}, env={})
    assert default.files_path == tmp_path / "h" / "files"
    assert default.index_path == tmp_path / "h" / "index"

    settings = Settings(
        {
            "home": str(tmp_path / "home"),
            "files_dir": str(tmp_path / "shared" / "files"),
            "index_dir": str(tmp_path / "node1" / "index"),
            "ingest_workers": 1,
        },
        env={},
    )
    lib = Library(settings)
    try:
        lib.init()
        data = docx_bytes(["企业开办一网通办，一表填报、一窗受理、一日办结。"])
        case = submit(lib, valid_form(), Upload("开办.docx", data), Actor.cli())
        with lib.db.session() as s:
            from library.cases.read import get_case

            sha = get_case(s, case.case_no).document.sha256
        assert (tmp_path / "shared" / "files" / sha[:2] / sha[2:4] / sha).read_bytes() == data
        assert any((tmp_path / "node1" / "index").iterdir())
        assert not (tmp_path / "home" / "files").exists()
        assert not (tmp_path / "home" / "index").exists()
    finally:
        lib.close()


@pytest.mark.parametrize(
    ("raw", "value"), [("1", True), ("true", True), ("on", True), ("0", False), ("", False)]
)
def test_switches_read_one_and_zero(raw, value):
    """A switch (CASELIB_SECURE_COOKIES) reads 1/0, true/false, yes/no, on/off."""
    assert Settings(env={"CASELIB_SECURE_COOKIES": raw}).secure_cookies is value


def test_a_bad_switch_is_refused():
    """Anything else is an error naming the setting, not a silent default."""
    with pytest.raises(ValueError, match="CASELIB_SECURE_COOKIES"):
        Settings(env={"CASELIB_SECURE_COOKIES": "maybe"})


def test_secrets_are_marked_in_the_table():
    """The key, the database URL (it may hold a password) and the webhook (robots' URLs
    hold a token) are secrets; a backup leaves them out unless asked."""
    assert {s.name for s in SETTINGS if s.secret} == {
        "SECRET_KEY",
        "DATABASE_URL",
        "NOTIFY_WEBHOOK",
    }

"""CASELIB_PASSWORD_HASH: new passwords hashed by the method it names (scrypt by default);
a stored hash is checked by its own method, so changing the setting locks nobody out; a
method werkzeug does not know is refused when the settings are read."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from library.accounts import auth, users
from library.config import Settings
from library.context import Library
from library.models import User


def _stored_hash(lib, username: str) -> str:
    with lib.db.session() as s:
        return s.scalar(select(User.password_hash).where(User.username == username))


def test_the_default_is_scrypt(tmp_path):
    assert Settings({"home": str(tmp_path)}, env={}).password_hash == "scrypt"


def test_new_passwords_take_the_method_and_old_ones_still_log_in(tmp_path, initialised_home):
    import shutil

    home = tmp_path / "home"
    shutil.copytree(initialised_home, home)
    first = Library(Settings({"home": str(home)}, env={}))
    users.create_user(first, "zhang", "zhang-pass-1", "reviewer", region="330000")
    assert _stored_hash(first, "zhang").startswith("scrypt:32768:8:1$")
    first.close()

    again = Library(Settings({"home": str(home), "password_hash": "pbkdf2:sha256:5000"}, env={}))
    assert auth.authenticate(again, "zhang", "zhang-pass-1").username == "zhang"
    users.create_user(again, "li", "li-pass-12", "reviewer", region="330000")
    assert _stored_hash(again, "li").startswith("pbkdf2:sha256:5000$")
    assert auth.authenticate(again, "li", "li-pass-12").username == "li"
    again.close()


@pytest.mark.parametrize("method", ["md5", "scrypt:1", "pbkdf2:sha1:x", ""])
def test_an_unknown_method_is_refused_with_the_setting_named(tmp_path, method):
    with pytest.raises(ValueError, match="CASELIB_PASSWORD_HASH"):
        Settings({"home": str(tmp_path), "password_hash": method}, env={})

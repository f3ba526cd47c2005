"""Password hashes: new ones by the method the settings name (``CASELIB_PASSWORD_HASH``);
a stored hash is checked by its own method, so changing the setting never locks anyone out."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from werkzeug.security import check_password_hash, generate_password_hash

if TYPE_CHECKING:
    from ..context import Library


def hash_password(lib: Library, password: str) -> str:
    return generate_password_hash(password, method=lib.settings.password_hash)


def check_password(stored_hash: str, password: str) -> bool:
    return check_password_hash(stored_hash, password)


@lru_cache(maxsize=4)
def dummy_hash(method: str) -> str:
    """A hash to check against when the user does not exist, made by the method new
    passwords get, so both paths cost the same."""
    return generate_password_hash("caselib-no-such-user", method=method)

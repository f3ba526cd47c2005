"""Uploads kept between two round trips of a form (a form sent back with errors need not
ask for the file again): one file per token, readable only by the user who uploaded it,
removed after ``STAGE_SECONDS``."""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import PurePath
from typing import TYPE_CHECKING

from .submit import Upload

if TYPE_CHECKING:
    from ..context import Library

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
STAGE_SECONDS = 2 * 3600


def _stage_dir(lib: Library):
    return lib.settings.home_path / "staging"


def stage_upload(lib: Library, upload: Upload, owner: int) -> str:
    """Keep an upload for a while so a form sent back with errors need not ask for the file
    again. Returns a token; only the same user can take it back."""
    d = _stage_dir(lib)
    d.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in d.glob("*.json"):  # tidy up what was left behind
        try:
            if now - old.stat().st_mtime > STAGE_SECONDS:
                old.unlink(missing_ok=True)
                old.with_suffix(".bin").unlink(missing_ok=True)
        except OSError:
            pass
    token = secrets.token_urlsafe(24)
    (d / f"{token}.bin").write_bytes(upload.data)
    (d / f"{token}.json").write_text(
        json.dumps({"name": PurePath(upload.filename).name, "owner": owner}), encoding="utf-8"
    )
    return token


def staged_upload(lib: Library, token: str | None, owner: int) -> Upload | None:
    if not token or not _TOKEN.match(token):
        return None
    d = _stage_dir(lib)
    try:
        meta = json.loads((d / f"{token}.json").read_text(encoding="utf-8"))
        if (
            meta.get("owner") != owner
            or time.time() - (d / f"{token}.json").stat().st_mtime > STAGE_SECONDS
        ):
            return None
        return Upload(meta["name"], (d / f"{token}.bin").read_bytes())
    except (OSError, ValueError, KeyError):
        return None


def drop_staged(lib: Library, token: str | None) -> None:
    if not token or not _TOKEN.match(token):
        return
    d = _stage_dir(lib)
    (d / f"{token}.bin").unlink(missing_ok=True)
    (d / f"{token}.json").unlink(missing_ok=True)

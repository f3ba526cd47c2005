"""Uploads kept between two round trips of a form (a form sent back with errors, or a file
inspected when it was chosen, need not be sent again): one file per token, in a folder of
the user who uploaded it (readable only by them), in the shared file store so every app
node finds it.

Kept for :data:`STAGE_SECONDS` at most, and per user at most :data:`MAX_FILES` files and
:func:`max_bytes` bytes: a new upload pushes the user's oldest ones out. Expired uploads of
everyone are removed whenever something is staged.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage.files import safe_name
from .submit import Upload

if TYPE_CHECKING:
    from ..context import Library

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
STAGE_SECONDS = 2 * 3600
MAX_FILES = 3  # per user: the form's file and a couple of files chosen before it


def max_bytes(lib: Library) -> int:
    """Bytes one user may have staged: two of the largest uploads."""
    return 2 * lib.settings.max_upload_mb * 1024 * 1024


def staging_root(lib: Library) -> Path:
    return lib.files.root / "staging"


def _user_dir(lib: Library, owner: int) -> Path:
    return staging_root(lib) / str(int(owner))


def _drop(meta: Path) -> None:
    meta.with_suffix(".bin").unlink(missing_ok=True)
    meta.unlink(missing_ok=True)


def clean(lib: Library, *, now: float | None = None) -> int:
    """Remove every expired staged upload (and half-written ones). Returns how many."""
    now = time.time() if now is None else now
    removed = 0
    root = staging_root(lib)
    if not root.is_dir():
        return 0
    for path in root.glob("*/*"):
        try:
            if now - path.stat().st_mtime > STAGE_SECONDS:
                path.unlink(missing_ok=True)
                removed += path.suffix == ".json"
        except OSError:
            pass
    return removed


def stage_upload(lib: Library, upload: Upload, owner: int) -> str:
    """Keep an upload for a while so a form sent back with errors need not ask for the file
    again. Returns a token; only the same user can take it back."""
    clean(lib)
    d = _user_dir(lib, owner)
    d.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    (d / f"{token}.bin").write_bytes(upload.data)
    (d / f"{token}.json").write_text(
        json.dumps({"name": safe_name(upload.filename), "size": len(upload.data)}),
        encoding="utf-8",
    )
    _cap(lib, d, keep=token)
    return token


def _cap(lib: Library, d: Path, *, keep: str) -> None:
    """Drop the user's oldest staged uploads beyond MAX_FILES files or max_bytes."""
    entries = []
    for meta in d.glob("*.json"):
        try:
            entries.append((meta.stat().st_mtime, meta, (meta.with_suffix(".bin")).stat().st_size))
        except OSError:
            _drop(meta)
    entries.sort(key=lambda e: (e[1].stem == keep, e[0]), reverse=True)  # newest first
    count = total = 0
    limit = max_bytes(lib)
    for _, meta, size in entries:
        count += 1
        total += size
        if meta.stem != keep and (count > MAX_FILES or total > limit):
            _drop(meta)


def staged_files(lib: Library, owner: int) -> list[str]:
    """The tokens the user has staged now."""
    d = _user_dir(lib, owner)
    return sorted(p.stem for p in d.glob("*.json")) if d.is_dir() else []


def staged_upload(lib: Library, token: str | None, owner: int) -> Upload | None:
    if not token or not _TOKEN.match(token):
        return None
    meta = _user_dir(lib, owner) / f"{token}.json"
    try:
        if time.time() - meta.stat().st_mtime > STAGE_SECONDS:
            _drop(meta)
            return None
        name = json.loads(meta.read_text(encoding="utf-8"))["name"]
        return Upload(name, meta.with_suffix(".bin").read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def drop_staged(lib: Library, token: str | None) -> None:
    if not token or not _TOKEN.match(token):
        return
    for meta in staging_root(lib).glob(f"*/{token}.json"):
        _drop(meta)

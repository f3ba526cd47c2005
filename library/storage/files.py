"""Content-addressed file store: each original file is kept byte for byte under its
SHA-256 (``files/ab/cd/abcd…``), written atomically, never modified."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

_SEPARATORS = re.compile(r"[\\/]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN = re.compile(r'[<>:"|?*]')  # not allowed in a Windows file name
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(10)}
NAME_MAX = 255


def safe_name(name: str | None, default: str = "文件") -> str:
    """The name an uploaded file is stored and served under: its base name after the last
    ``/`` or ``\\`` (so ``..\\..\\windows\\evil.docx`` is ``evil.docx`` on every platform),
    without control or direction-override characters, with the characters Windows forbids
    (``<>:"|?*``, a drive's colon) replaced by ``_``, no leading or trailing dots and
    spaces, not a Windows device name, at most 255 characters with the extension kept;
    ``default`` when nothing is left."""
    base = _SEPARATORS.split(unicodedata.normalize("NFC", name or ""))[-1]
    base = _FORBIDDEN.sub("_", _CONTROL.sub("", base)).strip(" .")
    if not base:
        return default
    if base.split(".")[0].strip().upper() in _RESERVED:
        base = "_" + base
    if len(base) > NAME_MAX:
        stem, dot, ext = base.rpartition(".")
        if dot and 0 < len(ext) <= 16:
            base = stem[: NAME_MAX - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            base = base[:NAME_MAX].rstrip(" .")
    return base


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileStore:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes, sha256: str | None = None) -> str:
        """Store ``data``; returns its SHA-256. Storing the same bytes twice is a no-op."""
        digest = sha256 or sha256_bytes(data)
        target = self.path_for(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return digest

    def get(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def delete(self, sha256: str) -> None:
        p = self.path_for(sha256)
        if p.exists():
            p.unlink()

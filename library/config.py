"""The one settings table.

Every setting is declared once, with its default and help text. Values come from
``CASELIB_*`` environment variables (or an explicit mapping, for tests). The README's
settings table is checked against this table by ``tests/test_docs.py``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: type = str
    # A secret (a key, a password in a URL, a robot's token): never written by
    # `caselib backup` unless asked to (--include-secrets).
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "HOME", "./instance", "Directory holding the database, the stored files and the index."
    ),
    Setting(
        "DATABASE_URL",
        "",
        "SQLAlchemy URL of the database; empty means SQLite at `$CASELIB_HOME/caselib.sqlite3`. "
        "PostgreSQL: `postgresql+psycopg://user:pw@host/db`.",
        secret=True,
    ),
    Setting(
        "FILES_DIR",
        "",
        "Directory of the stored files; empty means `$CASELIB_HOME/files`. App nodes that "
        "serve one database share it (a network file system).",
    ),
    Setting(
        "INDEX_DIR",
        "",
        "Directory of this node's search index; empty means `$CASELIB_HOME/index`. Each app "
        "node keeps its own: the index is derived from the database and the files.",
    ),
    Setting(
        "TIKA_URL",
        "",
        "URL of an Apache Tika server for .doc/.wps/.rtf/.odt; empty: use LibreOffice if installed.",
    ),
    Setting(
        "SOFFICE",
        "soffice",
        "LibreOffice executable used for legacy formats and Word-to-PDF preview.",
    ),
    Setting("MAX_UPLOAD_MB", 50, "Largest accepted upload, in megabytes.", int),
    Setting(
        "MAX_UNCOMPRESSED_MB",
        200,
        "Largest total uncompressed size of a .docx (zip-bomb guard), in megabytes.",
        int,
    ),
    Setting(
        "INGEST_WORKERS",
        0,
        "Worker processes for segmentation during ingest; 0 means one per CPU core.",
        int,
    ),
    Setting(
        "INDEX_MEMORY_MB",
        64,
        "Memory the index writer may use before spilling to disk, in megabytes.",
        int,
    ),
    Setting(
        "INDEX_READAHEAD",
        "auto",
        "Whether the index's memory-mapped files are read with the kernel's readahead: `auto` "
        "turns it off for the files read at random (stored fields, texts, postings, freq and "
        "bigram files) when the index is more than half the memory the process may use (its "
        "memory cgroup's limit, or the machine's memory); `on`, `off`.",
    ),
    Setting(
        "INDEX_COMMIT_MS",
        1000,
        "Under `caselib serve`: a web write within this many milliseconds of the index's last "
        "commit is queued and committed with the others then (each commit makes every worker "
        "reopen its reader); 0: every write commits at once.",
        int,
    ),
    Setting(
        "SECRET_KEY",
        "",
        "Flask secret key; empty generates one and keeps it in `$CASELIB_HOME/secret_key`. "
        "App nodes behind one load balancer need the same key.",
        secret=True,
    ),
    Setting(
        "SESSION_MINUTES", 120, "Minutes of inactivity after which a web session expires.", int
    ),
    Setting(
        "SECURE_COOKIES",
        0,
        "1: the session cookie is sent over HTTPS only (`Secure`); set it when the library is "
        "served over HTTPS.",
        bool,
    ),
    Setting(
        "FRAME_ANCESTORS",
        "'self'",
        "Pages that may show the library in a frame (CSP `frame-ancestors`), e.g. `'self' "
        "https://im.example.gov.cn` for the messenger's web view; `'none'`: no page. Other "
        "origins also need `CASELIB_SECURE_COOKIES=1` (the cookie is then `SameSite=None`).",
    ),
    Setting(
        "PASSWORD_HASH",
        "scrypt",
        "How new passwords are hashed (werkzeug's method string): `scrypt` (n=2^15, r=8, p=1), "
        "`scrypt:N:R:P`, or `pbkdf2:sha256:ITERATIONS` where only PBKDF2 is allowed. Stored "
        "hashes keep their own method.",
    ),
    Setting("TOKEN_DAYS", 30, "Days an API token stays valid.", int),
    Setting(
        "PROXIES",
        0,
        "Reverse proxies (load balancers) in front of the app whose `X-Forwarded-For` and "
        "`X-Forwarded-Proto` are trusted, so the login throttle counts by the real client "
        "address; 0: none, the peer's address is the client's.",
        int,
    ),
    Setting("HOST", "127.0.0.1", "Address `caselib serve` listens on."),
    Setting("PORT", 5000, "Port `caselib serve` listens on.", int),
    Setting(
        "WORKERS", 4, "Worker processes of the production server (`caselib serve`, gunicorn).", int
    ),
    Setting("LOG_LEVEL", "INFO", "Logging level."),
    Setting(
        "JOB_RUNNER",
        "thread",
        "Where background jobs (OCR of scans, Word-to-PDF previews) run: `thread` (in the web "
        "workers, one job at a time per library) or `off` (only `caselib jobs run`).",
    ),
    Setting(
        "PUBLIC_URL",
        "http://127.0.0.1:5000",
        "The address people open the library at; links in notifications sent out start with it.",
    ),
    Setting(
        "NOTIFY_WEBHOOK",
        "",
        "URL every notification is also posted to as JSON (a messenger group robot); empty: "
        "in-app notifications only.",
        secret=True,
    ),
    Setting(
        "REMIND_DAYS",
        "3,1",
        "Days before a call's deadline on which `caselib remind` reminds units that have not "
        "submitted (comma-separated).",
    ),
    Setting(
        "PROVINCE",
        "330000",
        "Code of the province the library serves: the region the statistics (入库考核统计) "
        "start from when none is given; the dashboard's map is 浙江省's.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}
_HASH_METHOD = re.compile(
    r"^(scrypt(:\d{1,7}:\d{1,3}:\d{1,3})?|pbkdf2(:sha256|:sha512)?(:\d{1,8})?)$"
)


class Settings:
    """Resolved settings: attribute access by lower-case name (``settings.home``)."""

    def __init__(
        self, values: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None
    ):
        env = os.environ if env is None else env
        values = {k.upper(): v for k, v in (values or {}).items()}
        unknown = set(values) - set(_BY_NAME)
        if unknown:
            raise KeyError(f"unknown settings: {sorted(unknown)}")
        self._values: dict[str, Any] = {}
        for s in SETTINGS:
            if s.name in values:
                raw = values[s.name]
            else:
                raw = env.get("CASELIB_" + s.name, s.default)
            self._values[s.name] = _coerce(s, raw)
        readahead = str(self._values["INDEX_READAHEAD"]).strip().lower()
        if readahead not in ("auto", "on", "off"):
            raise ValueError(f"CASELIB_INDEX_READAHEAD must be auto, on or off, got {readahead!r}")
        self._values["INDEX_READAHEAD"] = readahead
        if not _HASH_METHOD.match(self._values["PASSWORD_HASH"]):
            raise ValueError(
                "CASELIB_PASSWORD_HASH must be scrypt, scrypt:N:R:P or pbkdf2:sha256:ITERATIONS, "
                f"got {self._values['PASSWORD_HASH']!r}"
            )

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name.upper()]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @property
    def home_path(self) -> Path:
        return Path(self.home).expanduser().resolve()

    @property
    def database_url(self) -> str:
        url = self._values["DATABASE_URL"]
        if url:
            return url
        return "sqlite:///" + str(self.home_path / "caselib.sqlite3")

    @property
    def files_path(self) -> Path:
        given = self._values["FILES_DIR"]
        return Path(given).expanduser().resolve() if given else self.home_path / "files"

    @property
    def index_path(self) -> Path:
        given = self._values["INDEX_DIR"]
        return Path(given).expanduser().resolve() if given else self.home_path / "index"


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def _coerce(setting: Setting, raw: Any) -> Any:
    if setting.type is bool:
        word = str(raw).strip().lower()
        if word not in _TRUE + _FALSE:
            raise ValueError(f"CASELIB_{setting.name} must be 1 or 0, got {raw!r}")
        return word in _TRUE
    if setting.type is int:
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ValueError(f"CASELIB_{setting.name} must be an integer, got {raw!r}") from None
    return str(raw)

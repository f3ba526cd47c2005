"""The library as services see it: settings, database, file store and index together."""

from __future__ import annotations

import logging

from indexer import CaseIndex, ExtractLimits

from . import models  # noqa: F401 - every table in the metadata before any query
from .config import Settings
from .storage.db import Database, init_schema
from .storage.files import FileStore

log = logging.getLogger(__name__)


class Library:
    """One library (``CASELIB_HOME``). Creating it does no I/O; :meth:`init` creates what is
    missing, :meth:`ensure_index` rebuilds a missing, stale or corrupt index."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.db = Database(self.settings.database_url)
        self.files = FileStore(self.settings.files_path)
        self.index = CaseIndex(
            self.settings.index_path,
            memory_mb=self.settings.index_memory_mb,
            readahead=self.settings.index_readahead,
        )
        # True in a process that serves web requests (set by search.warm_up): a damaged
        # index is then repaired in a process of its own, never inside a request.
        self.serving = False

    @property
    def extract_limits(self) -> ExtractLimits:
        s = self.settings
        return ExtractLimits(
            max_bytes=s.max_upload_mb * 1024 * 1024,
            max_uncompressed_bytes=s.max_uncompressed_mb * 1024 * 1024,
        )

    @property
    def extract_options(self) -> dict:
        return {
            "limits": self.extract_limits,
            "tika_url": self.settings.tika_url or None,
            "soffice": self.settings.soffice or None,
        }

    def init(self, *, ensure_index: bool = True, seed: bool = True) -> None:
        """Create the home directory, the tables, the vocabularies and the index (idempotent).
        ``seed=False`` (a command that only reads) leaves the vocabularies of a library that
        is already at the newest revision as they are, without a write transaction."""
        home = self.settings.home_path
        home.mkdir(parents=True, exist_ok=True)
        self.files.root.mkdir(parents=True, exist_ok=True)
        before, after = init_schema(self.db.engine)
        if seed or before != after:
            from .monitoring import indicators, methods
            from .vocab import catalogue

            with self.db.transaction() as s:
                catalogue.seed(s)
                indicators.seed(s)
                methods.seed(s)
        if ensure_index:
            self.ensure_index()

    def ensure_index(self) -> str:
        """Rebuild the index from the database when it is missing, stale or corrupt, then
        index whatever the database holds that the index lacks. Returns the state found."""
        from .cases.indexing import repair, sync

        state = self.index.verify()
        if state != "ok":
            # A new library has no index yet: nothing to say. Otherwise say why we rebuild.
            (log.info if state == "missing" else log.warning)(
                "index is %s: rebuilding from the database", state
            )
            repair(self, state)
        else:
            sync(self)
        return state

    def close(self) -> None:
        self.index.close()
        self.db.dispose()

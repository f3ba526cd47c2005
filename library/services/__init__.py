"""Use cases of the case library (no Flask here): submit, search, similar, ingest, ...

Import the modules you need (``from library.services import search``); :class:`Library`
is the context every service takes.
"""

from __future__ import annotations

from .context import Library

__all__ = ["Library"]

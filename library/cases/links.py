"""Checks of a case's links to other features' records, by form field: (session, value) ->
an error message, or None when the record exists. The features register theirs
(library.monitoring: ``warning_id``), so cases never import them; this module imports
nothing heavy, so that registering costs a feature's import nothing."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

LinkCheck = Callable[[Session, int], "str | None"]
LINK_CHECKS: dict[str, LinkCheck] = {}

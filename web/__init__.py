"""The web library for people and the JSON API (Flask).

``create_app(test_config=None)`` is the one factory; importing this package does no I/O
and does not import Flask (the ``caselib`` command imports ``web.cli``).
"""

from __future__ import annotations

from typing import Any


def create_app(test_config: dict[str, Any] | None = None):
    """Build the Flask application. ``test_config`` may hold Flask settings and
    ``CASELIB``: a mapping of caselib settings (``{"HOME": ...}``) used instead of the
    ``CASELIB_*`` environment, and ``CASELIB_ENV``: the environment for the others."""
    from .app import create_app as _create_app

    return _create_app(test_config)


__all__ = ["create_app"]

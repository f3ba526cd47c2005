"""The admin pages (省营商办): 账号 (accounts), 单位 (units), 主题与标签 (the vocabularies), 操作日志
(the audit log); and the same services under ``/api/v1/admin`` and ``/api/v1/audit``.
Every service checks the admin's permission itself; views parse and render."""

from __future__ import annotations

from flask import Blueprint

from library.cases.vocabulary import TAGS, THEMES
from library.errors import NotFound
from library.monitoring.methods import METHODS
from library.vocab.editable import Vocabulary

bp = Blueprint("admin", __name__)

# The vocabularies the admin edits, in the page's order; each a
# library.vocab.editable.Vocabulary of its feature.
VOCABULARIES: list[Vocabulary] = [THEMES, TAGS, METHODS]


def vocabulary(key: str) -> Vocabulary:
    for v in VOCABULARIES:
        if v.key == key:
            return v
    raise NotFound(f"没有名为 {key} 的词表", code="vocabulary_not_found")


from . import api, pages  # noqa: E402,F401 - the routes register themselves on bp

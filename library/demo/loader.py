"""Load the demo library: every demo case rendered to its .docx or .pdf and submitted
through the same checks as the upload form, then indexed in one write. Idempotent: a case
whose file is already in the library is skipped (rendering is deterministic)."""

from __future__ import annotations

import logging

from ..accounts.audit import Actor
from ..cases.indexing import sync
from ..cases.submit import Upload, check_submission, existing_document, store
from ..context import Library
from .render import form_values, load_demo_cases, render_case

log = logging.getLogger(__name__)


def load_demo(lib: Library, *, actor: Actor | None = None) -> tuple[int, int]:
    """Returns (cases added, cases already present)."""
    actor = actor or Actor(name="demo")
    added = present = 0
    case_no_by_key: dict[str, str] = {}
    cases = sorted(load_demo_cases(), key=lambda c: c["published_at"])
    for case in cases:
        data = render_case(case)
        upload = Upload(case["file_name"], data)
        existing = existing_document(lib, upload.sha256)
        if existing is not None:
            case_no_by_key[case["key"]] = existing[0]
            present += 1
            continue
        form = form_values(case)
        if case.get("borrowed_from_key"):
            form["borrowed_from"] = case_no_by_key[case["borrowed_from_key"]]
        with lib.db.session() as session:
            draft = check_submission(lib, session, form, upload, actor)
        case_no_by_key[case["key"]] = store(lib, draft, actor, status="published", source="demo")
        added += 1
    sync(lib)
    return added, present

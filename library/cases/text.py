"""A case as the index sees it: the document's text without the 申报表's own words, plus
the form's text fields, and the facets."""

from __future__ import annotations

import re
from functools import cache

from indexer import IndexDoc

from .. import validation
from .models import Case


@cache
def _template_boilerplate() -> tuple[str, re.Pattern[str]]:
    """The 申报表's own words, as a filled-in template shows them in its extracted text: the
    title, the field titles heading the table cells (with the required-field star), the
    grey notes left in empty fields, the case-type check boxes."""
    schema = validation.load_schema("case_form")
    props = schema["properties"]
    titles = sorted({p["title"] for p in props.values() if p.get("title")}, key=len, reverse=True)
    notes = sorted(
        {p["x-note"].strip() for p in props.values() if p.get("x-note")}, key=len, reverse=True
    )
    choices = sorted(props["case_type"].get("x-enum-titles", {}).values(), key=len, reverse=True)
    alt = "|".join
    pattern = re.compile(
        rf"(?m)(?:^|(?<=\t))\*?(?:{alt(map(re.escape, titles))})(?=\t)"  # a title heading a cell
        rf"|(?:注[：:])?(?:{alt(map(re.escape, notes))})"  # a note left in an empty field
        rf"|[☐☑■□√✔]\s*(?:{alt(map(re.escape, choices))})"  # a case-type check box
    )
    return schema["title"], pattern


def index_text(text: str) -> str:
    """A document's text as the index should see it. In a filled-in 申报表 the form's own
    words (its title 营商环境改革创新案例申报表, field titles, notes, check boxes) are in
    every case and would match every search, and its header block is metadata; they are
    left out. Other documents are kept as they are."""
    title, pattern = _template_boilerplate()
    if title not in text:
        return text
    # The header block (填报地区, 填报单位, 联系人, 手机号码) is the form's metadata, kept in
    # the case's fields: a search for a county's name must not find its cases by it.
    # (The anonymity check's module, imported here: a searching process never needs it.)
    from indexer import form_header_spans

    for start, end in reversed(form_header_spans(text)):
        text = text[:start] + text[end:]
    return pattern.sub(" ", text.replace(title, " ", 1))


def index_doc(case: Case) -> IndexDoc:
    doc = case.document
    parts = [
        case.name,
        case.summary or "",
        case.problem or "",
        case.solution or "",
        case.traditional_practice or "",
        case.innovative_practice or "",
        case.application_scenario or "",
    ]
    form_text = "\n".join(p for p in parts[2:] if p)
    text = index_text(doc.text) if doc is not None and doc.text else ""
    if form_text and form_text not in text:
        text = (text + "\n" + form_text).strip() if text else form_text
    return IndexDoc(
        case_no=case.case_no,
        name=case.name,
        text=text,
        summary=case.summary or "",
        file_name=doc.original_name if doc is not None else None,
        theme=case.theme.name if case.theme is not None else None,
        tags=tuple(t.name for t in case.tags),
        case_type=case.case_type,
        region=case.region_code,
        unit=case.unit_name,
        published=case.published_at,
        rating=case.rating_avg,
        rating_count=case.rating_count or 0,
    )

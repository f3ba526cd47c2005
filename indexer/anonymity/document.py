"""The anonymity check over a whole uploaded document (a filled-in 申报表 or a write-up).

The rule is about the case as reviewers read it, so the document's body is checked like
the form's practice fields. The 申报表's header block (填报地区, 填报单位, 联系人, 手机号码 /
联系电话: who submits) is metadata, not content, and is skipped: the lines or table rows
that hold only those labels and their values, right after the form's title or right
before its first content field. Such a line elsewhere (a 联系人 in a notice's text) is
content and is checked.

PDF findings carry the page they are on (the extractor's ``Block.page``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .detect import find_identifying
from .model import Finding

__all__ = ["HEADER_LABELS", "find_in_document", "form_header_spans"]

FORM_TITLE = "营商环境改革创新案例申报表"
# The header's field titles (the template's and the seed's own words, and their usual
# variants), as they head a cell or a "label：value" line.
HEADER_LABELS = (
    "填报地区",
    "所属地区",
    "填报单位",
    "申报单位",
    "联系人",
    "联系电话",
    "手机号码",
    "联系手机",
    "联系方式",
)
# The titles of the content fields: the first of them ends the header block.
CONTENT_LABELS = (
    "案例名称",
    "案例主题",
    "案例类型",
    "借鉴的具体案例",
    "标签",
    "摘要",
    "应对问题",
    "解决问题",
    "传统做法",
    "创新做法",
    "应用场景",
)
_LABEL = "|".join(sorted(HEADER_LABELS, key=len, reverse=True))
_MARK = r"[*＊]?\s*"
# One "label：value" pair; a line may hold several (联系人：杨扬　手机号码：188…).
_PAIR = re.compile(rf"{_MARK}(?:{_LABEL})\s*[:：]\s*\S*?(?=\s{{2,}}|[\t\u3000]|$)")
_CELL_LABEL = re.compile(rf"^{_MARK}(?:{_LABEL})\s*[:：]?$")
_CONTENT = re.compile(
    rf"^{_MARK}(?:{'|'.join(sorted(CONTENT_LABELS, key=len, reverse=True))})\s*(?:[:：\t]|$)"
)


def _is_header_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if "\t" in line:
        cells = line.split("\t")
        labels = cells[0::2]
        return all(_CELL_LABEL.match(c.strip()) for c in labels if c.strip()) and bool(
            labels[0].strip()
        )
    pos = 0
    text = stripped
    while pos < len(text):
        m = _PAIR.match(text, pos)
        if not m or m.end() == pos:
            return False
        pos = m.end()
        while pos < len(text) and text[pos] in " \t\u3000":
            pos += 1
    return True


def form_header_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the 申报表's header lines in ``text`` (empty when there is no
    form): the header lines (blank lines between them allowed) right after the form's
    title, or right before the first content field."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    header = [_is_header_line(line) for _, _, line in lines]
    blank = [not line.strip() for _, _, line in lines]
    chosen: set[int] = set()

    def run_from(k: int, step: int) -> None:
        while 0 <= k < len(lines) and (header[k] or blank[k]):
            if header[k]:
                chosen.add(k)
            k += step

    for k, (_, _, line) in enumerate(lines):
        if FORM_TITLE in line and len(line.strip()) <= len(FORM_TITLE) + 10:
            run_from(k + 1, 1)
            break
    for k, (_, _, line) in enumerate(lines):
        if _CONTENT.match(line.strip()):
            run_from(k - 1, -1)
            break
    return [(lines[k][0], lines[k][1]) for k in sorted(chosen)]


def find_in_document(document, *, skip_header: bool = True) -> list[Finding]:
    """Findings in a document's body: ``document`` is an ``ExtractedDocument`` (or its
    text). Offsets are into ``document.text``; findings inside the header block are left
    out; a PDF's findings carry their page (1-based). Both tiers, as
    :func:`find_identifying`."""
    text = document if isinstance(document, str) else document.text
    findings = find_identifying(text)
    if skip_header:
        spans = form_header_spans(text)
        if spans:
            findings = [f for f in findings if not any(a < f.end and f.start < b for a, b in spans)]
    blocks = getattr(document, "blocks", None) or []
    if any(getattr(b, "page", None) for b in blocks):
        starts = _page_starts(text, blocks)
        findings = [replace(f, page=_page_at(starts, f.start)) for f in findings]
    return findings


def _page_starts(text: str, blocks) -> list[tuple[int, int]]:
    """(offset, page) where each paged block begins in the document's text."""
    out: list[tuple[int, int]] = []
    pos = 0
    for b in blocks:
        if not b.text:
            continue
        at = text.find(b.text, pos)
        if at < 0:
            at = text.find(b.text[:20], pos)
        if at < 0:
            continue
        if b.page:
            out.append((at, b.page))
        pos = at + len(b.text)
    return out


def _page_at(starts: list[tuple[int, int]], offset: int) -> int | None:
    page = None
    for at, p in starts:
        if at > offset:
            break
        page = p
    return page

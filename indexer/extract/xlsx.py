"""Excel 2007+ workbooks (.xlsx): each visible sheet as a heading (its name) and a table.

The parts are read through the guarded zip reader and parsed with entities never resolved
and no network. A sheet becomes a dense grid from A1 to its last cell with a value, so
``rows[i]`` is spreadsheet row ``i + 1`` and ``rows[i][j]`` column ``j`` (A = 0): callers
that report row numbers (a data import) can trust them. Cells are given as the text a
reader sees without styles: shared and inline strings as written, numbers in their
shortest form (2023, 0.5), booleans TRUE/FALSE, a formula's cached result. Dates are
numbers (their serial), as the cell stores them.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from . import messages
from .model import Block, ExtractedDocument, ExtractLimits
from .normalize import finish
from .safezip import SafeZip

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# A sheet's grid is dense; a stray value far away must not make it enormous.
MAX_CELLS = 2_000_000
_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _parse(blob: bytes):
    try:
        return etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError as e:
        raise messages.corrupt() from e


def column_index(letters: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _text_of(el) -> str:
    """The text of a string item (``<si>`` / ``<is>``): its ``<t>`` runs, phonetic guides
    (``<rPh>``) left out."""
    parts = []
    for t in el.iter(S + "t"):
        if any(a.tag == S + "rPh" for a in t.iterancestors()):
            continue
        parts.append(t.text or "")
    return "".join(parts)


def _number(raw: str) -> str:
    try:
        value = float(raw)
    except ValueError:
        return raw
    if value != value or value in (float("inf"), float("-inf")):
        return raw
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class _Workbook:
    def __init__(self, data: bytes, limits: ExtractLimits):
        self.zip = SafeZip(data, limits)
        if "xl/workbook.xml" not in self.zip:
            raise messages.corrupt()
        self.limits = limits

    def _part(self, name: str) -> bytes | None:
        return self.zip.get(name)

    def shared_strings(self) -> list[str]:
        blob = self._part("xl/sharedStrings.xml")
        if blob is None:
            return []
        return [_text_of(si) for si in _parse(blob).iter(S + "si")]

    def sheets(self) -> list[tuple[str, str]]:
        """(name, part path) of the visible sheets, in the workbook's order."""
        rels: dict[str, str] = {}
        blob = self._part("xl/_rels/workbook.xml.rels")
        if blob is not None:
            for rel in _parse(blob).iter(PKG_REL):
                target = rel.get("Target") or ""
                if target.startswith("/"):
                    path = target.lstrip("/")
                else:
                    path = posixpath.normpath(posixpath.join("xl", target))
                rels[rel.get("Id") or ""] = path
        out = []
        for sheet in _parse(self._part("xl/workbook.xml")).iter(S + "sheet"):
            if (sheet.get("state") or "visible") != "visible":
                continue
            path = rels.get(sheet.get(R_ID) or "")
            if path and path in self.zip:
                out.append((sheet.get("name") or "", path))
        return out

    def grid(self, path: str, strings: list[str]) -> list[list[str]]:
        cells: dict[tuple[int, int], str] = {}
        root = _parse(self.zip.read(path))
        next_row = 0
        for row in root.iter(S + "row"):
            r = row.get("r")
            row_index = int(r) - 1 if r and r.isdigit() else next_row
            next_row = row_index + 1
            next_col = 0
            for c in row.iter(S + "c"):
                ref = _REF.match(c.get("r") or "")
                col = column_index(ref.group(1)) if ref else next_col
                if ref:
                    row_index = int(ref.group(2)) - 1
                next_col = col + 1
                value = self._value(c, strings)
                if value:
                    cells[(row_index, col)] = value
        if not cells:
            return []
        rows = max(r for r, _ in cells) + 1
        cols = max(c for _, c in cells) + 1
        if rows * cols > MAX_CELLS:
            raise messages.too_large(self.limits.max_bytes)
        grid = [[""] * cols for _ in range(rows)]
        for (r, c), value in cells.items():
            grid[r][c] = value
        return grid

    @staticmethod
    def _value(c, strings: list[str]) -> str:
        kind = c.get("t") or "n"
        if kind == "inlineStr":
            is_ = c.find(S + "is")
            return _text_of(is_) if is_ is not None else ""
        v = c.find(S + "v")
        raw = (v.text or "") if v is not None else ""
        if kind == "s":
            try:
                return strings[int(raw)]
            except (ValueError, IndexError):
                return ""
        if kind == "b":
            return {"1": "TRUE", "0": "FALSE"}.get(raw.strip(), raw)
        if kind == "n" and raw:
            return _number(raw.strip())
        return raw  # str (a formula's text), e (an error such as #DIV/0!), d (ISO date)


def extract(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    book = _Workbook(data, limits)
    strings = book.shared_strings()
    blocks: list[Block] = []
    for name, path in book.sheets():
        rows = book.grid(path, strings)
        blocks.append(Block(kind="heading", text=name, level=2))
        if rows:
            blocks.append(Block(kind="table", text="", rows=rows))
    blocks, text, title = finish(blocks)
    if not any(b.kind == "table" for b in blocks):
        raise messages.empty_document()
    return ExtractedDocument(
        text=text, media_type=MEDIA_TYPE, format="xlsx", title=title, blocks=blocks
    )

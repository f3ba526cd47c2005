"""The anonymized copy of a Word file: replacements applied in the .docx itself.

Word splits the text of a paragraph into runs wherever the formatting changes, and
often where it does not (spell checking, revision ids), so 张伟 may be 张 in one run and
伟 in the next. Each paragraph's text is read across its runs (hyperlinks, insertions,
content controls and smart tags included; deleted text is not text), every occurrence of
a name is found in that joined text, and the replacement is written into the run where
the name starts, with that run's formatting; the name's characters in the following runs
are removed, and runs left empty are dropped. Nothing else in the package changes: styles,
numbering, images, tables and their cell properties are copied byte for byte.

Parts rewritten: the body, headers and footers, footnotes, endnotes and comments, and
the core document properties (title, subject, description, keywords), which Word shows in
the file's properties.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping

from lxml import etree

from ..extract.model import ExtractLimits
from ..extract.safezip import SafeZip
from .model import Finding

__all__ = ["anonymize_docx"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_PARTS = re.compile(
    r"^word/(?:document\d*|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$"
)
_CORE = "docProps/core.xml"
_CORE_FIELDS = ("title", "subject", "description", "keywords")
# Elements inside a paragraph that end one piece of running text: a name is never split
# across a tab, a line break or a field code.
_BREAKS = frozenset((W + "tab", W + "br", W + "cr", W + "ptab", W + "instrText"))
_SKIP = frozenset((W + "del", W + "moveFrom", W + "delText", W + "pPr", W + "rPr"))
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

Replacements = Mapping[str, str] | Iterable[Finding | tuple[str, str]]


def _pairs(replacements: Replacements) -> list[tuple[str, str]]:
    """(name, replacement) pairs, longest name first; one replacement per name."""
    items = replacements.items() if isinstance(replacements, Mapping) else replacements
    out: dict[str, str] = {}
    for item in items:
        name, repl = (item.text, item.replacement) if isinstance(item, Finding) else item
        if name and name != repl:
            out.setdefault(name, repl)
    return sorted(out.items(), key=lambda p: -len(p[0]))


def anonymize_docx(
    data: bytes, replacements: Replacements, *, limits: ExtractLimits | None = None
) -> bytes:
    """A copy of the .docx ``data`` with every occurrence of each name replaced.

    ``replacements`` are the findings the user chose to replace (``Finding`` objects,
    whose ``text`` and ``replacement`` are used), ``(name, replacement)`` pairs or a
    mapping. Every occurrence in the file is replaced, not only the one at a finding's
    offset, so the copy holds none of the names. Raises ``ExtractionError`` for files
    the extractor would refuse (damaged, zip bombs, over the limits).
    """
    pairs = _pairs(replacements)
    package = SafeZip(data, limits or ExtractLimits())
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = package.read(info.filename)
            if pairs and _TEXT_PARTS.match(info.filename):
                blob = _rewrite_part(blob, pairs)
            elif pairs and info.filename == _CORE:
                blob = _rewrite_core(blob, pairs)
            target.writestr(info, blob, compress_type=info.compress_type)
    return out.getvalue()


def _serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rewrite_part(blob: bytes, pairs: list[tuple[str, str]]) -> bytes:
    root = etree.fromstring(blob, _PARSER)
    changed = False
    for p in root.iter(W + "p"):
        changed |= _rewrite_paragraph(p, pairs)
    return _serialize(root) if changed else blob


def _rewrite_core(blob: bytes, pairs: list[tuple[str, str]]) -> bytes:
    root = etree.fromstring(blob, _PARSER)
    changed = False
    for el in root:
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in _CORE_FIELDS and el.text:
            new = _replace_all(el.text, pairs)
            if new != el.text:
                el.text, changed = new, True
    return _serialize(root) if changed else blob


def _replace_all(text: str, pairs: list[tuple[str, str]]) -> str:
    for name, repl in pairs:
        text = text.replace(name, repl)
    return text


def _pieces(p) -> list[list]:
    """The paragraph's ``w:t`` elements in reading order, in runs of running text (a tab,
    a break or a field code ends a run of text). Nested paragraphs (text boxes) are
    left to their own turn."""
    groups: list[list] = [[]]

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                groups[-1].append(child)
            elif tag in _BREAKS:
                groups.append([])
            elif tag == W + "p" or tag == W + "txbxContent":
                groups.append([])
            else:
                walk(child)

    walk(p)
    return [g for g in groups if g]


def _rewrite_paragraph(p, pairs: list[tuple[str, str]]) -> bool:
    changed = False
    for group in _pieces(p):
        texts = [t.text or "" for t in group]
        joined = "".join(texts)
        if not any(name in joined for name, _ in pairs):
            continue
        # owner[i]: which element holds character i of the joined text
        owner = [k for k, s in enumerate(texts) for _ in s]
        starts = [0]
        for s in texts:
            starts.append(starts[-1] + len(s))
        matches = _matches(joined, pairs)
        new = [list(s) for s in texts]
        for s, e, repl in matches:
            first = owner[s]
            for i in range(s, e):
                new[owner[i]][i - starts[owner[i]]] = ""
            new[first][s - starts[first]] = repl
        for t, chars in zip(group, new, strict=True):
            value = "".join(chars)
            if value != (t.text or ""):
                t.text = value
                if value != value.strip():
                    t.set(_XML_SPACE, "preserve")
                changed = True
        for t in group:
            if not t.text:
                _drop_empty(t)
    return changed


def _matches(text: str, pairs: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences of the names, leftmost first, the longest at a place."""
    pattern = re.compile("|".join(re.escape(n) for n, _ in pairs))
    lookup = dict(pairs)
    return [(m.start(), m.end(), lookup[m.group()]) for m in pattern.finditer(text)]


def _drop_empty(t) -> None:
    """Remove a ``w:t`` left empty, and its run when nothing else is in it."""
    run = t.getparent()
    run.remove(t)
    if run.tag == W + "r" and all(not isinstance(c.tag, str) or c.tag == W + "rPr" for c in run):
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)

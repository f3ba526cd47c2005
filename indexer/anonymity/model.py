"""The result type of the anonymity check."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CERTAINTIES", "CERTAINTY_LABELS", "Finding", "KINDS", "KIND_LABELS"]

# kind -> label shown to people (Simplified Chinese).
KIND_LABELS = {
    "province": "省级地名",
    "city": "地市名",
    "county": "县区名",
    "township": "乡镇街道名",
    "zone": "开发区/园区名",
    "former_place": "旧地名",
    "geo": "山川河湖名",
    "place": "地名",
    "person": "人名",
    "organization": "含地名的机构名",
}
KINDS = tuple(KIND_LABELS)
# certainty -> label shown to people. A certain finding blocks the submission until it is
# replaced; a possible one is shown and the user keeps or replaces it.
CERTAINTY_LABELS = {"certain": "确定", "possible": "疑似"}
CERTAINTIES = tuple(CERTAINTY_LABELS)


@dataclass(frozen=True)
class Finding:
    """A place or person name in a text.

    ``start``/``end`` are character offsets into the checked string (``end`` exclusive),
    so ``text[start:end] == finding.text``. ``replacement`` is the neutral wording that
    :func:`~indexer.anonymity.anonymize` puts in its place. ``certainty`` is
    ``"certain"`` (确定: blocking until replaced) or ``"possible"`` (疑似: the user keeps
    or replaces it). ``page`` is the 1-based page of a PDF finding, else None.
    """

    text: str
    start: int
    end: int
    kind: str
    replacement: str
    certainty: str = "certain"
    page: int | None = None

    @property
    def label(self) -> str:
        """What was found, in Chinese (县区名, 人名 ...)."""
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def certainty_label(self) -> str:
        """确定 or 疑似."""
        return CERTAINTY_LABELS.get(self.certainty, self.certainty)

    def as_dict(self) -> dict:
        """The JSON of a finding (``caselib check --json``); ``page`` only when known."""
        out = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "replacement": self.replacement,
            "certainty": self.certainty,
        }
        if self.page is not None:
            out["page"] = self.page
        return out


class Covered:
    """The characters covered by some spans, for O(1) overlap tests (names and
    places both skip what is taken)."""

    def __init__(self, spans, n: int) -> None:
        self.marks = bytearray(n + 1)
        for a, b in spans:
            self.marks[a:b] = b"\x01" * (b - a)

    def __call__(self, s: int, e: int) -> bool:
        return any(self.marks[s:e])

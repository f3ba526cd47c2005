"""The result type of the anonymity check."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Finding", "KINDS", "KIND_LABELS"]

# kind -> label shown to people (Simplified Chinese).
KIND_LABELS = {
    "province": "省级地名",
    "city": "地市名",
    "county": "县区名",
    "township": "乡镇街道名",
    "zone": "开发区/园区名",
    "former_place": "旧地名",
    "place": "地名",
    "person": "人名",
    "organization": "含地名的机构名",
}
KINDS = tuple(KIND_LABELS)


@dataclass(frozen=True)
class Finding:
    """A place or person name in a text.

    ``start``/``end`` are character offsets into the checked string (``end`` exclusive),
    so ``text[start:end] == finding.text``. ``replacement`` is the neutral wording that
    :func:`~indexer.anonymity.anonymize` puts in its place.
    """

    text: str
    start: int
    end: int
    kind: str
    replacement: str

    @property
    def label(self) -> str:
        """What was found, in Chinese (县区名, 人名 ...)."""
        return KIND_LABELS.get(self.kind, self.kind)

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "replacement": self.replacement,
        }

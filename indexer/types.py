"""The indexer's own small types: what goes into the index and what comes out of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class IndexDoc:
    """One case as the index sees it. Built by the library from the database."""

    case_no: str
    name: str
    text: str = ""
    summary: str = ""
    file_name: str | None = None
    theme: str | None = None
    tags: tuple[str, ...] = ()
    case_type: str | None = None
    region: str | None = None  # 6-digit administrative division code
    unit: str | None = None
    published: date | None = None
    rating: float | None = None
    rating_count: int = 0


@dataclass
class Analyzed:
    """An :class:`IndexDoc` with its text already segmented (in a worker process)."""

    doc: IndexDoc
    postings: dict[str, list]  # field name -> Preindexed postings
    terms: str  # full-text term counts, "term count" pairs (similar-case vectors)
    sketch: bytes  # near-duplicate shingle sketch
    grams: str = ""  # distinct character bigrams of name, summary and text, one a line


@dataclass
class SearchQuery:
    q: str = ""
    theme: str | None = None
    tags: tuple[str, ...] = ()
    case_type: str | None = None  # "unknown" matches cases without a type
    region: str | None = None  # 2-, 4- or 6-digit code (trailing "00" pairs are ignored)
    unit: str | None = None
    case_no: str | None = None
    name: str | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"  # relevance | date | rating
    page: int = 1
    per_page: int = 10
    highlight: bool = True
    group: bool = False  # versions of one text as one hit ("另有 N 个相似版本")


@dataclass
class SearchHit:
    case_no: str
    name: str
    file_name: str | None
    score: float
    highlights: list[str]
    name_html: str = ""
    summary: str = ""
    theme: str | None = None
    tags: tuple[str, ...] = ()
    case_type: str | None = None
    region: str | None = None
    unit: str | None = None
    published: date | None = None
    rating: float | None = None
    rating_count: int = 0
    # The other versions of this text among the matches, in rank order: (case_no, name).
    versions: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "name": self.name,
            "file_name": self.file_name,
            "score": round(self.score, 4),
            "highlights": self.highlights,
        }


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]
    page: int = 1
    per_page: int = 10
    terms: list[str] = field(
        default_factory=list
    )  # what was looked for (for highlighting elsewhere)
    # Whether versions of one text were grouped, and how many matches were shown inside
    # another hit as its versions (as far as the results were ranked).
    grouped: bool = False
    folded: int = 0

    @property
    def pages(self) -> int:
        return max(1, -(-(self.total - self.folded) // self.per_page))

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [self._hit(h) for h in self.hits],
            "facets": self.facets,
        }

    def _hit(self, h: SearchHit) -> dict[str, Any]:
        d = h.as_dict()
        if self.grouped:  # asked for: the shape without it is a contract of the CLI and API
            d["similar_versions"] = [{"case_no": c, "name": n} for c, n in h.versions]
        return d


@dataclass
class SimilarHit:
    case_no: str
    name: str
    file_name: str | None
    similarity: float
    near_duplicate: bool
    resemblance: float = 0.0
    # The cosine of the two texts' tf-idf vectors; ``similarity`` (what hits are ranked
    # by, and shown) adds how much of the case's name the draft holds (CaseIndex._similar).
    cosine: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "name": self.name,
            "file_name": self.file_name,
            "similarity": round(self.similarity, 4),
            "near_duplicate": self.near_duplicate,
        }

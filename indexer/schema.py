"""The Whoosh schema of the case index and its version.

Change ``SCHEMA_VERSION`` whenever the schema or the analysis changes in a way that makes an
existing index wrong (fields, analyzers, the dictionaries): opening an index written with
another version rebuilds it from the database.
"""

from __future__ import annotations

import hashlib
from importlib import resources

from whoosh import columns, fields

from .analysis import CaseTokenizer, CharGramTokenizer, SubwordTokenizer

SCHEMA_VERSION = 16


class Preindexed(list):
    """The postings of one field of one document, computed by :meth:`CaseText.index` in a
    worker process: ``(term bytes, frequency, weight, encoded value)`` tuples."""


class CaseText(fields.TEXT):
    """A TEXT field that also accepts :class:`Preindexed` postings, so the index writer
    only pools them (segmentation and encoding happen in parallel workers)."""

    def index(self, value, **kwargs):
        if isinstance(value, Preindexed):
            return iter(value)
        return super().index(value, **kwargs)


# Facet fields: their values are read into per-searcher columns for counting.
FACET_FIELDS = ("theme", "tags", "case_type", "region", "year", "unit")


def analysis_fingerprint() -> str:
    """A short hash of the dictionaries: an index built with other dictionaries is stale."""
    h = hashlib.sha256()
    for name in ("userdict.txt", "stopwords.txt"):
        h.update((resources.files("indexer") / "data" / name).read_bytes())
    return h.hexdigest()[:16]


def build_schema() -> fields.Schema:
    words = CaseTokenizer()
    sub = SubwordTokenizer()
    return fields.Schema(
        case_no=fields.ID(stored=True, unique=True, sortable=True),
        name=CaseText(analyzer=words, phrase=True, stored=True),
        summary=CaseText(analyzer=words, phrase=True, stored=True),
        content=CaseText(analyzer=words, phrase=True),
        # Sub-words of the name's long tokens (营商 inside 营商环境), for the name filter.
        # In the full text, words inside longer tokens are found through the lexicon at
        # query time instead (see query.py): indexing them costs a third more postings.
        name_sub=CaseText(analyzer=sub, phrase=False),
        # The character bigrams of the name, summary and text are kept beside each segment
        # (see indexer.index: _BigramFile), outside Whoosh, whose postings cost several
        # times more to write. Those of the name alone are a field: the name filter and the
        # type-ahead are string searches.
        name_chars=CaseText(analyzer=CharGramTokenizer(), phrase=False),
        # Stored, not indexed: the text for highlights, the term counts ("term count"
        # pairs) and the shingle sketch for similar-case lookup. Field weights are applied
        # at query time (indexer.evaluate), not stored as field boosts.
        text=fields.STORED(),
        # The name, summary and text again, lower case and without white space, as UTF-8
        # in a column of its own: the string checks of a search (a word across jieba's
        # word boundaries, a copied passage) read it, a slice of the memory-mapped column,
        # where the stored fields cost unpickling every field of the case (its term
        # counts and sketch too) and folding the text at each read.
        flat=fields.COLUMN(columns.VarBytesColumn()),
        terms=fields.STORED(),
        sketch=fields.STORED(),
        file_name=fields.STORED(),
        theme=fields.ID(stored=True, sortable=True),
        tags=fields.KEYWORD(stored=True, commas=True, scorable=False, sortable=True),
        case_type=fields.ID(stored=True, sortable=True),
        # Administrative division: the full 6-digit code, and its province (2 digits),
        # city (4) and county (6) prefixes for filtering at any level.
        region=fields.ID(stored=True, sortable=True),
        region_province=fields.ID,
        region_city=fields.ID,
        region_county=fields.ID,
        unit=fields.ID(stored=True, sortable=True),
        # Read raw (microseconds since datetime.min): Whoosh's default column gives
        # undated documents a value that cannot be turned back into a datetime; here they
        # hold -1 and sort last.
        published=fields.DATETIME(stored=True, sortable=columns.NumericColumn("q", default=-1)),
        year=fields.ID(stored=True, sortable=True),
        # Whoosh's default column for a float NUMERIC packs a NaN default as an unsigned
        # integer and fails on the first rated case; the column holds the sortable integer
        # form of the rating, 0 (lowest) for unrated cases.
        rating=fields.NUMERIC(float, stored=True, sortable=columns.NumericColumn("Q", default=0)),
        rating_count=fields.NUMERIC(int, stored=True, sortable=True),
        # Keys of the document's versions (indexer.prepare.family_keys): its column groups
        # the versions of one text in search results, its postings find them.
        family=fields.KEYWORD(commas=True, scorable=False, sortable=True),
    )

"""Fixtures for the extraction tests: the shared corpus, text-overlap measures, and builders
for real files (python-docx, reportlab, a minimal OLE2 writer)."""

from __future__ import annotations

import collections
import io
import re
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
FIXTURES = CORPUS / "02_fixtures"
REFERENCE = FIXTURES / "_reference_text"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@pytest.fixture
def fixtures_dir() -> Path:
    """``corpus/02_fixtures``; the test is skipped when the shared corpus is absent."""
    if not FIXTURES.is_dir():
        pytest.skip("shared corpus not available (../shared/corpus)")
    return FIXTURES


def corpus_files(folder: str, pattern: str) -> list[Path]:
    """Corpus files for parametrisation; empty (tests skip) without the corpus."""
    path = FIXTURES / folder
    return sorted(path.glob(pattern)) if path.is_dir() else []


def reference_text(name: str) -> str:
    """The tool baseline for a fixture (``_reference_text/<name>.*.txt``)."""
    matches = sorted(REFERENCE.glob(f"{name}.*.txt"))
    if not matches:
        pytest.skip(f"no reference text for {name}")
    return matches[0].read_text(encoding="utf-8")


def han(text: str) -> str:
    return "".join(_HAN.findall(text))


def bigram_overlap(reference: str, extracted: str) -> tuple[float, float]:
    """(recall, precision) of the Chinese-character bigrams of ``extracted`` against
    ``reference``, as multisets. Bigrams keep local order, so this catches lost, duplicated
    and scrambled text in linear time, unlike an edit distance over 50k characters."""
    a, b = han(reference), han(extracted)
    ref = collections.Counter(a[i : i + 2] for i in range(len(a) - 1))
    got = collections.Counter(b[i : i + 2] for i in range(len(b) - 1))
    common = sum((ref & got).values())
    return common / max(1, sum(ref.values())), common / max(1, sum(got.values()))


def char_recall(reference: str, extracted: str) -> float:
    """Share of the reference's Chinese characters (as a multiset) found in ``extracted``."""
    ref, got = collections.Counter(han(reference)), collections.Counter(han(extracted))
    return sum((ref & got).values()) / max(1, sum(ref.values()))


@pytest.fixture
def soffice() -> str:
    """The LibreOffice executable; the test is skipped when it is not installed."""
    path = shutil.which("soffice")
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return path


def docx_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    """Build a PDF with reportlab: ``make_pdf(draw, pages=1, **canvas_kwargs)`` calls
    ``draw(canvas, page_number)`` for every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as rl_canvas

    def build(draw: Callable, pages: int = 1, **kwargs) -> bytes:
        out = io.BytesIO()
        c = rl_canvas.Canvas(out, pagesize=A4, **kwargs)
        for number in range(pages):
            draw(c, number)
            c.showPage()
        c.save()
        return out.getvalue()

    return build


def ole2_container(streams: dict[str, bytes]) -> bytes:
    """A minimal, valid Compound File (OLE2, version 3) holding ``streams``.

    Each stream is padded to at least 4096 bytes so it lives in regular sectors (no mini
    stream needed). This is the container an encrypted .docx or a .doc file comes in.
    """
    sector = 512
    free, end, fat_mark = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    names = list(streams)
    payloads = [streams[n].ljust(max(4096, len(streams[n])), b"\0") for n in names]
    fat = [fat_mark, end]  # sector 0: the FAT itself; sector 1: the directory
    starts = []
    next_sector = 2
    for payload in payloads:
        count = -(-len(payload) // sector)
        starts.append(next_sector)
        fat.extend(list(range(next_sector + 1, next_sector + count)) + [end])
        next_sector += count
    assert len(fat) <= sector // 4, "test container too large for one FAT sector"
    fat_sector = struct.pack("<128L", *(fat + [free] * (128 - len(fat))))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<3L", free, right, child)
            + b"\0" * 16  # CLSID
            + b"\0" * 4  # state bits
            + b"\0" * 16  # creation and modification times
            + struct.pack("<LLL", start, size, 0)
        )

    directory = entry("Root Entry", 5, 1, free, end, 0)
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else free
        directory += entry(name, 2, free, right, starts[i], len(streams[name]))
    directory = directory.ljust(-(-len(directory) // sector) * sector, b"\0")
    assert len(directory) == sector, "test container supports up to 3 streams"

    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<L", header, 0x2C, 1)  # FAT sectors
    struct.pack_into("<L", header, 0x30, 1)  # first directory sector
    struct.pack_into("<L", header, 0x38, 4096)  # mini stream cutoff
    struct.pack_into("<LLLL", header, 0x3C, end, 0, end, 0)  # no mini FAT, no DIFAT
    struct.pack_into("<109L", header, 0x4C, 0, *([free] * 108))
    body = b"".join(p.ljust(-(-len(p) // sector) * sector, b"\0") for p in payloads)
    return bytes(header) + fat_sector + directory + body

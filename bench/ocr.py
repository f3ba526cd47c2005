"""Benchmark of OCR (indexer.run_ocr): character accuracy and speed on scans of known text.

    python bench/ocr.py                  # first 3 pages of each PDF, 150 and 300 dpi,
                                         # languages chi_sim+eng (run_ocr's) and chi_sim
    python bench/ocr.py --pages 5 --dpi 200 --jobs 2 --languages chi_sim+eng

The scans are made here: the first N pages of every PDF in
corpus/02_fixtures/pdf_rendered_from_real_docx (PDFs LibreOffice rendered from real Word
files, so their text is known) are rasterised in greyscale with poppler's pdftoppm
(Ghostscript where it is missing) and put back into an image-only PDF, one per document and
resolution, which run_ocr reads like any uploaded scan.

Reference: the corpus's own baseline for each page, ``_reference_text/<file>.pdftotext.txt``
(poppler's pdftotext of the born-digital PDF; pages split at its form feeds), so the
figure does not depend on our own PDF extraction. Both texts are reduced to CJK ideographs,
letters and digits (NFKC, lower case): punctuation, spaces and layout are not scored.
Character accuracy = 1 - (edit distance / reference length), over all pages together
(and per document). Speed: scanned pages per minute of OCR wall time (rasterising not
counted), with ``--jobs`` pages at a time on this machine.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import CORPUS  # noqa: E402

from indexer import OCR_LANGUAGES, ExtractLimits, ocr_available, run_ocr  # noqa: E402

FIXTURES = CORPUS / "02_fixtures"
RENDERED = FIXTURES / "pdf_rendered_from_real_docx"
REFERENCE = FIXTURES / "_reference_text"
_KEEP = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa-z0-9]")


def normalise(text: str) -> str:
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", text).lower()))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), two rows at a time."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        append = current.append
        for j, cb in enumerate(b, 1):
            append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def reference_pages(pdf: Path) -> list[str]:
    path = REFERENCE / f"{pdf.name}.pdftotext.txt"
    return path.read_text(encoding="utf-8").split("\f")


def rasterise(pdf: Path, dpi: int, pages: int, folder: Path) -> list[Path]:
    out = folder / f"{pdf.stem}-{dpi}"
    out.mkdir(parents=True)
    if shutil.which("pdftoppm"):
        command = ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", "1", "-l", str(pages)]
        command += [str(pdf), str(out / "page")]
    else:
        command = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray"]
        command += [f"-r{dpi}", "-dFirstPage=1", f"-dLastPage={pages}"]
        command += ["-o", str(out / "page-%04d.png"), str(pdf)]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return sorted(out.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def image_pdf(images: list[Path], dpi: int) -> bytes:
    from PIL import Image

    frames = [Image.open(p).convert("L") for p in images]
    out = io.BytesIO()
    frames[0].save(out, "PDF", save_all=True, append_images=frames[1:], resolution=dpi)
    return out.getvalue()


def tool_versions() -> str:
    def first_line(command: list[str]) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        except OSError:
            return "?"
        return (done.stdout or done.stderr).strip().splitlines()[0]

    return f"ocrmypdf {first_line(['ocrmypdf', '--version'])}, {first_line(['tesseract', '--version'])}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3, help="first N pages of each PDF")
    parser.add_argument("--dpi", type=int, action="append", help="resolutions (150 and 300)")
    parser.add_argument("--jobs", type=int, default=1, help="pages OCR'd at a time")
    parser.add_argument(
        "--languages", action="append", help="Tesseract languages (chi_sim+eng and chi_sim)"
    )
    args = parser.parse_args()
    resolutions = args.dpi or [150, 300]
    settings = [
        (dpi, langs)
        for langs in (args.languages or [OCR_LANGUAGES, "chi_sim"])
        for dpi in resolutions
    ]
    if not RENDERED.is_dir():
        raise SystemExit(f"corpus not found at {CORPUS} (set CASELIB_CORPUS)")
    if not ocr_available():
        raise SystemExit("OCRmyPDF or Tesseract's chi_sim data is not installed")
    documents = sorted(RENDERED.glob("*.pdf"))
    print(f"OCR benchmark: {tool_versions()}, jobs {args.jobs}")
    print(
        f"scans: first {args.pages} pages of {len(documents)} PDFs in {RENDERED.relative_to(CORPUS)}"
        " (pdftoppm, greyscale)"
    )
    print("reference: _reference_text/*.pdf.pdftotext.txt per page; scored on CJK+letters+digits")
    limits = ExtractLimits()
    summary = []
    with tempfile.TemporaryDirectory(prefix="caselib-bench-ocr-") as tmp:
        folder = Path(tmp)
        for dpi, languages in settings:
            edits = chars = pages = 0
            unreadable = 0
            elapsed = 0.0
            print(f"\n{dpi} dpi, -l {languages}")
            for pdf in documents:
                references = [normalise(t) for t in reference_pages(pdf)]
                images = rasterise(pdf, dpi, args.pages, folder / languages)
                scan = image_pdf(images, dpi)
                start = time.perf_counter()
                result = run_ocr(scan, pdf.name, languages=languages, jobs=args.jobs, limits=limits)
                took = time.perf_counter() - start
                doc_edits = doc_chars = 0
                for number, text in enumerate(result.pages):
                    reference = references[number] if number < len(references) else ""
                    doc_edits += edit_distance(reference, normalise(text))
                    doc_chars += len(reference)
                edits += doc_edits
                chars += doc_chars
                pages += len(result.pages)
                unreadable += len(result.unreadable)
                elapsed += took
                print(
                    f"  {pdf.name}: {len(result.pages)} pages, {doc_chars} chars, "
                    f"accuracy {1 - doc_edits / max(doc_chars, 1):.3f}, {took:.1f} s"
                    + (f", unreadable pages {result.unreadable}" if result.unreadable else "")
                )
            accuracy = 1 - edits / max(chars, 1)
            rate = pages / elapsed * 60 if elapsed else 0.0
            summary.append((dpi, languages, pages, chars, accuracy, rate, unreadable))
            print(
                f"  all: {pages} pages, {chars} reference chars, character accuracy "
                f"{accuracy:.3f}, {rate:.1f} pages/minute ({elapsed:.1f} s)"
            )
    print("\nsummary")
    for dpi, languages, pages, chars, accuracy, rate, unreadable in summary:
        print(
            f"  {dpi} dpi, -l {languages}: character accuracy {accuracy:.3f} over {pages} pages "
            f"({chars} chars), {rate:.1f} pages/minute, {unreadable} unreadable"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""OCR of scans: PDFs without a text layer, and images, through OCRmyPDF and Tesseract.

``extract()`` refuses a scan with ``no_text_layer`` (a PDF of images, or a .jpg/.png/.tif);
the caller then runs ``run_ocr`` in a background job. OCRmyPDF (the Debian ``ocrmypdf``
command, run as a child process in a session of its own) adds Tesseract's invisible text
layer (``chi_sim``) to every page that has no text, and leaves the pages as they are:
``--output-type pdf`` (no PDF/A rewrite), ``--optimize 0`` (images untouched),
``--skip-text`` (pages with text are copied), no deskew, rotation or cleaning. An image
becomes a PDF of one page per frame (img2pdf inside OCRmyPDF: JPEG bytes are kept, PNG and
TIFF losslessly), so the OCR'd PDF is what the reader shows, while the caller keeps the
original scan byte for byte.

Progress comes from a small OCRmyPDF plugin (``ocrmypdf_progress.py``) that writes a line
per finished page on stderr; the callback is called in the caller's thread. Which pages were
OCR'd comes from OCRmyPDF's sidecar, their text from the OCR'd PDF itself (read as
``extract()`` will read it again on a reindex). A page that OCR leaves without readable
text (blank, noise, or Tesseract's page timeout) is listed in ``unreadable``.

Everything happens in a private temporary directory (also OCRmyPDF's TMPDIR), removed in
all cases; on a timeout or any error the child's whole process group is killed.
"""

from __future__ import annotations

import collections
import functools
import io
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import messages
from .model import ExtractedDocument, ExtractLimits
from .process import kill_group
from .sniff import IMAGE_EXTENSIONS, extension_of, sniff, sniff_image

# chi_sim alone reads the corpus scans better than chi_sim+eng (0.988 vs 0.968 at 150 dpi,
# bench/ocr.py): with eng, Chinese lines at 300 dpi sometimes come out as Latin junk.
LANGUAGES = "chi_sim"
Progress = Callable[[int, int], None]  # (pages done, pages in all)

_PLUGIN = Path(__file__).with_name("ocrmypdf_progress.py")  # runs inside OCRmyPDF, not here
_PROGRESS = "\x1ecaselib-progress"  # the plugin's PREFIX
_LANGUAGES = re.compile(r"^[a-z_]+(\+[a-z_]+)*$")
_SKIPPED = re.compile(r"^\[OCR skipped on page\(s\) (\d+)(?:-(\d+))?\]$")
_WORDS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]{2,}")
_MIN_READABLE = 5  # characters in such runs (CJK, letters, digits) a readable page has at least
_A4_LONG_SIDE = 11.69  # inches: the page an image without a credible resolution is taken for
_SUFFIX = {"jpeg": ".jpg", "png": ".png", "tiff": ".tif"}
_IMAGE_MODES = frozenset({"1", "L", "P", "RGB", "CMYK"})  # what img2pdf embeds as they are


@dataclass
class OcrResult:
    """What OCR made of a scan.

    ``pdf`` is the OCR'd PDF (the same pages, an invisible text layer added), ``pages`` each
    page's text (``pages[0]`` is page 1; pages that had text keep it), ``unreadable`` the
    1-based pages OCR left without readable text, ``document`` the text as ``extract()``
    reads it from ``pdf`` (format ``pdf``, converter ``ocrmypdf``), ``source`` what came in:
    ``pdf``, ``jpeg``, ``png`` or ``tiff``.
    """

    pdf: bytes
    pages: list[str]
    unreadable: list[int]
    document: ExtractedDocument
    source: str


class OcrmypdfFailed(RuntimeError):
    """The cause behind ``ocr_failed`` and friends, for the logs: exit status and stderr."""


def ocr_available(ocrmypdf: str | None = "ocrmypdf", languages: str = LANGUAGES) -> bool:
    """Whether OCR can run: the OCRmyPDF command, Tesseract and its language data."""
    if not ocrmypdf or shutil.which(ocrmypdf) is None:
        return False
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return False
    return set(languages.split("+")) <= _tesseract_languages(tesseract)


@functools.lru_cache(maxsize=4)
def _tesseract_languages(tesseract: str) -> frozenset[str]:
    try:
        done = subprocess.run(
            [tesseract, "--list-langs"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (done.stdout + done.stderr).decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def needs_ocr(data: bytes, filename: str, limits: ExtractLimits) -> bool:
    """Whether the file is a scan OCR would read: an image (.jpg/.jpeg/.png/.tif/.tiff,
    checked by content) or a PDF with at least one page of graphics and no text."""
    if extension_of(filename) in IMAGE_EXTENSIONS:
        sniff_image(data, filename)
        return True
    fmt, _media_type = sniff(data, filename)
    if fmt != "pdf":
        return False
    from . import pdf  # pdfminer, imported where it is used (a searching process never)

    return bool(pdf.scanned_pages(pdf.read(data, limits)[0]))


def run_ocr(
    data: bytes,
    filename: str,
    *,
    ocrmypdf: str | None = "ocrmypdf",
    languages: str = LANGUAGES,
    jobs: int = 1,
    timeout: float | None = None,
    progress: Progress | None = None,
    limits: ExtractLimits,
) -> OcrResult:
    """OCR a scanned PDF or an image; see the module docstring.

    ``jobs`` pages are recognised at a time (one Tesseract thread each); ``timeout`` is the
    budget in seconds for the whole file (default ``limits.ocr_timeout``); ``progress`` is
    called with (pages done, pages in all) as pages finish, in the calling thread.
    """
    from . import pdf

    if not _LANGUAGES.match(languages):
        raise ValueError(f"bad Tesseract language list: {languages!r}")
    if extension_of(filename) in IMAGE_EXTENSIONS:
        source, _media_type = sniff_image(data, filename)
    else:
        fmt, _media_type = sniff(data, filename)
        if fmt != "pdf":
            raise messages.not_for_ocr()
        source = "pdf"
    with tempfile.TemporaryDirectory(prefix="caselib-ocr-") as tmp:
        folder = Path(tmp)
        (folder / "tmp").mkdir()
        options: list[str] = []
        if source == "pdf":
            total = len(pdf._open(data, limits))  # encrypted, corrupt, too many pages: refused
            source_path = folder / "input.pdf"
            source_path.write_bytes(data)
        else:
            source_path, total, dpi = _prepare_image(data, source, folder, limits)
            if dpi:
                options += ["--image-dpi", str(dpi)]
        # Checked after the input (a damaged or encrypted file is that, OCR or not).
        executable = shutil.which(ocrmypdf or "")
        if executable is None or not ocr_available(executable, languages):
            raise messages.ocr_unavailable()
        output, sidecar = folder / "output.pdf", folder / "sidecar.txt"
        command = [
            executable,
            "--plugin",
            str(_PLUGIN),
            "--quiet",
            "-l",
            languages,
            "--output-type",
            "pdf",
            "--skip-text",
            "--optimize",
            "0",
            "--pdf-renderer",
            "sandwich",  # OCRmyPDF 14's hocr renderer loses CJK text
            "--jobs",
            str(max(1, int(jobs))),
            "--tesseract-timeout",
            f"{limits.ocr_page_timeout:g}",
            "--sidecar",
            str(sidecar),
            *options,
            str(source_path),
            str(output),
        ]
        budget = limits.ocr_timeout if timeout is None else timeout
        status, errors, shown = _run(command, folder, budget, total, progress)
        if status != 0:
            _fail(status, errors)
        if not output.is_file() or output.stat().st_size == 0:
            raise messages.ocr_failed() from OcrmypdfFailed(f"no output; stderr: {errors}")
        if output.stat().st_size > limits.max_uncompressed_bytes:
            raise messages.too_large(limits.max_uncompressed_bytes)
        result = output.read_bytes()
        recognised = _recognised_pages(sidecar, total)
    read = pdf.read(result, limits)
    layouts = read[0]
    if len(layouts) != total:
        raise messages.ocr_failed() from OcrmypdfFailed(f"{len(layouts)} pages out of {total} in")
    texts = pdf.page_texts(layouts)
    unreadable = [n for n in recognised if not _readable(texts[n - 1])]
    try:
        document = pdf.document(read)
    except messages.ExtractionError as e:
        if e.code in ("no_text_layer", "empty_document"):
            raise messages.ocr_unreadable() from e
        raise
    document.converter = "ocrmypdf"
    if progress is not None and shown < total:
        progress(total, total)
    return OcrResult(result, texts, unreadable, document, source)


def _readable(text: str) -> bool:
    """Enough letters, digits or Chinese characters in runs of two or more, and mostly those.
    Noise and specks come out of Tesseract as lone characters ("S P S t i n y")."""
    shown = "".join(text.split())
    runs = sum(len(run) for run in _WORDS.findall(text))
    return runs >= _MIN_READABLE and runs >= 0.5 * len(shown)


def _recognised_pages(sidecar: Path, total: int) -> list[int]:
    """The pages OCRmyPDF ran Tesseract on: all but those its sidecar marks as skipped
    (pages that had text already)."""
    try:
        parts = sidecar.read_text(encoding="utf-8", errors="replace").split("\f")
    except OSError:
        return list(range(1, total + 1))
    pages: list[int] = []
    number = 1
    for part in parts:
        skipped = _SKIPPED.match(part.strip())
        if skipped:
            number = int(skipped.group(2) or skipped.group(1)) + 1
        else:
            pages.append(number)
            number += 1
    return [n for n in pages if n <= total]


def _prepare_image(
    data: bytes, kind: str, folder: Path, limits: ExtractLimits
) -> tuple[Path, int, int | None]:
    """The image as OCRmyPDF takes it, its number of frames (pages), and the resolution to
    give it (``None`` when its own is credible). Images with transparency, CMYK without a
    colour profile or unusual modes are flattened to RGB or greyscale (PNG/TIFF, lossless);
    others go as they are."""
    from PIL import Image

    path = folder / ("input" + _SUFFIX[kind])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = int(getattr(image, "n_frames", 1) or 1)
            if frames > limits.max_pages:
                raise messages.too_many_pages(limits.max_pages)
            convert = False
            sizes = []
            for frame in range(frames):
                image.seek(frame)
                width, height = image.size
                if width * height > limits.max_image_pixels:
                    raise messages.image_too_large(limits.max_image_pixels)
                sizes.append(max(width, height))
                convert |= _needs_flattening(image)
            dpi = _resolution(image.info.get("dpi"), max(sizes))
            if not convert:
                path.write_bytes(data)
                return path, frames, dpi
            flat = []
            for frame in range(frames):
                image.seek(frame)
                flat.append(_flatten(image))
            if frames == 1:
                path = folder / "input.png"
                flat[0].save(path, format="PNG")
            else:
                path = folder / "input.tif"
                flat[0].save(
                    path,
                    format="TIFF",
                    save_all=True,
                    append_images=flat[1:],
                    compression="tiff_deflate",
                )
            return path, frames, dpi
    except messages.ExtractionError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as e:
        raise messages.image_too_large(limits.max_image_pixels) from e
    except Exception as e:  # Pillow raises many kinds on damaged or hostile images
        raise messages.corrupt() from e


def _needs_flattening(image) -> bool:
    if image.mode not in _IMAGE_MODES:
        return True  # RGBA, LA, 16-bit, float ...
    if image.mode == "P" and "transparency" in image.info:
        return True
    return image.mode == "CMYK" and "icc_profile" not in image.info


def _flatten(image):
    from PIL import Image

    if image.mode in ("1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "F"):
        if image.mode not in ("1", "L", "LA"):  # 16-bit or float greyscale
            return image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
        if image.mode == "LA":
            base = Image.new("L", image.size, 255)
            base.paste(image.convert("L"), mask=image.getchannel("A"))
            return base
        return image.convert("L")
    rgba = image.convert("RGBA")
    base = Image.new("RGB", image.size, (255, 255, 255))
    base.paste(rgba, mask=rgba.getchannel("A"))
    return base


def _resolution(dpi, long_side: int) -> int | None:
    """``None`` when the image's own resolution is credible (over 96 dpi, as OCRmyPDF
    requires), else one estimated as if the image showed an A4 page."""
    try:
        if dpi and min(float(dpi[0]), float(dpi[1])) > 96:
            return None
    except (TypeError, ValueError, IndexError):
        pass
    return int(min(max(round(long_side / _A4_LONG_SIDE), 100), 1200))


def _run(
    command: list[str], folder: Path, timeout: float, total: int, progress: Progress | None
) -> tuple[int, str, int]:
    """Run OCRmyPDF; return its exit status, the tail of its stderr and the pages reported
    done."""
    env = dict(
        os.environ,
        HOME=str(folder),
        TMPDIR=str(folder / "tmp"),  # its working files die with our directory
        OMP_THREAD_LIMIT="1",  # one Tesseract thread per job: --jobs is the CPU budget
        PYTHONDONTWRITEBYTECODE="1",  # no __pycache__ next to the plugin
    )
    if progress is not None:
        progress(0, total)
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=folder,
            env=env,
            start_new_session=True,  # its own process group: Tesseract and Ghostscript too
        )
    except OSError as e:
        raise messages.ocr_unavailable() from e
    events: queue.Queue[int] = queue.Queue()
    tail: collections.deque[str] = collections.deque(maxlen=30)
    reader = threading.Thread(target=_read_stderr, args=(process, events, tail), daemon=True)
    reader.start()
    shown = 0

    def report() -> None:
        nonlocal shown
        while True:
            try:
                done = min(events.get_nowait(), total)
            except queue.Empty:
                return
            if progress is not None and done > shown:
                shown = done
                progress(done, total)

    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                status = process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                status = None
            report()
            if status is not None:
                break
            if time.monotonic() > deadline:
                kill_group(process)
                raise messages.ocr_timeout() from OcrmypdfFailed(
                    f"timed out after {timeout:g} s; stderr: {' | '.join(tail)}"
                )
    except BaseException:
        kill_group(process)
        raise
    finally:
        kill_group(process, only_if_alive=False)  # helpers left in its group
        reader.join(5)
        if process.stderr is not None:
            process.stderr.close()
    report()
    return status, " | ".join(tail), shown


def _read_stderr(process: subprocess.Popen, events: queue.Queue, tail: collections.deque) -> None:
    assert process.stderr is not None
    for raw in process.stderr:
        line = raw.decode("utf-8", "replace").rstrip("\n")
        if line.startswith(_PROGRESS):
            fields = line.split("\t")
            if len(fields) == 5 and fields[1] in ("OCR", "Image processing"):
                try:
                    events.put(int(float(fields[2]) * float(fields[4])))
                except ValueError:
                    pass
        elif line.strip():
            tail.append(line.strip())


def _fail(status: int, errors: str) -> None:
    cause = OcrmypdfFailed(f"ocrmypdf exited with status {status}; stderr: {errors}")
    if status == 3:  # missing dependency (Tesseract, a language, Ghostscript)
        raise messages.ocr_unavailable() from cause
    if status == 8:
        raise messages.encrypted() from cause
    if status == 2:  # the input file is not a usable PDF or image
        raise messages.corrupt() from cause
    raise messages.ocr_failed() from cause

"""Content sniffing: the bytes must be what the file name says they are."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from . import messages, ole2
from .safezip import declared_entries

MEDIA_TYPES: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "doc": "application/msword",
    "wps": "application/vnd.ms-works",
    "rtf": "application/rtf",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain",
    "md": "text/markdown",
}

EXTENSIONS: dict[str, str] = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",
    ".wps": "wps",
    ".rtf": "rtf",
    ".odt": "odt",
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
}

LEGACY_FORMATS = frozenset({"doc", "wps", "rtf", "odt"})
# Office files that carry macros by name; refused as such (not as "unsupported").
MACRO_EXTENSIONS = frozenset(
    {".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppsm", ".ppam"}
)
# A macro-enabled package's main part or its VBA project, in [Content_Types].xml.
_MACRO_CONTENT_TYPES = (b"macroenabled", b"vnd.ms-office.vbaproject")
_CONTENT_TYPES_READ = 256 * 1024

# Scans that only OCR can read. Any of these extensions accepts any of the three kinds (a
# phone's .jpg may well hold a PNG); which kind it is comes from the bytes.
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff"})
IMAGE_MEDIA_TYPES: dict[str, str] = {"jpeg": "image/jpeg", "png": "image/png", "tiff": "image/tiff"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_ODF_KINDS = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
_DAMAGED_CONTAINERS = {
    ("zip_damaged", "docx"),
    ("zip_damaged", "odt"),
    ("ole2_damaged", "doc"),
    ("ole2_damaged", "wps"),
}
_PDF_SEARCH = 1024
_MAX_SNIFF_ENTRIES = 100_000  # readers accept junk before "%PDF-" within the first kilobyte


def extension_of(filename: str) -> str:
    return PurePath(filename or "").suffix.lower()


def format_for(filename: str) -> str:
    """The format the file name promises; ``unsupported_format`` for anything else."""
    ext = extension_of(filename)
    if ext in MACRO_EXTENSIONS:
        raise messages.macro_enabled()
    fmt = EXTENSIONS.get(ext)
    if fmt is None:
        raise messages.unsupported()
    return fmt


def sniff(data: bytes, filename: str) -> tuple[str, str]:
    """``(format, media_type)`` of ``data``, checked against the extension of ``filename``.

    Raises ``ExtractionError``: ``unsupported_format`` for an unknown extension,
    ``content_mismatch`` when the bytes are something else (naming both), ``encrypted`` for
    an encrypted Office file, ``macro_enabled`` for an Office file with macros (a .docm,
    whatever it is called), ``empty_file`` for zero bytes.
    """
    fmt = format_for(filename)
    ext = extension_of(filename)
    if not data:
        raise messages.empty_file()
    actual = detect(data)
    if has_macros(data):
        raise messages.macro_enabled()
    if actual == "encrypted_office" and fmt in {"docx", "doc", "wps"}:
        raise messages.encrypted()
    if (actual, fmt) in _DAMAGED_CONTAINERS:
        raise messages.corrupt()  # the right kind of container, but unreadable
    if not _matches(fmt, actual):
        if actual in ("text", "binary", "zip_damaged", "ole2_damaged"):
            raise messages.not_expected(ext, fmt)
        raise messages.mismatch(ext, actual)
    return fmt, MEDIA_TYPES[fmt]


def sniff_image(data: bytes, filename: str) -> tuple[str, str]:
    """``(kind, media_type)`` of an image named .jpg/.jpeg/.png/.tif/.tiff, from its bytes:
    ``jpeg``, ``png`` or ``tiff``. Raises ``ExtractionError``: ``unsupported_format`` for
    another extension or another kind of image (GIF, BMP, WebP), ``content_mismatch`` when
    the bytes are no image, ``empty_file`` for zero bytes."""
    ext = extension_of(filename)
    if ext not in IMAGE_EXTENSIONS:
        raise messages.unsupported()
    if not data:
        raise messages.empty_file()
    kind = image_kind(data)
    if kind is not None:
        return kind, IMAGE_MEDIA_TYPES[kind]
    actual = detect(data)
    if actual == "image":
        raise messages.unsupported_image()
    if actual in ("text", "binary", "zip_damaged", "ole2_damaged"):
        raise messages.not_expected(ext, "image")
    raise messages.mismatch(ext, actual)


def image_kind(data: bytes) -> str | None:
    """``jpeg``, ``png`` or ``tiff`` from the magic bytes, else ``None``."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    return None


def _matches(fmt: str, actual: str) -> bool:
    if fmt in ("txt", "md"):
        return actual == "text"
    if fmt == "wps":
        return actual == "doc"  # Kingsoft .wps files are Word 97-2003 binary containers too
    return actual == fmt


def detect(data: bytes) -> str:
    """What ``data`` really is, from its magic bytes (and, for containers, their directory)."""
    head = data[:_PDF_SEARCH]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head and b"%%EOF" in data[-2048:]):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(ole2.MAGIC):
        return ole2.kind_of(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"MZ"):
        return "exe"
    if head.startswith(b"\x7fELF"):
        return "elf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith(b"Rar!"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text" if _looks_textual(head) else "binary"


def _looks_textual(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 0x20 and b not in (9, 10, 12, 13, 27))
    return controls <= max(2, len(head) // 100)


def has_macros(data: bytes) -> bool:
    """Whether an Office file carries macros: an OOXML package whose content types name a
    macro-enabled main part or a VBA project (``word/vbaProject.bin``), or a Word 97-2003
    file with a ``Macros`` storage. Anything else (not an Office file, unreadable) is
    False; the other checks say what is wrong with it."""
    head = data[:8]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        entries = declared_entries(data)
        if entries is not None and entries > _MAX_SNIFF_ENTRIES:
            return False
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            names = {n.lower() for n in zf.namelist()}
            if any(n.endswith("vbaproject.bin") for n in names):
                return True
            if "[content_types].xml" not in names:
                return False
            with zf.open("[Content_Types].xml") as f:
                types = f.read(_CONTENT_TYPES_READ).lower()
        except Exception:  # noqa: BLE001 - damaged: the extractor says "corrupt"
            return False
        return any(t in types for t in _MACRO_CONTENT_TYPES)
    if head.startswith(ole2.MAGIC):
        try:
            names = {n.lower() for n in ole2.Ole2(data).names}
        except Exception:  # noqa: BLE001
            return False
        return "macros" in names or "_vba_project_cur" in names or "_vba_project" in names
    return False


def _zip_kind(data: bytes) -> str:
    entries = declared_entries(data)
    if entries is not None and entries > _MAX_SNIFF_ENTRIES:
        return "zip"  # far too many members to be an office document; never parsed here
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except Exception:  # a truncated or damaged zip: still a zip, the extractor says "corrupt"
        return "zip_damaged"
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names or any(
            n.startswith("word/") and n.endswith(".xml") and "document" in n for n in names
        ):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("ppt/") for n in names):
            return "pptx"
    if "mimetype" in names:
        try:
            info = zf.getinfo("mimetype")
            if info.file_size <= 200 and info.compress_type == zipfile.ZIP_STORED:
                return _ODF_KINDS.get(zf.read(info).strip(), "zip")
        except Exception:
            return "zip"
    return "zip"

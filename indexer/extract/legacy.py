"""Legacy formats (.doc, .wps, .rtf, .odt) through Apache Tika or LibreOffice.

With ``tika_url`` the bytes go to that Tika server's text endpoint (``PUT /tika``); the
``tika`` client is kept in client-only mode, so it never downloads or starts a server. An
unreachable Tika is an error, not a silent fallback: the administrator configured it, and
quietly using another converter would hide the outage. Without Tika, LibreOffice converts
the file to .docx in a private temporary profile (parallel runs never share one), under a
timeout, and the .docx extractor reads the result.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ExtractionError
from . import docx, messages, ole2
from .model import Block, ExtractedDocument, ExtractLimits
from .normalize import clean, finish
from .process import kill_group
from .sniff import MEDIA_TYPES

# LibreOffice picks its import filter from the content; the name only needs a plausible
# extension. Kingsoft .wps files are Word 97-2003 binaries, so they travel as .doc.
_SUFFIX = {"docx": ".docx", "doc": ".doc", "wps": ".doc", "rtf": ".rtf", "odt": ".odt"}
_TIKA_UNREACHABLE = "无法连接文本提取服务（Tika），请稍后重试或联系管理员"
_TIKA_FAILED = "文本提取服务（Tika）暂时无法处理该文件，请稍后重试或联系管理员"
_TIMEOUT = "文件转换超时，请另存为 .docx 或 .pdf 后重新上传"


def extract(
    data: bytes,
    fmt: str,
    limits: ExtractLimits,
    *,
    tika_url: str | None,
    soffice: str | None,
) -> ExtractedDocument:
    _refuse_encrypted(data, fmt)
    if tika_url:
        return _with_tika(data, fmt, tika_url, limits)
    converted = convert_to_docx(data, fmt, soffice, limits)
    if converted is None:
        raise messages.converter_unavailable()
    document = docx.extract(converted, limits)
    document.format = fmt
    document.media_type = MEDIA_TYPES[fmt]
    document.converter = "libreoffice"
    document.metadata = {}
    return document


def _refuse_encrypted(data: bytes, fmt: str) -> None:
    # Checked before any converter: LibreOffice cannot ask for a password headless.
    if fmt in ("doc", "wps") and ole2.word_is_encrypted(data):
        raise messages.encrypted()


# -- LibreOffice ---------------------------------------------------------------------------


def soffice_path(soffice: str | None) -> str | None:
    """The LibreOffice executable, or ``None`` when it is disabled or not installed."""
    if not soffice:
        return None
    return shutil.which(soffice)


def convert_to_docx(
    data: bytes, fmt: str, soffice: str | None, limits: ExtractLimits
) -> bytes | None:
    """The file converted to .docx by LibreOffice; ``None`` when LibreOffice is unavailable."""
    return _convert(data, fmt, soffice, "docx:MS Word 2007 XML", limits.convert_timeout, limits)


def convert_many_to_pdf(
    items: list[tuple[bytes, str]], soffice: str | None, timeout: float, limits: ExtractLimits
) -> list[bytes | ExtractionError] | None:
    """Several Word files (bytes, format) laid out as PDF by one LibreOffice run, which
    pays its start-up (about a second and a half) once: per file its PDF or its own error
    (encrypted, corrupt, too large). ``None`` when LibreOffice is unavailable; a failure
    of the run itself (the timeout) is raised."""
    executable = soffice_path(soffice)
    if executable is None:
        return None
    results: list[bytes | ExtractionError | None] = [None] * len(items)
    with tempfile.TemporaryDirectory(prefix="caselib-soffice-") as tmp:
        folder = Path(tmp)
        sources = []
        for i, (data, fmt) in enumerate(items):
            try:
                _refuse_encrypted(data, fmt)
            except ExtractionError as e:
                results[i] = e
                continue
            source = folder / f"input{i}{_SUFFIX[fmt]}"
            source.write_bytes(data)
            sources.append((i, source))
        if sources:
            outdir = folder / "out"
            target = "pdf:writer_pdf_Export"
            _run(
                _command(executable, folder, target, outdir, [s for _i, s in sources]),
                folder,
                timeout,
                background=True,
            )
            for i, source in sources:
                try:
                    results[i] = _result(outdir / (source.stem + ".pdf"), limits)
                except ExtractionError as e:
                    results[i] = e
    return results  # type: ignore[return-value]


def _convert(
    data: bytes,
    fmt: str,
    soffice: str | None,
    target: str,
    timeout: float,
    limits: ExtractLimits,
) -> bytes | None:
    executable = soffice_path(soffice)
    if executable is None:
        return None
    _refuse_encrypted(data, fmt)
    with tempfile.TemporaryDirectory(prefix="caselib-soffice-") as tmp:
        folder = Path(tmp)
        source = folder / ("input" + _SUFFIX[fmt])
        source.write_bytes(data)
        outdir = folder / "out"
        _run(_command(executable, folder, target, outdir, [source]), folder, timeout)
        return _result(outdir / ("input." + target.split(":", 1)[0]), limits)


def _command(
    executable: str, folder: Path, target: str, outdir: Path, sources: list[Path]
) -> list[str]:
    """soffice converting ``sources`` into ``outdir``, in a private profile in ``folder``."""
    return [
        executable,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        *map(str, sources),
    ]


def _result(path: Path, limits: ExtractLimits) -> bytes:
    if not path.is_file() or path.stat().st_size == 0:
        raise messages.corrupt()
    if path.stat().st_size > limits.max_uncompressed_bytes:
        raise messages.too_large(limits.max_uncompressed_bytes)
    return path.read_bytes()


# A PDF for a preview or a compilation is made in the background: at a lower priority, so
# that on a small server the requests people wait for keep the processor (an upload's
# .doc read for its text is not niced).
_BACKGROUND_NICE = 10


def _run(command: list[str], home: Path, timeout: float, *, background: bool = False) -> None:
    env = dict(os.environ, HOME=str(home))  # LibreOffice must not touch the real home
    nice = shutil.which("nice") if background else None
    if nice:
        command = [nice, "-n", str(_BACKGROUND_NICE), *command]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=home,
            env=env,
            start_new_session=True,  # its own process group, so a timeout kills every child
        )
    except OSError as e:
        raise messages.converter_unavailable() from e
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as e:
        kill_group(process)
        raise messages.converter_unavailable(_TIMEOUT) from e
    except BaseException:
        kill_group(process)
        raise
    finally:
        # soffice may leave helpers in its group after the main process exits.
        kill_group(process, only_if_alive=False)


# -- Tika ----------------------------------------------------------------------------------


def _with_tika(data: bytes, fmt: str, tika_url: str, limits: ExtractLimits) -> ExtractedDocument:
    status, body = _tika_text(data, fmt, tika_url, limits.convert_timeout)
    if status == 200:
        pass
    elif status == 204:
        raise messages.empty_document()
    elif status == 415:
        raise messages.unsupported()
    elif status == 422:
        raise messages.corrupt()
    elif status in (502, 503, 504) or status < 200 or status >= 600:
        raise messages.converter_unavailable(_TIKA_FAILED)
    elif status >= 500:
        raise messages.corrupt()
    else:
        raise messages.converter_unavailable(_TIKA_FAILED)
    blocks = [Block("paragraph", line) for line in clean(body or "").split("\n") if line.strip()]
    blocks, text, title = finish(blocks)
    if not text:
        raise messages.empty_document()
    return ExtractedDocument(
        text=text,
        media_type=MEDIA_TYPES[fmt],
        format=fmt,
        title=title,
        blocks=blocks,
        converter="tika",
    )


def _tika_text(data: bytes, fmt: str, tika_url: str, timeout: float) -> tuple[int, str]:
    """``PUT /tika`` with the tika client, in client-only mode (never fetches a server jar)."""
    os.environ.setdefault("TIKA_CLIENT_ONLY", "True")
    os.environ.setdefault("TIKA_LOG_FILE", "")  # no log file in the temp directory
    try:
        from requests import RequestException
        from tika import tika as tika_client
    except Exception as e:  # the client library is missing or broken
        raise messages.converter_unavailable() from e
    tika_client.TikaClientOnly = True
    headers = {"Accept": "text/plain; charset=UTF-8", "Content-Type": MEDIA_TYPES[fmt]}
    try:
        status, body = tika_client.callServer(
            "put",
            tika_url.rstrip("/"),
            "/tika",
            data,
            headers,
            verbose=0,
            requestOptions={"timeout": timeout, "verify": True},
        )
    except RequestException as e:
        raise messages.converter_unavailable(_TIKA_UNREACHABLE) from e
    except Exception as e:  # e.g. a malformed URL
        raise messages.converter_unavailable(_TIKA_UNREACHABLE) from e
    return int(status), body if isinstance(body, str) else ""

"""Over-large uploads on the pages' forms.

A request body over ``MAX_CONTENT_LENGTH`` is refused before it is read, so a page could
only answer "too large" and lose what was typed. The forms that take files (上传案例, 修改
案例, 发布征集通知) therefore read bodies up to :func:`form_cap`, keep each file only up to
the upload limit (the rest of an over-large file is read and thrown away, never kept in
memory or on disk) and mark it; the view then answers the form again, with every typed
field, and a ``too_large`` error on the file (413). The page's script refuses such a file
before sending it, so only browsers without it get here; beyond the cap, the plain 413.
"""

from __future__ import annotations

import tempfile
from typing import IO, Any

from flask import Flask, Request, request
from werkzeug.datastructures import FileStorage

from library.errors import FieldError
from library.storage.files import safe_name

from .util import get_lib

# The pages whose POST carries files and is answered with the form again.
FORM_PAGES = frozenset({"cases.upload_page", "cases.edit_page", "workflow.call_new"})


class CappedFile:
    """A file part's buffer that keeps at most ``limit`` bytes and remembers whether more
    came (``overflow``)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.overflow = False
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=512 * 1024)

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.overflow:
            return len(data)
        if self.size > self.limit:
            self.overflow = True
            self._file.seek(0)
            self._file.truncate()
            return len(data)
        return self._file.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class CaselibRequest(Request):
    """Flask's request, with file parts capped on the form pages (see the module)."""

    upload_limit: int | None = None

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ):
        if self.upload_limit is None:
            return super()._get_file_stream(
                total_content_length, content_type, filename, content_length
            )
        return CappedFile(self.upload_limit)


def upload_limit() -> int:
    return get_lib().settings.max_upload_mb * 1024 * 1024


def form_cap() -> int:
    """The largest body a form page reads: an over-large file as large again as allowed."""
    return 2 * upload_limit() + 1024 * 1024


def _prepare() -> None:
    if request.method == "POST" and request.endpoint in FORM_PAGES:
        request.upload_limit = upload_limit()
        request.max_content_length = form_cap()


def too_large(f: FileStorage | None) -> bool:
    """Whether this uploaded file went over the upload limit."""
    return f is not None and bool(getattr(f.stream, "overflow", False))


def too_large_error(field: str, f: FileStorage) -> FieldError:
    mb = get_lib().settings.max_upload_mb
    return FieldError(
        field,
        "too_large",
        f"文件“{safe_name(f.filename)}”超过 {mb} MB 的大小上限，请压缩或拆分后重新选择；其他内容已保留",
    )


def init_app(app: Flask) -> None:
    app.request_class = CaselibRequest
    app.before_request(_prepare)  # before the CSRF check reads the form

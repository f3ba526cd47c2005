"""Errors that reach users.

Each carries a stable ``code`` (for scripts and the API), a short Chinese ``message`` (for
people) and an HTTP ``status``. Causes are chained with ``raise ... from e`` so logs keep them.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One bad field of a form: the field name, a stable code and a Chinese message, and
    for some codes more ``detail`` (e.g. the names found by the anonymity check)."""

    field: str
    code: str
    message: str
    detail: dict[str, Any] | None = dc_field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "code": self.code, "message": self.message}
        if self.detail:
            out.update(self.detail)
        return out


class CaselibError(Exception):
    code = "error"
    status = 400
    message = "操作失败"

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        status: int | None = None,
        details: dict[str, Any] | None = None,
    ):
        self.message = message or type(self).message
        if code:
            self.code = code
        if status:
            self.status = status
        self.details = details or {}
        super().__init__(self.message)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details:
            out.update(self.details)
        return out


class ValidationFailed(CaselibError):
    """Several fields are bad at once; ``errors`` lists every one of them."""

    code = "validation_failed"
    status = 422
    message = "提交的内容有误，请按提示修改"

    def __init__(self, errors: list[FieldError], message: str | None = None):
        self.errors = list(errors)
        super().__init__(message or "；".join(f"{e.field}: {e.message}" for e in errors) or None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": type(self).message,
            "errors": [e.as_dict() for e in self.errors],
        }


class NotFound(CaselibError):
    code = "not_found"
    status = 404
    message = "未找到"


class Conflict(CaselibError):
    code = "conflict"
    status = 409
    message = "与已有内容冲突"


class DuplicateDocument(Conflict):
    code = "duplicate_document"
    message = "该文件已在案例库中"


class Unauthorized(CaselibError):
    code = "unauthorized"
    status = 401
    message = "请先登录"


class Forbidden(CaselibError):
    code = "forbidden"
    status = 403
    message = "没有权限执行此操作"


class TooManyAttempts(CaselibError):
    code = "too_many_attempts"
    status = 429
    message = "登录失败次数过多，请稍后再试"


class DocumentRejected(CaselibError):
    """An uploaded file cannot be accepted (format, corruption, encryption, size...)."""

    code = "document_rejected"
    status = 422
    message = "无法读取上传的文件"


class IndexUnavailable(CaselibError):
    code = "index_unavailable"
    status = 503
    message = "检索索引暂不可用，请稍后重试"


class InvalidTransition(Conflict):
    """A workflow action not allowed from the case's current state (or the state changed
    meanwhile: someone else acted first)."""

    code = "invalid_transition"
    message = "当前状态下不能执行该操作"

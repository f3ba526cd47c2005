"""The OpenAPI 3.1 document of ``/api/v1``, built from the JSON Schemas in ``schemas/`` so
the documented request bodies are the validated ones. A test checks that every API route
is documented with its methods."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from library import validation
from library.cases.models import STATUSES
from library.stats import weights
from library.storage.base import MAX_ID

VERSION = "1.0.0"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    texts = {
        400: "请求有误",
        401: "缺少或无效的访问令牌",
        403: "当前角色无权执行",
        404: "不存在（或无权查看）",
        409: "重复或疑似重复的案例（errors、similar），或当前状态下不能执行该操作"
        "（invalid_transition，status 为案例当前状态）",
        413: "上传的文件超过 CASELIB_MAX_UPLOAD_MB（too_large）",
        422: "字段有误：errors 列出每个有误的字段",
        429: "登录尝试次数过多（Retry-After 为需等待的秒数）",
    }
    schemas = {409: "Conflict", 422: "ValidationError"}
    out = {}
    for s in statuses:
        out[str(s)] = _json(_ref(schemas.get(s, "Error")), texts[s])
    if 429 in statuses:
        out["429"]["headers"] = {
            "Retry-After": {"schema": {"type": "integer"}, "description": "需等待的秒数"}
        }
    return out


# An id the database can hold (PostgreSQL INTEGER).
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
# What GET /api/v1/cases/{case_no}/file answers with: the original file's own type.
DOCUMENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
    "application/msword",
    "application/vnd.ms-works",
    "application/rtf",
    "application/vnd.oasis.opendocument.text",
    "text/plain",
    "text/markdown",
    "application/octet-stream",
)


def _param(
    name: str,
    schema: dict[str, Any],
    where: str = "query",
    *,
    required: bool = False,
    description: str = "",
) -> dict[str, Any]:
    if where == "query":  # an empty value is refused (422), not taken as absent
        schema = _non_empty(schema)
    return {
        "name": name,
        "in": where,
        "required": required,
        "schema": schema,
        "description": description,
    }


# A character that is not whitespace as the server trims it (Python's str.strip: also the
# separators U+001C–U+001F and U+0085, which JSON Schema's \s does not count, and not
# U+FEFF, which it does): a query value of such characters only is refused as empty.
NOT_BLANK = "[^\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


def _non_empty(schema: dict[str, Any]) -> dict[str, Any]:
    schema = dict(schema)
    if schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("minLength", 1)
        if "pattern" not in schema and "format" not in schema:
            schema["pattern"] = NOT_BLANK
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        schema["items"] = _non_empty(schema["items"])
    return schema


CASE_NO = _param(
    "case_no",
    {"type": "string", "example": "YS2021-00001"},
    "path",
    required=True,
    description="案例编号",
)
LIMIT = _param(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
    description="最多返回条数",
)


def _search_params() -> list[dict[str, Any]]:
    props = validation.load_schema("search_request")["properties"]
    out = []
    for name, prop in props.items():
        schema = {k: v for k, v in prop.items() if not k.startswith("x-") and k != "title"}
        if name == "tags":
            out.append({**_param(name, schema, description=prop.get("title", "")), "explode": True})
        else:
            out.append(_param(name, schema, description=prop.get("title", "")))
    return out


def _strip_x(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {
            k: _strip_x(v)
            for k, v in schema.items()
            if not k.startswith("x-") and k not in ("$schema", "$id")
        }
    if isinstance(schema, list):
        return [_strip_x(v) for v in schema]
    return schema


@cache
def _document() -> dict[str, Any]:
    case_form = _strip_x(copy.deepcopy(validation.load_schema("case_form")))
    case_form["properties"]["tags"] = {
        "type": "string",
        "description": "标签，逗号分隔，或重复 tags 字段",
    }
    case_form.pop("additionalProperties", None)
    case_form.pop("allOf", None)
    upload_body = copy.deepcopy(case_form)
    upload_body["properties"]["file"] = {
        "type": "string",
        "format": "binary",
        "description": "案例文档（.docx/.doc/.pdf）",
    }
    upload_body["properties"]["confirm_near_duplicate"] = {
        "type": "string",
        "enum": ["0", "1"],
        "description": "1：确认保存与已有案例高度相似的案例",
    }
    upload_body["properties"]["apply_anonymization"] = {
        "type": "string",
        "enum": ["0", "1"],
        "description": "1：自动替换传统做法/创新做法/应用场景中的地名、人名",
    }
    upload_body["properties"]["anonymize_document"] = {
        "type": "string",
        "enum": ["0", "1"],
        "description": "1：在 Word 文件中把地名、人名替换为中性表述，匿名化后的文件作为案例文档（原文件仅管理员可见）",
    }
    upload_body["properties"]["keep_possible"] = {
        "type": "string",
        "enum": ["0", "1"],
        "description": "1：保留核对过的疑似地名、人名（记入操作日志）",
    }
    upload_body["properties"]["action"] = {
        "type": "string",
        "enum": ["save", "submit"],
        "default": "save",
        "description": "save：保存为草稿；submit：保存并提交本单位审核",
    }
    upload_body["properties"]["call_id"] = {**ID, "description": "所报送的征集通知编号（可选）"}
    upload_body["required"] = [*case_form.get("required", []), "file"]
    edit_body = copy.deepcopy(upload_body)
    edit_body["required"] = []
    review = _strip_x(copy.deepcopy(validation.load_schema("review")))
    review["properties"]["recommendation_form"]["description"] = (
        "推荐形式：仅省营商办管理员和省级业务主管部门可填写与查看"
    )

    cases_tag, lib_tag = ["cases"], ["library"]
    bearer = [{"bearer": []}]
    paths: dict[str, Any] = {
        "/api/v1/token": {
            "post": {
                "tags": ["auth"],
                "summary": "用用户名和密码换取访问令牌",
                "security": [],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["username", "password"],
                                "properties": {
                                    "username": {"type": "string", "minLength": 1},
                                    "password": {"type": "string", "minLength": 1},
                                },
                            }
                        }
                    },
                },
                "responses": {"200": _json(_ref("Token"), "访问令牌"), **_errors(401, 422, 429)},
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "tags": ["meta"],
                "summary": "本文档",
                "security": [],
                "responses": {"200": _json({"type": "object"}, "OpenAPI 文档")},
            }
        },
        "/api/v1/me": {
            "get": {
                "tags": ["auth"],
                "summary": "当前账号",
                "responses": {"200": _json(_ref("User"), "账号"), **_errors(401)},
            }
        },
        "/api/v1/search": {
            "get": {
                "tags": lib_tag,
                "summary": "查询案例（全文、筛选、分面）：与 caselib search --json 相同",
                "parameters": _search_params(),
                "responses": {"200": _json(_ref("SearchResult"), "查询结果"), **_errors(401, 422)},
            }
        },
        "/api/v1/suggest": {
            "get": {
                "tags": lib_tag,
                "summary": "案例名称联想",
                "parameters": [
                    _param("q", {"type": "string"}, required=True, description="前 50 个字用于联想")
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "suggestions": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "case_no": {"type": "string"},
                                            "name": {"type": "string"},
                                        },
                                    },
                                }
                            },
                        },
                        "建议",
                    ),
                    **_errors(401, 422),
                },
            }
        },
        "/api/v1/cases": {
            "post": {
                "tags": cases_tag,
                "summary": "上传案例（表单 + 文件）",
                "requestBody": {
                    "required": True,
                    "content": {"multipart/form-data": {"schema": upload_body}},
                },
                "responses": {
                    "201": _json(_ref("Case"), "新建的案例（status 为 draft 或 submitted）"),
                    **_errors(401, 403, 409, 413, 422),
                },
            }
        },
        "/api/v1/cases/{case_no}": {
            "get": {
                "tags": cases_tag,
                "summary": "案例信息（含 status 与 history；无权查看的未发布案例为 404）",
                "parameters": [CASE_NO],
                "responses": {"200": _json(_ref("Case"), "案例"), **_errors(401, 404)},
            },
            "patch": {
                "tags": cases_tag,
                "summary": "修改草稿、已退回或已撤回的案例（字段规则同上传；文件为新版本）",
                "parameters": [CASE_NO],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {"schema": edit_body},
                        "application/json": {"schema": edit_body},
                    },
                },
                "responses": {
                    "200": _json(_ref("Case"), "修改后的案例"),
                    **_errors(401, 403, 404, 409, 413, 422),
                },
            },
        },
        "/api/v1/cases/{case_no}/file": {
            "get": {
                "tags": cases_tag,
                "summary": "下载原始文件（逐字节相同，文件名见 Content-Disposition 的 filename*）",
                "parameters": [CASE_NO],
                "responses": {
                    "200": {
                        "description": "原始文件（其本身的类型：Word、PDF 等）",
                        "content": {
                            t: {"schema": {"type": "string", "format": "binary"}}
                            for t in DOCUMENT_TYPES
                        },
                    },
                    **_errors(401, 404),
                },
            }
        },
        "/api/v1/cases/{case_no}/view.pdf": {
            "get": {
                "tags": cases_tag,
                "summary": "在线查看的 PDF：扫描件识别后的 PDF、Word 文件的版式预览，或 PDF 原文",
                "parameters": [CASE_NO],
                "responses": {
                    "200": {
                        "description": "PDF",
                        "content": {
                            "application/pdf": {"schema": {"type": "string", "format": "binary"}}
                        },
                    },
                    **_errors(401, 404),
                },
            }
        },
        "/api/v1/cases/{case_no}/preview": {
            "get": {
                "tags": cases_tag,
                "summary": "在线查看：文档的 HTML 片段",
                "parameters": [CASE_NO],
                "responses": {
                    "200": _json(_ref("Preview"), "可在线阅读的文档"),
                    **_errors(401, 404, 422),
                },
            }
        },
        "/api/v1/cases/{case_no}/similar": {
            "get": {
                "tags": cases_tag,
                "summary": "与该案例最相似的案例",
                "parameters": [CASE_NO, LIMIT],
                "responses": {
                    "200": _json(_ref("SimilarHits"), "相似案例"),
                    **_errors(401, 404, 422),
                },
            }
        },
        "/api/v1/cases/{case_no}/reviews": {
            "get": {
                "tags": ["reviews"],
                "summary": "案例的点评与平均分",
                "parameters": [CASE_NO],
                "responses": {"200": _json(_ref("ReviewSummary"), "点评"), **_errors(401, 404)},
            }
        },
        "/api/v1/cases/{case_no}/review": {
            m: {
                "tags": ["reviews"],
                "summary": "点评（每人每案一条，可修改）",
                "parameters": [CASE_NO],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": review}},
                },
                "responses": {
                    "200": _json(_ref("ReviewSaved"), "已更新"),
                    "201": _json(_ref("ReviewSaved"), "已创建"),
                    **_errors(401, 403, 404, 422),
                },
            }
            for m in ("put", "post")
        },
        "/api/v1/similar": {
            "post": {
                "tags": lib_tag,
                "summary": "与草稿（文本或文件）最相似的案例，标出疑似重复",
                "parameters": [LIMIT],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "text": {"type": "string", "maxLength": 20000},
                                    "file": {"type": "string", "format": "binary"},
                                },
                                # A draft's text (not blank) or its file.
                                "anyOf": [
                                    {
                                        "required": ["text"],
                                        "properties": {"text": {"pattern": "\\S"}},
                                    },
                                    {"required": ["file"]},
                                ],
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(_ref("SimilarHits"), "相似案例"),
                    **_errors(401, 413, 422),
                },
            }
        },
        "/api/v1/template": {
            "get": {
                "tags": ["template"],
                "summary": "下载申报表模板（.docx）",
                "responses": {
                    "200": {
                        "description": "申报表模板",
                        "content": {
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    },
                    **_errors(401),
                },
            }
        },
        "/api/v1/template/parse": {
            "post": {
                "tags": ["template"],
                "summary": "从填写好的申报表读出字段",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {"file": {"type": "string", "format": "binary"}},
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(
                        {"type": "object", "properties": {"fields": {"type": "object"}}},
                        "申报表字段",
                    ),
                    **_errors(401, 413, 422),
                },
            }
        },
        "/api/v1/vocabularies": {
            "get": {
                "tags": lib_tag,
                "summary": "案例主题、标签、案例类型、省份（推荐形式仅对有权限的账号列出）",
                "responses": {"200": _json({"type": "object"}, "词表"), **_errors(401)},
            }
        },
        **_workflow_paths(CASE_NO),
        **_stats_paths(),
        **_admin_paths(),
        **_monitoring_paths(),
        **_compilation_paths(),
        "/api/v1/regions": {
            "get": {
                "tags": lib_tag,
                "summary": "行政区划（省 › 市 › 县）的下一级",
                "parameters": [
                    _param(
                        "parent",
                        {"type": "string", "pattern": "^[0-9]{2}([0-9]{2}){0,2}$"},
                        description="上级代码；不填为省级",
                    )
                ],
                "responses": {
                    "200": _json({"type": "object"}, "下级行政区划"),
                    **_errors(401, 422),
                },
            }
        },
    }
    hit = {
        "type": "object",
        "properties": {
            "case_no": {"type": "string"},
            "name": {"type": "string"},
            "file_name": {"type": ["string", "null"]},
            "score": {"type": "number"},
            "highlights": {
                "type": "array",
                "items": {"type": "string"},
                "description": "HTML 片段，命中词用 <mark> 标出，其余已转义",
            },
            "similar_versions": {
                "type": "array",
                "description": "同一文本的其他版本（相似版本，合为这一条）；仅 group=1 时给出",
                "items": {
                    "type": "object",
                    "required": ["case_no", "name"],
                    "properties": {"case_no": {"type": "string"}, "name": {"type": "string"}},
                },
            },
        },
    }
    facet = {"type": "object", "additionalProperties": {"type": "integer"}}
    similar_hit = {
        "type": "object",
        "properties": {
            "case_no": {"type": "string"},
            "name": {"type": "string"},
            "file_name": {"type": ["string", "null"]},
            "similarity": {"type": "number"},
            "near_duplicate": {"type": "boolean"},
        },
    }
    components = {
        "securitySchemes": {
            "bearer": {
                "type": "http",
                "scheme": "bearer",
                "description": "POST /api/v1/token 取得的令牌",
            }
        },
        "schemas": {
            **_stats_schemas(),
            **_admin_schemas(),
            **_monitoring_schemas(),
            **_compilation_schemas(),
            "Error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            },
            "ValidationError": {
                "type": "object",
                "required": ["code", "message", "errors"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "errors": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["field", "code", "message"],
                            "properties": {
                                "field": {"type": "string"},
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        },
                    },
                    "similar": {"type": "array", "items": similar_hit},
                },
            },
            "Conflict": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "status": {"type": "string", "description": "invalid_transition：案例当前状态"},
                    "case_no": {"type": "string", "description": "duplicate_document：已有的案例"},
                    "errors": {"type": "array", "items": {"type": "object"}},
                    "similar": {"type": "array", "items": similar_hit},
                },
            },
            "Token": {
                "type": "object",
                "required": ["token"],
                "properties": {
                    "token": {"type": "string"},
                    "token_type": {"type": "string"},
                    "expires_at": {"type": "string", "format": "date-time"},
                    "user": _ref("User"),
                },
            },
            "User": {
                "type": "object",
                "properties": {
                    "username": {"type": "string"},
                    "display_name": {"type": "string"},
                    "role": {"type": "string"},
                    "role_title": {"type": "string"},
                    "unit": {"type": ["string", "null"]},
                    "region_code": {"type": ["string", "null"]},
                    "region": {"type": ["string", "null"]},
                    "privileged": {"type": "boolean"},
                    "permissions": {"type": "array", "items": {"type": "string"}},
                },
            },
            "SearchResult": {
                "type": "object",
                "required": ["total", "hits", "facets"],
                "properties": {
                    "total": {"type": "integer"},
                    "hits": {"type": "array", "items": hit},
                    "facets": {
                        "type": "object",
                        "properties": {
                            k: facet for k in ("theme", "region", "year", "case_type", "tags")
                        },
                    },
                },
            },
            "Case": {
                "type": "object",
                "properties": {
                    **{
                        k: {"type": ["string", "null"]}
                        for k in (
                            "case_no",
                            "name",
                            "summary",
                            "problem",
                            "solution",
                            "traditional_practice",
                            "innovative_practice",
                            "application_scenario",
                            "theme",
                            "case_type",
                            "case_type_title",
                            "borrowed_from",
                            "borrowed_from_name",
                            "region_code",
                            "region",
                            "unit",
                            "contact_name",
                            "contact_phone",
                            "published_at",
                            "status",
                            "status_title",
                            "submitted_at",
                        )
                    },
                    "unit_id": {"type": ["integer", "null"]},
                    "call_id": {"type": ["integer", "null"]},
                    "late": {"type": "boolean"},
                    "can_edit": {"type": "boolean"},
                    "actions": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "当前账号此刻可执行的流程操作",
                    },
                    "theme_path": {"type": "array", "items": {"type": "string"}},
                    "history": {"type": "array", "items": _ref("HistoryEntry")},
                    "versions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "version": {"type": "integer"},
                                "name": {"type": "string"},
                                "size": {"type": "integer"},
                                "sha256": {"type": "string"},
                                "at": {"type": ["string", "null"]},
                            },
                        },
                    },
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "borrowed_count": {"type": "integer"},
                    "compilations": {
                        "type": "array",
                        "description": "已收录于：收录该案例的案例汇编（id 仅对可查看汇编的账号给出）",
                        "items": _ref("CompilationRef"),
                    },
                    "borrowed_by": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "case_no": {"type": "string"},
                                "name": {"type": "string"},
                            },
                        },
                    },
                    "rating_avg": {"type": ["number", "null"]},
                    "rating_count": {"type": "integer"},
                    "file": {
                        "type": ["object", "null"],
                        "properties": {
                            "name": {"type": "string"},
                            "size": {"type": "integer"},
                            "sha256": {"type": "string"},
                            "media_type": {"type": "string"},
                            "format": {"type": "string"},
                            "pages": {"type": ["integer", "null"]},
                        },
                    },
                },
            },
            **_workflow_schemas(),
            "Preview": {
                "type": "object",
                "properties": {
                    "case_no": {"type": "string"},
                    "file_name": {"type": "string"},
                    "format": {"type": "string"},
                    "pages": {"type": ["integer", "null"]},
                    "html": {"type": "string", "description": "安全的 HTML 片段"},
                },
            },
            "SimilarHits": {
                "type": "object",
                "properties": {"hits": {"type": "array", "items": similar_hit}},
            },
            "Review": {
                "type": "object",
                "properties": {
                    "case_no": {"type": "string"},
                    "username": {"type": "string"},
                    "reviewer": {"type": "string"},
                    "unit": {"type": ["string", "null"]},
                    "recommend": {"type": "boolean"},
                    "rating": {"type": "integer"},
                    "comment": {"type": ["string", "null"]},
                    "recommendation_form": {
                        "type": ["string", "null"],
                        "description": "仅对有权限的账号返回",
                    },
                    "updated_at": {"type": "string"},
                },
            },
            "ReviewSummary": {
                "type": "object",
                "properties": {
                    "rating_avg": {"type": ["number", "null"]},
                    "rating_count": {"type": "integer"},
                    "recommend_count": {"type": "integer"},
                    "distribution": facet,
                    "reviews": {"type": "array", "items": _ref("Review")},
                },
            },
            "ReviewSaved": {
                "type": "object",
                "properties": {"review": _ref("Review"), "summary": _ref("ReviewSummary")},
            },
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "营商环境改革创新案例库 API",
            "version": VERSION,
            "description": "除 /api/v1/token 与本文档外，每个接口都需要 Authorization: Bearer 令牌；"
            "错误返回 {code, message}，字段错误另有 errors 列出每个有误的字段。",
        },
        "servers": [{"url": "/"}],
        "security": bearer,
        "paths": paths,
        "components": components,
    }


def document() -> dict[str, Any]:
    return _document()


def serve():
    """``GET /api/v1/openapi.json``."""
    from flask import jsonify

    return jsonify(document())


CALL_ID = _param("call_id", ID, "path", required=True, description="征集通知编号")


def _obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props}


def _workflow_paths(case_no: dict[str, Any]) -> dict[str, Any]:
    wf = ["workflow"]
    call_body = {
        "type": "object",
        "required": ["title", "deadline"],
        "properties": {
            "title": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "\\S"},
            "notice": {"type": "string", "maxLength": 20000},
            "deadline": {
                "type": "string",
                "format": "date-time",
                "description": "ISO 8601；不带时区的时间按北京时间",
            },
            "target_unit_ids": {"type": "array", "items": ID},
            "target_region": {"type": "string", "description": "该地区及下级的全部单位"},
            "case_types": {
                "type": "array",
                "items": {"enum": ["original", "innovation_borrowed", "rectification_borrowed"]},
            },
        },
    }
    binary = {"type": "string", "format": "binary"}
    return {
        "/api/v1/cases/{case_no}/transitions": {
            "post": {
                "tags": wf,
                "summary": "流程操作：提交、撤回、审核通过、退回（须填理由）、发布",
                "parameters": [case_no],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["action"],
                                "properties": {
                                    "action": {
                                        "enum": [
                                            "submit",
                                            "approve",
                                            "return",
                                            "publish",
                                            "withdraw",
                                        ]
                                    },
                                    "reason": {"type": "string", "maxLength": 500},
                                    "confirm_names": {
                                        "type": "boolean",
                                        "description": "审核时确认文档（PDF）中留下的地名、人名可以入库",
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(_ref("Case"), "操作后的案例"),
                    **_errors(401, 403, 404, 409, 422),
                },
            }
        },
        "/api/v1/calls": {
            "get": {
                "tags": wf,
                "summary": "当前账号可见的征集通知",
                "responses": {
                    "200": _json(_obj(calls={"type": "array", "items": _ref("Call")}), "征集通知"),
                    **_errors(401),
                },
            },
            "post": {
                "tags": wf,
                "summary": "发布征集通知（营商办）",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": call_body},
                        "multipart/form-data": {
                            "schema": {
                                **call_body,
                                "properties": {
                                    **call_body["properties"],
                                    "attachments": {"type": "array", "items": binary},
                                },
                            }
                        },
                    },
                },
                "responses": {
                    "201": _json(_ref("Call"), "征集通知"),
                    **_errors(401, 403, 413, 422),
                },
            },
        },
        "/api/v1/calls/{call_id}": {
            "get": {
                "tags": wf,
                "summary": "征集通知及各目标单位的报送情况（progress）",
                "parameters": [CALL_ID],
                "responses": {"200": _json(_ref("Call"), "征集通知"), **_errors(401, 404)},
            }
        },
        "/api/v1/calls/{call_id}/attachments/{attachment_id}": {
            "get": {
                "tags": wf,
                "summary": "下载征集通知的附件",
                "parameters": [
                    CALL_ID,
                    _param("attachment_id", ID, "path", required=True),
                ],
                "responses": {
                    "200": {
                        "description": "附件（其本身的类型，按文件名）",
                        "content": {"*/*": {"schema": binary}},
                    },
                    **_errors(401, 404),
                },
            }
        },
        "/api/v1/units": {
            "get": {
                "tags": ["accounts"],
                "summary": "单位列表",
                "parameters": [
                    _param("region", {"type": "string"}, description="只列该地区及下级的单位")
                ],
                "responses": {
                    "200": _json(
                        {
                            "type": "array",
                            "items": _obj(
                                id={"type": "integer"},
                                name={"type": "string"},
                                region_code={"type": ["string", "null"]},
                            ),
                        },
                        "单位",
                    ),
                    **_errors(401, 422),
                },
            }
        },
        "/api/v1/notifications": {
            "get": {
                "tags": wf,
                "summary": "我的通知（最新在前）与未读数",
                "parameters": [
                    _param(
                        "unread", {"type": "string", "enum": ["0", "1"]}, description="1：只列未读"
                    )
                ],
                "responses": {
                    "200": _json(
                        _obj(
                            unread={"type": "integer"},
                            items={"type": "array", "items": _ref("Notification")},
                        ),
                        "通知",
                    ),
                    **_errors(401, 422),
                },
            }
        },
        "/api/v1/notifications/read": {
            "post": {
                "tags": wf,
                "summary": "标为已读（ids 不填为全部）",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                ids={
                                    "type": ["array", "null"],
                                    "items": ID,
                                    "description": "不填或 null：全部",
                                }
                            )
                        }
                    }
                },
                "responses": {
                    "200": _json(_obj(marked={"type": "integer"}), "已标记的条数"),
                    **_errors(401, 422),
                },
            }
        },
        "/api/v1/my/cases": {
            "get": {
                "tags": wf,
                "summary": "我的案例：本单位和本人的案例（各状态，含流转记录）",
                "parameters": [
                    _param("status", {"type": "string", "enum": list(STATUSES)}, description="状态")
                ],
                "responses": {
                    "200": _json(
                        _obj(cases={"type": "array", "items": {"type": "object"}}), "案例"
                    ),
                    **_errors(401, 422),
                },
            }
        },
        "/api/v1/todo": {
            "get": {
                "tags": wf,
                "summary": "待办：待报送的征集、待修改、待审核、待发布",
                "responses": {
                    "200": _json(
                        _obj(items={"type": "array", "items": {"type": "object"}}), "待办"
                    ),
                    **_errors(401),
                },
            }
        },
    }


def _workflow_schemas() -> dict[str, Any]:
    return {
        "HistoryEntry": _obj(
            at={"type": ["string", "null"]},
            by={"type": "string"},
            action={"type": "string"},
            **{"from": {"type": ["string", "null"]}},
            to={"type": "string"},
            reason={"type": ["string", "null"]},
        ),
        "Notification": _obj(
            id={"type": "integer"},
            kind={"type": "string"},
            kind_title={"type": "string"},
            title={"type": "string"},
            body={"type": "string"},
            link={"type": ["string", "null"]},
            created_at={"type": "string"},
            read={"type": "boolean"},
        ),
        "Call": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "notice": {"type": "string"},
                "deadline": {"type": "string", "description": "北京时间，ISO 8601"},
                "deadline_utc": {"type": "string"},
                "overdue": {"type": "boolean"},
                "closed": {"type": "boolean"},
                "case_types": {"type": ["array", "null"], "items": {"type": "string"}},
                "target_unit_ids": {"type": "array", "items": ID},
                "attachments": {"type": "array", "items": {"type": "object"}},
                "progress": _obj(
                    target={"type": "integer"},
                    submitted={"type": "integer"},
                    on_time={"type": "integer"},
                    late={"type": "integer"},
                    not_submitted={"type": "integer"},
                    counts={"type": "object", "additionalProperties": {"type": "integer"}},
                    units={
                        "type": "array",
                        "items": _obj(
                            unit_id={"type": "integer"},
                            unit={"type": "string"},
                            state={
                                "enum": [
                                    "not_submitted",
                                    "draft",
                                    "submitted",
                                    "approved",
                                    "published",
                                    "returned",
                                    "overdue",
                                ]
                            },
                            cases={"type": "array", "items": {"type": "string"}},
                        ),
                    },
                ),
            },
        },
    }


YEAR = {"type": "integer", "minimum": 2000, "maximum": 2100}
STATS_PARAMS = [
    _param(
        "by",
        {"enum": ["region", "unit", "year", "type", "call"], "default": "region"},
        description="统计维度：地区（下一级，含本级）、单位、年度、案例类型、征集通知",
    ),
    _param(
        "region",
        {"type": "string", "pattern": "^[0-9]{2}([0-9]{2}){0,2}$"},
        description="地区代码（含下级）；营商办默认本地区，管理员默认 CASELIB_PROVINCE",
    ),
    _param("year", YEAR, description="年度"),
    _param("from", {"type": "string", "format": "date"}, description="开始日期（北京时间，含）"),
    _param("to", {"type": "string", "format": "date"}, description="结束日期（北京时间，含）"),
]


def _stats_paths() -> dict[str, Any]:
    tag = ["stats"]
    binary = {"type": "string", "format": "binary"}
    return {
        "/api/v1/stats": {
            "get": {
                "tags": tag,
                "summary": "入库考核统计：各行指标、得分与排名、合计（与 caselib stats --json 相同）",
                "parameters": STATS_PARAMS,
                "responses": {"200": _json(_ref("Stats"), "统计"), **_errors(401, 403, 422)},
            }
        },
        "/api/v1/stats.xlsx": {
            "get": {
                "tags": tag,
                "summary": "统计导出为 Excel：按地区、按单位、按年度、按类型、按征集通知、案例明细、说明",
                "parameters": STATS_PARAMS,
                "responses": {
                    "200": {
                        "description": "工作簿",
                        "content": {
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                                "schema": binary
                            }
                        },
                    },
                    **_errors(401, 403, 422),
                },
            }
        },
        "/api/v1/stats.csv": {
            "get": {
                "tags": tag,
                "summary": "统计导出为 CSV（by 所选维度的各行与合计，UTF-8 带 BOM）",
                "parameters": STATS_PARAMS,
                "responses": {
                    "200": {"description": "CSV", "content": {"text/csv": {"schema": binary}}},
                    **_errors(401, 403, 422),
                },
            }
        },
        "/api/v1/stats/cases": {
            "get": {
                "tags": tag,
                "summary": "某一指标背后的案例（或点评、征集目标单位）：条数等于该指标",
                "parameters": [
                    *STATS_PARAMS,
                    _param(
                        "figure",
                        {
                            "enum": [
                                "submitted",
                                "approved",
                                "published",
                                "returned",
                                "original",
                                "innovation_borrowed",
                                "rectification_borrowed",
                                "unknown_type",
                                "times_borrowed",
                                "reviews",
                                "targets",
                                "on_time",
                                "late",
                                "not_submitted",
                                "rectifications",
                            ]
                        },
                        required=True,
                        description="指标",
                    ),
                    _param("key", {"type": "string"}, description="行的 key；不填为合计"),
                ],
                "responses": {
                    "200": _json(_ref("StatsItems"), "指标背后的条目"),
                    **_errors(401, 403, 422),
                },
            }
        },
        "/api/v1/stats/weights": {
            "get": {
                "tags": tag,
                "summary": "某年度的计分权重（当前版本与历史版本）",
                "parameters": [_param("year", YEAR, description="年度，默认今年")],
                "responses": {
                    "200": _json(
                        _obj(
                            weights=_ref("Weights"),
                            versions={"type": "array", "items": _ref("Weights")},
                            keys={"type": "array", "items": {"type": "object"}},
                        ),
                        "权重",
                    ),
                    **_errors(401, 403, 422),
                },
            },
            "put": {
                "tags": tag,
                "summary": "设置某年度的计分权重（管理员；新增一个版本；年度结束后冻结：409）",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["values"],
                                "properties": {
                                    "year": YEAR,
                                    "values": {
                                        "type": "object",
                                        "properties": {
                                            k.key: {
                                                "type": ["number", "string"],
                                                "minimum": float(k.low),
                                                "maximum": float(k.high),
                                                "description": f"{k.title}：{k.help}"
                                                "（最多两位小数）",
                                            }
                                            for k in weights.KEYS
                                        },
                                        "additionalProperties": False,
                                        "minProperties": 1,
                                    },
                                    "note": {"type": "string", "maxLength": 200},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(_ref("Weights"), "新版本"),
                    **_errors(401, 403, 409, 422),
                },
            },
        },
    }


def _stats_schemas() -> dict[str, Any]:
    count = {"type": "integer"}
    nullable_count = {"type": ["integer", "null"]}
    row = _obj(
        key={
            "type": ["string", "integer"],
            "description": "地区代码、单位编号、年度、类型或通知编号",
        },
        name={"type": "string"},
        submitted=count,
        approved=count,
        published=count,
        returned=count,
        original=count,
        innovation_borrowed=count,
        rectification_borrowed=count,
        unknown_type=count,
        times_borrowed=count,
        reviews=count,
        avg_rating={"type": ["number", "null"]},
        targets=count,
        on_time=count,
        late=count,
        not_submitted=count,
        rectifications={**nullable_count, "description": "监测预警模块接入前为 null"},
        score={"type": ["number", "null"], "description": "按地区、单位、年度时有"},
        rank={"type": ["integer", "null"], "description": "按地区、单位时有；同分同名次"},
        explanation={
            "type": ["string", "null"],
            "description": "如 首创 2 × 3 + 被借鉴 3 × 1 = 9 分",
        },
    )
    weights = _obj(
        year={"type": "integer"},
        version={"type": "integer", "description": "0：默认权重"},
        default={"type": "boolean"},
        frozen={"type": "boolean"},
        values={"type": "object", "additionalProperties": {"type": "number"}},
        set_at={"type": ["string", "null"]},
        set_by={"type": ["string", "null"]},
        note={"type": ["string", "null"]},
    )
    return {
        "StatsRow": row,
        "Weights": weights,
        "Stats": _obj(
            rows={"type": "array", "items": _ref("StatsRow")},
            totals=_ref("StatsRow"),
            filters={"type": "object"},
            weights=_ref("Weights"),
            trend={
                "type": "array",
                "items": _obj(month={"type": "string"}, submitted=count, published=count),
            },
        ),
        "StatsItems": _obj(
            figure={"type": "string"},
            figure_title={"type": "string"},
            key={"type": ["string", "integer", "null"]},
            row={"type": "string"},
            count=count,
            items={"type": "array", "items": {"type": "object"}},
            filters={"type": "object"},
        ),
    }


# An audit log's action or object type: dotted lower-case words (auth.login_failed).
AUDIT_CODE = {"type": "string", "maxLength": 40, "pattern": "^[a-z_]+(\\.[a-z_]+)*$"}


def _admin_paths() -> dict[str, Any]:
    """The admin services (省营商办 only: 403 for every other role)."""
    adm = ["admin"]
    username = _param("username", {"type": "string"}, "path", required=True, description="用户名")
    unit_id = _param("unit_id", ID, "path", required=True, description="单位编号")
    vocab = _param(
        "vocab",
        {"type": "string", "enum": ["themes", "tags", "methods"]},
        "path",
        required=True,
        description="词表：themes 案例主题（目录式分类），tags 统一标签，methods 整改方式",
    )
    item_id = _param("item_id", ID, "path", required=True, description="条目编号")
    # An entry's name: not blank; at most 40 characters (主题; 标签 and 整改方式: 20).
    vocab_name = {"type": "string", "minLength": 1, "maxLength": 40, "pattern": "\\S"}
    account = _ref("Account")
    user_fields = {
        "display_name": {"type": "string", "maxLength": 64},
        "role": {"enum": ["submitter", "approver", "coordinator", "reviewer", "admin"]},
        "unit_id": {
            "type": ["integer", "null"],
            "minimum": 1,
            "maximum": MAX_ID,
            "description": "填报单位、单位审核人必填",
        },
        "region": {
            "type": ["string", "null"],
            "description": "行政区划代码或名称；营商办、业务主管部门必填；不填则取单位的地区",
        },
    }
    with_password = _obj(
        user=account,
        password={"type": "string", "description": "随机生成的临时密码（只返回这一次）"},
    )
    unit_body = _obj(
        name={"type": "string", "maxLength": 100, "pattern": "\\S"},
        region={"type": ["string", "null"], "description": "行政区划代码或名称"},
        parent={
            "type": ["integer", "string", "null"],
            "minimum": 1,
            "maximum": MAX_ID,
            "description": "上级单位的编号或名称",
        },
    )
    unit = _ref("AdminUnit")
    change = _ref("VocabChange")

    def body(schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
        # The services refuse a field they do not know (unknown_field).
        schema = {**schema, "additionalProperties": False}
        return {"required": required, "content": {"application/json": {"schema": schema}}}

    def action(summary: str, params: list, ok: dict, *codes: int) -> dict[str, Any]:
        return {
            "post": {
                "tags": adm,
                "summary": summary,
                "parameters": params,
                "responses": {"200": ok, **_errors(401, 403, 404, *codes)},
            }
        }

    audit_params = [
        _param(
            "actor",
            {"type": "string", "maxLength": 64},
            description="操作人：用户名或姓名中的文字",
        ),
        _param("action", AUDIT_CODE, description="操作代码，如 auth.login_failed"),
        _param("object_type", AUDIT_CODE, description="对象类型：user、unit、case…"),
        _param(
            "object_id",
            {"type": "string", "maxLength": 64},
            description="对象编号：用户名、案例编号…",
        ),
        _param("from", {"type": "string", "format": "date"}, description="起始日期（北京时间）"),
        _param("to", {"type": "string", "format": "date"}, description="截止日期（北京时间，含）"),
    ]
    paging = [
        _param("page", {"type": "integer", "minimum": 1, "maximum": 100_000, "default": 1}),
        _param("per_page", {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}),
    ]
    return {
        "/api/v1/admin/users": {
            "get": {
                "tags": adm,
                "summary": "账号列表（含已停用）",
                "parameters": [
                    _param("q", {"type": "string"}, description="用户名或姓名中的文字"),
                    _param("role", user_fields["role"]),
                    _param("unit_id", ID),
                    _param("status", {"enum": ["active", "inactive", "locked"]}),
                ],
                "responses": {
                    "200": _json(_obj(users={"type": "array", "items": account}), "账号"),
                    **_errors(401, 403, 422),
                },
            },
            "post": {
                "tags": adm,
                "summary": "新建账号（不给 password 则生成随机临时密码，只返回一次）",
                "requestBody": body(
                    {
                        "type": "object",
                        "required": ["username", "role"],
                        "properties": {
                            "username": {"type": "string", "pattern": "^[A-Za-z0-9_.\\-]{2,64}$"},
                            "password": {"type": "string", "minLength": 8},
                            **user_fields,
                        },
                    }
                ),
                "responses": {"201": _json(with_password, "新账号"), **_errors(401, 403, 422)},
            },
        },
        "/api/v1/admin/users/{username}": {
            "get": {
                "tags": adm,
                "summary": "账号",
                "parameters": [username],
                "responses": {"200": _json(account, "账号"), **_errors(401, 403, 404)},
            },
            "patch": {
                "tags": adm,
                "summary": "修改姓名、角色、单位、地区（不能修改自己的角色）",
                "parameters": [username],
                "requestBody": body({**_obj(**user_fields), "minProperties": 1}),
                "responses": {"200": _json(account, "账号"), **_errors(401, 403, 404, 422)},
            },
        },
        "/api/v1/admin/users/{username}/password": {
            "post": {
                "tags": adm,
                "summary": "重置密码（不给 password 则生成随机临时密码）；解除锁定，作废访问令牌"
                "（不能重置自己的：409 own_account）",
                "parameters": [username],
                "requestBody": body(_obj(password={"type": "string", "minLength": 8}), False),
                "responses": {
                    "200": _json(with_password, "账号"),
                    **_errors(401, 403, 404, 409, 422),
                },
            }
        },
        "/api/v1/admin/users/{username}/deactivate": action(
            "停用账号：不能登录，访问令牌作废（不能停用自己：409 own_account）",
            [username],
            _json(account, "账号"),
            409,
        ),
        "/api/v1/admin/users/{username}/reactivate": action(
            "启用已停用的账号", [username], _json(account, "账号")
        ),
        "/api/v1/admin/users/{username}/unlock": action(
            "解除登录失败锁定", [username], _json(account, "账号")
        ),
        "/api/v1/admin/units": {
            "get": {
                "tags": adm,
                "summary": "单位列表（含已停用，附账号数）",
                "responses": {
                    "200": _json(_obj(units={"type": "array", "items": unit}), "单位"),
                    **_errors(401, 403),
                },
            },
            "post": {
                "tags": adm,
                "summary": "新建单位",
                "requestBody": body({**unit_body, "required": ["name"]}),
                "responses": {"201": _json(unit, "新单位"), **_errors(401, 403, 422)},
            },
        },
        "/api/v1/admin/units/{unit_id}": {
            "patch": {
                "tags": adm,
                "summary": "改名、改地区、改上级单位（parent 为 null 表示无上级）",
                "parameters": [unit_id],
                "requestBody": body({**unit_body, "minProperties": 1}),
                "responses": {"200": _json(unit, "单位"), **_errors(401, 403, 404, 422)},
            }
        },
        "/api/v1/admin/units/{unit_id}/deactivate": action(
            "停用单位（不再出现在单位选择和征集目标中）", [unit_id], _json(unit, "单位")
        ),
        "/api/v1/admin/units/{unit_id}/reactivate": action(
            "启用单位", [unit_id], _json(unit, "单位")
        ),
        "/api/v1/admin/vocabularies": {
            "get": {
                "tags": adm,
                "summary": "可编辑的词表：案例主题（分组及主题）、统一标签，附使用的案例数",
                "responses": {
                    "200": _json(
                        _obj(
                            vocabularies={
                                "type": "array",
                                "items": _obj(
                                    key={"type": "string"},
                                    title={"type": "string"},
                                    tree={"type": "boolean"},
                                    items={"type": "array", "items": _ref("VocabItem")},
                                ),
                            }
                        ),
                        "词表",
                    ),
                    **_errors(401, 403),
                },
            }
        },
        "/api/v1/admin/vocabularies/{vocab}": {
            "post": {
                "tags": adm,
                "summary": "新增条目：主题须给 parent_id（所属分组），不给则新增分组",
                "parameters": [vocab],
                "requestBody": body(
                    {
                        "type": "object",
                        "required": ["name"],
                        "properties": {
                            "name": vocab_name,
                            "parent_id": {**ID, "type": ["integer", "null"]},
                        },
                    }
                ),
                "responses": {
                    "201": _json(_ref("VocabItem"), "新条目"),
                    **_errors(401, 403, 404, 409, 422),
                },
            }
        },
        "/api/v1/admin/vocabularies/{vocab}/{item_id}": {
            "patch": {
                "tags": adm,
                "summary": "改名（name，案例随之更新并重新索引）或移动（position 从 0 起；"
                "主题可给 parent_id 移到其他分组）",
                "parameters": [vocab, item_id],
                "requestBody": body(
                    {
                        **_obj(
                            name=vocab_name,
                            position={"type": "integer", "minimum": 0, "maximum": MAX_ID},
                            parent_id=ID,
                        ),
                        "minProperties": 1,
                    }
                ),
                "responses": {"200": _json(change, "结果"), **_errors(401, 403, 404, 409, 422)},
            },
            "delete": {
                "tags": adm,
                "summary": "删除没有案例使用的条目（或空分组）；仍被使用为 409",
                "parameters": [vocab, item_id],
                "responses": {"200": _json(change, "结果"), **_errors(401, 403, 404, 409)},
            },
        },
        "/api/v1/admin/vocabularies/{vocab}/{item_id}/merge": {
            "post": {
                "tags": adm,
                "summary": "把条目合并到 into：其案例全部改为 into（标签去重），原条目删除，案例重新索引",
                "parameters": [vocab, item_id],
                "requestBody": body(
                    {
                        "type": "object",
                        "required": ["into"],
                        "properties": {"into": ID},
                    }
                ),
                "responses": {"200": _json(change, "结果"), **_errors(401, 403, 404, 409, 422)},
            }
        },
        "/api/v1/audit": {
            "get": {
                "tags": adm,
                "summary": "操作日志：筛选、分页（最新在前），操作与详情为中文",
                "parameters": audit_params + paging,
                "responses": {
                    "200": _json(_ref("AuditPage"), "操作日志"),
                    **_errors(401, 403, 422),
                },
            }
        },
        "/api/v1/audit/export": {
            "get": {
                "tags": adm,
                "summary": "按同样的筛选导出全部记录（.xlsx）",
                "parameters": audit_params,
                "responses": {
                    "200": {
                        "description": "Excel 工作簿",
                        "content": {
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    },
                    **_errors(401, 403, 422),
                },
            }
        },
    }


def _admin_schemas() -> dict[str, Any]:
    nullable = {"type": ["string", "null"]}
    return {
        "Account": _obj(
            id={"type": "integer"},
            username={"type": "string"},
            display_name={"type": "string"},
            role={"type": "string"},
            role_title={"type": "string"},
            unit_id={"type": ["integer", "null"]},
            unit=nullable,
            region_code=nullable,
            region=nullable,
            active={"type": "boolean"},
            locked={"type": "boolean"},
            locked_until=nullable,
            failed_logins={"type": "integer"},
            status={"enum": ["active", "inactive", "locked"]},
            status_title={"type": "string"},
            created_at=nullable,
        ),
        "AdminUnit": _obj(
            id={"type": "integer"},
            name={"type": "string"},
            region_code=nullable,
            region={"type": "string"},
            parent_id={"type": ["integer", "null"]},
            parent=nullable,
            active={"type": "boolean"},
            members={"type": "integer"},
        ),
        "VocabItem": _obj(
            id={"type": "integer"},
            name={"type": "string"},
            position={"type": "integer"},
            uses={"type": "integer", "description": "使用该条目的案例数（各状态）"},
            parent_id={"type": "integer"},
            children={"type": "array", "items": {"type": "object"}},
        ),
        "VocabChange": _obj(
            message={"type": "string"},
            carried={
                "type": "array",
                "items": {"type": "string"},
                "description": "随之更新并重新索引的已发布案例编号",
            },
        ),
        "AuditPage": _obj(
            total={"type": "integer"},
            page={"type": "integer"},
            pages={"type": "integer"},
            per_page={"type": "integer"},
            filter={"type": "object"},
            items={
                "type": "array",
                "items": _obj(
                    id={"type": "integer"},
                    at={"type": "string", "description": "北京时间，ISO 8601（+08:00）"},
                    at_utc={"type": "string"},
                    actor={"type": "string"},
                    actor_name={"type": "string"},
                    action={"type": "string"},
                    action_name={"type": "string", "description": "操作的中文名称"},
                    object_type={"type": "string"},
                    object_type_name={"type": "string"},
                    object_id=nullable,
                    object={"type": "string"},
                    details={
                        "type": "array",
                        "items": _obj(title={"type": "string"}, text={"type": "string"}),
                    },
                    detail={"type": "object", "description": "原始记录"},
                ),
            },
        ),
    }


# -- 监测预警 and 整改举措 ---------------------------------------------------------------------

WARNING_ID = _param("warning_id", ID, "path", required=True, description="预警编号")
# A period as library.monitoring.periods reads it: 2024, 2024Q1, 2024-Q1, 2024年第1季度…
PERIOD = {
    "type": "string",
    "pattern": "^\\s*(20[0-9]{2}|19[5-9][0-9])((年|\\.0)?|\\s*[-_/ ]?\\s*[Qq][1-4]"
    "|年?\\s*第?[1-4一二三四]季度?)\\s*$",
}
# A method's name (整改方式): not blank, at most 20 characters.
METHOD_NAME = {"type": "string", "minLength": 1, "maxLength": 20, "pattern": "\\S"}
_BINARY = {"type": "string", "format": "binary"}
# What GET /api/v1/evidence/{file_id}/file answers with: the file's own type.
EVIDENCE_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/jpeg",
    "image/png",
    "application/octet-stream",
)
_NUMBER_OR_NULL = {"type": ["number", "null"]}


def _monitoring_paths() -> dict[str, Any]:
    tag = ["monitoring"]
    filters = [
        _param("region", {"type": "string"}, description="所属地区代码（含下级），如 330200"),
        _param("indicator", {"type": "string"}, description="二级指标名称（或其别名）"),
        _param("group", {"type": "string"}, description="一级指标名称"),
        _param("period", PERIOD, description="期间：2024 或 2024Q1"),
        _param(
            "state",
            {"enum": ["open", "rectifying", "resolved", "unresolved"]},
            description="open 待整改、rectifying 整改中、resolved 已整改、unresolved 未整改完成",
        ),
        _param(
            "q", {"type": "string", "maxLength": 100}, description="搜索整改说明与佐证材料的文字"
        ),
    ]
    rows_body = {
        "type": "object",
        "required": ["rows"],
        "properties": {
            "rows": {
                "type": "array",
                "items": _obj(
                    period={"type": "string", "example": "2024"},
                    region_code={"type": "string", "example": "330200"},
                    indicator={"type": "string", "example": "收回债务所需的时间"},
                    value={"type": ["number", "string"], "example": 2.0},
                ),
            },
            "skip_bad_rows": {"type": "boolean", "default": False},
        },
    }
    indicator_body = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 60, "pattern": "\\S"},
            "group": {
                "type": "string",
                "maxLength": 40,
                "description": "一级指标（新建指标时必填）",
            },
            "unit": {
                "type": "string",
                "maxLength": 20,
                "description": "计量单位：年、天、%、元、分、个…",
            },
            "better": {"enum": ["lower", "higher"]},
            "decimals": {"type": "integer", "minimum": 0, "maximum": 6},
            "global_best_economy": {"type": ["string", "null"]},
            "global_best_value": _NUMBER_OR_NULL,
            "warning_line": _NUMBER_OR_NULL,
            "warning_bottom": {"type": ["integer", "null"], "minimum": 1},
            "warning_above_average": {"type": ["number", "null"], "exclusiveMinimum": 0},
        },
        "description": "给出的字段被修改，值为 null 的字段被清除；该指标的预警随即重新计算",
    }
    file_response = {
        "description": "文件原样字节（其自身的类型），文件名见 Content-Disposition（RFC 5987，中文名）",
        "content": {t: {"schema": _BINARY} for t in EVIDENCE_TYPES},
    }
    return {
        "/api/v1/warnings": {
            "get": {
                "tags": tag,
                "summary": "监测预警列表（与 caselib monitoring warnings --json 相同的条目）",
                "parameters": filters,
                "responses": {
                    "200": _json(
                        _obj(
                            warnings={"type": "array", "items": _ref("Warning")},
                            total={"type": "integer"},
                            demo={"type": "boolean", "description": "是否含示例数据"},
                        ),
                        "预警",
                    ),
                    **_errors(401, 422),
                },
            }
        },
        "/api/v1/warnings/{warning_id}": {
            "get": {
                "tags": tag,
                "summary": "一条预警：预警说明、趋势、整改举措及其佐证材料、处理记录",
                "parameters": [WARNING_ID],
                "responses": {"200": _json(_ref("WarningDetail"), "预警"), **_errors(401, 404)},
            }
        },
        "/api/v1/warnings/{warning_id}/rectifications": {
            "post": {
                "tags": tag,
                "summary": "登记整改举措：整改方式、整改说明和一个或多个佐证材料（可多次登记）",
                "parameters": [WARNING_ID],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["method", "files"],
                                "properties": {
                                    "method": {
                                        "type": "string",
                                        "minLength": 1,
                                        "pattern": NOT_BLANK,
                                        "description": "整改方式（名称或编号）",
                                    },
                                    "description": {"type": "string", "maxLength": 2000},
                                    "files": {
                                        "type": "array",
                                        "items": _BINARY,
                                        "minItems": 1,
                                        "maxItems": 10,
                                        "description": ".docx、.pdf、.xlsx、.jpg、.png，最多 10 个",
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "201": _json(_ref("Rectification"), "登记的整改举措"),
                    **_errors(401, 403, 404, 422),
                },
            }
        },
        "/api/v1/warnings/{warning_id}/close": {
            "post": {
                "tags": tag,
                "summary": "整改销号（该地区及上级营商办、管理员）：状态改为已整改",
                "parameters": [WARNING_ID],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": _obj(note={"type": "string", "maxLength": 500})
                        }
                    }
                },
                "responses": {
                    "200": _json(_ref("WarningDetail"), "预警"),
                    **_errors(401, 403, 404, 409, 422),
                },
            }
        },
        "/api/v1/evidence/{file_id}/file": {
            "get": {
                "tags": tag,
                "summary": "下载佐证材料（原样字节，中文文件名）",
                "parameters": [_param("file_id", ID, "path", required=True)],
                "responses": {"200": file_response, **_errors(401, 404)},
            }
        },
        "/api/v1/indicators": {
            "get": {
                "tags": tag,
                "summary": "一级指标及其二级指标（单位、方向、全球最佳、预警规则）",
                "responses": {
                    "200": _json(
                        _obj(groups={"type": "array", "items": _ref("IndicatorGroup")}), "指标"
                    ),
                    **_errors(401),
                },
            },
            "post": {
                "tags": tag,
                "summary": "新建或修改指标（管理员），与 caselib monitoring indicator set 相同",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": indicator_body}},
                },
                "responses": {"200": _json(_ref("Indicator"), "指标"), **_errors(401, 403, 422)},
            },
        },
        "/api/v1/indicator-values": {
            "post": {
                "tags": tag,
                "summary": "导入监测数值（管理员）：JSON 行或 .csv/.xlsx 文件；有错误的行全部列出，默认不导入任何数据",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": rows_body},
                        "multipart/form-data": {
                            "schema": _obj(
                                file=_BINARY, skip_bad_rows={"type": "string", "enum": ["0", "1"]}
                            )
                        },
                    },
                },
                "responses": {
                    "201": _json(_ref("ImportReport"), "导入结果"),
                    **_errors(401, 403, 422),
                },
            }
        },
        "/api/v1/rectification-methods": {
            "get": {
                "tags": tag,
                "summary": "整改方式（all=1 含已停用的）",
                "parameters": [_param("all", {"type": "string", "enum": ["0", "1"]})],
                "responses": {
                    "200": _json(
                        _obj(methods={"type": "array", "items": _ref("Method")}), "整改方式"
                    ),
                    **_errors(401, 422),
                },
            },
            "post": {
                "tags": tag,
                "summary": "新增整改方式（管理员）",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {**_obj(name=METHOD_NAME), "required": ["name"]}
                        }
                    },
                },
                "responses": {
                    "201": _json(_ref("Method"), "整改方式"),
                    **_errors(401, 403, 409, 422),
                },
            },
        },
        "/api/v1/rectification-methods/{method_id}": {
            "patch": {
                "tags": tag,
                "summary": "修改整改方式：改名、排序、停用或启用（管理员）",
                "parameters": [_param("method_id", ID, "path", required=True)],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                **_obj(
                                    name=METHOD_NAME,
                                    position={"type": "integer", "minimum": 0, "maximum": MAX_ID},
                                    active={"type": "boolean"},
                                ),
                                "minProperties": 1,
                                "additionalProperties": False,
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(_ref("Method"), "整改方式"),
                    **_errors(401, 403, 404, 409, 422),
                },
            }
        },
        "/api/v1/monitoring/map": {
            "get": {
                "tags": tag,
                "summary": "各地市的预警数（按状态），地图着色用",
                "parameters": [_param("province", {"type": "string", "default": "330000"})],
                "responses": {
                    "200": _json({"type": "object"}, "各地市预警数"),
                    **_errors(401, 422),
                },
            }
        },
        "/api/v1/monitoring/regions/{code}": {
            "get": {
                "tags": tag,
                "summary": "一个地区的全部指标与全省平均、最优比较",
                "parameters": [
                    _param("code", {"type": "string"}, "path", required=True),
                    _param("period", PERIOD),
                ],
                "responses": {
                    "200": _json({"type": "object"}, "地区指标"),
                    **_errors(401, 404, 422),
                },
            }
        },
    }


def _monitoring_schemas() -> dict[str, Any]:
    evidence = _obj(
        id={"type": "integer"},
        file_name={"type": "string"},
        size={"type": "integer"},
        sha256={"type": "string"},
        media_type={"type": "string"},
        format={"enum": ["docx", "pdf", "xlsx", "jpeg", "png"]},
        has_text={"type": "boolean"},
        pages={"type": ["integer", "null"]},
        note={"type": ["string", "null"]},
        pending={"type": "boolean", "description": "a scan waiting for OCR (识别中)"},
        ocr={
            "type": ["object", "null"],
            "description": "the OCR job of a scan: state, pages done of total, unreadable pages",
            "properties": {
                "state": {"enum": ["queued", "running", "done", "failed"]},
                "done": {"type": "integer"},
                "total": {"type": "integer"},
                "unreadable": {"type": "array", "items": {"type": "integer"}},
                "error": {"type": ["string", "null"]},
            },
        },
    )
    warning = _obj(
        id={"type": "integer"},
        indicator={"type": "string"},
        group={"type": "string"},
        region_code={"type": "string"},
        region={"type": "string"},
        period={"type": "string"},
        value={"type": "number"},
        average={"type": "number", "description": "该地区所在层级（地市或县）全省平均值"},
        best_region={"type": "string", "description": "全省最优地区（并列时以“、”连接）"},
        best_value={"type": "number"},
        rank={"type": "integer", "description": "全省排名，1 为最优"},
        rank_from_bottom={"type": "integer", "description": "倒数名次：末 N 位"},
        of={"type": "integer", "description": "参与比较的地区数"},
        state={"enum": ["open", "rectifying", "resolved"]},
        explanation={"type": "string", "description": "预警说明，与操作指南的表述一致"},
        state_title={"type": "string"},
        period_title={"type": "string"},
        unit={"type": "string"},
        value_text={"type": "string", "description": "如 2.00年"},
        average_text={"type": "string", "description": "如 2年"},
        rules={"type": "array", "items": {"type": "string"}, "description": "触发的预警规则"},
        trend=_obj(
            previous_period={"type": ["string", "null"]},
            previous_value=_NUMBER_OR_NULL,
            change={"enum": ["better", "worse", "same", None]},
        ),
        rectification_count={"type": "integer"},
        resolution={"enum": ["closed", "next_period", "recomputed", None]},
        demo={"type": "boolean", "description": "示例数据"},
    )
    rectification = _obj(
        id={"type": "integer"},
        method={"type": "string"},
        description={"type": "string"},
        by={"type": "string"},
        at={"type": "string"},
        unit={"type": ["string", "null"]},
        files={"type": "array", "items": _ref("EvidenceFile")},
    )
    detail = copy.deepcopy(warning)
    detail["properties"].update(
        region_label={"type": "string"},
        level={"type": "integer", "description": "2 地市，3 县（市、区）"},
        better={"enum": ["lower", "higher"]},
        global_best={"type": ["object", "null"]},
        resolution_note={"type": ["string", "null"]},
        rectifications={"type": "array", "items": _ref("Rectification")},
        history={"type": "array", "items": {"type": "object"}},
        trend_series={"type": "array", "items": {"type": "object"}},
        can_rectify={"type": "boolean"},
        can_close={"type": "boolean"},
    )
    indicator = _obj(
        id={"type": "integer"},
        name={"type": "string"},
        group={"type": "string"},
        unit={"type": "string"},
        better={"enum": ["lower", "higher"]},
        global_best={"type": ["object", "null"]},
        warning_line=_NUMBER_OR_NULL,
        warning_bottom={"type": ["integer", "null"]},
        warning_above_average=_NUMBER_OR_NULL,
        rules={"type": "array", "items": {"type": "string"}},
    )
    return {
        "Warning": warning,
        "WarningDetail": detail,
        "Rectification": rectification,
        "EvidenceFile": evidence,
        "Indicator": indicator,
        "IndicatorGroup": _obj(
            name={"type": "string"},
            category={"type": ["string", "null"]},
            indicators={"type": "array", "items": _ref("Indicator")},
        ),
        "Method": _obj(
            id={"type": "integer"},
            name={"type": "string"},
            position={"type": "integer"},
            active={"type": "boolean"},
        ),
        "ImportReport": _obj(
            import_id={"type": "integer"},
            rows={"type": "integer"},
            imported={"type": "integer"},
            skipped={"type": "array", "items": {"type": "object"}},
            added={"type": "integer"},
            changed={"type": "integer"},
            unchanged={"type": "integer"},
            removed={"type": "integer"},
            periods={"type": "array", "items": {"type": "string"}},
            warnings_raised={"type": "integer"},
        ),
    }


COMPILATION_ID = _param(
    "compilation_id", {"type": "integer"}, "path", required=True, description="案例汇编编号"
)
BRIEFING_PERIOD = [
    _param(
        "month",
        {"type": "string", "pattern": "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$"},
        description="月份 YYYY-MM（与 call 二选一）",
    ),
    _param("call", ID, description="征集通知编号（与 month 二选一）"),
    _param(
        "region",
        {"type": "string", "pattern": "^[1-8][0-9]([0-9]{2}){0,2}$"},
        description="只含该地区及下级的案例（2、4 或 6 位行政区划代码）",
    ),
]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _binary(media_type: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
    }


def _refused(text: str) -> dict[str, Any]:
    """A 422 that is either a field error (``errors``) or a refusal of the whole request
    (``code`` and ``message`` only)."""
    return _json({"anyOf": [_ref("ValidationError"), _ref("Error")]}, text)


def _compilation_paths() -> dict[str, Any]:
    tag = ["compilations"]
    refused_compilation = _refused(
        "字段有误（errors），或没有符合条件的已发布案例（nothing_to_compile）、"
        "超过 500 个（too_many_cases）"
    )
    refused_briefing = _refused(
        "字段有误（errors：月份与征集通知二者选一），或该期间没有发布的案例（empty_briefing）"
    )
    body = _strip_x(copy.deepcopy(validation.load_schema("compilation")))
    return {
        "/api/v1/compilations": {
            "get": {
                "tags": tag,
                "summary": "案例汇编的编印记录（营商办：本地区；管理员：全部）",
                "responses": {
                    "200": _json(
                        _obj(compilations={"type": "array", "items": _ref("Compilation")}),
                        "案例汇编",
                    ),
                    **_errors(401, 403),
                },
            },
            "post": {
                "tags": tag,
                "summary": "编印案例汇编：case_nos 逐个选定（按给出的顺序），或用筛选条件"
                "（查询、推荐形式、最低推荐指数）选取；生成 Word 并保存",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": body}},
                },
                "responses": {
                    "201": _json(_ref("Compilation"), "新建的案例汇编"),
                    **_errors(401, 403),
                    "422": refused_compilation,
                },
            },
        },
        "/api/v1/compilations/{compilation_id}": {
            "get": {
                "tags": tag,
                "summary": "案例汇编：选项、章节、收录的案例（按文档顺序）、PDF 状态",
                "parameters": [COMPILATION_ID],
                "responses": {
                    "200": _json(_ref("Compilation"), "案例汇编"),
                    **_errors(401, 403, 404),
                },
            }
        },
        "/api/v1/compilations/{compilation_id}/regenerate": {
            "post": {
                "tags": tag,
                "summary": "按相同的案例和选项、案例的当前内容重新生成",
                "parameters": [COMPILATION_ID],
                "responses": {
                    "200": _json(_ref("Compilation"), "案例汇编"),
                    **_errors(401, 403, 404),
                    "422": refused_compilation,
                },
            }
        },
        "/api/v1/compilations/{compilation_id}/file": {
            "get": {
                "tags": tag,
                "summary": "下载汇编的 Word 文档（最近一次生成）",
                "parameters": [COMPILATION_ID],
                "responses": {"200": _binary(DOCX, "Word 文档"), **_errors(401, 403, 404)},
            }
        },
        "/api/v1/compilations/{compilation_id}/file.pdf": {
            "get": {
                "tags": tag,
                "summary": "下载汇编的 PDF（LibreOffice 生成；未生成时 404 no_pdf）",
                "parameters": [COMPILATION_ID],
                "responses": {"200": _binary("application/pdf", "PDF"), **_errors(401, 403, 404)},
            }
        },
        "/api/v1/briefings": {
            "get": {
                "tags": tag,
                "summary": "案例简报：某月（或某征集通知）发布的案例，按主题、地区计数，每案一条",
                "parameters": BRIEFING_PERIOD,
                "responses": {
                    "200": _json(_ref("Briefing"), "简报"),
                    **_errors(401, 403, 404, 422),
                },
            }
        },
        "/api/v1/briefings/file": {
            "get": {
                "tags": tag,
                "summary": "案例简报的 Word 文档",
                "parameters": BRIEFING_PERIOD,
                "responses": {"200": _binary(DOCX, "Word 文档"), **_errors(401, 403, 404, 422)},
            }
        },
        "/api/v1/briefings/send": {
            "post": {
                "tags": tag,
                "summary": "把简报作为通知发给本地区的账号（每个账号每期一次）",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": _obj(
                                month={
                                    "type": "string",
                                    "pattern": "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$",
                                },
                                call=ID,
                                region={"type": "string", "pattern": "^[1-8][0-9]([0-9]{2}){0,2}$"},
                                roles={
                                    "type": "array",
                                    "items": {
                                        "enum": [
                                            "submitter",
                                            "approver",
                                            "coordinator",
                                            "reviewer",
                                            "admin",
                                        ]
                                    },
                                },
                            )
                        }
                    },
                },
                "responses": {
                    "200": _json(
                        _obj(sent={"type": "integer"}, briefing=_ref("Briefing")), "已发送的账号数"
                    ),
                    **_errors(401, 403, 404),
                    "422": refused_briefing,
                },
            }
        },
    }


def _compilation_schemas() -> dict[str, Any]:
    count = _obj(name={"type": "string"}, count={"type": "integer"})
    return {
        "CompilationRef": _obj(
            id={"type": ["integer", "null"]},
            title={"type": "string"},
            issuer={"type": "string"},
            issued_on={"type": "string", "format": "date"},
        ),
        "Compilation": _obj(
            id={"type": "integer"},
            title={"type": "string"},
            issuer={"type": "string"},
            issued_on={"type": "string", "format": "date"},
            order={"enum": ["theme", "region", "rating", "hand"]},
            order_title={"type": "string"},
            show_region={"type": "boolean"},
            selection={"type": "object", "description": "选取方式：source 与 filters 或 case_nos"},
            region_code={"type": ["string", "null"]},
            created_by={"type": "string"},
            created_at={"type": "string"},
            generated_by={"type": "string"},
            generated_at={"type": "string"},
            revision={"type": "integer"},
            case_count={"type": "integer"},
            file=_obj(name={"type": "string"}, size={"type": "integer"}, sha256={"type": "string"}),
            pdf=_obj(
                state={"enum": ["ready", "queued", "running", "failed", "unavailable"]},
                error={"type": ["string", "null"]},
            ),
            chapters={"type": "array", "items": {"type": "object"}},
            cases={"type": "array", "items": {"type": "object"}},
            missing={"type": "integer"},
        ),
        "Briefing": _obj(
            month={"type": ["string", "null"]},
            call_id={"type": ["integer", "null"]},
            region={"type": ["string", "null"]},
            period={"type": "string"},
            scope={"type": "string"},
            title={"type": "string"},
            headline={"type": "string"},
            total={"type": "integer"},
            by_theme={"type": "array", "items": count},
            by_region={"type": "array", "items": count},
            cases={"type": "array", "items": {"type": "object"}},
            link={"type": "string"},
        ),
    }

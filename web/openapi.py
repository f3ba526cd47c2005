"""The OpenAPI 3.1 document of ``/api/v1``, built from the JSON Schemas in ``schemas/`` so
the documented request bodies are the validated ones. A test checks that every API route
is documented with its methods."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from library import validation
from library.cases.models import STATUSES
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


def _non_empty(schema: dict[str, Any]) -> dict[str, Any]:
    schema = dict(schema)
    if schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("minLength", 1)
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

"""Validation against the JSON Schemas in ``schemas/``: every bad field at once, each with a
stable code and a Chinese message."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from .errors import FieldError, ValidationFailed

# jsonschema validator keyword -> (stable code, message template)
_CODES = {
    "required": ("required", "{title}为必填项"),
    "maxLength": ("too_long", "{title}不能超过 {limit} 字（当前 {actual} 字）"),
    "minLength": ("required", "{title}为必填项"),
    "pattern": ("invalid_format", "{title}格式不正确"),
    "format": ("invalid_format", "{title}格式不正确"),
    "enum": ("invalid_choice", "{title}的取值无效"),
    "type": ("invalid_type", "{title}的类型不正确"),
    "minimum": ("out_of_range", "{title}不能小于 {limit}"),
    "maximum": ("out_of_range", "{title}不能大于 {limit}"),
    "maxItems": ("too_many", "{title}最多 {limit} 项"),
    "uniqueItems": ("duplicate_items", "{title}有重复项"),
    "additionalProperties": ("unknown_field", "不认识的字段：{extra}"),
}


def json_int(value: Any) -> int | None:
    """An integer as JSON Schema's ``integer`` has it: 3 and 3.0 alike; None for anything
    else (True, 3.5, "3")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = (resources.files("schemas") / f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator(name: str) -> Draft202012Validator:
    # The schemas themselves are checked by the tests (tests/test_schemas.py), not by every
    # process that validates one (a fifth of the cold start of `caselib search`'s query).
    return Draft202012Validator(load_schema(name), format_checker=FormatChecker())


def form_fields(schema_name: str = "case_form") -> tuple[str, ...]:
    """The fields of a form, in the schema's order."""
    return tuple(load_schema(schema_name).get("properties", {}))


def field_title(schema_name: str, field: str) -> str:
    prop = load_schema(schema_name).get("properties", {}).get(field, {})
    return prop.get("title", field)


def _to_field_error(schema_name: str, err: ValidationError) -> FieldError:
    schema = load_schema(schema_name)
    props = schema.get("properties", {})
    path = [p for p in err.absolute_path if isinstance(p, str)]
    field = path[0] if path else ""
    kw = err.validator
    extra = ""
    if kw == "required":
        # "'name' is a required property": the field is the missing one.
        field = err.message.split("'")[1] if "'" in err.message else field
    if kw == "additionalProperties":
        extra = ", ".join(sorted(set(err.instance) - set(props)))
        field = field or (sorted(set(err.instance) - set(props)) or [""])[0]
    prop = props.get(field, {})
    title = prop.get("title", field)
    code, template = _CODES.get(kw, ("invalid", "{title}无效"))
    custom = (prop.get("x-messages") or {}).get(kw)
    limit = err.validator_value if not isinstance(err.validator_value, (dict, list, bool)) else ""
    actual = len(err.instance) if isinstance(err.instance, str) else ""
    if (kw == "minLength" and err.validator_value == 1) or (kw == "type" and err.instance is None):
        # An empty value where one is needed (e.g. the borrowed-from case of a borrowed
        # case type, left blank) is a missing value, not a wrong type.
        code = "required"
        message = custom or _CODES["required"][1].format(title=title)
        return FieldError(field or "_", code, message)
    message = custom or template.format(title=title, limit=limit, actual=actual, extra=extra)
    return FieldError(field or "_", code, message)


def validate(schema_name: str, data: dict[str, Any]) -> list[FieldError]:
    """Every violation of the schema, one error per field (the first per field wins),
    in the schema's property order."""
    errors: dict[str, FieldError] = {}
    for err in _validator(schema_name).iter_errors(data):
        fe = _to_field_error(schema_name, err)
        errors.setdefault(fe.field, fe)
    order = list(load_schema(schema_name).get("properties", {}))
    return sorted(
        errors.values(), key=lambda e: order.index(e.field) if e.field in order else len(order)
    )


def check(schema_name: str, data: dict[str, Any]) -> None:
    errors = validate(schema_name, data)
    if errors:
        raise ValidationFailed(errors)


def stripped(schema_name: str, key: str, value: str) -> str:
    """A field's text without surrounding white space, unless the text is longer than the
    field's maxLength: then it is kept whole, so that the limit applies to what was sent
    (as the OpenAPI document says), not to what stripping left of it."""
    limit = load_schema(schema_name).get("properties", {}).get(key, {}).get("maxLength")
    if isinstance(limit, int) and len(value) > limit:
        return value
    return value.strip()


# Control characters (other than tab and line breaks) and lone surrogates: never meant in
# a form's text, and what an XML document (a Word compilation, an .xlsx) cannot hold.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def clean_form(schema_name: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Normalise user input before validation: control characters removed, strings
    stripped (a line break counts as one character, as the browser's maxlength counts it),
    empty strings to None for optional fields, drop keys with None for required ones so
    "required" is reported."""
    schema = load_schema(schema_name)
    props = schema.get("properties", {})
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            value = _CONTROL.sub("", value)
            value = stripped(schema_name, key, value.replace("\r\n", "\n"))
            if value == "":
                value = None
        if isinstance(value, date):
            value = value.isoformat()
        if key in props and value is None and "null" not in _types(props[key]):
            continue
        out[key] = value
    return out


def _types(prop: dict[str, Any]) -> list[str]:
    t = prop.get("type", [])
    return t if isinstance(t, list) else [t]

"""Presenting findings: in context for people, by field for the submission service."""

from __future__ import annotations

from collections.abc import Mapping

from .detect import find_identifying
from .model import Finding

__all__ = ["in_context", "format_findings", "find_in_fields"]


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def in_context(text: str, findings: list[Finding], width: int = 12) -> list[dict]:
    """Each finding as a dict (``as_dict()`` keys) plus ``label``, 1-based ``line`` and
    ``column``, and up to ``width`` characters ``before`` and ``after`` it on its line."""
    out = []
    for f in findings:
        line, col = _line_col(text, f.start)
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.end)
        line_end = len(text) if line_end < 0 else line_end
        out.append(
            {
                **f.as_dict(),
                "label": f.label,
                "line": line,
                "column": col,
                "before": text[max(line_start, f.start - width) : f.start],
                "after": text[f.end : min(line_end, f.end + width)],
            }
        )
    return out


def format_findings(text: str, findings: list[Finding], width: int = 12) -> str:
    """Findings as lines for a terminal, in Chinese:
    ``第2行第5列  县区名  椒江区 → 某区  …在浙江台州【椒江区】开展试点…``"""
    if not findings:
        return "未发现地名、人名等可识别信息。"
    lines = [f"发现 {len(findings)} 处地名、人名等可识别信息："]
    for c in in_context(text, findings, width):
        before = c["before"].replace("\r", "").replace("\t", " ")
        after = c["after"].replace("\r", "").replace("\t", " ")
        lines.append(
            f"第{c['line']}行第{c['column']}列  {c['label']}  {c['text']} → {c['replacement']}  "
            f"…{before}【{c['text']}】{after}…"
        )
    return "\n".join(lines)


def find_in_fields(fields: Mapping[str, str | None]) -> dict[str, list[Finding]]:
    """Findings per field (传统做法, 创新做法, 应用场景 ...), only the fields that have any.

    Offsets refer to each field's own text."""
    out: dict[str, list[Finding]] = {}
    for name, value in fields.items():
        if value:
            found = find_identifying(value)
            if found:
                out[name] = found
    return out

"""``check`` as a command: ``python -m indexer.anonymity [--json] FILE``.

``caselib check`` (web/cli.py) can call :func:`main` as it is. A text file is read as it
is (UTF-8, newlines kept, ``\\r\\n`` included), so offsets are offsets into the file's
characters; ``-`` reads standard input. Exit status: 0 no findings, 1 findings, 2 error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from .detect import find_identifying
from .report import format_findings


def read_text(path: str) -> str:
    """The characters of a UTF-8 text file exactly as stored (no newline translation)."""
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def render(text: str, findings: list, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(
            {"findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2
        )
    return format_findings(text, findings)


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    ap = argparse.ArgumentParser(
        prog="caselib check",
        description="检查案例文本中的地名、人名等可识别信息（申报表：案例中不能出现地名、人名）。",
    )
    ap.add_argument("file", help="UTF-8 文本文件（.txt / .md），“-” 表示标准输入")
    ap.add_argument("--json", action="store_true", help='以 JSON 输出：{"findings": [...]}')
    args = ap.parse_args(argv)
    try:
        text = read_text(args.file)
    except (OSError, UnicodeDecodeError) as e:
        print(f"无法读取文件 {args.file}：{e}", file=sys.stderr)
        return 2
    findings = find_identifying(text)
    print(render(text, findings, args.json), file=out)
    return 1 if findings else 0

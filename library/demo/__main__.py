"""python -m library.demo: load the demo library into $CASELIB_HOME."""

from __future__ import annotations

import sys

from ..config import Settings
from ..services import Library
from .loader import load_demo


def main() -> int:
    lib = Library(Settings())
    lib.init()
    added, present = load_demo(lib)
    print(f"示例案例：新增 {added} 个，已存在 {present} 个（{lib.settings.home_path}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())

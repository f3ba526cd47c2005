"""python -m library.demo: load the demo library into $CASELIB_HOME, with demo accounts for
every role and a few reviews; prints the accounts."""

from __future__ import annotations

import sys

from ..config import Settings
from ..context import Library
from ..models import ROLE_TITLES
from .accounts import FEATURED, load_accounts, load_reviews
from .loader import load_demo
from .monitoring import DEMO_UNITS, load_monitoring
from .workflow import load_workflow


def main() -> int:
    lib = Library(Settings())
    lib.init()
    added, present = load_demo(lib)
    print(f"示例案例：新增 {added} 个，已存在 {present} 个（{lib.settings.home_path}）")
    accounts = load_accounts(lib)
    reviews = load_reviews(lib)
    print(f"示例点评：新增 {reviews} 条")
    flow = load_workflow(lib)
    print(f"示例征集通知：新增 {flow['calls']} 个；流程中的示例案例：新增 {flow['cases']} 个")
    mon = load_monitoring(lib)
    print(
        f"示例监测数据（示例数据，演示用）：新增数值 {mon['values']} 个、预警 {mon['warnings']} 条、"
        f"整改举措 {mon['rectifications']} 次"
    )
    lib.ensure_index()
    print("示例账号（用户名 / 密码 / 角色）：")
    for a in accounts:
        if a.username in FEATURED:
            print(
                f"  {a.username:<14} {a.password:<10} {ROLE_TITLES[a.role]}（{a.role}），{a.unit}：{a.note}"
            )
    for unit, _region, login, _display in DEMO_UNITS:
        print(
            f"  {login:<14} {'demo-2021':<10} {ROLE_TITLES['coordinator']}（coordinator），{unit}：监测预警整改举措"
        )
    others = [a.username for a in accounts if a.username not in FEATURED]
    print(f"  其他县（市、区）和市级单位的账号（密码相同）：{'、'.join(others)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

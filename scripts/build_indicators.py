"""Generate library/data/indicators.json, the default indicators of 监测预警, from the corpus.

Sources (``../shared/corpus/04_indicators``, read at build time; nothing of them is copied
into the project but the facts below):

* ``china_business_environment_18_indicators_compiled.json``: the 18 一级指标 of the national
  business-environment evaluation (15 of the enterprise life cycle, 3 of the city's
  attractiveness), in order, and the 二级指标 that mirror World Bank Doing Business
  components, each with its unit in brackets (开办企业时间（天）).
* ``wb_doing_business_best_performers_computed.csv``: per Doing Business series the best
  value of its latest year (2016) and the economies that share it: the global best
  (全球最佳) of an indicator. Caveat (the corpus' MANIFEST): computed over 160 economies
  only, so these are the best of those economies, not of the world (it gives Ireland 0.4
  years for insolvency, where DB2020 gives Finland 0.9).
* ``wb_doing_business_indicator_definitions.csv``: the World Bank code and definition of a
  series, where the definitions name it.

The mapping from a 二级指标 to its name in caselib (unique across groups: 获得电力环节,
not 环节), unit, direction, decimals and Doing Business series is ours (``SUBS`` below);
every sub-indicator of the corpus must be mapped or listed as skipped, so a change of the
corpus stops the build instead of passing unnoticed.

Usage: python scripts/build_indicators.py [CORPUS_DIR] [--out FILE] [--check]
(``--check``: compare with the committed file instead of writing it; exit 1 if it differs.)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "library" / "data" / "indicators.json"
STRUCTURE = "china_business_environment_18_indicators_compiled.json"
BEST = "wb_doing_business_best_performers_computed.csv"
DEFINITIONS = "wb_doing_business_indicator_definitions.csv"

CATEGORIES = {
    "enterprise_lifecycle_15": "企业全生命周期",
    "city_investment_attractiveness_3": "城市投资吸引力",
}
# Every indicator's warning rule until an administrator sets its own: worse than the
# provincial average of its level by more than 20 %.
DEFAULT_WARNING = {"above_average_pct": 20}


@dataclass(frozen=True)
class Sub:
    name: str
    unit: str
    better: str  # "lower" | "higher"
    decimals: int
    series: str | None = None  # the best-performers series giving the global best
    definition: str | None = None  # the series' name in the WDI definitions
    aliases: tuple[str, ...] = ()


# (一级指标, the corpus' 二级指标) -> what caselib makes of it: one or more indicators.
SUBS: dict[tuple[str, str], tuple[Sub, ...]] = {
    ("开办企业", "开办企业环节（个）"): (
        Sub(
            "开办企业环节",
            "个",
            "lower",
            0,
            "Procedures required to start a business (number)",
            "Start-up procedures to register a business (number)",
        ),
    ),
    ("开办企业", "开办企业时间（天）"): (
        Sub(
            "开办企业时间",
            "天",
            "lower",
            1,
            "Time required to start a business (days)",
            "Time required to start a business (days)",
        ),
    ),
    ("开办企业", "开办企业费用（占人均收入%）"): (
        Sub(
            "开办企业费用",
            "%",
            "lower",
            1,
            "Cost to start a business (% of income per capita)",
            "Cost of business start-up procedures (% of GNI per capita)",
        ),
    ),
    ("开办企业", "开办企业便利度（或最低实缴资本）"): (
        Sub(
            "最低实缴资本",
            "%",
            "lower",
            1,
            "Minimum paid-in capital required to start a business (% of income per capita)",
        ),
    ),
    ("办理建筑许可", "办理环节（个）"): (
        Sub(
            "办理建筑许可环节",
            "个",
            "lower",
            0,
            "Procedures required to build a warehouse (number)",
            "Procedures to build a warehouse (number)",
        ),
    ),
    ("办理建筑许可", "办理时间（天）"): (
        Sub(
            "办理建筑许可时间",
            "天",
            "lower",
            1,
            "Time required to build a warehouse (days)",
            "Time required to build a warehouse (days)",
        ),
    ),
    # The 2016 series measures the cost against income per capita, not the warehouse's
    # value: another quantity, so no global best.
    ("办理建筑许可", "办理费用（占仓库价值%）"): (Sub("办理建筑许可费用", "%", "lower", 1),),
    ("办理建筑许可", "建筑质量控制指数（0-15）"): (
        Sub("建筑质量控制指数", "分", "higher", 1, "Building quality control index (0-15)"),
    ),
    ("获得电力", "环节（个）"): (
        Sub(
            "获得电力环节",
            "个",
            "lower",
            0,
            "Procedures required to connect to electricity (number)",
            "Procedures required to get electricity (number)",
        ),
    ),
    ("获得电力", "时间（天）"): (
        Sub(
            "获得电力时间",
            "天",
            "lower",
            1,
            "Time required to connect to electricity (days)",
            "Time required to get electricity (days)",
        ),
    ),
    ("获得电力", "成本（占人均收入%）"): (
        Sub(
            "获得电力成本",
            "%",
            "lower",
            1,
            "Cost to get electricity (% of income per capita)",
            "Cost to get electricity connection (% of income per capita)",
        ),
    ),
    ("获得电力", "供电可靠性和电费透明度指数（0-8）"): (
        Sub(
            "供电可靠性和电费透明度指数",
            "分",
            "higher",
            1,
            "Reliability of supply and transparency of tariff index (0-8)",
        ),
    ),
    ("登记财产", "环节（个）"): (
        Sub(
            "登记财产环节",
            "个",
            "lower",
            0,
            "Procedures required to register property (number)",
            "Procedures to register property (number)",
        ),
    ),
    ("登记财产", "时间（天）"): (
        Sub(
            "登记财产时间",
            "天",
            "lower",
            1,
            "Time required to register property (days)",
            "Time required to register property (days)",
        ),
    ),
    ("登记财产", "费用（占财产价值%）"): (
        Sub("登记财产费用", "%", "lower", 1, "Cost to register property (% of property value)"),
    ),
    ("登记财产", "土地管理质量指数（0-30）"): (
        Sub(
            "土地管理质量指数", "分", "higher", 1, "Quality of the land administration index (0-30)"
        ),
    ),
    ("获得信贷", "合法权利力度指数（0-12）"): (
        Sub(
            "合法权利力度指数",
            "分",
            "higher",
            0,
            "Credit: Strength of legal rights index (0=weak to 10=strong)",
            "Strength of legal rights index (0=weak to 12=strong)",
        ),
    ),
    ("获得信贷", "信用信息深度指数（0-8）"): (
        Sub(
            "信用信息深度指数",
            "分",
            "higher",
            0,
            "Depth of credit information index (0=low to 6=high)",
            "Depth of credit information index (0=low to 8=high)",
        ),
    ),
    ("保护中小投资者", "信息披露指数"): (
        Sub(
            "信息披露指数",
            "分",
            "higher",
            1,
            "Extent of disclosure index (0 to 10)",
            "Business extent of disclosure index (0=less disclosure to 10=more disclosure)",
        ),
    ),
    ("保护中小投资者", "董事责任指数"): (
        Sub("董事责任指数", "分", "higher", 1, "Extent of director liability index (0 to 10)"),
    ),
    ("保护中小投资者", "股东诉讼便利度指数"): (
        Sub("股东诉讼便利度指数", "分", "higher", 1, "Ease of shareholder suits index (0 to 10)"),
    ),
    ("保护中小投资者", "股东权利指数"): (
        Sub("股东权利指数", "分", "higher", 1, "Extent of shareholder rights index (0-10.5)"),
    ),
    ("保护中小投资者", "所有权和控制权指数"): (Sub("所有权和控制权指数", "分", "higher", 1),),
    ("保护中小投资者", "公司透明度指数"): (
        Sub("公司透明度指数", "分", "higher", 1, "Extent of corporate transparency index (0-9)"),
    ),
    ("跨境贸易", "出口边境合规时间/成本"): (
        Sub(
            "出口边境合规时间",
            "小时",
            "lower",
            1,
            None,
            "Time to export, border compliance (hours)",
        ),
        Sub(
            "出口边境合规成本", "美元", "lower", 0, None, "Cost to export, border compliance (US$)"
        ),
    ),
    ("跨境贸易", "出口单证合规时间/成本"): (
        Sub(
            "出口单证合规时间",
            "小时",
            "lower",
            1,
            "Time to export: Documentary compliance (hours)",
            "Time to export, documentary compliance (hours)",
        ),
        Sub(
            "出口单证合规成本",
            "美元",
            "lower",
            0,
            "Cost to export: Documentary compliance (USD)",
            "Cost to export, documentary compliance (US$)",
        ),
    ),
    ("跨境贸易", "进口边境合规时间/成本"): (
        Sub(
            "进口边境合规时间",
            "小时",
            "lower",
            1,
            None,
            "Time to import, border compliance (hours)",
        ),
        Sub(
            "进口边境合规成本", "美元", "lower", 0, None, "Cost to import, border compliance (US$)"
        ),
    ),
    ("跨境贸易", "进口单证合规时间/成本"): (
        Sub(
            "进口单证合规时间",
            "小时",
            "lower",
            1,
            "Time to import: Documentary compliance (hours)",
            "Time to import, documentary compliance (hours)",
        ),
        Sub(
            "进口单证合规成本",
            "美元",
            "lower",
            0,
            "Cost to import: Documentary compliance (USD)",
            "Cost to import, documentary compliance (US$)",
        ),
    ),
    ("纳税", "纳税次数（次/年）"): (
        Sub("纳税次数", "次", "lower", 0, "Tax payments (number)", "Tax payments (number)"),
    ),
    ("纳税", "纳税时间（小时/年）"): (
        Sub(
            "纳税时间",
            "小时",
            "lower",
            1,
            "Time to prepare and pay taxes (hours)",
            "Time to prepare and pay taxes (hours)",
        ),
    ),
    ("纳税", "总税收和缴费率（%）"): (
        Sub(
            "总税收和缴费率",
            "%",
            "lower",
            1,
            "Total tax rate (% of profit)",
            "Total tax rate (% of commercial profits)",
        ),
    ),
    ("纳税", "报税后流程指数（0-100）"): (
        Sub("报税后流程指数", "分", "higher", 1, "Postfiling index (0-100)"),
    ),
    ("执行合同", "解决商业纠纷耗时（天）"): (
        Sub(
            "解决商业纠纷耗时",
            "天",
            "lower",
            0,
            "Time required to enforce a contract (days)",
            "Time required to enforce a contract (days)",
        ),
    ),
    ("执行合同", "解决商业纠纷成本（占标的额%）"): (
        Sub("解决商业纠纷成本", "%", "lower", 1, "Cost to enforce a contract (% of claim)"),
    ),
    ("执行合同", "司法程序质量指数（0-18）"): (Sub("司法程序质量指数", "分", "higher", 1),),
    # The operating guide's own wording (收回债务所需的时间); the corpus' is an alias.
    ("办理破产", "收回债务所需时间（年）"): (
        Sub(
            "收回债务所需的时间",
            "年",
            "lower",
            2,
            "Time to resolve insolvency (years)",
            "Time to resolve insolvency (years)",
            aliases=("收回债务所需时间",),
        ),
    ),
    ("办理破产", "收回债务所需成本（占资产价值%）"): (
        Sub(
            "收回债务所需的成本",
            "%",
            "lower",
            1,
            "Resolving Insolvency: cost (% of estate)",
            aliases=("收回债务所需成本",),
        ),
    ),
    ("办理破产", "债权人回收率（美分/美元）"): (
        Sub(
            "债权人回收率",
            "美分/美元",
            "higher",
            1,
            "Resolving Insolvency: recovery rate (cents on the dollar)",
        ),
    ),
    ("办理破产", "破产框架质量指数（0-16）"): (
        Sub("破产框架质量指数", "分", "higher", 1, "Strength of insolvency framework index (0-16)"),
    ),
}
# Sub-indicators of the corpus that are no indicator (a note, not a name).
SKIPPED = {
    ("获得用水用气", "（China-specific; modelled on 获得电力: 环节、时间、成本等 — unverified)")
}

# Chinese names of the economies named as the best (the first two of each series).
ECONOMIES = {
    "Afghanistan": "阿富汗",
    "Albania": "阿尔巴尼亚",
    "Argentina": "阿根廷",
    "Armenia": "亚美尼亚",
    "Azerbaijan": "阿塞拜疆",
    "Belarus": "白俄罗斯",
    "Belgium": "比利时",
    "Bosnia and Herzegovina": "波黑",
    "Brunei Darussalam": "文莱",
    "Bulgaria": "保加利亚",
    "Cambodia": "柬埔寨",
    "Canada": "加拿大",
    "Chile": "智利",
    "China": "中国",
    "Colombia": "哥伦比亚",
    "Comoros": "科摩罗",
    "Croatia": "克罗地亚",
    "Czech Republic": "捷克",
    "Denmark": "丹麦",
    "Georgia": "格鲁吉亚",
    "Hong Kong, China": "中国香港",
    "Iceland": "冰岛",
    "India": "印度",
    "Ireland": "爱尔兰",
    "Kazakhstan": "哈萨克斯坦",
    "Mongolia": "蒙古",
    "Montenegro": "黑山",
    "Portugal": "葡萄牙",
    "Saudi Arabia": "沙特阿拉伯",
    "Singapore": "新加坡",
    "Slovenia": "斯洛文尼亚",
    "Solomon Islands": "所罗门群岛",
    "Taiwan, China": "中国台湾",
    "United Arab Emirates": "阿联酋",
    "Vanuatu": "瓦努阿图",
}
_MORE = re.compile(r"^(.*?)\s*…\(\+(\d+) more\)$")


def _economies(listed: str) -> tuple[list[str], int]:
    """The economies a best-performers row names (its "…(+3 more)" counted)."""
    names, more = [], 0
    for part in (p.strip() for p in listed.split(";")):
        m = _MORE.match(part)
        if m:
            if m.group(1):
                names.append(m.group(1))
            more = int(m.group(2))
        elif part:
            names.append(part)
    return names, len(names) + more


def _economy_label(names: list[str], count: int) -> str:
    shown = [ECONOMIES[n] for n in names[:2]]
    label = "、".join(shown)
    return label + (f"等{count}个经济体" if count > len(shown) else "")


def build(corpus: Path) -> dict:
    src = corpus / "04_indicators"
    structure = json.loads((src / STRUCTURE).read_text(encoding="utf-8"))
    with open(src / BEST, encoding="utf-8", newline="") as f:
        best = {r["series"]: r for r in csv.DictReader(f)}
    with open(src / DEFINITIONS, encoding="utf-8-sig", newline="") as f:
        definitions = {r["name"]: r for r in csv.DictReader(f)}
    category_of = {
        name: CATEGORIES[key] for key, names in structure["groups"].items() for name in names
    }
    groups = []
    seen: set[str] = set()
    used: set[tuple[str, str]] = set()
    for first in structure["first_level"]:
        group = first["name"]
        indicators = []
        for corpus_name in first["sub_indicators_db_aligned"]:
            key = (group, corpus_name)
            if key in SKIPPED:
                continue
            if key not in SUBS:
                raise SystemExit(f"unmapped sub-indicator: {group} › {corpus_name}")
            used.add(key)
            for sub in SUBS[key]:
                if sub.name in seen:
                    raise SystemExit(f"indicator name used twice: {sub.name}")
                seen.add(sub.name)
                indicators.append(_indicator(sub, corpus_name, best, definitions))
        groups.append(
            {
                "name": group,
                "category": category_of[group],
                "db_equivalent": first.get("db_equivalent"),
                "indicators": indicators,
            }
        )
    missing = set(SUBS) - used
    if missing:
        raise SystemExit(f"mapped sub-indicators the corpus no longer has: {sorted(missing)}")
    return {
        "_about": "Generated by scripts/build_indicators.py from ../shared/corpus/04_indicators; "
        "do not edit by hand. Groups and indicators: "
        f"{STRUCTURE}; global bests: {BEST} (best of the 160 economies of the 2005-2016 "
        f"series, latest year, not of every economy); World Bank codes and definitions: "
        f"{DEFINITIONS} (CC BY 4.0).",
        "default_warning": DEFAULT_WARNING,
        "groups": groups,
    }


def _indicator(sub: Sub, corpus_name: str, best: dict, definitions: dict) -> dict:
    global_best = None
    if sub.series is not None:
        row = best.get(sub.series)
        if row is None:
            raise SystemExit(f"series not in {BEST}: {sub.series}")
        if row["direction_better"] != sub.better:
            raise SystemExit(
                f"{sub.name}: direction {sub.better}, the series says {row['direction_better']}"
            )
        names, count = _economies(row["best_economies"])
        global_best = {
            "economy": _economy_label(names, count),
            "value": float(row["best_value"]),
            "year": int(row["year"]),
            "economies": names,
            "economy_count": count,
            "source": f"{BEST}: {sub.series}",
        }
    world_bank = None
    if sub.definition is not None:
        d = definitions.get(sub.definition)
        if d is None:
            raise SystemExit(f"definition not in {DEFINITIONS}: {sub.definition}")
        world_bank = {"code": d["code"], "name": d["name"], "definition": d["source_note"]}
    return {
        "name": sub.name,
        "aliases": list(sub.aliases),
        "corpus_name": corpus_name,
        "unit": sub.unit,
        "better": sub.better,
        "decimals": sub.decimals,
        "global_best": global_best,
        "world_bank": world_bank,
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    p.add_argument("--out", default=str(TARGET))
    p.add_argument("--check", action="store_true")
    args = p.parse_args(argv)
    corpus = Path(args.corpus)
    if not (corpus / "04_indicators" / STRUCTURE).is_file():
        print(f"indicator files not found under {corpus / '04_indicators'}", file=sys.stderr)
        return 1
    text = render(build(corpus))
    out = Path(args.out)
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(
            f"{out} is {'up to date' if same else 'out of date: run scripts/build_indicators.py'}"
        )
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    data = json.loads(text)
    n = sum(len(g["indicators"]) for g in data["groups"])
    with_best = sum(1 for g in data["groups"] for i in g["indicators"] if i["global_best"])
    print(
        f"{len(data['groups'])} groups, {n} indicators ({with_best} with a global best) written to {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

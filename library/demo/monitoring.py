"""The demo's 监测预警: invented values (示例数据, marked so in the pages) for the 11 cities
of 浙江省 over two years (2023, 2024) of seven indicators, among them the operating guide's
example (收回债务所需的时间 of 办理破产: average 2 年, 全球最佳芬兰 0.90 年, 湖州市 best with
0.50 年, 宁波市 2.00 年, the fourth from the bottom), the warnings they raise in every state
(待整改; 整改中 with rectifications and their evidence files; 已整改 closed by 台州市营商办 or
because 2024 is back inside the line), a 宁波市营商办 account, and the demo's 整改借鉴 case
on 收回债务所需的时间 naming 衢州市's warning. Idempotent: loaded once per library.

The values are made up: a performance factor per city, a base per indicator and a small
deterministic variation, rounded as a statistics office would report them.
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..accounts import users as user_service
from ..accounts.audit import Actor
from ..accounts.models import User
from ..cases.models import Case
from ..models import Indicator, MonitoringWarning, ValueImport
from ..monitoring import rectifications, values, warnings
from ..monitoring.evidence import EvidenceUpload
from ..monitoring.indicators import set_indicator
from .accounts import DEMO_PASSWORD

if TYPE_CHECKING:
    from ..context import Library

CITIES = {
    "330100": ("杭州市", 0.80),
    "330200": ("宁波市", 0.90),
    "330300": ("温州市", 1.04),
    "330400": ("嘉兴市", 0.94),
    "330500": ("湖州市", 0.88),
    "330600": ("绍兴市", 0.96),
    "330700": ("金华市", 1.00),
    "330800": ("衢州市", 1.12),
    "330900": ("舟山市", 1.16),
    "331000": ("台州市", 1.10),
    "331100": ("丽水市", 1.20),
}
DEBT = "收回债务所需的时间"
# The guide's example (2024) and the year before: 宁波市 was 2.30 and improved to 2.00.
DEBT_VALUES = {
    "2024": {
        "330500": 0.50,
        "330100": 1.00,
        "330400": 1.20,
        "330600": 1.50,
        "330900": 1.60,
        "330700": 1.80,
        "331000": 1.90,
        "330200": 2.00,
        "330300": 3.00,
        "330800": 3.40,
        "331100": 4.10,
    },
    "2023": {
        "330500": 0.60,
        "330100": 1.10,
        "330400": 1.30,
        "330600": 1.40,
        "330900": 1.90,
        "330700": 2.00,
        "331000": 2.60,
        "330200": 2.30,
        "330300": 2.90,
        "330800": 3.80,
        "331100": 4.20,
    },
}
# (indicator, 2023 base, 2024 / 2023, decimals, rule changes)
INDICATORS: tuple[tuple[str, float, float, int, dict[str, Any]], ...] = (
    ("开办企业时间", 1.1, 0.85, 1, {"warning_line": 1.2, "warning_above_average": None}),
    ("获得电力时间", 16.0, 0.88, 1, {}),  # the default: 20 % worse than the average
    ("登记财产时间", 3.0, 0.80, 1, {"warning_bottom": 3, "warning_above_average": None}),
    ("纳税时间", 110.0, 0.92, 0, {}),
    ("解决商业纠纷耗时", 260.0, 0.95, 0, {}),
    ("债权人回收率", 42.0, 1.06, 1, {"warning_bottom": 3, "warning_above_average": None}),
)
# Cells set by hand, so the demo has 台州市's and 宁波市's own warnings to work on.
OVERRIDES = {
    ("开办企业时间", "331000", "2024"): 1.4,
    ("登记财产时间", "331000", "2024"): 3.9,
    ("纳税时间", "330200", "2023"): 112.0,
    ("纳税时间", "330200", "2024"): 131.0,
}
DEMO_UNITS = (("宁波市营商办", "330200", "ningbo", "宁波市营商办"),)
DEMO_SOURCE = "demo"


def _variation(*parts: str) -> float:
    """A fixed pseudo-random factor in [0.93, 1.07] for these parts."""
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).digest()
    return 0.93 + 0.14 * (int.from_bytes(digest[:4], "big") / 0xFFFFFFFF)


def demo_rows() -> list[dict[str, Any]]:
    """Every demo value: (period, region_code, indicator, value) rows."""
    rows = []
    for period, by_city in DEBT_VALUES.items():
        rows += [
            {"period": period, "region_code": c, "indicator": DEBT, "value": v}
            for c, v in by_city.items()
        ]
    for name, base, change, decimals, _rules in INDICATORS:
        higher = name == "债权人回收率"
        for year, scale in (("2023", 1.0), ("2024", change)):
            for code, (_city, factor) in CITIES.items():
                f = factor if not higher else 1 / factor
                value = base * scale * f * _variation(code, name, year)
                value = OVERRIDES.get((name, code, year), round(value, decimals))
                rows.append(
                    {"period": year, "region_code": code, "indicator": name, "value": value}
                )
    return rows


# -- evidence files ---------------------------------------------------------------------------


def _docx(title: str, paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf(title: str, paragraphs: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate

    from .render import PDF_FONT, _extend_kinsoku, _para, _pdf_styles

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    _extend_kinsoku()
    styles = _pdf_styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1, title=title)
    doc.build([_para(title, styles["title"]), *(_para(p, styles["body"]) for p in paragraphs)])
    return buf.getvalue()


def _xlsx(rows: list[list[Any]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _png(bars: list[float]) -> bytes:
    """A photo-like chart: bars of the monthly processing time falling (Pillow)."""
    from PIL import Image, ImageDraw

    width, height = 640, 400
    img = Image.new("RGB", (width, height), (246, 248, 251))
    draw = ImageDraw.Draw(img)
    draw.line([(50, 350), (610, 350)], fill=(90, 100, 110), width=2)
    draw.line([(50, 40), (50, 350)], fill=(90, 100, 110), width=2)
    top = max(bars)
    step = 540 // len(bars)
    for i, v in enumerate(bars):
        x = 70 + i * step
        h = int(290 * v / top)
        draw.rectangle([x, 350 - h, x + step - 16, 349], fill=(183, 40, 46))
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _evidence(kind: str) -> list[EvidenceUpload]:
    if kind == "kaiban":
        return [
            EvidenceUpload(
                "台州市企业开办提速整改情况报告.docx",
                _docx(
                    "企业开办提速整改情况报告",
                    [
                        "针对企业开办时间超出预警线的问题，市市场监管局牵头梳理企业开办全流程，"
                        "将营业执照、公章刻制、发票申领、社保登记和银行预约开户整合为“一件事”。",
                        "整改后，企业开办综合窗口实行一表填报、后台并联审核，电子营业执照与电子印章同步发放，"
                        "企业开办平均用时由1.4天压缩至0.8天。",
                    ],
                ),
            ),
            EvidenceUpload(
                "关于深化企业开办“一件事”改革的通知.pdf",
                _pdf(
                    "关于深化企业开办“一件事”改革的通知",
                    [
                        "各县（市、区）市场监管局、市级有关部门：为进一步压缩企业开办时间，"
                        "现就深化企业开办“一件事”改革通知如下。",
                        "一、全面推行企业开办“一网通办”，实现申请、审核、发照、刻章、申领发票全程网上办理。",
                        "二、设立企业开办综合窗口，推行前台综合受理、后台分类审批、统一窗口出件。",
                    ],
                ),
            ),
            EvidenceUpload(
                "企业开办综合窗口月度办结时长.png", _png([1.4, 1.3, 1.1, 1.0, 0.9, 0.8])
            ),
        ]
    if kind == "dengji":
        return [
            EvidenceUpload(
                "不动产登记整改台账.xlsx",
                _xlsx(
                    [
                        ["整改事项", "牵头单位", "完成时间", "完成情况"],
                        ["存量房“带押过户”全市推行", "市自然资源和规划局", "2025-03", "已完成"],
                        ["登记、交易、缴税“一窗受理”", "市行政服务中心", "2025-04", "已完成"],
                        ["水电气网过户联动办理", "市大数据局", "2025-05", "已完成"],
                    ]
                ),
            )
        ]
    return [
        EvidenceUpload(
            "宁波市纳税服务整改方案.pdf",
            _pdf(
                "纳税服务整改方案",
                [
                    "针对纳税时间劣于全省平均水平的问题，推行“非接触式”办税缴费，扩大电子税务局可办事项，"
                    "对增值税、企业所得税申报实行预填报。",
                    "建立纳税服务“问办协同”机制，税务、社保、医保数据共享，企业年度纳税时间力争压缩20%以上。",
                ],
            ),
        )
    ]


# -- loading ----------------------------------------------------------------------------------


def _user_actor(lib: Library, username: str) -> Actor:
    with lib.db.session() as session:
        user = user_service.find_user(session, username)
        if user is None:
            raise LookupError(f"demo account {username} is missing (load the accounts first)")
        return Actor.of(user)


def _warning(lib: Library, region: str, indicator: str, period: str = "2024"):
    with lib.db.session() as session:
        return session.scalar(
            select(MonitoringWarning)
            .join(Indicator, Indicator.id == MonitoringWarning.indicator_id)
            .where(
                Indicator.name == indicator,
                MonitoringWarning.region_code == region,
                MonitoringWarning.period == period,
            )
        )


def load_monitoring(lib: Library) -> dict[str, int]:
    """Load the demo's monitoring data once. Returns what it added."""
    with lib.db.session() as session:
        if session.scalar(select(ValueImport.id).where(ValueImport.source == DEMO_SOURCE).limit(1)):
            return {"values": 0, "warnings": 0, "rectifications": 0}
        existing = set(session.scalars(select(User.username)))
    admin = Actor(name="demo")
    for unit, region, login, display in DEMO_UNITS:
        if login not in existing:
            user_service.create_user(
                lib,
                login,
                DEMO_PASSWORD,
                "coordinator",
                unit=unit,
                region=region,
                display_name=display,
                actor=admin,
            )
    set_indicator(
        lib,
        DEBT,
        {
            "global_best_economy": "芬兰",
            "global_best_value": 0.9,
            "warning_bottom": 4,
            "warning_above_average": None,
        },
        admin,
    )
    with lib.db.transaction() as session:  # the guide's global best, with its source
        ind = session.scalar(select(Indicator).where(Indicator.name == DEBT))
        ind.global_best_source = "营商环境监测预警操作指南示例（世界银行《营商环境报告2020》）"
    for name, _base, _change, _decimals, rules in INDICATORS:
        if rules:
            set_indicator(lib, name, rules, admin)
    records = values.records_from_json(demo_rows())
    report = values.import_records(
        lib, records, admin, source=DEMO_SOURCE, file_name="示例数据（演示用）", demo=True
    )
    added = 0
    # 整改中: 台州市's 开办企业时间, by the city's 市场监管局 (three files).
    kaiban = _warning(lib, "331000", "开办企业时间")
    if kaiban is not None:
        rectifications.record_rectification(
            lib,
            kaiban.id,
            {
                "method": "流程再造",
                "description": "整合企业开办全流程为“一件事”，一表填报、并联审核、一日办结。",
            },
            _evidence("kaiban"),
            _user_actor(lib, "shijianguan"),
        )
        added += 1
    # 已整改: 台州市's 登记财产时间, rectified and closed by 台州市营商办.
    dengji = _warning(lib, "331000", "登记财产时间")
    if dengji is not None:
        office = _user_actor(lib, "yingshangban")
        rectifications.record_rectification(
            lib,
            dengji.id,
            {
                "method": "借鉴先进案例",
                "description": "借鉴存量房“带押过户”做法，登记、交易、缴税一窗受理。",
            },
            _evidence("dengji"),
            office,
        )
        warnings.close_warning(lib, dengji.id, office, "整改事项全部完成，经核查销号")
        added += 1
    # 整改中: 宁波市's 纳税时间, by 宁波市营商办.
    nashui = _warning(lib, "330200", "纳税时间")
    if nashui is not None:
        rectifications.record_rectification(
            lib,
            nashui.id,
            {"method": "数字化改革", "description": "推行非接触式办税缴费和申报预填报。"},
            _evidence("nashui"),
            _user_actor(lib, "ningbo"),
        )
        added += 1
    # The demo's 整改借鉴 case on 收回债务所需的时间 (a county of 衢州市) answers 衢州市's warning.
    quzhou = _warning(lib, "330800", DEBT)
    if quzhou is not None:
        with lib.db.transaction() as session:
            case = session.scalar(
                select(Case).where(
                    Case.case_type == "rectification_borrowed",
                    Case.name.like("%收回债务所需的时间%"),
                )
            )
            if case is not None and case.warning_id is None:
                case.warning_id = quzhou.id
    return {
        "values": report.imported,
        "warnings": report.warnings_raised,
        "rectifications": added,
    }

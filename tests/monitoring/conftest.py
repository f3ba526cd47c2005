"""A library with the default indicators, units and accounts in two cities of 浙江省 (宁波市
and 台州市, with a county of each) and helpers: import values as the admin, act as an
account, make evidence files (Word, PDF, Excel, images, a scan)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from tests.conftest import docx_bytes, pdf_bytes

PASSWORD = "monitoring-pass"
# username: (role, unit, region)
PEOPLE = {
    "nb_sub": ("submitter", "宁波市发展改革委", "330200"),
    "nb_coord": ("coordinator", "宁波市营商办", "330200"),
    "yz_sub": ("submitter", "鄞州区人民政府", "330212"),
    "tz_sub": ("submitter", "台州市市场监管局", "331000"),
    "tz_coord": ("coordinator", "台州市营商办", "331000"),
    "jj_sub": ("submitter", "椒江区人民政府", "331002"),
    "reviewer": ("reviewer", "浙江省市场监督管理局", "330000"),
    "prov_coord": ("coordinator", "浙江省营商办综合处", "330000"),
    "admin": ("admin", "浙江省营商办", "330000"),
}
# The seed's example: 收回债务所需的时间 of the 11 cities, average 2, 湖州市 best (0.50),
# 宁波市 2.00, eighth of eleven (the fourth from the bottom).
CITIES = {
    "330100": "杭州市",
    "330200": "宁波市",
    "330300": "温州市",
    "330400": "嘉兴市",
    "330500": "湖州市",
    "330600": "绍兴市",
    "330700": "金华市",
    "330800": "衢州市",
    "330900": "舟山市",
    "331000": "台州市",
    "331100": "丽水市",
}
SEED_VALUES = {
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
}
SEED_SENTENCE = (
    "“收回债务所需的时间”属于一级指标“办理破产”，该指标平均值为2年（全球最佳芬兰0.90年），"
    "最优的湖州市为0.50年，宁波市该指标为2.00年，超出预警线，全省地市排名末4位。"
)
DEBT = "收回债务所需的时间"


@pytest.fixture
def lib(fresh_lib):
    from library.accounts import users

    for name, (role, unit, region) in PEOPLE.items():
        users.create_user(fresh_lib, name, PASSWORD, role, unit=unit, region=region)
    return fresh_lib


@pytest.fixture
def actor(lib) -> Callable:
    from library.accounts.audit import Actor
    from library.accounts.users import find_user

    def make(username: str):
        with lib.db.session() as s:
            return Actor.of(find_user(s, username))

    return make


def csv_of(rows: list[tuple]) -> bytes:
    lines = ["period,region_code,indicator,value"]
    lines += [",".join(str(x) for x in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def import_rows(lib) -> Callable:
    """Import (period, region, indicator, value) rows as a CSV file, as the command line."""
    from library.monitoring.values import import_file

    def run(rows: list[tuple], **kwargs):
        return import_file(lib, "数值.csv", csv_of(rows), **kwargs)

    return run


@pytest.fixture
def seed_example(lib, import_rows) -> Callable:
    """The seed's 收回债务所需的时间: global best 芬兰 0.90, bottom 4 warned; values of a
    period (2024 unless told) for the 11 cities."""
    from library.monitoring.indicators import set_indicator

    set_indicator(
        lib,
        DEBT,
        {
            "global_best_economy": "芬兰",
            "global_best_value": 0.9,
            "warning_bottom": 4,
            "warning_above_average": None,
        },
    )

    def load(period: str = "2024", values: dict[str, float] | None = None):
        rows = [(period, code, DEBT, v) for code, v in (values or SEED_VALUES).items()]
        return import_rows(rows)

    return load


def warning_of(lib, region: str, indicator: str = DEBT, period: str = "2024"):
    from sqlalchemy import select

    from library.models import Indicator, MonitoringWarning

    with lib.db.session() as s:
        return s.scalar(
            select(MonitoringWarning)
            .join(Indicator)
            .where(
                Indicator.name == indicator,
                MonitoringWarning.region_code == region,
                MonitoringWarning.period == period,
            )
        )


def xlsx_bytes(rows: list[list], title: str = "数据") -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def png_bytes(size=(60, 40), color=(30, 120, 200)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def jpeg_bytes(size=(60, 40)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, (220, 200, 30)).save(buf, "JPEG", quality=80)
    return buf.getvalue()


def scanned_pdf_bytes() -> bytes:
    """A PDF page that draws a picture but has no text layer (a scan)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFillColorRGB(0.4, 0.4, 0.4)
    for i in range(12):
        c.rect(60, 60 + i * 55, 400, 30, fill=1, stroke=0)
    c.showPage()
    c.save()
    return buf.getvalue()


EVIDENCE_TEXT = "破产案件府院联动机制建立后，简易破产案件平均审理周期压缩至四个月。"


def evidence_files() -> list:
    """Three good evidence files: a Word report, a PDF notice, a photo."""
    from library.monitoring.evidence import EvidenceUpload

    return [
        EvidenceUpload("整改报告.docx", docx_bytes([EVIDENCE_TEXT], title="整改情况报告")),
        EvidenceUpload("工作通知.pdf", pdf_bytes(["关于建立企业破产处置府院联动机制的通知。"])),
        EvidenceUpload("现场照片.png", png_bytes()),
    ]

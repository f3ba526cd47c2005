"""Demo accounts, one (or two) per role, and a few reviews so lists and sort-by-rating have
data. Idempotent: existing accounts and reviews are left as they are."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..accounts import users as user_service
from ..accounts.audit import Actor
from ..accounts.models import User
from ..cases.models import Case, Review
from ..cases.reviews import save_review
from ..context import Library
from ..permissions import is_privileged


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    display_name: str
    unit: str
    region: str
    note: str


DEMO_PASSWORD = "demo-2021"

# The seed's 各县（市、区）and a handful of 市级有关单位 (the notice's list), as units: a
# call is addressed to them and they answer it.
COUNTY_UNITS: tuple[tuple[str, str, str], ...] = (
    # (unit, region, username of its 填报员)
    ("椒江区人民政府", "331002", "tianbao"),
    ("黄岩区人民政府", "331003", "huangyan"),
    ("路桥区人民政府", "331004", "luqiao"),
    ("临海市人民政府", "331082", "linhai"),
    ("温岭市人民政府", "331081", "wenling"),
    ("玉环市人民政府", "331083", "yuhuan"),
    ("天台县人民政府", "331023", "tiantai"),
    ("仙居县人民政府", "331024", "xianju"),
    ("三门县人民政府", "331022", "sanmen"),
    ("台州湾新区管委会", "331000", "taizhouwan"),
)
CITY_UNITS: tuple[tuple[str, str, str], ...] = (
    ("市市场监管局", "331000", "shijianguan"),
    ("市发展改革委", "331000", "shifagai"),
    ("市大数据局", "331000", "shidashuju"),
    ("市行政服务中心", "331000", "shizhengwu"),
    ("市税务局", "331000", "shishuiwu"),
)
# Units with an approver account (分管领导): "<unit login>_ld", and 椒江区's "shenhe".
APPROVED_BY = {"huangyan", "luqiao", "linhai", "shijianguan"}

ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "tianbao",
        DEMO_PASSWORD,
        "submitter",
        "椒江区填报员",
        "椒江区人民政府",
        "331002",
        "填报单位：上传、报送、修改退回的案例",
    ),
    DemoAccount(
        "shenhe",
        DEMO_PASSWORD,
        "approver",
        "椒江区分管领导",
        "椒江区人民政府",
        "331002",
        "单位审核人：审核通过或退回本单位案例",
    ),
    DemoAccount(
        "yingshangban",
        DEMO_PASSWORD,
        "coordinator",
        "台州市营商办",
        "台州市营商办",
        "331000",
        "市营商办：发征集通知、汇总发布、点评",
    ),
    DemoAccount(
        "shengting",
        DEMO_PASSWORD,
        "reviewer",
        "省市场监管局",
        "浙江省市场监督管理局",
        "330000",
        "省级业务主管部门：点评，可见推荐形式",
    ),
    DemoAccount(
        "shiju",
        DEMO_PASSWORD,
        "reviewer",
        "台州市市场监管局",
        "台州市市场监督管理局",
        "331000",
        "地方主管部门：点评，不见推荐形式",
    ),
    DemoAccount(
        "admin",
        DEMO_PASSWORD,
        "admin",
        "省营商办管理员",
        "浙江省营商办",
        "330000",
        "省营商办：全部权限，可见推荐形式",
    ),
    *(
        DemoAccount(
            login,
            DEMO_PASSWORD,
            "submitter",
            f"{unit.replace('人民政府', '')}填报员",
            unit,
            region,
            "填报单位",
        )
        for unit, region, login in COUNTY_UNITS + CITY_UNITS
        if login != "tianbao"
    ),
    *(
        DemoAccount(
            f"{login}_ld",
            DEMO_PASSWORD,
            "approver",
            f"{unit.replace('人民政府', '')}分管领导",
            unit,
            region,
            "单位审核人",
        )
        for unit, region, login in COUNTY_UNITS + CITY_UNITS
        if login in APPROVED_BY
    ),
)
# The accounts `make run` prints (one per role, and the other units' logins in a line).
FEATURED = ("tianbao", "shenhe", "yingshangban", "shengting", "shiju", "admin")

# (reviewer, case name, recommend, rating, comment, recommendation form)
DEMO_REVIEWS: tuple[tuple[str, str, bool, int, str, str | None], ...] = (
    (
        "shengting",
        "企业开办全流程“一日办结”改革",
        True,
        5,
        "流程再造彻底，数据共享到位，适合全省复制推广。",
        "全省复制推广",
    ),
    (
        "shiju",
        "企业开办全流程“一日办结”改革",
        True,
        4,
        "做法成熟，建议补充跨部门数据共享的技术细节。",
        None,
    ),
    ("admin", "企业开办全流程“一日办结”改革", True, 5, "典型案例。", "典型案例汇编"),
    (
        "shengting",
        "企业开办“一窗受理、一日办结”改革",
        True,
        4,
        "借鉴到位，结合本地实际有所创新。",
        "经验交流",
    ),
    (
        "shiju",
        "企业开办“一窗受理、一日办结”改革",
        False,
        2,
        "与原案例差异不大，创新点不够突出。",
        None,
    ),
    (
        "shengting",
        "推行存量房“带押过户” 降低交易成本",
        True,
        5,
        "切实降低了交易成本，群众获得感强。",
        "媒体宣传",
    ),
    ("yingshangban", "推行存量房“带押过户” 降低交易成本", True, 4, "可在各县区推广。", None),
    (
        "shengting",
        "增值税留抵退税“免申即享” 助企纾困解难",
        True,
        4,
        "数据比对精准，退税效率高。",
        "简报刊发",
    ),
    (
        "shiju",
        "建立企业破产处置“府院联动”常态化机制",
        True,
        3,
        "机制完善，成效数据可再充实。",
        None,
    ),
    (
        "admin",
        "惠企政策“免申即享” 让政策精准直达企业",
        True,
        4,
        "政策直达的做法值得推广。",
        "经验交流",
    ),
    # Recommended for the province's 典型案例汇编 (the compilation builder's first list).
    (
        "shengting",
        "水电气网联合报装“一件事”改革",
        True,
        4,
        "报装环节整合彻底，可编入典型案例。",
        "典型案例汇编",
    ),
    (
        "admin",
        "推行涉企轻微违法行为“首违不罚”清单制度",
        True,
        4,
        "法治化营商环境的典型做法。",
        "典型案例汇编",
    ),
    (
        "shengting",
        "建设企业综合服务中心 推进政务服务增值化改革",
        True,
        4,
        "增值化改革的样板，建议汇编推广。",
        "典型案例汇编",
    ),
    ("admin", "推行高频政务服务事项“跨省通办”", True, 4, "跨区域协同成效明显。", "典型案例汇编"),
    (
        "yingshangban",
        "对新业态新模式实行包容审慎“观察期”监管",
        False,
        2,
        "适用范围需进一步界定。",
        None,
    ),
)


def load_accounts(lib: Library) -> list[DemoAccount]:
    """Create the demo units and the demo accounts that do not exist yet. Returns every
    demo account."""
    from ..accounts.models import Unit
    from ..accounts.units import add_unit

    actor = Actor(name="demo")
    with lib.db.session() as session:
        existing = set(session.scalars(select(User.username)))
        units = set(session.execute(select(Unit.name, Unit.region_code)).all())
    for unit, region, _ in COUNTY_UNITS + CITY_UNITS:
        if (unit, region) not in units:
            add_unit(lib, unit, region, actor=actor)
    for a in ACCOUNTS:
        if a.username not in existing:
            user_service.create_user(
                lib,
                a.username,
                a.password,
                a.role,
                unit=a.unit,
                region=a.region,
                display_name=a.display_name,
                actor=actor,
            )
    return list(ACCOUNTS)


def load_reviews(lib: Library) -> int:
    """Add the demo reviews whose case and reviewer exist and that are not there yet."""
    added = 0
    for username, case_name, recommend, rating, comment, form in DEMO_REVIEWS:
        with lib.db.session() as session:
            user = user_service.find_user(session, username)
            case = session.scalar(
                select(Case).where(Case.name == case_name).order_by(Case.id).limit(1)
            )
            if user is None or case is None:
                continue
            if session.scalar(
                select(Review.id).where(Review.case_id == case.id, Review.user_id == user.id)
            ):
                continue
            case_no = case.case_no
        raw = {"recommend": recommend, "rating": rating, "comment": comment}
        if form and is_privileged(user):
            raw["recommendation_form"] = form
        save_review(lib, case_no, raw, user)
        added += 1
    return added

"""Demo accounts, one (or two) per role, and a few reviews so lists and sort-by-rating have
data. Idempotent: existing accounts and reviews are left as they are."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..models import Case, Review, User
from ..services import Library
from ..services import users as user_service
from ..services.audit import Actor
from ..services.reviews import save_review


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

ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "tianbao",
        DEMO_PASSWORD,
        "submitter",
        "椒江区填报员",
        "椒江区发展和改革局",
        "331002",
        "填报单位：上传案例",
    ),
    DemoAccount(
        "shenhe",
        DEMO_PASSWORD,
        "approver",
        "椒江区分管领导",
        "椒江区发展和改革局",
        "331002",
        "单位审核人",
    ),
    DemoAccount(
        "yingshangban",
        DEMO_PASSWORD,
        "coordinator",
        "台州市营商办",
        "台州市营商办",
        "331000",
        "市营商办：汇总上传、点评",
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
)

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
    """Create the demo accounts that do not exist yet. Returns every demo account."""
    actor = Actor(name="demo")
    with lib.db.session() as session:
        existing = set(session.scalars(select(User.username)))
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
        if form and user_service.is_privileged(user):
            raw["recommendation_form"] = form
        save_review(lib, case_no, raw, user)
        added += 1
    return added

"""A small published library for compilations and briefings: cases in two theme groups,
three themes, three counties of two cities, with reviews (ratings, 推荐形式), and accounts
of every role in two cities. Built once per module (the tests only add compilations)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest

from tests.conftest import SAMPLE_TEXT, docx_bytes, valid_form

PASSWORD = "compile-pass"
PEOPLE = {
    "coord_tz": ("coordinator", "台州市营商办", "331000"),
    "coord_nb": ("coordinator", "宁波市营商办", "330200"),
    "admin": ("admin", "浙江省营商办", "330000"),
    "reviewer": ("reviewer", "浙江省市场监督管理局", "330000"),
    "city_reviewer": ("reviewer", "台州市市场监督管理局", "331000"),
    "sub_jj": ("submitter", "椒江区人民政府", "331002"),
    "sub_nb": ("submitter", "鄞州区人民政府", "330212"),
}
# key: (name, theme, region, published_at, contact name, contact phone)
CASES = {
    "a": ("企业开办一日办结改革", "开办企业", "331002", "2021-12-03", "联系人甲", "13800001234"),
    "b": ("企业开办全程网办改革", "开办企业", "331003", "2021-12-09", "联系人乙", "0576-88123456"),
    "c": ("破产案件府院联动处置", "办理破产", "330212", "2021-12-20", "联系人丙", "13900005678"),
    "d": ("政务服务增值化改革", "政务服务", "331002", "2021-11-15", "联系人丁", "13700002468"),
    "e": ("惠企政策免申即享", "政务服务", "330212", "2022-01-05", "联系人戊", "13600001357"),
}
# reviewer, case key, rating, 推荐形式
REVIEWS = [
    ("admin", "a", 3, "典型案例汇编"),
    ("reviewer", "a", 4, None),
    ("admin", "c", 5, "典型案例汇编"),
    ("reviewer", "c", 5, "典型案例汇编"),
    ("admin", "d", 4, "简报刊发"),
    ("reviewer", "b", 2, None),
]


@pytest.fixture(scope="module")
def clib(module_lib):
    from library.accounts import users
    from library.accounts.audit import Actor
    from library.cases.reviews import save_review
    from library.cases.submit import Upload
    from tests.conftest import submit

    for name, (role, unit, region) in PEOPLE.items():
        users.create_user(module_lib, name, PASSWORD, role, unit=unit, region=region)
    numbers = {}
    for key, (name, theme, region, published, contact, phone) in CASES.items():
        form = valid_form(
            name=name,
            theme=theme,
            region_code=region,
            published_at=published,
            contact_name=contact,
            contact_phone=phone,
            unit=f"{key}号填报单位",
            summary=f"{name}：一表填报、一窗受理。",
            innovative_practice=f"{name}的创新做法，由{contact}牵头，咨询电话{phone}。",
        )
        data = docx_bytes(SAMPLE_TEXT + [f"汇编测试案例{key}，编号{ord(key) * 7919}。"], title=name)
        case = submit(
            module_lib, form, Upload(f"{key}.docx", data), Actor.cli(), confirm_near_duplicate=True
        )
        numbers[key] = case.case_no
    for who, key, rating, form in REVIEWS:
        raw = {"recommend": True, "rating": rating, "recommendation_form": form}
        save_review(module_lib, numbers[key], raw, actor_of(module_lib, who))
    module_lib.case_nos = numbers
    return module_lib


def actor_of(lib, username: str):
    from library.accounts.audit import Actor
    from library.accounts.users import find_user

    with lib.db.session() as s:
        return Actor.of(find_user(s, username))


@pytest.fixture
def actor(clib) -> Callable:
    return lambda username: actor_of(clib, username)


# -- reading a .docx back ---------------------------------------------------------------------


def read_docx(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def headings(data: bytes) -> list[tuple[int, str]]:
    """(level, text) of every Heading paragraph, in order."""
    out = []
    for p in read_docx(data).paragraphs:
        m = re.match(r"Heading (\d)", p.style.name or "")
        if m:
            out.append((int(m.group(1)), p.text))
    return out


def body_blocks(data: bytes) -> list[tuple[str, object]]:
    """The body in order: ("heading", (level, text)) and ("table", {label: value, "_case": no})."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = read_docx(data)
    out: list[tuple[str, object]] = []
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = Paragraph(child, d)
            m = re.match(r"Heading (\d)", p.style.name or "")
            if m:
                out.append(("heading", (int(m.group(1)), p.text)))
        elif child.tag == qn("w:tbl"):
            t = Table(child, d)
            caption = child.find(qn("w:tblPr")).find(qn("w:tblCaption"))
            rows = {r.cells[0].text: r.cells[1].text for r in t.rows}
            rows["_case"] = caption.get(qn("w:val")) if caption is not None else None
            out.append(("table", rows))
    return out


def all_xml(data: bytes) -> str:
    """Every XML part of the package as text (body, headers, footers, properties...)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))
        )


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")

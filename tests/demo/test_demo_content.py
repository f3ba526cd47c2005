"""The demo library: content rules of cases.json and the rendering to .docx / .pdf."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from library.demo.render import (
    BORROWED_TYPES,
    NON_FORM_KEYS,
    body_text,
    form_values,
    load_demo_cases,
    render_pdf,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "schemas" / "case_form.json"
ADMIN_DIR = (
    ROOT.parent
    / "shared"
    / "corpus"
    / "03_admin_divisions"
    / "modood_Administrative-divisions-of-China"
)
TODAY = dt.date(2026, 11, 25)

THEMES = {
    "开办企业", "劳动力市场监管", "办理建筑许可", "政府采购", "招标投标", "获得电力",
    "获得用水用气", "登记财产", "获得信贷", "保护中小投资者", "知识产权创造、保护和运用",
    "跨境贸易", "纳税", "执行合同", "办理破产", "市场监管", "政务服务", "包容普惠创新",
    "信用环境建设", "法治保障",
}  # fmt: skip
TAGS = {
    "一网通办", "最多跑一次", "数字化改革", "证照分离", "告知承诺制", "容缺受理", "一件事一次办",
    "双随机一公开", "信用监管", "跨省通办", "免申即享", "帮办代办", "并联审批", "区块链",
    "电子证照", "智慧监管", "包容审慎监管", "减税降费", "惠企政策直达", "首问负责制", "联合验收",
    "多测合一", "标准地", "预审批", "全程网办", "企业破产府院联动", "知识产权质押融资",
    "跨境电商", "通关便利化", "政务服务增值化",
}  # fmt: skip

# Fields that fall under the anonymity rule of the 申报表 (no place or person names).
ANONYMOUS_FIELDS = (
    "name", "summary", "problem", "solution",
    "traditional_practice", "innovative_practice", "application_scenario",
)  # fmt: skip
PRACTICE_FIELDS = ("traditional_practice", "innovative_practice", "application_scenario")
CASE_KEYS = {
    "key", "format", "file_name", "name", "theme", "case_type", "borrowed_from_key", "summary",
    "problem", "solution", "traditional_practice", "innovative_practice", "application_scenario",
    "tags", "region_code", "unit", "contact_name", "contact_phone", "published_at", "body",
}  # fmt: skip

# Administrative-division suffixes, longest first; stripping one gives the short form
# (台州市 -> 台州, 椒江区 -> 椒江, 浦东新区 -> 浦东).
_SUFFIXES = ("特别行政区", "新区", "林区", "地区", "省", "市", "区", "县", "旗", "盟")
# Names and short forms that are also ordinary words of administrative prose; matching
# them would flag innocent text (城区, 合作 <- 合作市, 资源 <- 资源县, 新建 <- 新建区 ...).
ORDINARY_WORDS = frozenset(
    {
        "合作", "资源", "新建", "新兴", "友好", "光明", "和平", "平安", "长安", "安定", "方正",
        "大方", "同心", "东方", "高明", "大同", "新华", "城关", "平和", "兴业", "共和", "吉利",
        "新市", "市中", "城中", "向阳", "红旗", "白云", "新城", "滨海", "公安", "会同",
        "城区", "郊区", "矿区", "港口", "通道", "延长",
    }
)  # fmt: skip


def _cases() -> list[dict]:
    return load_demo_cases()


@functools.cache
def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _short_form(name: str) -> str | None:
    if "自治" in name:  # 景宁畲族自治县 -> 景宁, 延边朝鲜族自治州 -> 延边
        return name[:2]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


@functools.cache
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(full names, short forms) of China's provinces, cities and counties (corpus CSVs)."""
    full: set[str] = set()
    short: set[str] = set()
    for file_name in ("provinces.csv", "cities.csv", "areas.csv"):
        with (ADMIN_DIR / file_name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = row["name"].strip()
                if "辖" in name or len(name) < 2:  # 市辖区, 县: placeholders, not places
                    continue
                if name not in ORDINARY_WORDS:
                    full.add(name)
                form = _short_form(name)
                if form and len(form) >= 2 and form not in ORDINARY_WORDS:
                    short.add(form)
    return frozenset(full), frozenset(short - full)


def place_names() -> frozenset[str]:
    full, short = _gazetteer()
    return full | short


@functools.cache
def _full_name_pattern() -> re.Pattern[str]:
    names = sorted(_gazetteer()[0], key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def find_place_names(text: str) -> list[str]:
    """Place names in ``text``.

    Full names (台州市, 椒江区) match anywhere. A two- or three-character short form
    (台州, 椒江) matches only at the start of a jieba token, so a form straddling two words
    (和政 <- 和政县 in "共享和政务服务") is not reported.
    """
    import jieba

    found = _full_name_pattern().findall(text)
    rest = _full_name_pattern().sub(" ", text)
    short = _gazetteer()[1]
    for token in jieba.lcut(rest):
        for size in (4, 3, 2):
            if token[:size] in short:
                found.append(token[:size])
                break
    return found


def _texts(case: dict) -> dict[str, str]:
    texts = {field: case[field] or "" for field in ANONYMOUS_FIELDS}
    texts["unit"] = case["unit"]  # the region is a separate field: no place name in the unit
    texts["file_name"] = case["file_name"]
    texts["body"] = body_text(case)
    return texts


def _body_chars(case: dict) -> int:
    return len(re.sub(r"\s", "", body_text(case)))


# ------------------------------------------------------------------ content rules


def test_counts_and_spread() -> None:
    cases = _cases()
    assert len(cases) >= 36
    assert len({c["key"] for c in cases}) == len(cases), "keys must be unique"
    assert len({c["file_name"] for c in cases}) == len(cases), "file names must be unique"
    assert len({c["theme"] for c in cases}) >= 15
    assert len({c["region_code"] for c in cases}) >= 8
    assert len({c["published_at"][:4] for c in cases}) >= 5
    formats = Counter(c["format"] for c in cases)
    assert set(formats) == {"docx", "pdf"}
    assert 0.3 <= formats["pdf"] / len(cases) <= 0.5
    types = Counter(c["case_type"] for c in cases)
    assert types["innovation_borrowed"] >= 6 and types["rectification_borrowed"] >= 3


def test_keys_and_metadata() -> None:
    for case in _cases():
        assert set(case) == CASE_KEYS, (case["key"], set(case) ^ CASE_KEYS)
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", case["key"]), case["key"]
        assert case["file_name"].endswith("." + case["format"]), case["key"]
        assert not re.search(r'[\\/:*?"<>|]', case["file_name"]), case["file_name"]
        assert case["theme"] in THEMES, (case["key"], case["theme"])
        assert 2 <= len(case["tags"]) <= 5 and set(case["tags"]) <= TAGS, case["key"]
        published = dt.date.fromisoformat(case["published_at"])
        assert dt.date(2019, 1, 1) <= published <= TODAY, case["key"]


def test_every_case_validates_against_the_form_schema() -> None:
    validator = Draft202012Validator(_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for case in _cases():
        values = form_values(case)
        assert set(values) <= set(_schema()["properties"]), case["key"]
        errors = [
            f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(values)
        ]
        assert not errors, (case["key"], errors)


def test_borrowed_type_requires_borrowed_from() -> None:
    validator = Draft202012Validator(_schema())
    case = next(c for c in _cases() if c["case_type"] in BORROWED_TYPES)
    values = {k: v for k, v in form_values(case).items() if k != "borrowed_from"}
    assert any(e.validator == "required" for e in validator.iter_errors(values))


def test_borrowed_links_point_to_earlier_cases() -> None:
    cases = _cases()
    by_key = {c["key"]: c for c in cases}
    position = {c["key"]: i for i, c in enumerate(cases)}
    for case in cases:
        source_key = case["borrowed_from_key"]
        if case["case_type"] not in BORROWED_TYPES:
            assert source_key is None, case["key"]
            continue
        assert source_key in by_key, case["key"]
        source = by_key[source_key]
        assert position[source_key] < position[case["key"]], case["key"]
        assert source["published_at"] < case["published_at"], case["key"]
        assert source["region_code"] != case["region_code"], case["key"]


def test_text_lengths() -> None:
    for case in _cases():
        for field in PRACTICE_FIELDS:
            assert 150 <= len(case[field]) <= 600, (case["key"], field, len(case[field]))
        assert 1200 <= _body_chars(case) <= 3000, (case["key"], _body_chars(case))
        assert len(case["body"]) >= 3 and all(s["paragraphs"] for s in case["body"]), case["key"]


def test_near_duplicate_pairs_exist() -> None:
    """At least two borrowed cases copy most of their source (for near-duplicate detection)."""

    def shingles(text: str) -> set[str]:
        text = re.sub(r"\s", "", text)
        return {text[i : i + 5] for i in range(len(text) - 4)}

    by_key = {c["key"]: c for c in _cases()}
    near: list[str] = []
    for case in by_key.values():
        if case["borrowed_from_key"]:
            a, b = shingles(body_text(case)), shingles(body_text(by_key[case["borrowed_from_key"]]))
            if len(a & b) / len(a | b) >= 0.6:
                near.append(case["key"])
    assert len(near) >= 2, near


@pytest.mark.corpus
def test_no_place_names_in_text_fields() -> None:
    if not (ADMIN_DIR / "areas.csv").is_file():
        pytest.skip("corpus admin-division CSVs not available")
    assert {"台州市", "台州", "椒江区", "椒江", "浙江省", "浙江", "景宁"} <= place_names()
    assert find_place_names("我市在台州湾推行改革") == ["台州"]
    assert find_place_names("椒江区数据共享和政务服务") == ["椒江区"]
    findings = []
    for case in _cases():
        for field, text in _texts(case).items():
            for name in find_place_names(text):
                findings.append((case["key"], field, name))
    assert not findings, findings


# ---------------------------------------------------------------------- rendering


# A small, fixed sample keeps the test fast: the first cases of each format.
def _sample(fmt: str, n: int = 3) -> list[dict]:
    return [c for c in _cases() if c["format"] == fmt][:n]


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("case", _sample("pdf"), ids=lambda c: c["key"])
def test_pdf_renders_extractable_deterministic_text(case: dict) -> None:
    from pdfminer.high_level import extract_text

    data = render_pdf(case)
    assert data.startswith(b"%PDF-")
    assert data == render_pdf(case), "rendering must be deterministic"
    raw = extract_text(io.BytesIO(data))
    assert "— 1 —" in raw, "page numbers"
    # A paragraph may run across a page break: drop the footers before comparing.
    text = _flat(re.sub(r"— \d+ —|\f", "", raw))
    assert _flat(case["name"]) in text
    assert _flat(case["summary"]) in text
    for section in case["body"]:
        assert _flat(section["heading"]) in text
        assert _flat(section["paragraphs"][0]) in text
    assert "\ufffd" not in text and "(cid:" not in text


def _docx_or_skip():
    try:
        from library.cases import template  # noqa: F401
    except ImportError:
        pytest.skip("library.cases.template is not available yet")
    from library.demo.render import render_docx

    return render_docx


@pytest.mark.parametrize("case", _sample("docx"), ids=lambda c: c["key"])
def test_docx_renders_body_deterministically(case: dict) -> None:
    import docx

    render_docx = _docx_or_skip()
    data = render_docx(case)
    assert data == render_docx(case), "rendering must be deterministic"
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [s["heading"] for s in case["body"]] == headings[-len(case["body"]) :]
    for section in case["body"]:
        for paragraph in section["paragraphs"]:
            assert paragraph in paragraphs
    everything = "\n".join(paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert case["name"] in everything
    assert document.core_properties.title == case["name"]


@pytest.mark.parametrize("case", _sample("docx", 2), ids=lambda c: c["key"])
def test_docx_form_parses_back_to_the_case_fields(case: dict) -> None:
    render_docx = _docx_or_skip()
    from library.cases.template import parse_template

    parsed = parse_template(render_docx(case), filename=case["file_name"])
    expected = {k: v for k, v in form_values(case).items() if k != "published_at"}
    assert parsed == expected


def test_write_demo_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from library.demo import render

    cases = _sample("pdf", 2)
    monkeypatch.setattr(render, "load_demo_cases", lambda: cases)
    written = render.write_demo_files(tmp_path / "out")
    assert [p.name for _, p in written] == [c["file_name"] for c in cases]
    assert all(p.read_bytes().startswith(b"%PDF-") for _, p in written)


def test_form_values_hold_only_form_fields() -> None:
    case = _cases()[0]
    assert not set(form_values(case)) & NON_FORM_KEYS

"""Compilations (典型案例汇编): the cases chosen, the order, the Word document as python-docx
reads it back (chapters, the cases under them, no contact names or phones, the TOC field),
the saved record, regeneration and who may do what."""

from __future__ import annotations

import hashlib
import io
import re
import time
from datetime import date

import pytest
from sqlalchemy import select, update

from library.compilations import build, fonts, read, selection, writer
from library.errors import Forbidden, NotFound, ValidationFailed

from .conftest import CASES, all_xml, body_blocks, headings, part, read_docx


def names(*keys):
    return [CASES[k][0] for k in keys]


def case_headings(data: bytes) -> list[str]:
    """The case names of the level-3 headings, without their numbers."""
    return [re.sub(r"^\d+．", "", t) for level, t in headings(data) if level == 3]


def test_one_chapter_per_theme_group_and_the_cases_under_their_theme(clib, actor):
    """Chapters follow the catalogue (企业全生命周期 before 城市投资吸引力), a section per
    theme in catalogue order, each case under its theme with its 申报表 table after it."""
    g = build.create(clib, {}, actor("coord_tz"))
    assert g.case_count == 5 and g.chapters == 2
    assert headings(g.data) == [
        (1, "一、企业全生命周期"),
        (2, "（一）开办企业"),
        (3, "1．" + CASES["a"][0]),
        (3, "2．" + CASES["b"][0]),
        (2, "（二）办理破产"),
        (3, "3．" + CASES["c"][0]),
        (1, "二、城市投资吸引力"),
        (2, "（一）政务服务"),
        (3, "4．" + CASES["d"][0]),
        (3, "5．" + CASES["e"][0]),
    ]
    blocks = body_blocks(g.data)
    for i, (kind, value) in enumerate(blocks):
        if kind == "heading" and value[0] == 3:
            kind_next, table = blocks[i + 1]
            assert kind_next == "table"
            key = next(k for k, c in CASES.items() if value[1].endswith(c[0]))
            assert table["_case"] == clib.case_nos[key]
            assert list(table)[:6] == [
                "应对问题",
                "解决问题",
                "传统做法",
                "创新做法",
                "应用场景",
                "标签",
            ]
            assert CASES[key][0] + "的创新做法" in table["创新做法"]
            assert table["标签"] == "一网通办、最多跑一次"


def test_order_by_region_by_rating_and_by_hand_inside_each_theme(clib, actor):
    """Inside a theme: region codes ascending, best average rating first, or as given;
    the chapters stay in catalogue order whatever the order."""
    by_region = build.create(clib, {"order": "region"}, actor("coord_tz")).data
    assert case_headings(by_region) == names("a", "b", "c", "e", "d")  # 330212 < 331002
    by_rating = build.create(clib, {"order": "rating"}, actor("coord_tz")).data
    # 开办企业: a 3.5 before b 2.0; 政务服务: d 4.0 before e (no rating).
    assert case_headings(by_rating) == names("a", "b", "c", "d", "e")
    nos = clib.case_nos
    hand = [nos["e"], nos["b"], nos["d"], nos["a"]]
    by_hand = build.create(clib, {"order": "hand", "case_nos": hand}, actor("coord_tz")).data
    assert case_headings(by_hand) == names("b", "a", "e", "d")


def test_region_order_follows_the_division_codes(clib, actor):
    """政务服务 holds a 椒江区 (331002) and a 鄞州区 (330212) case: 330212 comes first."""
    data = build.create(clib, {"order": "region", "theme": "政务服务"}, actor("admin")).data
    assert case_headings(data) == names("e", "d")


def test_rating_order_puts_the_best_rated_first(clib, actor):
    """With both 开办企业 cases, the better average (a: 3.5) precedes the worse (b: 2.0),
    whatever order they were picked in."""
    nos = clib.case_nos
    data = build.create(
        clib, {"order": "rating", "case_nos": [nos["b"], nos["a"]]}, actor("admin")
    ).data
    assert case_headings(data) == names("a", "b")


def test_no_contact_name_or_phone_appears_anywhere_in_the_file(clib, actor):
    """Neither the 联系人 nor the 联系电话 of any case is in any part of the package, even
    where a case's own text repeats them; region and unit only when asked for."""
    data = build.create(clib, {}, actor("coord_tz")).data
    xml = all_xml(data)
    for _name, _theme, _region, _pub, contact, phone in CASES.values():
        assert contact not in xml
        assert phone not in xml and phone.replace("-", "") not in xml
    assert writer.PHONE_REDACTED in xml and writer.NAME_REDACTED in xml
    assert "填报单位" not in xml and "a号填报单位" not in xml and "椒江区" not in xml

    shown = build.create(clib, {"show_region": True}, actor("coord_tz")).data
    tables = [v for k, v in body_blocks(shown) if k == "table"]
    first = next(t for t in tables if t["_case"] == clib.case_nos["a"])
    assert first["填报地区"] == "浙江省台州市椒江区" and first["填报单位"] == "a号填报单位"
    shown_xml = all_xml(shown)
    for _name, _theme, _region, _pub, contact, phone in CASES.values():
        assert contact not in shown_xml and phone not in shown_xml


def test_the_contents_are_a_toc_field_word_updates_on_opening(clib, actor):
    """A TOC field (fldChar begin/separate/end around TOC \\o "1-3" \\h \\z \\u) lists every
    heading with a PAGEREF to its bookmark; settings.xml says updateFields; the body's
    footer has a PAGE field and its pages count from 1."""
    data = build.create(clib, {}, actor("coord_tz")).data
    doc = part(data, "word/document.xml")
    begin = doc.index('w:fldCharType="begin"')
    toc = doc.index('TOC \\o "1-3" \\h \\z \\u')
    separate = doc.index('w:fldCharType="separate"', toc)
    assert begin < toc < separate
    marks = re.findall(r'w:bookmarkStart w:id="\d+" w:name="(_Toc\d+)"', doc)
    refs = re.findall(r"PAGEREF (_Toc\d+) \\h", doc)
    assert len(marks) == len(headings(data)) == 10 and refs == marks
    last_ref_end = doc.index('w:fldCharType="end"', doc.rindex("PAGEREF"))
    toc_end = doc.index('w:fldCharType="end"', last_ref_end + 1)
    assert toc_end < doc.index("w:bookmarkStart")  # the field closes before the body
    assert re.search(r'<w:updateFields w:val="(true|1)"/>', part(data, "word/settings.xml"))
    d = read_docx(data)
    assert len(d.sections) == 2
    footer = d.sections[1].footer._element.xml
    assert "PAGE" in footer and "fldChar" in footer
    assert 'w:start="1"' in d.sections[1]._sectPr.xml
    assert d.sections[0].footer.paragraphs[0].text == ""


def test_official_fonts_are_named_with_noto_fallbacks(clib, actor):
    """Styles name 仿宋_GB2312 (text), 黑体 (chapters), 楷体_GB2312, 方正小标宋简体 (title),
    Times New Roman for Latin; the font table lists fallbacks ending with Noto CJK."""
    data = build.create(clib, {}, actor("coord_tz")).data
    d = read_docx(data)

    def east_asia(style: str) -> str:
        rfonts = d.styles[style].element.rPr.rFonts
        return rfonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")

    assert east_asia("Normal") == "仿宋_GB2312"
    assert east_asia("Heading 1") == "黑体"
    assert east_asia("Heading 2") == "楷体_GB2312"
    assert east_asia("Cover Title") == "方正小标宋简体"
    assert d.styles["Normal"].font.name == "Times New Roman"
    table = part(data, "word/fontTable.xml")
    assert re.search(r'w:name="仿宋_GB2312">.*?w:altName w:val="[^"]*Noto Serif CJK SC"', table)
    assert re.search(r'w:name="黑体">.*?w:altName w:val="[^"]*Noto Sans CJK SC"', table)


def test_fonts_are_laid_out_with_what_is_installed():
    """For the PDF, an official font that is installed stays; one that is not becomes the
    first installed fallback, else Noto CJK."""
    assert fonts.resolve(fonts.BODY, frozenset({"FangSong", "Noto Serif CJK SC"})) == "FangSong"
    assert fonts.resolve(fonts.HEADING, frozenset()) == "Noto Sans CJK SC"
    mapping = fonts.rendering_map(frozenset({"仿宋_GB2312", "黑体"}))
    assert "仿宋_GB2312" not in mapping and "黑体" not in mapping
    assert mapping["楷体_GB2312"] == "Noto Serif CJK SC"


def test_the_cover_names_the_title_issuer_date_and_count(clib, actor):
    """Title, number of cases, issuing office (the maker's unit by default) and date."""
    data = build.create(
        clib, {"title": "2021年度典型案例汇编", "issued_on": "2021-12-31"}, actor("coord_tz")
    ).data
    texts = [p.text for p in read_docx(data).paragraphs[:6]]
    assert texts[0] == "2021年度典型案例汇编"
    assert "（收录案例 5 个）" in texts and "台州市营商办" in texts and "2021年12月31日" in texts
    props = read_docx(data).core_properties
    assert props.title == "2021年度典型案例汇编" and props.keywords == writer.FORM_ID


def test_filters_select_from_search_recommendations_and_rating(clib, actor):
    """Keywords and filters go through the search; 推荐形式 selects the cases reviews
    recommended for it; min_rating drops the lower rated; filters combine."""
    nos = clib.case_nos

    def chosen(**filters):
        spec, _ = selection.parse(filters)
        with clib.db.session() as s:
            from library.models import Case

            ids = selection.chosen_ids(clib, spec)
            return sorted(s.scalars(select(Case.case_no).where(Case.id.in_(ids))))

    assert chosen(recommended_for="典型案例汇编") == sorted([nos["a"], nos["c"]])
    assert chosen(recommended_for="典型案例汇编", min_rating=4) == [nos["c"]]
    assert chosen(theme="开办企业") == sorted([nos["a"], nos["b"]])
    assert chosen(q="府院联动") == [nos["c"]]
    assert chosen(year=2022) == [nos["e"]]
    assert chosen(region="3302") == sorted([nos["c"], nos["e"]])


def test_nothing_matching_is_an_error_and_nothing_is_saved(clib, actor):
    """No published case matches: ``nothing_to_compile``; bad fields are all reported."""
    from library.models import Compilation

    with clib.db.session() as s:
        before = len(list(s.scalars(select(Compilation.id))))
    with pytest.raises(selection.NothingToCompile):
        build.create(clib, {"q": "没有这样的改革案例词语"}, actor("admin"))
    with pytest.raises(selection.NothingToCompile):
        build.create(clib, {"recommended_for": "媒体宣传"}, actor("admin"))
    with pytest.raises(ValidationFailed) as e:
        build.create(
            clib,
            {"order": "random", "min_rating": 9, "recommended_for": "海报", "title": "x" * 61},
            actor("admin"),
        )
    assert {x.field for x in e.value.errors} == {"order", "min_rating", "recommended_for", "title"}
    with pytest.raises(ValidationFailed) as e:
        build.create(clib, {"case_nos": ["YS1999-99999"]}, actor("admin"))
    assert e.value.errors[0].code == "case_not_found"
    with pytest.raises(ValidationFailed) as e:
        build.create(clib, {"case_nos": [clib.case_nos["a"]], "theme": "开办企业"}, actor("admin"))
    assert e.value.errors[0].code == "conflicting"
    with clib.db.session() as s:
        assert len(list(s.scalars(select(Compilation.id)))) == before


def test_a_compilation_is_saved_with_its_cases_options_and_audit(clib, actor):
    """Who, when, which cases in which order, which options; the file is stored; the audit
    log has it; the cases say 已收录于 it."""
    from library.models import AuditEvent

    nos = clib.case_nos
    g = build.create(
        clib,
        {
            "title": "推荐案例汇编",
            "recommended_for": "典型案例汇编",
            "order": "rating",
            "show_region": True,
        },
        actor("coord_tz"),
    )
    record = read.get_compilation(clib, g.compilation_id, actor("coord_tz"))
    assert record["title"] == "推荐案例汇编" and record["created_by"] == "coord_tz"
    assert record["order"] == "rating" and record["show_region"] is True
    assert record["selection"] == {
        "source": "recommended",
        "filters": {"recommended_for": "典型案例汇编"},
    }
    assert [c["case_no"] for c in record["cases"]] == [nos["a"], nos["c"]]
    assert record["region_code"] == "331000" and record["revision"] == 1
    assert [c["title"] for c in record["chapters"]] == ["企业全生命周期"]
    f = read.compilation_file(clib, g.compilation_id, actor("coord_tz"))
    assert f.data == g.data and f.name == "推荐案例汇编.docx"
    with clib.db.session() as s:
        ev = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "compilation.create",
                AuditEvent.object_id == str(g.compilation_id),
            )
        ).one()
        assert ev.actor == "coord_tz" and ev.detail["cases"] == 2
    inside = read.containing(clib, nos["a"], actor("coord_tz"))
    assert {"id": g.compilation_id, "title": "推荐案例汇编"}.items() <= inside[0].items()
    assert read.containing(clib, nos["a"], actor("sub_jj"))[0]["id"] is None  # title only
    assert "推荐案例汇编" not in [
        c["title"] for c in read.containing(clib, nos["b"], actor("admin"))
    ]


def test_regenerating_takes_the_cases_current_text_and_keeps_the_choice(clib, actor):
    """The same cases and options, the text as it is now; revision and time move on."""
    from library.models import Case

    nos = clib.case_nos
    g = build.create(clib, {"case_nos": [nos["d"]], "title": "单篇汇编"}, actor("coord_tz"))
    with clib.db.transaction() as s:
        s.execute(
            update(Case)
            .where(Case.case_no == nos["d"])
            .values(application_scenario="修改后的应用场景。")
        )
    again = build.regenerate(clib, g.compilation_id, actor("coord_tz"))
    table = next(v for k, v in body_blocks(again.data) if k == "table")
    assert table["应用场景"] == "修改后的应用场景。"
    record = read.get_compilation(clib, g.compilation_id, actor("coord_tz"))
    assert record["revision"] == 2
    assert record["file"]["sha256"] == hashlib.sha256(again.data).hexdigest()
    assert record["file"]["sha256"] != hashlib.sha256(g.data).hexdigest()
    assert [c["case_no"] for c in record["cases"]] == [nos["d"]]


def test_who_may_compile_and_see_compilations(clib, actor):
    """Coordinators (their region) and the admin compile and read; others may not; a
    coordinator of another city does not see the compilation (404) nor list it."""
    g = build.create(clib, {}, actor("coord_tz"))
    for who in ("sub_jj", "reviewer", "city_reviewer"):
        with pytest.raises(Forbidden):
            build.create(clib, {}, actor(who))
        with pytest.raises(Forbidden):
            read.list_compilations(clib, actor(who))
    with pytest.raises(NotFound):
        read.get_compilation(clib, g.compilation_id, actor("coord_nb"))
    with pytest.raises(NotFound):
        build.regenerate(clib, g.compilation_id, actor("coord_nb"))
    assert g.compilation_id not in [
        c["id"] for c in read.list_compilations(clib, actor("coord_nb"))
    ]
    assert g.compilation_id in [c["id"] for c in read.list_compilations(clib, actor("admin"))]
    assert read.get_compilation(clib, g.compilation_id, actor("admin"))["id"] == g.compilation_id


def test_two_hundred_cases_are_written_in_well_under_twenty_seconds():
    """The writer alone, 200 cases of realistic length: the benchmark's figure holds."""
    text = "针对企业开办环节多、材料多、时间长的问题，推行一网通办，整合为一件事。" * 3
    entries = [
        writer.Entry(
            case_no=f"YS2021-{i:05d}",
            name=f"第{i}号改革案例",
            problem=text,
            solution=text,
            traditional_practice=text,
            innovative_practice=text,
            application_scenario=text,
            tags=("一网通办",),
        )
        for i in range(200)
    ]
    chapters = [
        writer.Chapter("企业全生命周期", [writer.Section("开办企业", entries[:100])]),
        writer.Chapter("城市投资吸引力", [writer.Section("政务服务", entries[100:])]),
    ]
    booklet = writer.Booklet("汇编", "省营商办", date(2026, 12, 1), chapters)
    start = time.perf_counter()
    data = writer.render(booklet)
    assert time.perf_counter() - start < 20
    assert len([h for h in headings(data) if h[0] == 3]) == 200


def test_control_characters_in_a_case_do_not_stop_the_compilation():
    """A case text holding a character XML cannot hold (a control character, a lone
    surrogate: data of an earlier release, or typed in) is written without it."""
    from docx import Document

    entry = writer.Entry(
        case_no="YS2021-00001",
        name="企业开办\x0b改革",
        problem="材料多\x00、时间长\ud800。",
        solution="一网通办\x1f。",
        tags=("一网\x08通办",),
    )
    booklet = writer.Booklet(
        "汇编\x0c",
        "省营商办\x07",
        date(2026, 12, 1),
        [writer.Chapter("企业", [writer.Section("开办", [entry])])],
    )
    doc = Document(io.BytesIO(writer.render(booklet)))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    assert "材料多、时间长。" in text and "一网通办。" in text and "一网通办" in text
    assert "企业开办改革" in text and "汇编" in text


def test_a_form_drops_control_characters():
    from library.validation import clean_form

    out = clean_form(
        "case_form", {"name": "企业\x0b开办\x00改革\ud800", "problem": "第一行\n第二行\t。"}
    )
    assert out == {"name": "企业开办改革", "problem": "第一行\n第二行\t。"}

"""Importing values: .csv and .xlsx with a header row, one error line per bad row (as a
spreadsheet numbers it) and nothing stored when any row is bad unless the good rows are
asked for; re-importing a period replaces its values and keeps what they were."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from library.errors import Forbidden
from library.models import Indicator, IndicatorValue, MonitoringWarning, ValueChange, ValueImport
from library.monitoring import values
from library.monitoring.values import ImportRejected, import_file, import_records

from .conftest import DEBT, SEED_VALUES, csv_of, xlsx_bytes

GOOD = [
    ("2024", "330200", DEBT, "2.00"),
    ("2024Q1", "330212", "开办企业时间", "1.5"),
    ("2024", "331000", "债权人回收率", "45.2"),
]


def _counts(lib) -> dict[str, int]:
    with lib.db.session() as s:
        return {
            "values": s.scalar(select(func.count()).select_from(IndicatorValue)),
            "imports": s.scalar(select(func.count()).select_from(ValueImport)),
            "warnings": s.scalar(select(func.count()).select_from(MonitoringWarning)),
        }


def _stored(lib) -> dict[tuple[str, str], float]:
    with lib.db.session() as s:
        return {(v.region_code, v.period): v.value for v in s.scalars(select(IndicatorValue))}


def test_a_csv_file_is_imported_with_its_counts(lib, import_rows):
    """Three good rows of three indicators, a city and counties, years and quarters."""
    report = import_rows(GOOD)
    assert (report.rows, report.imported, report.added) == (3, 3, 3)
    assert report.periods == ["2024Q1", "2024"]
    assert _stored(lib) == {
        ("330200", "2024"): 2.0,
        ("330212", "2024Q1"): 1.5,
        ("331000", "2024"): 45.2,
    }
    with lib.db.session() as s:
        imp = s.scalar(select(ValueImport))
        assert (imp.source, imp.file_name, imp.added) == ("file", "数值.csv", 3)


BAD_ROWS = [
    ("2024", "330200", DEBT, "2"),  # row 2: fine
    ("2024", "339999", DEBT, "1"),  # row 3: unknown region
    ("2024", "330200", "收回债务所需时长", "1"),  # row 4: unknown indicator
    ("2024", "330100", DEBT, "两年"),  # row 5: not a number
    ("2024", "330200", DEBT, "2.5"),  # row 6: duplicate of row 2
    ("2024-13", "330300", DEBT, "1"),  # row 7: bad period
    ("2024", "330000", DEBT, "1"),  # row 8: a province
    ("2024", "330400", DEBT, ""),  # row 9: no value
]


def test_every_bad_row_is_reported_with_its_row_number_and_nothing_is_stored(lib, import_rows):
    """One error per bad row, numbered as a spreadsheet numbers it (the header is row 1),
    each with its stable code; no value, import or warning is stored."""
    before = _counts(lib)
    with pytest.raises(ImportRejected) as e:
        import_rows(BAD_ROWS)
    messages = [x.message for x in e.value.errors]
    assert messages == [
        "第 3 行：未知的地区“339999”",
        "第 4 行：未知的指标“收回债务所需时长”",
        "第 5 行：数值“两年”不是数字",
        "第 6 行：与第 2 行重复（同一期间、地区和指标）",
        "第 7 行：期间“2024-13”格式不正确，应为年份（2024）或季度（2024Q1）",
        "第 8 行：地区“浙江省”不是地市或县（市、区）",
        "第 9 行：缺少数值",
    ]
    assert [x.code for x in e.value.errors] == [
        "unknown_region",
        "unknown_indicator",
        "not_a_number",
        "duplicate_row",
        "invalid_period",
        "region_level",
        "missing_value",
    ]
    assert e.value.as_dict()["code"] == "import_rejected"
    assert e.value.errors[0].as_dict()["row"] == 3
    assert _counts(lib) == before


def test_a_row_with_several_problems_lists_them_all_on_its_line(lib, import_rows):
    with pytest.raises(ImportRejected) as e:
        import_rows([("二〇二四", "", "没有", "x")])
    assert e.value.errors[0].message == (
        "第 2 行：期间“二〇二四”格式不正确，应为年份（2024）或季度（2024Q1）；缺少地区代码；"
        "未知的指标“没有”；数值“x”不是数字"
    )


def test_the_good_rows_are_imported_when_asked(lib, import_rows):
    """skip_bad_rows: the good rows go in, the bad ones are reported as skipped."""
    report = import_rows(BAD_ROWS, skip_bad_rows=True)
    assert (report.rows, report.imported, len(report.skipped)) == (8, 1, 7)
    assert _stored(lib) == {("330200", "2024"): 2.0}
    with lib.db.session() as s:
        assert s.scalar(select(ValueImport.skipped_rows)) == 7


def test_an_xlsx_file_is_read_with_its_spreadsheet_row_numbers(lib):
    """Numbers and text cells alike; an empty row keeps the numbering of the rows after."""
    data = xlsx_bytes(
        [
            ["期间", "地区代码", "指标", "数值"],  # Chinese headers are accepted
            [2024, 330200, DEBT, 2],
            [],
            ["2024", "330500", DEBT, "abc"],
        ]
    )
    with pytest.raises(ImportRejected) as e:
        import_file(lib, "数值.xlsx", data)
    assert [x.message for x in e.value.errors] == ["第 4 行：数值“abc”不是数字"]
    report = import_file(lib, "数值.xlsx", data, skip_bad_rows=True)
    assert report.imported == 1 and _stored(lib) == {("330200", "2024"): 2.0}


@pytest.mark.parametrize(
    "name, data, code, text",
    [
        (
            "v.csv",
            b"period,region_code,value\n2024,330200,1\n",
            "missing_column",
            "缺少列 indicator",
        ),
        ("v.csv", b"period,region_code,indicator,value\n", "empty_file", "只有表头"),
        ("v.csv", b"", "empty_file", "没有数据"),
        (
            "v.csv",
            "period,region_code,indicator,value\n2024,330200,收回债务所需的时间,1\n".encode("gbk"),
            "bad_encoding",
            "UTF-8",
        ),
        ("v.txt", b"period,region_code,indicator,value\n", "unsupported_format", ".csv 或 .xlsx"),
        ("v.xlsx", b"period,region_code,indicator,value\n", "content_mismatch", "Excel"),
        (
            "v.csv",
            b"\n\nperiod,region_code,indicator,value\n2024,330200,x,1\n",
            "missing_header",
            "第 1 行",
        ),
    ],
)
def test_a_bad_file_gets_its_specific_error_and_nothing_is_stored(lib, name, data, code, text):
    before = _counts(lib)
    with pytest.raises(ImportRejected) as e:
        import_file(lib, name, data)
    assert [x.code for x in e.value.errors] == [code]
    assert text in e.value.errors[0].message
    assert _counts(lib) == before


def test_reimporting_a_period_replaces_its_values_and_keeps_the_record(lib, import_rows):
    """The second file of 2024 changes one value, drops one region and keeps one; each
    replaced or removed value is kept with the import that replaced it; 2023 is untouched."""
    import_rows(
        [
            ("2023", "330200", DEBT, 2.6),
            ("2024", "330200", DEBT, 2.0),
            ("2024", "330500", DEBT, 0.5),
            ("2024", "330100", DEBT, 1.0),
        ]
    )
    report = import_rows([("2024", "330200", DEBT, 1.8), ("2024", "330500", DEBT, 0.5)])
    assert (report.added, report.changed, report.unchanged, report.removed) == (0, 1, 1, 1)
    assert _stored(lib) == {
        ("330200", "2023"): 2.6,
        ("330200", "2024"): 1.8,
        ("330500", "2024"): 0.5,
    }
    with lib.db.session() as s:
        changes = s.execute(
            select(
                ValueChange.import_id,
                ValueChange.region_code,
                ValueChange.old_value,
                ValueChange.new_value,
            ).order_by(ValueChange.region_code)
        ).all()
    assert changes == [(2, "330100", 1.0, None), (2, "330200", 2.0, 1.8)]
    listed = values.value_changes(lib, _cli(), 2)
    assert {(c["region"], c["old_value"], c["new_value"]) for c in listed} == {
        ("杭州市", 1.0, None),
        ("宁波市", 2.0, 1.8),
    }


def test_reimporting_one_indicator_leaves_the_others_of_the_period(lib, import_rows):
    """A file replaces the values of the periods and indicators it holds, not others."""
    import_rows([("2024", "330200", DEBT, 2.0), ("2024", "330200", "开办企业时间", 1.0)])
    import_rows([("2024", "330200", DEBT, 2.2)])
    with lib.db.session() as s:
        stored = {
            name: v
            for name, v in s.execute(select(Indicator.name, IndicatorValue.value).join(Indicator))
        }
    assert stored == {DEBT: 2.2, "开办企业时间": 1.0}


def test_rows_through_the_api_are_numbered_as_items(lib):
    """JSON rows: the same checks, "第 N 条" for the N-th item."""
    records = values.records_from_json(
        [
            {"period": "2024", "region_code": "330200", "indicator": DEBT, "value": 2},
            {"period": "x"},
        ]
    )
    with pytest.raises(ImportRejected) as e:
        import_records(lib, records, label="条", source="api")
    assert e.value.errors[0].message.startswith("第 2 条：")


def test_only_the_admin_imports(lib, actor):
    with pytest.raises(Forbidden):
        import_file(lib, "v.csv", csv_of(GOOD), actor("prov_coord"))


def test_a_whole_province_imports_fast_enough(lib, import_rows):
    """11 cities × 1 indicator × 8 quarters in one file, with the warnings computed."""
    rows = [
        (f"{2023 + q // 4}Q{q % 4 + 1}", code, DEBT, v + q * 0.01)
        for q in range(8)
        for code, v in SEED_VALUES.items()
    ]
    report = import_rows(rows)
    assert report.imported == 88 and len(report.periods) == 8


def _cli():
    from library.accounts.audit import Actor

    return Actor.cli()

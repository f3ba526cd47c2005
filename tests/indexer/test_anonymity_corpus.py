"""The anonymity check against the shared corpus: the gazetteer is what the script makes
of the division data, and whole real documents are checked fast and completely."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from pathlib import Path

import pytest

from indexer.anonymity import anonymize, find_identifying
from indexer.anonymity.gazetteer import Gazetteer, gazetteer

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus"
DATA = ROOT / "indexer" / "data" / "gazetteer.tsv"
REPORTS = CORPUS / "01_policy_texts" / "gov_work_reports_provincial_2026_csv"
COUNCIL = (
    CORPUS / "01_policy_texts" / "state_council_docs_govcn_2019crawl" / "state_council_docs.jsonl"
)

pytestmark = pytest.mark.corpus


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip("shared corpus not available (../shared/corpus)")
    return path


def report(province: str) -> str:
    path = need(REPORTS / f"2026_{province}_政府工作报告.csv")
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.DictReader(f))["full_text"]


def council_doc(doc_id: str) -> str:
    with open(need(COUNCIL), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] == doc_id:
                return d["text"]
    raise LookupError(doc_id)


def test_shipped_gazetteer_is_what_the_script_generates(tmp_path):
    """indexer/data/gazetteer.tsv is the output of scripts/build_gazetteer.py, unedited."""
    need(CORPUS / "03_admin_divisions")
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "gazetteer.tsv"
    assert module.main(["build_gazetteer.py", str(CORPUS), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == DATA.read_text(encoding="utf-8")


def test_gazetteer_is_compact_and_complete():
    """Under 500 KB on disk, with every level present."""
    assert DATA.stat().st_size < 500_000
    g = Gazetteer.parse(DATA.read_text(encoding="utf-8"))
    assert len(g) > 35_000
    assert {
        g.get(n).kind for n in ("浙江省", "台州市", "椒江区", "白云街道", "富阳县", "两江新区")
    } == {"province", "city", "county", "township", "former_place", "zone"}
    assert gazetteer() is gazetteer()


def test_every_typical_practice_of_the_2018_inspection_names_its_place_in_full():
    """Each of the 130 items of 国办发〔2018〕108号 starts with a chain of divisions
    (北京市西城区, 湖北省黄石市 ...): the findings cover each chain to its last character."""
    text = council_doc("56")
    items = re.findall(r"^\d+\.(.+)$", text, flags=re.M)
    assert len(items) >= 120
    chain = re.compile(
        r"^(?:北京市|天津市|上海市|重庆市|.{2,3}省|.{2,8}?自治区)(?:.{1,8}?(?:市|自治州|地区|盟|区|县|旗))?"
    )
    missed = []
    for item in items:
        m = chain.match(item)
        if not m:
            continue
        covered = set()
        for f in find_identifying(item):
            covered.update(range(f.start, f.end))
        if not all(i in covered for i in range(m.end())):
            missed.append(item[: m.end()])
    assert len(missed) <= len(items) * 0.03, missed


def test_the_header_of_a_provincial_report_names_the_governor():
    """浙江省省长 刘捷 in the 2026 Zhejiang report is a person; 浙江省 a province."""
    text = report("浙江省")
    head = text[: text.index("各位代表")]
    found = {f.text: f.kind for f in find_identifying(head)}
    assert found["刘捷"] == "person"
    assert found["浙江省"] == "province"


def test_a_whole_report_is_anonymised_completely():
    """After anonymize(), checking the report again finds nothing."""
    text = report("浙江省")
    assert find_identifying(text)
    assert find_identifying(anonymize(text)) == []


def test_shipped_person_model_is_what_the_script_fits(tmp_path):
    """indexer/data/person_model.tsv is the output of scripts/build_person_model.py: the
    name model fitted on the development sets of bench/data, unedited."""
    need(CORPUS / "01_policy_texts")
    spec = importlib.util.spec_from_file_location(
        "build_person_model", ROOT / "scripts" / "build_person_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "person_model.tsv"
    assert module.main(["build_person_model.py", "--out", str(out)]) == 0
    shipped = ROOT / "indexer" / "data" / "person_model.tsv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")

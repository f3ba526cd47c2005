"""The anonymity rule enforced at submission and offered on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from library.accounts.audit import Actor
from library.cases.submit import Upload
from library.errors import ValidationFailed
from library.models import AuditEvent, Case
from tests.conftest import submit

NAMED = "在台州市椒江区试点，由王建军局长牵头推进。"


def test_submission_with_place_names_in_practice_fields_is_refused(lib, form, make_docx):
    """A place or person name in 传统做法/创新做法/应用场景 blocks the submission, with every
    finding listed and nothing stored."""
    upload = Upload("案例.docx", make_docx(["改革做法说明。"]))
    with pytest.raises(ValidationFailed) as e:
        submit(
            lib,
            form(innovative_practice=NAMED, application_scenario="适用于浙江全省。"),
            upload,
            Actor.cli(),
        )
    errors = {err.field: err for err in e.value.errors}
    assert set(errors) == {"innovative_practice", "application_scenario"}
    err = errors["innovative_practice"]
    assert err.code == "identifying_info" and "台州市→某市" in err.message
    found = {f["text"]: f["replacement"] for f in err.as_dict()["findings"]}
    assert found["台州市"] == "某市" and found["椒江区"] == "某区" and "王建军" in "".join(found)
    with lib.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0


def test_applying_the_replacements_lets_the_case_in_with_neutral_wording(lib, form, make_docx):
    """With apply_anonymization the fields are stored with the neutral replacements, and the
    audit log records what was replaced."""
    upload = Upload("案例.docx", make_docx(["改革做法说明。"]))
    case = submit(
        lib, {**form(innovative_practice=NAMED), "apply_anonymization": "1"}, upload, Actor.cli()
    )
    assert "台州市" not in case.innovative_practice and "某市某区" in case.innovative_practice
    with lib.db.session() as s:
        ev = s.scalar(select(AuditEvent).where(AuditEvent.object_id == case.case_no))
        assert ev.detail["anonymized"]["innovative_practice"][0]["text"] == "台州市"


def test_contact_name_and_region_are_metadata_not_findings(lib, form, make_docx):
    """The rule covers the practice fields, not the contact person or the region fields."""
    case = submit(
        lib,
        form(contact_name="王建军", unit="区市场监督管理局"),
        Upload("案例.docx", make_docx(["说明。"])),
        Actor.cli(),
    )
    assert case.contact_name == "王建军"


def test_cli_check_prints_findings_with_offsets_into_the_file(tmp_path):
    """caselib check --json: offsets index the file's characters exactly as read, newlines
    kept; exit status 1 when something is found, 0 when clean."""
    f = tmp_path / "case.txt"
    text = "第一行说明。\r\n" + NAMED + "\n"
    f.write_bytes(text.encode("utf-8"))
    exe = Path(sys.executable).with_name("caselib")
    out = subprocess.run([exe, "check", "--json", str(f)], capture_output=True, text=True)
    assert out.returncode == 1, out.stderr
    findings = json.loads(out.stdout)["findings"]
    assert findings and all(text[x["start"] : x["end"]] == x["text"] for x in findings)
    assert {"text", "start", "end", "kind", "replacement", "certainty"} == set(findings[0])
    clean = tmp_path / "clean.txt"
    clean.write_text("本区推行一网通办。", encoding="utf-8")
    out = subprocess.run([exe, "check", str(clean)], capture_output=True, text=True)
    assert out.returncode == 0 and "未发现" in out.stdout


def test_cli_check_reads_word_documents(tmp_path, make_docx):
    """A .docx is checked on its extracted text."""
    f = tmp_path / "case.docx"
    f.write_bytes(make_docx([NAMED]))
    exe = Path(sys.executable).with_name("caselib")
    out = subprocess.run([exe, "check", "--json", str(f)], capture_output=True, text=True)
    assert out.returncode == 1
    assert "椒江区" in {x["text"] for x in json.loads(out.stdout)["findings"]}

"""The PDF of a compilation, laid out by LibreOffice: its contents carry the page numbers
where the headings landed; on the pages it is a background job."""

from __future__ import annotations

import re
import shutil

import pytest

from indexer import extract, pdf_outline
from library.compilations import build, pdf, read
from library.jobs.runner import run_pending

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]


def test_the_pdf_contents_give_the_page_each_heading_is_printed_on(clib, actor):
    """Two passes: the contents of the PDF list each heading with the number printed at
    the foot of the page it is on (the body counts from 1)."""
    g = build.create(clib, {"title": "版式测试汇编"}, actor("admin"))
    data = pdf.write_pdf(clib, g.data)
    outline = pdf_outline(data)
    titles = [t for _level, t, _page in outline]
    assert titles[:3] == ["一、企业全生命周期", "（一）开办企业", "1．企业开办一日办结改革"]
    first_body_page = outline[0][2]
    blocks = extract(data, "x.pdf").blocks
    contents = " ".join(b.text for b in blocks if b.page and b.page < first_body_page)
    for _level, title, page in outline:
        printed = page - first_body_page + 1
        assert re.search(re.escape(title) + r"[.…·\s]*" + str(printed) + r"(?!\d)", contents), title
    footers = {b.page: b.text for b in blocks if re.fullmatch(r"— \d+ —", b.text.strip())}
    assert footers.get(first_body_page, "").strip() == "— 1 —"


def test_the_page_gets_its_pdf_from_a_background_job(clib, actor):
    """Making a compilation queues its PDF; until the job has run it is 404 ``no_pdf``,
    then it is served; regenerating queues a new one."""
    g = build.create(clib, {"theme": "办理破产"}, actor("coord_tz"))
    record = read.get_compilation(clib, g.compilation_id, actor("coord_tz"))
    assert record["pdf"]["state"] == "queued"
    with pytest.raises(Exception) as e:
        read.compilation_file(clib, g.compilation_id, actor("coord_tz"), "pdf")
    assert getattr(e.value, "code", None) == "no_pdf"
    assert run_pending(clib) >= 1
    record = read.get_compilation(clib, g.compilation_id, actor("coord_tz"))
    assert record["pdf"]["state"] == "ready"
    f = read.compilation_file(clib, g.compilation_id, actor("coord_tz"), "pdf")
    assert f.data.startswith(b"%PDF") and f.name.endswith(".pdf")
    build.regenerate(clib, g.compilation_id, actor("coord_tz"))
    assert read.get_compilation(clib, g.compilation_id, actor("coord_tz"))["pdf"]["state"] in (
        "queued",
        "ready",  # the same bytes as before (nothing changed): the same PDF
    )


def test_a_compilations_pdf_is_made_before_the_previews_queued_earlier(clib, actor):
    """Someone waits for the PDF of the compilation just made: its job runs before the
    Word files' previews queued before it (they are not waited for)."""
    from sqlalchemy import select

    from library.jobs.runner import _claim, enqueue
    from library.models import Job

    with clib.db.transaction() as session:
        for n in range(3):
            enqueue(session, "pdf_preview", f"earlier-{n}", {"sha256": f"earlier-{n}"})
    g = build.create(clib, {"theme": "办理破产"}, actor("coord_tz"))
    taken = _claim(clib)
    assert taken is not None and taken.kind == pdf.KIND
    with clib.db.session() as s:
        queued = s.execute(select(Job.kind, Job.key).where(Job.state == "queued")).all()
    previews = {key for kind, key in queued if kind == "pdf_preview"}
    assert {f"earlier-{n}" for n in range(3)} <= previews  # still waiting
    assert read.get_compilation(clib, g.compilation_id, actor("coord_tz"))["pdf"]["state"] in (
        "queued",
        "running",
    )

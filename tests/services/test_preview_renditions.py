"""The HTML rendition a case page shows of its document is made once per library: kept on
disk for every worker process and after restarts, made again when the rendering code or
its libraries change."""

from __future__ import annotations

from library.accounts.audit import Actor
from library.cases import read
from library.cases.submit import Upload
from tests.conftest import SAMPLE_TEXT, pdf_bytes, submit, valid_form


def _pdf_case(lib):
    return submit(
        lib,
        valid_form(name="渲染缓存的案例"),
        Upload("渲染缓存.pdf", pdf_bytes(SAMPLE_TEXT, title="渲染缓存的案例")),
        Actor.cli(),
        confirm_near_duplicate=True,
    )


def test_a_document_s_rendition_is_kept_for_every_process(lib, monkeypatch):
    """The first reading renders the PDF and keeps the HTML on disk; a process that has
    not rendered it (an empty memory cache) reads the kept one; another renderer (other
    code or library versions) renders it again beside the first."""
    case = _pdf_case(lib)
    first = read.preview(lib, case.case_no, Actor.cli())
    assert first.is_pdf and SAMPLE_TEXT[0][:8] in first.html
    kept = list((lib.settings.home_path / "cache" / "previews").iterdir())
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == first.html

    read._PREVIEWS.clear()  # as in another worker process
    assert read.preview(lib, case.case_no, Actor.cli()).html == first.html

    read._PREVIEWS.clear()
    monkeypatch.setattr(read, "_RENDERER", "another-renderer")
    assert read.preview(lib, case.case_no, Actor.cli()).html == first.html
    assert len(list(kept[0].parent.iterdir())) == 2

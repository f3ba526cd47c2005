"""Hostile and damaged input: size limits, zip bombs, encryption, corruption, fuzzing."""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib

import docx
import pytest

from indexer.errors import ExtractionError
from indexer.extract import ExtractLimits, extract, render_html

from .conftest import docx_bytes, ole2_container


def _docx(paragraphs: int = 3) -> bytes:
    d = docx.Document()
    d.add_heading("营商环境改革创新案例", level=1)
    for i in range(paragraphs):
        d.add_paragraph(f"第{i + 1}段：推行企业开办一件事改革，实现一网通办。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "指标", "半个工作日"
    return docx_bytes(d)


def _with_members(base: bytes, members: dict[str, bytes], level: int = 9) -> bytes:
    """``base`` (a .docx) with extra members appended, deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for name, payload in members.items():
            dst.writestr(name, payload, zipfile.ZIP_DEFLATED, compresslevel=level)
    return out.getvalue()


def _patch_member(
    data: bytes, name: str, *, size: int | None = None, flags: int | None = None
) -> bytes:
    """Rewrite a member's declared uncompressed size and/or flag bits, in both the local
    header and the central directory, the way a crafted archive would lie."""
    buf = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    local = info.header_offset
    encoded = name.encode()
    central = buf.find(b"PK\x01\x02", 0)
    while central != -1:
        name_len = struct.unpack_from("<H", buf, central + 28)[0]
        if bytes(buf[central + 46 : central + 46 + name_len]) == encoded:
            break
        central = buf.find(b"PK\x01\x02", central + 4)
    assert central != -1
    if size is not None:
        struct.pack_into("<L", buf, local + 22, size)
        struct.pack_into("<L", buf, central + 24, size)
    if flags is not None:
        struct.pack_into("<H", buf, local + 6, flags)
        struct.pack_into("<H", buf, central + 8, flags)
    return bytes(buf)


def _code(data: bytes, name: str = "案例.docx", **kwargs) -> str:
    with pytest.raises(ExtractionError) as info:
        extract(data, name, **kwargs)
    assert info.value.message  # every refusal explains itself
    return info.value.code


def test_oversized_input_is_too_large():
    """Input over max_bytes is refused before any parsing, with the limit in the message."""
    data = _docx()
    with pytest.raises(ExtractionError) as info:
        extract(data, "a.docx", limits=ExtractLimits(max_bytes=1024))
    assert info.value.code == "too_large"
    assert "MB" in info.value.message


def test_member_with_extreme_compression_ratio_is_a_zip_bomb():
    """A 40 MB run of zeros squeezed into ~40 KB inside a .docx is refused as a zip bomb."""
    bomb = _with_members(_docx(), {"word/media/image1.png": bytes(40 * 1024 * 1024)})
    assert len(bomb) < 200_000
    assert _code(bomb) == "zip_bomb"


def test_total_uncompressed_size_over_the_limit_is_a_zip_bomb():
    """Members that together expand beyond max_uncompressed_bytes are refused."""
    members = {f"word/media/image{i}.bin": os.urandom(700_000) for i in range(3)}
    data = _with_members(_docx(), members)
    limits = ExtractLimits(max_uncompressed_bytes=2 * 1024 * 1024)
    assert _code(data, limits=limits) == "zip_bomb"
    assert extract(data, "a.docx").text  # within the default limits it is fine


def test_too_many_members_is_a_zip_bomb():
    """An archive with more members than max_zip_members is refused."""
    data = _with_members(_docx(), {f"word/extra/part{i}.xml": b"<a/>" for i in range(120)})
    assert _code(data, limits=ExtractLimits(max_zip_members=100)) == "zip_bomb"


def test_member_count_is_checked_before_the_directory_is_parsed():
    """A zip whose end record declares 60,000 members is refused from that record alone,
    before zipfile would build an object for each of them."""
    data = bytearray(_docx())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 60_000, 60_000)
    assert _code(bytes(data)) == "zip_bomb"


def test_bomb_is_detected_from_the_directory_before_decompressing():
    """A member whose directory entry declares an absurd size is refused as a bomb even
    though its data is garbage that would fail to inflate: the directory is checked first."""
    data = _with_members(_docx(), {"word/media/x.bin": os.urandom(5000)}, level=0)
    data = _patch_member(data, "word/media/x.bin", size=300 * 1024 * 1024)
    assert _code(data) == "zip_bomb"


def test_member_expanding_beyond_its_declared_size_is_a_zip_bomb():
    """Declared sizes are not trusted: inflating stops, and the file is refused, as soon as
    a member produces more than it declared."""
    d = docx.Document()
    d.add_paragraph("营商环境" * 50_000)  # ~200k characters of XML
    data = _patch_member(docx_bytes(d), "word/document.xml", size=1000)
    assert _code(data) == "zip_bomb"


def test_zip_member_with_encryption_flag_is_encrypted():
    """A .docx whose parts use zip encryption is 'encrypted'."""
    data = _patch_member(_docx(), "word/document.xml", flags=0x1)
    assert _code(data) == "encrypted"


@pytest.mark.parametrize("name", ["加密.docx", "加密.doc"])
def test_encrypted_office_container_is_encrypted(name):
    """An Office file saved with a password is an OLE2 container holding EncryptionInfo and
    EncryptedPackage; named .docx (or .doc) it is 'encrypted', not a content mismatch."""
    info = struct.pack("<HHL", 4, 4, 0x40) + b"<?xml version='1.0'?><encryption/>"
    package = struct.pack("<Q", 8000) + os.urandom(8000)
    data = ole2_container({"EncryptionInfo": info, "EncryptedPackage": package})
    assert _code(data, name) == "encrypted"


@pytest.mark.corpus
def test_password_protected_word97_document_is_encrypted(fixtures_dir):
    """A .doc whose FIB has fEncrypted set is 'encrypted' before any converter runs."""
    data = bytearray((fixtures_dir / "doc_legacy_gov_chunan_county_2019" / "通知.doc").read_bytes())
    fib = data.find(b"\xec\xa5", 512)  # wIdent at the start of the WordDocument stream
    assert fib > 0 and fib % 512 == 0
    data[fib + 0x0B] |= 0x01  # fEncrypted is bit 8 of the flags word at 0x0A
    assert _code(bytes(data), "通知.doc", soffice=None) == "encrypted"


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.99])
def test_truncated_docx_is_corrupt(cut):
    """A .docx cut short (its zip directory lost or damaged) is 'corrupt'."""
    data = _docx()
    assert _code(data[: int(len(data) * cut)]) == "corrupt"


def test_docx_with_damaged_compressed_data_is_corrupt():
    """Flipped bytes inside word/document.xml's compressed data: CRC or inflate fails."""
    data = bytearray(_docx(200))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 50
    for i in range(start, start + 40):
        data[i] ^= 0x5A
    assert _code(bytes(data)) == "corrupt"


def test_docx_without_main_document_part_is_rejected():
    """A zip with [Content_Types].xml but no Word document part is not a .docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("docProps/app.xml", "<x/>")
    assert _code(out.getvalue()) in ("content_mismatch", "corrupt")


def test_malformed_document_xml_is_corrupt():
    """A .docx whose document.xml is not XML is 'corrupt'."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            payload = src.read(info)
            if info.filename == "word/document.xml":
                payload = payload[: len(payload) // 2]
            dst.writestr(info, payload)
    assert _code(out.getvalue()) == "corrupt"


def test_xml_entities_are_never_expanded():
    """An entity-expansion ("billion laughs") document.xml neither expands nor hangs."""
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>正文&i;</w:t></w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            payload = laughs.encode() if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info, payload)
    try:
        doc = extract(out.getvalue(), "a.docx")
    except ExtractionError:
        return
    assert len(doc.text) < 100


def _fuzz_inputs(seed_files: dict[str, bytes], rounds: int, seed: int):
    rng = random.Random(seed)
    for name, data in seed_files.items():
        for i in range(1, 13):
            yield name, data[: len(data) * i // 13]
        for _ in range(rounds):
            mutated = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                position = rng.randrange(len(mutated))
                mutated[position] = rng.randrange(256)
            yield name, bytes(mutated)
        yield name, os.urandom(rng.randint(1, 4000))
        yield name, data[:8] + os.urandom(2000)


def _fuzz_seeds(fixtures_dir=None) -> dict[str, bytes]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "营商环境改革创新案例")
    c.showPage()
    c.save()
    seeds = {
        "案例.docx": _docx(),
        "案例.pdf": out.getvalue(),
        "说明.txt": "营商环境改革创新案例\n一网通办".encode("gb18030"),
        "说明.md": "# 标题\n\n正文段落".encode(),
    }
    if fixtures_dir is not None:
        seeds["通知.doc"] = (
            fixtures_dir / "doc_legacy_gov_chunan_county_2019" / "通知.doc"
        ).read_bytes()
        seeds["real.pdf"] = (
            fixtures_dir / "pdf_rendered_from_real_docx" / "淳安县委组织部_遴选通知.pdf"
        ).read_bytes()
    return seeds


def _assert_only_extraction_errors(cases) -> int:
    outcomes = 0
    for name, data in cases:
        try:
            extract(data, name, soffice=None)
        except ExtractionError as e:
            assert e.code and e.message
        outcomes += 1
        if name.endswith(".docx"):
            try:
                render_html(data, name, soffice=None)
            except ExtractionError:
                pass
    return outcomes


def test_fuzzed_files_raise_only_extraction_errors():
    """Truncated prefixes, random byte flips and random bytes of real files give a
    document or an ExtractionError, never any other exception."""
    assert _assert_only_extraction_errors(_fuzz_inputs(_fuzz_seeds(), rounds=40, seed=1)) > 200


@pytest.mark.corpus
def test_fuzzed_corpus_files_raise_only_extraction_errors(fixtures_dir):
    """The same holds for real Word 97-2003 and PDF files from the corpus."""
    seeds = {k: v for k, v in _fuzz_seeds(fixtures_dir).items() if k in ("通知.doc", "real.pdf")}
    assert _assert_only_extraction_errors(_fuzz_inputs(seeds, rounds=25, seed=2)) > 50


def test_deflate_bomb_is_stopped_while_inflating():
    """Even with a lying directory, inflating never produces more than the member declared
    (the zlib stream below would expand to 50 MB)."""
    payload = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = payload.compress(bytes(50 * 1024 * 1024)) + payload.flush()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/bomb.bin", b"\0" * 1000, zipfile.ZIP_STORED)
    data = out.getvalue()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/media/bomb.bin")
    # Swap the stored 1000 bytes for the deflate stream and declare it as deflated, 1000 bytes.
    begin = info.header_offset + 30 + len(info.filename) + len(info.extra)
    assert len(packed) < 1000 * 60
    from indexer.extract.safezip import inflate_member

    info.compress_type = zipfile.ZIP_DEFLATED
    info.compress_size = len(packed)
    crafted = data[:begin] + packed
    with pytest.raises(ExtractionError) as error:
        inflate_member(crafted, info, budget=10 * 1024 * 1024)
    assert error.value.code == "zip_bomb"

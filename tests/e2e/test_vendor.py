"""Vendored front-end files (scripts/vendor_frontend.py): every folder carries its package's
licence and is listed in VERSIONS.txt, and every vendor/ file the pages and scripts refer to
is there (nothing comes from a CDN at run time)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "web" / "static"
VENDOR = STATIC / "vendor"
_REFERENCE = re.compile(r"""vendor/([A-Za-z0-9_.\-/]+)""")


def _versions() -> dict[str, list[str]]:
    rows = {}
    for line in (VENDOR / "VERSIONS.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            folder, *rest = line.split("\t")
            rows[folder] = rest
    return rows


def test_every_vendor_folder_has_its_licence_and_a_pinned_version():
    """Each folder under web/static/vendor has a LICENSE file and a VERSIONS.txt row with
    package, exact version, licence and the registry's sha512 integrity."""
    folders = sorted(p.name for p in VENDOR.iterdir() if p.is_dir())
    assert folders, "nothing vendored"
    versions = _versions()
    assert sorted(versions) == folders
    for folder in folders:
        assert (VENDOR / folder / "LICENSE").is_file(), folder
        package, version, licence, integrity = versions[folder]
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), (folder, version)
        assert licence and integrity.startswith("sha512-"), folder


def test_pdfjs_has_what_cjk_pdfs_need():
    """PDF.js comes with its worker, the CMaps (CJK encodings) and the standard fonts."""
    pdfjs = VENDOR / "pdfjs-dist"
    assert (pdfjs / "build" / "pdf.min.mjs").is_file()
    assert (pdfjs / "build" / "pdf.worker.min.mjs").is_file()
    for cmap in (
        "UniGB-UCS2-H.bcmap",
        "UniGB-UTF16-H.bcmap",
        "GBK-EUC-H.bcmap",
        "Adobe-GB1-UCS2.bcmap",
    ):
        assert (pdfjs / "cmaps" / cmap).is_file(), cmap
    assert (pdfjs / "cmaps" / "LICENSE").is_file()
    assert (pdfjs / "standard_fonts" / "LICENSE_FOXIT").is_file()


def test_the_zhejiang_map_has_the_eleven_cities_with_their_adcodes():
    """The 浙江省 map holds its 11 prefecture-level cities, each with its adcode."""
    data = json.loads((VENDOR / "echarts-maps" / "zhejiang.json").read_text(encoding="utf-8"))
    cities = {f["id"]: f["properties"]["name"] for f in data["features"]}
    assert len(cities) == 11
    assert cities["330100"] == "杭州市" and cities["331100"] == "丽水市"
    assert all(re.fullmatch(r"33\d{2}00", code) for code in cities)
    china = json.loads((VENDOR / "echarts-maps" / "china.json").read_text(encoding="utf-8"))
    assert {"330000", "110000", "650000"} <= {f["id"] for f in china["features"]}


def test_every_vendor_file_referred_to_exists():
    """Templates, scripts and styles refer only to vendored files that are there."""
    sources = list((ROOT / "web" / "templates").rglob("*.html"))
    sources += [p for p in STATIC.glob("*") if p.suffix in (".js", ".css", ".html")]
    missing = []
    for source in sources:
        for reference in _REFERENCE.findall(source.read_text(encoding="utf-8")):
            reference = reference.rstrip("/.")
            if not (VENDOR / reference).exists():
                missing.append(f"{source.relative_to(ROOT)}: vendor/{reference}")
    assert missing == []


def test_pdfviewer_refers_to_the_vendored_pdfjs_files():
    """pdfviewer.js loads PDF.js, its worker, CMaps and fonts from vendor/pdfjs-dist."""
    script = (STATIC / "pdfviewer.js").read_text(encoding="utf-8")
    for part in ("build/pdf.min.mjs", "build/pdf.worker.min.mjs", "cmaps/", "standard_fonts/"):
        assert f'"{part}"' in script, part
        assert (VENDOR / "pdfjs-dist" / part).exists(), part
    assert "vendor/pdfjs-dist/" in script
    assert "http://" not in script and "https://" not in script

"""Vendor the front-end libraries from their npm packages into web/static/vendor/.

    python scripts/vendor_frontend.py

Nothing is loaded from a CDN at run time: the pages use the copies made here, which are
committed. For every pinned package the script asks the npm registry for the version's
integrity hash (``npm view``), downloads the tarball with ``npm pack``, checks the file's
SHA-512 against that hash, and copies exactly the files listed below, with the package's
licence files, into ``web/static/vendor/<folder>/`` (the folder is emptied first).
``web/static/vendor/VERSIONS.txt`` records package, version, licence, integrity and folder.

Pins and why:

* echarts 5.6.0 (Apache-2.0): ``dist/echarts.min.js``, the charts of the statistics pages.
* pdfjs-dist 4.10.38 (Apache-2.0): the *legacy* build (``legacy/build/pdf.min.mjs`` and
  ``pdf.worker.min.mjs``, transpiled for older engines such as the Android and iOS web views
  of 浙政钉), the last 4.x release (4.2.67+ carries the fix for CVE-2024-4367); ``cmaps/``
  (Adobe's CMaps: CJK PDFs with non-embedded or CID-keyed fonts need them) and
  ``standard_fonts/`` (the 14 standard PDF fonts, with their FOXIT and LIBERATION licences).
  The files are ES modules (.mjs): the server must send them as ``text/javascript``.
* echarts 4.9.0 (Apache-2.0), for its maps only (ECharts 5 no longer ships maps):
  ``map/json/province/zhejiang.json`` (浙江省, the 11 prefecture-level cities, each
  feature's ``id`` its adcode, 330100 杭州市 … 331100 丽水市) and ``map/json/china.json``
  (the provinces, ``id`` the province adcode). Both are in ECharts' compressed GeoJSON
  (``UTF8Encoding``), which ECharts 5's ``registerMap`` decodes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "web" / "static" / "vendor"


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    folder: str
    files: dict[str, str]  # path in the package -> path in the folder
    trees: dict[str, str] = field(default_factory=dict)  # folder in the package -> in ours
    licences: tuple[str, ...] = ("LICENSE",)


PINS = [
    Pin(
        "echarts",
        "5.6.0",
        "echarts",
        {"dist/echarts.min.js": "echarts.min.js"},
        licences=("LICENSE", "NOTICE", "licenses/LICENSE-d3"),
    ),
    Pin(
        "pdfjs-dist",
        "4.10.38",
        "pdfjs-dist",
        {
            "legacy/build/pdf.min.mjs": "build/pdf.min.mjs",
            "legacy/build/pdf.worker.min.mjs": "build/pdf.worker.min.mjs",
        },
        trees={"cmaps/": "cmaps/", "standard_fonts/": "standard_fonts/"},
    ),
    Pin(
        "echarts",
        "4.9.0",
        "echarts-maps",
        {
            "map/json/province/zhejiang.json": "zhejiang.json",
            "map/json/china.json": "china.json",
        },
        licences=("LICENSE", "NOTICE"),
    ),
]


def npm(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        ["npm", *args], capture_output=True, text=True, check=True, cwd=cwd, timeout=600
    )
    return done.stdout


def fetch(pin: Pin, folder: Path) -> tuple[Path, dict]:
    """The package tarball, checked against the registry's integrity hash, and its
    registry metadata."""
    spec = f"{pin.name}@{pin.version}"
    meta = json.loads(npm("view", spec, "dist", "license", "--json"))
    integrity = meta["dist"]["integrity"]
    packed = json.loads(npm("pack", spec, "--pack-destination", str(folder), "--json"))
    tarball = folder / packed[0]["filename"]
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise SystemExit(f"{spec}: unexpected integrity algorithm {algorithm}")
    actual = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if actual != expected or packed[0]["integrity"] != integrity:
        raise SystemExit(f"{spec}: tarball does not match the registry's integrity hash")
    return tarball, meta


def copy(pin: Pin, tarball: Path) -> list[str]:
    target = VENDOR / pin.folder
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    wanted = {f"package/{src}": dst for src, dst in pin.files.items()}
    wanted.update({f"package/{name}": name for name in pin.licences})
    written = []
    with tarfile.open(tarball, "r:gz") as archive:
        members = {m.name: m for m in archive.getmembers() if m.isfile()}
        for name, member in sorted(members.items()):
            destination = wanted.get(name)
            for tree, ours in pin.trees.items():
                prefix = f"package/{tree}"
                if destination is None and name.startswith(prefix):
                    rest = name[len(prefix) :]
                    if rest and ".." not in Path(rest).parts and "/" not in rest:
                        destination = ours + rest
            if destination is None:
                continue
            path = target / destination
            path.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            path.write_bytes(source.read())
            written.append(destination)
    missing = set(wanted.values()) - set(written)
    if missing:
        raise SystemExit(f"{pin.name}@{pin.version}: not in the package: {sorted(missing)}")
    return written


def main() -> int:
    if shutil.which("npm") is None:
        raise SystemExit("npm is needed (it fetches the packages from the npm registry)")
    lines = [
        "# Vendored front-end files: made by scripts/vendor_frontend.py; do not edit by hand.",
        "# folder\tpackage\tversion\tlicence\tintegrity (from the npm registry)",
    ]
    with tempfile.TemporaryDirectory(prefix="caselib-vendor-") as tmp:
        for pin in PINS:
            tarball, meta = fetch(pin, Path(tmp))
            written = copy(pin, tarball)
            licence = meta.get("license") or "?"
            lines.append(
                f"{pin.folder}\t{pin.name}\t{pin.version}\t{licence}\t{meta['dist']['integrity']}"
            )
            print(f"{pin.name}@{pin.version} -> vendor/{pin.folder}/ ({len(written)} files)")
    (VENDOR / "VERSIONS.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Soak benchmark of mixed load (issue 8): readers and writers at once on `caselib serve`.

    python bench/soak.py [--seconds 100] [--workers 4] [--readers 4] [--ingest-files 40]

A fresh demo library (45 cases, the demo accounts, password demo-2021) is served by
`caselib serve` (gunicorn, 4 workers) on a free port. For S seconds:

* readers (threads, each its own connection and API token, pausing 0–2x ``--think``
  seconds between requests, as people do): searches (`/api/v1/search`),
  similar-case lookups (`/api/v1/cases/{no}/similar`) and case pages (`/cases/{no}`, the
  HTML page, logged in);
* writers: reviews saved in a loop (`PUT /api/v1/cases/{no}/review`), uploads of real .docx
  files submitted for approval (`POST /api/v1/cases` with `action=submit`, the near-duplicate
  check and the anonymity check), each then approved and published by the city office
  (`POST /api/v1/cases/{no}/transitions`: the publication indexes the case), and a
  command-line `caselib ingest` of a folder of generated Markdown files started a tenth of
  the way in.

Prints per kind of request: count, errors, p50/p95/p99/max; the rebuilds of the index during
the run (from its rebuild log, ``index.rebuilds.jsonl``); the ingest's duration; whether
anything still holds the port after the server stopped. Targets: 0 errors, 0 rebuilds,
search p99 <= 150 ms, no request over 2 s. The documents are generated (no corpus needed),
so the short version runs in the test suite (tests/services/test_index_soak.py).
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, free_port, log_in, percentile, start_server, stop_server  # noqa: E402

PASSWORD = "demo-2021"
OUT = ROOT / "bench" / "out" / "soak-home"
QUERIES = [
    "营商环境",
    "一网通办",
    "企业开办",
    "最多跑一次",
    "告知承诺制",
    "不动产登记",
    "政务服务 改革",
    "容缺受理",
    "跨境贸易",
    "纳税",
    "获得电力",
    "信用监管",
    "工程建设项目审批",
    "一件事",
    '"优化营商环境"',
]
# Words the generated documents are made of (domain prose, no place or person names).
WORDS = (
    "企业 群众 办事 材料 窗口 审批 部门 数据 共享 系统 平台 事项 流程 时限 压缩 推行 实现 建立 机制 "
    "服务 改革 创新 优化 营商 环境 政务 线上 线下 一网通办 最多跑一次 告知承诺 容缺受理 证照分离 "
    "电子证照 信用 监管 承诺 核查 登记 许可 备案 申报 受理 办结 满意度 专班 清单 目录 标准 规范 "
    "集成 并联 帮办 代办 自助 终端 网办 掌办 跨省通办 一件事 联合 验收 图审 踏勘 评估 市场主体 "
    "纳税人 发票 社保 公积金 医保 银行 开户 融资 担保 贷款 中小企业 个体工商户 园区 项目 工程"
).split()


def _text(rng: random.Random, sentences: int, tag: str) -> str:
    out = [f"本案例编号{tag}。"]
    for _ in range(sentences):
        out.append("".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))) + "。")
    return "".join(out)


def docx_bytes(text: str, title: str) -> bytes:
    from docx import Document

    d = Document()
    d.add_heading(title, level=1)
    for i in range(0, len(text), 300):
        d.add_paragraph(text[i : i + 300])
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def build_home(home: Path) -> None:
    """The demo library, as `python -m library.demo` loads it."""
    from library.config import Settings
    from library.context import Library
    from library.demo.accounts import load_accounts, load_reviews
    from library.demo.loader import load_demo

    if home.exists():
        shutil.rmtree(home)
    lib = Library(Settings({"home": str(home), "ingest_workers": 1}, env={}))
    lib.init()
    load_demo(lib)
    load_accounts(lib)
    load_reviews(lib)
    lib.close()


def case_numbers(home: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(home / "caselib.sqlite3") as db:
        return [r[0] for r in db.execute("select case_no from cases where status='published'")]


def rebuild_count(home: Path) -> int:
    log = home / "index.rebuilds.jsonl"
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str | None = None) -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(seconds * 1000)
            if error:
                self.errors.setdefault(kind, []).append(error)


class Client:
    """One HTTP connection, reopened after a failure."""

    def __init__(self, port: int, headers: dict[str, str]):
        self.port = port
        self.headers = headers
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes]:
        try:
            self.conn.request(method, path, body=body, headers={**self.headers, **(headers or {})})
            resp = self.conn.getresponse()
            return resp.status, resp.read()
        except (OSError, http.client.HTTPException) as e:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            return 0, repr(e).encode()


def token(port: int, username: str) -> dict[str, str]:
    c = Client(port, {"Content-Type": "application/json"})
    status, body = c.request(
        "POST", "/api/v1/token", json.dumps({"username": username, "password": PASSWORD}).encode()
    )
    if status != 200:
        raise SystemExit(f"token for {username}: HTTP {status} {body[:200]!r}")
    return {"Authorization": "Bearer " + json.loads(body)["token"]}


def multipart(fields: dict[str, str], file_name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for k, v in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode())
        out.write(v.encode("utf-8") + b"\r\n")
    out.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        "\r\n\r\n".encode()
    )
    out.write(data + b"\r\n" + f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def run_soak(
    home: Path,
    *,
    seconds: float,
    workers: int = 4,
    readers: int = 4,
    ingest_files: int = 40,
    upload_pause: float = 1.0,
    review_pause: float = 0.2,
    think: float = 0.2,
    seed: int = 8,
) -> dict:
    """Serve ``home`` and run the mixed load; returns the figures (see the module doc)."""
    port = free_port()
    nos = case_numbers(home)
    rebuilds_before = rebuild_count(home)
    folder = home.parent / f"{home.name}-ingest"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    for i in range(ingest_files):
        (folder / f"批量导入{i:03d}.md").write_text(
            f"# 批量导入的改革案例{i}\n\n" + _text(rng, 120, f"导入{i}"), encoding="utf-8"
        )
    proc = start_server(home, port, workers)
    tally = Tally()
    stop = threading.Event()
    created: list[str] = []
    ingest: dict = {}
    try:
        cookie = log_in(port, "admin", PASSWORD)
        auth = token(port, "admin")
        reviewer = token(port, "shengting")
        uploader = token(port, "yingshangban")

        def reader(i: int) -> None:
            r = random.Random(seed * 100 + i)
            api = Client(port, auth)
            page = Client(port, {"Cookie": cookie})
            while not stop.is_set():
                kind = r.choices(["search", "similar", "case page"], weights=[6, 2, 2])[0]
                no = r.choice(nos)
                t0 = time.perf_counter()
                if kind == "search":
                    from urllib.parse import urlencode

                    status, body = api.request(
                        "GET", "/api/v1/search?" + urlencode({"q": r.choice(QUERIES)})
                    )
                    ok = status == 200 and b'"total"' in body
                elif kind == "similar":
                    status, body = api.request("GET", f"/api/v1/cases/{no}/similar?limit=5")
                    ok = status == 200 and b'"hits"' in body
                else:
                    status, body = page.request("GET", f"/cases/{no}")
                    ok = status == 200
                tally.add(
                    kind, time.perf_counter() - t0, None if ok else f"{status} {body[:160]!r}"
                )
                stop.wait(r.uniform(0, 2 * think))

        def reviews() -> None:
            r = random.Random(seed + 1)
            c = Client(port, {**reviewer, "Content-Type": "application/json"})
            while not stop.is_set():
                no = r.choice(nos)
                body = {
                    "recommend": r.random() < 0.7,
                    "rating": r.randint(1, 5),
                    "comment": "压测点评",
                }
                t0 = time.perf_counter()
                status, out = c.request(
                    "PUT", f"/api/v1/cases/{no}/review", json.dumps(body).encode()
                )
                tally.add(
                    "review",
                    time.perf_counter() - t0,
                    None if status in (200, 201) else f"{status} {out[:160]!r}",
                )
                stop.wait(review_pause)

        def uploads() -> None:
            r = random.Random(seed + 2)
            c = Client(port, uploader)
            n = 0
            while not stop.is_set():
                n += 1
                tag = f"{seed}-{n}-{uuid.uuid4().hex[:6]}"
                name = f"压测上传的改革案例{tag}"
                form = {
                    "name": name,
                    "theme": "开办企业",
                    "case_type": "original",
                    "summary": "推行企业开办一网通办，一表填报、一窗受理、一日办结。",
                    "problem": "企业开办环节多、材料多、跑动多。",
                    "solution": "整合部门事项为一件事，线上全程网办，线下一窗通办。",
                    "traditional_practice": "申请人依次到各部门窗口分别办理，材料重复提交。",
                    "innovative_practice": "一表填报，系统自动分发，后台并联审核，当日办结。",
                    "application_scenario": "适用于各类企业设立登记。",
                    "tags": "一网通办",
                    "region_code": "331002",
                    "unit": "区市场监督管理局",
                    "contact_name": "联系人甲",
                    "contact_phone": "13800001234",
                    "published_at": "2025-06-01",
                    # Corpus text may hold names: the copy is anonymized, 疑似 ones kept.
                    "action": "submit",
                    "anonymize_document": "1",
                    "keep_possible": "1",
                }
                data = docx_bytes(_text(r, 60, tag), name)
                body, ctype = multipart(form, f"{tag}.docx", data)
                t0 = time.perf_counter()
                status, out = c.request("POST", "/api/v1/cases", body, {"Content-Type": ctype})
                ok = status == 201
                tally.add(
                    "upload", time.perf_counter() - t0, None if ok else f"{status} {out[:200]!r}"
                )
                if ok:
                    case_no = json.loads(out)["case_no"]
                    created.append(case_no)
                    # The city office approves its own submission and publishes it: the
                    # publication is a write that indexes the case.
                    for action in ("approve", "publish"):
                        t0 = time.perf_counter()
                        status, out = c.request(
                            "POST",
                            f"/api/v1/cases/{case_no}/transitions",
                            json.dumps({"action": action}).encode(),
                            {"Content-Type": "application/json"},
                        )
                        tally.add(
                            "publication" if action == "publish" else "approval",
                            time.perf_counter() - t0,
                            None if 200 <= status < 300 else f"{status} {out[:160]!r}",
                        )
                stop.wait(upload_pause)

        def cli_ingest() -> None:
            stop.wait(seconds / 10)
            if stop.is_set():
                return
            exe = Path(sys.executable).with_name("caselib")
            cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "web.cli"]
            env = {**os.environ, "CASELIB_HOME": str(home)}
            t0 = time.perf_counter()
            done = subprocess.run(
                [*cmd, "ingest", "--no-progress", str(folder)],
                env=env,
                capture_output=True,
                text=True,
                timeout=max(60, seconds * 3),
            )
            ingest.update(
                seconds=time.perf_counter() - t0,
                returncode=done.returncode,
                stderr=done.stderr[-500:],
                files=ingest_files,
            )

        threads = [threading.Thread(target=reader, args=(i,)) for i in range(readers)]
        threads += [threading.Thread(target=reviews), threading.Thread(target=uploads)]
        if ingest_files:
            threads.append(threading.Thread(target=cli_ingest))
        t_start = time.perf_counter()
        for t in threads:
            t.start()
        stop.wait(seconds)
        stop.set()
        for t in threads:
            t.join(max(120, seconds * 3))
        wall = time.perf_counter() - t_start
    finally:
        stop.set()
        stop_server(proc)
    # Nothing may hold the port once the server is gone (a helper process left behind).
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is no holder
        try:
            s.bind(("127.0.0.1", port))
            port_free = True
        except OSError:
            port_free = False
    # The uploaded and ingested cases are all searchable.
    from library.cases import search
    from library.config import Settings
    from library.context import Library

    lib = Library(Settings({"home": str(home)}, env={}))
    in_index = lib.index.case_nos()
    lib.close()
    missing = sorted(set(created) - in_index)
    return {
        "seconds": wall,
        "workers": workers,
        "readers": readers,
        "rps": sum(len(tally.times.get(k, [])) for k in ("search", "similar", "case page")) / wall,
        "times": tally.times,
        "errors": tally.errors,
        "rebuilds": rebuild_count(home) - rebuilds_before,
        "ingest": ingest,
        "uploaded": len(created),
        "uploads_missing_from_index": missing,
        "cases_in_index": len(in_index),
        "port_free": port_free,
        "search_module": search.__name__,
    }


def report(r: dict) -> bool:
    print(
        f"soak: {r['seconds']:.0f} s on caselib serve ({r['workers']} workers, {os.cpu_count()} cores), "
        f"{r['readers']} reading clients ({r['rps']:.1f} reads/s), reviews + uploads + a CLI ingest writing"
    )
    worst = 0.0
    n_err = 0
    for kind, ms in sorted(r["times"].items()):
        errs = r["errors"].get(kind, [])
        n_err += len(errs)
        worst = max(worst, max(ms))
        print(
            f"  {kind:<12} {len(ms):>6} requests, {len(errs)} errors; p50 {percentile(ms, 50):.1f} ms, "
            f"p95 {percentile(ms, 95):.1f} ms, p99 {percentile(ms, 99):.1f} ms, max {max(ms):.1f} ms"
        )
        for e in errs[:3]:
            print(f"      {e}")
    ing = r["ingest"]
    if ing:
        print(
            f"  CLI ingest of {ing['files']} files: {ing['seconds']:.1f} s, exit {ing['returncode']}"
            + (f"; {ing['stderr'].strip()}" if ing["returncode"] else "")
        )
    print(
        f"  index rebuilds during the run: {r['rebuilds']}; uploads {r['uploaded']}, "
        f"missing from the index afterwards: {len(r['uploads_missing_from_index'])}; "
        f"cases in the index: {r['cases_in_index']}; port free after stop: {r['port_free']}"
    )
    search_ms = r["times"].get("search", [float("nan")])
    ok = (
        n_err == 0
        and r["rebuilds"] == 0
        and percentile(search_ms, 99) <= 150
        and worst <= 2000
        and r["port_free"]
        and not r["uploads_missing_from_index"]
        and (not ing or ing["returncode"] == 0)
    )
    print(
        "targets (0 errors, 0 rebuilds, search p99 <= 150 ms, no request over 2 s): "
        + ("met" if ok else "NOT met")
    )
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seconds", type=float, default=100)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument(
        "--think", type=float, default=0.2, help="mean pause of a reading client between requests"
    )
    ap.add_argument("--ingest-files", type=int, default=40)
    ap.add_argument("--home", type=Path, default=OUT)
    args = ap.parse_args()
    build_home(args.home)
    r = run_soak(
        args.home,
        seconds=args.seconds,
        workers=args.workers,
        readers=args.readers,
        think=args.think,
        ingest_files=args.ingest_files,
    )
    return 0 if report(r) else 1


if __name__ == "__main__":
    sys.exit(main())

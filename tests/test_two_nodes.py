"""Two `caselib serve` nodes (gunicorn, two workers each) with their own index folders, one
real PostgreSQL database and one shared file store, as behind a load balancer: a case
published on one node is found on the other within 5 s; reviews and transitions made on
both are all kept; a token, a session and a file chosen in the form work on either."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from library.accounts.users import create_user
from library.config import Settings
from library.context import Library
from library.models import AuditEvent, Case, CaseHistory, Review
from tests.conftest import SAMPLE_TEXT, docx_bytes, valid_form
from tests.pg import free_port

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

CASELIB = str(Path(sys.executable).with_name("caselib"))
PASSWORD = "correct-horse-2026"
FOUND_WITHIN = 5.0


class Node:
    def __init__(self, name: str, env: dict[str, str], log: Path):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [CASELIB, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", "2"],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one below
        )

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"node {self.name} exited: {self.proc.returncode}")
            try:
                if requests.get(self.url + "/login", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"node {self.name} did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()


@pytest.fixture(scope="module")
def cluster(postgres_database, tmp_path_factory):
    """The database made and its accounts created once, then two nodes started on it."""
    url = postgres_database("caselib_two_nodes")
    root = tmp_path_factory.mktemp("cluster")
    shared = root / "shared" / "files"
    common = {
        "CASELIB_DATABASE_URL": url,
        "CASELIB_FILES_DIR": str(shared),
        "CASELIB_SECRET_KEY": "two-nodes-" + "k" * 40,
        "CASELIB_INGEST_WORKERS": "1",
    }
    settings = Settings(
        {"home": str(root / "setup"), **{k[8:]: v for k, v in common.items()}}, env={}
    )
    lib = Library(settings)
    lib.init()
    create_user(lib, "admin", PASSWORD, "admin")
    for i in (1, 2):
        create_user(lib, f"pingshen{i}", PASSWORD, "reviewer", region="330000")
    lib.close()
    base = {k: v for k, v in os.environ.items() if not k.startswith("CASELIB_")}
    nodes = []
    try:
        for name in ("a", "b"):
            env = {
                **base,
                **common,
                "CASELIB_HOME": str(root / name),
                "CASELIB_INDEX_DIR": str(root / name / "index"),
            }
            nodes.append(Node(name, env, root / f"{name}.log"))
        for n in nodes:
            n.wait_ready()
        yield {"a": nodes[0], "b": nodes[1], "url": url, "root": root, "settings": settings}
    finally:
        for n in nodes:
            n.stop()


def _token(node: Node, username: str) -> dict[str, str]:
    resp = requests.post(
        node.url + "/api/v1/token", json={"username": username, "password": PASSWORD}, timeout=30
    )
    assert resp.status_code == 200, resp.text
    return {"Authorization": "Bearer " + resp.json()["token"]}


def _create(node: Node, headers, n: int) -> str:
    form = valid_form(name=f"两节点案例{n}", published_at=None)
    data = {k: (",".join(v) if isinstance(v, list) else v) for k, v in form.items()}
    body = docx_bytes(SAMPLE_TEXT + [f"第{n}号两节点样例：推行证照分离改革。"])
    resp = requests.post(
        node.url + "/api/v1/cases",
        data=data,
        files={"file": (f"两节点{n}.docx", body)},
        headers=headers,
        timeout=60,
    )
    assert resp.status_code == 201, resp.text
    return resp.json()["case_no"]


def _move(node: Node, headers, case_no: str, action: str, reason: str | None = None):
    return requests.post(
        f"{node.url}/api/v1/cases/{case_no}/transitions",
        json={"action": action, **({"reason": reason} if reason else {})},
        headers=headers,
        timeout=60,
    )


def _found_within(node: Node, headers, case_no: str, limit: float) -> float:
    started = time.monotonic()
    while True:
        resp = requests.get(
            node.url + "/api/v1/search",
            params={"case_no": case_no},
            headers=headers,
            timeout=30,
        )
        assert resp.status_code == 200, resp.text
        if case_no in {h["case_no"] for h in resp.json()["hits"]}:
            return time.monotonic() - started
        if time.monotonic() - started > limit:
            pytest.fail(f"{case_no} not found on node {node.name} within {limit} s")
        time.sleep(0.2)


def test_a_case_published_on_one_node_is_found_on_the_other_within_5_s(cluster):
    """Made on A, moved on both (submit on B, approve on A, publish on B): found on A
    within 5 s of its publication; and the other way round."""
    a, b = cluster["a"], cluster["b"]
    on_a = _token(a, "admin")
    on_b = on_a  # a token issued by one node is good on the other (one database)
    first = _create(a, on_a, 1)
    assert _move(b, on_b, first, "submit").status_code == 200
    assert _move(a, on_a, first, "approve").status_code == 200
    assert _move(b, on_b, first, "publish").status_code == 200
    _found_within(b, on_b, first, 1.0)  # the publishing node has it at once
    assert _found_within(a, on_a, first, FOUND_WITHIN) <= FOUND_WITHIN

    second = _create(b, on_b, 2)
    for node, action in ((a, "submit"), (b, "approve"), (a, "publish")):
        assert _move(node, on_a, second, action).status_code == 200
    assert _found_within(b, on_b, second, FOUND_WITHIN) <= FOUND_WITHIN
    lib = Library(cluster["settings"])
    try:
        with lib.db.session() as s:
            history = {
                c: [
                    h.action
                    for h in s.scalars(
                        select(CaseHistory)
                        .join(Case)
                        .where(Case.case_no == c)
                        .order_by(CaseHistory.id)
                    )
                ]
                for c in (first, second)
            }
    finally:
        lib.close()
    assert history == {c: ["create", "submit", "approve", "publish"] for c in (first, second)}


def test_reviews_and_transitions_made_on_both_nodes_are_all_kept(cluster):
    """Two reviewers review one case at the same moment, one through each node: both
    reviews are kept and the average counts both, on both nodes. Two people act on one
    case at once through the two nodes: one change, and a clear 409 for the other."""
    a, b = cluster["a"], cluster["b"]
    admin = _token(a, "admin")
    case_no = _create(a, admin, 3)
    for node, action in ((a, "submit"), (b, "approve"), (a, "publish")):
        assert _move(node, admin, case_no, action).status_code == 200

    results = {}

    def review(node: Node, who: str, rating: int):
        headers = _token(node, who)
        results[who] = requests.post(
            f"{node.url}/api/v1/cases/{case_no}/review",
            json={"recommend": True, "rating": rating, "comment": f"{who} 的点评"},
            headers=headers,
            timeout=60,
        )

    threads = [
        threading.Thread(target=review, args=(a, "pingshen1", 5)),
        threading.Thread(target=review, args=(b, "pingshen2", 2)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert {w: r.status_code for w, r in results.items()} == {"pingshen1": 201, "pingshen2": 201}
    for node in (a, b):
        summary = requests.get(
            f"{node.url}/api/v1/cases/{case_no}/reviews", headers=admin, timeout=30
        ).json()
        assert summary["rating_count"] == 2 and summary["rating_avg"] == 3.5
    # Both nodes' indexes know the new rating (search sorts by it) within 5 s.
    for node in (a, b):
        deadline = time.monotonic() + FOUND_WITHIN
        while True:
            hits = requests.get(
                node.url + "/api/v1/search",
                params={"case_no": case_no},
                headers=admin,
                timeout=30,
            ).json()["hits"]
            if hits and hits[0]["case_no"] == case_no:
                break
            assert time.monotonic() < deadline, node.name
            time.sleep(0.2)

    contested = _create(b, admin, 4)
    assert _move(a, admin, contested, "submit").status_code == 200
    answers = {}

    # Both approve it at once (approving is only from 已报送, so one of the two must lose
    # whatever the order; approve and return would both be right one after the other,
    # return being allowed from 已审核 too).
    def act(node: Node, action: str):
        answers[node.name] = _move(node, admin, contested, action)

    threads = [
        threading.Thread(target=act, args=(a, "approve")),
        threading.Thread(target=act, args=(b, "approve")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    codes = sorted(r.status_code for r in answers.values())
    assert codes == [200, 409], {k: (v.status_code, v.text[:200]) for k, v in answers.items()}
    loser = next(r for r in answers.values() if r.status_code == 409)
    assert loser.json()["code"] == "invalid_transition"

    lib = Library(cluster["settings"])
    try:
        with lib.db.session() as s:
            case = s.scalar(select(Case).where(Case.case_no == case_no))
            kept = {r.comment for r in s.scalars(select(Review).where(Review.case_id == case.id))}
            moves = [
                h.action
                for h in s.scalars(
                    select(CaseHistory)
                    .join(Case)
                    .where(Case.case_no == contested)
                    .order_by(CaseHistory.id)
                )
            ]
            audited = s.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.object_id == case_no, AuditEvent.action.like("review%"))
            )
    finally:
        lib.close()
    assert kept == {"pingshen1 的点评", "pingshen2 的点评"}
    assert moves[:2] == ["create", "submit"] and len(moves) == 3
    assert moves[2] == "approve"  # once
    assert audited == 2


def test_a_session_and_a_chosen_file_work_on_either_node(cluster):
    """A browser logged in on A is logged in on B (one key, sessions in the database); a
    file chosen in the form on A is kept for the form on B (the shared file store)."""
    a, b = cluster["a"], cluster["b"]
    browser = requests.Session()
    page = browser.get(a.url + "/login", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    resp = browser.post(
        a.url + "/login",
        data={"username": "admin", "password": PASSWORD, "csrf_token": csrf},
        allow_redirects=False,
        timeout=30,
    )
    assert resp.status_code == 302
    page = browser.get(b.url + "/upload", timeout=30)
    assert page.status_code == 200 and "上传案例" in page.text
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
    body = docx_bytes(SAMPLE_TEXT + ["第5号两节点样例：跨节点保留的文件。"])
    inspected = browser.post(
        a.url + "/upload/inspect",
        files={"file": ("跨节点.docx", body)},
        headers={"X-CSRF-Token": csrf, "X-Requested-With": "fetch"},
        timeout=60,
    )
    assert inspected.status_code == 200, inspected.text
    form = valid_form(name="两节点案例5", published_at=None)
    data = {k: v for k, v in form.items() if k != "tags"}
    data.update(
        {"tags": form["tags"], "csrf_token": csrf, "upload_token": inspected.json()["upload_token"]}
    )
    resp = browser.post(b.url + "/upload", data=data, allow_redirects=False, timeout=60)
    assert resp.status_code == 302, resp.text[:2000]
    case = browser.get(b.url + resp.headers["Location"], timeout=30).text
    assert "跨节点.docx" in case
    resp = browser.post(
        a.url + "/logout", data={"csrf_token": csrf}, allow_redirects=False, timeout=30
    )
    assert resp.status_code == 302
    assert browser.get(b.url + "/", allow_redirects=False, timeout=30).status_code == 302

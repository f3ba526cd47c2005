"""`caselib user add` and `caselib serve` (the contract scripts use)."""

from __future__ import annotations

from web.cli import build_parser, main


def test_user_add_creates_an_account_that_can_log_in(tmp_path, monkeypatch, capsys):
    """caselib user add NAME --role ROLE --unit --region --password creates a hashed account."""
    from library.accounts import auth, users
    from library.config import Settings
    from library.context import Library

    monkeypatch.setenv("CASELIB_HOME", str(tmp_path / "home"))
    rc = main(
        [
            "user",
            "add",
            "zhangsan",
            "--role",
            "reviewer",
            "--unit",
            "省发展改革委",
            "--region",
            "330000",
            "--password",
            "s3cret-pass",
        ]
    )
    assert rc == 0
    assert "账号已创建：zhangsan" in capsys.readouterr().out
    lib = Library(Settings())
    info = auth.authenticate(lib, "zhangsan", "s3cret-pass")
    assert info.role == "reviewer" and info.unit == "省发展改革委" and info.privileged
    with lib.db.session() as s:
        assert users.find_user(s, "zhangsan").password_hash != "s3cret-pass"


def test_user_add_reports_bad_input_in_one_line(tmp_path, monkeypatch, capsys):
    """A short password, a bad region and a taken name are usage errors (exit 2)."""
    monkeypatch.setenv("CASELIB_HOME", str(tmp_path / "home"))
    assert main(["user", "add", "li", "--role", "admin", "--password", "longenough"]) == 0
    capsys.readouterr()
    rc = main(["user", "add", "li", "--role", "admin", "--region", "999999", "--password", "short"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "密码至少 8 位" in err and "已存在" in err and "行政区划" in err
    assert main(["user", "add", "wang", "--role", "boss", "--password", "longenough"]) == 2


def test_user_passwd_deactivate_and_unlock(tmp_path, monkeypatch, capsys):
    """passwd prints a temporary password once (or sets a given one), deactivate refuses
    the login, reactivate and unlock let it in again; each is in the audit log."""
    import pytest

    from library.accounts import auth
    from library.config import Settings
    from library.context import Library
    from library.errors import Unauthorized
    from library.models import AuditEvent

    monkeypatch.setenv("CASELIB_HOME", str(tmp_path / "home"))
    assert main(["user", "add", "zhou", "--role", "reviewer", "--password", "first-pass"]) == 0
    capsys.readouterr()
    assert main(["user", "passwd", "zhou"]) == 0
    out = capsys.readouterr().out
    assert "只显示这一次" in out
    temporary = out.strip().rsplit("：", 1)[1]
    lib = Library(Settings())
    assert auth.authenticate(lib, "zhou", temporary).username == "zhou"
    assert main(["user", "passwd", "zhou", "--password", "second-pass"]) == 0
    assert "设置新密码" in capsys.readouterr().out
    assert main(["user", "deactivate", "zhou"]) == 0
    assert "账号已停用" in capsys.readouterr().out
    with pytest.raises(Unauthorized):
        auth.authenticate(lib, "zhou", "second-pass")
    assert main(["user", "reactivate", "zhou"]) == 0
    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017 - failures, then the lock
            auth.authenticate(lib, "zhou", "wrong")
    assert main(["user", "unlock", "zhou"]) == 0
    assert "已解除锁定" in capsys.readouterr().out
    assert auth.authenticate(lib, "zhou", "second-pass").username == "zhou"
    with lib.db.session() as s:
        actions = [e.action for e in s.query(AuditEvent).filter(AuditEvent.action.like("user.%"))]
        actors = {e.actor for e in s.query(AuditEvent).filter(AuditEvent.action.like("user.%"))}
    assert actions[-5:] == [
        "user.password_reset",
        "user.password_reset",
        "user.deactivate",
        "user.reactivate",
        "user.unlock",
    ]
    assert all(a.startswith("cli:") for a in actors)
    lib.close()


def test_user_commands_report_bad_input_in_one_line(tmp_path, monkeypatch, capsys):
    """An unknown account or a short password: one line on stderr, exit 2."""
    monkeypatch.setenv("CASELIB_HOME", str(tmp_path / "home"))
    for argv in (["user", "deactivate", "nobody"], ["user", "unlock", "nobody"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "账号不存在：nobody" in err
    assert main(["user", "add", "wu", "--role", "admin", "--password", "long-enough"]) == 0
    capsys.readouterr()
    assert main(["user", "passwd", "wu", "--password", "short"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "密码至少 8 位" in err
    assert main(["user", "passwd"]) == 2


def test_serve_accepts_host_port_and_workers():
    """caselib serve [--host H] [--port P] [--workers N] parses as documented."""
    args = build_parser().parse_args(
        ["serve", "--host", "0.0.0.0", "--port", "8080", "--workers", "3"]
    )
    assert (args.host, args.port, args.workers) == ("0.0.0.0", 8080, 3)
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.workers) == (None, None, None)

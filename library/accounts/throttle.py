"""Slowing down password guessing without telling which accounts exist.

Failed logins are counted under several keys: the name typed in together with the client
address (``pair``), the address alone (``address``: one machine trying many names) and
the name alone (``account``: many machines trying one name). A name is counted whether or
not such an account exists, so an unknown name and a real one get the same answers at the
same cost. A key past its free failures is refused for :data:`LOCK_SECONDS`, doubling with
each further failure and capped at :data:`MAX_LOCK_SECONDS` (a few minutes); counters are
forgotten :data:`WINDOW` after their last failure.

A browser that has logged in to an account before carries a signed device cookie (see
``web.security``): its attempts on that account are counted under its own ``device`` key
only, so failures from other machines, or from the same office address, can never lock
the account's owner out; a wrong password typed on that browser locks it for a few
minutes at most.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from .models import LoginThrottle


@dataclass(frozen=True)
class Rule:
    kind: str
    free: int  # failures allowed before the key is locked


RULES = {
    "pair": Rule("pair", 5),
    "address": Rule("address", 30),
    "account": Rule("account", 20),
    "device": Rule("device", 5),
}
LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 5 * 60
WINDOW = timedelta(minutes=15)


def lock_seconds(failures: int, free: int = RULES["pair"].free) -> int:
    """How long a key stays locked after ``failures`` failures in a row."""
    if failures < free:
        return 0
    return min(MAX_LOCK_SECONDS, LOCK_SECONDS * 2 ** min(failures - free, 16))


def keys(name: str, address: str | None, device: str | None = None) -> dict[str, str]:
    """The keys an attempt counts under: its device's alone when it comes from a browser
    that has logged in to this account before, else name+address, address and name."""
    name = (name or "").strip()[:64]
    if device:
        return {"device": f"device:{device[:64]}\x1f{name}"}
    address = (address or "?")[:64]
    return {
        "pair": f"pair:{name}\x1f{address}",
        "address": f"addr:{address}",
        "account": f"acct:{name}",
    }


def wait_seconds(session: Session, attempt: dict[str, str], now: datetime) -> int:
    """Seconds until this attempt may be tried (0: now)."""
    rows = session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(attempt.values())))
    wait = 0
    for row in rows:
        if row.locked_until is not None and row.locked_until > now:
            wait = max(wait, math.ceil((row.locked_until - now).total_seconds()))
    return wait


def count_failure(session: Session, attempt: dict[str, str], now: datetime) -> int:
    """Count a failed attempt under each of its keys; returns the seconds the attempt is
    now locked for (0: not locked)."""
    wait = 0
    for kind, key in attempt.items():
        row = session.get(LoginThrottle, key)
        if row is None:
            row = LoginThrottle(key=key, failures=0, last_failure_at=now)
            session.add(row)
        elif row.last_failure_at < now - WINDOW:
            row.failures = 0
        row.failures += 1
        row.last_failure_at = now
        seconds = lock_seconds(row.failures, RULES[kind].free)
        row.locked_until = now + timedelta(seconds=seconds) if seconds else None
        wait = max(wait, seconds)
    return wait


def count_success(session: Session, attempt: dict[str, str], now: datetime) -> None:
    """A right password: the name's own counters start again (the address's do not: one
    good account must not let a machine try others for free); stale rows go."""
    own = [k for kind, k in attempt.items() if kind != "address"]
    session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(own)))
    stale = now - WINDOW - timedelta(seconds=MAX_LOCK_SECONDS)
    session.execute(delete(LoginThrottle).where(LoginThrottle.last_failure_at < stale))


def _account_filter(name: str):
    """The rows of the keys that count one account name (with any address or browser)."""
    name = (name or "").strip()[:64]
    return or_(
        LoginThrottle.key == f"acct:{name}",
        LoginThrottle.key.startswith(f"pair:{name}\x1f", autoescape=True),
        LoginThrottle.key.endswith(f"\x1f{name}", autoescape=True)
        & LoginThrottle.key.startswith("device:"),
    )


def account_state(session: Session, name: str, now: datetime) -> tuple[datetime | None, int]:
    """An account name's lock (the latest time any of its keys is locked until, None when
    none is locked now) and its most failures under one key: what the admin sees."""
    until, failures = None, 0
    for row in session.scalars(select(LoginThrottle).where(_account_filter(name))):
        if row.last_failure_at >= now - WINDOW:
            failures = max(failures, row.failures)
        if row.locked_until is not None and row.locked_until > now:
            until = row.locked_until if until is None else max(until, row.locked_until)
    return until, failures


def locked_names(session: Session, now: datetime) -> set[str]:
    """The account names some key of which is locked now."""
    out: set[str] = set()
    for key in session.scalars(select(LoginThrottle.key).where(LoginThrottle.locked_until > now)):
        if key.startswith("acct:"):
            out.add(key[5:])
        elif key.startswith(("pair:", "device:")) and "\x1f" in key:
            out.add(
                key.split("\x1f", 1)[1] if key.startswith("device:") else key[5:].split("\x1f")[0]
            )
    return out


def clear_account(session: Session, name: str) -> int:
    """Forget an account name's failures and locks (the admin's 解除锁定); the addresses'
    own counters stay. Returns the failures forgotten."""
    rows = list(session.scalars(select(LoginThrottle).where(_account_filter(name))))
    failures = max((r.failures for r in rows), default=0)
    for row in rows:
        session.delete(row)
    return failures

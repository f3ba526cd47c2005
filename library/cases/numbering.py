"""Case numbers (编号): YS{year}-NNNNN, human-readable and stable, allocated inside the
writing transaction."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Counter

CASE_NO_PREFIX = "YS"


def reserve_case_nos(session: Session, year: int, count: int = 1) -> list[str]:
    """The next ``count`` case numbers of a year: YS2026-00001, ... Portable (SQLite and
    PostgreSQL): the counter row is updated inside the caller's transaction, which
    serializes writers until it commits."""
    name = f"case_no:{year}"
    for _ in range(5):
        res = session.execute(
            update(Counter).where(Counter.name == name).values(value=Counter.value + count)
        )
        if res.rowcount:
            last = session.scalar(select(Counter.value).where(Counter.name == name))
            break
        try:
            with session.begin_nested():
                session.add(Counter(name=name, value=count))
            last = count
            break
        except IntegrityError:
            continue  # another writer created the row first
    else:
        raise RuntimeError("could not allocate a case number")
    return [f"{CASE_NO_PREFIX}{year}-{n:05d}" for n in range(last - count + 1, last + 1)]


def next_case_no(session: Session, year: int) -> str:
    return reserve_case_nos(session, year, 1)[0]

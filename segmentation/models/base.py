"""Declarative base and the column types every table shares (aware UTC times, exact money)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Index, MetaData, text
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.schema import CreateIndex
from sqlalchemy.sql.compiler import DDLCompiler
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so Alembic migrations are the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Index.info key of a partial index's predicates, {dialect name: SQL}: see partial_index.
PARTIAL_WHERE = "segbot.partial_where"


def partial_index(name: str, *columns: str, where: Mapping[str, str]) -> Index:
    """An index over the rows matching a predicate written per dialect ({"postgresql": …,
    "sqlite": …}). SQLAlchemy's own `postgresql_where=` imports that dialect as the models are
    defined (~0.1 s of a short CLI command on SQLite, which never uses it); the predicate is
    handed to the dialect only when the index is created. Migrations write it out with
    postgresql_where/sqlite_where, as always."""
    return Index(name, *columns, info={PARTIAL_WHERE: dict(where)})


@compiles(CreateIndex)
def _create_partial_index(create: CreateIndex, compiler: DDLCompiler, **kw: Any) -> str:
    index = create.element
    where = index.info.get(PARTIAL_WHERE, {}).get(compiler.dialect.name)
    if where is not None:  # the dialect is loaded by now: it is compiling
        index.dialect_options[compiler.dialect.name]["where"] = text(where)
    return compiler.visit_create_index(create, **kw)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware timestamp stored as naive UTC.

    SQLite has no time zones and PostgreSQL's timestamptz converts on the session zone; storing
    naive UTC everywhere makes bound cutoffs compare the same way on both.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given where an aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # aggregates such as max() come back as text on SQLite
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC)


CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """An exact amount in yuan, stored as integer fen (cents).

    Integers sum exactly and fast on every database, where SQLite would round a NUMERIC
    through floating point.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | str | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        amount = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
        return int(amount * 100)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


def to_money(value: Decimal | int | str) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)

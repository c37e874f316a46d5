"""A spelling several cities share (Suzhou: 苏州 and 宿州) means the one the company has
customers in when it is only one of them, and is asked back when it is both or neither."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from segmentation.models import Customer
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq.parser import Clarification, parse_command
from segmentation.nlq.vocabulary import load_vocabulary
from segmentation.nodes import City

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 10, tzinfo=TZ)


def _ask(session: Session, text: str) -> Any:
    vocab = load_vocabulary(session, NamedSegmentCatalog.load())
    return parse_command(text, vocabulary=vocab, asker=None, now=NOW, tz=TZ)


def _cities(session: Session, *cities: str) -> None:
    for n, city in enumerate(cities):
        session.add(Customer(external_userid=f"c{n}", city=city))
    session.flush()


def test_the_one_city_the_company_has_is_meant(session: Session) -> None:
    _cities(session, "苏州", "杭州")
    command = _ask(session, "customers in Suzhou")
    assert not isinstance(command, Clarification)
    assert command.segment == City(("苏州",))
    assert "Suzhou" in command.description


def test_both_cities_present_is_asked(session: Session) -> None:
    _cities(session, "苏州", "宿州")
    asked = _ask(session, "customers in Suzhou")
    assert isinstance(asked, Clarification)
    assert "苏州" in asked.message and "宿州" in asked.message


def test_neither_city_present_is_asked(session: Session) -> None:
    _cities(session, "杭州")
    assert isinstance(_ask(session, "customers in Suzhou"), Clarification)


def test_a_chinese_name_is_never_swapped(session: Session) -> None:
    _cities(session, "苏州")
    assert _ask(session, "宿州的客户").segment == City(("宿州",))

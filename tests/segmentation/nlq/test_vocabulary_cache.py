"""The vocabulary is built once while the database's names stay the same, and any change to
them (a tag renamed, a member added, a saved segment, a city) is seen by the next message."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from segmentation.models import Customer, Staff, Tag
from segmentation.models.segments import SavedSegment
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq.vocabulary import load_vocabulary

CATALOG = NamedSegmentCatalog.load()
NOW = datetime(2026, 11, 1, tzinfo=UTC)


def _seed(session: Session) -> None:
    session.add_all([Tag(tag_id="t1", name="VIP", group_name="等级"),
                     Staff(userid="zhangsan", name="张三", active=True),
                     Customer(external_userid="c1", city="上海")])  # fmt: skip
    session.flush()


def test_unchanged_names_reuse_the_built_vocabulary(session: Session) -> None:
    _seed(session)
    first = load_vocabulary(session, CATALOG)
    assert load_vocabulary(session, CATALOG) is first
    assert load_vocabulary(session, NamedSegmentCatalog.load()) is not first  # another catalogue


def test_every_kind_of_name_change_is_seen_by_the_next_load(session: Session) -> None:
    _seed(session)
    before = load_vocabulary(session, CATALOG)
    session.execute(update(Tag).where(Tag.tag_id == "t1").values(name="金卡"))
    renamed = load_vocabulary(session, CATALOG)
    assert renamed is not before and "VIP" not in renamed.tags.values()
    assert "金卡" in renamed.tags.values()
    session.add(Staff(userid="lisi", name="李四", active=True))
    session.flush()
    assert "lisi" in load_vocabulary(session, CATALOG).staff
    session.add(SavedSegment(name="待跟进", definition={"version": 1, "tree": {"type": "all"}},
                             owner_userid="zhangsan", created_at=NOW, updated_at=NOW))  # fmt: skip
    session.flush()
    assert "待跟进" in load_vocabulary(session, CATALOG).saved.values()
    session.add(Customer(external_userid="c2", city="乌鲁木齐"))
    session.flush()
    assert "乌鲁木齐" in load_vocabulary(session, CATALOG).city_spellings

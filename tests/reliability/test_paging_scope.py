"""Issue #16 finding 7, through the chat path: "更多" pages through a stored list only within
the asker's scope as it is now, and a stored list expires after 24 hours."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, update

from segmentation.models import Customer, Follow
from tests.commands.conftest import ChatRig
from tests.reliability.chat import chat_rig, company_with

# zhangsan follows 7 + 15 customers: "我的客户" is 3 pages.
ZHANG_EXTRA = {f"wmZ{i:02d}": f"张新{i:02d}" for i in range(15)}


@pytest.fixture
def chat(clean_engine: Engine) -> ChatRig:
    return chat_rig(clean_engine, company_with({"zhangsan": ZHANG_EXTRA}))


def _names_after_first_page(chat: ChatRig) -> str:
    first = chat.tell("zhangsan", "我的客户")[0].text
    assert "共 22 人" in first and "张新07" not in first and "张新09" not in first
    return first


def test_more_skips_a_customer_who_left_the_askers_scope(chat: ChatRig) -> None:
    _names_after_first_page(chat)
    with chat.factory() as session:  # 张新07 is handed over to lisi after the answer
        session.execute(
            update(Follow)
            .where(Follow.external_userid == "wmZ07", Follow.userid == "zhangsan")
            .values(userid="lisi")
        )
        session.commit()
    pages = chat.tell("zhangsan", "更多")[0].text + chat.tell("zhangsan", "更多")[0].text
    assert "张新07" not in pages
    assert all(f"张新{i:02d}" in pages for i in range(3, 15) if i != 7), pages


def test_more_skips_a_customer_deleted_since_the_answer(chat: ChatRig) -> None:
    _names_after_first_page(chat)
    with chat.factory() as session:
        session.execute(update(Customer).where(Customer.external_userid == "wmZ09")
                        .values(deleted=True))  # fmt: skip
        session.commit()
    pages = chat.tell("zhangsan", "更多")[0].text + chat.tell("zhangsan", "更多")[0].text
    assert "张新09" not in pages and "张新10" in pages


def test_a_list_older_than_a_day_has_expired(chat: ChatRig) -> None:
    _names_after_first_page(chat)
    later = chat.later(timedelta(hours=23))
    assert "张新07" in later.tell("zhangsan", "更多")[0].text  # still fresh, however paged
    expired = chat.later(timedelta(hours=24, minutes=1)).tell("zhangsan", "更多")[0].text
    assert "失效" in expired and "张新" not in expired
    chat.tell("zhangsan", "my customers")
    english = chat.later(timedelta(days=2)).tell("zhangsan", "more")[0].text
    assert "expired" in english

"""Issue 19 (session 26, cards26): customer cards, rows and card changes. The sentences are
corpus rows (rounds/fix-cards26.tsv: "team" said alone, one customer looked up unnamed or
with Cantonese 啲); the unit tests check the readers the chat uses after a card (exporting
that one customer, who follows him now, what he bought), on rows by number (a question about
several rows) and on a card's customers (one put back, one skipped)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.commands.card_amend_loose import dropped
from bot.commands.card_people import people_named
from bot.commands.one_export import exported_name, exports_that_one
from bot.commands.picks import row_number
from bot.commands.row_actions import rows_said, with_rows_as
from segmentation.nlq.card_asks import card_asks
from segmentation.nlq.one_customer import asks_about_customer
from segmentation.text import normalize
from tests.segmentation.nlq import test_corpus

ROWS = Path(__file__).parent / "rounds" / "fix-cards26.tsv"
CASES = test_corpus.read_cases(ROWS)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_row_is_read_exactly(session: Session, case: test_corpus.Case) -> None:
    assert test_corpus.outcome_on_fixture(session, case) == "right"


def test_every_category_keeps_questions_back() -> None:
    assert test_corpus.categories_without_questions_back(CASES) == []


@pytest.mark.parametrize(
    "said",
    [
        "把他的记录导成表格发我",
        "把她的資料匯出來",
        "把他這筆資料做成Excel傳給我",
        "將佢嘅紀錄export做Excel俾我",
        "把佢啲資料導出嚟",
        "幫我將佢啲資料轉做Excel",
        "把她的资料整成Excel发给我",
        "把她的 record export 成 Excel",
        "导出她",
        "export her",
        "download his profile",
        "put his record in an Excel file for me",
        "send me her details as a spreadsheet",
        "dump his details into a spreadsheet",
        "give me his record as an excel file",
        "把她的資料轉成試算表",
        "佢啲資料出份excel俾我",
        "can I get her details in excel",
        "her record as an excel please",
        "给我一份她的excel",
    ],
)
def test_exporting_the_one_customer_shown(said: str) -> None:
    assert exports_that_one(normalize(said))


@pytest.mark.parametrize(
    "said",
    [
        "把他们的资料导出来",  # them: a list, never the one customer
        "把她加到表格",  # no export verb
        "他的记录",  # her record asked, not exported
        "把他的资料发我",  # no file said
        "put him in 高意向",
        "export them",
        "导出这个",
    ],
)
def test_no_export_of_the_one_customer(said: str) -> None:
    assert not exports_that_one(normalize(said))


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("导出Lily的资料", "lily"),
        ("把Lily的记录导成表格发我", "lily"),
        ("將Judy嘅紀錄export做Excel俾我", "judy"),
        ("把客户王静的资料导出来", "王静"),
        ("export Lily's details", "lily"),
        ("put Frank's record in an Excel file for me", "frank"),
    ],
)
def test_exporting_one_customer_by_name(said: str, name: str) -> None:
    assert exported_name(normalize(said)) == name


@pytest.mark.parametrize("said", ["导出VIP", "export the VIP list", "导出她的资料", "export lily"])
def test_no_customer_named_for_export(said: str) -> None:
    assert exported_name(normalize(said)) is None


@pytest.mark.parametrize(
    "said",
    [
        "现在是谁在跟他",
        "現在是誰在跟她",
        "佢依家係邊個負責",
        "而家邊個跟緊佢",
        "她现在是谁 follow 的",
        "目前是哪位同事在负责她",
        "他目前归谁管",
        "现在跟她的是谁",
        "負責佢嘅係邊個",
        "她現在有貼什麼標籤",
        "who's handling him",
        "who is looking after him these days",
        "who's her rep now",
        "which rep has her now",
    ],
)
def test_who_follows_the_card_customer_now(said: str) -> None:
    plain = normalize(said)
    assert asks_about_customer(plain)
    assert card_asks(said), said


@pytest.mark.parametrize("said", ["现在是谁在跟他们", "他们现在是谁在跟", "谁在跟这些客户"])
def test_several_customers_are_no_card_question(said: str) -> None:
    assert not asks_about_customer(normalize(said))


@pytest.mark.parametrize(
    ("said", "rows", "asked"),
    [
        ("第二同第四個係咩標籤", (2, 4), "tags"),
        ("第一个和第三个在哪个城市", (1, 3), "city"),
        ("what tags do the 1st and the 3rd have", (1, 3), "tags"),
        ("第二个跟第四个现在是谁在跟", (2, 4), "owner"),
        ("第一、三个在哪个城市", (1, 3), "city"),
        ("第二同四個係咩標籤", (2, 4), "tags"),
        ("which city are number 1 and 3 in", (1, 3), "city"),
    ],
)
def test_a_question_about_several_rows(said: str, rows: tuple[int, ...], asked: str) -> None:
    found = rows_said(said)
    assert found is not None and found.numbers == rows
    question = with_rows_as(found, "she" if said.isascii() else "她")
    assert asks_about_customer(normalize(question).strip())
    assert [a.kind for a in card_asks(question)] == [asked]


@pytest.mark.parametrize(
    "said",
    [
        "actually put Omar back in",
        "put Omar back",
        "bring Omar back",
        "add Omar back in",
        "put back Omar",
        "把Omar加回来",
        "Omar加返入去",
        "加回Omar",
        "把Omar放回去",
        "Omar還是要",
        "Omar仲係要返",
        "Omar都要返",
        "Omar也加回去吧",
        "keep Omar in",
        "Omar can stay",
    ],
)
def test_a_customer_put_back_on_the_card(said: str) -> None:
    assert people_named(said) == ["omar"]


@pytest.mark.parametrize("said", ["put them back in", "把他们加回来", "大家都要返"])
def test_no_one_named_put_back(said: str) -> None:
    assert people_named(said) is None


@pytest.mark.parametrize(
    ("said", "rewritten"),
    [
        ("Pia skip 掉", "去掉pia的"),
        ("Pia skip掉吧", "去掉pia的"),
        ("Pia跳過", "去掉pia的"),
        ("Grace唔計", "去掉grace的"),
        ("Pia skip", "without pia"),
        ("Pia就skip吧", "去掉pia的"),
        ("Pia先跳过", "去掉pia的"),
        ("skip掉Pia", "去掉pia的"),
        ("除咗Grace", "去掉grace的"),
    ],
)
def test_a_customer_skipped_on_the_card(said: str, rewritten: str) -> None:
    assert dropped(normalize(said)) == rewritten


@pytest.mark.parametrize("said", ["都skip掉", "全部跳过", "除咗佢哋", "skip all"])
def test_skipping_everyone_is_no_drop(said: str) -> None:
    assert dropped(normalize(said)) is None


@pytest.mark.parametrize(
    ("said", "rows"),
    [
        ("第一、三个打上待跟进", (1, 3)),
        ("第1、3个打上待跟进", (1, 3)),
        ("第一同三個加待跟進", (1, 3)),
        ("第一第三个打上待跟进", (1, 3)),
        ("tag number 1 and 3 with VIP", (1, 3)),
        ("tag the 1st & 3rd with VIP", (1, 3)),
    ],
)
def test_rows_with_one_row_word_for_all(said: str, rows: tuple[int, ...]) -> None:
    found = rows_said(said)
    assert found is not None and found.numbers == rows


@pytest.mark.parametrize("said", ["第一个和三天前下单的", "第二个和30天内下单的"])
def test_a_count_after_a_row_is_no_row(said: str) -> None:
    found = rows_said(said)
    assert found is not None and len(found.numbers) == 1


@pytest.mark.parametrize(
    "said", ["who owns the 2nd and the 4th", "第二同第四個係咩標籤", "the 1st and 3rd, which city?"]
)
def test_two_rows_are_no_one_row_pick(said: str) -> None:
    assert row_number(said) is None


@pytest.mark.parametrize(("said", "row"), [("who owns the 2nd one", 2), ("第三個買了什麼", 3)])
def test_one_row_is_still_picked(said: str, row: int) -> None:
    assert row_number(said) == row

"""Questions back name the word not understood and suggest only things of its kind: staff
for a person's name, tags (and the tag groups) for a tag-like word, periods for a time word,
a province's cities for a province — and a word that carries no condition draws no place."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from segmentation.engine import default_context
from segmentation.nlq import Clarification, Command, load_vocabulary, parse_command
from segmentation.nlq.cities import city_names, province_cities
from segmentation.nlq.vocabulary import Vocabulary
from tests.segmentation.nlq.fixture import NOW, TZ, load_fixture

STAFF_NAMES = {"张三", "李四", "赵六", "王五"}


@pytest.fixture
def vocab(session: Session) -> Vocabulary:
    load_fixture(session)
    return load_vocabulary(session, default_context(TZ).named)


def ask(text: str, vocab: Vocabulary) -> Clarification:
    result = parse_command(text, vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Clarification), f"{text!r} was answered: {result}"
    return result


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("王静的客户", "没有叫“王静”的同事"),
        ("王静手上的VIP", "没有叫“王静”的同事"),
        ("張四名下的客戶", "没有叫“张四”的同事"),
        ("Wang Jing's accounts", "There is no colleague called “Wang Jing”"),
        ("customers followed by Zhang Si", "There is no colleague called “Zhang Si”"),
    ],
)
def test_an_unknown_colleague_is_asked_about_with_staff_only(
    text: str, said: str, vocab: Vocabulary
) -> None:
    question = ask(text, vocab)
    assert said in question.message
    assert set(question.suggestions) <= STAFF_NAMES
    assert not set(question.suggestions) & set(city_names())


def test_a_near_colleague_name_is_suggested(vocab: Vocabulary) -> None:
    assert "张三" in ask("张山的客户", vocab).suggestions


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("钻石客户", "没有找到标签“钻石”"),
        ("VIPP客户有多少", "没有找到标签“VIPP”"),
        ("tagged diamond", "There is no tag “diamond”"),
        ("platinum customers", "There is no tag “platinum”"),
        ("打了“钻石”标签的客户", "没有找到标签“钻石”"),
    ],
)
def test_an_unknown_tag_lists_close_tags_and_the_groups(
    text: str, said: str, vocab: Vocabulary
) -> None:
    question = ask(text, vocab)
    assert said in question.message
    assert "客户等级" in question.message  # the fixture's tag group
    assert set(question.suggestions) <= {"VIP", "金卡", "高意向", "待跟进", "沉睡"}


def test_a_typo_tag_suggests_the_tag(vocab: Vocabulary) -> None:
    assert ask("VIPP客户", vocab).suggestions[:1] == ("VIP",)


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("近三旬下单的", ("近7天", "近30天", "本月")),
        ("last semester ordered", ("last 7 days", "last 30 days", "this month")),
    ],
)
def test_an_unknown_time_word_suggests_periods(
    text: str, periods: tuple[str, ...], vocab: Vocabulary
) -> None:
    assert ask(text, vocab).suggestions == periods


@pytest.mark.parametrize(
    "text",
    [
        "gimmie the VIP customers",
        "kinda want the VIP customers",
        "yo bro VIP customers",
        "hmm VIP customers innit",  # ("lol" is a laugh, a filler now)
        "VIP customers essentially",
        "帮偶拉一下VIP客户",
        "VIP客户呜呜",  # (嗯 is a hesitation wrapper now)
    ],
)
def test_a_word_that_carries_no_condition_draws_no_place(text: str, vocab: Vocabulary) -> None:
    question = ask(text, vocab)
    assert not set(question.suggestions) & set(city_names()), question.suggestions


def test_a_filler_verb_is_not_a_place(vocab: Vocabulary) -> None:
    result = parse_command("导出来上海的客户", vocabulary=vocab, asker="zhangsan", now=NOW, tz=TZ)
    assert isinstance(result, Command) and result.intent == "export"


@pytest.mark.parametrize(
    ("text", "province"),
    [("广东的客户", "广东"), ("customers in Zhejiang province", "浙江"), ("廣東省的客戶", "广东")],
)
def test_a_province_is_asked_about_with_its_cities(
    text: str, province: str, vocab: Vocabulary
) -> None:
    question = ask(text, vocab)
    assert question.suggestions
    assert set(question.suggestions) <= set(province_cities()[province])


def test_customers_cities_come_first_for_a_province(vocab: Vocabulary) -> None:
    assert ask("广东的客户", vocab).suggestions[:2] == ("广州", "深圳")  # the fixture's


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("tagged diamond", "en"),
        ("钻石客户", "zh"),
        # the language of the words around the names, not of the names
        ("show me 钻石 customers", "en"),
        ("customers tagged 高意象", "en"),
        ("how many customers of 王五 are tagged 钻石", "en"),
        ("打了diamond标签的客户", "zh"),
        ("其中 diamond tag 的客户", "zh"),
        ("近30天 inquired 但是钻石的", "zh"),
    ],
)
def test_the_question_is_in_the_users_language(text: str, language: str, vocab: Vocabulary) -> None:
    question = ask(text, vocab)
    assert question.language == language
    has_chinese = any("\u4e00" <= c <= "\u9fff" for c in question.message.split("“")[0])
    assert has_chinese == (language == "zh")


@pytest.mark.parametrize(
    ("text", "city"), [("上晦的客户", "上海"), ("杭洲客户", "杭州"), ("Shanghia customers", "上海")]
)
def test_a_misspelt_city_in_a_names_place_suggests_the_city(
    text: str, city: str, vocab: Vocabulary
) -> None:
    assert city in ask(text, vocab).suggestions


def test_a_tag_like_word_draws_no_loosely_similar_city(vocab: Vocabulary) -> None:
    question = ask("钻石客户", vocab)
    assert not set(question.suggestions) & set(city_names())
    assert "客户等级" in question.message

"""The chat router: who is asking, what they asked, which handler answers (no SQL here)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.answers import (
    HANT,
    clarify_reply,
    count_reply,
    generic_reply,
    list_reply,
    more_page,
    more_reply,
    with_scope_note,
)
from bot.commands.audit import audit
from bot.commands.both import both_answer
from bot.commands.bound_swap import swapped_bound_answer
from bot.commands.campaign_chat import campaign_choice_reply, campaign_reply
from bot.commands.campaign_followups import campaign_followup_answer
from bot.commands.campaign_refs import remember_answered_campaign, with_campaign_named
from bot.commands.card_amend import (
    Amended,
    CalledOff,
    adds_to_card,
    calls_off_card,
    card_amendment,
    replace_card,
)
from bot.commands.card_swap import swapped_card_answer
from bot.commands.card_tag import card_tag_answer
from bot.commands.cards import CANCEL_KEY, CONFIRM_KEY
from bot.commands.class_again import class_again_answer
from bot.commands.compared_among import compared_among
from bot.commands.confirm import confirmed_act, handle_click, handle_typed, typed_decision
from bot.commands.context import (
    breakdown_group_answer,
    contextual_answer,
    exported_answer,
    previous_breakdown,
    refined_answer,
    subjectless_answer,
    swap_pick_answer,
    swapped_window_answer,
)
from bot.commands.conversation_chat import (
    before_query,
    card_pick_replies,
    data_words,
    extra_audit,
    extra_replies,
    followup_answer,
    in_script,
    script_words,
)
from bot.commands.corrections import as_card_change, corrected_answer
from bot.commands.coupon_status import coupon_status_answer
from bot.commands.describe import describe_replies
from bot.commands.explain import explain_reply
from bot.commands.export import export_reply
from bot.commands.going_back import earlier_answer, earlier_pick_answer, undoes_a_step
from bot.commands.group_pick import breakdown_row_answer
from bot.commands.history import history_line, past_sizes, segment_key
from bot.commands.meaning import meaning_answer
from bot.commands.named_actions import named_tag_answer
from bot.commands.named_customers import dropped_by_name
from bot.commands.no_card_change import no_card_change_answer
from bot.commands.ones_of_these import as_ones_of_these
from bot.commands.owner_pointer import with_owner_named
from bot.commands.parse_alone import parse_alone
from bot.commands.period_who import period_who_answer
from bot.commands.picks import Picked, question_for, read_reply, row_number
from bot.commands.pointed_tag import pointed_tag_answer
from bot.commands.preview import canonical_segment, confirmation_reply
from bot.commands.rank_measure import with_measure
from bot.commands.rank_steps import reranked_window_answer
from bot.commands.ranked_action import ranked_rows_answer
from bot.commands.ranked_pick import ranked_pick_answer
from bot.commands.row_actions import row_action_answer
from bot.commands.row_narrowing import rows_narrowed_answer
from bot.commands.row_questions import rows_asked_replies
from bot.commands.same_tag import same_tag_answer
from bot.commands.saving import save_reply, saved_list_reply
from bot.commands.script import script_of
from bot.commands.sorted_list import sorted_list_answer
from bot.commands.texts import language_of, say
from bot.commands.thanks import says_no_words, thanks_answer
from bot.commands.the_rest import rest_answer
from bot.commands.together import together_answer
from bot.commands.told_first import told_dropped
from bot.commands.two_steps import split_in_two, two_steps_answer
from bot.commands.value_swap import swapped_value_answer
from bot.commands.which_group import which_group_answer
from bot.commands.widen_to import widened_to_answer
from bot.commands.widening import widened_answer, widens_then_asks, widens_then_narrows
from bot.commands.window_step import stepped_window_answer
from bot.database import caused_by_input
from bot.services.answer import (
    Answer,
    BreakdownAnswer,
    CardAnswer,
    ChangesAnswer,
    ClarifyAnswer,
    CountAnswer,
    DigestAnswer,
    MessageAnswer,
    SavedAnswer,
    SegmentAnswer,
)
from bot.services.confirmations import latest_action
from bot.services.conversation import picked_card
from integrations.wecom.events import CardClick
from segmentation.compiler import SegmentError
from segmentation.nlq import Clarification
from segmentation.nlq.backref import read_back_reference
from segmentation.nlq.followup import read_more
from segmentation.nlq.leadins import starts_new_topic, without_acknowledgement
from segmentation.nlq.spoken_fillers import spoken
from segmentation.nodes import canonical, from_json, to_json
from segmentation.scope import Requester, resolve_requester

log = logging.getLogger(__name__)

_LETTERS = re.compile(r"[A-Za-z]")
_WORDS = re.compile(r"[A-Za-z\u3400-\u9fff\uf900-\ufaff]")


def answer_text(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer:
    """The query answer to `text` in the member's conversation: a refinement of the previous
    answer, a command about it ("导出这些"), or a question of its own (also `segbot query`);
    an earlier list gone back to ("回到刚才那6个人，其中…") is "these" for the rest of it."""
    text = with_campaign_named(session, ctx, requester, text)  # 那个活动 → 活动#N
    halves = split_in_two(text)
    before = conv.load(session, requester.userid, ctx.now) if halves else None
    answer = _one_step(session, ctx, requester, text, lang)
    if halves and before is not None and isinstance(answer, ClarifyAnswer):
        # "回到上个月，看李四那组": two follow-ups, the second asked of the first's answer
        stepped = two_steps_answer(session, ctx, requester, halves, before, lang, _one_step)
        if stepped is not None:
            return stepped
    return answer


def _one_step(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer:
    """`text` answered as one question or one follow-up."""
    return (
        thanks_answer(text, lang)  # "谢谢", "👍": you're welcome, never the help menu
        # first: after an answer about one campaign's coupon, "the one before?" / 之前那个呢 is
        # the campaign before it, not the list before it
        or campaign_followup_answer(session, ctx, requester, text, lang)
        or breakdown_row_answer(session, ctx, requester, text, lang)  # 第一组, the first group
        # "9月那两个都是谁", "who were October's three": that period's customers, listed
        or period_who_answer(session, ctx, requester, text, lang)
        # "the week before that" / 再往前一周: the period before, not the answer before
        or stepped_window_answer(session, ctx, requester, text, lang)
        or earlier_answer(session, ctx, requester, text, lang, answer_text)
        # "剩下的那几个呢" / "and the rest?" after a narrowing: the list without those kept
        or rest_answer(session, ctx, requester, text, lang)
        # "2号和3号不要", "只要第1跟第4个", "drop the first one": the list without / with those rows
        or rows_narrowed_answer(session, ctx, requester, text, lang)
        or corrected_answer(session, ctx, requester, text, lang)
        or ranked_pick_answer(session, ctx, requester, text, lang)
        # "换成近30天的消费排名", "rank by last month's spend instead": that period's ranking
        or reranked_window_answer(session, ctx, requester, text, lang)
        # "把北京改为上海", "swap 金卡 for VIP", "city 换成 上海": the part named, replaced
        or swapped_value_answer(session, ctx, requester, text, lang)
        or ranked_rows_answer(session, ctx, requester, text, lang)
        or same_tag_answer(session, ctx, requester, text, lang)
        # "remove that tag from her" after her card: her one tag
        or card_tag_answer(session, ctx, requester, text, lang)
        # "remove that tag from them": the one tag of the previous question
        or pointed_tag_answer(session, ctx, requester, text, lang, answer_text)
        or exported_answer(session, ctx, requester, text, lang)
        or named_tag_answer(session, ctx, requester, text, lang)
        or swapped_card_answer(session, ctx, requester, text, lang)
        # "这个分群是什么意思" / "what does this mean": the last answer's conditions restated
        or meaning_answer(session, ctx, requester, text, lang)
        # "哪个最多" / "which one has the most" after a table: its own dimension's largest
        or which_group_answer(session, ctx, requester, text, lang, answer_text)
        or previous_breakdown(session, ctx, requester, text, lang)
        or breakdown_group_answer(session, ctx, requester, text, lang)
        or both_answer(session, ctx, requester, text, lang)
        or together_answer(session, ctx, requester, text, lang)
        or swapped_window_answer(session, ctx, requester, text, lang)
        or swapped_bound_answer(session, ctx, requester, text, lang)
        # "widen 到 我们部门 全部 VIP": the wider question named, asked on its own
        or widened_to_answer(session, ctx, requester, text)
        or widened_answer(session, ctx, requester, text, lang, answer_text)
        or dropped_by_name(session, ctx, requester, text, lang)
        or refined_answer(session, ctx, requester, text, lang)
        or class_again_answer(session, ctx, requester, text, lang)  # "customers to keep?"
        or contextual_answer(session, ctx, requester, text, lang)
        or sorted_list_answer(session, ctx, requester, text, lang)
        or subjectless_answer(session, ctx, requester, text, lang)
        or ctx.ask(session, text, requester.userid)
    )


def _answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer:
    try:
        return answer_text(session, ctx, requester, text, lang)
    except SQLAlchemyError as exc:
        if not caused_by_input(exc):
            raise  # the database is away: keep the message and retry it later
        # The question's own values overflow the database: asking again gives the same error.
        session.rollback()
        log.warning("the database refused a value of a chat query: %s", type(exc).__name__)
        return ClarifyAnswer(say("busy", lang))
    except Exception as exc:
        # Any text must get an answer, never silence: log the kind of failure, ask again.
        log.exception("query failed for a chat message: %s", type(exc).__name__)
        return ClarifyAnswer(say("busy", lang))


def _count_text(
    session: Session, ctx: CommandContext, requester: Requester, answer: CountAnswer, lang: str
) -> str:
    """The count, then its size yesterday and a week ago when known."""
    text = count_reply(answer, lang)
    node = canonical(answer.segment)
    sizes = past_sizes(session, requester, node, segment_key(to_json(node)), ctx.now)
    line = history_line(sizes, lang)
    return f"{text}\n{line}" if line else text


def _replies(
    session: Session, ctx: CommandContext, requester: Requester, answer: Answer, lang: str
) -> list[Reply]:
    userid = requester.userid
    if isinstance(answer, ClarifyAnswer):
        return [Reply(userid, clarify_reply(answer, lang))]
    if isinstance(answer, MessageAnswer):
        return [Reply(userid, say("help", lang) if answer.intent == "help" else answer.message)]
    if isinstance(answer, CountAnswer):
        count = with_scope_note(answer, requester, lang, session)
        assert isinstance(count, CountAnswer)
        return [Reply(userid, _count_text(session, ctx, requester, count, lang))]
    if isinstance(answer, SegmentAnswer):
        return _segment_replies(session, ctx, requester, answer, lang)
    if isinstance(answer, (BreakdownAnswer, CardAnswer, ChangesAnswer, DigestAnswer)):
        return extra_replies(session, ctx, requester, answer, lang)
    if isinstance(answer, SavedAnswer):
        listed = [saved_list_reply(userid, answer, lang)]
        return in_script(listed, answer.script == "hant", data_words(session, answer))
    return [Reply(userid, generic_reply(answer, lang))]  # a JSON answer of another service


def _segment_replies(
    session: Session, ctx: CommandContext, requester: Requester, answer: SegmentAnswer, lang: str
) -> list[Reply]:
    """A list, an export, a description, an explanation, a save, or an action's card."""
    userid = requester.userid
    scoped = with_scope_note(answer, requester, lang, session)
    assert isinstance(scoped, SegmentAnswer)
    answer = scoped
    if answer.needs_confirmation:
        return [confirmation_reply(session, ctx, requester, answer, lang)]
    if answer.intent == "save":
        return save_reply(session, ctx, requester, answer, lang)
    if answer.intent == "count":
        return [Reply(userid, _count_text(session, ctx, requester, answer.as_count(), lang))]
    if answer.intent == "export":
        return [export_reply(session, ctx, userid, answer, lang)]
    if answer.intent == "explain":
        return [explain_reply(session, ctx, requester, answer, lang)]
    if answer.intent == "describe":
        return describe_replies(session, ctx, requester, answer, lang)
    if answer.intent == "list":
        hant = answer.script == HANT
        return [Reply(userid, list_reply(session, ctx, userid, answer, lang), scripted=hant)]
    return [Reply(userid, generic_reply(answer, lang))]


def _audit_detail(answer: Answer) -> dict[str, Any]:
    """What later answers need: the canonical segment (for "this segment" and size history)."""
    if isinstance(answer, (CountAnswer, SegmentAnswer, BreakdownAnswer)):
        _, segment = canonical_segment(answer.segment)
        return {
            "intent": answer.intent,
            "count": answer.count,
            "needs_confirmation": isinstance(answer, SegmentAnswer) and answer.needs_confirmation,
            "segment": segment,
            "segment_key": segment_key(segment),
            "description": answer.description[:300],
            **extra_audit(answer),
        }
    if not isinstance(answer, dict):
        return {"intent": answer.intent, "count": None, "needs_confirmation": False,
                **extra_audit(answer)}  # fmt: skip
    detail: dict[str, Any] = {
        "intent": answer.get("intent"),
        "count": answer.get("count"),
        "needs_confirmation": bool(answer.get("needs_confirmation")),
    }
    if isinstance(answer.get("segment"), dict):
        _, segment = canonical_segment(from_json(answer["segment"]))
        detail.update(
            segment=segment,
            segment_key=segment_key(segment),
            description=str(answer.get("description") or "")[:300],
        )
    detail.update(extra_audit(answer))
    return detail


def handle_text(session: Session, ctx: CommandContext, userid: str, text: str) -> list[Reply]:
    """Answer one chat message from `userid` (the caller sends the replies and commits): in
    Traditional characters when it was written in them, whatever kind of reply it gets."""
    lang = language_of(text)
    requester = resolve_requester(session, userid, ctx.settings.admins)
    if requester is not None and says_no_words(text):  # "👍": the conversation's language
        shown = conv.load(session, userid, ctx.now).previous
        lang = shown.language if shown is not None else "zh"
    if requester is None:  # no conversation is kept for a stranger: the message's own script
        audit(session, ctx, userid, "refused", text, reason="not a known member")
        refused = [Reply(userid, say("not_member", lang))]
        return in_script(refused, lang == "zh" and script_of(text) == HANT)
    # A message the same in both scripts ("其中女性呢", a pick "1") is answered in the
    # member's last one; an English one is not Chinese of either script.
    script = conv.reply_script(session, userid, script_of(text), ctx.now)
    text = _spoken(session, ctx, userid, text)  # "嗯 那个 其中女的呢": 其中女的呢
    if starts_new_topic(text):  # "换个问题：…": not about the last answer
        conv.start_new_topic(session, userid, ctx.now)
    # "算了不发了，导出给我", "also tag Bob": the card's words, kept whole
    # "ignore the dates, only the Shanghai ones": the first clause takes the window off
    if (
        not calls_off_card(session, ctx, userid, text)
        and not adds_to_card(session, ctx, userid, text)
        and not widens_then_narrows(text)
        and not widens_then_asks(session, ctx, userid, text)
    ):
        text = without_acknowledgement(text)  # "好的，这些里面深圳的呢": the refinement
    # "頭先打咗俾Alice，幫佢加待跟進": the act, on the customer told of (told_first)
    text = told_dropped(session, ctx, requester, text)
    hant = script == HANT and (lang == "zh" or not _LETTERS.search(text))
    replies = _handle_text(session, ctx, requester, text, lang, hant)
    return in_script(replies, True, script_words(session, None)) if hant else replies


def _spoken(session: Session, ctx: CommandContext, userid: str, text: str) -> str:
    """`text` without the fillers of speech (segmentation/nlq/spoken_fillers.py) — unless it
    answers a question back about an action's content: a message's words are sent as said."""
    pending = conv.load(session, userid, ctx.now).pending
    if pending is not None and pending.kind == conv.CONTENT:
        return text
    return spoken(text)


def _handle_text(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    hant: bool,
) -> list[Reply]:
    userid = requester.userid
    if not text.strip():
        audit(session, ctx, userid, "command", text, intent="empty")
        return [Reply(userid, say("empty", lang))]
    picked = read_reply(session, ctx, userid, text)
    if isinstance(picked, list):
        audit(session, ctx, userid, "command", text, role=requester.role, intent="pick_which")
        return picked
    if isinstance(picked, Picked):
        if picked.pending.kind == conv.CARD:  # "which 王静?": that customer's card
            # "1" is answered in the question's language, "the first one" in English.
            lang = lang if _WORDS.search(text) else picked.lang
            replies, card = card_pick_replies(
                session, ctx, requester, picked.pending, picked.index, lang,
                hant and lang == "zh", text,
            )  # fmt: skip
            number = picked.index + 1
            audit(session, ctx, userid, "command", text, role=requester.role, intent="customer",
                  picked=number, found=card is not None)  # fmt: skip
            return replies
        if picked.pending.kind == conv.CAMPAIGN:
            chosen = picked.pending.options[picked.index]
            action = picked.pending.action
            return campaign_choice_reply(session, ctx, requester, text, action, chosen, picked.lang)
        if picked.pending.kind == conv.SWAP:  # "which window?": the chosen segment, asked again
            segment = picked.pending.segments[picked.index]
            asked = picked.pending.action
            answer = swap_pick_answer(session, ctx, requester, segment, picked.lang, asked)
            return _answered(session, ctx, requester, text, answer, picked.lang, hant)
        if picked.pending.kind == conv.EARLIER:  # "which earlier list?": that one, then the rest
            answer = earlier_pick_answer(
                session, ctx, requester, picked.pending, picked.index, answer_text
            )
            return _answered(session, ctx, requester, text, answer, picked.lang, hant)
        # The original question, the choice in place of the phrase asked about — answered in
        # its script ("VIP" to 打個標籤 is answered in Traditional characters).
        text, lang = picked.text, picked.lang
        hant = hant or (lang == "zh" and script_of(text) == HANT)
    back_then_row = _back_then_row(text)
    if back_then_row is not None:  # "回到剛才那個排行，第二名是誰負責的": back, then that row
        back, row = back_then_row
        _handle_text(session, ctx, requester, back, lang, hant)
        return _handle_text(session, ctx, requester, row, lang, hant)
    text = with_owner_named(session, ctx, userid, text)  # 他手上的VIP after 她是谁在跟
    text = as_ones_of_these(session, ctx, userid, text)  # 上海的导出来 after a list: of those
    text = compared_among(session, ctx, userid, text)  # 哪一位花得比較多: the top one of those
    text = with_measure(
        text,
        lambda: conv.load(session, userid, ctx.now).previous,
        lambda said: _asked(session, ctx, userid, said),
    )
    more = read_more(text)
    if more is not None:
        no_page = _no_page(session, ctx, userid, lang)
        audit(session, ctx, userid, "more", text, role=requester.role)
        if no_page is not None:
            return [Reply(userid, no_page)]
        # A page is in its list's script (paging.py keeps it), whatever "更多" was typed in.
        page = more_reply(session, ctx, requester, lang, size=more)
        return [Reply(userid, page, scripted=True)]
    decision = typed_decision(text) or _act_confirmed(session, userid, text)
    if decision == CANCEL_KEY and undoes_a_step(session, userid, text):
        decision = None  # "撤销" with no card waiting: the change before it undone
    if decision is not None:
        # answered in the message's language (确认 after an English card: in Chinese)
        return handle_typed(session, ctx, userid, decision, lang)
    # "算了", "只给上海的发"; a correction ("不对，我是说北京") changes the card likewise
    amended = card_amendment(
        session, ctx, requester, as_card_change(session, ctx, requester, text), lang
    )
    if isinstance(amended, list):
        return amended
    if isinstance(amended, CalledOff):  # the card cancelled; what was asked instead, answered
        rest = without_acknowledgement(amended.rest)  # "直接导出给我"
        if amended.then is not None:  # the card's named customers exported
            return amended.replies + _answered(
                session, ctx, requester, rest, amended.then, lang, hant
            )
        return amended.replies + _handle_text(session, ctx, requester, rest, lang, hant)
    if isinstance(amended, Amended):
        greyed = replace_card(session, ctx, amended)
        if greyed is None:  # decided meanwhile: nothing to replace
            return [Reply(userid, say("already", lang))]
        replies = _answered(session, ctx, requester, text, amended.answer, lang, hant)
        note = [Reply(userid, say("card_replaced", lang)), *greyed]
        return (in_script(note, True) if hant and lang == "zh" else note) + replies
    if isinstance(amended, ClarifyAnswer):
        # "Grace不要，只给赵六的那两个打": two changes of the card, one after the other
        both = _two_card_changes(session, ctx, requester, text, lang, hant)
        if both is not None:
            return both
    if amended is not None:  # a change asked back, or nobody left: the card stays
        return _answered(session, ctx, requester, text, amended, lang, hant)
    no_card = no_card_change_answer(text, lang)  # "make it 30 off" with no card waiting
    if no_card is not None:
        return _answered(session, ctx, requester, text, no_card, lang, hant)
    on_rows = row_action_answer(session, ctx, requester, text, lang)
    if on_rows is not None:  # "第一個跟第三個幫我加高意向": a card for those rows
        return _answered(session, ctx, requester, text, on_rows, lang, hant)
    asked_rows = rows_asked_replies(session, ctx, requester, text, lang, hant)
    if asked_rows is not None:  # "第二同第四個係咩標籤": each row's answer
        audit(session, ctx, userid, "command", text, role=requester.role, intent="customer")
        return asked_rows
    early = before_query(session, ctx, requester, text, lang, hant)  # digest, picks, 导出这个
    if early is not None:
        audit(session, ctx, userid, "command", text, role=requester.role, **early[1])
        return early[0]
    status = coupon_status_answer(session, ctx, requester, text, lang)
    if status is not None:  # 上次活动的券核销情况如何: among the asker's own customers
        return _answered(session, ctx, requester, text, status, lang, hant)
    campaign = campaign_reply(session, ctx, requester, text, lang)
    if campaign is not None:
        return campaign
    answer = _answer(session, ctx, requester, text, lang)
    if isinstance(answer, SegmentAnswer) and answer.intent == "list" and hant:
        answer = replace(answer, script=HANT)  # its rows and pages in Traditional characters
    return _answered(session, ctx, requester, text, answer, lang, hant)


# A row of a list, said first in what follows going back to it ("，第二名是谁负责的", ", the
# second one's tags", "，第3個而家邊個跟緊").
_ROW_FIRST = re.compile(
    r"^\s*(?:第\s*[\d一二两兩三四五六七八九十]|排第|倒数第|倒數第|最后一|最後一|"
    r"(?:the\s+)?(?:first|second|third|fourth|fifth|last|\d{1,2}(?:st|nd|rd|th))\b|number\s+\d)",
    re.I,
)


def _act_confirmed(session: Session, userid: str, text: str) -> str | None:
    """确认 with the act said ("确认打上", "確認除咗佢"): a confirmation of the latest card when
    it does that act; None otherwise (read on, and asked back: never the other act done)."""
    act = confirmed_act(text)
    action = latest_action(session, userid) if act is not None else None
    return CONFIRM_KEY if action is not None and action.intent == act else None


def _back_then_row(text: str) -> tuple[str, str] | None:
    """The going back and the row question of "回到剛才那個排行，第二名是誰負責的" (the rows
    are those of the list gone back to, so it is shown first), or None."""
    reference = read_back_reference(text)
    if reference is None or not reference.rest:
        return None
    # the row said first, or inside the question ("what did number 3 buy?")
    if not _ROW_FIRST.match(reference.rest) and row_number(reference.rest) is None:
        return None
    return reference.said, reference.rest


def _two_card_changes(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    hant: bool,
) -> list[Reply] | None:
    """The card changed by each half of `text` in turn (its one clause mark apart), shown
    once; None, with nothing changed, unless both halves are changes of the card."""
    halves = split_in_two(text)
    if halves is None:
        return None
    savepoint = session.begin_nested()
    first = card_amendment(session, ctx, requester, halves[0], lang)
    greyed = replace_card(session, ctx, first) if isinstance(first, Amended) else None
    if not isinstance(first, Amended) or greyed is None:
        savepoint.rollback()
        return None
    # the card between the two changes is made (so the second changes it) but never sent
    _answered(session, ctx, requester, halves[0], first.answer, lang, hant)
    second = card_amendment(session, ctx, requester, halves[1], lang)
    if not isinstance(second, Amended) or replace_card(session, ctx, second) is None:
        savepoint.rollback()
        return None
    savepoint.commit()
    replies = _answered(session, ctx, requester, text, second.answer, lang, hant)
    note = [Reply(requester.userid, say("card_replaced", lang)), *greyed]
    return (in_script(note, True) if hant and lang == "zh" else note) + replies


def _asked(session: Session, ctx: CommandContext, userid: str, text: str) -> str | None:
    """The question `text` alone is asked back, None when it is understood."""
    parsed = parse_alone(session, ctx, userid, text)
    return parsed.message if isinstance(parsed, Clarification) else None


# What "更多" cannot page: the last answer showed no list (an older list is not "more").
_NOT_PAGED = (conv.DIGEST, conv.SAVED, conv.CUSTOMER, conv.BREAKDOWN)


def _no_page(session: Session, ctx: CommandContext, userid: str, lang: str) -> str | None:
    previous = conv.load(session, userid, ctx.now).previous
    if previous is not None:
        previous = previous.with_list()  # "更多" after a row's card pages its list
    if previous is None or previous.kind not in _NOT_PAGED:
        return None
    return say("more_not_list", lang, what=say(f"shown_{previous.shown}", lang))


def _answered(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    answer: Answer,
    lang: str,
    hant: bool = False,
) -> list[Reply]:
    """The replies to `answer` (in Traditional characters when `hant`), audited; what it
    showed becomes the previous answer."""
    userid = requester.userid
    try:
        replies = _replies(session, ctx, requester, answer, lang)
    except SegmentError as exc:
        log.info("segment could not be evaluated: %s", exc)
        answer = ClarifyAnswer(say("busy", lang))
        replies = [Reply(userid, say("busy", lang))]
    if hant and lang == "zh":  # a count, a question back, a confirmation card …
        replies = in_script(replies, True, script_words(session, answer))
    # Written after the replies, so a count's own answer is not its "yesterday".
    audit(session, ctx, userid, "command", text, role=requester.role, **_audit_detail(answer))
    question = question_for(text, answer, lang, ctx.now)
    conv.remember_answer(session, userid, answer, question=question, lang=lang, now=ctx.now)
    remember_answered_campaign(session, ctx, userid, answer)  # "这个活动" next is its
    return replies


def conversation_answer(session: Session, ctx: CommandContext, userid: str, text: str) -> Answer:
    """The query answer to `text` as the next message of `userid`'s conversation —
    a pick, a page, a refinement or a question of its own — for `segbot query --after`,
    which plays the earlier messages through handle_text first."""
    text = without_acknowledgement(_spoken(session, ctx, userid, text))
    lang = language_of(text)
    requester = resolve_requester(session, userid, ctx.settings.admins)
    if requester is None:
        return MessageAnswer("refused", say("not_member", lang))
    picked = read_reply(session, ctx, userid, text)
    if isinstance(picked, list):
        return ClarifyAnswer(picked[0].text)
    if isinstance(picked, Picked):
        if picked.pending.kind == conv.CARD:
            customers = picked.pending.customers
            if 0 <= picked.index < len(customers):
                card = picked_card(session, customers[picked.index], requester, ctx.now, ctx.engine)
                if card is not None:
                    return card
            replies, _ = card_pick_replies(
                session, ctx, requester, picked.pending, picked.index, picked.lang, False
            )
            return ClarifyAnswer(replies[0].text)
        if picked.pending.kind == conv.CAMPAIGN:
            chosen = picked.pending.options[picked.index]
            replies = campaign_choice_reply(
                session, ctx, requester, text, picked.pending.action, chosen, picked.lang
            )
            return MessageAnswer(picked.pending.action, replies[0].text)
        if picked.pending.kind == conv.SWAP:
            segment = picked.pending.segments[picked.index]
            asked = picked.pending.action
            return swap_pick_answer(session, ctx, requester, segment, picked.lang, asked)
        if picked.pending.kind == conv.EARLIER:
            return earlier_pick_answer(
                session, ctx, requester, picked.pending, picked.index, answer_text
            )
        text, lang = picked.text, picked.lang
    more = read_more(text)
    if more is not None:
        no_page = _no_page(session, ctx, userid, lang)
        if no_page is not None:
            return ClarifyAnswer(no_page)
        return more_page(session, ctx, requester, lang, size=more)
    followup = followup_answer(session, ctx, requester, text)  # 导出这个
    if followup is not None:
        return followup
    campaign = campaign_reply(session, ctx, requester, text, lang)
    if campaign is not None:
        return MessageAnswer("campaign", campaign[0].text)
    return answer_text(session, ctx, requester, text, lang)


def handle_card_click(session: Session, ctx: CommandContext, click: CardClick) -> list[Reply]:
    """A button press on one of our cards: confirm or cancel its pending action."""
    audit(
        session,
        ctx,
        click.from_user,
        "card_click",
        click.event_key,
        task_id=click.task_id,
        card_type=click.card_type,
    )
    replies = handle_click(session, ctx, click)
    # The card's update and the outcome in the clicker's script: a member who writes in
    # Traditional characters confirmed a card shown in them.
    last = conv.load(session, click.from_user, ctx.now).script
    if last is not None and last.script == HANT:
        return in_script(replies, True, script_words(session, None))
    return replies

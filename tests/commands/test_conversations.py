"""The conversation corpus (conversations.txt): each multi-turn script played message by
message through the real WeCom callback path — an encrypted, signed callback POSTed to the
app, stored in the inbox, answered by the inbox worker and sent through the (fake) WeCom
API — on the corpus company; every message sent back is checked against the script."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.database import make_session_factory
from bot.inbox.worker import drain
from bot.settings import Settings, WeComSettings
from integrations.wecom.callback import CallbackCrypto
from integrations.wecom.events import TextMessage
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.render import render_callback
from integrations.wecom.simulator.company import Company, SimMember
from integrations.wecom.simulator.state import SimConfig
from segmentation.models import CustomerTagChange, Staff, Tag
from tests.segmentation.nlq.fixture import NOW, STAFF, load_fixture

# SEGBOT_CONVERSATIONS plays another file of scripts (a held-out set, scored before any fix):
#   SEGBOT_CONVERSATIONS=held-out.txt .venv/bin/pytest \
#       tests/commands/test_conversations.py::test_conversation
# Without it, conversations.txt and every file in conversations/ (one per family of
# conversation, so that work on different families never edits the same file).
_HERE = Path(__file__).parent
CORPORA = (
    [Path(os.environ["SEGBOT_CONVERSATIONS"])]
    if os.environ.get("SEGBOT_CONVERSATIONS")
    else [_HERE / "conversations.txt", *sorted((_HERE / "conversations").glob("*.txt"))]
)
CORP_ID, AGENT_ID = "wwconvo01", 1000002
TOKEN, AES_KEY = "ConvoTok3n", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
CRYPTO = CallbackCrypto(TOKEN, AES_KEY, CORP_ID)
SETTINGS = Settings(
    admins=frozenset({"boss"}),
    wecom=WeComSettings(corp_id=CORP_ID, agent_id=AGENT_ID, token=TOKEN, aes_key=AES_KEY),
)
# "spent more than ¥1000 in total: 5 in total": an amount is no count
_COUNT = re.compile(
    r"共 (\d+) 人|(?<![¥$\d,.])(\d+) in total|(\d+) customers?\b|"
    r"(?:目标人数|目標人數|Audience)：(\d+)"
)
_ROW = re.compile(r"^\d+\. ([^·]+?)(?: ·|$)", re.M)


@dataclass
class Turn:
    text: str
    expect: list[str]
    line: int


@dataclass
class Script:
    title: str
    line: int
    userid: str = "boss"
    turns: list[Turn] = field(default_factory=list)
    file: str = "conversations.txt"


def read_scripts(corpus: Path) -> list[Script]:
    scripts: list[Script] = []
    for number, raw in enumerate(corpus.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            scripts.append(Script(line[3:], number, file=corpus.name))
        elif not line or line.startswith("#"):
            continue
        elif line.startswith("as "):
            scripts[-1].userid = line[3:].strip()
        elif line.startswith("> "):
            scripts[-1].turns.append(Turn(line[2:], [], number))
        elif line.startswith("= "):
            scripts[-1].turns[-1].expect = line[2:].split()
        else:
            raise ValueError(f"{corpus.name}:{number}: cannot read {line!r}")
    return scripts


SCRIPTS = [script for corpus in CORPORA for script in read_scripts(corpus)]


@pytest.fixture(scope="module")
def company(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """The corpus company, loaded once: every script's conversation is its own member's
    state, which each script starts by clearing."""
    from tests.conftest import empty_all_tables

    empty_all_tables(engine)
    factory = make_session_factory(engine)
    with factory() as session:
        load_fixture(session)
        session.add(Staff(userid="boss", name="老板", role="admin", active=True))
        record_tag_history(session)
        session.commit()
    yield factory
    empty_all_tables(engine)


# The tag history of the corpus company (bot.services.tag_history): recording began five days
# before NOW; (customer, owner, tag, change, hours before NOW).
TAG_HISTORY = [
    ("c01", "zhangsan", "VIP", "added", 2),  # Alice, today
    ("c13", "zhangsan", "VIP", "added", 48),  # Mike, two days ago
    ("c04", "lisi", "金卡", "added", 72),  # Dan
    ("c07", "wangwu", "高意向", "removed", 24),  # Grace: no tag now
    ("c12", "zhaoliu", "高意向", "removed", 50),  # Lily: taken off, then put back on
    ("c12", "zhaoliu", "高意向", "added", 26),
]


def record_tag_history(session: Session) -> None:
    from bot.services.tag_history import START, record_tag_changes

    ids = {t.name: t.tag_id for t in session.scalars(select(Tag))}
    session.add(CustomerTagChange(change=START, at=NOW - timedelta(days=5), source="test"))
    for eid, userid, tag, change, hours in TAG_HISTORY:
        at = NOW - timedelta(hours=hours)
        record_tag_changes(session, change, [(eid, userid, ids[tag])], at, "sync")


def _gateway() -> FakeWeComGateway:
    sim = Company(corp_id=CORP_ID)
    for userid, name, *_ in [*STAFF, ("boss", "老板")]:
        sim.members[userid] = SimMember(userid, name, [1], [])
    return FakeWeComGateway(sim, SimConfig(corp_id=CORP_ID))


@dataclass(frozen=True)
class Sent:
    """What one message got back, as WeCom would deliver it."""

    text: str
    card: bool
    file: bool


def _forget(factory: sessionmaker[Session], userid: str) -> None:
    from bot.models.conversations import ConversationState
    from bot.models.inbox import ChatState

    with factory() as session:
        for table in (ConversationState, ChatState):
            row = session.get(table, userid)
            if row is not None:
                session.delete(row)
        session.commit()


def _sent(messages: list[dict[str, object]]) -> Sent:
    texts = []
    for message in messages:
        kind = str(message["msgtype"])
        body = message.get(kind)
        if kind in ("text", "markdown") and isinstance(body, dict):
            texts.append(str(body["content"]))
        elif kind == "template_card" and isinstance(body, dict):
            # The card's rows read as "目标人数：3 人" / "Customers：3 人".
            title = body.get("main_title") or {}
            texts += [str(title.get("title", "")), str(title.get("desc", ""))]
            texts.append(str(body.get("sub_title_text", "")))
            rows = body.get("horizontal_content_list") or []
            texts.extend(f"{r['keyname']}：{r['value']}" for r in rows)
            quote = body.get("quote_area") or {}  # the words customers will receive
            texts += [str(quote.get("title", "")), str(quote.get("quote_text", ""))]
    kinds = {str(m["msgtype"]) for m in messages}
    return Sent("\n".join(texts), "template_card" in kinds, "file" in kinds)


def _check(sent: Sent, expect: list[str]) -> list[str]:
    text = sent.text
    problems = []
    counts = [int(next(g for g in m.groups() if g)) for m in _COUNT.finditer(text)]
    rows = [name.strip() for name in _ROW.findall(text)]
    for item in expect:
        if item.isdigit() and int(item) not in counts[:1]:
            problems.append(f"count {item}, got {counts[:1]}")
        elif item == "list" and not rows:
            problems.append("rows expected")
        elif item == "count" and rows:
            problems.append(f"no rows expected, got {rows}")
        elif item == "?" and counts:
            problems.append("a question back expected")
        elif item == "file" and not sent.file:
            problems.append("an attachment expected")
        elif item == "card" and not sent.card:
            problems.append("a confirmation card expected")
        elif item.startswith("!~"):  # "!~20,000": a text check, never a list of names
            if item[2:].replace("_", " ") in text:
                problems.append(f"{item[2:]!r} should not be in it")
        elif item.startswith("~"):
            if item[1:].replace("_", " ") not in text:
                problems.append(f"{item[1:]!r} expected in it")
        elif _is_names(item) and rows != item.split(","):
            problems.append(f"rows {item}, got {','.join(rows)}")
    return problems


def _is_names(item: str) -> bool:
    return "," in item or (item[:1].isupper() and item.isalpha())


_MSG_IDS = iter(range(10**15, 10**16))


def _script_id(script: Script) -> str:
    """Line and title; a script of conversations/ names its file too (lines repeat)."""
    where = "" if script.file == "conversations.txt" else f"{script.file}:"
    return f"{where}{script.line}:{script.title}"


@pytest.mark.parametrize("script", SCRIPTS, ids=[_script_id(s) for s in SCRIPTS])
def test_conversation(company: sessionmaker[Session], script: Script) -> None:
    _forget(company, script.userid)
    gateway = _gateway()
    deps = build_deps(SETTINGS, engine=company.kw["bind"], gateway=gateway, clock=lambda: NOW)
    client = create_app(SETTINGS, deps).test_client()
    failures = []
    for turn in script.turns:
        before = len(gateway.sent)
        msg_id = str(next(_MSG_IDS))
        event = TextMessage(script.userid, turn.text, msg_id, AGENT_ID, int(NOW.timestamp()))
        signed = CRYPTO.build_post(
            render_callback(event, CORP_ID),
            nonce=msg_id,
            timestamp=int(NOW.timestamp()),
            agent_id=AGENT_ID,
        )
        response = client.post("/wecom/callback", query_string=signed.query, data=signed.body)
        assert response.status_code == 200, response.data
        assert drain(deps) == 1
        sent = _sent(gateway.sent[before:])
        problems = _check(sent, turn.expect)
        if problems:
            failures.append(
                f"{script.file} line {turn.line} {turn.text!r}: {'; '.join(problems)}"
                f"\n  {sent.text[:400]}"
            )
    assert not failures, "\n".join(failures)


def test_the_corpus_covers_each_kind_in_each_language() -> None:
    titles = [s.title for s in SCRIPTS]
    for kind in ("refine", "more", "pick"):
        assert sum(t.startswith(kind) for t in titles) >= 5, kind
    for language in ("zh-Hant", "en", "mixed"):
        assert sum(t.startswith(language) for t in titles) >= 2, language

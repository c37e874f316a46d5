"""The conversation corpus (conversations.txt): each multi-turn script played message by
message through the chat router and the WeCom send path, as the inbox worker does, on the
corpus company; every reply is checked against what the script expects."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.commands import CommandContext, Reply
from bot.commands.outbound import send_replies
from bot.commands.router import handle_text
from bot.database import make_session_factory
from bot.settings import Settings
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.company import Company, SimMember
from integrations.wecom.simulator.state import SimConfig
from segmentation.models import Staff
from tests.segmentation.nlq.fixture import NOW, STAFF, load_fixture

CORPUS = Path(__file__).with_name("conversations.txt")
SETTINGS = Settings(admins=frozenset({"boss"}))
_COUNT = re.compile(r"共 (\d+) 人|(\d+) in total|(\d+) customers?\b")
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


def read_scripts() -> list[Script]:
    scripts: list[Script] = []
    for number, raw in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            scripts.append(Script(line[3:], number))
        elif not line or line.startswith("#"):
            continue
        elif line.startswith("as "):
            scripts[-1].userid = line[3:].strip()
        elif line.startswith("> "):
            scripts[-1].turns.append(Turn(line[2:], [], number))
        elif line.startswith("= "):
            scripts[-1].turns[-1].expect = line[2:].split()
        else:
            raise ValueError(f"conversations.txt:{number}: cannot read {line!r}")
    return scripts


SCRIPTS = read_scripts()


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
        session.commit()
    yield factory
    empty_all_tables(engine)


def _gateway() -> FakeWeComGateway:
    sim = Company(corp_id="wwconvo01")
    for userid, name, *_ in [*STAFF, ("boss", "老板")]:
        sim.members[userid] = SimMember(userid, name, [1], [])
    return FakeWeComGateway(sim, SimConfig(corp_id="wwconvo01"))


def _forget(factory: sessionmaker[Session], userid: str) -> None:
    from bot.models.conversations import ConversationState
    from bot.models.inbox import ChatState

    with factory() as session:
        for table in (ConversationState, ChatState):
            row = session.get(table, userid)
            if row is not None:
                session.delete(row)
        session.commit()


def _check(reply: list[Reply], expect: list[str]) -> list[str]:
    text = "\n".join(r.text for r in reply)
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
        elif item == "file" and not any(r.attachment for r in reply):
            problems.append("an attachment expected")
        elif item == "card" and not any(r.card for r in reply):
            problems.append("a confirmation card expected")
        elif item.startswith("!~") and item[2:].replace("_", " ") in text:
            problems.append(f"{item[2:]!r} should not be in it")
        elif item.startswith("~") and item[1:].replace("_", " ") not in text:
            problems.append(f"{item[1:]!r} expected in it")
        elif _is_names(item) and rows != item.split(","):
            problems.append(f"rows {item}, got {','.join(rows)}")
    return problems


def _is_names(item: str) -> bool:
    return "," in item or (item[:1].isupper() and item.isalpha())


@pytest.mark.parametrize("script", SCRIPTS, ids=[f"{s.line}:{s.title}" for s in SCRIPTS])
def test_conversation(company: sessionmaker[Session], script: Script) -> None:
    _forget(company, script.userid)
    gateway = _gateway()
    ctx = CommandContext(settings=SETTINGS, now=NOW, gateway=gateway)
    failures = []
    for turn in script.turns:
        with company() as session:
            replies = handle_text(session, ctx, script.userid, turn.text)
            send_replies(session, gateway, replies)
            session.commit()
        problems = _check(replies, turn.expect)
        if problems:
            shown = " | ".join(r.text for r in replies)[:400]
            failures.append(f"line {turn.line} {turn.text!r}: {'; '.join(problems)}\n  {shown}")
    assert not failures, "\n".join(failures)


def test_the_corpus_covers_each_kind_in_each_language() -> None:
    titles = [s.title for s in SCRIPTS]
    for kind in ("refine", "more", "pick"):
        assert sum(t.startswith(kind) for t in titles) >= 5, kind
    for language in ("zh-Hant", "en", "mixed"):
        assert sum(t.startswith(language) for t in titles) >= 2, language

"""The condition-kind registry is exhaustive: every node type of segmentation/nodes.py is
either grammar core or a registered kind, every kind declares every facet, and the tests'
reference evaluator and random-tree generator know every kind."""

from __future__ import annotations

import dataclasses
import typing
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segmentation import kinds
from segmentation.breakdown import dimensions
from segmentation.kinds import CORE_TYPES, KINDS, Kind, UnregisteredKind, kind_of
from segmentation.kinds.event_words import EVENT_WORDS, VERB_IDIOMS, event_words
from segmentation.nlq.lexicon import LEXICON, K
from segmentation.nlq.restate import describe_part
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import NODE_TYPES, Leaf, Node, Not
from tests.segmentation.reference import LEAVES
from tests.segmentation.trees import KIND_LEAVES

NOW = datetime(2026, 11, 1, 4, 0, tzinfo=UTC)
TZ = ZoneInfo("Asia/Shanghai")
FACETS = [f.name for f in dataclasses.fields(Kind)]


def test_every_node_type_is_core_or_a_registered_kind():
    """The node union's classes (nodes.py) are core or registered; a kind module's own node
    (a Leaf) is registered by its module; the JSON form names exactly these."""
    union = set(typing.get_args(Node)) - {Leaf}
    assert union - set(CORE_TYPES) <= set(KINDS), "register a kind module for each"
    assert all(t in union or issubclass(t, Leaf) for t in KINDS)
    assert not set(KINDS) & set(CORE_TYPES)
    assert set(NODE_TYPES.values()) == set(KINDS) | set(CORE_TYPES)
    assert all(NODE_TYPES[t.type] is t for t in KINDS)


@pytest.mark.parametrize("node_type", sorted(KINDS, key=lambda t: t.__name__))
def test_every_kind_declares_every_facet(node_type):
    kind = KINDS[node_type]
    assert kind.node is node_type
    for facet in FACETS:
        value = getattr(kind, facet)
        if facet == "breakdown":
            assert value is None or getattr(value, "key", value) in dimensions()
        elif facet in ("unmatched", "reference", "samples"):  # optional (see registry.py)
            assert value is None or callable(value)
        elif facet == "heads":  # the parser reads it: a head word, or its own words
            assert value or kind.words, f"{node_type.__name__} is said by no word"
        elif facet in ("current_only", "measure", "words", "stored"):
            pass  # declared data, checked where it is read
        else:
            assert callable(value), f"{node_type.__name__} lacks {facet}"


@pytest.mark.parametrize("node_type", sorted(KINDS, key=lambda t: t.__name__))
def test_the_tests_know_every_kind(node_type):
    assert node_type in LEAVES, "add its reference meaning to tests/segmentation/reference.py"
    assert node_type in KIND_LEAVES, "add a random-leaf strategy to tests/segmentation/trees.py"


def test_no_test_knows_a_kind_that_is_not_registered():
    assert set(LEAVES) == set(KINDS) == set(KIND_LEAVES)


@settings(max_examples=150, deadline=None)
@given(st.one_of(*(strategy() for strategy in KIND_LEAVES.values())))
def test_every_kind_is_said_in_both_languages_and_both_ways(node: Node):
    vocab = Vocabulary()
    for language in ("zh", "en"):
        for tree in (node, Not(node)):
            text = describe_part(tree, language, NOW, TZ, vocab)
            assert text and type(node).__name__ not in text  # never str(node)


def test_a_dispatcher_refuses_an_unregistered_kind():
    @dataclasses.dataclass(frozen=True)
    class Age:
        years: int
        type = "age"

    with pytest.raises(UnregisteredKind, match="Age is not a registered condition kind"):
        kind_of(Age(30))
    with pytest.raises(UnregisteredKind):
        describe_part(Age(30), "zh", NOW, TZ, Vocabulary())  # type: ignore[arg-type]


def test_event_kind_words_are_one_table():
    """The lexicon reads every table word as its kind; restate, cards and rows use the same
    table; a deployment's own kind still has words."""
    for kind, words in EVENT_WORDS.items():
        for surface in words.surfaces.strong.split("|"):
            assert LEXICON[surface.strip()] == (K.EVENT, kind)
        for surface in words.surfaces.weak.split("|") if words.surfaces.weak else ():
            assert LEXICON[surface.strip()] == (K.EVENT, f"{kind}:weak")
    assert set(VERB_IDIOMS) == set(EVENT_WORDS)
    from bot.commands.rows import PLURALS_EN
    from bot.commands.texts import KIND_WORDS
    from bot.commands.texts_cards import KIND_ZH_EN

    assert set(PLURALS_EN) == set(KIND_WORDS) == set(KIND_ZH_EN) == set(EVENT_WORDS)
    assert event_words("livestream").zh[0] == "有过livestream"
    assert kinds.kind_of  # the package exposes the dispatcher's entry point

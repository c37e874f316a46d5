"""Hostile inputs, shared by the quick tests and the long fuzz runs in bench/: callback bodies
(random, mutated, badly signed, stale, replayed, XML bombs, external entities, oversized) and
request bodies generated from the API's own OpenAPI document."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from integrations.wecom.callback import CallbackCrypto
from integrations.wecom.events import TextMessage
from integrations.wecom.render import render_callback

# post(query, body, content_type) -> HTTP status
Post = Callable[[dict[str, str], bytes, str], int]

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]><xml><ToUserName>&lol9;</ToUserName><Encrypt>&lol9;</Encrypt></xml>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "<xml><ToUserName>&xxe;</ToUserName><Encrypt>&xxe;</Encrypt></xml>"
)
PARAMETER_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd">'
    "%remote;]><xml><Encrypt>x</Encrypt></xml>"
)
CONTENT_TYPES = [
    "text/xml",
    "application/xml",
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=zz",
    "text/plain; charset=gbk",
    "",
]


def text_xml(corp_id: str, n: int, content: str = "帮助", user: str = "admin") -> str:
    return render_callback(
        TextMessage(user, content, str(7_700_000 + n), 1000002, int(time.time())), corp_id
    )


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:
            break
        op = rng.random()
        i = rng.randrange(len(out))
        if op < 0.4:
            out[i] = rng.randrange(256)
        elif op < 0.7:
            del out[i : i + rng.randint(1, 16)]
        else:
            out[i:i] = rng.randbytes(rng.randint(1, 16))
    return bytes(out)


def _mutate_signed_part(body: bytes, rng: random.Random) -> bytes:
    """The envelope with its signed part (the Encrypt text) mutated. A change outside it (the
    unsigned ToUserName or AgentID) leaves a genuine, correctly signed message, which must be
    accepted: mutating anywhere made the test fail on the runs where it landed there."""
    start = body.index(b"<Encrypt><![CDATA[") + len(b"<Encrypt><![CDATA[")
    end = body.index(b"]]></Encrypt>")
    mutated = _mutate(body[start:end], rng)
    while mutated == body[start:end]:  # a mutation that undid itself is no attack
        mutated = _mutate(body[start:end], rng)
    return body[:start] + mutated + body[end:]


def hostile_callbacks(token: str, aes_key: str, corp_id: str, rng: random.Random, n: int):  # type: ignore[no-untyped-def]
    """(label, query, body, content_type) tuples none of which may be stored."""
    crypto = CallbackCrypto(token, aes_key, corp_id)
    now = int(time.time())
    for i in range(n):
        good = crypto.build_post(text_xml(corp_id, i), nonce=f"n{i}", timestamp=now)
        query, body = dict(good.query), good.body
        kind = i % 12
        ctype = rng.choice(CONTENT_TYPES)
        if kind == 0:
            yield "random bytes", query, rng.randbytes(rng.randint(0, 4096)), ctype
        elif kind == 1:
            yield "mutated body", query, _mutate_signed_part(body, rng), ctype
        elif kind == 2:
            bad = dict(query, msg_signature=_flip(query["msg_signature"], rng))
            yield "bad signature", bad, body, ctype
        elif kind == 3:
            stale = crypto.build_post(text_xml(corp_id, i), nonce="s", timestamp=now - 301)
            yield "stale timestamp", dict(stale.query), stale.body, ctype
        elif kind == 4:
            future = crypto.build_post(text_xml(corp_id, i), nonce="f", timestamp=now + 400)
            yield "future timestamp", dict(future.query), future.body, ctype
        elif kind == 5:
            yield "billion laughs", query, BILLION_LAUGHS.encode(), ctype
        elif kind == 6:
            yield "external entity", query, EXTERNAL_ENTITY.encode(), ctype
        elif kind == 7:
            yield "parameter entity", query, PARAMETER_ENTITY.encode(), ctype
        elif kind == 8:
            other = CallbackCrypto(token, _other_key(rng), corp_id)
            forged = other.build_post(text_xml(corp_id, i), nonce="k", timestamp=now)
            yield "wrong AES key", dict(forged.query), forged.body, ctype
        elif kind == 9:
            wrong_corp = CallbackCrypto(token, aes_key, "wwOTHERCORP")
            post = wrong_corp.build_post(text_xml("wwOTHERCORP", i), nonce="c", timestamp=now)
            yield "wrong corp id", dict(post.query), post.body, ctype
        elif kind == 10:
            bomb = crypto.build_post(BILLION_LAUGHS, nonce="b", timestamp=now)
            yield "signed bomb inside", dict(bomb.query), bomb.body, ctype
        else:
            junk = {k: _mutate(v.encode(), rng).decode("latin-1") for k, v in query.items()}
            yield "mutated query", junk, body, ctype


def _flip(text: str, rng: random.Random) -> str:
    i = rng.randrange(len(text))
    return text[:i] + ("0" if text[i] != "0" else "1") + text[i + 1 :]


def _other_key(rng: random.Random) -> str:
    import base64

    return base64.b64encode(rng.randbytes(32)).decode()[:43]


# -- the HTTP API from its OpenAPI document ------------------------------------------------------

_ANY = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
    max_leaves=12,
)


def from_schema(
    schema: dict[str, Any], doc: dict[str, Any], depth: int = 0
) -> st.SearchStrategy[Any]:
    """Values that follow `schema` (roughly), mixed with values that break it."""
    if "$ref" in schema:
        target: Any = doc
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return from_schema(target, doc, depth)
    wrong = _ANY if depth < 3 else st.none()
    types = schema.get("type")
    if isinstance(types, list):
        return st.one_of([from_schema({**schema, "type": t}, doc, depth) for t in types]) | wrong
    if types == "object" or "properties" in schema:
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        fixed = {k: from_schema(v, doc, depth + 1) for k, v in props.items() if k in required}
        optional = {
            k: from_schema(v, doc, depth + 1) for k, v in props.items() if k not in required
        }
        good = st.fixed_dictionaries(fixed, optional=optional)
        return st.one_of(good, good, wrong)
    if types == "array":
        items = from_schema(schema.get("items", {}), doc, depth + 1)
        return st.lists(items, max_size=min(int(schema.get("maxItems", 5)), 5)) | wrong
    if types == "string":
        text = st.text(max_size=int(schema.get("maxLength", 40)) + 5)
        samples = st.sampled_from(
            ["order", "2026-10-01T10:00:00+08:00", "上海的客户", "' OR 1=1 --", "{{7*7}}", "\x00"]
        )
        return text | samples | wrong
    if types in ("number", "integer"):
        return st.integers(-(10**20), 10**20) | st.floats(allow_nan=False) | wrong
    if types == "boolean":
        return st.booleans() | wrong
    if types == "null":
        return st.none()
    return _ANY


def request_bodies(doc: dict[str, Any]) -> list[tuple[str, str, st.SearchStrategy[Any]]]:
    """(method, path, body strategy) for every operation in the document."""
    base = doc.get("servers", [{"url": ""}])[0]["url"]
    found = []
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            schema = content.get("schema")
            strategy = from_schema(schema, doc) if schema else st.none()
            found.append((method.upper(), base + path, strategy))
    return found

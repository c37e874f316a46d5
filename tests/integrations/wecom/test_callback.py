"""Callback crypto against the official vectors, the rejection rules, and typed parsing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from integrations.wecom.callback import (
    CallbackCrypto,
    CallbackRejected,
    CardClick,
    ContactChange,
    TagChange,
    TextMessage,
    UnknownCallback,
    parse_callback,
)
from integrations.wecom.render import render_callback

# Vector A: the official WXBizMsgCrypt sample.
A_TOKEN, A_KEY, A_CORP = (
    "QDG6eK",
    "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
    "wx5823bf96d3bd56c7",
)
A_ECHO = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
A_ENCRYPT = (
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj9"
    "11L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06"
    "DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3I"
    "QH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27"
    "Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R0"
    "7+qN+E7Q=="
)
# Vector B: wechatpy 1.8.18's enterprise crypto tests.
B_TOKEN, B_KEY, B_CORP = (
    "123456",
    "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
    "wx49f0ab532d5d035a",
)
B_ECHO = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q=="
B_ENCRYPT = (
    "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeD"
    "XzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBu"
    "g/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZl"
    "F3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb"
    "++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0="
)
B_REPLY = """<xml>
<MsgType><![CDATA[text]]></MsgType>
<Content><![CDATA[test]]></Content>
<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>
<ToUserName><![CDATA[messense]]></ToUserName>
<AgentID>1</AgentID>
<CreateTime>1411525903</CreateTime>
</xml>"""


def at(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def envelope(encrypted: str, corp: str) -> bytes:
    return (
        f"<xml><ToUserName><![CDATA[{corp}]]></ToUserName>"
        f"<Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>"
    ).encode()


def test_vector_a_verify_url_returns_plaintext_echo() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, A_CORP)
    sig = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
    echo = crypto.verify_url(sig, "1409659589", "263014780", A_ECHO, now=at(1409659589 + 30))
    assert echo == "1616140317555161061"


def test_vector_a_decrypt_gives_text_message() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, A_CORP)
    sig = "477715d11cdb4164915debcba66cb864d751f3e6"
    xml = crypto.decrypt(
        envelope(A_ENCRYPT, A_CORP), sig, "1409659813", "1372623149", now=at(1409659813)
    )
    msg = parse_callback(xml)
    assert msg == TextMessage("mycreate", "hello", "4561255354251345929", 218, 1409659813)
    assert msg.idempotency_key == "msg:4561255354251345929"


def test_vector_b_check_signature_and_wrong_nonce_fails() -> None:
    crypto = CallbackCrypto(B_TOKEN, B_KEY, B_CORP)
    sig = "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96"
    now = at(1411443780)
    assert crypto.verify_url(sig, "1411443780", "437374425", B_ECHO, now=now) == (
        "5927782489442352469"
    )
    with pytest.raises(CallbackRejected, match="bad signature"):
        crypto.verify_url(sig, "1411443780", "437374424", B_ECHO, now=now)


def test_vector_b_decrypt_message() -> None:
    crypto = CallbackCrypto(B_TOKEN, B_KEY, B_CORP)
    sig = "74d92dfeb87ba7c714f89d98870ae5eb62dff26d"
    xml = crypto.decrypt(
        envelope(B_ENCRYPT, B_CORP), sig, "1411525903", "461056294", now=at(1411525903)
    )
    msg = parse_callback(xml)
    assert isinstance(msg, TextMessage)
    assert (msg.from_user, msg.content, msg.msg_id, msg.agent_id) == (
        "messense",
        "test",
        "4363689963896700987",
        1,
    )


def test_vector_b_encrypt_is_deterministic_with_pinned_random() -> None:
    crypto = CallbackCrypto(B_TOKEN, B_KEY, B_CORP)
    out = crypto.encrypt(
        B_REPLY, nonce="461056294", timestamp=1411525903, random_prefix="1234567890123456"
    )
    assert "<Encrypt><![CDATA[9s4gMv99m88kKTh/H8Id" in out
    assert "<MsgSignature><![CDATA[407518b7649e86ef23978113f92d27afa9296533]]>" in out
    encrypted = out.split("<Encrypt><![CDATA[")[1].split("]]>")[0]
    assert len(encrypted) == 384


def test_stale_timestamp_is_rejected_even_with_good_signature() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, A_CORP)
    sig = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
    with pytest.raises(CallbackRejected, match="stale timestamp"):
        crypto.verify_url(sig, "1409659589", "263014780", A_ECHO, now=at(1409659589 + 301))
    with pytest.raises(CallbackRejected, match="stale timestamp"):
        crypto.verify_url(sig, "1409659589", "263014780", A_ECHO, now=at(1409659589 - 301))


def test_wrong_corp_id_is_rejected() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, "wx_other_corp")
    sig = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
    with pytest.raises(CallbackRejected, match="wrong corp id"):
        crypto.verify_url(sig, "1409659589", "263014780", A_ECHO, now=at(1409659589))


def test_plus_decoded_as_space_in_echostr_still_verifies() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, A_CORP)
    sig = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
    mangled = A_ECHO.replace("+", " ")
    assert crypto.verify_url(sig, "1409659589", "263014780", mangled, now=at(1409659589))


@pytest.mark.parametrize(
    "body",
    [
        b"not xml",
        b"<xml><ToUserName>x</ToUserName></xml>",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><xml><Encrypt>&e;</Encrypt></xml>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>',
    ],
)
def test_malformed_or_hostile_bodies_are_rejected(body: bytes) -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, A_CORP)
    with pytest.raises(CallbackRejected, match="malformed"):
        crypto.decrypt(body, "0" * 40, "1409659813", "1", now=at(1409659813))


def test_signed_garbage_ciphertext_is_rejected_as_malformed() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, A_CORP)
    bogus = "QUJD"  # valid base64, wrong length for AES
    sig = crypto.sign(1409659813, "n", bogus)
    with pytest.raises(CallbackRejected, match="malformed ciphertext"):
        crypto.decrypt(envelope(bogus, A_CORP), sig, "1409659813", "n", now=at(1409659813))


def test_rejection_messages_never_contain_secrets() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, "wx_other_corp")
    for args in [("bad", "1409659589", "263014780", A_ECHO), ("x", "nan", "1", A_ECHO)]:
        with pytest.raises(CallbackRejected) as info:
            crypto.verify_url(*args, now=at(1409659589))
        assert A_TOKEN not in str(info.value) and A_KEY not in str(info.value)
    assert A_KEY not in repr(crypto) and A_TOKEN not in repr(crypto)


def test_build_post_round_trips_through_decrypt() -> None:
    crypto = CallbackCrypto(B_TOKEN, B_KEY, B_CORP)
    event = ContactChange("add_external_contact", "zhangsan", "wmABC", 1700000000, state="ad1")
    post = crypto.build_post(render_callback(event, B_CORP), nonce="42", timestamp=1700000000)
    xml = crypto.decrypt(
        post.body, post.msg_signature, post.timestamp, post.nonce, now=at(1700000000)
    )
    assert parse_callback(xml) == event


def test_build_verification_round_trips() -> None:
    crypto = CallbackCrypto(B_TOKEN, B_KEY, B_CORP)
    q = crypto.build_verification("echo-123", nonce="7", timestamp=1700000000)
    got = crypto.verify_url(
        q["msg_signature"], q["timestamp"], q["nonce"], q["echostr"], now=at(1700000000)
    )
    assert got == "echo-123"


@pytest.mark.parametrize(
    "message",
    [
        ContactChange("add_half_external_contact", "u1", "wm1", 10, state="s", welcome_code="wc"),
        ContactChange("edit_external_contact", "u1", "wm1", 11),
        ContactChange("del_external_contact", "u1", "wm1", 12, source="DELETE_BY_TRANSFER"),
        ContactChange("del_follow_user", "u1", "wm1", 13),
        ContactChange("transfer_fail", "u2", "wm1", 14, fail_reason="customer_refused"),
        TagChange("et123", "tag", "create", 15),
        TagChange("etGroup", "tag_group", "delete", 16, strategy_id="9"),
        CardClick("lisi", "confirm", "task-1", "button_interaction", "RC1", 17, 1000002),
        CardClick(
            "lisi", "vote", "task-2", "vote_interaction", "RC2", 18, 1, (("q1", ("o1", "o2")),)
        ),
        TextMessage("wangwu", "近30天 <咨询> & ]]> 客户", "123", 1000002, 19),
    ],
)
def test_render_then_parse_gives_the_same_message(message: object) -> None:
    assert parse_callback(render_callback(message, "corp")) == message  # type: ignore[arg-type]


def test_unknown_event_is_kept_with_whole_xml_key() -> None:
    xml = (
        "<xml><ToUserName>c</ToUserName><FromUserName>sys</FromUserName><CreateTime>5</CreateTime>"
        "<MsgType>event</MsgType><Event>change_external_chat</Event><ChatId>wr1</ChatId></xml>"
    )
    msg = parse_callback(xml)
    assert isinstance(msg, UnknownCallback) and msg.event == "change_external_chat"
    other = parse_callback(xml.replace("wr1", "wr2"))
    assert msg.idempotency_key != other.idempotency_key


def test_events_in_same_second_from_sys_have_distinct_keys() -> None:
    a = ContactChange("add_external_contact", "u1", "wm1", 100)
    b = ContactChange("add_external_contact", "u1", "wm2", 100)
    c = ContactChange("del_follow_user", "u1", "wm1", 100)
    assert len({a.idempotency_key, b.idempotency_key, c.idempotency_key}) == 3
    assert (
        a.idempotency_key == ContactChange("add_external_contact", "u1", "wm1", 100).idempotency_key
    )


def test_contact_event_missing_external_userid_is_malformed() -> None:
    xml = (
        "<xml><FromUserName>sys</FromUserName><CreateTime>5</CreateTime><MsgType>event</MsgType>"
        "<Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType>"
        "<UserID>u</UserID></xml>"
    )
    with pytest.raises(CallbackRejected, match="ExternalUserID"):
        parse_callback(xml)


def test_max_skew_is_configurable() -> None:
    crypto = CallbackCrypto(A_TOKEN, A_KEY, A_CORP, max_skew=timedelta(seconds=10))
    sig = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
    with pytest.raises(CallbackRejected, match="stale"):
        crypto.verify_url(sig, "1409659589", "263014780", A_ECHO, now=at(1409659589 + 11))

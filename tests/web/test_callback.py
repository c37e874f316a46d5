"""/wecom/callback: verification, storage in the inbox, and every rejection rule."""

from __future__ import annotations

from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models.inbox import RECEIVED, InboxMessage
from bot.settings import WeComSettings
from integrations.wecom.callback import CallbackCrypto, SignedPost
from integrations.wecom.events import ContactChange, TextMessage
from integrations.wecom.render import render_callback
from tests.web.conftest import AES_KEY, CALLBACK_TOKEN, CORP_ID, NOW, AppFactory, make_settings

CRYPTO = CallbackCrypto(CALLBACK_TOKEN, AES_KEY, CORP_ID)
TS = int(NOW.timestamp())


def text_message(content: str = "我的客户", msg_id: str = "7001", user: str = "zhangsan") -> str:
    message = TextMessage(user, content, msg_id, 1000002, TS)
    return render_callback(message, CORP_ID)


def send(client: FlaskClient, post: SignedPost):  # type: ignore[no-untyped-def]
    return client.post("/wecom/callback", query_string=post.query, data=post.body)


def stored(session: Session) -> list[InboxMessage]:
    return list(session.scalars(select(InboxMessage).order_by(InboxMessage.id)))


def test_url_verification_answers_the_plaintext_echo_only(client: FlaskClient) -> None:
    params = CRYPTO.build_verification("1616140317555161061", nonce="n1", timestamp=TS)
    response = client.get("/wecom/callback", query_string=params)
    assert response.status_code == 200
    assert response.data == b"1616140317555161061"


def test_url_verification_with_a_bad_signature_is_403(client: FlaskClient) -> None:
    params = CRYPTO.build_verification("123", nonce="n1", timestamp=TS)
    params["nonce"] = "n2"
    assert client.get("/wecom/callback", query_string=params).status_code == 403


def test_a_verified_message_is_stored_and_answered_with_an_empty_200(
    client: FlaskClient, session: Session
) -> None:
    post = CRYPTO.build_post(text_message(), nonce="abc", timestamp=TS, agent_id=1000002)
    response = send(client, post)
    assert response.status_code == 200
    assert response.data == b""
    [row] = stored(session)
    assert row.idempotency_key == "msg:7001"
    assert row.kind == "text"
    assert row.status == RECEIVED
    assert "我的客户" in row.payload


def test_a_replayed_callback_is_stored_once(client: FlaskClient, session: Session) -> None:
    first = CRYPTO.build_post(text_message(), nonce="abc", timestamp=TS)
    # WeCom's retry is a fresh encryption (new nonce, new random prefix) of the same message.
    again = CRYPTO.build_post(text_message(), nonce="xyz", timestamp=TS + 5)
    assert send(client, first).status_code == 200
    assert send(client, first).status_code == 200
    assert send(client, again).status_code == 200
    assert len(stored(session)) == 1


def test_contact_events_in_the_same_second_are_distinct(
    client: FlaskClient, session: Session
) -> None:
    for external in ("wmA", "wmB"):
        change = ContactChange("add_external_contact", "zhangsan", external, TS)
        post = CRYPTO.build_post(render_callback(change, CORP_ID), nonce="n", timestamp=TS)
        assert send(client, post).status_code == 200
    assert [row.kind for row in stored(session)] == ["contact", "contact"]


def test_forged_signature_is_403_and_nothing_is_stored(
    client: FlaskClient, session: Session
) -> None:
    post = CRYPTO.build_post(text_message(), nonce="abc", timestamp=TS)
    forged = SignedPost("0" * 40, post.timestamp, post.nonce, post.body)
    assert send(client, forged).status_code == 403
    other_token = CallbackCrypto("OtherToken", AES_KEY, CORP_ID)
    assert (
        send(client, other_token.build_post(text_message(), nonce="a", timestamp=TS)).status_code
        == 403
    )
    assert stored(session) == []


def test_stale_timestamp_is_403_and_nothing_is_stored(
    client: FlaskClient, session: Session
) -> None:
    old = TS - int(timedelta(minutes=6).total_seconds())
    assert (
        send(client, CRYPTO.build_post(text_message(), nonce="a", timestamp=old)).status_code == 403
    )
    future = TS + int(timedelta(minutes=6).total_seconds())
    assert (
        send(client, CRYPTO.build_post(text_message(), nonce="a", timestamp=future)).status_code
        == 403
    )
    assert stored(session) == []


def test_wrong_corp_id_is_403_and_nothing_is_stored(client: FlaskClient, session: Session) -> None:
    other_corp = CallbackCrypto(CALLBACK_TOKEN, AES_KEY, "wwsomeoneelse")
    post = other_corp.build_post(text_message(), nonce="a", timestamp=TS)
    assert send(client, post).status_code == 403
    assert stored(session) == []


def test_malformed_xml_is_400_without_a_traceback(client: FlaskClient, session: Session) -> None:
    for body in (b"<xml><Encrypt>", b"not xml", b'<!DOCTYPE x [<!ENTITY a "b">]><xml>&a;</xml>'):
        response = client.post(
            "/wecom/callback",
            query_string={"msg_signature": "x", "timestamp": str(TS), "nonce": "n"},
            data=body,
        )
        assert response.status_code == 400
        assert response.is_json and "Traceback" not in response.get_data(as_text=True)
    assert stored(session) == []


def test_verified_but_malformed_content_is_400_and_not_stored(
    client: FlaskClient, session: Session
) -> None:
    post = CRYPTO.build_post("<xml><MsgType>text</MsgType>", nonce="a", timestamp=TS)
    assert send(client, post).status_code == 400
    missing_msgid = "<xml><MsgType>text</MsgType><FromUserName>u</FromUserName></xml>"
    assert (
        send(client, CRYPTO.build_post(missing_msgid, nonce="a", timestamp=TS)).status_code == 400
    )
    assert stored(session) == []


def test_a_body_over_one_mebibyte_is_413(client: FlaskClient, session: Session) -> None:
    response = client.post(
        "/wecom/callback",
        query_string={"msg_signature": "x", "timestamp": str(TS), "nonce": "n"},
        data=b"<xml>" + b"a" * (1 << 20) + b"</xml>",
    )
    assert response.status_code == 413
    assert session.scalar(select(func.count()).select_from(InboxMessage)) == 0


def test_missing_callback_settings_are_named_without_values(make_app: AppFactory) -> None:
    settings = make_settings(wecom=WeComSettings(corp_id=CORP_ID, secret="s3cr3t-value"))
    client = make_app(settings).test_client()
    for response in (client.get("/wecom/callback"), client.post("/wecom/callback", data=b"<xml/>")):
        assert response.status_code == 503
        error = response.json["error"]
        assert "SEGBOT_WECOM_TOKEN" in error and "SEGBOT_WECOM_AES_KEY" in error
        assert "SEGBOT_WECOM_CORP_ID" not in error
        assert CORP_ID not in error and "s3cr3t" not in error

"""WeCom callback security: signature, timestamp window, AES decryption, safe XML parsing.

The cipher is wechatpy's (AES-256-CBC, IV = key[:16], PKCS#7 with block 32); the checks around
it are ours, because wechatpy neither validates padding nor parses the envelope safely.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _defused_fromstring
from wechatpy.crypto.cryptography import WeChatCipher
from wechatpy.enterprise.crypto import PrpCrypto

from integrations.wecom.events import (
    CallbackMessage,
    CardClick,
    ContactChange,
    TagChange,
    TextMessage,
    UnknownCallback,
)

__all__ = [
    "CallbackCrypto",
    "CallbackMessage",
    "CallbackRejected",
    "CardClick",
    "ContactChange",
    "SignedPost",
    "TagChange",
    "TextMessage",
    "UnknownCallback",
    "parse_callback",
    "parse_xml",
]

_BLOCK = 32
# WeCom bodies are a few kB; refuse anything absurd before base64/AES work.
MAX_BODY_BYTES = 1 << 20


class CallbackRejected(Exception):
    """The callback failed a check; the message says which one and never includes a secret."""


@dataclass(frozen=True)
class SignedPost:
    """What WeCom sends for one POST callback: query parameters plus the XML body."""

    msg_signature: str
    timestamp: str
    nonce: str
    body: bytes

    @property
    def query(self) -> dict[str, str]:
        return {
            "msg_signature": self.msg_signature,
            "timestamp": self.timestamp,
            "nonce": self.nonce,
        }


def parse_xml(text: str | bytes) -> ET.Element:
    """Parse untrusted XML with DTDs, entities and external references refused."""
    try:
        return _defused_fromstring(
            text, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except (DefusedXmlException, ET.ParseError, ValueError) as exc:
        raise CallbackRejected(f"malformed XML ({type(exc).__name__})") from None


class _PinnedRandomCrypto(PrpCrypto):
    """wechatpy's encryptor with the 16 random prefix bytes chosen by the caller (tests)."""

    def __init__(self, key: bytes, random_prefix: str | None) -> None:
        super().__init__(key)
        self._random_prefix = random_prefix

    def get_random_string(self) -> str:
        return (
            self._random_prefix if self._random_prefix is not None else super().get_random_string()
        )


class CallbackCrypto:
    """Verify, decrypt and (for the simulator) encrypt WeCom callbacks of one self-built app."""

    def __init__(
        self,
        token: str,
        encoding_aes_key: str,
        corp_id: str,
        max_skew: timedelta = timedelta(minutes=5),
    ) -> None:
        try:
            key = base64.b64decode(encoding_aes_key + "=", validate=True)
        except (binascii.Error, ValueError):
            key = b""
        if len(encoding_aes_key) != 43 or len(key) != 32:
            raise ValueError("the EncodingAESKey must be 43 base64 characters (32 bytes)")
        self._token = token
        self._key = key
        self._corp_id = corp_id
        self._max_skew = max_skew

    def __repr__(self) -> str:  # never show the token or key
        return f"CallbackCrypto(corp_id={self._corp_id!r})"

    # -- signing ------------------------------------------------------------------------------

    def sign(self, timestamp: str | int, nonce: str, encrypted: str) -> str:
        """msg_signature = sha1 of the sorted, concatenated token, timestamp, nonce, ciphertext."""
        parts = sorted([self._token, str(timestamp), nonce, encrypted])
        return hashlib.sha1("".join(parts).encode("utf-8")).hexdigest()

    def _check_signature(self, msg_signature: str, timestamp: str, nonce: str, enc: str) -> None:
        expected = self.sign(timestamp, nonce, enc)
        # Bytes: compare_digest refuses non-ASCII str, and the query string may carry anything.
        given = (msg_signature or "").strip().lower().encode("utf-8", "replace")
        if not hmac.compare_digest(expected.encode("ascii"), given):
            raise CallbackRejected("bad signature")

    def _check_timestamp(self, timestamp: str, now: datetime) -> None:
        try:
            sent = datetime.fromtimestamp(int(timestamp), UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            raise CallbackRejected("malformed timestamp") from None
        if abs(now - sent) > self._max_skew:
            raise CallbackRejected("stale timestamp (outside the allowed window)")

    # -- receiving ----------------------------------------------------------------------------

    def verify_url(
        self, msg_signature: str, timestamp: str, nonce: str, echostr: str, *, now: datetime
    ) -> str:
        """The GET URL check: returns the plaintext echo to answer with (and nothing else)."""
        # A raw `+` in a query string arrives as a space; base64 never contains spaces.
        echostr = (echostr or "").replace(" ", "+")
        self._check_signature(msg_signature, timestamp, nonce, echostr)
        self._check_timestamp(timestamp, now)
        return self._decrypt(echostr)

    def decrypt(
        self, body: bytes, msg_signature: str, timestamp: str, nonce: str, *, now: datetime
    ) -> str:
        """A POST callback: returns the decrypted plaintext XML."""
        if len(body) > MAX_BODY_BYTES:
            raise CallbackRejected("malformed body (too large)")
        encrypted = parse_xml(body).findtext("Encrypt")
        if not encrypted:
            raise CallbackRejected("malformed body (no Encrypt element)")
        encrypted = encrypted.strip()
        self._check_signature(msg_signature, timestamp, nonce, encrypted)
        self._check_timestamp(timestamp, now)
        return self._decrypt(encrypted)

    def _decrypt(self, encrypted: str) -> str:
        try:
            raw = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError):
            raise CallbackRejected("malformed ciphertext (not base64)") from None
        if not raw or len(raw) % _BLOCK:
            raise CallbackRejected("malformed ciphertext (bad length)")
        plain = WeChatCipher(self._key).decrypt(raw)
        pad = plain[-1]
        if not 1 <= pad <= _BLOCK or plain[-pad:] != bytes([pad]) * pad:
            raise CallbackRejected("malformed ciphertext (bad padding)")
        content = plain[16:-pad]
        if len(content) < 4:
            raise CallbackRejected("malformed ciphertext (too short)")
        (length,) = struct.unpack(">I", content[:4])
        if length > len(content) - 4:
            raise CallbackRejected("malformed ciphertext (bad length field)")
        receive_id = content[4 + length :]
        if not hmac.compare_digest(receive_id, self._corp_id.encode("utf-8")):
            raise CallbackRejected("wrong corp id")
        try:
            return content[4 : 4 + length].decode("utf-8")
        except UnicodeDecodeError:
            raise CallbackRejected("malformed plaintext (not UTF-8)") from None

    # -- sending (the simulator plays WeCom; tests build requests) ----------------------------

    def encrypt_text(self, plaintext: str, *, random_prefix: str | None = None) -> str:
        """The base64 ciphertext of `plaintext` for this corp (used for echostr and Encrypt)."""
        crypto = _PinnedRandomCrypto(self._key, random_prefix)
        encrypted: Any = crypto.encrypt(plaintext, self._corp_id)
        return encrypted.decode("ascii") if isinstance(encrypted, bytes) else str(encrypted)

    def encrypt(
        self, plaintext_xml: str, *, nonce: str, timestamp: int, random_prefix: str | None = None
    ) -> str:
        """The signed envelope XML (Encrypt, MsgSignature, TimeStamp, Nonce) — wechatpy's layout."""
        encrypted = self.encrypt_text(plaintext_xml, random_prefix=random_prefix)
        signature = self.sign(timestamp, nonce, encrypted)
        return (
            "<xml>\n"
            f"<Encrypt><![CDATA[{encrypted}]]></Encrypt>\n"
            f"<MsgSignature><![CDATA[{signature}]]></MsgSignature>\n"
            f"<TimeStamp>{timestamp}</TimeStamp>\n"
            f"<Nonce><![CDATA[{nonce}]]></Nonce>\n"
            "</xml>"
        )

    def build_post(
        self, plaintext_xml: str, *, nonce: str, timestamp: int, agent_id: int | None = None
    ) -> SignedPost:
        """A complete POST callback as WeCom sends it (signature in the query string)."""
        encrypted = self.encrypt_text(plaintext_xml)
        body = (
            f"<xml><ToUserName><![CDATA[{self._corp_id}]]></ToUserName>"
            f"<AgentID><![CDATA[{agent_id if agent_id is not None else ''}]]></AgentID>"
            f"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
        )
        signature = self.sign(timestamp, nonce, encrypted)
        return SignedPost(signature, str(timestamp), nonce, body.encode("utf-8"))

    def build_verification(self, echo: str, *, nonce: str, timestamp: int) -> dict[str, str]:
        """Query parameters of a GET URL verification whose correct answer is `echo`."""
        echostr = self.encrypt_text(echo)
        return {
            "msg_signature": self.sign(timestamp, nonce, echostr),
            "timestamp": str(timestamp),
            "nonce": nonce,
            "echostr": echostr,
        }


# -- parsing ----------------------------------------------------------------------------------


def _text(root: ET.Element, tag: str) -> str | None:
    value = root.findtext(tag)
    return value.strip() if value is not None else None


def _int(root: ET.Element, tag: str) -> int | None:
    value = _text(root, tag)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise CallbackRejected(f"malformed {tag}") from None


def _required(root: ET.Element, tag: str) -> str:
    value = _text(root, tag)
    if not value:
        raise CallbackRejected(f"malformed callback (missing {tag})")
    return value


def parse_callback(plaintext_xml: str) -> CallbackMessage:
    """The typed message for a decrypted callback; unknown kinds become `UnknownCallback`."""
    root = parse_xml(plaintext_xml)
    msg_type = (_text(root, "MsgType") or "").lower()
    event = _text(root, "Event")
    create_time = _int(root, "CreateTime")
    if msg_type == "text":
        return TextMessage(
            from_user=_required(root, "FromUserName"),
            content=root.findtext("Content") or "",
            msg_id=_required(root, "MsgId"),
            agent_id=_int(root, "AgentID"),
            create_time=create_time or 0,
        )
    if msg_type == "event" and event == "change_external_contact":
        return _contact_change(root, create_time or 0)
    if msg_type == "event" and event == "change_external_tag":
        return TagChange(
            tag_id=_required(root, "Id"),
            tag_type=_text(root, "TagType") or "tag",
            change_type=_required(root, "ChangeType"),
            create_time=create_time or 0,
            strategy_id=_text(root, "StrategyId") or None,
        )
    if msg_type == "event" and event == "template_card_event":
        return _card_click(root, create_time or 0)
    return UnknownCallback(
        msg_type=msg_type,
        event=event,
        from_user=_text(root, "FromUserName"),
        create_time=create_time,
        raw_xml=plaintext_xml,
    )


def _contact_change(root: ET.Element, create_time: int) -> ContactChange:
    return ContactChange(
        change_type=_required(root, "ChangeType"),
        userid=_required(root, "UserID"),
        external_userid=_required(root, "ExternalUserID"),
        create_time=create_time,
        state=_text(root, "State") or None,
        welcome_code=_text(root, "WelcomeCode") or None,
        source=_text(root, "Source") or None,
        fail_reason=_text(root, "FailReason") or None,
    )


def _card_click(root: ET.Element, create_time: int) -> CardClick:
    selected: list[tuple[str, tuple[str, ...]]] = []
    for item in root.iterfind("SelectedItems/SelectedItem"):
        question = (item.findtext("QuestionKey") or "").strip()
        options = tuple((o.text or "").strip() for o in item.iterfind("OptionIds/OptionId"))
        selected.append((question, options))
    return CardClick(
        from_user=_required(root, "FromUserName"),
        event_key=_text(root, "EventKey") or "",
        task_id=_text(root, "TaskId") or "",
        card_type=_text(root, "CardType") or "",
        response_code=_text(root, "ResponseCode") or None,
        create_time=create_time,
        agent_id=_int(root, "AgentID"),
        selected_items=tuple(selected),
    )

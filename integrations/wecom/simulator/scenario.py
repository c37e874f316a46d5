"""Things that happen in the WeCom client (a customer added, a tag renamed, a card clicked…):
each changes the company, then pushes the signed, encrypted callback WeCom would send."""

from __future__ import annotations

import logging
import secrets
import time
from typing import Any

import requests

from integrations.wecom.callback import CallbackCrypto
from integrations.wecom.events import (
    CallbackMessage,
    CardClick,
    ContactChange,
    TagChange,
    TextMessage,
)
from integrations.wecom.render import render_callback
from integrations.wecom.simulator.company import SimCustomer, SimError, make_id
from integrations.wecom.simulator.state import SimState

log = logging.getLogger(__name__)


class Scenario:
    """The simulator's Python API for events; the /sim/callbacks endpoint calls the same methods."""

    def __init__(self, state: SimState) -> None:
        self.state = state
        cfg = state.config
        self.crypto = CallbackCrypto(cfg.token, cfg.aes_key, cfg.corp_id)
        # WeCom's MsgId and ResponseCode are unique for good; the company's own id counter
        # starts again with each run, so a demo restarted on its old database would repeat
        # them and the app would drop the new messages and clicks as replays.
        self._run = secrets.token_hex(8)

    # -- delivery -----------------------------------------------------------------------------

    def push(self, message: CallbackMessage, url: str | None = None) -> int | None:
        """POST the encrypted callback to `url` (default: the configured callback URL).

        Returns the HTTP status, or None when no URL is configured (the change still happened).
        """
        target = url or self.state.config.callback_url
        xml = render_callback(message, self.state.config.corp_id)
        record: dict[str, Any] = {"kind": type(message).__name__, "xml": xml, "status": None}
        if target:
            record["status"] = self._post(target, xml)
            for _ in range(self.state.config.callback_retries):
                if record["status"] == 200:
                    break
                time.sleep(self.state.config.callback_retry_seconds)  # as WeCom re-sends
                record["status"] = self._post(target, xml)
        with self.state.lock:
            self.state.callbacks.append(record)
        return record["status"]

    def _post(self, target: str, xml: str) -> int:
        """One encrypted POST of `xml`: its HTTP status, or -1 when the connection failed."""
        post = self.crypto.build_post(
            xml, nonce=secrets.token_hex(5), timestamp=self.state.now(),
            agent_id=self.state.config.agent_id,
        )  # fmt: skip
        try:
            response = requests.post(target, params=post.query, data=post.body, timeout=10)
        except requests.RequestException as exc:
            log.warning("callback push to %s failed: %s", target, type(exc).__name__)
            return -1
        return response.status_code

    # -- customer relations -------------------------------------------------------------------

    def add_contact(
        self,
        userid: str,
        *,
        name: str = "新客户",
        external_userid: str | None = None,
        gender: int = 0,
        city: str | None = None,
        state: str = "",
        add_way: int = 1,
        half: bool = False,
    ) -> ContactChange:
        """A customer adds `userid` (by default by scanning a QR code; `state` is the 渠道活码
        code of the QR or 获客链接, sent in the callback's State as WeCom does)."""
        company = self.state.company
        ext = external_userid or make_id("wm", company.corp_id, "added", company.next_id("n"))
        customer = company.customers.get(ext) or SimCustomer(ext, name, gender=gender, city=city)
        description = f"城市:{city}" if city else ""
        now = self.state.now()
        company.add_follow(customer, userid, now, remark=name, description=description,
                           state=state, add_way=add_way)  # fmt: skip
        change = "add_half_external_contact" if half else "add_external_contact"
        event = ContactChange(change, userid, ext, now, state=state or None,
                              welcome_code=secrets.token_hex(8))  # fmt: skip
        self.push(event)
        return event

    def edit_contact(
        self,
        userid: str,
        external_userid: str,
        *,
        remark: str | None = None,
        add_tags: list[str] | None = None,
        remove_tags: list[str] | None = None,
    ) -> ContactChange:
        company = self.state.company
        with company.lock:
            follow = company.follow(userid, external_userid)
            if remark is not None:
                follow.remark = remark
            if add_tags or remove_tags:
                company.mark_tag(userid, external_userid, add_tags or [], remove_tags or [])
        event = ContactChange("edit_external_contact", userid, external_userid, self.state.now())
        self.push(event)
        return event

    def staff_deletes_contact(
        self, userid: str, external_userid: str, *, source: str | None = None
    ) -> ContactChange:
        self.state.company.remove_follow(userid, external_userid)
        event = ContactChange(
            "del_external_contact", userid, external_userid, self.state.now(), source=source
        )
        self.push(event)
        return event

    def customer_deletes_staff(self, userid: str, external_userid: str) -> ContactChange:
        self.state.company.remove_follow(userid, external_userid)
        event = ContactChange("del_follow_user", userid, external_userid, self.state.now())
        self.push(event)
        return event

    # -- tags ---------------------------------------------------------------------------------

    def create_tag(self, group_name: str, name: str) -> TagChange:
        group = self.state.company.add_tags([name], None, group_name, self.state.now())
        tag = next(t for t in group.tags if t.name == name)
        event = TagChange(tag.id, "tag", "create", self.state.now())
        self.push(event)
        return event

    def rename_tag(self, tag_id: str, name: str) -> TagChange:
        self.state.company.edit_tag(tag_id, name, None)
        kind = "tag_group" if tag_id in self.state.company.tag_groups else "tag"
        event = TagChange(tag_id, kind, "update", self.state.now())
        self.push(event)
        return event

    def delete_tag(self, tag_id: str) -> TagChange:
        is_group = tag_id in self.state.company.tag_groups
        if is_group:
            self.state.company.delete_tags([], [tag_id])
        else:
            self.state.company.delete_tags([tag_id], [])
        event = TagChange(tag_id, "tag_group" if is_group else "tag", "delete", self.state.now())
        self.push(event)
        return event

    # -- members talking to the app -----------------------------------------------------------

    def _unique_id(self, prefix: str) -> str:
        """An id no earlier run gave: the company's next id, salted with this run's."""
        return make_id(prefix, self._run, self.state.company.next_id(""))

    def member_text(self, from_user: str, content: str) -> TextMessage:
        if from_user not in self.state.company.members:
            raise SimError(60111, f"userid not found: {from_user}")
        msg_id = str(int(self._unique_id("")[:15], 16))
        event = TextMessage(
            from_user, content, msg_id, self.state.config.agent_id, self.state.now()
        )
        self.push(event)
        return event

    def card_click(
        self,
        from_user: str,
        task_id: str,
        event_key: str,
        *,
        card_type: str = "button_interaction",
        response_code: str | None = None,
    ) -> CardClick:
        code = response_code or self._unique_id("rc")
        with self.state.lock:
            self.state.response_codes.setdefault(code, task_id)
        event = CardClick(from_user, event_key, task_id, card_type, code, self.state.now(),
                          self.state.config.agent_id)  # fmt: skip
        self.push(event)
        return event

    def run(self, kind: str, fields: dict[str, Any]) -> CallbackMessage:
        """The /sim/callbacks endpoint: `kind` names one of the methods above."""
        allowed = {
            "add_contact", "edit_contact", "staff_deletes_contact", "customer_deletes_staff",
            "create_tag", "rename_tag", "delete_tag", "member_text", "card_click",
        }  # fmt: skip
        if kind not in allowed:
            raise SimError(40058, f"unknown callback kind {kind!r}; one of {sorted(allowed)}")
        try:
            result: CallbackMessage = getattr(self, kind)(**fields)
        except TypeError as exc:
            raise SimError(40058, f"bad fields for {kind}: {exc}") from None
        return result

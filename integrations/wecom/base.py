"""The gateway's request logic shared by WechatpyGateway (HTTP) and FakeWeComGateway (in memory):
limits checked, pages followed, JSON turned into DTOs; subclasses only move one request."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from typing import Any

from integrations.wecom import parsing
from integrations.wecom.dto import (
    AgentInfo,
    ContactFollow,
    ContactPage,
    CustomerDetail,
    Department,
    GroupMsg,
    GroupMsgSendResult,
    GroupMsgTask,
    JsonObject,
    MassMessage,
    Member,
    Page,
    SendResult,
    TagGroup,
    UploadedMedia,
)
from integrations.wecom.errors import NoCustomerRelation, WeComError
from integrations.wecom.gateway import (
    MAX_BATCH_LIMIT,
    MAX_BATCH_USERIDS,
    MAX_DUPLICATE_CHECK_SECONDS,
    MAX_GROUPMSG_LIST_LIMIT,
    MAX_GROUPMSG_LIST_SPAN,
    MAX_MASS_ATTACHMENTS,
    MAX_MASS_RECIPIENTS,
    MAX_MESSAGE_USERS,
    chunks,
)

# Which secret a call needs: the app's (org, messages) or the customer-contact one.
APP, CONTACT = "app", "contact"


class GatewayBase(ABC):
    agent_id: int | None

    @abstractmethod
    def _request(
        self,
        scope: str,
        method: str,
        api: str,
        *,
        params: dict[str, Any] | None = None,
        data: JsonObject | None = None,
        files: dict[str, tuple[str, bytes]] | None = None,
        idempotent: bool = True,
    ) -> dict[str, Any]:
        """One WeCom call; returns the JSON object, raises WeComError subclasses. A call that
        creates something in WeCom passes idempotent=False: it is never repeated after a lost
        answer, which raises WeComOutcomeUnknown instead."""

    def _post(self, api: str, data: JsonObject, *, idempotent: bool = True) -> dict[str, Any]:
        return self._request(CONTACT, "POST", api, data=data, idempotent=idempotent)

    # -- organisation -------------------------------------------------------------------------

    def list_departments(self) -> list[Department]:
        result = self._request(APP, "GET", "department/list")
        return [parsing.department(d) for d in result.get("department") or []]

    def get_agent(self) -> AgentInfo:
        """The app's own settings (agent/get, app secret): name, visibility range, closed."""
        result = self._request(APP, "GET", "agent/get", params={"agentid": self.agent_id})
        users = (result.get("allow_userinfos") or {}).get("user") or []
        parties = (result.get("allow_partys") or {}).get("partyid") or []
        return AgentInfo(
            agent_id=int(result.get("agentid") or 0),
            name=str(result.get("name") or ""),
            visible_userids=tuple(str(u.get("userid")) for u in users if u.get("userid")),
            visible_department_ids=tuple(int(p) for p in parties),
            closed=bool(result.get("close")),
        )

    def user_by_login_code(self, code: str) -> str:
        """The userid a WeCom login (OAuth2 or QR) `code` stands for (auth/getuserinfo); a
        code works once, for 5 minutes. Raises WeComError(40029) for a bad or used code."""
        result = self._request(APP, "GET", "auth/getuserinfo", params={"code": code})
        userid = result.get("userid") or result.get("UserId")
        if not userid:  # a non-member (e.g. an external user's openid): not a login
            raise WeComError(40029, "the code is not a member's", "auth/getuserinfo")
        return str(userid)

    def list_members(self, department_id: int, *, fetch_child: bool = True) -> list[Member]:
        params = {"department_id": department_id, "fetch_child": 1 if fetch_child else 0}
        result = self._request(APP, "GET", "user/list", params=params)
        return [parsing.member(u) for u in result.get("userlist") or []]

    # -- customers ----------------------------------------------------------------------------

    def get_follow_user_list(self) -> list[str]:
        api = "externalcontact/get_follow_user_list"
        result = self._request(CONTACT, "GET", api)
        return [str(u) for u in result.get("follow_user") or []]

    def list_external_contacts(self, userid: str) -> list[str]:
        api = "externalcontact/list"
        try:
            result = self._request(CONTACT, "GET", api, params={"userid": userid})
        except NoCustomerRelation:
            return []  # WeCom's way of saying "this member has no customers"
        return [str(e) for e in result.get("external_userid") or []]

    def get_external_contact(self, external_userid: str) -> CustomerDetail:
        api = "externalcontact/get"
        follows: list[Any] = []
        cursor: str | None = None
        while True:
            params = {"external_userid": external_userid, **({"cursor": cursor} if cursor else {})}
            result = self._request(CONTACT, "GET", api, params=params)
            follows += [parsing.follow(f) for f in result.get("follow_user") or []]
            cursor = result.get("next_cursor") or None
            if not cursor:
                break
        return CustomerDetail(parsing.contact(result["external_contact"]), tuple(follows))

    def batch_get_by_user_page(
        self, userids: Sequence[str], *, cursor: str | None = None, limit: int = MAX_BATCH_LIMIT
    ) -> ContactPage:
        if not 1 <= len(userids) <= MAX_BATCH_USERIDS:
            raise ValueError(f"batch/get_by_user takes 1..{MAX_BATCH_USERIDS} userids")
        if not 1 <= limit <= MAX_BATCH_LIMIT:
            raise ValueError(f"batch/get_by_user limit must be 1..{MAX_BATCH_LIMIT}")
        data: JsonObject = {"userid_list": list(userids), "limit": limit}
        if cursor:
            data["cursor"] = cursor
        result = self._post("externalcontact/batch/get_by_user", data)
        items = tuple(parsing.contact_follow(r) for r in result.get("external_contact_list") or [])
        return ContactPage(items, result.get("next_cursor") or None)

    def batch_get_by_user(
        self, userids: Sequence[str], *, limit: int = MAX_BATCH_LIMIT
    ) -> Iterator[ContactFollow]:
        for chunk in chunks(userids, MAX_BATCH_USERIDS):
            cursor: str | None = None
            while True:
                page = self.batch_get_by_user_page(chunk, cursor=cursor, limit=limit)
                yield from page.items
                cursor = page.next_cursor
                if not cursor:
                    break

    # -- corp tags ----------------------------------------------------------------------------

    def get_corp_tag_list(
        self, *, tag_ids: Sequence[str] = (), group_ids: Sequence[str] = ()
    ) -> list[TagGroup]:
        # wechatpy's get_corp_tag_list has no group_id parameter.
        data: JsonObject = {"tag_id": list(tag_ids), "group_id": list(group_ids)}
        result = self._post("externalcontact/get_corp_tag_list", data)
        return [parsing.tag_group(g) for g in result.get("tag_group") or []]

    def add_corp_tag(
        self,
        names: Sequence[str],
        *,
        group_id: str | None = None,
        group_name: str | None = None,
        order: int | None = None,
    ) -> TagGroup:
        data: JsonObject = {"tag": [{"name": n} for n in names]}
        for key, value in (("group_id", group_id), ("group_name", group_name), ("order", order)):
            if value is not None:
                data[key] = value
        result = self._post("externalcontact/add_corp_tag", data)
        return parsing.tag_group(result["tag_group"])

    def edit_corp_tag(self, id: str, *, name: str | None = None, order: int | None = None) -> None:
        data: JsonObject = {"id": id}
        if name is not None:
            data["name"] = name
        if order is not None:
            data["order"] = order
        self._post("externalcontact/edit_corp_tag", data)

    def del_corp_tag(self, *, tag_ids: Sequence[str] = (), group_ids: Sequence[str] = ()) -> None:
        if not tag_ids and not group_ids:
            raise ValueError("del_corp_tag needs tag ids or group ids")
        self._post(
            "externalcontact/del_corp_tag", {"tag_id": list(tag_ids), "group_id": list(group_ids)}
        )

    def mark_tag(
        self,
        userid: str,
        external_userid: str,
        *,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
    ) -> None:
        if not add and not remove:
            raise ValueError("mark_tag needs tags to add or remove")
        data = {"userid": userid, "external_userid": external_userid,
                "add_tag": list(add), "remove_tag": list(remove)}  # fmt: skip
        self._post("externalcontact/mark_tag", data)

    def remark(
        self,
        userid: str,
        external_userid: str,
        *,
        remark: str | None = None,
        description: str | None = None,
        remark_mobiles: Sequence[str] | None = None,
    ) -> None:
        data: JsonObject = {"userid": userid, "external_userid": external_userid}
        if remark is not None:
            data["remark"] = remark
        if description is not None:
            data["description"] = description
        if remark_mobiles is not None:
            data["remark_mobiles"] = list(remark_mobiles) or [""]  # [""] clears (Doc 92694)
        self._post("externalcontact/remark", data)

    # -- enterprise mass messages -------------------------------------------------------------

    def add_msg_template(
        self,
        external_userids: Sequence[str],
        text: str,
        *,
        sender: str | None = None,
        attachments: Sequence[JsonObject] = (),
    ) -> MassMessage:
        if len(external_userids) > MAX_MASS_RECIPIENTS:
            raise ValueError(f"at most {MAX_MASS_RECIPIENTS} customers per mass message")
        if len(attachments) > MAX_MASS_ATTACHMENTS:
            raise ValueError(f"at most {MAX_MASS_ATTACHMENTS} attachments")
        data: JsonObject = {"chat_type": "single", "external_userid": list(external_userids),
                            "text": {"content": text}}  # fmt: skip
        if sender:
            data["sender"] = sender
        if attachments:
            data["attachments"] = list(attachments)
        # Each call creates a task: repeating one whose answer was lost would create two.
        result = self._post("externalcontact/add_msg_template", data, idempotent=False)
        return MassMessage(str(result["msgid"]), tuple(result.get("fail_list") or []))

    def get_groupmsg_task(
        self, msgid: str, *, cursor: str | None = None, limit: int = 1000
    ) -> Page[GroupMsgTask]:
        data: JsonObject = {
            "msgid": msgid,
            "limit": limit,
            **({"cursor": cursor} if cursor else {}),
        }
        result = self._post("externalcontact/get_groupmsg_task", data)
        items = tuple(parsing.groupmsg_task(t) for t in result.get("task_list") or [])
        return Page(items, result.get("next_cursor") or None)

    def get_groupmsg_send_result(
        self, msgid: str, userid: str, *, cursor: str | None = None, limit: int = 1000
    ) -> Page[GroupMsgSendResult]:
        data: JsonObject = {"msgid": msgid, "userid": userid, "limit": limit}
        if cursor:
            data["cursor"] = cursor
        result = self._post("externalcontact/get_groupmsg_send_result", data)
        items = tuple(parsing.groupmsg_result(r) for r in result.get("send_list") or [])
        return Page(items, result.get("next_cursor") or None)

    def get_groupmsg_list_v2_page(
        self,
        start_time: int,
        end_time: int,
        *,
        creator: str | None = None,
        filter_type: int = 2,
        cursor: str | None = None,
        limit: int = MAX_GROUPMSG_LIST_LIMIT,
    ) -> Page[GroupMsg]:
        if not 0 <= end_time - start_time <= MAX_GROUPMSG_LIST_SPAN:
            raise ValueError("get_groupmsg_list_v2 needs start ≤ end, at most a month apart")
        if not 1 <= limit <= MAX_GROUPMSG_LIST_LIMIT:
            raise ValueError(f"get_groupmsg_list_v2 limit must be 1..{MAX_GROUPMSG_LIST_LIMIT}")
        data: JsonObject = {
            "chat_type": "single",
            "start_time": start_time,
            "end_time": end_time,
            "filter_type": filter_type,
            "limit": limit,
        }
        if creator:
            data["creator"] = creator
        if cursor:
            data["cursor"] = cursor
        result = self._post("externalcontact/get_groupmsg_list_v2", data)
        items = tuple(parsing.group_msg(m) for m in result.get("group_msg_list") or [])
        return Page(items, result.get("next_cursor") or None)

    def get_groupmsg_list_v2(
        self,
        start_time: int,
        end_time: int,
        *,
        creator: str | None = None,
        filter_type: int = 2,
    ) -> Iterator[GroupMsg]:
        cursor: str | None = None
        while True:
            page = self.get_groupmsg_list_v2_page(
                start_time, end_time, creator=creator, filter_type=filter_type, cursor=cursor
            )
            yield from page.items
            cursor = page.next_cursor
            if not cursor:
                break

    def remind_groupmsg_send(self, msgid: str) -> None:
        # Counts against WeCom's 3 reminders per 24 h and pings the member again.
        self._post("externalcontact/remind_groupmsg_send", {"msgid": msgid}, idempotent=False)

    # -- app messages -------------------------------------------------------------------------

    def _send(
        self, userids: Sequence[str], msg: JsonObject, duplicate_check_seconds: int | None = None
    ) -> SendResult:
        if not 1 <= len(userids) <= MAX_MESSAGE_USERS:
            raise ValueError(f"message/send takes 1..{MAX_MESSAGE_USERS} userids")
        if self.agent_id is None:
            raise ValueError("SEGBOT_WECOM_AGENT_ID is needed to send app messages")
        data = {"touser": "|".join(userids), "agentid": self.agent_id, **msg}
        if duplicate_check_seconds is not None:
            if not 1 <= duplicate_check_seconds <= MAX_DUPLICATE_CHECK_SECONDS:
                raise ValueError(
                    f"duplicate_check_seconds must be 1..{MAX_DUPLICATE_CHECK_SECONDS}"
                )
            data["enable_duplicate_check"] = 1
            data["duplicate_check_interval"] = duplicate_check_seconds
        # A message that reached the member cannot be unsent: never repeat a lost answer.
        result = self._request(APP, "POST", "message/send", data=data, idempotent=False)
        return parsing.send_result(result)

    def send_text(
        self, userids: Sequence[str], content: str, *, duplicate_check_seconds: int | None = None
    ) -> SendResult:
        msg = {"msgtype": "text", "text": {"content": content}}
        return self._send(userids, msg, duplicate_check_seconds)

    def send_markdown(
        self, userids: Sequence[str], content: str, *, duplicate_check_seconds: int | None = None
    ) -> SendResult:
        msg = {"msgtype": "markdown", "markdown": {"content": content}}
        return self._send(userids, msg, duplicate_check_seconds)

    def send_textcard(
        self, userids: Sequence[str], title: str, description: str, url: str, btntxt: str = "详情"
    ) -> SendResult:
        card = {"title": title, "description": description, "url": url, "btntxt": btntxt}
        return self._send(userids, {"msgtype": "textcard", "textcard": card})

    def send_template_card(self, userids: Sequence[str], card: JsonObject) -> SendResult:
        return self._send(userids, {"msgtype": "template_card", "template_card": card})

    def send_file(self, userids: Sequence[str], media_id: str) -> SendResult:
        """A file uploaded with upload_media('file', …) (media ids live 3 days)."""
        return self._send(userids, {"msgtype": "file", "file": {"media_id": media_id}})

    def send_image(self, userids: Sequence[str], media_id: str) -> SendResult:
        return self._send(userids, {"msgtype": "image", "image": {"media_id": media_id}})

    def update_template_card(
        self,
        userids: Sequence[str],
        response_code: str,
        *,
        replace_name: str | None = None,
        card: JsonObject | None = None,
    ) -> None:
        if (replace_name is None) == (card is None):
            raise ValueError("give either replace_name or card")
        data: JsonObject = {"userids": list(userids), "agentid": self.agent_id,
                            "response_code": response_code}  # fmt: skip
        if replace_name is not None:
            data["button"] = {"replace_name": replace_name}
        else:
            data["template_card"] = card
        self._request(APP, "POST", "message/update_template_card", data=data)

    def upload_media(self, media_type: str, filename: str, content: bytes) -> UploadedMedia:
        result = self._request(
            APP, "POST", "media/upload", params={"type": media_type},
            files={"media": (filename, content)},
        )  # fmt: skip
        return UploadedMedia(
            str(result.get("type", media_type)), str(result["media_id"]),
            int(result.get("created_at") or 0),
        )  # fmt: skip

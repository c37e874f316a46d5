"""The WeComGateway port: everything segbot asks of WeCom, in our own DTOs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

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

# WeCom's own limits (Doc 92994, 90236, 92135), checked before calling so errors are ours.
MAX_BATCH_USERIDS = 100
MAX_BATCH_LIMIT = 100
MAX_MASS_RECIPIENTS = 10_000
MAX_MASS_ATTACHMENTS = 9
MAX_MESSAGE_USERS = 1000
# get_groupmsg_list_v2 (Doc 93338): limit ≤ 100, start and end at most one month apart.
MAX_GROUPMSG_LIST_LIMIT = 100
MAX_GROUPMSG_LIST_SPAN = 30 * 86400
# message/send's own dedupe window (enable_duplicate_check) is at most 4 hours.
MAX_DUPLICATE_CHECK_SECONDS = 4 * 3600


class WeComGateway(Protocol):
    """Implemented by WechatpyGateway (real HTTP) and FakeWeComGateway (in memory)."""

    # -- organisation -------------------------------------------------------------------------
    def list_departments(self) -> list[Department]: ...

    def get_agent(self) -> AgentInfo: ...

    def user_by_login_code(self, code: str) -> str: ...

    def list_members(self, department_id: int, *, fetch_child: bool = True) -> list[Member]: ...

    # -- customers ----------------------------------------------------------------------------
    def get_follow_user_list(self) -> list[str]: ...

    def list_external_contacts(self, userid: str) -> list[str]:
        """A member's customer ids; [] when WeCom answers 84061 (no customers)."""
        ...

    def get_external_contact(self, external_userid: str) -> CustomerDetail:
        """Raises NoCustomerRelation (84061) for an unknown customer."""
        ...

    def batch_get_by_user_page(
        self, userids: Sequence[str], *, cursor: str | None = None, limit: int = MAX_BATCH_LIMIT
    ) -> ContactPage:
        """One page of batch/get_by_user (≤100 userids, limit ≤100)."""
        ...

    def batch_get_by_user(
        self, userids: Sequence[str], *, limit: int = MAX_BATCH_LIMIT
    ) -> Iterator[ContactFollow]:
        """Every (customer, follower) row for these members, any number of userids."""
        ...

    # -- corp tags ----------------------------------------------------------------------------
    def get_corp_tag_list(
        self, *, tag_ids: Sequence[str] = (), group_ids: Sequence[str] = ()
    ) -> list[TagGroup]: ...

    def add_corp_tag(
        self,
        names: Sequence[str],
        *,
        group_id: str | None = None,
        group_name: str | None = None,
        order: int | None = None,
    ) -> TagGroup: ...

    def edit_corp_tag(
        self, id: str, *, name: str | None = None, order: int | None = None
    ) -> None: ...

    def del_corp_tag(
        self, *, tag_ids: Sequence[str] = (), group_ids: Sequence[str] = ()
    ) -> None: ...

    def mark_tag(
        self,
        userid: str,
        external_userid: str,
        *,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
    ) -> None: ...

    def remark(
        self,
        userid: str,
        external_userid: str,
        *,
        remark: str | None = None,
        description: str | None = None,
        remark_mobiles: Sequence[str] | None = None,
    ) -> None: ...

    # -- enterprise mass messages (企业群发) -----------------------------------------------------
    def add_msg_template(
        self,
        external_userids: Sequence[str],
        text: str,
        *,
        sender: str | None = None,
        attachments: Sequence[JsonObject] = (),
    ) -> MassMessage:
        """Creates a task; never repeated after a lost answer: raises WeComOutcomeUnknown."""
        ...

    def get_groupmsg_task(
        self, msgid: str, *, cursor: str | None = None, limit: int = 1000
    ) -> Page[GroupMsgTask]: ...

    def get_groupmsg_send_result(
        self, msgid: str, userid: str, *, cursor: str | None = None, limit: int = 1000
    ) -> Page[GroupMsgSendResult]: ...

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
        """One page of the mass-message tasks created in [start_time, end_time] (unix
        seconds, at most a month apart); filter_type 0 corp-created, 1 personal, 2 both."""
        ...

    def get_groupmsg_list_v2(
        self,
        start_time: int,
        end_time: int,
        *,
        creator: str | None = None,
        filter_type: int = 2,
    ) -> Iterator[GroupMsg]:
        """Every task in the window, all pages. WeCom leaves `creator` out of tasks created
        through the API, so a task is tied to its salesperson with get_groupmsg_task."""
        ...

    def remind_groupmsg_send(self, msgid: str) -> None:
        """Not repeated after a lost answer (WeComOutcomeUnknown)."""
        ...

    # -- app messages to members --------------------------------------------------------------
    # message/send is never repeated after a lost answer (WeComOutcomeUnknown). With
    # duplicate_check_seconds (≤ 4 h) WeCom itself drops the same message to the same member
    # within that window, which makes a deliberate re-send after an unknown outcome safe.
    def send_text(
        self, userids: Sequence[str], content: str, *, duplicate_check_seconds: int | None = None
    ) -> SendResult: ...

    def send_markdown(
        self, userids: Sequence[str], content: str, *, duplicate_check_seconds: int | None = None
    ) -> SendResult: ...

    def send_textcard(
        self, userids: Sequence[str], title: str, description: str, url: str, btntxt: str = "详情"
    ) -> SendResult: ...

    def send_template_card(self, userids: Sequence[str], card: JsonObject) -> SendResult: ...

    def send_file(self, userids: Sequence[str], media_id: str) -> SendResult: ...

    def send_image(self, userids: Sequence[str], media_id: str) -> SendResult: ...

    def update_template_card(
        self,
        userids: Sequence[str],
        response_code: str,
        *,
        replace_name: str | None = None,
        card: JsonObject | None = None,
    ) -> None:
        """Either replace the clicked button's text (replace_name) or the whole card."""
        ...

    def upload_media(self, media_type: str, filename: str, content: bytes) -> UploadedMedia: ...


def chunks(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])

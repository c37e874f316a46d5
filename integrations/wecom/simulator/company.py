"""The simulated company's state (departments, members, customers, follows, tags, mass messages)
and WeCom's business rules on it; no HTTP here, so the fake gateway can share it."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field


class SimError(Exception):
    """A WeCom errcode the simulator answers with."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(errcode, errmsg)
        self.errcode = errcode
        self.errmsg = errmsg


@dataclass
class SimDepartment:
    id: int
    name: str
    parentid: int | None
    order: int = 0


@dataclass
class SimMember:
    userid: str
    name: str
    department: list[int]
    is_leader_in_dept: list[int]
    status: int = 1
    # Has 客户联系 enabled (appears in get_follow_user_list).
    follow_enabled: bool = True


@dataclass
class SimCustomer:
    external_userid: str
    name: str
    type: int = 1
    gender: int = 0
    unionid: str | None = None
    corp_name: str | None = None
    city: str | None = None


@dataclass
class SimFollow:
    userid: str
    external_userid: str
    createtime: int
    remark: str = ""
    description: str = ""
    tag_ids: list[str] = field(default_factory=list)
    add_way: int = 1
    state: str = ""
    remark_mobiles: list[str] = field(default_factory=list)


@dataclass
class SimTag:
    id: str
    name: str
    create_time: int
    order: int = 0


@dataclass
class SimTagGroup:
    group_id: str
    group_name: str
    create_time: int
    order: int = 0
    tags: list[SimTag] = field(default_factory=list)


@dataclass
class MassTask:
    msgid: str
    text: str
    create_time: int
    # userid -> external_userid -> status (0 unsent, 1 sent, 2 not a friend, 3 receive limit).
    recipients: dict[str, dict[str, int]]
    send_time: dict[str, int] = field(default_factory=dict)
    reminders: list[int] = field(default_factory=list)
    # add_msg_template's `sender`; WeCom does not report it back as `creator`.
    sender: str | None = None
    # get_groupmsg_list_v2's creator (None for API-created tasks, as WeCom omits it) and
    # create_type (0 corp: admin console or API; 1 a member in the client).
    creator: str | None = None
    create_type: int = 0


def make_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
    return prefix + digest[:22]


class Company:
    """Everything WeCom knows about one corp. Thread-safe: the HTTP server is threaded."""

    def __init__(self, corp_id: str = "wwsimcorp0001", monthly_mass_budget: int = 4) -> None:
        self.corp_id = corp_id
        self.monthly_mass_budget = monthly_mass_budget
        self.lock = threading.RLock()
        self.departments: dict[int, SimDepartment] = {}
        self.members: dict[str, SimMember] = {}
        self.customers: dict[str, SimCustomer] = {}
        # (userid, external_userid) -> follow; a removed relation is simply gone, as in WeCom.
        self.follows: dict[tuple[str, str], SimFollow] = {}
        self.tag_groups: dict[str, SimTagGroup] = {}
        self.mass_tasks: dict[str, MassTask] = {}
        # (external_userid, "YYYY-MM") -> mass messages received that month.
        self.mass_received: dict[tuple[str, str], int] = {}
        self._counter = 0
        # Indexes over `follows`, kept in step by add_follow/remove_follow (100k customers).
        self._by_user: dict[str, set[str]] = {}
        self._by_customer: dict[str, set[str]] = {}

    # -- lookups ------------------------------------------------------------------------------

    def next_id(self, prefix: str) -> str:
        with self.lock:
            self._counter += 1
            return make_id(prefix, self.corp_id, "seq", self._counter)

    def customers_of(self, userid: str) -> list[str]:
        return sorted(self._by_user.get(userid, ()))

    def followers_of(self, external_userid: str) -> list[SimFollow]:
        follows = [
            self.follows[(u, external_userid)] for u in self._by_customer.get(external_userid, ())
        ]
        return sorted(follows, key=lambda f: (f.createtime, f.userid))

    def find_tag(self, tag_id: str) -> tuple[SimTagGroup, SimTag] | None:
        for group in self.tag_groups.values():
            for tag in group.tags:
                if tag.id == tag_id:
                    return group, tag
        return None

    def follow(self, userid: str, external_userid: str) -> SimFollow:
        found = self.follows.get((userid, external_userid))
        if found is None:
            raise SimError(84061, "not external contact")
        return found

    def follow_user_list(self) -> list[str]:
        return sorted(u for u, m in self.members.items() if m.follow_enabled and m.status == 1)

    # -- customer changes (the scenario API and callbacks use these) -------------------------

    def add_follow(
        self, customer: SimCustomer, userid: str, createtime: int, **extra: object
    ) -> None:
        with self.lock:
            if userid not in self.members:
                raise SimError(60111, f"userid not found: {userid}")
            self.customers.setdefault(customer.external_userid, customer)
            self.follows[(userid, customer.external_userid)] = SimFollow(
                userid,
                customer.external_userid,
                createtime,
                **extra,  # type: ignore[arg-type]
            )
            self._by_user.setdefault(userid, set()).add(customer.external_userid)
            self._by_customer.setdefault(customer.external_userid, set()).add(userid)

    def remove_follow(self, userid: str, external_userid: str) -> None:
        with self.lock:
            self.follow(userid, external_userid)
            del self.follows[(userid, external_userid)]
            self._by_user[userid].discard(external_userid)
            self._by_customer[external_userid].discard(userid)

    # -- tag rules ----------------------------------------------------------------------------

    def mark_tag(
        self, userid: str, external_userid: str, add: list[str], remove: list[str]
    ) -> None:
        with self.lock:
            if not add and not remove:
                raise SimError(40058, "add_tag and remove_tag are both empty")
            follow = self.follow(userid, external_userid)
            for tag_id in [*add, *remove]:
                if self.find_tag(tag_id) is None:
                    raise SimError(40068, f"invalid tagid: {tag_id}")
            follow.tag_ids = [t for t in follow.tag_ids if t not in remove]
            follow.tag_ids += [t for t in add if t not in follow.tag_ids]

    def add_tags(
        self, names: list[str], group_id: str | None, group_name: str | None, now: int
    ) -> SimTagGroup:
        with self.lock:
            if not names or any(not n or len(n) > 30 for n in names):
                raise SimError(40058, "tag names must be 1..30 characters")
            group = self.tag_groups.get(group_id or "")
            if group is None and group_id:
                raise SimError(40071, f"invalid group id: {group_id}")
            if group is None:
                group = next(
                    (g for g in self.tag_groups.values() if g.group_name == group_name), None
                )
            if group is None:
                group = SimTagGroup(self.next_id("et"), group_name or "未分组", now)
                self.tag_groups[group.group_id] = group
            existing = {t.name for t in group.tags}
            for name in names:
                if name not in existing:
                    group.tags.append(SimTag(self.next_id("et"), name, now, len(group.tags)))
            return group

    def edit_tag(self, id: str, name: str | None, order: int | None) -> None:
        with self.lock:
            target: SimTag | SimTagGroup | None = self.tag_groups.get(id)
            if target is None:
                found = self.find_tag(id)
                target = found[1] if found else None
            if target is None:
                raise SimError(40068, f"invalid tagid: {id}")
            if name is not None:
                if isinstance(target, SimTagGroup):
                    target.group_name = name
                else:
                    target.name = name
            if order is not None:
                target.order = order

    def delete_tags(self, tag_ids: list[str], group_ids: list[str]) -> None:
        with self.lock:
            if not tag_ids and not group_ids:
                raise SimError(40058, "tag_id and group_id are both empty")
            gone: set[str] = set()
            for gid in group_ids:
                group = self.tag_groups.pop(gid, None)
                if group is not None:
                    gone.update(t.id for t in group.tags)
            for group in self.tag_groups.values():
                gone.update(t.id for t in group.tags if t.id in tag_ids)
                group.tags = [t for t in group.tags if t.id not in tag_ids]
            # WeCom drops a group whose last tag was deleted.
            for gid in [g.group_id for g in self.tag_groups.values() if not g.tags]:
                del self.tag_groups[gid]
            for follow in self.follows.values():
                if gone.intersection(follow.tag_ids):
                    follow.tag_ids = [t for t in follow.tag_ids if t not in gone]

"""Enterprise mass messages (企业群发) in the simulator: tasks, confirmation, monthly budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from integrations.wecom.simulator.company import Company, MassTask, SimError

MAX_RECIPIENTS = 10_000
MAX_ATTACHMENTS = 9
# WeCom counts the natural month in China time.
CHINA = timedelta(hours=8)


def month_of(ts: int) -> str:
    return (datetime.fromtimestamp(ts, UTC) + CHINA).strftime("%Y-%m")


def create_task(
    company: Company,
    external_userids: list[str],
    text: str,
    sender: str | None,
    attachments: int,
    now: int,
    *,
    creator: str | None = None,
    create_type: int = 0,
) -> tuple[str, list[str]]:
    """add_msg_template: one task per member who follows each customer; returns (msgid, fail)."""
    if len(external_userids) > MAX_RECIPIENTS:
        raise SimError(41048, f"external_userid exceeds {MAX_RECIPIENTS}")
    if attachments > MAX_ATTACHMENTS:
        raise SimError(41049, f"attachments exceed {MAX_ATTACHMENTS}")
    if not text and not attachments:
        raise SimError(41050, "empty message")
    with company.lock:
        recipients: dict[str, dict[str, int]] = {}
        if sender is not None and sender not in company.members:
            raise SimError(60111, f"userid not found: {sender}")
        targets = external_userids or (company.customers_of(sender) if sender else [])
        fail: list[str] = []
        for ext in dict.fromkeys(targets):
            followers = [f.userid for f in company.followers_of(ext)]
            if sender is not None:
                followers = [u for u in followers if u == sender]
            if not followers:
                fail.append(ext)
                continue
            # Without a sender WeCom gives the task to the first member who added the customer.
            recipients.setdefault(followers[0], {})[ext] = 0
        msgid = company.next_id("msg")
        company.mass_tasks[msgid] = MassTask(
            msgid, text, now, recipients, sender=sender, creator=creator, create_type=create_type
        )
        return msgid, fail


def list_tasks(
    company: Company, start: int, end: int, creator: str | None, filter_type: int
) -> list[MassTask]:
    """get_groupmsg_list_v2's selection: created in [start, end], oldest first."""
    with company.lock:
        found = [
            t for t in company.mass_tasks.values()
            if start <= t.create_time <= end
            and (filter_type == 2 or t.create_type == filter_type)
            and (not creator or t.creator == creator)
        ]  # fmt: skip
    return sorted(found, key=lambda t: (t.create_time, t.msgid))


def task(company: Company, msgid: str) -> MassTask:
    found = company.mass_tasks.get(msgid)
    if found is None:
        raise SimError(41063, f"invalid msgid: {msgid}")
    return found


def confirm(company: Company, msgid: str, userid: str, now: int) -> dict[str, int]:
    """The member pressed send in the client: apply the friend check and the monthly budget."""
    with company.lock:
        mass = task(company, msgid)
        statuses = mass.recipients.get(userid)
        if statuses is None:
            raise SimError(60111, f"{userid} has no part in {msgid}")
        month = month_of(now)
        for ext, status in statuses.items():
            if status != 0:
                continue
            if (userid, ext) not in company.follows:
                statuses[ext] = 2
                continue
            used = company.mass_received.get((ext, month), 0)
            if used >= company.monthly_mass_budget:
                statuses[ext] = 3
                continue
            company.mass_received[(ext, month)] = used + 1
            statuses[ext] = 1
        mass.send_time[userid] = now
        return dict(statuses)


def remind(company: Company, msgid: str, now: int) -> None:
    """At most 3 reminders per msgid in 24 hours."""
    with company.lock:
        mass = task(company, msgid)
        recent = [t for t in mass.reminders if now - t < 86400]
        if len(recent) >= 3:
            raise SimError(41064, "remind limit reached (3 per 24 h)")
        mass.reminders = [*recent, now]


def member_status(mass: MassTask, userid: str) -> int:
    """1 once the member confirmed, else 0 (WeCom's get_groupmsg_task per-member status)."""
    return 1 if userid in mass.send_time else 0

"""A deterministic, realistic company for the simulator: `seed_company(customers=N, seed=S)`."""

from __future__ import annotations

import random

from integrations.wecom.simulator.company import (
    Company,
    SimCustomer,
    SimDepartment,
    SimMember,
    SimTag,
    SimTagGroup,
    make_id,
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
    "许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
SURNAME_PINYIN = {
    "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang",
    "赵": "zhao", "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu",
}  # fmt: skip
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫宇浩然子涵欣怡梓轩雨桐"
)
CITIES = [
    ("上海", 18), ("北京", 16), ("广州", 10), ("深圳", 12), ("杭州", 9), ("成都", 7), ("南京", 6),
    ("武汉", 6), ("苏州", 5), ("西安", 4), ("重庆", 4), ("天津", 3),
]  # fmt: skip
COMPANIES = ["腾飞科技", "华信贸易", "远航物流", "美佳装饰", "恒通电子", "新禾餐饮", "博雅教育"]
DEPARTMENTS = ["销售一部", "销售二部", "销售三部", "大客户部", "客服部"]
TAG_GROUPS = [
    ("客户等级", ["A类客户", "B类客户", "C类客户"]),
    ("意向程度", ["高意向", "中意向", "低意向"]),
    ("客户来源", ["官网", "展会", "转介绍", "抖音广告"]),
    ("产品兴趣", ["基础版", "专业版", "企业版", "增值服务"]),
]
# 2025-01-01T00:00:00+08:00: follow times are spread over the two years before it.
SEED_EPOCH = 1735660800
TWO_YEARS = 2 * 365 * 86400


def seed_company(
    customers: int = 200,
    seed: int = 1,
    *,
    staff: int | None = None,
    corp_id: str = "wwsimcorp0001",
    monthly_mass_budget: int = 4,
    lively_until: int | None = None,
) -> Company:
    """The same arguments always give the same company (ids, names, tags, follows).

    `lively_until` (a Unix time, the demo's "now") makes the company look alive at that time:
    follows over the two years before it with new ones in the last weeks, phone numbers and
    remarks salespeople would write, more channel codes. Without it the company is the fixed
    one tests count on (its random draws are unchanged: the extras draw from their own RNG)."""
    rng = random.Random(seed)
    company = Company(corp_id=corp_id, monthly_mass_budget=monthly_mass_budget)
    staff_count = staff if staff is not None else max(5, min(50, customers // 200))
    _seed_departments(company)
    _seed_members(company, rng, staff_count)
    _seed_tags(company, seed)
    _seed_customers(company, rng, customers, seed)
    if lively_until is not None:
        _liven(company, random.Random(f"{seed}:lively"), lively_until)
        _vary_channels(company, random.Random(f"{seed}:channels"))
    return company


LIVELY_STATES = ("", "", "", "官网活码", "展会2026", "门店海报", "抖音直播", "老客转介绍")
TITLES = ("先生", "女士", "总", "经理", "老师")
NOTES = ("", "", "老客户", "报价中", "对专业版感兴趣", "比价", "年底采购", "决策人")


def _liven(company: Company, rng: random.Random, until: int) -> None:
    """Follow times relative to `until` (15% in the last 60 days, so there are new customers),
    a mobile number on most relations, remarks like a salesperson's, varied channel codes."""
    for follow in company.follows.values():
        customer = company.customers[follow.external_userid]
        recent = rng.random() < 0.15
        span = 60 * 86400 if recent else TWO_YEARS
        follow.createtime = until - 3600 - rng.randrange(span)
        if rng.random() < 0.7:
            follow.remark_mobiles = [f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"]
        note = rng.choice(NOTES)
        title = rng.choice(TITLES)
        follow.remark = f"{customer.name[0]}{title}" + (f" {note}" if note else "")
        follow.state = rng.choice(LIVELY_STATES)


# How relations without a 渠道活码 began, roughly as a sales team's contacts do (WeCom's
# add_way codes: 1 a QR without a code, 2 phone search, 3 contact card, 4 group chat,
# 5 phone contacts, 6 WeChat contacts, 201 shared by a colleague, 202 assigned by an admin).
PLAIN_ADD_WAYS = ((1, 15), (2, 25), (3, 20), (4, 20), (5, 8), (6, 12), (201, 8), (202, 7))
# Codes of a link rather than a QR: a 获客链接 (add_way 16) placed in a live stream or an ad.
LINK_STATES = frozenset({"抖音直播"})


def _vary_channels(company: Company, rng: random.Random) -> None:
    """Add ways consistent with the channel codes: a relation with a 渠道活码 `state` came by
    its QR (1) or its 获客链接 (16); the others by the usual ways, in realistic shares."""
    codes, weights = zip(*PLAIN_ADD_WAYS, strict=True)
    for key in sorted(company.follows):
        follow = company.follows[key]
        if follow.state:
            follow.add_way = 16 if follow.state in LINK_STATES else 1
        else:
            follow.add_way = rng.choices(codes, weights)[0]


def _seed_departments(company: Company) -> None:
    company.departments[1] = SimDepartment(1, "星海科技有限公司", None, 0)
    for index, name in enumerate(DEPARTMENTS, start=2):
        company.departments[index] = SimDepartment(index, name, 1, index)


def _person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _seed_members(company: Company, rng: random.Random, count: int) -> None:
    dept_ids = [d for d in company.departments if d != 1]
    admin = SimMember("admin", "系统管理员", [1], [1])
    company.members[admin.userid] = admin
    admin.follow_enabled = False
    for index in range(count):
        dept = dept_ids[index % len(dept_ids)]
        name = _person_name(rng)
        prefix = SURNAME_PINYIN.get(name[0], "staff")
        userid = f"{prefix}{index + 1:03d}"
        # The first member placed in each department leads it.
        leader = [dept] if index < len(dept_ids) else []
        company.members[userid] = SimMember(userid, name, [dept], leader)


def _seed_tags(company: Company, seed: int) -> None:
    for order, (group_name, names) in enumerate(TAG_GROUPS):
        gid = make_id("et", company.corp_id, seed, "group", group_name)
        group = SimTagGroup(gid, group_name, SEED_EPOCH - TWO_YEARS, order)
        for tag_order, name in enumerate(names):
            tid = make_id("et", company.corp_id, seed, "tag", group_name, name)
            group.tags.append(SimTag(tid, name, SEED_EPOCH - TWO_YEARS, tag_order))
        company.tag_groups[gid] = group


def _seed_customers(company: Company, rng: random.Random, count: int, seed: int) -> None:
    sellers = [u for u, m in company.members.items() if m.follow_enabled]
    cities, weights = zip(*CITIES, strict=True)
    tag_pool = [(g.group_name, [t.id for t in g.tags]) for g in company.tag_groups.values()]
    for index in range(count):
        is_corp = rng.random() < 0.15
        customer = SimCustomer(
            external_userid=make_id("wm", company.corp_id, seed, "customer", index),
            name=_person_name(rng),
            type=2 if is_corp else 1,
            gender=rng.choices((0, 1, 2), (5, 48, 47))[0],
            unionid=make_id("o", seed, "union", index) if rng.random() < 0.6 else None,
            corp_name=rng.choice(COMPANIES) if is_corp else None,
            city=rng.choices(cities, weights)[0],
        )
        owners = [sellers[index % len(sellers)]]
        if rng.random() < 0.15:
            owners.append(rng.choice(sellers))
        for userid in dict.fromkeys(owners):
            tags = [rng.choice(ids) for _, ids in tag_pool if rng.random() < 0.45]
            company.add_follow(
                customer,
                userid,
                SEED_EPOCH - rng.randrange(TWO_YEARS),
                remark=customer.name,
                # No API field carries a city; sales staff conventionally write it here.
                description=f"城市:{customer.city}",
                tag_ids=tags,
                add_way=rng.choice((1, 2, 3, 201)),
                state=rng.choice(("", "", "官网活码", "展会活码")),
            )

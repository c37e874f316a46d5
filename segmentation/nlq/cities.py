# ruff: noqa: E501
# (word tables: one line per meaning reads better than wrapped strings)
"""The built-in list of Chinese cities (every prefecture-level city and prefecture, the
municipalities, Hong Kong, Macau and major Taiwan cities), with pinyin/English names."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.pinyin import city_syllables, syllables

# By province; names without the 市 suffix (the suffix is accepted when matching).
_CITIES = """
北京 天津 上海 重庆 香港 澳门 台北 高雄 台中 台南 新北 桃园 基隆 新竹 嘉义
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安盟 锡林郭勒盟 阿拉善盟
沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛
长春 吉林 四平 辽源 通化 白山 松原 白城 延边
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源
武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门 神农架
长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮
南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左
海口 三亚 三沙 儋州 琼海 万宁 文昌
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山
贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南
昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆
拉萨 日喀则 昌都 林芝 山南 那曲 阿里
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛
兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南
西宁 海东 海北 黄南 海南州 果洛 玉树 海西
银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子
义乌 昆山 江阴 张家港 常熟 慈溪 晋江 顺德
"""
# English names that are not plain pinyin.
_ENGLISH = {
    "香港": ("hong kong", "hongkong", "hk"),
    "澳门": ("macau", "macao"),
    "台北": ("taipei",),
    "高雄": ("kaohsiung",),
    "台中": ("taichung",),
    "北京": ("peking",),
    "广州": ("canton",),
    "西安": ("xi'an", "xian"),
    "海南州": ("hainan prefecture",),
    "拉萨": ("lhasa",),
    "乌鲁木齐": ("urumqi",),
    "呼和浩特": ("hohhot",),
    "哈尔滨": ("harbin",),
    # The initials sales staff type ("vips in sh", "bj customers"); initials two cities share
    # (sz: 深圳 or 苏州; hz: 杭州, 惠州 or 湖州) name both, so they are asked back.
    "上海": ("sh",),
    "重庆": ("cq",),
    "天津": ("tj",),
    "南京": ("nj",),
    "深圳": ("sz",),
    "苏州": ("sz",),
    "杭州": ("hz",),
    "惠州": ("hz",),
    "湖州": ("hz",),
}
_ENGLISH["北京"] += ("bj",)
_ENGLISH["广州"] += ("gz",)
# The provinces in the order of _CITIES' lines after the first (the first line holds the
# municipalities, Hong Kong, Macau and Taiwan), so a question back can offer their cities.
_LINE_PROVINCES = (
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林省",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
)
_HK_DISTRICTS = "九龙 新界 港岛 香港岛 九龙半岛 尖沙咀 旺角 铜锣湾 中环 湾仔 油尖旺 深水埗 黄大仙 观塘 沙田 荃湾 葵青 元朗 屯门 大埔 西贡 将军澳 离岛 大屿山"
_MACAU_DISTRICTS = "氹仔 路环 澳门半岛"
_REGION_CITIES = {
    "台湾": "台北 高雄 台中",
    "华东": "上海 杭州 南京",
    "华南": "广州 深圳 厦门",
    "华北": "北京 天津 石家庄",
    "华中": "武汉 长沙 郑州",
    "西南": "成都 重庆 昆明",
    "西北": "西安 兰州 乌鲁木齐",
    "东北": "沈阳 哈尔滨 长春",
    "江浙沪": "上海 杭州 苏州",
    # Economic regions: which cities belong to one differs by source (长三角 is 3 provinces
    # and a city, or 26 cities, or 41), so they are asked back, never expanded to a list.
    "长三角": "上海 杭州 南京 苏州 合肥",
    "长江三角洲": "上海 杭州 南京 苏州 合肥",
    "珠三角": "广州 深圳 佛山 东莞",
    "珠江三角洲": "广州 深圳 佛山 东莞",
    "大湾区": "广州 深圳 香港 澳门",
    "粤港澳大湾区": "广州 深圳 香港 澳门",
    "湾区": "广州 深圳 香港 澳门",
    "京津冀": "北京 天津 石家庄",
    "成渝": "成都 重庆",
    "江浙": "杭州 苏州 南京",
    "港澳": "香港 澳门",
    "港澳台": "香港 澳门 台北",
    "东南沿海": "上海 广州 厦门",
    # Districts of Hong Kong and Macau: customers' city is the city (香港, 澳门).
    **dict.fromkeys(_HK_DISTRICTS.split(), "香港"),
    **dict.fromkeys(_MACAU_DISTRICTS.split(), "澳门"),
}
# Every place the user may name that is not a city (provinces, Taiwan, regions), so the
# question back can say so and offer its cities.
PROVINCES = (*_LINE_PROVINCES, *_REGION_CITIES)
_PROVINCE_ENGLISH = {
    "内蒙古": ("inner mongolia",),
    "西藏": ("tibet",),
    "陕西": ("shaanxi",),
    "长三角": ("yangtze river delta",),
    "珠三角": ("pearl river delta",),
    "大湾区": ("greater bay area",),
    "九龙": ("kowloon",),
    "新界": ("new territories",),
    "港岛": ("hong kong island",),
    "尖沙咀": ("tsim sha tsui",),
    "旺角": ("mong kok", "mongkok"),
    "铜锣湾": ("causeway bay",),
}


# Fixed groups of cities said as one word: 北上广深 is exactly these four, so it is read as
# the list (restated city by city); 江浙沪 and the economic regions are not (asked back).
CITY_GROUPS = {
    "北上广深": "北京、上海、广州、深圳",
    "北上广": "北京、上海、广州",
    "北上深": "北京、上海、深圳",
    "京沪": "北京、上海",
    "京沪深": "北京、上海、深圳",
    "京沪广深": "北京、上海、广州、深圳",
    "广深": "广州、深圳",
    "沪杭": "上海、杭州",
}
_CITY_GROUP = lazy_pattern("|".join(sorted(CITY_GROUPS, key=len, reverse=True)))


def expand_city_groups(text: str, names: Callable[[], Container[str]] | None = None) -> str:
    """`text` with 北上广深 and the like written out as their cities (a company name of the
    same spelling, a tag 北上广 say, is left alone)."""
    if not any("\u4e00" <= c <= "\u9fff" for c in text):
        return text

    def spell(m: re.Match[str]) -> str:
        word = m.group(0)
        return word if names is not None and word in names() else CITY_GROUPS[word]

    return _CITY_GROUP.sub(spell, text)


@lru_cache(maxsize=1)
def province_cities() -> dict[str, tuple[str, ...]]:
    """Province or region → its main cities (the capital first), for questions back."""
    lines = [line.split() for line in _CITIES.strip().splitlines()]
    out = {p: tuple(line) for p, line in zip(_LINE_PROVINCES, lines[1:], strict=False)}
    out.update({k: tuple(v.split()) for k, v in _REGION_CITIES.items()})
    return {p: out.get(p, ()) for p in PROVINCES}


@lru_cache(maxsize=1)
def province_surfaces() -> dict[str, str]:
    """Every way of writing a province (normalised: 广东, 广东省, guangdong, Guangdong province)."""
    out: dict[str, str] = {}
    for name in PROVINCES:
        base = name.removesuffix("省")
        spelled = city_syllables().get(base) or syllables(base)
        latin = "".join(spelled)
        names = [base, base + "省", latin, f"{latin} province", *_PROVINCE_ENGLISH.get(base, ())]
        if name in _REGION_CITIES and not base.endswith("区"):
            names += [base + "区", base + "地区"]  # 新界区, 长三角地区
        if base != "江浙沪":
            names.append(" ".join(spelled))
        for surface in names:
            if surface not in city_surfaces():  # 吉林 is a city too: the city answers
                out.setdefault(surface, name)
    return out


@lru_cache(maxsize=1)
def city_names() -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in _CITIES.split():
        seen.setdefault(name, None)
    return tuple(seen)


# English names a reply shows instead of the pinyin (an _ENGLISH spelling longer than the
# initials); the former romanisations people still type are read, never shown.
_FORMER_NAMES = frozenset({"peking", "canton"})


def city_english(city: str) -> str:
    """A built-in city as English shows it: "Hong Kong", "Xi'an", "Harbin", else its pinyin
    ("上海" → "Shanghai"); a name the list does not have, as it is."""
    for name in _ENGLISH.get(city, ()):
        if len(name) > 2 and name not in _FORMER_NAMES:
            return " ".join(word[:1].upper() + word[1:] for word in name.split())
    spelled = city_syllables().get(city_base(city))
    return "".join(spelled).capitalize() if spelled else city


def field_cities(key: str) -> tuple[str, ...]:
    """The listed cities a stored city field (normalised) names. The 市 suffix counts on
    every city here (广州市, 苏州市): the chat's surfaces leave it off two-character 州
    names so that 杭州市场 reads as 杭州 + 市场, which a whole field never is."""
    surfaces = city_surfaces()
    found = surfaces.get(key, ())
    if not found and key.endswith("市"):
        found = surfaces.get(key[:-1], ())
    return found


@lru_cache(maxsize=1)
def listed_cities() -> frozenset[str]:
    return frozenset(city_names())


def city_base(city: str) -> str:
    """The part of a city's name its pinyin is written for."""
    return city[:-1] if city.endswith("州") and city == "海南州" else city


@lru_cache(maxsize=1)
def city_surfaces() -> dict[str, tuple[str, ...]]:
    """Every way of writing a city (normalised) → the canonical Chinese names it may mean
    (pinyin can mean several: Suzhou is 苏州 or 宿州)."""
    out: dict[str, list[str]] = {}

    def add(surface: str, city: str) -> None:
        bucket = out.setdefault(surface, [])
        if city not in bucket:
            bucket.append(city)

    for city in city_names():
        add(city, city)
        if not city.endswith(("盟", "州")) or len(city) > 2:
            add(city + "市", city)
        pinyin = city_syllables().get(city_base(city)) or syllables(city_base(city))
        add("".join(pinyin), city)
        add(" ".join(pinyin), city)
        for english in _ENGLISH.get(city, ()):
            add(english.replace("'", ""), city)
    return {k: tuple(v) for k, v in out.items()}

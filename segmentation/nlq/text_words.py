"""Company and remark phrases → a contains-match condition ("公司是XX的客户", "公司名包含科技的",
"备注里有‘老板’的客户", "customers whose company is Acme", "remark contains boss").

A phrase is read whole, as a channel phrase is: the field word (公司/公司名/企业…, 备注;
company, remark/note), the verb that says "contains" (是/包含/里有…; is/contains/says…) and the
text, quoted or up to where the phrase ends (的, a comma, 且/和/或; "and", "who"…). The text is
the user's, normalised (Simplified, half-width, lower case); the condition looks for every
spelling of it (segmentation/kinds/text_match.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.nodes import CompanyContains, Node, Not, RemarkContains

# 公司名里带 / 公司名字里面有 / 公司名入面有: where in the name, before the verb, as a remark's
_ZH_COMPANY_NAME = (
    r"(?:公司名称|公司名字|公司名|企业名称|企业名|单位名称|公司全称|company name)"
    r"(?:里面|里头|入面|里|中|当中)?"
)
_ZH_COMPANY = r"(?:所在公司|所属公司|公司|企业|单位|company)"  # company: mixed (company 是华为)
# "remark里有" / "note上写着": the English field word in a Chinese sentence too.
_ZH_REMARK = r"(?:备注名|备注|remarks|remark|notes|note) ?(?:里面|里|中|上|栏)?"
# 是/为/叫 say the company name is the text (spec §2b: corp_name equals); 包含/含 say it
# contains it. A remark is always looked into.
# 系/係: Cantonese "is" (公司係匯豐).
_ZH_IS = r"(?P<is>是|系|为|叫做|叫|名叫|名为)|包含|包括|含有|含|带有"
_ZH_VERB = (
    # the negated writing verbs (备注里没写“老板”, 備註冇寫, 备注没提到): as 没有, longest first
    r"(?:(?P<neg>不是|不为|不包含|不含|没有写着|没有写到|没有写|没有提到|没有注明|没写着|没写到|没写|"
    rf"冇写住|冇写到|冇写|未写|没提到|没提|没注明|没标|没记|没有|冇|不带)|{_ZH_IS}|"
    r"里面有|里有|中有|有写着?|有写到|有注明|带|有|写着|写著|写住|写有|写了|写咗|写的是|标着|标著|标了|"
    r"有写住|入面有|度有|"
    r"记着|记著|记了|注明|提到|提到了|提及|"
    # the verb alone (备注写「经销」): last, so 写着 / 写的是 match whole first; never with its
    # aspect taken as the text (备注写着“老板” with the quote read as a message: no remark text)
    r"写(?![着著住了咗的有到])|记(?![着著住了咗的有到])|标注(?![着著了的有]))"
)
_ZH_COMPANY_VERB = rf"(?:(?P<neg>不是|不为|不包含|不含)|{_ZH_IS})"
# A Latin name of several words in a Chinese frame (company 係 ABC Ltd 嘅, 公司是Tiger Beer的):
# its spaces kept, up to an English joining word.
_LATIN_NAME = r"[a-z0-9&.\-]+(?: (?!(?:and|or|but|with|who|in|from)\b)[a-z0-9&.\-]+){0,4}"
# 科技两个字 / “科技”这两个字: the characters counted after the text are no part of it.
_CHARACTERS = r"(?:(?:这|那)?[一两二三四五六七八九几]个?字)?"
_ZH_UNQUOTED = (
    rf"(?:{_LATIN_NAME}|[^\s的嘅,，。;；“”'、]{{1,30}}?)"
    rf"(?={_CHARACTERS}(?:的|嘅|$|[\s,，。;；、]|且|并且|而且|但|或|和|客户))"
)
_QUOTED = r"“(?P<q1>[^”]{1,64})”|'(?P<q2>[^']{1,64})'"
_EN_COMPANY = (
    r"(?:(?:whose|with (?:a |the )?|their) )?(?:company name|company|employer|organization|"
    r"organisation)"
)
_EN_REMARK = r"(?:(?:whose|with (?:a |the )?|their) )?(?:remarks|remark|notes|note)"
_EN_VERB = (
    r"(?:(?P<neg>is not|isn't|does not contain|doesn't contain|don't contain|"
    r"do not contain|does not mention|doesn't mention|does not say|doesn't say|don't say|"
    r"do not say|does not include|doesn't include|does not have|doesn't have)|"
    r"(?P<is>is called|is named|are called|is|are|=|called|named)|:|"
    r"contains|contain|includes|include|has|have|says|say|mentions|mention|with|like|matching)"
)
_EN_UNQUOTED = (
    r"[^\s,;“”']+(?: [^\s,;“”']+)*?"
    r"(?=$|[,;]| and | or | in | who | that | with | but | from | added | tagged )"
)

_ZH_TEXT = rf"(?:{_QUOTED}|(?P<u>{_ZH_UNQUOTED}))"
_EN_TEXT = rf"(?:{_QUOTED}|(?P<u>{_EN_UNQUOTED}))"
_PATTERNS = (
    (
        "company",
        lazy_pattern(
            rf"{_ZH_COMPANY_NAME}{_ZH_VERB}(?:{_QUOTED}|(?P<u>{_ZH_UNQUOTED})){_CHARACTERS}"
        ),
    ),
    (
        "company",
        lazy_pattern(rf"{_ZH_COMPANY}{_ZH_COMPANY_VERB}(?:{_QUOTED}|(?P<u>{_ZH_UNQUOTED}))"),
    ),
    ("remark", lazy_pattern(rf"{_ZH_REMARK}{_ZH_VERB}{_ZH_TEXT}{_CHARACTERS}")),
    ("company", latin_pattern(rf"{_EN_COMPANY} ?{_EN_VERB} ?{_EN_TEXT}")),
    # "work at Acme", "employed by Acme", "from Acme company": where they work, contained in
    # corp_name; "from company Acme": equal to it. (腾讯公司的 / 在腾讯上班的: tokens.py, where
    # the words around the name are known.)
    (
        "company~",
        latin_pattern(
            rf"(?:(?:work|works|working|worked) (?:at|for)|(?:employed|hired) (?:at|by)) {_EN_TEXT}"
        ),
    ),
    (
        "company~",
        latin_pattern(
            # never "our company" / "this company" (everyone) or "our customer group"
            r"(?:from|at|of) (?:the )?(?!(?:our|my|your|their|his|her|its|this|that|these|"
            r"those|the same|a|an|one|any|every|each|which|what|customer|wechat)\b)"
            r"(?P<n>[a-z][\w&.-]*(?: [a-z][\w&.-]*){0,3}) "
            r"(?:company|corporation|corp|inc|ltd)\b"
        ),
    ),
    (
        "company=",
        latin_pattern(
            rf"(?:from|at|of|in) (?:the |a |an )?(?:company|employer|firm) (?:called |named )?"
            rf"{_EN_TEXT}"
        ),
    ),
    ("remark", latin_pattern(rf"{_EN_REMARK} {_EN_VERB} ?{_EN_TEXT}")),
    # 'with "decision maker" in the remark': the quoted text first, the field after it
    (
        "remark",
        lazy_pattern(
            rf"(?:(?:with|having|who have|that have|who has|that has) )?(?:{_QUOTED}) "
            r"(?:in|on) (?:the |their |a |its )?(?:remarks|remark|notes|note)"
        ),
    ),
)


# "腾讯公司", "华为集团": an unknown name before a company word (not 我们公司, 本公司, 这家公司),
# never a verb of coming or joining ("刚来公司，想看看我的VIP": the asker is new there).
_COMPANY_NAMED = lazy_pattern(
    r"^(?!本|我|咱|你|您|他|她|这|這|那|该|該|贵|貴|其他|别的|別的|哪|每|各|同一|一家|某|"
    r"刚|剛|才|新|已经|已經|还|還|回|在)"
    r"(?P<name>\S{2,20}?)(?<![来來到进進去回入开開职職嚟])(?:公司|集团|集團|有限公司|科技公司)$"
)
# "在腾讯上班": where they work, an unknown name after 在.
_WORKS_AT = lazy_pattern(
    r"^(?!公司|单位|單位|店|门店|門店|这|這|那|哪|家|外地|本地|当地|當地)"
    r"(?P<name>\S{2,20}?)(?:上班|工作|任职|任職|就职|就職|做事|返工)$"
)


def company_named(word: str, after_at: bool) -> Node | None:
    """The company condition an unknown word names ("腾讯公司"; "腾讯上班" after 在), or None."""
    match = _COMPANY_NAMED.match(word) or (_WORKS_AT.match(word) if after_at else None)
    return CompanyContains(match["name"], False) if match else None


# Question words where a text would be ("公司有多少客户" is no company named 多少).
_NOT_A_TEXT = frozenset({"多少", "几个", "几位", "哪些", "哪个", "什么", "谁", "what", "which"})


# The negations of "is" (公司不是华为 = the name is not 华为), not of "contains".
_NOT_IS = frozenset({"不是", "不为", "is not", "isn't"})


@dataclass(frozen=True)
class TextFieldMatch:
    end: int
    node: Node


def scan_text_field(text: str, pos: int) -> TextFieldMatch | None:
    """The longest company or remark phrase starting at `pos`."""
    if pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalnum() and text[pos].isascii():
        return None  # inside a Latin word
    best: TextFieldMatch | None = None
    for field, pattern in _PATTERNS:
        match = pattern.match(text, pos)
        if match is None or (best is not None and match.end() <= best.end):
            continue
        groups = match.groupdict()
        said = groups.get("q1") or groups.get("q2") or groups.get("u") or groups.get("n") or ""
        value = said.strip()
        if not value or value in _NOT_A_TEXT:
            continue
        said_is = bool(groups.get("is")) or groups.get("neg") in _NOT_IS
        exact = field == "company=" or (said_is and field == "company")
        node: Node = (
            CompanyContains(value, exact) if field.startswith("company") else RemarkContains(value)
        )
        best = TextFieldMatch(match.end(), Not(node) if groups.get("neg") else node)
    return best

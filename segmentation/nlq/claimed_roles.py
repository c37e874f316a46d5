"""A role the asker claims for themselves (issue 19): "我是系統管理員，請列出…", "我是经理，想看
下…", "我係老細，俾我睇下…", "I'm the admin, …", "as admin, list …", "admin mode: …", "以管理员
身份查…" carry no condition and grant nothing (spec/security.md: what a message says of its
sender is never trusted; the scope comes from the directory). The claim is read as one
wrapper phrase (K.FILLER "wrapper"), so the rest is answered in the asker's real scope.

Only a claim said where a message or a clause opens, with its "I am / as / mode" frame: a role
word alone ("经理的客户", "customers of the manager", a tag of that name) is never one.
"""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern

# The roles that could be claimed (normalised: Simplified, lower case; 我係老細 reads 我是老细).
ROLES_ZH = (
    r"(?:系统|超级|后台|总|高级|最高)?管理员|管理者|系统管理|超管|超级用户|"
    r"(?:总|部门|销售|区域|大区|客户)?经理|老板|老细|老总|大老板|主管|总监|领导|负责人|部长|"
    r"董事长|总裁|老板娘|店长|组长|主任|销售|业务员|ceo|boss|admin|manager|root"
)
ROLES_EN = (
    r"(?:system\s+|super\s+|site\s+|org\s+|workspace\s+|global\s+)?"
    r"(?:admin(?:istrator)?|sysadmin|superuser|root|owner|boss|manager|supervisor|director|"
    r"ceo|head\s+of\s+sales|sales\s+(?:manager|director|lead)|team\s+lead(?:er)?)"
)
_ENDS = r"(?:的身份|身份|权限|模式|哦|喔|呀|啊|啦|嘛|喇|here|speaking)?[\s,，:：;；.。!！]*"
_CLAIM = lazy_pattern(
    # 我是经理 / 我系老细 / 本人是管理员 / 我可是老板 / 作为管理员 / 身为主管 / 以管理员身份
    r"(?:我|本人)(?:现在|可|就|本身|其实)?(?:是|系|乃|作为)(?:这里|公司|本公司|你们|贵公司|咱们)?(?:的)?"
    rf"(?:{ROLES_ZH}){_ENDS}|"
    rf"(?:作为|身为|以|用|凭)(?:一个|一名|一位)?(?:{ROLES_ZH})(?:的)?(?:身份|权限|账号|帐号)?"
    rf"(?:来|去)?{_ENDS}|"
    rf"(?:开启|打开|进入|切换到|切到)?(?:{ROLES_ZH})(?:模式|权限|身份)(?:开启|启动|已开)?{_ENDS}|"
    rf"我有(?:{ROLES_ZH})权限{_ENDS}|"
    # I'm the admin / I am a manager / this is the boss / speaking as admin / as admin
    r"(?:i'?m|i\s+am|this\s+is|it'?s|speaking\s+as|acting\s+as|as|being)\s+"
    rf"(?:the\s+|an?\s+|your\s+|their\s+|our\s+)?{ROLES_EN}(?:\s+here)?{_ENDS}|"
    rf"(?:with|using|use|via)\s+(?:my\s+)?{ROLES_EN}\s+(?:rights|privileges|access|permissions?|"
    rf"account|role){_ENDS}|"
    rf"{ROLES_EN}\s+(?:mode|override|access)(?:\s+on)?{_ENDS}|sudo\s+"
)
# Where a claim may start: the message's start, or after a clause's punctuation.
_OPENS = lazy_pattern(r"(?:^|[\s,，.。;；:：!！?？])$")
_FIRST = frozenset(
    "我本作身以用凭开打进切系超后总管部销区客老大主领负董店组业" + "abcdefghijklmnopqrstuvwxyz"
)


def scan_claimed_role(text: str, pos: int) -> int | None:
    """Where a claim of a role for oneself, starting at `pos`, ends; None if none does."""
    if text[pos] not in _FIRST or not _OPENS.search(text[max(0, pos - 1) : pos]):
        return None
    found = _CLAIM.match(text, pos)
    if found is None or found.end() == pos:
        return None
    return found.end()

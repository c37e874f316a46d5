"""Going back to an earlier answer of the conversation: "回到刚才那6个人", "前面那个名单",
"上一个结果", "返返頭嗰6個", "剛才那幾位", "of those four", "those 6 again", "back to the first
list", "the previous results" (spec/commands.md §2c, issue 19).

An earlier list is named by its size ("那6个人", "those four") or by its place in the
conversation ("第一个名单", "the first list"; "刚才/上一个/the previous list": the one before
the list now shown). This module only finds the words and says what is left to ask of that
list, with a plain pointer ("这些" / "those") where the words stood, so the ordinary
refinement reads it; which list it is, and asking back when none or several fit, is the
chat's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from segmentation.nlq.followup import read_follow_up
from segmentation.nlq.lazy_re import lazy_pattern

FIRST = 1  # positions count from 1: the first list of the conversation
PREVIOUS = 0  # "上一个结果", "回到刚才那批", "the previous list": the list before the one shown
JUST = -1  # "刚才那批", "剛才那幾位" (no going back said): the list just shown, as "these" is
RANKING = -3  # "回到刚才的排名", "back to the ranking": the latest ranking answered
# "回到上一步", "返回", "undo that", "退返上一步": one step back — the answer shown before the
# last change (a swap, a refinement), whatever list it was; going back again steps further.
STEP = -2
# "回到上海那个名单", "刚才VIP那份", "back to the Shanghai list", "the VIP ones again": the
# latest list whose conditions include those the words name (`label`).
DESCRIBED = -4
# "刚才那个表", "回到按城市那张表", "the breakdown again": the latest table answered.
TABLE = -5
# "back to the full list", "回到完整名单", "返去原本嗰份": the answer the one shown narrowed,
# before any narrowing (its first ancestor in the conversation).
FULL = -6
_FULL_WORDS = frozenset(
    {"full", "whole", "entire", "complete", "original", "unfiltered", "initial"}
    | {"完整", "全部", "整个", "整個", "原来", "原來", "原本", "最初", "本来", "本來"}
    | {"成个", "成個", "全个", "全個", "所有"}
)

_NUM_ZH = {"一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9, "十": 10}  # fmt: skip
_NUM_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
           "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
           "nineteen": 19, "twenty": 20}  # fmt: skip
_ORDINAL_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1,
               "2nd": 2, "3rd": 3, "original": 1, "initial": 1}  # fmt: skip

# Going back, in either script and in Cantonese (返返頭 "back to the start", 睇返 "look again").
_BACK_ZH = (
    r"(?:回到|回去看|回去|返回到|返回|退回到|退回|倒回|回头看|回頭看|回看|返返頭|返返头|返返去|返去|"
    r"翻返去|翻去|返翻去|翻回到|翻回去|翻回|翻看|揭返|揭回|还是|還是|"
    r"翻返|返番|重新看看|重新看|再看看|再看一下|再看|看回|睇返|睇番|再睇|换回|換回|切回|还是看|還是看|"
    # shown again: "再给我看下", "再俾我睇下", "重新幫我列一下", "再show一次"
    r"(?:再|重新)\s*(?:给我|給我|俾我|畀我|帮我|幫我)?\s*(?:看|睇|show|列出|列|拉)"
    r"(?:一下|下|一次|一遍|返|番|看|出来|出來)?|"
    r"(?i:go\s+back\s+to|back\s+to|return\s+to))"
)
# When: just now, before, at first (the first ones name a place: the first list).
_JUST_ZH = r"(?:刚才|剛才|刚刚|剛剛|之前|前面|上面|先前|早先|原来|原來|头先|頭先|啱啱|啱先|上次)"
# "Just now" alone: the list just shown; 之前/前面/上次 say "before it".
_JUST_NOW_ZH = r"(?:刚才|剛才|刚刚|剛剛|头先|頭先|啱啱|啱先|上面)"
_START_ZH = r"(?:最开始|最開始|一开始|一開始|最早|最初|开头|開頭|起初|开始|開始)"
_THAT_ZH = r"(?:那个|那個|嗰个|嗰個|那些|嗰啲|那|嗰|这个|這個|这|這|呢个|呢個)"
_COUNT_ZH = (
    r"(?:\d{1,3}|十[一二三四五六七八九]?|[二两兩三四五六七八九]十[一二三四五六七八九]?|"
    r"[一二两兩三四五六七八九])"
)
_MEASURE_ZH = r"(?:个|個|位|名)"
_PEOPLE_ZH = r"(?:人|客户|客戶|顾客|顧客|客人|客|用户|用戶)"
_LIST_ZH = (
    r"(?:名单|名單|结果|結果|列表|清单|清單|批人|批客户|批客戶|批客|批|份名单|份名單|组人|組人|"
    r"几位|幾位|几个人|幾個人|几个|幾個|些人|些客户|些客戶|啲人|啲客|份|张|張)"
)
_PLACE_ZH = r"(?:第(?P<nth>[一二三四五1-5])|上|前|最后|最後)"

# Two or three said in one word (这俩, 那仨, 呢兩個 is read by its number): a count like any other.
_PAIR_ZH = r"(?:俩|倆|仨)"
_PAIRS = {"俩": 2, "倆": 2, "仨": 3}
# What is left of a list, said before its size ("剩下这仨里女的", "剩低嗰兩個"): the list of that
# size, as the size alone says it (which one, when none or several fit, is asked back).
_LEFT_ZH = lazy_pattern(r"^(?:剩下|剩低|剩返|剩余|剩餘|余下|餘下)(?:的|嘅)?\s*$")
# 回到刚才那6个人 / 返返頭嗰6個 / 前面那6个客户 / 刚才的6个人 / 那6个人 (only first in the message)
# 回到上海那7个人: a word that describes the list before 那 (which list is still told by size)
_COUNTED_ZH = lazy_pattern(
    rf"(?P<back>{_BACK_ZH})?\s*(?P<when>{_JUST_ZH}|{_START_ZH})?\s*(?:的)?\s*"
    rf"(?:(?P<label>(?:(?!{_JUST_ZH}|{_START_ZH}|{_BACK_ZH}|给|給|把|对|對|帮|幫)"
    r"[\u4e00-\u9fffA-Za-z]){1,8}?)\s*(?=那|嗰))?"
    rf"(?P<that>{_THAT_ZH})?\s*(?:(?P<n>{_COUNT_ZH})\s*{_MEASURE_ZH}|(?P<pair>{_PAIR_ZH}){_MEASURE_ZH}?)"
    rf"\s*{_PEOPLE_ZH}?"
)
# 刚才那批 / 前面那个名单 / 剛才那幾位 / 最开始那个名单 / 第一个名单 / 上一个结果
_PLACED_ZH = lazy_pattern(
    rf"(?P<back>{_BACK_ZH})?\s*(?:(?P<when>{_JUST_ZH}|{_START_ZH})\s*(?:的|{_THAT_ZH})?|"
    rf"{_THAT_ZH}?\s*{_PLACE_ZH}\s*(?:一)?\s*(?:个|個|次|份|张|張)?\s*(?:的)?)\s*{_LIST_ZH}"
    # 上次那批券 / 上次嗰批優惠券: the last campaign's coupons (a condition), no list gone back to
    r"(?!\s*(?:的|嘅)?\s*(?:券|优惠券|優惠券|代金券|現金券|现金券|红包|紅包|coupon))"
)

_NUMBER_EN = r"(?:\d{1,3}|" + "|".join(sorted(_NUM_EN, key=len, reverse=True)) + ")"
_BACK_EN = (
    r"(?:go(?:ing)?\s+back\s+to|get\s+back\s+to|back\s+to|return\s+to|revisit|show\s+(?:me\s+)?|"
    r"回到|回去看|返回|返去|返返去|睇返|再看)"
)
_PEOPLE_EN = (
    r"(?:customers|people|ones|clients|contacts|names|guys|folks|"
    r"(?:个|個|位)?\s*(?:人|客户|客戶)|个|個|位)"
)
_BEFORE_EN = (
    r"(?:from\s+before|from\s+earlier|from\s+the\s+start|earlier|before|again|you\s+showed(?:\s+me)?|"
    r"we\s+had|from\s+the\s+first\s+(?:list|answer))"
)
# those four / these 6 customers / back to the 6 / the four from before
_COUNTED_EN = lazy_pattern(
    rf"(?:(?P<back>{_BACK_EN})\s*)?(?:(?P<those>those|these)|the)\s+"
    r"(?:(?P<pos>previous|earlier|original|first|other|last)\s+)?"
    rf"(?P<n>{_NUMBER_EN})"
    rf"(?:\s+{_PEOPLE_EN})?(?:\s+(?P<before>{_BEFORE_EN}))?\b",
    re.I,
)
# the first list / the previous results / the list before / the earlier answer
_LIST_EN = r"(?:list|results?|answer|set|batch|segment|group|lot|query|ones)"
_PLACED_EN = lazy_pattern(
    rf"(?:(?P<back>{_BACK_EN})\s*)?(?:the\s+|that\s+)?"
    rf"(?:(?P<pos>first|second|third|fourth|fifth|1st|2nd|3rd|original|initial|previous|last|"
    rf"earlier|prior|old|other)\s+{_LIST_EN}|{_LIST_EN}\s+(?:from\s+)?before(?:\s+that)?)"
    rf"(?:\s+(?:again|from\s+before|you\s+showed(?:\s+me)?))?\b",
    re.I,
)

# One step back, in every script and register: "回到上一步", "退返上一步" (Cantonese), "返回上一個"
# (Taiwan), "撤销", "改回去", "undo that", "go back", "back to the previous one", "undo 一下".
_STEP_ONE_ZH = (
    r"(?:上一步|上一個|上一个|上一轮|上一輪|上一次|上步|前一步|前一個|前一个|"
    r"改之前(?:的|嘅|那个|那個|嗰个|嗰個)?|改動之前|改动之前|之前(?:的|嘅)?(?:那个|那個|嗰个|嗰個))"
)
_STEP_VERB_ZH = (
    r"(?:回到|回去|回|返回到|返回去|返回|退回到|退回|退返去|退番去|回返去|退返|退番|退翻|退|返去|返返去|返返|返|倒回|回退|后退|後退|"
    r"撤销到|撤銷到|还原到|還原到|恢复到|恢復到|变返|變返|转返|轉返)"
)
_STEP_ALONE_ZH = (
    # "退返一步" (Cantonese), "退後一步" (Taiwan), "倒退一步": a step said with its verb
    r"(?:(?:退返|退番|退翻|退後|退后|倒退|往回退|往後退|往后退|后退|後退)\s*一步|返回|回去|退回去|退回|倒回去|回退|后退|後退|退一步|退返去|退返|返去|返返去|返轉頭|返转头|返返轉頭|返返转头|"
    # the last change named: "撤销最后一步", "去掉刚才加的条件", "撤銷頭先嗰個篩選"
    r"(?:撤销|撤銷|撤回|撤消|去掉|删掉|刪掉|拿走|拿掉|不要|唔要|唔使)(?:掉)?(?:最后|最後|刚才|剛才|刚刚|剛剛|头先|頭先|啱啱|上一个|上一個|上一步)"
    r"(?:那|嗰)?(?:一个|一個|个|個)?(?:加的|加嘅|加上的|加上嘅|新加的|新加嘅|的|嘅)?"
    r"(?:筛选|篩選|条件|條件|过滤|過濾|一步|步骤|步驟|步|修改|改动|改動)|"
    r"撤销|撤銷|撤回|撤消|还原|還原|复原|復原|恢复原样|恢復原樣|改回去|改回來|改回来|改返|"
    r"换回去|換回去|换回来|換回來|转返去|轉返去|变返|變返)"
    r"(?:一下|下|吧|啦|喇|先|嘅|刚才|剛才|上一步|的改动|的改動|改动|改動|修改|操作)*"
)
_STEP_EN = (
    r"(?:(?:undo|remove|drop|take\s+off|take\s+back|revert)\s+(?:the\s+|that\s+)?(?:last|latest|previous)\s+"
    r"(?:filter|condition|step|change|refinement|narrowing)|"
    r"(?:let'?s\s+)?undo(?:\s+(?:that|it|this|(?:the\s+)?last\s+(?:change|step|one)))?|"
    r"one\s+step\s+back|back\s+up\s+(?:one|a|1)\s+step|(?:go\s+)?back\s+1\s+step|"
    r"revert(?:\s+(?:that|it|this|the\s+last\s+change))?|take\s+that\s+back|"
    r"step\s+back|(?:let'?s\s+)?(?:go\s+)?back(?:\s+(?:one\s+step|a\s+step))?"
    r"(?:\s+to\s+(?:the\s+)?(?:previous|last|one\s+before|earlier)(?:\s+(?:one|step|list|result|answer))?)?|"
    r"(?:the\s+)?previous\s+(?:one|step)|the\s+one\s+before)"
)
_STEP = lazy_pattern(
    rf"\s*(?:{_STEP_VERB_ZH}\s*{_STEP_ONE_ZH}|{_STEP_ONE_ZH}|"
    # "回到之前的", "返去之前嘅": before, with the verb and nothing after it
    rf"{_STEP_VERB_ZH}\s*(?:之前|先前)(?:的|嘅)?(?=\s*(?:$|[,，。.!！?？]))|"
    # "回到刚才那个", "返去頭先嗰個": the one just before, with the verb and nothing after it
    # (before the verb alone: 返去 is a step back by itself)
    rf"{_STEP_VERB_ZH}\s*(?:刚才|剛才|刚刚|剛剛|头先|頭先|啱先|啱啱)(?:的|嘅)?"
    rf"(?:那个|那個|嗰个|嗰個|那一个|那一個)(?=\s*(?:$|[,，。.!！?？]))|{_STEP_ALONE_ZH}|"
    rf"(?i:{_STEP_EN})(?![A-Za-z]))\s*(?:一下|下|吧|啦|喇|先|嘅|的|吖|呀|啊|嘛|咯|la|please|pls|again|"
    # "undo返上一步", "go back 上一步"
    r"返上一步|回上一步|到上一步|上一步)*"
    r"(?![A-Za-z])",
)

# Several steps back ("回到上两步", "退兩步", "返去兩步之前", "上上一步", "撤销两次", "go back two
# steps", "two steps back", "undo twice", "undo the last 2 changes"): STEP, that many times.
_N_ZH = r"(?:[2-9]|[两兩二三四五六七八九])"
_STEPS_ZH = (
    rf"(?:{_STEP_VERB_ZH}|往回退|往回|往后退|往後退|倒退|退后|退後)?\s*"
    rf"(?:(?:上|前){_N_ZH}\s*(?:步|个步骤|個步驟|次)(?:之前|以前|前)?|"
    rf"{_N_ZH}\s*(?:步|个步骤|個步驟)(?:之前|以前|前)?|"
    r"上上(?:一)?步)"
    r"(?:的|嘅)?(?:结果|結果|名单|名單|列表)?"
)
_STEPS_UNDO_ZH = rf"(?:撤销|撤銷|撤回|撤消|undo|还原|還原)\s*{_N_ZH}\s*(?:次|步|下)"
_N_EN = r"(?:[2-9]|two|three|four|five|six)"
_STEPS_EN = (
    rf"(?:(?:go|step|move|jump)\s+)?back\s+{_N_EN}\s+(?:steps?|changes?|times)|"
    rf"{_N_EN}\s+steps?\s+back|"
    rf"(?:go|step)\s+back\s+(?P<twice>twice|thrice)|"
    rf"undo\s+(?:(?P<twice2>twice|thrice)|{_N_EN}\s+times|"
    rf"the\s+last\s+{_N_EN}(?:\s+(?:changes|steps|ones))?)|"
    rf"revert\s+the\s+last\s+{_N_EN}(?:\s+(?:changes|steps))?"
)
_STEPS = lazy_pattern(
    rf"\s*(?:{_STEPS_ZH}|{_STEPS_UNDO_ZH}|(?i:{_STEPS_EN})(?![A-Za-z]))"
    r"\s*(?:一下|下|吧|啦|喇|先|嘅|的|please|pls|again)?(?![A-Za-z])",
)
_TIMES_EN = {"twice": 2, "thrice": 3}

_EDGES = " \t,，、:：;；.。!！?？~～-–—"
# What may be left when nothing else is asked: show that list again.
_NOTHING_LEFT = lazy_pattern(
    r"^(?:(?:好的|好吧|好|嗯|okay|ok|so|and|now|then|alright|那么|那麼|那|咁|请|請|please|pls|"
    r"again|一次|再|一下|下|吧|啦|呢|看看|看|睇|睇下|显示|顯示|列出来|列出來|列一下|列晒|列|show|list|"
    # sent again: "再发我一遍", "再發一次", "再俾我睇多次", "send it again"
    r"(?:再|重新)?(?:发|發|传|傳|send|俾|畀|给|給)(?:我|俾我|畀我|给我|給我|me|it|it\s+to\s+me)?(?:一遍|一次|一下|多次|多一次|一轮|again)?|"
    r"多次|一遍|重发|重發|"
    r"me|them|those|these|这些|這些|这些人|這些人|的|嘅|名单|名單|let'?s\s+see|can\s+i\s+see|"
    r"have\s+a\s+look|look\s+at|go|back|to|去|返|return|"
    # a particle or a question word closing a request: "可以返上一步嗎", "上一個結果呀"
    r"吗|嗎|呀|吖|啊|嘛|咯|喇|嘞|la|好吗|好嗎|得唔得|可以吗|可以嗎|ok|okay|thanks|thx)[\s,，。.!！?？]*)*$",
    re.I,
)
# Acknowledgements and chaining words before the going back ("好，回到…", "ok, back to …").
_LEAD = lazy_pattern(
    r"^(?:\s*(?:好的|好吧|好|嗯|行|那么|那麼|那|咁|okay|ok|so|and|now|then|alright|right|"
    # a request's wrapper or an apology: "我想返上一步", "唔該返上一步", "can we go back"
    r"我想|想|可以|可唔可以|可不可以|能不能|麻烦|麻煩|请|請|唔该|唔該|帮我|幫我|哎呀|哎|sorry|oops|"
    r"(?:can|could)\s+(?:we|you|i)|please|pls|i\s+want\s+to|i'?d\s+like\s+to|"
    r"(?:唔要|不要|唔好)(?:呢个|呢個|这个|這個)(?:了|啦|喇)?)(?![A-Za-z])[\s,，、]*)*",
    re.I,
)
_ROW_OR_ACT_ZH = lazy_pattern(
    r"^\s*(?:第|排第|给我|給我|俾我|畀我|帮我|幫我|把|将|將|导出|導出|汇出|匯出|export|打上|打个|打個|"
    r"加上|标上|標上|贴上|貼上|发|發|send|tag)",
    re.I,
)
_ROW_EN = lazy_pattern(
    r"^\s*(?:the\s+)?(?:first|second|third|fourth|fifth|last|\d{1,2}(?:st|nd|rd|th))\b|^\s*number\s+\d",
    re.I,
)
# A row asked about inside the question: "what did number 3 buy", "who owns the 2nd one".
_ROW_IN_EN = lazy_pattern(
    r"\b(?:number|no\.?)\s*\d{1,2}\b|#\s*\d{1,2}\b|\bthe\s+(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|last|\d{1,2}(?:st|nd|rd|th))(?:\s+(?:one|customer|person|row))?\b",
    re.I,
)
_POINTED_ZH = lazy_pattern(r"^\s*(?:其中|这些|這些|里面|裡面|入面|当中|當中)")
_CHINESE = lazy_pattern(r"[\u3400-\u9fff]")
# Said before the pointer, the words make it "of those": 里/中/当中/入面 after it in Chinese.
_IN_AFTER_ZH = lazy_pattern(r"^\s*(?:里面|裡面|裏面|里头|裡頭|入面|当中|當中|之中|中|里|裡|裏)")


@dataclass(frozen=True)
class BackReference:
    """An earlier answer: `count` customers, or the one at `position` (FIRST, 2 …, or
    PREVIOUS); `rest` is what to ask of it, the words replaced by a plain pointer ("" when
    only that list is asked for again); `said` the words themselves, for a question back."""

    count: int | None
    position: int | None
    rest: str
    said: str
    steps: int = 1  # STEP: how many steps back ("回到上两步", "go back two steps")
    label: str = ""  # DESCRIBED: the words that describe the list ("上海", "VIP")
    back: bool = False  # RANKING: going back said ("back to the spenders"), not only "again"


# The ranking gone back to: 回到刚才的排名 / 返返去頭先嗰個排名 / 再看一下之前的排行 / back to the
# ranking / the ranking again / show me the earlier top list. Going back (回到, back to) or
# when (刚才, earlier, again) must be said: 排名 / "ranking" alone asks for a ranking.
_RANK_WORD_ZH = (
    r"(?:排名|排行榜|排行|榜单|榜單|排序|ranking|top\s*list|"
    # the ranking by its length: "刚才那个前三名", "头先嗰個前5", "that top 3"
    r"前\s*(?:\d{1,2}|[一二两兩三四五六七八九十])\s*(?:名|位|个|個)?|top\s*\d{1,2})"
    # Cantonese 度 "the place of": "返去排名度"
    r"(?:度|嗰度|那里|那裡|那边|那邊)?"
)
_RANKING_ZH = lazy_pattern(
    rf"^(?P<back>{_BACK_ZH})?\s*(?P<when>{_JUST_ZH})?\s*(?:的|嘅)?\s*{_THAT_ZH}?\s*"
    # what it ranked by may be said: "刚才那个消费排名", "頭先嗰個落單排行"
    r"(?:个|個)?\s*(?:(?:消费|消費|下单|下單|订单|訂單|落单|落單|购买|購買|咨询|諮詢|spend)\s*(?:金额|金額|次数|次數)?)?"
    rf"\s*{_RANK_WORD_ZH}",
    re.I,
)
_RANKING_EN = lazy_pattern(
    rf"^(?:(?P<back>{_BACK_EN})\s*)?(?:the|that|those)\s+(?P<when>previous\s+|earlier\s+|last\s+|"
    r"original\s+)?(?:ranking|rankings|top\s+list|leaderboard|league\s+table|"
    # the ranking by whom it ranked: "back to the spenders list", "the top buyers again"
    r"(?:(?:top|biggest|big|best|highest|heaviest|largest)\s+)?(?:spenders|buyers|purchasers)"
    r"(?:\s+(?:list|ranking|ones))?|"
    r"(?:top|bottom)\s+(?:\d{1,2}|three|five|ten)(?:\s+(?:list|ones|customers|spenders|buyers))?)"
    r"(?P<again>\s+(?:again|from\s+before|you\s+showed(?:\s+me)?))?\b",
    re.I,
)


def _ranking(text: str) -> BackReference | None:
    text = _LEAD.sub("", text)  # "ok, back to those bottom 3 — tag them 沉睡"
    for pattern, lang in ((_RANKING_ZH, "zh"), (_RANKING_EN, "en")):
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        if not (groups.get("back") or groups.get("when") or groups.get("again")):
            return None  # "排名" / "the ranking" alone: a ranking asked for, not gone back to
        found = _reference(text, match, None, RANKING, lang)
        # (zh going-back words include "show again": 再俾我睇下頭先嗰個前三名 is the one shown)
        return replace(found, back=lang == "en" and bool(groups.get("back")))
    return None


def read_back_reference(text: str) -> BackReference | None:
    """The earlier answer `text` goes back to, or None when it names none."""
    plain = text.strip()
    if not plain:
        return None
    for reader in (
        _step_back,
        _ranking,
        _table,
        _counted_zh,
        _placed_zh,
        _described_zh,
        _counted_en,
        _placed_en,
        _described_en,
    ):
        found = reader(plain)
        if found is not None:
            return found
    return None


def _step_back(text: str) -> BackReference | None:
    """ "回到上一步" / "返回" / "undo that" first in the message (after an acknowledgement)."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    steps = 1
    match = _STEPS.match(text, start)
    if match is not None:
        steps = _steps(match)
    else:
        match = _STEP.match(text, start)
    if match is None:
        return None
    text = _joined_as_pause(text, match)
    after = text[match.end() :]
    again = _step_back(after.strip(_EDGES)) if after[:1] in _EDGES and after.strip(_EDGES) else None
    if again is not None and steps == 1:
        return again  # "撤銷，返上一步", "undo, go back one step": one step, said twice
    if after.strip() and after.lstrip()[:1] not in _EDGES and not _NOTHING_LEFT.match(after):
        return None  # "返回客户列表里的VIP", "上一步的VIP呢": other words run on, not a step back
    lang = "zh" if _CHINESE.search(match.group(0)) else "en"
    return replace(_reference(text, match, None, STEP, lang), steps=steps)


# A step back chained to what follows by a word rather than a comma ("go back two steps and
# show only women", "back 2 steps then only men", "退后两步再只看女的", "退後兩步 只看女生",
# "返去前兩步跟住淨係睇女嘅"): read as "…，" — the rest asks of that answer.
_JOINER_EN = lazy_pattern(r"[\s,]*(?:and\s+then|and|then|now)\s+(?=\S)", re.I)
_JOINER_ZH = lazy_pattern(
    r"[\s,，]*(?:然后|然後|之后|之後|跟住|接着|接著|再)\s*(?=\S)|\s+(?=[\u3400-\u9fff])"
)


def _joined_as_pause(text: str, match: re.Match[str]) -> str:
    """`text` with the word that chains the step back to the rest written as a comma."""
    said = match.group(0)
    end = match.start() + len(said.rstrip())  # the step's own words swallow a space after them
    joiner = (_JOINER_ZH if _CHINESE.search(said) else _JOINER_EN).match(text, end)
    if joiner is None:
        return text
    rest = text[max(joiner.end(), match.end()) :]
    if not joiner.group(0).strip() and read_follow_up(rest) is None:
        return text  # "返回 客户列表": a space alone chains only a narrowing (只看女生)
    return f"{text[: match.end()]}，{text[max(joiner.end(), match.end()) :]}"


def _steps(match: re.Match[str]) -> int:
    """How many steps back `_STEPS` said (上上一步, twice: 2)."""
    said = _STEP_COUNT.search(match.group(0).lower())
    if said is None:
        return 2
    raw = said.group(0)
    if raw.isdigit():
        return int(raw)
    return _NUM_ZH.get(raw) or _NUM_EN.get(raw) or _TIMES_EN.get(raw, 2)


_STEP_COUNT = lazy_pattern(
    r"[2-9]|[两兩二三四五六七八九]|\b(?:two|three|four|five|six|twice|thrice)\b"
)


def _counted_zh(text: str) -> BackReference | None:
    for match in _COUNTED_ZH.finditer(text):
        count = _PAIRS[match["pair"]] if match["pair"] else _number_zh(match["n"])
        said_back = bool(match["back"] or match["when"])
        before = _LEAD.sub("", text[: match.start()]).strip(_EDGES)
        at_start = not before or _LEFT_ZH.match(before) is not None
        # "那6个人里…" first in the message goes back; "消费最多的那3个" ranks (no going
        # back said), and one customer ("那1个") is a row, not a list.
        if count is None or (not match["that"] and not said_back):
            continue
        if match["label"] and not said_back:
            continue  # "北京那3个是谁" after a breakdown: that group (followup.py), no going back
        if not said_back and not (at_start and count >= 2):
            continue
        return _reference(text, match, count, None, "zh")
    return None


def _placed_zh(text: str) -> BackReference | None:
    match = _PLACED_ZH.search(text)
    if match is None:
        return None
    nth, when = match["nth"], match["when"] or ""
    if nth:
        position = int(nth) if nth.isdigit() else _NUM_ZH[nth]
    elif re.fullmatch(_START_ZH, when):
        position = FIRST
    elif re.fullmatch(_JUST_NOW_ZH, when) and not match["back"]:
        position = JUST
    else:
        position = PREVIOUS
    return _reference(text, match, None, position, "zh")


def _counted_en(text: str) -> BackReference | None:
    for match in _COUNTED_EN.finditer(text):
        # "those four" goes back by itself; "the 3 …" only with going back said ("the 3
        # biggest spenders" is a ranking).
        if not (match["those"] or match["back"] or match["before"]):
            continue
        raw = match["n"].lower()
        pos = (match["pos"] or "").lower()
        if raw == "one" and match["back"] and pos:
            # "go back to the first one": the first list, never a list of one
            place = FIRST if pos in ("first", "original") else _ORDINAL_EN.get(pos, PREVIOUS)
            return _reference(text, match, None, place, "en")
        count = int(raw) if raw.isdigit() else _NUM_EN[raw]
        return _reference(text, match, count, None, "en")
    return None


def _placed_en(text: str) -> BackReference | None:
    match = _PLACED_EN.search(text)
    if match is None:
        return None
    pos = (match["pos"] or "previous").lower()
    if pos == "ones" or (pos in ("other", "old") and not match["back"]):
        return None
    if pos in _ORDINAL_EN:
        return _reference(text, match, None, _ORDINAL_EN[pos], "en")
    return _reference(text, match, None, PREVIOUS, "en")


def _reference(
    text: str, match: re.Match[str], count: int | None, position: int | None, lang: str
) -> BackReference:
    before, after = text[: match.start()], text[match.end() :]
    if _LEFT_ZH.match(_LEAD.sub("", before).strip(_EDGES)):
        before = ""  # "剩下这仨里…": what is left is the list of that size
    said = match.group(0).strip()
    # The pointer in the language of the words around it ("回到刚才那7个, how many are male").
    if before.strip(_EDGES) or after.strip(_EDGES):
        lang = "zh" if _CHINESE.search(_LEAD.sub("", before) + after) else "en"
        if re.match(r"[A-Za-z]", after.strip(_EDGES)) and not _LEAD.sub("", before).strip(_EDGES):
            lang = "en"  # "— tag them 沉睡": an English request naming a Chinese tag
    pointer = "这些" if lang == "zh" else "those"
    if lang == "zh" and not _IN_AFTER_ZH.match(after):
        pointer = "这些人"
    rest = f"{_LEAD.sub('', before)}{pointer}{after}"
    if _NOTHING_LEFT.match(f"{_LEAD.sub('', before)} {after}".strip(_EDGES)):
        rest = ""
    elif not _LEAD.sub("", before).strip(_EDGES) and (not after.strip() or after[:1] in _EDGES):
        # "回到刚才那6个人，其中北京的有几个": what follows asks of them with its own words.
        rest = after.strip(_EDGES)
        if not rest or _NOTHING_LEFT.match(rest):
            rest = ""
        elif read_follow_up(rest) is not None:
            pass  # "只要上海的", "of these, who …": a refinement in its own words
        elif lang == "zh" and _ROW_OR_ACT_ZH.match(rest):
            # "，第二名是谁负责的" asks of a row of it; "，给我导出来" acts on all of it
            rest = rest if rest.startswith(("第", "排第")) else f"这些人{rest}"
        elif lang == "zh" and not _POINTED_ZH.match(rest):
            rest = f"这些人里{rest}"
        elif lang == "en" and (_ROW_EN.match(rest) or _ROW_IN_EN.search(rest)):
            pass  # ", the second one's tags", ": what did number 3 buy?": a row of it
        elif lang == "en" and not re.search(r"\b(?:them|those|these|of)\b", rest, re.I):
            rest = f"of those, {rest}"
    return BackReference(count, position, rest.strip(), said)


def _number_zh(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw in _NUM_ZH:
        return _NUM_ZH[raw]
    tens, _, ones = raw.partition("十")
    value = (_NUM_ZH.get(tens, 1) if tens else 1) * 10
    return value + (_NUM_ZH.get(ones, 0) if ones else 0)


# The table gone back to: "刚才那个表", "回到按城市分的那张表", "返去頭先嗰個分佈", "the breakdown
# again", "back to the table". Going back or when must be said ("表" alone asks nothing).
_TABLE_WORD_ZH = r"(?:表格|报表|報表|统计表|統計表|分布表|分佈表|分布|分佈|表|breakdown|table)"
_TABLE_ZH = lazy_pattern(
    rf"^(?P<back>{_BACK_ZH})?\s*(?P<when>{_JUST_ZH})?\s*(?:的|嘅)?\s*"
    r"(?:按[\u4e00-\u9fff]{1,4}?(?:分|拆|统计|統計)?(?:的|嘅)?)?\s*"
    rf"{_THAT_ZH}?\s*(?:个|個|张|張|份)?\s*{_TABLE_WORD_ZH}(?![\u4e00-\u9fff])",
    re.I,
)
_TABLE_EN = lazy_pattern(
    rf"^(?:(?P<back>{_BACK_EN})\s*)?(?:the|that)\s+(?P<when>previous\s+|earlier\s+|last\s+)?"
    r"(?:[a-z]+\s+)?(?:breakdown|table)"
    r"(?P<again>\s+(?:again|from\s+before|you\s+showed(?:\s+me)?))?\b",
    re.I,
)


def _table(text: str) -> BackReference | None:
    for pattern, lang in ((_TABLE_ZH, "zh"), (_TABLE_EN, "en")):
        match = pattern.match(_LEAD.sub("", text))
        if match is None:
            continue
        groups = match.groupdict()
        if not (groups.get("back") or groups.get("when") or groups.get("again")):
            return None
        return _reference(_LEAD.sub("", text), match, None, TABLE, lang)
    return None


# A list named by what it was: "回到上海那个名单", "再给我看下刚才VIP那份", "返去金卡嗰班人",
# "刚才女的那批". Going back or when must be said, and a list word: "上海那个" alone after a
# table opens that group (followup.py), and "上海的名单" alone is a question of its own.
_DESCRIBED_LIST_ZH = (
    r"(?:名单|名單|清单|清單|列表|结果|結果|批人|批客户|批客戶|批客|批|份名单|份名單|份|"
    r"些人|些客户|些客戶|啲人|啲客|班人|班客|班)"
)
_DESCRIBED_ZH = lazy_pattern(
    rf"^(?P<back>{_BACK_ZH})?\s*(?P<when>{_JUST_ZH})?\s*(?:的|嘅)?\s*"
    # a period said with 这 / 呢 is a label too ("回到这周那份", "返去呢個月嗰班")
    rf"(?P<label>(?:这|這|呢)(?:个|個)?(?:周|週|星期|礼拜|禮拜|月|季度|季|年)|"
    rf"(?:(?!{_JUST_ZH}|{_THAT_ZH}|{_BACK_ZH})[^\s,，。!！?？]){{1,12}}?)\s*(?:的|嘅)?\s*"
    rf"(?:那|嗰|这|這)\s*(?:个|個|份|张|張)?\s*{_DESCRIBED_LIST_ZH}"
    r"(?=$|[\s,，。!！?？]|再|然后|然後|跟住|里|裡|入面|中|当中|當中|导出|匯出|导|export)",
    re.I,
)
_DESCRIBED_EN = lazy_pattern(
    r"^(?:(?P<back>(?:go(?:ing)?\s+back\s+to|get\s+back\s+to|back\s+to|return\s+to|revisit))\s+|"
    r"(?P<show>show\s+(?:me\s+)?|pull\s+up\s+|bring\s+up\s+|let\s+me\s+see\s+))?"
    r"(?:the|that|those)\s+(?P<label>[\w\u4e00-\u9fff' -]{1,30}?)\s+"
    r"(?:list|ones|customers|people|results?|lot|bunch|group)"
    r"(?P<again>\s+(?:again|from\s+before|from\s+earlier|you\s+showed(?:\s+me)?))?\b",
    re.I,
)


# "back to 近7天那个", "回到上海那个", "返去問價嗰個": going back said, the list described and
# pointed at with no list word ("上海那个" alone after a table opens that group, followup.py).
_DESCRIBED_BARE_ZH = lazy_pattern(
    rf"^(?P<back>{_BACK_ZH})\s*(?P<when>{_JUST_ZH})?\s*(?:的|嘅)?\s*"
    rf"(?P<label>(?:(?!{_JUST_ZH}|{_THAT_ZH}|{_BACK_ZH})[^\s,，。!！?？]){{1,12}}?)\s*(?:的|嘅)?\s*"
    r"(?:那|嗰|这|這)\s*(?:个|個|次|回)"
    r"(?=$|[\s,，。:：;；!！?？])",
    re.I,
)


# "回到完整名单", "返去原本嗰份", "回到全部的那个名单": going back said, the whole list named.
_FULL_ZH = lazy_pattern(
    rf"^(?P<back>{_BACK_ZH})\s*(?P<when>{_JUST_ZH})?\s*(?:的|嘅)?\s*"
    r"(?P<label>完整|全部|整个|整個|原来|原來|原本|最初|本来|本來|成个|成個|所有)\s*(?:的|嘅)?\s*"
    rf"(?:那|嗰)?\s*(?:个|個|份|张|張)?\s*{_DESCRIBED_LIST_ZH}",
)


# Words of finding, not of what was found: "刚才查到的那批", "頭先搵到嗰班人".
_FOUND_ZH = lazy_pattern(
    r"(?:搵|找|查|看|睇|拉|列|筛|篩|捞|撈|揾|问|問)(?:到|出|出来|出來|出嚟|咗|了|过|過)?(?:的|嘅)?"
)


def _described_zh(text: str) -> BackReference | None:
    plain = _LEAD.sub("", text)
    full = _FULL_ZH.match(plain)
    if full is not None:
        return _reference(plain, full, None, FULL, "zh")
    match = _DESCRIBED_ZH.match(plain) or _DESCRIBED_BARE_ZH.match(plain)
    if match is None or not (match["back"] or match["when"]):
        return None
    label = match["label"].strip()
    if _CHINESE.search(label) is None and not label.isalnum():
        return None
    if _FOUND_ZH.fullmatch(label.rstrip("的嘅")):
        return None  # "頭先搵到嗰班人": the ones just found, no description of a list
    if label.rstrip("的嘅") in _FULL_WORDS:
        return _reference(plain, match, None, FULL, "zh")
    found = _reference(plain, match, None, DESCRIBED, "zh")
    return replace(found, label=label)


def _described_en(text: str) -> BackReference | None:
    plain = _LEAD.sub("", text)
    match = _DESCRIBED_EN.match(plain)
    if match is None or not (match["back"] or match["again"]):
        return None  # "show me the VIP customers" is a question of its own
    label = match["label"].strip()
    if label.lower() in ("first", "previous", "earlier", "other", "last", "original"):
        return None
    if label.lower() in _FULL_WORDS:
        return _reference(plain, match, None, FULL, "en")
    return replace(_reference(plain, match, None, DESCRIBED, "en"), label=label)

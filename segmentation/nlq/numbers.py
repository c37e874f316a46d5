"""Numbers as users write them: 30, 1,000, 1.5万, 2k, 三十, 一千五百, 两, 百分之二十."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from segmentation.nlq.lazy_re import lazy_pattern

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_DIGITS.update({"七": 7, "八": 8, "九": 9})
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = set(_DIGITS) | set(_SMALL_UNITS) | set(_BIG_UNITS)

_ARABIC = lazy_pattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Multipliers written after an Arabic number: 1.5万, 2k, 3w, 1千.
_MULTIPLIERS = (("万", 10_000), ("w", 10_000), ("k", 1000), ("千", 1000), ("百", 100))
_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100, "a hundred": 100,
}  # fmt: skip
_EN_WORD = lazy_pattern(
    r"(a hundred|" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b"
)


def scan_number(text: str, pos: int) -> tuple[Decimal, int] | None:
    """The number starting at `pos` and where it ends, or None."""
    if text.startswith("百分之", pos):
        found = scan_number(text, pos + 3)
        return found  # the caller sees the percent from the token before it
    match = _ARABIC.match(text, pos)
    if match:
        if pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] == "."):
            return None
        try:
            value = Decimal(match.group().replace(",", ""))
        except InvalidOperation:
            return None
        end = match.end()
        for suffix, factor in _MULTIPLIERS:
            if text.startswith(suffix, end) and not _latin_continues(text, end + len(suffix)):  # noqa: SIM102
                if suffix.isascii() or suffix != "百" or not text.startswith("百分", end):
                    return _with_lower_part(value * factor, factor, text, end + len(suffix))
        return _tidy(value), end
    if pos < len(text) and text[pos] in CHINESE_NUMERAL_CHARS and text[pos] not in "〇零":
        return _scan_chinese(text, pos)
    if pos < len(text) and text[pos].isalpha() and (pos == 0 or not text[pos - 1].isalpha()):
        compound = _scan_english(text, pos)
        if compound is not None:
            return compound
        word = _EN_WORD.match(text, pos)
        if word:
            return Decimal(_EN_WORDS[word.group(1)]), word.end()
    return None


_EN_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000}
_EN_PART = lazy_pattern(r"[ -]?([a-z]+)")
_EN_FIRST = lazy_pattern(r"([a-z]+)")


def _scan_english(text: str, pos: int) -> tuple[Decimal, int] | None:
    """English number words with a scale: "five thousand", "two thousand five hundred",
    "a thousand", "twenty-five", "ten grand". A lone small word ("two") is left to
    _EN_WORDS; "a" counts only before a scale ("a thousand", never "a month")."""
    total = current = 0
    end, words, scaled, at = pos, 0, False, pos
    while True:
        match = (_EN_PART if at > pos else _EN_FIRST).match(text, at)
        if match is None:
            break
        word = match.group(1)
        if word in _EN_ONES and (current % 100 == 0 or (current % 10 == 0 and _EN_ONES[word] < 10)):
            current += _EN_ONES[word]
        elif word == "a" and words == 0:
            current = 1
        elif word in _EN_SCALES and (words or current):
            scale = _EN_SCALES[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            scaled = True
        elif word == "and" and scaled and words:
            nxt = _EN_PART.match(text, match.end())
            if nxt is None or nxt.group(1) not in _EN_ONES:
                break
            at = match.end()
            continue
        else:
            break
        words += 1
        at = end = match.end()
        if word == "a" and words == 1:
            end = pos  # "a" alone is no number
    if words < 2 or end == pos:
        return None
    return Decimal(total + current), end


_ONE_DIGIT = {**{str(d): d for d in range(1, 10)}, **{c: v for c, v in _DIGITS.items() if v}}


def _with_lower_part(value: Decimal, factor: int, text: str, end: int) -> tuple[Decimal, int]:
    """`value` (a number with its unit: 1千, 1万, 2k) and the part of it said after the unit:
    one digit alone is one unit below ("1千5" = 1500, "1万2" = 12000, "2w5" = 25000), a number
    with a smaller unit is added ("1万2千" = 12000)."""
    if factor < 1000 or end >= len(text) or text[end] not in _ONE_DIGIT:
        return _tidy(value), end
    after = text[end + 1] if end + 1 < len(text) else ""
    if not (after.isdigit() or after in "．.,十百千万亿kw" or after in _ONE_DIGIT):
        return _tidy(value + Decimal(_ONE_DIGIT[text[end]] * factor // 10)), end + 1
    lower = scan_number(text, end)
    if lower is not None and lower[0] < factor and text[lower[1] - 1] in "十百千kK":
        return _tidy(value + lower[0]), lower[1]
    return _tidy(value), end


def _latin_continues(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isascii() and text[pos].isalpha()


def _scan_chinese(text: str, pos: int) -> tuple[Decimal, int] | None:
    end = pos
    while end < len(text) and text[end] in CHINESE_NUMERAL_CHARS:
        end += 1
    # "万" or "千" alone is not a number; "十" alone is ten.
    while end > pos and text[pos:end] in ("万", "亿", "千", "百"):
        return None
    value = parse_chinese_numeral(text[pos:end])
    if value is None:
        return None
    return Decimal(value), end


def parse_chinese_numeral(chars: str) -> int | None:
    """三十 → 30, 一千五百 → 1500, 一万五 → 15000, 两 → 2; None when malformed."""
    if not chars:
        return None
    total = section = 0
    digit: int | None = None
    last_unit = 0
    zero = False
    for ch in chars:
        if ch in _DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row ("三五") is a range, not a number
            digit = _DIGITS[ch]
            zero = zero or digit == 0
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            last_unit, digit, zero = unit, None, False
        else:
            big = _BIG_UNITS[ch]
            section += digit or 0
            total += (section or 1) * big
            section, digit, last_unit, zero = 0, None, big, False
    if digit is not None:
        # 一千五 = 1500, 一万五 = 15000: a trailing digit is one unit below the last one.
        section += digit * (last_unit // 10 if last_unit >= 100 and not zero else 1)
    return total + section


def _tidy(value: Decimal) -> Decimal:
    """1.5万 → 15000, not 15000.0 (integral values print and compare as integers)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()

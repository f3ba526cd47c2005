"""Person names, found from the cues around them.

jieba's tagger is far too slow to run over whole texts, and on its own it calls 养老
and 智慧 names. So a name is looked for only where a cue says one is likely, and jieba
(with HMM, so unknown names come out whole) checks each candidate on a short window:

* a title after it: 殷勇同志, 张三局长, 温家宝总理, and a bare surname: 周总理;
* a title or role before it: 省长 王予波, 局长段建华, 联系人：杨扬, 本报记者 戴冰;
* a phone number after it: 杨扬 18858678568, 杨扬（浙政钉18858678568）;
* a row of a name list: 马　健　　空中交通管制办副主任;
* a transliterated name: 艾尔肯·吐尼亚孜;
* a verb typical after names (王正谱作政府工作报告, 王雁峰受到处分), where jieba must
  also tag the candidate as a name.

A candidate is a surname (the common single and compound ones) and one or two more
characters that start and end on jieba word boundaries and are not a common word
(广大同志, 全体同志, 书记项目). Names listed right after a found one (芦艾林、范先红) are
kept when jieba tags them as names, and every other occurrence of a found name in the
text is found too. Names already anonymised (张某, 王某某, 李XX) and the leaders named in
political formulae (习近平新时代…) are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import gazetteer
from .lexicon import (
    AMBIGUOUS_SURNAMES,
    ANON_MARK,
    CJK,
    COMPOUND_SURNAMES,
    NOT_IN_GIVEN,
    NOT_NAMES,
    PUBLIC_FIGURES,
    ROLE_WORDS,
    SINGLE_SURNAMES,
    TITLES_AFTER,
    TITLES_BEFORE,
    VERB_CUES,
    alternation,
)
from .namemodel import translit_score
from .segment import Token, dict_tag, freq, tagged

__all__ = ["PersonHit", "find_persons"]

_SP = " \t\u3000"
_TITLE_AFTER = re.compile(f"(?:{alternation(TITLES_AFTER)})")
_TITLE_BEFORE = re.compile(f"({alternation(TITLES_BEFORE)})([：:]?)([{_SP}]*)")
_VERB_AFTER = re.compile(f"(?:{alternation(VERB_CUES)})")
_PHONE = re.compile(
    rf"[{_SP}]*[（(]?[{_SP}]*(?:浙政钉|电话|手机|联系电话|联系方式|tel|Tel|TEL)?[：:]?[{_SP}]*"
    r"(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)"
)
_DOT_NAME = re.compile(f"[{CJK}]{{2,6}}(?:[·•・‧][{CJK}]{{2,8}})+")
_ROW = re.compile(rf"(?m)(?:^|[：:])[{_SP}]*([{CJK}](?:[{_SP}]?[{CJK}]){{1,3}})[{_SP}]{{2,}}(?=\S)")
_SPACED = re.compile(f"([{CJK}])[{_SP}]{{1,2}}([{CJK}])(?=[{_SP}\\n]|$|摄|[，。、；）)])")
_CJK_CHAR = re.compile(f"[{CJK}]")
_ENUM_AFTER = re.compile(f"[、，,和及与]([{CJK}]{{2,3}})")
_COMMON = 100  # a single jieba word at least this frequent and not tagged nr is no name
# Tags of words that are not names even when they start with a surname (高新区 n, 王国 ns).
_WORD_TAGS = frozenset("n v vn a ad an d ns nt nz i l j b f s m q r p c u".split())
# Tags of a last single character that rather starts the next words (作/v 报告, 在/p).
_TRAILING_TAGS = frozenset("v vn p c u uj ul uz d r f m q".split())
# Tags that a surname character never has when it starts a name (和/c 专职, 于/p).
_FUNCTION_TAGS = frozenset("c p u uj ul uz ud ug uv d r".split())
# How sure a cue is that a name sits beside it: WEAK (a profession, a verb), OFFICIAL (an
# official title before it: 副局长杨国庆), TITLED (an official title after it: 李强总理),
# STRONG (同志, a role with a colon or a space, a name list, a phone number).
WEAK, OFFICIAL, TITLED, STRONG = 0, 1, 2, 3
# Titles that only ever follow a person (陈云同志, 梁希先生).
_ADDRESS_TITLES = frozenset(("同志", "先生", "女士"))
# Professions and roles that also follow adjectives (卓越工程师, 全科医生, 优秀教师).
_PROFESSIONS = frozenset(
    "工程师 总工程师 副总工程师 总规划师 总会计师 总经济师 会计师 医生 律师 教授 老师 师傅 博士 "
    "记者 本报记者 通讯员 摄影记者 编辑 责任编辑 作者 主持人 委员 干部 专员 科员 调研员 法官 "
    "检察官 警官 院士 研究员".split()
)


def _strength(title: str) -> int:
    if title in _ADDRESS_TITLES:
        return STRONG
    return WEAK if title in _PROFESSIONS or title in ROLE_WORDS else OFFICIAL


# Sentence-level title endings that may attach to a name without a space (局长段建华).
_ATTACHED_TITLES = ("长", "记者", "主任", "书记", "主席", "总理", "经理", "委员", "师", "人", "员")


@dataclass(slots=True)
class PersonHit:
    start: int
    end: int
    replacement: str
    name_end: int  # end of the name itself (a title may follow inside the hit)


def _surname_len(text: str, s: int) -> int:
    """1 or 2 when a surname starts at ``s``, else 0."""
    if text[s : s + 2] in COMPOUND_SURNAMES:
        return 2
    return 1 if text[s : s + 1] in SINGLE_SURNAMES else 0


def _shape(text: str, s: int, e: int) -> bool:
    """A surname and one to two given characters."""
    if s < 0 or e > len(text):
        return False
    sl = _surname_len(text, s)
    if not sl:
        return False
    given = text[s + sl : e]
    if not 1 <= len(given) <= 2:
        return False
    if not all(_CJK_CHAR.match(c) for c in given):
        return False
    return not (ANON_MARK.search(given) or any(c in NOT_IN_GIVEN for c in given))


def _is_name_tag(tag: str) -> bool:
    return tag.startswith("nr")


def _hard(text: str, i: int) -> bool:
    """Position ``i`` is a hard boundary: text edge, space, punctuation, digit."""
    return (
        i <= 0 or i >= len(text) or not _CJK_CHAR.match(text[i - 1]) or not _CJK_CHAR.match(text[i])
    )


class _Window:
    """jieba tokens around a cue, with their boundaries."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = max(0, start)
        self.end = min(len(text), end)
        self.tokens: list[Token] = tagged(text, self.start, self.end)
        self.cuts = {t.start for t in self.tokens} | {self.end}

    def aligned(self, s: int, e: int) -> bool:
        return s in self.cuts and e in self.cuts

    def inside(self, s: int, e: int) -> list[Token]:
        return [t for t in self.tokens if t.start >= s and t.end <= e]

    def is_name_token(self, s: int, e: int) -> bool:
        return any(t.start == s and t.end == e and _is_name_tag(t.tag) for t in self.tokens)


def _acceptable(
    text: str, s: int, e: int, win: _Window, *, strict: bool = False, strong: int = WEAK
) -> bool:
    """jieba agrees that ``text[s:e]`` can be a name.

    ``strict``: jieba must tag it a name. ``strong``: how sure the cue is. jieba's
    dictionary tags many everyday words nr (卓越, 殷殷, 许可, 高水平), so a word it knows
    is taken for a name only after a STRONG cue (陈云同志, a role with a colon or space,
    a name list), or, when it has three characters and the nr tag, after an official
    title (副局长杨国庆); never after a profession (卓越工程师, 全科医生, 高水平工程师)."""
    word = text[s:e]
    if word in NOT_NAMES or word in PUBLIC_FIGURES or word in gazetteer():
        return False  # 张家口市长 is the mayor of a place
    if not win.aligned(s, e):
        return False
    toks = win.inside(s, e)
    if not toks:
        return False
    if len(toks) == 1:
        t = toks[0]
        known = freq(word)
        if known and strong < STRONG:
            named = _is_name_tag(dict_tag(word))
            if not (named and (strong == TITLED or (strong == OFFICIAL and len(word) >= 3))):
                return False
        if _is_name_tag(t.tag):
            return True
        if strict:
            return False
        if len(word) >= 3 and t.tag not in _WORD_TAGS:
            return True  # 周恩来 is tagged t in jieba's dictionary
        if not known:
            return True  # an unknown word: most people's names
        return _is_name_tag(dict_tag(word)) or known < _COMMON
    if toks[0].tag in _FUNCTION_TAGS and not _is_name_tag(toks[0].tag):
        return False  # 负责人和专职人员: 和 is a conjunction here
    if strict:
        return any(_is_name_tag(t.tag) for t in toks)
    last = toks[-1]
    if len(last.word) == 1 and last.tag in _TRAILING_TAGS and not _hard(text, e):
        return False  # 包钢作政府工作报告: 作 is the verb, not part of the name
    # Several tokens (段/建华, 韩卿/立): no long common word may hide in it.
    return not any(
        len(t.word) >= 2 and freq(t.word) >= _COMMON * 10 and not _is_name_tag(t.tag) for t in toks
    )


def _best(
    text: str,
    spans: list[tuple[int, int]],
    win: _Window,
    *,
    strict: bool = False,
    strong: int = WEAK,
    edge: str = "end",
) -> tuple[int, int] | None:
    """The most plausible name among candidate spans sharing one edge with the cue.

    Preferred: a span whose free edge is a hard boundary (韩卿立 before a space), then one
    made of name-tagged tokens only (孙家/斌), then an exact name token, then the longest.
    """
    ok = [
        (s, e)
        for s, e in spans
        if _shape(text, s, e) and _acceptable(text, s, e, win, strict=strict, strong=strong)
    ]
    if not ok:
        return None

    def rank(sp: tuple[int, int]):
        s, e = sp
        free = e if edge == "end" else s
        toks = win.inside(s, e)
        all_names = all(_is_name_tag(t.tag) or len(t.word) == 1 for t in toks) and any(
            _is_name_tag(t.tag) for t in toks
        )
        return (_hard(text, free), all_names, win.is_name_token(s, e), e - s)

    return max(ok, key=rank)


def _before_title(text: str, t: int, title: str) -> PersonHit | None:
    """A name (or a bare surname: 周总理) right before a title at ``t``."""
    if t < 1 or not _CJK_CHAR.match(text[t - 1]):
        return None
    spans = [(t - n, t) for n in (2, 3, 4) if t - n >= 0]
    if not any(_surname_len(text, s) for s, _ in spans) and text[t - 1] not in SINGLE_SURNAMES:
        return None
    end = t + len(title)
    win = _Window(text, t - 8, end + 4)
    if end not in win.cuts and not text.startswith("们", end):
        return None  # 县长期 holds no 县长
    strength = _strength(title)
    best = _best(
        text, spans, win, strong=TITLED if strength == OFFICIAL else strength, edge="start"
    )
    if best:
        return PersonHit(best[0], end, "某" + title, best[1])
    s = t - 1
    c = text[s]
    if c in SINGLE_SURNAMES and c not in AMBIGUOUS_SURNAMES and title != "同志" and s in win.cuts:
        word = text[s:end]
        known = freq(word)
        if (
            word not in PUBLIC_FIGURES
            and known < _COMMON
            and not (known and not _is_name_tag(dict_tag(word)))  # 班组长 is a word
            and word not in gazetteer()
        ):
            return PersonHit(s, end, "某" + title, t)
    return None


def _after_cue(text: str, s: int, spaced: bool, strict: bool, strong: int) -> PersonHit | None:
    """A name right after a title or role at ``s`` (省长 王予波, 联系人：杨扬)."""
    if s >= len(text) or not _CJK_CHAR.match(text[s]):
        return None
    m = _SPACED.match(text, s)  # 龚 正, 马　健: a two-character name padded with a space
    if m and text[s] in SINGLE_SURNAMES:
        return PersonHit(s, m.end(), "某同志", m.end())
    spans = [(s, s + n) for n in (2, 3, 4) if s + n <= len(text)]
    win = _Window(text, s - 6, s + 10)
    best = _best(text, spans, win, strict=strict, strong=strong, edge="end")
    if best:
        return PersonHit(best[0], best[1], "某同志", best[1])
    if spaced:
        # 自治区主席 嘎玛泽登: a whole run of 2-5 characters set off by spaces.
        m = re.compile(f"[{CJK}]{{2,5}}(?=[{_SP}\\n]|$)").match(text, s)
        if m:
            word = m.group(0)
            if (
                word not in NOT_NAMES
                and word not in PUBLIC_FIGURES
                and freq(word) < _COMMON
                and word not in gazetteer()
                and not _TITLE_AFTER.fullmatch(word)
            ):
                return PersonHit(s, m.end(), "某同志", m.end())
    return None


def _before(text: str, e: int, *, strict: bool) -> PersonHit | None:
    """A name ending at ``e`` (before a phone number or a verb cue)."""
    while e > 0 and text[e - 1] in _SP:
        e -= 1
    spans = [(e - n, e) for n in (2, 3, 4) if e - n >= 0]
    if not any(_surname_len(text, s) for s, _ in spans):
        return None
    win = _Window(text, e - 8, e + 3)
    best = _best(text, spans, win, strict=strict, strong=WEAK if strict else STRONG, edge="start")
    if best and strict and not (_hard(text, best[0]) or _TITLE_BEFORE_END.search(text, 0, best[0])):
        return None
    return PersonHit(best[0], best[1], "某同志", best[1]) if best else None


_TITLE_BEFORE_END = re.compile(f"(?:{alternation(TITLES_BEFORE + TITLES_AFTER)})[：:]?$")


def _candidates(text: str) -> list[PersonHit]:
    hits: list[PersonHit] = []
    for m in _TITLE_AFTER.finditer(text):
        h = _before_title(text, m.start(), m.group(0))
        if h:
            hits.append(h)
    for m in _TITLE_BEFORE.finditer(text):
        role, colon, space = m.groups()
        loose = bool(colon or space) or role in ROLE_WORDS
        if not loose and not role.endswith(_ATTACHED_TITLES):
            continue
        h = _after_cue(
            text,
            m.end(),
            bool(space or colon),
            strict=False,
            strong=STRONG if (space or colon) else _strength(role),
        )
        if h:
            hits.append(h)
    for m in _PHONE.finditer(text):
        h = _before(text, m.start(), strict=False)
        if h:
            hits.append(h)
    for m in _VERB_AFTER.finditer(text):
        h = _before(text, m.start(), strict=True)
        if h:
            hits.append(h)
    for m in _DOT_NAME.finditer(text):
        h = _dotted(text, m.start(), m.end())
        if h:
            hits.append(h)
    for m in _ROW.finditer(text):
        s, e = m.span(1)
        name = re.sub(f"[{_SP}]", "", m.group(1))
        if not (2 <= len(name) <= 4 and _surname_len(name, 0)):
            continue
        if name in NOT_NAMES or any(c in NOT_IN_GIVEN for c in name[1:]):
            continue
        if name != m.group(1):
            hits.append(PersonHit(s, e, "某同志", e))  # 吉　林, padded: a name, not the city
            continue
        win = _Window(text, s - 2, e + 4)
        if (
            name not in gazetteer()
            and win.aligned(s, e)
            and (freq(name) < _COMMON or _is_name_tag(dict_tag(name)) or win.is_name_token(s, e))
        ):
            hits.append(PersonHit(s, e, "某同志", e))
    return hits


def _dotted(text: str, start: int, end: int) -> PersonHit | None:
    """A transliterated name around middle dots, trimmed to transliteration characters
    (艾尔肯·吐尼亚孜代表… → 艾尔肯·吐尼亚孜); slogans (美丽山西·全民行动) fail."""
    parts = re.split("([·•・‧])", text[start:end])
    first, last = parts[0], parts[-1]

    def letter(c: str) -> bool:
        return translit_score(c) >= 0.5

    i = len(first)
    if first.endswith("江"):  # 阿里木江·艾买提: a Uyghur name's ending
        i -= 1
    while i > 0 and letter(first[i - 1]):
        i -= 1
    if i >= 2 and first[i - 2 : i] == "阿不":  # 阿不都热合曼: a Uyghur name's beginning
        i -= 2
    for n in (4, 3, 2):  # a foreign given name of the dictionary (大卫·约翰逊)
        if len(first) - i < n <= len(first) and dict_tag(first[-n:]) in ("nrt", "nrf"):
            i = len(first) - n
            break
    j = 0
    while j < len(last) and letter(last[j]):
        j += 1
    if len(first) - i < 2 and j >= 3 and len(first) >= 2 and freq(first[-2:]):
        i = len(first) - 2  # 大卫·约翰逊: a given name the dictionary has as a word
    middle = parts[2:-2:2]
    if (
        len(first) - i < 2
        or j < 2
        or not all(p and all(letter(c) for c in p) for p in middle)
        or first[i:] in gazetteer()
        or last[:j] in gazetteer()
    ):
        return None
    s, e = start + i, end - (len(last) - j)
    return PersonHit(s, e, "某同志", e)


def _dedupe(hits: list[PersonHit]) -> list[PersonHit]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[PersonHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def _enumerated(text: str, hits: list[PersonHit]) -> list[PersonHit]:
    """Names listed right after a found one (芦艾林、范先红), when jieba tags them names."""
    extra: list[PersonHit] = []
    for h in hits:
        pos = h.end
        while True:
            m = _ENUM_AFTER.match(text, pos)
            if not m:
                break
            win = _Window(text, m.start(1) - 4, m.end(1) + 6)
            spans = [(m.start(1), m.start(1) + n) for n in (2, 3)]
            best = _best(text, spans, win, strict=True)
            if not best:
                break
            extra.append(PersonHit(best[0], best[1], "某同志", best[1]))
            pos = best[1]
    return extra


def _propagate(text: str, hits: list[PersonHit]) -> list[PersonHit]:
    """Every other occurrence of a name found by a cue."""
    names = {text[h.start : h.name_end] for h in hits if h.name_end - h.start >= 2}
    # Only names that are no everyday word: 高峰同志 says nothing about 用电高峰.
    names = {
        n
        for n in names
        if not re.search(f"[{_SP}]", n)
        and n not in NOT_NAMES
        and (not freq(n) or (len(n) >= 3 and _is_name_tag(dict_tag(n))))
    }
    extra = []
    for name in names:
        i = text.find(name)
        while i >= 0:
            extra.append(PersonHit(i, i + len(name), "某同志", i + len(name)))
            i = text.find(name, i + len(name))
    return extra


def find_persons(text: str) -> list[PersonHit]:
    """Person hits in ``text``, sorted and non-overlapping."""
    # 某同志, 张某, 李XX: already anonymised (also what anonymize() writes).
    hits = _dedupe(
        [h for h in _candidates(text) if not ANON_MARK.search(text[h.start : h.name_end])]
    )
    if not hits:
        return hits
    hits = _dedupe(hits + _enumerated(text, hits))
    return _dedupe(hits + _propagate(text, hits))

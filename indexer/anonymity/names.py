"""Person names that stand without a title, a role or a phone number beside them.

In news and case write-ups most names stand alone: 张伟牵头成立专班, 据李明介绍,
王芳、刘洋等, 个体户陈静说, 俄罗斯总理米舒斯京会见…. Four kinds of names are looked for:

* **Chinese names**: every surname in the text (common, compound and rare ones) opens
  candidates of one or two more characters; the name model (``namemodel``) weighs the
  string, the words around it and jieba's tags, and gives each a probability of being a
  name. Candidates that overlap keep the most probable; a probability of at least
  ``P_POSSIBLE`` makes a ``possible`` name (shown, the user keeps or replaces it), of at
  least ``P_CERTAIN`` a ``certain`` one.
* **transliterated names** (Western, Russian, Arabic, Uyghur, Mongolian, Yi): runs of
  characters that transliterated names use (``translit_chars.tsv``: 尔, 斯, 娃, 卡) of two
  to eight characters, cut where a dictionary word runs across their end (泽连斯基|呼吁),
  that are no place of the gazetteer and no common word, with a context: a title or a
  word for people before them (总统拜登, 牧民巴图) makes them certain, a verb of speech or
  action after them (费尔南多说) possible.
* **Japanese names**: a common Japanese family name (``lexicon.JAPANESE_SURNAMES``) and one
  to three more characters ending before a word that follows names (岸田文雄出席).
* **Tibetan names**: two of the usual syllables (扎西次仁, 次仁卓玛), with a context.

Leaders named in the formulae of government prose (习近平新时代中国特色社会主义思想,
毛泽东思想, 邓小平理论, 马克思主义) are not reported; standing as persons (国家主席习近平,
以习近平同志为核心) they are possible names, never certain: a case may mention them.
A name found here is found wherever else it occurs in the text, with the same certainty
(not when it is a dictionary word: the other occurrence may be the word), and a possible
name listed beside a certain one (何建平、宋海燕) is certain.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import gazetteer
from .lexicon import (
    AMBIGUOUS_SURNAMES,
    ANON_MARK,
    CJK,
    COMPOUND_SURNAMES,
    FOREIGN_FIGURES,
    JAPANESE_SURNAMES,
    NOT_IN_GIVEN,
    NOT_NAMES,
    PERSON_TITLES_AFTER,
    PERSON_WORDS_BEFORE,
    PERSON_WORDS_MORE,
    PUBLIC_FIGURES,
    RARE_SURNAMES,
    SINGLE_SURNAMES,
    STATE_TITLES,
    TRANSLIT_CHARS,
)
from .model import Covered as _Covered
from .namemodel import (
    PLACE_TAILS,
    RANKED_SURNAMES,
    STRONG_AFTER,
    WEAK_AFTER,
    boundary_features,
    context_features,
    han_features,
    model,
    role_after,
    string_features,
    table,
    tag_features,
    title_length_before,
    translit_score,
    word_after,
    word_before,
)
from .segment import _tokenizer, boundaries, dict_tag, tagged, words
from .segment import freq as freq_of

_FOLLOWERS = frozenset(STRONG_AFTER) | frozenset(WEAK_AFTER) | frozenset(PERSON_TITLES_AFTER)

__all__ = [
    "NameHit",
    "P_CERTAIN",
    "P_POSSIBLE",
    "find_given_alone",
    "find_uncued",
    "given_scores",
    "han_rows",
]

P_POSSIBLE = 0.4
P_CERTAIN = 0.7

_CJK_RE = re.compile(f"[{CJK}]")
_SURNAME_RE = re.compile(
    "(?:"
    + "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
    + f")|[{''.join(sorted(SINGLE_SURNAMES | RARE_SURNAMES))}]"
)
_CLAUSE = frozenset("，。；：！？、（）“”‘’《》\n\t 　,.;:!?()\"'")
_NAME_TAGS = frozenset(("nr", "nrfg", "nrt", "nrf"))
_FOREIGN_TAGS = frozenset(("nrt", "nrf"))
_WINDOW = 6  # characters of context on each side of a candidate for the tagger
# The logit of the string alone below which a candidate is not weighed further: the most
# the words around it and the tags could add would lift it just to the floor, and of the
# annotated names only words (马路, 高山, 成功, 章程) are below it; half the candidates are.
_STRING_FLOOR = -7.0
_EVERYDAY = 100  # a dictionary word this frequent is an everyday word too
# Tibetan given names are two of a small set of syllables (扎西次仁, 次仁卓玛, 格桑拉姆)
# and carry no surname.
TIBETAN_SYLLABLES = (
    "扎西 次仁 多吉 卓玛 旦增 格桑 平措 罗布 达瓦 尼玛 白玛 拉姆 央金 顿珠 索朗 普布 次旦 "
    "桑珠 德吉 曲珍 洛桑 贡布 仁青 益西 强巴 群培 边巴 巴桑 米玛 琼达 玉珍 措姆 央宗 "
    "德庆 旺堆 丹增 晋美 嘎玛 泽仁 泽登 格列 阿旺 拉巴 次仁卓 降央 土登 加措 嘉措 尕藏 "
    "才旦 才让 索南 卓嘎 拉巴 扎西顿 顿珠 旺姆 次旺 央拉"
).split()
_TIBETAN = re.compile(f"(?:{'|'.join(sorted(set(TIBETAN_SYLLABLES), key=len, reverse=True))}){{2}}")
# Words after a leader's name that make it part of a formula (习近平新时代…思想,
# 邓小平理论, 马克思主义), not a mention of the person.
_FORMULA_AFTER = re.compile("新时代|思想|理论|主义|列宁主义|经济思想")
# Transliterated names: characters that score at least this in translit_chars.tsv.
_TRANSLIT_MIN = 0.5
_DOTS = "·•・‧"
# 到 after a verb it completes (见到, 找到, 遇到) is no motion to a place
_LOCATIVE = re.compile(
    "(?:在|于|赴|(?<![见找看遇想收听得做办受碰])到|抵达|抵|前往|访问|来自|位于|途经|飞往|离开)$"
)
_JP_GIVEN_STOP = frozenset("的了与及在是为等说向对从将把被都就还又")  # 和也 is a name
_JP_NOT_GIVEN = NOT_IN_GIVEN - {"和", "也"}


@dataclass(slots=True)
class NameHit:
    start: int
    end: int
    certainty: str  # "certain" | "possible"


def given_scores() -> dict[str, float]:
    """Name-likeness of characters in given names (``scripts/build_names.py``)."""
    return table("given_names.tsv")


# How name-like the given character after a compound surname that is also a frequent word
# (东方, 第五) must be for a candidate: 东方亮, not 东方人.
_WORD_SURNAME_GIVEN = 1.0


_KOREA = re.compile("韩国|韩方|朝鲜|朝方|首尔|平壤|韩联社")


def _korean(text: str, s: int) -> bool:
    """Korea is named in the 30 characters before ``s`` or the 10 after it."""
    return _KOREA.search(text, max(0, s - 30), s + 13) is not None


def _han_candidates(text: str, start: int = 0, detect: bool = False) -> list[tuple[int, int, int]]:
    """(start, surname length, end) of every surname from ``start`` on and one or two more
    characters that could be a given name (CJK, no organisation or function characters,
    not anonymised); ``detect``: for the check, which leaves out what the name model's fit
    keeps (见到宋洁时，: :func:`_when_after`)."""
    out = []
    freq = _tokenizer().FREQ
    n = len(text)
    scores = given_scores()
    for m in _SURNAME_RE.finditer(text, start):
        s = m.start()
        sl = m.end() - s
        if sl == 2 and (freq.get(m.group()) or 0) >= 1000 and dict_tag(m.group()) != "nr":
            # 东方英才: 东方 is the word here; 东方亮, 东方明远 may be names of the compound
            # surname (no word, a name-like first given character)
            for e in (s + 3, s + 4):
                w = text[s:e]
                if (
                    len(w) < e - s
                    or freq.get(w)
                    or scores.get(w[2], -3.0) < _WORD_SURNAME_GIVEN
                    or any(c in NOT_IN_GIVEN or not _CJK_RE.match(c) for c in w[2:])
                    or ANON_MARK.search(w)
                    or (len(w) == 4 and (freq.get(w[2:]) or 0) >= 50)  # 东方英才: two words
                ):
                    break
                out.append((s, 2, e))
            sl = 1 if text[s] in SINGLE_SURNAMES else 0
            if not sl:
                continue
        for gl in (1, 2):
            e = s + sl + gl
            if e > n:
                break
            c = text[e - 1]
            if gl == 1 and c == "在" and _korean(text, s):
                continue  # 李在明, 文在寅: 在 opens Korean given names, and is none alone
            if not _CJK_RE.match(c) or (c in NOT_IN_GIVEN and not (c in "之月" and gl == 2)):
                break  # 之 and 月 end given names (廖敏之, 皇甫秋月), and are none alone
            if gl == 2 and role_after(text, e - 1):
                break  # 刘洋任副组长: 任 holds the role, it is no given character
            if detect and gl == 2 and _when_after(text, e - 1):
                break  # 见到宋洁时，: 时 ends the clause ("when"), it is no given character
            w = text[s:e]
            if w in NOT_NAMES or w in PUBLIC_FIGURES or ANON_MARK.search(w):
                continue
            out.append((s, sl, e))
    return out


def _partners(text: str, cands, freq: dict) -> set[int]:
    """Start and end offsets of candidates that look much like names on their own (no
    dictionary word, name-like given characters), for lists (王芳、刘洋)."""
    scores = given_scores()
    out = set()
    for s, sl, e in cands:
        if not freq.get(text[s:e]) and sum(scores.get(c, -3.0) for c in text[s + sl : e]) >= 2.5:
            out.add(s)
            out.add(e)
    for name in PUBLIC_FIGURES:  # 江泽民、李鹏、朱镕基
        i = text.find(name)
        while i >= 0:
            out.add(i)
            out.add(i + len(name))
            i = text.find(name, i + 1)
    return out


class _Tags:
    """jieba's words (``segment.words``) on a window around each surname, one segmentation
    per surname position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[int | tuple[int, ...], list] = {}

    def around(self, s: int, sl: int, cuts: tuple[int, ...] = ()) -> list:
        """The words of the window; ``cuts``: offsets where a word must start (around a
        name in a role frame, whose 以 and role verb the tagger would glue to it: 以何静,
        刘洋任, 吕志成为)."""
        key = (s, *cuts) if cuts else s
        toks = self.cache.get(key)
        if toks is None:
            a = max(0, s - _WINDOW)
            b = min(len(self.text), s + sl + 2 + _WINDOW)
            edges = [a, *(c for c in cuts if a < c < b), b]
            toks = []
            for x, y in zip(edges, edges[1:], strict=False):
                toks += words(self.text, x, y)
            self.cache[key] = toks
        return toks


def han_rows(text: str) -> list[tuple[int, int, dict[str, float]]]:
    """Every Chinese-name candidate of ``text`` with all its features, tags included (for
    fitting the model: ``scripts/build_person_model.py``)."""
    freq = _tokenizer().FREQ
    cands = _han_candidates(text)
    counts = Counter(text[s:e] for s, _, e in cands)
    partners = _partners(text, cands, freq)
    tags = _Tags(text)
    rows = []
    for s, sl, e in cands:
        feats = han_features(text, s, sl, e, freq, partners, counts)
        feats.update(boundary_features(text, s, e, freq))
        cut = _role_cuts(text, s, e) if "R_role" in feats else ()
        feats.update(tag_features(tags.around(s, sl, cut), s, e))
        rows.append((s, e, feats))
    return rows


def _when_after(text: str, e: int) -> bool:
    """时 ends the clause right after the candidate (见到宋洁时，): "when", no given character."""
    return text[e : e + 1] == "时" and text[e + 1 : e + 2] in _CLAUSE


def _role_cuts(text: str, s: int, e: int) -> tuple[int, ...]:
    """Where words must start around a name before a role: at the role verb, and at the
    name when the frame's 以 stands before it (以何静为首)."""
    return (s, e) if s and text[s - 1] == "以" else (e,)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


_TITLED = frozenset(("L_title", "R_title"))
_ADVERBS = frozenset("才就也都又还再却便而即")


def _adverb_given(text: str, s: int, sl: int, e: int) -> bool:
    """An ambiguous surname (时, 常, 高) before a one-character 'given name' that is an
    adverb: the words 时才, 常也, not a name, unless a title stands beside it."""
    return sl == 1 and e - s == 2 and text[s] in AMBIGUOUS_SURNAMES and text[s + 1] in _ADVERBS


_WORDY_GIVEN_TAGS = frozenset("v vn vd a ad d n".split())


def _word_given(text: str, s: int, sl: int, e: int) -> bool:
    """An ambiguous surname (全, 向, 于) before a two-character 'given name' that is an
    everyday word (覆盖, 关心, 是否): the words 全覆盖, 向关心…, not a name, unless a title
    stands beside it."""
    given = text[s + sl : e]
    return (
        sl == 1
        and len(given) == 2
        and text[s] in AMBIGUOUS_SURNAMES
        and freq_of(given) >= 1000
        and dict_tag(given) in _WORDY_GIVEN_TAGS
    )


# A name opening the second clause of a narrative sentence, after a clause that sets the
# scene (谈到未来，赵建国信心满满; 退休后，刘洋当起了志愿者; 为此，王芳专门…): news writes so,
# and the model, fitted on government prose where a clause start is weak, gives it little.
P_OPENER = 0.05
_OPENER_STRING = -4.5  # the string's own logit from which the lower floor applies
_OPENER_HEAD = re.compile(
    "(?:谈起|谈到|说起|说到|提起|提到|聊起|问起|回想起|回忆起|想起|想到|面对|听到|看到|得知|"
    "接到|收到|为此|对此|随后|此后|如今|当时|后来|那时|从此|最终|最后|于是|起初|当年|那年|"
    "那天|那一刻|眼下|平日里|平时|每天|每当|每逢|每次|多年来|这些年|几年来|二十年来|"
    "三十年来|十年来|退休|毕业|出院|回国|回村|返乡|走出|离开|来到|接过|拿到|听完|看完|说完|"
    "站在)"
)
_OPENER_TAIL = re.compile("(?:后|以后|之后|时|的时候|那天|当天|那年|之初|之际|前夕)$")


def _after_opener(text: str, s: int, e: int, freq: dict) -> bool:
    """The candidate opens a clause after a comma, the clause before it opens its
    sentence, is short and sets the scene (``_OPENER_HEAD``, ``_OPENER_TAIL``); the
    candidate is no everyday word (如今，高铁…) and a word of its own follows it."""
    if s < 3 or text[s - 1] not in "，,":
        return False
    b = s - 1
    while b > 0 and text[b - 1] not in '。！？；：\n“”"':
        b -= 1
        if s - 1 - b > 12:
            return False
    clause = text[b : s - 1]
    if len(clause) < 2 or "，" in clause or "," in clause:
        return False
    if not (_OPENER_HEAD.match(clause) or _OPENER_TAIL.search(clause)):
        return False
    if (freq.get(text[s:e]) or 0) >= _EVERYDAY:
        return False
    return e in boundaries(text, s, min(len(text), e + 4))


# 以 in a word of its own (可以, 以前, 以及) opens no 以…为 frame.
_NOT_FRAME_BEFORE = frozenset("可所予加难得足用")
_NOT_FRAME_AFTER = frozenset("前后上下来及便免往外内至致为")


def _after_yiwei(text: str, s: int) -> bool:
    """The candidate follows the 为 of the frame 以…为 within a clause (以行业为单元,
    以企业为主体): what comes after it is the role something is taken as, no name (a name
    stands between 以 and 为: 以张伟为组长)."""
    if s < 2 or text[s - 1] != "为":
        return False
    for k in range(s - 2, max(-1, s - 14), -1):
        c = text[k]
        if c in _CLAUSE:
            return False
        if (
            c == "以"
            and k + 1 < s - 1
            and text[k + 1] not in _NOT_FRAME_AFTER
            and not (k and text[k - 1] in _NOT_FRAME_BEFORE)
        ):
            return True
    return False


_VERB_WORD_TAGS = frozenset(("v", "vd", "vn", "vi"))


def _frequent_verb(w: str, freq: dict) -> bool:
    """The candidate is a frequent verb of the dictionary (揭露, 继承): the word, unless a
    title stands beside it (of the annotated names that are words, only 丰收 is a verb,
    and a rare one)."""
    return (freq.get(w) or 0) >= 1000 and dict_tag(w) in _VERB_WORD_TAGS


# Dictionary tags of single characters that are no everyday word: morphemes, unknown
# characters and name characters (玥 zg, 晗 g, 淼 nrfg).
_MORPHEME_TAGS = frozenset(("zg", "g", "x", "ng", "nr", "nrfg", "nrt", ""))


def _wordy_unseen(c: str, gscores: dict) -> bool:
    """A given character no name of the dictionary has that is an everyday word of its
    own (贷 of 申贷)."""
    return c not in gscores and dict_tag(c) not in _MORPHEME_TAGS


def _noun_follows(text: str, e: int) -> bool:
    """The longest dictionary word starting at ``e`` is a plain noun (时段, 大海) and none of
    the words that follow a name (同志, 团队, 家里): an everyday word standing before it is
    the word heading a noun phrase, not a name."""
    for n in (3, 2):
        w = text[e : e + n]
        if len(w) == n and (tag := dict_tag(w)):
            return tag in ("n", "t", "ng", "nz") and w not in _FOLLOWERS
    return False


# How name-like the two given characters of a dictionary's full name must be together for
# it to stand as a possible name without a cue (袁隆平 2.5, 陈景润 2.9; 高水平, 胡杨林 below
# or ending like a place).
_FULL_NAME_GIVEN = 2.0
_FULL_NAME_FREQ = 500


def _dictionary_full_name(text: str, s: int, sl: int, e: int, tf: dict, ctx: dict) -> bool:
    """A surname and two given characters that jieba's dictionary holds as a person's name
    (nr: 袁隆平, 梁晓声, 陈景润; the dictionary was made from newspaper text) and its tagger
    reads as one name word here, name-like given characters, no place's last character,
    not two words (宋江|开: the first two characters are no name of their own), at a clause
    start or after a preposition or a word for people: a possible name."""
    if sl != 1 or e - s != 3 or "t_name" not in tf:
        return False
    if not ({"L_start", "L_prep", "L_title", "L_list"} & set(ctx)):
        return False
    w = text[s:e]
    if not dict_tag(w).startswith("nr") or w[-1] in PLACE_TAILS or freq_of(w) >= _FULL_NAME_FREQ:
        return False  # 阿拉伯 (1860) is a word the dictionary mistags; names are rarer
    if freq_of(w[:2]) >= 50 and not dict_tag(w[:2]).startswith("nr"):
        return False  # 龙舟|赛: a word and one character
    if dict_tag(w[:2]).startswith("nr") or (
        freq_of(w[1:]) >= 500 and not dict_tag(w[1:]).startswith("nr")
    ):
        return False
    scores = given_scores()
    return sum(scores.get(c, -3.0) for c in w[1:]) >= _FULL_NAME_GIVEN


def _han(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    freq = _tokenizer().FREQ
    m = model()
    floor = _logit(P_POSSIBLE)
    opener_floor = _logit(P_OPENER)
    cands = [c for c in _han_candidates(text, detect=True) if not covered(c[0], c[2])]
    if not cands:
        return []
    counts = Counter(text[s:e] for s, _, e in cands)
    partners = _partners(text, cands, freq)
    tags = _Tags(text)
    gscores = given_scores()
    scored = []
    by_string: dict[str, float] = {}
    for s, sl, e in cands:
        z = by_string.get(text[s:e])
        if z is None:
            z = by_string[text[s:e]] = m.logit(string_features(text[s:e], sl, freq))
        if z < _STRING_FLOOR:
            continue  # 发展中, 高质量: a string this unlike a name is not weighed further
        ctx = context_features(text, s, e, partners, counts, bool(freq.get(text[s:e])), more=True)
        if (
            _adverb_given(text, s, sl, e)
            or _word_given(text, s, sl, e)
            or _after_yiwei(text, s)
            or (e - s - sl == 1 and _wordy_unseen(text[e - 1], gscores))
            or _frequent_verb(text[s:e], freq)
            or (e - s == 2 and text[s] == text[s + 1] and (freq.get(text[s:e]) or 0) >= 500)
        ) and not _TITLED.intersection(ctx):
            # 时才发现, 全覆盖, 向关心…: a function character before a word; 申贷: a
            # one-character given name no name of the dictionary has that is a word of
            # its own (贷 v; not the rare characters of names, 淼, 晗, 玥); a frequent
            # verb (揭露); a surname doubled into a frequent word (谢谢)
            continue
        # after a narrative's opening clause (谈到未来，赵建国…; 退休后，刘洋…) a lower floor,
        # for strings that are like names (not 随后，高规格召开; 此后，钱随人走)
        low = floor
        if z >= _OPENER_STRING and _after_opener(text, s, e, freq):
            if "g_neg" not in string_features(text[s:e], sl, freq):
                low = opener_floor
        z += m.logit(ctx)
        if z + m.boundary_gain + m.tag_gain < low:
            continue  # even the best boundaries and tags could not make it a name
        z += m.logit(boundary_features(text, s, e, freq))
        if z + m.tag_gain < low:
            continue
        cut = _role_cuts(text, s, e) if "R_role" in ctx else ()
        if _when_after(text, e):
            cut = (*cut, e) if e not in cut else cut  # 见到宋洁时，: the tagger glues 时
        tf = tag_features(tags.around(s, sl, cut), s, e)
        z += m.logit(tf)
        if z < floor and _dictionary_full_name(text, s, sl, e, tf, ctx):
            z = floor  # 袁隆平培育的, 陈景润证明了: a full name of the dictionary, read as one
        if z < floor and z >= low:
            # possible, ranked by the model's probability against overlapping candidates
            scored.append((m.probability(z), NameHit(s, e, "possible")))
            continue
        if z >= floor:
            p = m.probability(z)
            # an everyday word of the dictionary (汪洋, 高峰) is at most possible: it may
            # be the word; a rare name entry (吴海燕) may be certain
            everyday = (freq.get(text[s:e]) or 0) >= _EVERYDAY
            if everyday and _noun_follows(text, e):
                continue  # 高峰时段, 汪洋大海: an everyday word heading a noun phrase
            # a form of address (刘叔, 老刘) is at most possible, as :func:`_address` has it
            sure = p >= P_CERTAIN and not everyday and not _ADDRESS.fullmatch(text[s:e])
            scored.append((p, NameHit(s, e, "certain" if sure else "possible")))
    return scored


_translit_re: re.Pattern | None = None


def _translit_runs(text: str) -> list[tuple[int, int]]:
    """Runs of two or more transliteration characters, middle dots inside allowed
    (詹姆斯·布朗)."""
    global _translit_re
    if _translit_re is None:
        letters = "".join(
            sorted(
                c
                for c in set(table("translit_chars.tsv")) | TRANSLIT_CHARS
                if translit_score(c) >= _TRANSLIT_MIN
            )
        )
        _translit_re = re.compile(f"[{letters}]+(?:[{_DOTS}][{letters}]+)*")
    return [m.span() for m in _translit_re.finditer(text) if m.end() - m.start() >= 2]


def _cut_translit(text: str, s: int, e: int, freq: dict) -> tuple[int, int]:
    """A run cut after a title that ends inside it, and to the dictionary's word boundaries
    where a word runs across its ends: 泽连斯基呼|吁 → 泽连斯基, 总|理科尔 → 科尔, 俄|罗斯 → nothing (罗斯
    is inside 俄罗斯)."""
    cuts = sorted(boundaries(text, max(0, s - 4), min(len(text), e + 4)))

    def word(a: int, b: int) -> bool:
        w = text[a:b]
        f = freq.get(w) or 0
        return b - a >= 2 and f > 0 and (f >= 20 or dict_tag(w) not in _NAME_TAGS)

    # a title that ends inside the run (总理|科尔: 理 is a transliteration character too)
    for k in (1, 2):
        if s + k < e and title_length_before(text, s + k) > k:
            s += k
            break
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a < s < b and word(a, b):
            s = b  # a word that starts before the run ends inside it
        if a < e < b and word(a, b):
            e = a  # a word that starts inside the run ends after it
    # a frequent word that ends the run (约翰逊|高兴地说, 彼得罗夫|特别): not of the name
    inner = [c for c in cuts if s < c < e]
    while inner and e - inner[-1] >= 2:
        w = text[inner[-1] : e]
        if (freq.get(w) or 0) < _TRAILING_WORD or dict_tag(w) in _NAME_TAGS or dict_tag(w) == "ns":
            break
        e = inner.pop()
    return s, max(s, e)


_TRAILING_WORD = 1000


def _division(g, name: str) -> bool:
    """``name`` is a county, a city or a province of the gazetteer, no ambiguous short
    form (阿拉 of a township, 安南 of a former county are no reason to doubt a name)."""
    place = g.get(name)
    return (
        place is not None and place.kind in ("province", "city", "county") and not place.ambiguous
    )


def _context_before(text: str, s: int) -> str:
    """'title' (a title or a word for people right before), 'start' (a clause start or
    a list mark) or ''."""
    if title_length_before(text, s):
        return "title"
    if s == 0 or text[s - 1] in _CLAUSE or text[s - 1] in "和与及同的":
        return "start"
    if word_before(text, s) == "L_prep":
        return "start"  # 采访了约翰逊, 据拉希德介绍
    return ""


def _context_after(text: str, e: int) -> str:
    """'strong' (a verb of speech or action, a title), 'weak' (a function word, a clause
    end) or ''."""
    kind = word_after(text, e)
    if kind in ("R_strong", "R_title", "R_role"):
        return "strong"
    if e >= len(text) or text[e] in _CLAUSE or text[e] == "的" or kind == "R_weak":
        return "weak"
    return ""


def _transliterated(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    freq = _tokenizer().FREQ
    g = gazetteer()
    out = []
    for s, e in _translit_runs(text):
        s, e = _cut_translit(text, s, e, freq)
        letters = [c for c in text[s:e] if c not in _DOTS]
        if not 2 <= len(letters) <= 10 or covered(s, e):
            continue
        before, after = _context_before(text, s), _context_after(text, e)
        if not (before == "title" or after):
            continue  # no word around it says a person is meant
        if before != "title" and _LOCATIVE.search(text, max(0, s - 2), s):
            continue  # 在莫斯科会见, 抵达开罗: a place
        mean = sum(translit_score(c) for c in letters) / len(letters)
        short = len(letters) == 2
        if short and min(table("translit_chars.tsv").get(c, -9.0) for c in letters) < 1.5:
            # 都来, 来到: two characters need both to be of foreign names, or a title
            # before them (总统普京)
            dictionary = freq.get(text[s:e]) and dict_tag(text[s:e]) in _FOREIGN_TAGS
            state = any(text.endswith(t, 0, s) for t in STATE_TITLES)
            if not dictionary and not (state and mean >= 1.0):
                continue
        if before == "title" and mean >= 1.0:
            certainty = "certain" if after else "possible"
        elif after == "strong" and mean >= (2.0 if short else 1.5):
            certainty = "possible"
        elif after == "weak" and before == "start" and mean >= (2.5 if short else 1.5):
            certainty = "possible"
        else:
            certainty = ""
        word = text[s:e]
        f = freq.get(word) or 0
        tag = dict_tag(word) if f else ""
        # jieba tags many two-character words nr (道谢): only its transliteration tags count
        named = tag in (_FOREIGN_TAGS if short else _NAME_TAGS)
        if not certainty and not (named and after == "strong"):
            continue
        if word in g or any(w in word for w in PUBLIC_FIGURES) or _FORMULA_AFTER.match(text, e):
            continue
        if f and not named and not (tag == "ns" and f < 200):
            continue  # 沙发, 咖啡, 马拉松, and the countries and cities (美国, 巴黎, 莫斯科)
        if any(_division(g, text[a:b]) for a in range(s, e) for b in range(a + 2, e + 1)):
            continue  # holds a county or a larger division: 喀什噶尔
        if before == "title" and named and after:
            certainty = "certain"
        out.append((0.9 if certainty == "certain" else 0.6, NameHit(s, e, certainty or "possible")))
    return out


# Words of a foreign visitor's coming after a name (首相岸田文雄访华, 渡边美纪来华).
_VISIT_AFTER = re.compile("访华|来华|抵京|抵沪|离京|访问|抵达|来到|一行")


def _japanese(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    """A Japanese family name and one to three more characters, ending before a word that
    follows names; certain after a title or with 日本 before it in the sentence."""
    out = []
    freq = _tokenizer().FREQ
    for sur in JAPANESE_SURNAMES:
        i = text.find(sur)
        while i >= 0:
            s, g0 = i, i + len(sur)
            i = text.find(sur, g0)
            best = None
            for e in range(g0 + 1, min(len(text), g0 + 3) + 1):
                c = text[e - 1]
                if not _CJK_RE.match(c) or c in _JP_GIVEN_STOP or c in _JP_NOT_GIVEN:
                    break
                if _VISIT_AFTER.match(text, e - 1):
                    break  # 中村|访问: the verb starts here
                after = _context_after(text, e) or ("strong" if _VISIT_AFTER.match(text, e) else "")
                if after == "strong" or (after and (freq.get(text[e - 1 : e + 1]) or 0) < 100):
                    best = e
            if best is None or covered(s, best):
                continue
            before = _context_before(text, s)
            clause = text[max(0, s - 30) : s]
            cut = max(clause.rfind("。"), clause.rfind("\n"))
            japan = "日本" in clause[cut + 1 :] or "日本" in text[best : best + 12]
            if not (
                before
                or japan
                or _context_after(text, best) == "strong"
                or _VISIT_AFTER.match(text, best)
            ):
                continue
            sure = before == "title" and japan
            out.append((0.8 if sure else 0.55, NameHit(s, best, "certain" if sure else "possible")))
    return out


_TIBETAN_ONE = re.compile("|".join(sorted(set(TIBETAN_SYLLABLES), key=len, reverse=True)))


def _tibetan(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    out = []
    # one syllable (央金, 卓嘎) is a name too, beside a title or before a verb of speech
    for m in _TIBETAN_ONE.finditer(text):
        s, e = m.span()
        if covered(s, e) or _TIBETAN.match(text, s) or (s and _TIBETAN.match(text, s - 2)):
            continue
        before, after = _context_before(text, s), _context_after(text, e)
        if before == "title" or after == "strong" or (before == "start" and after == "weak"):
            if not (freq_of(text[s:e]) and dict_tag(text[s:e]) not in _NAME_TAGS):
                out.append((0.55, NameHit(s, e, "possible")))
    for m in _TIBETAN.finditer(text):
        s, e = m.span()
        if covered(s, e):
            continue
        before, after = _context_before(text, s), _context_after(text, e)
        # two of the syllables are a name on their own; the words around say how sure
        sure = before == "title" or after == "strong"
        if sure or before or after:
            out.append((0.7, NameHit(s, e, "certain" if sure else "possible")))
    return out


# Given names of Mongolian, Uyghur and Kazakh persons, who mostly go by them alone
# (巴特尔, 其其格, 乌云其木格, 买买提·艾力): one or two of them, a middle dot between.
MINORITY_NAMES = (
    "巴特尔 其其格 斯琴 图雅 萨仁 哈斯 苏和 巴雅尔 朝鲁 孟和 那仁 宝音 达来 阿拉坦 乌力吉 "
    "其木格 高娃 塔娜 额尔敦 敖登 格日勒 吉日嘎拉 毕力格 巴图 布和 特木尔 铁木尔 朝格图 孟克 "
    "那木吉拉 宝力道 阿木尔 宝力格 苏布达 萨日娜 苏日娜 娜仁 娜仁花 乌日娜 额尔德尼 图门 阿古拉 "
    "吉雅 赛音 敖其尔 巴根 包力高 阿拉腾 朝克图 那顺 德力格尔 阿斯汉 格根 乌云 满都拉 额尔登 "
    "巴特 乌力吉木仁 达林太 呼格吉勒 扎那 莫日根 其乐木格 乌仁 图布信 宝音德力格尔 斯日古楞 "
    "买买提 麦麦提 艾力 热依拉 古丽 阿依古丽 阿迪力 吐尔逊 艾合买提 热合曼 依明 帕尔哈提 "
    "迪丽热巴 古丽娜尔 阿卜杜 玉素甫 阿布都 吾斯曼 艾尼瓦尔 阿里木 肉孜 托合提 赛买提 阿依努尔 "
    "帕提古丽 阿依夏 再努尔 热孜亚 古再丽 库尔班 依力哈木 吐尔洪 阿不力孜 买合木提 艾则孜 "
    "努尔 叶尔兰 努尔兰 阿依达娜 哈力木拉提 木拉提 达吾列提 叶尔江 巴合提 阿依别克 赛力克 加娜尔 "
    "阿不都 吐尔地 艾山 吾买尔 米吉提 卡德尔 阿依提拉 努尔古丽 祖丽菲亚 热娜 美合日班 "
    "朝鲁门 苏和巴特尔 阿不都拉 阿布都拉 买买提明 艾克拜尔 依米提 克里木 阿力木 图尔荪 伊力亚尔 "
    "努尔买买提 阿依江 热依汗 布阿依夏木 海力其木 叶尔波拉提 达吾提"
).split()
_MINORITY = re.compile(
    f"(?:{'|'.join(sorted(set(MINORITY_NAMES), key=len, reverse=True))})"
    f"(?:[{_DOTS}]?(?:{'|'.join(sorted(set(MINORITY_NAMES), key=len, reverse=True))}))?"
)
_VERB_TAGS = frozenset(("v", "vd", "vi", "vg", "d", "ad", "p", "m"))


def _minority(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    """Mongolian, Uyghur and Kazakh given names standing alone (巴特尔赶着羊群, 其其格在…):
    beside a title, or at a clause start or after a preposition before a verb of speech
    or action, a function word or any verb; a name that is a word (乌云) or a place
    (满都拉) only beside a title."""
    freq = _tokenizer().FREQ
    g = gazetteer()
    out = []
    ends: set[int] = set()  # where an accepted name ends, for the one listed after it
    for m in _MINORITY.finditer(text):
        s, e = m.span()
        if covered(s, e):
            continue
        listed = s > 0 and text[s - 1] in _LIST_MARKS and (s - 1) in ends
        cuts = boundaries(text, max(0, s - 4), min(len(text), e + 4))
        if s not in cuts and not title_length_before(text, s):
            continue  # inside a longer word (呼和浩特 holds no 呼和)
        before, after = _context_before(text, s), _context_after(text, e)
        if not after and e in cuts and (_word_tag_at_(text, e) in _VERB_TAGS or _verb_at(text, e)):
            after = "weak"  # 巴特尔赶着羊群, 努尔兰骑着马: a subject before its verb
        word = text[s:e]
        f = freq.get(word) or 0
        # a word (乌云 is tagged a name, but so frequent it is the word) or a place
        # (买买提 is tagged a noun, a name all the same: only a frequent noun is the word)
        wordy = (
            (f >= 20 and dict_tag(word) not in _NAME_TAGS | {"ns", "n"}) or f >= 300 or word in g
        )
        if before == "title":
            sure = bool(after) and not wordy
        elif listed and not wordy:
            sure = False  # 其木格和萨仁姐妹俩: listed after a name
        elif wordy or not after or not (before or _after_preposition(text, s)):
            continue
        else:
            sure = False
        out.append((0.75 if sure else 0.55, NameHit(s, e, "certain" if sure else "possible")))
        ends.add(e)
    return out


def _verb_at(text: str, pos: int) -> bool:
    """jieba's tagger reads the word starting at ``pos`` as a verb (骑着|马: 骑着马 is no
    word of the dictionary, its longest prefix 骑着 is untagged)."""
    toks = tagged(text, pos, min(len(text), pos + 6))
    return bool(toks) and toks[0].start == pos and toks[0].tag in ("v", "vd", "vi", "vg")


def _word_tag_at_(text: str, pos: int) -> str:
    for n in (3, 2, 1):
        w = text[pos : pos + n]
        if len(w) == n and (tag := dict_tag(w)):
            return tag
    return ""


def _after_preposition(text: str, s: int) -> bool:
    """A preposition or conjunction right before ``s`` (据巴特尔介绍, 和其其格)."""
    return s > 0 and text[s - 1] in "据由请让向对给跟同与和及被把为"


# Forms of address made of a common surname (the 100 most frequent, no function
# character): 老刘, 小张 and 刘叔, 王姐, 赵总 (a company's head).
_ADDRESS_SURNAMES = "".join(c for c in RANKED_SURNAMES[:100] if c not in AMBIGUOUS_SURNAMES)
_ADDRESS = re.compile(f"[老小][{_ADDRESS_SURNAMES}]|[{_ADDRESS_SURNAMES}][叔姨哥姐婶伯嫂总]")
_CALLING = ("叫他", "叫她", "喊他", "喊她", "称他", "称她", "叫", "喊")


def _address(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    """Forms of address that stand for a person (老刘是村里的老支书, 大家都叫他刘叔): a
    common surname after 老 or 小 or before 叔, 姨, 哥, 姐 …, no frequent word (小康, 小于,
    小龙), on word boundaries, at a clause start, after a preposition or a verb of calling,
    before a verb, a function word or a clause end. Possible names."""
    freq = _tokenizer().FREQ
    out = []
    for m in _ADDRESS.finditer(text):
        s, e = m.span()
        if covered(s, e):
            continue
        w = m.group()
        f = freq.get(w) or 0
        if f >= 400 or (f and dict_tag(w) in ("v", "vd", "a", "ad", "d", "c", "p")):
            continue
        called = any(text.endswith(c, 0, s) for c in _CALLING)
        if not (s == 0 or text[s - 1] in _CLAUSE or _after_preposition(text, s) or called):
            continue
        cuts = boundaries(text, max(0, s - 3), min(len(text), e + 3))
        if s not in cuts or e not in cuts:
            continue
        after = _context_after(text, e)
        if not after and _word_tag_at_(text, e) not in _VERB_TAGS:
            continue
        out.append((0.5, NameHit(s, e, "possible")))
    return out


# The frame of a person who leads or helps (在文静的帮助下, 在高峰的带领下): what stands
# between 在 and 的 is a person or a body.
_LED_BY = re.compile(
    f"在([{CJK}]{{2,4}}?)的(?:带领|带动|帮助|指导|陪同|支持|鼓励|影响|关心|号召|感召|组织|推动|"
    "指点|帮扶|引领)下"
)
_LED_WORD_TAGS = frozenset(("", "nr", "nrfg", "nrt"))
_LED_RARE = 200  # a word rarer than this (文静 n 74) may be a name in the frame
_PERSON_WORDS = (
    frozenset(PERSON_WORDS_BEFORE) | frozenset(PERSON_WORDS_MORE) | frozenset(PERSON_TITLES_AFTER)
)


def _led_by(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    """A surname and one or two more characters in the frame 在…的带领下 (在文静的帮助下)
    or 用…的话说 (用武建国的话说): a possible name, also where it is a word of the
    dictionary tagged a name (高峰 nr) or a rare word (文静), not a frequent word of
    another kind (在高校的支持下, 用时髦的话说)."""
    out = _framed(text, covered, _LED_BY, _LED_RARE) if "下" in text else []
    if "话" in text:
        out += [
            h for h in _framed(text, covered, _IN_WORDS_OF, _LED_RARE) if _like_a_name(text, h[1])
        ]
    return out


def _like_a_name(text: str, h: NameHit) -> bool:
    """The string's own logit is one from which the opener's lower floor applies, and no
    given character is unlike a name's (not 时髦, which jieba tags a name)."""
    w = text[h.start : h.end]
    sf = string_features(w, 2 if w[:2] in COMPOUND_SURNAMES else 1, _tokenizer().FREQ)
    return model().logit(sf) >= _OPENER_STRING and "g_neg" not in sf


# In someone's words (用武建国的话说, 用宋洁的话来说): what stands between 用 and 的 is a person.
_IN_WORDS_OF = re.compile(f"用([{CJK}]{{2,4}}?)的话(?:说|讲|来说|来讲)")


# A person's age right after what opens a clause (明月今年二十六岁, 向阳，45岁，): the one
# who is so old is a person.
_AGED = re.compile(
    f"(?:^|(?<=[，。；：！？、（“\n]))([{CJK}]{{2,4}}?)"
    "(?:今年|现年|已经|已)?[，,]?[0-9０-９一二三四五六七八九十]{1,3}(?:周)?岁(?![月末])"
)
# An age says a person more than 的带领下: words up to this frequency may be names before it.
_AGED_RARE = 3000


def _aged(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    """A surname and one or two more characters opening a clause before an age (今年二十六
    岁): a possible name under the checks of :func:`_led_by` (not 公司今年十岁, 孩子五岁)."""
    if "岁" not in text:
        return []
    return _framed(text, covered, _AGED, _AGED_RARE)


def _framed(
    text: str, covered: _Covered, frame: re.Pattern[str], rare: int
) -> list[tuple[float, NameHit]]:
    """The first group of each match of ``frame`` that is a surname and one or two more
    characters, as a possible name (:func:`_frame_name`)."""
    out = []
    for m in frame.finditer(text):
        s, e = m.span(1)
        if _frame_name(text, s, e, covered, rare):
            out.append((0.6, NameHit(s, e, "possible")))
    return out


def _frame_name(text: str, s: int, e: int, covered: _Covered, rare: int) -> bool:
    """``text[s:e]`` is a surname and one or two more characters that may be a name in a
    frame that says a person: not a word of the dictionary as frequent as ``rare`` unless
    it is tagged a name, not a character before a frequent word, not a word for a person."""
    if covered(s, e):
        return False
    sl = 2 if text[s : s + 2] in COMPOUND_SURNAMES else 1 if text[s] in SINGLE_SURNAMES else 0
    if not sl or not 1 <= e - s - sl <= 2 or any(c in NOT_IN_GIVEN for c in text[s + sl : e]):
        return False
    w = text[s:e]
    if freq_of(w) >= rare and dict_tag(w) not in _LED_WORD_TAGS:
        return False  # 在高校的支持下, 公司今年十岁: a frequent word
    given = text[s + sl : e]
    if len(given) == 2 and freq_of(given) >= 500 and dict_tag(given) not in _NAME_TAGS:
        return False  # 全社会, 全行业: a character before a frequent word
    # 在师傅的指导下: a word for a person
    return not (w in NOT_NAMES or w in _PERSON_WORDS or ANON_MARK.search(w))


# A person's age before 的 and what follows it (年过七旬的彭秀英, 八十二岁的宋洁, 年近花甲的…):
# the one described so is a person.
_AGED_DE = re.compile(
    "(?:[0-9０-９一二三四五六七八九十]{1,3}多?周?岁(?:出头|开外)?|"
    "年[过近逾届]?(?:[五六七八九]旬|花甲|古稀|耄耋|半百|不惑|而立)|[五六七八九]旬)的"
    f"(?=[{CJK}]{{2}})"
)
# one-character adverbs that open the predicate after a name (宋洁仍坚持, 林涛曾在…)
_ADVERB_AFTER = frozenset("仍曾总也都就还又再却便才即将已早")
_PEOPLE_TAIL = frozenset("生员工户匠者星")


def _aged_de(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    """A surname and one or two more characters right after an age and 的 (年过七旬的彭秀英
    至今…): a possible name under the checks of :func:`_led_by`, ending on a word boundary
    of jieba's and before an adverb that opens the predicate (not 十八岁的高中生)."""
    if "的" not in text:
        return []
    out = []
    for hit in _AGED_DE.finditer(text):
        s = hit.end()
        sl = 2 if text[s : s + 2] in COMPOUND_SURNAMES else 1
        cuts = boundaries(text, s, min(len(text), s + sl + 6))
        for gl in (2, 1):
            e = s + sl + gl
            if e > len(text) or e not in cuts or (gl == 2 and text[e - 1] in _ADVERB_AFTER):
                continue
            w = text[s:e]
            if not all(_CJK_RE.match(c) for c in w):
                continue
            if w[-1] in _PEOPLE_TAIL and freq_of(w) >= 5:
                break  # 十八岁的高中生, 童星: a word for people (jieba tags some nr)
            if not _like_a_name(text, NameHit(s, e, "possible")):
                break  # 单亲妈妈, 包工头, 龙凤胎: a string unlike a name
            if _frame_name(text, s, e, covered, _LED_RARE):
                out.append((0.6, NameHit(s, e, "possible")))
            break
    return out


def _leaders(text: str, covered: _Covered) -> list[tuple[float, NameHit]]:
    """Leaders standing as persons (国家主席习近平, 毛主席 …): possible, never certain;
    in a formula (习近平新时代…思想, 邓小平理论, 马克思主义) not at all."""
    out = []
    for name in PUBLIC_FIGURES:
        i = text.find(name)
        while i >= 0:
            e = i + len(name)
            if not covered(i, e) and not _FORMULA_AFTER.match(text, e):
                out.append((0.5, NameHit(i, e, "possible")))
            i = text.find(name, e)
    # foreign figures of the news (叶利钦, 奥巴马): possible, on jieba's word boundaries (安南
    # not in 安南县 or 越安南部, 布什 not in 布什么)
    for m in _FOREIGN_FIGURES.finditer(text):
        i, e = m.span()
        if not covered(i, e):
            cuts = boundaries(text, max(0, i - 3), min(len(text), e + 3))
            if i in cuts and e in cuts and text[e : e + 1] not in _DIVISION_SUFFIX:
                out.append((0.55, NameHit(i, e, "possible")))
    return out


_DIVISION_SUFFIX = frozenset("省市县区州镇乡村旗盟路街")
_FOREIGN_FIGURES = re.compile("|".join(sorted(FOREIGN_FIGURES, key=len, reverse=True)))


def find_uncued(text: str, taken: list[tuple[int, int]] = ()) -> list[NameHit]:
    """Names standing without a cue, each with its certainty; none overlaps ``taken``
    (spans already found by cues or as places)."""
    covered = _Covered(taken, len(text))
    scored = _han(text, covered)
    scored += _transliterated(text, covered)
    scored += _japanese(text, covered)
    scored += _tibetan(text, covered)
    scored += _minority(text, covered)
    scored += _address(text, covered)
    scored += _leaders(text, covered)
    scored += _led_by(text, covered)
    scored += _aged(text, covered)
    scored += _aged_de(text, covered)
    # The most probable of overlapping candidates; between equals the longer.
    scored.sort(key=lambda x: (-x[0], -(x[1].end - x[1].start), x[1].start))
    marks = bytearray(len(text) + 1)
    hits: list[NameHit] = []
    for _, h in scored:
        if any(marks[h.start : h.end]):
            continue
        marks[h.start : h.end] = b"\x01" * (h.end - h.start)
        hits.append(h)
    hits.sort(key=lambda h: h.start)
    hits = _complete_lists(text, hits, covered)
    _upgrade_lists(text, hits)
    return _propagate(text, hits, covered)


_LIST_MARKS = "、和与及"
P_LISTED = 0.08  # a candidate listed beside a name needs only this much


def _complete_lists(text: str, hits: list[NameHit], covered: _Covered) -> list[NameHit]:
    """Names listed beside a found one (庄文华、薛志刚; 赵立新、钱惠民两位同志): a candidate
    right across a list mark from a name is a possible name when the model gives it at
    least ``P_LISTED`` (the list is the context the model could not see)."""
    if not hits:
        return hits
    freq = _tokenizer().FREQ
    g = gazetteer()
    m = model()
    marks = bytearray(len(text) + 1)
    for h in hits:
        marks[h.start : h.end] = b"\x01" * (h.end - h.start)
    counts: dict[str, int] = {}
    tags = _Tags(text)
    out = list(hits)
    todo = list(hits)
    while todo:
        h = todo.pop()
        options = []
        if h.end < len(text) and text[h.end] in _LIST_MARKS:
            a = h.end + 1
            options += [c for c in _han_candidates(text[: a + 4], a) if c[0] == a]
        if h.start > 0 and text[h.start - 1] in _LIST_MARKS:
            b = h.start - 1
            options += [c for c in _han_candidates(text[:b], max(0, b - 4)) if c[2] == b]
        best = None
        for s, sl, e in options:
            if any(marks[s:e]) or covered(s, e):
                continue
            w = text[s:e]
            if w in g or ((freq.get(w) or 0) >= 100 and dict_tag(w) == "ns"):
                continue  # 石破茂与韩国总统: a country or a place listed beside a name
            partners = {h.start, h.end}
            feats = han_features(text, s, sl, e, freq, partners, counts)
            feats.update(boundary_features(text, s, e, freq))
            cut = _role_cuts(text, s, e) if "R_role" in feats else ()
            feats.update(tag_features(tags.around(s, sl, cut), s, e))
            p = m.probability(m.logit(feats))
            if p >= P_LISTED and (best is None or p > best[0]):
                best = (p, s, e)
        if best is None:
            best = _listed_translit(text, h, marks, covered, freq, g)
        if best is not None:
            _, s, e = best
            hit = NameHit(s, e, "possible")
            marks[s:e] = b"\x01" * (e - s)
            out.append(hit)
            todo.append(hit)
    out.sort(key=lambda h: h.start)
    return out


def _is_translit(w: str) -> bool:
    letters = [c for c in w if c not in _DOTS]
    return len(letters) >= 2 and all(translit_score(c) >= _TRANSLIT_MIN for c in letters)


def _listed_translit(text: str, h: NameHit, marks, covered, freq: dict, g):
    """A transliterated name listed right after a transliterated name (汤姆和杰瑞, 玛丽、
    约翰): a run of transliteration characters, no word of the dictionary but a name, no
    place."""
    if not _is_translit(text[h.start : h.end]) or h.end >= len(text):
        return None
    if text[h.end] not in _LIST_MARKS:
        return None
    a = h.end + 1
    for s, e in _translit_runs(text[: a + 12]):
        if s != a:
            continue
        s, e = _cut_translit(text, s, e, freq)
        letters = [c for c in text[s:e] if c not in _DOTS]
        if s != a or not 2 <= len(letters) <= 10 or any(marks[s:e]) or covered(s, e):
            return None
        w = text[s:e]
        f = freq.get(w) or 0
        if w in g or (f and dict_tag(w) not in _NAME_TAGS) or f >= _FULL_NAME_FREQ:
            return None  # 汤姆和美国, 玛丽和咖啡, …和阿拉伯 (a word the dictionary mistags)
        if sum(translit_score(c) for c in letters) / len(letters) < 1.5:
            return None
        return (0.5, s, e)
    return None


def _upgrade_lists(text: str, hits: list[NameHit]) -> None:
    """A possible name listed right beside a certain one (何建平、宋海燕) is certain: the
    list says what its members are."""
    changed = True
    while changed:
        changed = False
        for a, b in zip(hits, hits[1:], strict=False):
            if b.start - a.end == 1 and text[a.end] in "、和与及":
                if (
                    a.certainty != b.certainty
                    and not _is_leader(text, a)
                    and not _is_leader(text, b)
                ):
                    a.certainty = b.certainty = "certain"
                    changed = True


def _is_leader(text: str, h: NameHit) -> bool:
    return text[h.start : h.end] in PUBLIC_FIGURES


def _propagate(text: str, hits: list[NameHit], covered: _Covered) -> list[NameHit]:
    """Every other occurrence of a name found here, with the same certainty: a write-up
    names its people more than once (张伟牵头… 张伟说…). Names that are dictionary words
    (汪洋, 高峰) are not spread: the other occurrence may be the word."""
    freq = _tokenizer().FREQ
    names: dict[str, str] = {}
    words_: set[str] = set()  # names that are words (高峰, 田野): spread where a name stands
    for h in hits:
        word = text[h.start : h.end]
        if h.end - h.start < 2 or word in PUBLIC_FIGURES:
            continue
        if not freq.get(word):
            if names.get(word) != "certain":
                names[word] = h.certainty
        else:
            words_.add(word)
    for word in words_:
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if not covered(i, j) and _stands_as_name(text, i, j, hits):
                hits = [*hits, NameHit(i, j, "possible")]
            i = text.find(word, j)
    if not names:
        return sorted(hits, key=lambda h: h.start)
    marks = bytearray(len(text) + 1)
    for h in hits:
        marks[h.start : h.end] = b"\x01" * (h.end - h.start)
    extra = []
    inner: set[int] = set()  # id() of hits a longer occurrence replaces
    for word, certainty in names.items():
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if not covered(i, j):
                if not any(marks[i:j]):
                    extra.append(NameHit(i, j, certainty))
                    marks[i:j] = b"\x01" * (j - i)
                else:
                    # a shorter name found inside this occurrence (姜德明 … 姜德|明说): the
                    # name found elsewhere is the whole
                    parts = [h for h in hits if h.start < j and i < h.end]
                    if parts and all(i <= h.start and h.end <= j for h in parts):
                        inner.update(id(h) for h in parts)
                        extra.append(NameHit(i, j, certainty))
            i = text.find(word, j)
    if not extra:
        return hits
    return sorted([h for h in hits if id(h) not in inner] + extra, key=lambda h: h.start)


def _stands_as_name(text: str, i: int, j: int, hits: list[NameHit]) -> bool:
    """Another occurrence of a name that is a word (高峰 … 高峰的妻子) stands where a name
    does: no hit there yet, at a clause start or after a preposition, on jieba's word
    boundaries, before no noun it would head (高峰时段) and before 的, a word that follows
    names or a verb."""
    if any(h.start < j and i < h.end for h in hits):
        return False
    if not (i == 0 or text[i - 1] in _CLAUSE or _after_preposition(text, i)):
        return False
    cuts = boundaries(text, max(0, i - 3), min(len(text), j + 3))
    if i not in cuts or j not in cuts or _noun_follows(text, j):
        return False
    # what follows says a person: 的, a word that follows names, a verb (高峰期间, 田野里 no)
    return (
        text[j : j + 1] == "的"
        or word_after(text, j) is not None
        or _word_tag_at_(text, j) in ("v", "vd", "vi")
    )


# A given name standing alone is addressed (海燕，你…) or called (名叫海燕).
_ADDRESSED_AFTER = re.compile(r"[ \t]*[，,！!]+[ \t]*(?:你|您|咱|快|别|来|过来)")


def find_given_alone(text: str, names: list[tuple[int, int]], taken) -> list[NameHit]:
    """Given names standing without their surname, as possible names:

    * the two-character given name of a name found in the text (宋海燕 … 海燕说), at a
      clause start or after a preposition, before a verb, a function word or a clause
      end: a write-up names its people by the given name once it has named them in full;
    * a two-character word that jieba's dictionary holds as a name, or a string no word
      with name-like characters, addressed (海燕，你回来了) or called (名叫海燕).

    ``names`` are the spans of the names found, ``taken`` of everything found."""
    n = len(text)
    marks = _Covered(taken, n)
    freq = _tokenizer().FREQ
    scores = given_scores()
    out: list[NameHit] = []
    givens = set()
    for s, e in names:
        sl = 2 if text[s : s + 2] in COMPOUND_SURNAMES else 1
        if e - s - sl == 2:
            givens.add(text[s + sl : e])
    for g in givens:
        i = text.find(g)
        while i >= 0:
            j = i + len(g)
            if not marks(i, j) and _stands_alone(text, i, j):
                out.append(NameHit(i, j, "possible"))
                marks.marks[i:j] = b"\x01" * (j - i)
            i = text.find(g, j)
    for m in _ADDRESSED_AFTER.finditer(text):
        _given_before(text, m.start(), marks, freq, scores, out)
    for m in re.finditer("名叫|叫做|叫|喊|唤", text):
        _given_after(text, m.end(), marks, freq, scores, out)
    out.sort(key=lambda h: h.start)
    return out


def _stands_alone(text: str, i: int, j: int) -> bool:
    before = i == 0 or text[i - 1] in _CLAUSE or _after_preposition(text, i)
    if not before:
        return False
    cuts = boundaries(text, max(0, i - 3), min(len(text), j + 3))
    if i not in cuts or j not in cuts:
        return False
    after = _context_after(text, j)
    return bool(after) or _word_tag_at_(text, j) in _VERB_TAGS


def _name_like(w: str, freq: dict, scores: dict) -> bool:
    f = freq.get(w) or 0
    if f:
        return dict_tag(w) in _NAME_TAGS and f < 500
    return sum(scores.get(c, -3.0) for c in w) >= 2.5


def _given_before(text, e, marks, freq, scores, out) -> None:
    s = e - 2
    if s < 0 or marks(s, e) or not (s == 0 or text[s - 1] in _CLAUSE):
        return  # the whole clause before the comma is the name
    w = text[s:e]
    if _CJK_RE.fullmatch(w[0]) and _CJK_RE.fullmatch(w[1]) and _name_like(w, freq, scores):
        out.append(NameHit(s, e, "possible"))
        marks.marks[s:e] = b"\x01\x01"


def _given_after(text, s, marks, freq, scores, out) -> None:
    e = s + 2
    if e > len(text) or marks(s, e) or not (e == len(text) or text[e] in _CLAUSE):
        return
    w = text[s:e]
    if _CJK_RE.fullmatch(w[0]) and _CJK_RE.fullmatch(w[1]) and _name_like(w, freq, scores):
        out.append(NameHit(s, e, "possible"))
        marks.marks[s:e] = b"\x01\x01"

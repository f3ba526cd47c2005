"""Person names that stand without a title, a role or a phone number beside them.

In case write-ups and news most names stand alone: 张伟牵头成立专班, 据李明介绍,
王芳、刘洋等, 个体户陈静说. Each surname in the text (the common single and compound
ones) opens candidates of one or two more characters, and a candidate is reported only
when independent signals agree; no one signal decides:

* **the word itself** (cheap, from dictionaries): a common word of jieba's dictionary
  that is not tagged a name vetoes it (高新, 万元, 常务, 高效, 周年, 方便, 石化); so do
  candidates that start inside the word before them (提高新…) or whose last character
  starts the word after them (罗斌认为 holds 罗斌, not 罗斌认). Otherwise it scores by how
  name-like its given-name characters are (``indexer/data/given_names.tsv``: 伟, 芳,
  晓 score high, 区, 年, 业 low) and by whether jieba knows it: unknown strings and rare
  name entries count for it, frequent name entries that are everyday words (文明, 高峰,
  黎明) count for nothing;
* **jieba's tagger** on a short window (with HMM, so unknown names come out whole):
  the candidate is a name token or made of name tokens;
* **the context**: a verb of speech or action right after it (说, 表示, 介绍, 牵头, 带领),
  a cue before it (据, 经), a list with another name (王芳、刘洋等), or weaker, the
  function words that follow a subject (在, 和, 把, 等).

Points: the word 0-3, the tagger 0 or 2, the context 0-2. Four make a name that may be
one (``possible``: shown, the user keeps or replaces it); six make it certain. Some
context is always needed: a name-like word that jieba tags a name in the middle of a
noun phrase (普惠小微贷款) is not reported. So a
common name entry (高峰) needs both the tagger and a strong context (高峰提出…), and
用电高峰组织生产 stays clean.

Transliterated names without a middle dot (托马斯说, 巴特尔是) need the tagger's name
tag, transliteration characters only, and a context; they are at most ``possible``.
Tibetan names (two of the usual syllables: 扎西次仁, 次仁卓玛) need a context.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from importlib import resources

from .gazetteer import gazetteer
from .lexicon import (
    ANON_MARK,
    CJK,
    COMPOUND_SURNAMES,
    NOT_IN_GIVEN,
    NOT_NAMES,
    PUBLIC_FIGURES,
    SINGLE_SURNAMES,
    TRANSLIT_CHARS,
)
from .segment import _tokenizer, dict_tag, tagged

__all__ = ["NameHit", "find_uncued", "given_scores"]

_lock = threading.Lock()
_scores: dict[str, float] | None = None

POSSIBLE, CERTAIN = 4, 6
_UNSEEN = -3.0  # a character never seen in a given name
_COMMON = 100  # a name entry this frequent is an everyday word too (文明, 高峰)
_BOUNDARY_FREQ = 50  # a word across the candidate's edge must be this frequent to veto
_COMPOUND_WORD = 1000  # a compound surname this frequent as another word (东方) is that word
# Function characters: a word across the candidate's end that ends in one (平和 in
# 贾平和夏雨, 建国和) is read as name + 和 rather than as that word.
_FUNCTION_END = frozenset("和与及同跟在是的把将对从向也都就还又")

# Verbs of speech and action that follow a name (张伟牵头, 李明介绍, 陈静说).
STRONG_AFTER = tuple(
    "说 表示 介绍 认为 指出 强调 告诉 谈到 谈及 回忆 感慨 坦言 透露 解释 提出 提议 建议 "
    "要求 回答 牵头 带领 率领 率队 带队 主持 召集 等人 等同志 夫妇 一行 同志 领衔 亲自 "
    "专程 多次 主动 表态 讲述 分析 补充 笑着 高兴地 算了 看来 耐心 认真 坚持 立即 当即 "
    "连夜 随即 深有体会 深有感触 回顾 听说 说道 感叹 承诺 呼吁 宣布 汇报 批示 谈 讲 问 答道 称 "
    "打算 准备 决定 希望 觉得 而言 来说 看到 发现 想到 记得 第一次 第二次 第三次".split()
)
# Weaker: words and function words that often follow a subject (孙丽娟在…, 王芳和…).
WEAK_AFTER = tuple(
    "在 和 与 及 把 将 对 从 向 是 也 还 又 就 都 曾 已 一直 今年 去年 每天 等 的 负责 分管 "
    "参加 出席 参与 走访 调研 考察 发言 讲话 指导 协调 担任 兼任 被 获 荣获 获评 获得 "
    "从事 研发 设计 开发 接手 拿出 演示 通过 作为 组织 完成 提交 带 率 为 给 用 "
    "介绍 来到 来自 现任 任 作 作了 团队 一家 家里 本人 具体 分别 同样 也是 家 夫妇 老人 "
    "女士 先生 一边 手中 手里 身边 所在".split()
)
STRONG_BEFORE = ("据", "经", "经过", "请", "邀请", "听")
# Nouns for people that a name follows in apposition (工作人员潘丽, 退休职工戴国强).
PERSON_NOUNS = tuple(
    "人员 职工 员工 市民 群众 村民 居民 农民 牧民 代表 负责人 个体户 店主 老板 党员 干部 "
    "创始人 合伙人 老板娘 主人 丈夫 妻子 儿子 女儿 父亲 母亲 同事 徒弟 老党员 "
    "志愿者 专家 教师 医生 网格员 办事员 联络员 代办员 帮办员 村支书 业主 创业者 法人 "
    "企业家 记者 通讯员".split()
)
WEAK_BEFORE = ("由", "让", "和", "与", "同", "跟", "向", "给", "对", "是", "及", "的")
# Lists of short items (档案、史志、智库) are common in government prose: a 、 says
# nothing by itself, only a name listed beside another (王芳、刘洋) does.
_LIST_MARKS = "、和与及"
_AFTER_STRONG = re.compile("|".join(sorted(STRONG_AFTER, key=len, reverse=True)))
_AFTER_WEAK = re.compile("|".join(sorted(WEAK_AFTER, key=len, reverse=True)))
_CJK_RE = re.compile(f"[{CJK}]")
_SURNAME_RE = re.compile(
    "(?:"
    + "|".join(sorted(COMPOUND_SURNAMES, key=len, reverse=True))
    + f")|[{''.join(sorted(SINGLE_SURNAMES))}]"
)
_TRANSLIT_RUN = re.compile(f"[{''.join(sorted(TRANSLIT_CHARS))}]{{3,6}}")
_CLAUSE = frozenset("，。；：！？、（）“”‘’《》\n\t 　,.;:!?()\"'")
_NAME_TAGS = frozenset(("nr", "nrfg", "nrt", "nrf"))
# Tibetan given names are two of a small set of syllables (扎西次仁, 次仁卓玛, 格桑拉姆)
# and carry no surname.
TIBETAN_SYLLABLES = (
    "扎西 次仁 多吉 卓玛 旦增 格桑 平措 罗布 达瓦 尼玛 白玛 拉姆 央金 顿珠 索朗 普布 次旦 "
    "桑珠 德吉 曲珍 洛桑 贡布 仁青 益西 强巴 群培 边巴 巴桑 米玛 琼达 玉珍 措姆 央宗 "
    "德庆 旺堆 丹增 晋美 嘎玛 泽仁 泽登 格列 阿旺 拉巴 次仁卓 降央 土登 加措 嘉措"
).split()
_TIBETAN = re.compile(f"(?:{'|'.join(TIBETAN_SYLLABLES)}){{2}}")


@dataclass(slots=True)
class NameHit:
    start: int
    end: int
    certainty: str  # "certain" | "possible"


def given_scores() -> dict[str, float]:
    """Name-likeness of characters in given names (``scripts/build_names.py``)."""
    global _scores
    if _scores is None:
        with _lock:
            if _scores is None:
                path = resources.files("indexer") / "data" / "given_names.tsv"
                out: dict[str, float] = {}
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line and line[0] != "#":
                        c, s = line.split("\t")
                        out[c] = float(s)
                _scores = out
    return _scores


def _word_points(text: str, s: int, sl: int, e: int, freq: dict, scores: dict) -> int | None:
    """Points of the candidate ``text[s:e]`` (surname of ``sl`` characters) as a word,
    or None when a common word vetoes it."""
    word = text[s:e]
    if word in NOT_NAMES or word in PUBLIC_FIGURES or ANON_MARK.search(word):
        return None
    f = freq.get(word) or 0
    named = False
    if f:
        tag = dict_tag(word)
        if not tag.startswith("nr"):
            return None  # 高新, 万元, 常务, 高效, 周年, 方便, 石化
        named = True
    if word in gazetteer():
        return None
    if 0 < s and e < len(text) and text[s - 1] in "“‘「『《" and text[e] in "”’」』》":
        return None  # “金芙蓉”, “苏超”: a name in quotation marks is a thing's name
    if _inside_longer_word(text, s, e, freq):
        return None  # 欣欣向荣: 向荣 is inside the idiom
    # Starts inside the word before it (提高新…, 规范化), or its end starts the next word
    # (罗斌认为 → not 罗斌认).
    if s > 0 and _CJK_RE.match(text[s - 1]):
        left = text[s - 1 : s + 1]
        lf = freq.get(left) or 0
        if lf >= _BOUNDARY_FREQ and not dict_tag(left).startswith("nr"):
            return None
    if e < len(text) and _CJK_RE.match(text[e]) and text[e] not in _FUNCTION_END:
        right = text[e - 1 : e + 1]
        rf = freq.get(right) or 0
        if rf >= _BOUNDARY_FREQ and not dict_tag(right).startswith("nr"):
            return None
    if e - s - sl == 2:
        head = text[s : s + sl + 1]
        hf = freq.get(head) or 0
        if hf >= _BOUNDARY_FREQ and dict_tag(head)[:2] not in ("nr", "ns"):
            return None  # 师德师风: 师德 is a word, the name would start inside it
    given = sum(scores.get(c, _UNSEEN) for c in text[s + sl : e])
    points = 2 if given >= 2.5 else 1 if given >= 0.8 else 0
    if not f:
        points += 1  # unknown to the dictionary: most people's names
    elif named and f < _COMMON and e - s - sl == 1:
        points += 1  # a rare name entry of surname + one character (陶然, 韩冬)
    elif named and (f >= _COMMON or (e - s - sl == 2 and f >= _BOUNDARY_FREQ)):
        # 文明, 黎明, 高峰, 高水平: everyday words first, names only if all else says so;
        # a very name-like given name (鸣, 诺, 峰) still counts for one point
        points = 1 if given >= 2.5 else 0
    return points


def _inside_longer_word(text: str, s: int, e: int, freq: dict) -> bool:
    """A frequent dictionary word of three or four characters that is no name runs across
    the candidate's start or end."""
    n = len(text)
    for a in range(max(0, s - 3), s):
        for b in range(s + 1, min(n, a + 4) + 1):
            if b - a >= 3 and (freq.get(text[a:b]) or 0) >= _BOUNDARY_FREQ:
                if not dict_tag(text[a:b]).startswith("nr"):
                    return True
    for a in range(s + 1, e):
        for b in range(e + 1, min(n, a + 4) + 1):
            if b - a >= 3 and (freq.get(text[a:b]) or 0) >= _BOUNDARY_FREQ:
                if not dict_tag(text[a:b]).startswith("nr"):
                    return True
    return False


def _context(text: str, s: int, e: int, names_at: set[int], loose: bool = False) -> int:
    """2 for a strong context (a verb of speech or action after, 据 before, a list with
    another name), 1 for a weak one on both sides, else 0. ``loose`` (for strings that are
    no dictionary word and look much like names): the two sides add up, so a clause start
    alone (，封志强深有感触) or a weak word after alone counts 1."""
    after = 0
    if _AFTER_STRONG.match(text, e):
        after = 2
    elif e >= len(text) or text[e] in "，。；：！？":
        after = 1
    elif _AFTER_WEAK.match(text, e):
        after = 1
    before = 0
    for cue in STRONG_BEFORE + PERSON_NOUNS:
        if s >= len(cue) and text.startswith(cue, s - len(cue)):
            before = 2
            break
    else:
        if s == 0 or (text[s - 1] in _CLAUSE and text[s - 1] != "、"):
            before = 1
        else:
            for cue in WEAK_BEFORE:
                if s >= len(cue) and text.startswith(cue, s - len(cue)):
                    before = 1
                    break
    listed = (e < len(text) and text[e] in _LIST_MARKS and (e + 1) in names_at) or (
        s > 0 and text[s - 1] in _LIST_MARKS and (s - 1) in names_at
    )
    if listed or after == 2 or before == 2:
        return 2
    if loose:
        return min(2, after + before)
    return 1 if (after and before) else 0


def _tagger(text: str, s: int, e: int, loose: bool = False) -> tuple[bool, int]:
    """Whether jieba (with HMM) on a short window makes ``text[s:e]`` a name token or
    splits it into name tokens (王/nr 文明/nr) and nothing else; and the context its tags
    show (1 when a verb or preposition stands before it and a verb, preposition or
    particle after it: 学习/v 张桂梅/nr 的/uj)."""
    a, b = max(0, s - 6), min(len(text), e + 6)
    toks = tagged(text, a, b)
    inside = [t for t in toks if t.start >= s and t.end <= e]
    agrees = (
        bool(inside)
        and inside[0].start == s
        and inside[-1].end == e
        and sum(t.end - t.start for t in inside) == e - s
        and (
            all(t.tag in _NAME_TAGS for t in inside)
            or (len(inside) == 2 and inside[0].tag in _NAME_TAGS and len(inside[0].word) == 1)
        )
    )
    before = [t for t in toks if t.end == s]
    after = [t for t in toks if t.start == e]
    before_ok = bool(before) and before[0].tag in ("v", "p")
    after_ok = bool(after) and after[0].tag in ("v", "vd", "p", "d", "c", "u", "uj", "ul", "uz")
    ctx = int((before_ok or after_ok) if loose else (before_ok and after_ok))
    return agrees, ctx


def find_uncued(text: str, taken: list[tuple[int, int]] = ()) -> list[NameHit]:
    """Names standing without a cue, each with its certainty; none overlaps ``taken``
    (spans already found by cues or as places)."""
    freq = _tokenizer().FREQ
    scores = given_scores()
    covered = _Covered(taken, len(text))
    hits: list[NameHit] = []
    cands: list[tuple[int, int, int]] = []  # (start, end, word points)
    for m in _SURNAME_RE.finditer(text):
        s = m.start()
        sl = m.end() - s
        if sl == 2 and (freq.get(m.group()) or 0) >= _COMPOUND_WORD:
            if dict_tag(m.group()) not in ("nr", "ns"):
                continue  # 东方英才: 东方 is a word here, not the compound surname
        best = None
        for glen in (2, 1):
            e = s + sl + glen
            if e > len(text):
                continue
            given = text[s + sl : e]
            if not all(_CJK_RE.match(c) and c not in NOT_IN_GIVEN for c in given):
                continue
            pts = _word_points(text, s, sl, e, freq, scores)
            if pts is None:
                continue
            if pts == 0 and not (glen == 1 and (freq.get(text[s:e]) or 0) >= _COMMON):
                continue  # only a word-like name entry (汪洋, 高峰) may start from nothing
            if best is None or pts > best[2]:
                best = (s, e, pts)
        if best is not None:
            cands.append(best)
    # Two passes: names found on their own, then candidates listed beside them
    # (王芳、刘洋; 何建平、宋海燕) with the list as their context.
    # In the first pass a list partner counts when it is itself much like a name.
    names_at = {c[0] for c in cands if c[2] >= 2} | {c[1] for c in cands if c[2] >= 2}
    done: set[int] = set()
    for second in (False, True):
        for s, e, pts in cands:
            if s in done or covered(s, e):
                continue
            if second and (e + 1) not in names_at and (s - 1) not in names_at:
                continue
            hit = _judge(text, s, e, pts, names_at, freq)
            if hit is not None:
                hits.append(hit)
                done.add(s)
        names_at |= {h.start for h in hits} | {h.end for h in hits}
    hits.extend(_transliterated(text, covered, freq))
    for m in _TIBETAN.finditer(text):
        s, e = m.span()
        if not covered(s, e) and (ctx := _context(text, s, e, names_at)):
            hits.append(NameHit(s, e, "certain" if ctx == 2 else "possible"))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[NameHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    _upgrade_lists(text, out)
    return _propagate(text, out, covered, freq)


def _propagate(text: str, hits: list[NameHit], covered: _Covered, freq: dict) -> list[NameHit]:
    """Every other occurrence of a name found here, with the same certainty: a write-up
    names its people more than once (张伟牵头… 张伟说…). Names that are dictionary words
    (汪洋, 高峰) are not spread: the other occurrence may be the word."""
    names: dict[str, str] = {}
    for h in hits:
        word = text[h.start : h.end]
        if not freq.get(word) and h.end - h.start >= 2:
            if names.get(word) != "certain":
                names[word] = h.certainty
    if not names:
        return hits
    seen = {(h.start, h.end) for h in hits}
    extra = []
    for word, certainty in names.items():
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if (i, j) not in seen and not covered(i, j):
                extra.append(NameHit(i, j, certainty))
            i = text.find(word, j)
    if not extra:
        return hits
    merged = sorted(hits + extra, key=lambda h: (h.start, -(h.end - h.start)))
    out: list[NameHit] = []
    for h in merged:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def _judge(text: str, s: int, e: int, pts: int, names_at: set[int], freq: dict) -> NameHit | None:
    """The candidate ``text[s:e]`` with ``pts`` points as a word: a hit or None."""
    loose = pts >= 3 and not freq.get(text[s:e])
    ctx = _context(text, s, e, names_at, loose)
    if (not ctx and pts < 2) or pts + max(ctx, 1) + 2 < POSSIBLE:
        return None  # even the tagger could not make it a name
    agrees, tag_ctx = _tagger(text, s, e, loose)
    said = ctx  # the context the words themselves give
    if pts >= 2 and agrees:
        ctx = ctx or tag_ctx  # tags alone say little about a word-like candidate
    if not ctx:
        return None
    total = pts + ctx + (2 if agrees else 0)
    if total < POSSIBLE:
        return None
    # Certain only with a context in the words (not only in the tags), a strong one for
    # a string the dictionary knows (楼宇 is tagged a name, 以楼宇为依托 is no person).
    sure = total >= CERTAIN and said >= (2 if freq.get(text[s:e]) else 1)
    return NameHit(s, e, "certain" if sure else "possible")


def _upgrade_lists(text: str, hits: list[NameHit]) -> None:
    """A possible name listed right beside a certain one (何建平、宋海燕) is certain: the
    list says what its members are."""
    changed = True
    while changed:
        changed = False
        for a, b in zip(hits, hits[1:], strict=False):
            if b.start - a.end == 1 and text[a.end] in "、和与及":
                if a.certainty != b.certainty:
                    a.certainty = b.certainty = "certain"
                    changed = True


def _transliterated(text: str, covered: _Covered, freq: dict) -> list[NameHit]:
    out = []
    for m in _TRANSLIT_RUN.finditer(text):
        s, e = m.span()
        if covered(s, e):
            continue
        word = text[s:e]
        if word in PUBLIC_FIGURES or word in gazetteer():
            continue
        if _context(text, s, e, set()) < 1:
            continue
        toks = [t for t in tagged(text, max(0, s - 4), min(len(text), e + 4))]
        for t in toks:
            if (
                t.start >= s
                and t.end <= e
                and len(t.word) >= 3
                and t.tag in ("nrt", "nrf", "nr")
                and not (freq.get(t.word) and dict_tag(t.word) not in ("nrt", "nrf", "nr"))
                and _context(text, t.start, t.end, set()) >= 1
            ):
                out.append(NameHit(t.start, t.end, "possible"))
    return out


class _Covered:
    """The characters covered by some spans, for O(1) overlap tests."""

    def __init__(self, spans, n: int) -> None:
        self.marks = bytearray(n + 1)
        for a, b in spans:
            self.marks[a:b] = b"\x01" * (b - a)

    def __call__(self, s: int, e: int) -> bool:
        return any(self.marks[s:e])

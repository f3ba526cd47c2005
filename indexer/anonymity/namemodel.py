"""The name model: how much a candidate and the words around it look like a person's name.

A candidate is a surname (common, compound or rare) and one or two more characters. Its
features are cheap facts about the string and its neighbours, and jieba's tags on a short
window around it:

* the string: how name-like its given-name characters are (``given_names.tsv``), how
  common the surname is, whether jieba's dictionary knows it and with what tag and
  frequency, whether it is part of other dictionary words (``name_words.tsv``: 文明 is in
  文明城市), whether a dictionary word runs across its start or its end (提高新…, 罗斌认为),
  whether it ends in a character of place names (马福川, 白鹤滩), whether it is a place of
  the gazetteer or stands in quotation marks, whether it is a word and a suffix (管理|人:
  surname and first given character a frequent word, the given characters unlike a
  name's), whether a given character is one no name of the dictionary has (申贷);
* the words around it: a clause start, a list mark, a title or a word for people before it
  (村民, 总统), a preposition before it (据, 由, 和, the 以 of 以张伟为组长), a verb of speech
  or action after it (说, 表示, 牵头), a title after it (同志, 总理), a role it holds after
  it (任组长, 为副组长), function words after it (在, 是, 的), a
  name-like neighbour across a list mark, a common noun listed beside it (民宿、农家乐),
  another occurrence of the string in the text;
* jieba's tagger (with HMM) on a short window: the candidate is a name token or made of
  name tokens, a plain token, part of a longer name, or cut across; the tags of the words
  before and after it (a verb after a name is its predicate).

The features are combined by a logistic regression whose weights
(``indexer/data/person_model.tsv``) are fitted by ``scripts/build_person_model.py`` on the
annotated development sets in ``bench/data`` (never on the frozen blind sets). The tagger
is slow, so a candidate is tagged only when its cheap features, with the best the tags
could add, could make it a name.
"""

from __future__ import annotations

import math
import re
import threading
from importlib import resources

from .gazetteer import gazetteer
from .lexicon import (
    AMBIGUOUS_SURNAMES,
    CJK,
    COMPOUND_SURNAMES,
    PERSON_TITLES_AFTER,
    PERSON_WORDS_BEFORE,
    PERSON_WORDS_MORE,
    RARE_SURNAMES,
    ROLE_WORDS,
    SINGLE_SURNAMES,
    TITLES_AFTER,
    TRANSLIT_CHARS,
)
from .segment import Token, dict_tag

__all__ = [
    "Model",
    "RANKED_SURNAMES",
    "STRONG_AFTER",
    "WEAK_AFTER",
    "boundary_features",
    "context_features",
    "han_features",
    "string_features",
    "model",
    "name_words",
    "surname_length",
    "table",
    "tag_features",
    "title_length_before",
    "translit_score",
    "word_after",
]

_lock = threading.Lock()
_tables: dict[str, dict] = {}
_model: Model | None = None

# Verbs of speech and action that follow a name (张伟牵头, 李明介绍, 陈静说).
STRONG_AFTER = tuple(
    "说 表示 介绍 认为 指出 强调 告诉 谈到 谈及 回忆 感慨 坦言 透露 解释 提出 提议 建议 "
    "要求 回答 牵头 带领 率领 率队 带队 主持 召集 等人 等同志 夫妇 一行 同志 领衔 亲自 "
    "专程 多次 主动 表态 讲述 分析 补充 笑着 高兴地 算了 看来 耐心 认真 坚持 立即 当即 "
    "连夜 随即 深有体会 深有感触 回顾 听说 说道 感叹 承诺 呼吁 宣布 汇报 批示 谈 讲 问 答道 称 "
    "打算 准备 决定 希望 觉得 而言 来说 看到 发现 想到 记得 第一次 第二次 第三次 会见 会晤 "
    "出席 致辞 发表 签署 访问 抵达 当选 获得 荣获 被评为 被授予 摄 报道 "
    # verbs of what a person made or did in news prose (袁隆平培育的, 梁晓声创作的)
    "培育 创作 主演 执导 导演 创办 创立 发明 捐出 捐赠 夺得 赢得 涉嫌 因涉嫌 犯 同意".split()
)
# Weaker: words and function words that often follow a subject (孙丽娟在…, 王芳和…).
WEAK_AFTER = tuple(
    "在 和 与 及 把 将 对 从 向 是 也 还 又 就 都 曾 已 一直 今年 去年 每天 等 负责 分管 "
    "参加 参与 走访 调研 考察 发言 讲话 指导 协调 担任 兼任 被 获 获评 "
    "从事 研发 设计 开发 接手 拿出 演示 通过 作为 组织 完成 提交 带 率 为 给 用 "
    "来到 来自 现任 任 作 作了 团队 一家 家里 本人 具体 分别 同样 也是 家 老人 "
    "女士 先生 一边 手中 手里 身边 所在 今年 当年 如今 毕业 大学 时 当天 今天 昨天 日前 "
    "近日 此前 随后 同日 当日 上午 下午 晚上 首先 最后 特别 一再 再次 始终".split()
)
# Prepositions and conjunctions before a name (据李明介绍, 由张伟牵头, 和王芳一起).
PREPOSITIONS_BEFORE = tuple(
    "据 经 由 请 邀请 听 让 叫 名叫 是 向 对 给 跟 同 与 和 及 把 被 为 找 随 跟随 陪同 连同 "
    "推选 任命 选举 授予 表彰 看望 慰问 会见 会晤 接见 免去 免 聘任 聘请 提名 采访 见到 "
    "找到 联系 告诉 问 帮助 带着 带领 率领 感谢 祝贺 会同 以及 有 "
    "采访了 见到了 找到了 看望了 慰问了 拜访 拜访了 遇到 遇见 结识 认识了 嫁给 娶了 "
    # verbs of reaching or recalling a person (记者联系上了尹建华, 提起周海涛，乡亲们…)
    "联系上 联系上了 联系到 联系到了 提起 说起 谈起".split()
)
# More of them the check looks up but the fit does not (see ``lexicon.PERSON_WORDS_MORE``):
# verbs of telling or handing something to a person (他把这件事告诉了章国栋) and what people
# call a person (乡亲们都叫她宋洁).
PREPOSITIONS_MORE = tuple(
    "告诉了 交给 交给了 送给 送给了 转告 转告了 叫他 叫她 喊他 喊她 称他 称她 管他叫 管她叫".split()
)
# Last characters of place names (马福川, 白鹤滩, 马栏山, 卢沟桥): a name may end in one
# (金山, 小川), a place mostly does.
PLACE_TAILS = frozenset(
    "川滩山河湖岭沟村庄桥港湾岛洲坝寺塔峰岗坡塘溪江海关口场园殿宫楼阁亭堂院馆街路镇县市省区州屯寨堡集铺店"
)
_CLAUSE = frozenset("，。；：！？（）“”‘’《》【】\n\t 　,.;:!?()\"'")
_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"
_CJK = re.compile(f"[{CJK}]")
# Function characters: a word across the candidate's end that ends in one (平和 in
# 贾平和夏雨) is read as name + 和 rather than as that word.
_FUNCTION_END = frozenset("和与及同跟在是的把将对从向也都就还又")
_NAME_TAGS = ("nr", "nrfg", "nrt", "nrf")
# Surnames in the rough order of the household statistics (lexicon.SINGLE_SURNAMES is a
# set): the first 60 are 'common', the next 140 'middling'.
_RANKED = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
    "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷"
    "詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜"
)
_RANK = {c: i for i, c in enumerate(_RANKED)}
RANKED_SURNAMES = _RANKED


def surname_length(text: str, s: int) -> int:
    """2 for a compound surname at ``s``, 1 for a single one (common or rare), else 0."""
    if text[s : s + 2] in COMPOUND_SURNAMES:
        return 2
    c = text[s : s + 1]
    return 1 if c in SINGLE_SURNAMES or c in RARE_SURNAMES else 0


def table(name: str) -> dict:
    """A data file of ``indexer/data`` as a dict (``key<TAB>number`` lines), cached."""
    out = _tables.get(name)
    if out is None:
        with _lock:
            out = _tables.get(name)
            if out is None:
                path = resources.files("indexer") / "data" / name
                out = {}
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line and line[0] != "#":
                        k, v = line.split("\t")
                        out[k] = float(v)
                _tables[name] = out
    return out


def name_words() -> dict:
    return table("name_words.tsv")


def translit_score(c: str) -> float:
    """How much ``c`` is a character of transliterated names (``translit_chars.tsv``, at
    least 1 for the hand-made ``lexicon.TRANSLIT_CHARS``), -9 for others."""
    score = table("translit_chars.tsv").get(c, -9.0)
    return max(score, 1.0) if c in TRANSLIT_CHARS else score


class Model:
    """Logistic regression weights of the features, and how much jieba's tags can add."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        best = 0.0
        for group in ("t_", "RT_", "LT_"):
            best += max([0.0] + [w for k, w in weights.items() if k.startswith(group)])
        self.tag_gain = best  # the most the tag features can add to a candidate's logit
        # the most the context features can add
        self.context_gain = sum(
            max([0.0] + [w for k, w in weights.items() if k.startswith(group)])
            for group in CONTEXT_GROUPS
        )
        # the most the boundary features can add (their values are at most about 3)
        self.boundary_gain = sum(max(0.0, 3.0 * weights.get(k, 0.0)) for k in BOUNDARY_FEATURES)

    def logit(self, feats: dict[str, float]) -> float:
        w = self.weights
        return sum(w.get(k, 0.0) * v for k, v in feats.items())

    @staticmethod
    def probability(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model() -> Model:
    """The fitted weights (``indexer/data/person_model.tsv``), loaded once."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                path = resources.files("indexer") / "data" / "person_model.tsv"
                weights = {}
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line and line[0] != "#":
                        k, v = line.split("\t")
                        weights[k] = float(v)
                _model = Model(weights)
    return _model


def _lf(x: float) -> float:
    return math.log1p(x) / 5.0


class _Words:
    """Words looked up by the text right before or after a position, each with its kind;
    the longest word wins. Indexed by the character next to the position, so most
    positions are answered by one lookup."""

    def __init__(self, *groups: tuple[str, tuple[str, ...]]) -> None:
        self.kind: dict[str, str] = {}
        for kind, words in reversed(groups):  # the first group wins a word in two
            for w in words:
                self.kind[w] = kind
        self.by_last: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        for w in self.kind:
            self.by_last.setdefault(w[-1], []).append(len(w))
            self.by_first.setdefault(w[0], []).append(len(w))
        for d in (self.by_last, self.by_first):
            for c in d:
                d[c] = sorted(set(d[c]), reverse=True)

    def before(self, text: str, pos: int) -> str | None:
        lengths = self.by_last.get(text[pos - 1]) if pos > 0 else None
        if lengths:
            get = self.kind.get
            for n in lengths:
                if n <= pos:
                    k = get(text[pos - n : pos])
                    if k is not None:
                        return k
        return None

    def length_before(self, text: str, pos: int, kind: str) -> int:
        """The length of the longest word of ``kind`` ending at ``pos`` (0 if none)."""
        lengths = self.by_last.get(text[pos - 1]) if pos > 0 else None
        for n in lengths or ():
            if n <= pos and self.kind.get(text[pos - n : pos]) == kind:
                return n
        return 0

    def after(self, text: str, pos: int) -> str | None:
        lengths = self.by_first.get(text[pos]) if pos < len(text) else None
        if lengths:
            get = self.kind.get
            for n in lengths:
                k = get(text[pos : pos + n])
                if k is not None:
                    return k
        return None


_LEFT = _Words(("L_title", PERSON_WORDS_BEFORE), ("L_prep", PREPOSITIONS_BEFORE))
_LEFT_MORE = _Words(
    ("L_title", PERSON_WORDS_BEFORE + PERSON_WORDS_MORE),
    ("L_prep", PREPOSITIONS_BEFORE + PREPOSITIONS_MORE),
)


def title_length_before(text: str, pos: int) -> int:
    """The length of the title or word for people ending at ``pos`` (0 if none)."""
    return _LEFT.length_before(text, pos, "L_title")


_RIGHT = _Words(
    ("R_title", PERSON_TITLES_AFTER), ("R_strong", STRONG_AFTER), ("R_weak", WEAK_AFTER)
)


def _cross_left(text: str, s: int, e: int, freq: dict) -> int:
    """The frequency of the most frequent dictionary word (no name) that starts before
    ``s`` and ends inside the candidate."""
    best = 0
    for a in range(max(0, s - 3), s):
        for b in range(s + 1, min(e, a + 4) + 1):
            f = freq.get(text[a:b]) or 0
            if f > best and not dict_tag(text[a:b]).startswith("nr"):
                best = f
    return best


def _cross_right(text: str, s: int, e: int, freq: dict) -> int:
    """The same for words that start inside the candidate and end after ``e`` (罗斌认为:
    认为 would start at 斌's end; 平和 in 贾平和夏雨 is read as 贾平 + 和; 成为 in
    吕志成为办公室主任 as 吕志成 + 为 before the role)."""
    best = 0
    n = len(text)
    role = e < n and text[e] in "为任" and role_after(text, e)
    for a in range(s + 1, e):
        for b in range(e + 1, min(n, a + 4) + 1):
            if b - a == 2 and (text[e] in _FUNCTION_END or (role and b == e + 1)):
                continue
            f = freq.get(text[a:b]) or 0
            if f > best and not dict_tag(text[a:b]).startswith("nr"):
                best = f
    return best


def _inside_longer_word(text: str, s: int, e: int, freq: dict) -> bool:
    """A frequent word of three or four characters (no name) runs across the candidate's
    start or end (欣欣向荣 holds no 向荣)."""
    n = len(text)
    for lo, hi in ((max(0, s - 3), s), (s + 1, e)):
        edge = s if lo < s else e
        for a in range(lo, hi):
            for b in range(edge + 1, min(n, a + 4) + 1):
                if b - a >= 3 and (freq.get(text[a:b]) or 0) >= 50:
                    if not dict_tag(text[a:b]).startswith("nr"):
                        return True
    return False


# Roles a person is appointed to or taken as, after 任, 为, 担任 … and up to six words of
# the unit (以张伟为组长, 由李明任组长, 王芳担任副组长, 任命吕志成为办公室主任): a name
# stands before them.
_ROLES = sorted(
    (set(TITLES_AFTER) - {"同志", "先生", "女士", "老师", "师傅", "干部", "委员", "医生", "记者"})
    | ROLE_WORDS
    | set(
        "牵头人 第一责任人 总指挥 副总指挥 指挥长 副指挥长 常务副组长 执行组长 联络员 首的".split()
    ),
    key=len,
    reverse=True,
)
_ROLE_AFTER = re.compile(
    f"(?:担任|兼任|出任|任|为)(?:(?![的了是和与及在对把将等为以])[{CJK}]){{0,6}}?(?:{'|'.join(_ROLES)})"
)


def role_after(text: str, pos: int) -> bool:
    """A verb of holding a role and the role start at ``pos`` (任组长, 为副组长)."""
    return (
        pos < len(text) and text[pos] in "担兼出任为" and _ROLE_AFTER.match(text, pos) is not None
    )


def word_after(text: str, pos: int) -> str | None:
    """The kind of word starting at ``pos`` (R_role, R_title, R_strong, R_weak) or None."""
    if role_after(text, pos):
        return "R_role"
    return _RIGHT.after(text, pos)


def word_before(text: str, pos: int) -> str | None:
    """The kind of word ending at ``pos`` (L_title, L_prep) or None."""
    return _LEFT.before(text, pos)


def han_features(
    text: str, s: int, sl: int, e: int, freq: dict, partners: set[int], counts: dict
) -> dict[str, float]:
    """The cheap features of the candidate ``text[s:e]`` (surname of ``sl`` characters):
    :func:`string_features` and :func:`context_features` together."""
    f = string_features(text[s:e], sl, freq)
    f.update(context_features(text, s, e, partners, counts, bool(freq.get(text[s:e]))))
    return f


def string_features(w: str, sl: int, freq: dict) -> dict[str, float]:
    """Features of the candidate string ``w`` itself (surname of ``sl`` characters)."""
    gl = len(w) - sl
    f: dict[str, float] = {"bias": 1.0}
    if gl == 1:
        f["g1"] = 1.0
    if sl == 2:
        f["cs"] = 1.0
        if (freq.get(w[:2]) or 0) >= 1000 and not dict_tag(w[:2]).startswith("nr"):
            f["cs_word"] = 1.0  # 东方亮: the compound surname is a frequent word too
    else:
        r = _RANK.get(w[0], 999)
        if r >= 200:
            f["s_low" if w[0] in SINGLE_SURNAMES else "s_rare"] = 1.0
        elif r >= 60:
            f["s_mid"] = 1.0
    scores = _tables.get("given_names.tsv") or table("given_names.tsv")
    g = [scores.get(c, -3.0) for c in w[sl:]]
    total = sum(g)
    f["gsum"] = max(-6.0, min(8.0, total)) / 4.0
    f["gmin"] = max(-4.0, min(4.0, min(g))) / 4.0
    if total < 0:
        f["g_neg"] = 1.0  # given characters unlike a name's (大会, 长制): no context helps
    elif total >= 4:
        f["g_high"] = 1.0
    if any(c not in scores for c in w[sl:]):
        f["g_unseen"] = 1.0  # 申贷, 商户可: a character no name of the dictionary has
    if sl == 1 and w[0] in AMBIGUOUS_SURNAMES:
        f["s_fn"] = 1.0  # 向, 于, 全, 高, 方: function and everyday characters first
    fr = freq.get(w) or 0
    if not fr:
        f["unk"] = 1.0
    elif dict_tag(w).startswith("nr"):
        f["dnr"] = 1.0
        f["dnr_lf"] = _lf(fr)
        if sl == 1 and gl == 2 and total >= 1.0 and w[-1] not in PLACE_TAILS:
            # 张建华, 袁隆平: a full name of the dictionary, name-like given characters (not
            # 高水平, 胡杨林, 钱塘江: given characters unlike a name's, or a place's tail)
            f["dnr_full"] = 1.0
        inside = name_words().get(w)
        if inside:
            f["wordy"] = _lf(inside * 20)
    else:
        f["dw"] = 1.0
        f["dw_lf"] = _lf(fr)
    if gl == 2:
        given = w[sl:]
        gf = freq.get(given) or 0
        if gf and not dict_tag(given).startswith("nr"):
            f["gword"] = _lf(gf)
        head = w[: sl + 1]
        hf = freq.get(head) or 0
        if hf and not dict_tag(head).startswith("nr"):
            f["head"] = _lf(hf)
            if total < 0:
                # 管理|人, 项目|从, 时效|性: a word and a suffix or a function character,
                # the given characters unlike a name's
                f["head_neg"] = _lf(hf)
        elif hf >= 50:
            f["head_nr"] = _lf(hf)  # 田野|里, 杜鹃|花: a word tagged nr and one more character
    if w[-1] in PLACE_TAILS:
        f["tailp"] = 1.0
    if w in gazetteer():
        f["gaz"] = 1.0
    return f


CONTEXT_GROUPS = ("L_", "R_", "partner", "rep")


def context_features(
    text: str,
    s: int,
    e: int,
    partners: set[int],
    counts: dict,
    known: bool = False,
    more: bool = False,
) -> dict[str, float]:
    """Features of the words right before and after the candidate.

    ``partners`` holds the start and end offsets of very name-like candidates (for lists),
    ``counts`` how often each candidate string occurs in the text; ``known``: the string
    is a word of the dictionary; ``more``: the words before include the check's own
    (``PERSON_WORDS_MORE``, ``PREPOSITIONS_MORE``), which the fit leaves out."""
    f: dict[str, float] = {}
    n = len(text)
    if 0 < s and e < n and text[s - 1] in _OPEN_QUOTES and text[e] in _CLOSE_QUOTES:
        f["quote"] = 1.0
    size = len(f)
    role = e < n and role_after(text, e)
    # the words before (a quotation mark is no clause start: “鲁惠通” is a thing's name)
    if s > 0 and text[s - 1] in _OPEN_QUOTES:
        pass
    elif role and text[s - 1] == "以":
        f["L_prep"] = 1.0  # 以张伟为组长: the frame's 以 is a preposition before the name
    elif s == 0 or text[s - 1] in _CLAUSE:
        f["L_start"] = 1.0
    elif text[s - 1] == "、":
        f["L_list"] = 1.0
    else:
        k = (_LEFT_MORE if more else _LEFT).before(text, s)
        if k is not None:
            f[k] = 1.0
        elif text[s - 1] == "的":
            f["L_de"] = 1.0
        elif not _CJK.match(text[s - 1]):
            f["L_nonhan"] = 1.0
    left = next(iter(list(f)[size:]), None)
    size = len(f)
    # the words after
    if e < n and text[e] in _CLOSE_QUOTES:
        pass
    elif e >= n or text[e] in _CLAUSE:
        f["R_end"] = 1.0
    elif text[e] == "、":
        f["R_list"] = 1.0
    elif text[e] == "的":
        f["R_de"] = 1.0  # 张伟的工作, but also 安静的图书馆: weaker for words
        if known:
            f["R_de_word"] = 1.0
    elif role:
        f["R_role"] = 1.0  # 任组长, 为副组长
    else:
        k = _RIGHT.after(text, e)
        if k is not None:
            f[k] = 1.0
        elif not _CJK.match(text[e]):
            f["R_nonhan"] = 1.0
        else:
            tag = _word_tag_at(text, e)
            if tag in ("v", "vd", "vi", "vg"):
                f["R_verb"] = 1.0  # 汪培林收了, 母德华扎根: a subject before its verb
            elif tag in ("d", "ad", "p"):
                f["R_adv"] = 1.0  # 鲁晓雯终于, 廖建华正在
    right = next(iter(list(f)[size:]), None)
    if bool(left) != bool(right):
        # context on one side only says less, how much less depends on the side's kind
        # (a title before a name says much alone, a clause start little)
        f[(left or right) + "_only"] = 1.0
    if (
        (s - 1) in partners
        and text[s - 1] in "、和与及"
        or ((e + 1) in partners and e < len(text) and text[e] in "、和与及")
    ):
        f["partner"] = 1.0
    if counts.get(text[s:e], 0) >= 2:
        f["rep"] = 1.0
    if _listed_with_noun(text, s, e):
        f["list_noun"] = 1.0
    return f


_NOUN_TAGS = frozenset(("n", "nz", "vn", "ng", "an", "nt", "nis"))


def _is_noun(w: str) -> bool:
    return dict_tag(w) in _NOUN_TAGS


def _listed_with_noun(text: str, s: int, e: int) -> bool:
    """The item listed right beside the candidate (across 、) is a common noun of the
    dictionary (民宿、农家乐、餐饮店): a list of things, not of persons."""
    if s > 1 and text[s - 1] == "、":
        for n in (4, 3, 2):
            if s - 1 - n >= 0 and _is_noun(text[s - 1 - n : s - 1]):
                return True
    if e + 1 < len(text) and text[e] == "、":
        for n in (4, 3, 2):
            w = text[e + 1 : e + 1 + n]
            if len(w) == n and _is_noun(w):
                return True
    return False


def _word_tag_at(text: str, pos: int) -> str:
    """The dictionary tag of the longest word (up to three characters) starting at
    ``pos``."""
    for n in (3, 2, 1):
        w = text[pos : pos + n]
        if len(w) == n:
            tag = dict_tag(w)
            if tag:
                return tag
    return ""


# Features of boundary_features: computed only for candidates the others leave in play.
BOUNDARY_FEATURES = ("xl", "xr", "inword")


def boundary_features(text: str, s: int, e: int, freq: dict) -> dict[str, float]:
    """Whether dictionary words (no names) run across the candidate's start or end (提高新…,
    罗斌认为, 欣欣向荣)."""
    f: dict[str, float] = {}
    cl = _cross_left(text, s, e, freq)
    if cl:
        f["xl"] = _lf(cl)
    cr = _cross_right(text, s, e, freq)
    if cr:
        f["xr"] = _lf(cr)
    if _inside_longer_word(text, s, e, freq):
        f["inword"] = 1.0
    return f


def _tag_class(tag: str) -> str:
    if tag == "new":
        return "x"
    if tag in ("v", "vd", "vg", "vi"):
        return "v"
    if tag == "p":
        return "p"
    if tag in ("d", "ad"):
        return "d"
    if tag == "c":
        return "c"
    if tag.startswith("u"):
        return "u"
    if tag in ("n", "nz", "ng", "an", "nt", "vn"):
        return "n"
    if tag == "ns":
        return "ns"
    if tag.startswith("nr"):
        return "nr"
    return "o"


def tag_features(tokens: list[Token], s: int, e: int) -> dict[str, float]:
    """Features of jieba's segmentation (dictionary and HMM, ``segment.words``) of a window
    around the candidate ``[s, e)``: how the candidate's edges fall among the words, and the
    dictionary tags of the words before and after it."""
    f: dict[str, float] = {}
    inside = [t for t in tokens if t.start >= s and t.end <= e]
    aligned = (
        bool(inside)
        and inside[0].start == s
        and inside[-1].end == e
        and sum(t.end - t.start for t in inside) == e - s
    )
    if aligned and len(inside) == 1:
        tag = inside[0].tag
        f["t_new" if tag == "new" else "t_name" if tag in _NAME_TAGS else "t_word"] = 1.0
    elif aligned:
        # 段/建华: split in two; 向/p 大会: the surname is a preposition here
        first = _tag_class(inside[0].tag)
        if first in ("p", "c", "d", "u"):
            f["t_split_fn"] = 1.0
        elif inside[0].end - inside[0].start > 1:
            f["t_split_word"] = 1.0  # 田野/里: a word and a character, not surname + name
        else:
            f["t_split"] = 1.0
    else:
        over = [t for t in tokens if t.start < e and s < t.end and (t.start < s or t.end > e)]
        if any(t.tag in _NAME_TAGS for t in over):
            f["t_inname"] = 1.0  # part of a longer name (2 characters of 张晓明)
        elif any(t.tag == "new" for t in over):
            glued = any(
                t.tag == "new" and t.end - t.start == e - s + 1 and (t.start == s or t.end == e)
                for t in over
            )
            # part of a word the HMM made: glued to one character beside it (乔振东率,
            # 人石光银), or cut across
            f["t_glued" if glued else "t_innew"] = 1.0
        else:
            f["t_cut"] = 1.0
    after = [t for t in tokens if t.start == e]
    before = [t for t in tokens if t.end == s]
    if after:
        f["RT_" + _tag_class(after[0].tag)] = 1.0
    if before:
        f["LT_" + _tag_class(before[0].tag)] = 1.0
    return f

"""Place names: gazetteer scan, word-boundary check, chains, zones, organisations.

1. Scan: at each character, the longest gazetteer name starting there (names are
   indexed by their first two characters) that ends on word boundaries. Boundaries
   are checked with jieba only where a dictionary word could straddle the name
   (长江西岸 does not hold 江西, 台州市场 holds 台州 not 台州市, 孙中山 not 中山).
2. Zones: a place (or a zone stem such as 两江) followed by up to four characters and a
   zone suffix is one zone (台州湾新区, 宁波国家高新区, 两江新区).
3. Ambiguous short forms (天台, 开化, 江山 ...) count only in a chain with a related
   place: right after an ancestor (浙江开化), right before a descendant, or listed
   beside a relative (临海、天台、仙居). Two-character townships need a county before.
4. Organisations: a run of adjacent places followed by an organisation suffix
   (台州市市场监督管理局) is one finding; its replacement neutralises the places only.

Adjacent places stay separate findings (北京市 + 西城区): each gets its own
replacement (某市某区), and together they cover the whole chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Place, gazetteer
from .lexicon import (
    AMBIGUOUS_SURNAMES,
    CJK,
    DIRECTION_REGION_AFTER,
    DIRECTION_REGIONS,
    FAMOUS_GEO,
    LOCAL_SUFFIXES,
    ORG_GAP_STOP,
    ORG_GAP_VERBS,
    ORG_SUFFIXES,
    ORG_WORD_TAGS,
    REGIONS,
    ZONE_GAP_STOP,
    ZONE_GENERIC_GAP,
    ZONE_SUFFIXES,
    alternation,
)
from .model import Covered as _Covered
from .namemodel import RANKED_SURNAMES
from .segment import _tokenizer, boundaries, dict_tag, freq, tagged

__all__ = ["PlaceHit", "find_places"]

_ZONE_REPL = dict(ZONE_SUFFIXES)
_ZONE_TAIL = re.compile(f"([{CJK}]{{0,8}}?)({alternation(_ZONE_REPL)})")
_TELLING_ZONES = frozenset(
    (
        "高新技术产业开发区",
        "经济技术开发区",
        "经济开发区",
        "高新区",
        "经开区",
        "工业园区",
        "综合保税区",
        "自由贸易试验区",
        "自贸试验区",
        "自贸片区",
        "旅游度假区",
    )
)
_ZONE_AT = re.compile(f"(?:{alternation(_ZONE_REPL)})")
_ORG_TAIL = re.compile(f"([{CJK}]{{0,10}}?)({alternation(ORG_SUFFIXES)})")
_ORG_MORE = re.compile(
    f"([{CJK}]{{0,8}}?)(分局|支队|大队|中队|派出所|办公厅|办公室|分行|支行|分公司|中心|科|处|室|所|站)"
)
_NAME_TAGS = frozenset("ns nr nrt nrfg nz".split())
_NAME_WORD = frozenset("ns nt nz nr nrt nrfg j".split())
_PHRASE_TAGS = frozenset("i l a ad an d v vd c p u".split())
_PLACE_TAILS = frozenset("人籍话菜茶港湾河江湖山队舰")  # 温州人, 成都队, 山东舰
_LOCAL_REPL = dict(LOCAL_SUFFIXES)
_LOCAL_AT = re.compile(f"(?:{alternation(_LOCAL_REPL)})(?![道民委级集庄落干务镇超规医])")
_LIST_SEP = re.compile(r"[ \t\u3000]*(?:、|，|,|和|与|及|以及|至|到|—|－|-|/)?[ \t\u3000]*")


@dataclass(slots=True)
class PlaceHit:
    start: int
    end: int
    kind: str
    replacement: str
    place: Place | None = None  # the gazetteer entry (None for organisations)
    parts: tuple[PlaceHit, ...] = ()  # the places inside a zone or organisation
    certainty: str = "certain"  # "possible" for names some signals only point to
    abbreviation: bool = False  # 沪, 沪苏浙皖: never the start of an organisation name


def _straddled(text: str, i: int, j: int, freq: dict) -> bool:
    """Whether a dictionary word may cross the start or the end of ``text[i:j]``."""
    n = len(text)
    for a in range(max(0, i - 3), i):
        for b in range(i + 1, min(n, a + 5) + 1):
            if freq.get(text[a:b]):
                return True
    for a in range(max(i, j - 3), j):
        for b in range(j + 1, min(n, max(a, i + 2) + 5) + 1):
            if freq.get(text[a:b]):
                return True
    return False


def _bounded(text: str, i: int, j: int, freq: dict) -> bool:
    """``text[i:j]`` does not start inside a word, and does not end inside a word that
    began after ``i`` (温州人 and 中山大学 still hold their place; 台州市场 does not hold
    台州市)."""
    if not _straddled(text, i, j, freq):
        return True
    cuts = boundaries(text, max(0, i - 4), min(len(text), j + 4))
    if i not in cuts:
        # Inside a longer place name jieba knows (云南省德宏傣族景颇族自治州): fine; across
        # a word's edge (长江西岸 holds no 江西): not.
        for a in range(i - 1, max(-1, i - 12), -1):
            for b in range(j, min(len(text), j + 4) + 1):
                w = text[a:b]
                if freq.get(w) and dict_tag(w) == "ns":
                    return True
        return False
    if j in cuts or text.startswith("籍", j):
        return True  # 兴国籍 is 兴国 + 籍, whatever 国籍 says
    if max(c for c in cuts if c < j) != i:
        return False
    # The name begins a longer word: fine when that word is a name too (温州人, 杭州湾,
    # 中山大学) or the name plus a word (台湾同胞), not for 大城市, 长治久安, 江山如画.
    end = min(c for c in cuts if c > j)
    tag = dict_tag(text[i:end])
    if tag in _NAME_WORD:
        return True
    if tag in _PHRASE_TAGS:
        return False
    rest = text[j:end]
    return rest in _PLACE_TAILS or (len(rest) >= 2 and freq.get(rest, 0) > 0)


# A division's suffix and what makes it the word of its offices (县委, 市政府, 省长, 镇政府):
# jieba reads 湖口|县委, 大同|市长. (县城 and 县域 say the short form is the place: 三门县城.)
_OFFICE_AFTER = re.compile("[省市县区州旗盟镇乡](?:委|政府|人大|政协|纪委|长)")
_OFFICE_WORD = 800  # a short form this frequent as another word (会同县政府: "with") is left


def _office_of(text: str, i: int, j: int, place: Place, freq: dict) -> bool:
    """A full name whose suffix opens the word of its office (湖口县委, 大同市长, 万年县政府)
    where its short form is ambiguous (the short form before the office is no place then):
    the name, on a word boundary at its start; not 古县城 (a one-character stem), not
    会同县政府 (会同, a frequent word of the dictionary, "together with")."""
    if not place.full or len(place.name) < 3 or not _OFFICE_AFTER.match(text, j - 1):
        return False
    short = gazetteer().get(place.name[:-1])
    if short is not None and not short.ambiguous:
        return False  # 苏州市委: 苏州 and the organisation are found as before
    stem = place.name[:-1]
    if freq.get(stem, 0) >= _OFFICE_WORD and dict_tag(stem) not in _NAME_TAGS:
        return False
    return i in boundaries(text, max(0, i - 4), min(len(text), j + 4))


def _scan(text: str) -> list[PlaceHit]:
    g = gazetteer()
    by_prefix = g.by_prefix
    freq = _tokenizer().FREQ
    hits: list[PlaceHit] = []
    n = len(text)
    i = 0
    while i < n - 1:
        names = by_prefix.get(text[i : i + 2])
        if names is None:
            i += 1
            continue
        for name in names:
            if not text.startswith(name, i):
                continue
            j = i + len(name)
            place = g.get(name)
            if (
                place.zone_stem
                and not _zone_follows(text, j)
                and not (hits and hits[-1].end == i and hits[-1].kind in ("province", "city"))
            ):
                continue  # 两江 only in 两江新区 or right after its city (重庆两江, 贵阳贵安)
            if not _bounded(text, i, j, freq) and not _office_of(text, i, j, place, freq):
                continue
            hits.append(PlaceHit(i, j, place.kind, place.replacement, place))
            i = j
            break
        else:
            i += 1
    return hits


def _zone_follows(text: str, j: int) -> bool:
    """A zone suffix at ``j``, or after words that describe a zone (虹桥|国际中央商务区,
    临港|创新合作产业园)."""
    if _ZONE_AT.match(text, j):
        return True
    m = _ZONE_TAIL.match(text, j)
    return m is not None and ZONE_GENERIC_GAP.fullmatch(m.group(1)) is not None


def _zones(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Extend places followed by a zone suffix into zones."""
    out: list[PlaceHit] = []
    for k, h in enumerate(hits):
        nxt = hits[k + 1].start if k + 1 < len(hits) else len(text)
        m = _ZONE_TAIL.match(text, h.end) if h.kind != "zone" or not h.place.full else None
        gap = m.group(1) if m else ""
        # Up to four free characters (台州湾新区, 宁波国家高新区), or zone words only
        # (东湖新技术开发区); an ambiguous place (资源, 天台) or a zone stem (杨凌) takes
        # zone words only: 资源创新开发试验区 is not about 资源县.
        generic = not gap or ZONE_GENERIC_GAP.fullmatch(gap) is not None
        free = len(gap) <= 4 and not h.place.ambiguous and h.kind != "zone"
        # An ambiguous place needs a telling suffix: 天台经济开发区, not 资源开发区.
        telling = not h.place.ambiguous or m and (gap or m.group(2) in _TELLING_ZONES)
        if (
            m
            and m.end() <= nxt
            and (generic or free)
            and telling
            and not (m.group(2) == "基地" and not (gap and generic))
            and not ZONE_GAP_STOP.intersection(gap)
            and not ORG_GAP_VERBS.search(gap)
        ):
            # 杭州高新区 is a zone; 杭州湾新区 too (湾 is in the gap).
            out.append(PlaceHit(h.start, m.end(), "zone", _ZONE_REPL[m.group(2)], h.place, (h,)))
        else:
            out.append(h)
    return out


def _locals(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A place that names a village or a street (河南村, 中山路) is that village or street."""
    out: list[PlaceHit] = []
    for h in hits:
        m = None
        if h.kind != "zone" and not h.place.ambiguous and not h.place.full:
            m = _LOCAL_AT.match(text, h.end)  # 河南村, not 浙江省村经济合作社
        if m and m.end() in boundaries(text, max(0, h.start - 2), min(len(text), m.end() + 4)):
            out.append(PlaceHit(h.start, m.end(), "place", _LOCAL_REPL[m.group(0)], h.place, (h,)))
        else:
            out.append(h)
    return out


# not 村民, 村委, 村级, 村集 (村集市), 村庄 …; 村集体 after a village's name is its collective
# (江阴市华西村集体经济)
_VILLAGE = re.compile(f"([{CJK}]{{1,4}}?)(村|社区)(?![民委级庄落干务镇超规医]|集(?!体))")
_VILLAGE_GAP_STOP = frozenset("的和与及等各在对将为是了个有所该本全两多每农乡城镇新老")


def _villages(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A village or community named right after its county or township (淳安县下姜村,
    天荒坪镇余村) joins the chain: villages are not in the gazetteer."""
    out: list[PlaceHit] = []
    skip = 0
    for k, h in enumerate(hits):
        if k < skip:
            continue
        out.append(h)
        if h.kind not in ("county", "township", "former_place"):
            continue
        m = _VILLAGE.match(text, h.end)
        # a township's name or a region's inside the village's (塘村 in 凤凰县菖蒲塘村, 华西 in
        # 江阴市华西村) gives way to it
        j = k + 1
        while (
            m and j < len(hits) and hits[j].end <= m.end() and hits[j].kind in ("township", "geo")
        ):
            j += 1
        nxt = hits[j].start if j < len(hits) else len(text)
        if not m or m.end() > nxt or _VILLAGE_GAP_STOP.intersection(m.group(1)):
            continue
        if any(
            len(w) >= 2 and freq(w) >= 50 and dict_tag(w) not in _NAME_TAGS
            for w in _words(text, m.start(1), m.end(1))
        ):
            continue  # 龙江民居试点村: the words before 村 are common, not a name
        if m.end() in boundaries(text, h.end, min(len(text), m.end() + 3)):
            repl = "某村" if m.group(2) == "村" else "某社区"
            out.append(PlaceHit(m.start(), m.end(), "place", repl, None))
            skip = j
    return out


_TOWNSHIP_ENDINGS = ("镇", "乡", "街道", "地区")
# The dictionary frequency from which a township's stem after its county is read as the
# everyday word (古城, 新建; the short forms of townships are rare words: 周庄 100, 良渚 52).
_EVERYDAY_STEM = 1000


def _chain_townships(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A township's short form right after its county or city (昆山周庄, 武隆龚滩, 拉萨八廓):
    two or three characters that with 镇, 乡 or 街道 make a township of the gazetteer and
    end on a word boundary. Short forms the gazetteer leaves out alone (too many townships
    share them, or jieba does not know them) are clear in a chain."""
    g = gazetteer()
    out: list[PlaceHit] = []
    dropped: set[int] = set()
    for k, h in enumerate(hits):
        if k in dropped:
            continue
        out.append(h)
        if h.kind not in ("city", "county", "former_place"):
            continue
        nxt = hits[k + 1].start if k + 1 < len(hits) else len(text)
        inside = None  # a short form of elsewhere inside a township's stem (顺义龙湾屯: 龙湾)
        if nxt == h.end:
            if k + 1 == len(hits):
                continue  # the text ends here
            o = hits[k + 1]
            if not (
                o.place is not None
                and h.place is not None
                and not o.place.full
                and o.kind in ("city", "county")
                and o.end - o.start == 2
                and not _related(h.place, o.place)
            ):
                continue  # a place follows already
            inside = k + 1
            nxt = hits[k + 2].start if k + 2 < len(hits) else len(text)
        for n in (3, 2):
            e = h.end + n
            if e > nxt or not _ALL_CJK.fullmatch(text, h.end, e):
                continue
            if inside is not None and e <= hits[inside].end:
                continue
            stem = text[h.end : e]
            full = next((stem + x for x in _TOWNSHIP_ENDINGS if stem + x in g), None)
            if full is None or text.startswith(_TOWNSHIP_ENDINGS, e):
                continue
            f, tag = freq(stem), dict_tag(stem)
            if f and tag != "ns" and not (tag == "nr" and f < 200):
                continue  # 发展, 市场, 梅花: words of the sentence or a brand, no township
            if f >= _EVERYDAY_STEM and not (e == len(text) or text[e] in "，。；、）,;)"):
                continue  # 大理古城游人, 福鼎新建了: a word this frequent is the word here,
                # unless it ends a clause or a list item (武汉东湖、襄阳)
            cuts = boundaries(text, h.end, min(len(text), e + 4))
            if e not in cuts:
                continue
            if not f and n == 2 and e < len(text) and _ALL_CJK.match(text, e):
                # an unknown stem needs a word of its own after it (龚滩古镇, not 新达盟), or
                # a particle (睢宁王集的企业)
                after = min((c for c in cuts if c > e), default=e)
                if after - e < 2 and text[e] not in _PARTICLES_AFTER_TOWN:
                    continue
            town = g.get(full)
            place = Place(stem, "township", town.replacement, False, False, False, h.place.codes)
            out.append(PlaceHit(h.end, e, "township", town.replacement, place))
            if inside is not None:
                dropped.add(inside)
            break
    return out


_stems: dict[str, tuple[str, tuple[str, ...]]] | None = None


def _township_stems() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Stems of the townships the gazetteer holds only in full (虎门 of 虎门镇, 坂田 of 坂田
    街道) that jieba's dictionary does not know or knows as a place (or a rare name, 石碣 nr)
    and at most two townships share: stem → (replacement, codes)."""
    global _stems
    if _stems is None:
        g = gazetteer()
        word_freq = _tokenizer().FREQ
        count: dict[str, int] = {}
        out: dict[str, tuple[str, tuple[str, ...]]] = {}
        for name in g.names():
            n = len(name)
            if not 3 <= n <= 5 or not name.endswith(("镇", "乡", "街道")):
                continue
            stem = name[:-2] if name.endswith("街道") else name[:-1]
            if not 2 <= len(stem) <= 3 or stem in g:
                continue
            place = g.get(name)
            if place.kind != "township" or not place.full:
                continue
            count[stem] = count.get(stem, 0) + 1
            out[stem] = (place.replacement, place.codes)
        _stems = {}
        for stem, value in out.items():
            if count[stem] > 2 or not _ALL_CJK.fullmatch(stem):
                continue
            f = word_freq.get(stem) or 0
            if f:
                tag = dict_tag(stem)
                if f >= _EVERYDAY_STEM or (tag != "ns" and not (tag == "nr" and f < 200)):
                    continue  # a word of the dictionary (城镇 ns, 同里 r), not the township
            _stems[stem] = value
    return _stems


# A township's stem standing alone where the text says a place is meant: after a verb of
# going or of origin with a clause end or what is done there after it (来到虎门，, 老家在北滘
# 的), after a preposition of place with what is done there (在坂田工作了五年), or opening a
# clause before a word of place or its people (虎门一带, 塘厦人).
_STEM_MOTION = re.compile(
    "(?:来到|前往|赶赴|奔赴|抵达|途经|落户|扎根|回到|走进|深入|到了|漫步|来自|老家在|家住"
    "|出生在|出生于|祖籍)(?=[\u4e00-\u9fff])"
)
_STEM_LOCATIVE = re.compile("(?:在|从|赴|到|去|驻)(?=[\u4e00-\u9fff])")
_STEM_LEADS = re.compile("一带|当地|境内|人(?![数员口才士民们群次均工力物大心事])")


def _lone_townships(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    stems = None
    out: list[PlaceHit] = []
    taken = [(h.start, h.end) for h in hits]

    def add(s: int, e: int) -> None:
        if any(a < e and s < b for a, b in taken):
            return
        cuts = boundaries(text, max(0, s - 3), min(len(text), e + 3))
        if s in cuts and e in cuts:
            repl, codes = stems[text[s:e]]
            place = Place(text[s:e], "township", repl, False, False, False, codes)
            out.append(PlaceHit(s, e, "township", repl, place, (), "possible"))
            taken.append((s, e))

    for pattern, after in ((_STEM_MOTION, _AFTER_MOTION), (_STEM_LOCATIVE, _DOING_AFTER)):
        for m in pattern.finditer(text):
            if stems is None:
                stems = _township_stems()
            p = m.end()
            for n in (3, 2):
                if text[p : p + n] in stems and after.match(text, p + n):
                    add(p, p + n)
                    break
    for m in _STEM_LEADS.finditer(text):
        e = m.start()
        for n in (3, 2):
            s = e - n
            if s < 0 or (s > 0 and text[s - 1] not in _CLAUSE_OPEN):
                continue
            if stems is None:
                stems = _township_stems()
            if text[s:e] in stems:
                add(s, e)
                break
    return out


# Stems quiet enough to stand alone in more contexts than the verbs above: a township's
# stem jieba's dictionary does not know or knows as a rare place name (织里, 北滘, 枫泾; not
# 和睦, 小寨, 新城: words or names of the dictionary), and the stems of zones that are no
# frequent word (张江, 临港, 两江, 贵安; not 天府, 河套, 西海岸).
_QUIET_STEM = 50
_QUIET_ZONE = 200
_quiet: dict[str, tuple[str, str, tuple[str, ...]]] | None = None


def _quiet_stems() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """stem → (kind, replacement, codes) for :func:`_lone_stems`."""
    global _quiet
    if _quiet is None:
        out: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        for stem, (repl, codes) in _township_stems().items():
            f = freq(stem)
            if not f or (f < _QUIET_STEM and dict_tag(stem) == "ns"):
                out[stem] = ("township", repl, codes)
        g = gazetteer()
        for name in g.names():
            place = g.get(name)
            if not place.zone_stem or not 2 <= len(name) <= 3:
                continue
            f = freq(name)
            if not f or (f < _QUIET_ZONE and dict_tag(name) == "ns"):
                out[name] = ("zone", place.replacement, place.codes)
        _quiet = out
    return _quiet


# Where a quiet stem stands alone: after a preposition of place before a clause end (在织里，,
# 位于白坭，, 在张江，); opening a clause before 的 and a noun (枫泾的农民画, 临港的新能源汽车)
# or before a verb of what a place does (近年来，麻沙大力发展…, 两江聚焦…); from one to
# another (从盛泽到震泽); listed with places before 等地, 两地 … (张浦、千灯等地).
_QUIET_LOCATIVE = re.compile("(?:在|从|赴|到|去|驻|位于|地处)(?=[\u4e00-\u9fff])")
_CLAUSE_END = re.compile("[，。；！？、：,;]|$")
_PLACE_DOES = re.compile(
    "大力|加快|积极|着力|全力|聚焦|依托|立足|持续|新签约|累计|先后|相继|率先|围绕|坚持|深入"
)
_LIST_END = re.compile(
    "(?:等地|[两三四五六七八九]地|等镇|[两三四]镇|等乡镇|等街道)(?![点区方域段位带形貌址势质])"
)  # not 等地点, 等地区
_LIST_GAP = ("、", "和", "与", "及")
_CLAUSE_HEAD = re.compile("(?:^|(?<=[，。；：！？、（“‘《\n\t 　]))[\u4e00-\u9fff]{2}")
_NUMERALS = frozenset("一二三四五六七八九十几")


def _lone_stems(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Quiet township and zone stems standing alone where the text says a place is meant
    (see above), and the items of a list of places before 等地 or 两地 that are stems of
    townships or short forms of the gazetteer the list alone confirms (塘厦、凤岗、清溪三地,
    白云、天河等地). Possible places."""
    quiet = None
    out: list[PlaceHit] = []
    taken = [(h.start, h.end) for h in hits]
    n = len(text)

    def add(
        s: int, e: int, kind: str, repl: str, place: Place | None = None, codes: tuple = ()
    ) -> bool:
        if any(a < e and s < b for a, b in taken):
            return False
        cuts = boundaries(text, max(0, s - 3), min(n, e + 3))
        if s not in cuts or e not in cuts:
            return False
        if place is None:
            place = Place(text[s:e], kind, repl, False, False, False, codes)
        out.append(PlaceHit(s, e, kind, repl, place, (), "possible"))
        taken.append((s, e))
        return True

    def stem_at(p: int) -> int:
        for k in (3, 2):
            if text[p : p + k] in quiet:
                return k
        return 0

    def add_stem(s: int, e: int) -> bool:
        kind, repl, codes = quiet[text[s:e]]
        return add(s, e, kind, repl, codes=codes)

    for m in _QUIET_LOCATIVE.finditer(text):
        if quiet is None:
            quiet = _quiet_stems()
        p = m.end()
        k = stem_at(p)
        if not k:
            continue
        if _CLAUSE_END.match(text, p + k):
            add_stem(p, p + k)
        elif m.group() == "从" and text.startswith("到", p + k):
            k2 = stem_at(p + k + 1)
            if k2 and add_stem(p, p + k):
                add_stem(p + k + 1, p + k + 1 + k2)
    for m in _CLAUSE_HEAD.finditer(text):
        p = m.start()
        if quiet is None:
            quiet = _quiet_stems()
        k = stem_at(p)
        if not k:
            continue
        e = p + k
        if text[p] in _NUMERALS:
            continue  # 三要积极发展: the third point of a list, not 三要 of a township
        if _PLACE_DOES.match(text, e) or (text.startswith("的", e) and _noun_at(text, e + 1)):
            add_stem(p, e)
    for m in _LIST_END.finditer(text):
        _listed_before(text, m.start(), hits, add)
    return out


def _noun_at(text: str, j: int) -> bool:
    """A noun of two characters or more starts at ``j`` (的 + 五金企业, 农民画, 游客)."""
    toks = tagged(text, j, min(len(text), j + 6))
    return bool(toks) and len(toks[0].word) >= 2 and toks[0].tag in ("n", "nz", "nt", "vn", "j")


def _listed_before(text: str, end: int, hits: list[PlaceHit], add) -> None:
    """Walk back over a list of two or more places ending at ``end`` (before 等地): each item a
    place already found, a township's stem or a short form of the gazetteer; when every item
    is, the ones not found yet are added."""
    g = gazetteer()
    stems = _township_stems()
    by_end = {h.end: h for h in hits}
    items: list[tuple[int, int, object]] = []
    e = end
    while True:
        item = None
        if e in by_end:
            item = (by_end[e].start, e, None)
        else:
            for k in (3, 2):
                s = e - k
                if s < 0 or not _ALL_CJK.fullmatch(text, s, e):
                    continue
                w = text[s:e]
                if w in stems:
                    item = (s, e, ("township",) + stems[w])
                    break
                f = freq(w)
                if f >= _EVERYDAY_STEM or (f and dict_tag(w) not in ("ns", "nr")):
                    continue  # 机场、车站、码头等: words, whatever townships they name
                place = g.get(w)
                if place is not None and place.kind in ("city", "county", "township"):
                    item = (s, e, place)
                    break
                town = next((g.get(w + x) for x in _TOWNSHIP_ENDINGS if w + x in g), None)
                if town is not None and town.kind == "township":
                    # 清溪 of 清溪镇: a name many townships share, clear in such a list
                    item = (s, e, ("township", town.replacement, ()))
                    break
        if item is None:
            break
        items.append(item)
        s = item[0]
        if s > 0 and text[s - 1] in _LIST_GAP:
            e = s - 1
            continue
        break
    if len(items) < 2 or all(x[2] is None for x in items):
        return  # no list, or every item was found already
    for s, e, what in items:
        if what is None:
            continue
        if isinstance(what, Place):
            add(s, e, what.kind, what.replacement, what)
        else:
            kind, repl, codes = what
            add(s, e, kind, repl, codes=codes)


_ALL_CJK = re.compile(f"[{CJK}]+")
_PARTICLES_AFTER_TOWN = frozenset("的和与及等")


def _words(text: str, start: int, end: int) -> list[str]:
    cuts = sorted(c for c in boundaries(text, start, end) if start <= c <= end)
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _related(a: Place, b: Place) -> bool:
    """Ancestor/descendant or siblings by division codes (浙江 › 衢州 › 开化)."""
    for x in a.codes:
        for y in b.codes:
            if x == y:
                continue
            if x.startswith(y) or y.startswith(x):
                return True
            if len(x) == len(y) and x[:-2] == y[:-2]:
                return True
    return False


def _same_province(a: Place, b: Place) -> bool:
    """Two counties or cities of one province (by their division codes)."""
    if a.kind not in ("city", "county") or b.kind not in ("city", "county"):
        return False
    return any(len(x) >= 4 and len(y) >= 4 and x[:2] == y[:2] for x in a.codes for y in b.codes)


def _confirmed(text: str, hits: list[PlaceHit], k: int) -> bool:
    """An ambiguous place counts when a related place sits right beside it."""
    h = hits[k]
    for other_k in (k - 1, k + 1):
        if not 0 <= other_k < len(hits):
            continue
        o = hits[other_k]
        if o.place is None or o.kind in ("zone", "place"):
            continue
        a, b = (o, h) if other_k < k else (h, o)
        gap = text[a.end : b.start]
        adjacent = gap == ""
        listed = not adjacent and len(gap) <= 4 and _LIST_SEP.fullmatch(gap) is not None
        if not (adjacent or listed):
            continue
        if h.place.kind == "township":
            # 桐乡乌镇: a two-character township right after a county or city.
            if adjacent and other_k < k and o.kind in ("county", "city", "former_place"):
                return True
            continue
        if _related(o.place, h.place) and (listed or other_k < k or not o.place.ambiguous):
            return True
        if listed and not o.place.ambiguous and _same_province(o.place, h.place):
            return True  # 咸丰、大冶、枝江: counties of one province listed together
        if _ROUTE.fullmatch(gap) and not o.place.ambiguous and o.kind in ("city", "county"):
            return True  # 化州至北流: a route names the places at both of its ends
    return False


_ROUTE = re.compile("[ \t\u3000]*(?:至|到|—|－|-)[ \t\u3000]*")


# Words beside a river, lake or mountain that say the feature is meant (长江沿岸, 太湖流域,
# 黄山脚下, 环太湖, 沿长江), for two-character names that are also words (江河, 冰山).
_GEO_AFTER = re.compile(
    "流域|沿岸|两岸|沿线|岸线|岸边|之滨|之畔|湖畔|江畔|河畔|湖区|库区|干流|支流|上游|中游|下游|"
    "水系|水域|水质|经济带|风景区|景区|脚下|山脚|山麓|湖体|入海口|大桥|大堤|航道|湿地|"
    "生态|保护|治理|边|畔|岸"
)
_GEO_BEFORE = re.compile("(?:沿|环)$")


def _geo_context(text: str, h: PlaceHit) -> bool:
    return bool(
        _GEO_AFTER.match(text, h.end) or _GEO_BEFORE.search(text, max(0, h.start - 2), h.start)
    )


def _listed_geo(text: str, hits: list[PlaceHit], k: int) -> bool:
    """A river or mountain listed beside another (治理黄河、长江、淮河): the list says what
    its members are."""
    for o in (k - 1, k + 1):
        if 0 <= o < len(hits) and hits[o].kind == "geo":
            a, b = (hits[o], hits[k]) if o < k else (hits[k], hits[o])
            if b.start - a.end == 1 and text[a.end] in "、和与及":
                return True
    return False


def _read_as_place(text: str, h: PlaceHit) -> bool:
    """jieba's tagger, on a window around an ambiguous short form, reads it as one word
    tagged a place name (ns), or as the start of a longer place name (大庆油田/ns)."""
    toks = tagged(text, max(0, h.start - 6), min(len(text), h.end + 6))
    return any(t.start == h.start and t.end >= h.end and t.tag == "ns" for t in toks)


# Words after a county's or a city's short form that say the place is meant (开化境内,
# 天台一带, 兴国籍, 三门县城, 民和、同仁两县: the list's other items follow from it); 县
# and 市 make the full form, which needs no confirmation.
_PLACE_CONTEXT_AFTER = re.compile(
    "境内|全境|一带|当地|籍|县城|县域|城区|等地|等县|[两三四五六七八九十]个?(?:县|市|区)"
    # bodies and works named after their place (开封大学, 大庆油田, 石狮服装城, 大同机场; not
    # 海关: 会同海关 is "together with the customs", and customs offices bear full names)
    "|大学|学院|师范|油田|机场|火车站|高铁站|日报|晚报|电视台|服装城|钢铁|市民|市区"
    # and its people (大庆人, 大同人; not 来宾人数, 大同人民 …)
    "|人(?![数员口才士民们群次均工力物大心事])"
)
# Its schools, hospitals, banks, police and courts, and its speech (开化中学, 湖口人民医院,
# 万年农商银行, 同仁警方, 大通法院, 湖口方言), for short forms that are no frequent word
# (资源中学 may be a school of resources).
_BODY_AFTER = re.compile(
    "中学|[一二三四五六七八]中(?![心国华央层间期午旬])|小学|人民医院|中医院|农商银行|农商行"
    "|公安局|警方|人民法院|法院|检察院|消防救援|方言"
)
# Verbs of going somewhere before it (来到咸丰，), with a clause end or a word of what is
# done there after it.
_MOTION_BEFORE = re.compile(
    "(?:来到|前往|赶赴|奔赴|抵达|途经|落户|扎根|回到|走进|深入|到了|搬到|迁到|搬回|漫步|走在)$"
)
_AFTER_MOTION = re.compile(
    f"(?:[^{CJK}]|$|考察|调研|参观|视察|采访|工作|投资|创业|务工|了解|举行|召开|举办|后|时(?![间代期段刻候节])|的"
    # what a reporter or a resident does there (在大同看到, 从日照出发, 扎根开化二十年)
    "|看到|见到|走访|拍摄|出发|生活|居住|定居|安家|读书|上学|打工|经商|旅游|游玩|过年|搬|迁"
    "|[一二三四五六七八九十两几多数]+(?:年|个月|天))"
)
# Before a city's short form (prefectures are few and named often): a preposition of
# place too (在大同工作, 来自和田的, 从开封了解到).
_LOCATIVE_BEFORE_CITY = re.compile("(?:在|从|来自|赴|到|去|于|位于|驻)$")
# Before a county's short form, a preposition of place is enough when what follows is
# what is done there or for how long, not 的, a clause end, 后 or 时 (在白云工作了十多年,
# 驻清水工作队, 从白云搬到; not 在白云深处, 在清水中).
_LOCATIVE_BEFORE_COUNTY = re.compile("(?:在|从|赴|到|去|驻)$")
_DOING_AFTER = re.compile(
    "考察|调研|参观|视察|采访|工作|投资|创业|务工|举行|召开|举办|看到|见到|走访|拍摄|出发"
    "|生活|居住|定居|安家|读书|上学|打工|经商|旅游|游玩|过年|搬|迁"
    "|[一二三四五六七八九十两几多数]+(?:年|个月|天)"
)
# A short form opening a clause before 的 and a noun is the place whose people, products
# or sights the noun names (宜宾的早茶, 南山的市民): for short forms that are no frequent
# word (和平的环境, 清水的 stay words) and no verb or noun of the dictionary (开化的思想).
_LEADING_WORD = 600
_NAME_LIKE = frozenset((None, "", "ns", "nz", "j"))  # not nr: 白云的影子
_CLAUSE_OPEN = frozenset("，。；：！？、（“‘《\n\t 　")
# Before a county's short form: words of where a person comes from (来自三门的游客, 老家在
# 仁寿), unless the short form is a frequent word (来自东方的, 来自中原的 may be regions).
_ORIGIN_BEFORE = re.compile(
    "(?:来自|老家|老家在|老家是|家乡|家乡是|家住|出生在|出生于|生于|祖籍|祖籍是|原籍|籍贯|籍贯是)$"
)
_ORIGIN_WORD = 2000


def _named_in_full(h: PlaceHit, hits: list[PlaceHit]) -> bool:
    """The full form of this short form is named elsewhere in the text (大关县 … 大关)."""
    codes = set(h.place.codes)
    return any(
        o.place is not None
        and o.place.full
        and not o.place.ambiguous
        and o.kind in ("city", "county")
        and o.place.name.startswith(h.place.name)
        and codes.intersection(o.place.codes)
        for o in hits
    )


def _in_place_context(text: str, h: PlaceHit) -> bool:
    """A word after an ambiguous county or city short form says the place is meant
    (开化境内, 兴国籍), or a verb of going there stands before it (来到咸丰，), or a
    preposition of place before a city (在大同工作)."""
    if _PLACE_CONTEXT_AFTER.match(text, h.end):
        return True
    if _BODY_AFTER.match(text, h.end) and freq(text[h.start : h.end]) < _ORIGIN_WORD:
        return True
    before = (
        _MOTION_BEFORE.search(text, max(0, h.start - 2), h.start)
        or (h.kind == "city" and _LOCATIVE_BEFORE_CITY.search(text, max(0, h.start - 2), h.start))
        or (
            _ORIGIN_BEFORE.search(text, max(0, h.start - 3), h.start)
            and freq(text[h.start : h.end]) < _ORIGIN_WORD
        )
    )
    after = _AFTER_MOTION.match(text, h.end)
    if after and after.group() in ("后", "时") and dict_tag(text[h.start : h.end]) == "v":
        return False  # 应在开封后三天内食用: the verb, not the city
    if before and after:
        return True
    if (
        h.kind == "county"
        and _LOCATIVE_BEFORE_COUNTY.search(text, max(0, h.start - 1), h.start)
        and _DOING_AFTER.match(text, h.end)
    ):
        return True
    return _leads_noun(text, h)


def _leads_noun(text: str, h: PlaceHit) -> bool:
    """The short form opens its clause and is followed by 的 and a noun (宜宾的早茶, 南山的
    市民), is no frequent word and the dictionary has it as a name or not at all."""
    if h.start > 0 and text[h.start - 1] not in _CLAUSE_OPEN:
        return False
    if freq(text[h.start : h.end]) >= _LEADING_WORD:
        return False
    if not text.startswith("的", h.end) or dict_tag(text[h.start : h.end]) not in _NAME_LIKE:
        return False  # 开化的思想, 来宾的人数: the short form is a verb or a noun too
    j = h.end + 1
    toks = tagged(text, h.start, min(len(text), j + 6))
    if not any(t.start == h.start and t.end == h.end for t in toks):
        return False  # 开化的 is one word? then it is not the short form standing alone
    nxt = next((t for t in toks if t.start == j), None)
    if nxt is None or len(nxt.word) < 2:
        return False
    return nxt.tag in ("n", "nz", "nt")


def _told(text: str, hits: list[PlaceHit], h: PlaceHit) -> bool:
    return _in_place_context(text, h) or _named_in_full(h, hits)


_TOWNSHIP_NOT_AFTER = {"镇": "村区域长级", "乡": "村镇亲土愁音情里下贤长级风用聘"}


def _named_township(text: str, h: PlaceHit) -> bool:
    """A township's full name of three characters or more ending in 镇 or 乡 (茅台镇), on
    word boundaries, the suffix not starting a word (镇长, 乡村), its stem no verb,
    adjective or adverb (发展乡, 大同镇 are words and a suffix)."""
    name = h.place.name
    stop = _TOWNSHIP_NOT_AFTER.get(name[-1])
    if stop is None or len(name) < 3 or (h.end < len(text) and text[h.end] in stop):
        return False
    if dict_tag(name[:-1]) in _STEM_VERB_TAGS or dict_tag(name[:-1]) in ("vn", "d", "c", "p"):
        return False
    if freq(name[1:]) >= 50 or freq(name[-2:]) >= 50:
        return False  # 向城镇转移, 兴城镇带乡村: a character before the word 城镇
    cuts = boundaries(text, max(0, h.start - 3), min(len(text), h.end + 3))
    return h.start in cuts and h.end in cuts


def _resolve_ambiguous(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    keep = []
    for k, h in enumerate(hits):
        if h.kind in ("zone", "place") or h.place is None or not h.place.ambiguous:
            keep.append(h)
        elif h.kind == "geo":
            if h.place.name in FAMOUS_GEO or _geo_context(text, h) or _listed_geo(text, hits, k):
                keep.append(h)
        elif _confirmed(text, hits, k):
            keep.append(h)
        elif h.kind in ("city", "county") and not h.place.full and _told(text, hits, h):
            # 大关县 … 大关的竹笋, 开化境内, 兴国籍: the text says which place is meant
            h.certainty = "possible"
            keep.append(h)
        elif h.kind == "city" and _read_as_place(text, h):
            # 支持大同建设, 日照港, 大庆油田: jieba's tagger reads a city's short form as a
            # place here (counties' short forms so read are too often words: 大关, 兴国)
            h.certainty = "possible"
            keep.append(h)
        elif h.place.name[-1] in "江河湖山海" and _geo_context(text, h):
            # 黄山脚下, 太湖流域: a place name that is also a mountain or a lake, meant as one
            h.kind, h.certainty = "geo", "possible"
            h.replacement = "某" + h.place.name[-1]
            keep.append(h)
        elif (
            h.kind == "township"
            and h.place.full
            and len(h.place.name) == 2
            and dict_tag(h.place.name) == "ns"
        ):
            # 乌镇: a two-character township that jieba knows as a place name
            h.certainty = "possible"
            keep.append(h)
        elif h.kind == "township" and h.place.full and _named_township(text, h):
            # 茅台镇的酱香酒: a township named in full with its 镇 or 乡
            h.certainty = "possible"
            keep.append(h)
    if len(keep) < len(hits):
        keep = _confirm_listed(text, hits, keep)
    return keep


def _confirm_listed(text: str, hits: list[PlaceHit], keep: list[PlaceHit]) -> list[PlaceHit]:
    """An ambiguous county listed right beside a county of its province that is kept, itself
    ambiguous but confirmed (大通、湟中、民和、互助、共和、同仁: 共和 is confirmed by 互助,
    同仁 by 共和), is a place too; repeated along the list."""
    kept = {id(h) for h in keep}
    changed = True
    while changed:
        changed = False
        for k, h in enumerate(hits):
            if id(h) in kept or h.kind not in ("county", "city") or h.place is None:
                continue
            for o_k in (k - 1, k + 1):
                if not 0 <= o_k < len(hits) or id(hits[o_k]) not in kept:
                    continue
                o = hits[o_k]
                a, b = (o, h) if o_k < k else (h, o)
                gap = text[a.end : b.start]
                if (
                    o.place is not None
                    and gap in ("、", "，", "和", "与", "及")
                    and _same_province(o.place, h.place)
                ):
                    h.certainty = o.certainty  # as sure as the place it follows from
                    kept.add(id(h))
                    changed = True
                    break
    return [h for h in hits if id(h) in kept]


def _orgs(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Runs of adjacent places followed by an organisation suffix become one finding."""
    out: list[PlaceHit] = []
    k = 0
    while k < len(hits):
        run = [hits[k]]
        if run[0].abbreviation:
            out.append(run[0])
            k += 1
            continue
        while (
            k + len(run) < len(hits)
            and hits[k + len(run)].start == run[-1].end
            and not hits[k + len(run)].abbreviation
        ):
            run.append(hits[k + len(run)])
        end = run[-1].end
        nxt = hits[k + len(run)].start if k + len(run) < len(hits) else len(text)
        m = _ORG_TAIL.match(text, end)
        if (
            m
            and m.end() <= nxt
            and not ORG_GAP_STOP.intersection(m.group(1))
            and not ORG_GAP_VERBS.search(m.group(1))
            and _org_words(text, end, m.end())
        ):
            org_end = m.end()
            more = _ORG_MORE.match(text, org_end)
            while (
                more
                and more.end() <= nxt
                and not ORG_GAP_STOP.intersection(more.group(1))
                and not ORG_GAP_VERBS.search(more.group(1))
                and _org_words(text, org_end, more.end())
            ):
                org_end = more.end()
                more = _ORG_MORE.match(text, org_end)
            out.append(PlaceHit(run[0].start, org_end, "organization", "", None, tuple(run)))
        else:
            out.extend(run)
        k += len(run)
    return out


def _org_words(text: str, start: int, end: int) -> bool:
    """jieba reads ``text[start:end]`` as the words of a name ending at ``end``: nouns,
    no verbs (市场/监督/管理局, not 推行/一网通办; 局 but not 所属)."""
    if end <= start:
        return False
    toks = tagged(text, start, min(len(text), end + 3))
    if toks[0].tag == "c":
        return False
    for t in toks:
        if t.end > end:
            return False  # the last word runs on past the suffix
        if t.tag not in ORG_WORD_TAGS:
            return False
        if t.end == end:
            return True
    return False


def replacement_of(text: str, hit: PlaceHit) -> str:
    """The neutral wording for a hit: an organisation keeps its own words and loses
    its places (台州市市场监督管理局 → 某市市场监督管理局)."""
    if hit.kind != "organization":
        return hit.replacement
    out, pos = [], hit.start
    for part in hit.parts:
        out.append(text[pos : part.start])
        out.append(part.replacement)
        pos = part.end
    out.append(text[pos : hit.end])
    return "".join(out)


def find_places(text: str) -> list[PlaceHit]:
    """Place hits in ``text``, sorted and non-overlapping, each with its certainty."""
    hits = _scan(text)
    if hits:
        hits = _generic_districts(text, hits)
        hits = _zones(text, hits)
        hits = _locals(text, hits)
        hits = _resolve_ambiguous(text, hits)
        hits = _chain_townships(text, hits)
        hits = _villages(text, hits)
    hits = _merge(hits, _abbreviations(text, hits))
    hits = _merge(hits, _lone_villages(text, hits))
    hits = _merge(hits, _nicknames(text, hits))
    hits = _merge(hits, _lone_townships(text, hits))
    hits = _merge(hits, _lone_stems(text, hits))
    hits = _merge_over_abbreviations(hits, _regions(text, hits))
    if not hits:
        return hits
    hits = _orgs(text, hits)
    _grade(hits)
    return [h for h in hits if not _unread_by_tagger(text, h)]


def _unread_by_tagger(text: str, h: PlaceHit) -> bool:
    """A possible township short form that jieba's tagger does not read as one word
    (发展/中/固/安全 holds no 中固): the gazetteer alone is not enough for it."""
    if h.certainty != "possible" or h.kind != "township" or h.end - h.start >= 4:
        return False  # four characters or more (甘其毛都) are specific enough alone
    if h.place is not None and h.place.full:
        return False  # 樟木镇, 茅台镇: named with the suffix
    if _stems is not None and h.place is not None and h.place.name in _stems:
        return False  # 来到虎门，: a stem found by its context (jieba may split 北|滘)
    toks = tagged(text, max(0, h.start - 6), min(len(text), h.end + 6))
    return not any(
        t.start == h.start
        and (t.end == h.end or (t.end > h.end and t.tag in ("ns", "nz")))  # 良渚遗址/ns
        for t in toks
    )


_GENERIC_DISTRICT = re.compile("城区|郊区|矿区")


def _generic_districts(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """城区, 郊区, 矿区 right after a prefecture are its districts (长治市城区, 阳泉市郊区):
    generic words elsewhere, so they are not in the gazetteer on their own."""
    out: list[PlaceHit] = []
    for k, h in enumerate(hits):
        out.append(h)
        nxt = hits[k + 1].start if k + 1 < len(hits) else len(text)
        if h.kind != "city" or not h.place.full:
            continue
        m = _GENERIC_DISTRICT.match(text, h.end)
        if m and m.end() <= nxt and m.end() in boundaries(text, h.end, min(len(text), m.end() + 3)):
            place = Place(m.group(), "county", "某区", True, False, False, h.place.codes)
            out.append(PlaceHit(m.start(), m.end(), "county", "某区", place))
    return out


def _merge(hits: list[PlaceHit], extra: list[PlaceHit]) -> list[PlaceHit]:
    if not extra:
        return hits
    out = sorted(hits + extra, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[PlaceHit] = []
    for h in out:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def _yields_to_region(h: PlaceHit) -> bool:
    """An abbreviation (云贵) or a township's short form (云贵 too) inside a region's name
    gives way to the region (云贵高原)."""
    return h.abbreviation or (h.kind == "township" and h.place is not None and not h.place.full)


def _straddles_region(text: str, h: PlaceHit, regions: list[tuple[int, int]]) -> bool:
    """A short form starting inside a region's name, not at its start, and inside the word
    that starts with the region (豫东平原 holds no 东平, 华北平原 no 北平): the region is
    meant."""
    if (
        h.place is None
        or h.place.full
        or h.kind not in ("county", "city", "township", "former_place")
    ):
        return False
    for a, b in regions:
        if a < h.start < b:
            cuts = boundaries(text, max(0, a - 3), min(len(text), h.end + 3))
            if a in cuts and h.start not in cuts:
                return True
    return False


def _merge_over_abbreviations(hits: list[PlaceHit], extra: list[PlaceHit]) -> list[PlaceHit]:
    """``extra`` (regions) added to ``hits``; what yields to a region inside it gives way,
    and a short form that starts inside a region and runs past it (东平 of 豫东平原)."""
    if not extra:
        return hits
    kept = [
        h
        for h in hits
        if not (_yields_to_region(h) and any(x.start <= h.start and h.end <= x.end for x in extra))
        and not any(
            x.kind == "geo"
            and x.start < h.start < x.end
            and h.place is not None
            and not h.place.full
            for x in extra
        )
    ]
    return _merge(kept, extra)


def _grade(hits: list[PlaceHit]) -> None:
    """Certain: names of divisions and zones, in full or short, and anything in a chain.
    Possible: a township's short form standing alone (亦庄), a river, lake or mountain
    (钱塘江: the user decides whether it names the case's place), a village found by its
    suffix alone, a single abbreviation (来沪)."""
    for k, h in enumerate(hits):
        chained = (k > 0 and hits[k - 1].end == h.start) or (
            k + 1 < len(hits) and hits[k + 1].start == h.end
        )
        if h.certainty == "possible" and chained and h.kind != "geo":
            h.certainty = "certain"
        elif h.kind == "geo":
            h.certainty = "possible"
        elif h.kind == "township" and h.place is not None and not h.place.full and not chained:
            h.certainty = "possible"


# One-character abbreviations of provinces (and 港, 澳, 台).
ABBREVIATIONS = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西",
    "蒙": "内蒙古", "辽": "辽宁", "吉": "吉林", "黑": "黑龙江", "苏": "江苏", "浙": "浙江",
    "皖": "安徽", "闽": "福建", "赣": "江西", "鲁": "山东", "豫": "河南", "鄂": "湖北",
    "湘": "湖南", "粤": "广东", "桂": "广西", "琼": "海南", "川": "四川", "蜀": "四川",
    "黔": "贵州", "贵": "贵州", "滇": "云南", "云": "云南", "藏": "西藏", "陕": "陕西",
    "秦": "陕西", "甘": "甘肃", "陇": "甘肃", "青": "青海", "宁": "宁夏", "新": "新疆",
    "港": "香港", "澳": "澳门", "台": "台湾",
}  # fmt: skip
# Abbreviations that are everyday characters too (新, 青, 云, 台, 港 of 抵港 ...): never
# alone.
_COMMON_ABBR = frozenset("京新青宁云贵台甘黑吉秦蒙港")
_ABBR_CLASS = "".join(ABBREVIATIONS)
_ABBR_RUN = re.compile(f"[{_ABBR_CLASS}]{{2,5}}")
# A single abbreviation stands for the place after a verb of coming, going or staying
# (来沪, 在渝, 赴京, 驻港, 来川居住), not inside a brand (浙政钉, 浙里办, 渝快办).
# (also the usual one-character abbreviations of two cities: 穗 广州, 甬 宁波: 来穗务工)
_ABBR_AFTER_VERB = re.compile(f"(?<=[来在赴抵驻离返留旅入进援回到从])([{_ABBR_CLASS}穗甬])")
_AFTER_ABBR_OK = re.compile(
    f"(?:[^{CJK}]|$|投资|工作|居住|发展|设立|落户|创业|就业|务工|生活|学习|求学|考察|调研|"
    "访问|参加|出席|举办|召开|期间|后|时|的|企业|人员|人才|游客|旅游|办|开|设|"
    "出差|开会|就医|过年|探亲|读书|上学|演出|参观|观光|留学|打工|经商|办事|交流|[，。、；：）])"
)


def _abbreviations(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Abbreviations that stand for provinces: a run of two or more (沪苏浙皖, 京津冀,
    川渝, 粤港澳; certain) that jieba does not read as another word (藏青 is a colour),
    or one after a verb of coming, going or staying (来沪投资, 在渝设立; possible)."""
    out: list[PlaceHit] = []
    taken = [(h.start, h.end) for h in hits]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for m in _ABBR_RUN.finditer(text):
        s, e = m.span()
        run = m.group()
        if len(set(run)) != len(run) or not free(s, e):
            continue
        if set(run) <= _COMMON_ABBR and len(run) < 3:
            continue  # 新青, 云台, 青藏 would need more than two everyday characters
        f = freq(run)
        if f and len(run) < 3 and dict_tag(run) not in ("ns", "j", "nz"):
            continue
        cuts = boundaries(text, max(0, s - 3), min(len(text), e + 3))
        if s not in cuts or e not in cuts:
            if not (f and dict_tag(run) in ("ns", "j")):
                continue
        out.append(PlaceHit(s, e, "place", "多地", None, (), "certain", True))
        taken.append((s, e))
    for m in _ABBR_AFTER_VERB.finditer(text):
        s, e = m.span(1)
        c = m.group(1)
        if (c in _COMMON_ABBR and c not in "京港") or not free(s, e):
            continue
        if c == "港" and text[s - 1] not in "驻赴来访":
            continue  # 返港, 抵港, 在港时间: ships, goods and harbours (来港旅游, 驻港: 香港)
        if not _AFTER_ABBR_OK.match(text, e):
            continue
        pair = text[s - 1 : e]
        if freq(pair) and dict_tag(pair) not in ("ns", "j", "v"):
            continue  # 进京赶考 is fine, 回台 too; 入川 v
        if e < len(text) and freq(text[s : e + 1]) >= 50:
            continue  # 在渝 + 快办 would be 渝快
        out.append(PlaceHit(s, e, "province", "某地", None, (), "possible", True))
    return out


# The standard other names (别称) of provinces: 齐鲁 山东, 三晋 山西, 八闽 福建, 陇原 甘肃;
# and of cities.
# 中原 and 天府 are left out: everyday words (中原地区) and a zone's stem (天府新区).
NICKNAMES = (
    "齐鲁 三晋 八闽 陇原 三秦 荆楚 三湘 巴蜀 燕赵 赣鄱 岭南 八桂 琼州 龙江 雪域 塞上 江淮 "
    "潇湘 黔贵 滇黔 关东 辽沈 吴越 八闽大地 齐鲁大地 三晋大地 荆楚大地 巴山蜀水 "
    # and of cities, as news writes them: 羊城 广州, 鹏城 深圳, 蓉城 成都, 春城 昆明 …
    "羊城 鹏城 蓉城 春城 泉城 冰城 星城 榕城 申城 沪上 京城 津城 杭城 邕城 筑城 鹭岛 "
    # and their old names, still written in news and travel prose (彭城 徐州, 金陵 南京)
    "彭城 金陵 汴梁 汴京 锦官城 并州 瓷都 椰城 岛城"
).split()
# Villages known across the country by their name alone (大寨, 西柏坡, 小岗, 梁家河): the
# suffix rule needs their 村.
FAMOUS_VILLAGES = "大寨 西柏坡 小岗 梁家河 韶山冲 十八洞 下姜 西递 宏村 南街村".split()
_NICKNAME = re.compile("|".join(sorted(NICKNAMES + FAMOUS_VILLAGES, key=len, reverse=True)))


def _nicknames(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Other names of provinces (齐鲁样板, 陇原儿女, 八闽文化) on word boundaries:
    possible places, the user decides."""
    out: list[PlaceHit] = []
    taken = [(h.start, h.end) for h in hits]
    for m in _NICKNAME.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        cuts = boundaries(text, max(0, s - 3), min(len(text), e + 3))
        if s in cuts and e in cuts:
            out.append(PlaceHit(s, e, "place", "某地", None, (), "possible", True))
    return out


_REGION = re.compile("|".join(sorted(REGIONS, key=len, reverse=True)))
_DIRECTION = re.compile("|".join(DIRECTION_REGIONS))


def _regions(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Regions that are no division (华北, 关中, 长三角, 北部湾, 云贵高原) starting on a word
    boundary, two-character rivers, lakes and mountains of ``FAMOUS_GEO`` that the gazetteer
    reads otherwise or not at all (华山), and directions that name regions (东北, 西北)
    before 地区, 振兴 … or listed with another region (西北、华北、西南地区): possible
    places. A region may cover abbreviations it starts with (云贵 of 云贵高原), not a
    division (四川 of 四川盆地 stays the province)."""
    out: list[PlaceHit] = []
    regions = [m.span() for m in _REGION.finditer(text)]
    taken = [
        (h.start, h.end)
        for h in hits
        if not _yields_to_region(h) and not _straddles_region(text, h, regions)
    ]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def starts_word(s: int, e: int, whole: bool) -> bool:
        cuts = boundaries(text, max(0, s - 3), min(len(text), e + 3))
        return s in cuts and (e in cuts or not whole)

    found = [(span, False) for span in regions]
    found += [(m.span(), True) for m in _FAMOUS.finditer(text)]
    for (s, e), famous in sorted(found):
        if free(s, e) and starts_word(s, e, famous):
            out.append(
                PlaceHit(s, e, "geo", "某地区" if not famous else "某地", None, (), "possible")
            )
            taken.append((s, e))
    for m in _DIRECTION.finditer(text):
        s, e = m.span()
        if not free(s, e):
            continue
        listed = any(
            (a == e + 1 and text[e] in "、和与及") or (b == s - 1 and text[s - 1] in "、和与及")
            for a, b in taken
        )
        if (DIRECTION_REGION_AFTER.match(text, e) or listed) and starts_word(s, e, False):
            out.append(PlaceHit(s, e, "geo", "某地区", None, (), "possible"))
            taken.append((s, e))
    return out


_FAMOUS = re.compile("|".join(sorted(FAMOUS_GEO)))


# The suffixes that name a village, a community or a township, each with what may not
# follow it (村民, 村委; 镇长, 镇村; 乡村, 乡镇; 街道办 is fine) and its neutral wording.
_LONE_SUFFIX = re.compile(
    "(社区|村|古镇|街道)(?![民委级集庄落干务镇超规医部])|镇(?![村区域长级]|中(?!心))|乡(?![村镇亲土愁音情里下贤长级风用聘])"
)
_STEM_VERB_TAGS = frozenset("v vd vn a ad d".split())
_LONE_REPL = {
    "村": "某村",
    "社区": "某社区",
    "古镇": "某镇",
    "街道": "某街道",
    "镇": "某镇",
    "乡": "某乡",
}
_VILLAGE_STOP = frozenset(
    "的和与及等各在对将为是了个有所该本全两多每农乡城镇新老一二三四五六七八九十百千万邻同此名某"
    "不没无未非要把被让进出入到回驻包联之"
)


def _lone_villages(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A village, community or township named by its suffix alone, without its county
    (余村, 小岗村, 东山社区, 樟木镇, 坂田街道, 龚滩古镇): a name of one to three characters
    before 村, 社区, 镇, 乡, 街道 or 古镇 that is no common word (试点村, 示范村, 特色小镇,
    返乡 are not names), starting and ending on a word boundary (the longest such name
    before the suffix); one-character names only as jieba's place names at the start of a
    clause (工业重镇 is a word).
    Possible: the user decides whether it names the case's place."""
    out: list[PlaceHit] = []
    taken = _Covered(((h.start, h.end) for h in hits), len(text))
    n = len(text)
    for m in _LONE_SUFFIX.finditer(text):
        stem_end, e = m.span()
        suffix = m.group()
        township = suffix not in ("村", "社区")
        # before 古镇 a stem the dictionary tags a name is the town's (周庄古镇), as before 村
        strict = township and suffix != "古镇"
        if taken(stem_end, e):
            continue
        cuts = None
        for k in (3, 2, 1):
            s = stem_end - k
            if s < 0:
                continue
            stem = text[s:stem_end]
            if _VILLAGE_STOP.intersection(stem) or not _ALL_CJK.fullmatch(stem):
                continue
            if taken(s, stem_end):
                continue
            whole = text[s:e]
            if freq(whole) and dict_tag(whole) not in _NAME_TAGS:
                continue  # 城中村, 淘宝村, 城镇 as words
            if k == 2 and suffix == "村" and _surname_jia(stem):
                # 李家村, 王家村: a family's village (家村, 王家 and 黄家 are words too)
                cuts = boundaries(text, max(0, stem_end - 7), min(n, e + 3))
                if s in cuts and e in cuts:
                    out.append(PlaceHit(s, e, "place", "某村", None, (), "possible"))
                    break
                continue
            if k == 1 and (dict_tag(whole) != "ns" or (s and text[s - 1] not in _CLAUSE_START)):
                continue  # 余村 only as jieba's place name at a clause's start (工业重镇)
            if k >= 2 and freq(stem) >= 50 and dict_tag(stem) not in _NAME_TAGS:
                continue
            if strict and k >= 2 and freq(stem) >= 50 and dict_tag(stem) != "ns":
                continue  # 文明乡风: a word tagged a name is a word before 镇 or 乡 too
            if cuts is None:
                cuts = boundaries(text, max(0, stem_end - 7), min(n, e + 3))
            if e not in cuts:
                break  # the suffix runs into a word (镇政府 is read as one)
            if s not in cuts:
                continue
            if freq(text[stem_end - 1 : stem_end + 1]) >= 20:
                continue  # 送戏下乡, 图灵小镇: the suffix ends a word (下乡, 小镇)
            # the stem's words: no common word (试点, 示范), no verb or adjective (补齐社区)
            if any(
                len(w) >= 2
                and (
                    (
                        freq(w) >= 50
                        and (
                            dict_tag(w) != "ns" or freq(w) >= 2000
                            if strict
                            else dict_tag(w) not in _NAME_TAGS
                            or (township and freq(w) >= 2000)  # 江南古镇
                        )
                    )
                    or dict_tag(w) in _STEM_VERB_TAGS
                )
                for w in _words(text, s, stem_end)
            ):
                continue
            out.append(PlaceHit(s, e, "place", _LONE_REPL[suffix], None, (), "possible"))
            break
    return out


_JIA_SURNAMES = frozenset(RANKED_SURNAMES[:120]) - AMBIGUOUS_SURNAMES


def _surname_jia(stem: str) -> bool:
    """A common surname and 家 (李家, 王家): the name of a family's village before 村."""
    return stem[1] == "家" and stem[0] in _JIA_SURNAMES


_CLAUSE_START = frozenset("，。；：！？、（“‘《\n\t 　")

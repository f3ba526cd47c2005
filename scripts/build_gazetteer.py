"""Generate indexer/data/gazetteer.tsv, the place-name list of the anonymity check.

Sources (../shared/corpus/03_admin_divisions):
  * modood/Administrative-divisions-of-China (国家统计局 2023 统计用区划代码, WTFPL):
    provinces, prefectures, county-level units, townships/streets, plus HK-MO-TW.json;
  * jxlwqq/address-code-of-china (民政部 codes 1980-2020, MIT): names that no longer
    exist today become ``former_place`` (崇文区, 富阳县, 吴县市, 襄樊市 ...).
  * jieba's bundled dict.txt (word, frequency, part of speech) decides which derived
    short forms are also common words (开封 v, 天台 n, 合作 v ...); those are marked
    ``a`` (ambiguous) and are only reported next to another place name.

What is derived (public knowledge, lists below):
  * short forms: 浙江省 → 浙江, 台州市 → 台州, 椒江区 → 椒江, 延边朝鲜族自治州 → 延边,
    积石山保安族东乡族撒拉族自治县 → 积石山; kept when ≥ 2 characters and not generic
    (城区, 郊区, 市中 ...). Townships keep their full names only (城关, 新华 are too
    common without 镇/街道).
  * development zones: county/township units whose name ends in a zone suffix, the 19
    national new zones and a few well-known parks; the runtime rule adds
    "<place> + ≤4 characters + <zone suffix>" (台州湾新区, 宁波国家高新区).

Output format (UTF-8, one name per line, grouped in sections to stay small):
    @<kind> <replacement> <flags> [<suffix>]
    <name or stem>            (name = stem + suffix when the section has a suffix)
flags: f full name, s short form, a ambiguous (needs a neighbouring place),
z zone stem (only before a zone suffix, e.g. 两江 in 两江新区).

Usage: python scripts/build_gazetteer.py [CORPUS_DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "indexer" / "data" / "gazetteer.tsv"

# Precedence when one name has several meanings (吉林 = province and city).
LEVEL = {
    "province": 0,
    "city": 1,
    "county": 2,
    "zone": 3,
    "township": 4,
    "former_place": 5,
    "geo": 6,
}

# The 56 recognised ethnic groups (with and without 族, as they appear in names of
# autonomous units: 伊犁哈萨克自治州, 博尔塔拉蒙古自治州).
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
    "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
    "珞巴 基诺 各"
).split()
_ETHNIC_RE = re.compile(
    "(?:"
    + "|".join(sorted((e + "族" for e in ETHNIC), key=len, reverse=True))
    + "|"
    + "|".join(sorted((e for e in ETHNIC if len(e) >= 2), key=len, reverse=True))
    + ")+$"
)

# Administrative suffixes, longest first: (suffix, replacement).
PROVINCE_SUFFIXES = [
    ("特别行政区", "某特别行政区"),
    ("自治区", "某自治区"),
    ("省", "某省"),
    ("市", "某市"),
]
CITY_SUFFIXES = [("自治州", "某州"), ("地区", "某地区"), ("盟", "某盟"), ("市", "某市")]
COUNTY_SUFFIXES = [
    ("自治县", "某县"),
    ("自治旗", "某旗"),
    ("林区", "某林区"),
    ("特区", "某特区"),
    ("县", "某县"),
    ("区", "某区"),
    ("市", "某市"),
    ("旗", "某旗"),
]
TOWNSHIP_SUFFIXES = [
    ("民族乡", "某乡"),
    ("民族苏木", "某苏木"),
    ("街道", "某街道"),
    ("苏木", "某苏木"),
    ("镇", "某镇"),
    ("乡", "某乡"),
]
# Zone suffixes, longest first: (suffix, replacement).
ZONE_SUFFIXES = [
    ("高新技术产业开发区", "某高新区"),
    ("高新技术产业园区", "某高新区"),
    ("经济技术开发区", "某开发区"),
    ("自由贸易试验区", "某自贸试验区"),
    ("综合保税区", "某综合保税区"),
    ("保税港区", "某保税港区"),
    ("经济开发区", "某开发区"),
    ("工业开发区", "某开发区"),
    ("产业开发区", "某开发区"),
    ("旅游度假区", "某度假区"),
    ("产业集聚区", "某产业集聚区"),
    ("自贸片区", "某片区"),
    ("高新区", "某高新区"),
    ("经开区", "某开发区"),
    ("开发区", "某开发区"),
    ("工业园区", "某园区"),
    ("产业园区", "某园区"),
    ("科技园区", "某园区"),
    ("工业园", "某园区"),
    ("产业园", "某园区"),
    ("科技园", "某园区"),
    ("保税区", "某保税区"),
    ("示范区", "某示范区"),
    ("试验区", "某试验区"),
    ("合作区", "某合作区"),
    ("度假区", "某度假区"),
    ("管理区", "某管理区"),
    ("风景区", "某风景区"),
    ("新片区", "某片区"),
    ("片区", "某片区"),
    ("新区", "某新区"),
    ("新城", "某新城"),
    ("园区", "某园区"),
]
# Township-level units that are farms, prisons etc.: kept when their stem is specific.
OTHER_TOWNSHIP_SUFFIXES = [
    ("农场", "某农场"),
    ("林场", "某林场"),
    ("牧场", "某牧场"),
    ("渔场", "某渔场"),
    ("茶场", "某茶场"),
]

# The 19 national new zones and well-known parks whose stem is not an administrative
# division (public knowledge). Stems flagged z only count before a zone suffix;
# the distinctive ones (雄安, 横琴, 中关村) also count alone.
KNOWN_ZONES = [
    "浦东新区",
    "滨海新区",
    "两江新区",
    "舟山群岛新区",
    "兰州新区",
    "南沙新区",
    "西咸新区",
    "贵安新区",
    "西海岸新区",
    "金普新区",
    "天府新区",
    "湘江新区",
    "江北新区",
    "福州新区",
    "滇中新区",
    "哈尔滨新区",
    "长春新区",
    "赣江新区",
    "雄安新区",
    "中关村科技园区",
    "张江高科技园区",
    "苏州工业园区",
    "漕河泾开发区",
    "虹桥商务区",
    "前海深港现代服务业合作区",
    "横琴粤澳深度合作区",
    "临港新片区",
]
ZONE_STEMS = [
    "两江",
    "西咸",
    "贵安",
    "天府",
    "湘江",
    "赣江",
    "滇中",
    "金普",
    "西海岸",
    "张江",
    "漕河泾",
    "虹桥",
    "临港",
    "钱江",
    "钱塘",
    "台州湾",
    "杭州湾",
    "环杭州湾",
    "金桥",
    "东湖",
    "河套",
    "南沙",
]
STANDALONE_ZONE_STEMS = [
    "雄安",
    "横琴",
    "中关村",
    "洋浦",
    "杨凌",
    "宁东",
    "陆家嘴",
    "外高桥",
    "光谷",
    "前海",
    "漕河泾",
]

# Provinces abolished before 1980 (public knowledge), with the code prefix of the region
# they went to: 热河 (1955: 河北, 辽宁, 内蒙古), 察哈尔 and 绥远 (1952-1954), 西康 (1955:
# 四川), 松江 (1954: 黑龙江), 平原 (1952: 河南, 山东), 辽东 and 辽西 (1954: 辽宁).
FORMER_PROVINCES = {
    "热河省": "13",
    "察哈尔省": "13",
    "绥远省": "15",
    "西康省": "51",
    "松江省": "23",
    "平原省": "41",
    "辽东省": "21",
    "辽西省": "21",
}

# Cities under names they had before 1980 (public knowledge), named in news and histories
# of the century (北平和平解放, 奉天即今沈阳), with the code prefix of today's city: 北平
# (北京 1928-1949), 奉天 (沈阳 until 1945), 迪化 (乌鲁木齐 until 1954), 归绥 (呼和浩特 until
# 1954), 汉口 (a city until 1949, now 武汉's), 旅大 (大连 1950-1981), 安东 (丹东 until 1965,
# also a name: ambiguous), 广州湾 (湛江 until 1945), 打箭炉 (康定 until 1908).
FORMER_CITIES = {
    "北平": "11",
    "奉天": "2101",
    "迪化": "6501",
    "归绥": "1501",
    "汉口": "4201",
    "旅大": "2102",
    "安东": "2106",
    "广州湾": "4408",
    "打箭炉": "5133",
}

# Counties set up after the 2023 codes (public knowledge): 和安县 and 和康县 (新疆和田地区,
# December 2024).
NEW_COUNTIES = {"和安县": "6532", "和康县": "6532"}

# Usual abbreviations of prefectures whose short form is long (博尔塔拉蒙古自治州 → 博州,
# 克孜勒苏柯尔克孜自治州 → 克州, 巴音郭楞蒙古自治州 → 巴州, the last also 巴州区's short
# form), as the reports of their province write them.
PREFECTURE_ABBREVIATIONS = {"博州": "6527", "克州": "6530", "巴州": "6528"}

# Short forms that are generic words, never reported alone nor in a chain
# (公安县, 东方市, 平安区 exist, but 浙江公安, 平安浙江, 新华社 are not places).
GENERIC_SHORT = set(
    "城区 郊区 矿区 林区 新区 市区 市中 城中 城东 城西 城南 城北 东区 西区 南区 北区 中区 新市 新城 "
    "开发 高新 经济 工业 市辖 县城 城关 城厢 老城 特区 内地 山区 新华 人民 中心 中华 东方 平安 公安 "
    "建设 发展 合作 振兴 团结 胜利 前进 复兴 解放 民主 文明 和谐 友好 互助 新建 光明 红旗 东风 "
    "先锋 红星 立新 动力 露天 共和 和平 长安 安定 新兴 兴业 乐业 安居 富民 同心 平和 安宁 长寿 "
    "清新 永和 江海 离岛 中西 海港 港口 吉利 幸福 繁荣 前锋 向阳 城镇 乡镇 村镇 集镇 城乡".split()
)
# Short forms that are place names but also ordinary words in government prose. They
# are reported only in a chain with a related place: after an ancestor (浙江开化,
# 衢州开化), before a descendant (大同平城区), or listed beside a sibling (临海、天台、仙居).
# Curated by reading every short form that jieba's dictionary tags as a common word
# (tag not ns/nr/nz/j, frequency >= 30) or that is an everyday noun despite a name tag.
HAND_AMBIGUOUS = set(
    # landscape and direction words
    "江山 王国 长城 太平 白云 青山 金山 南山 江南 江北 河东 河西 中原 东郊 西郊 南郊 北郊 北市 "
    "南市 东城 西城 鼓楼 钟楼 市北 市南 桥东 桥西 桥头 清水 清河 清流 天台 路桥 临海 朝阳 大兴 "
    "天河 南海 北海 三水 高明 安康 黑山 白山 红山 海东 海西 城阳 东港 东湖 北湖 月湖 华山 衡山 "
    "九龙 沙田 永安 铁西 铁东 铁山 海城 新洲 青河 清江 东山 西山 北山 石门 龙门 天门 三门 水城 双城 "
    "江岸 湖里 路南 南岸 南部 台前 洞口 渡口 市郊 下关 黑水 白水 白沙 金沙 小河 温泉 灯塔 高台 "
    "灵台 石台 盐池 盐井 平房 小店 运河 天涯 名山 天柱 太白 石鼓 石林 石柱 石龙 双塔 双桥 宝塔 "
    "白塔 四方 九里 升平 茶坊 星子 "
    # everyday words and phrases
    "三元 二七 二道 万年 三台 中方 会同 光泽 大化 大厂 大名 大方 大观 大通 大田 大安 富裕 小金 "
    "左权 平定 延长 方山 桃源 比如 民乐 民和 民权 紫金 莲花 资源 通道 铜鼓 石棉 长子 宏伟 工农 "
    "爱民 回民 海棠 芙蓉 麒麟 鸡冠 天元 天心 金台 丰满 天长 孝义 新民 无为 樟树 磐石 来宾 日照 "
    "大同 白银 大庆 四平 普洱 开封 开化 海盐 友谊 凤凰 武功 威信 惠民 同仁 博爱 方正 康乐 云霄 "
    "凌云 安平 新星 白杨 阳春 东方红 开元 建华 建安 元宝 盘龙 龙凤 玉龙 黄龙 白玉 木兰 梁山 "
    "古田 和顺 嘉禾 太和 永丰 永福 南华 西华 蓝田 金平 钟山 紫云 七星 玄武 太康 延寿 仁寿 "
    "乐安 万安 华容 洪山 阳明 石狮 吉利 梨树 卢氏 孙吴 吴起 文峰 上高 五峰 保康 万载 "
    # read in whole 2026 work reports and in jieba's frequent words: ordinary phrases
    # (大城市, 万亿元大关, 科教兴国, 满城, 平原地区, 否极泰来, 上街, 价值连城 ...)
    "平原 古城 河口 商城 甘泉 东海 兴国 咸丰 故城 新河 天桥 沿河 牡丹 东坡 六合 泰来 沙河 大城 "
    "桃园 北流 花山 沙湾 上街 德化 兴隆 松山 龙山 长乐 满城 南城 大关 卧龙 青龙 盐湖 万山 南关 "
    "三江 湖滨 湖口 江口 连城 白河 新罗 临江 无极 三河 永宁 龙潭 龙城 永兴 北关 商都 盘山 千山 "
    "天等 新龙 东至 盐田 龙湖 柳林 乌兰 阿里 黄梅 固安 兴海 五河".split()
)
# Short forms jieba tags as common words that were read and kept as definite place names.
REVIEWED_PLACES = set(
    "大理 恩施 文山 海北 保定 信阳 包头 合肥 周口 商丘 大连 天水 孝感 宝鸡 平凉 怀化 攀枝花 河源 "
    "海口 清远 烟台 焦作 百色 自贡 茂名 营口 运城 遵义 酒泉 银川 长治 彰化 上党 丰润 即墨 双流 "
    "房山 顺义 奉化 定陶 宣化 离石 金坛 雨花台 海门 新会 永定 永年 且末 五台 修水 全州 内乡 周至 "
    "围场 大悟 奉节 定边 定远 宝应 平遥 建平 怀来 政和 新野 方城 正定 武义 永新 米脂 苍梧 莎车 "
    "融水 金门 镇远 阳谷 集贤 馆陶 个旧 临清 仙桃 仪征 库车 常熟 平度 应城 康定 扶余 永济 河间 "
    "泊头 登封 监利 石首 神木 遵化 项城 高密 龙口 玉门 兴化 赤壁 赤水 当阳 交河 广济 沔阳 蒲圻 "
    "神农架 大冶 东乡族 鄂温克族 义乌 三明 南通 广元 昭通 本溪 通化 金华 基隆 龙华 九江".split()
)

# Full names that are generic on their own (a former 新区 of 1980s Hebei, 城关镇 is kept).
GENERIC_FULL = {
    "新区",
    "市辖区",
    "县",
    "郊区",
    "矿区",
    "城区",
    "市区",
    "东区",
    "西区",
    "南区",
    "北区",
    "中区",
    "林区",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "小城镇",
    "中心镇",
    "中心村",
}
# Full names that are also common terms (解放区 "liberated area", 新市区 "new urban
# district"): they need a related place beside them, like ambiguous short forms.
AMBIGUOUS_FULL = {"解放区", "新市区"}

# Generic words a zone's stem may end in (经济技术开发区 → stem 经济技术 is no name).
_ZONE_GENERIC_END = re.compile(
    "(?:国家级|省级|国家|经济技术|高新技术产业|高新技术|新技术|高新|经济|工业|产业|科技|旅游|综合|"
    "现代农业|农业|物流|保税|出口加工|台商投资|化工|临空|临港)+$"
)
# Zone stems that describe an industry, not a place (jieba tags 城市 ns, 空港 is rare).
GENERIC_ZONE_STEMS = set(
    "城市 生物医药 空港 电子信息 新能源 新材料 环保 再生资源 轻工食品 农业示范 石化 高铁 临空经济 "
    "现代服务业 先进制造业 智能制造 装备制造 文化创意 大数据 商贸物流 跨境电商 循环经济".split()
)
# Common single-character surnames (as in indexer/anonymity/lexicon.py).
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
)
# Conjunctions and particles that end some short forms (新和, 民和, 平和).
FUNCTION_CHARS = set("和与及的在是了对")

# jieba tags that may label a place name. A short form jieba knows with another tag
# and this frequency is a common word (开封 v 1696, 天台 n 91, 海盐 n 128) unless it
# was reviewed; the build lists unreviewed ones so a data update gets read too.
PLACE_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"}
COMMON_FREQ = 30


def _strip(name: str, suffixes: list[tuple[str, str]]) -> tuple[str, str] | None:
    for suf, repl in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)], repl
    return None


def _strip_ethnic(stem: str) -> str:
    m = _ETHNIC_RE.search(stem)
    if m and m.start() >= 2:
        return stem[: m.start()]
    return stem


def _jieba_dict() -> dict[str, tuple[int, str]]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def _prefix(code: str) -> str:
    """The significant prefix of a division code: 330000 → 33, 331000 → 3310."""
    code = code.strip()
    if len(code) >= 6:
        code = code[:6]
        if code.endswith("0000"):
            return code[:2]
        if code.endswith("00"):
            return code[:4]
    return code


class Gazetteer:
    def __init__(self, jdict: dict[str, tuple[int, str]]) -> None:
        # name -> [kind, replacement, flags, codes]
        self.entries: dict[str, list] = {}
        self.jdict = jdict
        self.unreviewed: set[str] = set()

    def is_generic(self, phrase: str) -> bool:
        """Made of common words only (生物医药, 新材料, 城市, 迎宾街道): not a name."""
        import jieba

        if phrase in GENERIC_ZONE_STEMS:
            return True

        def common(w: str) -> bool:
            freq, tag = self.jdict.get(w, (0, ""))
            return freq >= 3 and tag not in ("ns", "nr", "nrt", "nrfg")

        words = jieba.lcut(phrase, HMM=False)
        return all(common(w) or (len(w) == 1 and len(words) > 1) for w in words)

    def is_word(self, word: str) -> bool:
        return self.jdict.get(word, (0, ""))[0] >= COMMON_FREQ

    def is_common(self, word: str) -> bool:
        freq, tag = self.jdict.get(word, (0, ""))
        return freq >= COMMON_FREQ and tag not in PLACE_TAGS

    def add(self, name: str, kind: str, repl: str, flags: str, code: str = "") -> None:
        if len(name) < 2 or name in GENERIC_FULL:
            return
        if (
            name in AMBIGUOUS_FULL or (len(name) == 2 and name[0] in FUNCTION_CHARS)
        ) and "a" not in flags:
            flags += "a"  # 和县: "…和县乡村振兴" is 和 + 县乡
        codes = {code} if code else set()
        old = self.entries.get(name)
        if old is None:
            self.entries[name] = [kind, repl, flags, codes]
            return
        okind, orepl, oflags, ocodes = old
        if "f" in oflags and "f" not in flags:
            return  # a full name beats a short form
        if "f" in flags and "f" not in oflags:
            self.entries[name] = [kind, repl, flags, codes]
            return
        # Same standing: the higher level names the kind and the replacement; both codes
        # are kept (homonyms: 朝阳 is a city in 辽宁 and a district of 北京); short forms of
        # two units of one level with different replacements get the neutral 某地;
        # ambiguity is sticky.
        best = [kind, repl, flags] if LEVEL[kind] < LEVEL[okind] else [okind, orepl, oflags]
        if repl != orepl and kind == okind and "s" in flags:
            best[1] = "某地"  # two counties, 某县 and 某区: say neither
        if "a" in oflags + flags and "a" not in best[2]:
            best[2] += "a"
        self.entries[name] = best + [ocodes | codes]

    def add_short(
        self, stem: str, kind: str, repl: str, code: str = "", ambiguous: bool = False
    ) -> None:
        stem = _strip_ethnic(stem)
        if len(stem) < 2 or stem in GENERIC_SHORT:
            return
        # 新和, 民和: a short form ending in a conjunction hides in 焕新和旅游.
        amb = ambiguous or stem in HAND_AMBIGUOUS or stem[-1] in FUNCTION_CHARS
        if not amb and stem not in REVIEWED_PLACES and self.is_common(stem):
            self.unreviewed.add(stem)
            amb = True
        self.add(stem, kind, repl, "sa" if amb else "s", code)


def _add_township(g: Gazetteer, name: str, stem: str, repl: str) -> None:
    """A township's full name; ambiguous (``fa``) when it may be words instead."""
    if g.is_common(name):
        return  # 城镇, 乡镇 are words, not names
    # Two-character names (口镇, 张镇, 高镇) hide in 入口镇, 张镇长, 提高镇, and one
    # character before a word (万城镇, 向城镇: 每万城镇人口, 向城镇转移): they need a
    # county or city right before them (桐乡乌镇). So do names whose stem is an everyday
    # word (建设乡, 城镇街道).
    weak = (
        len(name) == 2
        or (len(name) == 3 and g.is_word(name[1:]))
        or g.is_common(stem)
        or stem in GENERIC_SHORT
    )
    g.add(name, "township", repl, "fa" if weak else "f")


# The usual short names of autonomous units keep the level's word: 延边朝鲜族自治州 →
# 延边州, 融水苗族自治县 → 融水县, 鄂温克族自治旗 → 鄂温克旗 (as news and reports write them).
AUTONOMOUS_LEVELS = {"自治州": ("州", "某州"), "自治县": ("县", "某县"), "自治旗": ("旗", "某旗")}


def _add_autonomous_short(g: Gazetteer, name: str, stem: str, kind: str, code: str) -> None:
    for suffix, (level, repl) in AUTONOMOUS_LEVELS.items():
        if name.endswith(suffix):
            short = _strip_ethnic(stem)
            if len(short) >= 2 and short not in GENERIC_SHORT:
                g.add(short + level, kind, repl, "f", code)
            return


def build(corpus: Path) -> Gazetteer:
    modood = corpus / "03_admin_divisions" / "modood_Administrative-divisions-of-China"
    hist = (
        corpus
        / "03_admin_divisions"
        / "jxlwqq_address-code-of-china_history_1980-2020"
        / "address_code.csv"
    )

    def rows(name: str) -> list[dict[str, str]]:
        with open(modood / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    g = Gazetteer(_jieba_dict())
    current: set[str] = set()

    def zone(name: str, code: str = "") -> bool:
        z = _strip(name, ZONE_SUFFIXES)
        if z is None:
            return False
        stem, repl = z
        stem = _ZONE_GENERIC_END.sub("", stem)  # 经济技术开发区 is no name: its stem is generic
        if len(stem) >= 2 and stem not in GENERIC_SHORT and not g.is_generic(stem):
            g.add(name, "zone", repl, "f", code)
        return True

    for r in rows("provinces.csv"):
        name, code = r["name"], r["code"]
        current.add(name)
        stem, repl = _strip(name, PROVINCE_SUFFIXES) or (name, "某省")
        g.add(name, "province", repl, "f", code)
        g.add_short(stem, "province", repl, code)
    for r in rows("cities.csv"):
        name, code = r["name"], r["code"]
        current.add(name)
        s = _strip(name, CITY_SUFFIXES)
        if s is None:
            continue
        g.add(name, "city", s[1], "f", code)
        g.add_short(s[0], "city", s[1], code)
        _add_autonomous_short(g, name, s[0], "city", code)
    zone_counties: list[tuple[str, str]] = []
    for r in rows("areas.csv"):
        name, code = r["name"], r["code"]
        current.add(name)
        z = _strip(name, ZONE_SUFFIXES)
        if z and (len(z[0]) < 2 or (len(z[0]) < 3 and name.endswith("园区"))):
            z = None  # 绿园区, 清新区, 下花园区: districts whose name ends like a zone's
        if z and zone(name, code):
            zone_counties.append((_ZONE_GENERIC_END.sub("", z[0]), code))
            continue
        s = _strip(name, COUNTY_SUFFIXES)
        if s is None:
            g.add(name, "county", "某地", "f", code)  # 西沙群岛, 保定白沟新城 ...
            continue
        g.add(name, "county", s[1], "f", code)
        _add_autonomous_short(g, name, s[0], "county", code)
        # 阿拉善左旗 → not 阿拉善左; such names keep only their full form.
        if not re.search("[左右前后中]$", s[0]) or s[1] != "某旗":
            g.add_short(s[0], "county", s[1], code)
    aliases: list[tuple[str, str]] = []
    # County-level units that are zones (浦东新区, 沈北新区, 龙感湖管理区) go by their stem
    # too (浦东开发开放), unless it starts with another place (长春净月 is 长春 + 净月).
    for stem, code in zone_counties:
        if 2 <= len(stem) <= 4 and not any(stem[:n] in g.entries for n in range(2, len(stem))):
            g.add_short(stem, "county", "某区", code)
    for r in rows("streets.csv"):
        name = r["name"]
        current.add(name)
        if zone(name):
            continue
        s = _strip(name, TOWNSHIP_SUFFIXES + [("地区", "某地区")]) or _strip(
            name, OTHER_TOWNSHIP_SUFFIXES
        )
        if s is None:
            continue  # 监狱, 管理处, 公司 ...: not place names
        stem, repl = s
        if repl == "某地区":
            # Beijing's 地区 offices (雁栖地区, 亦庄地区) are the towns of the same name:
            # news write 雁栖镇
            _add_township(g, name, stem, "某镇")
            aliases.append((stem, "镇"))
        elif repl in ("某镇", "某乡", "某街道", "某苏木"):
            _add_township(g, name, stem, repl)
        elif len(stem) >= 2 and not g.is_common(stem) and stem not in GENERIC_SHORT:
            g.add(name, "township", repl, "f")
    for stem, suffix in aliases:
        if stem + suffix not in g.entries and stem + suffix not in current:
            _add_township(g, stem + suffix, stem, "某镇")

    add_township_short_forms(g, rows("streets.csv"), _report_texts(corpus))

    with open(modood / "HK-MO-TW.json", encoding="utf-8") as f:
        hmt = json.load(f)
    hmt_codes = {"香港特别行政区": "81", "澳门特别行政区": "82", "台湾省": "71"}
    for prov, cities in hmt.items():
        current.add(prov)
        pcode = hmt_codes.get(prov, "")
        stem, repl = _strip(prov, PROVINCE_SUFFIXES) or (prov, "某地")
        g.add(prov, "province", repl, "f", pcode)
        g.add_short(stem, "province", repl, pcode)
        for city, districts in cities.items():
            if isinstance(districts, str):  # a few lists are stored as their repr
                districts = re.findall(r"'([^']+)'", districts)
            s = _strip(city, CITY_SUFFIXES + COUNTY_SUFFIXES)
            if s:
                g.add(city, "city", s[1], "f", pcode)
                g.add_short(s[0], "city", s[1], pcode)
            for d in districts:
                d = re.sub(r"（.*?）", "", d)
                s = _strip(d, COUNTY_SUFFIXES + TOWNSHIP_SUFFIXES)
                if s and len(s[0]) >= 2:
                    g.add(d, "county", s[1], "f", pcode)

    former: dict[str, str] = {}
    with open(hist, encoding="utf-8", newline="") as f:
        for year, code, name in csv.reader(f):
            if year.isdigit() and name not in current:
                former[name] = code  # the latest code under which the name existed
    for name, code in sorted(former.items()):
        if zone(name, _prefix(code)):
            continue
        s = _strip(name, PROVINCE_SUFFIXES[:3] + CITY_SUFFIXES + COUNTY_SUFFIXES)
        if s is None:
            continue
        stem, repl = s
        stem_e = _strip_ethnic(stem)
        generic = stem_e in GENERIC_SHORT or g.is_common(stem_e) or stem_e in HAND_AMBIGUOUS
        g.add(name, "former_place", repl, "fa" if generic else "f", _prefix(code))
        # 富阳县 → 富阳 (also today's 富阳区); 吴县市 → 吴县, itself an older full name.
        # A short form known only from a former name is ambiguous: 大港 (大港区, a port),
        # 松花江 (松花江地区, a river), 怀德 (怀德县, a virtue), 海康 (海康县, a company).
        current_short = g.entries.get(stem_e)
        if current_short and current_short[0] != "former_place":
            current_short[3].add(_prefix(code))  # 台州 (台州市) also had 台州地区's code
        elif len(stem_e) >= 2:
            g.add_short(stem_e, "former_place", repl, _prefix(code), ambiguous=True)

    # Provinces abolished before 1980 (the codes above start then), named in the national
    # work reports of the 1950s: full names, and their short forms (热河, 绥远) where they
    # are no other word or place (平原, 辽东 and 辽西 are ambiguous).
    for name, code in FORMER_PROVINCES.items():
        g.add(name, "former_place", "某省", "f", code)
        stem = name[:-1]
        if stem not in g.entries:
            g.add_short(
                stem, "former_place", "某省", code, ambiguous=stem in ("平原", "辽东", "辽西")
            )

    for name, code in FORMER_CITIES.items():
        if name + "市" not in g.entries:
            g.add(name + "市", "former_place", "某市", "f", code)
        if name not in g.entries:
            g.add_short(name, "former_place", "某市", code, ambiguous=name == "安东")

    for name, code in NEW_COUNTIES.items():
        if name not in g.entries:
            g.add(name, "county", "某县", "f", code)

    for name, code in PREFECTURE_ABBREVIATIONS.items():
        g.add_short(name, "city", "某州", code)

    for name in KNOWN_ZONES:
        s = _strip(name, ZONE_SUFFIXES + [("商务区", "某商务区")])
        g.add(name, "zone", s[1] if s else "某开发区", "f")
    for stem in ZONE_STEMS:
        if stem not in g.entries:
            g.add(stem, "zone", "某地", "z")
    for stem in STANDALONE_ZONE_STEMS:
        g.add(stem, "zone", "某地", "s")
    add_geo_names(g)
    return g


# Last characters of township stems that are streets, compounds or works (建设大街,
# 学院南路, 天津铁厂): names of many places, not of one township.
_STREETISH = set("路街道院区厂矿场园")
# A township stem more frequent than this in jieba's dictionary is an everyday word
# whatever its tag (阳光 nr 3451, 爱国 ns 6444, 海洋 ns 4068), not a township's name.
TOWNSHIP_SHORT_MAX_FREQ = 100


# The 2026 provincial work reports: a township stem that three or more of them use is a
# word of government prose (宜居, 福祉, 碧水, 立德, 枫桥 of 枫桥经验), not a township's name.
REPORTS = "01_policy_texts/gov_work_reports_provincial_2026_csv"
PROSE_REPORTS = 3


def _report_texts(corpus: Path) -> list[str]:
    csv.field_size_limit(1 << 30)
    out = []
    for path in sorted((corpus / REPORTS).glob("2026_*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            out.extend(row["full_text"] for row in csv.DictReader(f))
    return out


def add_township_short_forms(
    g: Gazetteer, streets: list[dict[str, str]], reports: list[str]
) -> None:
    """Short forms of townships (亦庄 of 亦庄地区, 吴淞 of 吴淞街道, 良渚 of 良渚街道) that
    jieba's dictionary knows as a place or a proper name: a stem it does not know (段集,
    佳荣) is too often part of other words, one it knows as a common word (城关, 新华) or
    as a brand (nz: 汇丰, 清华) or that is frequent whatever its tag (阳光, 海洋) is no
    mention of the township, and a stem shared by more
    than two townships in the country is generic. A stem of four characters or more that
    jieba does not know and that names one township only (甘其毛都) is kept too. Two-character stems that start with a
    surname and are tagged a name (王平) are people's names first. A stem that three or
    more provincial work reports use is a word of government prose (宜居, 福祉). Reported
    alone as
    possible places only (the check's rule), certain in a chain."""
    stems: dict[str, set[str]] = defaultdict(set)
    for r in streets:
        s = _strip(r["name"], TOWNSHIP_SUFFIXES + [("地区", "某地区")])
        if s is None:
            continue
        stem = _strip_ethnic(s[0])
        stems[stem].add("某街道" if s[1] in ("某街道", "某地区") else s[1])
    counts: dict[str, int] = defaultdict(int)
    for r in streets:
        s = _strip(r["name"], TOWNSHIP_SUFFIXES + [("地区", "某地区")])
        if s:
            counts[_strip_ethnic(s[0])] += 1
    for stem, repls in stems.items():
        if len(stem) < 2 or counts[stem] > 2 or stem in GENERIC_SHORT or stem in HAND_AMBIGUOUS:
            continue
        if stem in g.entries or stem[-1] in FUNCTION_CHARS:
            continue
        freq, tag = g.jdict.get(stem, (0, ""))
        if (
            freq == 0
            and len(stem) >= 4
            and counts[stem] == 1
            and stem[-1] not in _STREETISH
            and sum(stem in r for r in reports) < PROSE_REPORTS
        ):
            g.add(stem, "township", next(iter(repls)) if len(repls) == 1 else "某地", "s")
            continue  # 甘其毛都: four characters or more, unique, unknown to jieba: a name
        if not 3 <= freq < TOWNSHIP_SHORT_MAX_FREQ or tag not in ("ns", "nr"):
            continue
        if tag == "nr" and len(stem) == 2 and stem[0] in _SURNAMES:
            continue
        if sum(stem in r for r in reports) >= PROSE_REPORTS:
            continue
        repl = next(iter(repls)) if len(repls) == 1 else "某地"
        g.add(stem, "township", repl, "s")


# Rivers, lakes, mountains, seas, gorges, ridges, peaks, streams and springs: the last
# character of their name and its neutral wording.
GEO_ENDINGS = {
    "江": "某江",
    "河": "某河",
    "湖": "某湖",
    "山": "某山",
    "海": "某海",
    "峡": "某峡",
    "岭": "某岭",
    "峰": "某峰",
    "溪": "某溪",
    "泉": "某泉",
}


GEO_NATURE = set("江河湖山海水")


def add_geo_names(g: Gazetteer) -> None:
    """Named rivers, lakes and mountains from jieba's dictionary (words tagged ns, nr or
    nz ending in 江, 河, 湖, 山 …: 钱塘江, 苏州河, 千岛湖, 峨眉山), when not already a
    division's name (黄山, 太湖 stay the city and the county). Names of three or more
    characters whose stem is no common word count alone (of four and more, only words
    tagged ns: 铁证如山 and 石沉大海 are tagged nr); two-character ones (长江, 洱海,
    but also 江河, 冰山, 开山, all tagged ns) are marked ambiguous: the check reports them
    only beside a word that says a river, lake or mountain is meant (长江沿岸, 太湖流域,
    黄山脚下)."""
    for word, (freq, tag) in g.jdict.items():
        if not 2 <= len(word) <= 6 or word[-1] not in GEO_ENDINGS or word in g.entries:
            continue
        if tag != "ns" and not (len(word) == 3 and tag in ("nr", "nz")):
            continue  # four characters tagged nr or nz are idioms (铁证如山, 石沉大海)
        if freq < 3 or word in GENERIC_SHORT or word in HAND_AMBIGUOUS:
            continue
        stem = word[:-1]
        if len(word) == 4 and word[1] in GEO_NATURE and word[3] in GEO_NATURE:
            continue  # 绿水青山, 三江五湖: four-character phrases, not names
        if len(word) >= 3:
            if g.is_common(stem) and tag != "ns":
                continue
            g.add(word, "geo", GEO_ENDINGS[word[-1]], "s")
        else:
            g.add(word, "geo", GEO_ENDINGS[word[-1]], "sa")


def write(g: Gazetteer, out: Path) -> dict[str, int]:
    sections: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for name, (kind, repl, flags, codes) in g.entries.items():
        flags = "".join(sorted(set(flags)))
        suffix = ""
        if kind == "township" and flags == "f":
            for suf, _ in TOWNSHIP_SUFFIXES:
                if name.endswith(suf) and len(name) > len(suf):
                    suffix = suf
                    break
        stem = name[: len(name) - len(suffix)] if suffix else name
        line = stem + ("\t" + ",".join(sorted(codes)) if codes else "")
        sections[(kind, repl, flags, suffix)].append(line)
    counts: dict[str, int] = defaultdict(int)
    lines = [
        "# Generated by scripts/build_gazetteer.py from ../shared/corpus/03_admin_divisions",
        "# (modood 2023 统计用区划代码, WTFPL; jxlwqq 1980-2020 民政部 codes, MIT). Do not edit.",
        "# Section: @kind replacement flags [suffix]; then name (or stem of name+suffix) [TAB codes].",
        "# flags: f full name, s short form, a ambiguous (needs a related place beside it),",
        "# z zone stem (only before a zone suffix). codes: division code prefixes (33, 3310, 331023).",
    ]
    for key in sorted(sections, key=lambda k: (LEVEL[k[0]], k[1], k[2], k[3])):
        kind, repl, flags, suffix = key
        lines.append(f"@{kind} {repl} {flags} {suffix}".rstrip())
        names = sorted(sections[key])
        lines.extend(names)
        counts[f"{kind}/{flags}"] += len(names)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dict(counts)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Generate the anonymity check's gazetteer.")
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = ap.parse_args(argv[1:])
    corpus, out = args.corpus, args.out
    if not (corpus / "03_admin_divisions").is_dir():
        print(f"admin-division data not found under {corpus}", file=sys.stderr)
        return 1
    g = build(corpus)
    counts = write(g, out)
    total = sum(counts.values())
    print(f"wrote {out}: {total} names, {out.stat().st_size // 1024} KB")
    for key in sorted(counts):
        print(f"  {key:22} {counts[key]:6}")
    if g.unreviewed:
        print("short forms that jieba knows as common words, marked ambiguous; review them into")
        print("HAND_AMBIGUOUS or REVIEWED_PLACES:", " ".join(sorted(g.unreviewed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

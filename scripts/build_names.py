"""Generate the name statistics of the anonymity check from jieba's dictionary.

Source: jieba's bundled dict.txt (word, frequency, part of speech). Three files:

* ``given_names.tsv``, how name-like each character is in a given name. The dictionary's
  words tagged ``nr`` of two or three characters that start with a common surname (张伟,
  周恩来, 欧阳修 ...) are taken as names; the characters after the surname are given-name
  characters. A character's score is the log-odds of its share among given-name
  characters against its share of all the dictionary's text (every word weighted by its
  frequency)::

      score(c) = ln(P(c | given name)) - ln(P(c | text))

  Words tagged nr that are frequent (``NAME_MAX_FREQ``: 李子, 金字塔) are left out.
  伟, 芳, 娟 score high; 的, 区, 年 score low. Only characters seen at least ``MIN_COUNT``
  times in given names are written; any other character is not name-like.
* ``translit_chars.tsv``, the same log-odds for the characters of the dictionary's
  transliterated names (tagged ``nrt``: 默克尔, 卢卡申科, 阿卜杜拉): 尔, 斯, 娃 score high.
* ``name_words.tsv``, the name-shaped words tagged ``nr`` (surname and one or two
  characters: 文明, 高峰, 黎明, 许可) that are part of other words of the dictionary
  (文明城市, 高峰期, 黎明前, 许可证), with how many: the dictionary's name tag on them says
  little, they are everyday words first. 江泽民 or 曹操 are in no other word.

Output lines: ``char<TAB>score`` (score with one decimal) or ``word<TAB>count``, sorted.
Usage: python scripts/build_names.py [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "indexer" / "data"
MIN_COUNT = 5
# Words tagged nr this frequent are mostly everyday words the tagger's data took for names
# (李子, 金字塔, 汤圆) or the few most famous names; the given-name statistics leave them out.
NAME_MAX_FREQ = 100
# Characters frequent in the given names of people born since the 1930s (淑珍, 红婵, 晓萱,
# 睿, 彬) that the dictionary's names hold fewer than MIN_COUNT times: each counts as seen
# MIN_COUNT times at least, so that it scores as name-like as its share of the dictionary's
# text allows (a rare character such as 琰 high, a frequent one such as 爽 lower).
COMMON_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞辉建波宁淑珍凤兰梅琴云莲"
    "雪荣爱妹香莺媛瑞凡佳嘉琼勤贞莉娣璐娅琦晶妍茜秋珊莎锦黛倩婷姣婉娴瑾颖露瑶怡婵雁蓓"
    "仪荷丹蓉君蕊薇菁梦岚婕馨琰韵咏卿聪澜纯毓悦昭冰爽琬茗羽希欣滢馥筠柔凝晓欢霄枫芸菲"
    "伊亚宜舒荔妮宝罡恒鸿桦骅剑娇琪晴睿烁威雯萱彦宇雨忠宗曼紫逸贤菡翠轩毅俊峰保东文永"
    "健世广志义兴良海仁贵福生龙元胜学祥才武新利清彬富顺信昌成康星光达安岩茂进林坚彪博"
    "诚先敬震振壮思群豪邦承乐绍功松善厚庆民友裕哲江浩亮谦亨奇翰朗伯宏鸣朋斌梁栋维启克"
    "伦翔旭泽晨辰士家致树炎德泰盛雄琛钧冠策腾楠榕航弘珂玥琳瑜璇瑛琴钰铭锋鑫淼焱垚晗昊"
    "煜炜烨熙皓曦昕暄珺婧婕嫣妤姝娉婀娥嫦媚嫱黎琛瑭璋珏琨瑄璟桐柏楷杉梓榆霖霏雯霆雳"
)
sys.path.insert(0, str(ROOT))


def _dictionary() -> list[tuple[str, int, str]]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                out.append((parts[0], int(parts[1]), parts[2]))
    return out


def _log_odds(part: Counter, text: Counter) -> dict[str, float]:
    n_part, n_text = sum(part.values()), sum(text.values())
    return {
        c: math.log(n / n_part) - math.log((text[c] + 1) / n_text)
        for c, n in part.items()
        if n >= MIN_COUNT
    }


def _given_log_odds(given: Counter, text: Counter) -> dict[str, float]:
    """The log-odds of given-name characters, COMMON_GIVEN counted MIN_COUNT times at least."""
    part = Counter(given)
    for c in COMMON_GIVEN:
        part[c] = max(part[c], MIN_COUNT)
    return _log_odds(part, text)


def build(words: list[tuple[str, int, str]] | None = None) -> dict[str, dict]:
    from indexer.anonymity.lexicon import COMPOUND_SURNAMES, RARE_SURNAMES, SINGLE_SURNAMES

    words = words if words is not None else _dictionary()
    given: Counter = Counter()
    translit: Counter = Counter()
    text: Counter = Counter()
    for word, freq, tag in words:
        for c in word:
            text[c] += freq
        if tag == "nrt":
            for c in word:
                translit[c] += 1
        if tag != "nr" or freq >= NAME_MAX_FREQ:
            continue
        if word[:2] in COMPOUND_SURNAMES and 3 <= len(word) <= 4:
            rest = word[2:]
        elif word[0] in SINGLE_SURNAMES and 2 <= len(word) <= 3:
            rest = word[1:]
        else:
            continue
        for c in rest:
            given[c] += 1
    # Name-shaped words tagged nr inside other words of three or more characters.
    surnames = SINGLE_SURNAMES | RARE_SURNAMES
    shaped = set()
    for word, _, tag in words:
        if not tag.startswith("nr"):
            continue
        sl = 2 if word[:2] in COMPOUND_SURNAMES else 1 if word[0] in surnames else 0
        if sl and 1 <= len(word) - sl <= 2:
            shaped.add(word)
    inside: Counter = Counter()
    for word, _, tag in words:
        if tag.startswith("nr") or len(word) < 3:
            continue
        seen = set()
        for n in (2, 3, 4):
            for i in range(len(word) - n + 1):
                sub = word[i : i + n]
                if sub != word and sub in shaped and sub not in seen:
                    seen.add(sub)
                    inside[sub] += 1
    return {
        "given_names.tsv": _given_log_odds(given, text),
        "translit_chars.tsv": _log_odds(translit, text),
        "name_words.tsv": dict(inside),
    }


HEADERS = {
    "given_names.tsv": "# char<TAB>ln P(char | given name) - ln P(char | text)",
    "translit_chars.tsv": "# char<TAB>ln P(char | transliterated name) - ln P(char | text)",
    "name_words.tsv": "# word<TAB>how many other dictionary words hold this word tagged nr",
}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Generate the name statistics.")
    ap.add_argument("--out-dir", type=Path, default=OUT, help=f"output folder (default {OUT})")
    args = ap.parse_args(argv[1:])
    for name, table in build().items():
        lines = [
            "# Generated by scripts/build_names.py from jieba's dict.txt. Do not edit.",
            HEADERS[name],
        ]
        if name == "name_words.tsv":
            lines += [f"{w}\t{n}" for w, n in sorted(table.items())]
        else:
            lines += [f"{c}\t{s:.1f}" for c, s in sorted(table.items())]
        path = args.out_dir / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path}: {len(table)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

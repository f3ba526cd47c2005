"""Benchmark of the anonymity check: precision, recall and speed on real text.

    python bench/anonymity.py            # figures for the check and for plain jieba
    python bench/anonymity.py --errors   # also list every miss and false alarm
    python bench/anonymity.py --sample   # print the development sentences (the worksheet)

Two gold sets in bench/data/ hold, per sentence, the corpus file, the sentence's character
span in it, a checksum, and the annotated name spans; the text itself is read from
../shared/corpus at run time (nothing of the corpus is committed). See
bench/data/anonymity_README.md for how they were drawn and annotated:

* anonymity_gold.jsonl, the development set (931 sentences, ``sample()``): used while the
  check was built, so its figures are optimistic;
* anonymity_heldout.jsonl, the held-out set (318 sentences, ``sample_heldout()``): drawn
  and annotated after the check was built, before it was run on them;
* anonymity_blind.jsonl (430 real sentences, ``sample_blind()``, with the 130 titles of
  国办发〔2018〕108号 for the place chain at their start) and anonymity_synthetic.jsonl (194
  sentences with invented names, written for it): the blind sets of issue 12, annotated
  and committed before the check was extended (persons without a title beside them, new
  place kinds), then used to tune it; first-run and after-tuning figures are kept apart
  in bench/data/anonymity_README.md;
* anonymity_synthetic2.jsonl (80 sentences with invented names): written after tuning,
  never tuned on;
* anonymity_news.jsonl (``sample_news()``: 180 real sentences, and 518 written in the style
  of news reports with invented names): the news-style blind set of issue 12's second
  round, frozen before the check was run on it and never tuned on;
* anonymity_news_dev.jsonl (795 sentences written in the same style, other names): the
  news-style development set, written to tune on.

For the blind sets the figures of the check are given twice: both tiers (everything
find_identifying returns) and certain findings only.

Every sentence was read and annotated by hand, with jieba's ns/nr tags shown as hints
only; the gazetteer was not used to make either set.

Span types: place (administrative division, any level, full or short form, current or
former; a chain such as 北京市西城区 is one span), zone (a development zone or new area
whose name does not start with a division: 雄安新区, 洋浦), person, and context types
that are not required but are not false alarms either: local (village, road, mine,
airport), geo (rivers, regions: 长江, 长三角), abbr (one-character abbreviations: 沪, 京津冀),
foreign, public (leaders named in political formulae: 习近平新时代…, 马克思列宁主义).

Scores: a gold span counts as found when the findings together cover all of it (so a
chain is found only when whole); a finding is correct when it overlaps any gold span.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import CORPUS, require_corpus  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "anonymity_gold.jsonl"
HELDOUT = DATA / "anonymity_heldout.jsonl"
BLIND = DATA / "anonymity_blind.jsonl"
SYNTHETIC = DATA / "anonymity_synthetic.jsonl"
SYNTHETIC2 = DATA / "anonymity_synthetic2.jsonl"
NEWS = DATA / "anonymity_news.jsonl"
NEWS_DEV = DATA / "anonymity_news_dev.jsonl"
SEED = 20260301
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
TARGETS = {
    "place": 0.98,
    "person": 0.95,
    "chain": 0.99,
    "precision": 0.92,
    "chars_per_s": 200_000,
}


# -- corpus access -------------------------------------------------------------------

_cache: dict[tuple[str, str | None], str] = {}


def load(src: str, key: str | None) -> str:
    """The text of one corpus document: a CSV's column, a JSONL line's field, a file."""
    ck = (src, key)
    if ck in _cache:
        return _cache[ck]
    path = CORPUS / src
    if src.endswith(".csv"):
        csv.field_size_limit(1 << 30)
        with open(path, encoding="utf-8", newline="") as f:
            text = next(csv.DictReader(f))[key]
    elif src.endswith(".jsonl"):
        line_no, field = key.split(":")
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i == int(line_no):
                    text = json.loads(line)[field]
                    break
    else:
        text = path.read_text(encoding="utf-8")
    _cache[ck] = text
    return text


def sentences(
    text: str, lo: int = 0, hi: int | None = None, minlen: int = 8, maxlen: int = 160, cjk: int = 4
) -> list[tuple[int, int]]:
    hi = len(text) if hi is None else hi
    has_cjk = re.compile(f"[\u4e00-\u9fff]{{{cjk}}}")
    out = []
    for m in SENTENCE.finditer(text, lo, hi):
        s, e = m.span()
        while s < e and text[s] in " \t\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\u3000":
            e -= 1
        if minlen <= e - s <= maxlen and has_cjk.search(text[s:e]):
            out.append((s, e))
    return out


def sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def sample() -> list[dict]:
    """The sentences of the gold set, drawn with a fixed seed (ids in draw order)."""
    rng = random.Random(SEED)
    items: list[dict] = []

    def add(set_: str, src: str, key: str | None, text: str, spans) -> None:
        for s, e in spans:
            items.append(
                {
                    "id": len(items),
                    "set": set_,
                    "src": src,
                    "key": key,
                    "start": s,
                    "end": e,
                    "sha1": sha(text[s:e]),
                }
            )

    reports = sorted(
        (CORPUS / "01_policy_texts/gov_work_reports_provincial_2026_csv").glob("2026_*.csv")
    )
    for p in reports:
        src = str(p.relative_to(CORPUS))
        t = load(src, "full_text")
        body = t.find("各位代表")
        add("report", src, "full_text", t, sorted(rng.sample(sentences(t, body + 4, minlen=15), 6)))
    for p in reports:
        src = str(p.relative_to(CORPUS))
        t = load(src, "full_text")
        body = t.find("各位代表")
        add(
            "header",
            src,
            "full_text",
            t,
            sentences(t, 0, max(body, 0), minlen=3, maxlen=200, cjk=2),
        )
    regs = sorted(
        p
        for p in (CORPUS / "01_policy_texts/lawrefbook_local_regulations_DLC").rglob("*.md")
        if p.name != "_index.md"
    )
    for p in rng.sample(regs, 50):
        src = str(p.relative_to(CORPUS))
        t = load(src, None)
        cut = t.find("<!-- INFO END -->")
        cut = cut if cut > 0 else min(600, len(t))
        head, body = sentences(t, 0, cut, minlen=8), sentences(t, cut, minlen=15)
        add(
            "regulation",
            src,
            None,
            t,
            sorted(rng.sample(head, min(1, len(head))) + rng.sample(body, min(1, len(body)))),
        )
    sc = "01_policy_texts/state_council_docs_govcn_2019crawl/state_council_docs.jsonl"
    t = load(sc, "55:text")
    add("council", sc, "55:text", t, sorted(rng.sample(sentences(t, minlen=15), 40)))
    pool = []
    for ln in (9, 56, 13, 52):
        pool += [(ln, s) for s in sentences(load(sc, f"{ln}:text"), minlen=15)]
    for ln, span in sorted(rng.sample(pool, 20)):
        add("council", sc, f"{ln}:text", load(sc, f"{ln}:text"), [span])
    for ln in (45, 48, 53, 54, 58):
        t = load(sc, f"{ln}:text")
        add("council_people", sc, f"{ln}:text", t, sentences(t, minlen=4, maxlen=200))
    pool = []
    for ln in (20, 21, 47):
        pool += [(ln, s) for s in sentences(load(sc, f"{ln}:text"), minlen=10)]
    for ln, span in sorted(rng.sample(pool, 12)):
        add("council_people", sc, f"{ln}:text", load(sc, f"{ln}:text"), [span])
    nat = "01_policy_texts/gov_work_reports_national_1954-2025/government_work_reports.jsonl"
    pool = []
    with open(CORPUS / nat, encoding="utf-8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            if d["year"] and int(d["year"]) <= 1981:
                pool += [(i, s) for s in sentences(d["content"], minlen=15)]
    for i, span in sorted(rng.sample(pool, 40)):
        add("national_old", nat, f"{i}:content", load(nat, f"{i}:content"), [span])
    be = "01_policy_texts/derived/work_report_paragraphs_business_environment.jsonl"
    pool = []
    with open(CORPUS / be, encoding="utf-8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            if d["source"] != "national_gov_work_report":
                pool += [(i, s) for s in sentences(d["text"], minlen=15)]
    for i, span in sorted(rng.sample(pool, 60)):
        add("be_paragraph", be, f"{i}:text", load(be, f"{i}:text"), [span])
    return items


HELDOUT_SEED = 20260315


def sample_heldout() -> list[dict]:
    """The held-out sentences: drawn after the check was built, annotated before it was
    run on them, and not used to change it (2025 reports, other regulations and State
    Council documents, national reports of 1955-1965)."""
    rng = random.Random(HELDOUT_SEED)
    items: list[dict] = []

    def add(set_: str, src: str, key: str | None, text: str, spans) -> None:
        for s, e in spans:
            items.append(
                {
                    "id": len(items),
                    "set": set_,
                    "src": src,
                    "key": key,
                    "start": s,
                    "end": e,
                    "sha1": sha(text[s:e]),
                }
            )

    ref = sorted((CORPUS / "02_fixtures/_reference_text").glob("2025年*.docx.xmltext.txt"))
    for p in ref:
        src = str(p.relative_to(CORPUS))
        t = load(src, None)
        body = t.find("各位代表")
        add("header2025", src, None, t, sentences(t, 0, max(body, 0), minlen=3, maxlen=200, cjk=2))
    for p in ref:
        src = str(p.relative_to(CORPUS))
        t = load(src, None)
        body = t.find("各位代表")
        add("report2025", src, None, t, sorted(rng.sample(sentences(t, body + 4, minlen=15), 3)))
    regs = sorted(
        p
        for p in (CORPUS / "01_policy_texts/lawrefbook_local_regulations_DLC").rglob("*.md")
        if p.name != "_index.md"
    )
    for p in rng.sample(regs, 30):
        src = str(p.relative_to(CORPUS))
        t = load(src, None)
        cut = t.find("<!-- INFO END -->")
        cut = cut if cut > 0 else min(600, len(t))
        head, body = sentences(t, 0, cut, minlen=8), sentences(t, cut, minlen=15)
        add(
            "regulation",
            src,
            None,
            t,
            sorted(rng.sample(head, min(1, len(head))) + rng.sample(body, min(1, len(body)))),
        )
    sc = "01_policy_texts/state_council_docs_govcn_2019crawl/state_council_docs.jsonl"
    pool = []
    for ln in (13, 22, 23, 42, 43, 51):
        pool += [(ln, s) for s in sentences(load(sc, f"{ln}:text"), minlen=10)]
    for ln, span in sorted(rng.sample(pool, 30)):
        add("council", sc, f"{ln}:text", load(sc, f"{ln}:text"), [span])
    nat = "01_policy_texts/gov_work_reports_national_1954-2025/government_work_reports.jsonl"
    pool = []
    with open(CORPUS / nat, encoding="utf-8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            if d["year"] and 1955 <= int(d["year"]) <= 1965:
                pool += [(i, s) for s in sentences(d["content"], minlen=15)]
    for i, span in sorted(rng.sample(pool, 30)):
        add("national_old", nat, f"{i}:content", load(nat, f"{i}:content"), [span])
    return items


BLIND_SEED = 20261201


def _national_reports() -> list[tuple[str, str]]:
    nat = "01_policy_texts/gov_work_reports_national_1954-2025/government_work_reports.jsonl"
    with open(CORPUS / nat, encoding="utf-8") as f:
        return [(nat, f"{i}:content") for i, _ in enumerate(f)]


def _names_hint(text: str) -> bool:
    """jieba tags some word of two or more characters a person's name (used only to choose
    sentences worth annotating, never to annotate them)."""
    from indexer.anonymity.segment import tagged

    return any(
        t.tag in ("nr", "nrfg", "nrt") and len(t.word) >= 2 for t in tagged(text, 0, len(text))
    )


_LIST3 = re.compile("[\u4e00-\u9fff]{2,3}、[\u4e00-\u9fff]{2,3}、[\u4e00-\u9fff]{2,3}")


def sample_blind() -> list[dict]:
    """The blind set of issue 12, drawn (seed 20261201) and annotated before the check was
    extended, and frozen before it was tuned: sentences not in the other two sets.

    * names: sentences of the national work reports (1954-2025), the State Council
      documents and the 2025/2026 provincial reports in which jieba tags some word a
      person's name (120): the sentences are chosen by jieba, so its person recall here
      is flattered;
    * lists: sentences of those texts holding a list of three short items (a、b、c),
      chosen without jieba (60);
    * prose: random sentences of the business-environment paragraphs and of the 2026
      provincial reports, not chosen for anything (120);
    * titles: all items of 国办发〔2018〕108号 (the 130 typical practices), for the place
      chain at their start.
    """
    rng = random.Random(BLIND_SEED)
    used = set()
    for path in (GOLD, HELDOUT):
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                used.add((d["src"], d["key"], d["start"]))
    items: list[dict] = []

    def add(set_: str, src: str, key: str | None, text: str, span) -> None:
        s, e = span
        items.append(
            {
                "id": len(items),
                "set": set_,
                "src": src,
                "key": key,
                "start": s,
                "end": e,
                "sha1": sha(text[s:e]),
            }
        )

    docs: list[tuple[str, str | None]] = _national_reports()
    sc = "01_policy_texts/state_council_docs_govcn_2019crawl/state_council_docs.jsonl"
    docs += [(sc, f"{i}:text") for i in range(60) if i != 55]
    reports = sorted(
        (CORPUS / "01_policy_texts/gov_work_reports_provincial_2026_csv").glob("2026_*.csv")
    )
    docs += [(str(p.relative_to(CORPUS)), "full_text") for p in reports]
    ref = sorted((CORPUS / "02_fixtures/_reference_text").glob("2025年*.docx.xmltext.txt"))
    docs += [(str(p.relative_to(CORPUS)), None) for p in ref]
    pool = []
    for src, key in docs:
        t = load(src, key)
        pool += [(src, key, s) for s in sentences(t, minlen=10) if (src, key, s[0]) not in used]
    rng.shuffle(pool)
    names, lists = [], []
    for src, key, span in pool:
        text = load(src, key)[span[0] : span[1]]
        if len(lists) < 60 and _LIST3.search(text):
            lists.append((src, key, span))
        elif len(names) < 120 and _names_hint(text):
            names.append((src, key, span))
        if len(names) >= 120 and len(lists) >= 60:
            break
    for set_, chosen in (("names", names), ("lists", lists)):
        for src, key, span in sorted(chosen, key=lambda x: (x[0], x[1] or "", x[2])):
            add(set_, src, key, load(src, key), span)
    prose = []
    be = "01_policy_texts/derived/work_report_paragraphs_business_environment.jsonl"
    with open(CORPUS / be, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if json.loads(line)["source"] != "national_gov_work_report":
                t = load(be, f"{i}:text")
                prose += [(be, f"{i}:text", s) for s in sentences(t, minlen=15)]
    for p in reports:
        src = str(p.relative_to(CORPUS))
        t = load(src, "full_text")
        prose += [(src, "full_text", s) for s in sentences(t, t.find("各位代表") + 4, minlen=15)]
    prose = [x for x in prose if (x[0], x[1], x[2][0]) not in used]
    taken = {(x[0], x[1], x[2][0]) for x in names + lists}
    prose = [x for x in prose if (x[0], x[1], x[2][0]) not in taken]
    for src, key, span in sorted(rng.sample(prose, 120), key=lambda x: (x[0], x[1], x[2])):
        add("prose", src, key, load(src, key), span)
    t = load(sc, "55:text")
    for m in re.finditer(r"(?m)^\d+\.(.+)$", t):
        add("titles", sc, "55:text", t, m.span(1))
    return items


NEWS_SEED = 20261215
# Words that say a person is named nearby (chosen without any detector: a title, a form of
# address, a verb of meeting or mourning).
_PERSON_CUE = re.compile(
    "同志|总理|主席|总统|首相|国王|亲王|先生|女士|委员长|逝世|会见|会谈|访问|烈士|英雄|模范|书记|省长|"
    "市长|部长|大使|代表团|元帅|将军|院士|教授"
)


def sample_news() -> list[dict]:
    """The real sentences of the news-style set (seed 20261215), none in the other sets.

    Pool: every sentence of the national work reports (1954-2025), the State Council
    documents and the 2025/2026 provincial reports. Strata, drawn in this order:

    * people: 80 sentences holding a word that says a person is named nearby (a title, a
      form of address, a verb of meeting: ``_PERSON_CUE``), chosen without any detector;
    * tagged: 40 sentences in which jieba tags some word of two or more characters a
      person's name (jieba chooses the sentences, not the spans; most hold no person);
    * random: 60 sentences not chosen for anything (the places of ordinary report prose).
    """
    rng = random.Random(NEWS_SEED)
    used = set()
    for path in (GOLD, HELDOUT, BLIND):
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                used.add((d["src"], d["key"], d["start"]))
    docs: list[tuple[str, str | None]] = _national_reports()
    sc = "01_policy_texts/state_council_docs_govcn_2019crawl/state_council_docs.jsonl"
    docs += [(sc, f"{i}:text") for i in range(60)]
    for p in sorted(
        (CORPUS / "01_policy_texts/gov_work_reports_provincial_2026_csv").glob("2026_*.csv")
    ):
        docs.append((str(p.relative_to(CORPUS)), "full_text"))
    for p in sorted((CORPUS / "02_fixtures/_reference_text").glob("2025年*.docx.xmltext.txt")):
        docs.append((str(p.relative_to(CORPUS)), None))
    pool = []
    for src, key in docs:
        t = load(src, key)
        pool += [(src, key, s) for s in sentences(t, minlen=10) if (src, key, s[0]) not in used]
    rng.shuffle(pool)
    people, tagged_, rand = [], [], []
    for src, key, span in pool:
        text = load(src, key)[span[0] : span[1]]
        if len(people) < 80 and _PERSON_CUE.search(text):
            people.append((src, key, span))
        elif len(tagged_) < 40 and _names_hint(text):
            tagged_.append((src, key, span))
        elif len(rand) < 60:
            rand.append((src, key, span))
        if len(people) >= 80 and len(tagged_) >= 40 and len(rand) >= 60:
            break
    items: list[dict] = []
    for set_, chosen in (("people", people), ("tagged", tagged_), ("random", rand)):
        for src, key, (s, e) in sorted(chosen, key=lambda x: (x[0], x[1] or "", x[2])):
            text = load(src, key)
            items.append(
                {
                    "id": len(items),
                    "set": set_,
                    "src": src,
                    "key": key,
                    "start": s,
                    "end": e,
                    "sha1": sha(text[s:e]),
                }
            )
    return items


def read_gold(path: Path = GOLD) -> list[tuple[dict, str]]:
    """(item, sentence) pairs of a gold set; a sentence is read from the corpus and checked
    against its checksum, or, in the synthetic set, stored in the item itself."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            if "text" in item:
                out.append((item, item["text"]))
                continue
            text = load(item["src"], item["key"])[item["start"] : item["end"]]
            if sha(text) != item["sha1"]:
                raise SystemExit(f"gold sentence {item['id']} does not match the corpus")
            out.append((item, text))
    return out


# -- detectors -----------------------------------------------------------------------


def ours(text: str) -> list[tuple[int, int, str]]:
    from indexer.anonymity import find_identifying

    return [(f.start, f.end, f.kind) for f in find_identifying(text)]


def ours_certain(text: str) -> list[tuple[int, int, str]]:
    """Only the findings the check is sure of (certainty "certain")."""
    from indexer.anonymity import find_identifying

    return [
        (f.start, f.end, f.kind)
        for f in find_identifying(text)
        if getattr(f, "certainty", "certain") == "certain"
    ]


def jieba_baseline(text: str) -> list[tuple[int, int, str]]:
    """Plain jieba part-of-speech tagging: ns is a place, nr/nrfg/nrt a person."""
    from indexer.anonymity.segment import tagged

    out = []
    for t in tagged(text, 0, len(text)):
        if t.tag == "ns":
            out.append((t.start, t.end, "place"))
        elif t.tag in ("nr", "nrfg", "nrt"):
            out.append((t.start, t.end, "person"))
    return out


# -- scoring -------------------------------------------------------------------------

# Gold types a finding of each kind may rightly overlap, for precision per kind.
_PERSON_TYPES = frozenset(("person", "public"))
_PLACE_TYPES = frozenset(("place", "zone", "chain", "geo", "abbr", "local", "foreign", "public"))


def covered(span: tuple[int, int], found: list[tuple[int, int, str]]) -> bool:
    s, e = span
    chars = set()
    for fs, fe, _ in found:
        chars.update(range(max(s, fs), min(e, fe)))
    return len(chars) == e - s


def score(detector, gold: list[tuple[dict, str]], errors: bool = False) -> dict:
    """Recall per gold type; precision overall and per kind of finding (person / place).

    Sentences of the ``titles`` set are annotated for their leading chain only, so they
    count for the chain's recall and not for precision."""
    found_by_type: Counter = Counter()
    total_by_type: Counter = Counter()
    right: Counter = Counter()
    wrong: Counter = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    alarms: list[str] = []
    for item, text in gold:
        spans = item["spans"]
        found = detector(text)
        for s, e, typ in spans:
            total_by_type[typ] += 1
            if covered((s, e), found):
                found_by_type[typ] += 1
            elif errors:
                misses[typ].append(f"{item['id']}: {text[s:e]} | {text}")
        if item.get("set") == "titles":
            continue
        for fs, fe, kind in found:
            group = "person" if kind == "person" else "place"
            allowed = _PERSON_TYPES if group == "person" else _PLACE_TYPES
            overlapping = [t for s, e, t in spans if fs < e and s < fe]
            if overlapping:
                right["all"] += 1
            else:
                wrong["all"] += 1
                if errors:
                    alarms.append(f"{item['id']}: {text[fs:fe]} ({kind}) | {text}")
            if any(t in allowed for t in overlapping):
                right[group] += 1
            else:
                wrong[group] += 1

    def ratio(key: str) -> tuple[float, int]:
        n = right[key] + wrong[key]
        return (right[key] / n if n else 1.0), n

    for t in ("place", "geo"):
        found_by_type["place+geo"] += found_by_type[t]
        total_by_type["place+geo"] += total_by_type[t]
    if not (total_by_type["place"] and total_by_type["geo"]):
        del found_by_type["place+geo"], total_by_type["place+geo"]
    res = {
        "recall": {
            t: (found_by_type[t] / total_by_type[t], total_by_type[t])
            for t in sorted(total_by_type)
        },
        "precision": ratio("all")[0],
        "findings": ratio("all")[1],
        "precision_by_kind": {k: ratio(k) for k in ("person", "place")},
    }
    if errors:
        res["misses"], res["alarms"] = misses, alarms
    return res


_COLD = """
import gc, time
def rss():
    gc.collect()
    with open("/proc/self/status") as f:
        return next(int(x.split()[1]) for x in f if x.startswith("VmRSS")) / 1024
from indexer.analysis import tokenizer
t0 = time.perf_counter(); tokenizer(); t1 = time.perf_counter()
rss1 = rss()
from indexer.anonymity import find_identifying
find_identifying("浙江省台州市椒江区，联系人：杨扬 18858678568")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, rss1, rss())
"""


def cold_start() -> tuple[float, float, float, float]:
    """In a fresh process: seconds to load the shared jieba tokenizer, seconds the first
    check adds (tagger dictionary, gazetteer), and resident memory in MB after each."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, check=True)
    a, b, c, d = (float(x) for x in out.stdout.split())
    return a, b, c, d


def speed() -> tuple[float, int, float]:
    """Characters per second of find_identifying over whole documents (warm, best of
    three runs), the corpus size, and the first call's extra time in this process."""
    from indexer.anonymity import find_identifying

    docs = []
    for p in sorted(
        (CORPUS / "01_policy_texts/gov_work_reports_provincial_2026_csv").glob("2026_*.csv")
    ):
        docs.append(load(str(p.relative_to(CORPUS)), "full_text"))
    regs = sorted((CORPUS / "01_policy_texts/lawrefbook_local_regulations_DLC").rglob("*.md"))
    for p in random.Random(SEED).sample(regs, 150):
        docs.append(p.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    find_identifying(docs[0][:2000])
    cold = time.perf_counter() - t0
    size = sum(len(d) for d in docs)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for d in docs:
            find_identifying(d)
        best = min(best, time.perf_counter() - t0)
    return size / best, size, cold


def report(name: str, res: dict) -> None:
    r = res["recall"]
    print(f"\n{name}")
    for typ, (rec, n) in r.items():
        target = TARGETS.get(typ)
        mark = f"  (target ≥ {target:.2f})" if target else ""
        print(f"  recall {typ:8} {rec:6.3f}  of {n:4d}{mark}")
    if res["findings"]:
        print(
            f"  precision       {res['precision']:6.3f}  of {res['findings']:4d} findings"
            f"  (target ≥ {TARGETS['precision']:.2f})"
        )
        for kind, (p, n) in res["precision_by_kind"].items():
            if n:
                print(f"    {kind:6} findings {p:6.3f}  of {n:4d}")


def side_by_side(rows: list[tuple[str, dict]]) -> None:
    """Per-kind recall and precision of several detectors in one table."""
    keys = [
        ("person recall", "recall", "person"),
        ("place recall", "recall", "place"),
        ("geo recall", "recall", "geo"),
        ("place+geo recall", "recall", "place+geo"),
        ("abbr recall", "recall", "abbr"),
        ("precision (all findings)", "precision", None),
        ("  person findings", "precision_by_kind", "person"),
        ("  place findings", "precision_by_kind", "place"),
    ]
    width = max(len(name) for name, _ in rows)
    print("\n  " + " " * 26 + "  ".join(f"{name:>{width}}" for name, _ in rows))
    for label, field, key in keys:
        cells = []
        for _, res in rows:
            if field == "precision":
                cells.append(f"{res['precision']:.3f} ({res['findings']})")
            elif key in res[field]:
                value, n = res[field][key]
                cells.append(f"{value:.3f} ({n})")
            else:
                cells.append("-")
        if all(c == "-" for c in cells):
            continue
        print(f"  {label:26}" + "  ".join(f"{c:>{width}}" for c in cells))


# (title, file, blind, part): part selects the real (corpus) or synthetic (own text)
# sentences of a file, None all of them.
SETS = (
    ("development set (used while building the check)", GOLD, False, None),
    ("held-out set (annotated before the check was run on it)", HELDOUT, False, None),
    ("blind set of issue 12: real sentences, frozen before tuning", BLIND, True, None),
    (
        "blind set of issue 12: synthetic sentences (invented names), frozen before tuning",
        SYNTHETIC,
        True,
        None,
    ),
    (
        "second synthetic set: written after tuning, never tuned on (its errors never read)",
        SYNTHETIC2,
        True,
        None,
    ),
    ("news-style development set (written to tune on)", NEWS_DEV, False, None),
    ("news-style set, real sentences (sample_news), frozen, never tuned on", NEWS, True, "real"),
    ("news-style set, sentences written in news style, frozen, never tuned on", NEWS, True, "own"),
)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    ap.add_argument("--sample", action="store_true", help="print the sampled sentences")
    ap.add_argument("--sample-blind", action="store_true", help="print the blind set's sentences")
    ap.add_argument(
        "--sample-news", action="store_true", help="print the news set's real sentences"
    )
    ap.add_argument("--blind-only", action="store_true", help="score the blind sets only")
    ap.add_argument("--news-only", action="store_true", help="score the news-style set only")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args(argv)
    require_corpus()
    if args.sample or args.sample_blind or args.sample_news:
        draw = sample_news if args.sample_news else sample_blind if args.sample_blind else sample
        for it in draw():
            text = load(it["src"], it["key"])[it["start"] : it["end"]]
            print(f"{it['id']}\t{it['set']}\t{text.replace(chr(10), '⏎')}")
        return 0
    for title, path, blind, part in SETS:
        if (args.blind_only and not blind) or (args.news_only and path not in (NEWS, NEWS_DEV)):
            continue
        gold = read_gold(path)
        if part is not None:
            gold = [(item, t) for item, t in gold if ("text" in item) == (part == "own")]
        n_spans = Counter(t for item, _ in gold for *_, t in item["spans"])
        print(
            f"\n== {title}: {path.name}\n{len(gold)} sentences, "
            f"{sum(len(t) for _, t in gold)} characters, spans: {dict(sorted(n_spans.items()))}"
        )
        mine = score(ours, gold, errors=args.errors)
        base = score(jieba_baseline, gold)
        if path in (NEWS, NEWS_DEV):
            side_by_side(
                [
                    ("both tiers", mine),
                    ("certain only", score(ours_certain, gold)),
                    ("jieba nr/ns", base),
                ]
            )
        else:
            report("find_identifying, both tiers (gazetteer + rules + jieba on windows)", mine)
            if blind:
                report("find_identifying, certain findings only", score(ours_certain, gold))
            report("baseline: jieba part-of-speech tags alone (ns, nr*)", base)
        if args.errors:
            for typ, lines in mine["misses"].items():
                print(f"\nmissed {typ}:")
                print("\n".join("  " + x for x in lines))
            print("\nfalse alarms:")
            print("\n".join("  " + x for x in mine["alarms"]))
    if not args.no_speed:
        cps, size, _ = speed()
        print(
            f"\nspeed: {cps:,.0f} characters/s over {size:,} characters "
            f"(31 provincial reports + 150 local regulations, one core, best of 3)"
            f"  (target ≥ {TARGETS['chars_per_s']:,})"
        )
        t_tok, t_first, rss_tok, rss_all = cold_start()
        print(
            f"cold start: jieba tokenizer {t_tok:.2f} s, first check +{t_first:.2f} s; "
            f"resident memory {rss_tok:.0f} MB with the tokenizer, {rss_all:.0f} MB after the first check"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

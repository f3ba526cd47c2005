"""Chinese analysis: our jieba tokenizer for Whoosh."""

from __future__ import annotations

import jieba
import pytest

from indexer import analysis


def test_positions_are_ordinal_not_character_offsets():
    """Token positions count tokens (0, 1, 2...), so phrase queries line up; jieba's bundled
    analyzer uses character offsets instead."""
    tok = analysis.CaseTokenizer()
    tokens = [(t.text, t.pos) for t in tok("推进一网通办改革", positions=True)]
    assert tokens == [("推进", 0), ("一网通办", 1), ("改革", 2)]


@pytest.mark.parametrize(
    "term",
    [
        "营商环境",
        "一网通办",
        "最多跑一次",
        "证照分离",
        "告知承诺制",
        "容缺受理",
        "一件事一次办",
        "双随机一公开",
        "免申即享",
        "跨省通办",
        "拿地即开工",
    ],
)
def test_domain_terms_stay_whole(term):
    """Terms of the field are one token, in a sentence as on their own."""
    assert term in analysis.analyze(f"我们全面推行{term}改革")
    assert analysis.analyze(term) == [term]


def test_domain_dictionary_has_at_least_100_terms():
    """The user dictionary covers the field (营商环境, 一网通办, ... at least 100 terms)."""
    terms = analysis.domain_terms()
    assert len(terms) >= 100
    assert {
        "营商环境",
        "一网通办",
        "最多跑一次",
        "证照分离",
        "告知承诺制",
        "容缺受理",
        "一件事一次办",
    } <= set(terms)


def test_stop_words_and_punctuation_are_dropped():
    """Function words and punctuation carry no search meaning and are not tokens."""
    tokens = analysis.analyze("优化营商环境的改革，以及“放管服”改革。")
    assert "的" not in tokens and "以及" not in tokens and "，" not in tokens and "“" not in tokens
    assert tokens == ["优化", "营商环境", "改革", "放管服", "改革"]


def test_full_width_letters_and_digits_are_normalised():
    """Ｗｏｒｄ and １２３ analyse like Word and 123, so either form finds the other."""
    assert analysis.analyze("ＡＰＰ办理１２３件") == analysis.analyze("app办理123件")


def test_block_cache_gives_the_same_tokens_as_plain_jieba():
    """The per-block cache is an optimisation only: tokens equal jieba.cut(HMM=False)
    without stop words and punctuation, also when a block repeats."""
    tk = analysis.tokenizer()
    text = "第一条 为了优化营商环境，制定本条例。第二条 县级以上地方人民政府应当加强领导。第一条 为了优化营商环境"
    expected = [
        w
        for w in tk.cut(analysis.normalize(text), HMM=False)
        if w.strip() and any(c.isalnum() for c in w) and w not in analysis.stop_words()
    ]
    assert analysis.analyze(text) == expected
    assert analysis.analyze(text) == expected  # second time from the cache


def test_words_outside_the_dictionary_split_the_same_way_in_any_context():
    """Without the HMM, an unknown name comes out as single characters wherever it is, so a
    query segments like the text it must find."""
    alone = analysis.analyze("杨扬")
    assert alone == ["杨", "扬"]
    in_context = analysis.analyze("联系人杨扬负责")
    assert in_context[1:3] == alone


def test_finer_split_breaks_a_word_into_dictionary_parts():
    """A query word the text may have cut into pieces is looked for as those pieces too."""
    assert analysis.finer_split("改革创新") == ["改革", "创新"]
    assert analysis.finer_split("营商环境") == ["营商", "环境"]
    assert analysis.finer_split("税") == ["税"]


def test_the_shared_tokenizer_is_loaded_once():
    """jieba's dictionary is loaded once per process and reused."""
    assert analysis.tokenizer() is analysis.tokenizer()
    assert analysis.tokenizer() is not jieba.dt


def test_the_dictionary_file_segments_exactly_as_jieba(tmp_path):
    """jieba's dictionary written as the index's dictionary file and read back segments
    every block as jieba does (precise mode, no HMM), sub-words and finer splits alike."""
    from indexer import analysis

    analysis.write_dictionary(tmp_path / analysis.DICT_FILE)
    compact = analysis._CompactDict(tmp_path / analysis.DICT_FILE)
    jieba_cut = analysis.tokenizer()._Tokenizer__cut_DAG_NO_HMM
    blocks = [
        "县级以上地方人民政府应当加强对优化营商环境工作的组织领导",
        "推行企业开办一网通办最多跑一次证照分离告知承诺制改革",
        "国务院银行业监督管理机构批准设立的商业银行",
        "2023年GDP增长5.2%ABC公司和x射线",
        "杨扬同志在椒江区工作",
        "鼓励节约使用水资源第十二条规定的用水计划",
    ]
    for block in blocks:
        assert list(compact.cut(block)) == list(jieba_cut(block)), block
    tk = analysis.tokenizer()
    for word in ("营商环境", "改革创新", "一网通办", "不动产登记"):
        assert compact.get_DAG(word) == tk.get_DAG(word)
        assert compact.get(word) == tk.FREQ.get(word)
    assert compact.total == tk.total

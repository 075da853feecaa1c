// The five fixed queries of the scale budget test and benchmark: two common words, one character, a 文号 and
// digits with Chinese.
export const QUERIES = ['大病保险', '医', '先诊疗后付费', '县委办发〔2018〕83号', '3000元'];
// Long phrases from the documents, searched after those five: a long term is looked up by trigrams and
// confirmed against the text, which cost 80 KB in 6 rounds (会宁县人民政府办公室 at 1,000 documents) and
// 58 KB at 50 (依托…) before the trigrams' positions bounded the occurrences and a part of a long text
// could decide (crates/content/src/shards/candidate.rs).
export const LONG_QUERIES = ['会宁县人民政府办公室', '依托市医学会等专业组织成立市重大'];

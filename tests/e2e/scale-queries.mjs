// The five fixed queries of the scale budget test and benchmark: two common words, one character, a 文号 and
// digits with Chinese.
export const QUERIES = ['大病保险', '医', '先诊疗后付费', '县委办发〔2018〕83号', '3000元'];

//! The site's one Chinese date format (the build's pages, the footer, printed results).

/// A date `2018-06-29` as `2018年6月29日` (the one Chinese date format of the site); anything else unchanged.
pub fn chinese_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(y), Ok(m), Ok(d)) => ymd(y, m, d),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// Year, month and day as `2018年6月29日`.
pub fn ymd(y: u32, m: u32, d: u32) -> String {
    format!("{y}年{m}月{d}日")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_dates() {
        for (iso, zh) in [
            ("2018-06-29", "2018年6月29日"),
            ("2016-10-21", "2016年10月21日"),
            ("2018", "2018"),
            ("2018-xx-01", "2018-xx-01"),
        ] {
            assert_eq!(chinese_date(iso), zh);
        }
    }
}

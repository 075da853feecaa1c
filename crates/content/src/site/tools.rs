//! The page tool bar's labels: the app's bar (`src/components/page_tools.rs`, `text_size.rs`,
//! `read_aloud.rs`) and the build's placeholder that holds its place before the app starts
//! (`crates/sitegen/templates/page_tools.html`) show the same words.

/// Makes the text smaller.
pub const SMALLER: &str = "字变小";
/// Makes the text larger.
pub const LARGER: &str = "字变大";
/// The text sizes, smallest first (the index is the stored size).
pub const SIZES: [&str; 3] = ["标准", "大", "特大"];
/// Starts reading the page aloud.
pub const READ: &str = "朗读";
/// Pauses the reading.
pub const PAUSE: &str = "暂停";
/// Goes on reading.
pub const RESUME: &str = "继续";
/// Shows this page's QR code.
pub const QR: &str = "二维码";
/// Makes a poster of this page.
pub const POSTER: &str = "海报";
/// Prints this page.
pub const PRINT: &str = "打印";
/// After a text-size change made away from the text the reader had stopped at: takes them back to it.
pub const BACK_TO_READING: &str = "回到刚才读的地方";

//! QR codes for links: the URL encoded with the `qrcode` crate and drawn as one SVG path.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code's module matrix (row-major, `true` = dark).
pub struct QrMatrix {
    /// Modules per side.
    pub width: usize,
    /// `width * width` modules.
    pub dark: Vec<bool>,
}

/// Encodes `text` (medium error correction: survives a creased poster).
pub fn encode(text: &str) -> Option<QrMatrix> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some(QrMatrix { width, dark })
}

/// The matrix as a standalone SVG with a 4-module quiet zone, `size` CSS pixels wide.
pub fn to_svg(m: &QrMatrix, size: u32, label: &str) -> String {
    let side = m.width + 8;
    let mut d = String::new();
    for y in 0..m.width {
        let mut x = 0;
        while x < m.width {
            if m.dark[y * m.width + x] {
                let start = x;
                while x < m.width && m.dark[y * m.width + x] {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" data-testid=\"qr\" role=\"img\" aria-label=\"{}\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>",
        policy_content::html::esc(label)
    )
}

/// The QR code of `url` for a printed page (SVG, 120 px, `data-testid="print-qr"`: the tools' panel keeps
/// `qr`), named `label`; empty if the address cannot be encoded.
pub fn printed(url: &str, label: &str) -> String {
    encode(url)
        .map(|m| {
            to_svg(&m, 120, label).replacen("data-testid=\"qr\"", "data-testid=\"print-qr\"", 1)
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_a_site_url() {
        let m = encode("https://example.gov.cn/docs/huining-83/#s2").unwrap();
        assert_eq!(m.dark.len(), m.width * m.width);
        assert!(m.width >= 25, "version 2 or more for this length");
        // The three finder patterns: the top-left module of each is dark.
        assert!(m.dark[0] && m.dark[m.width - 7] && m.dark[(m.width - 7) * m.width]);
    }

    #[test]
    fn svg_has_hook_and_quiet_zone() {
        let m = encode("x").unwrap();
        let svg = to_svg(&m, 200, "二维码\"<");
        let side = m.width + 8;
        assert!(svg.contains("data-testid=\"qr\""));
        assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
        assert!(svg.contains("aria-label=\"二维码&quot;&lt;\""));
        assert!(
            svg.contains("M4 4h7v1h-7z"),
            "the finder pattern's top row starts after the quiet zone"
        );
    }
}

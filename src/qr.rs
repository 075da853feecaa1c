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

/// The matrix as a standalone SVG with a 4-module quiet zone, `size` wide (a CSS length: pixels if it has
/// no unit).
pub fn to_svg(m: &QrMatrix, size: impl std::fmt::Display, label: &str) -> String {
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

/// The side of a printed code's module, µm: a long address's code grows rather than its modules shrinking
/// (a filled self-check form's, 34 mm wide, had modules of 0.44 mm, and a 150 dpi scan of it was not
/// always read).
pub const PRINTED_MODULE_UM: u32 = 600;

/// The narrowest a printed code is, µm (a short address's code is this wide, its modules larger).
pub const PRINTED_MIN_UM: u32 = 30_000;

/// How wide a printed code of `m` is, µm: [`PRINTED_MODULE_UM`] a module, quiet zone included, and at
/// least [`PRINTED_MIN_UM`]. (Whole numbers: formatting a float would bring its code into the chunk.)
pub fn printed_width_um(m: &QrMatrix) -> u32 {
    ((m.width as u32 + 8) * PRINTED_MODULE_UM).max(PRINTED_MIN_UM)
}

/// The QR code of `url` for a printed page (SVG, [`printed_width_um`] wide, `data-testid="print-qr"`:
/// the tools' panel keeps `qr`), named `label`; empty if the address cannot be encoded.
pub fn printed(url: &str, label: &str) -> String {
    encode(url)
        .map(|m| {
            let um = printed_width_um(&m);
            let size = format!("{}.{}mm", um / 1000, um % 1000 / 100);
            to_svg(&m, size, label).replacen("data-testid=\"qr\"", "data-testid=\"print-qr\"", 1)
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
    fn a_printed_code_grows_with_its_address_not_its_modules_shrinking() {
        let width = |url: &str| {
            let svg = printed(url, "扫码");
            let mm: f64 = svg
                .split("width=\"")
                .nth(1)
                .unwrap()
                .split("mm")
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let side: f64 = svg
                .split("viewBox=\"0 0 ")
                .nth(1)
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            (mm, mm / side)
        };
        // A short address: the narrowest code, its modules larger.
        let (mm, module) = width("https://example.gov.cn/calc/#k=ab12&p=h");
        assert_eq!(mm * 1000.0, f64::from(PRINTED_MIN_UM));
        assert!(module * 1000.0 > f64::from(PRINTED_MODULE_UM));
        // A filled self-check form's (about 230 characters): wider, its modules as large as the rule says.
        let long = format!(
            "https://example.gov.cn/self-check/#k=ab12&tab=wudu&a={}",
            "10_y~".repeat(36)
        );
        let (mm, module) = width(&long);
        assert!(mm > 34.0, "{mm} mm");
        assert!(
            module * 1000.0 >= f64::from(PRINTED_MODULE_UM) - 10.0,
            "{module} mm a module"
        );
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

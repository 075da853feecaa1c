//! Trunk's loader, rearranged so that a bundle's wasm is requested as early as the page allows: its
//! preloads just after the stylesheet. (Compiling the wasm from an inline script while the page is parsed,
//! handing the module to Trunk's loader after the first paint, was tried and did not pay: warm /calc/
//! mounted no sooner, within the shared machine's noise.)

/// Trunk's preloads of the bundle's script and wasm (`<link rel="modulepreload">`, `<link rel="preload">`),
/// which it puts at the end of `<head>`, moved to just after the stylesheet. Where Trunk puts
/// them, Chromium requests the wasm only once the stylesheet has arrived: the inline script before them
/// waits for the stylesheet and the preload scanner does not look past it (measured with
/// `scripts/waterfall.mjs`: cold /calc/, the wasm requested ~0.3 s later, all of it on the time to mount).
/// After the stylesheet, the wasm is requested with it and the stylesheet, which the first paint waits
/// for, still goes first. Unchanged if `head` has no stylesheet.
pub fn preloads_after_stylesheet(head: &str) -> String {
    let tag_at = |from: usize| head[from..].find('>').map(|e| from + e + 1);
    let Some(css_end) = head.find("<link rel=\"stylesheet\"").and_then(tag_at) else {
        return head.to_string();
    };
    let mut links = String::new();
    let mut rest = String::new();
    let mut at = css_end;
    while let Some(start) = ["<link rel=\"modulepreload\"", "<link rel=\"preload\""]
        .iter()
        .filter_map(|p| head[at..].find(p).map(|i| at + i))
        .min()
    {
        let Some(end) = tag_at(start) else { break };
        rest.push_str(&head[at..start]);
        links.push_str(&head[start..end]);
        at = end;
    }
    rest.push_str(&head[at..]);
    format!("{}{links}{rest}", &head[..css_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preloads_follow_the_stylesheet() {
        let cases = [
            (
                "trunk's order",
                "<link rel=\"stylesheet\" href=\"/s.css\"/>\n<script>x</script>\n<script type=\"module\">init()</script>\n<link rel=\"modulepreload\" href=\"/a.js\"><link rel=\"preload\" href=\"/a.wasm\" as=\"fetch\"></head>",
                "<link rel=\"stylesheet\" href=\"/s.css\"/><link rel=\"modulepreload\" href=\"/a.js\"><link rel=\"preload\" href=\"/a.wasm\" as=\"fetch\">\n<script>x</script>\n<script type=\"module\">init()</script>\n</head>",
            ),
            (
                "no preloads",
                "<link rel=\"stylesheet\" href=\"/s.css\"/><script>x</script></head>",
                "<link rel=\"stylesheet\" href=\"/s.css\"/><script>x</script></head>",
            ),
            (
                "no stylesheet",
                "<script>x</script><link rel=\"preload\" href=\"/a.wasm\"></head>",
                "<script>x</script><link rel=\"preload\" href=\"/a.wasm\"></head>",
            ),
        ];
        for (name, head, want) in cases {
            assert_eq!(preloads_after_stylesheet(head), want, "{name}");
        }
    }
}

//! Trunk's loader, rearranged so that a bundle's wasm is fetched and compiled as early as the page allows:
//! its preloads just after the stylesheet, and its module script given the module that the shell's first
//! inline script (`web/shell.html`) started compiling as soon as the stylesheet was in, instead of
//! starting to fetch and compile it only once the whole page has been parsed.

/// The global the shell's inline script (`web/shell.html`) puts the wasm being compiled in: a promise of
/// the `WebAssembly.Module`, or of the `Response` when the browser could not compile it early.
const EARLY: &str = "window.zctWasm";

/// Trunk's `index.html` with the preloads moved up and the module script taking the early module.
pub fn early_start(src: &str) -> String {
    take_early_module(&preloads_after_stylesheet(src))
}

/// Trunk's module script, `init({ module_or_path: '/x_bg.wasm' })`, given [`EARLY`] when the shell set it
/// (wasm-bindgen's `init` awaits a promise it is given and instantiates the module or response it
/// resolves to); the path as before otherwise. Unchanged if Trunk's script does not read so.
fn take_early_module(src: &str) -> String {
    src.replacen(
        "init({ module_or_path: '",
        &format!("init({{ module_or_path: {EARLY} || '"),
        1,
    )
}

/// Trunk's preloads of the bundle's script and wasm (`<link rel="modulepreload">`, `<link rel="preload">`),
/// which it puts at the end of `<head>`, moved to just after the stylesheet. Where Trunk puts
/// them, Chromium requests the wasm only once the stylesheet has arrived: the inline script before them
/// waits for the stylesheet and the preload scanner does not look past it (measured with
/// `scripts/waterfall.mjs`: cold /calc/, the wasm requested ~0.3 s later, all of it on the time to mount).
/// After the stylesheet, the wasm is requested with it and the stylesheet, which the first paint waits
/// for, still goes first. Unchanged if `head` has no stylesheet.
fn preloads_after_stylesheet(head: &str) -> String {
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

    #[test]
    fn the_module_script_takes_the_early_module() {
        let cases = [
            (
                "trunk's loader",
                "<script type=\"module\">\nimport init from '/a.js';\nconst wasm = await init({ module_or_path: '/a_bg.wasm' });\n</script>",
                "<script type=\"module\">\nimport init from '/a.js';\nconst wasm = await init({ module_or_path: window.zctWasm || '/a_bg.wasm' });\n</script>",
            ),
            (
                "another loader",
                "<script type=\"module\">start()</script>",
                "<script type=\"module\">start()</script>",
            ),
        ];
        for (name, src, want) in cases {
            assert_eq!(take_early_module(src), want, "{name}");
        }
    }
}

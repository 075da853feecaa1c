//! The Content-Security-Policy: everything from the site's own origin only; scripts by file or by the
//! hash of Trunk's inline loader; `wasm-unsafe-eval` (what wasm needs), never `unsafe-eval`. Each page
//! carries its policy in a `<meta>`; the server sends one for all pages in a header (`NGINX_INCLUDE`).

use std::path::Path;

use sha2::{Digest, Sha256};

/// Where the build writes the header for nginx, relative to `dist/`: deploy/nginx.conf includes it, so
/// the server's policy always has this build's hashes. Not a page: the service worker skips it.
pub const NGINX_INCLUDE: &str = "_server/csp.conf";

/// The policy for a page whose inline scripts are `inline_scripts`.
pub fn policy(inline_scripts: &[&str]) -> String {
    // Each script once, in order (every bundle's shell has the same first script).
    let mut hashes: Vec<String> = Vec::new();
    for s in inline_scripts {
        let h = format!(" 'sha256-{}'", base64(&Sha256::digest(s.as_bytes())));
        if !hashes.contains(&h) {
            hashes.push(h);
        }
    }
    let hashes = hashes.concat();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' data: blob:; \
         connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// The policy for the server header, whose `inline_scripts` are every page's: `policy`, plus what only a
/// header can say (browsers ignore `frame-ancestors` in a `<meta>`): no site may frame these pages.
pub fn header_policy(inline_scripts: &[&str]) -> String {
    format!("{}; frame-ancestors 'none'", policy(inline_scripts))
}

/// Writes `DIST/NGINX_INCLUDE`: the header as an nginx `add_header` line. `always`: on 404s too.
pub fn write_nginx_include(dist: &Path, header_policy: &str) -> Result<(), String> {
    let text = format!(
        "# Written by sitegen for this build; included by deploy/nginx.conf. Reload nginx after deploying a build.\n\
         add_header Content-Security-Policy \"{header_policy}\" always;\n"
    );
    let path = dist.join(NGINX_INCLUDE);
    std::fs::create_dir_all(path.parent().expect("NGINX_INCLUDE is in a folder"))
        .and_then(|()| std::fs::write(&path, text))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The bodies of the inline `<script>` elements in `html` (those without `src`).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    out
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_vectors() {
        for (input, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn finds_inline_scripts_only() {
        let html = "<script type=\"module\">init()</script><script src=\"/a.js\"></script><script>b</script>";
        assert_eq!(inline_scripts(html), vec!["init()", "b"]);
    }

    #[test]
    fn policy_hashes_and_never_unsafe_eval() {
        // sha256("init()") in base64, computed independently with `printf 'init()' | openssl dgst -sha256 -binary | base64`.
        let p = policy(&["init()"]);
        assert!(p.contains("'wasm-unsafe-eval'"));
        assert!(!p.contains("'unsafe-eval'") && !p.contains("'unsafe-inline'"));
        assert!(p.contains(&format!("'sha256-{}'", base64(&Sha256::digest(b"init()")))));
    }

    #[test]
    fn header_forbids_framing_and_is_one_nginx_line() {
        let header = header_policy(&["init()"]);
        assert!(header.starts_with(&policy(&["init()"])));
        assert!(header.ends_with("; frame-ancestors 'none'"));
        // The policy is quoted with double quotes in nginx: it must not contain any.
        assert!(!header.contains('"'));

        let dist = std::env::temp_dir().join(format!("sitegen-csp-{}", std::process::id()));
        write_nginx_include(&dist, &header).unwrap();
        let conf = std::fs::read_to_string(dist.join(NGINX_INCLUDE)).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        let directives: Vec<&str> = conf.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            directives,
            [format!(
                "add_header Content-Security-Policy \"{header}\" always;"
            )]
        );
    }
}

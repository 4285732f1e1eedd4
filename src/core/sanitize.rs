//! The gate between show notes and the page: an allowlist HTML sanitizer.
//!
//! Notes may carry raw HTML (sponsor blocks, images, `<br>`). The browser
//! inserts the rendered notes with `innerHTML`, where `<script>` does not run
//! but `onerror=` handlers and `javascript:` URLs would. Sanitizing here, at
//! build time, with ammonia (html5ever's spec-compliant parser and a strict
//! allowlist) costs the listener nothing: ammonia would add ~265 KB gzip to
//! the wasm.

use std::collections::HashSet;

/// Returns HTML with only allowlisted tags, attributes and URL schemes.
pub fn sanitize(html: &str) -> String {
    let mut b = ammonia::Builder::default();
    // Ids make heading anchors and footnotes work; classes carry the
    // sponsor blocks and footnote styling. The app's own ids are prefixed
    // (`viewer-`) so notes cannot shadow them.
    b.add_generic_attributes(["class", "id"]);
    // Task-list checkboxes, rendered disabled.
    b.add_tags(["input"]);
    b.add_tag_attributes("input", ["type", "checked", "disabled"]);
    b.add_tag_attribute_values("input", "type", ["checkbox"]);
    b.add_tag_attributes("img", ["loading", "width", "height"]);
    b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
    b.link_rel(Some("noopener noreferrer"));
    b.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_keep_harmless_html() {
        for (input, want) in [
            (
                r#"<p class="sponsor">Hi <b>there</b></p>"#,
                r#"<p class="sponsor">Hi <b>there</b></p>"#,
            ),
            (
                r#"<img src="/images/a.png" alt="Logo">"#,
                r#"<img src="/images/a.png" alt="Logo">"#,
            ),
            ("line<br>break", "line<br>break"),
            (
                r##"<h2 id="intro">Intro <a class="anchor" href="#intro">#</a></h2>"##,
                r##"<h2 id="intro">Intro <a class="anchor" href="#intro" rel="noopener noreferrer">#</a></h2>"##,
            ),
            (
                r#"<input disabled="" type="checkbox" checked="">"#,
                r#"<input disabled="" type="checkbox" checked="">"#,
            ),
            (
                "<table><tbody><tr><td>1</td></tr></tbody></table>",
                "<table><tbody><tr><td>1</td></tr></tbody></table>",
            ),
        ] {
            assert_eq!(sanitize(input), want, "{input}");
        }
    }

    #[test]
    fn errors_if_script_survives() {
        for input in [
            "<script>alert(1)</script>",
            r#"<img src=x onerror="alert(1)">"#,
            r#"<a href="javascript:alert(1)">x</a>"#,
            r#"<a href="JaVaScRiPt:alert(1)">x</a>"#,
            r#"<a href="&#106;avascript:alert(1)">x</a>"#,
            r#"<a href="data:text/html,<script>alert(1)</script>">x</a>"#,
            r#"<svg onload="alert(1)"></svg>"#,
            r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
            r#"<style>body{display:none}</style>"#,
            r#"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
            r#"<base href="javascript:alert(1)//">"#,
            r#"<form action="javascript:alert(1)"><button>x</button></form>"#,
            r#"<input type="image" src=x onerror="alert(1)">"#,
            r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"#,
        ] {
            let out = sanitize(input).to_ascii_lowercase();
            for banned in [
                "<script",
                "onerror",
                "onload",
                "javascript:",
                "data:",
                "<iframe",
                "<style",
                "<meta",
                "<base",
                "<form",
                "srcdoc",
            ] {
                assert!(!out.contains(banned), "{input} -> {out}");
            }
        }
    }
}

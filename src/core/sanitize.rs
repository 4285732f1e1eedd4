//! The gate between show notes and the page: an allowlist HTML sanitizer.
//!
//! Notes may carry raw HTML (sponsor blocks, images, video embeds, `<br>`).
//! The browser inserts the published notes with `innerHTML`, where
//! `<script>` does not run but `onerror=` handlers and `javascript:` URLs
//! would. Sanitizing here, at build time, with ammonia (html5ever's
//! spec-compliant parser and a strict allowlist) costs the listener nothing,
//! where ammonia in the wasm would add about 265 KB gzip and DOMPurify 12 KB
//! plus a second code path for prerendering.

use std::borrow::Cow;
use std::collections::HashSet;

/// Video players that may be embedded, always sandboxed.
const IFRAME_HOSTS: &[&str] = &[
    "https://www.youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
];

/// Returns HTML with only allowlisted tags, attributes and URL schemes.
/// `resolve` rewrites every relative URL (`None` drops the attribute).
pub fn sanitize(html: &str, resolve: &(dyn Fn(&str) -> String + Sync)) -> String {
    let mut b = ammonia::Builder::default();
    // Ids make heading anchors and footnotes work; classes carry sponsor
    // blocks and footnote styling. The app's own ids start with `viewer-`,
    // so notes cannot shadow them.
    b.add_generic_attributes(["class", "id"]);
    // Task-list checkboxes, rendered disabled.
    b.add_tags(["input", "iframe"]);
    b.add_tag_attributes("input", ["type", "checked", "disabled"]);
    b.add_tag_attribute_values("input", "type", ["checkbox"]);
    b.add_tag_attributes("img", ["loading", "width", "height"]);
    b.add_tag_attributes(
        "iframe",
        [
            "src",
            "width",
            "height",
            "title",
            "allowfullscreen",
            "loading",
        ],
    );
    // One forced attribute only: ammonia adds those an element lacks in
    // its hash map's order, so two would come out in a different order from
    // one run to the next, and the same notes would not give the same
    // bytes. The referrer policy is the browsers' default
    // (`strict-origin-when-cross-origin`); an author's is not allowed.
    b.set_tag_attribute_value(
        "iframe",
        "sandbox",
        "allow-scripts allow-same-origin allow-presentation allow-popups",
    );
    b.attribute_filter(|element, attribute, value| match (element, attribute) {
        ("iframe", "src") => {
            let url = match value.strip_prefix("//") {
                Some(rest) => Cow::Owned(format!("https://{rest}")),
                None => Cow::Borrowed(value),
            };
            IFRAME_HOSTS
                .iter()
                .any(|host| url.starts_with(host))
                .then_some(url)
        }
        _ => Some(Cow::Borrowed(value)),
    });
    b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
    b.url_relative(ammonia::UrlRelative::Custom(Box::new(Resolver(resolve))));
    b.link_rel(Some("noopener noreferrer"));
    b.clean(html).to_string()
}

struct Resolver<'a>(&'a (dyn Fn(&str) -> String + Sync));

impl<'a> ammonia::UrlRelativeEvaluate<'a> for Resolver<'a> {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        Some(Cow::Owned((self.0)(url)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        sanitize(html, &|url| url.to_string())
    }

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
            assert_eq!(clean(input), want, "{input}");
        }
    }

    /// Raw HTML's character references, read as HTML5 reads them
    /// (<https://html.spec.whatwg.org/multipage/parsing.html#named-character-reference-state>):
    /// the longest name that matches; a legacy one without its `;` too,
    /// except in an attribute when `=`, a letter or a digit follows;
    /// unknown names left as written.
    #[test]
    fn can_read_character_references() {
        for (input, want) in [
            ("<p>&eacute;t&eacute; &AElig;</p>", "<p>été Æ</p>"),
            ("<p>&notin; &notit; &not</p>", "<p>∉ ¬it; ¬</p>"),
            (
                "<p>&amp &AMP; &lt;b&gt;</p>",
                "<p>&amp; &amp; &lt;b&gt;</p>",
            ),
            (
                "<p>&acE; &NotEqualTilde;</p>",
                "<p>\u{223e}\u{333} \u{2242}\u{338}</p>",
            ),
            ("<p>&zwnj;&nbsp;</p>", "<p>\u{200c}&nbsp;</p>"),
            (
                "<p>&foo; &amp;amp; &</p>",
                "<p>&amp;foo; &amp;amp; &amp;</p>",
            ),
            (
                r#"<a href="/?a=1&copy=2" title="&copy &copy;">x</a>"#,
                r#"<a href="/?a=1&amp;copy=2" title="© ©" rel="noopener noreferrer">x</a>"#,
            ),
        ] {
            assert_eq!(clean(input), want, "{input}");
        }
    }

    #[test]
    fn can_keep_allowlisted_video_players_sandboxed() {
        // Exactly, attributes in order: the build and the browser's
        // Markdown module must give the same bytes on every run.
        assert_eq!(
            clean(
                r#"<iframe width="420" src="//www.youtube.com/embed/x" referrerpolicy="unsafe-url" frameborder="0" allowfullscreen></iframe>"#
            ),
            r#"<iframe width="420" src="https://www.youtube.com/embed/x" allowfullscreen="" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe>"#
        );
        for (input, src) in [
            (
                r#"<iframe width="420" height="315" src="//www.youtube.com/embed/gGxWzVMRpHo" frameborder="0" allowfullscreen></iframe>"#,
                r#"src="https://www.youtube.com/embed/gGxWzVMRpHo""#,
            ),
            (
                r#"<iframe src="https://player.vimeo.com/video/1"></iframe>"#,
                r#"src="https://player.vimeo.com/video/1""#,
            ),
            (
                r#"<iframe src="https://www.youtube-nocookie.com/embed/x" onload="alert(1)"></iframe>"#,
                r#"src="https://www.youtube-nocookie.com/embed/x""#,
            ),
        ] {
            let out = clean(input);
            assert!(
                out.starts_with("<iframe ") && out.ends_with("></iframe>"),
                "{out}"
            );
            for part in [
                src,
                r#"sandbox="allow-scripts allow-same-origin allow-presentation allow-popups""#,
            ] {
                assert!(out.contains(part), "{input} -> {out}");
            }
            assert!(
                !out.contains("frameborder") && !out.contains("onload"),
                "{out}"
            );
        }
    }

    #[test]
    fn errors_if_an_iframe_is_not_an_allowlisted_player() {
        for input in [
            r#"<iframe src="https://evil.example/embed/"></iframe>"#,
            r#"<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>"#,
            r#"<iframe src="javascript:alert(1)"></iframe>"#,
            r#"<iframe src="data:text/html,x"></iframe>"#,
        ] {
            let out = clean(input);
            assert!(!out.contains("src="), "{input} -> {out}");
            assert!(out.contains("sandbox="), "{input} -> {out}");
        }
    }

    #[test]
    fn relative_urls_go_through_the_resolver() {
        let out = sanitize(r#"<a href="/x">a</a><img src="y.png">"#, &|url| {
            format!("R({url})")
        });
        assert_eq!(
            out,
            r#"<a href="R(/x)" rel="noopener noreferrer">a</a><img src="R(y.png)">"#
        );
    }

    /// The payload corpus shared with the browser test (tests/fixtures).
    #[test]
    fn errors_if_any_xss_payload_survives() {
        let corpus = include_str!("../../tests/fixtures/xss-payloads.html");
        let payloads: Vec<&str> = corpus
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with("<!--"))
            .collect();
        assert!(payloads.len() >= 40, "{} payloads", payloads.len());
        for payload in payloads {
            let out = clean(payload).to_ascii_lowercase();
            for banned in [
                "<script",
                " on",
                "javascript:",
                "vbscript:",
                "data:",
                "<style",
                "<meta",
                "<base",
                "<form",
                "<object",
                "<embed",
                "srcdoc",
                "<svg",
                "<math",
                "<link",
                "formaction",
                "xlink:href",
            ] {
                assert!(!out.contains(banned), "{payload}\n -> {out}");
            }
        }
    }
}

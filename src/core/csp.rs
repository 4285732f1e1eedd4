//! The Content Security Policy of the built site: no inline script runs
//! except Trunk's own loader, named by its hash.
//!
//! The build (see `indexer::prerender`) writes the policy twice, because
//! hosts differ: as a `<meta http-equiv>` in every page, which any static
//! host honours, and as a `_headers` file, which Netlify (and
//! `scripts/static-server.mjs`) sends as a real header. The README shows
//! the nginx equivalent.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Where embedded players in show notes may come from: the same list the
/// sanitizer lets through (see [`super::sanitize`]).
const FRAMES: &str =
    "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com";

/// The policy for a shell whose inline scripts are `html`'s, and which
/// fetches from `origins` besides its own (audio saved for offline, remote
/// chapter files).
pub fn policy(html: &str, origins: &[String]) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let mut p = String::from("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    for h in &hashes {
        p.push(' ');
        p.push_str(h);
    }
    p.push_str("; style-src 'self' 'unsafe-inline'; img-src * data:; media-src *; ");
    if !origins.is_empty() {
        p.push_str("connect-src 'self'");
        for o in origins {
            p.push(' ');
            p.push_str(o);
        }
        p.push_str("; ");
    }
    p.push_str("frame-src ");
    p.push_str(FRAMES);
    p
}

/// The text of each inline script that a browser would run: no `src`, and
/// a JavaScript type. JSON-LD is data, which the policy does not govern.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || loop {
        let start = rest.find("<script")?;
        let tag_end = start + rest[start..].find('>')?;
        let tag = &rest[start..tag_end];
        let body_end = tag_end + rest[tag_end..].find("</script>")?;
        let body = &rest[tag_end + 1..body_end];
        rest = &rest[body_end..];
        let runs = !tag.contains(" src=")
            && match attr(tag, "type") {
                None => true,
                Some(t) => {
                    matches!(
                        t.to_ascii_lowercase().as_str(),
                        "module" | "text/javascript"
                    )
                }
            };
        if runs {
            return Some(body);
        }
    })
}

/// An attribute's value in a start tag, quoted or not (Trunk minifies).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let i = tag.find(&format!(" {name}="))? + name.len() + 2;
    let v = &tag[i..];
    Some(match v.as_bytes().first()? {
        q @ (b'"' | b'\'') => v[1..].split(*q as char).next()?,
        _ => v.split([' ', '>']).next()?,
    })
}

/// `html` with `policy` as its first `<head>` element, replacing any
/// policy from an earlier build, so that the loader is covered.
pub fn with_meta(html: &str, policy: &str) -> String {
    let html = without_meta(html);
    let tag = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy.replace('"', "&quot;")
    );
    // After `<meta charset>`, which must stay in the first 1024 bytes.
    let at = ["<meta charset=utf-8>", "<meta charset=\"utf-8\">", "<head>"]
        .iter()
        .find_map(|t| html.find(t).map(|i| i + t.len()))
        .unwrap_or(0);
    format!("{}{tag}{}", &html[..at], &html[at..])
}

fn without_meta(html: &str) -> String {
    let marker = "<meta http-equiv=\"Content-Security-Policy\"";
    match html.find(marker) {
        Some(i) => {
            let end = i + html[i..].find('>').map_or(html.len() - i, |e| e + 1);
            format!("{}{}", &html[..i], &html[end..])
        }
        None => html.to_string(),
    }
}

/// The `_headers` file of Netlify and its imitators.
pub fn headers_file(policy: &str) -> String {
    format!("/*\n  Content-Security-Policy: {policy}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<!doctype html><html lang="en"><meta charset=utf-8><title>T</title><script type=module>import init from '/app.js';
await init();</script><script type="application/ld+json">{"a":1}</script><script src=/x.js></script><link rel=modulepreload href=/app.js></head><body><div id=app></div></body></html>"#;

    #[test]
    fn can_hash_only_the_scripts_that_run() {
        let scripts: Vec<&str> = inline_scripts(SHELL).collect();
        assert_eq!(scripts, ["import init from '/app.js';\nawait init();"]);
        let two = "<script>a()</script><script type=text/javascript>b()</script><script type='module'>c()</script>";
        assert_eq!(
            inline_scripts(two).collect::<Vec<_>>(),
            ["a()", "b()", "c()"]
        );
    }

    #[test]
    fn policy_names_the_loader_by_its_hash() {
        let p = policy("<script>alert(1)</script>", &[]);
        // `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            p,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' \
             'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; \
             style-src 'self' 'unsafe-inline'; img-src * data:; media-src *; \
             frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"
        );
    }

    #[test]
    fn can_allow_fetching_audio_from_its_hosts() {
        let p = policy(SHELL, &["https://cdn.example".into()]);
        assert!(
            p.contains("; connect-src 'self' https://cdn.example; "),
            "{p}"
        );
    }

    #[test]
    fn can_put_the_policy_first_and_replace_an_old_one() {
        let once = with_meta(SHELL, "default-src 'self'");
        assert!(once.starts_with(
            r#"<!doctype html><html lang="en"><meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="default-src 'self'">"#
        ));
        let twice = with_meta(&once, "default-src 'none'");
        assert_eq!(twice.matches("Content-Security-Policy").count(), 1);
        assert!(twice.contains(r#"content="default-src 'none'""#));
        assert_eq!(
            inline_scripts(&twice).collect::<Vec<_>>(),
            inline_scripts(SHELL).collect::<Vec<_>>()
        );
    }
}

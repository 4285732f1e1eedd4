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
/// fetches from `origins` besides its own (audio, remote chapter files).
///
/// With any such origin, `connect-src` allows every `https:` host, plus the
/// plain-`http:` origins named: podcast audio usually goes through
/// tracking prefixes that redirect to CDNs the build cannot know, and both
/// saving for offline and the service worker (which plays under this
/// policy too when a host sends it as a header) fetch through those
/// redirects. Script can still only come from the site itself.
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
        p.push_str("connect-src 'self' https:");
        for o in origins.iter().filter(|o| o.starts_with("http:")) {
            p.push(' ');
            p.push_str(o);
        }
        p.push_str("; ");
    }
    p.push_str("frame-src ");
    p.push_str(FRAMES);
    p
}

/// The text of every inline script the policy governs: all but data
/// blocks (JSON-LD, JSON). Hashing one too many does no harm; missing one
/// would stop the app, so anything that is not known data counts.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    // Tags are matched without regard to case; ASCII lowercasing keeps
    // byte offsets, so they index `html` itself.
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let start = from + lower[from..].find("<script")?;
        let tag_end = start + lower[start..].find('>')?;
        let tag = &lower[start..tag_end];
        let body_end = tag_end + lower[tag_end..].find("</script")?;
        from = body_end;
        let data = matches!(
            attr(tag, "type").map(str::trim),
            Some("application/ld+json" | "application/json")
        );
        if attr(tag, "src").is_none() && !data {
            return Some(&html[tag_end + 1..body_end]);
        }
    })
}

/// An attribute's value in a lowercased start tag, quoted or not (Trunk
/// minifies).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag
        .match_indices(name)
        .find(|(i, _)| {
            tag[..*i].ends_with(|c: char| c.is_ascii_whitespace())
                && tag[i + name.len()..].starts_with('=')
        })?
        .0;
    let v = &tag[at + name.len() + 1..];
    Some(match v.as_bytes().first() {
        Some(q @ (b'"' | b'\'')) => v[1..].split(*q as char).next()?,
        _ => v.split([' ', '>']).next()?,
    })
}

/// `html` with `policy` right after `<meta charset>` (which must stay in
/// the first 1024 bytes), before any script, replacing any policy from an
/// earlier build.
pub fn with_meta(html: &str, policy: &str) -> Result<String, String> {
    let html = without_meta(html);
    let tag = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        // A double-quoted attribute needs no more than these two.
        policy.replace('&', "&amp;").replace('"', "&quot;")
    );
    let lower = html.to_ascii_lowercase();
    let at = lower
        .find("<meta charset")
        .and_then(|i| lower[i..].find('>').map(|e| i + e + 1))
        .ok_or("the app's index.html has no <meta charset> to put the policy after")?;
    if lower[..at].contains("<script") {
        return Err("the app's index.html has a script before <meta charset>".into());
    }
    Ok(format!("{}{tag}{}", &html[..at], &html[at..]))
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

/// The embed pages' own policy (see [`super::embed`]): their one script is
/// `embed.js`, their media and artwork come from anywhere. Also in each
/// page, as a `<meta>`.
pub const EMBED_POLICY: &str =
    "default-src 'self'; img-src * data:; media-src *; style-src 'unsafe-inline'";

/// The `_headers` file of Netlify and its imitators: `policy` for every
/// page, and for the embed pages their own, which lets any site frame
/// them (`frame-ancestors *`, which only a header can say). The feed, and
/// the chapters and transcripts it names, may be read from any site
/// (CORS): web podcast players fetch them from their own origin, as the
/// Podcasting 2.0 [transcript](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md)
/// and chapters documents ask of hosts.
pub fn headers_file(policy: &str) -> String {
    use super::catalog::{CHAPTERS_DIR, FEED_FILE, TRANSCRIPTS_DIR};
    let mut out = format!(
        "/*\n  Content-Security-Policy: {policy}\n/episodes/*/embed/*\n  Content-Security-Policy: {EMBED_POLICY}; frame-ancestors *\n"
    );
    for shared in [
        FEED_FILE.to_string(),
        format!("{CHAPTERS_DIR}/*"),
        format!("{TRANSCRIPTS_DIR}/*"),
    ] {
        out.push_str(&format!("/{shared}\n  Access-Control-Allow-Origin: *\n"));
    }
    out
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
    fn can_let_web_players_read_the_feed_chapters_and_transcripts() {
        let file = headers_file("default-src 'self'");
        for path in ["/feed.xml", "/chapters/*", "/transcripts/*"] {
            assert!(
                file.contains(&format!("{path}\n  Access-Control-Allow-Origin: *\n")),
                "{path}: {file}"
            );
        }
        // Pages themselves are not shared.
        assert!(file.starts_with("/*\n  Content-Security-Policy: default-src 'self'\n/episodes"));
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
    fn can_hash_scripts_whatever_their_case_or_type() {
        let page = r#"<SCRIPT>a()</SCRIPT><script type="">b()</script><script TYPE="application/javascript">c()</script><script type=importmap>{}</script><script type=speculationrules>{}</script><script type="application/ld+json">{}</script><script type=application/json>{}</script><script async src="x.js"></script><script data-src=y>d()</script>"#;
        assert_eq!(
            inline_scripts(page).collect::<Vec<_>>(),
            ["a()", "b()", "c()", "{}", "{}", "d()"]
        );
    }

    #[test]
    fn can_allow_fetching_audio_through_redirects() {
        let p = policy(
            SHELL,
            &["https://cdn.example".into(), "http://old.example".into()],
        );
        assert!(
            p.contains("; connect-src 'self' https: http://old.example; "),
            "{p}"
        );
        assert!(!policy(SHELL, &[]).contains("connect-src"));
    }

    #[test]
    fn errors_if_the_policy_cannot_come_first() {
        assert!(with_meta("<!doctype html><title>x</title>", "p").is_err());
        assert!(with_meta("<script>x()</script><meta charset=utf-8>", "p").is_err());
        let ok = with_meta(r#"<!DOCTYPE html><META CHARSET="UTF-8"><title>x"#, "a&\"b").unwrap();
        assert_eq!(
            ok,
            r#"<!DOCTYPE html><META CHARSET="UTF-8"><meta http-equiv="Content-Security-Policy" content="a&amp;&quot;b"><title>x"#
        );
    }

    #[test]
    fn can_put_the_policy_first_and_replace_an_old_one() {
        let once = with_meta(SHELL, "default-src 'self'").unwrap();
        assert!(once.starts_with(
            r#"<!doctype html><html lang="en"><meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="default-src 'self'">"#
        ));
        let twice = with_meta(&once, "default-src 'none'").unwrap();
        assert_eq!(twice.matches("Content-Security-Policy").count(), 1);
        assert!(twice.contains(r#"content="default-src 'none'""#));
        assert_eq!(
            inline_scripts(&twice).collect::<Vec<_>>(),
            inline_scripts(SHELL).collect::<Vec<_>>()
        );
    }
}

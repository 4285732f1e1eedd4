//! Download statistics without a server: every audio address routed
//! through a measurement service's redirect (the `analytics_prefix`
//! setting).
//!
//! The convention shared by [OP3](https://op3.dev/setup), Podtrac and
//! Chartable: the service's prefix, then the media's own address without
//! `https://`, so `https://cdn.example/ep1.mp3` becomes
//! `https://op3.dev/e/cdn.example/ep1.mp3`. The service counts the request
//! and answers with a redirect to the media, which the browser follows for
//! playing, `Range` requests and saving for offline alike. An address on
//! plain `http` keeps its scheme (`https://op3.dev/e/http://cdn.example/…`),
//! as OP3 documents, so the redirect does not send it to a host that may
//! not speak `https`. Services chain by writing one prefix after the other
//! (`https://op3.dev/e/dts.podtrac.com/redirect.mp3/`).

use super::catalog::{Catalog, CONTENT_DIR};
use super::url;

/// The prefix as services document it, ending in `/`; `Err` with the
/// reason when it is not an absolute web address (it would break every
/// episode's audio).
pub fn normalize(prefix: &str) -> Result<String, String> {
    let prefix = prefix.trim();
    let has_host = url::scheme(prefix).is_some_and(url::is_web_scheme)
        && prefix
            .split_once("://")
            .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
    // The address goes after the prefix: a query or fragment would swallow it.
    if !has_host || prefix.contains(['?', '#']) {
        return Err(format!(
            "analytics_prefix {prefix:?} is not an http(s) address such as https://op3.dev/e/; audio addresses are left as they are"
        ));
    }
    Ok(url::as_folder(prefix))
}

/// `address` (absolute) routed through `prefix` (as [`normalize`] gives
/// it). An address already on the service's host is kept: it was prefixed
/// by its author, perhaps with the service's own options
/// (`https://op3.dev/e,pg=…/`), and a service never redirects to itself.
///
/// Only web addresses are routed: a service redirects to `http(s)` alone.
pub fn prefixed(prefix: &str, address: &str) -> String {
    let on_service = host(address).is_some_and(|h| Some(h) == host(prefix));
    match address.split_once("://") {
        Some((scheme, rest)) if !on_service && scheme.eq_ignore_ascii_case("https") => {
            format!("{prefix}{rest}")
        }
        Some((scheme, rest)) if !on_service && scheme.eq_ignore_ascii_case("http") => {
            format!("{prefix}http://{rest}")
        }
        _ => address.to_string(),
    }
}

/// The addresses a request for `address` goes through, as far as it says:
/// itself, then each address written whole inside it, as a prefixed
/// plain-`http` address is (`https://op3.dev/e/http://cdn.example/…`).
/// Hops written without their scheme (`…/e/cdn.example/…`) are `https`,
/// which the policy allows to any host, so they need no naming.
pub fn hops(address: &str) -> impl Iterator<Item = &str> {
    let lower = address.to_ascii_lowercase();
    let inner: Vec<usize> = ["http://", "https://"]
        .iter()
        .flat_map(|s| lower.match_indices(s).map(|(i, _)| i))
        .filter(|&i| i > 0)
        .collect();
    std::iter::once(address).chain(inner.into_iter().map(move |i| &address[i..]))
}

/// The lowercased host (and port) of an absolute web address.
fn host(address: &str) -> Option<String> {
    let (scheme, rest) = address.split_once("://")?;
    url::is_web_scheme(scheme).then_some(())?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(rest[..end].to_ascii_lowercase())
}

/// Routes every audio address of `catalog` through the site's
/// `analytics_prefix`, where it is set: each episode's audio and the
/// `audio_url` template, so the index can still leave out what the
/// template gives. Relative addresses (the site's own files) are first made
/// absolute under the site's `url`; without one they cannot be, and stay
/// as they are. Returns the warnings, for `site.yaml`.
///
/// Run it after the files to publish are listed: a prefixed local file
/// reads as remote.
pub fn apply(catalog: &mut Catalog) -> Vec<String> {
    let Some(setting) = catalog.site.analytics_prefix.as_deref() else {
        return Vec::new();
    };
    let prefix = match normalize(setting) {
        Ok(prefix) => prefix,
        Err(reason) => return vec![reason],
    };
    let site_url = catalog.site.url.clone();
    let mut local_left = 0;
    let mut route = |address: &str| match (url::scheme(address), &site_url) {
        (Some(_), _) => Some(prefixed(&prefix, address)),
        (None, Some(site)) => Some(prefixed(&prefix, &url::absolute(site, address))),
        (None, None) => {
            local_left += 1;
            None
        }
    };
    for e in &mut catalog.episodes {
        if let Some(routed) = e.audio.as_deref().and_then(&mut route) {
            e.audio = Some(routed);
        }
    }
    // The template is filled in later, value by value: its braces must
    // stay, so it is made absolute as `catalog::resolve_in_content` would
    // make its result, but not encoded (filling encodes).
    if let Some(template) = catalog.site.audio_url.clone() {
        let absolute = match (url::scheme(template.trim()), &site_url) {
            (Some(_), _) => Some(template.trim().to_string()),
            (None, Some(site)) if template.trim().starts_with("//") => {
                Some(url::join(site, template.trim()))
            }
            (None, Some(site)) if template.trim().starts_with('/') => Some(format!(
                "{}{}",
                url::as_folder(site),
                template.trim().trim_start_matches('/')
            )),
            (None, Some(site)) => Some(format!(
                "{}{CONTENT_DIR}/{}",
                url::as_folder(site),
                template.trim().trim_start_matches("./")
            )),
            (None, None) => None,
        };
        if let Some(absolute) = absolute {
            catalog.site.audio_url = Some(prefixed(&prefix, &absolute));
        }
    }
    if local_left > 0 {
        return vec![format!(
            "analytics_prefix needs the site's `url` to route its own audio files: {local_left} episode(s) play them unmeasured"
        )];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::{templated_audio, EpisodeSummary, Site};

    #[test]
    fn can_prefix_addresses_as_services_specify() {
        let op3 = "https://op3.dev/e/";
        for (address, expected) in [
            (
                "https://cdn.example/ep1.mp3",
                "https://op3.dev/e/cdn.example/ep1.mp3",
            ),
            (
                "HTTPS://cdn.example/a%20b.mp3?x=1",
                "https://op3.dev/e/cdn.example/a%20b.mp3?x=1",
            ),
            // Plain http keeps its scheme, so the redirect keeps it too.
            (
                "http://cdn.example/ep1.mp3",
                "https://op3.dev/e/http://cdn.example/ep1.mp3",
            ),
            (
                "HTTP://cdn.example/ep1.mp3",
                "https://op3.dev/e/http://cdn.example/ep1.mp3",
            ),
            // Not a web address: no service redirects there.
            ("ftp://cdn.example/ep1.mp3", "ftp://cdn.example/ep1.mp3"),
            // Already measured by this service, with its own options.
            (
                "https://op3.dev/e,pg=abc/cdn.example/ep1.mp3",
                "https://op3.dev/e,pg=abc/cdn.example/ep1.mp3",
            ),
            (
                "https://OP3.dev/e/cdn.example/ep1.mp3",
                "https://OP3.dev/e/cdn.example/ep1.mp3",
            ),
            // Measured by another service: the chain goes on.
            (
                "https://dts.podtrac.com/redirect.mp3/cdn.example/ep1.mp3",
                "https://op3.dev/e/dts.podtrac.com/redirect.mp3/cdn.example/ep1.mp3",
            ),
        ] {
            assert_eq!(prefixed(op3, address), expected, "{address}");
        }
    }

    #[test]
    fn can_list_the_hops_of_a_redirect_chain() {
        let chain: Vec<_> =
            hops("https://op3.dev/e/dts.podtrac.com/redirect.mp3/HTTP://cdn.example/1.mp3")
                .collect();
        assert_eq!(
            chain,
            [
                "https://op3.dev/e/dts.podtrac.com/redirect.mp3/HTTP://cdn.example/1.mp3",
                "HTTP://cdn.example/1.mp3",
            ]
        );
        assert_eq!(hops("https://cdn.example/1.mp3").count(), 1);
    }

    #[test]
    fn can_normalize_a_prefix() {
        assert_eq!(
            normalize(" https://op3.dev/e ").unwrap(),
            "https://op3.dev/e/"
        );
        assert_eq!(
            normalize("https://dts.podtrac.com/redirect.mp3/").unwrap(),
            "https://dts.podtrac.com/redirect.mp3/"
        );
    }

    #[test]
    fn errors_if_the_prefix_is_not_a_web_address() {
        for bad in [
            "op3.dev/e/",
            "",
            "javascript:alert(1)//",
            "https:///e/",
            "ftp://x/",
        ] {
            let err = normalize(bad).unwrap_err();
            assert!(err.contains("analytics_prefix"), "{bad}: {err}");
        }
    }

    fn catalog(url: Option<&str>, template: Option<&str>, audio: &[Option<&str>]) -> Catalog {
        let site = Site {
            title: "Show".into(),
            url: url.map(Into::into),
            audio_url: template.map(Into::into),
            analytics_prefix: Some("https://op3.dev/e".into()),
            ..Site::default()
        };
        let episodes = audio
            .iter()
            .enumerate()
            .map(|(i, a)| EpisodeSummary {
                slug: format!("ep-{i}"),
                title: format!("Episode {i}"),
                number: Some(i as i32),
                audio: a.map(Into::into),
                ..EpisodeSummary::default()
            })
            .collect();
        Catalog {
            site,
            episodes,
            parts: Vec::new(),
            total: audio.len(),
            filters: Default::default(),
        }
    }

    #[test]
    fn can_route_remote_and_local_audio() {
        let mut c = catalog(
            Some("https://show.example/podcast/"),
            None,
            &[
                Some("https://cdn.example/1.mp3"),
                Some("content/audio/2.mp3"),
                None,
            ],
        );
        assert!(apply(&mut c).is_empty());
        let audio: Vec<_> = c.episodes.iter().map(|e| e.audio.as_deref()).collect();
        assert_eq!(
            audio,
            [
                Some("https://op3.dev/e/cdn.example/1.mp3"),
                Some("https://op3.dev/e/show.example/podcast/content/audio/2.mp3"),
                None,
            ]
        );
    }

    #[test]
    fn can_keep_the_template_compacting() {
        for template in [
            "audio/tas-{episode}.mp3",
            "/audio/tas-{episode}.mp3",
            "//cdn.example/Ep-{episode}.mp3",
            "https://cdn.example/Ep-{episode}.mp3",
        ] {
            let mut c = catalog(
                Some("https://show.example/podcast/"),
                Some(template),
                &[None],
            );
            c.episodes[0].audio = templated_audio(template, &c.episodes[0]);
            apply(&mut c);
            let routed = c.site.audio_url.clone().unwrap();
            assert!(routed.starts_with("https://op3.dev/e/"), "{routed}");
            assert_eq!(
                templated_audio(&routed, &c.episodes[0]),
                c.episodes[0].audio,
                "{template}"
            );
        }
    }

    #[test]
    fn errors_if_local_audio_has_no_site_url() {
        let mut c = catalog(
            None,
            Some("audio/{episode}.mp3"),
            &[
                Some("content/audio/1.mp3"),
                Some("https://cdn.example/2.mp3"),
            ],
        );
        let warnings = apply(&mut c);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("1 episode(s)"), "{warnings:?}");
        assert_eq!(c.episodes[0].audio.as_deref(), Some("content/audio/1.mp3"));
        assert_eq!(
            c.episodes[1].audio.as_deref(),
            Some("https://op3.dev/e/cdn.example/2.mp3")
        );
        assert_eq!(c.site.audio_url.as_deref(), Some("audio/{episode}.mp3"));
    }

    #[test]
    fn errors_if_the_setting_is_broken_and_changes_nothing() {
        let mut c = catalog(None, None, &[Some("https://cdn.example/1.mp3")]);
        c.site.analytics_prefix = Some("op3.dev/e/".into());
        assert_eq!(apply(&mut c).len(), 1);
        assert_eq!(
            c.episodes[0].audio.as_deref(),
            Some("https://cdn.example/1.mp3")
        );
    }
}

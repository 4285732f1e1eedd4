//! Where listeners follow and support the show: the "Listen on" links of
//! the podcast apps, and funding links. Site settings, at the top level of
//! `site.yaml`:
//!
//! ```yaml
//! subscribe: { apple: URL, spotify: URL, pocketcasts: URL, overcast: URL, youtube: URL, antennapod: URL }
//! funding: [{ url: https://show.example/support, label: Support the show }]
//! ```
//!
//! The listing shows them (`ui::components::show_links`); the feed writes
//! the funding links as [`podcast:funding`]. Either is left out when not
//! set.
//!
//! [`podcast:funding`]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/funding.md

use super::json::{each, Fields, Json};
use super::url;
use serde::{Deserialize, Serialize};

/// The show's links. Read from the settings as they are written; the
/// indexer then [resolves](ShowLinks::resolved) them, and the index
/// carries them as pairs of words and address, so the app only draws them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ShowLinks {
    /// Each app's key (`apple`, `spotify`… see [`app_name`]; resolved, its
    /// name) and the show's address in it, in the order the settings write
    /// them.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "in_order"
    )]
    pub subscribe: Vec<(String, String)>,
    /// Each funding link's words (the settings' `label`; resolved, "Support
    /// the show" in the site's language when empty) and address (`url`).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "funding"
    )]
    pub funding: Vec<(String, String)>,
}

impl ShowLinks {
    pub fn is_empty(&self) -> bool {
        self.subscribe.is_empty() && self.funding.is_empty()
    }

    /// The links as listeners read them: apps by [`app_name`], funding
    /// links without words of their own as `support` ("Support the show"
    /// in the site's language), and every address as the feed writes it:
    /// absolute under the site's address `site` when there is one
    /// ([`url::absolute`]), else relative to the site. A link whose address
    /// is empty, or neither a web address nor relative (`javascript:…`,
    /// `mailto:…`, however spaced or cased), is left out, and said so in
    /// the messages returned.
    pub fn resolved(&self, support: &str, site: Option<&str>) -> (ShowLinks, Vec<String>) {
        let mut left_out = Vec::new();
        let mut keep = |kind: &str, words: &str, written: &str| {
            // As a browser reads an address: without tabs and line breaks,
            // and without the controls and spaces around it.
            let address: String = written
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            let address = address.trim_matches(|c: char| c <= ' ');
            let web = url::scheme(address).is_none_or(url::is_web_scheme);
            if address.is_empty() || !web {
                left_out.push(format!(
                    "{kind} link `{}` is not a web address: left out",
                    written.trim()
                ));
                return None;
            }
            let address = match site {
                Some(site) => url::absolute(site, address),
                None if url::is_absolute(address) => address.to_string(),
                None => address.trim_start_matches('/').to_string(),
            };
            Some((words.trim().to_string(), address))
        };
        let subscribe = self
            .subscribe
            .iter()
            .filter_map(|(app, url)| keep("subscribe", app_name(app.trim()), url))
            .collect();
        let funding = self
            .funding
            .iter()
            .filter_map(|(label, url)| {
                let words = if label.trim().is_empty() {
                    support
                } else {
                    label
                };
                keep("funding", words, url)
            })
            .collect();
        (ShowLinks { subscribe, funding }, left_out)
    }

    /// Reads resolved links from the site as the index stores them.
    pub fn from_json(f: &Fields) -> Result<ShowLinks, String> {
        Ok(ShowLinks {
            subscribe: pairs(f.list("subscribe")?)?,
            funding: pairs(f.list("funding")?)?,
        })
    }
}

/// `[[words, address]…]`.
fn pairs(items: &[Json]) -> Result<Vec<(String, String)>, String> {
    each(items, "link", |j| match j.items("a link")? {
        [words, url] => Ok((words.text("its words")?, url.text("its address")?)),
        _ => Err("a link should be [words, address]".to_string()),
    })
}

/// The name listeners know an app by, from its settings key (any case);
/// a key this does not know is shown as written.
pub fn app_name(key: &str) -> &str {
    const APPS: &[(&str, &str)] = &[
        ("amazon", "Amazon Music"),
        ("antennapod", "AntennaPod"),
        ("apple", "Apple Podcasts"),
        ("castbox", "Castbox"),
        ("castro", "Castro"),
        ("deezer", "Deezer"),
        ("fountain", "Fountain"),
        ("overcast", "Overcast"),
        ("pocketcasts", "Pocket Casts"),
        ("podcastaddict", "Podcast Addict"),
        ("podcastindex", "Podcast Index"),
        ("podverse", "Podverse"),
        ("spotify", "Spotify"),
        ("youtube", "YouTube"),
    ];
    let folded: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    APPS.iter()
        .find(|(k, _)| *k == folded)
        .map_or(key, |(_, name)| name)
}

/// The feed at `feed_url` (`https://show.example/feed.xml`), opened in
/// the device's podcast app: `podcast://show.example/feed.xml`, the scheme
/// Apple Podcasts and most apps register. `None` for an address that is
/// not http(s).
pub fn podcast_link(feed_url: &str) -> Option<String> {
    let scheme = url::scheme(feed_url).filter(|s| url::is_web_scheme(s))?;
    Some(format!("podcast{}", &feed_url[scheme.len()..]))
}

/// Reads `subscribe:` as a mapping, keeping the order it is written in.
fn in_order<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    struct Ordered;
    impl<'de> serde::de::Visitor<'de> for Ordered {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a mapping of each app to the show's address in it")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut links = Vec::new();
            while let Some(link) = map.next_entry::<String, String>()? {
                links.push(link);
            }
            Ok(links)
        }
        // The index writes the links as a list of pairs.
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut links = Vec::new();
            while let Some(link) = seq.next_element::<(String, String)>()? {
                links.push(link);
            }
            Ok(links)
        }
    }
    d.deserialize_any(Ordered)
}

/// Reads `funding:` (`[{url, label}]`, or the index's `[label, url]`
/// pairs) as `(label, url)` pairs.
fn funding<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Entry {
        Written {
            url: String,
            #[serde(default)]
            label: String,
        },
        Pair(String, String),
    }
    Ok(Vec::<Entry>::deserialize(d)?
        .into_iter()
        .map(|e| match e {
            Entry::Written { url, label } => (label, url),
            Entry::Pair(label, url) => (label, url),
        })
        .collect())
}

// The settings are YAML, which only the indexer reads.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn can_read_the_links_in_the_order_written() {
        let links: ShowLinks = serde_yaml_ng::from_str(
            "subscribe:\n  spotify: https://open.spotify.example/show/1\n  Apple: https://podcasts.apple.example/id2\n  castopod: https://cast.example/@show\n\
             funding:\n  - { url: https://tips.example/, label: Buy us a coffee }\n  - url: support/\n",
        )
        .unwrap();
        assert_eq!(links.funding[1], (String::new(), "support/".to_string()));
        let (resolved, left_out) = links.resolved("Soutenir l’émission", None);
        assert!(left_out.is_empty());
        let words = |l: &[(String, String)]| l.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>();
        assert_eq!(
            words(&resolved.subscribe),
            ["Spotify", "Apple Podcasts", "castopod"]
        );
        assert_eq!(
            words(&resolved.funding),
            ["Buy us a coffee", "Soutenir l’émission"]
        );
        assert_eq!(
            resolved.subscribe[1].1,
            "https://podcasts.apple.example/id2"
        );
        // Through the index and back, as the app and the indexer read it.
        let index = serde_json::to_string(&resolved).unwrap();
        let read = ShowLinks::from_json(&Json::parse(&index).unwrap().fields("the site").unwrap());
        assert_eq!(read, Ok(resolved.clone()));
        assert_eq!(serde_json::from_str::<ShowLinks>(&index).unwrap(), resolved);
    }

    #[test]
    fn leaves_out_links_that_are_not_web_addresses() {
        let links = ShowLinks {
            subscribe: [
                "javascript:alert(1)",
                "java\tscript:alert(1)",
                " \u{1}JavaScript:alert(1)",
                "",
                "HTTPS://open.spotify.example/s",
                "//cdn.example/show",
            ]
            .map(|url| ("spotify".to_string(), url.to_string()))
            .to_vec(),
            funding: ["mailto:ada@show.example", "support/?a=b:c", "/tips#t=1:23"]
                .map(|url| (String::new(), url.to_string()))
                .to_vec(),
        };
        let (resolved, left_out) = links.resolved("Support the show", None);
        let urls = |l: &[(String, String)]| l.iter().map(|(_, u)| u.clone()).collect::<Vec<_>>();
        assert_eq!(
            urls(&resolved.subscribe),
            ["HTTPS://open.spotify.example/s", "//cdn.example/show"]
        );
        assert_eq!(urls(&resolved.funding), ["support/?a=b:c", "tips#t=1:23"]);
        assert_eq!(left_out.len(), 5, "{left_out:?}");
        assert!(left_out[0].contains("`javascript:alert(1)` is not a web address"));
        // Under the site's address, as the feed writes them.
        let (on_site, _) =
            links.resolved("Support the show", Some("https://show.example/podcast/"));
        assert_eq!(
            urls(&on_site.funding),
            [
                "https://show.example/podcast/support/?a=b:c",
                "https://show.example/podcast/tips#t=1:23"
            ]
        );
        assert_eq!(urls(&on_site.subscribe)[1], "https://cdn.example/show");
    }

    #[test]
    fn can_name_the_apps_as_listeners_know_them() {
        for (key, name) in [
            ("apple", "Apple Podcasts"),
            ("pocketcasts", "Pocket Casts"),
            ("pocket_casts", "Pocket Casts"),
            ("Pocket Casts", "Pocket Casts"),
            ("YouTube", "YouTube"),
            ("antennapod", "AntennaPod"),
            ("my-own-app", "my-own-app"),
        ] {
            assert_eq!(app_name(key), name, "{key}");
        }
    }

    #[test]
    fn can_open_the_feed_in_a_podcast_app() {
        assert_eq!(
            podcast_link("https://show.example/podcast/feed.xml").as_deref(),
            Some("podcast://show.example/podcast/feed.xml")
        );
        assert_eq!(
            podcast_link("http://show.example/feed.xml").as_deref(),
            Some("podcast://show.example/feed.xml")
        );
        assert_eq!(podcast_link("feed.xml"), None);
    }

    #[test]
    fn errors_if_the_links_are_not_what_the_settings_mean() {
        for (yaml, error) in [
            ("subscribe: [https://a.example]", "invalid type"),
            ("subscribe: { apple: { url: x } }", "invalid type"),
            ("funding: [{ label: Tips }]", "did not match any variant"),
        ] {
            let got = serde_yaml_ng::from_str::<ShowLinks>(yaml);
            assert!(
                got.as_ref().is_err_and(|e| e.to_string().contains(error)),
                "{yaml}: {got:?}"
            );
        }
        for (json, error) in [
            (
                r#"{"subscribe": [["apple"]]}"#,
                "link 1: a link should be [words, address]",
            ),
            (
                r#"{"funding": [["x", 2]]}"#,
                "link 1: its address should be text",
            ),
        ] {
            let j = Json::parse(json).unwrap();
            let got = ShowLinks::from_json(&j.fields("the site").unwrap());
            assert!(
                got.as_ref().is_err_and(|e| e.contains(error)),
                "{json}: {got:?}"
            );
        }
    }
}

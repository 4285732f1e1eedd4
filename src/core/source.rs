//! Episodes' Markdown as the site publishes it, so that the browser can
//! render notes the build did not (a missing `notes/{slug}.html`) and an
//! author can preview a draft: `sources.json` says how the build read the
//! archive, and each published episode's file is copied to
//! `content/{path}`.
//!
//! The listing never reads this: it is fetched only by the Markdown
//! module (`src/bin/markdown.rs`).

pub use super::catalog::source_url;
use super::fields::Keys;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The file name of [`Sources`] inside the built site, beside the index.
pub const SOURCES_FILE: &str = "sources.json";

/// What reading an episode file needs besides its text, as the build had
/// it: the settings the index leaves out, the content folder's files, and
/// which file each published episode came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sources {
    /// The site's `assets_base` (see `Site`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets_base: Option<String>,
    /// The site's `audio_base`, or the generator's media prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_base: Option<String>,
    /// The site's `time_zone`, when it is a known IANA name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The TZif data of that zone and of any a published episode's date
    /// names (`[Asia/Tokyo]`), by the database's name (see
    /// `core::date::Zones`): the browser has no time zone database. Bytes as numbers, not base64, which
    /// would cost the Markdown module a decoder for a few KB of JSON.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub zones: BTreeMap<String, Vec<u8>>,
    /// The site's `fields:` setting (see `core::fields`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Keys>,
    /// Every file of the content folder, relative, `/`-separated.
    #[serde(default)]
    pub files: Vec<String>,
    /// Whether the site publishes its episodes' files (`content/{path}`):
    /// so in every file the build writes; not in the empty one the
    /// Markdown module reads for a site that publishes none.
    #[serde(default)]
    pub published: bool,
    /// Each published episode's `[slug, path]`, its path relative to the
    /// content folder.
    #[serde(default)]
    pub episodes: Vec<(String, String)>,
}

impl Sources {
    /// The path of the file the episode `slug` was read from.
    pub fn path(&self, slug: &str) -> Option<&str> {
        self.episodes
            .iter()
            .find(|(s, _)| s == slug)
            .map(|(_, path)| path.as_str())
    }

    /// Where a file an author names only by its name (`new.md`, a dropped
    /// file) sits in the content folder: where a published episode of
    /// that name is, else beside the newest episode (the last by name, as
    /// dated names sort), as a new one would. A `name` with a folder is
    /// kept as it is.
    pub fn place(&self, name: &str) -> String {
        if name.contains('/') {
            return name.to_string();
        }
        let same = self
            .episodes
            .iter()
            .find(|(_, path)| path.rsplit('/').next() == Some(name));
        let newest = self
            .episodes
            .iter()
            .map(|(_, path)| path)
            .max_by_key(|path| path.rsplit('/').next());
        let folder = newest
            .and_then(|path| path.rsplit_once('/'))
            .map(|(folder, _)| folder);
        match (same, folder) {
            (Some((_, path)), _) => path.clone(),
            (None, Some(folder)) => format!("{folder}/{name}"),
            (None, None) => name.to_string(),
        }
    }

    /// The slug the build gave the file at `path`, which may differ from
    /// the one its name gives (a second file with one slug gets `-2`).
    pub fn slug(&self, path: &str) -> Option<&str> {
        self.episodes
            .iter()
            .find(|(_, p)| p == path)
            .map(|(slug, _)| slug.as_str())
    }
}

/// A new episode's file, in YAML front matter with the keys this site
/// reads (its `fields:` setting, else the README's names): episode
/// `number`, dated `date` (`YYYY-MM-DD`), and a line of notes.
#[cfg(pipeline)]
pub fn template(sources: &Sources, number: i32, date: &str) -> String {
    use super::fields::{Field, FieldMap};
    let fields = FieldMap::from_settings(&sources.fields).unwrap_or_default();
    // The first key the site reads that is one plain YAML key.
    let key = |field: Field| {
        fields
            .keys(field)
            .iter()
            .find(|k| !k.contains('.'))
            .cloned()
    };
    let mut out = String::from("---\n");
    for (field, value) in [
        (Field::Title, format!("\"Episode {number}: \"")),
        (Field::Number, number.to_string()),
        (Field::Date, date.to_string()),
        (Field::Author, String::new()),
        (Field::Audio, format!("audio/episode-{number}.mp3")),
        (Field::Duration, "\"0:00\"".to_string()),
        (Field::Length, "0".to_string()),
    ] {
        if let Some(key) = key(field) {
            out.push_str(&format!("{key}: {value}\n"));
        }
    }
    out.push_str("---\nWhat this episode is about, in Markdown.\n");
    out
}

/// What the `repository` setting's `value` makes of an episode file's
/// address in the site's repository: the address that file's path,
/// relative to the content folder, is appended to, ending in `/`.
/// `folder` is where the content folder is in the repository's files
/// (`content/`, or empty at its root).
///
/// - `owner/name`, the form jekyll-github-metadata reads from
///   `_config.yml`, is that GitHub repository;
/// - a GitHub or GitLab project's own address
///   (`https://github.com/owner/name`, `.git` or not) is its default
///   branch's files (`…/blob/HEAD/{folder}`, `…/-/blob/HEAD/{folder}`);
/// - any other http(s) address is the content folder's own
///   (`https://git.example/show/src/branch/main/content/`).
///
/// # Errors
/// A value that is none of these, or has a query or fragment (which the
/// path would land in), in words for the settings' author.
pub fn repository_base(value: &str, folder: &str) -> Result<String, String> {
    let value = value.trim().trim_end_matches('/');
    if value.contains(['?', '#']) {
        return Err(format!(
            "`repository` {value:?} has a query or fragment: write the address each file's path follows"
        ));
    }
    let lower = value.to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| lower.starts_with(s));
    let Some(scheme) = scheme else {
        let mut parts = value.split('/');
        return match (parts.next(), parts.next(), parts.next()) {
            (Some(owner), Some(name), None)
                if [owner, name].iter().all(|p| {
                    !p.is_empty()
                        && p
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
                }) =>
            {
                let name = name.strip_suffix(".git").unwrap_or(name);
                Ok(format!("https://github.com/{owner}/{name}/blob/HEAD/{folder}"))
            }
            _ => Err(format!(
                "`repository` {value:?} is neither a web address nor owner/name: no episode links to its file there"
            )),
        };
    };
    let rest = &value[scheme.len()..];
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if host.is_empty() {
        return Err(format!("`repository` {value:?} names no host"));
    }
    let project = path.split('/').filter(|p| !p.is_empty()).count() == 2;
    let project_address = value.strip_suffix(".git").unwrap_or(value);
    Ok(match host.to_ascii_lowercase().as_str() {
        "github.com" | "www.github.com" if project => {
            format!("{project_address}/blob/HEAD/{folder}")
        }
        "gitlab.com" if project => format!("{project_address}/-/blob/HEAD/{folder}"),
        _ => format!("{value}/"),
    })
}

#[cfg(pipeline)]
pub use read::{render, Rendered};

#[cfg(pipeline)]
mod read;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_find_an_episodes_file_and_its_slug() {
        let sources = Sources {
            episodes: vec![
                ("one".into(), "_posts/2020-01-01-one.md".into()),
                ("one-2".into(), "_posts/2020-02-01-one.md".into()),
            ],
            ..Sources::default()
        };
        assert_eq!(sources.path("one-2"), Some("_posts/2020-02-01-one.md"));
        assert_eq!(sources.path("two"), None);
        assert_eq!(sources.slug("_posts/2020-02-01-one.md"), Some("one-2"));
        assert_eq!(sources.slug("x.md"), None);
    }

    #[test]
    fn can_place_a_file_named_only_by_its_name() {
        let sources = Sources {
            // In the indexer's order: by path, the oldest first.
            episodes: vec![
                ("a".into(), "_posts/2023/2023-01-01-a.md".into()),
                ("b".into(), "_posts/2024/2024-02-01-b.md".into()),
            ],
            ..Sources::default()
        };
        for (name, want) in [
            ("2023-01-01-a.md", "_posts/2023/2023-01-01-a.md"),
            ("2025-01-01-new.md", "_posts/2024/2025-01-01-new.md"),
            ("drafts/x.md", "drafts/x.md"),
        ] {
            assert_eq!(sources.place(name), want, "{name}");
        }
        assert_eq!(Sources::default().place("x.md"), "x.md");
    }

    #[test]
    #[cfg(pipeline)]
    fn can_write_a_template_with_the_sites_keys() {
        let plain = template(&Sources::default(), 13, "2026-12-01");
        assert!(
            plain.starts_with("---\ntitle: \"Episode 13: \"\nepisode: 13\ndate: 2026-12-01\n"),
            "{plain}"
        );
        assert!(plain.contains("\naudio: audio/episode-13.mp3\n"), "{plain}");
        assert!(plain.contains("\nmp3_length: 0\n"), "{plain}");
        let own = Sources {
            fields: [(
                "number".to_string(),
                Keys::Many(vec!["ep.n".into(), "numero".into()]),
            )]
            .into(),
            ..Sources::default()
        };
        let own = template(&own, 2, "2026-12-01");
        assert!(
            own.contains("\nnumero: 2\n") && !own.contains("episode:"),
            "{own}"
        );
    }

    #[test]
    #[cfg(pipeline)]
    fn can_read_the_template_back() {
        let site = crate::core::catalog::Site {
            title: "Show".into(),
            ..Default::default()
        };
        let text = template(&Sources::default(), 7, "2026-12-01");
        let r = render(
            "2026-12-01-episode-7.md",
            &text,
            &site,
            &Sources::default(),
            0,
        )
        .unwrap();
        assert_eq!(r.episode.number, Some(7));
        assert_eq!(
            r.episode.audio.as_deref(),
            Some("content/audio/episode-7.mp3")
        );
    }

    #[test]
    fn can_address_a_file_in_any_script() {
        assert_eq!(
            source_url("épisodes/2020-01-01 ça va.md"),
            "content/%C3%A9pisodes/2020-01-01%20%C3%A7a%20va.md"
        );
    }

    #[test]
    fn can_read_where_a_repository_keeps_the_files() {
        for (value, folder, want) in [
            ("you/show", "", "https://github.com/you/show/blob/HEAD/"),
            ("you/show.git", "", "https://github.com/you/show/blob/HEAD/"),
            (
                "https://github.com/you/show",
                "",
                "https://github.com/you/show/blob/HEAD/",
            ),
            (
                "https://github.com/you/show/",
                "",
                "https://github.com/you/show/blob/HEAD/",
            ),
            (
                "https://github.com/you/show.git",
                "",
                "https://github.com/you/show/blob/HEAD/",
            ),
            (
                "https://gitlab.com/you/show",
                "",
                "https://gitlab.com/you/show/-/blob/HEAD/",
            ),
            (
                "https://github.com/you/show/edit/main/site",
                "",
                "https://github.com/you/show/edit/main/site/",
            ),
            (
                "https://git.example/you/show/src/branch/main/",
                "",
                "https://git.example/you/show/src/branch/main/",
            ),
            (
                "https://git.example/you/show",
                "",
                "https://git.example/you/show/",
            ),
            // Where the content folder is in the repository counts for the
            // forms that name the repository, not the folder.
            (
                "you/show",
                "content/",
                "https://github.com/you/show/blob/HEAD/content/",
            ),
            (
                "https://gitlab.com/you/show",
                "content/",
                "https://gitlab.com/you/show/-/blob/HEAD/content/",
            ),
            (
                "https://git.example/show/content",
                "content/",
                "https://git.example/show/content/",
            ),
        ] {
            assert_eq!(
                repository_base(value, folder).as_deref(),
                Ok(want),
                "{value}"
            );
        }
    }

    #[test]
    fn errors_if_a_repository_is_no_address() {
        for value in [
            "show",
            "you/show/extra",
            "you/",
            "git@github.com:you/show.git",
            "https://",
            "you/sh ow",
            "https://git.example/show?ref=main",
            "https://git.example/show#readme",
        ] {
            let err = repository_base(value, "").unwrap_err();
            assert!(err.contains("`repository`"), "{value}: {err}");
        }
    }
}

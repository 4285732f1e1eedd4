//! One episode file read and rendered as the indexer reads and renders
//! it, for the Markdown module: the same [`parse`] and [`render_episode`]
//! over the settings and files of [`Sources`].

use super::Sources;
use crate::core::catalog::{EpisodeSummary, Site};
use crate::core::date::Zones;
use crate::core::episode::{parse, Context, Problem};
use crate::core::fields::FieldMap;
use crate::core::notes::{post_name, published_notes, render_episode, Archive, SourceLink};
use crate::core::order;
use std::collections::{HashMap, HashSet};

/// One file, read.
#[derive(Debug)]
pub struct Rendered {
    /// As the index would list it.
    pub episode: EpisodeSummary,
    /// Its notes, as `notes/{slug}.html` holds them (without the marker
    /// line).
    pub notes: String,
    /// What the build would warn of, at 1-based lines of the file; the
    /// episode is published all the same.
    pub warnings: Vec<Problem>,
    /// Left out of the site as it is written: `draft: true` or
    /// `published: false`.
    pub draft: bool,
    /// Left out until its date: dated after `now`.
    pub future: bool,
}

/// Reads the episode file `path` (relative to the content folder) whose
/// text is `text`, on the site `site` (the index's settings) built with
/// `sources`, at `now` (seconds since the Unix epoch).
///
/// # Errors
/// What keeps the build from publishing the file, each at its 1-based
/// line: a front matter that does not parse, a field of the wrong kind, a
/// missing title. Problems of the site's settings are at line 0.
pub fn render(
    path: &str,
    text: &str,
    site: &Site,
    sources: &Sources,
    now: i64,
) -> Result<Rendered, Vec<Problem>> {
    let fields =
        FieldMap::from_settings(&sources.fields).map_err(|reason| vec![Problem::new(0, reason)])?;
    let site = Site {
        assets_base: sources.assets_base.clone(),
        audio_base: sources.audio_base.clone(),
        time_zone: sources.time_zone.clone(),
        fields: sources.fields.clone(),
        ..site.clone()
    };
    let files: HashSet<String> = sources.files.iter().cloned().collect();
    let origin = site.assets_base.as_deref().or(site.url.as_deref());
    let zones = Zones::given(&sources.zones);
    let ctx = Context {
        site: &site,
        fields: &fields,
        audio_base: site.audio_base.as_deref(),
        origin,
        files: &files,
        time_zone: site.time_zone.as_deref(),
        zones: &zones,
    };
    let mut parsed = parse(path, text, &ctx)?;
    let mut episode = parsed.episode.clone();
    if let Some(slug) = sources.slug(path) {
        episode.slug = slug.to_string();
    }
    let mut posts: HashMap<String, String> = sources
        .episodes
        .iter()
        .map(|(slug, path)| (post_name(path), slug.clone()))
        .collect();
    posts.insert(post_name(path), episode.slug.clone());
    let archive = Archive {
        posts: &posts,
        files: &files,
        assets_base: site.assets_base.as_deref(),
        source: SourceLink::of(site.repository.as_deref(), sources.published),
        language: &site.language,
    };
    let rendered = render_episode(&parsed, &episode, path, &archive);
    let notes = published_notes(&rendered.notes.html, &rendered.source_link);
    if let Some(excerpt) = rendered.excerpt {
        episode.excerpt = excerpt;
    }
    let mut warnings = std::mem::take(&mut parsed.warnings);
    warnings.extend(
        rendered
            .notes
            .warnings
            .into_iter()
            .map(|w| Problem::new(w.line, w.message)),
    );
    order::sort_by_key(&mut warnings, |w| w.line);
    Ok(Rendered {
        future: episode.published().timestamp() > now,
        episode,
        notes,
        warnings,
        draft: parsed.draft,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::NOTES_MARKER;
    use crate::core::fields::Keys;

    /// 2026-12-01.
    const NOW: i64 = 1_796_083_200;

    fn site() -> Site {
        Site {
            title: "Show".into(),
            ..Site::default()
        }
    }

    #[test]
    fn can_render_a_file_as_the_build_does() {
        let sources = Sources {
            files: vec!["images/cover.png".into()],
            episodes: vec![("hello".into(), "2024-05-01-hello.md".into())],
            ..Sources::default()
        };
        let text = "---\ntitle: Hello\nepisode: 3\n---\nSee ![x](/images/cover.png) at 1:02.\n";
        let r = render("2024-05-01-hello.md", text, &site(), &sources, NOW).unwrap();
        assert_eq!(r.episode.title, "Hello");
        assert_eq!(r.episode.number, Some(3));
        assert!(
            r.notes.contains(r#"src="content/images/cover.png""#),
            "{}",
            r.notes
        );
        assert!(
            r.notes.contains(r#"href="episodes/hello?t=62""#),
            "{}",
            r.notes
        );
        assert!(!r.notes.starts_with(NOTES_MARKER));
        assert!(!r.draft && !r.future);
    }

    #[test]
    fn can_tell_what_the_build_leaves_out() {
        let read = |text: &str| render("x.md", text, &site(), &Sources::default(), NOW).unwrap();
        assert!(read("---\ntitle: X\ndate: 2026-11-30\ndraft: true\n---\n").draft);
        assert!(read("---\ntitle: X\ndate: 2027-01-01\n---\n").future);
        assert!(!read("---\ntitle: X\ndate: 2026-11-30\n---\n").future);
    }

    #[test]
    fn can_keep_the_slug_the_build_gave() {
        let sources = Sources {
            episodes: vec![("same-2".into(), "b/2024-05-02-same.md".into())],
            ..Sources::default()
        };
        let r = render(
            "b/2024-05-02-same.md",
            "---\ntitle: Same\n---\n",
            &site(),
            &sources,
            NOW,
        )
        .unwrap();
        assert_eq!(r.episode.slug, "same-2");
    }

    #[test]
    fn can_read_with_the_sites_own_keys() {
        let sources = Sources {
            fields: [("number".to_string(), Keys::One("ep".into()))].into(),
            ..Sources::default()
        };
        let r = render(
            "2024-05-01-x.md",
            "---\ntitle: X\nep: 9\n---\n",
            &site(),
            &sources,
            NOW,
        )
        .unwrap();
        assert_eq!(r.episode.number, Some(9));
    }

    #[test]
    fn errors_if_the_file_is_broken() {
        let cases: &[(&str, usize, &str)] = &[
            ("---\ntitle: [unclosed\n---\n", 2, "front matter"),
            ("---\nepisode: 3\n---\n", 2, "title"),
            ("---\ntitle: X\nepisode: three\n---\n", 3, "episode"),
        ];
        for &(text, line, word) in cases {
            let problems =
                render("2024-05-01-x.md", text, &site(), &Sources::default(), NOW).unwrap_err();
            assert!(
                problems
                    .iter()
                    .any(|p| p.line == line && p.reason.contains(word)),
                "{text:?}: {problems:?}"
            );
        }
    }

    #[test]
    fn errors_if_the_sites_keys_name_no_field() {
        let sources = Sources {
            fields: [("nombre".to_string(), Keys::One("n".into()))].into(),
            ..Sources::default()
        };
        let problems = render("x.md", "---\ntitle: X\n---\n", &site(), &sources, NOW).unwrap_err();
        assert_eq!(problems[0].line, 0);
    }

    #[test]
    fn can_warn_of_what_the_build_warns_of() {
        let text = "---\ntitle: X\nepisode: 1\naudio: audio/x.mp3\n---\n\n{% unknown_tag %}\n";
        let r = render("2024-05-01-x.md", text, &site(), &Sources::default(), NOW).unwrap();
        let lines: Vec<usize> = r.warnings.iter().map(|w| w.line).collect();
        assert!(lines.contains(&7), "{:?}", r.warnings);
        assert!(
            r.warnings.iter().any(|w| w.reason.contains("audio/x.mp3")),
            "{:?}",
            r.warnings
        );
    }
}

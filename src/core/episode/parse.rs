//! Reading one episode file, natively: front matter through the field map
//! into an [`EpisodeSummary`].

use super::{number_in_file_name, number_in_title, youtube_url, Problem};
use crate::core::catalog::{fill_template, EpisodeSummary, Site, CONTENT_DIR};
use crate::core::chapters::Chapter;
use crate::core::date::{Published, Zones};
use crate::core::fields::{self, Field, FieldMap, Reading};
use crate::core::frontmatter::{key_line, key_lines, parse_tree, split, Format};
use crate::core::json::Json;
use crate::core::markdown::excerpt;
use crate::core::order;
use crate::core::slug::{parse_file_name, strip_markdown_extension};
use crate::core::text::collapse_whitespace;
use crate::core::transcript::TranscriptLink;
use crate::core::url;
use std::collections::{BTreeMap, HashSet};

/// Longest title the listing accepts; longer ones are surely a mistake.
const MAX_TITLE_CHARS: usize = 500;
/// How many characters of the notes the listing shows.
/// Two lines of a listing card; the index must stay small.
pub const EXCERPT_CHARS: usize = 120;

/// What reading an episode needs besides its own text.
pub struct Context<'a> {
    pub site: &'a Site,
    pub fields: &'a FieldMap,
    /// What relative audio values are relative to: the site's
    /// `audio_base`, else the generator's media prefix.
    pub audio_base: Option<&'a str>,
    /// What root-relative addresses are relative to: `assets_base`, else
    /// the site's (or the old site's) address.
    pub origin: Option<&'a str>,
    /// Files of the content folder, relative, `/`-separated.
    pub files: &'a HashSet<String>,
    /// The zone of times written without an offset (`Europe/Paris`).
    pub time_zone: Option<&'a str>,
    /// Where that zone, and any a date names, are found.
    pub zones: &'a Zones,
}

/// One parsed file.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub episode: EpisodeSummary,
    pub body: &'a str,
    /// The file line where the body starts, for errors inside it.
    pub body_line: usize,
    /// Values that could not be used; the episode stands without them.
    pub warnings: Vec<Problem>,
    /// `draft: true` or `published: false`.
    pub draft: bool,
    /// The whole front matter, for `{{ page.key }}` in the notes.
    pub tree: Json,
    /// The key that fed each field found (`podcast_file`, or
    /// `title` for a number read from the title).
    pub sources: BTreeMap<Field, String>,
    /// Whether the notes' excerpt came from a description field rather
    /// than the notes themselves.
    pub described: bool,
}

impl Parsed<'_> {
    /// The IANA zone the episode's date names (`…T09:30[Asia/Tokyo]`),
    /// which the browser must be handed to read it (see `date::Zones`).
    pub fn annotated_zone(&self) -> Option<String> {
        let key = self.sources.get(&Field::Date)?;
        let value = fields::lookup(&self.tree, key).first().copied()?;
        crate::core::date::annotated_zone(&fields::text(value).ok()??)
    }
}

/// Reads the front matter of one file, collecting problems and warnings.
struct Reader<'a> {
    tree: &'a Json,
    text: &'a str,
    format: Format,
    first_line: usize,
    fields: &'a FieldMap,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
    sources: BTreeMap<Field, String>,
}

impl<'a> Reader<'a> {
    fn line(&self, key: &str) -> usize {
        key_line(self.text, self.format, key, self.first_line)
    }

    /// The first key of `field` that holds something, and its value. A
    /// mapping where a scalar is wanted (eleventy-plugin-podcaster's
    /// `episode: {…}` for the number) is passed over for the next key.
    fn find(&mut self, field: Field) -> Option<(String, &'a Json)> {
        let keys = self.fields.keys(field);
        for key in keys.iter().map(String::as_str) {
            // `episode: {episodeNumber: 3}` holds the number one level down,
            // under a key tried before this one.
            let container = keys.iter().any(|k| {
                k.len() > key.len() && k.starts_with(key) && k.as_bytes()[key.len()] == b'.'
            });
            let values = fields::lookup(self.tree, key);
            let Some(&value) = values.first() else {
                continue;
            };
            if values.len() > 1 {
                let lines = key_lines(self.text, self.format, key, self.first_line);
                self.problems.push(Problem::new(
                    lines.get(1).copied().unwrap_or(self.first_line),
                    format!("duplicate field `{key}`: it is written more than once"),
                ));
                return None;
            }
            if matches!(value, Json::Null) || (matches!(value, Json::Obj(_)) && container) {
                continue;
            }
            self.sources.insert(field, key.to_string());
            return Some((key.to_string(), value));
        }
        None
    }

    fn problem(&mut self, key: &str, reason: String) {
        let line = self.line(key);
        self.problems
            .push(Problem::new(line, format!("{key}: {reason}")));
    }

    fn warn(&mut self, key: &str, reason: String) {
        let line = self.line(key);
        self.warnings.push(Problem::new(line, reason));
    }

    /// A text field; a list or mapping is a problem.
    fn text(&mut self, field: Field) -> Option<String> {
        let (key, v) = self.find(field)?;
        fields::text(v)
            .map_err(|e| self.problem(&key, e))
            .ok()
            .flatten()
    }

    fn people(&mut self, field: Field) -> Vec<String> {
        let Some((key, v)) = self.find(field) else {
            return Vec::new();
        };
        fields::people(v)
            .map_err(|e| self.problem(&key, e))
            .unwrap_or_default()
    }
}

/// Parses one episode file. `path` is relative to the content folder,
/// with `/` separators; its last segment is the file name, which may give
/// the date (`2015-09-28-…`), the slug and the number (`ep6-…`).
pub fn parse<'a>(path: &str, src: &'a str, ctx: &Context) -> Result<Parsed<'a>, Vec<Problem>> {
    let post_dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    // A Hugo page bundle (`2021-06-08-ep-21/index.md`) is named by its folder.
    let file_name = match path.rsplit('/').next().unwrap_or(path) {
        name if strip_markdown_extension(name).eq_ignore_ascii_case("index")
            && !post_dir.is_empty() =>
        {
            post_dir.rsplit('/').next().unwrap_or(post_dir)
        }
        name => name,
    };
    let mut problems = Vec::new();

    let name = parse_file_name(file_name)
        .map_err(|e| problems.push(Problem::new(1, e.to_string())))
        .ok();
    let doc = split(src).map_err(|e| vec![Problem::new(e.line(), e.to_string())])?;
    let Some(header) = doc.front_matter else {
        let reason = if src.trim_start_matches('\u{feff}').trim().is_empty() {
            "the file is empty: an episode starts with front matter between `---` lines"
        } else if src.contains('\r') && !src.contains('\n') {
            // With classic Mac line endings the whole file is one line,
            // so its opening `---` is not seen as a fence.
            "no front matter: the lines end in CR only (classic Mac); save the file with LF or CRLF line endings"
        } else {
            "no front matter: the file must start with a `---` line (or `+++` for TOML, or a JSON object)"
        };
        problems.push(Problem::new(1, reason));
        return Err(problems);
    };
    let tree = parse_tree(header, doc.format, doc.front_matter_line).map_err(|p| {
        problems.push(p);
        std::mem::take(&mut problems)
    })?;
    let mut r = Reader {
        tree: &tree,
        text: header,
        format: doc.format,
        first_line: doc.front_matter_line,
        fields: ctx.fields,
        problems,
        warnings: Vec::new(),
        sources: BTreeMap::new(),
    };

    let title = r
        .text(Field::Title)
        .as_deref()
        .map(collapse_whitespace)
        .unwrap_or_default();
    if title.is_empty() && r.problems.is_empty() {
        r.problems
            .push(Problem::new(doc.front_matter_line, "missing `title`"));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        let line = r.line("title");
        r.problems.push(Problem::new(
            line,
            format!(
                "`title` is {} characters long; the limit is {MAX_TITLE_CHARS}",
                title.chars().count()
            ),
        ));
    }

    let stem = strip_markdown_extension(file_name);
    let after_date = name
        .as_ref()
        .filter(|n| n.date.is_some())
        .map_or(stem, |_| stem.get(11..).unwrap_or(""));
    let from_file =
        number_in_file_name(after_date).filter(|_| super::file_number_is_meant(after_date, &title));
    let number = match r.find(Field::Number) {
        Some((key, v)) => match fields::whole(v) {
            Ok(Some(n)) if i32::try_from(n).is_err() => {
                r.problems.push(Problem::new(
                    r.line(&key),
                    format!("`{key}` {n} is too large"),
                ));
                None
            }
            Ok(n) => n.map(|n| n as i32),
            Err(e) => {
                r.problem(&key, e);
                None
            }
        },
        None => {
            let found = number_in_title(&title)
                .map(|n| ("title", n))
                .or_else(|| from_file.map(|(_, n)| ("file name", n)));
            if let Some((source, _)) = found {
                r.sources.insert(Field::Number, source.to_string());
            }
            found.map(|(_, n)| n)
        }
    };
    let season = match r.find(Field::Season) {
        Some((key, v)) => match fields::whole(v) {
            Ok(Some(n)) if (0..=i64::from(u32::MAX)).contains(&n) => Some(n as u32),
            Ok(Some(n)) => {
                r.warn(
                    &key,
                    format!("`{key}` {n} is not a season number; the season is left out"),
                );
                None
            }
            Ok(None) => None,
            Err(e) => {
                r.warn(&key, format!("`{key}` {e}; the season is left out"));
                None
            }
        },
        None => from_file.and_then(|(season, _)| season),
    };

    let published = match r.find(Field::Date) {
        Some((key, v)) => match fields::text(v) {
            Ok(Some(d)) => Published::parse_in(&d, ctx.time_zone, ctx.zones).or_else(|| {
                r.problems.push(Problem::new(
                    r.line(&key),
                    format!("`{key}` {d:?} is not a date: write YYYY-MM-DD, with a time and an offset or zone if any (`2024-02-16 21:00:00 +01:00`, `… Europe/Paris`)"),
                ));
                None
            }),
            Ok(None) => None,
            Err(e) => {
                r.problem(&key, e);
                None
            }
        },
        None => name
            .as_ref()
            .and_then(|n| n.date)
            .map(Published::day)
            .or_else(|| {
                if name.is_some() {
                    r.problems.push(Problem::new(
                        1,
                        "no date: name the file YYYY-MM-DD-slug.md or set `date:`",
                    ));
                }
                None
            }),
    };

    let duration = match r.find(Field::Duration) {
        Some((key, v)) => match fields::duration(v) {
            Ok(Reading::Value(d)) => Some(d),
            Ok(Reading::Absent) => None,
            Ok(Reading::Doubtful(why)) => {
                r.warn(&key, format!("`{key}`: {why}"));
                None
            }
            Err(e) => {
                r.problems
                    .push(Problem::new(r.line(&key), format!("`{key}` {e}")));
                None
            }
        },
        None => None,
    };
    let size = match r.find(Field::Length) {
        Some((key, v)) => match fields::size(v) {
            Reading::Value(n) => Some(n),
            Reading::Absent => None,
            Reading::Doubtful(why) => {
                r.warn(&key, format!("`{key}`: {why}; the length is left out"));
                None
            }
        },
        None => None,
    };

    let mut chapters_url = r.text(Field::ChaptersUrl);
    let (chapters, hidden_chapters) = read_chapters(&mut r, duration, &mut chapters_url);

    let draft = match r.find(Field::Draft) {
        Some((key, v)) => {
            fields::boolean(v)
                .map_err(|e| r.warn(&key, format!("`{key}`: {e}")))
                .ok()
                .flatten()
                == Some(true)
        }
        None => false,
    } || fields::lookup(&tree, "published")
        .first()
        .and_then(|v| fields::boolean(v).ok().flatten())
        == Some(false);
    let explicit = match r.find(Field::Explicit) {
        Some((key, v)) => fields::boolean(v)
            .map_err(|e| r.warn(&key, format!("`{key}`: {e}")))
            .ok()
            .flatten(),
        None => None,
    };
    let episode_type = match r.find(Field::EpisodeType) {
        Some((key, v)) => match fields::text(v)
            .unwrap_or_else(|e| {
                r.warn(&key, format!("`{key}`: {e}; the episode is a full one"));
                None
            })
            .map(|t| t.to_ascii_lowercase())
        {
            Some(t) if t == "trailer" || t == "bonus" => Some(t),
            Some(t) if t == "full" => None,
            Some(t) => {
                r.warn(
                    &key,
                    format!("`{key}` {t:?} is not an episode type (full, trailer or bonus)"),
                );
                None
            }
            None => None,
        },
        None => None,
    };
    let mut team = r.people(Field::Hosts);
    let guests = r.people(Field::Guests);
    let author = r.people(Field::Author).join(", ");
    let guid = r.text(Field::Guid);
    let youtube = r.text(Field::Youtube).as_deref().and_then(youtube_url);
    let description = r.text(Field::Description);
    let image = match r.find(Field::Image) {
        // Hugo's `images = [...]`: the first is the episode's.
        Some((_, Json::Arr(items))) => items.iter().find_map(|i| fields::text(i).ok().flatten()),
        Some((key, v)) => fields::text(v).unwrap_or_else(|e| {
            r.warn(
                &key,
                format!("`{key}`: {e}; the episode has no image of its own"),
            );
            None
        }),
        None => None,
    }
    .map(|i| resolve_media(&i, ctx, post_dir, None));
    let transcripts = match r.find(Field::Transcript) {
        Some((key, v)) => fields::transcripts(v)
            .unwrap_or_else(|e| {
                r.warn(
                    &key,
                    format!("`{key}`: {e}; the episode is published without a transcript"),
                );
                Vec::new()
            })
            .into_iter()
            .map(|t| TranscriptLink {
                url: resolve_media(&t.url, ctx, post_dir, None),
                ..t
            })
            .collect(),
        None => Vec::new(),
    };
    let soundbites = match r.find(Field::Soundbites) {
        Some((key, v)) => fields::soundbites(v).unwrap_or_else(|e| {
            r.warn(
                &key,
                format!("`{key}`: {e}; the feed goes without the episode's soundbites"),
            );
            Vec::new()
        }),
        None => Vec::new(),
    };
    team.dedup();

    let (Some(name), Some(published), true) = (name, published, r.problems.is_empty()) else {
        return Err(r.problems);
    };
    let mut episode = EpisodeSummary {
        slug: name.slug,
        title,
        number,
        season,
        episode_type,
        date: published.date,
        time: published.time,
        // Without a description, the indexer takes the excerpt from the
        // notes once their templates are expanded.
        excerpt: description
            .as_deref()
            .map_or_else(String::new, |d| excerpt(d, EXCERPT_CHARS)),
        author: Some(author).filter(|a| !a.is_empty()),
        team,
        guests,
        audio: None,
        size,
        duration,
        youtube,
        chapters,
        chapters_url: chapters_url.map(|u| resolve_media(&u, ctx, post_dir, None)),
        hidden_chapters,
        image,
        guid,
        explicit,
        transcript: None,
        transcript_type: None,
        transcripts,
        soundbites,
    };
    let chosen = choose_audio(&mut r, ctx, post_dir);
    episode.size = episode
        .size
        .or(chosen.as_ref().and_then(|(_, length)| *length));
    episode.audio = chosen.map(|(address, _)| address).or_else(|| {
        let template = ctx.site.audio_url.as_deref()?;
        episode.number?;
        let filled = fill_template(template, &episode)?;
        r.sources.insert(Field::Audio, "audio_url template".into());
        Some(resolve_media(&filled, ctx, post_dir, ctx.audio_base))
    });
    let Reader {
        warnings, sources, ..
    } = r;
    Ok(Parsed {
        episode,
        body: doc.body,
        body_line: doc.body_line,
        warnings,
        draft,
        described: description.is_some(),
        sources,
        tree,
    })
}

/// Chapters from front matter, sorted; those marked `toc: false` apart.
/// A string where the list goes is a chapters file's address.
fn read_chapters(
    r: &mut Reader,
    duration: Option<u32>,
    chapters_url: &mut Option<String>,
) -> (Vec<Chapter>, Vec<Chapter>) {
    let (mut shown, mut hidden) = (Vec::new(), Vec::new());
    let Some((key, v)) = r.find(Field::Chapters) else {
        return (shown, hidden);
    };
    if let Json::Str(s) = v {
        if url::is_absolute(s) || s.ends_with(".json") {
            chapters_url.get_or_insert_with(|| s.trim().to_string());
            return (shown, hidden);
        }
    }
    let raw = match fields::chapters(v) {
        Ok(raw) => raw,
        Err(e) => {
            r.problem(&key, e);
            return (shown, hidden);
        }
    };
    for (i, c) in raw.into_iter().enumerate() {
        let start = match c.start {
            Ok(s) => s as u32,
            Err(written) => {
                r.problems.push(Problem::new(
                    r.line(&key),
                    format!(
                        "chapter {} has start {written}, which is not a time (expected 12:34, 1:02:03 or seconds)",
                        i + 1
                    ),
                ));
                continue;
            }
        };
        if duration.is_some_and(|d| start >= d) {
            let line = r.line(&key);
            r.warnings.push(Problem::new(
                line,
                format!(
                    "chapter {} starts at {start} s, past the episode's end; it is left out",
                    i + 1
                ),
            ));
            continue;
        }
        let title = c
            .title
            .as_deref()
            .map(collapse_whitespace)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| format!("Chapter {}", i + 1));
        let chapter = Chapter(start, title);
        if c.hidden {
            hidden.push(chapter);
        } else {
            shown.push(chapter);
        }
    }
    order::sort_by_key(&mut shown, Chapter::start);
    order::sort_by_key(&mut hidden, Chapter::start);
    (shown, hidden)
}

/// The episode's audio, resolved: among the keys of the audio field, the
/// first present when the site maps the field, else the best-played
/// format (MP3 first, see [`url::audio_rank`]); failing those, any
/// absolute URL in the front matter that names an audio file.
fn choose_audio(r: &mut Reader, ctx: &Context, post_dir: &str) -> Option<(String, Option<u64>)> {
    let keys = ctx.fields.keys(Field::Audio);
    let mut candidates: Vec<(usize, usize, String, String)> = Vec::new();
    for (order, key) in keys.iter().enumerate() {
        for v in fields::lookup(r.tree, key) {
            // `audio: [a.mp3, a.ogg]` and `audio: {mp3: a.mp3, ogg: a.ogg}`
            // offer each; of another mapping (`{url, length, type}`), only
            // what names an audio file.
            let values = match v {
                Json::Arr(items) => items.iter().collect(),
                Json::Obj(entries) => entries
                    .iter()
                    .filter(|(key, v)| {
                        url::is_audio_extension(key)
                            || fields::text(v)
                                .ok()
                                .flatten()
                                .is_some_and(|t| url::audio_rank(&t).is_some())
                    })
                    .map(|(_, v)| v)
                    .collect(),
                v => vec![v],
            };
            for value in values
                .into_iter()
                .filter_map(|v| fields::text(v).ok().flatten())
            {
                let rank = url::audio_rank(fields::enclosure_lines(&value).0).unwrap_or(usize::MAX);
                candidates.push((rank, order, key.to_string(), value));
            }
        }
        if !candidates.is_empty() && ctx.fields.is_mapped(Field::Audio) {
            break;
        }
    }
    if candidates.is_empty() {
        if let Json::Obj(entries) = r.tree {
            for (key, v) in entries {
                if let Json::Str(s) = v {
                    let s = s.trim();
                    if let (true, Some(rank)) = (url::is_absolute(s), url::audio_rank(s)) {
                        candidates.push((rank, 0, key.clone(), s.to_string()));
                    }
                }
            }
        }
    }
    let (_, _, key, value) = candidates.into_iter().min()?;
    r.sources.insert(Field::Audio, key);
    let (address, length) = fields::enclosure_lines(&value);
    Some((
        resolve_media(address, ctx, post_dir, ctx.audio_base),
        length,
    ))
}

/// Where a media address written in front matter points, encoded once:
/// - absolute: as it is; `//host/x`: over HTTPS;
/// - relative, with a `base` (the audio's): under that folder;
/// - a file of the content folder (beside the post, or from its root):
///   that file, published with the site;
/// - root-relative, or relative with no such file: under the site's
///   origin when it is known, else left for the content folder.
pub fn resolve_media(value: &str, ctx: &Context, post_dir: &str, base: Option<&str>) -> String {
    let value = value.trim();
    if url::is_absolute(value) {
        return url::encode(&url::join("https://", value));
    }
    let rooted = value.starts_with('/');
    if let (Some(base), false) = (base, rooted) {
        let joined = url::join(&url::as_folder(base), value);
        // A base on the site itself (`media_prefix: /audio/`) gives a
        // root-relative address, resolved like any other.
        return if url::is_absolute(&joined) {
            url::encode(&joined)
        } else {
            resolve_media(&joined, ctx, post_dir, None)
        };
    }
    let plain = url::percent_decode(value).unwrap_or_else(|| value.to_string());
    let plain = plain.trim_start_matches("./");
    let beside = if post_dir.is_empty() || rooted {
        None
    } else {
        Some(format!("{post_dir}/{plain}"))
    };
    let from_root = plain.trim_start_matches('/').to_string();
    for file in beside.into_iter().chain([from_root.clone()]) {
        if ctx.files.contains(&file) {
            return format!("{CONTENT_DIR}/{}", url::encode_path(&file));
        }
    }
    match ctx.origin {
        Some(origin) => url::encode(&url::join(
            &url::as_folder(origin),
            &format!("/{from_root}"),
        )),
        None if rooted => url::encode(value),
        None => format!("{CONTENT_DIR}/{}", url::encode_path(&from_root)),
    }
}

/// Parses site settings from `site.yaml`.
pub fn parse_site(src: &str) -> Result<Site, Problem> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let site = serde_yaml_ng::from_str::<Site>(src).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line());
        Problem::new(line, format!("invalid site settings: {e}"))
    })?;
    FieldMap::from_settings(&site.fields).map_err(|e| {
        let line = src
            .lines()
            .position(|l| l.starts_with("fields"))
            .map_or(1, |i| i + 1);
        Problem::new(line, e)
    })?;
    Ok(site)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str, src: &str, site: &Site) -> Result<Parsed<'static>, Vec<Problem>> {
        let src: &'static str = Box::leak(src.to_string().into_boxed_str());
        let files: &'static HashSet<String> = Box::leak(Box::new(
            ["audio/ep7.mp3".to_string()].into_iter().collect(),
        ));
        let fields: &'static FieldMap =
            Box::leak(Box::new(FieldMap::from_settings(&site.fields).unwrap()));
        let origin = site.url.clone();
        let ctx = Context {
            site,
            fields,
            audio_base: site.audio_base.as_deref(),
            origin: origin.as_deref(),
            files,
            time_zone: site.time_zone.as_deref(),
            zones: Box::leak(Box::default()),
        };
        parse(path, src, &ctx)
    }

    fn site() -> Site {
        Site {
            title: "Test".into(),
            url: Some("https://show.example/".into()),
            ..Site::default()
        }
    }

    #[test]
    fn can_read_front_matter_in_yaml_toml_and_json() {
        let cases: &[(&str, &str)] = &[
            ("yaml", "---\ntitle: A\nepisode: 12\ndate: 2021-03-04\n---\nNotes."),
            ("toml", "+++\ntitle = \"A\"\nEpisode = \"012\"\nDate = 2021-03-04T10:00:00-06:00\n+++\nNotes."),
            ("json", "{\n  \"title\": \"A\",\n  \"episode\": 12,\n  \"date\": \"2021-03-04\"\n}\nNotes."),
        ];
        for (name, src) in cases {
            let p = read("a.md", src, &site()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(
                (p.episode.title.as_str(), p.episode.number),
                ("A", Some(12)),
                "{name}"
            );
            assert_eq!(p.episode.date.to_string(), "2021-03-04", "{name}");
            assert_eq!(p.body.trim(), "Notes.", "{name}");
        }
    }

    #[test]
    fn can_read_each_generators_keys_without_a_mapping() {
        type Check = fn(&EpisodeSummary) -> bool;
        let castanet = Site {
            audio_base: Some("https://media.example/show/".into()),
            ..site()
        };
        let cases: &[(&str, &str, &Site, Check)] = &[
            ("castanet", "+++\ntitle = \"A\"\nDate = 2015-10-30T21:24:02-06:00\npodcast_file = \"ep 46.mp3\"\npodcast_bytes = \"1234\"\npodcast_duration = \"1:02:03\"\nepisode = \"46\"\n+++\n", &castanet, |e| {
                e.audio.as_deref() == Some("https://media.example/show/ep%2046.mp3") && e.size == Some(1234) && e.duration == Some(3723) && e.number == Some(46)
            }),
            ("astro", "---\ntitle: '#45 Daten'\npubDate: 2022-11-15 05:00:00+00:00\naudio: https://a.example/45.mp3\n---\n", &site(), |e| {
                e.number == Some(45) && e.date.to_string() == "2022-11-15" && e.audio.as_deref() == Some("https://a.example/45.mp3")
            }),
            ("podcaster", "---\ntitle: A\nepisode:\n  episodeNumber: 3\n  seasonNumber: 2\n  size: 99\n  filename: S2E3.mp3\n---\n", &castanet, |e| {
                e.number == Some(3) && e.season == Some(2) && e.size == Some(99) && e.audio.as_deref() == Some("https://media.example/show/S2E3.mp3")
            }),
            ("mp3 preferred", "---\ntitle: A\npodcast_link_ogg: https://m.example/a.ogg\nogg: https://m.example/a.ogg\naudio: https://m.example/a.ogg\nmp3: https://m.example/a.mp3\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("https://m.example/a.mp3")
            }),
            ("any audio URL", "---\ntitle: A\nweird_key: https://m.example/x.m4a\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("https://m.example/x.m4a")
            }),
            ("root-relative audio", "---\ntitle: A\naudio: /audio/ep12.mp3\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("https://show.example/audio/ep12.mp3")
            }),
            ("site-relative audio base", "---\ntitle: A\npodcast_file: ep 9.mp3\n---\n", &Site { audio_base: Some("/audio/".into()), ..site() }, |e| {
                e.audio.as_deref() == Some("https://show.example/audio/ep%209.mp3")
            }),
            ("content-folder audio", "---\ntitle: A\naudio: audio/ep7.mp3\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("content/audio/ep7.mp3")
            }),
            ("hugo params", "---\ntitle: A\nparams:\n  episode: 8\n  audio_file: https://m.example/a.mp3\n  filesize: 123\n---\n", &site(), |e| {
                e.number == Some(8) && e.audio.as_deref() == Some("https://m.example/a.mp3") && e.size == Some(123)
            }),
            ("zola extra", "+++\ntitle = \"A\"\ndate = 2023-04-05T10:00:00+02:00\n[extra]\nepisode = 1\naudio = \"https://m.example/z.mp3\"\nduration = \"21:05\"\n+++\n", &site(), |e| {
                e.number == Some(1) && e.audio.as_deref() == Some("https://m.example/z.mp3") && e.duration == Some(1265)
            }),
            ("top level before a table", "---\ntitle: A\nepisode: 2\npodcast:\n  episode: 9\n---\n", &site(), |e| e.number == Some(2)),
            ("octopod formats", "---\ntitle: A\naudio:\n  ogg: https://m.example/a.ogg\n  mp3: https://m.example/a.mp3\npodcast_file_size: 99\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("https://m.example/a.mp3") && e.size == Some(99)
            }),
            ("octopod mp3", "---\ntitle: A\npodcast_mp3: https://m.example/o.mp3\n---\n", &site(), |e| e.audio.as_deref() == Some("https://m.example/o.mp3")),
            ("not a mapping of formats", "---\ntitle: A\naudio: {url: https://host.example/play/123, length: 1234, type: audio/mpeg}\n---\n", &site(), |e| e.audio.is_none()),
            ("formats without extensions", "---\ntitle: A\naudio: {ogg: https://h.example/o, mp3: https://h.example/m}\n---\n", &site(), |e| e.audio.as_deref() == Some("https://h.example/o") || e.audio.as_deref() == Some("https://h.example/m")),
            ("wordpress enclosure", "---\ntitle: A\nenclosure: \"https://m.example/w.mp3\\n38111222\\naudio/mpeg\\n\"\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("https://m.example/w.mp3") && e.size == Some(38111222)
            }),
            ("wordpress meta", "---\ntitle: A\nmeta:\n  enclosure: \"https://m.example/w.mp3\\n5\\naudio/mpeg\\n\"\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("https://m.example/w.mp3") && e.size == Some(5)
            }),
            ("a stated length wins", "---\ntitle: A\nlength: 7\nenclosure: \"https://m.example/w.mp3\\n5\\naudio/mpeg\\n\"\n---\n", &site(), |e| e.size == Some(7)),
            ("negative number", "---\ntitle: '#-1 Rückblick'\nepisode: -1\n---\n", &site(), |e| e.number == Some(-1)),
            ("number from title", "---\ntitle: 'EP042 Packaging'\n---\n", &site(), |e| e.number == Some(42)),
            ("no number in C#7", "---\ntitle: 'C#7 features'\n---\n", &site(), |e| e.number.is_none()),
            ("no number in a year", "---\ntitle: 'Episode 2020 recap'\n---\n", &site(), |e| e.number.is_none()),
            ("audio list", "---\ntitle: A\naudio: [https://m.example/a.ogg, https://m.example/a.mp3]\n---\n", &site(), |e| {
                e.audio.as_deref() == Some("https://m.example/a.mp3")
            }),
            ("hugo images list", "---\ntitle: A\nimages: [https://i.example/a.png, https://i.example/b.png]\n---\n", &site(), |e| {
                e.image.as_deref() == Some("https://i.example/a.png")
            }),
            ("papermod cover", "---\ntitle: A\ncover:\n  image: https://i.example/c.png\n  alt: x\n---\n", &site(), |e| {
                e.image.as_deref() == Some("https://i.example/c.png")
            }),
            ("trailer and guid", "---\ntitle: A\nepisode_type: Trailer\nguid: abc-123\nexplicit: 'yes'\nseason: 2\n---\n", &site(), |e| {
                e.episode_type.as_deref() == Some("trailer") && e.guid.as_deref() == Some("abc-123") && e.explicit == Some(true) && e.season == Some(2)
            }),
        ];
        for (name, src, site, check) in cases {
            let p = read("2020-01-01-a.md", src, site).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(check(&p.episode), "{name}: {:?}", p.episode);
        }
    }

    #[test]
    fn can_map_fields_from_the_site_settings() {
        let mut s = site();
        s.fields.insert(
            "number".into(),
            crate::core::fields::Keys::One("podcast_episode_number".into()),
        );
        s.fields.insert(
            "audio".into(),
            crate::core::fields::Keys::Many(vec!["audiofile".into(), "other".into()]),
        );
        s.audio_url = Some("https://cdn.example/{episode}-{title}.mp3".into());
        let p = read(
            "2020-01-01-a.md",
            "---\ntitle: Café talk\npodcast_episode_number: 9\n---\n",
            &s,
        )
        .unwrap();
        assert_eq!(p.episode.number, Some(9));
        assert_eq!(
            p.episode.audio.as_deref(),
            Some("https://cdn.example/9-Caf%C3%A9%20talk.mp3")
        );
        let p = read("2020-01-01-a.md", "---\ntitle: A\npodcast_episode_number: 9\naudiofile: https://m.example/a.ogg\nmp3: https://m.example/a.mp3\n---\n", &s).unwrap();
        assert_eq!(
            p.episode.audio.as_deref(),
            Some("https://m.example/a.ogg"),
            "the mapped key wins"
        );
    }

    #[test]
    fn can_leave_doubtful_values_out_with_a_warning() {
        let p = read(
            "2020-01-01-a.md",
            "---\ntitle: A\nepisode: 3\naudio: https://m.example/a.mp3\nmp3_length: '54:21'\nduration: '26117005'\n---\n",
            &site(),
        )
        .unwrap();
        assert_eq!((p.episode.size, p.episode.duration), (None, None));
        let lines: Vec<usize> = p.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [6, 5], "{:?}", p.warnings);
    }

    #[test]
    fn can_tell_drafts() {
        for (src, draft) in [
            ("---\ntitle: A\ndraft: true\n---\n", true),
            ("---\ntitle: A\npublished: false\n---\n", true),
            ("---\ntitle: A\ndraft: false\n---\n", false),
        ] {
            assert_eq!(
                read("2020-01-01-a.md", src, &site()).unwrap().draft,
                draft,
                "{src}"
            );
        }
    }

    #[test]
    fn can_keep_chapters_sorted_and_drop_those_past_the_end() {
        let p = read(
            "2020-01-01-a.md",
            "---\ntitle: A\nduration: '10:00'\nchapters:\n  - '00:05:00.000 Two'\n  - '00:00:00.000 One'\n  - '00:20:00.000 Past'\n  - {start: 60, title: Ad, toc: false}\n---\n",
            &site(),
        )
        .unwrap();
        let starts: Vec<u32> = p.episode.chapters.iter().map(Chapter::start).collect();
        assert_eq!(starts, [0, 300]);
        assert_eq!(p.episode.hidden_chapters.len(), 1);
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    }

    #[test]
    fn errors_if_the_file_is_broken() {
        let cases: &[(&str, &str, usize, &str)] = &[
            (
                "2020-01-01-a.md",
                "---\ntitle: A\nbody\n",
                1,
                "never closed",
            ),
            ("2020-01-01-a.md", "+++\ntitle = 'A'\n", 1, "`+++`"),
            ("2020-01-01-a.md", "+++\ntitle = \n+++\n", 2, "invalid TOML"),
            (
                "2020-01-01-a.md",
                "{\n\"title\": \"A\",\n}\n",
                3,
                "invalid JSON",
            ),
            (
                "2020-01-01-a.md",
                "---\nepisode: 3\n---\n",
                2,
                "missing `title`",
            ),
            (
                "2020-01-01-a.md",
                "---\ntitle: A\nepisode: twelve\n---\n",
                3,
                "whole number",
            ),
            (
                "2020-01-01-a.md",
                "---\ntitle: A\nTitle: B\n---\n",
                3,
                "duplicate field",
            ),
            (
                "2020-01-01-a.md",
                "---\ntitle: A\ndate: 2020-13-45\n---\n",
                3,
                "not a date",
            ),
            ("a.md", "---\ntitle: A\n---\n", 1, "no date"),
            (
                "2020-01-01-a.md",
                "---\ntitle: A\nduration: soon\n---\n",
                3,
                "not a duration",
            ),
        ];
        for (path, src, line, reason) in cases {
            let got = read(path, src, &site()).unwrap_err();
            assert!(
                got.iter()
                    .any(|p| p.line == *line && p.reason.contains(reason)),
                "{src:?}: want line {line} ~ {reason:?}, got {got:?}"
            );
        }
    }
}

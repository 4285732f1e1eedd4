//! Which front-matter key holds what, and how each value is read.
//!
//! Every generator names things its own way: Jekyll's `mp3_length`, Hugo
//! castanet's `podcast_file` and `podcast_bytes`, Astro's `pubDate`,
//! eleventy-plugin-podcaster's `episode: {episodeNumber, size}`. A
//! [`FieldMap`] lists, for each [`Field`], the keys to try in order; the
//! defaults cover the common conventions and `fields:` in the site
//! settings replaces them for one field. Keys match case-insensitively
//! (`Date` is `date`, as Hugo reads them), and a dotted key reaches into a
//! mapping (`episode.size`).
//!
//! The readers turn a value into what the author meant: `'012'` is 12,
//! `1870.08` seconds is 31:10, `"32.4 MB"` is not a byte count. What they
//! cannot read they describe, for a problem or warning at the key's line.

use super::json::Json;
use super::transcript::TranscriptLink;
use std::collections::BTreeMap;

/// What the viewer reads from front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    Number,
    Season,
    Date,
    Audio,
    Length,
    Duration,
    Hosts,
    Guests,
    Author,
    Chapters,
    ChaptersUrl,
    Image,
    Guid,
    Transcript,
    Soundbites,
    EpisodeType,
    Explicit,
    Draft,
    Youtube,
    Description,
}

impl Field {
    /// Every field, in the order `--check` reports them.
    pub const ALL: [Field; 21] = [
        Field::Title,
        Field::Number,
        Field::Season,
        Field::Date,
        Field::Audio,
        Field::Length,
        Field::Duration,
        Field::Hosts,
        Field::Guests,
        Field::Author,
        Field::Chapters,
        Field::ChaptersUrl,
        Field::Image,
        Field::Guid,
        Field::Transcript,
        Field::Soundbites,
        Field::EpisodeType,
        Field::Explicit,
        Field::Draft,
        Field::Youtube,
        Field::Description,
    ];

    /// The field's name under `fields:` in the site settings.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Number => "number",
            Field::Season => "season",
            Field::Date => "date",
            Field::Audio => "audio",
            Field::Length => "length",
            Field::Duration => "duration",
            Field::Hosts => "hosts",
            Field::Guests => "guests",
            Field::Author => "author",
            Field::Chapters => "chapters",
            Field::ChaptersUrl => "chapters_url",
            Field::Image => "image",
            Field::Guid => "guid",
            Field::Transcript => "transcript",
            Field::Soundbites => "soundbites",
            Field::EpisodeType => "episode_type",
            Field::Explicit => "explicit",
            Field::Draft => "draft",
            Field::Youtube => "youtube",
            Field::Description => "description",
        }
    }

    /// The keys generators use for the field, the most specific first.
    /// Where a generator nests them (eleventy-plugin-podcaster's
    /// `episode: {episodeNumber, size, …}`) the dotted key comes before
    /// the plain one, which then holds a mapping and is skipped.
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Field::Title => &["title"],
            Field::Number => &[
                "episode.episodeNumber",
                "episode",
                "number",
                "episode_number",
                "episodeNumber",
                "podcast_episode_number",
                "itunes_episode",
            ],
            Field::Season => &[
                "episode.seasonNumber",
                "season",
                "season_number",
                "seasonNumber",
                "podcast_season_number",
                "itunes_season",
            ],
            Field::Date => &[
                "date",
                "pubDate",
                "pub_date",
                "publishDate",
                "publish_date",
                "published_at",
                "datePublished",
                "release_date",
            ],
            Field::Audio => &[
                "episode.url",
                "episode.filename",
                // jekyll-octopod's `audio: {mp3: …, m4a: …}` offers each.
                "audio",
                "mp3",
                "enclosure.url",
                "enclosure",
                "podcast_file",
                "audio_file",
                "audiofile",
                "audio_url",
                "mp3_url",
                "podcast_mp3",
                "podcast_link",
                "file",
                "media",
            ],
            Field::Length => &[
                "episode.size",
                "mp3_length",
                "enclosure_length",
                "enclosure.length",
                "podcast_bytes",
                "podcast_file_size",
                "audio_size",
                "file_size",
                "filesize",
                "length",
                "size",
                "bytes",
            ],
            Field::Duration => &[
                "episode.duration",
                "duration",
                "podcast_duration",
                "itunes_duration",
                "audio_duration",
                "runtime",
            ],
            Field::Hosts => &["team", "hosts", "host"],
            Field::Guests => &["guest", "guests"],
            Field::Author => &["author"],
            Field::Chapters => &["chapters", "chapter"],
            Field::ChaptersUrl => &["chapters_url", "chaptersUrl", "chapters_file"],
            Field::Image => &[
                "episode_image",
                "image",
                "cover.image",
                "cover",
                "cover_image",
                "artwork",
                "itunes_image",
                "thumbnail",
                "images",
            ],
            Field::Guid => &["guid", "episode.guid"],
            Field::Transcript => &["transcript", "transcripts", "transcript_url"],
            Field::Soundbites => &["soundbites", "soundbite"],
            Field::EpisodeType => &[
                "episode.type",
                "episode_type",
                "episodeType",
                "itunes_episode_type",
                "itunes_episodetype",
            ],
            Field::Explicit => &["episode.explicit", "explicit", "itunes_explicit"],
            Field::Draft => &["draft"],
            Field::Youtube => &["youtube", "youtube_url", "youtube_id"],
            Field::Description => &["description", "summary", "subtitle", "excerpt"],
        }
    }

    fn by_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// One key or a list of keys, as `fields:` entries are written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Keys {
    One(String),
    Many(Vec<String>),
}

/// The keys to try for each field: the defaults, with the site's
/// `fields:` entries in place of a field's defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldMap {
    overrides: BTreeMap<Field, Vec<String>>,
}

impl FieldMap {
    /// Reads the `fields:` setting. An unknown field name is an error that
    /// names the known ones: a typo would otherwise be silently ignored.
    pub fn from_settings(settings: &BTreeMap<String, Keys>) -> Result<FieldMap, String> {
        let mut overrides = BTreeMap::new();
        for (name, keys) in settings {
            let field = Field::by_name(name.trim()).ok_or_else(|| {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "fields: `{name}` is not a field the viewer reads (known: {})",
                    known.join(", ")
                )
            })?;
            let keys = match keys {
                Keys::One(k) => vec![k.trim().to_string()],
                Keys::Many(ks) => ks.iter().map(|k| k.trim().to_string()).collect(),
            };
            overrides.insert(field, keys);
        }
        Ok(FieldMap { overrides })
    }

    /// The keys tried for `field`, in order. The site's own list is taken
    /// as it is; the default one is tried at the top of the front matter,
    /// then again inside each of [`CONTAINERS`].
    pub fn keys(&self, field: Field) -> &[String] {
        // Made once: every episode asks for every field.
        static DEFAULTS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
        match self.overrides.get(&field) {
            Some(keys) => keys,
            None => {
                let defaults = DEFAULTS.get_or_init(|| {
                    Field::ALL
                        .iter()
                        .map(|f| {
                            let plain = f.default_keys();
                            let nested = CONTAINERS
                                .iter()
                                .flat_map(|c| plain.iter().map(move |k| format!("{c}.{k}")));
                            plain.iter().map(|k| k.to_string()).chain(nested).collect()
                        })
                        .collect()
                });
                let at = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
                &defaults[at]
            }
        }
    }

    /// Whether the site's settings name the keys of `field`.
    pub fn is_mapped(&self, field: Field) -> bool {
        self.overrides.contains_key(&field)
    }
}

/// The tables where generators have authors keep keys of their own, where
/// the default keys are looked for after the top level: Hugo's `params`
/// (where [Hugo wants custom front matter](https://gohugo.io/content-management/front-matter/#parameters)),
/// Zola's `extra` ([its page front matter](https://www.getzola.org/documentation/content/page/#front-matter)),
/// a `podcast` table, and the `meta` jekyll-import gives a WordPress
/// post's custom fields under.
pub const CONTAINERS: [&str; 4] = ["params", "extra", "podcast", "meta"];

/// WordPress keeps an episode's enclosure as the RSS element's parts, a
/// line each (`url\nlength\ntype\n`, its `enclosure` custom field, which
/// jekyll-import copies): the URL, and the length in bytes when the second
/// line is one, read as [`size`] reads one (0 is WordPress's unknown). A
/// one-line value is all URL.
pub fn enclosure_lines(value: &str) -> (&str, Option<u64>) {
    let mut lines = value.lines().map(str::trim).filter(|l| !l.is_empty());
    let url = lines.next().unwrap_or("");
    let length = lines
        .next()
        .and_then(|l| match size(&Json::Str(l.to_string())) {
            Reading::Value(n) if n > 0 => Some(n),
            _ => None,
        });
    (url, length)
}

/// The values under `key` in a front-matter tree: a dotted key reaches
/// into mappings; keys match case-insensitively. More than one value means
/// the key is repeated.
pub fn lookup<'a>(tree: &'a Json, key: &str) -> Vec<&'a Json> {
    let mut found = vec![tree];
    for part in key.split('.') {
        found = found
            .into_iter()
            .flat_map(|v| match v {
                Json::Obj(fields) => fields
                    .iter()
                    .filter(|(k, _)| k.eq_ignore_ascii_case(part))
                    .map(|(_, v)| v)
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
    }
    found
}

/// What a value is, for messages.
pub fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "nothing",
        Json::Bool(_) => "true or false",
        Json::Num(_) => "a number",
        Json::Str(_) => "text",
        Json::Arr(_) => "a list",
        Json::Obj(_) => "a mapping",
    }
}

/// A number as an author wrote it: `2012`, not `2012.0`.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// Any scalar as text (`title: 2012` is a title too); `None` for nothing
/// or blank text.
pub fn text(v: &Json) -> Result<Option<String>, String> {
    let s = match v {
        Json::Null => return Ok(None),
        Json::Str(s) => s.trim().to_string(),
        Json::Num(n) => number_text(*n),
        Json::Bool(b) => b.to_string(),
        other => return Err(format!("expected text, found {}", kind(other))),
    };
    Ok((!s.is_empty()).then_some(s))
}

/// A whole number, also when quoted and zero-padded (`'012'` is 12, never
/// octal); negative numbers too (`#-1`, a prequel episode).
pub fn whole(v: &Json) -> Result<Option<i64>, String> {
    match v {
        Json::Null => Ok(None),
        Json::Num(n) if n.fract() == 0.0 && n.abs() < 9e15 => Ok(Some(*n as i64)),
        Json::Num(n) => Err(format!("expected a whole number, got {}", number_text(*n))),
        Json::Str(s) if s.trim().is_empty() => Ok(None),
        Json::Str(s) => {
            let t = s.trim();
            let (sign, digits) = match t.strip_prefix('-') {
                Some(d) => (-1, d),
                None => (1, t.strip_prefix('+').unwrap_or(t)),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("expected a whole number, got {s:?}"));
            }
            let digits = digits.trim_start_matches('0');
            if digits.len() > 15 {
                return Err(format!("{t} is too large"));
            }
            Ok(Some(sign * digits.parse::<i64>().unwrap_or(0)))
        }
        other => Err(format!("expected a whole number, found {}", kind(other))),
    }
}

/// True or false: `true`/`false`, `yes`/`no` (iTunes' `explicit`), `1`/`0`,
/// and `clean` (iTunes' word for not explicit).
pub fn boolean(v: &Json) -> Result<Option<bool>, String> {
    match v {
        Json::Null => Ok(None),
        Json::Bool(b) => Ok(Some(*b)),
        Json::Num(n) => Ok(Some(*n != 0.0)),
        Json::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "yes" | "y" | "on" | "1" | "explicit" => Ok(Some(true)),
            "false" | "no" | "n" | "off" | "0" | "clean" => Ok(Some(false)),
            _ => Err(format!("expected true or false, got {s:?}")),
        },
        other => Err(format!("expected true or false, found {}", kind(other))),
    }
}

/// The longest duration read as an episode's length: past this, a number
/// is surely something else (a file size typed into the wrong field).
pub const MAX_DURATION_SECONDS: u32 = 48 * 3600;

/// How a size or duration value reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading<T> {
    Absent,
    Value(T),
    /// Not what the field holds; the message says what it looks like.
    Doubtful(String),
}

/// A duration in whole seconds: seconds as a number or text (`1870.08`
/// rounds to 1870), `mm:ss`, `h:mm:ss`, `hh:mm:ss.mmm`, `3723s`, or ISO
/// 8601 (`PT1H2M3S`). `Err` when it is no duration at all.
pub fn duration(v: &Json) -> Result<Reading<u32>, String> {
    let seconds = match v {
        Json::Null => return Ok(Reading::Absent),
        Json::Num(n) if *n >= 0.0 && n.is_finite() => n.round(),
        Json::Str(s) if s.trim().is_empty() => return Ok(Reading::Absent),
        Json::Str(s) => match seconds_in(s) {
            Some(n) => n.round(),
            None => {
                return Err(format!(
                    "{s:?} is not a duration (expected 1:02:03, 62:03 or seconds)"
                ))
            }
        },
        other => return Err(format!("expected a duration, found {}", kind(other))),
    };
    if seconds > f64::from(MAX_DURATION_SECONDS) {
        return Ok(Reading::Doubtful(format!(
            "{} seconds is over {} hours: is it a file size? The duration is left out",
            number_text(seconds),
            MAX_DURATION_SECONDS / 3600
        )));
    }
    Ok(Reading::Value(seconds as u32))
}

/// Seconds in `1:02:03.5`, `62:03`, `3723`, `3723.4`, `3723s` or
/// `PT1H2M3.5S`, as a float; `None` when the text is none of these.
pub fn seconds_in(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Some(iso) = s.strip_prefix("PT").or_else(|| s.strip_prefix("pt")) {
        return iso_duration(iso);
    }
    let s = s.strip_suffix('s').unwrap_or(s).trim_end();
    let parts: Vec<&str> = s.split(':').collect();
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    let mut total = 0.0;
    for (i, part) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        let digits = part.split_once('.').map_or(*part, |(whole, _)| whole);
        let valid = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (last || !part.contains('.'))
            && part.split_once('.').is_none_or(|(_, frac)| {
                !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit())
            });
        if !valid {
            return None;
        }
        let n: f64 = part.parse().ok()?;
        // After the first field, minutes and seconds are sexagesimal digits.
        if i > 0 && (n >= 60.0 || digits.len() != 2) {
            return None;
        }
        total = total * 60.0 + n;
    }
    Some(total)
}

/// `1H2M3.5S`, the part of an ISO 8601 duration after `PT`.
fn iso_duration(s: &str) -> Option<f64> {
    let (mut total, mut number) = (0.0, String::new());
    for c in s.chars() {
        match c.to_ascii_uppercase() {
            '0'..='9' | '.' => number.push(c),
            unit @ ('H' | 'M' | 'S') => {
                let n: f64 = number.parse().ok()?;
                number.clear();
                total += n * match unit {
                    'H' => 3600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
            }
            _ => return None,
        }
    }
    number.is_empty().then_some(total)
}

/// A file size in bytes: a number, or digits as text. A size written for
/// people (`32.4 MB`) or a value that is plainly a duration (`54:21`) is
/// [`Reading::Doubtful`]: the feed cannot use it, but the episode stands.
pub fn size(v: &Json) -> Reading<u64> {
    match v {
        Json::Null => Reading::Absent,
        Json::Num(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 9e15 => Reading::Value(*n as u64),
        Json::Num(n) => Reading::Doubtful(format!("{} is not a number of bytes", number_text(*n))),
        Json::Str(s) => {
            let t = s.trim();
            if t.is_empty() {
                Reading::Absent
            } else if t.bytes().all(|b| b.is_ascii_digit()) && t.len() < 16 {
                Reading::Value(t.parse().unwrap_or(0))
            } else if let Some(bytes) = grouped_digits(t) {
                Reading::Value(bytes)
            } else if seconds_in(t).is_some() && t.contains(':') {
                Reading::Doubtful(format!(
                    "{s:?} looks like a duration, not a number of bytes"
                ))
            } else if t.chars().any(|c| c.is_ascii_alphabetic()) {
                Reading::Doubtful(format!(
                    "{s:?} is a size for people; the feed needs the exact number of bytes"
                ))
            } else {
                Reading::Doubtful(format!("{s:?} is not a number of bytes"))
            }
        }
        other => Reading::Doubtful(format!("expected a number of bytes, found {}", kind(other))),
    }
}

/// A whole number written with its thousands grouped, as people write
/// byte counts: `56,249,169`, `56.249.169`, `56 249 169`, `56'249'169`.
/// One separator throughout, at least twice, and groups of three after
/// the first: `56.249` alone could be a fraction (of megabytes), and `1,5`
/// or `1.2.34` are not byte counts.
fn grouped_digits(t: &str) -> Option<u64> {
    let sep = t.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, ',' | '.' | ' ' | '\'' | '_' | '\u{a0}' | '\u{202f}') {
        return None;
    }
    let mut groups = t.split(sep);
    let first = groups.next()?;
    let digits = |g: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(first, 1..=3) {
        return None;
    }
    let mut number = first.to_string();
    let mut count = 0;
    for g in groups {
        if !digits(g, 3..=3) {
            return None;
        }
        number.push_str(g);
        count += 1;
    }
    number
        .parse()
        .ok()
        .filter(|_| count >= 2 && number.len() < 16)
}

/// People: one comma-separated string, a list, or mappings with a `name`
/// (Syntax.fm's `guest: {name, github}`); blank names dropped.
pub fn people(v: &Json) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut push = |s: &str| {
        for name in s.split(',') {
            let name = name.trim();
            if !name.is_empty() && !out.iter().any(|n: &String| n == name) {
                out.push(name.to_string());
            }
        }
    };
    let person = |v: &Json| -> Result<Option<String>, String> {
        match v {
            Json::Obj(_) => lookup(v, "name").first().map_or(Ok(None), |n| text(n)),
            other => text(other).map_err(|_| format!("expected a name, found {}", kind(other))),
        }
    };
    match v {
        Json::Arr(items) => {
            for item in items {
                if let Some(name) = person(item)? {
                    push(&name);
                }
            }
        }
        Json::Num(_) => return Err(format!("expected names, found {}", kind(v))),
        other => {
            if let Some(name) = person(other)? {
                push(&name);
            }
        }
    }
    Ok(out)
}

/// Transcripts in the forms archives use: a path or URL (`transcript:
/// /transcript/ep12.srt`, as Hugo sites write it), a list of them, or
/// mappings of the [`podcast:transcript`] tag's attributes (`{url, type,
/// language, rel}`, as Jupiter Broadcasting writes them), one or a list.
///
/// [`podcast:transcript`]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md
pub fn transcripts(v: &Json) -> Result<Vec<TranscriptLink>, String> {
    let one = |v: &Json| -> Result<Option<TranscriptLink>, String> {
        match v {
            Json::Obj(_) => {
                let attr = |key: &str| lookup(v, key).first().and_then(|v| text(v).ok().flatten());
                let url = attr("url").or_else(|| attr("src")).or_else(|| attr("href"));
                let Some(url) = url else {
                    return Err("expected a mapping with a `url`".into());
                };
                Ok(Some(TranscriptLink {
                    url,
                    mime: attr("type"),
                    language: attr("language").or_else(|| attr("lang")),
                    rel: attr("rel"),
                }))
            }
            other => Ok(text(other)?.map(|url| TranscriptLink {
                url,
                ..TranscriptLink::default()
            })),
        }
    };
    match v {
        Json::Arr(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                one(v)
                    .map_err(|e| format!("item {}: {e}", i + 1))
                    .transpose()
            })
            .collect(),
        other => Ok(one(other)?.into_iter().collect()),
    }
}

/// A stretch of an episode that apps may play as a preview
/// ([`podcast:soundbite`](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/soundbite.md)).
#[derive(Debug, Clone, PartialEq)]
pub struct Soundbite {
    /// Seconds from the start of the audio.
    pub start: f64,
    /// Seconds; more than 0.
    pub duration: f64,
    pub title: Option<String>,
}

/// Soundbites as front matter lists them, for the feed's
/// [`podcast:soundbite`]: mappings with a start (`start`, `startTime`;
/// seconds, `mm:ss` or `h:mm:ss`), a `duration` or an `end` (the same
/// forms), and an optional `title`; one mapping alone is a list of one.
///
/// [`podcast:soundbite`]: https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/soundbite.md
///
/// # Errors
/// Which soundbite cannot be read, and why.
pub fn soundbites(v: &Json) -> Result<Vec<Soundbite>, String> {
    let items = match v {
        Json::Null => return Ok(Vec::new()),
        Json::Arr(items) => items.as_slice(),
        other => std::slice::from_ref(other),
    };
    let time = |item: &Json, keys: &[&str]| -> Result<Option<f64>, String> {
        match keys.iter().find_map(|k| lookup(item, k).first().copied()) {
            None => Ok(None),
            Some(Json::Num(n)) if *n >= 0.0 && n.is_finite() => Ok(Some(*n)),
            Some(Json::Str(s)) => seconds_in(s)
                .map(Some)
                .ok_or_else(|| format!("{s:?} is not a time")),
            Some(other) => Err(format!("expected a time, found {}", kind(other))),
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let read = || -> Result<Soundbite, String> {
            if !matches!(item, Json::Obj(_)) {
                return Err(format!("expected a mapping, found {}", kind(item)));
            }
            let start =
                time(item, &["start", "startTime", "start_time"])?.ok_or("it has no `start`")?;
            let duration = match time(item, &["duration"])? {
                Some(d) => d,
                None => {
                    time(item, &["end", "endTime", "end_time"])?
                        .ok_or("it has no `duration` or `end`")?
                        - start
                }
            };
            if duration <= 0.0 {
                return Err("it ends where it starts, or before".into());
            }
            let title = lookup(item, "title")
                .first()
                .and_then(|t| text(t).ok().flatten());
            Ok(Soundbite {
                start,
                duration,
                title,
            })
        };
        out.push(read().map_err(|e| format!("soundbite {}: {e}", i + 1))?);
    }
    Ok(out)
}

/// One chapter as written in front matter, before its start is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct RawChapter {
    /// Seconds, when the start could be read.
    pub start: Result<f64, String>,
    pub title: Option<String>,
    /// `toc: false`: kept for podcast apps, not listed.
    pub hidden: bool,
}

/// Chapters in any of the forms archives use:
/// - a list of mappings (`start`/`startTime`/`time`, `title`, `toc`);
/// - a list of `"00:01:02.345 Title"` strings, as
///   [Podlove Simple Chapters](https://podlove.org/simple-chapters/) write them;
/// - an inline [Podcasting 2.0 chapters object](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md)
///   (`{version, chapters: [...]}`).
///
/// Starts may be seconds (a number or text), `mm:ss` or `h:mm:ss(.mmm)`.
/// Nulls in the list are ignored.
pub fn chapters(v: &Json) -> Result<Vec<RawChapter>, String> {
    let items = match v {
        Json::Null => return Ok(Vec::new()),
        Json::Arr(items) => items.as_slice(),
        Json::Obj(_) => match lookup(v, "chapters").first() {
            Some(Json::Arr(items)) => items.as_slice(),
            _ => {
                return Err(
                    "expected a list of chapters, found a mapping without `chapters`".into(),
                )
            }
        },
        other => {
            return Err(format!(
                "expected a list of chapters, found {}",
                kind(other)
            ))
        }
    };
    let start_of = |v: &Json| -> Result<f64, String> {
        match v {
            Json::Num(n) if *n >= 0.0 && n.is_finite() => Ok(*n),
            Json::Str(s) => seconds_in(s).ok_or_else(|| format!("{s:?}")),
            other => Err(kind(other).to_string()),
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Json::Null => {}
            Json::Str(line) => {
                let line = line.trim();
                let (time, title) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
                out.push(RawChapter {
                    start: seconds_in(time).ok_or_else(|| format!("{time:?}")),
                    title: Some(title.trim().to_string()).filter(|t| !t.is_empty()),
                    hidden: false,
                });
            }
            Json::Obj(_) => {
                let first =
                    |keys: &[&str]| keys.iter().find_map(|k| lookup(item, k).first().copied());
                let start = first(&["start", "startTime", "start_time", "time"])
                    .map_or(Err("nothing".to_string()), start_of);
                let title = first(&["title", "name"]).and_then(|t| text(t).ok().flatten());
                let hidden = first(&["toc"]).and_then(|t| boolean(t).ok().flatten()) == Some(false);
                out.push(RawChapter {
                    start,
                    title,
                    hidden,
                });
            }
            other => {
                return Err(format!(
                    "expected each chapter to be a mapping or a \"00:00:00 Title\" line, found {}",
                    kind(other)
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(n: f64) -> Json {
        Json::Num(n)
    }
    fn s(t: &str) -> Json {
        Json::Str(t.into())
    }

    #[test]
    fn can_read_an_enclosure_written_a_part_a_line() {
        for (value, url, length) in [
            ("https://m.example/a.mp3", "https://m.example/a.mp3", None),
            (
                "https://m.example/a.mp3\n38111222\naudio/mpeg\n",
                "https://m.example/a.mp3",
                Some(38111222),
            ),
            (
                "\r\n https://m.example/a.mp3 \r\n 12 \r\n",
                "https://m.example/a.mp3",
                Some(12),
            ),
            (
                "https://m.example/a.mp3\nunknown\n",
                "https://m.example/a.mp3",
                None,
            ),
            (
                "https://m.example/a.mp3\n38,111,222\n",
                "https://m.example/a.mp3",
                Some(38111222),
            ),
            (
                "https://m.example/a.mp3\n0\naudio/mpeg",
                "https://m.example/a.mp3",
                None,
            ),
        ] {
            assert_eq!(enclosure_lines(value), (url, length), "{value:?}");
        }
    }

    #[test]
    fn can_look_up_keys_case_insensitively_and_by_path() {
        let tree = Json::Obj(vec![
            ("Date".into(), s("2020-01-01")),
            (
                "episode".into(),
                Json::Obj(vec![("episodeNumber".into(), num(3.0))]),
            ),
        ]);
        assert_eq!(lookup(&tree, "date"), [&s("2020-01-01")]);
        assert_eq!(lookup(&tree, "episode.episodenumber"), [&num(3.0)]);
        assert!(lookup(&tree, "episode.size").is_empty());
    }

    #[test]
    fn can_read_whole_numbers_as_authors_mean_them() {
        let cases: &[(Json, Option<i64>)] = &[
            (s("012"), Some(12)),
            (num(12.0), Some(12)),
            (s(" 7 "), Some(7)),
            (s("-1"), Some(-1)),
            (num(-1.0), Some(-1)),
            (s("00"), Some(0)),
            (s(""), None),
            (Json::Null, None),
        ];
        for (v, want) in cases {
            assert_eq!(whole(v).unwrap(), *want, "{v:?}");
        }
    }

    #[test]
    fn errors_if_a_number_is_not_whole() {
        for (v, reason) in [
            (s("twelve"), "got \"twelve\""),
            (num(12.5), "got 12.5"),
            (Json::Arr(vec![]), "found a list"),
            (s("99999999999999999999"), "too large"),
        ] {
            let e = whole(&v).unwrap_err();
            assert!(e.contains(reason), "{v:?}: {e}");
        }
    }

    #[test]
    fn can_read_durations_in_every_form() {
        let cases: &[(Json, u32)] = &[
            (num(1870.08), 1870),
            (num(3600.0), 3600),
            (s("88.450612"), 88),
            (s("31:05"), 1865),
            (s("10:00"), 600),
            (s("1:02:03"), 3723),
            (s("01:02:03.500"), 3724),
            (s("3723s"), 3723),
            (s("PT1H2M3S"), 3723),
            (s("PT45M"), 2700),
        ];
        for (v, want) in cases {
            assert_eq!(duration(v).unwrap(), Reading::Value(*want), "{v:?}");
        }
        assert_eq!(duration(&s("")).unwrap(), Reading::Absent);
    }

    #[test]
    fn errors_if_a_duration_is_no_duration_or_implausible() {
        for v in [
            s("soon"),
            s("1:90:00"),
            s("about an hour"),
            s("1:2:3"),
            Json::Bool(true),
        ] {
            assert!(duration(&v).is_err(), "{v:?}");
        }
        // A byte count typed into the duration: 7254 hours.
        assert!(
            matches!(duration(&s("26117005")).unwrap(), Reading::Doubtful(m) if m.contains("file size"))
        );
    }

    #[test]
    fn can_read_sizes_and_doubt_what_is_not_bytes() {
        assert_eq!(size(&num(26117005.0)), Reading::Value(26117005));
        assert_eq!(size(&s("26117005")), Reading::Value(26117005));
        assert_eq!(size(&s("")), Reading::Absent);
        for grouped in [
            "56,249,169",
            "56.249.169",
            "56 249 169",
            "56'249'169",
            "56\u{202f}249\u{202f}169",
        ] {
            assert_eq!(size(&s(grouped)), Reading::Value(56249169), "{grouped}");
        }
        for (v, says) in [
            (s("56,249"), "not a number of bytes"),
            (s("56.249"), "not a number of bytes"),
            (s("1,5"), "not a number of bytes"),
            (s("56,249.169"), "not a number of bytes"),
            (s("1.2.34"), "not a number of bytes"),
            (s("1234,567"), "not a number of bytes"),
            (s("32.4 MB"), "size for people"),
            (s("54:21"), "looks like a duration"),
            (num(1.5), "not a number of bytes"),
        ] {
            assert!(
                matches!(size(&v), Reading::Doubtful(m) if m.contains(says)),
                "{v:?}"
            );
        }
    }

    #[test]
    fn can_read_booleans_the_itunes_way() {
        for (v, want) in [
            (s("yes"), Some(true)),
            (s("clean"), Some(false)),
            (Json::Bool(true), Some(true)),
            (s("No"), Some(false)),
            (Json::Null, None),
        ] {
            assert_eq!(boolean(&v).unwrap(), want, "{v:?}");
        }
        assert!(boolean(&s("maybe")).is_err());
    }

    #[test]
    fn can_read_people_in_every_shape() {
        let cases: &[(Json, &[&str])] = &[
            (s("Ada, Linus,"), &["Ada", "Linus"]),
            (Json::Arr(vec![s("Ada"), s(" Linus ")]), &["Ada", "Linus"]),
            (
                Json::Arr(vec![
                    Json::Obj(vec![("name".into(), s("Ada")), ("github".into(), s("a"))]),
                    s("Linus"),
                    Json::Null,
                ]),
                &["Ada", "Linus"],
            ),
            (Json::Obj(vec![("Name".into(), s("Tanner"))]), &["Tanner"]),
            (Json::Null, &[]),
        ];
        for (v, want) in cases {
            assert_eq!(people(v).unwrap(), *want, "{v:?}");
        }
        assert!(people(&num(42.0)).is_err());
    }

    #[test]
    fn can_read_transcripts_in_every_form() {
        let link = |url: &str, mime: Option<&str>, language: Option<&str>, rel: Option<&str>| {
            TranscriptLink {
                url: url.into(),
                mime: mime.map(String::from),
                language: language.map(String::from),
                rel: rel.map(String::from),
            }
        };
        let obj = |pairs: &[(&str, &str)]| {
            Json::Obj(pairs.iter().map(|(k, v)| (k.to_string(), s(v))).collect())
        };
        assert_eq!(
            transcripts(&s("/transcript/ep12.srt")).unwrap(),
            [link("/transcript/ep12.srt", None, None, None)]
        );
        assert!(transcripts(&s("  ")).unwrap().is_empty());
        assert!(transcripts(&Json::Null).unwrap().is_empty());
        let jb = Json::Arr(vec![
            obj(&[
                ("url", "https://h/ep1.vtt"),
                ("type", "text/vtt"),
                ("language", "en"),
                ("rel", "captions"),
            ]),
            obj(&[("url", "https://h/ep1.json"), ("type", "application/json")]),
            s("ep1.txt"),
        ]);
        assert_eq!(
            transcripts(&jb).unwrap(),
            [
                link(
                    "https://h/ep1.vtt",
                    Some("text/vtt"),
                    Some("en"),
                    Some("captions")
                ),
                link("https://h/ep1.json", Some("application/json"), None, None),
                link("ep1.txt", None, None, None),
            ]
        );
        assert_eq!(
            transcripts(&obj(&[("src", "t.vtt")])).unwrap(),
            [link("t.vtt", None, None, None)]
        );
        assert_eq!(
            transcripts(&Json::Arr(vec![s("a.vtt"), obj(&[("type", "text/vtt")])])).unwrap_err(),
            "item 2: expected a mapping with a `url`"
        );
    }

    #[test]
    fn can_read_soundbites() {
        let bite = |start: f64, duration: f64, title: Option<&str>| Soundbite {
            start,
            duration,
            title: title.map(String::from),
        };
        for (json, want) in [
            (
                r#"[{"start": 73, "duration": 60, "title": "Why the ads pay"}]"#,
                vec![bite(73.0, 60.0, Some("Why the ads pay"))],
            ),
            (
                r#"{"startTime": "1:02:03", "end": "1:02:33.5"}"#,
                vec![bite(3723.0, 30.5, None)],
            ),
            (
                r#"[{"start": "12:00", "duration": "0:45"}, {"start_time": 5, "end_time": 20}]"#,
                vec![bite(720.0, 45.0, None), bite(5.0, 15.0, None)],
            ),
            ("null", vec![]),
        ] {
            assert_eq!(soundbites(&Json::parse(json).unwrap()), Ok(want), "{json}");
        }
    }

    #[test]
    fn errors_if_a_soundbite_cannot_be_read() {
        for (json, want) in [
            (r#"[{"duration": 30}]"#, "soundbite 1: it has no `start`"),
            (
                r#"[{"start": 1, "duration": 2}, {"start": 9}]"#,
                "soundbite 2: it has no `duration` or `end`",
            ),
            (
                r#"[{"start": "soon", "duration": 2}]"#,
                r#"soundbite 1: "soon" is not a time"#,
            ),
            (
                r#"[{"start": 40, "end": 30}]"#,
                "soundbite 1: it ends where it starts, or before",
            ),
            (r#"["0:30"]"#, "soundbite 1: expected a mapping, found text"),
        ] {
            assert_eq!(
                soundbites(&Json::parse(json).unwrap()),
                Err(want.to_string()),
                "{json}"
            );
        }
    }

    #[test]
    fn can_read_chapters_in_every_form() {
        let chapter = |start: f64, title: &str, hidden: bool| RawChapter {
            start: Ok(start),
            title: Some(title.into()),
            hidden,
        };
        let list = Json::Arr(vec![
            Json::Obj(vec![
                ("start".into(), s("00:01:00")),
                ("title".into(), s("News")),
            ]),
            Json::Obj(vec![
                ("startTime".into(), num(90.5)),
                ("title".into(), s("Ad")),
                ("toc".into(), Json::Bool(false)),
            ]),
            Json::Null,
        ]);
        assert_eq!(
            chapters(&list).unwrap(),
            [chapter(60.0, "News", false), chapter(90.5, "Ad", true)]
        );
        let simple = Json::Arr(vec![
            s("00:00:00.000 Intro"),
            s("00:12:34.500 Listener mail"),
        ]);
        assert_eq!(
            chapters(&simple).unwrap(),
            [
                chapter(0.0, "Intro", false),
                chapter(754.5, "Listener mail", false)
            ]
        );
        let p20 = Json::Obj(vec![
            ("version".into(), s("1.2.0")),
            (
                "chapters".into(),
                Json::Arr(vec![Json::Obj(vec![
                    ("startTime".into(), s("5")),
                    ("title".into(), s("Go")),
                ])]),
            ),
        ]);
        assert_eq!(chapters(&p20).unwrap(), [chapter(5.0, "Go", false)]);
        assert!(chapters(&s("soon")).is_err());
        assert_eq!(
            chapters(&Json::Arr(vec![s("later Outro")])).unwrap()[0].start,
            Err("\"later\"".into())
        );
    }

    #[test]
    fn can_map_fields_from_settings() {
        let mut settings = BTreeMap::new();
        settings.insert(
            "number".to_string(),
            Keys::One("podcast_episode_number".into()),
        );
        settings.insert(
            "audio".to_string(),
            Keys::Many(vec!["podcast_file".into(), "audiofile".into()]),
        );
        let map = FieldMap::from_settings(&settings).unwrap();
        assert_eq!(map.keys(Field::Number), ["podcast_episode_number"]);
        assert_eq!(map.keys(Field::Audio), ["podcast_file", "audiofile"]);
        assert_eq!(
            map.keys(Field::Title),
            [
                "title",
                "params.title",
                "extra.title",
                "podcast.title",
                "meta.title"
            ]
        );
        settings.insert("nubmer".to_string(), Keys::One("x".into()));
        let e = FieldMap::from_settings(&settings).unwrap_err();
        assert!(e.contains("`nubmer` is not a field"), "{e}");
    }
}

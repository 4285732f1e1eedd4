//! The episode model: from one Markdown file to one listing entry.
//!
//! [`parse`] is the pure heart of the indexer: a file's relative path and
//! text in, an [`EpisodeSummary`] or every [`Problem`] with its line out.

use super::catalog::{encode_path, CONTENT_DIR};

/// Something wrong with one file, at a 1-based line of that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub reason: String,
}

impl Problem {
    pub fn new(line: usize, reason: impl Into<String>) -> Self {
        Problem {
            line,
            reason: reason.into(),
        }
    }
}

/// The audio URL of an episode: its own front-matter URL when it has one,
/// else the site's template with `{episode}` (and `{slug}`) filled in.
/// News posts (no number) get no audio from the template.
pub fn audio_url(
    own: Option<&str>,
    template: Option<&str>,
    number: Option<u32>,
    slug: &str,
) -> Option<String> {
    let url = match (
        own.map(str::trim).filter(|s| !s.is_empty()),
        template,
        number,
    ) {
        (Some(own), _, _) => own.to_string(),
        (None, Some(t), Some(n)) => t
            .replace("{episode}", &n.to_string())
            .replace("{slug}", slug),
        _ => return None,
    };
    Some(resolve_in_content(&url))
}

/// Relative URLs in front matter and settings name files of the content
/// folder; absolute and root-relative ones are left alone.
pub fn resolve_in_content(url: &str) -> String {
    if is_absolute(url) || url.starts_with('/') {
        url.to_string()
    } else {
        format!(
            "{CONTENT_DIR}/{}",
            encode_path(url.trim_start_matches("./"))
        )
    }
}

fn is_absolute(url: &str) -> bool {
    url.starts_with("//")
        || url.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
        })
}

/// A watch URL from a YouTube id or a full URL.
pub fn youtube_url(id_or_url: &str) -> Option<String> {
    let s = id_or_url.trim();
    if s.is_empty() {
        None
    } else if s.starts_with("https://") || s.starts_with("http://") {
        Some(s.to_string())
    } else {
        Some(format!("https://www.youtube.com/watch?v={s}"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{parse, Parsed};

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use crate::core::catalog::{EpisodeSummary, Site};
    use crate::core::chapters::Chapter;
    use crate::core::date::Date;
    use crate::core::duration::parse_duration;
    use crate::core::frontmatter::split;
    use crate::core::markdown::excerpt;
    use crate::core::slug::parse_file_name;
    use crate::core::text::collapse_whitespace;
    use crate::core::timestamp::parse_t;
    use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::Deserialize;
    use std::fmt;

    /// Longest title the listing accepts; longer ones are surely a mistake.
    const MAX_TITLE_CHARS: usize = 500;
    /// How many characters of the notes the listing shows.
    /// Two lines of a listing card; the index must stay small.
    const EXCERPT_CHARS: usize = 120;

    /// The front matter fields the viewer reads, across the schemas podcast
    /// archives use (Jekyll's, Syntax.fm's…). Unknown fields (`layout`,
    /// `tweet`, `permalink`…) are ignored: sites carry many of their own.
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Meta {
        #[serde(deserialize_with = "scalar")]
        title: Option<String>,
        #[serde(deserialize_with = "number")]
        episode: Option<u64>,
        /// Syntax.fm's name for `episode`.
        #[serde(deserialize_with = "number")]
        number: Option<u64>,
        #[serde(deserialize_with = "scalar")]
        date: Option<String>,
        #[serde(deserialize_with = "scalar")]
        author: Option<String>,
        #[serde(deserialize_with = "people")]
        team: Vec<String>,
        #[serde(deserialize_with = "people")]
        hosts: Vec<String>,
        #[serde(deserialize_with = "people")]
        guest: Vec<String>,
        #[serde(deserialize_with = "people")]
        guests: Vec<String>,
        #[serde(deserialize_with = "number")]
        mp3_length: Option<u64>,
        #[serde(deserialize_with = "number")]
        enclosure_length: Option<u64>,
        #[serde(deserialize_with = "scalar")]
        duration: Option<String>,
        #[serde(deserialize_with = "scalar")]
        youtube: Option<String>,
        #[serde(deserialize_with = "scalar")]
        youtube_url: Option<String>,
        #[serde(deserialize_with = "scalar")]
        audio: Option<String>,
        #[serde(deserialize_with = "scalar")]
        mp3: Option<String>,
        #[serde(deserialize_with = "enclosure")]
        enclosure: Enclosure,
        #[serde(deserialize_with = "scalar")]
        url: Option<String>,
        #[serde(deserialize_with = "raw_chapters")]
        chapters: Vec<RawChapter>,
        /// A Podcasting 2.0 JSON chapters file.
        #[serde(deserialize_with = "scalar")]
        chapters_url: Option<String>,
    }

    /// `- { start: "12:34", title: "…" }`, as written.
    #[derive(Default)]
    struct RawChapter {
        start: Option<String>,
        title: Option<String>,
    }

    /// An RSS-style enclosure: a URL, or `{ url, length, type }`.
    #[derive(Default)]
    struct Enclosure {
        url: Option<String>,
        length: Option<u64>,
    }

    /// One parsed file: its listing entry and its Markdown body.
    #[derive(Debug)]
    pub struct Parsed<'a> {
        pub episode: EpisodeSummary,
        pub body: &'a str,
        /// The file line where the body starts, for errors inside it.
        pub body_line: usize,
    }

    /// Parses one episode file. `path` is relative to the content folder,
    /// with `/` separators; its last segment is the Jekyll file name.
    pub fn parse<'a>(path: &str, src: &'a str, site: &Site) -> Result<Parsed<'a>, Vec<Problem>> {
        let file_name = path.rsplit('/').next().unwrap_or(path);
        let mut problems = Vec::new();

        let name = parse_file_name(file_name)
            .map_err(|e| problems.push(Problem::new(1, e.to_string())))
            .ok();
        let doc = split(src).map_err(|e| vec![Problem::new(e.line(), e.to_string())])?;
        let Some(yaml) = doc.front_matter else {
            let reason = if src.trim_start_matches('\u{feff}').trim().is_empty() {
                "the file is empty: an episode starts with front matter between `---` lines"
            } else if src.contains('\r') && !src.contains('\n') {
                // With classic Mac line endings the whole file is one line,
                // so its opening `---` is not seen as a fence.
                "no front matter: the lines end in CR only (classic Mac); save the file with LF or CRLF line endings"
            } else {
                "no front matter: the file must start with a `---` line"
            };
            problems.push(Problem::new(1, reason));
            return Err(problems);
        };
        let meta = parse_meta(yaml, doc.front_matter_line).map_err(|p| {
            problems.push(p);
            std::mem::take(&mut problems)
        })?;

        let title = meta
            .title
            .as_deref()
            .map(collapse_whitespace)
            .unwrap_or_default();
        if title.is_empty() {
            problems.push(Problem::new(doc.front_matter_line, "missing `title`"));
        } else if title.chars().count() > MAX_TITLE_CHARS {
            problems.push(Problem::new(
                key_line(yaml, "title", doc.front_matter_line),
                format!(
                    "`title` is {} characters long; the limit is {MAX_TITLE_CHARS}",
                    title.chars().count()
                ),
            ));
        }

        let number = match meta.episode.or(meta.number) {
            Some(n) if n > u32::MAX as u64 => {
                let key = if meta.episode.is_some() {
                    "episode"
                } else {
                    "number"
                };
                problems.push(Problem::new(
                    key_line(yaml, key, doc.front_matter_line),
                    format!("`{key}` {n} is too large"),
                ));
                None
            }
            n => n.map(|n| n as u32),
        };

        let date = match meta.date.as_deref() {
            Some(d) => Date::parse_lenient(d).or_else(|| {
                problems.push(Problem::new(
                    key_line(yaml, "date", doc.front_matter_line),
                    format!("`date` {d:?} is not a date (expected YYYY-MM-DD)"),
                ));
                None
            }),
            None => name.as_ref().and_then(|n| n.date).or_else(|| {
                if name.is_some() {
                    problems.push(Problem::new(
                        1,
                        "no date: name the file YYYY-MM-DD-slug.md or set `date:`",
                    ));
                }
                None
            }),
        };

        let duration = meta.duration.as_deref().and_then(|d| {
            parse_duration(d).or_else(|| {
                problems.push(Problem::new(
                    key_line(yaml, "duration", doc.front_matter_line),
                    format!(
                        "`duration` {d:?} is not a duration (expected 1:02:03, 62:03 or seconds)"
                    ),
                ));
                None
            })
        });

        let mut chapters = Vec::with_capacity(meta.chapters.len());
        for (i, raw) in meta.chapters.iter().enumerate() {
            match raw.start.as_deref().and_then(parse_t) {
                Some(start) => {
                    let title = raw.title.as_deref().map(collapse_whitespace).unwrap_or_default();
                    let title = if title.is_empty() { format!("Chapter {}", i + 1) } else { title };
                    chapters.push(Chapter(start, title));
                }
                None => problems.push(Problem::new(
                    key_line(yaml, "chapters", doc.front_matter_line),
                    format!(
                        "chapter {} has start {:?}, which is not a time (expected 12:34, 1:02:03 or seconds)",
                        i + 1,
                        raw.start.as_deref().unwrap_or("")
                    ),
                )),
            }
        }
        chapters.sort_by_key(Chapter::start);

        let (Some(name), Some(date), true) = (name, date, problems.is_empty()) else {
            return Err(problems);
        };
        // The audio file, by the first of the names archives give it.
        let own_audio = [&meta.audio, &meta.mp3, &meta.enclosure.url, &meta.url]
            .into_iter()
            .find_map(|u| u.as_deref().filter(|u| !u.trim().is_empty()));
        let audio = audio_url(own_audio, site.audio_url.as_deref(), number, &name.slug);
        let mut team = meta.team;
        for host in meta.hosts {
            if !team.contains(&host) {
                team.push(host);
            }
        }
        let mut guests = meta.guest;
        guests.extend(meta.guests);
        let episode = EpisodeSummary {
            slug: name.slug,
            title,
            number,
            date,
            excerpt: excerpt(doc.body, EXCERPT_CHARS),
            author: meta.author.filter(|a| !a.trim().is_empty()),
            team,
            guests,
            audio,
            size: meta
                .mp3_length
                .or(meta.enclosure_length)
                .or(meta.enclosure.length),
            duration,
            youtube: meta
                .youtube
                .or(meta.youtube_url)
                .as_deref()
                .and_then(youtube_url),
            chapters,
            chapters_url: meta
                .chapters_url
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(resolve_in_content),
        };
        Ok(Parsed {
            episode,
            body: doc.body,
            body_line: doc.body_line,
        })
    }

    /// Parses site settings from `site.yaml`.
    pub fn parse_site(src: &str) -> Result<Site, Problem> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        serde_yaml_ng::from_str::<Site>(src).map_err(|e| yaml_problem(&e, src, 1))
    }

    /// Deeper `[`/`{` nesting is refused before parsing: the YAML scanner's
    /// time grows with the square of it, so a runaway `[[[[…` stalls the
    /// build for minutes. serde_yaml_ng stops at 128 levels in the fields
    /// it reads anyway.
    const MAX_FLOW_DEPTH: usize = 128;

    fn parse_meta(yaml: &str, first_line: usize) -> Result<Meta, Problem> {
        if yaml.trim().is_empty() {
            return Err(Problem::new(
                first_line,
                "empty front matter: `title` is required",
            ));
        }
        if let Some(at) = flow_too_deep(yaml, MAX_FLOW_DEPTH) {
            return Err(Problem::new(
                first_line + at,
                format!("invalid front matter: `[` and `{{` nest more than {MAX_FLOW_DEPTH} levels deep"),
            ));
        }
        serde_yaml_ng::from_str::<Meta>(yaml).map_err(|e| {
            let mut p = yaml_problem(&e, yaml, first_line);
            // serde reports a duplicate at the start of the mapping; point
            // at the repeated key instead.
            if let Some(key) = p
                .reason
                .split("duplicate field `")
                .nth(1)
                .and_then(|r| r.split('`').next())
            {
                let lines: Vec<usize> = yaml
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| is_key_line(l, key))
                    .map(|(i, _)| i)
                    .collect();
                if let Some(second) = lines.get(1) {
                    p.line = first_line + second;
                }
            }
            p
        })
    }

    /// The 0-based line where `[`/`{` nesting first passes `limit`. Quoted
    /// strings and comments are skipped, so brackets in them cannot hide
    /// real nesting (nor add to it).
    fn flow_too_deep(yaml: &str, limit: usize) -> Option<usize> {
        let b = yaml.as_bytes();
        let (mut depth, mut line, mut i) = (0usize, 0, 0);
        while i < b.len() {
            let starts_token = i == 0 || b" \t\r\n[{,:".contains(&b[i - 1]);
            match b[i] {
                b'\n' => line += 1,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return Some(line);
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                b'#' if starts_token => {
                    while i + 1 < b.len() && b[i + 1] != b'\n' {
                        i += 1;
                    }
                }
                q @ (b'"' | b'\'') if starts_token => {
                    i += 1;
                    while i < b.len() {
                        match b[i] {
                            // `''` is a quote inside a single-quoted string.
                            b'\'' if q == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 1,
                            c if c == q => break,
                            b'\\' if q == b'"' => i += 1,
                            _ => {}
                        }
                        if b.get(i) == Some(&b'\n') {
                            line += 1;
                        }
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// `… at line L column C` as the text before it and `L`.
    fn cut_location(s: &str) -> (&str, Option<usize>) {
        match s.find(" at line ") {
            Some(i) => (
                &s[..i],
                s[i + 9..].split(' ').next().and_then(|n| n.parse().ok()),
            ),
            None => (s, None),
        }
    }

    /// Turns a YAML error into a problem at the file's line, with the
    /// parser's own " at line X column Y" moved out of the reason.
    fn yaml_problem(e: &serde_yaml_ng::Error, yaml: &str, first_line: usize) -> Problem {
        let msg = e.to_string();
        let (head, context) = match msg.split_once(", while ") {
            Some((head, context)) => (head, Some(context)),
            None => (msg.as_str(), None),
        };
        let (problem, _) = cut_location(head);
        // 0-based, within the YAML.
        let mut at = e.location().map_or(0, |l| l.line().saturating_sub(1));
        let mut reason = problem.to_string();

        // The YAML reader (control characters, a NUL…) gives a byte offset
        // rather than a line.
        if let Some((text, offset)) = problem.split_once(" at position ") {
            if let Some(before) = offset.parse().ok().and_then(|o: usize| yaml.get(..o)) {
                at = before.matches('\n').count();
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                reason = match yaml[before.len()..].chars().next() {
                    Some(c) => format!("{text} (U+{:04X} at column {column})", u32::from(c)),
                    None => text.to_string(),
                };
            }
        }
        // libyaml's own message for a tab is "found character that cannot
        // start any token", which does not say which character.
        if yaml
            .lines()
            .nth(at)
            .is_some_and(|l| l[..l.len() - l.trim_start().len()].contains('\t'))
        {
            reason.push_str(" (this line is indented with a tab; YAML allows only spaces)");
        }
        // An unclosed quote or bracket is noticed only where the parser
        // gives up, often at the closing `---`; the line to fix is where it
        // was opened.
        let opener = context.map(cut_location).and_then(|(what, line)| {
            let what = match what {
                "scanning a quoted scalar" | "parsing a quoted scalar" => "quoted string",
                "parsing a flow sequence" => "`[` list",
                "parsing a flow mapping" => "`{` mapping",
                _ => return None,
            };
            Some((what, line?.checked_sub(1)?))
        });
        if let Some((what, opened)) = opener {
            if opened != at {
                reason = format!("{reason} at line {}", first_line + at);
            }
            reason = format!("{reason}, in the {what} opened on this line");
            at = opened;
            // Windows paths in double quotes: `"C:\Users"` reads `\U` as
            // the start of an escape.
            if problem.contains("escape") || problem.contains("hexadecimal") {
                reason.push_str(
                    " (in double quotes `\\` starts an escape: write `\\\\` or use single quotes)",
                );
            }
        }
        // A plain value that holds `: ` (`title: Rust: the book`) reads as
        // a nested key.
        if problem == "mapping values are not allowed in this context" {
            reason.push_str(" (quote a value that contains `: `, or check the indentation)");
        }

        let reason = match reason.strip_prefix("invalid type: ") {
            // Errors in a field start with the field's name: this is the
            // whole front matter.
            Some(found) => {
                let found = found.split(", expected").next().unwrap_or(found);
                let hint = if found.starts_with("string") && found.contains(':') {
                    "; is a space missing after a `:`?"
                } else {
                    ""
                };
                format!("front matter must be a YAML mapping of `key: value` lines (found {found}{hint})")
            }
            // serde_yaml_ng hands a `!tagged` value over as an enum.
            None => format!(
                "invalid front matter: {}",
                reason.replace("invalid type: enum", "a YAML `!tag` is not supported here")
            ),
        };
        Problem::new(first_line + at, reason)
    }

    /// The file line of `key:` in the front matter, for errors found after
    /// the YAML parsed (a bad date, say). Falls back to the first line.
    fn key_line(yaml: &str, key: &str, first_line: usize) -> usize {
        yaml.lines()
            .position(|l| is_key_line(l, key))
            .map_or(first_line, |i| first_line + i)
    }

    fn is_key_line(line: &str, key: &str) -> bool {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    }

    /// Any YAML scalar as text: `title: 2012` is a title too.
    fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }

    struct ScalarVisitor;

    impl<'de> Visitor<'de> for ScalarVisitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string, a number or nothing")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }

    /// A whole number, also when quoted (`episode: "133"`).
    fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Option<u64>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                u64::try_from(v)
                    .map(Some)
                    .map_err(|_| E::custom(format!("expected a whole number, got {v}")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                let t = v.trim();
                if t.is_empty() {
                    return Ok(None);
                }
                t.parse()
                    .map(Some)
                    .map_err(|_| E::custom(format!("expected a whole number, got {v:?}")))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
        }
        d.deserialize_any(V)
    }

    /// People, as a YAML list or one comma-separated string; each one a
    /// name or a mapping with a `name` (Syntax.fm's `guest: {name, github}`).
    fn people<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(d.deserialize_any(PeopleVisitor)?
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect())
    }

    struct PeopleVisitor;

    impl<'de> Visitor<'de> for PeopleVisitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a name, a list of names, or a mapping with a `name`")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(v.split(',').map(String::from).collect())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element_seed(PersonSeed)? {
                out.extend(item);
            }
            Ok(out)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Ok(PersonSeed.visit_map(map)?.into_iter().collect())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }

    /// One person in a list: a name, or a mapping with a `name`.
    struct PersonSeed;

    impl<'de> de::DeserializeSeed<'de> for PersonSeed {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for PersonSeed {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a name or a mapping with a `name`")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut name = None;
            // Other keys (`github`, `social: [...]`…) may hold anything.
            while let Some(key) = map.next_key::<String>()? {
                if key == "name" {
                    name = map.next_value_seed(ScalarSeed)?;
                } else {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
            Ok(name)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }

    /// A list of chapters, each a mapping with `start` and `title`.
    fn raw_chapters<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<RawChapter>, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = Vec<RawChapter>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of `{ start, title }` chapters")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(c) = seq.next_element_seed(ChapterSeed)? {
                    out.push(c);
                }
                Ok(out)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
        }
        struct ChapterSeed;
        impl<'de> de::DeserializeSeed<'de> for ChapterSeed {
            type Value = RawChapter;
            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_map(self)
            }
        }
        impl<'de> Visitor<'de> for ChapterSeed {
            type Value = RawChapter;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a chapter `{ start, title }`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut c = RawChapter::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "start" | "startTime" | "time" => {
                            c.start = map.next_value_seed(ScalarSeed)?
                        }
                        "title" => c.title = map.next_value_seed(ScalarSeed)?,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(c)
            }
        }
        d.deserialize_any(List)
    }

    /// An enclosure: its URL as a string, or a mapping with `url`/`length`.
    fn enclosure<'de, D: Deserializer<'de>>(d: D) -> Result<Enclosure, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Enclosure;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a URL or a mapping with `url` and `length`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Enclosure {
                    url: Some(v.to_string()),
                    length: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut e = Enclosure::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "url" => e.url = map.next_value_seed(ScalarSeed)?,
                        "length" => {
                            let length = map.next_value_seed(ScalarSeed)?;
                            e.length = length.and_then(|v| v.trim().parse().ok());
                        }
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(e)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Enclosure::default())
            }
        }
        d.deserialize_any(V)
    }

    struct ScalarSeed;

    impl<'de> de::DeserializeSeed<'de> for ScalarSeed {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(ScalarVisitor)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::parse_site;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::catalog::{EpisodeSummary, Site};
    use crate::core::date::Date;

    fn site() -> Site {
        Site {
            title: "Test".into(),
            audio_url: Some("https://cdn.example/Ep-{episode}.mp3".into()),
            ..Site::default()
        }
    }

    fn problems(path: &str, src: &str) -> Vec<(usize, String)> {
        parse(path, src, &site())
            .unwrap_err()
            .into_iter()
            .map(|p| (p.line, p.reason))
            .collect()
    }

    #[test]
    fn can_parse_the_model_file() {
        let src = "---\ntitle: LCC 133 - Interview Docker\nauthor: 'Emmanuel Bernard'\nlayout: blog-post\nepisode: 133\nmp3_length: 56249169\n---\nDans cet épisode, Patrick nous explique Docker.\n\n## Sponsor\n";
        let e = parse("2015-09-28-lcc-133-interview-docker.md", src, &site())
            .unwrap()
            .episode;
        assert_eq!(e.slug, "lcc-133-interview-docker");
        assert_eq!(e.title, "LCC 133 - Interview Docker");
        assert_eq!(e.number, Some(133));
        assert_eq!(e.date, Date::parse_ymd("2015-09-28").unwrap());
        assert_eq!(e.author.as_deref(), Some("Emmanuel Bernard"));
        assert_eq!(e.size, Some(56_249_169));
        assert_eq!(e.audio.as_deref(), Some("https://cdn.example/Ep-133.mp3"));
        assert_eq!(e.excerpt, "Dans cet épisode, Patrick nous explique Docker.");
    }

    #[test]
    fn can_read_optional_fields() {
        let src = "---\ntitle: A\nepisode: \"7\"\nteam: [Ada, ' Linus ']\nduration: '1:02:03'\nyoutube: dQw4w9WgXcQ\naudio: audio/ep7.mp3\ndate: 2021-03-04 10:00:00 +0100\n---\nHi";
        let p = parse("sub/2020-01-01-a.md", src, &site()).unwrap();
        assert_eq!((p.body, p.body_line), ("Hi", 10));
        let e = p.episode;
        assert_eq!(e.number, Some(7));
        assert_eq!(e.team, ["Ada", "Linus"]);
        assert_eq!(e.duration, Some(3723));
        assert_eq!(
            e.youtube.as_deref(),
            Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        );
        assert_eq!(e.audio.as_deref(), Some("content/audio/ep7.mp3"));
        // An explicit date wins over the file name.
        assert_eq!(e.date, Date::parse_ymd("2021-03-04").unwrap());
    }

    #[test]
    fn can_read_team_as_comma_separated_string() {
        let e = parse(
            "2020-01-01-a.md",
            "---\ntitle: A\nteam: Ada, Linus,\n---\n",
            &site(),
        )
        .unwrap()
        .episode;
        assert_eq!(e.team, ["Ada", "Linus"]);
    }

    #[test]
    fn can_read_other_schemas_and_alias_fields() {
        type Check = fn(&EpisodeSummary) -> bool;
        let cases: &[(&str, &str, &str, Check)] = &[
            ("number alias", "072 - Accessibility.md", "title: A\nnumber: 72\ndate: 1536152400467", |e| {
                e.number == Some(72) && e.slug == "072-accessibility" && e.date.to_string() == "2018-09-05"
            }),
            ("episode wins over number", "2020-01-01-a.md", "title: A\nepisode: 5\nnumber: 6", |e| e.number == Some(5)),
            ("url is audio", "2020-01-01-a.md", "title: A\nnumber: 1\nurl: https://m.example/1.mp3", |e| {
                e.audio.as_deref() == Some("https://m.example/1.mp3")
            }),
            ("mp3 is audio", "2020-01-01-a.md", "title: A\nmp3: https://m.example/2.mp3", |e| {
                e.audio.as_deref() == Some("https://m.example/2.mp3")
            }),
            ("enclosure string", "2020-01-01-a.md", "title: A\nenclosure: https://m.example/3.mp3", |e| {
                e.audio.as_deref() == Some("https://m.example/3.mp3")
            }),
            ("enclosure mapping", "2020-01-01-a.md", "title: A\nenclosure: {url: 'https://m.example/4.mp3', length: 1234, type: audio/mpeg}", |e| {
                e.audio.as_deref() == Some("https://m.example/4.mp3") && e.size == Some(1234)
            }),
            ("audio wins over url", "2020-01-01-a.md", "title: A\naudio: https://a/1.mp3\nurl: https://b/1.mp3", |e| {
                e.audio.as_deref() == Some("https://a/1.mp3")
            }),
            ("enclosure_length", "2020-01-01-a.md", "title: A\nenclosure_length: 999", |e| e.size == Some(999)),
            ("youtube_url", "2020-01-01-a.md", "title: A\nyoutube_url: https://www.youtube.com/watch?v=4PymccvinIo", |e| {
                e.youtube.as_deref() == Some("https://www.youtube.com/watch?v=4PymccvinIo")
            }),
            ("guest mapping", "2020-01-01-a.md", "title: A\nguest:\n  name: Tanner Linsley\n  github: tanstack", |e| {
                e.guests == ["Tanner Linsley"]
            }),
            ("guest list of mappings and names", "2020-01-01-a.md", "title: A\nguest:\n  - name: Ada\n    social: [a, b]\n  - Linus", |e| {
                e.guests == ["Ada", "Linus"]
            }),
            ("guest string", "2020-01-01-a.md", "title: A\nguest: Ada, Linus", |e| e.guests == ["Ada", "Linus"]),
            ("hosts join the team", "2020-01-01-a.md", "title: A\nteam: wesbos\nhosts:\n  - stolinski\n  - wesbos", |e| {
                e.team == ["wesbos", "stolinski"]
            }),
            ("jekyll fields ignored", "2020-01-01-a.md", "title: A\nlayout: blog-post\ntweet: https://twitter.com/x/status/1\npermalink: /x", |e| {
                e.title == "A"
            }),
            ("iso date", "a.md", "title: A\ndate: 2018-09-05T13:00:00-04:00", |e| e.date.to_string() == "2018-09-05"),
            ("jekyll date with offset", "a.md", "title: A\ndate: 2018-09-05 23:00:00 +0200", |e| e.date.to_string() == "2018-09-05"),
            ("epoch seconds", "a.md", "title: A\ndate: 1536152400", |e| e.date.to_string() == "2018-09-05"),
            ("non-ascii file name", "Épisode spécial n°3.md", "title: A\ndate: 2020-01-01", |e| e.slug == "episode-special-n-3"),
            ("chapters", "2020-01-01-a.md", "title: A\nchapters:\n  - { start: \"1:00\", title: News }\n  - { start: 0, title: ' Intro ' }\n  - start: 1h1m1s", |e| {
                e.chapters == [
                    crate::core::chapters::Chapter(0, "Intro".into()),
                    crate::core::chapters::Chapter(60, "News".into()),
                    crate::core::chapters::Chapter(3661, "Chapter 3".into()),
                ]
            }),
            ("chapters_url local", "2020-01-01-a.md", "title: A\nchapters_url: chapters/a.json", |e| {
                e.chapters_url.as_deref() == Some("content/chapters/a.json")
            }),
            ("chapters_url remote", "2020-01-01-a.md", "title: A\nchapters_url: https://x.example/c.json", |e| {
                e.chapters_url.as_deref() == Some("https://x.example/c.json")
            }),
        ];
        for (name, path, yaml, check) in cases {
            let src = format!("---\n{yaml}\n---\nNotes.\n");
            let e = parse(path, &src, &site())
                .unwrap_or_else(|p| panic!("{name}: {p:?}"))
                .episode;
            assert!(check(&e), "{name}: {e:?}");
        }
    }

    #[test]
    fn news_posts_have_no_number_and_no_template_audio() {
        let e = parse("2020-01-01-news.md", "---\ntitle: News\n---\nBody", &site())
            .unwrap()
            .episode;
        assert!(e.is_news());
        assert_eq!(e.audio, None);
    }

    #[test]
    fn can_build_audio_urls() {
        let t = Some("https://h/Ep-{episode}.mp3");
        for (own, template, number, want) in [
            (None, t, Some(5), Some("https://h/Ep-5.mp3")),
            (
                Some("https://x/own.mp3"),
                t,
                Some(5),
                Some("https://x/own.mp3"),
            ),
            (Some("audio/a.mp3"), t, Some(5), Some("content/audio/a.mp3")),
            (
                Some("./audio/a.mp3"),
                None,
                None,
                Some("content/audio/a.mp3"),
            ),
            (Some("/media/a.mp3"), None, None, Some("/media/a.mp3")),
            (Some("  "), t, Some(5), Some("https://h/Ep-5.mp3")),
            (None, t, None, None),
            (None, None, Some(5), None),
            (
                None,
                Some("audio/{slug}.mp3"),
                Some(5),
                Some("content/audio/s.mp3"),
            ),
            (
                Some("audio/Ep 5.mp3"),
                None,
                None,
                Some("content/audio/Ep%205.mp3"),
            ),
        ] {
            assert_eq!(
                audio_url(own, template, number, "s").as_deref(),
                want,
                "{own:?} {template:?} {number:?}"
            );
        }
    }

    #[test]
    fn errors_if_file_is_broken() {
        let cases: &[(&str, &str, &str, usize, &str)] = &[
            (
                "unterminated",
                "2020-01-01-a.md",
                "---\ntitle: A\nbody\n",
                1,
                "never closed",
            ),
            (
                "no front matter",
                "2020-01-01-a.md",
                "# Notes only\n",
                1,
                "no front matter",
            ),
            (
                "empty front matter",
                "2020-01-01-a.md",
                "---\n---\nbody",
                2,
                "empty front matter",
            ),
            (
                "missing title",
                "2020-01-01-a.md",
                "---\nepisode: 3\n---\n",
                2,
                "missing `title`",
            ),
            (
                "blank title",
                "2020-01-01-a.md",
                "---\ntitle: '  '\n---\n",
                2,
                "missing `title`",
            ),
            (
                "invalid yaml",
                "2020-01-01-a.md",
                "---\ntitle: A\nauthor: B\nteam: a: b\n---\n",
                4,
                "invalid front matter",
            ),
            // Noticed where the YAML ends, reported where the quote opens.
            (
                "unclosed quote",
                "2020-01-01-a.md",
                "---\ntitle: A\nteam: 'open\n---\n",
                3,
                "unexpected end of stream at line 4, in the quoted string",
            ),
            (
                "list where a number goes",
                "2020-01-01-a.md",
                "---\ntitle: A\nepisode: [1]\n---\n",
                3,
                "whole number",
            ),
            (
                "bad indentation",
                "2020-01-01-a.md",
                "---\ntitle: A\n  author: B\n---\n",
                3,
                "invalid front matter",
            ),
            (
                "episode not a number",
                "2020-01-01-a.md",
                "---\ntitle: A\nepisode: twelve\n---\n",
                3,
                "whole number",
            ),
            (
                "negative episode",
                "2020-01-01-a.md",
                "---\ntitle: A\nepisode: -3\n---\n",
                3,
                "whole number",
            ),
            (
                "duplicate key",
                "2020-01-01-a.md",
                "---\ntitle: A\ntitle: B\n---\n",
                3,
                "duplicate",
            ),
            (
                "not a mapping",
                "2020-01-01-a.md",
                "---\n- a\n- b\n---\n",
                2,
                "mapping",
            ),
            (
                "bad front matter date",
                "2020-01-01-a.md",
                "---\ntitle: A\ndate: 2020-13-45\n---\n",
                3,
                "not a date",
            ),
            (
                "bad file name date",
                "2020-02-30-a.md",
                "---\ntitle: A\n---\n",
                1,
                "not a valid date",
            ),
            (
                "no date anywhere",
                "a.md",
                "---\ntitle: A\n---\n",
                1,
                "no date",
            ),
            (
                "bad duration",
                "2020-01-01-a.md",
                "---\ntitle: A\nduration: soon\n---\n",
                3,
                "not a duration",
            ),
            (
                "crlf line numbers",
                "2020-01-01-a.md",
                "---\r\ntitle: A\r\nepisode: x\r\n---\r\n",
                3,
                "whole number",
            ),
        ];
        for (name, path, src, line, reason) in cases {
            let got = problems(path, src);
            assert!(
                got.iter().any(|(l, r)| l == line && r.contains(reason)),
                "{name}: want line {line} ~ {reason:?}, got {got:?}"
            );
        }
    }

    #[test]
    fn errors_name_every_problem_of_a_file() {
        let got = problems("2020-02-30-a.md", "---\nepisode: 3\n---\n");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn can_parse_site_settings() {
        let s =
            parse_site("title: Show\nlanguage: fr\naudio_url: https://h/{episode}.mp3\n").unwrap();
        assert_eq!(s.title, "Show");
        assert_eq!(s.language, "fr");
        assert_eq!(s.audio_url.as_deref(), Some("https://h/{episode}.mp3"));
        let e = parse_site("description: no title\n").unwrap_err();
        assert!(e.reason.contains("title"), "{e:?}");
    }
}

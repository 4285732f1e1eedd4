//! Slugs: the stable, URL-safe name of an episode and of a heading.

use super::date::Date;
use super::text::fold_char;

/// Turns any text into a slug: Latin accents folded, lowercased, every run
/// of characters other than letters and digits turned into one `-`, no `-`
/// at the ends. Letters of other scripts are kept as they are (`纯中文`,
/// `привет`), so a title or file name in any script gives a slug; URLs
/// carry them percent-encoded.
pub fn slugify(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut folded);
    }
    let mut out = String::with_capacity(folded.len());
    let mut pending_dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            // `fold_char` has lowercased what it can; Unicode's full case
            // tables would cost the wasm about 10 KB.
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out
}

/// What a Jekyll-style file name says: `2015-09-28-lcc-133.md` gives the
/// date 2015-09-28 and the slug `lcc-133`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileName {
    pub date: Option<Date>,
    pub slug: String,
}

/// Why a file name cannot name an episode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileNameError {
    /// It starts like a date, but the date does not exist (`2015-02-30-…`).
    BadDate(String),
    /// Nothing is left to make a slug from.
    EmptySlug,
}

impl std::fmt::Display for FileNameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileNameError::BadDate(d) => write!(
                f,
                "the file name starts with {d}, which is not a valid date"
            ),
            FileNameError::EmptySlug => f.write_str("the file name gives an empty slug"),
        }
    }
}

/// Splits a file name (not a path) into its date prefix and its slug.
pub fn parse_file_name(name: &str) -> Result<FileName, FileNameError> {
    let stem = strip_markdown_extension(name);
    let (date, rest) = match split_date_prefix(stem) {
        Some((prefix, rest)) => match Date::parse_ymd(prefix) {
            Some(d) => (Some(d), rest),
            None => return Err(FileNameError::BadDate(prefix.to_string())),
        },
        None => (None, stem),
    };
    let slug = slugify(rest);
    if slug.is_empty() {
        return Err(FileNameError::EmptySlug);
    }
    Ok(FileName { date, slug })
}

/// The extensions of Markdown files: Jekyll's `markdown_ext` default
/// ([its configuration](https://jekyllrb.com/docs/configuration/default/)),
/// which also holds Hugo's, Eleventy's and Astro's `.md` and `.markdown`.
pub const MARKDOWN_EXTENSIONS: [&str; 5] = ["markdown", "mkdown", "mkdn", "mkd", "md"];

/// A file name without its Markdown extension ([`MARKDOWN_EXTENSIONS`], in
/// any case); the name as it is when it has none.
pub fn strip_markdown_extension(name: &str) -> &str {
    for ext in MARKDOWN_EXTENSIONS {
        let cut = name.len().saturating_sub(ext.len() + 1);
        if cut > 0
            && name.as_bytes()[cut] == b'.'
            && name
                .get(cut + 1..)
                .is_some_and(|e| e.eq_ignore_ascii_case(ext))
        {
            return &name[..cut];
        }
    }
    name
}

/// Whether a file name has a Markdown extension.
pub fn is_markdown_name(name: &str) -> bool {
    strip_markdown_extension(name).len() < name.len()
}

/// `YYYY-MM-DD-rest` → (`YYYY-MM-DD`, `rest`), by shape only.
fn split_date_prefix(stem: &str) -> Option<(&str, &str)> {
    let b = stem.as_bytes();
    let shaped = b.len() > 11
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b[10] == b'-';
    shaped.then(|| (&stem[..10], &stem[11..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_slugify() {
        for (input, want) in [
            ("LCC 133 - Interview Docker", "lcc-133-interview-docker"),
            (
                "lcc-133-interview-docker-avec-patrick-chanezon-partie-1",
                "lcc-133-interview-docker-avec-patrick-chanezon-partie-1",
            ),
            ("  --Hello__World!!  ", "hello-world"),
            ("Qu’est-ce que Docker ?", "qu-est-ce-que-docker"),
            ("Épisode spécial Noël", "episode-special-noel"),
            ("C++ & Rust", "c-rust"),
            ("???", ""),
            ("纯中文", "纯中文"),
            ("2025-01-03-纯中文 标题", "2025-01-03-纯中文-标题"),
            ("Привет, Мир", "привет-мир"),
            ("-1-rückblick", "1-ruckblick"),
        ] {
            assert_eq!(slugify(input), want, "{input:?}");
        }
    }

    #[test]
    fn can_parse_jekyll_file_names() {
        let f = parse_file_name(
            "2015-09-28-lcc-133-interview-docker-avec-patrick-chanezon-partie-1.md",
        )
        .unwrap();
        assert_eq!(f.date, Date::parse_ymd("2015-09-28"));
        assert_eq!(
            f.slug,
            "lcc-133-interview-docker-avec-patrick-chanezon-partie-1"
        );

        let f = parse_file_name("2020-02-29-Leap_Day.markdown").unwrap();
        assert_eq!(f.date, Date::parse_ymd("2020-02-29"));
        assert_eq!(f.slug, "leap-day");
    }

    #[test]
    fn can_parse_odd_file_names() {
        for (name, date, slug) in [
            ("2025-01-03-纯中文.md", Some("2025-01-03"), "纯中文"),
            (
                "-1-rückblick-und-ausblick.md",
                None,
                "1-ruckblick-und-ausblick",
            ),
            ("00-wir-zählen-ab-null.md", None, "00-wir-zahlen-ab-null"),
            (
                "2024-06-16-episode-6-sailor's return.md",
                Some("2024-06-16"),
                "episode-6-sailor-s-return",
            ),
            ("2025-01-03-café crème.MD", Some("2025-01-03"), "cafe-creme"),
        ] {
            let f = parse_file_name(name).unwrap();
            assert_eq!(
                (f.date.map(|d| d.to_string()), f.slug.as_str()),
                (date.map(String::from), slug),
                "{name}"
            );
        }
    }

    #[test]
    fn can_parse_file_names_without_a_date() {
        let f = parse_file_name("072 - Accessibility.md").unwrap();
        assert_eq!(f.date, None);
        assert_eq!(f.slug, "072-accessibility");
    }

    #[test]
    fn errors_if_file_name_date_is_impossible() {
        for name in [
            "2015-02-30-x.md",
            "2015-13-01-x.md",
            "2019-02-29-x.md",
            "2015-00-10-x.md",
        ] {
            assert!(
                matches!(parse_file_name(name), Err(FileNameError::BadDate(_))),
                "{name}"
            );
        }
    }

    #[test]
    fn errors_if_slug_is_empty() {
        assert_eq!(
            parse_file_name("2015-09-28-!!!.md"),
            Err(FileNameError::EmptySlug)
        );
    }
}

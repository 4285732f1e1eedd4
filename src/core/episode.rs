//! The episode model: from one Markdown file to one listing entry.
//!
//! [`parse`] is the pure heart of the indexer: a file's relative path and
//! text in, an [`EpisodeSummary`] (with warnings) or every [`Problem`]
//! with its line out. Which key holds what is [`super::fields`]' concern;
//! what an address means is [`super::url`]'s.

pub use super::frontmatter::Problem;

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

/// The episode number a title states: `#42`, `Episode 42`, `Ep. 42`,
/// `EP042`, `Folge 42`, `Épisode 42`, `#-1`.
pub fn number_in_title(title: &str) -> Option<i32> {
    let lower = title.to_lowercase();
    let words = [
        "#",
        "episode",
        "épisode",
        "episodio",
        "episódio",
        "folge",
        "aflevering",
        "avsnitt",
        "ep.",
        "ep",
    ];
    for word in words {
        let mut from = 0;
        while let Some(i) = lower[from..].find(word) {
            let at = from + i;
            from = at + word.len();
            // A word of its own: not the `ep` inside `deep`, not C#7.
            if lower[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let rest = lower[from..].trim_start_matches([' ', '\u{a0}', '.', ':', '-']);
            let rest = if word == "#" { &lower[from..] } else { rest };
            // A year is no episode number (`Episode 2020 recap`).
            if let Some(n) =
                leading_number(rest, word == "#").filter(|n| !(1900..=2100).contains(n))
            {
                return Some(n);
            }
        }
    }
    None
}

/// The episode number a file name states after its date: `ep6-title`,
/// `e6`, `episode-6`, `s2e11` (season 2 episode 11), or leading digits
/// (`042-title`, `45-title`). A four-digit year (`2017-in-review`) is not
/// a number. Returns (season, episode).
pub fn number_in_file_name(stem: &str) -> Option<(Option<u32>, i32)> {
    let lower = stem.to_ascii_lowercase();
    let b = lower.as_bytes();
    if b.first() == Some(&b's') {
        let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && b.get(1 + digits) == Some(&b'e') {
            let season = lower[1..1 + digits].parse().ok();
            return leading_number(&lower[2 + digits..], false).map(|n| (season, n));
        }
    }
    for prefix in ["episode-", "episode", "ep-", "ep", "e"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return leading_number(rest, false).map(|n| (None, n));
            }
        }
    }
    leading_digits(&lower).map(|n| (None, n))
}

/// Bare leading digits of a file name (`042-title`, `45-title`), up to
/// four, that are not a year (`2017-in-review`).
fn leading_digits(stem: &str) -> Option<i32> {
    let b = stem.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let ends_word = b.get(digits).is_none_or(|c| !c.is_ascii_alphanumeric());
    if !(1..=4).contains(&digits) || !ends_word {
        return None;
    }
    let n: i32 = stem[..digits].parse().ok()?;
    (!(digits == 4 && (1900..=2100).contains(&n))).then_some(n)
}

/// Whether a file name's bare leading digits are the episode's number:
/// zero-padded (`042-…`, a numbering scheme), or stated in the title too
/// (`45-…` for `#45 …`). `10-tips-for-…` alone is not. Other file-name
/// forms (`ep6`, `s2e11`) always are.
pub fn file_number_is_meant(stem: &str, title: &str) -> bool {
    let Some(n) = leading_digits(stem) else {
        return true;
    };
    stem.starts_with('0')
        || title
            .split(|c: char| !c.is_ascii_digit())
            .any(|w| w.parse() == Ok(n))
}

/// Digits at the start of `s` (with a `-` first when `signed`), ending a
/// word: `42`, `042`, `-1`; not the `3` of `3d`.
fn leading_number(s: &str, signed: bool) -> Option<i32> {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(rest) if signed => (-1, rest),
        _ => (1, s),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let ends_word = rest[digits..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    if digits == 0 || digits > 6 || !ends_word {
        return None;
    }
    rest[..digits].parse::<i32>().ok().map(|n| sign * n)
}

/// What a numbered episode without audio (or video) costs it, for the
/// build to say: no player on its page, and a feed item without an
/// enclosure, which podcast apps skip. `None` for every other post. Asked
/// of the episode as the build completes it (an Eleventy archive's audio
/// comes from its data files, after the front matter).
pub fn missing_audio(e: &crate::core::catalog::EpisodeSummary) -> Option<String> {
    let n = e
        .number
        .filter(|_| e.audio.is_none() && e.youtube.is_none())?;
    Some(format!("episode {n} names no audio file: its page has no player, and its feed item no enclosure, which podcast apps skip; write `audio:` or the site's `audio_url`"))
}

#[cfg(pipeline)]
mod parse;
#[cfg(pipeline)]
pub use parse::{parse, parse_site, resolve_media, Context, Parsed, EXCERPT_CHARS};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_say_when_a_numbered_episode_has_no_audio() {
        use crate::core::catalog::EpisodeSummary;
        let e = |number: Option<i32>, audio: Option<&str>, youtube: Option<&str>| EpisodeSummary {
            number,
            audio: audio.map(str::to_string),
            youtube: youtube.map(str::to_string),
            ..EpisodeSummary::default()
        };
        assert!(missing_audio(&e(Some(3), None, None))
            .is_some_and(|r| r.contains("episode 3 names no audio file")));
        for (number, audio, youtube) in [
            (Some(3), Some("a.mp3"), None),
            (Some(3), None, Some("https://www.youtube.com/watch?v=x")),
            (None, None, None),
            (None, Some("a.mp3"), None),
        ] {
            assert_eq!(
                missing_audio(&e(number, audio, youtube)),
                None,
                "{number:?} {audio:?} {youtube:?}"
            );
        }
    }

    #[test]
    fn can_find_numbers_in_titles() {
        let cases: &[(&str, Option<i32>)] = &[
            ("#42 Datengetriebene Entscheidungen", Some(42)),
            ("Episode 42: the answer", Some(42)),
            ("EP042 Packaging", Some(42)),
            ("Ep. 7 - Seven", Some(7)),
            ("Folge 12", Some(12)),
            ("#-1 Rückblick", Some(-1)),
            ("#00 Null", Some(0)),
            ("C#7 features", None),
            ("Deep learning 101", None),
            ("Episode 2020 recap", None),
            ("Top 10 tips", None),
            ("Web 3.0", None),
            ("#hashtag", None),
        ];
        for (title, want) in cases {
            assert_eq!(number_in_title(title), *want, "{title}");
        }
    }

    #[test]
    fn can_find_numbers_in_file_names() {
        /// (file stem, title, (season, number) found)
        type Case<'a> = (&'a str, &'a str, Option<(Option<u32>, i32)>);
        let cases: &[Case] = &[
            ("ep6-the-return", "The return", Some((None, 6))),
            ("e3-recap", "Recap", Some((None, 3))),
            ("episode-12", "Twelve", Some((None, 12))),
            ("s2e11-the-moonbase", "The Moonbase", Some((Some(2), 11))),
            ("042-accessibility", "Accessibility", Some((None, 42))),
            ("45-daten", "#45 Daten", Some((None, 45))),
            ("10-tips-for-rust", "Some tips for Rust", None),
            ("2017-in-review", "2017 in review", None),
            ("season-finale", "Finale", None),
        ];
        for (stem, title, want) in cases {
            let got = number_in_file_name(stem).filter(|_| file_number_is_meant(stem, title));
            assert_eq!(got, *want, "{stem}");
        }
    }
}

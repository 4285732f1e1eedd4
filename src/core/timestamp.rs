//! Times in show notes and in shared links.
//!
//! - [`find_timestamps`]: where `12:34`, `1:02:03` or `(45:07)` stand in a
//!   run of text, so the notes step can turn them into links that seek.
//! - [`parse_t`]: the `?t=` of a shared link: `754`, `12:34` or `1h2m3s`;
//!   [`parse_clip`] the same with an end, `?t=1:23,2:34`.

use std::ops::Range;

/// A clock time `m:ss` or `h:mm:ss` (minutes and seconds below 60), with
/// at most 3 digits of hours: a longer run of digits in notes is no time.
pub fn parse_clock(s: &str) -> Option<u32> {
    clock(s, 3)
}

fn clock(s: &str, max_hour_digits: usize) -> Option<u32> {
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut total = 0u32;
    for (i, part) in parts.iter().enumerate() {
        let digits_ok = match i {
            0 => {
                (1..=2).contains(&part.len()) || (parts.len() == 3 && part.len() <= max_hour_digits)
            }
            _ => part.len() == 2,
        };
        if !digits_ok || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = part.parse().ok()?;
        if i > 0 && n >= 60 {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(n)?;
    }
    Some(total)
}

/// The query of a link that opens an episode at `seconds`: `t=754`. It is
/// what [`parse_t`] reads first, and what every link to a time writes.
pub fn t_query(seconds: u32) -> String {
    format!("t={seconds}")
}

/// The `?t=` value of a shared link, in seconds: `754`, `12:34`, `1:02:03`,
/// `1h2m3s`, `2m`, `45s`.
pub fn parse_t(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    if s.contains(':') {
        // Any number of hours: a player shows `1000:00:00` past 999 h.
        return clock(s, usize::MAX);
    }
    let mut total = 0u32;
    let mut number = String::new();
    let mut last_unit = 0u8; // h=3, m=2, s=1: units must come in order
    for c in s.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let (unit, scale) = match c.to_ascii_lowercase() {
            'h' => (3, 3600),
            'm' => (2, 60),
            's' => (1, 1),
            _ => return None,
        };
        if number.is_empty() || (last_unit != 0 && unit >= last_unit) {
            return None;
        }
        total = total.checked_add(number.parse::<u32>().ok()?.checked_mul(scale)?)?;
        number.clear();
        last_unit = unit;
    }
    number.is_empty().then_some(total)
}

/// A shared clip: from `start` to `end`, in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clip {
    pub start: u32,
    /// `None` for a plain `?t=`: play on from `start`.
    pub end: Option<u32>,
}

/// The `?t=` of a shared link, with an optional end after a comma, each in
/// any form [`parse_t`] reads: `83`, `1:23,2:34`, `1m23s,2m34s`, as
/// [Podlove's deep links](https://docs.podlove.org/podlove-web-player/deep-links)
/// and [media fragments](https://www.w3.org/TR/media-frags/#naming-time)
/// write a range. An end that does not come after the start is dropped:
/// the link still opens at its start.
pub fn parse_clip(s: &str) -> Option<Clip> {
    let (start, end) = match s.split_once(',') {
        Some((start, end)) => (parse_t(start)?, parse_t(end)),
        None => (parse_t(s)?, None),
    };
    Some(Clip {
        start,
        end: end.filter(|&end| end > start),
    })
}

/// The query of a link to a clip: `t=83,154`, read by [`parse_clip`].
pub fn clip_query(start: u32, end: u32) -> String {
    format!("{},{end}", t_query(start))
}

/// A timestamp found in text: where it stands and the time it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub seconds: u32,
}

/// Finds the timestamps in a run of plain text (the caller skips code and
/// link text). A candidate must stand alone: not inside a longer run of
/// digits and colons, not glued to letters, not a time of day (`9:30 am`),
/// and, when the episode's length is known, not past its end.
pub fn find_timestamps(text: &str, max_seconds: Option<u32>) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && is_glue(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b':') {
            end += 1;
        }
        // A trailing colon is punctuation ("at 12:34: the news"), not part.
        let mut stop = end;
        while stop > i && bytes[stop - 1] == b':' {
            stop -= 1;
        }
        let candidate = &text[i..stop];
        let after = &text[stop..];
        let glued_after = stop == end && end < bytes.len() && glued(&bytes[end..]);
        if !glued_after && !is_time_of_day(after) && !follows_a_date(&text[..i]) {
            if let Some(seconds) = parse_clock(candidate) {
                if max_seconds.is_none_or(|max| seconds <= max) {
                    found.push(Found {
                        range: i..stop,
                        seconds,
                    });
                }
            }
        }
        i = end.max(i + 1);
    }
    found
}

/// Characters that make a digit run part of a bigger token (`v1.2:30`,
/// `abc12:30`, `12:30x`).
fn is_glue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'/' || b == b'_'
}

/// Whether what follows a digit run continues the token: a letter, or a
/// dot that starts a decimal (a sentence's full stop does not).
fn glued(after: &[u8]) -> bool {
    match after {
        [b'.', next, ..] => next.is_ascii_digit(),
        [b, ..] => b.is_ascii_alphanumeric() || *b == b'_' || *b == b'/',
        [] => false,
    }
}

/// `2015-09-28 10:00:00`: the time of a date, not a position.
fn follows_a_date(before: &str) -> bool {
    let b = before.trim_end_matches([' ', 'T']).as_bytes();
    b.len() >= 10 && {
        let d = &b[b.len() - 10..];
        d[4] == b'-'
            && d[7] == b'-'
            && d.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    }
}

fn is_time_of_day(after: &str) -> bool {
    let rest = after.trim_start().to_ascii_lowercase();
    // A time-zone offset: `10:00:00 +0200`.
    let offset = rest.as_bytes();
    if offset.len() >= 5
        && (offset[0] == b'+' || offset[0] == b'-')
        && offset[1..5].iter().all(u8::is_ascii_digit)
    {
        return true;
    }
    [
        "am", "pm", "a.m", "p.m", "h ", "heures", "uhr", "utc", "cet", "gmt",
    ]
    .iter()
    .any(|suffix| {
        rest.starts_with(suffix)
            && !rest[suffix.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_parse_t_values() {
        for (input, want) in [
            ("754", Some(754)),
            ("12:34", Some(754)),
            ("1:02:03", Some(3723)),
            ("1h2m3s", Some(3723)),
            ("1H02M03S", Some(3723)),
            ("2m", Some(120)),
            ("45s", Some(45)),
            ("1h", Some(3600)),
            ("1h30s", Some(3630)),
            ("0", Some(0)),
            ("", None),
            ("abc", None),
            ("12:60", None),
            ("1m2h", None),
            ("1h1h", None),
            ("h", None),
            ("12m3", None),
            ("-5", None),
        ] {
            assert_eq!(parse_t(input), want, "{input:?}");
        }
    }

    #[test]
    fn can_read_a_clip_in_any_form_a_time_takes() {
        let clip = |start, end| Some(Clip { start, end });
        for (input, want) in [
            ("83", clip(83, None)),
            ("83,154", clip(83, Some(154))),
            ("1:23,2:34", clip(83, Some(154))),
            ("1m23s,2m34s", clip(83, Some(154))),
            (" 1:23 , 2:34 ", clip(83, Some(154))),
            ("0,1h", clip(0, Some(3600))),
            // An end that is no end: the link opens at its start.
            ("2:34,1:23", clip(154, None)),
            ("83,83", clip(83, None)),
            ("83,", clip(83, None)),
            ("83,soon", clip(83, None)),
            (",83", None),
            ("", None),
        ] {
            assert_eq!(parse_clip(input), want, "{input:?}");
        }
        let query = clip_query(83, 154);
        assert_eq!(
            parse_clip(query.strip_prefix("t=").unwrap()),
            clip(83, Some(154))
        );
    }

    fn times(text: &str, max: Option<u32>) -> Vec<(&str, u32)> {
        find_timestamps(text, max)
            .into_iter()
            .map(|f| (&text[f.range], f.seconds))
            .collect()
    }

    #[test]
    fn can_find_timestamps_in_notes() {
        let cases: &[(&str, &[(&str, u32)])] = &[
            ("12:34 - Topic", &[("12:34", 754)]),
            ("1:02:03 - Later topic", &[("1:02:03", 3723)]),
            ("(45:07) Listener mail", &[("45:07", 2707)]),
            (
                "At 03:12, the history; at 14:40: tabstops.",
                &[("03:12", 192), ("14:40", 880)],
            ),
            ("- 0:03 - Welcome", &[("0:03", 3)]),
            ("[12:34]", &[("12:34", 754)]),
            (
                "from 12:34 to 1:05:00.",
                &[("12:34", 754), ("1:05:00", 3900)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(times(text, None), *want, "{text:?}");
        }
    }

    #[test]
    fn errors_if_a_number_is_not_a_timestamp() {
        for text in [
            "Recorded on 2015-09-28 10:00:00 +0200",
            "meet at 9:30 am",
            "starts 21:00 UTC",
            "à 19:30 heures",
            "ratio 16:9",
            "12:345",
            "1:2",
            "12:60",
            "v1.2:30",
            "abc12:30",
            "12:30pm",
            "score 3:1",
            "1:02:03:04",
            "port 8080",
        ] {
            assert_eq!(times(text, None), [], "{text:?}");
        }
    }

    #[test]
    fn errors_if_a_timestamp_is_past_the_end() {
        assert_eq!(times("0:10 and 0:40", Some(27)), [("0:10", 10)]);
    }

    /// Found by fuzzing (fuzz target `time_param`): `?t=7541375` was
    /// accepted, but the clock a player shows for it, `2094:49:35`, was not.
    #[test]
    fn regression_long_clock_round_trips() {
        use crate::core::duration::format_clock;
        for seconds in [7_541_375, 3_600_000, u32::MAX] {
            let clock = format_clock(seconds);
            assert_eq!(parse_t(&clock), Some(seconds), "{clock}");
        }
        assert_eq!(parse_t(" 7541375"), Some(7_541_375));
        assert_eq!(parse_t("1193047:00:00"), None, "past u32::MAX seconds");
        // In notes, a long run of digits is still no timestamp.
        assert_eq!(parse_clock("2094:49:35"), None);
        assert_eq!(times("at 2094:49:35", None), []);
    }
}

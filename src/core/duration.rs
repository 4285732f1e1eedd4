//! Durations of episodes: parsed from front matter, shown in the listing.

/// Parses `1:02:03`, `62:03`, `3723` or `3723s` into seconds.
pub fn parse_duration(s: &str) -> Option<u32> {
    let s = s.trim();
    let s = s.strip_suffix('s').unwrap_or(s);
    if s.is_empty() {
        return None;
    }
    let mut total: u32 = 0;
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() > 3 {
        return None;
    }
    for (i, part) in parts.iter().enumerate() {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = part.parse().ok()?;
        // Minutes and seconds after the first field are sexagesimal digits.
        if i > 0 && (n >= 60 || part.len() != 2) {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(n)?;
    }
    Some(total)
}

/// `h:mm:ss` or `m:ss`, as players show a position.
pub fn format_clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A short human length for the listing: `1 h 05`, `42 min`, `40 s`.
pub fn format_length(seconds: u32) -> String {
    let (h, m) = (seconds / 3600, seconds / 60 % 60);
    match (h, m) {
        (0, 0) => format!("{seconds} s"),
        (0, m) => format!("{m} min"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_parse_durations() {
        for (input, want) in [
            ("1:02:03", Some(3723)),
            ("62:03", Some(3723)),
            ("0:45", Some(45)),
            ("3723", Some(3723)),
            ("3723s", Some(3723)),
            (" 12:34 ", Some(754)),
            ("1:2:3", None),
            ("1:62:03", None),
            ("1:00:00:00", None),
            ("abc", None),
            ("", None),
            ("-5", None),
        ] {
            assert_eq!(parse_duration(input), want, "{input:?}");
        }
    }

    #[test]
    fn can_format_durations_and_sizes() {
        assert_eq!(format_clock(3723), "1:02:03");
        assert_eq!(format_clock(754), "12:34");
        assert_eq!(format_clock(5), "0:05");
        assert_eq!(format_length(3900), "1 h 05");
        assert_eq!(format_length(2520), "42 min");
        assert_eq!(format_length(40), "40 s");
    }
}

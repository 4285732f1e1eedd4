//! Calendar dates, as episodes carry them: a day, no time zone.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid proleptic Gregorian date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date, or `None` when it does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse_ymd(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Parses a front-matter `date:` value in any of the forms podcast
    /// archives use: `2015-09-28`, `2015-09-28 10:00:00 +0200`, ISO 8601
    /// (`2015-09-28T10:00:00Z`), or a Unix epoch in seconds or milliseconds.
    /// The time part is ignored: an episode is dated by the day written in
    /// it (for an epoch, the UTC day).
    pub fn parse_lenient(s: &str) -> Option<Date> {
        let s = s.trim();
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return Date::from_epoch(s.parse().ok()?);
        }
        let head = s.get(..10)?;
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with([' ', 'T', 't'])) {
            return None;
        }
        Date::parse_ymd(head)
    }

    /// The UTC day of a Unix timestamp. Values from 10^11 up are taken as
    /// milliseconds: as seconds they would be past the year 5000.
    pub fn from_epoch(n: u64) -> Option<Date> {
        let seconds = if n >= 100_000_000_000 { n / 1000 } else { n };
        let days = i64::try_from(seconds / 86_400).ok()?;
        Some(civil_from_days(days))
    }
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date at midnight UTC in RFC 2822, as RSS wants it:
    /// `Mon, 28 Sep 2015 00:00:00 +0000`.
    pub fn rfc2822(&self) -> String {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let weekday = DAYS[self.days_since_epoch().rem_euclid(7) as usize];
        format!(
            "{weekday}, {:02} {} {:04} 00:00:00 +0000",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a date.
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_ymd(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date \"{s}\"")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_parse_dates() {
        for (input, want) in [
            ("2015-09-28", Some((2015, 9, 28))),
            ("2020-02-29", Some((2020, 2, 29))),
            ("2000-02-29", Some((2000, 2, 29))),
            ("1900-02-29", None),
            ("2015-9-28", None),
            ("2015-09-31", None),
            ("20150928xx", None),
            ("", None),
        ] {
            let got = Date::parse_ymd(input).map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn can_parse_front_matter_dates_with_a_time() {
        let want = Date::new(2015, 9, 28);
        for input in [
            "2015-09-28",
            "2015-09-28 10:00:00 +0200",
            "2015-09-28T08:00:00Z",
            " 2015-09-28 ",
        ] {
            assert_eq!(Date::parse_lenient(input), want, "{input:?}");
        }
        assert_eq!(Date::parse_lenient("2015-09-28x"), None);
        assert_eq!(Date::parse_lenient("yesterday"), None);
    }

    #[test]
    fn dates_order_chronologically_and_round_trip() {
        let a = Date::parse_ymd("2014-12-31").unwrap();
        let b = Date::parse_ymd("2015-01-01").unwrap();
        assert!(a < b);
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, "\"2015-01-01\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), b);
    }
}

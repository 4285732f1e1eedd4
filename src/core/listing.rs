//! What the listing shows for a search and its filters: pure, so the rules
//! are tested natively and the UI only draws the result.

use super::catalog::Catalog;
use super::search::{Query, FILTER_PERSON, FILTER_YEAR};

/// The listing's state, as the address carries it:
/// `?q=…&year=…&who=…&in=transcripts`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListingQuery {
    pub q: String,
    pub year: Option<i32>,
    pub who: Option<String>,
    /// Whether the search looks into transcripts too (`in=transcripts`);
    /// it does anyway when titles and notes find nothing.
    pub transcripts: bool,
}

/// The `in` value of a search that looks into transcripts.
pub const IN_TRANSCRIPTS: &str = "transcripts";

impl ListingQuery {
    /// From the address's query pairs; unknown keys and bad years are
    /// ignored rather than failing the page.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ListingQuery {
        let mut out = ListingQuery::default();
        for (k, v) in pairs {
            match k {
                "q" => out.q = v.to_string(),
                "year" => out.year = v.trim().parse().ok(),
                "who" if !v.trim().is_empty() => out.who = Some(v.trim().to_string()),
                "in" => out.transcripts = v == IN_TRANSCRIPTS,
                _ => {}
            }
        }
        out
    }

    /// Back to query pairs, leaving out what is empty.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        if let Some(y) = self.year {
            pairs.push(("year", y.to_string()));
        }
        if let Some(w) = &self.who {
            pairs.push(("who", w.clone()));
        }
        if self.transcripts {
            pairs.push(("in", IN_TRANSCRIPTS.into()));
        }
        pairs
    }

    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && self.year.is_none() && self.who.is_none()
    }

    pub fn words(&self) -> Query {
        Query::parse(&self.q)
    }

    /// The filters as the search engine names them (see
    /// [`crate::core::prerender`]'s marks on each episode page).
    pub fn engine_filters(&self) -> Vec<(&'static str, String)> {
        let mut filters = Vec::new();
        if let Some(y) = self.year {
            filters.push((FILTER_YEAR, y.to_string()));
        }
        if let Some(w) = &self.who {
            filters.push((FILTER_PERSON, w.clone()));
        }
        filters
    }
}

/// The episodes the filters keep, newest first. A search goes to the
/// engine instead, which applies the same filters (see
/// [`ListingQuery::engine_filters`]).
pub fn select(catalog: &Catalog, query: &ListingQuery) -> Vec<usize> {
    let who = query.who.as_deref();
    (0..catalog.episodes.len())
        .filter(|&i| {
            let e = &catalog.episodes[i];
            query.year.is_none_or(|y| e.date.year == y)
                && who.is_none_or(|w| e.people().any(|p| p == w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::{EpisodeSummary, Filters, Site};
    use crate::core::date::Date;

    fn catalog() -> Catalog {
        let ep = |slug: &str, date: &str, team: &[&str], guests: &[&str]| EpisodeSummary {
            slug: slug.into(),
            title: slug.replace('-', " "),
            number: Some(1),
            date: Date::parse_ymd(date).unwrap(),
            excerpt: String::new(),
            author: None,
            team: team.iter().map(|s| s.to_string()).collect(),
            guests: guests.iter().map(|s| s.to_string()).collect(),
            audio: None,
            size: None,
            duration: None,
            youtube: None,
            chapters: vec![],
            chapters_url: None,
            ..EpisodeSummary::default()
        };
        let site = Site {
            title: "T".into(),
            language: "fr".into(),
            ..Site::default()
        };
        Catalog {
            site,
            parts: vec![],
            total: 3,
            filters: Default::default(),
            episodes: vec![
                ep(
                    "kubernetes-news",
                    "2020-05-01",
                    &["Audrey", "Emmanuel"],
                    &[],
                ),
                ep("java-news", "2019-09-01", &["Emmanuel"], &["Audrey"]),
                ep("kubernetes-deep-dive", "2019-02-01", &["Guillaume"], &[]),
            ],
        }
    }

    #[test]
    fn can_read_and_write_the_address() {
        let q = ListingQuery::from_pairs([
            ("q", "kube"),
            ("year", "2019"),
            ("who", "Audrey"),
            ("in", "transcripts"),
            ("utm", "x"),
        ]);
        assert_eq!(
            q,
            ListingQuery {
                q: "kube".into(),
                year: Some(2019),
                who: Some("Audrey".into()),
                transcripts: true,
            }
        );
        assert_eq!(
            q.to_pairs(),
            [
                ("q", "kube".to_string()),
                ("year", "2019".to_string()),
                ("who", "Audrey".to_string()),
                ("in", "transcripts".to_string()),
            ]
        );
        let bad = ListingQuery::from_pairs([("year", "soon"), ("who", " "), ("in", "notes")]);
        assert!(bad.is_empty());
        assert!(bad.to_pairs().is_empty());
    }

    #[test]
    fn can_filter_by_year_and_person() {
        let c = catalog();
        let sel = |year: Option<i32>, who: Option<&str>| {
            let query = ListingQuery {
                q: "ignored: the engine searches".into(),
                year,
                who: who.map(String::from),
                transcripts: true,
            };
            select(&c, &query)
        };
        assert_eq!(sel(None, None), [0, 1, 2]);
        assert_eq!(sel(Some(2019), None), [1, 2]);
        assert_eq!(sel(None, Some("Audrey")), [0, 1]);
        assert_eq!(sel(Some(2019), Some("Audrey")), [1]);
        assert_eq!(sel(Some(2018), None), Vec::<usize>::new());
    }

    #[test]
    fn can_name_filters_as_the_engine_does() {
        let q = ListingQuery::from_pairs([("q", "kube"), ("year", "2019"), ("who", "Agnès")]);
        assert_eq!(
            q.engine_filters(),
            [
                ("year", "2019".to_string()),
                ("person", "Agnès".to_string())
            ]
        );
        assert!(ListingQuery::default().engine_filters().is_empty());
    }

    #[test]
    fn can_list_years_and_people() {
        let f = Filters::of(&catalog().episodes);
        assert_eq!(f.years, [2020, 2019]);
        assert_eq!(
            f.people,
            [
                ("Audrey".to_string(), 2),
                ("Emmanuel".to_string(), 2),
                ("Guillaume".to_string(), 1)
            ]
        );
    }
}

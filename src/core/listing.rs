//! What the listing shows for a search and its filters: pure, so the rules
//! are tested natively and the UI only draws the result.

use super::catalog::Catalog;
use super::search::{Query, SearchIndex};

/// The listing's state, as the address carries it: `?q=…&year=…&who=…`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListingQuery {
    pub q: String,
    pub year: Option<i32>,
    pub who: Option<String>,
}

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
        pairs
    }

    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && self.year.is_none() && self.who.is_none()
    }

    pub fn words(&self) -> Query {
        Query::parse(&self.q)
    }
}

/// What to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Positions in the catalog, in the order to show them.
    Episodes(Vec<usize>),
    /// There are words to search, and the index has not arrived yet.
    NeedIndex,
}

/// The episodes for `query`: search hits, best first, or the whole listing
/// (newest first); then the year and person filters.
pub fn select(catalog: &Catalog, query: &ListingQuery, index: Option<&SearchIndex>) -> Selection {
    let words = query.words();
    let candidates: Vec<usize> = if words.is_empty() {
        (0..catalog.episodes.len()).collect()
    } else {
        match index {
            Some(index) if index.docs as usize == catalog.episodes.len() => index
                .search(&words)
                .into_iter()
                .map(|(doc, _)| doc as usize)
                .collect(),
            _ => return Selection::NeedIndex,
        }
    };
    let who = query.who.as_deref();
    Selection::Episodes(
        candidates
            .into_iter()
            .filter(|&i| {
                let e = &catalog.episodes[i];
                query.year.is_none_or(|y| e.date.year == y)
                    && who.is_none_or(|w| e.people().any(|p| p == w))
            })
            .collect(),
    )
}

/// The years that have episodes, newest first.
pub fn years(catalog: &Catalog) -> Vec<i32> {
    catalog.filters().years
}

/// Everyone named as team or guest, the most frequent first.
pub fn people(catalog: &Catalog) -> Vec<(String, usize)> {
    catalog.filters().people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::{EpisodeSummary, Site};
    use crate::core::date::Date;
    use crate::core::search::Document;

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

    fn index(c: &Catalog) -> SearchIndex {
        let people: Vec<Vec<String>> = c
            .episodes
            .iter()
            .map(|e| e.people().cloned().collect())
            .collect();
        let docs: Vec<Document> = c
            .episodes
            .iter()
            .zip(&people)
            .map(|(e, p)| Document {
                title: &e.title,
                people: p,
                notes: "",
            })
            .collect();
        SearchIndex::build(&docs)
    }

    #[test]
    fn can_read_and_write_the_address() {
        let q = ListingQuery::from_pairs([
            ("q", "kube"),
            ("year", "2019"),
            ("who", "Audrey"),
            ("utm", "x"),
        ]);
        assert_eq!(
            q,
            ListingQuery {
                q: "kube".into(),
                year: Some(2019),
                who: Some("Audrey".into())
            }
        );
        assert_eq!(
            q.to_pairs(),
            [
                ("q", "kube".to_string()),
                ("year", "2019".to_string()),
                ("who", "Audrey".to_string())
            ]
        );
        let bad = ListingQuery::from_pairs([("year", "soon"), ("who", " ")]);
        assert!(bad.is_empty());
        assert!(bad.to_pairs().is_empty());
    }

    #[test]
    fn can_combine_search_and_filters() {
        let c = catalog();
        let i = index(&c);
        let sel = |q: &str, year: Option<i32>, who: Option<&str>| {
            let query = ListingQuery {
                q: q.into(),
                year,
                who: who.map(String::from),
            };
            select(&c, &query, Some(&i))
        };
        assert_eq!(sel("", None, None), Selection::Episodes(vec![0, 1, 2]));
        assert_eq!(sel("kube", None, None), Selection::Episodes(vec![0, 2]));
        assert_eq!(sel("kube", Some(2019), None), Selection::Episodes(vec![2]));
        assert_eq!(
            sel("", None, Some("Audrey")),
            Selection::Episodes(vec![0, 1])
        );
        assert_eq!(
            sel("news", Some(2019), Some("Audrey")),
            Selection::Episodes(vec![1])
        );
        assert_eq!(
            sel("kube", Some(2019), Some("Audrey")),
            Selection::Episodes(vec![])
        );
        assert_eq!(
            select(
                &c,
                &ListingQuery {
                    q: "kube".into(),
                    ..Default::default()
                },
                None
            ),
            Selection::NeedIndex
        );
    }

    #[test]
    fn errors_if_the_index_is_from_another_build() {
        let c = catalog();
        let stale = SearchIndex::build(&[]);
        let query = ListingQuery {
            q: "kube".into(),
            ..Default::default()
        };
        assert_eq!(select(&c, &query, Some(&stale)), Selection::NeedIndex);
    }

    #[test]
    fn can_list_years_and_people() {
        let c = catalog();
        assert_eq!(years(&c), [2020, 2019]);
        assert_eq!(
            people(&c),
            [
                ("Audrey".to_string(), 2),
                ("Emmanuel".to_string(), 2),
                ("Guillaume".to_string(), 1)
            ]
        );
    }
}

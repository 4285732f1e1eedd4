//! Full-text search over titles, people and show notes.
//!
//! - [`tokenize`]: words, folded for case and accents (`École` → `ecole`),
//!   with their place in the original text.
//! - [`SearchIndex::build`] (at build time): normalized terms, sorted, each
//!   with its posting list of (episode, weight). Serialized compactly to
//!   `search.json`, fetched only when the listener searches.
//! - [`SearchIndex::search`]: every query word must match a word prefix
//!   (`kube` finds `Kubernetes`); title hits weigh more than people, which
//!   weigh more than notes; ties go to the newer episode.
//! - [`highlight`] and [`snippet`]: what to mark in a title, and which part
//!   of the notes to show.

use super::text::fold_char;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

/// Weights of a hit, by where the word stands.
pub const TITLE_WEIGHT: u32 = 12;
pub const PEOPLE_WEIGHT: u32 = 6;
/// Notes count once per occurrence, up to this much.
pub const NOTES_MAX_WEIGHT: u32 = 3;

/// Words too common to search for, in the languages the interface speaks,
/// folded and sorted. Content words are never dropped, however common: in
/// a Java podcast, "java" is in every episode and must still be found.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "au", "aux", "be", "but", "by", "ce", "ces", "d", "dans",
    "de", "des", "du", "en", "est", "et", "for", "from", "il", "in", "is", "it", "j", "l", "la",
    "le", "les", "n", "ne", "of", "on", "or", "ou", "par", "pas", "pour", "qu", "que", "qui", "s",
    "sa", "se", "ses", "son", "sur", "that", "the", "this", "to", "un", "une", "was", "with",
];

/// A word of a text: where it stands, and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub folded: String,
}

/// Characters outside ASCII that separate words. Everything else outside
/// ASCII is a letter (accented Latin folds to ASCII first), which keeps
/// Unicode tables out of the wasm.
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphanumeric();
    }
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{206f}' | '«' | '»' | '¡' | '¿' | '·' | '×' | '÷' | '°' | '§' | '¶' | '©' | '®' | '™'
            | '\u{3000}'..='\u{303f}' | '\u{fe10}'..='\u{fe6f}' | '\u{ff01}'..='\u{ff0f}' | '\u{1f000}'..
    )
}

/// Splits `text` into words, each folded to lowercase without accents.
/// Apostrophes split words (`l'utiliser` → `l`, `utiliser`), as French
/// elision wants.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    let mut folded = String::new();
    for (i, c) in text.char_indices() {
        if is_separator(c) {
            if let Some(s) = start.take() {
                tokens.push(Token {
                    range: s..i,
                    folded: std::mem::take(&mut folded),
                });
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        fold_char(c, &mut folded);
    }
    if let Some(s) = start {
        tokens.push(Token {
            range: s..text.len(),
            folded,
        });
    }
    tokens
}

/// What the listener typed, as folded words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub words: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut words: Vec<String> = tokenize(q).into_iter().map(|t| t.folded).collect();
        words.dedup();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether a folded word of a text matches one of the query's words.
    fn matches(&self, folded: &str) -> bool {
        self.words.iter().any(|w| folded.starts_with(w.as_str()))
    }
}

/// What one episode contributes to the index.
pub struct Document<'a> {
    pub title: &'a str,
    pub people: &'a [String],
    pub notes: &'a str,
}

/// The search index: sorted terms and, for each, who has it and how much.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// How many episodes it was built for: a stale index is refetched.
    pub docs: u32,
    /// The terms, sorted, joined with `\n`.
    terms: String,
    /// For each term in order, `doc delta,weight,doc delta,weight…`, the
    /// lists joined with `;`. Two long strings rather than thousands of
    /// small values: a 10,000-episode index decodes in a few milliseconds,
    /// and each list is read only when a query needs it.
    postings: String,
    #[serde(skip)]
    offsets: Vec<(u32, u32)>,
    #[serde(skip)]
    posting_offsets: Vec<(u32, u32)>,
}

impl SearchIndex {
    /// Builds the index. Terms that most episodes have (articles,
    /// prepositions) are left out: they would weigh more than all the rest
    /// and find everything.
    pub fn build(documents: &[Document]) -> SearchIndex {
        let mut map: BTreeMap<String, BTreeMap<u32, u32>> = BTreeMap::new();
        for (doc, d) in documents.iter().enumerate() {
            let doc = doc as u32;
            let mut add = |text: &str, weight: u32, cap: u32| {
                for t in tokenize(text) {
                    if t.folded.len() < 2 && !t.folded.bytes().all(|b| b.is_ascii_digit()) {
                        continue;
                    }
                    let w = map.entry(t.folded).or_default().entry(doc).or_insert(0);
                    *w = (*w + weight).min(cap.max(*w));
                }
            };
            add(d.notes, 1, NOTES_MAX_WEIGHT);
            for person in d.people {
                add(person, PEOPLE_WEIGHT, PEOPLE_WEIGHT + NOTES_MAX_WEIGHT);
            }
            add(
                d.title,
                TITLE_WEIGHT,
                TITLE_WEIGHT + PEOPLE_WEIGHT + NOTES_MAX_WEIGHT,
            );
        }
        let n = documents.len();
        let mut terms = String::new();
        let mut postings = String::new();
        for (term, docs) in map {
            if STOP_WORDS.binary_search(&term.as_str()).is_ok() {
                continue;
            }
            if !terms.is_empty() {
                terms.push('\n');
            }
            terms.push_str(&term);
            if !postings.is_empty() {
                postings.push(';');
            }
            let mut last = 0;
            for (i, (doc, weight)) in docs.into_iter().enumerate() {
                if i > 0 {
                    postings.push(',');
                }
                postings.push_str(&format!("{},{weight}", doc - last));
                last = doc;
            }
        }
        let mut index = SearchIndex {
            docs: n as u32,
            terms,
            postings,
            offsets: Vec::new(),
            posting_offsets: Vec::new(),
        };
        index.prepare().expect("a built index is consistent");
        index
    }

    /// An index from its serialized parts, as the browser's own JSON parser
    /// read them (much faster than decoding megabytes of JSON in wasm).
    pub fn from_parts(docs: u32, terms: String, postings: String) -> Result<SearchIndex, String> {
        let mut index = SearchIndex {
            docs,
            terms,
            postings,
            offsets: Vec::new(),
            posting_offsets: Vec::new(),
        };
        index.prepare()?;
        Ok(index)
    }

    /// Reads a serialized index.
    pub fn from_json(json: &str) -> Result<SearchIndex, String> {
        let mut index: SearchIndex = serde_json::from_str(json).map_err(|e| e.to_string())?;
        index.prepare()?;
        Ok(index)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the index always serializes")
    }

    fn prepare(&mut self) -> Result<(), String> {
        self.offsets = spans(&self.terms, b'\n');
        self.posting_offsets = spans(&self.postings, b';');
        if self.offsets.len() != self.posting_offsets.len() {
            return Err(format!(
                "{} terms but {} posting lists",
                self.offsets.len(),
                self.posting_offsets.len()
            ));
        }
        Ok(())
    }

    /// The posting list of term `i`: `(doc delta, weight)` pairs.
    fn postings(&self, i: usize) -> Result<Vec<u32>, String> {
        let (a, b) = self.posting_offsets[i];
        let text = &self.postings[a as usize..b as usize];
        let list: Result<Vec<u32>, _> = text.split(',').map(str::parse).collect();
        match list {
            Ok(l) if l.len() % 2 == 0 => Ok(l),
            _ => Err(format!("damaged posting list \"{text}\"")),
        }
    }

    /// Checks every posting list: the browser reads them lazily, so a
    /// damaged index would otherwise fail only on some queries.
    pub fn validate(&self) -> Result<(), String> {
        (0..self.posting_offsets.len()).try_for_each(|i| self.postings(i).map(drop))
    }

    fn term(&self, i: usize) -> &str {
        let (a, b) = self.offsets[i];
        &self.terms[a as usize..b as usize]
    }

    /// The terms that start with `prefix`: a range of the sorted list.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let lo = partition(&self.offsets, |i| self.term(i) < prefix);
        let hi = lo
            + partition(&self.offsets[lo..], |i| {
                self.term(lo + i).starts_with(prefix)
            });
        lo..hi
    }

    /// Episodes matching every word of `query`, best first: `(doc, score)`.
    /// Docs are positions in the catalog, which lists the newest first, so
    /// ties go to the newer episode.
    pub fn search(&self, query: &Query) -> Vec<(u32, u32)> {
        if query.is_empty() {
            return Vec::new();
        }
        let n = self.docs as usize;
        let mut total = vec![0u32; n];
        let mut matched = vec![0u16; n];
        for (wi, word) in query.words.iter().enumerate() {
            let mut best = vec![0u32; n];
            // One letter matches only itself: as a prefix it matches half
            // the dictionary.
            let range = if word.chars().count() < 2 {
                self.exact(word).map_or(0..0, |i| i..i + 1)
            } else {
                self.prefix_range(word)
            };
            for ti in range {
                let exact = self.term(ti) == word;
                let mut doc = 0u32;
                // A damaged list finds nothing rather than failing the page.
                for pair in self.postings(ti).unwrap_or_default().chunks_exact(2) {
                    doc += pair[0];
                    if let Some(b) = best.get_mut(doc as usize) {
                        // A whole-word hit counts double a prefix hit.
                        *b = (*b).max(pair[1] * if exact { 2 } else { 1 });
                    }
                }
            }
            for (doc, b) in best.into_iter().enumerate() {
                if b > 0 && usize::from(matched[doc]) == wi {
                    matched[doc] += 1;
                    total[doc] += b;
                }
            }
        }
        let need = query.words.len() as u16;
        let mut hits: Vec<(u32, u32)> = (0..n)
            .filter(|&d| matched[d] == need)
            .map(|d| (d as u32, total[d]))
            .collect();
        hits.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hits
    }

    fn exact(&self, word: &str) -> Option<usize> {
        let i = partition(&self.offsets, |i| self.term(i) < word);
        (i < self.offsets.len() && self.term(i) == word).then_some(i)
    }

    pub fn term_count(&self) -> usize {
        self.offsets.len()
    }
}

/// The byte ranges of the `sep`-separated parts of `text` (none if empty).
fn spans(text: &str, sep: u8) -> Vec<(u32, u32)> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0u32;
    for (i, b) in text.bytes().enumerate() {
        if b == sep {
            out.push((start, i as u32));
            start = i as u32 + 1;
        }
    }
    out.push((start, text.len() as u32));
    out
}

/// The first index in `0..items.len()` for which `pred` is false, given
/// that it is true for a prefix and false after.
fn partition<T>(items: &[T], pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, items.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The parts of `text` to mark: every word that a query word starts.
pub fn highlight(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    tokenize(text)
        .into_iter()
        .filter(|t| query.matches(&t.folded))
        .map(|t| t.range)
        .collect()
}

/// A passage of `text` of about `max_chars` around the best match, cut at
/// word boundaries, with `…` where it was cut, and its marks.
pub fn snippet(text: &str, query: &Query, max_chars: usize) -> (String, Vec<Range<usize>>) {
    snippet_of(&Tokenized::new(text.to_string()), query, max_chars)
}

/// A text and its tokens: the listing keeps the notes of search results
/// this way, so each keystroke finds snippets without splitting them again.
#[derive(Debug, PartialEq)]
pub struct Tokenized {
    pub text: String,
    tokens: Vec<Token>,
}

impl Tokenized {
    pub fn new(text: String) -> Self {
        let tokens = tokenize(&text);
        Tokenized { text, tokens }
    }
}

/// [`snippet`] over a text tokenized beforehand.
pub fn snippet_of(
    prepared: &Tokenized,
    query: &Query,
    max_chars: usize,
) -> (String, Vec<Range<usize>>) {
    let (text, tokens) = (prepared.text.as_str(), &prepared.tokens);
    // The best match: the place where the most different query words meet
    // within the window; the first such place on ties.
    let matches: Vec<(usize, usize)> = tokens
        .iter()
        .filter_map(|t| {
            query
                .words
                .iter()
                .position(|w| t.folded.starts_with(w.as_str()))
                .map(|wi| (t.range.start, wi))
        })
        .collect();
    let mut anchor = None;
    let mut best = 0;
    for (i, &(start, _)) in matches.iter().enumerate() {
        let mut seen: Vec<usize> = matches[i..]
            .iter()
            .take_while(|(s, _)| *s < start + max_chars / 2)
            .map(|&(_, w)| w)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() > best {
            best = seen.len();
            anchor = Some(start);
        }
    }
    let anchor = anchor.unwrap_or(0);
    // Start a little before the match, at a word start.
    let lead = max_chars / 4;
    let mut from = tokens
        .iter()
        .map(|t| t.range.start)
        .filter(|&s| s + lead >= anchor && s <= anchor)
        .min()
        .unwrap_or(anchor);
    if anchor < lead {
        from = 0;
    }
    let to = text[from..]
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| from + i);
    let mut to = to;
    if to < text.len() {
        // Back to the end of the last whole word.
        if let Some(t) = tokens
            .iter()
            .rev()
            .find(|t| t.range.end <= to && t.range.start >= from)
        {
            to = t.range.end;
        }
    }
    let mut out = String::new();
    let mut marks = Vec::new();
    if from > 0 {
        out.push('…');
    }
    let base = out.len();
    out.push_str(text[from..to].trim_end());
    for r in highlight(&text[from..to], query) {
        if r.end + base <= out.len() {
            marks.push(r.start + base..r.end + base);
        }
    }
    if to < text.len() {
        out.push('…');
    }
    (out, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn can_fold_accents_and_case_in_french() {
        for (input, want) in [
            ("Développeur", vec!["developpeur"]),
            ("ÉCOLE école Ecole", vec!["ecole", "ecole", "ecole"]),
            ("Où est l'œuvre ?", vec!["ou", "est", "l", "oeuvre"]),
            (
                "qu’est-ce que c’est",
                vec!["qu", "est", "ce", "que", "c", "est"],
            ),
            ("Noël à Besançon", vec!["noel", "a", "besancon"]),
        ] {
            assert_eq!(words(input), input_vec(&want), "{input}");
        }
    }

    fn input_vec(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn can_tokenize() {
        let t = tokenize("Rust 1.85, WebAssembly—and «Kubernetes» (k8s)!");
        let found: Vec<(&str, &str)> = t
            .iter()
            .map(|t| {
                (
                    &"Rust 1.85, WebAssembly—and «Kubernetes» (k8s)!"[t.range.clone()],
                    t.folded.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Rust", "rust"),
                ("1", "1"),
                ("85", "85"),
                ("WebAssembly", "webassembly"),
                ("and", "and"),
                ("Kubernetes", "kubernetes"),
                ("k8s", "k8s")
            ]
        );
        assert_eq!(words("日本語 текст"), ["日本語", "текст"]);
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words("  ...  "), Vec::<String>::new());
    }

    fn people(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    /// Docs in catalog order: newest first.
    fn index() -> SearchIndex {
        let a = people(&["Audrey"]);
        let none = people(&[]);
        let docs = [
            Document {
                title: "Kubernetes en production",
                people: &none,
                notes: "On parle de clusters.",
            },
            Document {
                title: "Les développeurs et l'École",
                people: &a,
                notes: "Une école pour développeurs.",
            },
            Document {
                title: "Docker",
                people: &none,
                notes: "Kubernetes, kubernetes et encore kubernetes. Un développeur.",
            },
            Document {
                title: "Java 21",
                people: &a,
                notes: "Rien sur les conteneurs.",
            },
        ];
        SearchIndex::build(&docs)
    }

    fn found(q: &str) -> Vec<u32> {
        index()
            .search(&Query::parse(q))
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    }

    #[test]
    fn can_match_prefixes_without_accents() {
        assert_eq!(found("kube"), [0, 2]);
        assert_eq!(found("developpeur"), [1, 2]);
        assert_eq!(found("ecole"), [1]);
        assert_eq!(found("ÉCOLE"), [1]);
        assert_eq!(found("audrey"), [1, 3]);
        assert_eq!(found("java 21"), [3]);
        assert_eq!(found("zzz"), Vec::<u32>::new());
        assert_eq!(found(""), Vec::<u32>::new());
    }

    #[test]
    fn can_require_every_word() {
        assert_eq!(found("kubernetes docker"), [2]);
        assert_eq!(found("audrey java"), [3]);
        assert_eq!(found("kubernetes java"), Vec::<u32>::new());
    }

    #[test]
    fn ranks_titles_above_notes_and_newer_on_ties() {
        // "Kubernetes" in a title beats three times in the notes.
        assert_eq!(found("kubernetes"), [0, 2]);
        // Both have "développeur(s)"; the title hit first.
        assert_eq!(found("developpeur"), [1, 2]);
        // Same weight (people), the newer (lower position) first.
        let hits = index().search(&Query::parse("audrey"));
        assert_eq!(hits[0].1, hits[1].1);
        assert_eq!(hits[0].0, 1);
    }

    #[test]
    fn can_round_trip_the_index() {
        let i = index();
        let json = i.to_json();
        let back = SearchIndex::from_json(&json).unwrap();
        assert_eq!(
            back.search(&Query::parse("kube")),
            i.search(&Query::parse("kube"))
        );
        assert_eq!(back.docs, 4);
        assert!(json.len() < 600, "{} bytes: {json}", json.len());
        for bad in [
            r#"{"docs":1,"terms":"a\nb","postings":"0,1"}"#,
            r#"{"docs":1,"terms":"a","postings":["0,1"]}"#,
        ] {
            assert!(SearchIndex::from_json(bad).is_err(), "{bad}");
        }
        for damaged in [
            r#"{"docs":1,"terms":"a","postings":"0,x"}"#,
            r#"{"docs":1,"terms":"a","postings":"0"}"#,
        ] {
            let i = SearchIndex::from_json(damaged).unwrap();
            assert!(i.validate().is_err(), "{damaged}");
            assert_eq!(
                i.search(&Query::parse("a")),
                [],
                "a damaged list finds nothing"
            );
        }
        let empty = SearchIndex::build(&[]);
        assert_eq!(
            SearchIndex::from_json(&empty.to_json())
                .unwrap()
                .search(&Query::parse("x")),
            []
        );
    }

    #[test]
    fn can_rebuild_the_index_from_its_parts() {
        let i = index();
        let json: serde_json::Value = serde_json::from_str(&i.to_json()).unwrap();
        let back = SearchIndex::from_parts(
            json["docs"].as_u64().unwrap() as u32,
            json["terms"].as_str().unwrap().to_string(),
            json["postings"].as_str().unwrap().to_string(),
        )
        .unwrap();
        assert_eq!(
            back.search(&Query::parse("kube")),
            i.search(&Query::parse("kube"))
        );
        assert!(SearchIndex::from_parts(1, "a\nb".into(), "0,1".into()).is_err());
    }

    #[test]
    fn keeps_common_content_words_but_not_stop_words() {
        let none = people(&[]);
        let notes: Vec<String> = (0..30)
            .map(|i| format!("le sujet java numero{i}"))
            .collect();
        let docs: Vec<Document> = notes
            .iter()
            .map(|n| Document {
                title: "x",
                people: &none,
                notes: n,
            })
            .collect();
        let i = SearchIndex::build(&docs);
        assert_eq!(i.search(&Query::parse("java")).len(), 30);
        assert!(i.search(&Query::parse("le")).is_empty());
        assert_eq!(i.search(&Query::parse("numero7")).len(), 1);
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted for binary search"
        );
    }

    #[test]
    fn can_highlight_matched_words() {
        let q = Query::parse("kube ecole");
        let text = "Kubernetes à l'École";
        let marked: Vec<&str> = highlight(text, &q).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, ["Kubernetes", "École"]);
        assert!(highlight(text, &Query::default()).is_empty());
    }

    #[test]
    fn can_extract_snippets_around_the_best_match() {
        let text = "Intro words here. Then a long passage about nothing in particular that goes on and on. \
                    Finally we talk about Kubernetes operators and Docker images in depth, with examples. The end.";
        let q = Query::parse("kubernetes docker");
        let (s, marks) = snippet(text, &q, 60);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("Kubernetes operators and Docker"), "{s}");
        let marked: Vec<&str> = marks.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(marked, ["Kubernetes", "Docker"]);
        assert!(s.chars().count() <= 62, "{s}");
        // Short text: whole, no ellipsis.
        assert_eq!(snippet("About Docker.", &q, 60).0, "About Docker.");
        // No match: the opening words.
        let (s, marks) = snippet(text, &Query::parse("zzz"), 20);
        assert!(s.starts_with("Intro words") && marks.is_empty(), "{s}");
    }
}

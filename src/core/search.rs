//! Search, around the site's search engine.
//!
//! The engine is [Pagefind](https://pagefind.app/docs/): the build indexes
//! every episode page with it, and the browser asks its index, loaded the
//! first time the listener searches. Pagefind ranks, stems the site's
//! language and folds accents. What stays here is what it leaves to us:
//! - [`Query::parse`]: the words as listeners type them: elided articles
//!   dropped (`l'école` → `école`), numbers without leading zeros
//!   (`042` → `42`), folded for highlighting (`École` → `ecole`).
//! - [`Query::corrected`]: one typo mended against the archive's own
//!   words (titles and people), which Pagefind does not do, for a word
//!   the engine's index lacks ([`begins_a_match`], [`Query::guessed`]). A word in
//!   double quotes is never mended: the quotes go to Pagefind, which
//!   matches a quoted word exactly (no prefix, no guess), and a quoted
//!   phrase's words side by side, in order.
//! - [`Excerpt::parse`]: Pagefind's excerpt, text with `<mark>`, read as
//!   text and marks: it is never inserted as HTML.
//! - [`newer_on_ties`]: relevance first, the newer episode on a tie.
//! - The names the episode pages give Pagefind's filters and metadata
//!   ([`FILTER_YEAR`] and the rest), written by `core::prerender` and read
//!   by the app.

use super::json::{each, Json};
use super::text::{fold_char, tally};
use std::ops::Range;

/// Pagefind filters on each episode page ([`data-pagefind-filter`]).
///
/// [`data-pagefind-filter`]: https://pagefind.app/docs/filtering/
pub const FILTER_YEAR: &str = "year";
pub const FILTER_PERSON: &str = "person";
pub const FILTER_SEASON: &str = "season";
/// Pagefind metadata on each episode page ([`data-pagefind-meta`]): the
/// slug maps a result back to the catalog.
///
/// [`data-pagefind-meta`]: https://pagefind.app/docs/metadata/
pub const META_SLUG: &str = "slug";
pub const META_NUMBER: &str = "number";
pub const META_DATE: &str = "date";
/// Where a paragraph of a transcript starts, in whole seconds: metadata of
/// the transcripts' own index ([`TRANSCRIPT_INDEX`]), whose records are a
/// paragraph each, filed under [`META_SLUG`] and the episode's filters.
pub const META_TIME: &str = "t";
/// The transcripts' Pagefind index, apart from the episode pages' (which
/// is `pagefind/`), so that the first search never downloads it: it is
/// asked only when the listener ticks "Search transcripts", or when the
/// titles and notes find nothing.
pub const TRANSCRIPT_INDEX: &str = "pagefind-transcripts";
/// The build's list of those records, written beside the pages for
/// `scripts/search-index`, which indexes and then removes it:
/// `[{url, content, language, meta, filters}]`, Pagefind's
/// [custom records](https://pagefind.app/docs/node-api/#indexaddcustomrecord).
pub const TRANSCRIPT_RECORDS: &str = "transcript-records.json";
/// Pagefind's sort key on each episode page ([`data-pagefind-sort`]).
///
/// [`data-pagefind-sort`]: https://pagefind.app/docs/sorts/
pub const SORT_DATE: &str = "date";

/// Articles that French, Italian and Catalan elide before a vowel
/// (`l'école`, `dell'anno`, `qu'il`), folded and sorted: listeners type
/// them, titles rarely make them worth searching for.
const ELIDED: &[&str] = &[
    "all", "c", "coll", "d", "dall", "dell", "j", "jusqu", "l", "lorsqu", "m", "n", "nell", "pell",
    "puisqu", "qu", "quoiqu", "s", "sull", "t", "un",
];

/// Quotation marks, straight and typographic (English, German, French),
/// opening or closing alike: each one starts or ends a quoted phrase.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '«' | '»')
}

/// Apostrophes that join an elided article to its word.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

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

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed: what the engine is asked (it folds case and accents
    /// itself, and ranks an exact accent higher).
    pub text: String,
    /// Without case or accents: what highlighting and typo mending match.
    pub folded: String,
    /// Whether the word was typed in quotes: it is never mended.
    pub quoted: bool,
}

/// What the listener typed, as words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Whether the whole query is one quoted phrase (`"joy of small"`),
    /// which the engine matches exactly: whole words, side by side, in
    /// order. Pagefind reads quotes only around a whole query; elsewhere
    /// they only keep words from being mended.
    pub exact: bool,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut terms: Vec<Term> = Vec::new();
        let (mut phrases, mut quoted, mut end) = (0usize, false, 0);
        let mut toggle = |between: &str| {
            for _ in between.chars().filter(|&c| is_quote(c)) {
                quoted = !quoted;
                phrases += usize::from(quoted);
            }
            quoted
        };
        for token in tokenize(q) {
            let quoted = toggle(&q[end..token.range.start]);
            end = token.range.end;
            let before = q[..token.range.start].chars().next_back();
            let after = q[token.range.end..].chars().next();
            let elided = after.is_some_and(is_apostrophe)
                && ELIDED.binary_search(&token.folded.as_str()).is_ok();
            // English possessive: `Rust's` searches for `Rust`.
            let possessive = token.folded == "s" && before.is_some_and(is_apostrophe);
            // A lone combining mark folds to nothing.
            if elided || possessive || token.folded.is_empty() {
                continue;
            }
            // Not lowercased here: Unicode's case tables would weigh on the
            // wasm, and the engine folds case itself.
            let mut text = q[token.range].to_string();
            let mut folded = token.folded;
            if folded.bytes().all(|b| b.is_ascii_digit()) {
                folded = without_leading_zeros(&folded);
                text = folded.clone();
            }
            // A phrase keeps every word: `"step by step"`.
            let repeated = || terms.iter().any(|t| !t.quoted && t.folded == folded);
            if quoted || !repeated() {
                terms.push(Term {
                    text,
                    folded,
                    quoted,
                });
            }
        }
        // Still open at the end, the phrase is being typed: its last word
        // may be a prefix, which an exact match would not find.
        let closed = !toggle(&q[end..]);
        let exact = closed && phrases == 1 && terms.iter().all(|t| t.quoted);
        Query {
            exact: exact && !terms.is_empty(),
            terms,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The words whose presence in the engine's index only the engine
    /// can tell: those no word of `vocabulary` begins. None in an exact
    /// query, which the engine never guesses at.
    pub fn doubtful<'a>(&'a self, vocabulary: &'a Vocabulary) -> impl Iterator<Item = &'a Term> {
        let exact = self.exact;
        self.terms
            .iter()
            .filter(move |t| !exact && !vocabulary.knows_prefix(&t.folded))
    }

    /// Whether the engine only guessed at a word of the query: a
    /// [`Query::doubtful`] word not among `engine_knows` (folded), the
    /// words its index was found to have.
    pub fn guessed(&self, vocabulary: &Vocabulary, engine_knows: &[String]) -> bool {
        self.doubtful(vocabulary)
            .any(|t| !engine_knows.contains(&t.folded))
    }

    /// The words to give the engine, space-separated; in double quotes
    /// when the query is [`Query::exact`].
    pub fn engine_text(&self) -> String {
        let words: Vec<&str> = self.terms.iter().map(|t| t.text.as_str()).collect();
        let words = words.join(" ");
        match self.exact {
            true => quoted(&words),
            false => words,
        }
    }

    /// `term` alone, matched exactly: whole, or by its stem, never by a
    /// guess.
    pub fn exactly(term: &Term) -> Query {
        Query {
            terms: vec![term.clone()],
            exact: true,
        }
    }

    /// This query with each word that `mended` (its [`Query::corrected`])
    /// replaced, and each word typed in quotes, in quotes of its own, so
    /// that none is mended: what "Search instead for" asks. A lone word
    /// in quotes is matched exactly.
    pub fn as_typed(&self, mended: &Query) -> String {
        let words: Vec<String> = self
            .terms
            .iter()
            .zip(&mended.terms)
            .map(|(t, m)| match t.quoted || t.folded != m.folded {
                true => quoted(&t.text),
                false => t.text.clone(),
            })
            .collect();
        words.join(" ")
    }

    /// The query with each word the archive does not know replaced by the
    /// archive's word one edit away (a letter added, dropped, changed, or
    /// two swapped), the most frequent on a choice; `None` when nothing
    /// was mended. Short words, numbers, quoted words, and words that begin
    /// a known word (the listener may still be typing) are left as they
    /// are.
    ///
    /// `vocabulary` holds only titles and people, so a word of the notes
    /// would look unknown: `engine_knows` are the query's words (folded)
    /// the engine's index was found to have, which are no typos either.
    pub fn corrected(&self, vocabulary: &Vocabulary, engine_knows: &[String]) -> Option<Query> {
        let mut mended = false;
        let terms = self
            .terms
            .iter()
            .map(|t| {
                let unknown = !t.quoted
                    && t.folded.chars().count() >= 4
                    && !t.folded.bytes().all(|b| b.is_ascii_digit())
                    && !vocabulary.knows_prefix(&t.folded)
                    && !engine_knows.contains(&t.folded);
                match vocabulary.nearest(&t.folded).filter(|_| unknown) {
                    Some(word) => {
                        mended = true;
                        Term {
                            text: word.shown().to_string(),
                            folded: word.folded.clone(),
                            quoted: false,
                        }
                    }
                    None => t.clone(),
                }
            })
            .collect();
        mended.then_some(Query {
            terms,
            exact: false,
        })
    }

    /// Whether a folded word of a text begins with one of the query's.
    fn matches(&self, folded: &str) -> bool {
        self.terms
            .iter()
            .any(|t| folded.starts_with(t.folded.as_str()))
    }
}

/// Whether the engine matched a word beginning with `word` (folded) on a
/// page where the words it matched are `found` (folded): then its index
/// has `word`, or words it begins. For a word its index lacks, Pagefind
/// instead matches the longest indexed word that begins it, often one
/// letter (`a` for `acessibility`, `sam` for `samll`), or a word that
/// begins with its stem (`told` for `tols`): none begins with the word.
pub fn begins_a_match(word: &str, found: &[String]) -> bool {
    found.iter().any(|f| f.starts_with(word))
}

/// `words` in the straight double quotes that both a listener's query
/// and the engine read as a quoted phrase.
fn quoted(words: &str) -> String {
    format!("\"{words}\"")
}

fn without_leading_zeros(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }.to_string()
}

/// The archive's own words, with how often each occurs: what a typo is
/// mended against.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Vocabulary {
    /// Sorted by folded form.
    words: Vec<Word>,
}

/// A word of the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Without case or accents, as queries are matched.
    pub folded: String,
    /// How often the archive has it.
    pub count: usize,
    /// Each way the archive writes it, with how often, sorted.
    forms: Vec<(String, usize)>,
}

impl Vocabulary {
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut v = Vocabulary::default();
        v.add(texts);
        v
    }

    /// Adds the words of `texts`: a large archive is added a part at a
    /// time, so that no part takes long.
    pub fn add<'a>(&mut self, texts: impl IntoIterator<Item = &'a str>) {
        // Each form as `folded NUL as written`: sorted, a word's forms sit
        // together (no word holds a NUL).
        let mut forms: Vec<String> = Vec::new();
        for text in texts {
            for t in tokenize(text) {
                if t.folded.chars().count() >= 2 {
                    forms.push(format!("{}\0{}", t.folded, &text[t.range]));
                }
            }
        }
        let mut added: Vec<Word> = Vec::new();
        for (form, n) in tally(forms.iter().map(String::as_str).collect()) {
            let (folded, written) = form.split_once('\0').unwrap_or((&form, &form));
            let word = Word {
                folded: folded.into(),
                count: n,
                forms: vec![(written.into(), n)],
            };
            match added.last_mut() {
                Some(last) if last.folded == word.folded => last.absorb(word),
                _ => added.push(word),
            }
        }
        // Both sorted: one pass merges them.
        let old = std::mem::take(&mut self.words);
        let (mut old, mut added) = (old.into_iter().peekable(), added.into_iter().peekable());
        loop {
            let next = match (old.peek(), added.peek()) {
                (Some(a), Some(b)) if a.folded == b.folded => {
                    let (mut a, b) = (old.next(), added.next());
                    if let (Some(a), Some(b)) = (a.as_mut(), b) {
                        a.absorb(b);
                    }
                    a
                }
                (Some(a), Some(b)) if a.folded < b.folded => old.next(),
                (Some(_), Some(_)) | (None, Some(_)) => added.next(),
                (Some(_), None) => old.next(),
                (None, None) => break,
            };
            self.words.extend(next);
        }
    }

    /// Whether some word of the archive begins with `prefix` (folded).
    pub fn knows_prefix(&self, prefix: &str) -> bool {
        let at = self.words.partition_point(|w| w.folded.as_str() < prefix);
        self.words
            .get(at)
            .is_some_and(|w| w.folded.starts_with(prefix))
    }

    /// The most frequent word one edit from `word` (folded).
    pub fn nearest(&self, word: &str) -> Option<&Word> {
        let len = word.chars().count();
        self.words
            .iter()
            .filter(|w| {
                w.folded.chars().count().abs_diff(len) <= 1 && one_edit_apart(word, &w.folded)
            })
            .max_by_key(|w| w.count)
    }
}

impl Word {
    /// As the archive writes it most often (`Sécurité`), the last in
    /// sorted order on a tie (`sécurité` rather than `SÉCURITÉ`): as a
    /// mended query shows it.
    pub fn shown(&self) -> &str {
        let most = self.forms.iter().max_by_key(|(_, n)| *n);
        most.map_or(self.folded.as_str(), |(form, _)| form.as_str())
    }

    /// Counts `other`, the same word from another text, in this one.
    fn absorb(&mut self, other: Word) {
        self.count += other.count;
        for (form, n) in other.forms {
            match self.forms.binary_search_by(|(f, _)| f.as_str().cmp(&form)) {
                Ok(at) => self.forms[at].1 += n,
                Err(at) => self.forms.insert(at, (form, n)),
            }
        }
    }
}

/// Whether `a` becomes `b` with one edit: a character inserted, deleted
/// or substituted, or two neighbours swapped (Damerau's distance of 1).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    match a.len().abs_diff(b.len()) {
        0 => {
            a[p + 1..] == b[p + 1..]
                || (p + 1 < a.len()
                    && a[p] == b[p + 1]
                    && a[p + 1] == b[p]
                    && a[p + 2..] == b[p + 2..])
        }
        1 => {
            let (long, short) = if a.len() > b.len() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            long[p + 1..] == short[p..]
        }
        _ => false,
    }
}

/// The parts of `text` to mark: every word that a query word begins.
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

/// A passage of an episode around what matched, as the engine cut it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    pub text: String,
    /// Byte ranges of `text` to mark.
    pub marks: Vec<Range<usize>>,
}

/// How many characters of an excerpt come before its first matched word,
/// at most: a card shows two lines of it, under 40 characters each on a
/// phone, and the match must be in them.
pub const EXCERPT_LEAD: usize = 30;

impl Excerpt {
    /// This excerpt from at most `lead` characters before its first mark,
    /// at the start of a word, with `…` for what was cut.
    pub fn leading(self, lead: usize) -> Excerpt {
        let Some(first) = self.marks.first().map(|m| m.start) else {
            return self;
        };
        let before = &self.text[..first];
        let over = before.chars().count().saturating_sub(lead);
        if over == 0 {
            return self;
        }
        let at = before.char_indices().nth(over).map_or(first, |(i, _)| i);
        // Cut in the middle of a word: start at the next one.
        let cut = match before[..at].ends_with(char::is_whitespace) {
            true => at,
            false => before[at..]
                .find(char::is_whitespace)
                .and_then(|ws| {
                    let rest = &before[at + ws..];
                    rest.find(|c: char| !c.is_whitespace()).map(|k| at + ws + k)
                })
                .unwrap_or(first),
        };
        let shift = |i: usize| i - cut + '…'.len_utf8();
        Excerpt {
            text: format!("…{}", &self.text[cut..]),
            marks: self
                .marks
                .iter()
                .map(|m| shift(m.start)..shift(m.end))
                .collect(),
        }
    }

    /// Reads Pagefind's excerpt: the page's text, with `<` and `>`
    /// escaped and the matched words in `<mark>` ([its result
    /// data](https://pagefind.app/docs/api/#loading-a-result)). Any other
    /// markup stays text.
    pub fn parse(html: &str) -> Excerpt {
        let mut out = Excerpt::default();
        let mut open = None;
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("<mark>") {
                open.get_or_insert(out.text.len());
                rest = r;
            } else if let Some(r) = rest.strip_prefix("</mark>") {
                if let Some(start) = open.take() {
                    if start < out.text.len() {
                        out.marks.push(start..out.text.len());
                    }
                }
                rest = r;
            } else if let Some(r) = rest.strip_prefix("&lt;") {
                out.text.push('<');
                rest = r;
            } else if let Some(r) = rest.strip_prefix("&gt;") {
                out.text.push('>');
                rest = r;
            } else {
                let c = rest.chars().next().unwrap_or_default();
                out.text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if let Some(start) = open.filter(|&s| s < out.text.len()) {
            out.marks.push(start..out.text.len());
        }
        out
    }
}

/// A result as the search module (`src/bin/search.rs`) hands it to the
/// app, which finds its episode by slug.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown {
    /// The episode's slug ([`META_SLUG`]).
    pub slug: String,
    /// Where a transcript's paragraph starts, in seconds ([`META_TIME`]);
    /// `None` for an episode page, or a transcript without times.
    pub time: Option<u32>,
    pub excerpt: Excerpt,
}

impl Shown {
    /// As the module hands it over: `[slug, seconds or null, text,
    /// [start, end, start, end…]]`, the marks as byte offsets of `text`.
    pub fn to_json(&self) -> Json {
        let marks = self.excerpt.marks.iter().flat_map(|m| [m.start, m.end]);
        Json::Arr(vec![
            Json::Str(self.slug.clone()),
            self.time.map_or(Json::Null, |t| Json::Num(t.into())),
            Json::Str(self.excerpt.text.clone()),
            Json::Arr(marks.map(|at| Json::Num(at as f64)).collect()),
        ])
    }

    /// Reads what [`Shown::to_json`] wrote. Marks outside the text, or
    /// not on a character's boundary, are dropped: they would split it.
    pub fn from_json(j: &Json) -> Result<Shown, String> {
        let [slug, time, text, marks] = j.items("a result")? else {
            return Err("a result should have four parts".into());
        };
        let text = text.text("its text")?;
        let offsets = marks
            .items("its marks")?
            .iter()
            .map(|m| Ok(m.whole("a mark", text.len() as u64)? as usize))
            .collect::<Result<Vec<usize>, String>>()?;
        let marks = offsets
            .chunks_exact(2)
            .map(|m| m[0]..m[1])
            .filter(|m| {
                m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end)
            })
            .collect();
        Ok(Shown {
            slug: slug.text("its slug")?,
            time: match time {
                Json::Null => None,
                t => Some(t.whole("its time", u32::MAX.into())? as u32),
            },
            excerpt: Excerpt { text, marks },
        })
    }
}

/// One search's answer, from the search module to the app.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    /// The module's number for this search: the app asks it for more
    /// results' details by it.
    pub search: u32,
    /// How many episodes matched.
    pub total: usize,
    /// The query as mended, when a word looked like a typo and the
    /// mended query found episodes: the results are then its own.
    pub mended: Option<Mended>,
    /// The first results' details, best first.
    pub shown: Vec<Shown>,
    /// Paragraphs of transcripts, best first.
    pub in_transcripts: Vec<Shown>,
}

/// A query whose results are those of its words as mended.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mended {
    /// What was searched instead ([`Query::corrected`]'s engine text).
    pub query: String,
    /// The query that searches the words as typed ([`Query::as_typed`]).
    pub as_typed: String,
}

impl Answer {
    /// As the module hands it over: `[search, total, [mended, as typed]
    /// or null, [shown…], [in transcripts…]]`.
    pub fn to_json(&self) -> Json {
        let list = |l: &[Shown]| Json::Arr(l.iter().map(Shown::to_json).collect());
        Json::Arr(vec![
            Json::Num(self.search.into()),
            Json::Num(self.total as f64),
            self.mended.as_ref().map_or(Json::Null, |m| {
                Json::Arr(vec![
                    Json::Str(m.query.clone()),
                    Json::Str(m.as_typed.clone()),
                ])
            }),
            list(&self.shown),
            list(&self.in_transcripts),
        ])
    }

    /// Reads what [`Answer::to_json`] wrote.
    pub fn from_json(j: &Json) -> Result<Answer, String> {
        let [search, total, mended, shown, in_transcripts] = j.items("a search's answer")? else {
            return Err("a search's answer should have five parts".into());
        };
        Ok(Answer {
            search: search.whole("its number", u32::MAX.into())? as u32,
            total: total.whole("its total", u32::MAX.into())? as usize,
            mended: match mended {
                Json::Null => None,
                m => match m.items("its mended query")? {
                    [query, as_typed] => Some(Mended {
                        query: query.text("its mended query")?,
                        as_typed: as_typed.text("its query as typed")?,
                    }),
                    _ => return Err("its mended query should have two parts".into()),
                },
            },
            shown: Shown::list_from_json(shown)?,
            in_transcripts: Shown::list_from_json(in_transcripts)?,
        })
    }
}

impl Shown {
    /// A list of [`Shown::to_json`]'s.
    pub fn list_from_json(j: &Json) -> Result<Vec<Shown>, String> {
        each(j.items("the results")?, "result", Shown::from_json)
    }
}

/// Orders results of equal score newer first, keeping the engine's order
/// otherwise. Scores within a millionth are equal: they come through
/// floating point. A result without a date (`None`) counts as the oldest.
pub fn newer_on_ties<T, D: Ord>(hits: &mut [T], score: impl Fn(&T) -> f64, date: impl Fn(&T) -> D) {
    let tier = |t: &T| (score(t) * 1e6).round() as i64;
    super::order::sort_by(hits, |a, b| {
        tier(b).cmp(&tier(a)).then(date(b).cmp(&date(a)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;

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

    fn query(q: &str) -> Vec<String> {
        Query::parse(q).terms.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn can_read_queries_as_listeners_type_them() {
        for (typed, want) in [
            (
                "Accessibility is a feature",
                vec!["Accessibility", "is", "a", "feature"],
            ),
            ("l'école", vec!["école"]),
            ("L’École d’été", vec!["École", "été"]),
            ("qu'il dell'anno", vec!["il", "anno"]),
            ("Rust's borrow checker", vec!["Rust", "borrow", "checker"]),
            ("episode 042", vec!["episode", "42"]),
            ("#42", vec!["42"]),
            ("000", vec!["0"]),
            ("kube kube KUBE", vec!["kube"]),
            ("  ", vec![]),
        ] {
            assert_eq!(query(typed), input_vec(&want), "{typed}");
        }
        // An `l` that is not elided is a word.
        assert_eq!(query("l ecole"), ["l", "ecole"]);
        assert_eq!(Query::parse("Sécurité Kube").engine_text(), "Sécurité Kube");
        assert_eq!(Query::parse("Sécurité").terms[0].folded, "securite");
    }

    #[test]
    fn can_read_quoted_words() {
        // Quotes around the whole query ask for an exact match; elsewhere
        // Pagefind would take them as one phrase of everything, so they
        // only keep words from being mended.
        for (typed, engine, quoted) in [
            (
                r#""joy of small""#,
                r#""joy of small""#,
                vec![true, true, true],
            ),
            (
                "  “step by step”  ",
                r#""step by step""#,
                vec![true, true, true],
            ),
            (
                r#""joy of small" tools"#,
                "joy of small tools",
                vec![true, true, true, false],
            ),
            ("„Kubernetes“ «Rust»", "Kubernetes Rust", vec![true, true]),
            // Still being typed: its last word may be a prefix.
            (r#""joy of sm"#, "joy of sm", vec![true, true, true]),
            (r#"a "b c"#, "a b c", vec![false, true, true]),
            (r#""" kube"#, "kube", vec![false]),
            (r#""l'école""#, r#""école""#, vec![true]),
            ("\"rust\" rust", "rust rust", vec![true, false]),
        ] {
            let q = Query::parse(typed);
            assert_eq!(q.engine_text(), engine, "{typed}");
            let marks: Vec<bool> = q.terms.iter().map(|t| t.quoted).collect();
            assert_eq!(marks, quoted, "{typed}");
        }
        assert!(!Query::parse(r#""""#).exact);
        // Every quote opens or closes a phrase: a million do not overflow.
        assert_eq!(Query::parse(&"\"a\" ".repeat(1 << 20)).terms.len(), 1 << 20);
    }

    #[test]
    fn can_tell_one_edit_from_more() {
        for (a, b, want) in [
            ("acessibility", "accessibility", true),
            ("accessibilty", "accessibility", true),
            ("accesibility", "accessibility", true),
            ("acecssibility", "accessibility", true),
            ("accessibilitx", "accessibility", true),
            ("xaccessibility", "accessibility", true),
            ("accessibility", "accessibility", false),
            ("acessibilty", "accessibility", false),
            ("tools", "toolsets", false),
            ("ab", "ba", true),
            ("", "a", true),
        ] {
            assert_eq!(one_edit_apart(a, b), want, "{a} / {b}");
            assert_eq!(one_edit_apart(b, a), want, "{b} / {a}");
        }
    }

    #[test]
    fn can_mend_a_typo_against_the_archive() {
        let vocabulary = Vocabulary::new([
            "Accessibility is a feature",
            "Kubernetes and accessibility",
            "Accessible tools",
            "Agnès Crépet",
        ]);
        let mended = |q: &str| {
            Query::parse(q)
                .corrected(&vocabulary, &[])
                .map(|q| q.engine_text())
        };
        assert_eq!(
            mended("acessibility is a feature").as_deref(),
            Some("accessibility is a feature")
        );
        assert_eq!(mended("kubernets").as_deref(), Some("Kubernetes"));
        assert_eq!(mended("Agnes Crepte").as_deref(), Some("Agnes Crépet"));
        // Known words, words being typed, short words and numbers stay.
        assert_eq!(mended("accessib"), None);
        assert_eq!(mended("featur"), None);
        assert_eq!(mended("fea"), None);
        assert_eq!(mended("1234"), None);
        // Nothing near enough.
        assert_eq!(mended("zzzzzz"), None);
        // Quoted words are never mended.
        assert_eq!(mended(r#""acessibility""#), None);
        let q = Query::parse(r#""acessibility" kubernets"#);
        let terms = q.corrected(&vocabulary, &[]).unwrap().terms;
        let texts: Vec<(&str, bool)> = terms.iter().map(|t| (t.text.as_str(), t.quoted)).collect();
        assert_eq!(texts, [("acessibility", true), ("Kubernetes", false)]);
    }

    #[test]
    fn can_tell_the_engines_match_from_its_guess() {
        let found = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        for (word, on_page, matched) in [
            ("best", found(&["best"]), true),
            ("kube", found(&["kubernetes"]), true),
            ("jq", found(&["jq"]), true),
            // Pagefind's guesses for a word its index lacks.
            ("acessibility", found(&["a", "feature"]), false),
            ("samll", found(&["sam", "tools"]), false),
            ("helo", found(&["he"]), false),
            ("tols", found(&["told"]), false),
            ("securte", found(&["secure"]), false),
            ("slow", found(&[]), false),
        ] {
            assert_eq!(
                begins_a_match(word, &on_page),
                matched,
                "{word} on {on_page:?}"
            );
        }
        // A word of the notes that looks like a title's word with a typo.
        let vocabulary = Vocabulary::new(["The rest of us", "A new home for the show"]);
        let doubtful = |q: &str| {
            let q = Query::parse(q);
            let words: Vec<String> = q.doubtful(&vocabulary).map(|t| t.folded.clone()).collect();
            words
        };
        assert_eq!(doubtful("rest of best"), ["best"]);
        assert_eq!(doubtful(r#""best""#), Vec::<String>::new());
        assert!(!Query::parse("rest of").guessed(&vocabulary, &[]));
        assert!(Query::parse("rest best").guessed(&vocabulary, &[]));
        assert!(!Query::parse("rest best").guessed(&vocabulary, &found(&["best"])));
        let best = Query::parse("best");
        assert_eq!(best.corrected(&vocabulary, &found(&["best"])), None);
        assert_eq!(
            best.corrected(&vocabulary, &[]).map(|q| q.engine_text()),
            Some("rest".into())
        );
        assert_eq!(
            Query::parse("slow best")
                .corrected(&vocabulary, &found(&["slow"]))
                .map(|q| q.engine_text()),
            Some("slow rest".into())
        );
    }

    #[test]
    fn can_search_again_as_typed() {
        let vocabulary = Vocabulary::new(["Accessibility and Kubernetes", "the joy of tools"]);
        for (typed, as_typed) in [
            ("acessibility", r#""acessibility""#),
            ("acessibility kubernets", r#""acessibility" "kubernets""#),
            (
                r#""the joy" of tols acessibility"#,
                r#""the" "joy" of "tols" "acessibility""#,
            ),
        ] {
            let q = Query::parse(typed);
            let mended = q.corrected(&vocabulary, &[]).unwrap();
            assert_eq!(q.as_typed(&mended), as_typed, "{typed}");
            // Searched again, it is never mended.
            assert_eq!(Query::parse(as_typed).corrected(&vocabulary, &[]), None);
        }
    }

    #[test]
    fn can_add_words_a_part_at_a_time() {
        let whole = Vocabulary::new(["Rust and Kubernetes", "Java and Rust", "Zig"]);
        let mut parts = Vocabulary::new(["Rust and Kubernetes"]);
        parts.add(["Java and Rust"]);
        parts.add(["Zig"]);
        assert_eq!(parts, whole);
        let words: Vec<(&str, usize)> = whole
            .words
            .iter()
            .map(|w| (w.folded.as_str(), w.count))
            .collect();
        assert_eq!(
            words,
            [
                ("and", 2),
                ("java", 1),
                ("kubernetes", 1),
                ("rust", 2),
                ("zig", 1)
            ]
        );
    }

    #[test]
    fn can_show_a_mended_word_as_the_archive_writes_it() {
        let mut v = Vocabulary::new(["Sécurité et sécurité", "SÉCURITÉ", "Agnès Crépet"]);
        v.add(["la sécurité"]);
        let word = v.nearest("securiet").unwrap();
        assert_eq!((word.shown(), word.count), ("sécurité", 4));
        // A tie: the form that sorts last.
        assert_eq!(
            Vocabulary::new(["ZIG Zig"]).nearest("zag").unwrap().shown(),
            "Zig"
        );
        let mended = Query::parse("agnes crepte").corrected(&v, &[]).unwrap();
        assert_eq!(mended.engine_text(), "agnes Crépet");
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
    fn can_read_the_engines_excerpt_as_text() {
        let e = Excerpt::parse("about <mark>Kubernetes</mark> &lt;b&gt; & <mark>Docker</mark>.");
        assert_eq!(e.text, "about Kubernetes <b> & Docker.");
        let marked: Vec<&str> = e.marks.iter().map(|r| &e.text[r.clone()]).collect();
        assert_eq!(marked, ["Kubernetes", "Docker"]);
        // Hostile or broken markup is text, and an open mark ends with it.
        let e = Excerpt::parse("<img src=x onerror=alert(1)> <mark>été");
        assert_eq!(e.text, "<img src=x onerror=alert(1)> été");
        assert_eq!(&e.text[e.marks[0].clone()], "été");
        assert_eq!(Excerpt::parse("<mark></mark>x").marks, vec![]);
    }

    #[test]
    fn can_start_an_excerpt_near_its_match() {
        let marked = |e: &Excerpt| -> Vec<String> {
            e.marks
                .iter()
                .map(|r| e.text[r.clone()].to_string())
                .collect()
        };
        let e = Excerpt::parse(
            "Épisode 5. TAS 5 - Interview: keeping a 1,000-episode archive alive. With <mark>Léa</mark> Fontaine.",
        )
        .leading(30);
        assert_eq!(e.text, "…archive alive. With Léa Fontaine.");
        assert_eq!(marked(&e), ["Léa"]);
        // A cut on a word's start keeps that word.
        let e = Excerpt::parse("aaaa bbbb <mark>c</mark> d").leading(5);
        assert_eq!(
            (e.text.as_str(), marked(&e)),
            ("…bbbb c d", vec!["c".to_string()])
        );
        // Near enough, or without marks, it is as it was.
        for html in [
            "short <mark>x</mark> y",
            "no marks at all, however long the text before it is",
        ] {
            assert_eq!(Excerpt::parse(html).leading(10), Excerpt::parse(html));
        }
        // One long word before the mark: it goes whole.
        let e = Excerpt::parse("abcdefghijklmnop <mark>x</mark>").leading(3);
        assert_eq!((e.text.as_str(), marked(&e)), ("…x", vec!["x".to_string()]));
    }

    #[test]
    fn can_hand_an_answer_from_the_module_to_the_app() {
        let shown = |slug: &str, time, html: &str| Shown {
            slug: slug.into(),
            time,
            excerpt: Excerpt::parse(html),
        };
        let answer = Answer {
            search: 7,
            total: 10_000,
            mended: Some(Mended {
                query: "accessibility".into(),
                as_typed: r#""acessibility""#.into(),
            }),
            shown: vec![
                shown(
                    "café-été",
                    None,
                    "un <mark>café</mark> à l'<mark>été</mark> &lt;b&gt;",
                ),
                shown("no-marks", None, ""),
            ],
            in_transcripts: vec![shown("talk", Some(3_725), "we <mark>talk</mark>")],
        };
        // Through JSON text, as the browser's own parser would carry it.
        let carried = Json::parse(&answer.to_json().to_text()).unwrap();
        assert_eq!(Answer::from_json(&carried), Ok(answer.clone()));
        let plain = Answer {
            mended: None,
            ..answer
        };
        assert_eq!(Answer::from_json(&plain.to_json()), Ok(plain));
    }

    #[test]
    fn errors_if_an_answer_is_not_what_the_module_writes() {
        for (text, error) in [
            ("{}", "a search's answer should be a list"),
            (
                "[1, 2, null, []]",
                "a search's answer should have five parts",
            ),
            (r#"[1, -2, null, [], []]"#, "its total"),
            (r#"[1, 2, 3, [], []]"#, "its mended query should be a list"),
            (
                r#"[1, 2, ["a"], [], []]"#,
                "its mended query should have two parts",
            ),
            (
                r#"[1, 2, ["a", 3], [], []]"#,
                "its query as typed should be text",
            ),
            (
                r#"[1, 2, null, [["a", null, "x"]], []]"#,
                "result 1: a result should have four parts",
            ),
            (
                r#"[1, 2, null, [], [[5, null, "x", []]]]"#,
                "result 1: its slug should be text",
            ),
            (
                r#"[1, 2, null, [["a", 1.5, "x", []]], []]"#,
                "result 1: its time",
            ),
            (
                r#"[1, 2, null, [["a", null, "x", [0, 9]]], []]"#,
                "result 1: a mark",
            ),
        ] {
            let got = Answer::from_json(&Json::parse(text).unwrap());
            assert!(
                got.as_ref().is_err_and(|e| e.contains(error)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn drops_marks_that_would_split_a_character() {
        let j = Json::parse(r#"["a", null, "été", [0, 1, 2, 3, 3, 5, 4, 4]]"#).unwrap();
        let shown = Shown::from_json(&j).unwrap();
        assert_eq!(shown.excerpt.marks, vec![2..3, 3..5]);
    }

    #[test]
    fn ranks_newer_first_on_equal_scores() {
        let d = Date::parse_ymd;
        let mut hits = vec![
            (2.0, None, "undated"),
            (2.0, d("2020-01-01"), "old"),
            (2.0000000001, d("2024-01-01"), "new"),
            (3.0, d("2019-01-01"), "best"),
        ];
        newer_on_ties(&mut hits, |h| h.0, |h| h.1);
        let order: Vec<&str> = hits.iter().map(|h| h.2).collect();
        assert_eq!(order, ["best", "new", "old", "undated"]);
    }

    #[test]
    fn elided_articles_are_sorted_for_binary_search() {
        assert!(ELIDED.windows(2).all(|w| w[0] < w[1]));
    }
}

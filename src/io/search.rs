//! The search engine: Pagefind, which the build writes beside the app, run
//! in a thread of its own (`search-worker.js`, driven by `search.js`) that
//! starts as the search module (`src/bin/search.rs`) is loaded. Only that
//! module calls this: [`find`] makes one search, of the words as typed or
//! as mended, and hands the app an [`Answer`]; [`shown`] reads more
//! results' details. The app's own module carries none of it.

use super::{network, yield_now, FetchError};
use crate::core::date::Date;
use crate::core::search::{
    begins_a_match, newer_on_ties, tokenize, Answer, Excerpt, Mended, Query, Shown, Term,
    Vocabulary, EXCERPT_LEAD, META_DATE, META_SLUG, META_TIME, TRANSCRIPT_INDEX,
};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/io/search.js")]
extern "C" {
    #[wasm_bindgen(js_name = warm, catch)]
    async fn warm_js(bundle: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = search, catch)]
    async fn search_js(bundle: &str, term: &str, filters: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = details, catch)]
    async fn details_js(search: u32, places: Vec<u32>) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = matched, catch)]
    async fn matched_js(search: u32, place: u32) -> Result<JsValue, JsValue>;
}

/// The site's search indexes, each a Pagefind bundle of its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Index {
    /// The episode pages: titles, people and notes.
    Episodes,
    /// The transcripts, a paragraph per result (see
    /// [`crate::core::search::TRANSCRIPT_INDEX`]).
    Transcripts,
}

impl Index {
    fn bundle(self) -> &'static str {
        match self {
            Index::Episodes => "pagefind",
            Index::Transcripts => TRANSCRIPT_INDEX,
        }
    }
}

/// One page the engine found: its id, its relevance (higher is better;
/// comparable within one search), and where the engine keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub score: f64,
    /// Which search found it, and its place in that search's results.
    search: u32,
    place: u32,
}

/// What the page of a [`Hit`] says: the result as the app draws it (its
/// [`META_SLUG`], its [`META_TIME`] for a transcript's paragraph, and
/// Pagefind's excerpt, read by [`Excerpt::parse`]), and the episode's
/// [`META_DATE`], for ties.
type Details = (Shown, Option<Date>);

fn field(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Starts the engine ahead of a search (the listener focused the box).
pub async fn warm() -> Result<(), FetchError> {
    warm_js(Index::Episodes.bundle())
        .await
        .map(|_| ())
        .map_err(network)
}

/// The records of `index` matching `term`, best first, within `filters`
/// (name, value).
pub async fn search(
    index: Index,
    term: &str,
    filters: &[(String, String)],
) -> Result<Vec<Hit>, FetchError> {
    let chosen = Object::new();
    for (name, value) in filters {
        let _ = Reflect::set(&chosen, &name.into(), &value.into());
    }
    let found = search_js(index.bundle(), term, &chosen)
        .await
        .map_err(network)?;
    let search = field(&found, "search").as_f64().unwrap_or_default() as u32;
    let ids = field(&found, "ids").as_string().unwrap_or_default();
    let scores = js_sys::Float64Array::from(field(&found, "scores")).to_vec();
    Ok(ids
        .split('\n')
        .filter(|id| !id.is_empty())
        .zip(scores)
        .enumerate()
        .map(|(place, (id, score))| Hit {
            id: id.to_string(),
            score,
            search,
            place: place as u32,
        })
        .collect())
}

/// What the pages of `hits` say, in their order: each is one small file of
/// the index, loaded together. A page whose details fail to load (or name
/// no slug) is `None`; when none loads, that is the error.
async fn details(hits: &[Hit]) -> Result<Vec<Option<Details>>, FetchError> {
    let mut out = vec![None; hits.len()];
    let mut searches: Vec<u32> = Vec::new();
    for h in hits {
        if !searches.contains(&h.search) {
            searches.push(h.search);
        }
    }
    for search in searches {
        let at: Vec<usize> = (0..hits.len())
            .filter(|&i| hits[i].search == search)
            .collect();
        let places = at.iter().map(|&i| hits[i].place).collect();
        let found = details_js(search, places).await.map_err(network)?;
        for (&i, d) in at.iter().zip(js_sys::Array::from(&found).iter()) {
            let meta = field(&d, "meta");
            let text = |v: &JsValue, key| field(v, key).as_string();
            out[i] = text(&meta, META_SLUG)
                .filter(|s| !s.is_empty())
                .map(|slug| {
                    let shown = Shown {
                        slug,
                        time: text(&meta, META_TIME).and_then(|t| t.parse().ok()),
                        excerpt: Excerpt::parse(&text(&d, "excerpt").unwrap_or_default())
                            .leading(EXCERPT_LEAD),
                    };
                    (
                        shown,
                        text(&meta, META_DATE).and_then(|d| Date::parse_ymd(&d)),
                    )
                });
        }
    }
    if !hits.is_empty() && out.iter().all(Option::is_none) {
        return Err(FetchError::Invalid {
            url: "pagefind/".into(),
            reason: "no result's details could be read".into(),
        });
    }
    Ok(out)
}

/// The words the engine matched on the page of `hit`, folded; `None`
/// when its page cannot be read.
async fn matched(hit: &Hit) -> Option<Vec<String>> {
    let words = js_sys::Array::from(&matched_js(hit.search, hit.place).await.ok()?);
    let words = words.iter().filter_map(|w| w.as_string());
    Some(words.flat_map(|w| tokenize(&w)).map(|t| t.folded).collect())
}

/// The [`Query::doubtful`] words of `words` that the engine's `index`
/// has, `hits` being its results for them within `filters`: a word is
/// there if a word the engine matched on its best page begins with it
/// ([`begins_a_match`]), or if its exact search of the word alone (which
/// matches stems, never guesses) finds something. When that page cannot
/// be read, every word counts as there: the engine's results stand.
async fn engine_knows(
    words: &Query,
    hits: &[Hit],
    vocabulary: &Vocabulary,
    (index, filters): (Index, &[(String, String)]),
) -> Result<Vec<String>, FetchError> {
    let mut knows = Vec::new();
    let doubtful: Vec<&Term> = words.doubtful(vocabulary).collect();
    let Some(best) = hits.first().filter(|_| !doubtful.is_empty()) else {
        return Ok(knows);
    };
    let found = matched(best).await;
    for t in doubtful {
        let begun = found.as_ref().is_none_or(|f| begins_a_match(&t.folded, f));
        let exact = Query::exactly(t).engine_text();
        if begun || !search(index, &exact, filters).await?.is_empty() {
            knows.push(t.folded.clone());
        }
    }
    Ok(knows)
}

/// How many transcript paragraphs a search shows.
const TRANSCRIPT_HITS: usize = 20;

/// One search of `q` within `filters` (name, value): the words as typed
/// or, when one looks like a typo (the engine did not match it, and
/// `vocabulary` has a word one edit away) and the words as mended find
/// episodes, as mended; nothing when the engine only guessed at a word
/// and none could be mended; the details of the first `want` results;
/// and the transcripts' paragraphs, when `transcripts` asks for them or
/// nothing else matched, if the archive `has_transcripts`. Returns the answer (numbered `number`) and
/// every hit, for [`shown`] to read more of.
///
/// The words as typed go to the engine at once; `vocabulary` is awaited
/// only after, so the archive's words may still be being learned while
/// the engine searches.
pub async fn find(
    q: &str,
    filters: &[(String, String)],
    (transcripts, has_transcripts): (bool, bool),
    vocabulary: impl std::future::Future<Output = std::rc::Rc<Vocabulary>>,
    want: usize,
    number: u32,
) -> Result<(Answer, Vec<Hit>), FetchError> {
    let words = Query::parse(q);
    let typed = search(Index::Episodes, &words.engine_text(), filters).await?;
    // The archive's words are only its titles and people: a word they lack
    // is mended only if the engine did not match it itself on its best
    // page. For a word its index lacks, Pagefind matches the longest
    // indexed word that begins it, often one letter; those guesses are
    // never shown. The mended words' results replace them, as a web
    // search's "Showing results for" does, and the listener can still
    // search as typed.
    let vocabulary = vocabulary.await;
    let knows = engine_knows(&words, &typed, &vocabulary, (Index::Episodes, filters)).await?;
    let mended = words.corrected(&vocabulary, &knows);
    let again = match &mended {
        Some(m) => search(Index::Episodes, &m.engine_text(), filters).await?,
        None => Vec::new(),
    };
    let (hits, mended) = match () {
        _ if !again.is_empty() => (again, mended),
        _ if words.guessed(&vocabulary, &knows) => (Vec::new(), None),
        _ => (typed, None),
    };
    // An archive without transcripts has no such index, whatever an old
    // link asks; and a failure there leaves the episodes found standing.
    let in_transcripts = match (transcripts || hits.is_empty()) && has_transcripts {
        true => in_transcripts(mended.as_ref().unwrap_or(&words), &vocabulary, filters)
            .await
            .unwrap_or_default(),
        false => Vec::new(),
    };
    let answer = Answer {
        search: number,
        total: hits.len(),
        mended: mended.map(|m| Mended {
            query: m.engine_text(),
            as_typed: words.as_typed(&m),
        }),
        shown: shown(&hits[..want.min(hits.len())]).await?,
        in_transcripts,
    };
    Ok((answer, hits))
}

/// The best paragraphs of transcripts for `words`, with their details;
/// none when the engine only guessed at a word (see [`find`]).
async fn in_transcripts(
    words: &Query,
    vocabulary: &Vocabulary,
    filters: &[(String, String)],
) -> Result<Vec<Shown>, FetchError> {
    let mut hits = search(Index::Transcripts, &words.engine_text(), filters).await?;
    let knows = engine_knows(words, &hits, vocabulary, (Index::Transcripts, filters)).await?;
    if words.guessed(vocabulary, &knows) {
        hits.clear();
    }
    hits.truncate(TRANSCRIPT_HITS);
    let details = details(&hits).await?.into_iter().flatten();
    Ok(details.map(|(shown, _)| shown).collect())
}

/// The details of `hits` (one page of results), newer first among equal
/// scores within the page. A page whose details could not be read is left
/// out.
pub async fn shown(hits: &[Hit]) -> Result<Vec<Shown>, FetchError> {
    let mut found: Vec<(f64, Option<Date>, Shown)> = hits
        .iter()
        .zip(details(hits).await?)
        .filter_map(|(hit, d)| d.map(|(shown, date)| (hit.score, date, shown)))
        .collect();
    newer_on_ties(&mut found, |f| f.0, |f| f.1);
    Ok(found.into_iter().map(|(_, _, shown)| shown).collect())
}

/// How many lines of the archive's words go into the vocabulary per task.
const VOCABULARY_PART: usize = 1_500;

/// The archive's words for mending typos, from `text` (its titles and
/// people, a line each), a part at a time, each in its own short task.
pub async fn vocabulary(text: &str) -> Vocabulary {
    let mut v = Vocabulary::default();
    let lines: Vec<&str> = text.lines().collect();
    for part in lines.chunks(VOCABULARY_PART) {
        v.add(part.iter().copied());
        yield_now().await;
    }
    v
}

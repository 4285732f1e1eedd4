//! The listing's search: asked of the engine (`io::search`) a moment after
//! the listener stops typing, with the details of the results on screen
//! loaded as they are drawn.

use crate::core::catalog::Catalog;
use crate::core::listing::ListingQuery;
use crate::core::search::{merge, newer_on_ties, Excerpt, Query, Vocabulary};
use crate::io::search::{self, Hit, Index};
use crate::io::FetchError;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the engine is asked, in ms: a query
/// per word, not per key.
const DEBOUNCE_MS: u32 = 120;

#[derive(Clone, PartialEq)]
pub enum SearchState {
    /// No words to search.
    Idle,
    Loading,
    Ready(Rc<Found>),
    Failed(FetchError),
}

/// The results of one search.
pub struct Found {
    /// The search it answers (see [`Running::generation`]): a page of
    /// details for an older search is dropped.
    generation: u32,
    /// Every hit, for drawing more of them.
    hits: Rc<Vec<Hit>>,
    /// What was searched: results stay on screen while a newer search
    /// runs, and [`Found::answers`] tells them apart.
    query: ListingQuery,
    /// The words to mark in the results' titles: as typed, and as mended.
    pub marked: Rc<Query>,
    /// How many episodes matched.
    pub total: usize,
    /// The first results, best first, as catalog positions with their
    /// excerpts: as many as the listing asked to draw, or all.
    pub shown: Vec<(usize, Excerpt)>,
    /// How many of the hits `shown` was made from (a hit the catalog does
    /// not know is left out).
    loaded: usize,
    /// Paragraphs of transcripts, best first: asked when the listener ticks
    /// "Search transcripts", or when titles and notes find nothing.
    pub in_transcripts: Rc<Vec<TranscriptHit>>,
}

/// A paragraph of a transcript that a search found.
pub struct TranscriptHit {
    /// The episode, as a catalog position.
    pub at: usize,
    /// Where the paragraph starts, in seconds; `None` for a transcript
    /// without times.
    pub time: Option<u32>,
    pub excerpt: Excerpt,
}

/// How many transcript paragraphs a search shows.
const TRANSCRIPT_HITS: usize = 20;

impl PartialEq for Found {
    fn eq(&self, other: &Found) -> bool {
        self.generation == other.generation
            && self.loaded == other.loaded
            && Rc::ptr_eq(&self.hits, &other.hits)
    }
}

impl Found {
    /// How many results were asked for so far: `shown` and the ones left
    /// out for want of a catalog entry.
    pub fn loaded(&self) -> usize {
        self.loaded
    }

    /// Whether these are the results of `query` (not of an earlier one).
    pub fn answers(&self, query: &ListingQuery) -> bool {
        self.query.q.trim() == query.q.trim()
            && self.query.year == query.year
            && self.query.who == query.who
            && self.query.transcripts == query.transcripts
    }
}

/// What the running search needs between its steps.
#[derive(Default)]
struct Running {
    /// Bumped by every new query: an answer for an older one is dropped.
    generation: u32,
    debounce: Option<Timeout>,
    /// The archive's words, for mending typos: made on the first search,
    /// for the catalog (its address and size) they were made from.
    vocabulary: Option<((usize, usize), Rc<Vocabulary>)>,
}

/// Searches `query` in `catalog`, keeping the details of the first `want`
/// results loaded. Returns the state and a callback that loads the engine
/// ahead of a search, or retries a failed one.
#[hook]
pub fn use_search(
    query: &ListingQuery,
    want: usize,
    catalog: Option<Rc<Catalog>>,
) -> (SearchState, Callback<()>) {
    let state = use_state(|| SearchState::Idle);
    let running = use_mut_ref(Running::default);
    let retries = use_state(|| 0u32);
    let key = (
        query.q.trim().to_string(),
        query.engine_filters(),
        query.transcripts,
        catalog.as_ref().map(|c| (Rc::as_ptr(c), c.episodes.len())),
        *retries,
    );
    {
        let asked = query.clone();
        let (state, running, catalog, want) =
            (state.clone(), running.clone(), catalog.clone(), want);
        use_effect_with(key, move |(q, filters, transcripts, _, _)| {
            let mut r = running.borrow_mut();
            r.generation += 1;
            r.debounce = None;
            let words = Query::parse(q);
            match catalog {
                _ if words.is_empty() => state.set(SearchState::Idle),
                None => {}
                Some(catalog) => {
                    // The results shown stay until the new ones arrive.
                    if !matches!(*state, SearchState::Ready(_)) {
                        state.set(SearchState::Loading);
                    }
                    let generation = r.generation;
                    let (running, filters) = (running.clone(), filters.clone());
                    let transcripts = *transcripts;
                    let asked = asked.clone();
                    r.debounce = Some(Timeout::new(DEBOUNCE_MS, move || {
                        wasm_bindgen_futures::spawn_local(async move {
                            let result = run(
                                &words,
                                &filters,
                                transcripts,
                                &catalog,
                                &running,
                                (want, generation),
                            )
                            .await;
                            let result = result.map(|found| Found {
                                query: asked,
                                ..found
                            });
                            if running.borrow().generation == generation {
                                state.set(match result {
                                    Ok(found) => SearchState::Ready(Rc::new(found)),
                                    Err(e) => SearchState::Failed(e),
                                });
                            }
                        });
                    }));
                }
            }
        });
    }
    {
        // The listing drew further down: load the next results' details.
        let (state, running, catalog) = (state.clone(), running.clone(), catalog.clone());
        let found = match &*state {
            SearchState::Ready(found) => Some(found.clone()),
            _ => None,
        };
        use_effect_with((want, found), move |(want, found)| {
            let Some(found) = found else {
                return;
            };
            let (from, to) = (found.loaded, (*want).min(found.total));
            let Some(catalog) = catalog.filter(|_| to > from) else {
                return;
            };
            // Results of a search a newer one has replaced are going.
            let current = |found: &Found| running.borrow().generation == found.generation;
            if !current(found) {
                return;
            }
            let found = found.clone();
            let running = running.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let hits = &found.hits;
                let more = shown(&hits[from.min(hits.len())..to.min(hits.len())], &catalog).await;
                if running.borrow().generation != found.generation {
                    return;
                }
                state.set(match more {
                    Ok(more) => SearchState::Ready(Rc::new(Found {
                        generation: found.generation,
                        hits: found.hits.clone(),
                        query: found.query.clone(),
                        marked: found.marked.clone(),
                        total: found.total,
                        shown: found.shown.iter().cloned().chain(more).collect(),
                        loaded: to,
                        in_transcripts: found.in_transcripts.clone(),
                    })),
                    Err(e) => SearchState::Failed(e),
                });
            });
        });
    }
    let warm = {
        let state = state.clone();
        Callback::from(move |()| {
            if matches!(*state, SearchState::Failed(_)) {
                retries.set(*retries + 1);
            }
            wasm_bindgen_futures::spawn_local(async {
                // A failure shows when a search is made.
                let _ = search::warm().await;
            });
        })
    };
    ((*state).clone(), warm)
}

/// One search: the words as typed and, when one looks like a typo, as
/// mended against the archive's own words; then the first results'
/// details; and the transcripts, when `transcripts` asks for them or
/// nothing else matched.
async fn run(
    words: &Query,
    filters: &[(&'static str, String)],
    transcripts: bool,
    catalog: &Catalog,
    running: &Rc<RefCell<Running>>,
    (want, generation): (usize, u32),
) -> Result<Found, FetchError> {
    let typed = search::search(Index::Episodes, &words.engine_text(), filters).await?;
    let archive_words = vocabulary(catalog, running).await;
    let mut marked = words.clone();
    let mended = match words.corrected(&archive_words) {
        Some(mended) => {
            let found = search::search(Index::Episodes, &mended.engine_text(), filters).await?;
            marked.terms.extend(mended.terms);
            found
        }
        None => Vec::new(),
    };
    let hits = Rc::new(merge(typed, mended, |h| h.id.as_str(), |h| h.score));
    // An archive without transcripts has no such index, whatever an old
    // link asks; and a failure there leaves the episodes found standing.
    let ask = (transcripts || hits.is_empty()) && catalog.filters.transcripts;
    let in_transcripts = match ask {
        true => in_transcripts(words, filters, catalog)
            .await
            .unwrap_or_default(),
        false => Vec::new(),
    };
    let loaded = want.min(hits.len());
    Ok(Found {
        generation,
        hits: hits.clone(),
        query: ListingQuery::default(),
        marked: Rc::new(marked),
        total: hits.len(),
        shown: shown(&hits[..loaded], catalog).await?,
        loaded,
        in_transcripts: Rc::new(in_transcripts),
    })
}

/// The best paragraphs of transcripts for `words`, with their details.
async fn in_transcripts(
    words: &Query,
    filters: &[(&'static str, String)],
    catalog: &Catalog,
) -> Result<Vec<TranscriptHit>, FetchError> {
    let mut hits = search::search(Index::Transcripts, &words.engine_text(), filters).await?;
    hits.truncate(TRANSCRIPT_HITS);
    let details = search::details(&hits).await?;
    Ok(details
        .into_iter()
        .filter_map(|d| {
            Some(TranscriptHit {
                at: catalog.position(&d.slug)?,
                time: d.time,
                excerpt: Excerpt::parse(&d.excerpt),
            })
        })
        .collect())
}

/// The catalog positions and excerpts of `hits` (one page of results),
/// newer first among equal scores within the page. A page the catalog
/// does not know (an index older than the catalog) is left out.
async fn shown(hits: &[Hit], catalog: &Catalog) -> Result<Vec<(usize, Excerpt)>, FetchError> {
    let details = search::details(hits).await?;
    let mut found: Vec<(f64, usize, Excerpt)> = hits
        .iter()
        .zip(details)
        .filter_map(|(hit, d)| {
            let at = catalog.position(&d.slug)?;
            Some((hit.score, at, Excerpt::parse(&d.excerpt)))
        })
        .collect();
    newer_on_ties(&mut found, |f| f.0, |f| catalog.episodes[f.1].date);
    Ok(found.into_iter().map(|(_, at, e)| (at, e)).collect())
}

/// How many episodes' titles and people go into the vocabulary per task.
const VOCABULARY_PART: usize = 500;

/// The archive's words (titles and people), made once per catalog, a part
/// at a time, each in its own short task.
async fn vocabulary(catalog: &Catalog, running: &Rc<RefCell<Running>>) -> Rc<Vocabulary> {
    let made_for = (std::ptr::from_ref(catalog) as usize, catalog.episodes.len());
    if let Some((from, v)) = &running.borrow().vocabulary {
        if *from == made_for {
            return v.clone();
        }
    }
    let mut v = Vocabulary::default();
    for part in catalog.episodes.chunks(VOCABULARY_PART) {
        v.add(
            part.iter().flat_map(|e| {
                std::iter::once(e.title.as_str()).chain(e.people().map(String::as_str))
            }),
        );
        crate::io::yield_now().await;
    }
    let v = Rc::new(v);
    running.borrow_mut().vocabulary = Some((made_for, v.clone()));
    v
}

//! The listing's search: asked of the search module (`src/bin/search.rs`,
//! which drives the engine) a moment after the listener stops typing, with
//! the details of the results on screen loaded as they are drawn.

use crate::core::catalog::Catalog;
use crate::core::listing::ListingQuery;
use crate::core::search::{Answer, Excerpt, Mended, Query, Shown};
use crate::io::json::from_js;
use crate::io::{modules, FetchError};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The search module's exports (`src/bin/search.rs`). Each returns a
    /// promise, rejected as `FetchError::to_js` (`learn`'s never is).
    type SearchModule;
    #[wasm_bindgen(method)]
    fn warm(this: &SearchModule) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn learn(this: &SearchModule, words: String) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn find(
        this: &SearchModule,
        q: &str,
        filters: Vec<String>,
        transcripts: bool,
        has_transcripts: bool,
        want: usize,
    ) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn more(this: &SearchModule, search: u32, from: usize, to: usize) -> js_sys::Promise;
}

/// The search module, loaded once a page.
async fn module() -> Result<SearchModule, FetchError> {
    Ok(modules::load(modules::SEARCH)
        .ready()
        .await?
        .unchecked_into())
}

/// Waits for a call to the search module.
async fn called(promise: js_sys::Promise) -> Result<JsValue, FetchError> {
    JsFuture::from(promise)
        .await
        .map_err(|e| FetchError::from_js(e, modules::SEARCH))
}

/// The module's answer as it reads; a broken one is the module's fault.
fn read<T>(
    value: &JsValue,
    decode: impl Fn(&crate::core::json::Json) -> Result<T, String>,
) -> Result<T, FetchError> {
    decode(&from_js(value)).map_err(|reason| FetchError::Invalid {
        url: modules::SEARCH.into(),
        reason,
    })
}

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
    /// The module's number for it, to ask for more of its results.
    search: u32,
    /// What was searched: results stay on screen while a newer search
    /// runs, and [`Found::answers`] tells them apart.
    query: ListingQuery,
    /// The words to mark in the results' titles: as typed, and as mended.
    pub marked: Rc<Query>,
    /// How many episodes matched.
    pub total: usize,
    /// Set when the results are those of the words as mended.
    pub mended: Option<Rc<Mended>>,
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

impl PartialEq for Found {
    fn eq(&self, other: &Found) -> bool {
        self.generation == other.generation
            && self.loaded == other.loaded
            && self.search == other.search
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
    /// The catalog (its address and size) whose words the module was
    /// given for mending typos (it may still be learning them).
    taught: Option<(usize, usize)>,
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
                                (&asked.q, &words),
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
                let more = more(&found, (from, to), &catalog).await;
                if running.borrow().generation != found.generation {
                    return;
                }
                state.set(match more {
                    Ok(more) => SearchState::Ready(Rc::new(Found {
                        generation: found.generation,
                        search: found.search,
                        query: found.query.clone(),
                        marked: found.marked.clone(),
                        total: found.total,
                        mended: found.mended.clone(),
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
            let (catalog, running) = (catalog.clone(), running.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // A failure shows when a search is made.
                if let Ok(module) = module().await {
                    if let Some(catalog) = catalog {
                        teach(&module, &catalog, &running);
                    }
                    let _ = called(module.warm()).await;
                }
            });
        })
    };
    ((*state).clone(), warm)
}

/// Teaches the module the words of `catalog` for mending typos, once per
/// catalog: on the box's first focus once the whole archive is loaded
/// (else with the first search), while the engine loads and the listener
/// types. Not awaited: the module has a search wait for the lesson only
/// before mending, and a lesson never fails.
fn teach(module: &SearchModule, catalog: &Catalog, running: &RefCell<Running>) {
    let made_for = (std::ptr::from_ref(catalog) as usize, catalog.episodes.len());
    if running.borrow().taught != Some(made_for) {
        running.borrow_mut().taught = Some(made_for);
        let _ = module.learn(archive_words(catalog));
    }
}

/// One search of `q` (read as `words`), made by the search module: the
/// words as typed or, when one looks like a typo (mended against the
/// archive's own words, [`teach`]) and the mended words find episodes, as
/// mended; then the first results' details; and the transcripts, when
/// `transcripts` asks for them or nothing else matched.
async fn run(
    (q, words): (&str, &Query),
    filters: &[(&'static str, String)],
    transcripts: bool,
    catalog: &Catalog,
    running: &Rc<RefCell<Running>>,
    (want, generation): (usize, u32),
) -> Result<Found, FetchError> {
    let module = module().await?;
    teach(&module, catalog, running);
    let filters = filters
        .iter()
        .flat_map(|(name, value)| [name.to_string(), value.clone()]);
    let asked = module.find(
        q,
        filters.collect(),
        transcripts,
        catalog.filters.transcripts,
        want,
    );
    let answer = read(&called(asked).await?, Answer::from_json)?;
    let mut marked = words.clone();
    if let Some(mended) = &answer.mended {
        marked.terms.extend(Query::parse(&mended.query).terms);
    }
    let in_transcripts = answer.in_transcripts.into_iter().filter_map(|s| {
        Some(TranscriptHit {
            at: catalog.position(&s.slug)?,
            time: s.time,
            excerpt: s.excerpt,
        })
    });
    Ok(Found {
        generation,
        search: answer.search,
        query: ListingQuery::default(),
        marked: Rc::new(marked),
        total: answer.total,
        mended: answer.mended.map(Rc::new),
        shown: positions(answer.shown, catalog),
        loaded: want.min(answer.total),
        in_transcripts: Rc::new(in_transcripts.collect()),
    })
}

/// The details of results `from..to` of `found`'s search.
async fn more(
    found: &Found,
    (from, to): (usize, usize),
    catalog: &Catalog,
) -> Result<Vec<(usize, Excerpt)>, FetchError> {
    let asked = module().await?.more(found.search, from, to);
    let shown = read(&called(asked).await?, Shown::list_from_json)?;
    Ok(positions(shown, catalog))
}

/// Results as catalog positions with their excerpts. A page the catalog
/// does not know (an index older than the catalog) is left out.
fn positions(shown: Vec<Shown>, catalog: &Catalog) -> Vec<(usize, Excerpt)> {
    shown
        .into_iter()
        .filter_map(|s| Some((catalog.position(&s.slug)?, s.excerpt)))
        .collect()
}

/// The archive's words for mending typos, as the module learns them: each
/// episode's title and people, a line each.
fn archive_words(catalog: &Catalog) -> String {
    let mut words = String::new();
    for e in catalog.episodes.iter() {
        for text in std::iter::once(&e.title).chain(e.people()) {
            words.push_str(text);
            words.push('\n');
        }
    }
    words
}

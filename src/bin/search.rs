//! The search module: drives the search engine for the listing, a wasm
//! module of its own that the app loads when the listener first focuses
//! the search box, as it does the engine (see
//! `podcast_viewer::io::search` and `podcast_viewer::io::modules`).
//! Listeners who never search never download it.
//!
//! Its exports keep what a search needs between calls: the archive's
//! words for mending typos, and the hits of the last searches, whose
//! details are read a page at a time as the listing draws them.

#[cfg(target_arch = "wasm32")]
mod exports {
    use podcast_viewer::core::json::Json;
    use podcast_viewer::core::search::{Shown, Vocabulary};
    use podcast_viewer::io::search::{self, Hit};
    use podcast_viewer::io::{json, FetchError};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    #[global_allocator]
    static ALLOCATOR: ::talc::wasm::WasmDynamicTalc = ::talc::wasm::new_wasm_dynamic_allocator();

    /// How many of the latest searches started keep their hits for
    /// [`more`]: the listing asks only of the newest, but an answer may be
    /// on its way as the next search starts.
    const KEPT: u32 = 4;

    #[derive(Default)]
    struct State {
        vocabulary: Rc<Vocabulary>,
        /// The hits of the latest searches, by number, in the order they
        /// finished (a slow one may finish after a newer one).
        searches: Vec<(u32, Rc<Vec<Hit>>)>,
        /// The number of the latest search started.
        last: u32,
        /// The number of the latest lesson started: an older one that
        /// finishes after it does not replace its words.
        lessons: u32,
        /// The number of the lesson whose words `vocabulary` holds: until
        /// it is the latest, a search waits to mend.
        learned: u32,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::default();
    }

    /// Starts the engine ahead of a search. Rejects as [`FetchError::to_js`].
    #[wasm_bindgen]
    pub async fn warm() -> Result<(), JsValue> {
        search::warm().await.map_err(|e| e.to_js())
    }

    /// Learns the archive's words for mending typos: its titles and
    /// people, a line each. Replaces what it learned before. Never
    /// rejects.
    #[wasm_bindgen]
    pub async fn learn(words: String) {
        let lesson = STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.lessons += 1;
            s.lessons
        });
        let v = Rc::new(search::vocabulary(&words).await);
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            if lesson == s.lessons {
                s.vocabulary = v;
                s.learned = lesson;
            }
        });
    }

    /// Searches `q` within `filters` (name, value, name, value…), with the
    /// details of the first `want` results; the transcripts too when
    /// `transcripts` asks, if the archive `has_transcripts`. Resolves to
    /// `core::search::Answer::to_json`; rejects as [`FetchError::to_js`].
    #[wasm_bindgen]
    pub async fn find(
        q: String,
        filters: Vec<String>,
        transcripts: bool,
        has_transcripts: bool,
        want: usize,
    ) -> Result<JsValue, JsValue> {
        let filters: Vec<(String, String)> = filters
            .chunks_exact(2)
            .map(|f| (f[0].clone(), f[1].clone()))
            .collect();
        let number = STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.last += 1;
            s.last
        });
        // Mending waits for a lesson under way; the engine does not.
        let vocabulary = async {
            while STATE.with(|s| s.borrow().learned != s.borrow().lessons) {
                podcast_viewer::io::yield_now().await;
            }
            STATE.with(|s| s.borrow().vocabulary.clone())
        };
        let (answer, hits) = search::find(
            &q,
            &filters,
            (transcripts, has_transcripts),
            vocabulary,
            want,
            number,
        )
        .await
        .map_err(|e| e.to_js())?;
        STATE.with(|s| {
            let s = &mut *s.borrow_mut();
            s.searches.push((number, Rc::new(hits)));
            // By number, not by arrival: the newest search always stays.
            let latest = s.last;
            s.searches.retain(|(n, _)| latest - n < KEPT);
        });
        Ok(json::to_js(&answer.to_json()))
    }

    /// The details of the results `from..to` of the search numbered
    /// `search`, as a list of `core::search::Shown::to_json`. Rejects as
    /// [`FetchError::to_js`], also when that search is no longer kept (one
    /// of the [`KEPT`] latest started).
    #[wasm_bindgen]
    pub async fn more(search: u32, from: usize, to: usize) -> Result<JsValue, JsValue> {
        let hits = STATE.with(|s| {
            let s = s.borrow();
            let kept = s.searches.iter().find(|(n, _)| *n == search);
            kept.map(|(_, hits)| hits.clone())
        });
        let hits = hits.ok_or_else(|| {
            FetchError::Invalid {
                url: "pagefind/".into(),
                reason: "that search is over".into(),
            }
            .to_js()
        })?;
        let to = to.min(hits.len());
        let page = &hits[from.min(to)..to];
        let shown = search::shown(page).await.map_err(|e| e.to_js())?;
        Ok(json::to_js(&Json::Arr(
            shown.iter().map(Shown::to_json).collect(),
        )))
    }
}

fn main() {
    // The module has no start of its own: the app calls its exports.
}

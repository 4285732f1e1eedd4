//! The search index, fetched the first time the listener searches, then
//! kept for the rest of the visit.

use crate::core::search::SearchIndex;
use crate::io::{fetch_search_index, FetchError};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

thread_local! {
    static CACHE: RefCell<Option<Rc<SearchIndex>>> = const { RefCell::new(None) };
}

#[derive(Clone, PartialEq)]
pub enum SearchIndexState {
    /// Not asked for: the listing never waits on search.
    Idle,
    Loading,
    Ready(Rc<SearchIndex>),
    Failed(FetchError),
}

/// The index's state, and a callback that starts loading it (or retries).
#[hook]
pub fn use_search_index() -> (SearchIndexState, Callback<()>) {
    let state = use_state(|| match CACHE.with(|c| c.borrow().clone()) {
        Some(index) => SearchIndexState::Ready(index),
        None => SearchIndexState::Idle,
    });
    let request = {
        let state = state.clone();
        Callback::from(move |()| {
            if matches!(
                *state,
                SearchIndexState::Loading | SearchIndexState::Ready(_)
            ) {
                return;
            }
            state.set(SearchIndexState::Loading);
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match fetch_search_index().await {
                    Ok(index) => {
                        let index = Rc::new(index);
                        CACHE.with(|c| *c.borrow_mut() = Some(index.clone()));
                        SearchIndexState::Ready(index)
                    }
                    Err(e) => SearchIndexState::Failed(e),
                });
            });
        })
    };
    ((*state).clone(), request)
}

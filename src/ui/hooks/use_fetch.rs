//! `use_fetch`: one async download, its loading and error states, and retry.

use crate::io::FetchError;
use std::future::Future;
use std::rc::Rc;
use yew::prelude::*;

/// Where a download stands.
#[derive(Debug)]
pub enum Load<T> {
    Loading,
    Ready(Rc<T>),
    Failed(FetchError),
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Loading => Load::Loading,
            Load::Ready(v) => Load::Ready(Rc::clone(v)),
            Load::Failed(e) => Load::Failed(e.clone()),
        }
    }
}

impl<T> PartialEq for Load<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Load::Loading, Load::Loading) => true,
            (Load::Ready(a), Load::Ready(b)) => Rc::ptr_eq(a, b),
            (Load::Failed(a), Load::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// A download's state and a callback that starts it again.
#[derive(Clone, PartialEq)]
pub struct Fetch<T> {
    pub state: Load<T>,
    pub retry: Callback<()>,
}

/// Runs `fetch(key)` when mounted, whenever `key` changes, and on retry.
/// A slow answer for an old key never overwrites a newer one. With an
/// `initial` value (what the page was built from), the first render shows
/// it and nothing is fetched until `key` changes or a retry.
#[hook]
pub fn use_fetch<T, K, F, Fut>(key: K, initial: Option<Rc<T>>, fetch: F) -> Fetch<T>
where
    T: 'static,
    K: PartialEq + Clone + 'static,
    F: FnOnce(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, FetchError>> + 'static,
{
    // Whether the first render had a value: later renders (there may be
    // several before the first effect runs) are given none.
    let given = *use_mut_ref(|| initial.is_some()).borrow();
    let state = use_state(|| initial.map_or(Load::Loading, Load::Ready));
    let attempt = use_state(|| 0u32);
    let generation = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with((key, *attempt), move |(key, attempt)| {
            let first = *generation.borrow() == 0;
            if first && given && *attempt == 0 {
                // Counted, so that a later key is fetched.
                *generation.borrow_mut() += 1;
                return;
            }
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            state.set(Load::Loading);
            let pending = fetch(key.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = pending.await;
                if *generation.borrow() == mine {
                    state.set(match result {
                        Ok(v) => Load::Ready(Rc::new(v)),
                        Err(e) => Load::Failed(e),
                    });
                }
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    Fetch {
        state: (*state).clone(),
        retry,
    }
}

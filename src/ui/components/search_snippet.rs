use crate::core::search::{snippet_of, Query, Tokenized};
use crate::io::fetch_notes_text;
use crate::ui::components::highlighted;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 180;

/// How many episodes' notes are kept for snippets: a few searches' worth.
const KEPT: usize = 60;

thread_local! {
    /// Notes already fetched for snippets, tokenized once, newest last.
    static TEXTS: RefCell<Vec<(String, Rc<Tokenized>)>> = const { RefCell::new(Vec::new()) };
}

#[derive(Properties, PartialEq)]
pub struct SearchSnippetProps {
    pub slug: AttrValue,
    pub query: Rc<Query>,
    /// Shown until the notes arrive, or if they cannot.
    pub fallback: AttrValue,
}

/// The part of an episode's notes around the best match, marked. The
/// notes' text is fetched for the results on screen only.
#[component]
pub fn SearchSnippet(props: &SearchSnippetProps) -> Html {
    let text = use_state(|| {
        TEXTS.with(|t| {
            t.borrow()
                .iter()
                .find(|(s, _)| s == props.slug.as_str())
                .map(|(_, text)| text.clone())
        })
    });
    {
        let text = text.clone();
        use_effect_with(props.slug.clone(), move |slug| {
            if text.is_none() {
                let slug = slug.to_string();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(notes) = fetch_notes_text(&slug).await {
                        let notes = Rc::new(Tokenized::new(notes));
                        TEXTS.with(|t| {
                            let mut kept = t.borrow_mut();
                            if kept.len() >= KEPT {
                                kept.remove(0);
                            }
                            kept.push((slug, notes.clone()));
                        });
                        text.set(Some(notes));
                    }
                });
            }
        });
    }
    match &*text {
        Some(notes) => {
            let (passage, marks) = snippet_of(notes, &props.query, SNIPPET_CHARS);
            html! { <p class="excerpt snippet">{ highlighted(&passage, &marks) }</p> }
        }
        None => html! { <p class="excerpt">{ &props.fallback }</p> },
    }
}

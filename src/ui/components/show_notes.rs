use crate::core::frontmatter::split;
use crate::core::markdown::render;
use crate::io::fetch_notes;
use crate::ui::components::{ErrorView, Loading};
use crate::ui::dom::jump_to_fragment;
use crate::ui::hooks::{use_fetch, use_language, Load};
use crate::ui::sanitize::sanitize_html;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShowNotesProps {
    /// The Markdown file's path, from the index.
    pub source: AttrValue,
}

/// Fetches one episode's Markdown when it is opened, renders the notes and
/// shows them sanitized.
#[component]
pub fn ShowNotes(props: &ShowNotesProps) -> Html {
    let (t, _) = use_language();
    let notes = use_fetch(props.source.clone(), |source| async move { fetch_notes(&source).await });
    let html = use_memo(notes.state.clone(), |state| match state {
        Load::Ready(text) => {
            // The index already holds the metadata; only the body is shown.
            let body = split(text).map(|s| s.body).unwrap_or(text.as_str());
            Some(Html::from_html_unchecked(sanitize_html(&render(body)).into()))
        }
        _ => None,
    });
    // In-page links (heading anchors, footnotes) would resolve against the
    // `<base href>` and leave the page; scroll to them instead.
    let onclick = Callback::from(|e: MouseEvent| {
        let Some(link) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten())
        else {
            return;
        };
        if let Some(id) = link.get_attribute("href").and_then(|h| h.strip_prefix('#').map(str::to_string)) {
            e.prevent_default();
            jump_to_fragment(&id);
        }
    });
    match (&notes.state, &*html) {
        (Load::Ready(_), Some(content)) => html! {
            <div class="show-notes prose" {onclick}>{ content.clone() }</div>
        },
        (Load::Failed(error), _) => html! {
            <ErrorView title={t.notes_error} error={error.clone()} retry={notes.retry.clone()} />
        },
        _ => html! { <Loading label={t.loading_notes} /> },
    }
}

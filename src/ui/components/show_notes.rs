use crate::io::fetch_notes;
use crate::ui::components::{ErrorView, Loading};
use crate::ui::dom::jump_to_fragment;
use crate::ui::hooks::{use_fetch, use_language, Load};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShowNotesProps {
    pub slug: AttrValue,
}

/// Fetches one episode's notes when it is opened and shows them. The HTML
/// was rendered from Markdown and sanitized by the indexer at build time
/// (see `core::sanitize`), so it is inserted as is.
#[component]
pub fn ShowNotes(props: &ShowNotesProps) -> Html {
    let (t, _) = use_language();
    let notes = use_fetch(props.slug.clone(), |slug| async move {
        fetch_notes(&slug).await
    });
    let html = use_memo(notes.state.clone(), |state| match state {
        Load::Ready(text) => Some(Html::from_html_unchecked(text.to_string().into())),
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
        if let Some(id) = link
            .get_attribute("href")
            .and_then(|h| h.strip_prefix('#').map(str::to_string))
        {
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

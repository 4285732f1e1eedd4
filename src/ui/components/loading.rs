use yew::prelude::*;

/// A visible, announced loading state.
pub fn loading(label: &'static str) -> Html {
    html! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span>{ label }</span>
        </div>
    }
}

use crate::io::FetchError;
use crate::ui::hooks::use_language;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    /// What could not be done, in the listener's words.
    pub title: AttrValue,
    pub error: FetchError,
    pub retry: Callback<()>,
}

/// A failed download: what failed, why, and a button that tries again.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let (t, _) = use_language();
    let retry = props.retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error-view" role="alert">
            <h2>{ &props.title }</h2>
            <p class="error-detail">{ props.error.to_string() }</p>
            <button type="button" class="button" onclick={retry}>{ t.retry }</button>
        </div>
    }
}

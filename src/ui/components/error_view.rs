use crate::io::FetchError;
use yew::prelude::*;

/// A failed download: what failed, why, and a button that tries again.
/// Within a page, under its own title.
pub fn error_view(
    title: &str,
    error: &FetchError,
    retry: &Callback<()>,
    retry_label: &str,
) -> Html {
    error_with_heading(html! { <h2>{ title }</h2> }, error, retry, retry_label)
}

/// The same, when the failure is the whole page: its title is the page's.
pub fn error_page(
    title: &str,
    error: &FetchError,
    retry: &Callback<()>,
    retry_label: &str,
) -> Html {
    error_with_heading(html! { <h1>{ title }</h1> }, error, retry, retry_label)
}

fn error_with_heading(
    heading: Html,
    error: &FetchError,
    retry: &Callback<()>,
    retry_label: &str,
) -> Html {
    let onclick = retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error-view" role="alert">
            { heading }
            <p class="error-detail">{ error.to_string() }</p>
            <button type="button" class="button" {onclick}>{ retry_label }</button>
        </div>
    }
}

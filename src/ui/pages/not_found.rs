use crate::ui::context::use_language;
use crate::ui::dom::set_title;
use crate::ui::router::{href, Route};
use yew::prelude::*;

/// Any unknown address, or an episode slug that is not in the index.
#[component]
pub fn NotFoundPage() -> Html {
    let (t, _) = use_language();
    use_effect_with((), move |_| {
        set_title(Some(t.not_found_title), "");
    });
    html! {
        <section class="not-found">
            <h1>{ t.not_found_title }</h1>
            <p>{ t.not_found_body }</p>
            <a href={href(&Route::Listing, "")} class="button">{ t.back_home }</a>
        </section>
    }
}

use crate::core::catalog::FEED_FILE;
use crate::core::i18n::Strings;
use crate::ui::router::{href, Route};
use yew::prelude::*;

/// The bar at the top of every view: a skip link, the show's name (and
/// artwork), the feed, and whether the device is offline. `title` is empty
/// until the index is known.
pub fn site_header(t: &Strings, title: &str, artwork: Option<&str>, online: bool) -> Html {
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("viewer-main"))
        {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    });
    html! {
        <header class="site-header">
            <a class="skip-link" href="#viewer-main" onclick={skip}>{ t.skip_to_content }</a>
            <a href={href(&Route::Listing, "")} class="site-title">
                if let Some(src) = artwork {
                    <img class="site-artwork" src={src.to_string()} alt="" width="40" height="40" />
                }
                // Named even when the index failed and the title is unknown.
                <span>{ if title.is_empty() { t.all_episodes } else { title } }</span>
            </a>
            <a class="subscribe" href={FEED_FILE} type="application/rss+xml">{ t.subscribe }</a>
            if !online {
                <p class="offline-banner" role="status">{ t.offline }</p>
            }
        </header>
    }
}

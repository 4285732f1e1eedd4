use crate::ui::hooks::{use_catalog, use_language, use_offline, Load};
use crate::ui::router::{Link, Route};
use yew::prelude::*;

/// The bar at the top of every view: a skip link and the show's name.
#[component]
pub fn SiteHeader() -> Html {
    let catalog = use_catalog();
    let (t, language) = use_language();
    let online = use_offline().online;
    {
        // The document's language follows the site's, for screen readers
        // and hyphenation.
        let language = language.clone();
        use_effect_with(language, |language| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", language);
            }
        });
    }
    let (title, artwork) = match &catalog.state {
        Load::Ready(c) => (c.site.title.clone(), c.site.artwork.clone()),
        _ => (String::new(), None),
    };
    html! {
        <header class="site-header">
            <a class="skip-link" href="#viewer-main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("viewer-main")) {
                    use wasm_bindgen::JsCast;
                    if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() { let _ = main.focus(); }
                }
            })}>{ t.skip_to_content }</a>
            <Link to={Route::Listing} classes="site-title">
                if let Some(src) = artwork {
                    <img class="site-artwork" {src} alt="" width="40" height="40" />
                }
                // Named even when the index failed and the title is unknown.
                <span>{ if title.is_empty() { t.all_episodes.to_string() } else { title } }</span>
            </Link>
            <a class="subscribe" href="feed.xml" type="application/rss+xml">{ t.subscribe }</a>
            if !online {
                <p class="offline-banner" role="status">{ t.offline }</p>
            }
        </header>
    }
}

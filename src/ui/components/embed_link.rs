use crate::core::embed;
use crate::core::i18n::Strings;
use crate::ui::components::copy;
use crate::ui::player::absolute_url;
use yew::prelude::*;

/// "Embed": a link to the episode's embeddable player; a click copies the
/// code that frames it (the same `<iframe>` as its oEmbed description),
/// and `copied` says so for two seconds. Without scripts, the link opens
/// the player.
pub fn embed_link(t: &Strings, slug: &str, title: &str, copied: &UseStateHandle<bool>) -> Html {
    let page = embed::page_path(slug);
    let onclick = {
        let (copied, page, title) = (copied.clone(), page.clone(), title.to_string());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let code = embed::iframe(&absolute_url(&page).unwrap_or_default(), &title);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if copy(&code).await {
                    copied.set(true);
                    let copied = copied.clone();
                    gloo_timers::callback::Timeout::new(2000, move || copied.set(false)).forget();
                }
            });
        })
    };
    html! {
        <a class="embed-link" href={page} {onclick}>
            if **copied {
                <span role="status">{ t.embed_copied }</span>
            } else {
                { t.embed }
            }
        </a>
    }
}

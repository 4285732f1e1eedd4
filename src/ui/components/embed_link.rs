use crate::core::embed;
use crate::core::i18n::Strings;
use crate::ui::components::copy_and_say;
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
            copy_and_say(code, &copied);
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

use crate::core::duration::format_clock;
use crate::core::i18n::Strings;
use crate::core::timestamp::{clip_query, t_query};
use crate::ui::player::absolute_url;
use crate::ui::router::{href, Route};
use yew::prelude::*;

/// "Copy link at 12:34": a link that opens the episode paused there; a
/// click copies it, and `copied` says so for two seconds. From a clip's
/// mark (`from`, in seconds), "Copy clip 1:23–2:34": the link plays from
/// there to `position` and stops.
pub fn share_at_time(
    t: &Strings,
    slug: &str,
    from: Option<u32>,
    position: f64,
    copied: &UseStateHandle<bool>,
) -> Html {
    let seconds = whole_seconds(position);
    let (query, label) = match from {
        // From the mark to now, whichever comes first (the listener may
        // have gone back), and a second at least.
        Some(from) => {
            let (start, end) = (from.min(seconds), from.max(seconds));
            let end = end.max(start + 1);
            (clip_query(start, end), label_clip(t.copy_clip, start, end))
        }
        None => (t_query(seconds), label_at(t.copy_link_at, seconds)),
    };
    let url = episode_url(slug, &query);
    let onclick = {
        let (copied, url) = (copied.clone(), url.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            copy_and_say(url.clone(), &copied);
        })
    };
    html! {
        <a class="share-at" href={url} {onclick} data-t={seconds.to_string()}>
            if **copied {
                <span role="status">{ t.link_copied }</span>
            } else {
                { label }
            }
        </a>
    }
}

/// The link that opens `slug` paused at `position` (seconds, cut to whole
/// ones): `(seconds, absolute URL with ?t=)`.
pub fn link_at(slug: &str, position: f64) -> (u32, String) {
    let seconds = whole_seconds(position);
    (seconds, episode_url(slug, &t_query(seconds)))
}

fn whole_seconds(position: f64) -> u32 {
    if position.is_finite() {
        position.max(0.0) as u32
    } else {
        0
    }
}

/// The absolute address of the page of `slug`, with `query`.
fn episode_url(slug: &str, query: &str) -> String {
    let page = href(
        &Route::Episode {
            slug: slug.to_string(),
        },
        query,
    );
    absolute_url(&page).unwrap_or_default()
}

/// The link's words: "Copy link at 12:34".
pub fn label_at(copy_link_at: &str, seconds: u32) -> String {
    format!("{copy_link_at} {}", format_clock(seconds))
}

/// A clip's words: "Play clip 1:23–2:34", "Copy clip 1:23–2:34".
pub fn label_clip(word: &str, start: u32, end: u32) -> String {
    format!("{word} {}–{}", format_clock(start), format_clock(end))
}

/// Puts `text` on the clipboard, and sets `copied` for two seconds once it
/// is there: the "Link copied" of a copy link.
pub fn copy_and_say(text: String, copied: &UseStateHandle<bool>) {
    let copied = copied.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if copy(&text).await {
            copied.set(true);
            gloo_timers::callback::Timeout::new(2000, move || copied.set(false)).forget();
        }
    });
}

/// Puts `url` on the clipboard; `false` when the browser refuses.
pub async fn copy(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(url);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

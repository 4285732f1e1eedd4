use crate::core::duration::format_clock;
use crate::ui::hooks::use_language;
use crate::ui::player::absolute_url;
use crate::ui::router::{href, Route};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareAtTimeProps {
    pub slug: AttrValue,
    pub position: f64,
}

/// "Copy link at 12:34": a link that opens the episode paused there.
#[component]
pub fn ShareAtTime(props: &ShareAtTimeProps) -> Html {
    let (t, _) = use_language();
    let copied = use_state(|| false);
    let seconds = if props.position.is_finite() {
        props.position.max(0.0) as u32
    } else {
        0
    };
    let page = href(
        &Route::Episode {
            slug: props.slug.to_string(),
        },
        &format!("t={seconds}"),
    );
    let url = absolute_url(&page).unwrap_or_default();
    let onclick = {
        let copied = copied.clone();
        let url = url.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(window) = web_sys::window() {
                let promise = window.navigator().clipboard().write_text(&url);
                let copied = copied.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                        copied.set(true);
                        let copied = copied.clone();
                        gloo_timers::callback::Timeout::new(2000, move || copied.set(false))
                            .forget();
                    }
                });
            }
        })
    };
    html! {
        <a class="share-at" href={url} {onclick} data-t={seconds.to_string()}>
            if *copied {
                <span role="status">{ t.link_copied }</span>
            } else {
                { format!("{} {}", t.copy_link_at, format_clock(seconds)) }
            }
        </a>
    }
}

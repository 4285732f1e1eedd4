use crate::core::catalog::EpisodeSummary;
use crate::core::i18n::Strings;
use crate::ui::components::{icon, IconKind};
use yew::prelude::*;

/// "Play next" and "Add to queue" for one episode: icons in the listing,
/// `large` and labelled on the episode page. They carry what they do in
/// `data-queue`, `data-slug` and `data-title`, and the app's one click
/// handler for the queue acts on them (`ui::player::provider`): no
/// handler of their own, on each of the listing's cards. They are drawn
/// before the app runs too, so that nothing moves when it starts; without
/// scripts they are hidden (`app-only`).
pub fn queue_buttons(t: &Strings, e: &EpisodeSummary, large: bool) -> Html {
    let button = |label: &'static str, kind: IconKind, action: &'static str| {
        html! {
            <button type="button" class={classes!("queue-button", "app-only", if large { "button secondary" } else { "icon-button" })}
                data-queue={action} data-slug={e.slug.clone()} data-title={e.title.clone()}
                aria-label={format!("{label}: {}", e.title)} title={label}>
                { icon(kind) }
                if large {
                    <span>{ label }</span>
                }
            </button>
        }
    };
    html! {
        <>
            { button(t.play_next, IconKind::PlayNext, "next") }
            { button(t.add_to_queue, IconKind::AddToQueue, "add") }
        </>
    }
}

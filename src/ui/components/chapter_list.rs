use crate::core::catalog::EpisodeSummary;
use crate::core::duration::format_clock;
use crate::core::i18n::Strings;
use crate::ui::player::PlayerContext;
use crate::ui::router::{href, Route};
use std::rc::Rc;
use yew::prelude::*;

/// The chapters of an episode, each one a button that plays from there;
/// until the app runs (`hydrated` false), a link to the episode's page at
/// that time, in the same place.
pub fn chapter_list(
    ctx: &PlayerContext,
    t: &Strings,
    e: &Rc<EpisodeSummary>,
    hydrated: bool,
) -> Html {
    let is_current = ctx.state.episode.as_ref().is_some_and(|c| c.slug == e.slug);
    // Chapters fetched from a chapters_url arrive in the player's state.
    let chapters = if is_current && !ctx.state.chapters.is_empty() {
        ctx.state.chapters.to_vec()
    } else {
        e.chapters.clone()
    };
    if chapters.is_empty() {
        return html! {};
    }
    let current = if is_current {
        crate::core::chapters::current(&chapters, ctx.state.position)
    } else {
        None
    };
    html! {
        <section class="chapters" aria-label={t.chapters}>
            <h2>{ t.chapters }</h2>
            <ol>
                { for chapters.iter().enumerate().map(|(i, c)| {
                    let player = ctx.player.clone();
                    let episode = e.clone();
                    let start = c.start();
                    let onclick = Callback::from(move |_: MouseEvent| player.play_episode(&episode, Some(f64::from(start))));
                    let active = current == Some(i);
                    let label = html! {
                        <>
                            // A space the flex row does not draw: the search index
                            // would read `0:00Welcome` as one word.
                            <span class="chapter-time">{ format_clock(start) }</span>{ " " }
                            <span class="chapter-title">{ c.title() }</span>
                        </>
                    };
                    if !hydrated {
                        let query = crate::core::timestamp::t_query(start);
                        return html! {
                            <li><a class="chapter" href={href(&Route::Episode { slug: e.slug.clone() }, &query)}>{ label }</a></li>
                        };
                    }
                    html! {
                        <li class={classes!(active.then_some("current"))}>
                            <button type="button" class="chapter" aria-current={active.then_some("true")} {onclick}>
                                { label }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

use crate::core::catalog::EpisodeSummary;
use crate::core::duration::format_clock;
use crate::core::i18n::Strings;
use crate::core::timestamp::Clip;
use crate::ui::components::{icon, label_clip, IconKind};
use crate::ui::player::ListenContext;
use crate::ui::router::{href, Route};
use std::rc::Rc;
use yew::prelude::*;

/// A card's play button until the app runs: a link to the episode's page,
/// which has a player of its own, in the same place. It is the same place
/// as the title's link, so it is hidden from screen readers and the Tab
/// key, which have that link.
pub fn play_link(t: &Strings, e: &EpisodeSummary) -> Html {
    let to = href(
        &Route::Episode {
            slug: e.slug.clone(),
        },
        "",
    );
    html! {
        <a class="play-button" href={to} tabindex="-1" aria-hidden="true" title={t.play_episode}>
            { icon(IconKind::Play) }
        </a>
    }
}

/// Plays, pauses or resumes one episode in the persistent player: compact
/// in the listing, `large` and labelled on the episode page. `at` starts
/// there instead of the saved position, and stops at its end (a `?t=`
/// link, or a clip's `?t=a,b`).
pub fn play_button(
    listen: &ListenContext,
    t: &Strings,
    e: &Rc<EpisodeSummary>,
    at: Option<Clip>,
    large: bool,
) -> Html {
    let is_current = listen.current.as_deref() == Some(e.slug.as_str());
    let playing = is_current && listen.playing && at.is_none();
    let resume = listen.store.resume_position(&e.slug);
    let onclick = {
        let player = listen.player.clone();
        let episode = e.clone();
        Callback::from(move |_: MouseEvent| match at {
            Some(clip) => player.play_clip(&episode, clip),
            None if player.is_current(&episode.slug) => player.toggle(),
            None => player.play_episode(&episode, None),
        })
    };
    let label = if playing {
        t.pause.to_string()
    } else if let Some(Clip { start, end }) = at {
        match end {
            Some(end) => label_clip(t.play_clip, start, end),
            None => format!("{} {}", t.start_at, format_clock(start)),
        }
    } else if let Some(r) = resume {
        // Paused, the bar's episode too (one brought back after a reload)
        // goes on from where it was.
        format!("{} {}", t.resume_at, format_clock(r as u32))
    } else {
        t.play_episode.to_string()
    };
    let aria = format!("{label}: {}", e.title);
    html! {
        <button type="button" class={classes!("play-button", "app-only", large.then_some("large"), playing.then_some("playing"))}
            aria-label={aria} title={label.clone()} {onclick}>
            { icon(if playing { IconKind::Pause } else { IconKind::Play }) }
            if large {
                <span>{ label }</span>
            }
        </button>
    }
}

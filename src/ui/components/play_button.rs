use crate::core::catalog::EpisodeSummary;
use crate::core::duration::format_clock;
use crate::ui::components::{Icon, IconKind};
use crate::ui::hooks::use_language;
use crate::ui::player::use_listening;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlayButtonProps {
    pub episode: Rc<EpisodeSummary>,
    /// Start here instead of the saved position (a `?t=` link).
    #[prop_or_default]
    pub at: Option<u32>,
    /// A big labelled button (episode page) or a compact one (listing).
    #[prop_or_default]
    pub large: bool,
}

/// Plays, pauses or resumes one episode in the persistent player.
#[component]
pub fn PlayButton(props: &PlayButtonProps) -> Html {
    let listen = use_listening();
    let (t, _) = use_language();
    let e = &props.episode;
    let is_current = listen.current.as_deref() == Some(e.slug.as_str());
    let playing = is_current && listen.playing;
    let resume = listen.store.resume_position(&e.slug);
    let onclick = {
        let player = listen.player.clone();
        let episode = e.clone();
        let at = props.at;
        Callback::from(move |_: MouseEvent| {
            if player.is_current(&episode.slug) && at.is_none() {
                player.toggle();
            } else {
                player.play_episode(&episode, at.map(f64::from));
            }
        })
    };
    let label = if playing {
        t.pause.to_string()
    } else if let Some(at) = props.at {
        format!("{} {}", t.start_at, format_clock(at))
    } else if let (Some(r), false) = (resume, is_current) {
        format!("{} {}", t.resume_at, format_clock(r as u32))
    } else {
        t.play_episode.to_string()
    };
    let aria = format!("{label}: {}", e.title);
    html! {
        <button type="button" class={classes!("play-button", props.large.then_some("large"), playing.then_some("playing"))}
            aria-label={aria} title={label.clone()} {onclick}>
            <Icon kind={if playing { IconKind::Pause } else { IconKind::Play }} />
            if props.large {
                <span>{ label }</span>
            }
        </button>
    }
}

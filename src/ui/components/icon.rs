use crate::core::icons;
use yew::prelude::*;

/// The player's icons, drawn inline so they look the same everywhere (emoji
/// and symbol fonts differ per system, and some have none).
#[derive(Clone, Copy, PartialEq)]
pub enum IconKind {
    Play,
    Pause,
    Back,
    Forward,
    PreviousChapter,
    NextChapter,
    Volume,
    Muted,
    PlayNext,
    AddToQueue,
}

/// A plain function rather than a component: each component type costs
/// the wasm its own copy of Yew's lifecycle code.
pub fn icon(kind: IconKind) -> Html {
    let path = match kind {
        IconKind::Play => icons::PLAY,
        IconKind::Pause => icons::PAUSE,
        IconKind::Back => icons::BACK,
        IconKind::Forward => icons::FORWARD,
        IconKind::PreviousChapter => icons::PREVIOUS_CHAPTER,
        IconKind::NextChapter => icons::NEXT_CHAPTER,
        IconKind::Volume => icons::VOLUME,
        IconKind::Muted => icons::MUTED,
        IconKind::PlayNext => icons::PLAY_NEXT,
        IconKind::AddToQueue => icons::ADD_TO_QUEUE,
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

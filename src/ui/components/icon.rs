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
}

/// A plain function rather than a component: each component type costs
/// the wasm its own copy of Yew's lifecycle code.
pub fn icon(kind: IconKind) -> Html {
    let path = match kind {
        IconKind::Play => "M8 5v14l11-7z",
        IconKind::Pause => "M6 5h4v14H6zM14 5h4v14h-4z",
        IconKind::Back => "M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z",
        IconKind::Forward => "M12 5V1l5 5-5 5V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z",
        IconKind::PreviousChapter => "M6 6h2v12H6zM9.5 12l8.5 6V6z",
        IconKind::NextChapter => "M6 18l8.5-6L6 6zM16 6h2v12h-2z",
        IconKind::Volume => "M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z",
        IconKind::Muted => {
            "M3 9v6h4l5 5V4L7 9H3zm13.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z"
        }
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

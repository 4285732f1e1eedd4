use crate::ui::hooks::use_language;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AudioPlayerProps {
    pub src: AttrValue,
    pub title: AttrValue,
}

/// The browser's own audio player for one episode. A file that fails to
/// load says so instead of showing a dead control.
#[component]
pub fn AudioPlayer(props: &AudioPlayerProps) -> Html {
    let (t, _) = use_language();
    let failed = use_state(|| false);
    {
        let failed = failed.clone();
        use_effect_with(props.src.clone(), move |_| failed.set(false));
    }
    let onerror = {
        let failed = failed.clone();
        Callback::from(move |_: Event| failed.set(true))
    };
    html! {
        <div class="audio-player">
            <audio controls=true preload="metadata" src={props.src.clone()} aria-label={props.title.clone()} {onerror}></audio>
            if *failed {
                <p class="player-error" role="alert">{ t.audio_error }</p>
            }
        </div>
    }
}

use crate::core::duration::format_clock;
use crate::core::i18n::spoken_position;
use crate::core::resume::RATE_PRESETS;
use crate::core::sleep::{SleepTimer, SLEEP_MINUTES};
use crate::ui::components::{icon, share_at_time, IconKind};
use crate::ui::context::use_language;
use crate::ui::dom::{reset_list, value_of};
use crate::ui::format::fixed;
use crate::ui::player::{use_player, AudioError, PANEL, SKIP_BACK, SKIP_FORWARD};
use crate::ui::router::{href, Route};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn clock(t: f64) -> String {
    format_clock(if t.is_finite() && t > 0.0 {
        t as u32
    } else {
        0
    })
}

/// The persistent player at the bottom of every view.
#[component]
pub fn PlayerBar() -> Html {
    let ctx = use_player();
    let (t, _) = use_language();
    let copied = use_state(|| false);
    // Where the listener started a clip: the episode and the second.
    let clip_from = use_state(|| None::<(Rc<str>, u32)>);
    let s = &ctx.state;
    let Some(episode) = s.episode.clone() else {
        return html! {};
    };
    let p = ctx.player.clone();
    let length = s.length();
    let remaining = (length - s.position).max(0.0);

    let from = clip_from
        .as_ref()
        .filter(|(slug, _)| **slug == *episode.slug)
        .map(|(_, at)| *at);
    let on_clip = {
        let (clip_from, slug, at) = (clip_from.clone(), episode.slug.clone(), s.position);
        Callback::from(move |_: MouseEvent| {
            clip_from.set(match from {
                Some(_) => None,
                None => Some((slug.as_str().into(), at.max(0.0) as u32)),
            })
        })
    };
    let on_toggle = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.toggle())
    };
    let on_back = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.skip(-SKIP_BACK))
    };
    let on_forward = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.skip(SKIP_FORWARD))
    };
    let on_seek = {
        let p = p.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                p.seek(input.value_as_number());
            }
        })
    };
    let on_volume = {
        let p = p.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                p.set_volume(input.value_as_number());
            }
        })
    };
    let on_mute = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.toggle_mute())
    };
    let on_retry = {
        let p = p.clone();
        Callback::from(move |_: MouseEvent| p.retry())
    };
    // The speed, as the sleep timer below, is the browser's own list:
    // keys, Escape and a phone's picker come with it. Its first entry
    // says the speed, and is shown again after each choice.
    let on_speed = {
        let p = p.clone();
        Callback::from(move |e: Event| {
            let choice = value_of(&e);
            reset_list(&e);
            // Each entry's value is its place among the presets: no float
            // is read from text (a float parser is 10 KB of wasm).
            if let Some(rate) = choice
                .parse::<usize>()
                .ok()
                .and_then(|i| RATE_PRESETS.get(i))
            {
                p.set_rate(*rate);
            }
        })
    };
    // The sleep menu is the browser's own list: one handler for all its
    // choices, and a native picker on phones. Its first entry says the
    // state, and is shown again after each choice.
    let on_sleep = {
        let p = p.clone();
        Callback::from(move |e: Event| {
            let choice = value_of(&e);
            reset_list(&e);
            let timer = match choice.as_str() {
                "chapter" => Some(p.end_of_chapter(p.audio().current_time())),
                "episode" => Some(SleepTimer::EpisodeEnd),
                "extend" => p.sleep_timer().map(|s| s.extended(p.playback())),
                "off" => None,
                minutes => match minutes.parse::<u32>() {
                    Ok(m) => Some(SleepTimer::Until(
                        js_sys::Date::now() + f64::from(m) * 60_000.0,
                    )),
                    Err(_) => return,
                },
            };
            p.set_sleep(timer);
        })
    };
    let pct = |x: f64| {
        if length > 0.0 {
            crate::core::clamp(x / length * 100.0, 0.0, 100.0)
        } else {
            0.0
        }
    };
    let chapter = s.current_chapter().map(|c| c.title().to_string());
    let has_chapters = !s.chapters.is_empty();
    let error = s.error.map(|e| match e {
        AudioError::Network => t.audio_network_error,
        AudioError::Decode => t.audio_decode_error,
        AudioError::Stalled => t.audio_stalled,
    });

    html! {
        <>
        // Room at the end of the page, so the fixed bar never covers the
        // last lines. A `body:has(.player-bar)` rule did this, but made the
        // browser check every change to the page against it.
        <div class="player-spacer" aria-hidden="true"></div>
        <section class="player-bar" aria-label={t.player}>
            <div class="player-track">
                <div class="player-rail" aria-hidden="true">
                    { for s.buffered.iter().map(|(a, b)| html! {
                        <span class="buffered" style={format!("left:{}%;width:{}%", fixed(pct(*a), 2), fixed(pct(*b) - pct(*a), 2))}></span>
                    }) }
                    <span class="played" style={format!("width:{}%", fixed(pct(s.position), 2))}></span>
                    { for s.chapters.iter().filter(|c| c.start() > 0).map(|c| html! {
                        <span class="chapter-mark" title={c.title().to_string()} style={format!("left:{}%", fixed(pct(f64::from(c.start())), 2))}></span>
                    }) }
                </div>
                <input class="seek" type="range" min="0" max={fixed(length.max(0.0), 0)} step="1"
                    value={fixed(s.position, 1)} aria-label={t.seek}
                    aria-valuetext={spoken_position(s.position, length, t)}
                    oninput={on_seek} disabled={length <= 0.0} />
            </div>
            <div class="player-main">
                <div class="player-controls">
                    if has_chapters {
                        <button type="button" class="icon-button" aria-label={t.previous_chapter} title={t.previous_chapter}
                            onclick={let p = p.clone(); Callback::from(move |_: MouseEvent| p.previous_chapter())}>{ icon(IconKind::PreviousChapter) }</button>
                    }
                    <button type="button" class="icon-button" aria-label={t.skip_back} title={t.skip_back} onclick={on_back}>
                        { icon(IconKind::Back) }<span class="skip-amount" aria-hidden="true">{ "15" }</span>
                    </button>
                    <button type="button" class={classes!("play-toggle", s.waiting.then_some("waiting"))}
                        aria-label={if s.playing { t.pause } else { t.play }} onclick={on_toggle}>
                        { icon(if s.playing { IconKind::Pause } else { IconKind::Play }) }
                    </button>
                    <button type="button" class="icon-button" aria-label={t.skip_forward} title={t.skip_forward} onclick={on_forward}>
                        { icon(IconKind::Forward) }<span class="skip-amount" aria-hidden="true">{ "30" }</span>
                    </button>
                    if has_chapters {
                        <button type="button" class="icon-button" aria-label={t.next_chapter} title={t.next_chapter}
                            onclick={let p = p.clone(); Callback::from(move |_: MouseEvent| p.next_chapter())}>{ icon(IconKind::NextChapter) }</button>
                    }
                </div>
                if let Some(src) = &episode.image {
                    <img class="player-art" src={src.clone()} alt="" width="40" height="40" />
                }
                <div class="player-info">
                    <a href={href(&Route::Episode { slug: episode.slug.clone() }, "")} class="player-title">{ &episode.title }</a>
                    <span class="player-times">
                        <span class="elapsed">{ clock(s.position) }</span>
                        if let Some(chapter) = chapter {
                            <span class="player-chapter">{ chapter }</span>
                        }
                        <span class="remaining">{ format!("−{}", clock(remaining)) }</span>
                    </span>
                </div>
                <div class="player-extra">
                    // Named with its visible text, so speech control
                    // users can say what they see.
                    <select class="speed-button" aria-label={format!("{} {}×", t.speed, fixed(s.rate, 1))} onchange={on_speed}>
                        <option value="" selected=true>{ format!("{}×", fixed(s.rate, 1)) }</option>
                        { for RATE_PRESETS.iter().enumerate().map(|(i, rate)| html! {
                            <option value={i.to_string()}>{ format!("{}×", fixed(*rate, 1)) }</option>
                        }) }
                    </select>
                    <select class="speed-button sleep" aria-label={t.sleep_timer} onchange={on_sleep}>
                        <option value="" selected=true>{ match s.sleep {
                            // The episode's length is not known yet.
                            Some(left) if left.is_nan() => t.end_of_episode.to_string(),
                            Some(left) => format!("{} {}", t.sleep_in, clock(left)),
                            None => t.sleep_timer.to_string(),
                        } }</option>
                        { for SLEEP_MINUTES.iter().map(|m| {
                            let m = m.to_string();
                            html! { <option value={m.clone()}>{ m }{ " " }{ t.minutes }</option> }
                        }) }
                        if has_chapters {
                            <option value="chapter">{ t.end_of_chapter }</option>
                        }
                        <option value="episode">{ t.end_of_episode }</option>
                        if s.sleep.is_some() {
                            <option value="extend">{ t.extend_sleep }</option>
                            <option value="off">{ t.cancel_sleep }</option>
                        }
                    </select>
                    <button type="button" class="speed-button up-next" data-queue="panel"
                        aria-expanded="false" aria-controls={PANEL}>{ t.up_next }</button>
                    // The queue module draws the queue here, and opens it
                    // (see `ui::queue_view`): right after its button, for
                    // the Tab key, and shown above the bar by the style
                    // sheet.
                    <section id={PANEL} class="queue-panel" aria-label={t.up_next} hidden=true></section>
                    <button type="button" class="icon-button mute" aria-label={if s.muted { t.unmute } else { t.mute }}
                        aria-pressed={s.muted.to_string()} onclick={on_mute}>{ icon(if s.muted || s.volume == 0.0 { IconKind::Muted } else { IconKind::Volume }) }</button>
                    <input class="volume" type="range" min="0" max="1" step="0.05" value={fixed(if s.muted { 0.0 } else { s.volume }, 2)}
                        aria-label={t.volume} oninput={on_volume} />
                    { share_at_time(t, &episode.slug, from, s.position, &copied) }
                    <button type="button" class={classes!("clip-mark", from.is_some().then_some("marked"))} onclick={on_clip}>
                        { if from.is_some() { t.cancel_clip } else { t.start_clip } }
                    </button>
                </div>
            </div>
            // Always there, so that screen readers know the region
            // before it speaks.
            <p class="player-note" role="status">{ if s.unseekable { t.cannot_seek } else { "" } }</p>
            if let Some(message) = error {
                <div class="player-error" role="alert">
                    <span>{ message }</span>
                    <button type="button" class="button small" onclick={on_retry}>{ t.retry }</button>
                </div>
            }
        </section>
        </>
    }
}

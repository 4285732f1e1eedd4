//! The Media Session API: lock-screen and headset controls.
//!
//! Bound by hand rather than through web-sys, whose bindings for it are
//! behind an unstable cfg flag. Every call is optional: browsers without the
//! API simply get no lock-screen controls.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type MediaSession;

    #[wasm_bindgen(method, setter)]
    fn set_metadata(this: &MediaSession, metadata: &JsValue);

    #[wasm_bindgen(method, setter, js_name = playbackState)]
    fn set_playback_state(this: &MediaSession, state: &str);

    #[wasm_bindgen(method, catch, js_name = setActionHandler)]
    fn set_action_handler(
        this: &MediaSession,
        action: &str,
        handler: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = setPositionState)]
    fn set_position_state(this: &MediaSession, state: &JsValue) -> Result<(), JsValue>;

    type MediaMetadata;

    #[wasm_bindgen(constructor, catch, js_class = "MediaMetadata")]
    fn new(init: &JsValue) -> Result<MediaMetadata, JsValue>;
}

/// The artwork sizes offered to the operating system.
const ARTWORK_SIZES: [u32; 6] = [96, 128, 192, 256, 384, 512];

fn session() -> Option<MediaSession> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &"mediaSession".into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// What the lock screen shows.
pub struct Metadata<'a> {
    pub title: &'a str,
    pub artist: &'a str,
    pub album: &'a str,
    /// Absolute URL of the artwork.
    pub artwork: Option<&'a str>,
}

pub fn set_metadata(m: &Metadata) {
    let Some(session) = session() else { return };
    let artwork = js_sys::Array::new();
    if let Some(src) = m.artwork {
        let kind = if src.ends_with(".svg") {
            "image/svg+xml"
        } else if src.ends_with(".png") {
            "image/png"
        } else {
            "image/jpeg"
        };
        for size in ARTWORK_SIZES {
            artwork.push(&object(&[
                ("src", src.into()),
                ("sizes", format!("{size}x{size}").into()),
                ("type", kind.into()),
            ]));
        }
    }
    let init = object(&[
        ("title", m.title.into()),
        ("artist", m.artist.into()),
        ("album", m.album.into()),
        ("artwork", artwork.into()),
    ]);
    if let Ok(metadata) = MediaMetadata::new(&init) {
        session.set_metadata(&metadata);
    }
}

pub fn clear_metadata() {
    if let Some(session) = session() {
        session.set_metadata(&JsValue::NULL);
    }
}

pub fn set_playing(playing: bool) {
    if let Some(session) = session() {
        session.set_playback_state(if playing { "playing" } else { "paused" });
    }
}

pub fn set_position(position: f64, duration: f64, rate: f64) {
    if !(duration.is_finite() && duration > 0.0) {
        return;
    }
    if let Some(session) = session() {
        let state = object(&[
            ("duration", duration.into()),
            (
                "position",
                crate::core::clamp(position, 0.0, duration).into(),
            ),
            ("playbackRate", rate.into()),
        ]);
        let _ = session.set_position_state(&state);
    }
}

/// A lock-screen action and what it carries.
pub enum Action {
    Play,
    Pause,
    SeekBackward(Option<f64>),
    SeekForward(Option<f64>),
    SeekTo(f64),
    PreviousTrack,
    NextTrack,
}

/// Installs one handler for every action. The closure lives as long as the
/// page: the player is created once.
pub fn set_handlers(handle: impl Fn(Action) + 'static) {
    let Some(session) = session() else { return };
    let handle = std::rc::Rc::new(handle);
    for name in [
        "play",
        "pause",
        "seekbackward",
        "seekforward",
        "seekto",
        "previoustrack",
        "nexttrack",
    ] {
        let handle = handle.clone();
        let callback = Closure::<dyn Fn(JsValue)>::new(move |details: JsValue| {
            let number = |key: &str| {
                js_sys::Reflect::get(&details, &key.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            let action = match name {
                "play" => Action::Play,
                "pause" => Action::Pause,
                "seekbackward" => Action::SeekBackward(number("seekOffset")),
                "seekforward" => Action::SeekForward(number("seekOffset")),
                "seekto" => match number("seekTime") {
                    Some(t) => Action::SeekTo(t),
                    None => return,
                },
                "previoustrack" => Action::PreviousTrack,
                _ => Action::NextTrack,
            };
            handle(action);
        });
        // Browsers reject actions they do not support; the others still work.
        let _ = session.set_action_handler(name, callback.as_ref());
        callback.forget();
    }
}

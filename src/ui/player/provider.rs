//! The player's source: made once by the app, which shares it by
//! context, with the page and audio events it listens to.

use super::engine::{Change, PlayerHandle, PLAYER};
use super::state::{ListenContext, PlayerContext, PlayerState};
use super::{media_session, queue, SKIP_BACK, SKIP_FORWARD};
use crate::core::resume::ResumeStore;
use crate::ui::hooks::{CatalogContext, Load};
use gloo_events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// Creates the player once, for the app to provide to every view: its
/// state (changing as it plays) and what the listener has heard. A hook of
/// the app, not a provider component: each component type costs the wasm
/// its own lifecycle and hydration code.
#[hook]
pub fn use_player_source(catalog: &CatalogContext) -> (PlayerContext, ListenContext) {
    let player = use_memo((), |_| {
        let handle = PlayerHandle::new();
        PLAYER.with(|p| *p.borrow_mut() = Some(handle.clone()));
        handle
    });
    let player = (*player).clone();
    // Nothing the listener did shows in the first render (see
    // `PlayerHandle`): their marks arrive once the app runs.
    let state = use_state(|| Rc::new(PlayerState::default()));
    let listen = {
        let player = player.clone();
        use_state(move || ListenContext {
            store: Rc::new(ResumeStore::default()),
            current: None,
            playing: false,
            player,
        })
    };

    // The catalog, for previous/next track and the lock screen's names.
    {
        let player = player.clone();
        use_effect_with(catalog.state.clone(), move |state| {
            if let Load::Ready(c) = state {
                *player.catalog.borrow_mut() = Some(c.clone());
                // A page that loads its own episode (a `?t=` link) did so
                // in its effect, which ran first.
                if player.current().is_none() {
                    let last = player
                        .store()
                        .continue_listening(1)
                        .first()
                        .and_then(|s| c.position(s));
                    if let Some(i) = last {
                        player.restore(&c.episodes[i]);
                    }
                }
                player.update_media_metadata();
            }
        });
    }

    {
        let player = player.clone();
        let state = state.clone();
        let listen = listen.clone();
        use_effect_with((), move |_| {
            *player.notify.borrow_mut() = Some(Callback::from({
                let player = player.clone();
                move |change| {
                    state.set(Rc::new(player.snapshot()));
                    if change == Change::Listening {
                        listen.set(listen_context(&player));
                    }
                }
            }));
            let listeners = audio_listeners(&player);
            let page = page_listeners(&player);
            install_media_session(&player);
            // What the listener heard shows in a task after the page's
            // hydration, not in the same one.
            let marks = {
                let player = player.clone();
                gloo_timers::callback::Timeout::new(0, move || player.changed(Change::Listening))
            };
            move || drop((listeners, page, marks))
        });
    }

    (
        PlayerContext {
            state: (*state).clone(),
            player,
        },
        (*listen).clone(),
    )
}

fn listen_context(player: &PlayerHandle) -> ListenContext {
    ListenContext {
        store: Rc::new(player.store().clone()),
        current: player.current().map(|e| e.slug.clone()),
        playing: !player.audio().paused(),
        player: player.clone(),
    }
}

fn audio_listeners(player: &PlayerHandle) -> Vec<EventListener> {
    const EVENTS: [&str; 16] = [
        "timeupdate",
        "durationchange",
        "loadedmetadata",
        "loadeddata",
        "canplay",
        "play",
        "playing",
        "pause",
        "ended",
        "ratechange",
        "volumechange",
        "progress",
        "waiting",
        "stalled",
        "error",
        "seeked",
    ];
    EVENTS
        .iter()
        .map(|&kind| {
            let player = player.clone();
            EventListener::new(&player.audio().clone(), kind, move |_| {
                player.on_event(kind)
            })
        })
        .collect()
}

/// Saves the position when the page is hidden or closed: a phone may kill
/// the tab afterwards without another event.
fn page_listeners(player: &PlayerHandle) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let document = window.document().expect("a document");
    let on_hide = {
        let player = player.clone();
        move |_: &web_sys::Event| player.save()
    };
    let visibility = {
        let player = player.clone();
        let document = document.clone();
        move |_: &web_sys::Event| {
            if document.visibility_state() == web_sys::VisibilityState::Hidden {
                player.save();
            }
        }
    };
    vec![
        EventListener::new(&window, "pagehide", on_hide),
        EventListener::new(&document, "visibilitychange", visibility),
        EventListener::new(&document, "click", queue_buttons(player)),
    ]
}

/// Every queue button's click, by its `data-queue` (see
/// `ui::components::queue_buttons` and `ui::queue_view`): one handler for
/// the cards', the pages' and the panel's. A title in the panel plays its
/// episode; the rest go to the queue module, except that with nothing
/// loaded, an episode queued is loaded instead.
fn queue_buttons(player: &PlayerHandle) -> impl FnMut(&web_sys::Event) {
    let player = player.clone();
    move |e| {
        let Some(button) = crate::ui::dom::closest(e.target(), "[data-queue]") else {
            return;
        };
        let get = |name| button.get_attribute(name).unwrap_or_default();
        let (action, slug) = (get("data-queue"), get("data-slug"));
        let action = match action.as_str() {
            "play" => {
                player.load_slug(&slug, true);
                return;
            }
            "add" | "next" if player.current().is_none() && player.load_slug(&slug, false) => {
                "load".into()
            }
            _ => action,
        };
        queue::send(action, slug, get("data-title"));
    }
}

fn install_media_session(player: &PlayerHandle) {
    let weak = player.weak();
    media_session::set_handlers(move |action| {
        let Some(p) = PlayerHandle::upgrade(&weak) else {
            return;
        };
        match action {
            media_session::Action::Play => p.play(),
            media_session::Action::Pause => p.pause(),
            media_session::Action::SeekBackward(by) => p.skip(-by.unwrap_or(SKIP_BACK)),
            media_session::Action::SeekForward(by) => p.skip(by.unwrap_or(SKIP_FORWARD)),
            media_session::Action::SeekTo(t) => p.seek(t),
            media_session::Action::PreviousTrack => p.previous_track(),
            media_session::Action::NextTrack => p.next_track(),
        }
    });
}

/// The player bar's state, from the app's context (see [`use_player_source`]).
#[hook]
pub fn use_player() -> PlayerContext {
    use_context::<PlayerContext>().expect("use_player needs the app's player above it")
}

/// What the listing needs, from the app's context (see [`use_player_source`]).
#[hook]
pub fn use_listening() -> ListenContext {
    use_context::<ListenContext>().expect("use_listening needs the app's player above it")
}

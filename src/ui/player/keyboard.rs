//! The player's keyboard shortcuts, on the whole page.

use super::{PlayerHandle, SKIP_BACK, SKIP_FORWARD};
use crate::core::resume::step_rate;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Installs the shortcuts. `on_help` toggles the `?` overlay. Keys typed
/// into a form field, or pressed with Ctrl/Alt/Meta, are left alone.
#[hook]
pub fn use_keyboard_shortcuts(player: PlayerHandle, on_help: Callback<()>) {
    use_effect_with(player, move |player| {
        let player = player.clone();
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        // Not passive: Space and the arrows must not also scroll the page.
        let options = EventListenerOptions::enable_prevent_default();
        let listener =
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key()
                    || e.alt_key()
                    || e.meta_key()
                    || e.default_prevented()
                    || is_typing_target(e)
                {
                    return;
                }
                let key = e.key();
                if matches!(key.as_str(), "End" | "Home") && moves_the_page(e) {
                    jump(key == "End");
                    e.prevent_default();
                    return;
                }
                // With nothing in the player, its keys are the browser's
                // own (Space scrolls); only the help opens.
                if key != "?" && player.current().is_none() {
                    return;
                }
                // Space on a focused button presses that button instead.
                let on_control = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(
                            el.tag_name().to_ascii_lowercase().as_str(),
                            "button" | "a" | "summary"
                        )
                    });
                let handled = match key.as_str() {
                    " " | "Spacebar" if on_control => false,
                    " " | "Spacebar" | "k" | "K" => {
                        player.toggle();
                        true
                    }
                    "ArrowLeft" => {
                        player.skip(if e.shift_key() { -SKIP_BACK } else { -5.0 });
                        true
                    }
                    "ArrowRight" => {
                        player.skip(if e.shift_key() { SKIP_FORWARD } else { 5.0 });
                        true
                    }
                    "<" | "," if key == "<" || e.shift_key() => {
                        player.set_rate(step_rate(player.rate(), false));
                        true
                    }
                    ">" | "." if key == ">" || e.shift_key() => {
                        player.set_rate(step_rate(player.rate(), true));
                        true
                    }
                    "m" | "M" => {
                        player.toggle_mute();
                        true
                    }
                    "?" => {
                        on_help.emit(());
                        true
                    }
                    k if k.len() == 1 && k.as_bytes()[0].is_ascii_digit() => {
                        player.seek_fraction(u32::from(k.as_bytes()[0] - b'0'));
                        true
                    }
                    _ => false,
                };
                if handled {
                    e.prevent_default();
                }
            });
        move || drop(listener)
    });
}

/// Whether End and Home pressed there scroll the listing's page: on the
/// listing, pressed on no element in particular (the page, or its main
/// region, which a click on plain text focuses) or on its cards, and no
/// dialog open. Elsewhere they stay the browser's: a panel that scrolls on
/// its own (the transcript) scrolls where it was clicked.
fn moves_the_page(event: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let doc = el.owner_document();
    let has = |selector: &str| {
        doc.as_ref()
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .is_some()
    };
    has(".episode-list")
        && !has("[aria-modal=true]")
        && (matches!(el.tag_name().as_str(), "BODY" | "HTML" | "MAIN")
            || el.closest(".episode-list").ok().flatten().is_some())
}

/// The browser animates End and Home across the whole page: on a long
/// listing, most of a second before the listener sees what they asked
/// for. The page jumps there at once instead.
fn jump(to_end: bool) {
    let Some(w) = web_sys::window() else { return };
    let bottom = w
        .document()
        .and_then(|d| d.document_element())
        .map_or(0.0, |root| f64::from(root.scroll_height()));
    w.scroll_to_with_x_and_y(
        w.scroll_x().unwrap_or(0.0),
        if to_end { bottom } else { 0.0 },
    );
}

/// Whether a keyboard event comes from a place where typing goes: shortcuts
/// must not fire there.
pub fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || el
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false")
}

use crate::core::i18n::Strings;
use yew::prelude::*;

/// The `?` overlay: every keyboard shortcut of the player. `close` is its
/// button's node, which takes the focus when it opens (see `ui::app`).
pub fn shortcuts_overlay(t: &Strings, close: &NodeRef, on_close: &Callback<()>) -> Html {
    let on_click = on_close.reform(|_: MouseEvent| ());
    let rows: [(&[&str], &str); 7] = [
        (&["Space", "K"], t.key_play_pause),
        (&["←", "→"], t.key_seek_small),
        (&["Shift ←", "Shift →"], t.key_seek_big),
        (&["<", ">"], t.key_speed),
        (&["M"], t.key_mute),
        (&["0", "…", "9"], t.key_jump),
        (&["?"], t.key_help),
    ];
    html! {
        <div class="overlay" onclick={on_click.clone()}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="viewer-shortcuts-title"
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2 id="viewer-shortcuts-title">{ t.shortcuts }</h2>
                <dl class="shortcuts">
                    { for rows.iter().map(|(keys, what)| html! {
                        <>
                            <dt>{ for keys.iter().map(|k| html! { <kbd>{ *k }</kbd> }) }</dt>
                            <dd>{ *what }</dd>
                        </>
                    }) }
                </dl>
                <button type="button" class="button" ref={close.clone()} onclick={on_click}>{ t.close }</button>
            </div>
        </div>
    }
}

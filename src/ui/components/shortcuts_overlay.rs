use crate::ui::hooks::use_language;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShortcutsOverlayProps {
    pub on_close: Callback<()>,
}

/// The `?` overlay: every keyboard shortcut of the player.
#[component]
pub fn ShortcutsOverlay(props: &ShortcutsOverlayProps) -> Html {
    let (t, _) = use_language();
    let close_ref = use_node_ref();
    {
        // Focus moves into the dialog so Escape and Tab work at once.
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
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
        <div class="overlay" onclick={close.clone()}>
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
                <button type="button" class="button" ref={close_ref} onclick={close}>{ t.close }</button>
            </div>
        </div>
    }
}

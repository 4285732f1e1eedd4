use crate::core::i18n::Strings;
use crate::io::offline::{remove_audio, save_audio};
use crate::ui::hooks::OfflineContext;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Where saving an episode for offline listening stands.
#[derive(Default)]
pub enum Saving {
    #[default]
    Idle,
    /// Bytes received, and expected (0 when the server does not say).
    Progress(u64, u64),
    Failed(String),
}

/// Save an episode's `audio` for offline listening, follow the download,
/// see its size once saved, and remove it. `saving` is the page's state of
/// the download.
pub fn offline_controls(
    t: &'static Strings,
    offline: &OfflineContext,
    audio: &str,
    saving: &UseStateHandle<Saving>,
) -> Html {
    let audio = AttrValue::from(audio.to_string());
    if let Some(size) = offline.saved.audio_size(&audio) {
        let remove = {
            let (url, refresh) = (audio.clone(), offline.refresh.clone());
            Callback::from(move |_: MouseEvent| {
                let (url, refresh) = (url.clone(), refresh.clone());
                spawn_local(async move {
                    remove_audio(&url).await;
                    refresh.emit(());
                });
            })
        };
        return html! {
            <span class="offline-status saved">
                <span>{ "✓ " }{ t.saved_offline }{ " · " }{ t.bytes(size) }</span>
                <button type="button" class="link-button" onclick={remove}>{ t.remove_offline }</button>
            </span>
        };
    }
    let save = {
        let (url, refresh, saving) = (audio.clone(), offline.refresh.clone(), saving.clone());
        Callback::from(move |_: MouseEvent| {
            let (url, refresh, saving) = (url.clone(), refresh.clone(), saving.clone());
            saving.set(Saving::Progress(0, 0));
            spawn_local(async move {
                let progress = {
                    let saving = saving.clone();
                    move |received: f64, total: f64| {
                        saving.set(Saving::Progress(received as u64, total as u64))
                    }
                };
                match save_audio(&url, progress).await {
                    Ok(_) => {
                        saving.set(Saving::Idle);
                        refresh.emit(());
                    }
                    Err(e) => saving.set(Saving::Failed(e)),
                }
            });
        })
    };
    match &**saving {
        Saving::Progress(received, total) => html! {
            <span class="offline-status" role="status">
                <label>
                    { t.saving_offline }{ " " }{ t.bytes(*received) }
                    if *total > 0 { { " / " }{ t.bytes(*total) } }
                    <progress max={total.max(&1).to_string()} value={received.to_string()}></progress>
                </label>
            </span>
        },
        Saving::Failed(reason) => html! {
            <span class="offline-status error" role="alert">
                { t.save_failed }{ ": " }{ reason }{ " " }
                <button type="button" class="link-button" onclick={save}>{ t.retry }</button>
            </span>
        },
        Saving::Idle => html! {
            <button type="button" class="link-button" onclick={save}><span aria-hidden="true">{ "⤓ " }</span>{ t.save_offline }</button>
        },
    }
}

use crate::io::offline::{remove_audio, save_audio};
use crate::ui::hooks::{use_language, use_offline};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OfflineControlsProps {
    pub audio: AttrValue,
}

enum Saving {
    Idle,
    /// Bytes received, and expected (0 when the server does not say).
    Progress(u64, u64),
    Failed(String),
}

/// Save an episode's audio for offline listening, follow the download,
/// see its size once saved, and remove it.
#[component]
pub fn OfflineControls(props: &OfflineControlsProps) -> Html {
    let (t, _) = use_language();
    let offline = use_offline();
    let saving = use_state(|| Saving::Idle);
    if let Some(size) = offline.saved.audio_size(&props.audio) {
        let remove = {
            let (url, refresh) = (props.audio.clone(), offline.refresh.clone());
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
        let (url, refresh, saving) = (props.audio.clone(), offline.refresh.clone(), saving.clone());
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
    match &*saving {
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

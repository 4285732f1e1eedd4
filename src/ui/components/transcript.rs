use crate::core::catalog::EpisodeSummary;
use crate::core::transcript::remote_link;
use crate::io::{fetch_transcript, modules, FetchError};
use crate::ui::components::{error_view, loading};
use crate::ui::context::use_language;
use crate::ui::hooks::{adopting, use_fetch, Load};
use crate::ui::player::use_player;
use crate::ui::transcript_view::words;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

thread_local! {
    /// The transcript as the build draws it for readers without scripts
    /// (see [`built_transcript`]).
    static BUILT: std::cell::RefCell<Option<(String, AttrValue)>> = const { std::cell::RefCell::new(None) };
}

/// Hands the static transcript of the episode `slug` to the next render:
/// the build gives its HTML; the browser, about to hydrate the page, gives
/// nothing, and hydration adopts what the build wrote.
pub fn built_transcript(slug: &str, html: String) {
    BUILT.with(|b| *b.borrow_mut() = Some((slug.to_string(), html.into())));
}

#[wasm_bindgen]
extern "C" {
    /// The transcript module's exports (`src/bin/transcript.rs`).
    type TranscriptModule;
    #[wasm_bindgen(method)]
    fn open(
        this: &TranscriptModule,
        source: &JsValue,
        url: &str,
        kind: Option<String>,
        host: &web_sys::HtmlElement,
        words: js_sys::Array,
        download: Option<String>,
        slug: &str,
        seek: &js_sys::Function,
    ) -> js_sys::Promise;

    /// A transcript the module drew.
    #[derive(Clone)]
    type TranscriptView;
    #[wasm_bindgen(method)]
    fn set_time(this: &TranscriptView, seconds: f64, playing: bool);
    #[wasm_bindgen(method)]
    fn free(this: &TranscriptView);
}

#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub episode: Rc<EpisodeSummary>,
}

/// An episode's transcript, collapsed until the listener opens it. Once
/// opened, or when the episode plays, it fetches the transcript and loads
/// the transcript module alongside, which draws it into this section
/// (see [`crate::ui::transcript_view`]): it then follows playback, seeks on
/// a cue and finds words. Until then, and for readers without scripts, the
/// section holds the text the build wrote.
#[component]
pub fn TranscriptSection(props: &TranscriptProps) -> Html {
    let (t, _) = use_language();
    let ctx = use_player();
    let e = props.episode.clone();
    let open = use_state(|| false);
    let playing_this = ctx.state.episode.as_ref().is_some_and(|c| c.slug == e.slug);
    // Once wanted, kept: closing the section does not drop the transcript.
    let latched = use_mut_ref(|| false);
    if *open || playing_this {
        *latched.borrow_mut() = true;
    }
    let wanted = *latched.borrow();
    let details = use_node_ref();
    {
        // A section opened before the app ran: the app never saw it toggle.
        let (details, open) = (details.clone(), open.clone());
        use_effect_with((), move |_| {
            if details
                .cast::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"))
            {
                open.set(true);
            }
        });
    }
    let built = use_memo((), {
        let slug = e.slug.clone();
        move |_| {
            BUILT.with(|b| match b.borrow_mut().take() {
                Some((built, html)) if built == slug => html,
                _ => AttrValue::default(),
            })
        }
    });
    let host = use_node_ref();
    // What the view calls to seek; made in the browser, kept as long as
    // the section.
    let seek = use_mut_ref(|| None::<Closure<dyn Fn(f64)>>);
    let view = use_fetch(wanted.then(|| e.slug.clone()), None, {
        let (host, seek) = (host.clone(), seek.clone());
        let (player, e) = (ctx.player.clone(), e.clone());
        move |slug| async move {
            let (Some(slug), Some(host)) = (slug, host.cast::<web_sys::HtmlElement>()) else {
                return Ok(None);
            };
            // The module downloads while the transcript does.
            let module = modules::load(match e.transcript_type {
                Some(_) => modules::TRANSCRIPT_READER,
                None => modules::TRANSCRIPT,
            });
            let (source, url) = fetch_transcript(&e).await?;
            let module: TranscriptModule = module.ready().await?.unchecked_into();
            let words = words(t).iter().map(|w| JsValue::from_str(w)).collect();
            let (download, kind) = (e.transcript.clone(), e.transcript_type.clone());
            let seek: js_sys::Function = seek
                .borrow_mut()
                .get_or_insert_with(|| Closure::new(move |at| player.play_episode(&e, Some(at))))
                .as_ref()
                .clone()
                .unchecked_into();
            let opened = module.open(&source, &url, kind, &host, words, download, &slug, &seek);
            let view = JsFuture::from(opened)
                .await
                .map_err(|reason| FetchError::Invalid {
                    reason: reason.as_string().unwrap_or_default(),
                    url,
                })?;
            let view = view.unchecked_into::<TranscriptView>();
            // The section went while the module drew: nothing will free it.
            if !host.is_connected() {
                view.free();
                return Ok(None);
            }
            Ok(Some(view))
        }
    });
    {
        // Keyed by the download's state, which holds the view: a view
        // freed here is never mistaken for the next one.
        let position = ctx.state.position;
        use_effect_with(
            (view.state.clone(), position.to_bits(), playing_this),
            move |(state, _, playing)| {
                if let Load::Ready(v) = state {
                    if let Some(v) = &**v {
                        v.set_time(position, *playing);
                    }
                }
            },
        );
        use_effect_with(view.state.clone(), |state| {
            let drawn = match state {
                Load::Ready(v) => (**v).clone(),
                _ => None,
            };
            move || drawn.iter().for_each(TranscriptView::free)
        });
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |ev: Event| {
            if let Some(d) = ev.target_dyn_into::<web_sys::Element>() {
                open.set(d.has_attribute("open"));
            }
        })
    };
    let body = if wanted {
        let status = match &view.state {
            Load::Failed(error) if *open => html! {
                <>
                    { error_view(t.transcript_error, error, &view.retry, t.retry) }
                    // A host that refuses the browser still serves the file.
                    if let (Some(url), Some(_)) = (&e.transcript, &e.transcript_type) {
                        { Html::from_html_unchecked(remote_link(url, t.download_transcript).into()) }
                    }
                </>
            },
            Load::Loading if *open => loading(t.loading_transcript),
            _ => html! {},
        };
        html! {
            <>
                { status }
                <div class="transcript-view" ref={host}></div>
            </>
        }
    } else if adopting() || !built.is_empty() {
        // The text the build wrote, adopted as it is; empty on a page the
        // app drew.
        html! { <div class="transcript-body">{ Html::from_html_unchecked((*built).clone()) }</div> }
    } else {
        html! {}
    };
    html! {
        <section class="transcript" aria-labelledby="transcript-title" data-pagefind-ignore="">
            <details ref={details} {ontoggle}>
                <summary><h2 id="transcript-title">{ t.transcript }</h2></summary>
                { body }
            </details>
        </section>
    }
}

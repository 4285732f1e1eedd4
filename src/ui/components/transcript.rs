use crate::core::catalog::EpisodeSummary;
use crate::core::transcript::{current, find, paragraphs, to_html};
use crate::io::{fetch_transcript, yield_now};
use crate::ui::components::{error_view, loading, share_at_time};
use crate::ui::hooks::{adopting, use_fetch, use_language, Load};
use crate::ui::player::use_player;
use std::rc::Rc;
use wasm_bindgen::JsCast;
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

/// Cues drawn per task: a 3-hour transcript has thousands, and drawing
/// them all at once would hold the page far longer than a frame.
const CHUNK: usize = 300;

#[derive(Properties, PartialEq)]
pub struct TranscriptProps {
    pub episode: Rc<EpisodeSummary>,
}

/// An episode's transcript, collapsed until the listener opens it. It is
/// fetched when opened or when the episode plays; then it follows playback
/// (the cue playing is marked and kept in view until the listener scrolls
/// it by hand), seeks on a click or Enter on a cue, and finds words.
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
    let fetched = use_fetch(wanted.then(|| e.slug.clone()), None, |slug| async move {
        match slug {
            Some(slug) => fetch_transcript(&slug).await.map(|t| Some(Rc::new(t))),
            None => Ok(None),
        }
    });
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |ev: Event| {
            if let Some(d) = ev.target_dyn_into::<web_sys::Element>() {
                open.set(d.has_attribute("open"));
            }
        })
    };
    let ready = match &fetched.state {
        Load::Ready(t) => (**t).clone(),
        _ => None,
    };
    // Until it comes, the hooks below work on an empty transcript.
    let tr = &ready.clone().unwrap_or_default();
    let now = current(&tr.cues, ctx.state.position).filter(|_| playing_this && tr.timed);
    let following = use_state(|| true);
    let query = use_state(String::new);
    // Keyed by the loaded transcript's address, which lives as long as
    // this section: comparing 4,000 cues on every time update would cost
    // more than the work saved. `None` until it loads.
    let key = ready.as_ref().map(|r| Rc::as_ptr(r) as usize);
    let matches = use_memo(((*query).clone(), key), {
        let tr = tr.clone();
        move |(q, _)| find(&tr.cues, q)
    });
    let at_match = use_state(|| 0usize);
    let selected = use_state(|| None::<usize>);
    let copied = use_state(|| false);
    let body_ref = use_node_ref();
    // The markup, a chunk of paragraphs per task: each chunk is drawn once
    // and kept, so a 3-hour transcript never holds the page for long.
    let chunks = use_memo(key, {
        let tr = tr.clone();
        move |_| {
            let parts = paragraphs(&tr);
            let mut chunks = Vec::new();
            let (mut from, mut cues) = (0, 0);
            for (k, p) in parts.iter().enumerate() {
                cues += p.len();
                if cues >= CHUNK || k + 1 == parts.len() {
                    chunks.push(Html::from_html_unchecked(
                        to_html(&tr, &parts[from..=k]).into(),
                    ));
                    (from, cues) = (k + 1, 0);
                }
            }
            chunks
        }
    });
    let shown = use_state(|| 1usize);
    {
        let shown = shown.clone();
        // The chunks arrive with the transcript: both wake this.
        use_effect_with((*shown, chunks.len()), move |&(n, total)| {
            if n < total {
                wasm_bindgen_futures::spawn_local(async move {
                    yield_now().await;
                    shown.set(n + 1);
                });
            }
        });
    }
    // What the cues say of playback and of the find, as attributes.
    let at = matches
        .get(*at_match)
        .copied()
        .filter(|_| !query.is_empty());
    {
        // Each kind of mark in its own effect: the cue playing moves on
        // every few seconds, and must not redo the find's marks.
        let playing = use_mut_ref(Vec::new);
        use_effect_with((now, *shown), move |&(now, _)| {
            remark(&playing, "aria-current", now.into_iter())
        });
        let found = use_mut_ref(Vec::new);
        let matches = matches.clone();
        // Keyed as the matches are: by the find's words and the transcript
        // (an address of the matches could be reused by the next ones).
        use_effect_with(((*query).clone(), key, *shown), move |_| {
            remark(&found, "data-match", matches.iter().copied())
        });
        let stepped = use_mut_ref(Vec::new);
        use_effect_with((at, *shown), move |&(at, _)| {
            remark(&stepped, "data-at", at.into_iter())
        });
    }
    {
        // The match the listener steps to comes into view once; the cue
        // playing, each time it changes, while following.
        let body = body_ref.clone();
        use_effect_with((at, *shown), move |(at, _)| {
            if let Some(i) = *at {
                reveal(&body, i);
            }
        });
        let body_ref = body_ref.clone();
        use_effect_with((now, *following), move |&(now, following)| {
            if let Some(i) = now.filter(|_| following) {
                reveal(&body_ref, i);
            }
        });
    }
    let seek_to = {
        let player = ctx.player.clone();
        let e = e.clone();
        let tr = tr.clone();
        let following = following.clone();
        move |i: usize| {
            if let Some(c) = tr.cues.get(i).filter(|_| tr.timed) {
                following.set(true);
                player.play_episode(&e, Some(c.start));
            }
        }
    };
    let onclick = {
        let seek_to = seek_to.clone();
        let selected = selected.clone();
        Callback::from(move |ev: MouseEvent| {
            // A click that ends selecting text is not a seek.
            let chosen = selected_cue();
            selected.set(chosen);
            if chosen.is_none() {
                if let Some(i) = cue_of(ev.target()) {
                    seek_to(i);
                }
            }
        })
    };
    let onkeydown = {
        let following = following.clone();
        let last = tr.cues.len().saturating_sub(1);
        Callback::from(move |ev: KeyboardEvent| {
            let key = ev.key();
            let on = cue_of(ev.target());
            let next = match (key.as_str(), on) {
                ("Enter", Some(i)) => {
                    ev.prevent_default();
                    seek_to(i);
                    return;
                }
                ("ArrowDown", Some(i)) => (i + 1).min(last),
                ("ArrowUp", Some(i)) => i.saturating_sub(1),
                // Keys that scroll the box by hand stop the following.
                ("ArrowUp" | "ArrowDown" | "PageUp" | "PageDown" | "Home" | "End", _) => {
                    following.set(false);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            following.set(false);
            if let Some(el) = cue_element(next) {
                let _ = el.focus();
            }
        })
    };
    let stop_following = {
        let following = following.clone();
        Callback::from(move |_: Event| following.set(false))
    };
    let oninput = {
        let query = query.clone();
        let at_match = at_match.clone();
        let following = following.clone();
        Callback::from(move |ev: InputEvent| {
            if let Some(input) = ev.target_dyn_into::<web_sys::HtmlInputElement>() {
                // Finding takes the box; "Follow along" gives it back.
                following.set(false);
                at_match.set(0);
                query.set(input.value());
            }
        })
    };
    let step = |by: usize| {
        let at_match = at_match.clone();
        let n = matches.len();
        Callback::from(move |_: ()| {
            if n > 0 {
                at_match.set((*at_match + by) % n);
            }
        })
    };
    let (next, previous) = (step(1), step(matches.len().saturating_sub(1)));
    let on_find_key = {
        let next = next.clone();
        Callback::from(move |ev: KeyboardEvent| {
            if ev.key() == "Enter" {
                ev.prevent_default();
                next.emit(());
            }
        })
    };
    let body = match (&fetched.state, &ready) {
        (_, Some(_)) => html! {
        <>
            <div class="transcript-tools">
                <input type="search" class="transcript-find" aria-label={t.find_in_transcript}
                    placeholder={t.find_in_transcript} value={(*query).clone()} {oninput} onkeydown={on_find_key} />
                if !query.is_empty() {
                    <span class="find-count">{ format!("{} / {}", at.map_or(0, |_| *at_match + 1), matches.len()) }</span>
                    <button type="button" class="button small secondary" aria-label={t.previous_match} onclick={previous.reform(|_| ())}>{ "↑" }</button>
                    <button type="button" class="button small secondary" aria-label={t.next_match} onclick={next.reform(|_| ())}>{ "↓" }</button>
                }
                if playing_this && tr.timed && !*following {
                    <button type="button" class="button small" onclick={let f = following.clone(); move |_| f.set(true)}>{ t.follow_along }</button>
                }
                if let Some(i) = selected.filter(|_| tr.timed) {
                    { share_at_time(t, &e.slug, tr.cues[i].start, &copied) }
                }
                if let Some(url) = &e.transcript {
                    <a class="transcript-download" href={url.clone()} download="">{ t.download_transcript }</a>
                }
            </div>
            <div class="transcript-body" ref={body_ref} {onclick} {onkeydown}
                onwheel={stop_following.reform(|e: WheelEvent| e.into())}
                ontouchmove={stop_following.reform(|e: TouchEvent| e.into())}>
                // Keyed: Yew matches an unkeyed list from its end, and would
                // redraw every chunk drawn so far for each new one.
                { for chunks.iter().take(*shown).enumerate().map(|(k, c)| html! { <div key={k}>{ c.clone() }</div> }) }
            </div>
        </>
        },
        (Load::Failed(error), _) if *open => {
            error_view(t.transcript_error, error, &fetched.retry, t.retry)
        }
        (Load::Loading, _) if *open => loading(t.loading_transcript),
        // The text the build wrote, adopted as it is; empty on a page the
        // app drew.
        _ if adopting() || !built.is_empty() => html! {
            <div class="transcript-body">{ Html::from_html_unchecked((*built).clone()) }</div>
        },
        _ => html! {},
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

/// Moves the attribute `name` from the cues `marked` holds to `cues`.
fn remark(marked: &std::cell::RefCell<Vec<usize>>, name: &str, cues: impl Iterator<Item = usize>) {
    let mut marked = marked.borrow_mut();
    for i in marked.drain(..) {
        if let Some(el) = cue_element(i) {
            let _ = el.remove_attribute(name);
        }
    }
    for i in cues {
        if let Some(el) = cue_element(i) {
            let _ = el.set_attribute(name, "true");
            marked.push(i);
        }
    }
}

/// The cue an event happened on, by its `data-cue`.
fn cue_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-cue]")
        .ok()??
        .get_attribute("data-cue")?
        .parse()
        .ok()
}

/// The cue where the listener's text selection starts, if they selected
/// some text.
fn selected_cue() -> Option<usize> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let node = selection.anchor_node()?;
    let el = match node.dyn_ref::<web_sys::Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    cue_of(Some(el.into()))
}

fn cue_element(i: usize) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(&format!("cue-{i}"))?
        .dyn_into()
        .ok()
}

/// Scrolls the transcript's box, not the page, so that cue `i` sits in its
/// upper third.
fn reveal(body: &NodeRef, i: usize) {
    let (Some(body), Some(cue)) = (body.cast::<web_sys::HtmlElement>(), cue_element(i)) else {
        return;
    };
    let top = cue.offset_top() - body.client_height() / 3;
    body.set_scroll_top(top.max(0));
}

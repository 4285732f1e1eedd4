use crate::core::catalog::notes_url;
use crate::core::catalog::EpisodeSummary;
use crate::core::duration::format_length;
use crate::core::i18n::Strings;
use crate::core::resume::ListenState;
use crate::core::search::{highlight, Excerpt, Query};
use crate::ui::components::{highlighted, play_button, play_link, queue_buttons};
use crate::ui::format::{fixed, long_date};
use crate::ui::hooks::OfflineContext;
use crate::ui::player::ListenContext;
use crate::ui::router::{href, Route};
use std::rc::Rc;
use yew::prelude::*;

/// What every card of a list draws from, read once by the page.
pub struct Cards<'a> {
    pub t: &'static Strings,
    pub language: &'a str,
    pub listen: &'a ListenContext,
    pub offline: &'a OfflineContext,
    /// Whether the app runs: until then a card's play button is a link.
    pub hydrated: bool,
}

/// One row of the listing: number, title, date, excerpt, length, what the
/// listener has heard of it, and a play button. With a `query` (the search
/// being shown), its words are marked in the title, and the engine's
/// `excerpt` of the episode stands for its opening words. In a list drawn
/// a window at a time, `place` is its row (from 0) and the list's size, for
/// screen readers to say where it is.
///
/// A function, not a component: cards are drawn by their list, and each
/// component type costs the wasm its own lifecycle and hydration code.
pub fn episode_card(
    cards: &Cards,
    e: &Rc<EpisodeSummary>,
    query: Option<&Rc<Query>>,
    excerpt: Option<&Excerpt>,
    place: Option<(usize, usize)>,
) -> Html {
    let Cards {
        t,
        language,
        listen,
        offline,
        hydrated,
    } = *cards;
    let length = e
        .duration
        .map(format_length)
        .or_else(|| e.size.map(|s| t.bytes(s)));
    let state = listen.store.state(&e.slug);
    let saved = e
        .audio
        .as_deref()
        .is_some_and(|a| offline.saved.audio_size(a).is_some());
    // Offline, episodes whose notes never came here cannot open: say so
    // before a tap.
    let unavailable = !offline.online && !saved && !offline.saved.has_page(&notes_url(&e.slug));
    html! {
        <li key={e.slug.clone()} aria-posinset={place.map(|(at, _)| format!("{}", at + 1))} aria-setsize={place.map(|(_, size)| format!("{size}"))} class={classes!("episode-card", e.is_news().then_some("news"), (state == ListenState::Played).then_some("played"), unavailable.then_some("unavailable"))}>
            <article>
                if let Some(src) = &e.image {
                    <img class="card-art" src={src.clone()} alt="" width="56" height="56" loading="lazy" />
                }
                <div class="card-body">
                    <p class="card-kicker">
                        if let Some(label) = e.number_label(t, false) {
                            <span class="badge">{ label }</span>
                        } else if e.is_news() {
                            <span class="badge badge-news">{ t.news }</span>
                        }
                        if let Some(kind) = e.type_label(t) {
                            <span class="badge badge-type">{ kind }</span>
                        }
                        <time datetime={e.date.to_string()}>{ long_date(e.date, language) }</time>
                        if let Some(length) = length {
                            <span class="length">{ length }</span>
                        }
                        if state == ListenState::Played {
                            <span class="badge badge-played">{ "✓ " }{ t.played }</span>
                        }
                        if saved {
                            <span class="badge badge-offline"><span aria-hidden="true">{ "⤓ " }</span>{ t.saved_offline }</span>
                        }
                    </p>
                    <h2 class="card-title">
                        <a href={href(&Route::Episode { slug: e.slug.clone() }, "")}>
                            if let Some(q) = query {
                                { highlighted(&e.title.clone(), &highlight(&e.title, q)) }
                            } else {
                                { &e.title }
                            }
                        </a>
                    </h2>
                    if let Some(found) = excerpt.filter(|x| !x.text.is_empty()) {
                        <p class="excerpt snippet">{ highlighted(&found.text, &found.marks) }</p>
                    } else if !e.excerpt.is_empty() {
                        <p class="excerpt">{ &e.excerpt }</p>
                    }
                    if let ListenState::InProgress(fraction) = state {
                        <div class="progress" role="progressbar" aria-label={t.in_progress}
                            aria-valuemin="0" aria-valuemax="100" aria-valuenow={fixed(fraction * 100.0, 0)}>
                            <span style={format!("width:{}%", fixed(fraction * 100.0, 1))}></span>
                        </div>
                    }
                </div>
                if e.audio.is_some() {
                    <div class="card-actions">
                        if hydrated {
                            { play_button(listen, t, e, None, false) }
                        } else {
                            { play_link(t, e) }
                        }
                        <span class="card-queue">{ queue_buttons(t, e, false) }</span>
                    </div>
                }
            </article>
        </li>
    }
}

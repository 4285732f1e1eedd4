use crate::core::catalog::EpisodeSummary;
use crate::core::duration::format_clock;
use crate::core::i18n::Strings;
use crate::core::resume::ListenState;
use crate::core::timestamp::{parse_clip, Clip};
use crate::ui::components::{
    chapter_list, embed_link, error_page, loading, offline_controls, play_button, queue_buttons,
    Saving, ShowNotes, TranscriptSection,
};
use crate::ui::context::{use_catalog, use_language, use_location, use_offline};
use crate::ui::dom::{scroll_to_start, set_title};
use crate::ui::format::long_date;
use crate::ui::hooks::{use_hydrated, Load};
use crate::ui::pages::NotFoundPage;
use crate::ui::player::{use_listening, use_player};
use crate::ui::router::{href, query_string, Location, Route};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EpisodePageProps {
    pub slug: AttrValue,
}

/// The `?t=` of the address: `754`, `12:34` or `1h2m3s`, and a clip's end
/// after a comma (`1:23,2:34`).
fn start_time(location: &Location) -> Option<Clip> {
    parse_clip(&location.param("t")?)
}

/// `/episodes/{slug}`: what the index knows at once, then the notes.
#[component]
pub fn EpisodePage(props: &EpisodePageProps) -> Html {
    let catalog = use_catalog();
    let listen = use_listening();
    let player_ctx = use_player();
    let (t, language) = use_language();
    let hydrated = use_hydrated();
    let offline = use_offline();
    let saving = use_state(Saving::default);
    let embed_copied = use_state(|| false);
    let at = start_time(&use_location());
    let episode: Option<Rc<EpisodeSummary>> = match &catalog.state {
        Load::Ready(c) => c
            .position(&props.slug)
            .map(|i| Rc::new(c.episodes[i].clone())),
        _ => None,
    };
    // A time past the episode's end (a link made for another one) starts
    // nothing.
    let at = at.filter(|clip| {
        episode
            .as_ref()
            .and_then(|e| e.duration)
            .is_none_or(|length| clip.start < length)
    });
    {
        let site = match &catalog.state {
            Load::Ready(c) => c.site.title.clone(),
            _ => String::new(),
        };
        use_effect_with(
            (props.slug.clone(), episode.is_some()),
            move |(_, found)| {
                scroll_to_start();
                let _ = found;
            },
        );
        let title = episode.as_ref().map(|e| e.title.clone());
        use_effect_with((title, site), |(title, site)| {
            if let Some(title) = title {
                set_title(Some(title), site);
            }
        });
    }
    {
        // A shared `?t=` link loads the episode paused there, unless the
        // listener is already listening to something.
        let player = listen.player.clone();
        let episode = episode.clone();
        use_effect_with((episode.as_ref().map(|e| e.slug.clone()), at), move |_| {
            if let (Some(e), Some(at)) = (episode, at) {
                if player.audio().paused() && e.audio.is_some() {
                    player.load_paused(&e, at);
                }
            }
        });
    }
    let c = match &catalog.state {
        Load::Loading => return html! { { loading(t.loading_episodes) } },
        Load::Failed(error) => {
            return html! { { error_page(t.episodes_error, &error.clone(), &catalog.retry.clone(), t.retry) } }
        }
        Load::Ready(c) => c,
    };
    let (Some(i), Some(e)) = (c.position(&props.slug), episode) else {
        // An older episode of a large archive may be in a part still loading.
        return if c.is_complete() {
            html! { <NotFoundPage /> }
        } else {
            loading(t.loading_episodes)
        };
    };
    let (older, newer) = c.neighbours(i);
    let state = listen.store.state(&e.slug);
    let played = state == ListenState::Played;
    let play_whole = {
        let (player, e) = (listen.player.clone(), e.clone());
        Callback::from(move |_: MouseEvent| player.play_episode(&e, Some(0.0)))
    };
    let toggle_played = {
        let player = listen.player.clone();
        let slug = e.slug.clone();
        Callback::from(move |_: MouseEvent| player.set_played(&slug, !played))
    };
    html! {
        // What the search engine indexes: the page less its controls.
        <article class="episode" data-pagefind-body="">
            <nav class="breadcrumb" aria-label={t.breadcrumb} data-pagefind-ignore="">
                <a href={href(&Route::Listing, "")}>{ "← " }{ t.all_episodes }</a>
            </nav>
            <header class="episode-header">
                if let Some(src) = &e.image {
                    <img class="episode-art" src={src.clone()} alt="" width="96" height="96" />
                }
                <p class="card-kicker">
                    if let Some(label) = e.number_label(t, true) {
                        <span class="badge">{ label }</span>
                    } else if e.is_news() {
                        <span class="badge badge-news">{ t.news }</span>
                    }
                    // Pagefind joins the text of neighbouring inline elements
                    // into one word (`12Bonus`); a flex row draws no space.
                    if let Some(kind) = e.type_label(t) {
                        <>{ " " }<span class="badge badge-type">{ kind }</span></>
                    }
                    // Run together, these would index as one word.
                    <time datetime={e.date.to_string()} data-pagefind-ignore="">{ long_date(e.date, &language) }</time>
                    if let Some(d) = e.duration {
                        <span class="length" data-pagefind-ignore="">{ format_clock(d) }</span>
                    }
                    if played {
                        <span class="badge badge-played">{ t.played }</span>
                    }
                </p>
                <h1>{ &e.title }</h1>
                if !e.team.is_empty() {
                    <p class="team">{ t.with }{ " " }{ people_links(&e.team, t) }</p>
                }
                if !e.guests.is_empty() {
                    <p class="team guests">{ t.guests }{ " " }{ people_links(&e.guests, t) }</p>
                }
            </header>
            if let Some(audio) = &e.audio {
                <div class="episode-actions" data-pagefind-ignore="">
                    // Without scripts, the browser's own player; with them,
                    // the app's buttons, from the first paint on (see the
                    // style sheet's `scripting` rules), so nothing moves
                    // when the app starts. The app then drops the hidden
                    // player: the page has one audio element, the app's.
                    if !hydrated {
                        <audio class="static-audio" controls=true preload="none" src={audio.clone()}></audio>
                    }
                    { play_button(&listen, t, &e, at, true) }
                    if let Some(Clip { end: Some(_), .. }) = at {
                        <button type="button" class="button secondary app-only" aria-label={format!("{}: {}", t.play_whole, e.title)} onclick={play_whole}>{ t.play_whole }</button>
                    } else if at.is_some() {
                        { play_button(&listen, t, &e, None, true) }
                    }
                    <button type="button" class="button secondary app-only" aria-pressed={played.to_string()} onclick={toggle_played}>
                        { if played { t.mark_unplayed } else { t.mark_played } }
                    </button>
                    { queue_buttons(t, &e, true) }
                </div>
                <p class="episode-links" data-pagefind-ignore="">
                    <a href={audio.clone()} download="">
                        { t.download }
                        if let Some(size) = e.size { { format!(" ({})", t.bytes(size)) } }
                    </a>
                    if let Some(yt) = &e.youtube {
                        <a href={yt.clone()} rel="noopener" target="_blank">{ t.watch_on_youtube }</a>
                    }
                    <span class="app-only">{ offline_controls(t, &offline, audio, &saving) }</span>
                    { embed_link(t, &e.slug, &e.title, &embed_copied) }
                </p>
            } else if let Some(yt) = &e.youtube {
                <p class="episode-links"><a href={yt.clone()} rel="noopener" target="_blank">{ t.watch_on_youtube }</a></p>
            }
            { chapter_list(&player_ctx, t, &e, hydrated) }
            <ShowNotes key={e.slug.clone()} slug={e.slug.clone()} />
            if e.transcript.is_some() {
                <TranscriptSection key={e.slug.clone()} episode={e.clone()} />
            }
            <nav class="pager" aria-label={t.pager} data-pagefind-ignore="">
                { pager_link(newer, t.newer, "newer") }
                { pager_link(older, t.older, "older") }
            </nav>
        </article>
    }
}

/// Each person links to the listing of their episodes.
fn people_links(people: &[String], t: &Strings) -> Html {
    html! {
        <>
            { for people.iter().enumerate().map(|(i, p)| {
                let query = query_string(&[("who", p.clone())]);
                let label = format!("{} {p}", t.episodes_of_person);
                html! {
                    <>
                        if i > 0 { { ", " } }
                        <a href={href(&Route::Listing, &query)} class="person" aria-label={label}>{ p }</a>
                    </>
                }
            }) }
        </>
    }
}

fn pager_link(e: Option<&EpisodeSummary>, label: &'static str, class: &'static str) -> Html {
    match e {
        Some(e) => html! {
            <a href={href(&Route::Episode { slug: e.slug.clone() }, "")} class={classes!("pager-link", class)}>
                <span class="pager-label">{ label }</span>
                <span class="pager-title">{ &e.title }</span>
            </a>
        },
        None => html! { <span class={classes!("pager-link", class, "empty")}></span> },
    }
}

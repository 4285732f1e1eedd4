use crate::core::catalog::EpisodeSummary;
use crate::core::duration::format_bytes;
use crate::ui::components::{AudioPlayer, ErrorView, Loading, ShowNotes};
use crate::ui::dom::{scroll_to_top, set_title};
use crate::ui::format::long_date;
use crate::ui::hooks::{use_catalog, use_language, Load};
use crate::ui::pages::NotFoundPage;
use crate::ui::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EpisodePageProps {
    pub slug: AttrValue,
}

/// `/episodes/{slug}`: what the index knows at once, then the notes.
#[component]
pub fn EpisodePage(props: &EpisodePageProps) -> Html {
    let catalog = use_catalog();
    let (t, language) = use_language();
    {
        let state = catalog.state.clone();
        use_effect_with((props.slug.clone(), state), |(slug, state)| {
            scroll_to_top();
            if let Load::Ready(c) = state {
                if let Some(e) = c.position(slug).map(|i| &c.episodes[i]) {
                    set_title(Some(&e.title), &c.site.title);
                }
            }
        });
    }
    let c = match &catalog.state {
        Load::Loading => return html! { <Loading label={t.loading_episodes} /> },
        Load::Failed(error) => {
            return html! { <ErrorView title={t.episodes_error} error={error.clone()} retry={catalog.retry.clone()} /> }
        }
        Load::Ready(c) => c,
    };
    let Some(i) = c.position(&props.slug) else {
        return html! { <NotFoundPage /> };
    };
    let e = &c.episodes[i];
    let (older, newer) = c.neighbours(i);
    html! {
        <article class="episode">
            <nav class="breadcrumb">
                <Link<Route> to={Route::Listing}>{ "← " }{ t.all_episodes }</Link<Route>>
            </nav>
            <header class="episode-header">
                <p class="card-kicker">
                    if let Some(n) = e.number {
                        <span class="badge">{ format!("{} {n}", t.episode) }</span>
                    } else {
                        <span class="badge badge-news">{ t.news }</span>
                    }
                    <time datetime={e.date.to_string()}>{ long_date(e.date, &language) }</time>
                </p>
                <h1>{ &e.title }</h1>
                if !e.team.is_empty() {
                    <p class="team">{ t.with }{ " " }{ e.team.join(", ") }</p>
                }
                if !e.guests.is_empty() {
                    <p class="team guests">{ t.guests }{ " " }{ e.guests.join(", ") }</p>
                }
            </header>
            if let Some(audio) = &e.audio {
                <AudioPlayer src={audio.clone()} title={e.title.clone()} />
                <p class="episode-links">
                    <a href={audio.clone()} download="">
                        { t.download }
                        if let Some(size) = e.size { { format!(" ({})", format_bytes(size)) } }
                    </a>
                    if let Some(yt) = &e.youtube {
                        <a href={yt.clone()} rel="noopener" target="_blank">{ t.watch_on_youtube }</a>
                    }
                </p>
            } else if let Some(yt) = &e.youtube {
                <p class="episode-links"><a href={yt.clone()} rel="noopener" target="_blank">{ t.watch_on_youtube }</a></p>
            }
            <ShowNotes key={e.slug.clone()} slug={e.slug.clone()} />
            <nav class="pager">
                { pager_link(newer, t.newer, "newer") }
                { pager_link(older, t.older, "older") }
            </nav>
        </article>
    }
}

fn pager_link(e: Option<&EpisodeSummary>, label: &'static str, class: &'static str) -> Html {
    match e {
        Some(e) => html! {
            <Link<Route> to={Route::Episode { slug: e.slug.clone() }} classes={classes!("pager-link", class)}>
                <span class="pager-label">{ label }</span>
                <span class="pager-title">{ &e.title }</span>
            </Link<Route>>
        },
        None => html! { <span class={classes!("pager-link", class, "empty")}></span> },
    }
}

use crate::core::catalog::EpisodeSummary;
use crate::core::duration::{format_bytes, format_length};
use crate::ui::format::long_date;
use crate::ui::hooks::use_language;
use crate::ui::Route;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EpisodeCardProps {
    pub episode: Rc<EpisodeSummary>,
}

/// One row of the listing: number, title, date, excerpt, length.
#[component]
pub fn EpisodeCard(props: &EpisodeCardProps) -> Html {
    let (t, language) = use_language();
    let e = &props.episode;
    let length = e
        .duration
        .map(format_length)
        .or_else(|| e.size.map(format_bytes));
    html! {
        <li class={classes!("episode-card", e.is_news().then_some("news"))}>
            <article>
                <p class="card-kicker">
                    if let Some(n) = e.number {
                        <span class="badge">{ format!("#{n}") }</span>
                    } else {
                        <span class="badge badge-news">{ t.news }</span>
                    }
                    <time datetime={e.date.to_string()}>{ long_date(e.date, &language) }</time>
                    if let Some(length) = length {
                        <span class="length">{ length }</span>
                    }
                </p>
                <h2 class="card-title">
                    <Link<Route> to={Route::Episode { slug: e.slug.clone() }}>{ &e.title }</Link<Route>>
                </h2>
                if !e.excerpt.is_empty() {
                    <p class="excerpt">{ &e.excerpt }</p>
                }
            </article>
        </li>
    }
}

use crate::core::catalog::{Catalog, EpisodeSummary};
use crate::core::i18n::Strings;
use crate::ui::components::{EpisodeCard, ErrorView, Loading};
use crate::ui::dom::set_title;
use crate::ui::hooks::{use_catalog, use_language, Load};
use crate::ui::player::use_listening;
use std::rc::Rc;
use yew::prelude::*;

/// `/`: every episode, newest first, drawn from the one index file.
#[component]
pub fn ListingPage() -> Html {
    let catalog = use_catalog();
    let listen = use_listening();
    let (t, _) = use_language();
    let cards = use_memo(catalog.state.clone(), |state| match state {
        Load::Ready(c) => c
            .episodes
            .iter()
            .map(|e| Rc::new(e.clone()))
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    {
        let state = catalog.state.clone();
        use_effect_with(state, |state| {
            if let Load::Ready(c) = state {
                set_title(None, &c.site.title);
            }
        });
    }
    match &catalog.state {
        Load::Loading => html! { <Loading label={t.loading_episodes} /> },
        Load::Failed(error) => html! {
            <ErrorView title={t.episodes_error} error={error.clone()} retry={catalog.retry.clone()} />
        },
        Load::Ready(c) => html! {
            <>
                <section class="intro">
                    <h1>{ &c.site.title }</h1>
                    if !c.site.description.is_empty() {
                        <p class="description">{ &c.site.description }</p>
                    }
                    <p class="count">{ format!("{} {}", c.episodes.len(), t.episode_count) }</p>
                </section>
                { continue_listening(c, &listen.store.continue_listening(3), t) }
                <h2 class="visually-hidden">{ t.all_episodes }</h2>
                <ol class="episode-list" aria-label={t.all_episodes}>
                    { for cards.iter().map(|e| html! { <EpisodeCard key={e.slug.clone()} episode={e.clone()} /> }) }
                </ol>
            </>
        },
    }
}

/// Started, unfinished episodes, the most recent first.
fn continue_listening(c: &Catalog, slugs: &[&str], t: &Strings) -> Html {
    let episodes: Vec<Rc<EpisodeSummary>> = slugs
        .iter()
        .filter_map(|s| c.position(s))
        .map(|i| Rc::new(c.episodes[i].clone()))
        .collect();
    if episodes.is_empty() {
        return html! {};
    }
    html! {
        <section class="continue" aria-labelledby="viewer-continue">
            <h2 id="viewer-continue">{ t.continue_listening }</h2>
            <ol class="episode-list compact">
                { for episodes.into_iter().map(|e| { let key = e.slug.clone(); html! { <EpisodeCard {key} episode={e} /> } }) }
            </ol>
        </section>
    }
}

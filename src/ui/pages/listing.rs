use crate::core::catalog::{Catalog, EpisodeSummary};
use crate::core::i18n::Strings;
use crate::core::listing::{select, ListingQuery};
use crate::core::search::{Excerpt, Query};
use crate::ui::components::{
    episode_card, error_page, error_view, loading, search_bar, show_links, transcript_hits, Cards,
    SearchBar,
};
use crate::ui::dom::set_title;
use crate::ui::hooks::{
    adopting, use_catalog, use_hydrated, use_language, use_offline, use_search, Load, SearchState,
};
use crate::ui::player::use_listening;
use crate::ui::router::{href, query_string, use_location, use_navigator, Location, Route};
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many episodes the listing draws at a time (the build's page draws
/// the first): more than a screen, few enough that drawing them stays well
/// under 50 ms on a slow phone (a card costs about a millisecond). The next
/// page is drawn as the list nears the bottom of the screen.
pub const PAGE: usize = 12;

pub(crate) fn query_from(location: &Location) -> ListingQuery {
    let get = |k: &str| location.param(k).unwrap_or_default();
    let (q, year, who, within) = (get("q"), get("year"), get("who"), get("in"));
    ListingQuery::from_pairs([
        ("q", q.as_str()),
        ("year", year.as_str()),
        ("who", who.as_str()),
        ("in", within.as_str()),
    ])
}

/// Where the listing was scrolled, per address, for the way back.
fn scroll_key(query: &ListingQuery) -> String {
    let pairs: Vec<String> = query
        .to_pairs()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    format!("podcast-viewer:scroll:{}", pairs.join("&"))
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// How many episodes were drawn, and how far down the page, when the
/// listener left this address.
fn saved_place(query: &ListingQuery) -> Option<(usize, f64)> {
    let raw = session()?.get_item(&scroll_key(query)).ok()??;
    let (shown, y) = raw.split_once(':')?;
    Some((shown.parse().ok()?, f64::from(y.parse::<u32>().ok()?)))
}

/// `/`: every episode, newest first, drawn from the one index file; with a
/// search and filters that live in the address.
#[component]
pub fn ListingPage() -> Html {
    let catalog = use_catalog();
    let listen = use_listening();
    let (t, language) = use_language();
    let offline = use_offline();
    let navigator = use_navigator();
    let query = query_from(&use_location());
    let hydrated = use_hydrated();
    // The listener's own episodes join a page the app draws, not the one
    // the build wrote: there they would push down what is already read.
    let adopted = *use_state(adopting);
    let sentinel = use_node_ref();
    let feed_copied = use_state(|| false);

    // The way back restores how many episodes were drawn and how far the
    // listener had scrolled; a new search starts at the top.
    let shown = use_state(|| PAGE);
    let restore = use_mut_ref(|| None::<(usize, f64)>);
    {
        let shown = shown.clone();
        let restore = restore.clone();
        use_effect_with(query.clone(), move |q| {
            let place = saved_place(q);
            let want = place.map_or(PAGE, |(n, _)| n.max(PAGE));
            if *shown != want {
                shown.set(want);
            }
            *restore.borrow_mut() = place.map(|(n, y)| (n.max(PAGE), y));
        });
    }
    let catalog_ready = match &catalog.state {
        Load::Ready(c) => Some(c.clone()),
        _ => None,
    };
    // Search needs the whole archive: its results may be in any part.
    let complete = catalog_ready.clone().filter(|c| c.is_complete());
    let (search, warm_search) = use_search(&query, *shown, complete);
    let filtered = use_memo(
        (
            catalog_ready.as_ref().map(Rc::as_ptr),
            query.year,
            query.who.clone(),
        ),
        {
            let catalog = catalog_ready.clone();
            move |(_, year, who)| {
                let filters = ListingQuery {
                    year: *year,
                    who: who.clone(),
                    ..ListingQuery::default()
                };
                catalog.map(|c| select(&c, &filters))
            }
        },
    );
    let filters = use_memo(catalog_ready.as_ref().map(Rc::as_ptr), {
        let catalog = catalog_ready.clone();
        move |_| {
            catalog.map(|c| {
                (
                    Rc::new(c.filters.years.clone()),
                    Rc::new(c.filters.people.clone()),
                )
            })
        }
    });

    {
        let state = catalog.state.clone();
        use_effect_with(state, |state| {
            if let Load::Ready(c) = state {
                set_title(None, &c.site.title);
            }
        });
    }
    // Remember how many episodes are drawn and where the listener scrolled,
    // for the way back; restore both once the list is drawn.
    let place = use_mut_ref(|| (PAGE, 0.0f64));
    place.borrow_mut().0 = *shown;
    {
        // A search's results are drawn once every page asked for is in.
        let drawn = match &search {
            SearchState::Idle => filtered.is_some(),
            SearchState::Ready(found) => found.loaded() >= (*shown).min(found.total),
            _ => false,
        };
        use_effect_with(
            (scroll_key(&query), drawn, *shown),
            move |(_, drawn, shown)| {
                let due = matches!(*restore.borrow(), Some((n, _)) if *drawn && *shown >= n);
                if due {
                    if let (Some((_, y)), Some(w)) =
                        (restore.borrow_mut().take(), web_sys::window())
                    {
                        w.scroll_to_with_x_and_y(0.0, y);
                    }
                }
            },
        );
    }
    {
        let place = place.clone();
        use_effect_with(scroll_key(&query), move |key| {
            let listener = web_sys::window().map(|w| {
                let place = place.clone();
                EventListener::new(&w, "scroll", move |_| {
                    if let Some(y) = web_sys::window().and_then(|w| w.scroll_y().ok()) {
                        place.borrow_mut().1 = y;
                    }
                })
            });
            let key = key.clone();
            move || {
                drop(listener);
                let (shown, y) = *place.borrow();
                if let Some(s) = session() {
                    let _ = s.set_item(&key, &format!("{shown}:{}", y.max(0.0) as u32));
                }
            }
        });
    }

    use_next_page(&sentinel, &shown);

    let on_change = {
        let navigator = navigator.clone();
        Callback::from(move |(q, push): (ListingQuery, bool)| {
            navigator.go(&Route::Listing, &query_string(&q.to_pairs()), push);
        })
    };

    let c = match &catalog.state {
        Load::Loading => return html! { { loading(t.loading_episodes) } },
        Load::Failed(error) => {
            return html! { { error_page(t.episodes_error, &error.clone(), &catalog.retry.clone(), t.retry) } }
        }
        Load::Ready(c) => c,
    };
    let (years, people) = (*filters).clone().unwrap_or_default();
    let words = query.words();
    let cards = Cards {
        t,
        language: &language,
        listen: &listen,
        offline: &offline,
        hydrated,
    };
    // Words to search: punctuation or an elided article alone are none.
    let searching = !words.is_empty();
    // The count to announce: the whole archive's, parts included, without
    // a filter; none while there is nothing to count yet.
    let mut total = None;
    let list = |found: Vec<(usize, Option<&Excerpt>)>, more: bool, busy: bool, marked| {
        results(
            Results {
                catalog: c,
                found,
                more,
                busy,
                shown: *shown,
                set_shown: &shown,
                query: marked,
                on_change: &on_change,
                cards: &cards,
                sentinel: &sentinel,
            },
            t,
        )
    };
    let body = match (&search, (*filtered).as_ref()) {
        (SearchState::Idle, Some(found)) if !searching => {
            total = Some(if query.is_empty() {
                c.total.max(found.len())
            } else {
                found.len()
            });
            list(
                found.iter().take(*shown).map(|&i| (i, None)).collect(),
                found.len() > *shown,
                false,
                None,
            )
        }
        (SearchState::Ready(found), _) => {
            total = Some(found.total);
            // Nothing in titles and notes, but words in transcripts: those
            // are the answer.
            let only_transcripts = found.total == 0 && !found.in_transcripts.is_empty();
            html! {
                <>
                    // Above the episodes, which grow as the listener
                    // scrolls: what they asked for stays within reach.
                    { transcript_hits(t, c, &found.in_transcripts) }
                    if !only_transcripts {
                        // The next page is asked for once the last one has
                        // arrived: until then the list does not grow, and a
                        // sentinel still in view would ask again and again.
                        { list(
                            found.shown.iter().map(|(i, x)| (*i, Some(x))).collect(),
                            found.total > found.loaded() && found.loaded() >= *shown,
                            !found.answers(&query),
                            Some(found.marked.clone()),
                        ) }
                    }
                </>
            }
        }
        (SearchState::Failed(error), _) => html! {
            { error_view(t.search_error, &error.clone(), &warm_search.clone(), t.retry) }
        },
        _ => loading(t.searching),
    };
    html! {
        <>
            <section class="intro">
                <h1>{ &c.site.title }</h1>
                if !c.site.description.is_empty() {
                    <p class="description">{ &c.site.description }</p>
                }
                { show_links(t, &c.site, &feed_copied) }
            </section>
            { search_bar(t, SearchBar {
                query: query.clone(),
                years,
                people,
                transcripts: c.filters.transcripts,
                on_change: on_change.clone(),
                on_intent: warm_search,
            }) }
            if !searching && !adopted {
                { continue_listening(c, &listen.store.continue_listening(3), &cards) }
            }
            // One live region for the whole life of the page: screen
            // readers announce changes to a region they know, not new ones.
            <p class="count" role="status" aria-live="polite">{ total.map(|n| t.episodes(n)).unwrap_or_default() }</p>
            { body }
        </>
    }
}

/// What the result list needs to draw itself.
struct Results<'a> {
    catalog: &'a Catalog,
    /// The episodes to draw (catalog positions), with the search engine's
    /// excerpt when searching.
    found: Vec<(usize, Option<&'a Excerpt>)>,
    /// Whether more episodes follow.
    more: bool,
    /// Whether a newer search is running: these results are about to go.
    busy: bool,
    shown: usize,
    set_shown: &'a UseStateHandle<usize>,
    query: Option<Rc<Query>>,
    on_change: &'a Callback<(ListingQuery, bool)>,
    /// What the cards draw from; until the app runs (`hydrated`), the rest
    /// of the archive is a link to its page.
    cards: &'a Cards<'a>,
    /// An invisible line below the list: when it nears the screen, the
    /// next page is drawn (see [`use_next_page`]).
    sentinel: &'a NodeRef,
}

/// The list itself: a page at a time, more as the listener scrolls.
fn results(r: Results, t: &'static Strings) -> Html {
    let Results {
        catalog: c,
        found,
        more,
        busy,
        shown,
        set_shown,
        query,
        on_change,
        cards,
        sentinel,
    } = r;
    let hydrated = cards.hydrated;
    if found.is_empty() {
        let clear = on_change.reform(|_: MouseEvent| (ListingQuery::default(), true));
        return html! {
            <>
                <div class="empty" aria-busy={busy.to_string()}>
                    <p><strong>{ t.no_results }</strong></p>
                    <p>{ t.no_results_hint }</p>
                    <button type="button" class="button" onclick={clear}>{ t.clear_filters }</button>
                </div>
            </>
        };
    }
    let show_more = {
        let set_shown = set_shown.clone();
        Callback::from(move |_: MouseEvent| set_shown.set(shown + PAGE))
    };
    html! {
        <>
            <ol class="episode-list" aria-label={t.all_episodes} aria-busy={busy.to_string()}>
                { for found.iter().map(|&(i, excerpt)| {
                    let e = Rc::new(c.episodes[i].clone());
                    episode_card(cards, &e, query.as_ref(), excerpt)
                }) }
            </ol>
            if more && !hydrated {
                <p class="archive-link">
                    <a class="button secondary" href={href(&Route::Archive, "")}>{ t.all_episodes }</a>
                </p>
            } else if more {
                <div class="more-sentinel" ref={sentinel.clone()} aria-hidden="true"></div>
                <button type="button" class="button secondary show-more" onclick={show_more}>{ t.show_more }</button>
            }
        </>
    }
}

/// Draws the next page when `sentinel` (below the list) comes within
/// 3,000 px of the screen. An observer reports a change of visibility, and
/// its first report on creation: it is made anew for each sentinel element
/// and each page drawn, so a list whose end stays near the screen goes on
/// growing.
#[hook]
fn use_next_page(sentinel: &NodeRef, shown: &UseStateHandle<usize>) {
    type Watch = (
        web_sys::Element,
        usize,
        web_sys::IntersectionObserver,
        Closure<dyn Fn(js_sys::Array)>,
    );
    let watch = use_mut_ref(|| None::<Watch>);
    {
        let watch = watch.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some((_, _, observer, _)) = watch.borrow_mut().take() {
                    observer.disconnect();
                }
            }
        });
    }
    let sentinel = sentinel.clone();
    let shown = shown.clone();
    use_effect(move || {
        let element = sentinel.cast::<web_sys::Element>();
        let current = matches!(
            (&*watch.borrow(), &element),
            (Some((watched, at, ..)), Some(el)) if watched == el && *at == *shown
        );
        if current {
            return;
        }
        if let Some((_, _, observer, _)) = watch.borrow_mut().take() {
            observer.disconnect();
        }
        let Some(element) = element else { return };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new({
            let shown = shown.clone();
            move |entries: js_sys::Array| {
                let seen = entries.iter().any(|e| {
                    e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                        .is_intersecting()
                });
                if seen {
                    shown.set(*shown + PAGE);
                }
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("3000px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) {
            observer.observe(&element);
            *watch.borrow_mut() = Some((element, *shown, observer, callback));
        }
    });
}

/// Started, unfinished episodes, the most recent first.
fn continue_listening(c: &Catalog, slugs: &[&str], cards: &Cards) -> Html {
    let t = cards.t;
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
                { for episodes.iter().map(|e| episode_card(cards, e, None, None)) }
            </ol>
        </section>
    }
}

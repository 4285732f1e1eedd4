use crate::core::catalog::{Catalog, EpisodeSummary};
use crate::core::i18n::Strings;
use crate::core::listing::{select, ListingQuery};
use crate::core::search::{Excerpt, Mended, Query};
use crate::ui::components::{
    episode_card, error_page, error_view, loading, search_bar, show_links, transcript_hits, Cards,
    SearchBar,
};
use crate::ui::context::{use_catalog, use_language, use_location, use_navigator, use_offline};
use crate::ui::dom::set_title;
use crate::ui::hooks::{adopting, use_hydrated, use_search, use_window, Load, SearchState, Window};
use crate::ui::player::use_listening;
use crate::ui::router::{href, query_string, Location, Route};
use gloo_events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// How many episodes the build's page draws, and a search asks for at a
/// time: more than a screen, few enough that drawing them stays well under
/// 50 ms on a slow phone (a card costs about a millisecond). Once the app
/// runs, the listing is windowed: it has the whole archive's height, and
/// only the cards near the screen exist (see [`use_window`]).
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
    let list_ref = use_node_ref();
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

    // The rows of the list: the whole archive (its parts still loading
    // stand as empty cards), the episodes a filter keeps, or the search
    // results loaded so far, a page more asked for as their end nears.
    let words = query.words();
    let searching = !words.is_empty();
    let (length, more_results) = match (&search, (*filtered).as_ref(), &catalog_ready) {
        (SearchState::Ready(found), ..) => (
            found.shown.len(),
            found.total > found.loaded() && found.loaded() >= *shown,
        ),
        (SearchState::Idle, Some(found), Some(c)) if !searching => (
            if query.is_empty() {
                c.total.max(found.len())
            } else {
                found.len()
            },
            false,
        ),
        _ => (0, false),
    };
    let window = use_window(&list_ref, length, PAGE, hydrated);
    {
        let shown = shown.clone();
        use_effect_with(
            (window.near_end, length, more_results),
            move |&(near_end, _, more)| {
                if more && near_end {
                    shown.set(*shown + PAGE);
                }
            },
        );
    }

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
        let drawn = window.measured
            && match &search {
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
    let cards = Cards {
        t,
        language: &language,
        listen: &listen,
        offline: &offline,
        hydrated,
    };
    // The count to announce: the whole archive's, parts included, without
    // a filter; none while there is nothing to count yet.
    let mut total = None;
    let list = |rows: Vec<Row>, size, busy, marked| {
        results(
            Results {
                catalog: c,
                rows,
                window: &window,
                count: length,
                size,
                busy,
                query: marked,
                on_change: &on_change,
                cards: &cards,
                list: &list_ref,
            },
            t,
        )
    };
    let body = match (&search, (*filtered).as_ref()) {
        (SearchState::Idle, Some(found)) if !searching => {
            total = Some(length);
            let drawn = window
                .rows
                .clone()
                .map(|i| (i, found.get(i).map(|&p| (p, None))));
            list(drawn.collect(), length, false, None)
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
                        { list(
                            window.rows.clone().map(|i| (i, found.shown.get(i).map(|(p, x)| (*p, Some(x))))).collect(),
                            found.total,
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
    // Said with the count, and only of the query on screen: not of one a
    // newer search is replacing.
    let mended_now = match &search {
        SearchState::Ready(found) if found.answers(&query) => found.mended.clone(),
        _ => None,
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
            <p class="count" role="status" aria-live="polite">
                { total.map(|n| t.episodes(n)).unwrap_or_default() }
                if let Some(m) = mended_now {
                    { mended(t, &m, &query) }
                }
            </p>
            { body }
        </>
    }
}

/// Which words a search showed the results of instead of those typed, and
/// a link that searches those as typed, with the same filters.
fn mended(t: &Strings, m: &Mended, query: &ListingQuery) -> Html {
    let as_typed = ListingQuery {
        q: m.as_typed.clone(),
        ..query.clone()
    };
    let link = href(&Route::Listing, &query_string(&as_typed.to_pairs()));
    html! {
        <span class="mended">
            { t.results_for }{ " " }<strong>{ &m.query }</strong>{ ". " }
            <a href={link}>{ t.search_instead }{ " " }{ &m.as_typed }</a>
        </span>
    }
}

/// A row of the list: its place, and the episode there (its catalog
/// position, with the search engine's excerpt when searching), or `None`
/// while the index part holding it loads.
type Row<'a> = (usize, Option<(usize, Option<&'a Excerpt>)>);

/// What the result list needs to draw itself.
struct Results<'a> {
    catalog: &'a Catalog,
    /// The rows to draw.
    rows: Vec<Row<'a>>,
    window: &'a Window,
    /// How many rows the list has: its height.
    count: usize,
    /// How many episodes it holds in all, told to screen readers (a
    /// search's results not loaded yet included).
    size: usize,
    /// Whether a newer search is running: these results are about to go.
    busy: bool,
    query: Option<Rc<Query>>,
    on_change: &'a Callback<(ListingQuery, bool)>,
    /// What the cards draw from; until the app runs (`hydrated`), the rest
    /// of the archive is a link to its page.
    cards: &'a Cards<'a>,
    list: &'a NodeRef,
}

/// The list itself: the build's first page, then, once the app runs, the
/// whole list's height with the cards near the screen.
fn results(r: Results, t: &'static Strings) -> Html {
    let Results {
        catalog: c,
        rows,
        window,
        count,
        size,
        busy,
        query,
        on_change,
        cards,
        list,
    } = r;
    let hydrated = cards.hydrated;
    if size == 0 {
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
    // The rows not drawn, as space above and below the ones drawn.
    let (above, below) = window.spacers;
    let style = (hydrated && window.measured).then(|| {
        let px = |x: f64| (x + 0.5) as u64;
        format!("padding:{}px 0 {}px", px(above), px(below))
    });
    html! {
        <>
            <ol class="episode-list" ref={list.clone()} {style} aria-label={t.all_episodes} aria-busy={busy.to_string()}>
                { for rows.into_iter().map(|(at, row)| match row {
                    Some((i, excerpt)) => {
                        let e = Rc::new(c.episodes[i].clone());
                        episode_card(cards, &e, query.as_ref(), excerpt, Some((at, size)))
                    }
                    None => html! {
                        <li key={format!("@{at}")} class="episode-card placeholder" aria-hidden="true"><article></article></li>
                    },
                }) }
            </ol>
            if count > window.rows.end && !hydrated {
                <p class="archive-link">
                    <a class="button secondary" href={href(&Route::Archive, "")}>{ t.all_episodes }</a>
                </p>
            }
        </>
    }
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
                { for episodes.iter().map(|e| episode_card(cards, e, None, None, None)) }
            </ol>
        </section>
    }
}

use crate::core::i18n::Strings;
use crate::core::listing::{ListingQuery, IN_TRANSCRIPTS};
use crate::ui::dom::value_of;
use crate::ui::router::{href, Route};
use std::rc::Rc;
use yew::prelude::*;

/// What the search box shows, and where its changes go.
pub struct SearchBar {
    pub query: ListingQuery,
    pub years: Rc<Vec<i32>>,
    pub people: Rc<Vec<(String, usize)>>,
    /// Whether the archive has transcripts to search.
    pub transcripts: bool,
    /// A new query; `true` when it should be its own history entry (a
    /// filter), `false` while typing.
    pub on_change: Callback<(ListingQuery, bool)>,
    /// The listener is about to search: time to fetch the index.
    pub on_intent: Callback<()>,
}

/// The search box and the filters of the listing. Until the app runs it is
/// a plain GET form to the listing, whose `q`, `year` and `who` the app
/// reads from the address.
pub fn search_bar(t: &Strings, props: SearchBar) -> Html {
    let q = props.query.clone();
    let oninput = {
        let (q, on_change) = (q.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let value = value_of(&e);
            on_change.emit((
                ListingQuery {
                    q: value,
                    ..q.clone()
                },
                false,
            ));
        })
    };
    let on_year = {
        let (q, on_change) = (q.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            on_change.emit((
                ListingQuery {
                    year: value_of(&e).parse().ok(),
                    ..q.clone()
                },
                true,
            ))
        })
    };
    let on_who = {
        let (q, on_change) = (q.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let who = Some(value_of(&e)).filter(|w| !w.is_empty());
            on_change.emit((ListingQuery { who, ..q.clone() }, true))
        })
    };
    let on_in = {
        let (q, on_change) = (q.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let transcripts = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            on_change.emit((
                ListingQuery {
                    transcripts,
                    ..q.clone()
                },
                true,
            ))
        })
    };
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let intent = props.on_intent.reform(|_: FocusEvent| ());
    let who = q.who.clone().unwrap_or_default();
    // A person from the address who is not in the list still shows.
    let listed = props.people.iter().any(|(p, _)| *p == who);
    html! {
        <form class="search" role="search" action={href(&Route::Listing, "")} method="get" onsubmit={on_submit}>
            <label class="visually-hidden" for="viewer-search">{ t.search_label }</label>
            <input id="viewer-search" name="q" type="search" placeholder={t.search_placeholder} autocomplete="off"
                spellcheck="false" value={q.q.clone()} {oninput} onfocus={intent} aria-label={t.search_label} />
            <div class="filters">
                <label>
                    <span class="visually-hidden">{ t.year }</span>
                    <select name="year" onchange={on_year} aria-label={t.year}>
                        <option value="" selected={q.year.is_none()}>{ t.all_years }</option>
                        { for props.years.iter().map(|y| html! {
                            <option value={y.to_string()} selected={q.year == Some(*y)}>{ y }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span class="visually-hidden">{ t.person }</span>
                    <select name="who" onchange={on_who} aria-label={t.person}>
                        <option value="" selected={who.is_empty()}>{ t.everyone }</option>
                        if !who.is_empty() && !listed {
                            <option value={who.clone()} selected=true>{ &who }</option>
                        }
                        { for props.people.iter().map(|(p, n)| html! {
                            <option value={p.clone()} selected={*p == who}>{ format!("{p} ({n})") }</option>
                        }) }
                    </select>
                </label>
                if props.transcripts {
                    <label class="in-transcripts">
                        <input type="checkbox" name="in" value={IN_TRANSCRIPTS} checked={q.transcripts} onchange={on_in} />
                        { t.search_transcripts }
                    </label>
                }
            </div>
            // Without the app, the filters need a button to send them; it
            // shows when reached with the keyboard, and takes no room
            // otherwise.
            <button type="submit" class="visually-hidden focusable">{ t.search_label }</button>
        </form>
    }
}

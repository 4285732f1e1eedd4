use crate::core::catalog::Catalog;
use crate::core::html::escape;
use crate::ui::context::{use_catalog, use_language, use_location};
use crate::ui::format::long_date;
use crate::ui::hooks::{adopting, Load};
use crate::ui::pages::{listing::query_from, ListingPage};
use crate::ui::router::Route;
use std::fmt::Write;
use yew::prelude::*;

/// `/episodes/`: every episode by year, titles only: how a reader without
/// JavaScript (or a crawler) reaches the whole archive. With a search in
/// the address, the listing stands in.
///
/// Thousands of links would cost thousands of components to hydrate, so
/// the list is one block of markup: hydration adopts the build's nodes
/// without walking them; its links are followed inside the app like every
/// other (see `router::use_link_following`).
#[component]
pub fn ArchivePage() -> Html {
    let catalog = use_catalog();
    let (t, language) = use_language();
    let searching = !query_from(&use_location()).is_empty();
    // Drawn once: the list of a page the build wrote is already there.
    let list = use_memo((), {
        let catalog = catalog.clone();
        move |()| match &catalog.state {
            Load::Ready(c) if !adopting() => archive_list(c, &language),
            _ => String::new(),
        }
    });
    if searching {
        return html! { <ListingPage /> };
    }
    html! {
        <>
            <section class="intro"><h1>{ t.all_episodes }</h1></section>
            <div class="archive">{ Html::from_html_unchecked(list.to_string().into()) }</div>
        </>
    }
}

/// The year headings and episode links of the archive.
fn archive_list(catalog: &Catalog, language: &str) -> String {
    let mut b = String::new();
    let mut year = None;
    for e in &catalog.episodes {
        if year != Some(e.date.year) {
            if year.is_some() {
                b.push_str("</ol>");
            }
            year = Some(e.date.year);
            let _ = write!(b, "<h2>{}</h2><ol>", e.date.year);
        }
        let path = Route::Episode {
            slug: e.slug.clone(),
        }
        .path();
        let _ = write!(
            b,
            r#"<li><a href="{}">{}</a> <time datetime="{}">{}</time></li>"#,
            escape(&path),
            escape(&e.title),
            e.date,
            escape(&long_date(e.date, language))
        );
    }
    if year.is_some() {
        b.push_str("</ol>");
    }
    b
}

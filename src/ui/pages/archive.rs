use crate::ui::dom::has_static_archive;
use crate::ui::pages::{listing::query_from, ListingPage};
use crate::ui::router::use_location;
use yew::prelude::*;

/// `/episodes/`: every episode by year. The build writes this page in full
/// (`core::prerender::archive_page`), and it stays as written: drawing
/// thousands of links again would cost the listener time and move the page
/// under their eyes. Its links are plain page loads. Where the build's page
/// is not there (a development server's fallback) or a search is asked
/// for, the listing stands in.
#[component]
pub fn ArchivePage() -> Html {
    let searching = !query_from(&use_location()).is_empty();
    if has_static_archive() && !searching {
        html! {}
    } else {
        html! { <ListingPage /> }
    }
}

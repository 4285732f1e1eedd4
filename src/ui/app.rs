//! The app shell: router, catalog provider, header, and the routed page.

use super::components::SiteHeader;
use super::hooks::CatalogProvider;
use super::pages::{EpisodePage, ListingPage, NotFoundPage};
use super::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Listing => html! { <ListingPage /> },
        Route::Episode { slug } => html! { <EpisodePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <CatalogProvider>
                <SiteHeader />
                <main id="viewer-main" tabindex="-1">
                    <Switch<Route> render={switch} />
                </main>
            </CatalogProvider>
        </BrowserRouter>
    }
}

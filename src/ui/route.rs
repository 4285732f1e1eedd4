//! The app's addresses. They are part of the product: shared links must keep
//! working, so change them only with redirects.

use yew_router::prelude::*;

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Listing,
    #[at("/episodes/:slug")]
    Episode { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

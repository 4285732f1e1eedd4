//! One component per route.

mod episode;
mod listing;
mod not_found;

pub use episode::EpisodePage;
pub use listing::ListingPage;
pub use not_found::NotFoundPage;

//! One component per route.

mod archive;
mod episode;
mod listing;
mod not_found;

pub use archive::ArchivePage;
pub use episode::EpisodePage;
pub use listing::{ListingPage, PAGE};
pub use not_found::NotFoundPage;

//! Reusable pieces of the interface, one component per file.

mod audio_player;
mod episode_card;
mod error_view;
mod loading;
mod show_notes;
mod site_header;

pub use audio_player::AudioPlayer;
pub use episode_card::EpisodeCard;
pub use error_view::ErrorView;
pub use loading::Loading;
pub use show_notes::ShowNotes;
pub use site_header::SiteHeader;

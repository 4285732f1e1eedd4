//! Reusable pieces of the interface, one component per file.

mod chapter_list;
mod embed_link;
mod episode_card;
mod error_view;
mod highlighted;
mod icon;
mod loading;
mod offline_controls;
mod play_button;
mod player_bar;
mod search_bar;
mod share_at_time;
mod shortcuts_overlay;
mod show_links;
mod show_notes;
mod site_header;
mod transcript;
mod transcript_hits;

pub use chapter_list::chapter_list;
pub use embed_link::embed_link;
pub use episode_card::{episode_card, Cards};
pub use error_view::{error_page, error_view};
pub use highlighted::highlighted;
pub use icon::{icon, IconKind};
pub use loading::loading;
pub use offline_controls::{offline_controls, Saving};
pub use play_button::{play_button, play_link};
pub use player_bar::PlayerBar;
pub use search_bar::{search_bar, SearchBar};
pub use share_at_time::{copy, copy_and_say, label_at, label_clip, link_at, share_at_time};
pub use shortcuts_overlay::shortcuts_overlay;
pub use show_links::show_links;
pub use show_notes::{built_notes, ShowNotes};
pub use site_header::site_header;
pub use transcript::{built_transcript, TranscriptSection};
pub use transcript_hits::transcript_hits;

//! The one audio player of the app.
//!
//! A single `<audio>` element is created once, outside Yew's virtual DOM, so
//! no navigation can ever recreate it: playback goes on, without a gap,
//! while the listener browses. Two contexts expose it:
//!
//! - [`PlayerContext`]: everything the player bar shows, updated on every
//!   `timeupdate` (a few times a second).
//! - [`ListenContext`]: what the listing needs (which episode plays, what
//!   was heard), updated only when that changes, so long listings do not
//!   re-render four times a second.

mod engine;
mod keyboard;
mod media_session;
mod provider;
mod queue;
mod state;
pub(crate) mod storage;

pub use engine::{absolute_url, Player, PlayerHandle};
pub use keyboard::{is_typing_target, use_keyboard_shortcuts};
pub use provider::{use_listening, use_player, use_player_source};
pub use queue::{PANEL, STATUS};
pub use state::{AudioError, ListenContext, PlayerContext, PlayerState};

/// How far the skip buttons and keys jump, in seconds.
pub const SKIP_BACK: f64 = 15.0;
pub const SKIP_FORWARD: f64 = 30.0;

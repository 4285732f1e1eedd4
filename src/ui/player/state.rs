//! What the player's contexts carry: the bar's state, and the listing's.

use super::PlayerHandle;
use crate::core::catalog::EpisodeSummary;
use crate::core::chapters::{self, Chapter};
use crate::core::resume::ResumeStore;
use std::rc::Rc;

/// Why the audio cannot play.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AudioError {
    /// Missing file, server error or no network.
    Network,
    /// The file arrived but is not audio the browser can play.
    Decode,
    /// No data for a long time (offline on a train).
    Stalled,
}

/// What the player bar shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlayerState {
    pub episode: Option<Rc<EpisodeSummary>>,
    pub playing: bool,
    pub waiting: bool,
    pub position: f64,
    pub duration: f64,
    pub buffered: Vec<(f64, f64)>,
    pub rate: f64,
    pub volume: f64,
    pub muted: bool,
    pub error: Option<AudioError>,
    /// Whether the last seek fell short: the audio's host does not let
    /// players jump (it ignores HTTP `Range`).
    pub unseekable: bool,
    pub chapters: Rc<Vec<Chapter>>,
    /// While the sleep timer runs: seconds of listening left (NaN while
    /// the episode's length is unknown).
    pub sleep: Option<f64>,
}

impl PlayerState {
    pub fn current_chapter(&self) -> Option<&Chapter> {
        chapters::current(&self.chapters, self.position).map(|i| &self.chapters[i])
    }

    /// The known length: the file's own once loaded, else the index's.
    pub fn length(&self) -> f64 {
        if self.duration.is_finite() && self.duration > 0.0 {
            self.duration
        } else {
            self.episode
                .as_ref()
                .and_then(|e| e.duration)
                .map_or(0.0, f64::from)
        }
    }
}

/// What the listing shows about listening.
#[derive(Clone, PartialEq)]
pub struct ListenContext {
    pub store: Rc<ResumeStore>,
    pub current: Option<String>,
    pub playing: bool,
    pub player: PlayerHandle,
}

#[derive(Clone, PartialEq)]
pub struct PlayerContext {
    pub state: Rc<PlayerState>,
    pub player: PlayerHandle,
}

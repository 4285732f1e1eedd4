//! The sleep timer: playback fades out and pauses after a while, at the end
//! of the chapter, or at the end of the episode. Pure logic; the player
//! asks it on every `timeupdate`.

/// The choices of minutes the menu offers.
pub const SLEEP_MINUTES: [u32; 5] = [5, 15, 30, 45, 60];
/// How long the volume fades before the pause, in seconds.
pub const FADE_SECONDS: f64 = 10.0;
/// What "extend" adds, in seconds.
pub const EXTEND_SECONDS: f64 = 300.0;

/// When to stop. Clock times are milliseconds since the Unix epoch (the
/// page's `Date.now()`); audio times are seconds of the episode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SleepTimer {
    /// At a clock time, while playing.
    Until(f64),
    /// Paused with this many milliseconds left: a timer counts only time
    /// spent listening.
    Held(f64),
    /// When playback reaches this audio time: the current chapter's end.
    /// Opening another episode ends it.
    At(f64),
    /// When the episode that plays ends.
    EpisodeEnd,
}

/// Where playback is, for the timer: audio seconds and speed.
#[derive(Debug, Clone, Copy)]
pub struct Playback {
    pub now: f64,
    pub position: f64,
    pub duration: f64,
    pub rate: f64,
}

impl SleepTimer {
    /// Seconds of listening left (at the current speed); `None` while the
    /// episode's length is not known.
    pub fn remaining(&self, p: Playback) -> Option<f64> {
        let audio_left = |end: f64| {
            (end.is_finite() && end > 0.0).then(|| (end - p.position).max(0.0) / p.rate.max(0.1))
        };
        match *self {
            SleepTimer::Until(at) => Some((at - p.now).max(0.0) / 1000.0),
            SleepTimer::Held(left) => Some(left.max(0.0) / 1000.0),
            SleepTimer::At(end) => audio_left(end),
            SleepTimer::EpisodeEnd => audio_left(p.duration),
        }
    }

    /// The timer as playback pauses (`playing == false`) or resumes.
    pub fn on_playing(self, playing: bool, now: f64) -> SleepTimer {
        match self {
            SleepTimer::Until(at) if !playing => SleepTimer::Held((at - now).max(0.0)),
            SleepTimer::Held(left) if playing => SleepTimer::Until(now + left),
            other => other,
        }
    }

    /// Five more minutes, from whatever is left.
    pub fn extended(self, p: Playback) -> SleepTimer {
        let left = self.remaining(p).unwrap_or(0.0) + EXTEND_SECONDS;
        SleepTimer::Until(p.now + left * 1000.0)
    }
}

/// The volume's share over the last [`FADE_SECONDS`]: 1 before, down to 0.
pub fn fade(remaining: f64) -> f64 {
    super::clamp(remaining / FADE_SECONDS, 0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(now: f64, position: f64) -> Playback {
        Playback {
            now,
            position,
            duration: 600.0,
            rate: 1.0,
        }
    }

    #[test]
    fn can_count_down_each_kind() {
        let cases = [
            (
                "minutes",
                SleepTimer::Until(61_000.0),
                at(1_000.0, 0.0),
                Some(60.0),
            ),
            (
                "past due",
                SleepTimer::Until(1_000.0),
                at(5_000.0, 0.0),
                Some(0.0),
            ),
            (
                "held",
                SleepTimer::Held(30_000.0),
                at(99_000.0, 0.0),
                Some(30.0),
            ),
            (
                "chapter end",
                SleepTimer::At(120.0),
                at(0.0, 100.0),
                Some(20.0),
            ),
            (
                "episode end",
                SleepTimer::EpisodeEnd,
                at(0.0, 590.0),
                Some(10.0),
            ),
            (
                "at double speed",
                SleepTimer::EpisodeEnd,
                Playback {
                    rate: 2.0,
                    ..at(0.0, 580.0)
                },
                Some(10.0),
            ),
            (
                "length unknown",
                SleepTimer::EpisodeEnd,
                Playback {
                    duration: f64::NAN,
                    ..at(0.0, 5.0)
                },
                None,
            ),
        ];
        for (name, timer, playback, want) in cases {
            assert_eq!(timer.remaining(playback), want, "{name}");
        }
    }

    #[test]
    fn can_hold_the_clock_while_paused() {
        let t = SleepTimer::Until(60_000.0).on_playing(false, 20_000.0);
        assert_eq!(t, SleepTimer::Held(40_000.0));
        assert_eq!(t.on_playing(true, 500_000.0), SleepTimer::Until(540_000.0));
        assert_eq!(
            SleepTimer::At(3.0).on_playing(false, 1.0),
            SleepTimer::At(3.0)
        );
    }

    #[test]
    fn can_extend_any_kind_by_five_minutes() {
        let p = at(1_000.0, 590.0);
        assert_eq!(
            SleepTimer::EpisodeEnd.extended(p),
            SleepTimer::Until(1_000.0 + 310_000.0)
        );
        assert_eq!(
            SleepTimer::Held(2_000.0).extended(p),
            SleepTimer::Until(1_000.0 + 302_000.0)
        );
    }

    #[test]
    fn can_fade_over_the_last_seconds() {
        for (remaining, want) in [
            (60.0, 1.0),
            (10.0, 1.0),
            (5.0, 0.5),
            (0.0, 0.0),
            (f64::NAN, 0.0),
        ] {
            assert_eq!(fade(remaining), want, "{remaining}");
        }
    }
}

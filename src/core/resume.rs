//! What the listener has heard: positions, played marks and speed, kept in
//! the browser's storage. Pure logic: the UI loads and saves the value.

use super::json::Json;

/// Within this many seconds of the end, an episode counts as played.
const PLAYED_TAIL: f64 = 30.0;
/// Before this position, resuming starts from the beginning instead.
const MIN_RESUME: f64 = 5.0;
/// How many episodes' positions are kept; the oldest go first.
const MAX_ENTRIES: usize = 1000;

pub const MIN_RATE: f64 = 0.5;
pub const MAX_RATE: f64 = 3.0;
/// The speeds offered in the menu.
pub const RATE_PRESETS: [f64; 8] = [0.8, 1.0, 1.2, 1.5, 1.7, 2.0, 2.5, 3.0];

/// One episode's listening state.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// Seconds.
    pub position: f64,
    /// Seconds; 0 when not known yet.
    pub duration: f64,
    pub played: bool,
    /// Milliseconds since the Unix epoch.
    pub updated: f64,
}

impl Progress {
    fn from_json(j: &Json) -> Result<Progress, String> {
        let f = j.fields("a position")?;
        Ok(Progress {
            position: f.opt_number("p")?.ok_or("p is missing")?,
            duration: f.opt_number("d")?.unwrap_or(0.0),
            played: f.opt_bool("x")?.unwrap_or(false),
            updated: f.opt_number("u")?.unwrap_or(0.0),
        })
    }

    fn to_json(self) -> Json {
        Json::Obj(vec![
            ("p".into(), Json::Num(self.position)),
            ("d".into(), Json::Num(self.duration)),
            ("x".into(), Json::Bool(self.played)),
            ("u".into(), Json::Num(self.updated)),
        ])
    }
}

/// How the listing shows an episode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ListenState {
    New,
    /// Started: the fraction heard, 0 to 1.
    InProgress(f64),
    Played,
}

/// Everything remembered across reloads.
#[derive(Debug, Clone, PartialEq)]
pub struct ResumeStore {
    /// By slug. A list, not a map: a few hundred entries, and a map type
    /// would cost the wasm its own copy of the hashing code.
    episodes: Vec<(String, Progress)>,
    pub rate: f64,
    pub volume: f64,
}

impl Default for ResumeStore {
    fn default() -> Self {
        ResumeStore {
            episodes: Vec::new(),
            rate: 1.0,
            volume: 1.0,
        }
    }
}

impl ResumeStore {
    /// Reads the stored value; anything unreadable starts afresh rather
    /// than breaking the player.
    pub fn from_json(j: Option<&Json>) -> Self {
        let mut store = j.and_then(|j| Self::read(j).ok()).unwrap_or_default();
        store.rate = clamp_rate(store.rate);
        store.volume = if store.volume.is_finite() {
            super::clamp(store.volume, 0.0, 1.0)
        } else {
            1.0
        };
        store
    }

    fn read(j: &Json) -> Result<Self, String> {
        let f = j.fields("the store")?;
        let episodes = f
            .list("episodes")?
            .iter()
            .map(|e| match e.items("an entry")? {
                [slug, p] => Ok((slug.text("slug")?, Progress::from_json(p)?)),
                _ => Err("an entry should be a [slug, progress] pair".to_string()),
            })
            .collect::<Result<_, String>>()?;
        Ok(ResumeStore {
            episodes,
            rate: f.opt_number("rate")?.unwrap_or(1.0),
            volume: f.opt_number("volume")?.unwrap_or(1.0),
        })
    }

    /// The value to store. The shape is the one serde wrote before the
    /// browser stopped using it, so saved positions carry over.
    pub fn to_json(&self) -> Json {
        let episodes = self
            .episodes
            .iter()
            .map(|(slug, p)| Json::Arr(vec![Json::Str(slug.clone()), p.to_json()]))
            .collect();
        Json::Obj(vec![
            ("episodes".into(), Json::Arr(episodes)),
            ("rate".into(), Json::Num(self.rate)),
            ("volume".into(), Json::Num(self.volume)),
        ])
    }

    /// Records the position of `slug` at time `now` (ms). Reaching the last
    /// seconds marks it played.
    pub fn record(&mut self, slug: &str, position: f64, duration: f64, now: f64) {
        if !position.is_finite() || position < 0.0 {
            return;
        }
        let duration = if duration.is_finite() && duration > 0.0 {
            duration
        } else {
            0.0
        };
        let entry = self.entry(slug);
        entry.position = position;
        if duration > 0.0 {
            entry.duration = duration;
        }
        if entry.duration > 0.0
            && position >= entry.duration - PLAYED_TAIL.min(entry.duration * 0.05).max(1.0)
        {
            entry.played = true;
        }
        entry.updated = now;
        self.prune();
    }

    /// The episode ended: played, and the next play starts from the top.
    pub fn finish(&mut self, slug: &str, now: f64) {
        let entry = self.entry(slug);
        entry.played = true;
        entry.position = 0.0;
        entry.updated = now;
    }

    /// Marks an episode played or not, from the listener's own choice.
    pub fn set_played(&mut self, slug: &str, played: bool, now: f64) {
        let entry = self.entry(slug);
        entry.played = played;
        entry.position = 0.0;
        entry.updated = now;
    }

    /// Where to start `slug`: the saved position, unless it was barely
    /// started or already heard to the end.
    pub fn resume_position(&self, slug: &str) -> Option<f64> {
        let p = self.get(slug)?;
        let near_end = p.duration > 0.0 && p.position >= p.duration - 1.0;
        (p.position >= MIN_RESUME && !near_end).then_some(p.position)
    }

    pub fn state(&self, slug: &str) -> ListenState {
        match self.get(slug) {
            Some(p) if p.played && self.resume_position(slug).is_none() => ListenState::Played,
            Some(p) if p.position >= MIN_RESUME && p.duration > 0.0 => {
                ListenState::InProgress(super::clamp(p.position / p.duration, 0.0, 1.0))
            }
            Some(p) if p.position >= MIN_RESUME => ListenState::InProgress(0.0),
            Some(p) if p.played => ListenState::Played,
            _ => ListenState::New,
        }
    }

    /// Started, unfinished episodes, the most recently heard first.
    pub fn continue_listening(&self, limit: usize) -> Vec<&str> {
        let mut started: Vec<(&String, &Progress)> = self
            .episodes
            .iter()
            .filter(|(slug, _)| matches!(self.state(slug), ListenState::InProgress(_)))
            .map(|(slug, p)| (slug, p))
            .collect();
        super::order::sort_by(&mut started, |a, b| {
            b.1.updated.total_cmp(&a.1.updated).then(a.0.cmp(b.0))
        });
        started
            .into_iter()
            .take(limit)
            .map(|(slug, _)| slug.as_str())
            .collect()
    }

    /// The saved state of one episode.
    pub fn get(&self, slug: &str) -> Option<&Progress> {
        self.episodes
            .iter()
            .find(|(s, _)| s == slug)
            .map(|(_, p)| p)
    }

    /// How many episodes have a saved state.
    pub fn len(&self) -> usize {
        self.episodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.episodes.is_empty()
    }

    fn entry(&mut self, slug: &str) -> &mut Progress {
        let i = match self.episodes.iter().position(|(s, _)| s == slug) {
            Some(i) => i,
            None => {
                self.episodes.push((slug.to_string(), Progress::default()));
                self.episodes.len() - 1
            }
        };
        &mut self.episodes[i].1
    }

    fn prune(&mut self) {
        if self.episodes.len() > MAX_ENTRIES {
            // The most recently heard first; the oldest fall off the end.
            super::order::sort_by(&mut self.episodes, |a, b| {
                b.1.updated
                    .total_cmp(&a.1.updated)
                    .then_with(|| a.0.cmp(&b.0))
            });
            self.episodes.truncate(MAX_ENTRIES);
        }
    }
}

/// A playback speed within 0.5× and 3×, in steps of 0.1.
pub fn clamp_rate(rate: f64) -> f64 {
    if !rate.is_finite() {
        return 1.0;
    }
    let tenths = (super::clamp(rate, MIN_RATE, MAX_RATE) * 10.0).round() / 10.0;
    super::clamp(tenths, MIN_RATE, MAX_RATE)
}

/// One step faster or slower (the `<` and `>` keys).
pub fn step_rate(rate: f64, faster: bool) -> f64 {
    clamp_rate(rate + if faster { 0.1 } else { -0.1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_resume_where_the_listener_stopped() {
        let mut s = ResumeStore::default();
        assert_eq!(s.resume_position("a"), None);
        s.record("a", 3.0, 600.0, 1.0);
        assert_eq!(s.resume_position("a"), None, "barely started starts over");
        assert_eq!(s.state("a"), ListenState::New);
        s.record("a", 120.0, 600.0, 2.0);
        assert_eq!(s.resume_position("a"), Some(120.0));
        assert_eq!(s.state("a"), ListenState::InProgress(0.2));
    }

    #[test]
    fn can_mark_played_near_the_end_and_by_hand() {
        let mut s = ResumeStore::default();
        s.record("a", 580.0, 600.0, 1.0);
        assert_eq!(s.state("a"), ListenState::InProgress(580.0 / 600.0));
        assert!(s.get("a").unwrap().played);
        s.finish("a", 2.0);
        assert_eq!(s.state("a"), ListenState::Played);
        assert_eq!(s.resume_position("a"), None);
        s.set_played("a", false, 3.0);
        assert_eq!(s.state("a"), ListenState::New);
        s.set_played("b", true, 4.0);
        assert_eq!(s.state("b"), ListenState::Played);
        // Short episodes: the tail is a fraction of the length.
        s.record("short", 26.0, 27.0, 5.0);
        assert!(s.get("short").unwrap().played);
        s.record("short2", 20.0, 27.0, 5.0);
        assert!(!s.get("short2").unwrap().played);
    }

    #[test]
    fn can_list_continue_listening_newest_first() {
        let mut s = ResumeStore::default();
        s.record("old", 100.0, 600.0, 1.0);
        s.record("new", 100.0, 600.0, 3.0);
        s.record("done", 100.0, 600.0, 4.0);
        s.finish("done", 5.0);
        s.record("fresh", 1.0, 600.0, 6.0);
        assert_eq!(s.continue_listening(5), ["new", "old"]);
        assert_eq!(s.continue_listening(1), ["new"]);
    }

    #[test]
    fn can_round_trip_and_survive_bad_storage() {
        let load = |text: Option<&str>| {
            let j = text.and_then(|t| Json::parse(t).ok());
            ResumeStore::from_json(j.as_ref())
        };
        let mut s = ResumeStore::default();
        s.record("a", 120.5, 600.0, 1.0);
        s.rate = 1.7;
        let back = load(Some(&s.to_json().to_text()));
        assert_eq!(back, s);
        for bad in [
            None,
            Some(""),
            Some("{"),
            Some("[]"),
            Some(r#"{"rate": "fast"}"#),
            Some(r#"{"episodes": [["a"]]}"#),
            Some(r#"{"episodes": [["a", {"d": 3}]]}"#),
        ] {
            assert_eq!(load(bad), ResumeStore::default(), "{bad:?}");
        }
        assert_eq!(load(Some(r#"{"rate": 9}"#)).rate, 3.0);
    }

    #[test]
    fn can_read_what_earlier_versions_saved() {
        // Written by the serde-based store: positions must survive updates.
        let saved = r#"{"episodes":[["ep-1",{"p":61.5,"d":3600.0,"x":false,"u":1700000000000.0}],["ep-2",{"p":10.0}]],"rate":1.5,"volume":0.8}"#;
        let s = ResumeStore::from_json(Json::parse(saved).ok().as_ref());
        assert_eq!(s.resume_position("ep-1"), Some(61.5));
        assert_eq!(s.get("ep-2").map(|p| p.duration), Some(0.0));
        assert_eq!((s.rate, s.volume, s.len()), (1.5, 0.8, 2));
        let again = Json::parse(&s.to_json().to_text()).unwrap();
        let first = |j: &Json| j.get("episodes").unwrap().items("").unwrap()[0].clone();
        assert_eq!(
            first(&again),
            first(&Json::parse(saved).unwrap()),
            "same shape"
        );
    }

    #[test]
    fn errors_if_positions_are_not_numbers() {
        let mut s = ResumeStore::default();
        s.record("a", f64::NAN, 600.0, 1.0);
        s.record("a", -1.0, 600.0, 1.0);
        assert!(s.is_empty());
    }

    #[test]
    fn can_keep_the_store_bounded() {
        let mut s = ResumeStore::default();
        for i in 0..MAX_ENTRIES + 10 {
            s.record(&format!("e{i}"), 10.0, 100.0, i as f64);
        }
        assert_eq!(s.len(), MAX_ENTRIES);
        assert!(s.get("e0").is_none() && s.get(&format!("e{}", MAX_ENTRIES + 9)).is_some());
    }

    #[test]
    fn can_clamp_and_step_speeds() {
        for (input, want) in [
            (1.0, 1.0),
            (0.1, 0.5),
            (5.0, 3.0),
            (1.26, 1.3),
            (f64::NAN, 1.0),
        ] {
            assert_eq!(clamp_rate(input), want, "{input}");
        }
        assert_eq!(step_rate(1.0, true), 1.1);
        assert_eq!(step_rate(0.5, false), 0.5);
        assert_eq!(step_rate(3.0, true), 3.0);
        assert_eq!(step_rate(1.2, false), 1.1);
    }
}

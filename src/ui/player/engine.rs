//! The player itself: one `<audio>` element, the listener's saved marks,
//! and the commands the bar, the pages and the keys give it.

use super::state::{AudioError, PlayerState};
use super::{media_session, queue, storage};
use crate::core::catalog::{Catalog, EpisodeSummary};
use crate::core::chapters::{self, Chapter};
use crate::core::resume::{clamp_rate, ResumeStore};
use crate::core::sleep::{fade, Playback, SleepTimer};
use crate::core::timestamp::Clip;
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};
use web_sys::HtmlAudioElement;
use yew::prelude::*;

/// How often the position is saved while playing, in milliseconds.
const SAVE_EVERY_MS: f64 = 5000.0;
/// How long the audio may wait for data before the player says so.
const STALL_MS: u32 = 10_000;

/// Commands to the player; cheap to clone, equal when the same player.
///
/// The player (its `<audio>` element, the listener's saved marks) is made
/// on first use, which is never a render: the build renders the app where
/// there is no document, and hydration must draw what the build drew.
#[derive(Clone)]
pub struct PlayerHandle(Rc<OnceCell<Player>>);

impl PlayerHandle {
    pub(super) fn new() -> PlayerHandle {
        PlayerHandle(Rc::new(OnceCell::new()))
    }

    pub(super) fn weak(&self) -> Weak<OnceCell<Player>> {
        Rc::downgrade(&self.0)
    }

    pub(super) fn upgrade(weak: &Weak<OnceCell<Player>>) -> Option<PlayerHandle> {
        weak.upgrade().map(PlayerHandle)
    }
}

impl PartialEq for PlayerHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PlayerHandle {
    type Target = Player;
    fn deref(&self) -> &Player {
        self.0.get_or_init(Player::new)
    }
}

/// The audio element, the listening store and the catalog it plays from.
pub struct Player {
    audio: HtmlAudioElement,
    store: RefCell<ResumeStore>,
    pub(super) catalog: RefCell<Option<Rc<Catalog>>>,
    episode: RefCell<Option<Rc<EpisodeSummary>>>,
    chapters: RefCell<Rc<Vec<Chapter>>>,
    /// Wall-clock time of the last save, in ms.
    last_save: Cell<f64>,
    /// Asks the provider to re-render: the bar, or also the listing.
    pub(super) notify: RefCell<Option<Callback<Change>>>,
    stall_timer: RefCell<Option<gloo_timers::callback::Timeout>>,
    /// Where a shared clip (`?t=a,b`) ends, in seconds: playback stops
    /// there once.
    clip_end: Cell<Option<f64>>,
    /// Where a newly opened episode starts (a resume mark, `?t=`), until
    /// its metadata has loaded: WebKit may drop a position set before
    /// then, though the standard says it is kept.
    start_at: Cell<Option<f64>>,
    /// Where the last seek aimed: a host that ignores `Range` lets the
    /// browser land only within what it has, and the bar then says why.
    seek_target: Cell<Option<f64>>,
    sleep: Cell<Option<SleepTimer>>,
}

/// What changed, so the provider refreshes only what it must.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Change {
    Playback,
    Listening,
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Player {
    fn new() -> Player {
        let audio = HtmlAudioElement::new().expect("audio elements exist");
        audio.set_preload("metadata");
        // In the document, outside the app's root: devtools and tests can
        // find it, and no render can ever replace it.
        audio.set_id("viewer-audio");
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.append_child(&audio);
        }
        let store = storage::load();
        audio.set_playback_rate(store.rate);
        audio.set_default_playback_rate(store.rate);
        audio.set_volume(store.volume);
        Player {
            audio,
            store: RefCell::new(store),
            catalog: RefCell::new(None),
            episode: RefCell::new(None),
            chapters: RefCell::new(Rc::new(Vec::new())),
            last_save: Cell::new(0.0),
            notify: RefCell::new(None),
            stall_timer: RefCell::new(None),
            clip_end: Cell::new(None),
            start_at: Cell::new(None),
            seek_target: Cell::new(None),
            sleep: Cell::new(None),
        }
    }

    pub(super) fn changed(&self, what: Change) {
        if let Some(notify) = self.notify.borrow().as_ref() {
            notify.emit(what);
        }
    }

    /// The element itself, for tests and the bar's `aria` wiring.
    pub fn audio(&self) -> &HtmlAudioElement {
        &self.audio
    }

    pub fn current(&self) -> Option<Rc<EpisodeSummary>> {
        self.episode.borrow().clone()
    }

    pub fn is_current(&self, slug: &str) -> bool {
        self.episode
            .borrow()
            .as_ref()
            .is_some_and(|e| e.slug == slug)
    }

    pub fn chapters(&self) -> Rc<Vec<Chapter>> {
        self.chapters.borrow().clone()
    }

    pub fn store(&self) -> std::cell::Ref<'_, ResumeStore> {
        self.store.borrow()
    }

    /// Plays `episode` from `at`, or from where the listener left it.
    pub fn play_episode(&self, episode: &EpisodeSummary, at: Option<f64>) {
        self.open(episode, at, None);
        self.play();
    }

    /// Plays the clip of `episode` from `clip.start` to its end, where it
    /// stops (without an end, on to the end of the episode).
    pub fn play_clip(&self, episode: &EpisodeSummary, clip: Clip) {
        self.open(episode, Some(f64::from(clip.start)), clip.end);
        self.play();
    }

    /// Loads `episode` paused at the start of `clip` (a shared `?t=` link:
    /// browsers block autoplay, so the listener presses play), to stop at
    /// its end.
    pub fn load_paused(&self, episode: &EpisodeSummary, clip: Clip) {
        self.open(episode, Some(f64::from(clip.start)), clip.end);
        let _ = self.audio.pause();
    }

    /// Brings back the episode last heard, paused where it was left, as
    /// podcast apps do when they start: the bar, its queue and the lock
    /// screen have it again after a reload. None of its audio is fetched
    /// until it plays.
    pub fn restore(&self, episode: &EpisodeSummary) {
        self.open_with(episode, None, None, true);
    }

    /// Makes `episode` the current one, at `at`, to stop at `clip_end`
    /// (seconds) once. A clip ends only where its own link says: any other
    /// opening has none.
    fn open(&self, episode: &EpisodeSummary, at: Option<f64>, clip_end: Option<u32>) {
        self.open_with(episode, at, clip_end, false);
    }

    /// [`Player::open`], or [`Player::restore`] when `restoring`: then
    /// nothing of the file is fetched yet, and the queue, which the episode
    /// may still be on, is left alone (its module is not even loaded).
    fn open_with(
        &self,
        episode: &EpisodeSummary,
        at: Option<f64>,
        clip_end: Option<u32>,
        restoring: bool,
    ) {
        let Some(src) = episode.audio.as_deref() else {
            return;
        };
        self.clip_end.set(clip_end.map(f64::from));
        if !self.is_current(&episode.slug) {
            // What plays is no longer up next.
            if !restoring && storage::has_queue() {
                queue::send("play".into(), episode.slug.clone(), String::new());
            }
            self.save();
            let rate = self.store.borrow().rate;
            self.audio
                .set_preload(if restoring { "none" } else { "metadata" });
            self.audio.set_src(src);
            self.audio.set_playback_rate(rate);
            self.audio.set_default_playback_rate(rate);
            // A chapter's end is a time of the episode it was set on.
            if matches!(self.sleep.get(), Some(SleepTimer::At(_))) {
                self.set_sleep(None);
            }
            UNSEEKABLE.with(|u| u.set(false));
            *self.episode.borrow_mut() = Some(Rc::new(episode.clone()));
            *self.chapters.borrow_mut() = Rc::new(episode.chapters.clone());
            if let Some(url) = episode.chapters_url.clone() {
                self.fetch_chapters(episode.slug.clone(), url);
            }
            let resume = at
                .or_else(|| self.store.borrow().resume_position(&episode.slug))
                .unwrap_or(0.0);
            self.audio.set_current_time(resume);
            self.start_at.set(Some(resume));
            self.update_media_metadata();
            self.changed(Change::Listening);
        } else if let Some(t) = at {
            self.seek(t);
        }
        self.changed(Change::Playback);
    }

    fn fetch_chapters(&self, slug: String, url: String) {
        let me = self.handle_weak();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(found) = crate::io::fetch_chapters(&url).await else {
                return;
            };
            let Some(me) = PlayerHandle::upgrade(&me) else {
                return;
            };
            if me.is_current(&slug) {
                *me.chapters.borrow_mut() = Rc::new(found);
                me.update_media_metadata();
                me.changed(Change::Playback);
            }
        });
    }

    fn handle_weak(&self) -> Weak<OnceCell<Player>> {
        PLAYER.with(|p| {
            p.borrow()
                .as_ref()
                .map(PlayerHandle::weak)
                .unwrap_or_default()
        })
    }

    pub fn play(&self) {
        if self.episode.borrow().is_none() {
            return;
        }
        if let Ok(promise) = self.audio.play() {
            // The promise rejects when the browser blocks playback; the bar
            // then simply stays paused. Awaiting it keeps the rejection
            // from surfacing as an uncaught error.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }

    pub fn pause(&self) {
        let _ = self.audio.pause();
    }

    pub fn toggle(&self) {
        if self.audio.paused() {
            self.play();
        } else {
            self.pause();
        }
    }

    pub fn seek(&self, t: f64) {
        let length = self.audio.duration();
        let t = if length.is_finite() && length > 0.0 {
            crate::core::clamp(t, 0.0, length)
        } else {
            t.max(0.0)
        };
        // Past a clip's end, the listener has left the clip.
        if self.clip_end.get().is_some_and(|end| t >= end) {
            self.clip_end.set(None);
        }
        // Before the file's metadata, a position may be dropped (WebKit):
        // it is set again once the metadata is in.
        let early = self.audio.ready_state() < 1;
        self.start_at.set(early.then_some(t));
        self.seek_target.set((!early).then_some(t));
        self.audio.set_current_time(t);
        // "End of chapter" means the chapter the listener is now in: a
        // skip to the next one is asking to hear it.
        if matches!(self.sleep.get(), Some(SleepTimer::At(_))) {
            self.set_sleep(Some(self.end_of_chapter(t)));
        }
        self.changed(Change::Playback);
    }

    pub fn skip(&self, delta: f64) {
        self.seek(self.audio.current_time() + delta);
    }

    /// Jumps to a tenth of the episode (keys `0`–`9`).
    pub fn seek_fraction(&self, tenths: u32) {
        let length = self.audio.duration();
        if length.is_finite() && length > 0.0 {
            self.seek(length * f64::from(tenths) / 10.0);
        }
    }

    pub fn set_rate(&self, rate: f64) {
        let rate = clamp_rate(rate);
        self.audio.set_playback_rate(rate);
        self.audio.set_default_playback_rate(rate);
        let mut store = self.store.borrow_mut();
        store.rate = rate;
        storage::save(&store);
    }

    pub fn rate(&self) -> f64 {
        self.store.borrow().rate
    }

    pub fn set_volume(&self, volume: f64) {
        let volume = crate::core::clamp(volume, 0.0, 1.0);
        self.audio.set_volume(volume);
        self.audio.set_muted(volume == 0.0);
        let mut store = self.store.borrow_mut();
        store.volume = volume;
        storage::save(&store);
    }

    pub fn toggle_mute(&self) {
        self.audio.set_muted(!self.audio.muted());
    }

    pub fn previous_chapter(&self) {
        let chapters = self.chapters.borrow().clone();
        if let Some(t) = chapters::previous_start(&chapters, self.audio.current_time()) {
            self.seek(f64::from(t));
        }
    }

    pub fn next_chapter(&self) {
        let chapters = self.chapters.borrow().clone();
        if let Some(t) = chapters::next_start(&chapters, self.audio.current_time()) {
            self.seek(f64::from(t));
        }
    }

    /// Plays the newer (`-1`) or older (`+1`) episode in the listing.
    pub fn play_neighbour(&self, older: bool) {
        let Some(catalog) = self.catalog.borrow().clone() else {
            return;
        };
        let Some(current) = self.current() else {
            return;
        };
        let Some(i) = catalog.position(&current.slug) else {
            return;
        };
        let next = if older {
            catalog.episodes[i + 1..].iter().find(|e| e.audio.is_some())
        } else {
            catalog.episodes[..i]
                .iter()
                .rev()
                .find(|e| e.audio.is_some())
        };
        if let Some(e) = next {
            self.play_episode(e, None);
        }
    }

    /// Loads the episode `slug`, and plays it when `play`: a title in the
    /// queue, or the queue's next. Loaded paused, it is what a queue button
    /// pressed while nothing is loaded gives. False when the site no
    /// longer has it.
    pub fn load_slug(&self, slug: &str, play: bool) -> bool {
        let Some(catalog) = self.catalog.borrow().clone() else {
            return false;
        };
        let Some(i) = catalog.position(slug) else {
            return false;
        };
        let e = &catalog.episodes[i];
        if e.audio.is_none() {
            return false;
        }
        self.open(e, None, None);
        if play {
            self.play();
        }
        true
    }

    /// The lock screen's "previous", as "next" mirrored: the start of
    /// this chapter, or the one before in a chapter's first seconds (see
    /// `chapters::previous_start`); at the very start, the newer episode.
    pub fn previous_track(&self) {
        let t = self.audio.current_time();
        // Without chapters, the episode is one: its start, then the newer.
        match chapters::previous_start(&self.chapters(), t).or(Some(0)) {
            Some(start) if start > 0 || t >= 3.0 => self.seek(f64::from(start)),
            _ => self.play_neighbour(false),
        }
    }

    /// The lock screen's "next": the next chapter, else the next episode
    /// of the queue, else the older one.
    pub fn next_track(&self) {
        if chapters::next_start(&self.chapters(), self.audio.current_time()).is_some() {
            self.next_chapter();
        } else if storage::has_queue() {
            self.play_queued(true);
        } else {
            self.play_neighbour(true);
        }
    }

    /// Plays the queue's next episode that the site still has, which
    /// takes it off the queue (see `open`); without one, the older episode
    /// when `or_older`. An entry is dropped only when the whole index is
    /// read and lacks it (the episode left the site), or when it is the
    /// episode that just played; while parts of a large index are still
    /// on their way, it stays.
    fn play_queued(&self, or_older: bool) {
        wasm_bindgen_futures::spawn_local(async move {
            let player = || PLAYER.with(|p| p.borrow().clone());
            while let (Some(p), Some(slug)) = (player(), queue::ask("next?", "", "").await) {
                if !p.is_current(&slug) && p.load_slug(&slug, true) {
                    return;
                }
                let complete = p.catalog.borrow().as_ref().is_some_and(|c| c.is_complete());
                if !complete && !p.is_current(&slug) {
                    return;
                }
                queue::ask("play", &slug, "").await;
            }
            if let (true, Some(p)) = (or_older, player()) {
                p.play_neighbour(true);
            }
        });
    }

    /// The "end of chapter" sleep timer for a listener at `position`
    /// (seconds): the next chapter's start, else the episode's end.
    pub fn end_of_chapter(&self, position: f64) -> SleepTimer {
        chapters::next_start(&self.chapters(), position)
            .map_or(SleepTimer::EpisodeEnd, |end| SleepTimer::At(f64::from(end)))
    }

    /// Starts, changes or (with `None`) stops the sleep timer.
    pub fn set_sleep(&self, timer: Option<SleepTimer>) {
        let playing = !self.audio.paused();
        self.sleep.set(timer.map(|t| t.on_playing(playing, now())));
        if timer.is_none() {
            self.audio.set_volume(self.store.borrow().volume);
        }
        self.changed(Change::Playback);
    }

    pub fn sleep_timer(&self) -> Option<SleepTimer> {
        self.sleep.get()
    }

    /// Where playback is, for the sleep timer: the known length is the
    /// file's, else the index's.
    pub fn playback(&self) -> Playback {
        let duration = self.audio.duration();
        Playback {
            now: now(),
            position: self.audio.current_time(),
            duration: if duration.is_finite() && duration > 0.0 {
                duration
            } else {
                self.current()
                    .and_then(|e| e.duration)
                    .map_or(f64::NAN, f64::from)
            },
            rate: self.audio.playback_rate(),
        }
    }

    /// Fades the volume over the timer's last seconds, then pauses.
    fn tick_sleep(&self) {
        let Some(left) = self.sleep.get().and_then(|t| t.remaining(self.playback())) else {
            return;
        };
        let volume = self.store.borrow().volume;
        // The episode's end pauses by itself; "ended" then stops the timer
        // and gives the volume back.
        if left <= 0.0 && self.sleep.get() != Some(SleepTimer::EpisodeEnd) {
            self.pause();
            self.set_sleep(None);
        } else {
            self.audio.set_volume(volume * fade(left));
        }
    }

    /// Tries the current file again after an error, where it stopped.
    pub fn retry(&self) {
        let Some(episode) = self.current() else {
            return;
        };
        let Some(src) = episode.audio.as_deref() else {
            return;
        };
        let at = self.audio.current_time();
        self.audio.set_src(src);
        self.audio.set_current_time(at);
        self.play();
        self.changed(Change::Playback);
    }

    /// Marks an episode played or not, from the listener's own choice.
    pub fn set_played(&self, slug: &str, played: bool) {
        let mut store = self.store.borrow_mut();
        store.set_played(slug, played, now());
        storage::save(&store);
        drop(store);
        if self.is_current(slug) && played {
            let _ = self.audio.pause();
        }
        self.changed(Change::Listening);
    }

    /// Saves the current position.
    pub(super) fn save(&self) {
        let Some(episode) = self.current() else {
            return;
        };
        let mut store = self.store.borrow_mut();
        store.record(
            &episode.slug,
            self.audio.current_time(),
            self.audio.duration(),
            now(),
        );
        storage::save(&store);
        self.last_save.set(now());
    }

    pub(super) fn update_media_metadata(&self) {
        let Some(episode) = self.current() else {
            media_session::clear_metadata();
            return;
        };
        let catalog = self.catalog.borrow().clone();
        let (podcast, author, artwork) = catalog
            .as_ref()
            .map(|c| {
                (
                    c.site.title.clone(),
                    c.site.author.clone(),
                    c.site.artwork.clone(),
                )
            })
            .unwrap_or_default();
        // The episode's own image, else the show's.
        let artwork = episode
            .image
            .clone()
            .or(artwork)
            .and_then(|a| absolute_url(&a));
        let chapters = self.chapters.borrow().clone();
        let chapter = chapters::current(&chapters, self.audio.current_time())
            .map(|i| chapters[i].title().to_string());
        let title = match &chapter {
            Some(c) => format!("{c} · {}", episode.title),
            None => episode.title.clone(),
        };
        media_session::set_metadata(&media_session::Metadata {
            title: &title,
            artist: if author.is_empty() { &podcast } else { &author },
            album: &podcast,
            artwork: artwork.as_deref(),
        });
    }

    /// Reacts to one event of the audio element.
    pub(super) fn on_event(&self, kind: &str) {
        match kind {
            "timeupdate" => {
                self.tick_sleep();
                if let Some(end) = self.clip_end.get() {
                    if self.audio.current_time() >= end {
                        self.clip_end.set(None);
                        self.pause();
                    }
                }
                if !self.audio.paused() && now() - self.last_save.get() > SAVE_EVERY_MS {
                    self.save();
                    self.changed(Change::Listening);
                }
                media_session::set_position(
                    self.audio.current_time(),
                    self.audio.duration(),
                    self.audio.playback_rate(),
                );
                // The lock screen names the chapter: refresh it when it changes.
                let title = self.current_chapter_title();
                if LAST_CHAPTER.with(|c| c.replace(title.clone()) != title) {
                    self.update_media_metadata();
                }
            }
            "pause" | "play" => {
                let playing = kind == "play";
                self.sleep
                    .set(self.sleep.get().map(|t| t.on_playing(playing, now())));
                if !playing {
                    self.save();
                }
                media_session::set_playing(playing);
                self.changed(Change::Listening);
            }
            "ended" => {
                if let Some(e) = self.current() {
                    let mut store = self.store.borrow_mut();
                    store.finish(&e.slug, now());
                    storage::save(&store);
                }
                if self.sleep.get() == Some(SleepTimer::EpisodeEnd) {
                    self.set_sleep(None);
                } else if storage::has_queue() {
                    self.play_queued(false);
                }
                self.changed(Change::Listening);
            }
            "loadedmetadata" => {
                if let Some(t) = self.start_at.take() {
                    if (self.audio.current_time() - t).abs() > 0.5 {
                        self.audio.set_current_time(t);
                    }
                }
            }
            "seeked" => {
                if let Some(t) = self.seek_target.take() {
                    let fell_short = (self.audio.current_time() - t).abs() > 1.0;
                    UNSEEKABLE.with(|u| u.set(fell_short));
                    self.changed(Change::Playback);
                }
            }
            "waiting" | "stalled" => self.watch_stall(),
            "playing" | "canplay" | "loadeddata" => {
                self.stall_timer.borrow_mut().take();
            }
            _ => {}
        }
        self.changed(Change::Playback);
    }

    fn current_chapter_title(&self) -> Option<String> {
        let chapters = self.chapters.borrow();
        chapters::current(&chapters, self.audio.current_time())
            .map(|i| chapters[i].title().to_string())
    }

    fn watch_stall(&self) {
        let audio = self.audio.clone();
        let timeout = gloo_timers::callback::Timeout::new(STALL_MS, move || {
            // Still no data: say so, rather than showing a frozen button.
            if audio.ready_state() < 3 && !audio.paused() {
                STALLED.with(|s| s.set(true));
                if let Some(p) = PLAYER.with(|p| p.borrow().clone()) {
                    p.changed(Change::Playback);
                }
            }
        });
        *self.stall_timer.borrow_mut() = Some(timeout);
    }

    pub(super) fn snapshot(&self) -> PlayerState {
        let audio = &self.audio;
        let buffered = audio.buffered();
        let ranges = (0..buffered.length())
            .filter_map(|i| Some((buffered.start(i).ok()?, buffered.end(i).ok()?)))
            .collect();
        let error = audio.error().map(|e| match e.code() {
            web_sys::MediaError::MEDIA_ERR_DECODE => AudioError::Decode,
            _ => AudioError::Network,
        });
        let stalled = STALLED.with(|s| {
            if audio.ready_state() >= 3 {
                s.set(false);
            }
            s.get()
        });
        PlayerState {
            episode: self.current(),
            playing: !audio.paused(),
            waiting: !audio.paused() && audio.ready_state() < 3,
            position: audio.current_time(),
            duration: audio.duration(),
            buffered: ranges,
            rate: audio.playback_rate(),
            volume: audio.volume(),
            muted: audio.muted(),
            error: error.or(stalled.then_some(AudioError::Stalled)),
            unseekable: UNSEEKABLE.with(Cell::get),
            chapters: self.chapters.borrow().clone(),
            sleep: self
                .sleep
                .get()
                .map(|t| t.remaining(self.playback()).unwrap_or(f64::NAN)),
        }
    }
}

thread_local! {
    /// The page's one player, for callbacks that outlive a render.
    pub(super) static PLAYER: RefCell<Option<PlayerHandle>> = const { RefCell::new(None) };
    static STALLED: Cell<bool> = const { Cell::new(false) };
    /// Whether the last seek fell outside what the host lets the browser
    /// reach.
    static UNSEEKABLE: Cell<bool> = const { Cell::new(false) };
    static LAST_CHAPTER: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The page URL of a path relative to the site root (`content/art.png`).
pub fn absolute_url(relative: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(relative, &base)
        .ok()
        .map(|u| u.href())
}

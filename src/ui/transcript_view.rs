//! The transcript's view: the find tools and the cues, following playback.
//!
//! It is the whole of the transcript module (`src/bin/transcript.rs`), a
//! second wasm module the app loads the first time a listener opens a
//! transcript ([`crate::io::modules`]). It draws with the DOM alone, not
//! Yew: a 3-hour transcript is thousands of cues, drawn once and then only
//! marked, and the app's own module, which every listener downloads, stays
//! free of this code. The app's `TranscriptSection` gives it a host element
//! and the time of playback, and it calls back to seek.
//!
//! The cues' markup is [`to_html`]'s, the one the static page carries.
//! Marks are attributes on the cues, styled by the page's CSS:
//! `aria-current` (the cue playing), `data-match` (a match of the find)
//! and `data-at` (the match the listener stepped to).

use crate::core::html::escape;
use crate::core::i18n::Strings;
use crate::core::transcript::{
    current, download_link, find, paragraphs, to_html, Kind, Transcript,
};
use crate::io::{decode_transcript, yield_now, FetchError};
use crate::ui::components::{copy, label_at, link_at};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

/// Writes the exports of a transcript module, a bin of its own: `open`,
/// and `set_time` on the transcript it draws (the app calls them from
/// `ui::components::transcript`, and frees the transcript when its section
/// goes). `$read` reads the text of a transcript file on another host
/// (see [`read_source`]). Two modules are written with it: `transcript`,
/// for the Podcasting 2.0 JSON the site publishes, and `transcript_reader`,
/// which also carries the indexer's parser of WebVTT, SRT, text and HTML
/// (and HTML's table of entities, most of its size) for transcripts only
/// on another host.
#[macro_export]
macro_rules! transcript_module {
    ($read:expr) => {
        #[cfg(target_arch = "wasm32")]
        mod exports {
            use ::wasm_bindgen::prelude::*;
            use $crate::ui::transcript_view::{read_source, TranscriptView};

            #[global_allocator]
            static ALLOCATOR: ::talc::wasm::WasmDynamicTalc =
                ::talc::wasm::new_wasm_dynamic_allocator();

            /// A transcript drawn on the page.
            #[wasm_bindgen]
            pub struct Transcript(TranscriptView);

            /// Reads `source`, fetched from `url` (see [`read_source`]), and
            /// draws it into `host` (see [`TranscriptView::open`]). Rejects
            /// with the reason it is not a transcript.
            #[wasm_bindgen]
            #[allow(clippy::too_many_arguments)]
            pub async fn open(
                source: JsValue,
                url: String,
                kind: Option<String>,
                host: ::web_sys::HtmlElement,
                words: Vec<String>,
                download: Option<String>,
                slug: String,
                seek: ::js_sys::Function,
            ) -> Result<Transcript, String> {
                let transcript = read_source(&source, &url, kind.as_deref(), $read).await?;
                Ok(Transcript(TranscriptView::open(
                    transcript, &host, words, download, slug, seek,
                )))
            }

            #[wasm_bindgen]
            impl Transcript {
                /// Playback is at `seconds`, of this episode when `playing`.
                pub fn set_time(&self, seconds: f64, playing: bool) {
                    self.0.set_time(seconds, playing);
                }
            }
        }
    };
}

/// Reads a transcript as `io::fetch_transcript` fetched it: without
/// `kind`, the site's Podcasting 2.0 JSON as the browser parsed it; with
/// one (a MIME type), the text of the author's file on another host, read
/// with `read` (JSON with the browser's `JSON.parse`).
///
/// # Errors
/// Why `source` is not a transcript.
pub async fn read_source(
    source: &wasm_bindgen::JsValue,
    url: &str,
    kind: Option<&str>,
    read: fn(&str, Kind) -> Result<Transcript, String>,
) -> Result<Transcript, String> {
    let text = || source.as_string().unwrap_or_default();
    let json = match kind.map(Kind::from_type) {
        None => source.clone(),
        Some(Some(Kind::Json)) => js_sys::JSON::parse(&text())
            .map_err(|_| "not a Podcasting 2.0 JSON transcript".to_string())?,
        Some(Some(kind)) => return read(&text(), kind),
        Some(None) => return Err(format!("{} is not a transcript format", kind.unwrap_or(""))),
    };
    decode_transcript(&json, url).await.map_err(|e| match e {
        FetchError::Invalid { reason, .. } => reason,
        e => e.to_string(),
    })
}

/// Cues drawn per task: drawing thousands at once would hold the page far
/// longer than a frame.
const CHUNK: usize = 300;

/// The interface words the view shows, in this order; the app hands them
/// over with [`words`], since this module carries no language table.
#[derive(Clone, Copy)]
enum Word {
    Find,
    Previous,
    Next,
    Follow,
    Download,
    CopyLinkAt,
    LinkCopied,
}

/// The words of `t` the view needs, in [`Word`]'s order.
pub fn words(t: &Strings) -> [&'static str; 7] {
    [
        t.find_in_transcript,
        t.previous_match,
        t.next_match,
        t.follow_along,
        t.download_transcript,
        t.copy_link_at,
        t.link_copied,
    ]
}

/// Where the view's marks go.
#[derive(Clone, Copy)]
enum Mark {
    Playing,
    Match,
    At,
}

impl Mark {
    const ALL: [Mark; 3] = [Mark::Playing, Mark::Match, Mark::At];

    fn attribute(self) -> &'static str {
        match self {
            Mark::Playing => "aria-current",
            Mark::Match => "data-match",
            Mark::At => "data-at",
        }
    }
}

/// A transcript drawn into a host element. Dropping it (the module's
/// `free`) removes its listeners; the app removes the host.
pub struct TranscriptView {
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
}

struct State {
    transcript: Transcript,
    slug: String,
    words: Vec<String>,
    seek: js_sys::Function,
    body: HtmlElement,
    find: HtmlInputElement,
    count: HtmlElement,
    previous: HtmlElement,
    next: HtmlElement,
    follow: HtmlElement,
    share: HtmlElement,
    /// The cue playing, when this episode plays.
    now: Option<usize>,
    playing: bool,
    /// Whether the box keeps the cue playing in view; scrolling it by hand
    /// or finding words stops that, "Follow along" resumes it.
    following: bool,
    matches: Vec<usize>,
    /// Which of `matches` the listener stepped to.
    at: usize,
    /// The cues each [`Mark`] is on.
    marked: [Vec<usize>; 3],
    /// Copies of the offered link so far: the last one restores its label.
    copies: u32,
    /// The state itself, for work that outlives a borrow.
    this: Weak<RefCell<State>>,
}

impl TranscriptView {
    /// Draws `transcript` into `host`: the tools, then the cues, the first
    /// chunk at once and the rest a chunk per task. `words` are
    /// [`words`]'s; `download` is the author's file, offered as a link;
    /// `seek` is called with a cue's start (seconds) when the listener
    /// picks it.
    pub fn open(
        transcript: Transcript,
        host: &HtmlElement,
        words: Vec<String>,
        download: Option<String>,
        slug: String,
        seek: js_sys::Function,
    ) -> TranscriptView {
        let word = |w: Word| escape(words.get(w as usize).map_or("", String::as_str));
        let link = download.map_or(String::new(), |url| {
            download_link(
                &url,
                words
                    .get(Word::Download as usize)
                    .map_or("", String::as_str),
            )
        });
        let find = word(Word::Find);
        host.set_inner_html(&format!(
            r#"<div class="transcript-tools"><input type="search" class="transcript-find" aria-label="{find}" placeholder="{find}"><span class="find-count" hidden=""></span><button type="button" class="button small secondary" aria-label="{}" hidden="">↑</button><button type="button" class="button small secondary" aria-label="{}" hidden="">↓</button><button type="button" class="button small" hidden="">{}</button><a class="share-at" hidden=""></a>{link}</div><div class="transcript-body"></div>"#,
            word(Word::Previous),
            word(Word::Next),
            word(Word::Follow),
        ));
        let part = |selector: &str| -> HtmlElement {
            host.query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into().ok())
                .expect("the view's own markup")
        };
        let tools = |i: u32| -> HtmlElement {
            part(".transcript-tools")
                .children()
                .item(i)
                .and_then(|e| e.dyn_into().ok())
                .expect("the view's own markup")
        };
        let state = Rc::new(RefCell::new(State {
            transcript,
            slug,
            words,
            seek,
            body: part(".transcript-body"),
            find: tools(0).unchecked_into(),
            count: tools(1),
            previous: tools(2),
            next: tools(3),
            follow: tools(4),
            share: tools(5),
            now: None,
            playing: false,
            following: true,
            matches: Vec::new(),
            at: 0,
            marked: Default::default(),
            copies: 0,
            this: Weak::new(),
        }));
        state.borrow_mut().this = Rc::downgrade(&state);
        let listeners = listen(&state);
        draw(Rc::downgrade(&state));
        TranscriptView {
            state,
            _listeners: listeners,
        }
    }

    /// Playback is at `seconds`; `playing` says whether the player holds
    /// this episode. Marks the cue playing and, while following, keeps it
    /// in view.
    pub fn set_time(&self, seconds: f64, playing: bool) {
        // Busy only if the app calls back while the view calls it (a seek):
        // the next time update marks the cue.
        let Ok(mut s) = self.state.try_borrow_mut() else {
            return;
        };
        let timed = s.transcript.timed;
        let now = current(&s.transcript.cues, seconds).filter(|_| playing && timed);
        s.playing = playing;
        if now != s.now {
            s.now = now;
            s.mark(Mark::Playing);
            if s.following {
                s.reveal(now);
            }
        }
        s.show_follow();
    }
}

/// The view's listeners: on the find box, its buttons, and the cues.
fn listen(state: &Rc<RefCell<State>>) -> Vec<EventListener> {
    let s = state.borrow();
    let on = |target: &HtmlElement, event: &'static str, act: fn(&mut State, &Event)| {
        let state = Rc::downgrade(state);
        // Keys and clicks replace the browser's own (Enter, the arrows, a
        // link); scrolling is only watched, so it stays passive.
        let options = match event {
            "wheel" | "touchmove" => EventListenerOptions::default(),
            _ => EventListenerOptions::enable_prevent_default(),
        };
        EventListener::new_with_options(target, event, options, move |e| {
            if let Some(state) = state.upgrade() {
                act(&mut state.borrow_mut(), e);
            }
        })
    };
    vec![
        on(&s.find, "input", |s, _| {
            // Finding takes the box; "Follow along" gives it back.
            s.following = false;
            s.matches = find(&s.transcript.cues, &s.find.value());
            s.at = 0;
            s.show_find();
        }),
        on(&s.find, "keydown", |s, e| {
            if key(e).as_deref() == Some("Enter") {
                e.prevent_default();
                s.step(1);
            }
        }),
        on(&s.previous, "click", |s, _| {
            s.step(s.matches.len().saturating_sub(1))
        }),
        on(&s.next, "click", |s, _| s.step(1)),
        on(&s.follow, "click", |s, _| {
            s.following = true;
            s.reveal(s.now);
            s.show_follow();
        }),
        on(&s.share, "click", |s, e| {
            e.prevent_default();
            s.copy_share();
        }),
        on(&s.body, "click", |s, e| {
            // A click that ends selecting text is not a seek: it offers
            // the link at the cue where the selection starts.
            let chosen = selected_cue().filter(|_| s.transcript.timed);
            s.show_share(chosen);
            if chosen.is_none() {
                if let Some(i) = cue_of(e.target()) {
                    s.seek_to(i);
                }
            }
        }),
        on(&s.body, "keydown", |s, e| s.key(e)),
        on(&s.body, "wheel", |s, _| s.stop_following()),
        on(&s.body, "touchmove", |s, _| s.stop_following()),
    ]
}

/// Draws the cues a chunk of paragraphs per task, marking each chunk as
/// it comes; stops if the view goes first.
fn draw(state: Weak<RefCell<State>>) {
    let Some(s) = state.upgrade() else {
        return;
    };
    let parts = paragraphs(&s.borrow().transcript);
    let mut chunks = Vec::new();
    let (mut from, mut cues) = (0, 0);
    for (k, p) in parts.iter().enumerate() {
        cues += p.len();
        if cues >= CHUNK || k + 1 == parts.len() {
            chunks.push(from..k + 1);
            (from, cues) = (k + 1, 0);
        }
    }
    let add = move |s: &mut State, chunk: std::ops::Range<usize>| {
        let _ = s
            .body
            .insert_adjacent_html("beforeend", &to_html(&s.transcript, &parts[chunk]));
        for mark in Mark::ALL {
            s.mark(mark);
        }
    };
    let mut chunks = chunks.into_iter();
    if let Some(first) = chunks.next() {
        add(&mut s.borrow_mut(), first);
    }
    drop(s);
    wasm_bindgen_futures::spawn_local(async move {
        for chunk in chunks {
            yield_now().await;
            let Some(s) = state.upgrade() else {
                return;
            };
            add(&mut s.borrow_mut(), chunk);
        }
    });
}

impl State {
    fn word(&self, w: Word) -> &str {
        self.words.get(w as usize).map_or("", String::as_str)
    }

    /// Moves `mark` to the cues it belongs on now.
    fn mark(&mut self, mark: Mark) {
        let on: Vec<usize> = match mark {
            Mark::Playing => self.now.into_iter().collect(),
            Mark::Match => self.matches.clone(),
            Mark::At => self.at_match().into_iter().collect(),
        };
        let name = mark.attribute();
        let marked = &mut self.marked[mark as usize];
        for i in marked.drain(..) {
            if let Some(el) = cue_element(i) {
                let _ = el.remove_attribute(name);
            }
        }
        for i in on {
            // Cues not drawn yet are marked when their chunk comes.
            if let Some(el) = cue_element(i) {
                let _ = el.set_attribute(name, "true");
                marked.push(i);
            }
        }
    }

    fn at_match(&self) -> Option<usize> {
        self.matches.get(self.at).copied()
    }

    /// Steps `by` matches on, round the end.
    fn step(&mut self, by: usize) {
        let n = self.matches.len();
        if n > 0 {
            self.at = (self.at + by) % n;
            self.show_find();
        }
    }

    /// The find's count and buttons, its marks, and the match stepped to
    /// brought into view.
    fn show_find(&mut self) {
        let empty = self.find.value().is_empty();
        for el in [&self.count, &self.previous, &self.next] {
            el.set_hidden(empty);
        }
        let n = self.matches.len();
        let at = if n == 0 { 0 } else { self.at + 1 };
        self.count.set_text_content(Some(&format!("{at} / {n}")));
        self.mark(Mark::Match);
        self.mark(Mark::At);
        self.reveal(self.at_match());
        self.show_follow();
    }

    fn show_follow(&self) {
        self.follow
            .set_hidden(!(self.playing && self.transcript.timed && !self.following));
    }

    /// Offers the link at cue `i`'s start, or hides it.
    fn show_share(&self, i: Option<usize>) {
        let start = i.and_then(|i| self.transcript.cues.get(i)).map(|c| c.start);
        self.share.set_hidden(start.is_none());
        if let Some(start) = start {
            let (seconds, url) = link_at(&self.slug, start);
            let _ = self.share.set_attribute("href", &url);
            let _ = self.share.set_attribute("data-t", &seconds.to_string());
            self.label_share();
        }
    }

    /// The offered link's words, from its time.
    fn label_share(&self) {
        let seconds = self
            .share
            .get_attribute("data-t")
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        self.share
            .set_text_content(Some(&label_at(self.word(Word::CopyLinkAt), seconds)));
    }

    /// Copies the offered link, and says so for two seconds; then the
    /// label is the one of the link offered by then.
    fn copy_share(&mut self) {
        let share = self.share.clone();
        let url = share.get_attribute("href").unwrap_or_default();
        let copied = escape(self.word(Word::LinkCopied));
        self.copies += 1;
        let (copies, state) = (self.copies, self.this.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if copy(&url).await {
                share.set_inner_html(&format!(r#"<span role="status">{copied}</span>"#));
                gloo_timers::callback::Timeout::new(2000, move || {
                    // A later copy says so itself.
                    if let Some(s) = state.upgrade().filter(|s| s.borrow().copies == copies) {
                        s.borrow().label_share();
                    }
                })
                .forget();
            }
        });
    }

    fn seek_to(&mut self, i: usize) {
        if let Some(c) = self
            .transcript
            .cues
            .get(i)
            .filter(|_| self.transcript.timed)
        {
            self.following = true;
            let _ = self
                .seek
                .call1(&wasm_bindgen::JsValue::NULL, &c.start.into());
        }
    }

    fn stop_following(&mut self) {
        self.following = false;
        self.show_follow();
    }

    /// Keys on the cues: Enter seeks, the arrows go from cue to cue; keys
    /// that scroll the box by hand stop the following.
    fn key(&mut self, e: &Event) {
        let last = self.transcript.cues.len().saturating_sub(1);
        let next = match (key(e).as_deref(), cue_of(e.target())) {
            (Some("Enter"), Some(i)) => {
                e.prevent_default();
                return self.seek_to(i);
            }
            (Some("ArrowDown"), Some(i)) => (i + 1).min(last),
            (Some("ArrowUp"), Some(i)) => i.saturating_sub(1),
            (Some("ArrowUp" | "ArrowDown" | "PageUp" | "PageDown" | "Home" | "End"), _) => {
                return self.stop_following();
            }
            _ => return,
        };
        e.prevent_default();
        self.stop_following();
        if let Some(el) = cue_element(next) {
            let _ = el.focus();
        }
    }

    /// Scrolls the box, not the page, so that cue `i` sits in its upper
    /// third.
    fn reveal(&self, i: Option<usize>) {
        if let Some(cue) = i.and_then(cue_element) {
            let top = cue.offset_top() - self.body.client_height() / 3;
            self.body.set_scroll_top(top.max(0));
        }
    }
}

fn key(e: &Event) -> Option<String> {
    e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key)
}

/// The cue an event happened on, by its `data-cue`.
fn cue_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    crate::ui::dom::closest(target, "[data-cue]")?
        .get_attribute("data-cue")?
        .parse()
        .ok()
}

/// The cue where the listener's text selection starts, if they selected
/// some text.
fn selected_cue() -> Option<usize> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let node = selection.anchor_node()?;
    let el = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    cue_of(Some(el.into()))
}

fn cue_element(i: usize) -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(&format!("cue-{i}"))?
        .dyn_into()
        .ok()
}

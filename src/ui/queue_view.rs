//! The queue ("Up next"): its storage, its panel and what is said of each
//! change.
//!
//! It is the whole of the queue module (`src/bin/queue.rs`), a wasm module
//! of its own that the app loads the first time a listener presses a
//! queue button or an episode ends with episodes queued
//! (`ui::player::queue`). It draws with the DOM alone, not Yew, into two
//! elements the app draws empty: the player bar's panel ([`PANEL`]) and a
//! status line ([`STATUS`]); its words come from the index. The panel's buttons carry `data-queue` like
//! the cards' and pages', so the app's one click handler hands them all
//! here ([`edit`]); a click on an entry's title plays it in the app.

use crate::core::html::escape;
use crate::core::i18n::Strings;
use crate::core::queue::{Edit, Entry, Queue};
use crate::ui::player::{storage, PANEL, STATUS};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, HtmlElement};

/// How long what was said stays on screen, in ms.
const SAID_MS: u32 = 4000;

/// The interface words the module shows, in this order (see [`words`]).
#[derive(Clone, Copy)]
enum Word {
    UpNext,
    Empty,
    MoveUp,
    MoveDown,
    Remove,
    Clear,
    Queued,
    Unqueued,
    Moved,
    Cleared,
}

/// The words of `t` the module needs, in [`Word`]'s order.
fn words(t: &Strings) -> [&'static str; 10] {
    [
        t.up_next,
        t.queue_empty,
        t.move_up,
        t.move_down,
        t.unqueue,
        t.clear_queue,
        t.queued,
        t.unqueued,
        t.queue_moved,
        t.queue_cleared,
    ]
}

#[derive(Default)]
struct View {
    words: Vec<String>,
    /// The panel the drag listeners are on, and they.
    panel: Option<(Element, [EventListener; 4])>,
    /// Clears the status line.
    said: Option<Timeout>,
}

thread_local! {
    static VIEW: RefCell<View> = RefCell::default();
}

fn word(w: Word) -> String {
    VIEW.with(|v| {
        v.borrow()
            .words
            .get(w as usize)
            .cloned()
            .unwrap_or_default()
    })
}

fn by_id(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// What to say of a change, once the words are there.
type Said = Box<dyn FnOnce() -> String>;

/// One press of a queue button, by its `data-queue`:
/// - `add` and `next`: to the end, or to the front ("Play next"); a queued
///   episode moves there;
/// - `up`, `down` and `remove`: the panel's buttons for an entry;
/// - `clear`: empties the queue;
/// - `play`: the app began playing it, so it leaves the queue;
/// - `load`: the app loaded it, with nothing playing, instead of queuing
///   it: only said;
/// - `panel`: opens or closes the panel.
///
/// The queue is read from storage and changed at once, so two tabs, or two
/// quick presses, do not undo each other; it is drawn and the change said
/// once the words are there ([`load_words`]).
pub fn edit(action: &str, slug: &str, title: &str) {
    let mut queue = storage::load_queue();
    let entry = || Entry {
        slug: slug.into(),
        title: title.into(),
    };
    let (action, title) = (action.to_string(), title.to_string());
    // Where the focus goes once the queue is drawn again: an entry, and
    // the button of it that was pressed.
    let mut refocus = None;
    let said: Option<Said> = match (action.as_str(), queue.position(slug)) {
        ("add", _) => Some(put(&mut queue, entry(), usize::MAX)),
        ("next", _) => Some(put(&mut queue, entry(), 0)),
        ("up" | "down", Some(i)) => {
            let to = if action == "up" {
                i.saturating_sub(1)
            } else {
                i + 1
            };
            let said = put(&mut queue, entry(), to);
            refocus = queue.position(slug);
            Some(said)
        }
        ("remove", Some(i)) => {
            queue.edit(Edit::Remove(slug.into()));
            // The focus stays in the list, on the entry now in its place.
            refocus = Some(i.min(queue.0.len().wrapping_sub(1)));
            Some(Box::new(move || {
                format!("{}: {title}", word(Word::Unqueued))
            }))
        }
        ("play", _) => {
            queue.edit(Edit::Remove(slug.into()));
            None
        }
        ("clear", _) => {
            queue.edit(Edit::Clear);
            Some(Box::new(|| word(Word::Cleared)))
        }
        ("load", _) => Some(Box::new(move || format!("{}: {title}", word(Word::UpNext)))),
        ("panel", _) => {
            toggle();
            None
        }
        _ => None,
    };
    storage::save_queue(&queue);
    wasm_bindgen_futures::spawn_local(async move {
        load_words().await;
        // The queue as it is by then: a later edit may have come first.
        show(&storage::load_queue());
        if let Some(i) = refocus {
            // A moved entry keeps the focus wherever it lands; at an end
            // its own button is disabled, and the other takes it. With no
            // entry left, the button that opened the panel takes it.
            let place = format!("#{PANEL} li:nth-child({})", i.wrapping_add(1));
            let _ = focus(&format!("{place} [data-queue={action}]:enabled"))
                || focus(&format!(
                    "{place} [data-queue=up]:enabled, {place} [data-queue=down]:enabled"
                ))
                || focus("[data-queue=panel]");
        } else if action == "clear" {
            focus("[data-queue=panel]");
        }
        if let Some(said) = said {
            say(said());
        }
    });
}

/// The next episode's slug, or `""` when the queue is empty. It stays
/// queued until the app plays it (`play`) or drops it.
pub fn next() -> String {
    let queue = storage::load_queue();
    queue.0.first().map(|e| e.slug.clone()).unwrap_or_default()
}

/// The words, from the index the first time: the module carries no
/// language table. Without the index, the words stay blank until the next
/// change tries again.
async fn load_words() {
    if VIEW.with(|v| !v.borrow().words.is_empty()) {
        return;
    }
    if let Ok(t) = crate::io::fetch_strings().await {
        VIEW.with(|v| v.borrow_mut().words = words(&t).map(String::from).to_vec());
    }
}

/// Puts `entry` at `at`, and what to say of it: added, or moved to its
/// new place.
fn put(queue: &mut Queue, entry: Entry, at: usize) -> Said {
    let was = queue.position(&entry.slug);
    let title = entry.title.clone();
    queue.edit(Edit::Put(entry.clone(), at));
    let (places, now) = (queue.0.len(), queue.position(&entry.slug));
    Box::new(move || match (was, now) {
        (Some(_), Some(i)) => format!("{} {}/{places}: {title}", word(Word::Moved), i + 1),
        (None, Some(_)) => format!("{}: {title}", word(Word::Queued)),
        // A full queue took nothing.
        (_, None) => String::new(),
    })
}

/// Opens or closes the panel, and says which on its button.
fn toggle() {
    let Some(panel) = by_id(PANEL) else { return };
    let open = panel.has_attribute("hidden");
    let _ = if open {
        panel.remove_attribute("hidden")
    } else {
        panel.set_attribute("hidden", "")
    };
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-queue=panel]").ok().flatten());
    if let Some(button) = button {
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    }
}

/// Draws the queue into the panel, when it is open.
fn show(queue: &Queue) {
    let Some(panel) = by_id(PANEL).filter(|p| !p.has_attribute("hidden")) else {
        return;
    };
    listen_on_panel(&panel);
    let [up, down, remove] = [Word::MoveUp, Word::MoveDown, Word::Remove].map(word);
    let last = queue.0.len().saturating_sub(1);
    let mut html = String::new();
    if queue.0.is_empty() {
        html += &format!("<p>{}</p>", escape(&word(Word::Empty)));
    } else {
        html += "<ol>";
        for (i, e) in queue.0.iter().enumerate() {
            let (slug, title) = (escape(&e.slug), escape(&e.title));
            let data = format!(r#"data-slug="{slug}" data-title="{title}""#);
            let button = |action: &str, label: &str, text: &str, disabled: bool| {
                format!(
                    r#"<button type="button" class="icon-button" data-queue="{action}" {data} aria-label="{label}: {title}" title="{label}"{}>{text}</button>"#,
                    if disabled { " disabled" } else { "" },
                    label = escape(label),
                )
            };
            html += &format!(
                r#"<li draggable="true" {data}><button type="button" class="queue-title" data-queue="play" {data}>{title}</button>{}{}{}</li>"#,
                button("up", &up, "↑", i == 0),
                button("down", &down, "↓", i == last),
                button("remove", &remove, "×", false),
            );
        }
        html += &format!(
            r#"</ol><button type="button" class="button small secondary" data-queue="clear">{}</button>"#,
            escape(&word(Word::Clear))
        );
    }
    panel.set_inner_html(&html);
}

/// A drag carries its entry's slug; a drop puts it at the place of the
/// entry it lands on; Escape closes the panel. The listeners are on the
/// panel, once per panel: the app draws a new one when the player bar
/// comes back.
fn listen_on_panel(panel: &Element) {
    VIEW.with(|v| {
        let mut v = v.borrow_mut();
        if v.panel.as_ref().is_some_and(|(p, _)| p == panel) {
            return;
        }
        let entry = |e: &web_sys::Event| {
            let li = crate::ui::dom::closest(e.target(), "li")?;
            Some((li.get_attribute("data-slug")?, li))
        };
        let start = EventListener::new(panel, "dragstart", move |e| {
            let (Some((slug, _)), Some(data)) = (
                entry(e),
                e.dyn_ref::<DragEvent>().and_then(DragEvent::data_transfer),
            ) else {
                return;
            };
            let _ = data.set_data("text/plain", &slug);
        });
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        let over =
            EventListener::new_with_options(panel, "dragover", options, |e| e.prevent_default());
        let drop = EventListener::new_with_options(panel, "drop", options, move |e| {
            e.prevent_default();
            let dragged = e
                .dyn_ref::<DragEvent>()
                .and_then(DragEvent::data_transfer)
                .and_then(|d| d.get_data("text/plain").ok());
            let mut queue = storage::load_queue();
            let (Some((_, li)), Some(slug)) = (entry(e), dragged) else {
                return;
            };
            let at = li.parent_element().map_or(0, |list| {
                let items = list.children();
                (0..items.length())
                    .position(|i| items.item(i).as_ref() == Some(&li))
                    .unwrap_or(0)
            });
            let Some(moved) = queue.position(&slug).map(|i| queue.0[i].clone()) else {
                return;
            };
            let said = put(&mut queue, moved, at);
            storage::save_queue(&queue);
            show(&queue);
            say(said());
        });
        // Escape closes the panel, as it does a menu, and gives the focus
        // back to the button that opened it.
        let escape = EventListener::new(panel, "keydown", |e| {
            if e.dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                toggle();
                let button = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("[data-queue=panel]").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(button) = button {
                    let _ = button.focus();
                }
            }
        });
        v.panel = Some((panel.clone(), [start, over, drop, escape]));
    });
}

/// Shows `text` on the status line, which screen readers announce, for a
/// few seconds.
fn say(text: String) {
    let Some(status) = by_id(STATUS).filter(|_| !text.is_empty()) else {
        return;
    };
    status.set_text_content(Some(&text));
    let clear = Timeout::new(SAID_MS, move || status.set_text_content(None));
    VIEW.with(|v| v.borrow_mut().said = Some(clear));
}

fn focus(selector: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

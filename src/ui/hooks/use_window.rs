//! A windowed list: of a list of thousands of rows, only those near the
//! screen exist, and the space of the others stands in for them (see
//! [`crate::core::window`] for the arithmetic).

use crate::core::window::{near, spacers, span};
use gloo_events::EventListener;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;

thread_local! {
    /// The rows' pitch as last measured, in px: a list drawn again (on the
    /// way back) has its whole height in its first render, so the place
    /// the listener left can be scrolled to at once.
    static PITCH: Cell<f64> = const { Cell::new(0.0) };
}

/// What to draw of a windowed list.
#[derive(Clone, PartialEq)]
pub struct Window {
    /// The rows to draw.
    pub rows: Range<usize>,
    /// The space standing for the rows above and below `rows`, in px.
    pub spacers: (f64, f64),
    /// Whether the rows' pitch is known: until then only the first rows
    /// are drawn, and the list is not yet its whole height.
    pub measured: bool,
    /// Whether the list's last row is within a screen of the viewport.
    pub near_end: bool,
}

/// The window of the list at `list` (an element whose children are its
/// drawn rows, all one height) of `count` rows: the first `first` rows
/// until the page runs (`on`) and a pitch is measured, then the rows near
/// the screen, following every scroll and resize.
#[hook]
pub fn use_window(list: &NodeRef, count: usize, first: usize, on: bool) -> Window {
    let now = use_mut_ref(|| Measured {
        rows: 0..first,
        pitch: PITCH.with(Cell::get),
        count,
        near_end: false,
        counted: count,
    });
    now.borrow_mut().count = count;
    // Setting a state redraws, whatever the value: `usize`'s state is the
    // one the app has already, so this costs no hook code of its own.
    let redraw = use_state(|| 0usize);
    let update = {
        let (list, now) = (list.clone(), now.clone());
        Rc::new(move |remeasure: bool| {
            let (Some(element), Some(w)) = (list.cast::<web_sys::Element>(), web_sys::window())
            else {
                return;
            };
            // Measured when the layout may have changed, not on every
            // scroll: the rows' offsets are rounded to the layout's units,
            // so two measures can differ by a sliver, and a sliver times
            // thousands of rows would move the whole list.
            let known = PITCH.with(Cell::get);
            let pitch = match (remeasure || known <= 0.0)
                .then(|| measure(&element))
                .flatten()
            {
                Some(p) if (p - known).abs() > 0.01 => p,
                _ => known,
            };
            if pitch <= 0.0 {
                return;
            }
            PITCH.with(|p| p.set(pitch));
            let top = element.get_bounding_client_rect().top();
            let screen = w
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let mut now = now.borrow_mut();
            let count = now.count;
            let next = Measured {
                rows: span(top, screen, pitch, count),
                pitch,
                count,
                near_end: near(top, screen, pitch, count).end >= count,
                counted: count,
            };
            if *now != next {
                *now = next;
                redraw.set(0);
            }
        })
    };
    {
        // On start, on a new count, and on every scroll and resize.
        let listeners = RefCell::new(Vec::new());
        use_effect_with((on, count), move |&(on, _)| {
            if let (true, Some(w)) = (on, web_sys::window()) {
                update(true);
                // Passive, as gloo's listeners are by default: scrolling
                // never waits for the window to move.
                for (event, remeasure) in [("scroll", false), ("resize", true)] {
                    let update = update.clone();
                    let listener = EventListener::new(&w, event, move |_| update(remeasure));
                    listeners.borrow_mut().push(listener);
                }
            }
            move || drop(listeners)
        });
    }
    let now = now.borrow();
    let measured = on && now.pitch > 0.0;
    let rows = if measured { now.rows.clone() } else { 0..first };
    let rows = rows.start.min(count)..rows.end.min(count);
    Window {
        spacers: spacers(&rows, count, now.pitch),
        rows,
        measured,
        // Only of the count it was measured for: a list that just grew is
        // not known to be near its new end.
        near_end: measured && now.near_end && now.counted == count,
    }
}

/// What the window was last measured as.
#[derive(PartialEq)]
struct Measured {
    rows: Range<usize>,
    /// The rows' pitch, in px.
    pitch: f64,
    /// The list's length now.
    count: usize,
    near_end: bool,
    /// The length `rows` and `near_end` were measured for.
    counted: usize,
}

/// The distance from one row's top to the next's, in px: the average over
/// the rows drawn (each offset is rounded to the layout's units). `None`
/// for fewer than two rows: one row's height leaves out the gap.
fn measure(list: &web_sys::Element) -> Option<f64> {
    let rows = list.child_element_count();
    if rows < 2 {
        return None;
    }
    let first = list.first_element_child()?.get_bounding_client_rect().top();
    let last = list.last_element_child()?.get_bounding_client_rect().top();
    Some((last - first) / f64::from(rows - 1))
}

//! Which rows of a long list to draw (a windowed, or virtual, list): the
//! list has its whole height from the start, and only the rows within a
//! screen of the viewport exist. Pure arithmetic, so the rules are tested
//! natively; `ui::hooks::use_window` measures the page and draws.
//!
//! Every row has the same height (the stylesheet fixes the listing's card
//! height), so row `i` starts exactly `i × pitch` below the list's top and
//! any scroll position maps to its rows without drawing those above.

use std::ops::Range;

/// The window moves in steps of this many rows: scrolling redraws the list
/// every few rows rather than on every scroll event, and the rows already
/// drawn stay the same nodes.
pub const STEP: usize = 4;

/// A list of up to this many rows is drawn whole: it is a few hundred DOM
/// nodes, and the browser's find-in-page then sees all of it.
pub const WHOLE: usize = 24;

/// The rows of a list of `count` rows, `pitch` px apart (a row's height and
/// the gap after it), to draw when the list's top is `top` px below the top
/// of a viewport `screen` px high (negative once scrolled past): the rows
/// in view, and a screen's worth beyond each edge so that a flick, `Page
/// Down` or the next `Tab` finds them drawn. Its ends are multiples of
/// [`STEP`] (or `count`). A list of [`WHOLE`] rows or fewer is drawn whole.
///
/// A `pitch` that is not a positive length (not measured yet) gives the
/// empty range: there is nothing to place rows by.
pub fn span(top: f64, screen: f64, pitch: f64, count: usize) -> Range<usize> {
    if count <= WHOLE && measurable(top, screen, pitch) {
        return 0..count;
    }
    near(top, screen, pitch, count)
}

fn measurable(top: f64, screen: f64, pitch: f64) -> bool {
    pitch > 0.0 && pitch.is_finite() && top.is_finite() && screen.is_finite()
}

/// The rows within a screen of the viewport, whatever the list's length:
/// [`span`] before a short list is drawn whole. Its end tells whether the
/// list's end is near (a search then loads its next results).
pub fn near(top: f64, screen: f64, pitch: f64, count: usize) -> Range<usize> {
    if !measurable(top, screen, pitch) {
        return 0..0;
    }
    // The row under a point `y` px below the viewport's top, clamped to the
    // list: `count` when below its end.
    let row = |y: f64| super::clamp(((y - top) / pitch).floor(), 0.0, count as f64) as usize;
    let end = (row(2.0 * screen) + 1).div_ceil(STEP) * STEP;
    let start = row(-screen) / STEP * STEP;
    start.min(count)..end.min(count)
}

/// The space, in px, that stands for the rows not drawn: `(above, below)`
/// the window `rows` of a list of `count` rows `pitch` px apart. The drawn
/// rows then sit exactly where they would in the whole list, and the list
/// is as high whichever rows are drawn.
pub fn spacers(rows: &Range<usize>, count: usize, pitch: f64) -> (f64, f64) {
    let below = count.saturating_sub(rows.end.max(rows.start));
    (rows.start as f64 * pitch, below as f64 * pitch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_draw_the_rows_near_the_screen() {
        // (list top, screen, pitch, count) → rows
        let cases: &[(f64, f64, f64, usize, Range<usize>)] = &[
            // At the top of a long list: the screen and one more below.
            (300.0, 900.0, 100.0, 10_000, 0..16),
            // Scrolled 50,000 px down: 500 is at the top of the screen.
            (-50_000.0, 900.0, 100.0, 10_000, 488..520),
            // Scrolled to the end: the last rows, none past the end.
            (-999_100.0, 900.0, 100.0, 10_000, 9980..10_000),
            // A short list is drawn whole, wherever it is.
            (200.0, 900.0, 100.0, 5, 0..5),
            (-90_000.0, 900.0, 100.0, WHOLE, 0..WHOLE),
            // A list far below the screen draws its first step only.
            (5_000.0, 900.0, 100.0, 100, 0..4),
            // Scrolled far past a list's end: nothing of it is near.
            (-50_000.0, 900.0, 100.0, 100, 100..100),
            // The window's ends are multiples of STEP.
            (-1_234.0, 800.0, 173.5, 500, 0..20),
        ];
        for (top, screen, pitch, count, want) in cases {
            assert_eq!(
                span(*top, *screen, *pitch, *count),
                *want,
                "top {top}, screen {screen}, pitch {pitch}, count {count}"
            );
        }
    }

    #[test]
    fn can_tell_the_rows_near_a_short_list() {
        // Drawn whole, but only its first rows are near the screen.
        assert_eq!(span(400.0, 700.0, 175.0, 20), 0..20);
        assert_eq!(near(400.0, 700.0, 175.0, 20), 0..8);
        assert_eq!(near(-2_000.0, 700.0, 175.0, 20), 4..20);
    }

    #[test]
    fn can_keep_a_window_across_small_scrolls() {
        // Scrolling a few px does not move a window whose ends are steps.
        let a = span(-10_000.0, 900.0, 150.0, 1000);
        let b = span(-10_030.0, 900.0, 150.0, 1000);
        assert_eq!(a, b);
        assert_eq!(a.start % STEP, 0);
        assert_eq!(a.end % STEP, 0);
    }

    #[test]
    fn can_cover_the_screen_at_every_position() {
        // Wherever the list is scrolled, every row in view is drawn.
        let (screen, pitch, count) = (700.0, 161.25, 2_000);
        let mut top = 400.0;
        while top > -(count as f64) * pitch {
            let rows = span(top, screen, pitch, count);
            let first = ((-top) / pitch).floor().max(0.0) as usize;
            let last = (((screen - top) / pitch).ceil() as usize).min(count);
            if first < count {
                assert!(
                    rows.start <= first && last <= rows.end,
                    "top {top}: {rows:?}"
                );
            }
            top -= 97.0;
        }
    }

    #[test]
    fn can_stand_in_for_the_rows_not_drawn() {
        // The space above, the rows drawn and the space below add up to
        // the whole list wherever the window is.
        let (count, pitch) = (1000, 150.0);
        for rows in [0..16, 488..520, 980..1000, 1000..1000] {
            let (above, below) = spacers(&rows, count, pitch);
            assert_eq!(above, rows.start as f64 * pitch);
            assert_eq!(
                above + rows.len() as f64 * pitch + below,
                count as f64 * pitch
            );
        }
    }

    #[test]
    fn errors_if_the_pitch_is_unknown() {
        for pitch in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(span(0.0, 900.0, pitch, 100), 0..0, "pitch {pitch}");
        }
        assert_eq!(span(f64::NAN, 900.0, 100.0, 100), 0..0);
    }
}

use std::ops::Range;
use yew::prelude::*;

/// Text with the words a search matched in `<mark>`. `marks` are byte
/// ranges of `text`, in order, not overlapping.
pub fn highlighted(text: &str, marks: &[Range<usize>]) -> Html {
    let mut parts = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for r in marks {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.start > at {
            parts.push(html! { { &text[at..r.start] } });
        }
        parts.push(html! { <mark>{ &text[r.clone()] }</mark> });
        at = r.end;
    }
    if at < text.len() {
        parts.push(html! { { &text[at..] } });
    }
    html! { <>{ for parts }</> }
}

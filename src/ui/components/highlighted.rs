use std::ops::Range;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// Byte ranges of `text` to mark, in order, not overlapping.
    pub marks: Vec<Range<usize>>,
}

/// Text with the words a search matched in `<mark>`.
#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let text = props.text.as_str();
    let mut parts = Vec::with_capacity(props.marks.len() * 2 + 1);
    let mut at = 0;
    for r in &props.marks {
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

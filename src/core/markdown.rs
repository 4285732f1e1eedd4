//! Show notes: Markdown to HTML, and the plain-text excerpt for the listing.
//!
//! The pipeline is pulldown-cmark's parser, then a chain of small pure
//! rewrites over its event iterator, then its HTML writer:
//!
//! 1. [`parse`]: CommonMark plus the GFM extensions podcasters use (tables,
//!    footnotes, strikethrough, task lists).
//! 2. [`heading_anchors`]: gives every heading a stable `id` and a `#` link.
//! 3. [`unwrap_unresolved_links`]: links to posts missing from the archive
//!    become plain text.
//! 4. [`timestamp_links`]: `12:34` in the text becomes a link that seeks.
//! 5. `pulldown_cmark::html::push_html`.
//!
//! Raw HTML passes through here unchanged; [`crate::core::notes`] sanitizes
//! the result before it is published.

use super::liquid::UNRESOLVED;
use super::slug::slugify;
use super::text::{collapse_whitespace, truncate_words};
use super::timestamp::find_timestamps;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Parses show notes into events.
pub fn parse(body: &str) -> Parser<'_> {
    Parser::new_ext(body, options())
}

/// Which episode the notes belong to, so that their timestamps link to it.
#[derive(Debug, Clone, Copy)]
pub struct Timestamps<'a> {
    pub slug: &'a str,
    /// The episode's length, when known: later times are not positions.
    pub max_seconds: Option<u32>,
}

/// Renders show notes to HTML.
pub fn render(body: &str, timestamps: Option<Timestamps>) -> String {
    let mut html = String::with_capacity(body.len() * 3 / 2);
    let events = unwrap_unresolved_links(heading_anchors(parse(body)));
    match timestamps {
        Some(t) => pulldown_cmark::html::push_html(&mut html, timestamp_links(events, t)),
        None => pulldown_cmark::html::push_html(&mut html, events),
    }
    html
}

/// Turns each timestamp in the text into a link to `episodes/{slug}?t=…`,
/// which the app intercepts to seek (and which works as a shared link
/// without it). Code, links and raw HTML are left alone.
pub fn timestamp_links<'a>(
    events: impl Iterator<Item = Event<'a>>,
    t: Timestamps<'_>,
) -> impl Iterator<Item = Event<'a>> {
    let slug = t.slug.to_string();
    let max = t.max_seconds;
    let mut skip_depth = 0usize;
    events.flat_map(move |event| -> Vec<Event<'a>> {
        match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::Link { .. } | Tag::Image { .. }) => {
                skip_depth += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Link | TagEnd::Image) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            Event::Text(text) if skip_depth == 0 => {
                let found = find_timestamps(text, max);
                if !found.is_empty() {
                    let mut out = Vec::with_capacity(found.len() * 4 + 1);
                    let mut at = 0;
                    for f in found {
                        if f.range.start > at {
                            out.push(Event::Text(text[at..f.range.start].to_string().into()));
                        }
                        out.push(Event::InlineHtml(
                            format!(
                                r#"<a class="timestamp" href="episodes/{slug}?{}">"#,
                                super::timestamp::t_query(f.seconds)
                            )
                            .into(),
                        ));
                        out.push(Event::Text(text[f.range.clone()].to_string().into()));
                        out.push(Event::InlineHtml("</a>".into()));
                        at = f.range.end;
                    }
                    if at < text.len() {
                        out.push(Event::Text(text[at..].to_string().into()));
                    }
                    return out;
                }
            }
            _ => {}
        }
        vec![event]
    })
}

/// Drops the link around text whose target is an unresolved Liquid
/// `post_url`, keeping the text: a dead link is worse than none.
pub fn unwrap_unresolved_links<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    let mut open: Vec<bool> = Vec::new();
    events.filter(move |event| match event {
        Event::Start(Tag::Link { dest_url, .. }) => {
            let unresolved = dest_url.starts_with(UNRESOLVED);
            open.push(unresolved);
            !unresolved
        }
        Event::End(TagEnd::Link) => !open.pop().unwrap_or(false),
        _ => true,
    })
}

/// Gives each heading an `id` made from its text (unique within the notes,
/// `-1`, `-2`… on repeats) and appends a self-link, so a listener can share
/// a link to a section. Headings with an explicit id keep it.
pub fn heading_anchors<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut buffer: Vec<Event<'a>> = Vec::new();
    let mut in_heading: Option<(HeadingLevel, Option<CowStr<'a>>, Vec<CowStr<'a>>)> = None;
    events.flat_map(move |event| -> Vec<Event<'a>> {
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                in_heading = Some((level, id, classes));
                buffer.clear();
                vec![]
            }
            Event::End(TagEnd::Heading(level)) => {
                let (_, explicit_id, classes) = in_heading.take().unwrap_or((level, None, vec![]));
                let text: String = buffer
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let id = explicit_id.map(|i| i.to_string()).unwrap_or_else(|| {
                    let base = match slugify(&text) {
                        s if s.is_empty() => "section".to_string(),
                        s => s,
                    };
                    let n = seen.entry(base.clone()).or_insert(0);
                    *n += 1;
                    if *n == 1 {
                        base
                    } else {
                        format!("{base}-{}", *n - 1)
                    }
                });
                let anchor = format!(
                    r##" <a class="anchor" href="#{id}" aria-hidden="true" tabindex="-1">#</a>"##
                );
                let mut out = Vec::with_capacity(buffer.len() + 3);
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(id.into()),
                    classes,
                    attrs: vec![],
                }));
                out.append(&mut buffer);
                out.push(Event::InlineHtml(anchor.into()));
                out.push(Event::End(TagEnd::Heading(level)));
                out
            }
            e if in_heading.is_some() => {
                buffer.push(e);
                vec![]
            }
            e => vec![e],
        }
    })
}

/// The opening words of the notes as plain text, for the listing: paragraph
/// text only (no headings, raw HTML or images), cut at a word boundary.
/// Notes written in HTML (a WordPress export's `<p>…</p>`) have no
/// Markdown paragraph: their excerpt is the text of their HTML.
pub fn excerpt(body: &str, max_chars: usize) -> String {
    let mut text = String::new();
    let mut html = String::new();
    let mut depth_skipped = 0usize;
    let mut in_paragraph = false;
    for event in parse(body) {
        match event {
            Event::Html(block) if html.len() < 16 * max_chars => html.push_str(&block),
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                text.push(' ');
                if text.chars().count() > max_chars {
                    break;
                }
            }
            Event::Start(Tag::Image { .. } | Tag::FootnoteDefinition(_) | Tag::Heading { .. }) => {
                depth_skipped += 1
            }
            Event::End(TagEnd::Image | TagEnd::FootnoteDefinition | TagEnd::Heading(_)) => {
                depth_skipped = depth_skipped.saturating_sub(1)
            }
            Event::Text(t) | Event::Code(t) if in_paragraph && depth_skipped == 0 => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    if text.trim().is_empty() {
        text = html_text(&html);
    }
    truncate_words(&collapse_whitespace(&text), max_chars)
}

/// The text of raw HTML: its tags dropped, and scripts and styles with
/// their contents. The sanitizer reads every character reference, and its
/// serializer writes text back with only these four escaped (the HTML
/// standard's [serialization algorithm](https://html.spec.whatwg.org/multipage/parsing.html#escapingString)).
fn html_text(html: &str) -> String {
    // Blocks and line breaks end words: `<p>One.</p><p>Two.</p>` is two.
    let spaced = ["</p>", "</li>", "</div>", "</blockquote>", "</td>", "<br"]
        .iter()
        .fold(html.to_string(), |h, tag| {
            h.replace(tag, &format!(" {tag}"))
        });
    ammonia::Builder::empty()
        .clean_content_tags(["script", "style"].into())
        .clean(&spaced)
        .to_string()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_render_markdown_features() {
        let cases: &[(&str, &str, &str)] = &[
            ("heading anchor", "## Sponsor - Google\n", r##"<h2 id="sponsor-google">Sponsor - Google <a class="anchor" href="#sponsor-google""##),
            ("repeated headings", "## News\n\n## News\n", r#"<h2 id="news-1">"#),
            ("explicit heading id", "## News {#latest}\n", r#"<h2 id="latest">"#),
            ("accented heading", "### Ta vie, ton œuvre\n", r#"<h3 id="ta-vie-ton-oeuvre">"#),
            ("list", "- one\n- two\n", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
            ("link", "[Docker](https://www.docker.com)", r#"<a href="https://www.docker.com">Docker</a>"#),
            ("autolink", "<https://example.com>", r#"<a href="https://example.com">https://example.com</a>"#),
            ("table", "| a | b |\n|---|---|\n| 1 | 2 |\n", "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>"),
            ("footnote", "Text[^1]\n\n[^1]: Note.\n", r##"<sup class="footnote-reference"><a href="#1">1</a></sup>"##),
            ("strikethrough", "~~old~~", "<del>old</del>"),
            ("task list", "- [x] done\n- [ ] todo\n", r#"<input disabled="" type="checkbox" checked=""/>"#),
            ("hard break", "line  \nnext", "line<br />\nnext"),
            ("raw html kept for the sanitizer", "<p class=\"sponsor\">Hi</p>\n", "<p class=\"sponsor\">Hi</p>"),
            ("unresolved post link is text", "See [the post](liquid-unresolved:2001-01-01-x) now", "<p>See the post now</p>"),
            ("other links stay", "[a](liquid-unresolved:x) [b](https://b)", r#"a <a href="https://b">b</a>"#),
        ];
        for (name, md, want) in cases {
            let html = render(md, None);
            assert!(html.contains(want), "{name}: {html}");
        }
    }

    #[test]
    fn can_link_timestamps_but_not_in_code_or_links() {
        let t = Some(Timestamps {
            slug: "ep",
            max_seconds: Some(3600),
        });
        let link = |s: u32, text: &str| {
            format!(r#"<a class="timestamp" href="episodes/ep?t={s}">{text}</a>"#)
        };
        for (md, want) in [
            (
                "12:34 - Topic",
                format!("<p>{} - Topic</p>", link(754, "12:34")),
            ),
            (
                "- (45:07) Mail",
                format!("<li>({}) Mail</li>", link(2707, "45:07")),
            ),
            (
                "Past the end: 1:30:00",
                "<p>Past the end: 1:30:00</p>".to_string(),
            ),
            (
                "`12:34` in code",
                "<p><code>12:34</code> in code</p>".to_string(),
            ),
            (
                "```\n12:34\n```",
                "<pre><code>12:34\n</code></pre>".to_string(),
            ),
            (
                "[at 12:34](https://x.example/12:34)",
                r#"<a href="https://x.example/12:34">at 12:34</a>"#.to_string(),
            ),
            (
                "<https://x.example/a?t=12:34>",
                r#"<a href="https://x.example/a?t=12:34">https://x.example/a?t=12:34</a>"#
                    .to_string(),
            ),
        ] {
            let html = render(md, t);
            assert!(html.contains(&want), "{md:?}: {html}");
        }
    }

    #[test]
    fn can_extract_excerpts() {
        let cases: &[(&str, &str, usize, &str)] = &[
            ("first paragraph", "Hello *world*.\n\nSecond.", 9, "Hello…"),
            ("joins short paragraphs", "One.\n\nTwo.", 100, "One. Two."),
            (
                "skips headings and html",
                "## Title\n\n<p class=\"x\">raw</p>\n\nReal text.",
                100,
                "Real text.",
            ),
            ("skips images", "![cover](c.png) Caption.", 100, "Caption."),
            ("soft breaks become spaces", "a\nb", 100, "a b"),
            (
                "link text stays",
                "See [Docker](https://d).",
                100,
                "See Docker.",
            ),
            ("empty", "", 100, ""),
            (
                "notes in html",
                "<p>We turn the heap &amp; the stack.</p>\n<script>x()</script>\n<p>Then <b>more</b>.</p>\n",
                100,
                "We turn the heap & the stack. Then more.",
            ),
            (
                "blocks on one line",
                "<p>One.</p><p>Two<br>three.</p><ul><li>Four</li><li>five.</li></ul>\n",
                100,
                "One. Two three. Four five.",
            ),
        ];
        for (name, md, max, want) in cases {
            assert_eq!(excerpt(md, *max), *want, "{name}");
        }
    }
}

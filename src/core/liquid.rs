//! Jekyll's Liquid in show notes, expanded before Markdown.
//!
//! Jekyll runs Liquid (<https://jekyllrb.com/docs/liquid/>) over a post
//! before Markdown sees it, so this does the same on the raw body. Only the
//! tags, variables and filters podcast notes use are understood; every other
//! one is removed with a warning, so no `{%` or `{{` is ever shown to a
//! listener (`{% raw %}` text excepted: its author asked for it as written).
//! Editors that percent-encode links turn `{{ site.baseurl }}` into
//! `%7B%7B%20site.baseurl%20%7D%7D`; that form is expanded too.

use super::html::escape;
use super::url::percent_decode_lossy;
use std::borrow::Cow;
use std::ops::Range;

/// The link target given to a `{% post_url %}` (or Hugo `ref`) whose post is
/// not in the archive. The Markdown step unwraps such links to plain text.
pub const UNRESOLVED: &str = "liquid-unresolved:";

/// A tag that could not be honoured, at a 1-based line of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// What templates in one post's body may refer to: other posts, the post's
/// own front matter and the site's address. Shared by Liquid and Hugo
/// shortcodes ([`super::shortcode`]).
#[derive(Clone, Copy)]
pub struct TemplateContext<'a> {
    /// A post's file stem (`2013-01-16-sponsoring`) or path
    /// (`_posts/2013-01-16-sponsoring.md`) to the URL of its page.
    pub post_url: &'a dyn Fn(&str) -> Option<String>,
    /// This post's front-matter value for a key (`podcast_link`), as text.
    /// The key is passed as written; matching it is the caller's business.
    pub page: &'a dyn Fn(&str) -> Option<String>,
    /// The site's public address (`https://example.org`), if known. Without
    /// it `{{ site.url }}` is empty, which leaves links root-relative.
    pub site_url: Option<&'a str>,
    /// The site's path below its address (`/blog`), usually empty.
    pub site_baseurl: &'a str,
}

/// Expands Liquid in `body` with no front matter and no site address: only
/// `post_url` resolves. See [`expand_with`].
pub fn expand<'a>(
    body: &'a str,
    post_url: &dyn Fn(&str) -> Option<String>,
) -> (Cow<'a, str>, Vec<Warning>) {
    expand_with(
        body,
        &TemplateContext {
            post_url,
            page: &|_| None,
            site_url: None,
            site_baseurl: "",
        },
    )
}

/// Expands Jekyll Liquid (<https://jekyllrb.com/docs/liquid/>) in `body`:
///
/// - tags: `{% post_url %}`, `{% link %}`, `{% raw %}`, `{% highlight %}`,
///   `{% comment %}`; any other tag is removed with a warning;
/// - output: `{{ page.key }}` (front matter), `{{ site.url }}`,
///   `{{ site.baseurl }}` and quoted strings, through the filters
///   `relative_url`, `absolute_url`, `escape`, `xml_escape`, `strip`,
///   `lstrip`, `rstrip`, `upcase`, `downcase`, `append`, `prepend` and
///   `default` (<https://jekyllrb.com/docs/liquid/filters/>); other filters
///   are ignored with a warning, other variables removed with one.
///
/// Returns `body` itself, without copying, when it has no Liquid.
pub fn expand_with<'a>(body: &'a str, ctx: &TemplateContext) -> (Cow<'a, str>, Vec<Warning>) {
    if !body.contains("{%")
        && !body.contains("{{")
        && !(body.contains('%') && (contains_ci(body, "%7B%7B") || contains_ci(body, "%7B%25")))
    {
        return (Cow::Borrowed(body), Vec::new());
    }
    let mut out = String::with_capacity(body.len());
    let mut warnings = Vec::new();
    // Where `{% raw %}` text is in `out`.
    let mut raw = Vec::new();
    let mut rest = body;
    let line_at = |rest: &str| 1 + body[..body.len() - rest.len()].matches('\n').count();
    while let Some(start) = rest.find(['{', '%']) {
        let after = &rest[start..];
        let Some(delimiters) = DELIMITERS.iter().find(|d| starts_with_ci(after, d.open)) else {
            // `{` and `%` are one byte: the slice stays on a char boundary.
            out.push_str(&rest[..=start]);
            rest = &rest[start + 1..];
            continue;
        };
        let Delimiters {
            open,
            close,
            output,
            encoded,
        } = *delimiters;
        out.push_str(&rest[..start]);
        let line = line_at(after);
        // Searched after the opener: in `{%}`, the `%}` overlaps it.
        let Some(end) = find_ci(&after[open.len()..], close).map(|i| i + open.len()) else {
            warnings.push(Warning {
                line,
                message: format!("`{open}` is never closed by `{close}`; removed"),
            });
            rest = &after[open.len()..];
            continue;
        };
        let decoded;
        let inner = if encoded {
            decoded = percent_decode_lossy(&after[open.len()..end]);
            decoded.as_str()
        } else {
            &after[open.len()..end]
        };
        let inner = inner.trim_matches('-').trim();
        rest = &after[end + close.len()..];
        if output {
            out.push_str(&expand_output(inner, rest, line, ctx, &mut warnings));
            continue;
        }
        let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let args = args.trim();
        match name {
            "post_url" => match (ctx.post_url)(args) {
                Some(url) => out.push_str(&url),
                None => {
                    warnings.push(Warning {
                        line,
                        message: format!(
                            "post_url {args}: no such post in the archive; left as plain text"
                        ),
                    });
                    out.push_str(UNRESOLVED);
                    out.push_str(args);
                }
            },
            "link" => {
                // The asset's path from the site root; the URL step maps it
                // to the published file or to `assets_base`.
                let path = strip_site_outputs(args);
                if !path.starts_with('/') {
                    out.push('/');
                }
                out.push_str(path);
            }
            "raw" => {
                // Everything up to endraw is text, shown as written.
                let (text, after_raw) = split_at_tag(rest, "endraw");
                raw.push(out.len()..out.len() + text.len());
                out.push_str(text);
                rest = after_raw;
            }
            "highlight" => {
                let language = args.split_whitespace().next().unwrap_or("");
                out.push_str("```");
                out.push_str(language);
            }
            "endhighlight" => out.push_str("```"),
            "comment" => rest = split_at_tag(rest, "endcomment").1,
            _ => warnings.push(Warning {
                line,
                message: format!("unsupported Liquid tag `{{% {name} %}}` removed"),
            }),
        }
    }
    out.push_str(rest);
    for (at, removed) in remove_joined_delimiters(&mut out, &FORBIDDEN, &mut raw, &mut |_, _| {}) {
        warnings.push(Warning {
            line: 1 + out[..at].matches('\n').count(),
            message: format!("`{removed}` left over by removed Liquid; removed"),
        });
    }
    (Cow::Owned(out), warnings)
}

/// Template delimiters that must never reach a listener: Hugo's, Liquid's
/// and Liquid's percent-encoded (matched ignoring ASCII case).
pub const FORBIDDEN: [&str; 8] = ["{{<", "{{%", ">}}", "%}}", "{{", "{%", "%7B%7B", "%7B%25"];

/// Removes the `delimiters` that removing markup joined from its
/// neighbours (`%` + `{{ gone }}` + `}}`), outside the `keep` ranges (text
/// shown as written), which are moved along; `moved(at, len)` is told of
/// each removal, to move the caller's own offsets. Returns where each
/// removal happened in the final text, and what it removed.
pub fn remove_joined_delimiters(
    text: &mut String,
    delimiters: &[&str],
    keep: &mut [Range<usize>],
    moved: &mut dyn FnMut(usize, usize),
) -> Vec<(usize, String)> {
    let mut removals: Vec<(usize, String)> = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(['{', '>', '%']) {
        let at = from + found;
        let Some(len) = delimiters
            .iter()
            .find(|d| starts_with_ci(&text[at..], d))
            .map(|d| d.len())
            .filter(|len| !keep.iter().any(|k| k.start < at + len && at < k.end))
        else {
            from = at + 1;
            continue;
        };
        let removed: String = text.drain(at..at + len).collect();
        for k in keep.iter_mut() {
            *k = move_offset(k.start, at, len)..move_offset(k.end, at, len);
        }
        for r in &mut removals {
            r.0 = move_offset(r.0, at, len);
        }
        moved(at, len);
        removals.push((at, removed));
        // A new delimiter may end here: look again from two bytes back.
        from = at.saturating_sub(2);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
    }
    removals
}

/// Where `offset` goes when `len` bytes at `at` are removed.
pub fn move_offset(offset: usize, at: usize, len: usize) -> usize {
    if offset >= at + len {
        offset - len
    } else {
        offset.min(at)
    }
}

/// One kind of Liquid markup: a tag or an output, as written or
/// percent-encoded by an editor.
#[derive(Clone, Copy)]
struct Delimiters {
    open: &'static str,
    close: &'static str,
    output: bool,
    encoded: bool,
}

const DELIMITERS: [Delimiters; 4] = [
    Delimiters {
        open: "{{",
        close: "}}",
        output: true,
        encoded: false,
    },
    Delimiters {
        open: "{%",
        close: "%}",
        output: false,
        encoded: false,
    },
    Delimiters {
        open: "%7B%7B",
        close: "%7D%7D",
        output: true,
        encoded: true,
    },
    Delimiters {
        open: "%7B%25",
        close: "%25%7D",
        output: false,
        encoded: true,
    },
];

/// The text of one `{{ expression | filter: arg … }}`. `following` is the
/// body after it, to see whether it prefixes a `{% post_url %}`.
fn expand_output(
    expression: &str,
    following: &str,
    line: usize,
    ctx: &TemplateContext,
    warnings: &mut Vec<Warning>,
) -> String {
    let mut parts = split_unquoted(expression, '|').into_iter();
    let head = parts.next().unwrap_or_default().trim();
    let filters: Vec<&str> = parts.collect();
    let is_site = matches!(head, "site.url" | "site.baseurl");
    // `{{ site.url }}{% post_url x %}`: the post's page is an app route,
    // and `{% link %}` gives a path the URL step resolves, so the site's
    // address in front of either would only break them.
    if is_site && filters.is_empty() && prefixes_route(following) {
        return String::new();
    }
    let mut value = variable(head, ctx);
    let missing = || {
        if let Some(key) = head.strip_prefix("page.") {
            format!("`page.{key}` is not in the front matter; `{{{{ {expression} }}}}` removed")
        } else {
            format!("unsupported Liquid output `{{{{ {expression} }}}}` removed")
        }
    };
    for filter in filters {
        let (name, args) = filter
            .split_once(':')
            .map_or((filter.trim(), ""), |(n, a)| (n.trim(), a.trim()));
        let arg = || {
            split_unquoted(args, ',')
                .first()
                .map(|a| variable(a.trim(), ctx).unwrap_or_default())
                .unwrap_or_default()
        };
        value = match (name, value) {
            ("default", Some(v)) if !v.is_empty() => Some(v),
            ("default", _) => Some(arg()),
            (_, None) => None,
            ("relative_url", Some(v)) => Some(relative_url(&v, ctx)),
            ("absolute_url", Some(v)) => Some(absolute_url(&v, ctx)),
            ("escape" | "xml_escape", Some(v)) => Some(escape(&v)),
            ("strip", Some(v)) => Some(v.trim().to_string()),
            ("lstrip", Some(v)) => Some(v.trim_start().to_string()),
            ("rstrip", Some(v)) => Some(v.trim_end().to_string()),
            ("upcase", Some(v)) => Some(v.to_uppercase()),
            ("downcase", Some(v)) => Some(v.to_lowercase()),
            ("append", Some(v)) => Some(v + &arg()),
            ("prepend", Some(v)) => Some(arg() + &v),
            (_, Some(v)) => {
                warnings.push(Warning {
                    line,
                    message: format!("Liquid filter `{name}` ignored in `{{{{ {expression} }}}}`"),
                });
                Some(v)
            }
        };
    }
    match value {
        Some(v) => break_delimiters(&v).into_owned(),
        None => {
            warnings.push(Warning {
                line,
                message: missing(),
            });
            String::new()
        }
    }
}

/// The value of a Liquid variable or literal; `None` when it is nil (not in
/// the front matter, or not a variable this viewer knows).
fn variable(expression: &str, ctx: &TemplateContext) -> Option<String> {
    match expression {
        "site.url" => Some(ctx.site_url.unwrap_or("").trim_end_matches('/').to_string()),
        "site.baseurl" => Some(ctx.site_baseurl.trim_end_matches('/').to_string()),
        e if e.len() >= 2
            && (e.starts_with('"') && e.ends_with('"')
                || e.starts_with('\'') && e.ends_with('\'')) =>
        {
            Some(e[1..e.len() - 1].to_string())
        }
        e if !e.is_empty()
            && e.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') =>
        {
            Some(e.to_string())
        }
        e => e.strip_prefix("page.").and_then(|key| (ctx.page)(key)),
    }
}

/// Jekyll's `relative_url`: the path below the site's base URL.
fn relative_url(url: &str, ctx: &TemplateContext) -> String {
    if has_scheme(url) {
        return url.to_string();
    }
    let base = ctx.site_baseurl.trim_end_matches('/');
    let base_slash = if base.is_empty() || base.starts_with('/') {
        ""
    } else {
        "/"
    };
    let slash = if url.starts_with('/') { "" } else { "/" };
    format!("{base_slash}{base}{slash}{url}")
}

/// Jekyll's `absolute_url`: the site's address and `relative_url`; without
/// an address, `relative_url` alone, which the URL step resolves.
fn absolute_url(url: &str, ctx: &TemplateContext) -> String {
    if has_scheme(url) {
        return url.to_string();
    }
    let site = ctx.site_url.unwrap_or("").trim_end_matches('/');
    format!("{site}{}", relative_url(url, ctx))
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`).
fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Whether `s` starts with site-address outputs and then a `{% post_url %}`
/// or `{% link %}` tag.
fn prefixes_route(mut s: &str) -> bool {
    loop {
        if let Some(r) = s.strip_prefix("{{") {
            let Some(end) = r.find("}}") else {
                return false;
            };
            if !matches!(
                r[..end].trim_matches('-').trim(),
                "site.url" | "site.baseurl"
            ) {
                return false;
            }
            s = &r[end + 2..];
        } else if let Some(r) = s.strip_prefix("{%") {
            let name = r.trim_start_matches('-').split_whitespace().next();
            return matches!(name, Some("post_url" | "link"));
        } else {
            return false;
        }
    }
}

/// `{% link {{ site.baseurl }}/x.png %}` → `/x.png`.
fn strip_site_outputs(mut s: &str) -> &str {
    while let Some(r) = s.strip_prefix("{{") {
        match r.find("}}") {
            Some(end) if matches!(r[..end].trim(), "site.url" | "site.baseurl") => {
                s = r[end + 2..].trim_start()
            }
            _ => break,
        }
    }
    s
}

/// A value put into the notes (front matter, shortcode arguments) with a
/// space inside any `{{`, `{%`, `%}` or `}}` it holds, so that it never
/// reads as template markup on the page: values are not templates.
pub fn break_delimiters(s: &str) -> Cow<'_, str> {
    if !["{{", "{%", "%}", "}}"].iter().any(|d| s.contains(d)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 4);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if let Some(&next) = chars.peek() {
            if matches!((c, next), ('{', '{' | '%') | ('%' | '}', '}')) {
                out.push(' ');
            }
        }
    }
    Cow::Owned(out)
}

/// Splits at `separator` outside single or double quotes.
fn split_unquoted(s: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut from = 0;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c == separator => {
                parts.push(&s[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[from..]);
    parts
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The byte offset of ASCII `needle` in `s`, ignoring ASCII case.
fn find_ci(s: &str, needle: &str) -> Option<usize> {
    s.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn contains_ci(s: &str, needle: &str) -> bool {
    find_ci(s, needle).is_some()
}

/// Splits `s` at the first `{% name %}` tag: (before, after the tag).
fn split_at_tag<'a>(s: &'a str, name: &str) -> (&'a str, &'a str) {
    let mut from = 0;
    while let Some(i) = s[from..].find("{%") {
        let start = from + i;
        if let Some(len) = s[start + 2..].find("%}") {
            if s[start + 2..start + 2 + len].trim_matches('-').trim() == name {
                return (&s[..start], &s[start + 2 + len + 2..]);
            }
        }
        from = start + 2;
    }
    (s, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(name: &str) -> Option<String> {
        (name == "2013-01-16-sponsoring").then(|| "episodes/sponsoring".to_string())
    }

    fn page(key: &str) -> Option<String> {
        let value = match key {
            "title" => "Tom & Jerry <live>",
            "podcast_link" => "https://cdn.example/ep12.mp3",
            "cover" => "/images/ep12.png",
            "padded" => "  spaced  ",
            "empty" => "",
            "sneaky" => "a {{ b }} c {% d %}",
            _ => return None,
        };
        Some(value.to_string())
    }

    /// Expands `input` for a site at `site_url` + `baseurl`.
    fn expand_site(input: &str, site_url: Option<&str>, baseurl: &str) -> (String, Vec<Warning>) {
        let ctx = TemplateContext {
            post_url: &posts,
            page: &page,
            site_url,
            site_baseurl: baseurl,
        };
        let (out, warnings) = expand_with(input, &ctx);
        (out.into_owned(), warnings)
    }

    #[test]
    fn can_expand_liquid_tags() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "post_url",
                "[sponsoring]({% post_url 2013-01-16-sponsoring %})",
                "[sponsoring](episodes/sponsoring)",
            ),
            (
                "post_url with trim markers",
                "{%- post_url 2013-01-16-sponsoring -%}",
                "episodes/sponsoring",
            ),
            (
                "link",
                r#"<img src="{% link /images/blog/team.jpg %}"/>"#,
                r#"<img src="/images/blog/team.jpg"/>"#,
            ),
            (
                "link without slash",
                "{% link images/a.png %}",
                "/images/a.png",
            ),
            (
                "link with the base URL inside",
                "{% link {{site.baseurl}}/images/a.png %}",
                "/images/a.png",
            ),
            (
                "site.url output",
                "[x]({{ site.url }}/about)",
                "[x](/about)",
            ),
            (
                "site.baseurl output",
                "![]({{site.baseurl}}/a.png)",
                "![](/a.png)",
            ),
            (
                "raw",
                "{% raw %}{{ not liquid }}{% endraw %} after",
                "{{ not liquid }} after",
            ),
            (
                "highlight",
                "{% highlight ruby %}\nputs 1\n{% endhighlight %}",
                "```ruby\nputs 1\n```",
            ),
            ("comment", "a{% comment %}hidden{% endcomment %}b", "ab"),
            ("plain braces", "a {b} {c", "a {b} {c"),
            (
                "percent signs",
                "100% sure, 50%7 off",
                "100% sure, 50%7 off",
            ),
            ("no liquid", "plain text", "plain text"),
        ];
        for (name, input, want) in cases {
            let (got, warnings) = expand(input, &posts);
            assert_eq!(got, *want, "{name}");
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        }
    }

    #[test]
    fn can_expand_page_and_site_variables_with_filters() {
        let site = Some("https://example.org/");
        let cases: &[(&str, Option<&str>, &str, &str, &str)] = &[
            (
                "front-matter value",
                None,
                "",
                r#"<source src="{{ page.podcast_link }}" type="audio/mpeg">"#,
                r#"<source src="https://cdn.example/ep12.mp3" type="audio/mpeg">"#,
            ),
            (
                "front-matter value with trim markers",
                None,
                "",
                "[MP3]({{- page.podcast_link -}})",
                "[MP3](https://cdn.example/ep12.mp3)",
            ),
            (
                "site.url",
                site,
                "",
                "[feed]({{ site.url }}/feed.xml)",
                "[feed](https://example.org/feed.xml)",
            ),
            (
                "site.url and site.baseurl",
                site,
                "/blog/",
                "{{ site.url }}{{ site.baseurl }}/a.png",
                "https://example.org/blog/a.png",
            ),
            (
                "site address before post_url is dropped",
                site,
                "/blog",
                "[x]({{ site.url }}{{ site.baseurl }}{% post_url 2013-01-16-sponsoring %})",
                "[x](episodes/sponsoring)",
            ),
            (
                "base URL before link is dropped",
                site,
                "/blog",
                "![]({{ site.baseurl }}{% link /images/a.png %})",
                "![](/images/a.png)",
            ),
            (
                "escape",
                None,
                "",
                "<h1>{{ page.title | escape }}</h1>",
                "<h1>Tom &amp; Jerry &lt;live&gt;</h1>",
            ),
            (
                "xml_escape",
                None,
                "",
                "{{ page.title | xml_escape }}",
                "Tom &amp; Jerry &lt;live&gt;",
            ),
            (
                "relative_url with a base URL",
                None,
                "/blog",
                "![]({{ page.cover | relative_url }})",
                "![](/blog/images/ep12.png)",
            ),
            (
                "relative_url of a string",
                None,
                "",
                r#"![]({{ "assets/x.png" | relative_url }})"#,
                "![](/assets/x.png)",
            ),
            (
                "relative_url keeps absolute URLs",
                None,
                "/blog",
                "{{ page.podcast_link | relative_url }}",
                "https://cdn.example/ep12.mp3",
            ),
            (
                "absolute_url",
                site,
                "/blog",
                "{{ page.cover | absolute_url }}",
                "https://example.org/blog/images/ep12.png",
            ),
            (
                "absolute_url without a site address",
                None,
                "",
                "{{ '/x.png' | absolute_url }}",
                "/x.png",
            ),
            ("strip", None, "", "[{{ page.padded | strip }}]", "[spaced]"),
            (
                "default for a missing value",
                None,
                "",
                r#"{{ page.subtitle | default: "No subtitle" }}"#,
                "No subtitle",
            ),
            (
                "default for an empty value",
                None,
                "",
                "{{ page.empty | default: 'none' }}",
                "none",
            ),
            (
                "default not needed",
                None,
                "",
                r#"{{ page.cover | default: "x" }}"#,
                "/images/ep12.png",
            ),
            (
                "append, prepend, upcase",
                site,
                "",
                r#"{{ site.url | append: "/feed.xml" | prepend: "<" | upcase }}"#,
                "<HTTPS://EXAMPLE.ORG/FEED.XML",
            ),
            (
                "a pipe inside quotes is not a filter",
                None,
                "",
                r#"{{ "a | b" | downcase }}"#,
                "a | b",
            ),
            (
                "percent-encoded by an editor",
                None,
                "/blog",
                "![](%7B%7B%20site.baseurl%20%7D%7D/a.png) [x](%7b%25%20post_url%202013-01-16-sponsoring%20%25%7d)",
                "![](/blog/a.png) [x](episodes/sponsoring)",
            ),
            (
                "values are not templates",
                None,
                "",
                "{{ page.sneaky }}",
                "a { { b } } c { % d % }",
            ),
        ];
        for (name, site_url, baseurl, input, want) in cases {
            let (got, warnings) = expand_site(input, *site_url, baseurl);
            assert_eq!(got, *want, "{name}");
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        }
    }

    #[test]
    fn errors_if_liquid_cannot_be_honoured_but_no_tag_survives() {
        let cases: &[(&str, &str, &str, usize, &str)] = &[
            (
                "unknown post",
                "one\n[x]({% post_url 2001-01-01-gone %})",
                "one\n[x](liquid-unresolved:2001-01-01-gone)",
                2,
                "no such post",
            ),
            (
                "unsupported tag",
                "a {% include sponsor.html %} b",
                "a  b",
                1,
                "unsupported Liquid tag `{% include %}`",
            ),
            (
                "missing front-matter value",
                "\n\n{{ page.subtitle }}",
                "\n\n",
                3,
                "`page.subtitle` is not in the front matter",
            ),
            (
                "unknown output",
                "a {{ content }} b",
                "a  b",
                1,
                "unsupported Liquid output `{{ content }}`",
            ),
            (
                "unknown filter is ignored",
                "\n{{ page.cover | date: \"%Y\" }}",
                "\n/images/ep12.png",
                2,
                "Liquid filter `date` ignored",
            ),
            (
                "unknown output with a filter",
                "{{ site.title | escape }}",
                "",
                1,
                "unsupported Liquid output `{{ site.title | escape }}`",
            ),
            ("unclosed tag", "a {% oops", "a  oops", 1, "never closed"),
            ("unclosed output", "a {{ oops", "a  oops", 1, "never closed"),
            (
                "unclosed encoded output",
                "[x](%7B%7B%20site.url)",
                "[x](%20site.url)",
                1,
                "`%7B%7B` is never closed by `%7D%7D`",
            ),
        ];
        for (name, input, want, line, message) in cases {
            let (got, warnings) = expand_site(input, None, "");
            assert_eq!(got, *want, "{name}");
            for banned in ["{%", "{{", "%7B%7B"] {
                assert!(!got.contains(banned), "{name}: {got}");
            }
            assert_eq!(warnings.len(), 1, "{name}: {warnings:?}");
            assert_eq!(warnings[0].line, *line, "{name}");
            assert!(
                warnings[0].message.contains(message),
                "{name}: {}",
                warnings[0].message
            );
        }
    }

    #[test]
    fn errors_if_removals_join_delimiters_but_none_survives() {
        for (input, want, left_over) in [
            ("%{{ content }}}} a", " a", "`%}}` left over"),
            (r#"{{ "{" }}{ b"#, " b", "`{{` left over"),
            (
                "x\n{% raw %}{{ kept }}{% endraw %}%{{ content }}}}",
                "x\n{{ kept }}",
                "`%}}` left over",
            ),
        ] {
            let (got, warnings) = expand_site(input, None, "");
            assert_eq!(got, want, "{input:?}");
            assert!(
                warnings.iter().any(|w| w.message.contains(left_over)),
                "{input:?}: {warnings:?}"
            );
        }
    }

    #[test]
    fn can_skip_work_without_liquid() {
        let body = "No templates here, 100% {plain}.";
        assert!(matches!(expand(body, &posts).0, Cow::Borrowed(_)));
    }

    /// Found by fuzzing (fuzz target `notes`): a `%}` that overlaps its own
    /// `{%` made the tag's inner text a reversed slice and panicked.
    #[test]
    fn regression_tag_closed_inside_its_opener() {
        for (input, want) in [
            ("# Intro {%}\n", "# Intro }\n"),
            ("{%}", "}"),
            ("{{}}", ""),
            ("{% raw %}a{%}b", "a{%}b"),
            ("{% comment %}{%}{% endcomment %}c", "c"),
            ("%7B%25%7D", "%7D"),
            ("é{{ page.title }}é%", "éTom & Jerry <live>é%"),
        ] {
            let (got, _) = expand_site(input, None, "");
            assert_eq!(got, want, "{input:?}");
        }
    }
}

//! Jekyll's Liquid tags in show notes, expanded before Markdown.
//!
//! Jekyll runs Liquid over a post before Markdown sees it, so this does the
//! same on the raw body. Only the tags podcast notes use are understood;
//! every other tag is removed with a warning, so no `{%` or `{{` is ever
//! shown to a listener.

use std::borrow::Cow;

/// The link target given to a `{% post_url %}` whose post is not in the
/// archive. The Markdown step unwraps such links to plain text.
pub const UNRESOLVED: &str = "liquid-unresolved:";

/// A tag that could not be honoured, at a 1-based line of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// Expands Liquid in `body`. `post_url` maps a post name such as
/// `2013-01-16-sponsoring` to the URL of its page.
pub fn expand<'a>(
    body: &'a str,
    post_url: &dyn Fn(&str) -> Option<String>,
) -> (Cow<'a, str>, Vec<Warning>) {
    if !body.contains("{%") && !body.contains("{{") {
        return (Cow::Borrowed(body), Vec::new());
    }
    let mut out = String::with_capacity(body.len());
    let mut warnings = Vec::new();
    let mut rest = body;
    let line_at = |rest: &str| 1 + body[..body.len() - rest.len()].matches('\n').count();
    while let Some(start) = rest.find(['{']) {
        let after = &rest[start..];
        let (open, close) = if after.starts_with("{%") {
            ("{%", "%}")
        } else if after.starts_with("{{") {
            ("{{", "}}")
        } else {
            out.push_str(&rest[..=start]);
            rest = &rest[start + 1..];
            continue;
        };
        out.push_str(&rest[..start]);
        let line = line_at(&rest[start..]);
        // Searched after the opener: in `{%}`, the `%}` overlaps it.
        let Some(end) = after[2..].find(close).map(|i| i + 2) else {
            warnings.push(Warning {
                line,
                message: format!("`{open}` is never closed by `{close}`; removed"),
            });
            rest = &after[2..];
            continue;
        };
        let inner = after[2..end].trim_matches('-').trim();
        rest = &after[end + 2..];
        if open == "{{" {
            expand_output(inner, line, &mut warnings);
            continue;
        }
        let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let args = args.trim();
        match name {
            "post_url" => match post_url(args) {
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
                let path = args.trim_start_matches("{{ site.baseurl }}");
                if !path.starts_with('/') {
                    out.push('/');
                }
                out.push_str(path);
            }
            "raw" => {
                // Everything up to endraw is text, shown as written.
                let (text, after_raw) = split_at_tag(rest, "endraw");
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
    (Cow::Owned(out), warnings)
}

/// `{{ site.url }}` and `{{ site.baseurl }}` prefix root-relative links in
/// Jekyll templates: dropping them leaves the root-relative link, which the
/// URL step resolves. Any other output is unknown here.
fn expand_output(expression: &str, line: usize, warnings: &mut Vec<Warning>) {
    if !matches!(expression, "site.url" | "site.baseurl") {
        warnings.push(Warning {
            line,
            message: format!("unsupported Liquid output `{{{{ {expression} }}}}` removed"),
        });
    }
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
            ("no liquid", "plain text", "plain text"),
        ];
        for (name, input, want) in cases {
            let (got, warnings) = expand(input, &posts);
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
                "unknown output",
                "\n\n{{ page.title }}",
                "\n\n",
                3,
                "unsupported Liquid output",
            ),
            ("unclosed tag", "a {% oops", "a  oops", 1, "never closed"),
            ("unclosed output", "a {{ oops", "a  oops", 1, "never closed"),
        ];
        for (name, input, want, line, message) in cases {
            let (got, warnings) = expand(input, &posts);
            assert_eq!(got, *want, "{name}");
            assert!(!got.contains("{%") && !got.contains("{{"), "{name}");
            assert_eq!(warnings.len(), 1, "{name}: {warnings:?}");
            assert_eq!(warnings[0].line, *line, "{name}");
            assert!(
                warnings[0].message.contains(message),
                "{name}: {}",
                warnings[0].message
            );
        }
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
        ] {
            let (got, _) = expand(input, &posts);
            assert_eq!(got, want, "{input:?}");
        }
    }
}

//! Hugo shortcodes in show notes, expanded before Markdown.
//!
//! Hugo (<https://gohugo.io/content-management/shortcodes/>) calls templates
//! from content: `{{< name args >}}` and `{{% name args %}}`, self-closing
//! `{{< name />}}`, paired `{{< name >}}inner{{< /name >}}`, and
//! commented-out `{{</* name */>}}`. Arguments are positional or named
//! (`key=value`), bare, `"quoted"` or `` `raw` ``. The viewer has no
//! templates, so this does what Hugo's built-in shortcodes mean, in one pass
//! over the body like [`super::liquid`]: figures and video embeds become
//! HTML, `ref` becomes the episode's URL, `highlight` a fenced code block.
//! Any other shortcode is removed with a warning, a paired one keeping its
//! content, so no shortcode delimiter is ever shown to a listener.

use super::html;
use super::liquid::{
    break_delimiters, move_offset, remove_joined_delimiters, TemplateContext, Warning, FORBIDDEN,
    UNRESOLVED,
};
use super::order;
use std::borrow::Cow;

/// A body with its shortcodes expanded.
#[derive(Debug)]
pub struct Expanded<'a> {
    pub text: Cow<'a, str>,
    /// Problems worth a warning, at 1-based lines of the body.
    pub warnings: Vec<Warning>,
    /// (line of `text`, line of the body) where each stretch of the body's
    /// own text starts in `text`, in order.
    lines: Vec<(usize, usize)>,
}

impl Expanded<'_> {
    /// The 1-based line of the body that 1-based `line` of `text` comes
    /// from, for warnings of a later pass over `text`.
    pub fn body_line(&self, line: usize) -> usize {
        match self.lines.partition_point(|&(text, _)| text <= line) {
            0 => line,
            i => {
                let (text, body) = self.lines[i - 1];
                body + (line - text)
            }
        }
    }
}

/// Expands the Hugo shortcodes
/// (<https://gohugo.io/content-management/shortcodes/>) of `body`:
///
/// - `figure` → `<figure>` with its image, link and caption;
/// - `youtube`, `vimeo` → the players' embeds the sanitizer allows;
/// - `ref`, `relref` → the episode's URL (`ctx.post_url`), by file name;
/// - `param` → the front-matter value (`ctx.page`);
/// - `highlight` → a fenced code block; `details` → `<details>`;
///   `comment` → nothing;
/// - `gist`, `x`, `tweet`, `instagram` → a link to the post;
/// - any other shortcode → removed with a warning, its content kept.
///
/// Returns `body` itself, without copying, when it has no shortcode.
pub fn expand<'a>(body: &'a str, ctx: &TemplateContext) -> Expanded<'a> {
    if !["{{<", "{{%", ">}}", "%}}"]
        .iter()
        .any(|d| body.contains(d))
    {
        return Expanded {
            text: Cow::Borrowed(body),
            warnings: Vec::new(),
            lines: Vec::new(),
        };
    }
    let mut x = Expander {
        body,
        ctx,
        out: String::with_capacity(body.len() + body.len() / 4),
        warnings: Vec::new(),
        open: Vec::new(),
        marks: Vec::new(),
        copied: (usize::MAX, 0),
        counted: 0,
        line: 1,
    };
    x.run();
    let Expander { out, marks, .. } = &mut x;
    let removals = remove_joined_delimiters(out, &FORBIDDEN[..4], &mut [], &mut |at, len| {
        for mark in marks.iter_mut() {
            mark.0 = move_offset(mark.0, at, len);
        }
    });
    for (at, removed) in removals {
        let line = match x.marks.partition_point(|&(offset, _)| offset <= at) {
            0 => 1 + x.out[..at].matches('\n').count(),
            i => {
                let (offset, line) = x.marks[i - 1];
                line + x.out[offset..at].matches('\n').count()
            }
        };
        x.warn(
            line,
            format!("`{removed}` left over by removed shortcodes; removed"),
        );
    }
    let mut lines = Vec::with_capacity(x.marks.len());
    let (mut line, mut at) = (1, 0);
    for &(offset, body_line) in &x.marks {
        line += x.out.as_bytes()[at..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        at = offset;
        lines.push((line, body_line));
    }
    order::sort_by_key(&mut x.warnings, |w| w.line);
    Expanded {
        text: Cow::Owned(x.out),
        warnings: x.warnings,
        lines,
    }
}

/// One shortcode call.
#[derive(Debug)]
struct Tag {
    name: String,
    args: Vec<Arg>,
    line: usize,
}

#[derive(Debug)]
struct Arg {
    key: Option<String>,
    value: String,
}

impl Tag {
    /// A named argument, if given and not empty.
    fn get(&self, key: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|a| a.key.as_deref() == Some(key))
            .map(|a| a.value.as_str())
            .filter(|v| !v.is_empty())
    }

    /// The named argument `key`, else the `i`th positional one.
    fn arg(&self, key: &str, i: usize) -> Option<&str> {
        self.get(key).or_else(|| {
            self.args
                .iter()
                .filter(|a| a.key.is_none())
                .nth(i)
                .map(|a| a.value.as_str())
                .filter(|v| !v.is_empty())
        })
    }
}

/// A shortcode that may be paired, waiting for its closing tag.
struct Open {
    tag: Tag,
    /// Where its content starts in the output.
    start: usize,
}

struct Expander<'a, 'c> {
    body: &'a str,
    ctx: &'c TemplateContext<'c>,
    out: String,
    warnings: Vec<Warning>,
    /// Open shortcodes, innermost last.
    open: Vec<Open>,
    /// (offset in `out`, line of the body) where each stretch of the body's
    /// text was copied, in order.
    marks: Vec<(usize, usize)>,
    /// (output length, body offset) at the end of the last copy.
    copied: (usize, usize),
    /// The line of the body at byte `counted`.
    counted: usize,
    line: usize,
}

/// Built-in shortcodes that take content.
const PAIRED: &[&str] = &["highlight", "details", "comment"];

/// Built-in shortcodes that take no content: never wait for a closing tag.
const STANDALONE: &[&str] = &[
    "figure",
    "youtube",
    "vimeo",
    "ref",
    "relref",
    "param",
    "gist",
    "x",
    "tweet",
    "instagram",
];

impl Expander<'_, '_> {
    fn run(&mut self) {
        let body = self.body;
        let mut pos = 0;
        while let Some(found) = body[pos..].find(['{', '>', '%']) {
            let at = pos + found;
            let here = &body[at..];
            if here.starts_with("{{<") || here.starts_with("{{%") {
                self.copy(pos, at);
                pos = self.shortcode(at);
            } else if here.starts_with(">}}") || here.starts_with("%}}") {
                self.copy(pos, at);
                let line = self.line_at(at);
                self.warn(
                    line,
                    format!("stray `{}` removed: no shortcode opens it", &here[..3]),
                );
                pos = at + 3;
            } else {
                // The three are one byte each: `at + 1` is a char boundary.
                self.copy(pos, at + 1);
                pos = at + 1;
            }
        }
        self.copy(pos, body.len());
        while let Some(open) = self.open.pop() {
            self.unclosed(open.tag);
        }
    }

    /// The 1-based line of byte `at` of the body; `at` never decreases.
    fn line_at(&mut self, at: usize) -> usize {
        self.line += self.body.as_bytes()[self.counted..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.counted = at;
        self.line
    }

    /// Copies `body[from..to]` to the output.
    fn copy(&mut self, from: usize, to: usize) {
        if from < to {
            // A stretch that continues the last one needs no mark.
            if self.copied != (self.out.len(), from) {
                let line = self.line_at(from);
                self.marks.push((self.out.len(), line));
            }
            self.out.push_str(&self.body[from..to]);
            self.copied = (self.out.len(), to);
        }
    }

    /// One warning per message and line.
    fn warn(&mut self, line: usize, message: String) {
        if !self
            .warnings
            .iter()
            .any(|w| w.line == line && w.message == message)
        {
            self.warnings.push(Warning { line, message });
        }
    }

    /// Handles the shortcode opening at `at`; returns where the body
    /// continues.
    fn shortcode(&mut self, at: usize) -> usize {
        let line = self.line_at(at);
        let opener = &self.body[at..at + 3];
        let closer = if opener == "{{<" { ">}}" } else { "%}}" };
        let start = at + 3;
        let s = &self.body[start..];
        let trimmed = s.trim_start();
        if let Some(comment) = trimmed.strip_prefix("/*") {
            if let Some(len) = comment_len(comment) {
                self.warn(
                    line,
                    format!(
                        "commented-out Hugo shortcode `{opener}/* … */{closer}` removed: \
                         its text would show template markup"
                    ),
                );
                return start + (s.len() - trimmed.len()) + 2 + len;
            }
        }
        match lex(s) {
            Some(lexed) => {
                let end = start + lexed.len;
                self.tag(lexed, line);
                end
            }
            None => match find_closer(s) {
                Some(end) => {
                    self.warn(line, "malformed Hugo shortcode removed".to_string());
                    start + end
                }
                None => {
                    self.warn(
                        line,
                        format!("`{opener}` is never closed by `{closer}`; removed"),
                    );
                    start
                }
            },
        }
    }

    fn tag(&mut self, lexed: Lexed, line: usize) {
        let Lexed {
            name,
            args,
            closing,
            self_closing,
            ..
        } = lexed;
        let tag = Tag { name, args, line };
        if closing {
            return self.close(tag);
        }
        if STANDALONE.contains(&tag.name.as_str()) {
            self.standalone(&tag);
        } else if self_closing && PAIRED.contains(&tag.name.as_str()) {
            let start = self.out.len();
            self.paired(tag, String::new(), start);
        } else if self_closing {
            let message = format!("unsupported Hugo shortcode `{}` removed", tag.name);
            self.warn(tag.line, message);
        } else {
            let start = self.out.len();
            self.open.push(Open { tag, start });
        }
    }

    /// A closing tag: pairs it with the innermost open shortcode of its
    /// name; open ones inside that are left unpaired.
    fn close(&mut self, closing: Tag) {
        let Some(i) = self.open.iter().rposition(|o| o.tag.name == closing.name) else {
            let message = format!(
                "closing Hugo shortcode `/{}` has no opening one; removed",
                closing.name
            );
            return self.warn(closing.line, message);
        };
        while self.open.len() > i + 1 {
            let inner = self.open.pop().expect("longer than i + 1");
            self.unclosed(inner.tag);
        }
        let open = self.open.pop().expect("found at i");
        let content = self.out.split_off(open.start);
        self.paired(open.tag, content, open.start);
    }

    /// A shortcode whose closing tag never came: its content stays.
    fn unclosed(&mut self, tag: Tag) {
        let message = match tag.name.as_str() {
            name if PAIRED.contains(&name) => format!(
                "`{}` shortcode is never closed by `/{}`; removed, its content kept",
                tag.name, tag.name
            ),
            name => format!("unsupported Hugo shortcode `{name}` removed"),
        };
        self.warn(tag.line, message);
    }

    /// A paired shortcode and its content (already expanded), which was
    /// taken from the output at `start`.
    fn paired(&mut self, tag: Tag, content: String, start: usize) {
        match tag.name.as_str() {
            "highlight" => {
                let language: String = tag
                    .arg("lang", 0)
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '#' | '.'))
                    .collect();
                let fence = "`".repeat(longest_run(&content, '`').max(2) + 1);
                let before = format!(
                    "{fence}{language}{}",
                    if content.starts_with('\n') { "" } else { "\n" }
                );
                let after = format!(
                    "{}{fence}\n\n",
                    if content.ends_with('\n') { "" } else { "\n" }
                );
                self.wrap(start, content, &before, &after);
            }
            "details" => {
                let summary = escape(tag.get("summary").unwrap_or("Details"));
                let before = format!("<details><summary>{summary}</summary>\n\n");
                self.wrap(start, content, &before, "\n\n</details>\n\n");
            }
            "comment" => self.drop_content(start),
            name if name.ends_with(".inline") => {
                self.drop_content(start);
                self.warn(
                    tag.line,
                    format!("inline Hugo shortcode `{name}` removed with its template"),
                );
            }
            name => {
                self.out.push_str(&content);
                self.warn(
                    tag.line,
                    format!("unsupported Hugo shortcode `{name}` removed; its content is kept"),
                );
            }
        }
    }

    /// Puts `content` back at `start` (the end of the output) as a block
    /// between `before` and `after`, moving its line marks along.
    fn wrap(&mut self, start: usize, content: String, before: &str, after: &str) {
        self.block_start();
        self.out.push_str(before);
        let shift = self.out.len() - start;
        for mark in self.marks.iter_mut().rev() {
            if mark.0 < start {
                break;
            }
            mark.0 += shift;
        }
        self.out.push_str(&content);
        self.out.push_str(after);
    }

    fn drop_content(&mut self, start: usize) {
        let keep = self.marks.partition_point(|&(offset, _)| offset < start);
        self.marks.truncate(keep);
    }

    /// Starts a line after a blank one, so that Markdown reads what comes
    /// next as a block (raw HTML blocks start a line).
    fn block_start(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push_str(if self.out.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            });
        }
    }

    /// A block of HTML, with blank lines around it.
    fn block(&mut self, html: &str) {
        self.block_start();
        self.out.push_str(html);
        self.out.push_str("\n\n");
    }

    fn standalone(&mut self, tag: &Tag) {
        match tag.name.as_str() {
            "figure" => self.figure(tag),
            "youtube" => self.video(tag, &YOUTUBE),
            "vimeo" => self.video(tag, &VIMEO),
            "ref" | "relref" => self.reference(tag),
            "param" => match tag.arg("name", 0).map(|key| (key, (self.ctx.page)(key))) {
                Some((_, Some(value))) => self.out.push_str(&break_delimiters(&value)),
                Some((key, None)) => {
                    let message = format!("param `{key}` is not in the front matter; removed");
                    self.warn(tag.line, message);
                }
                None => self.warn(tag.line, "param without a name removed".to_string()),
            },
            _ => self.social(tag),
        }
    }

    /// Hugo's `figure` (<https://gohugo.io/shortcodes/figure/>).
    fn figure(&mut self, tag: &Tag) {
        let Some(src) = tag.get("src") else {
            return self.warn(tag.line, "figure without `src` removed".to_string());
        };
        let mut html = String::from("<figure");
        if let Some(class) = tag.get("class") {
            html += &format!(r#" class="{}""#, escape(class));
        }
        html.push('>');
        let link = tag.get("link");
        if let Some(link) = link {
            html += &format!(r#"<a href="{}">"#, escape(link));
        }
        html += &format!(r#"<img src="{}""#, escape(src));
        if let Some(alt) = tag.get("alt").or(tag.get("caption")) {
            html += &format!(r#" alt="{}""#, escape(alt));
        }
        for key in ["width", "height"] {
            let pixels = tag.get(key).map(|v| v.trim_end_matches("px"));
            if let Some(v) = pixels.filter(|v| v.bytes().all(|b| b.is_ascii_digit())) {
                html += &format!(r#" {key}="{v}""#);
            }
        }
        if let Some(loading) = tag
            .get("loading")
            .filter(|l| matches!(*l, "lazy" | "eager"))
        {
            html += &format!(r#" loading="{loading}""#);
        }
        html.push('>');
        if link.is_some() {
            html += "</a>";
        }
        let mut caption = Vec::new();
        if let Some(title) = tag.get("title") {
            caption.push(format!("<strong>{}</strong>", escape(title)));
        }
        if let Some(text) = tag.get("caption") {
            caption.push(escape(text));
        }
        match (tag.get("attr"), tag.get("attrlink")) {
            (Some(attr), Some(link)) => caption.push(format!(
                r#"<a href="{}">{}</a>"#,
                escape(link),
                escape(attr)
            )),
            (Some(attr), None) => caption.push(escape(attr)),
            _ => {}
        }
        if !caption.is_empty() {
            html += &format!("<figcaption>{}</figcaption>", caption.join(" "));
        }
        html += "</figure>";
        self.block(&html);
    }

    /// Hugo's `youtube` and `vimeo`: the player, sandboxed by the sanitizer.
    fn video(&mut self, tag: &Tag, player: &Player) {
        let name = &tag.name;
        let Some(id) = tag.arg("id", 0) else {
            return self.warn(tag.line, format!("{name} without a video id removed"));
        };
        if !is_id(id) {
            self.warn(
                tag.line,
                format!("{name}: `{id}` is not a video id; linked instead of embedded"),
            );
            let url = format!("{}{}", player.page, encode(id));
            return self.out.push_str(&format!("<{url}>"));
        }
        let mut src = format!("{}{id}", player.embed);
        if player.timed {
            let times: Vec<String> = ["start", "end"]
                .iter()
                .filter_map(|&k| {
                    let t = tag.get(k)?;
                    t.bytes()
                        .all(|b| b.is_ascii_digit())
                        .then(|| format!("{k}={t}"))
                })
                .collect();
            if !times.is_empty() {
                src += &format!("?{}", times.join("&amp;"));
            }
        }
        let title = escape(tag.get("title").unwrap_or(player.title));
        self.block(&format!(
            r#"<iframe src="{src}" title="{title}" allowfullscreen loading="lazy"></iframe>"#
        ));
    }

    /// Hugo's `ref` and `relref`: the URL of the episode a content file
    /// holds, or nothing, with a warning, when the archive lacks it.
    fn reference(&mut self, tag: &Tag) {
        let name = &tag.name;
        let Some(target) = tag.arg("path", 0) else {
            return self.warn(tag.line, format!("{name} without a path removed"));
        };
        let in_link = {
            let before = self.out.trim_end_matches([' ', '\t']);
            ["](", "](<", "]:", "=\"", "='"]
                .iter()
                .any(|end| before.ends_with(end))
        };
        match resolve_ref(target, self.ctx.post_url) {
            Some(url) if in_link => self.out.push_str(&url),
            // Hugo prints the URL; a link to it serves the listener better.
            Some(url) => self.out.push_str(&format!("[{url}]({url})")),
            None => {
                self.warn(
                    tag.line,
                    format!("{name} \"{target}\": no such episode in the archive; removed"),
                );
                if in_link {
                    // The Markdown step unwraps the link to its text; the
                    // sanitizer drops it from an HTML attribute.
                    let target: String = target
                        .chars()
                        .map(|c| {
                            if c.is_alphanumeric() || "-_./#".contains(c) {
                                c
                            } else {
                                '-'
                            }
                        })
                        .collect();
                    self.out.push_str(UNRESOLVED);
                    self.out.push_str(&target);
                }
            }
        }
    }

    /// Hugo's `gist`, `x` (formerly `tweet`) and `instagram` embed scripts
    /// the sanitizer would remove: a link to the post keeps its meaning.
    /// Anything else is unknown.
    fn social(&mut self, tag: &Tag) {
        let url = match tag.name.as_str() {
            "gist" => match (tag.arg("user", 0), tag.arg("id", 1)) {
                (Some(user), Some(id)) if is_id(user) && is_id(id) => {
                    Some(format!("https://gist.github.com/{user}/{id}"))
                }
                _ => None,
            },
            "x" | "tweet" => {
                let id = tag
                    .get("id")
                    .or_else(|| tag.arg("id", 1).or(tag.arg("id", 0)));
                match (tag.get("user"), id) {
                    (Some(user), Some(id)) if is_id(user) && is_digits(id) => {
                        Some(format!("https://x.com/{user}/status/{id}"))
                    }
                    (None, Some(id)) if is_digits(id) => {
                        Some(format!("https://x.com/i/status/{id}"))
                    }
                    _ => None,
                }
            }
            "instagram" => tag
                .arg("id", 0)
                .filter(|id| is_id(id))
                .map(|id| format!("https://www.instagram.com/p/{id}/")),
            name => {
                let message = format!("unsupported Hugo shortcode `{name}` removed");
                return self.warn(tag.line, message);
            }
        };
        match url {
            Some(url) => self.out.push_str(&format!("<{url}>")),
            None => {
                let message = format!("{}: missing or invalid post id; removed", tag.name);
                self.warn(tag.line, message);
            }
        }
    }
}

/// A video host's embed and page URLs.
struct Player {
    embed: &'static str,
    page: &'static str,
    title: &'static str,
    /// Whether `start` and `end` seconds are passed on.
    timed: bool,
}

const YOUTUBE: Player = Player {
    embed: "https://www.youtube-nocookie.com/embed/",
    page: "https://www.youtube.com/watch?v=",
    title: "YouTube video",
    timed: true,
};

const VIMEO: Player = Player {
    embed: "https://player.vimeo.com/video/",
    page: "https://vimeo.com/",
    title: "Vimeo video",
    timed: false,
};

/// The URL of the episode `target` names: a content file
/// (`2021-06-08-episode-21.md`, `/episode/foo`, `foo/index.md`), with an
/// optional `#anchor`; `#anchor` alone is on this page.
fn resolve_ref(target: &str, post_url: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let (path, anchor) = match target.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (target, None),
    };
    let with_anchor = |url: String| match anchor {
        Some(a) if !a.is_empty() => format!("{url}#{a}"),
        _ => url,
    };
    if path.is_empty() {
        return anchor.filter(|a| !a.is_empty()).map(|a| format!("#{a}"));
    }
    let mut segments = path
        .trim_end_matches('/')
        .rsplit('/')
        .map(super::slug::strip_markdown_extension);
    let mut name = segments.next()?;
    // A page bundle: `foo/index.md` is the page `foo`.
    if matches!(name, "index" | "_index") {
        name = segments.next()?;
    }
    if name.is_empty() {
        return None;
    }
    post_url(name).map(with_anchor)
}

/// What `lex` found between a shortcode's delimiters.
#[derive(Debug)]
struct Lexed {
    name: String,
    args: Vec<Arg>,
    closing: bool,
    self_closing: bool,
    /// Bytes read, closing delimiter included.
    len: usize,
}

/// The length of `>}}`, `%}}`, `/>}}` or `/%}}` at the start of `s`.
fn closer_len(s: &str) -> Option<usize> {
    if s.starts_with(">}}") || s.starts_with("%}}") {
        Some(3)
    } else if s.starts_with("/>}}") || s.starts_with("/%}}") {
        Some(4)
    } else {
        None
    }
}

/// The byte offset just past the first closing delimiter in `s`.
fn find_closer(s: &str) -> Option<usize> {
    [s.find(">}}"), s.find("%}}")]
        .into_iter()
        .flatten()
        .min()
        .map(|i| i + 3)
}

/// The length of a comment's rest, `… */ >}}`, after its `/*`.
fn comment_len(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find("*/") {
        let after = from + i + 2;
        let rest = s[after..].trim_start();
        if let Some(n) = closer_len(rest).filter(|&n| n == 3) {
            return Some(s.len() - rest.len() + n);
        }
        from = after;
    }
    None
}

/// The length of a bare word: up to white space or a closing delimiter.
fn bare_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(i, c)| c.is_whitespace() || closer_len(&s[i..]).is_some())
        .map_or(s.len(), |(i, _)| i)
}

/// Reads a shortcode after its opening delimiter, through its closing one:
/// `name args >}}`, `/name >}}` or `name args />}}`. `None` if malformed.
fn lex(s: &str) -> Option<Lexed> {
    let mut i = 0;
    let mut name: Option<String> = None;
    let mut closing = false;
    let mut args = Vec::new();
    loop {
        i = s.len() - s[i..].trim_start().len();
        let rest = &s[i..];
        if let Some(n) = closer_len(rest) {
            return Some(Lexed {
                name: name?,
                args,
                closing,
                self_closing: n == 4,
                len: i + n,
            });
        }
        if rest.is_empty() {
            return None;
        }
        if name.is_none() {
            let word = match rest.strip_prefix('/') {
                Some(r) if !closing => {
                    closing = true;
                    r.trim_start()
                }
                _ => rest,
            };
            let n = bare_len(word);
            if n == 0 {
                return None;
            }
            name = Some(word[..n].to_string());
            i = s.len() - word.len() + n;
            continue;
        }
        let key_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .filter(|&k| k > 0 && rest[k..].starts_with('='));
        let key = key_len.map(|k| rest[..k].to_string());
        i += key_len.map_or(0, |k| k + 1);
        let (value, n) = value(&s[i..])?;
        if n == 0 {
            return None;
        }
        args.push(Arg { key, value });
        i += n;
    }
}

/// An argument's value at the start of `s` and the bytes it takes:
/// `"quoted \"text\""`, `` `raw text` `` or a bare word.
fn value(s: &str) -> Option<(String, usize)> {
    if let Some(r) = s.strip_prefix('`') {
        let end = r.find('`')?;
        return Some((r[..end].to_string(), end + 2));
    }
    if let Some(r) = s.strip_prefix('"') {
        let mut value = String::new();
        let mut chars = r.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((value, i + 2)),
                '\\' => match chars.next() {
                    Some((_, c @ ('"' | '\\'))) => value.push(c),
                    Some((_, c)) => {
                        value.push('\\');
                        value.push(c);
                    }
                    None => return None,
                },
                c => value.push(c),
            }
        }
        return None;
    }
    let n = bare_len(s);
    Some((s[..n].to_string(), n))
}

/// A video or post id: `[A-Za-z0-9_-]+`.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Text for an HTML attribute or element: escaped, on one line (a blank
/// line would end the HTML block), never template markup.
fn escape(s: &str) -> String {
    let one_line = s.replace(['\r', '\n'], " ");
    break_delimiters(&html::escape(&one_line)).into_owned()
}

/// Percent-encodes all but unreserved URL characters; drops braces, which
/// would otherwise be published as `%7B`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes().filter(|&b| b != b'{' && b != b'}') {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    s.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post_url(name: &str) -> Option<String> {
        (name == "2021-06-08-episode-21").then(|| "episodes/ep-21".to_string())
    }

    fn page(key: &str) -> Option<String> {
        match key {
            "guest" => Some("Ada".to_string()),
            "sneaky" => Some("{{ x }}".to_string()),
            _ => None,
        }
    }

    fn run(body: &str) -> Expanded<'_> {
        let ctx = TemplateContext {
            post_url: &post_url,
            page: &page,
            site_url: None,
            site_baseurl: "",
        };
        expand(body, &ctx)
    }

    const IFRAME: &str = r#"allowfullscreen loading="lazy"></iframe>"#;

    #[test]
    fn can_expand_hugo_shortcodes() {
        let cases: &[(&str, &str, String)] = &[
            (
                "figure with every argument",
                r#"{{< figure src="/img/cat.jpg" alt="A cat" title="Studio cat" caption="Naps on the mixer" link="https://example.org/cat" width="400" height="300px" class="wide" attr="Photo: Ada" attrlink="https://ada.example" >}}"#,
                concat!(
                    r#"<figure class="wide"><a href="https://example.org/cat"><img src="/img/cat.jpg" alt="A cat" width="400" height="300"></a>"#,
                    r#"<figcaption><strong>Studio cat</strong> Naps on the mixer <a href="https://ada.example">Photo: Ada</a></figcaption></figure>"#,
                    "\n\n"
                )
                .to_string(),
            ),
            (
                "markdown form, self-closing, between lines",
                "Before\n{{% figure src=\"a.png\" title=\"A & B\" /%}}\nAfter",
                "Before\n\n<figure><img src=\"a.png\"><figcaption><strong>A &amp; B</strong></figcaption></figure>\n\n\nAfter".to_string(),
            ),
            (
                "no spaces, bare value",
                "{{<figure src=a.png>}}",
                "<figure><img src=\"a.png\"></figure>\n\n".to_string(),
            ),
            (
                "raw string over two lines, caption as alt",
                "{{< figure src=`a.png` caption=`two\nlines` >}}",
                "<figure><img src=\"a.png\" alt=\"two lines\"><figcaption>two lines</figcaption></figure>\n\n".to_string(),
            ),
            (
                "escaped quotes",
                r#"{{< figure src="a.png" title="The \"best\" cat" >}}"#,
                "<figure><img src=\"a.png\"><figcaption><strong>The &quot;best&quot; cat</strong></figcaption></figure>\n\n".to_string(),
            ),
            (
                "tag over several lines",
                "{{< figure\n  src=\"a.png\"\n  title=\"T\"\n>}}",
                "<figure><img src=\"a.png\"><figcaption><strong>T</strong></figcaption></figure>\n\n".to_string(),
            ),
            (
                "youtube, positional id",
                "Watch: {{< youtube abcdEFGH123 >}}",
                format!(r#"Watch: {}<iframe src="https://www.youtube-nocookie.com/embed/abcdEFGH123" title="YouTube video" {IFRAME}{}"#, "\n\n", "\n\n"),
            ),
            (
                "youtube, named id, title and start",
                r#"{{< youtube id="w7Ft2ymGmfc" title="Launch day" start="30" autoplay=true >}}"#,
                format!(r#"<iframe src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?start=30" title="Launch day" {IFRAME}{}"#, "\n\n"),
            ),
            (
                "vimeo",
                "{{< vimeo 55073825 >}}",
                format!(r#"<iframe src="https://player.vimeo.com/video/55073825" title="Vimeo video" {IFRAME}{}"#, "\n\n"),
            ),
            (
                "ref as a link target",
                r#"[21]({{< ref "2021-06-08-episode-21.md" >}})"#,
                "[21](episodes/ep-21)".to_string(),
            ),
            (
                "relref by path with an anchor",
                r#"[notes]({{< relref "/posts/2021-06-08-episode-21#notes" >}})"#,
                "[notes](episodes/ep-21#notes)".to_string(),
            ),
            (
                "ref to a page bundle, named path",
                r#"[21]({{< ref path="/posts/2021-06-08-episode-21/index.md" >}})"#,
                "[21](episodes/ep-21)".to_string(),
            ),
            (
                "ref in an HTML attribute",
                r#"<a href="{{< ref "2021-06-08-episode-21" >}}">21</a>"#,
                r#"<a href="episodes/ep-21">21</a>"#.to_string(),
            ),
            (
                "ref in a link definition",
                "[21]: {{< ref \"2021-06-08-episode-21.md\" >}}",
                "[21]: episodes/ep-21".to_string(),
            ),
            (
                "bare ref becomes a link",
                r#"See {{< ref "2021-06-08-episode-21.md" >}}."#,
                "See [episodes/ep-21](episodes/ep-21).".to_string(),
            ),
            (
                "ref to an anchor of this page",
                r##"[top]({{< relref "#top" >}})"##,
                "[top](#top)".to_string(),
            ),
            (
                "highlight",
                "{{< highlight go \"linenos=table\" >}}\nfmt.Println(\"hi\")\n{{< /highlight >}}",
                "```go\nfmt.Println(\"hi\")\n```\n\n".to_string(),
            ),
            (
                "highlight holding a fence, inline",
                "Code: {{< highlight md >}}use ```x```{{< /highlight >}}",
                "Code: \n\n````md\nuse ```x```\n````\n\n".to_string(),
            ),
            (
                "details",
                "{{< details summary=\"Show & tell\" >}}\nHidden *text*\n{{< /details >}}",
                "<details><summary>Show &amp; tell</summary>\n\n\nHidden *text*\n\n\n</details>\n\n".to_string(),
            ),
            (
                "comment drops its content",
                "a {{< comment >}}secret{{< /comment >}}b",
                "a b".to_string(),
            ),
            (
                "param",
                r#"Guest: {{< param "guest" >}}"#,
                "Guest: Ada".to_string(),
            ),
            (
                "param values are not templates",
                "{{< param sneaky >}}",
                "{ { x } }".to_string(),
            ),
            (
                "gist",
                "{{< gist spf13 7896402 >}}",
                "<https://gist.github.com/spf13/7896402>".to_string(),
            ),
            (
                "x",
                r#"{{< x user="SanDiegoZoo" id="1453110110599868418" >}}"#,
                "<https://x.com/SanDiegoZoo/status/1453110110599868418>".to_string(),
            ),
            (
                "tweet, id only",
                "{{< tweet 877500564405444608 >}}",
                "<https://x.com/i/status/877500564405444608>".to_string(),
            ),
            (
                "instagram",
                "{{< instagram BWNjjyYFxVx >}}",
                "<https://www.instagram.com/p/BWNjjyYFxVx/>".to_string(),
            ),
            (
                "liquid and lone braces are left alone",
                "a {b} {{ liquid }} >} %} c",
                "a {b} {{ liquid }} >} %} c".to_string(),
            ),
        ];
        for (name, input, want) in cases {
            let got = run(input);
            assert_eq!(got.text, *want, "{name}");
            assert!(got.warnings.is_empty(), "{name}: {:?}", got.warnings);
        }
    }

    /// Expected warnings: (line, part of the message).
    type Warned = &'static [(usize, &'static str)];

    #[test]
    fn errors_if_a_shortcode_cannot_be_honoured_but_no_delimiter_survives() {
        let cases: &[(&str, &str, &str, Warned)] = &[
            (
                "unknown shortcode",
                "one\n{{< mystery arg=1 >}} two",
                "one\n two",
                &[(2, "unsupported Hugo shortcode `mystery` removed")],
            ),
            (
                "unknown self-closing shortcode",
                "a {{< spacer height=4 />}} b",
                "a  b",
                &[(1, "unsupported Hugo shortcode `spacer` removed")],
            ),
            (
                "unknown paired shortcode keeps its content",
                "{{< notice \"note\" >}}\nKept.\n{{< /notice >}}",
                "\nKept.\n",
                &[(
                    1,
                    "unsupported Hugo shortcode `notice` removed; its content is kept",
                )],
            ),
            (
                "one warning per name and line",
                "{{% tip %}}a{{% /tip %}} {{% tip %}}b{{% /tip %}}",
                "a b",
                &[(1, "`tip` removed; its content is kept")],
            ),
            (
                "unknown inside a paired shortcode",
                "{{< details >}}{{< badge >}}x{{< /details >}}",
                "<details><summary>Details</summary>\n\nx\n\n</details>\n\n",
                &[(1, "unsupported Hugo shortcode `badge` removed")],
            ),
            (
                "unknown ref in a link",
                "\n[gone]({{< ref \"2001-01-01-gone.md\" >}})",
                "\n[gone](liquid-unresolved:2001-01-01-gone.md)",
                &[(
                    2,
                    "ref \"2001-01-01-gone.md\": no such episode in the archive; removed",
                )],
            ),
            (
                "unknown bare relref",
                "See {{< relref \"no such file.md\" >}} too",
                "See  too",
                &[(1, "relref \"no such file.md\": no such episode")],
            ),
            (
                "youtube id that is not one",
                r#"{{< youtube "abc<script>" >}}"#,
                "<https://www.youtube.com/watch?v=abc%3Cscript%3E>",
                &[(1, "`abc<script>` is not a video id; linked instead")],
            ),
            (
                "youtube id with braces",
                r#"{{< youtube "{{x}}" >}}"#,
                "<https://www.youtube.com/watch?v=x>",
                &[(1, "is not a video id")],
            ),
            (
                "youtube without an id",
                "{{< youtube >}}",
                "",
                &[(1, "youtube without a video id removed")],
            ),
            (
                "commented-out shortcode",
                "Use {{</* figure src=\"x\" */>}} here",
                "Use  here",
                &[(1, "commented-out Hugo shortcode")],
            ),
            (
                "commented-out markdown shortcode",
                "{{%/* x */%}}",
                "",
                &[(1, "commented-out Hugo shortcode `{{%/* … */%}}`")],
            ),
            (
                "stray closing delimiters",
                "a >}} b\n%}}",
                "a  b\n",
                &[(1, "stray `>}}` removed"), (2, "stray `%}}` removed")],
            ),
            (
                "closing tag without an opening one",
                "x{{< /notice >}}y",
                "xy",
                &[(1, "closing Hugo shortcode `/notice` has no opening one")],
            ),
            (
                "never closed",
                "a {{< figure src=\"x\"",
                "a  figure src=\"x\"",
                &[(1, "`{{<` is never closed by `>}}`")],
            ),
            (
                "unterminated quote",
                "{{< figure title=\"oops >}} after",
                " after",
                &[(1, "malformed Hugo shortcode removed")],
            ),
            (
                "empty shortcode",
                "{{< >}}",
                "",
                &[(1, "malformed Hugo shortcode removed")],
            ),
            (
                "highlight never closed",
                "{{< highlight go >}}\ncode",
                "\ncode",
                &[(1, "`highlight` shortcode is never closed")],
            ),
            (
                "param not in the front matter",
                "{{< param missing >}}",
                "",
                &[(1, "param `missing` is not in the front matter")],
            ),
            (
                "figure without src",
                "{{< figure title=\"x\" >}}",
                "",
                &[(1, "figure without `src` removed")],
            ),
            (
                "inline shortcode",
                "{{< time.inline >}}{{ now }}{{< /time.inline >}}",
                "",
                &[(1, "inline Hugo shortcode `time.inline` removed")],
            ),
            (
                "gist without an id",
                "{{< gist spf13 >}}",
                "",
                &[(1, "gist: missing or invalid post id")],
            ),
        ];
        for (name, input, want, warnings) in cases {
            let got = run(input);
            assert_eq!(got.text, *want, "{name}");
            for leak in ["{{<", "{{%", ">}}", "%}}", "%7B"] {
                assert!(!got.text.contains(leak), "{name}: {}", got.text);
            }
            assert_eq!(
                got.warnings.len(),
                warnings.len(),
                "{name}: {:?}",
                got.warnings
            );
            for (w, (line, message)) in got.warnings.iter().zip(warnings.iter()) {
                assert_eq!(w.line, *line, "{name}: {w:?}");
                assert!(w.message.contains(message), "{name}: {}", w.message);
            }
        }
    }

    #[test]
    fn errors_if_removals_join_delimiters_but_none_survives() {
        let got = run("a\n%}%}}} b");
        assert_eq!(got.text, "a\n b");
        let warnings: Vec<(usize, &str)> = got
            .warnings
            .iter()
            .map(|w| (w.line, w.message.as_str()))
            .collect();
        assert_eq!(
            warnings,
            [
                (2, "stray `%}}` removed: no shortcode opens it"),
                (2, "`%}}` left over by removed shortcodes; removed"),
            ]
        );
    }

    #[test]
    fn can_skip_work_without_shortcodes() {
        let body = "No shortcodes: {{ liquid }}, {braces}.";
        assert!(matches!(run(body).text, Cow::Borrowed(_)));
    }

    #[test]
    fn can_map_lines_of_the_expansion_to_the_body() {
        let body = "one\n{{< figure src=\"a.png\" >}}\nthree\n{{< highlight >}}\nfive\n{{< /highlight >}}\nseven";
        let got = run(body);
        let line_of = |needle: &str| {
            let at = got.text.find(needle).expect(needle);
            1 + got.text[..at].matches('\n').count()
        };
        for (needle, body_line) in [("one", 1), ("three", 3), ("five", 5), ("seven", 7)] {
            assert_eq!(
                got.body_line(line_of(needle)),
                body_line,
                "{needle}\n{}",
                got.text
            );
        }
    }

    #[test]
    fn regression_odd_delimiters_neither_panic_nor_leak() {
        for input in [
            "{{<",
            "{{%",
            "{{<>}}",
            "{{</*",
            "{{</* x */",
            "{{% /%}}",
            "{{< / >}}",
            "{{< /x",
            "é{{<é>}}é",
            "{{< x \"é",
            "{{< x `é",
            "{{< x a=\"\\",
            ">}}>}}",
            "{{<{{<>}}>}}",
            "{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}",
        ] {
            let got = run(input);
            for leak in ["{{<", "{{%", ">}}", "%}}"] {
                assert!(!got.text.contains(leak), "{input:?} -> {:?}", got.text);
            }
        }
    }
}

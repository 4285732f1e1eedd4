//! Show notes, from a post's Markdown body to the HTML that is published.
//!
//! The pipeline, each step its own pure function:
//!
//! 1. [`expand_templates`]: Hugo shortcodes ([`shortcode::expand`]), then
//!    Jekyll Liquid ([`liquid::expand_with`]), become text and HTML.
//! 2. [`markdown::render`]: Markdown to HTML, with event-filter rewrites.
//! 3. [`sanitize`]: an allowlist sanitizer, during which every relative URL
//!    is resolved by [`NotesContext::resolve_url`].

use super::catalog::{encode_path, percent_decode, EpisodeSummary, CONTENT_DIR};
use super::episode::{Parsed, EXCERPT_CHARS};
use super::liquid;
use super::markdown;
use super::order;
use super::sanitize::sanitize;
use super::shortcode;
use super::slug::strip_markdown_extension;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

pub use super::liquid::TemplateContext;

/// What the notes of one post may link to.
pub struct NotesContext<'a> {
    /// Post names (`2013-01-16-sponsoring`, the file stem) to slugs.
    pub posts: &'a HashMap<String, String>,
    /// Files of the content folder, as `/`-separated relative paths.
    pub files: &'a HashSet<String>,
    /// Where root-relative URLs point when the content folder lacks the file
    /// (a Jekyll site's own host, such as `https://lescastcodeurs.com`).
    pub assets_base: Option<&'a str>,
    /// The folder of this post, relative to the content folder (`_posts`).
    pub post_dir: &'a str,
    /// This episode, for timestamp links; `None` for news posts.
    pub timestamps: Option<markdown::Timestamps<'a>>,
    /// This post's front-matter value for a key, as text, for Liquid's
    /// `{{ page.key }}` and Hugo's `{{< param key >}}`.
    pub page: &'a dyn Fn(&str) -> Option<String>,
    /// The site's public address, for `{{ site.url }}`; `None` leaves
    /// links root-relative, resolved like any other.
    pub site_url: Option<&'a str>,
    /// The site's path below its address, for `{{ site.baseurl }}`.
    pub site_baseurl: &'a str,
}

/// The page URL (`episodes/{slug}`) of the post a Liquid `post_url` or a
/// Hugo `ref` names, by file stem or path: `2013-01-16-sponsoring`,
/// `_posts/2013-01-16-sponsoring.md`.
pub fn post_page_url(posts: &HashMap<String, String>, name: &str) -> Option<String> {
    let name = name.trim();
    let file = name.rsplit('/').next().unwrap_or(name);
    posts
        .get(strip_markdown_extension(file))
        .map(|slug| format!("episodes/{slug}"))
}

/// Expands the templates of a post's body: Hugo shortcodes
/// (<https://gohugo.io/content-management/shortcodes/>), then Jekyll Liquid
/// (<https://jekyllrb.com/docs/liquid/>). Shortcodes go first so that
/// `{{< … >}}` is never read as Liquid's `{{ … }}`; a site uses one or the
/// other, so the order changes nothing else. Everything that turns a body
/// into text (notes, excerpt, search) goes through this, so no template
/// markup reaches a listener. Warnings name 1-based lines of `body`.
///
/// Returns `body` itself, without copying, when it has no template.
pub fn expand_templates<'a>(
    body: &'a str,
    ctx: &TemplateContext,
) -> (Cow<'a, str>, Vec<liquid::Warning>) {
    if !body.contains(['{', '}', '%']) {
        return (Cow::Borrowed(body), Vec::new());
    }
    let mut shortcodes = shortcode::expand(body, ctx);
    let mut warnings = std::mem::take(&mut shortcodes.warnings);
    let (text, liquid_warnings) = match std::mem::take(&mut shortcodes.text) {
        Cow::Borrowed(text) => liquid::expand_with(text, ctx),
        Cow::Owned(text) => {
            let (expanded, w) = liquid::expand_with(&text, ctx);
            let text = match expanded {
                Cow::Owned(expanded) => expanded,
                Cow::Borrowed(_) => text,
            };
            (Cow::Owned(text), w)
        }
    };
    warnings.extend(liquid_warnings.into_iter().map(|w| liquid::Warning {
        line: shortcodes.body_line(w.line),
        ..w
    }));
    order::sort_by_key(&mut warnings, |w| w.line);
    (text, warnings)
}

/// One post's published notes.
#[derive(Debug, Default)]
pub struct RenderedNotes {
    pub html: String,
    /// Problems worth a warning, at 1-based lines of the body.
    pub warnings: Vec<liquid::Warning>,
    /// Files of the content folder the notes link to, to publish.
    pub files_used: BTreeSet<String>,
}

/// Renders one post's Markdown body.
pub fn render_notes(body: &str, ctx: &NotesContext) -> RenderedNotes {
    let post_url = |name: &str| post_page_url(ctx.posts, name);
    let templates = TemplateContext {
        post_url: &post_url,
        page: ctx.page,
        site_url: ctx.site_url,
        site_baseurl: ctx.site_baseurl,
    };
    let (expanded, warnings) = expand_templates(body, &templates);
    RenderedNotes {
        warnings,
        ..render_expanded(&expanded, ctx)
    }
}

/// Steps 2 and 3 alone, for a body whose templates [`expand_templates`]
/// already expanded (the indexer expands each body once, for the excerpt
/// and the search text too).
pub fn render_expanded(expanded: &str, ctx: &NotesContext) -> RenderedNotes {
    let html = markdown::render(expanded, ctx.timestamps);
    let used = Mutex::new(BTreeSet::new());
    // The URL step runs on the sanitizer's threads: it takes only the
    // context's plain data, not its closures.
    let urls = ctx.urls();
    let html = sanitize(&html, &|url: &str| {
        let (resolved, file) = urls.resolve(url);
        if let Some(file) = file {
            used.lock().expect("not poisoned").insert(file);
        }
        resolved
    });
    RenderedNotes {
        html,
        warnings: Vec::new(),
        files_used: used.into_inner().expect("not poisoned"),
    }
}

/// What the notes of every episode may link to: the rest of the archive.
pub struct Archive<'a> {
    /// Post names ([`post_name`]) to slugs.
    pub posts: &'a HashMap<String, String>,
    /// Files of the content folder, as `/`-separated relative paths.
    pub files: &'a HashSet<String>,
    /// See [`NotesContext::assets_base`].
    pub assets_base: Option<&'a str>,
    /// Where each episode's notes link to its file: see [`source_link`].
    pub source: SourceLink<'a>,
    /// The site's language, for that link's words.
    pub language: &'a str,
}

/// Where the link after an episode's notes points: its file in the
/// site's repository, else the Markdown the site publishes, else nowhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SourceLink<'a> {
    /// The `repository` setting's base (see
    /// `core::source::repository_base`).
    Repository(&'a str),
    /// `content/{path}` (see [`super::catalog::source_url`]).
    Published,
    /// The site keeps its files private and names no repository.
    None,
}

impl<'a> SourceLink<'a> {
    /// The link a site gets: to the file in its repository when it names
    /// one (`base`, as `core::source::repository_base` gives it), else
    /// to the Markdown it publishes, else none.
    pub fn of(base: Option<&'a str>, files_published: bool) -> SourceLink<'a> {
        match (base, files_published) {
            (Some(base), _) => SourceLink::Repository(base),
            (None, true) => SourceLink::Published,
            (None, false) => SourceLink::None,
        }
    }
}

/// An episode's notes as the site publishes them (in `notes/{slug}.html`,
/// after its marker line): the notes, then the link to its file.
pub fn published_notes(html: &str, source_link: &str) -> String {
    format!("{html}{source_link}")
}

/// One episode's notes as they are published, the excerpt read from them,
/// and the content files they and the episode's audio use.
pub struct EpisodeNotes {
    /// The rendered notes. Their warnings name 1-based lines of the
    /// episode's file (not of its body).
    pub notes: RenderedNotes,
    /// The paragraph that follows them in `notes/{slug}.html`, linking to
    /// the episode's file ([`source_link`]); not in the feed, where a
    /// podcast app would show it as part of the notes.
    pub source_link: String,
    /// The listing's excerpt, when the front matter gave no description.
    pub excerpt: Option<String>,
}

/// Renders the notes of the parsed episode file `relative` (its path in
/// the content folder), whose summary is `episode` once its slug is
/// final. The indexer renders every episode with this, and the Markdown
/// module (`src/bin/markdown.rs`) renders one with it in the browser, so
/// that both give the same bytes.
pub fn render_episode(
    parsed: &Parsed,
    episode: &EpisodeSummary,
    relative: &str,
    archive: &Archive,
) -> EpisodeNotes {
    let post_dir = relative.rsplit_once('/').map_or("", |(dir, _)| dir);
    let page = |key: &str| {
        super::fields::lookup(&parsed.tree, key)
            .first()
            .and_then(|v| super::fields::text(v).ok().flatten())
    };
    let post_url = |name: &str| post_page_url(archive.posts, name);
    // `{{ site.url }}/x` and `{{ site.baseurl }}/x` stay root-relative, so
    // the URL step finds the content folder's file, else `assets_base`
    // (which holds the old site's own path).
    let templates = TemplateContext {
        post_url: &post_url,
        page: &page,
        site_url: None,
        site_baseurl: "",
    };
    // Expanded once: the notes and the excerpt.
    let (expanded, warnings) = expand_templates(parsed.body, &templates);
    let excerpt = (!parsed.described).then(|| markdown::excerpt(&expanded, EXCERPT_CHARS));
    let ctx = NotesContext {
        posts: archive.posts,
        files: archive.files,
        assets_base: archive.assets_base,
        post_dir,
        timestamps: (!episode.is_news()).then(|| markdown::Timestamps {
            slug: &episode.slug,
            max_seconds: episode.duration,
        }),
        page: &page,
        site_url: templates.site_url,
        site_baseurl: templates.site_baseurl,
    };
    let mut notes = RenderedNotes {
        warnings,
        ..render_expanded(&expanded, &ctx)
    };
    for w in &mut notes.warnings {
        w.line += parsed.body_line - 1;
    }
    if let Some(local) = episode.audio.as_deref().and_then(local_file) {
        if archive.files.contains(&local) {
            notes.files_used.insert(local);
        } else {
            notes.warnings.push(liquid::Warning {
                line: 1,
                message: format!("audio file {local} is not in the content folder"),
            });
        }
    }
    EpisodeNotes {
        notes,
        excerpt,
        source_link: source_link(relative, archive.source, archive.language),
    }
}

/// The paragraph that links the episode file at `relative` (its path in
/// the content folder) where `source` says, in `language`, or nothing.
/// Kept out of the search index: every episode would match its words.
pub fn source_link(relative: &str, source: SourceLink, language: &str) -> String {
    let [edit, view] = super::i18n::source_link_text(language);
    let (href, text, kind) = match source {
        SourceLink::Repository(base) => (format!("{base}{}", encode_path(relative)), edit, ""),
        SourceLink::Published => (
            super::catalog::source_url(relative),
            view,
            " type=\"text/markdown\"",
        ),
        SourceLink::None => return String::new(),
    };
    format!(
        "<p class=\"notes-source\" data-pagefind-ignore=\"\"><a href=\"{}\"{kind}>{}</a></p>",
        super::html::escape(&href),
        super::html::escape(text)
    )
}

/// The content-folder file a `content/…` URL names, decoded.
pub fn local_file(url: &str) -> Option<String> {
    percent_decode(url.strip_prefix(CONTENT_DIR)?.strip_prefix('/')?)
}

/// The name a Jekyll `post_url` gives a post: its file's stem, without
/// folders (`2013-01-16-sponsoring`).
pub fn post_name(relative: &str) -> String {
    let file = relative.rsplit('/').next().unwrap_or(relative);
    strip_markdown_extension(file).to_string()
}

impl NotesContext<'_> {
    /// Resolves a relative URL found in notes. Returns the URL to publish
    /// and, when it names a file of the content folder, that file.
    /// See [`Urls::resolve`].
    pub fn resolve_url(&self, url: &str) -> (String, Option<String>) {
        self.urls().resolve(url)
    }

    fn urls(&self) -> Urls<'_> {
        Urls {
            posts: self.posts,
            files: self.files,
            assets_base: self.assets_base,
            post_dir: self.post_dir,
        }
    }
}

/// What resolving a URL of the notes needs of a [`NotesContext`].
struct Urls<'a> {
    posts: &'a HashMap<String, String>,
    files: &'a HashSet<String>,
    assets_base: Option<&'a str>,
    post_dir: &'a str,
}

impl Urls<'_> {
    /// Resolves a relative URL found in notes:
    ///
    /// - `//host/x` → `https://host/x`
    /// - `#id`, `?q` → unchanged (in-page)
    /// - `episodes/{slug}` → unchanged (an app route, from `post_url`)
    /// - `/images/x.png` → `content/images/x.png` when the content folder
    ///   has it, else `{assets_base}/images/x.png`, else unchanged
    /// - `x.png` → the file beside the post, like Jekyll's relative links;
    ///   `other-post.md` → that post's page
    fn resolve(&self, url: &str) -> (String, Option<String>) {
        if let Some(rest) = url.strip_prefix("//") {
            return (format!("https://{rest}"), None);
        }
        if url.is_empty() || url.starts_with(['#', '?']) || url.starts_with("episodes/") {
            return (url.to_string(), None);
        }
        let split = url.find(['?', '#']).unwrap_or(url.len());
        let (path, suffix) = url.split_at(split);
        let path = percent_decode(path).unwrap_or_else(|| path.to_string());
        let (relative, root_relative) = match path.strip_prefix('/') {
            Some(p) => (normalize(p), true),
            None => (normalize(&format!("{}/{path}", self.post_dir)), false),
        };
        if let Some(slug) = Some(super::slug::strip_markdown_extension(&relative))
            .filter(|p| p.len() < relative.len())
            .and_then(|p| self.posts.get(p.rsplit('/').next().unwrap_or(p)))
        {
            return (format!("episodes/{slug}{suffix}"), None);
        }
        if self.files.contains(&relative) {
            return (
                format!("{CONTENT_DIR}/{}{suffix}", encode_path(&relative)),
                Some(relative),
            );
        }
        match (self.assets_base, root_relative) {
            (Some(base), true) => (format!("{}{url}", base.trim_end_matches('/')), None),
            (Some(base), false) => (
                format!(
                    "{}/{}{suffix}",
                    base.trim_end_matches('/'),
                    encode_path(&relative)
                ),
                None,
            ),
            (None, _) => (url.to_string(), None),
        }
    }
}

/// Resolves `.` and `..` segments; never climbs above the content folder.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_ctx<T>(assets_base: Option<&str>, f: impl FnOnce(&NotesContext) -> T) -> T {
        with_site(assets_base, &|_| None, None, f)
    }

    /// A context whose post has front matter `page` on a site at `site_url`.
    fn with_site<T>(
        assets_base: Option<&str>,
        page: &dyn Fn(&str) -> Option<String>,
        site_url: Option<&str>,
        f: impl FnOnce(&NotesContext) -> T,
    ) -> T {
        let posts = HashMap::from([(
            "2013-01-16-sponsoring".to_string(),
            "sponsoring".to_string(),
        )]);
        let files = HashSet::from([
            "images/logo.png".to_string(),
            "_posts/cover image.jpg".to_string(),
        ]);
        f(&NotesContext {
            posts: &posts,
            files: &files,
            assets_base,
            post_dir: "_posts",
            timestamps: Some(markdown::Timestamps {
                slug: "this",
                max_seconds: None,
            }),
            page,
            site_url,
            site_baseurl: "",
        })
    }

    /// Template markup that must never reach a listener.
    const LEAKS: &[&str] = &[
        "{{<", "{{%", ">}}", "%}}", "{{", "}}", "{%", "%}", "%7B%7B", "%7b%7b", "%7B%25",
    ];

    fn assert_no_leak(name: &str, text: &str) {
        for leak in LEAKS {
            assert!(!text.contains(leak), "{name}: {leak} in {text}");
        }
    }

    #[test]
    fn can_link_an_episode_to_its_file() {
        let path = "_posts/2024/2024-01-01 ça va.md";
        for (source, language, want) in [
            (
                SourceLink::Published,
                "en",
                r#"<p class="notes-source" data-pagefind-ignore=""><a href="content/_posts/2024/2024-01-01%20%C3%A7a%20va.md" type="text/markdown">View source</a></p>"#,
            ),
            (
                SourceLink::Repository("https://github.com/you/show/blob/HEAD/"),
                "fr-CA",
                r#"<p class="notes-source" data-pagefind-ignore=""><a href="https://github.com/you/show/blob/HEAD/_posts/2024/2024-01-01%20%C3%A7a%20va.md">Modifier cette page</a></p>"#,
            ),
            (
                SourceLink::Repository("https://git.example/?a=1&b=\"/"),
                "xx",
                r#"<p class="notes-source" data-pagefind-ignore=""><a href="https://git.example/?a=1&amp;b=&quot;/_posts/2024/2024-01-01%20%C3%A7a%20va.md">Edit this page</a></p>"#,
            ),
            (SourceLink::None, "en", ""),
        ] {
            assert_eq!(source_link(path, source, language), want, "{source:?}");
        }
    }

    #[test]
    fn can_resolve_urls_in_notes() {
        let base = Some("https://lescastcodeurs.com/");
        for (url, want, file) in [
            (
                "//www.youtube.com/embed/x",
                "https://www.youtube.com/embed/x",
                None,
            ),
            ("#intro", "#intro", None),
            ("episodes/sponsoring", "episodes/sponsoring", None),
            (
                "/images/logo.png",
                "content/images/logo.png",
                Some("images/logo.png"),
            ),
            (
                "/images/logo.png?v=2#top",
                "content/images/logo.png?v=2#top",
                Some("images/logo.png"),
            ),
            (
                "/images/promo/x.png",
                "https://lescastcodeurs.com/images/promo/x.png",
                None,
            ),
            (
                "cover%20image.jpg",
                "content/_posts/cover%20image.jpg",
                Some("_posts/cover image.jpg"),
            ),
            (
                "../images/logo.png",
                "content/images/logo.png",
                Some("images/logo.png"),
            ),
            (
                "../../../../etc/passwd",
                "https://lescastcodeurs.com/etc/passwd",
                None,
            ),
            ("2013-01-16-sponsoring.md", "episodes/sponsoring", None),
        ] {
            let got = with_ctx(base, |c| c.resolve_url(url));
            assert_eq!(got, (want.to_string(), file.map(String::from)), "{url}");
        }
        // Without assets_base, a root-relative URL is left as written.
        assert_eq!(
            with_ctx(None, |c| c.resolve_url("/images/promo/x.png")).0,
            "/images/promo/x.png"
        );
    }

    #[test]
    fn can_render_notes_end_to_end() {
        let body = "At 12:34, see [sponsoring]({% post_url 2013-01-16-sponsoring %}) and [gone]({% post_url 2001-01-01-gone %}).\n\n\
                    <img src=\"{% link /images/logo.png %}\" onerror=\"alert(1)\">\n\n![promo](/images/promo/x.png)\n";
        let notes = with_ctx(Some("https://example.org"), |c| render_notes(body, c));
        assert!(
            notes.html.contains(
                r#"<a href="episodes/sponsoring" rel="noopener noreferrer">sponsoring</a>"#
            ),
            "{}",
            notes.html
        );
        assert!(notes.html.contains("and gone."), "{}", notes.html);
        assert!(notes.html.contains(r#"<a class="timestamp" href="episodes/this?t=754" rel="noopener noreferrer">12:34</a>"#), "{}", notes.html);
        assert!(
            notes
                .html
                .contains(r#"<img src="content/images/logo.png">"#),
            "{}",
            notes.html
        );
        assert!(
            notes
                .html
                .contains(r#"src="https://example.org/images/promo/x.png""#),
            "{}",
            notes.html
        );
        assert!(!notes.html.contains("{%") && !notes.html.contains("onerror"));
        assert_eq!(notes.warnings.len(), 1);
        assert_eq!(
            notes.files_used.iter().collect::<Vec<_>>(),
            ["images/logo.png"]
        );
    }

    #[test]
    fn can_render_hugo_shortcodes_end_to_end() {
        let body = r#"Say hello to this season's studio crew:

{{< figure src="/img/booth-dog.jpg" title="Biscuit, the booth dog" width="320" >}}

{{% figure src="/img/mixer.jpg" title="The old mixing desk" alt="A mixing desk" %}}

{{< notice "warning" >}}
Most of this one was recorded before the move to the new studio.
{{< /notice >}}

Catch the clip: {{< youtube Zx9_k-Q2abc >}}

Back in {{< ref "2020-02-02-pilot.md" >}} we promised a {{< gizmo level=3 >}} segment,
and [the sponsor episode]({{< relref "2013-01-16-sponsoring.md#thanks" >}}) delivered.
"#;
        let notes = with_ctx(Some("https://example.org"), |c| render_notes(body, c));
        let html = &notes.html;
        for want in [
            r#"<figure><img src="https://example.org/img/booth-dog.jpg" width="320"><figcaption><strong>Biscuit, the booth dog</strong></figcaption></figure>"#,
            r#"<figure><img src="https://example.org/img/mixer.jpg" alt="A mixing desk"><figcaption><strong>The old mixing desk</strong></figcaption></figure>"#,
            "<p>Most of this one was recorded before the move to the new studio.</p>",
            "<p>Catch the clip:</p>",
            r#"src="https://www.youtube-nocookie.com/embed/Zx9_k-Q2abc""#,
            r#"title="YouTube video""#,
            "sandbox=",
            "<p>Back in  we promised a  segment,",
            r#"<a href="episodes/sponsoring#thanks" rel="noopener noreferrer">the sponsor episode</a> delivered."#,
        ] {
            assert!(html.contains(want), "{want}\n in {html}");
        }
        assert_no_leak("html", html);
        let warnings: Vec<(usize, &str)> = notes
            .warnings
            .iter()
            .map(|w| (w.line, w.message.as_str()))
            .collect();
        assert_eq!(
            warnings,
            [
                (
                    7,
                    "unsupported Hugo shortcode `notice` removed; its content is kept"
                ),
                (
                    13,
                    "ref \"2020-02-02-pilot.md\": no such episode in the archive; removed"
                ),
                (13, "unsupported Hugo shortcode `gizmo` removed"),
            ]
        );
    }

    #[test]
    fn can_render_jekyll_page_variables_end_to_end() {
        let page = |key: &str| match key {
            "podcast_link" => Some("https://cdn.example.org/tas-012.mp3".to_string()),
            "podcast_link_ogg" => Some("https://cdn.example.org/tas-012.ogg".to_string()),
            "title" => Some("Live & loud".to_string()),
            _ => None,
        };
        let body = r#"Pick a format:

<audio controls><source src="{{ page.podcast_link_ogg }}" type="audio/ogg"></audio>

Grab the [MP3]({{ page.podcast_link }}) of *{{ page.title | escape }}*.

![Header]({{ site.baseurl }}/img/h.png) and [logo]({{ site.url }}{{ site.baseurl }}{% link /images/logo.png %}).

Follow the [feed]({{ site.url }}/feed.xml){{ page.guest_note }}.
"#;
        let site = Some("https://tas.example.org/");
        let templates = TemplateContext {
            post_url: &|_| None,
            page: &page,
            site_url: site,
            site_baseurl: "",
        };
        let (expanded, _) = expand_templates(body, &templates);
        assert!(
            expanded
                .contains(r#"<source src="https://cdn.example.org/tas-012.ogg" type="audio/ogg">"#),
            "{expanded}"
        );
        let notes = with_site(Some("https://old.example.org"), &page, site, |c| {
            render_notes(body, c)
        });
        let html = &notes.html;
        for want in [
            r#"<a href="https://cdn.example.org/tas-012.mp3" rel="noopener noreferrer">MP3</a> of <em>Live &amp; loud</em>."#,
            // Root-relative, then resolved against assets_base.
            r#"<img src="https://old.example.org/img/h.png" alt="Header">"#,
            // `{% link %}` names a file of the content folder.
            r#"<a href="content/images/logo.png" rel="noopener noreferrer">logo</a>"#,
            r#"<a href="https://tas.example.org/feed.xml" rel="noopener noreferrer">feed</a>."#,
        ] {
            assert!(html.contains(want), "{want}\n in {html}");
        }
        assert_no_leak("html", html);
        assert_eq!(notes.warnings.len(), 1, "{:?}", notes.warnings);
        assert_eq!(notes.warnings[0].line, 9);
        assert!(notes.warnings[0].message.contains("`page.guest_note`"));
    }

    #[test]
    fn can_expand_templates_for_every_text_of_a_post() {
        let posts = HashMap::from([("2021-06-08-episode-21".to_string(), "ep-21".to_string())]);
        let post_url = |name: &str| post_page_url(&posts, name);
        let page = |key: &str| (key == "guest").then(|| "Ada".to_string());
        let ctx = TemplateContext {
            post_url: &post_url,
            page: &page,
            site_url: None,
            site_baseurl: "",
        };
        let cases: &[(&str, &str, &str)] = &[
            (
                "no template",
                "Plain notes, 100% fun.",
                "Plain notes, 100% fun.",
            ),
            ("liquid", "With {{ page.guest }}.", "With Ada."),
            ("hugo param", "With {{< param guest >}}.", "With Ada."),
            (
                "post_url by path",
                "[ep]({% post_url _posts/2021-06-08-episode-21 %})",
                "[ep](episodes/ep-21)",
            ),
            (
                "ref to a page bundle",
                "[ep]({{< ref \"/episodes/2021-06-08-episode-21/index.md\" >}})",
                "[ep](episodes/ep-21)",
            ),
            (
                "shortcodes are not liquid",
                "a {{% comment %}}{{ hidden }}{{% /comment %}} b",
                "a  b",
            ),
        ];
        for (name, body, want) in cases {
            let (got, warnings) = expand_templates(body, &ctx);
            assert_eq!(got, *want, "{name}");
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        }
        assert!(matches!(
            expand_templates("No braces at all.", &ctx).0,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn errors_if_templates_of_both_kinds_get_lines_of_the_body() {
        let ctx = TemplateContext {
            post_url: &|_| None,
            page: &|_| None,
            site_url: None,
            site_baseurl: "",
        };
        // The highlight block moves its lines; Liquid's warnings must not.
        let body = "{{< highlight go >}}\nfmt.Println(1)\n{{< /highlight >}}\n{{< figure src=\"a.png\" >}}\n\n{{ .Title }}\n{{% unknown %}}\n";
        let (text, warnings) = expand_templates(body, &ctx);
        assert_no_leak("text", &text);
        assert!(text.starts_with("```go\nfmt.Println(1)\n```\n"), "{text}");
        let lines: Vec<(usize, &str)> = warnings
            .iter()
            .map(|w| (w.line, w.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (6, "unsupported Liquid output `{{ .Title }}` removed"),
                (7, "unsupported Hugo shortcode `unknown` removed"),
            ]
        );
    }
}

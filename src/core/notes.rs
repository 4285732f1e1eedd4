//! Show notes, from a post's Markdown body to the HTML that is published.
//!
//! The pipeline, each step its own pure function:
//!
//! 1. [`liquid::expand`]: Jekyll tags (`post_url`, `link`…) become text.
//! 2. [`markdown::render`]: Markdown to HTML, with event-filter rewrites.
//! 3. [`sanitize`]: an allowlist sanitizer, during which every relative URL
//!    is resolved by [`NotesContext::resolve_url`].

use super::catalog::{encode_path, percent_decode, CONTENT_DIR};
use super::liquid;
use super::markdown;
use super::sanitize::sanitize;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

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
    let post_url = |name: &str| {
        ctx.posts
            .get(name.trim())
            .map(|slug| format!("episodes/{slug}"))
    };
    let (expanded, warnings) = liquid::expand(body, &post_url);
    let html = markdown::render(&expanded, ctx.timestamps);
    let used = Mutex::new(BTreeSet::new());
    let html = sanitize(&html, &|url: &str| {
        let (resolved, file) = ctx.resolve_url(url);
        if let Some(file) = file {
            used.lock().expect("not poisoned").insert(file);
        }
        resolved
    });
    RenderedNotes {
        html,
        warnings,
        files_used: used.into_inner().expect("not poisoned"),
    }
}

impl NotesContext<'_> {
    /// Resolves a relative URL found in notes. Returns the URL to publish
    /// and, when it names a file of the content folder, that file.
    ///
    /// - `//host/x` → `https://host/x`
    /// - `#id`, `?q` → unchanged (in-page)
    /// - `episodes/{slug}` → unchanged (an app route, from `post_url`)
    /// - `/images/x.png` → `content/images/x.png` when the content folder
    ///   has it, else `{assets_base}/images/x.png`, else unchanged
    /// - `x.png` → the file beside the post, like Jekyll's relative links;
    ///   `other-post.md` → that post's page
    pub fn resolve_url(&self, url: &str) -> (String, Option<String>) {
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
        if let Some(slug) = relative
            .strip_suffix(".md")
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
        })
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
}

//! The app's addresses. They are part of the product: shared links must
//! keep working, so change them only with redirects.
//!
//! Paths here are relative to the site's base (`<base href>`), so the same
//! rules hold for a site at `/` and one at `/show/`.

use super::catalog::percent_decode;

/// The folder of the episode pages, and of the archive page.
pub const EPISODES_DIR: &str = "episodes";

/// The folder of the authors' preview page.
pub const PREVIEW_DIR: &str = "preview";

/// The page static hosts send for a missing address.
pub const NOT_FOUND_FILE: &str = "404.html";

/// The attribute of the app's mount point that names the route its
/// content was rendered for by the build: the browser hydrates that route,
/// then moves to its own address if it differs (a host's fallback page).
pub const ROUTE_ATTRIBUTE: &str = "data-route";

/// Where the listener is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the listing (with its search in the query string).
    Listing,
    /// `/episodes/`: every episode by year, as the build wrote it.
    Archive,
    /// `/episodes/{slug}`
    Episode { slug: String },
    /// `/preview/`: the authors' preview. The app draws only its frame
    /// there; the tool is the preview module's (`src/bin/preview.rs`),
    /// drawn beside the app's mount point.
    Preview,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route of a path relative to the base, without query or fragment.
    pub fn recognize(path: &str) -> Route {
        let path = path.trim_start_matches("./").trim_start_matches('/');
        match path.split_once('/') {
            None if path.is_empty() || path == "index.html" => Route::Listing,
            None if path == "episodes" => Route::Archive,
            None if path == PREVIEW_DIR => Route::Preview,
            Some((PREVIEW_DIR, "" | "index.html")) => Route::Preview,
            Some(("episodes", "" | "index.html")) => Route::Archive,
            Some(("episodes", slug)) => {
                let slug = slug.trim_end_matches('/');
                if !slug.is_empty() && !slug.contains('/') {
                    Route::Episode {
                        slug: percent_decode(slug).unwrap_or_else(|| slug.to_string()),
                    }
                } else {
                    Route::NotFound
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The path of the route, relative to the base: `./`, `episodes/`,
    /// `episodes/{slug}/`. The trailing slash is the form static hosts
    /// serve (`episodes/{slug}/index.html`) without a redirect.
    pub fn path(&self) -> String {
        match self {
            Route::Listing => "./".to_string(),
            Route::Archive => format!("{EPISODES_DIR}/"),
            Route::Episode { slug } => format!("{EPISODES_DIR}/{slug}/"),
            Route::Preview => format!("{PREVIEW_DIR}/"),
            Route::NotFound => NOT_FOUND_FILE.to_string(),
        }
    }

    /// The file of the route's page inside the built site.
    pub fn file(&self) -> String {
        match self {
            Route::Listing => "index.html".to_string(),
            Route::NotFound => NOT_FOUND_FILE.to_string(),
            other => other.path() + "index.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_recognize_routes() {
        let ep = |s: &str| Route::Episode { slug: s.into() };
        for (path, want) in [
            ("", Route::Listing),
            ("/", Route::Listing),
            ("index.html", Route::Listing),
            ("episodes/lcc-133", ep("lcc-133")),
            ("/episodes/lcc-133/", ep("lcc-133")),
            ("episodes/caf%C3%A9", ep("café")),
            ("episodes/", Route::Archive),
            ("episodes", Route::Archive),
            ("episodes/index.html", Route::Archive),
            ("preview", Route::Preview),
            ("/preview/", Route::Preview),
            ("preview/index.html", Route::Preview),
            ("preview/x", Route::NotFound),
            ("previews", Route::NotFound),
            ("episodes/a/b", Route::NotFound),
            ("no/such/page", Route::NotFound),
            ("404", Route::NotFound),
        ] {
            assert_eq!(Route::recognize(path), want, "{path:?}");
        }
    }

    #[test]
    fn paths_round_trip() {
        for r in [
            Route::Listing,
            Route::Archive,
            Route::NotFound,
            Route::Preview,
            Route::Episode {
                slug: "tas-1".into(),
            },
        ] {
            assert_eq!(Route::recognize(&r.path()), r);
        }
    }
}

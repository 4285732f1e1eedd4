//! The embeddable player: `episodes/{slug}/embed/`, a small page of its own
//! (artwork, title, play, seek, time, speed, a link to the episode page)
//! that blog posts and announcements frame, and its
//! [oEmbed](https://oembed.com/) description, `episodes/{slug}/oembed.json`,
//! by which platforms unfurl a link to the episode. The build writes both
//! (`core::prerender::embed_page`, `core::prerender::oembed`); the app's
//! "Embed" button copies the same [`iframe`] the oEmbed answer carries.

use super::html::escape;
use super::route::Route;

/// The frame's height, in CSS pixels: one row of artwork and controls.
pub const HEIGHT: u32 = 152;
/// The frame's width in the oEmbed answer; the iframe itself is fluid.
pub const WIDTH: u32 = 600;

/// The embed page of `slug`, relative to the site's base.
pub fn page_path(slug: &str) -> String {
    format!("{}embed/", episode_path(slug))
}

/// The oEmbed description of `slug`, relative to the site's base.
pub fn oembed_path(slug: &str) -> String {
    format!("{}oembed.json", episode_path(slug))
}

fn episode_path(slug: &str) -> String {
    Route::Episode {
        slug: slug.to_string(),
    }
    .path()
}

/// The code that frames the embed page at `src` (an absolute URL), titled
/// for screen readers by the episode's `title`.
pub fn iframe(src: &str, title: &str) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{HEIGHT}" style="border:0;max-width:{WIDTH}px" loading="lazy" allow="autoplay"></iframe>"#,
        escape(src),
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_place_and_frame_an_embed() {
        assert_eq!(page_path("ep-1"), "episodes/ep-1/embed/");
        assert_eq!(oembed_path("ep-1"), "episodes/ep-1/oembed.json");
        let code = iframe("https://s.example/episodes/a/embed/", "A \"quote\" <b>");
        assert!(code.starts_with(r#"<iframe src="https://s.example/episodes/a/embed/" title="A &quot;quote&quot; &lt;b&gt;""#), "{code}");
        assert!(code.contains(&format!(r#"height="{HEIGHT}""#)));
    }
}

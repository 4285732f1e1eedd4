use crate::core::catalog::Catalog;
use crate::core::timestamp::parse_t;
use crate::io::fetch_notes;
use crate::ui::components::{error_view, loading};
use crate::ui::context::{use_catalog, use_language, use_navigator};
use crate::ui::dom::jump_to_fragment;
use crate::ui::hooks::{use_fetch, Load};
use crate::ui::player::{use_player, PlayerHandle};
use crate::ui::router::{plainly_clicked_link, Navigator, Route};
use std::rc::Rc;
use yew::prelude::*;

thread_local! {
    /// The notes the page was built with, for the first render (see
    /// [`built_notes`]).
    static BUILT: std::cell::RefCell<Option<(String, Rc<String>)>> = const { std::cell::RefCell::new(None) };
}

/// Hands the notes of the episode `slug` to the next render of its notes:
/// the build gives their HTML; the browser, about to hydrate a page that
/// holds them, gives an empty string (hydration adopts the nodes the build
/// wrote, whatever the string). Taken once, so a later visit to the same
/// episode fetches them.
pub fn built_notes(slug: &str, html: String) {
    BUILT.with(|b| *b.borrow_mut() = Some((slug.to_string(), Rc::new(html))));
}

#[derive(Properties, PartialEq)]
pub struct ShowNotesProps {
    pub slug: AttrValue,
}

/// Shows one episode's notes: on the page the build wrote, the notes it
/// holds; on an episode opened in the app, those fetched ahead and read,
/// or fetched then. The HTML was
/// rendered from Markdown and sanitized (see `core::sanitize`) by the
/// indexer at build time, or, for notes the build did not publish, by the
/// same code in the Markdown module (`io::fetch_notes`), so it is inserted
/// as is.
#[component]
pub fn ShowNotes(props: &ShowNotesProps) -> Html {
    let (t, _) = use_language();
    // Notes fetched ahead and read are drawn with the page, in the click's
    // own task: the first frame has them, and the notes are laid out once.
    // The first render takes them; the later ones (the player redraws this
    // on every tick) find none, and `use_fetch` reads only the first's.
    let initial = BUILT
        .with(|b| {
            let mut b = b.borrow_mut();
            match &*b {
                Some((slug, _)) if *slug == *props.slug => b.take().map(|(_, html)| html),
                _ => None,
            }
        })
        .or_else(|| crate::io::notes_at_hand(&props.slug).map(Rc::new));
    let notes = use_fetch(props.slug.clone(), initial, |slug: AttrValue| async move {
        fetch_notes(&slug).await
    });
    let html = use_memo(notes.state.clone(), |state| match state {
        Load::Ready(text) => Some(Html::from_html_unchecked(text.to_string().into())),
        _ => None,
    });
    let onclick = {
        let navigator = use_navigator();
        let player = use_player().player;
        let catalog = use_catalog();
        Callback::from(move |e: MouseEvent| {
            let catalog = match &catalog.state {
                Load::Ready(c) => Some(c.clone()),
                _ => None,
            };
            follow_link(e, &navigator, &player, catalog.as_deref())
        })
    };
    match (&notes.state, &*html) {
        (Load::Ready(_), Some(content)) => html! {
            <div class="show-notes prose" {onclick}>{ content.clone() }</div>
        },
        (Load::Failed(error), _) => html! {
            { error_view(t.notes_error, &error.clone(), &notes.retry.clone(), t.retry) }
        },
        _ => html! { { loading(t.loading_notes) } },
    }
}

/// Keeps clicks on links inside the notes in the app. In-page links
/// (heading anchors, footnotes) would resolve against `<base href>` and
/// leave the page; links to other episodes (from Liquid `post_url`) would
/// reload the whole app and stop the audio; timestamps seek the player,
/// loading their episode first when another one is playing.
fn follow_link(
    e: MouseEvent,
    navigator: &Navigator,
    player: &PlayerHandle,
    catalog: Option<&Catalog>,
) {
    let Some(link) = plainly_clicked_link(&e) else {
        return;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    if let Some(id) = href.strip_prefix('#') {
        e.prevent_default();
        jump_to_fragment(id);
        return;
    }
    let Some(rest) = href.strip_prefix("episodes/") else {
        return;
    };
    let (slug, query) = rest.split_once('?').unwrap_or((rest, ""));
    let slug = slug.strip_suffix('/').unwrap_or(slug);
    if slug.is_empty() || slug.contains(['/', '#']) {
        return;
    }
    let seek = query.strip_prefix("t=").and_then(parse_t);
    let episode = catalog.and_then(|c| c.position(slug).map(|i| &c.episodes[i]));
    match (seek, episode) {
        (Some(t), Some(episode))
            if link
                .get_attribute("class")
                .is_some_and(|c| c.split_whitespace().any(|c| c == "timestamp"))
                && episode.audio.is_some() =>
        {
            e.prevent_default();
            player.play_episode(episode, Some(f64::from(t)));
        }
        _ => {
            e.prevent_default();
            navigator.push(&Route::Episode {
                slug: slug.to_string(),
            });
        }
    }
}

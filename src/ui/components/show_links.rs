use crate::core::catalog::{Site, FEED_FILE};
use crate::core::i18n::Strings;
use crate::core::links::podcast_link;
use crate::core::url::absolute;
use crate::ui::components::copy_and_say;
use yew::prelude::*;

/// Where listeners follow and support the show (see `core::links`): "Listen
/// on" and each podcast app the settings name; the feed's address, which a
/// click copies (without scripts, the link opens the feed), and the same
/// feed opened in the device's podcast app; then the funding links, all
/// as the indexer resolved them. The feed's links need the site's address,
/// as the feed itself does. Draws nothing when there is nothing to show.
pub fn show_links(t: &Strings, site: &Site, feed_copied: &UseStateHandle<bool>) -> Html {
    let feed = site.url.as_deref().map(|url| absolute(url, FEED_FILE));
    let links = &site.links;
    if links.is_empty() && feed.is_none() {
        return html! {};
    }
    let copy = feed.clone().map(|url| {
        let copied = feed_copied.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            copy_and_say(url.clone(), &copied);
        })
    });
    html! {
        <nav class="show-links" aria-label={t.subscribe}>
            if !links.subscribe.is_empty() {
                <p class="listen-on">
                    { t.listen_on }
                    { for links.subscribe.iter().map(|(app, url)| html! {
                        <a class="app-link" href={url.clone()}>{ app }</a>
                    }) }
                </p>
            }
            if let Some(feed) = &feed {
                <p class="feed-links">
                    <a class="copy-feed" href={feed.clone()} type="application/rss+xml" onclick={copy}>
                        if **feed_copied {
                            <span role="status">{ t.feed_copied }</span>
                        } else {
                            { t.copy_feed }
                        }
                    </a>
                    if let Some(app) = podcast_link(feed) {
                        <a class="open-in-app" href={app}>{ t.open_in_app }</a>
                    }
                </p>
            }
            if !links.funding.is_empty() {
                <p class="funding">
                    { for links.funding.iter().map(|(label, url)| html! {
                        <a href={url.clone()}>{ label }</a>
                    }) }
                </p>
            }
        </nav>
    }
}

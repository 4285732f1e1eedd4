use crate::core::catalog::Catalog;
use crate::core::duration::format_clock;
use crate::core::i18n::Strings;
use crate::core::timestamp::t_query;
use crate::ui::components::highlighted;
use crate::ui::hooks::TranscriptHit;
use crate::ui::router::{href, Route};
use yew::prelude::*;

/// What a search found in transcripts: each paragraph's episode, the time
/// it starts (its link opens the episode there, paused, as `?t=` links
/// do) and the words around the match.
pub fn transcript_hits(t: &Strings, catalog: &Catalog, hits: &[TranscriptHit]) -> Html {
    if hits.is_empty() {
        return html! {};
    }
    html! {
        <section class="transcript-hits" aria-labelledby="transcript-hits-title">
            <h2 id="transcript-hits-title">{ t.in_transcripts }</h2>
            <ol>
                { for hits.iter().map(|h| {
                    let e = &catalog.episodes[h.at];
                    let query = h.time.map(t_query).unwrap_or_default();
                    html! {
                        <li>
                            <a href={href(&Route::Episode { slug: e.slug.clone() }, &query)}>{ &e.title }</a>
                            if let Some(s) = h.time {
                                <span class="t-time">{ format_clock(s) }</span>
                            }
                            <p class="excerpt snippet">{ highlighted(&h.excerpt.text, &h.excerpt.marks) }</p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

//! Search: tokenizing, reading a query, mending it against a vocabulary,
//! marking a text, reading the engine's excerpt, and reading an answer the
//! search module hands the app, for arbitrary input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcast_viewer::core::json::Json;
use podcast_viewer::core::search::{highlight, tokenize, Answer, Excerpt, Query, Vocabulary};
use std::sync::OnceLock;

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        Vocabulary::new([
            "Kubernetes et l'École du cloud",
            "Emmanuel Bernard",
            "CSS Grid, Flexbox & Tabs vs Spaces",
            "Über-long words, «quotes», emoji 🎙️ and ﬁ ligatures",
        ])
    })
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    // Text and query, cut at the first NUL; the whole input is both if none.
    let (text, q) = input.split_once('\0').unwrap_or((&input, &input));

    for token in tokenize(text) {
        assert!(text.get(token.range.clone()).is_some(), "{token:?}");
    }

    let query = Query::parse(q);
    assert!(query.terms.iter().all(|t| !t.folded.is_empty()));
    // What the engine is sent reads back as the same words.
    let sent = Query::parse(&query.engine_text());
    assert_eq!(sent.exact, query.exact, "{q:?}");
    assert!(sent.terms.iter().all(|s| query.terms.iter().any(|t| t.folded == s.folded)));
    // The text's words stand for what the engine matched on a page.
    let found: Vec<String> = tokenize(text).into_iter().map(|t| t.folded).collect();
    if let Some(mended) = query.corrected(vocabulary(), &found) {
        assert_eq!(mended.terms.len(), query.terms.len());
        assert_ne!(mended, query);
        // Searched as typed, nothing is mended again.
        let as_typed = Query::parse(&query.as_typed(&mended));
        assert_eq!(as_typed.corrected(vocabulary(), &found), None, "{q:?}");
    }
    for range in highlight(text, &query) {
        assert!(text.get(range).is_some());
    }
    let excerpt = Excerpt::parse(text);
    for range in &excerpt.marks {
        assert!(excerpt.text.get(range.clone()).is_some(), "{excerpt:?}");
    }
    // Whatever an answer says, its marks fall on the text's characters.
    if let Ok(answer) = Json::parse(text).and_then(|j| Answer::from_json(&j)) {
        for shown in answer.shown.iter().chain(&answer.in_transcripts) {
            for range in &shown.excerpt.marks {
                assert!(shown.excerpt.text.get(range.clone()).is_some(), "{shown:?}");
            }
        }
        assert_eq!(Answer::from_json(&answer.to_json()), Ok(answer));
    }
});

//! Search: tokenizing, querying a small index built once, and the marks and
//! snippet drawn for arbitrary text and query.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podcast_viewer::core::search::{highlight, snippet, tokenize, Document, Query, SearchIndex};
use std::sync::OnceLock;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let people = [
            vec!["Emmanuel Bernard".to_string(), "Audrey Neveu".to_string()],
            vec!["Wes Bos".to_string()],
            vec![],
        ];
        let docs = [
            Document {
                title: "Kubernetes et l'École du cloud",
                people: &people[0],
                notes: "On parle de Java 21, de GraalVM et de l'écosystème. À 12:34, les news.",
            },
            Document {
                title: "CSS Grid, Flexbox & Tabs vs Spaces",
                people: &people[1],
                notes: "Über-long words, «quotes», emoji 🎙️ and ﬁ ligatures.",
            },
            Document {
                title: "",
                people: &people[2],
                notes: "",
            },
        ];
        let built = SearchIndex::build(&docs);
        // What the browser gets: the index through its JSON form.
        SearchIndex::from_json(&built.to_json()).expect("own index reads back")
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
    let index = index();
    let hits = index.search(&query);
    assert!(hits.iter().all(|&(doc, _)| doc < index.docs));

    for range in highlight(text, &query) {
        assert!(text.get(range).is_some());
    }
    let max_chars = data.len() % 200;
    let (passage, marks) = snippet(text, &query, max_chars);
    for range in marks {
        assert!(passage.get(range).is_some(), "{passage:?}");
    }
});

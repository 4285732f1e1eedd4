//! The static pages' content: the app's own components rendered natively,
//! as the build renders them (`ui::ssr`) and the browser then hydrates.
#![cfg(not(target_arch = "wasm32"))]

use podcast_viewer::core::catalog::{Catalog, EpisodeSummary, Filters, Site, NOTES_MARKER};
use podcast_viewer::core::chapters::Chapter;
use podcast_viewer::core::date::Date;
use podcast_viewer::core::json::Json;
use podcast_viewer::core::route::Route;
use podcast_viewer::ui::pages::PAGE;
use podcast_viewer::ui::ssr::Renderer;
use podcast_viewer::ui::Location;
use std::path::Path;
use std::process::Command;

fn episode(n: i32, day: u8, title: &str) -> EpisodeSummary {
    EpisodeSummary {
        slug: format!("ep-{n}"),
        title: title.into(),
        number: Some(n),
        date: Date::new(2024, 3, day).unwrap(),
        excerpt: format!("About {title}."),
        team: vec!["Ada Lovelace".into()],
        guests: vec!["Grace & Co".into()],
        audio: Some(format!("content/audio/ep-{n}.mp3")),
        duration: Some(3723),
        ..EpisodeSummary::default()
    }
}

/// Two episodes, the newer with chapters and a title that tries to end
/// its elements, of a French show.
fn catalog() -> Catalog {
    let mut first = episode(2, 12, "Rust </h1><script>alert(1)</script>");
    first.chapters = vec![Chapter(0, "Intro".into()), Chapter(95, "Main".into())];
    Catalog {
        site: Site {
            title: "Tabs & Spaces".into(),
            description: "A show.".into(),
            language: "fr".into(),
            ..Site::default()
        },
        episodes: vec![first, episode(1, 5, "First")],
        parts: vec![],
        total: 2,
        filters: Default::default(),
    }
}

fn render(catalog: Catalog, route: Route, notes: Option<&str>) -> String {
    Renderer::new(catalog).render(Location::from(route), notes)
}

fn episode_route(slug: &str) -> Route {
    Route::Episode { slug: slug.into() }
}

#[track_caller]
fn assert_contains(page: &str, wants: &[&str]) {
    for want in wants {
        assert!(page.contains(want), "missing {want}\n{page}");
    }
}

#[test]
fn can_render_an_episode_page_with_its_notes() {
    let page = render(
        catalog(),
        episode_route("ep-2"),
        Some("<p>Notes <em>here</em></p>"),
    );
    assert_contains(
        &page,
        &[
            r#"<header class="site-header">"#,
            r#"<main id="viewer-main" tabindex="-1">"#,
            "<h1>Rust &lt;/h1&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
            // The notes as published, between hydration's markers.
            "<p>Notes <em>here</em></p>",
            // The browser's own player until the app runs.
            r#"<audio preload="none" src="content/audio/ep-2.mp3" controls="controls" class="static-audio"></audio>"#,
            r#"<a href="content/audio/ep-2.mp3" download="">Télécharger"#,
            r#"<a href="./?who=Grace+%26+Co""#,
            r#"<a href="episodes/ep-2/?t=95" class="chapter"><span class="chapter-time">1:35</span>"#,
            r#"<time datetime="2024-03-12" data-pagefind-ignore="">12 mars 2024</time>"#,
            r#"href="episodes/ep-1/""#,
            r#"<span class="pager-link newer empty">"#,
            // What the search engine indexes: the article, less its controls.
            r#"<article data-pagefind-body="" class="episode">"#,
            r#"<div data-pagefind-ignore="" class="episode-actions">"#,
            r#"<nav aria-label="Épisodes plus récents et plus anciens" data-pagefind-ignore="" class="pager">"#,
        ],
    );
    let notes = page.find("<p>Notes").unwrap();
    let div = page[..notes].rfind("<div").unwrap();
    assert!(page[div..notes].contains("show-notes prose"), "{page}");
    // No script of a title gets in, and no loading state stands in for
    // what the build knows.
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("spinner"), "{page}");
}

#[test]
fn can_render_the_listing_with_its_first_page_and_the_search_form() {
    let mut c = catalog();
    let template = c.episodes[1].clone();
    for n in 3..=20 {
        c.episodes.push(EpisodeSummary {
            slug: format!("ep-{n}"),
            number: Some(n),
            date: Date::new(2023, 1, 5).unwrap(),
            ..template.clone()
        });
    }
    c.episodes[1].team.push("Zoé".into());
    c.total = c.episodes.len();
    // As the indexer writes them into the index's head.
    c.filters = Filters::of(&c.episodes);
    let page = render(c, Route::Listing, None);
    assert_eq!(page.matches(r#"class="episode-card"#).count(), PAGE);
    // Each card tells screen readers its place in the whole archive.
    assert!(
        page.contains(r#"aria-posinset="1" aria-setsize="20""#),
        "{page}"
    );
    assert!(
        page.contains(&format!(r#"aria-posinset="{PAGE}" aria-setsize="20""#)),
        "{page}"
    );
    // Until the app runs, a card's play button is a link to its page.
    assert_eq!(
        page.matches(r#"href="episodes/ep-"#).count(),
        2 * PAGE,
        "{page}"
    );
    assert_contains(
        &page,
        &[
            "<h1>Tabs &amp; Spaces</h1>",
            "20 épisodes",
            r#"<form role="search" action="./" method="get" class="search">"#,
            r#"name="q" type="search" placeholder="Titres, notes, personnes…""#,
            r#"<select name="year" aria-label="Année">"#,
            r#"<option value="2024">2024</option><option value="2023">2023</option>"#,
            r#"<select name="who" aria-label="Personne">"#,
            // The most frequent first.
            r#"<option value="Ada Lovelace">Ada Lovelace (20)</option><option value="Grace &amp; Co">Grace &amp; Co (20)</option><option value="Zoé">Zoé (1)</option>"#,
            r#"<button type="submit" class="visually-hidden focusable">"#,
            // The rest of the archive, until the app draws it here.
            r#"<p class="archive-link"><a href="episodes/" class="button secondary">Tous les épisodes</a></p>"#,
        ],
    );
    assert!(
        page.find("</form>").unwrap() < page.find(r#"class="count""#).unwrap(),
        "the form comes before the count"
    );
}

#[test]
fn can_render_the_archive_and_not_found() {
    let archive = render(catalog(), Route::Archive, None);
    assert_eq!(archive.matches(r#"<li><a href="episodes/ep-"#).count(), 2);
    assert_contains(
        &archive,
        &[
            "<h1>Tous les épisodes</h1>",
            "<h2>2024</h2>",
            "Rust &lt;/h1&gt;&lt;script&gt;",
        ],
    );
    let missing = render(catalog(), Route::NotFound, None);
    assert_contains(
        &missing,
        &[
            r#"<section class="not-found">"#,
            "<h1>Page introuvable</h1>",
        ],
    );
    // An episode the index does not have is not found either.
    let gone = render(catalog(), episode_route("ep-404"), None);
    assert_contains(&gone, &[r#"<section class="not-found">"#]);
}

#[test]
fn can_render_dates_of_languages_the_interface_lacks() {
    let mut c = catalog();
    c.site.language = "ja".into();
    let page = render(c, Route::Listing, None);
    // The browser's own words replace the ISO date once the app runs.
    assert_contains(&page, &[r#"<time datetime="2024-03-12">2024-03-12</time>"#]);
}

/// Escaping holds for every text the pages show, whatever the title,
/// person, excerpt or chapter holds.
#[test]
fn errors_if_hostile_text_reaches_the_markup() {
    let hostile = r#"<img src=x onerror=alert(1)>"'&"#;
    let mut c = catalog();
    let e = &mut c.episodes[0];
    e.title = hostile.into();
    e.excerpt = hostile.into();
    e.team = vec![hostile.into()];
    e.chapters = vec![Chapter(0, hostile.into())];
    c.site.title = hostile.into();
    c.site.description = hostile.into();
    for route in [Route::Listing, episode_route("ep-2"), Route::Archive] {
        let page = render(c.clone(), route.clone(), None);
        assert!(!page.contains("<img src=x"), "{route:?}\n{page}");
        assert!(
            page.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{route:?}"
        );
    }
}

/// The demo archive, as the indexer publishes it, renders on every route
/// without a panic.
#[test]
fn can_render_every_page_of_the_demo() {
    let out =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ssr-demo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let o = Command::new(env!("CARGO_BIN_EXE_indexer"))
        .args(["--content", content.to_str().unwrap(), "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json = Json::parse(&std::fs::read_to_string(out.join("index.json")).unwrap()).unwrap();
    let mut catalog = Catalog::from_json(&json).unwrap();
    catalog.expand();
    let renderer = Renderer::new(catalog.clone());
    for e in &catalog.episodes {
        let notes =
            std::fs::read_to_string(out.join("notes").join(format!("{}.html", e.slug))).unwrap();
        let notes = notes.strip_prefix(NOTES_MARKER).unwrap_or(&notes);
        let page = renderer.render(episode_route(&e.slug).into(), Some(notes));
        let title = podcast_viewer::core::html::escape(&e.title);
        assert!(page.contains(&format!("<h1>{title}</h1>")), "{}", e.slug);
        assert!(page.contains("show-notes prose"), "{}", e.slug);
    }
    for route in [Route::Listing, Route::Archive, Route::NotFound] {
        assert!(renderer.render(route.into(), None).contains("<h1>"));
    }
    let _ = std::fs::remove_dir_all(&out);
}

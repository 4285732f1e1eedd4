//! The Markdown module: the indexer's own notes pipeline (front matter
//! through the site's field map, Liquid and shortcodes, pulldown-cmark,
//! the sanitizer, timestamp links) compiled to wasm with the `pipeline`
//! feature. It runs in a Web Worker (`src/io/markdown-worker.js`), for
//! the author's preview (`/preview`, `src/bin/preview.rs`) and for notes
//! the build did not publish. No listener's normal path loads it.
//!
//! Every export takes the texts of the files the worker fetched:
//! `index` is `index.json`, `sources` is `sources.json` (see
//! `podcast_viewer::core::source`).

#[cfg(all(target_arch = "wasm32", pipeline))]
mod exports {
    use podcast_viewer::core::catalog::Catalog;
    use podcast_viewer::core::episode::Problem;
    use podcast_viewer::core::i18n;
    use podcast_viewer::core::json::Json;
    use podcast_viewer::core::source::{render, source_url, Rendered, Sources};
    use wasm_bindgen::prelude::*;

    #[global_allocator]
    static ALLOCATOR: ::talc::wasm::WasmDynamicTalc = ::talc::wasm::new_wasm_dynamic_allocator();

    fn site(index: &str) -> Result<Catalog, String> {
        Catalog::head_from_json(&Json::parse(index)?).map_err(|e| format!("index.json: {e}"))
    }

    fn sources(sources: &str) -> Result<Sources, String> {
        serde_json::from_str(sources).map_err(|e| format!("sources.json: {e}"))
    }

    fn problems(list: &[Problem]) -> String {
        list.iter()
            .map(|p| format!("{}: {}", p.line, p.reason))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `[path, address]` of the file the episode `slug` was read from: its
    /// path in the content folder, and where the site publishes it,
    /// relative to the site root. `undefined` when the build read no such
    /// episode.
    #[wasm_bindgen]
    pub fn source(sources_json: &str, slug: &str) -> Result<Option<Vec<String>>, String> {
        Ok(sources(sources_json)?
            .path(slug)
            .map(|path| vec![path.to_string(), source_url(path)]))
    }

    /// Now, in seconds since the Unix epoch, for what the build leaves
    /// out until its date.
    fn now() -> i64 {
        (js_sys::Date::now() / 1000.0) as i64
    }

    /// The notes alone, exactly as the build writes them after the marker
    /// line of `notes/{slug}.html`: what the equality tests compare.
    /// Rejects with the file's problems, a line each (`3: reason`).
    #[wasm_bindgen]
    pub fn notes_only(
        index: &str,
        sources_json: &str,
        path: &str,
        text: &str,
    ) -> Result<String, String> {
        let catalog = site(index)?;
        render(path, text, &catalog.site, &sources(sources_json)?, now())
            .map(|r| r.notes)
            .map_err(|p| problems(&p))
    }

    /// The same notes after a paragraph, in the site's language, that says
    /// they were rendered on this device: what a listener reads when the
    /// build did not publish them.
    #[wasm_bindgen]
    pub fn notes(
        index: &str,
        sources_json: &str,
        path: &str,
        text: &str,
    ) -> Result<String, String> {
        let notes = notes_only(index, sources_json, path, text)?;
        let language = site(index)?.site.language;
        Ok(format!(
            "<p class=\"notes-origin\" role=\"note\">{}</p>{notes}",
            i18n::rendered_here(&language)
        ))
    }

    /// A new episode's file in the site's own keys (see
    /// `core::source::template`).
    #[wasm_bindgen]
    pub fn template(sources_json: &str, number: i32, date: &str) -> Result<String, String> {
        Ok(podcast_viewer::core::source::template(
            &sources(sources_json)?,
            number,
            date,
        ))
    }

    /// An author's draft of the episode file `path` (a bare file name is
    /// placed as `Sources::place` says), read:
    /// `{ path, episode, notes, draft, future, problems }`, `episode` the JSON of its
    /// entry in the index (`EpisodeSummary`). `problems` lists
    /// `{ line, reason, error }`, `error` true for what keeps the build
    /// from publishing the file; a file that does not read has only
    /// `problems`.
    #[wasm_bindgen]
    pub fn read(
        index: &str,
        sources_json: &str,
        path: &str,
        text: &str,
    ) -> Result<JsValue, String> {
        let catalog = site(index)?;
        let out = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&out, &key.into(), &value);
        };
        let listed = |list: &[Problem], error: bool| {
            list.iter()
                .map(|p| {
                    let item = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&item, &"line".into(), &p.line.into());
                    let _ =
                        js_sys::Reflect::set(&item, &"reason".into(), &p.reason.as_str().into());
                    let _ = js_sys::Reflect::set(&item, &"error".into(), &error.into());
                    JsValue::from(item)
                })
                .collect::<js_sys::Array>()
        };
        let sources = sources(sources_json)?;
        let path = sources.place(path);
        set("path", path.as_str().into());
        match render(&path, text, &catalog.site, &sources, now()) {
            Ok(Rendered {
                episode,
                notes,
                warnings,
                draft,
                future,
            }) => {
                set("future", future.into());
                let episode = serde_json::to_string(&episode).map_err(|e| e.to_string())?;
                set("episode", episode.into());
                set("notes", notes.into());
                set("draft", draft.into());
                set("problems", listed(&warnings, false).into());
            }
            Err(problems) => set("problems", listed(&problems, true).into()),
        }
        Ok(out.into())
    }
}

fn main() {
    // The module has no start of its own: its worker calls its exports.
}

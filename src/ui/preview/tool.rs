//! The preview's one component: the editor, the draft's problems, and the
//! draft drawn as the site will publish it.

use super::draft::{file_name, line_start, Draft, Edit};
use crate::core::catalog::{percent_decode, Catalog, EpisodeSummary, Filters, CONTENT_DIR};
use crate::core::json::Json;
use crate::core::slug::strip_markdown_extension;
use crate::io::{fetch_catalog, fetch_markdown, FetchError};
use crate::ui::{ssr, Location, Route};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// How long typing pauses before the draft is read again, in milliseconds.
const PAUSE_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct PreviewToolProps {
    /// The Markdown module's page side (`src/io/markdown-client.js`): its `read`
    /// and `template` functions.
    pub markdown: JsValue,
}

/// One problem of a draft, at a 1-based line of its file (0: the site's
/// settings). An error keeps the build from publishing the file; a
/// warning does not.
#[derive(Debug, Clone, PartialEq)]
struct Problem {
    line: usize,
    reason: String,
    error: bool,
}

/// A draft as the site would publish it.
#[derive(Debug, Clone, PartialEq, Default)]
struct Shown {
    /// Where the file sits in the content folder.
    path: String,
    problems: Vec<Problem>,
    /// The listing card and the episode page, as the build draws them.
    card: Option<AttrValue>,
    page: Option<AttrValue>,
    audio: Option<String>,
    /// `draft: true`: left out of the site until removed.
    draft: bool,
    /// Dated after now: left out until then.
    future: bool,
}

/// A dropped file, and its count of problems once read.
#[derive(Debug, Clone, PartialEq)]
struct Dropped {
    draft: Draft,
    problems: Option<usize>,
}

/// Calls `markdown[name](...args)` and waits for its promise.
async fn call(markdown: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, FetchError> {
    let f: js_sys::Function = js_sys::Reflect::get(markdown, &name.into())
        .unwrap_or_default()
        .unchecked_into();
    let args: js_sys::Array = args.iter().collect();
    let promise = f
        .apply(markdown, &args)
        .map_err(|e| FetchError::from_js(e, "markdown"))?;
    JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|e| FetchError::from_js(e, "markdown"))
}

fn field(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or_default()
}

/// The element `selector` finds in `html`, parsed off the page: its
/// outer markup, or its content when `inner`.
fn part(html: &str, selector: &str, inner: bool) -> Option<AttrValue> {
    let holder = web_sys::window()?.document()?.create_element("div").ok()?;
    holder.set_inner_html(html);
    let found = holder.query_selector(selector).ok()??;
    Some(
        if inner {
            found.inner_html()
        } else {
            found.outer_html()
        }
        .into(),
    )
}

/// Reads `draft` in the Markdown module's worker, then draws it with the
/// static pages' renderer on `catalog`'s site.
async fn show(markdown: &JsValue, catalog: &Catalog, draft: &Draft) -> Result<Shown, FetchError> {
    let read = call(
        markdown,
        "read",
        &[draft.name_or_default().into(), draft.text.as_str().into()],
    )
    .await?;
    let problems = js_sys::Array::from(&field(&read, "problems"))
        .iter()
        .map(|p| Problem {
            line: field(&p, "line").as_f64().unwrap_or(0.0) as usize,
            reason: field(&p, "reason").as_string().unwrap_or_default(),
            error: field(&p, "error").is_truthy(),
        })
        .collect();
    let mut shown = Shown {
        path: field(&read, "path").as_string().unwrap_or_default(),
        problems,
        draft: field(&read, "draft").is_truthy(),
        future: field(&read, "future").is_truthy(),
        ..Shown::default()
    };
    let Some(json) = field(&read, "episode").as_string() else {
        return Ok(shown);
    };
    let episode = Json::parse(&json)
        .and_then(|j| EpisodeSummary::from_json(&j))
        .map_err(|reason| FetchError::Invalid {
            url: shown.path.clone(),
            reason,
        })?;
    let notes = field(&read, "notes").as_string().unwrap_or_default();
    shown.audio = episode.audio.clone();
    let slug = episode.slug.clone();
    let alone = Rc::new(Catalog {
        site: catalog.site.clone(),
        episodes: vec![episode],
        parts: Vec::new(),
        total: 1,
        filters: Filters::default(),
    });
    let at = |route| Location {
        route,
        query: String::new(),
    };
    let listing = ssr::render(alone.clone(), at(Route::Listing), None).await;
    shown.card = part(&listing, ".episode-card", false);
    let page = ssr::render(alone, at(Route::Episode { slug }), Some(&notes)).await;
    shown.page = part(&page, "main", true);
    Ok(shown)
}

/// Today in the listener's calendar, `YYYY-MM-DD`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Reads every Markdown file of `list`, as text; and the names of the
/// others, and of those that could not be read.
async fn read_files(list: web_sys::FileList) -> (Vec<Draft>, Vec<String>) {
    let (mut read, mut aside) = (Vec::new(), Vec::new());
    for i in 0..list.length() {
        let Some(file) = list.item(i) else { continue };
        let name = file.name();
        if strip_markdown_extension(&name).len() == name.len() {
            aside.push(name);
            continue;
        }
        match JsFuture::from(file.text()).await {
            Ok(text) => read.push(Draft {
                name,
                text: text.as_string().unwrap_or_default(),
            }),
            Err(_) => aside.push(name),
        }
    }
    (read, aside)
}

/// The preview: an editor on one side, the draft as published on the
/// other, its problems between.
#[component]
pub fn PreviewTool(props: &PreviewToolProps) -> Html {
    let draft = use_reducer(|| {
        Draft::saved().unwrap_or_else(|| Draft {
            name: format!("{}-new-episode.md", today()),
            text: String::new(),
        })
    });
    let catalog = use_state(|| None::<Result<Rc<Catalog>, FetchError>>);
    let shown = use_state(|| None::<Result<Shown, FetchError>>);
    let dropped = use_state(Vec::<Dropped>::new);
    // Something the author should know that is not a problem of the file:
    // a `?src=` that could not be read, files left aside.
    let notice = use_state(|| None::<String>);
    let over = use_state(|| false);
    // Bumped by "Try again": reads the site and the draft again.
    let attempt = use_state(|| 0u32);
    let editor = use_node_ref();
    let pending = use_mut_ref(|| None::<Timeout>);
    let generation = use_mut_ref(|| 0u64);
    let drops = use_mut_ref(|| 0u64);
    let markdown = props.markdown.clone();

    // The site.
    {
        let catalog = catalog.clone();
        use_effect_with(*attempt, move |_| {
            spawn_local(async move {
                catalog.set(Some(fetch_catalog().await.map(Rc::new)));
            });
        });
    }

    // The file `?src=` names: a file of this site only, by its path in the
    // content folder when it is there (`content/_posts/x.md`).
    {
        let (draft, notice) = (draft.clone(), notice.clone());
        use_effect_with((), move |()| {
            let window = web_sys::window();
            let Some(src) = window
                .as_ref()
                .and_then(|w| w.location().search().ok())
                .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
                .and_then(|q| q.get("src"))
            else {
                return;
            };
            let base = window
                .as_ref()
                .and_then(|w| w.document()?.base_uri().ok()?)
                .unwrap_or_default();
            let origin = window.as_ref().and_then(|w| w.location().origin().ok());
            let url = web_sys::Url::new_with_base(&src, &base)
                .ok()
                .filter(|u| origin.as_deref() == Some(u.origin().as_str()));
            let Some(url) = url else {
                notice.set(Some(format!(
                    "Only a file of this site opens here, not {src}."
                )));
                return;
            };
            let folder = web_sys::Url::new_with_base(&format!("{CONTENT_DIR}/"), &base)
                .map(|u| u.pathname())
                .unwrap_or_default();
            spawn_local(async move {
                match fetch_markdown(&url.href()).await {
                    Ok(text) => {
                        let path = url.pathname();
                        let name = match path.strip_prefix(folder.as_str()) {
                            Some(inside) => {
                                percent_decode(inside).unwrap_or_else(|| inside.to_string())
                            }
                            None => file_name(&path),
                        };
                        draft.dispatch(Edit::Open(Draft { name, text }));
                    }
                    Err(e) => notice.set(Some(format!("{src} could not be opened: {e}"))),
                }
            });
        });
    }

    // Read again once typing pauses; an older answer never replaces a newer.
    {
        let (shown, markdown) = (shown.clone(), markdown.clone());
        let ready = catalog.as_ref().and_then(|c| c.as_ref().ok()).cloned();
        // The catalog by identity: comparing it whole on every keystroke
        // would walk every episode.
        let site = ready.as_ref().map(|c| Rc::as_ptr(c) as usize);
        use_effect_with(((*draft).clone(), site, *attempt), move |(draft, _, _)| {
            let Some(site) = ready else {
                return;
            };
            let draft = draft.clone();
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let generation = generation.clone();
            *pending.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || {
                spawn_local(async move {
                    let result = show(&markdown, &site, &draft).await;
                    if *generation.borrow() == mine {
                        shown.set(Some(result));
                    }
                });
            }));
        });
    }

    let set_text = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            draft.dispatch(Edit::Text(area.value()));
        })
    };
    let set_name = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                draft.dispatch(Edit::Name(input.value()));
            }
        })
    };
    // Files picked or dropped: the first opens, all are listed with their
    // problem counts.
    let open_files = {
        let (draft, dropped, markdown, notice) = (
            draft.clone(),
            dropped.clone(),
            markdown.clone(),
            notice.clone(),
        );
        Callback::from(move |list: web_sys::FileList| {
            let (draft, dropped, markdown, notice) = (
                draft.clone(),
                dropped.clone(),
                markdown.clone(),
                notice.clone(),
            );
            // A later drop replaces the list an earlier one is still filling.
            *drops.borrow_mut() += 1;
            let (mine, drops) = (*drops.borrow(), drops.clone());
            spawn_local(async move {
                let (files, aside) = read_files(list).await;
                notice.set((!aside.is_empty()).then(|| {
                    format!(
                        "Left aside, not Markdown files (.md, .markdown) or unreadable: {}",
                        aside.join(", ")
                    )
                }));
                let Some(first) = files.first().cloned() else {
                    return;
                };
                draft.dispatch(Edit::Open(first));
                let mut listed: Vec<Dropped> = files
                    .iter()
                    .map(|d| Dropped {
                        draft: d.clone(),
                        problems: None,
                    })
                    .collect();
                dropped.set(listed.clone());
                for item in &mut listed {
                    if *drops.borrow() != mine {
                        return;
                    }
                    let args = [
                        item.draft.name.as_str().into(),
                        item.draft.text.as_str().into(),
                    ];
                    if let Ok(read) = call(&markdown, "read", &args).await {
                        item.problems =
                            Some(js_sys::Array::from(&field(&read, "problems")).length() as usize);
                    }
                }
                if *drops.borrow() == mine {
                    dropped.set(listed);
                }
            });
        })
    };
    let pick = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            if let Some(list) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
            {
                open_files.emit(list);
            }
        })
    };
    let drag = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(e.type_() != "dragleave");
        })
    };
    let drop = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                open_files.emit(list);
            }
        })
    };
    let download = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| draft.download())
    };
    let new_episode = {
        let (draft, catalog, markdown) = (draft.clone(), catalog.clone(), markdown.clone());
        Callback::from(move |_: MouseEvent| {
            // The draft is the author's work: replaced only when they say so.
            let keep = !draft.text.trim().is_empty()
                && !web_sys::window()
                    .and_then(|w| {
                        w.confirm_with_message("Replace the file in the editor with a new episode?")
                            .ok()
                    })
                    .unwrap_or(false);
            if keep {
                return;
            }
            let number = match catalog.as_ref() {
                Some(Ok(c)) => {
                    c.episodes
                        .iter()
                        .filter_map(|e| e.number)
                        .max()
                        .unwrap_or(0)
                        + 1
                }
                _ => 1,
            };
            let (draft, markdown) = (draft.clone(), markdown.clone());
            spawn_local(async move {
                let date = today();
                if let Ok(text) = call(
                    &markdown,
                    "template",
                    &[number.into(), date.as_str().into()],
                )
                .await
                {
                    draft.dispatch(Edit::Open(Draft {
                        name: format!("{date}-episode-{number}.md"),
                        text: text.as_string().unwrap_or_default(),
                    }));
                }
            });
        })
    };
    // A problem's line, selected in the editor.
    let go_to = {
        let (editor, draft) = (editor.clone(), draft.clone());
        move |line: usize| {
            let (editor, text) = (editor.clone(), draft.text.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(area) = editor.cast::<web_sys::HtmlTextAreaElement>() {
                    let start = line_start(&text, line);
                    let end = line_start(&text, line + 1).saturating_sub(1).max(start);
                    let _ = area.focus();
                    let _ = area.set_selection_range(start, end);
                }
            })
        }
    };
    let open_dropped = |d: &Dropped| {
        let (draft, chosen) = (draft.clone(), d.draft.clone());
        Callback::from(move |_: MouseEvent| {
            draft.dispatch(Edit::Open(chosen.clone()));
        })
    };

    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    let status = match (&*catalog, &*shown) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => html! {
            <p class="preview-status error" role="alert">
                { format!("The preview could not read this: {e}. ") }
                <button type="button" class="link-button" onclick={retry}>{ "Try again" }</button>
            </p>
        },
        (None, _) | (_, None) => {
            html! { <p class="preview-status" role="status">{ "Reading…" }</p> }
        }
        _ => Html::default(),
    };
    let result = (*shown).clone().and_then(Result::ok);
    let problems = result
        .as_ref()
        .map(|s| s.problems.clone())
        .unwrap_or_default();
    html! {
        <div class="preview-layout">
            <section class="preview-editor" aria-label="Markdown file">
                <h1>{ "Episode preview" }</h1>
                <p class="preview-intro">{ "Type or drop an episode's Markdown file: it shows here as the site will publish it, with every problem the build would report. The file is read in this browser; it is never uploaded." }</p>
                <div class="preview-actions">
                    <button type="button" class="button" onclick={new_episode}>{ "New episode" }</button>
                    <label class="button">
                        { "Open files…" }
                        <input type="file" class="visually-hidden" accept=".md,.markdown,text/markdown" multiple=true onchange={pick} />
                    </label>
                    <button type="button" class="button" onclick={download}>{ "Download .md" }</button>
                </div>
                <label class="preview-name">
                    { "File name" }
                    // On every keystroke, not on `change`: a drawing of the
                    // tool puts back the draft's name over what is typed.
                    <input type="text" value={draft.name.clone()} oninput={set_name} spellcheck="false" />
                </label>
                <div
                    class={classes!("preview-drop", over.then_some("over"))}
                    ondragenter={drag.clone()} ondragover={drag.clone()} ondragleave={drag} ondrop={drop}
                >
                    <textarea
                        ref={editor}
                        class="preview-text"
                        aria-label="Front matter and show notes"
                        spellcheck="false"
                        value={draft.text.clone()}
                        oninput={set_text}
                        placeholder={"---\ntitle: …\n---\nDrop .md files here, or type."}
                    />
                </div>
                if dropped.len() > 1 {
                    <ul class="preview-files" aria-label="Dropped files">
                        { for dropped.iter().map(|d| html! {
                            <li>
                                <button type="button" class="link-button" onclick={open_dropped(d)}
                                    aria-current={(d.draft.name_or_default() == draft.name_or_default()).then_some("true")}>
                                    { &d.draft.name }
                                </button>
                                { match d.problems {
                                    Some(0) => " — no problems".to_string(),
                                    Some(1) => " — 1 problem".to_string(),
                                    Some(n) => format!(" — {n} problems"),
                                    None => String::new(),
                                } }
                            </li>
                        }) }
                    </ul>
                }
            </section>
            <section class="preview-result" aria-label="As published">
                { status }
                if let Some(notice) = &*notice {
                    <p class="preview-status" role="status">{ notice }</p>
                }
                <h2>{ "Problems" }</h2>
                if result.is_some() && problems.is_empty() {
                    <p class="preview-clean">{ "None found." }</p>
                } else {
                    <ol class="preview-problems">
                        { for problems.iter().map(|p| html! {
                            <li class={if p.error { "error" } else { "warning" }}>
                                <button type="button" class="link-button" onclick={go_to(p.line)}>
                                    { if p.line == 0 { "Site settings".to_string() } else { format!("Line {}", p.line) } }
                                </button>
                                { format!(" {}: {}", if p.error { "error" } else { "warning" }, p.reason) }
                            </li>
                        }) }
                    </ol>
                }
                if let Some(s) = &result {
                    <p class="preview-path">{ format!("Read as {}", s.path) }
                        if s.draft { { " — a draft: the site leaves it out until `draft: true` is removed." } }
                        if s.future { { " — dated in the future: the site leaves it out until then." } }
                    </p>
                    if let Some(card) = &s.card {
                        <h2>{ "In the listing" }</h2>
                        <ol class="episode-list preview-card" inert=true>{ Html::from_html_unchecked(card.clone()) }</ol>
                    }
                    if let Some(audio) = &s.audio {
                        <h2>{ "Audio" }</h2>
                        <audio class="preview-audio" controls=true preload="none" src={audio.clone()} />
                    }
                    if let Some(page) = &s.page {
                        <h2>{ "Episode page" }</h2>
                        <div class="preview-page" inert=true>{ Html::from_html_unchecked(page.clone()) }</div>
                    }
                }
            </section>
        </div>
    }
}

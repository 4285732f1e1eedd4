//! The draft being previewed, kept in the browser's storage so that a
//! reload loses nothing.

/// Where the draft is kept (`localStorage`).
const SAVED_NAME: &str = "podcast-viewer.preview.name";
const SAVED_TEXT: &str = "podcast-viewer.preview.text";

/// A Markdown episode file: its name (which gives its date and slug, as
/// in the content folder) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub name: String,
    pub text: String,
}

/// A change to the draft. Each applies to the draft as it stands when it
/// lands, not as a handler's last drawing saw it, so a name and a text
/// typed between two drawings are both kept.
pub enum Edit {
    /// Another file replaces the draft (opened, dropped or new).
    Open(Draft),
    /// The file name as typed, untrimmed: the field shows what the author
    /// types, and a drawing never puts back an older name mid-word.
    Name(String),
    Text(String),
}

impl yew::Reducible for Draft {
    type Action = Edit;

    fn reduce(self: std::rc::Rc<Self>, edit: Edit) -> std::rc::Rc<Self> {
        let next = match edit {
            Edit::Open(draft) => draft,
            // Only the field kept is copied: a keystroke in a long text
            // copies no text.
            Edit::Name(name) => Draft {
                name,
                text: self.text.clone(),
            },
            Edit::Text(text) => Draft {
                name: self.name.clone(),
                text,
            },
        };
        // Kept at every change, so a reload loses nothing typed.
        next.save();
        std::rc::Rc::new(next)
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl Draft {
    /// The name the draft is read and downloaded as: the name typed,
    /// trimmed, or `episode.md` while the field is blank (the front
    /// matter's date and title then give the rest).
    pub fn name_or_default(&self) -> &str {
        match self.name.trim() {
            "" => "episode.md",
            name => name,
        }
    }

    /// The draft the last visit left, if any.
    pub fn saved() -> Option<Draft> {
        let storage = storage()?;
        Some(Draft {
            name: storage.get_item(SAVED_NAME).ok()??,
            text: storage.get_item(SAVED_TEXT).ok()??,
        })
    }

    /// Keeps this draft for the next visit. A full or refused storage
    /// keeps nothing, silently: the draft is still on screen.
    pub fn save(&self) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(SAVED_NAME, &self.name);
            let _ = storage.set_item(SAVED_TEXT, &self.text);
        }
    }

    /// Offers the draft as a file download.
    pub fn download(&self) {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let parts = js_sys::Array::of1(&self.text.as_str().into());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/markdown;charset=utf-8");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(link) = document
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            link.set_href(&url);
            link.set_download(self.name_or_default());
            link.click();
        }
        // Some browsers start the download after the click returns.
        gloo_timers::callback::Timeout::new(60_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
    }
}

/// The file name of a path or address: its last segment, decoded.
pub fn file_name(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let last = path.rsplit('/').next().unwrap_or(path);
    crate::core::catalog::percent_decode(last).unwrap_or_else(|| last.to_string())
}

/// The offset in `text`, in UTF-16 units as text areas count, where its
/// 1-based `line` starts; the end for a line past it.
pub fn line_start(text: &str, line: usize) -> u32 {
    let mut units = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 >= line {
            return units;
        }
        units += l.encode_utf16().count() as u32;
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_name_a_file_by_its_address() {
        for (path, want) in [
            ("content/_posts/2024-01-01-a.md", "2024-01-01-a.md"),
            ("/x/%C3%A9t%C3%A9.md?v=2", "été.md"),
            ("b.md", "b.md"),
        ] {
            assert_eq!(file_name(path), want, "{path}");
        }
    }

    #[test]
    fn can_name_a_draft_as_typed_trimmed_or_by_default() {
        for (typed, want) in [
            ("2024-01-01-a.md", "2024-01-01-a.md"),
            ("  2024-01-01-a.md \t", "2024-01-01-a.md"),
            ("", "episode.md"),
            ("   ", "episode.md"),
        ] {
            let draft = Draft {
                name: typed.to_string(),
                text: String::new(),
            };
            assert_eq!(draft.name_or_default(), want, "{typed:?}");
        }
    }

    #[test]
    fn can_find_where_a_line_starts() {
        let text = "---\ntitle: é\n---\nnotes";
        assert_eq!(line_start(text, 1), 0);
        assert_eq!(line_start(text, 0), 0);
        assert_eq!(line_start(text, 3), 13);
        assert_eq!(line_start(text, 4), 17);
        assert_eq!(line_start(text, 9), 22);
    }
}

//! The authors' preview (`/preview/`): a Markdown episode file, typed,
//! picked, dropped or named by `?src=`, shown as the site will publish
//! it, with every problem the build would report. The preview module
//! (`src/bin/preview.rs`) draws it beside the app's frame; the Markdown
//! module reads the file in its worker (`src/io/markdown-client.js`), and the
//! pages are the static pages' own renderer ([`super::ssr`]).

mod draft;
mod tool;

pub use draft::Draft;
pub use tool::{PreviewTool, PreviewToolProps};

//! `cfg(pipeline)`: the notes pipeline (front matter, Liquid and
//! shortcodes, Markdown, sanitizing) is compiled natively, for the
//! indexer, and into the one wasm module built with the `pipeline`
//! feature (`src/bin/markdown.rs`), never into the app's. `cfg(ssr)`:
//! the static pages' renderer (`ui::ssr`), native and in the preview
//! module (`src/bin/preview.rs`, the `preview` feature).

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    for (cfg, feature) in [
        ("pipeline", "CARGO_FEATURE_PIPELINE"),
        ("ssr", "CARGO_FEATURE_PREVIEW"),
    ] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if !wasm || std::env::var_os(feature).is_some() {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}

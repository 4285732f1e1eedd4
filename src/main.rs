//! The browser app's entry point; all of it lives in the library.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    podcast_viewer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The viewer runs in the browser: build it with `scripts/build`, or run `scripts/serve`."
    );
    std::process::exit(2);
}

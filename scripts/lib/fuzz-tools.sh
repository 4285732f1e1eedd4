# Installs what scripts/fuzz needs, idempotently, in the style of tools.sh:
# each check returns at once when the tool is already there at the right
# version. Sourced by scripts/fuzz.

source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

CARGO_FUZZ_VERSION=0.13.2

# libFuzzer's instrumentation (-Zsanitizer) needs a nightly compiler; the
# project itself builds on stable.
ensure_nightly() {
  rustup toolchain list 2>/dev/null | grep -q '^nightly-' && return
  log "installing the nightly toolchain (for cargo fuzz only)"
  rustup toolchain install nightly --profile minimal
}

ensure_cargo_fuzz() {
  [[ "$(cargo fuzz --version 2>/dev/null)" == "cargo-fuzz $CARGO_FUZZ_VERSION" ]] && return
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
}

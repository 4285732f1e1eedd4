# Installs what the build and the tests need, idempotently: each check is a
# version test that returns at once when the tool is already right.
# Sourced by scripts/build, scripts/serve and scripts/test.

TRUNK_VERSION=0.21.14
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Where `cargo install` puts trunk and wasm-bindgen.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen version the lockfile pins (Cargo.toml pins it with `=`).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown && return
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]] && return
  log "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  local want; want=$(wasm_bindgen_version)
  [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $want" ]] && return
  log "installing wasm-bindgen-cli $want (a few minutes, once)"
  # Not --locked: its own lockfile pins a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$want"
}

# npm packages: binaryen's wasm-opt, Pagefind, Playwright, sirv, terser.
ensure_node_modules() {
  command -v npm >/dev/null || { log "installing Node.js"; as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; }
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$ROOT/package-lock.json" -nt "$stamp" ]]; then
    log "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
  export PATH="$ROOT/node_modules/.bin:$PATH"
}

ensure_chromium() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && return
  log "installing Debian's chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
}

GECKODRIVER_VERSION=0.37.1
# The other engines of the cross-engine suite (tests/engines): WebKitGTK's
# MiniBrowser and its WebDriver (Safari's engine family), under a virtual
# display, and Firefox ESR with geckodriver, built from the crate registry.
ensure_engines() {
  ensure_chromium
  if ! [[ -x /usr/bin/WebKitWebDriver && -x /usr/bin/firefox-esr && -x /usr/bin/xvfb-run && -x /usr/bin/xauth ]]; then
    log "installing WebKitGTK's WebDriver, Firefox ESR and Xvfb"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver firefox-esr xvfb xauth
  fi
  [[ "$(geckodriver --version 2>/dev/null | head -1)" == "geckodriver $GECKODRIVER_VERSION"* ]] && return
  log "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
}

# Jekyll with its default theme, for the bench's comparison on a real
# archive (tests/bench/versus-jekyll.mjs): Debian's packages.
ensure_jekyll() {
  command -v jekyll >/dev/null && dpkg-query -W jekyll-theme-minima >/dev/null 2>&1 && return
  log "installing Debian's jekyll and its default theme, minima"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jekyll jekyll-theme-minima
}

ensure_build_tools() {
  ensure_rust_target
  ensure_node_modules
  ensure_wasm_bindgen
  ensure_trunk
}

# build_site CONTENT OUT PUBLIC_URL [SITE]: the release site, index included.
# With KEEP_GOING=1, broken episode files are left out and the function
# returns 3 after a complete build.
build_site() {
  local content=$1 out=$2 public_url=$3 site=${4:-}
  content=$(cd -- "$content" && pwd)
  [[ -n "$site" ]] && site=$(cd -- "$(dirname -- "$site")" && pwd)/$(basename -- "$site")
  mkdir -p -- "$out"; out=$(cd -- "$out" && pwd)
  local marker="$ROOT/target/.index-skipped"
  mkdir -p "$ROOT/target"; rm -f "$marker"
  log "building the release site from $content into $out (public URL $public_url)"
  (cd "$ROOT" && PODCAST_CONTENT="$content" PODCAST_SITE="$site" \
    PODCAST_KEEP_GOING="${KEEP_GOING:-}" PODCAST_SKIPPED_MARKER="$marker" \
    trunk build --release --dist "$out" --public-url "$public_url") || return $?
  if [[ -f "$marker" ]]; then
    rm -f "$marker"
    log "built, but broken episode files were left out (listed above as 'skipped:')"
    return 3
  fi
}

# restage_site APP_DIST CONTENT OUT [SITE]: the app already built in APP_DIST
# with another archive's index, notes and media. Used by the tests to serve
# several archives with one (slow) release build of the app. With
# KEEP_GOING=1, broken episode files are left out and it returns 3.
restage_site() {
  local app=$1 content=$2 out=$3 site=${4:-}
  rm -rf "$out"; mkdir -p "$out"
  # Not what the indexer writes for the archive: the index, the pages, the
  # feed, the sitemap and the install icons cut from the artwork
  # (icon-192.png, icon-512.png; the app's own icon-HASH.svg is kept).
  find "$app" -maxdepth 1 -type f ! -name 'index*.json' ! -name '*.html' ! -name sitemap.xml ! -name feed.xml ! -name 'icon-*.png' -exec cp {} "$out/" \;
  cp "$app/shell.html" "$out/"
  # wasm-bindgen's JS snippets (src/io/offline.js) live in a folder.
  if [[ -d "$app/snippets" ]]; then cp -r "$app/snippets" "$out/"; fi
  index_into "$content" "$out" "$site"
}

# reindex_site CONTENT OUT [SITE_FILE]: builds the site OUT again from
# CONTENT with OUT's own app, beside it, then puts it in OUT's place: what
# the content no longer has (a renamed or withdrawn episode) leaves with
# it, and a reload never sees half a site. scripts/serve runs it when the
# content folder changes.
reindex_site() {
  local content=$1 out=${2%/} site=${3:-} status=0
  restage_site "$out" "$content" "$out.next" "$site" || status=$?
  if [[ $status != 0 && $status != 3 ]]; then
    rm -rf "$out.next"
    return $status
  fi
  rm -rf "$out.old"
  mv "$out" "$out.old" && mv "$out.next" "$out" && rm -rf "$out.old"
  return $status
}

# index_into CONTENT OUT [SITE_FILE]: the indexer's part of a build, into
# OUT, which holds the app: the index, notes, sources and pages, the
# search index and the service worker.
index_into() {
  local content=$1 out=$2 site=${3:-}
  local args=(--content "$content" --out "$out") status=0
  [[ -n "$site" ]] && args+=(--site "$site")
  [[ -n "${KEEP_GOING:-}" ]] && args+=(--keep-going)
  # Status 3: broken files were left out of a complete index (KEEP_GOING).
  (cd "$ROOT" && cargo run --quiet --locked --profile indexer --bin indexer -- "${args[@]}") || status=$?
  [[ $status == 0 || $status == 3 ]] || return $status
  local csp=()
  [[ -f "$out/_headers" ]] && csp=(--csp)
  (cd "$ROOT" && cargo run --quiet --locked --profile indexer --bin indexer -- --prerender "$out" "${csp[@]}") || return $?
  "$ROOT/scripts/search-index" "$out" || return $?
  if [[ -f "$out/sw.js" ]]; then node "$ROOT/scripts/make-service-worker.mjs" "$out"; fi
  return $status
}

//! What the integration tests share: a scratch folder for an archive or a
//! built site, and the indexer binary run on it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch folder under the target directory, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// `name` is unique within one test binary; the binary's own name and
    /// the process keep binaries and runs apart.
    pub fn new(name: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "{}-{name}-{}",
            env!("CARGO_CRATE_NAME"),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes `bytes` (text or not) to `relative`, making its folders.
    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the indexer binary on `content` into `out`, with `extra` options.
pub fn index_with(content: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_indexer"))
        .args([
            "--content",
            content.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(extra)
        .output()
        .unwrap()
}

//! Presets as data: accelerators and model architectures, each row with a cited source.
//!
//! Preset ids are lowercase kebab-case and permanent: shared links carry them.
//!
//! The source notes are long (about 21 KB of text for all rows). With the default feature
//! `sources` they are compiled in; the web app turns it off, which leaves every `source` empty,
//! and fetches `preset-sources.json` (written by `kvscope list --sources-json`, checked equal
//! by the CLI's tests) when someone opens a "Figures and source" panel.

/// A preset's source note: the text with the `sources` feature, `""` without it (the literal
/// is then not in the binary at all).
macro_rules! source_note {
    ($text:expr) => {
        if cfg!(feature = "sources") {
            $text
        } else {
            ""
        }
    };
}
pub(crate) use source_note;

pub mod hardware;
pub mod models;

pub use hardware::{hardware_by_id, HardwarePreset, Vendor, HARDWARE};
pub use models::{by_family, model_by_id, ModelPreset, MODELS};

/// Every preset's source note as indented JSON, `{"hardware": {id: note}, "models": {id: note}}`
/// (keys sorted): the file the web app fetches, `assets/preset-sources.json`, which
/// `kvscope list --sources-json` writes and the CLI's tests keep equal to these tables.
#[cfg(feature = "sources")]
pub fn sources_json() -> String {
    use serde_json::{Map, Value};
    let group = |rows: &mut dyn Iterator<Item = (&str, &str)>| {
        Value::Object(rows.map(|(id, note)| (id.to_owned(), Value::String(note.to_owned()))).collect::<Map<_, _>>())
    };
    let mut root = Map::new();
    root.insert("hardware".to_owned(), group(&mut HARDWARE.iter().map(|h| (h.id, h.source))));
    root.insert("models".to_owned(), group(&mut MODELS.iter().map(|m| (m.id, m.source))));
    let mut text = serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default();
    text.push('\n');
    text
}

//! The presets' source notes (datasheets, papers, configs). They are about 21 KB of text, so
//! the web build leaves them out of the .wasm (costmodel without its `sources` feature) and
//! fetches `preset-sources.json` the first time a "Figures and source" panel is opened. The
//! file is written by `kvscope list --sources-json`; the CLI's tests keep it equal to the
//! preset tables.

use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use crate::erased::RwSignal;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Relative to the page, so it works from any sub-path.
pub const SOURCES_URL: &str = "preset-sources.json";

/// The notes of one group (`hardware` or `models`): (preset id, note). A list, not a map: 20
/// rows at most, and a HashMap would add its hasher and table code to the .wasm.
pub type Notes = Vec<(String, String)>;

/// Where the notes are.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceNotes {
    /// Not asked for yet.
    NotLoaded,
    /// The request is on its way.
    Loading,
    /// Loaded.
    Loaded(Notes),
    /// Could not be loaded (the reason).
    Failed(String),
}

fn js_text(e: &JsValue) -> String {
    e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))).unwrap_or_else(|| "unknown error".to_owned())
}

/// Fetches the file and returns the `group` object as id → note.
async fn fetch_notes(group: &str) -> Result<Notes, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(SOURCES_URL))
        .await
        .map_err(|e| js_text(&e))?
        .dyn_into()
        .map_err(|_| "not a fetch response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {} for {SOURCES_URL}", response.status()));
    }
    let json = JsFuture::from(response.json().map_err(|e| js_text(&e))?).await.map_err(|e| js_text(&e))?;
    let object: Object = Reflect::get(&json, &JsValue::from_str(group))
        .ok()
        .and_then(|v| v.dyn_into().ok())
        .ok_or_else(|| format!("{SOURCES_URL} has no `{group}` object"))?;
    let mut notes = Notes::new();
    for entry in Object::entries(&object).iter() {
        let pair: Array = entry.unchecked_into();
        if let (Some(id), Some(note)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            notes.push((id, note));
        }
    }
    Ok(notes)
}

/// Starts loading `group`'s notes into `state` unless they are loaded or on their way.
pub fn load_notes(group: &'static str, state: RwSignal<SourceNotes>) {
    if !matches!(state.get_untracked(), SourceNotes::NotLoaded | SourceNotes::Failed(_)) {
        return;
    }
    state.set(SourceNotes::Loading);
    leptos::task::spawn_local(async move {
        let result = fetch_notes(group).await;
        let _ = state.try_set(match result {
            Ok(notes) => SourceNotes::Loaded(notes),
            Err(e) => SourceNotes::Failed(e),
        });
    });
}

/// The sentence shown for preset `id`.
pub fn note_text(state: &SourceNotes, id: &str) -> String {
    match state {
        SourceNotes::NotLoaded | SourceNotes::Loading => "Loading the source note…".to_owned(),
        SourceNotes::Loaded(notes) => match notes.iter().find(|(key, _)| key == id) {
            Some((_, note)) => format!("Source: {note}"),
            None => "No source note: a custom or imported value.".to_owned(),
        },
        SourceNotes::Failed(e) => format!("Could not load the source notes ({e}); `kvscope list --sources` prints them."),
    }
}

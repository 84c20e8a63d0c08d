//! The Hugging Face config import, as a module of its own (issue 12: fewer bytes in the app).
//!
//! `costmodel::hf::import_config` with `serde_json`'s parser of untyped JSON was 28 KB of the
//! app's gzipped .wasm (426,549 -> 398,101 B gzip -9 when it moved here), and only a reader who
//! imports a model needs it. This binary holds
//! it; the app fetches it (`kvscope_web` `hf::import_config`) the first time a config.json is
//! fetched by id or pasted, and a shared link never needs it: the link carries the imported
//! architecture itself (`arch=`, `costmodel::arch`), which the app decodes.
//!
//! The answer is an array of strings, which the app reads without a JSON parser:
//! `["ok", arch, name, note…]` (the spec as its `arch=` value, lossless: tests/hf.rs checks
//! every fixture) or `["error", message]`.

use wasm_bindgen::prelude::wasm_bindgen;

/// Imports `json` (a config.json) fetched for repo `id` or pasted with the name `given_name`.
#[wasm_bindgen]
#[must_use]
pub fn import_config(json: &str, id: Option<String>, given_name: Option<String>) -> Vec<String> {
    match costmodel::hf::import_config(json, id.as_deref(), given_name.as_deref()) {
        Ok(m) => {
            let mut out = vec!["ok".to_owned(), costmodel::arch::encode(&m.spec), m.name];
            out.extend(m.notes);
            out
        }
        Err(message) => vec!["error".to_owned(), message],
    }
}

fn main() {}

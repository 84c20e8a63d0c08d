//! The JSON export as a module of its own (issue 12: fewer bytes in the app), fetched by the app
//! the first time a reader exports the scenario and its report as JSON, or is about to
//! (`kvscope_web` `ondemand`).
//!
//! serde's writers of the scenario and report structs and `serde_json`'s float printer were
//! 7.1 KB of the app's gzipped .wasm (407,931 -> 400,867 B gzip -9 when they moved here). The app
//! hands the scenario over as its link (`costmodel::url::to_query`, which reads back as the same
//! scenario: costmodel's `url_round_trip_keeps_the_scenario`) with the warnings it holds, and
//! this module evaluates it again, as the app does, and writes `Evaluated::to_json`. (It shares
//! no code with the config import, `src/bin/import.rs`, so the two stay apart: an import would
//! otherwise fetch the whole cost model too.)
//!
//! The answer is an array of strings, which the app reads without a JSON parser:
//! `["ok", json]` or `["error", message]`.

use wasm_bindgen::prelude::wasm_bindgen;

/// The scenario of `query` (the app's `costmodel::url::to_query` of its scenario) and its
/// report as `Evaluated::to_json` writes them (the same writer as the `kvscope` CLI's library),
/// with `warnings` (the app's warnings about the link it was opened with) first among the
/// report's warnings, as in the app.
#[wasm_bindgen]
#[must_use]
pub fn export_json(query: &str, warnings: Vec<String>) -> Vec<String> {
    let (scenario, decoded) = costmodel::url::from_query(query);
    let mut all = warnings;
    all.extend(decoded.into_iter().map(|w| w.message));
    match costmodel::evaluate_scenario(scenario, all).to_json() {
        Ok(text) => vec!["ok".to_owned(), text],
        // Not `{e}`: serde_json's error text is a table of every parse error, and writing the
        // report's own structs cannot meet them.
        Err(_) => vec!["error".to_owned(), "the report could not be written as JSON".to_owned()],
    }
}

fn main() {}

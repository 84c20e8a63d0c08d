//! Any Hugging Face model by its id (issue 10): the browser fetches the repo's `config.json`
//! from the Hub itself (the Hub answers with CORS headers; there is no backend), and
//! `costmodel::hf` imports and names it. This module only fetches and sorts the failures into
//! messages a reader can act on; the panel is `panels::hf`.
//!
//! The import itself is not in the app's .wasm (issue 12: bytes): it is the on-demand module
//! `kvscope-import` (src/bin/import.rs, loaded by `crate::ondemand`), fetched the first time a
//! reader imports a model ([`import_config`]) or opens a way to (`crate::ondemand::prefetch`).
//! A link never needs it: it carries the imported architecture as `arch=`.

use leptos::prelude::*;
use crate::erased::RwSignal;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::ondemand::{js_text, CallError, Module};

use crate::panels::editor::MODEL_KEYS;
use crate::state::AppState;

/// Where a load stands.
#[derive(Debug, Clone, PartialEq)]
pub enum HfStatus {
    /// Nothing asked.
    Idle,
    /// Fetching this id.
    Loading(String),
    /// Loaded: the id, the name and the import notes.
    Loaded {
        /// Repo id.
        id: String,
        /// Display name.
        name: String,
        /// What was unwrapped or defaulted.
        notes: Vec<String>,
    },
    /// Failed: the id and what to do.
    Failed {
        /// Repo id.
        id: String,
        /// The message.
        message: String,
    },
}

/// The text of `id`'s `config.json`, or a message naming the failure: gated or private (401,
/// 403), missing (404), no network (the fetch itself fails), another HTTP status.
pub async fn fetch_config(id: &str) -> Result<String, String> {
    let url = costmodel::hf::config_url(id);
    let page = costmodel::hf::page_url(id);
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = match JsFuture::from(window.fetch_with_str(&url)).await {
        Ok(r) => r.dyn_into().map_err(|_| "not a fetch response".to_owned())?,
        Err(e) => {
            return Err(format!(
                "could not reach huggingface.co ({}): offline, or the address is blocked here. Download {url} yourself and paste it below.",
                js_text(&e)
            ))
        }
    };
    let status = response.status();
    if response.ok() {
        return JsFuture::from(response.text().map_err(|e| js_text(&e))?)
            .await
            .map_err(|e| format!("the answer from huggingface.co could not be read ({})", js_text(&e)))?
            .as_string()
            .ok_or_else(|| "the answer from huggingface.co was not text".to_owned());
    }
    // The Hub names the reason in `X-Error-Code` (exposed to scripts by its CORS headers).
    let code = response.headers().get("x-error-code").ok().flatten().unwrap_or_default();
    Err(match (status, code.as_str()) {
        (_, "GatedRepo") => format!(
            "{id} is gated (HTTP {status}): its licence must be accepted on {page} while signed in, and the page cannot sign in for you. Accept it there, download config.json and paste it below."
        ),
        (_, "RepoNotFound") => format!("there is no model {id} on Hugging Face, or it is private (HTTP {status}): check the id on {page}."),
        (_, "EntryNotFound") | (404, _) => format!(
            "{id} has no config.json on its main branch (HTTP {status}): check the id; repos of GGUF files or diffusion pipelines have none. A config.json from elsewhere can be pasted below."
        ),
        (401 | 403, _) => format!(
            "Hugging Face refused {id}'s config.json (HTTP {status}): the repo is gated (a licence to accept on {page}), private, or does not exist. If it is gated, accept the terms there, download config.json and paste it below."
        ),
        _ => format!("Hugging Face answered HTTP {status} for {url}; try again later, or paste the file below."),
    })
}

/// An imported model, as the import module returns it.
pub struct Imported {
    /// The architecture.
    pub spec: costmodel::ModelSpec,
    /// Its display name.
    pub name: String,
    /// What was unwrapped, defaulted or left out, one sentence each.
    pub notes: Vec<String>,
}

/// `costmodel::hf::import_config`, run by the on-demand module (`crate::ondemand`): imports a
/// config.json fetched for repo `id` (or pasted, named `given_name`).
///
/// # Errors
/// The importer's sentence, or what failed in loading the module.
pub async fn import_config(json: &str, id: Option<&str>, given_name: Option<&str>) -> Result<Imported, String> {
    let opt = |s: Option<&str>| s.map_or(JsValue::UNDEFINED, JsValue::from_str);
    let parts = match crate::ondemand::call(Module::Import, "import_config", &js_sys::Array::of3(&JsValue::from_str(json), &opt(id), &opt(given_name))).await {
        Ok(parts) => parts,
        Err(CallError::Load(e)) => {
            return Err(format!("the importer of config.json files ({}) could not be loaded ({}): check the connection and try again", e.file, e.why))
        }
        Err(CallError::Call(why)) => return Err(format!("the importer of config.json files failed: {why}")),
    };
    // ["ok", arch, name, note…] or ["error", message] (src/bin/import.rs).
    match parts.as_slice() {
        [tag, arch, name, notes @ ..] if tag == "ok" => Ok(Imported {
            spec: costmodel::arch::decode(arch).map_err(|e| format!("the imported architecture does not read back ({e})"))?,
            name: name.clone(),
            notes: notes.to_vec(),
        }),
        [tag, message] if tag == "error" => Err(message.clone()),
        _ => Err("the importer of config.json files answered in an unknown form (a stale cache? reload the page)".to_owned()),
    }
}

/// Fetches, imports and names `id`'s model and makes it the scenario's model, writing `hf=`,
/// `name=` and `arch=` into the link (through the scenario). On any failure the scenario is
/// left as it was, `status` holds the message and `open_paste` opens the paste box.
pub fn load(state: AppState, id: String, status: RwSignal<HfStatus>, open_paste: RwSignal<bool>) {
    if matches!(status.get_untracked(), HfStatus::Loading(ref busy) if *busy == id) {
        return;
    }
    status.set(HfStatus::Loading(id.clone()));
    // The importer loads while the config.json is on the wire.
    crate::ondemand::prefetch(Module::Import);
    leptos::task::spawn_local(async move {
        let result = match fetch_config(&id).await {
            Ok(text) => import_config(&text, Some(&id), None).await,
            Err(e) => Err(e),
        };
        // The reader may have asked for another model meanwhile: only the latest load lands.
        if status.get_untracked() != HfStatus::Loading(id.clone()) {
            return;
        }
        match result {
            Ok(m) => {
                state.imported.set(None);
                state.scenario.update(|s| {
                    s.custom = Some(m.spec);
                    s.hf = Some(id.clone());
                    s.name = Some(m.name.clone());
                    for k in MODEL_KEYS {
                        s.clear_override(k);
                    }
                });
                let _ = status.try_set(HfStatus::Loaded { id, name: m.name, notes: m.notes });
                let _ = open_paste.try_set(false);
            }
            Err(message) => {
                let _ = status.try_set(HfStatus::Failed { id, message });
                let _ = open_paste.try_set(true);
            }
        }
    });
}

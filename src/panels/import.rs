//! "Paste a Hugging Face config.json": imports an architecture with
//! `costmodel::import::import_hf_config`. The imported model becomes the scenario's model
//! (`Scenario.custom`), which the link carries as `arch=` (`costmodel::arch`).

use costmodel::import::import_hf_config;
use costmodel::units::fmt_sig;
use leptos::prelude::*;

use crate::panels::editor::MODEL_KEYS;
use crate::state::use_app;

/// The import box.
#[component]
pub fn ImportConfig() -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let notes = RwSignal::new(Vec::<String>::new());
    let import = move |_| {
        let raw = text.get_untracked();
        match import_hf_config(&raw) {
            Ok(imported) => {
                error.set(None);
                notes.set(imported.warnings.iter().map(|w| format!("`{}`: {}", w.field, w.message)).collect());
                let params = imported.spec.total_params();
                state.imported.set(Some(format!("{} ({} B parameters)", imported.label, fmt_sig(params / 1e9))));
                state.scenario.update(|s| {
                    s.custom = Some(imported.spec);
                    for k in MODEL_KEYS {
                        s.clear_override(k);
                    }
                });
            }
            Err(e) => {
                notes.set(Vec::new());
                error.set(Some(e.to_string()));
            }
        }
    };
    view! {
        <details class="kvs-sub">
            <summary>"Paste a Hugging Face config.json"</summary>
            <div class="kvs-field">
                <label for="input-config">
                    <span class="kvs-label">"config.json"</span>
                    <span class="kvs-unit">"read in your browser, never uploaded"</span>
                </label>
                <textarea
                    id="input-config"
                    rows="6"
                    spellcheck="false"
                    placeholder="{ \"model_type\": \"llama\", \"num_hidden_layers\": 32, ... }"
                    aria-describedby="input-config-error"
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <button type="button" class="kvs-button" data-testid="import-config" on:click=import>"Use this model"</button>
                <p class="kvs-error" id="input-config-error" role="alert" data-testid="import-error">
                    {move || error.get().unwrap_or_default()}
                </p>
                <Show when=move || !notes.with(Vec::is_empty)>
                    <p class="kvs-note">"Imported with these notes:"</p>
                    <ul class="kvs-import-list" data-testid="import-warnings">
                        {move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                </Show>
            </div>
        </details>
    }
}

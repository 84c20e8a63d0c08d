//! "Paste a Hugging Face config.json": imports an architecture with
//! `costmodel::hf::import_config` (which unwraps multimodal `text_config` wrappers and refuses
//! configs that are not decoder LLMs, by name). The imported model becomes the scenario's model
//! (`Scenario.custom`), which the link carries as `arch=` (`costmodel::arch`), with its name
//! (`name=`: `_name_or_path`, else the id a failed Hub load was for, else the name typed here).

use costmodel::units::fmt_sig;
use leptos::prelude::*;

use crate::panels::editor::MODEL_KEYS;
use crate::state::use_app;

/// The import box.
#[component]
pub fn ImportConfig(
    /// Opens the box (a failed Hugging Face load sets it).
    open: RwSignal<bool>,
    /// The id of a Hugging Face load that failed: the pasted file is that model's.
    #[prop(into)]
    pending_id: Signal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(String::new());
    let given_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let notes = RwSignal::new(Vec::<String>::new());
    let import = move |_| {
        let raw = text.get_untracked();
        let id = pending_id.get_untracked();
        let given = given_name.get_untracked();
        let given = Some(given.as_str()).filter(|g| !g.trim().is_empty());
        match costmodel::hf::import_config(&raw, id.as_deref(), given) {
            Ok(m) => {
                error.set(None);
                let params = m.spec.total_params();
                state.imported.set(Some(format!("{} ({} B parameters)", m.name, fmt_sig(params / 1e9))));
                notes.set(m.notes);
                state.scenario.update(|s| {
                    s.custom = Some(m.spec);
                    s.hf = id;
                    s.name = Some(m.name);
                    for k in MODEL_KEYS {
                        s.clear_override(k);
                    }
                });
            }
            Err(e) => {
                notes.set(Vec::new());
                error.set(Some(e));
            }
        }
    };
    view! {
        <details class="kvs-sub" prop:open=move || open.get() data-testid="import-box">
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
                <label for="input-config-name">
                    <span class="kvs-label">"Name"</span>
                    <span class="kvs-unit">"used when the file has no _name_or_path"</span>
                </label>
                <input
                    id="input-config-name"
                    type="text"
                    maxlength="80"
                    placeholder=move || pending_id.get().and_then(|id| id.rsplit('/').next().map(str::to_owned)).unwrap_or_else(|| "e.g. my-finetune-8B".to_owned())
                    on:input=move |ev| given_name.set(event_target_value(&ev))
                />
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

//! "Paste a Hugging Face config.json": imports an architecture with
//! `costmodel::hf::import_config` (which unwraps multimodal `text_config` wrappers and refuses
//! configs that are not decoder LLMs, by name), run by the on-demand module the app fetches on
//! first use (`crate::hf::import_config`; issue 12). The imported model becomes the scenario's model
//! (`Scenario.custom`), which the link carries as `arch=` (`costmodel::arch`), with its name
//! (`name=`: `_name_or_path`, else the id a failed Hub load was for, else the name typed here).

use costmodel::units::fmt_sig;
use leptos::prelude::*;
use crate::erased::{RwSignal, Signal, show};

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
    // The importer is in the on-demand module (crate::hf::import_config), fetched on first use.
    let busy = RwSignal::new(false);
    let import = move |_| {
        let raw = text.get_untracked();
        let id = pending_id.get_untracked();
        let given = Some(given_name.get_untracked()).filter(|g| !g.trim().is_empty());
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::hf::import_config(&raw, id.as_deref(), given.as_deref()).await;
            let _ = busy.try_set(false);
            match result {
                Ok(m) => {
                    let _ = error.try_set(None);
                    let params = m.spec.total_params();
                    state.imported.set(Some(format!("{} ({} B parameters)", m.name, fmt_sig(params / 1e9))));
                    let _ = notes.try_set(m.notes);
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
                    let _ = notes.try_set(Vec::new());
                    let _ = error.try_set(Some(e));
                }
            }
        });
    };
    // Opening the box or focusing the text starts loading the importer, so that it is there
    // by the time the file is pasted.
    let prefetch = move || crate::ondemand::prefetch(crate::ondemand::Module::Import);
    let on_toggle = move |ev: leptos::ev::Event| {
        if ev.target().and_then(|t| js_sys::Reflect::get(&t, &wasm_bindgen::JsValue::from_str("open")).ok()).and_then(|o| o.as_bool()) == Some(true) {
            prefetch();
        }
    };
    view! {
        <details class="kvs-sub" prop:open=move || open.get() data-testid="import-box" on:toggle=on_toggle>
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
                    on:focus=move |_| prefetch()
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
                {show(move || busy.get(), || view! {
                    <p class="kvs-note" role="status" data-testid="import-status">"Loading the importer and reading the file…"</p>
                }.into_any())}
                <p class="kvs-error" id="input-config-error" role="alert" data-testid="import-error">
                    {move || error.get().unwrap_or_default()}
                </p>
                {show(move || !notes.with(Vec::is_empty), move || view! {
                    <p class="kvs-note">"Imported with these notes:"</p>
                    <ul class="kvs-import-list" data-testid="import-warnings">
                        {move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view().into_any()}
                    </ul>
                }.into_any())}
            </div>
        </details>
    }
}

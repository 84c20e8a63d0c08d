//! "Load <id> from Hugging Face": offered under the model control when what the reader typed
//! reads as a model id or a model page URL (`costmodel::hf::parse_repo_id`); the fetch and the
//! import are `crate::hf`. Also loads a link's `hf=` when the link has no `arch=`.

use leptos::prelude::*;
use crate::erased::{RwSignal, Signal, show};

use crate::hf::{load, HfStatus};
use crate::state::use_app;

/// Whether typed text looks meant as a Hub id (so a failed parse is worth a hint).
fn looks_like_id(text: &str) -> bool {
    let t = text.trim();
    t.contains('/') || t.contains("huggingface") || t.contains("hf.co")
}

/// The offer, the progress and the outcome of a load.
#[component]
pub fn HfLoad(
    /// What the reader typed into the model control's search box.
    query: Signal<String>,
    /// Where the load stands (shared with the paste box).
    status: RwSignal<HfStatus>,
    /// Opens the paste box (set on a failure).
    open_paste: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    // A link with `hf=` and no `arch=`: fetch it now (with `arch=` the link works offline).
    let wanted = state.scenario.with_untracked(|s| s.hf.clone().filter(|_| s.custom.is_none()));
    if let Some(id) = wanted {
        load(state, id, status, open_paste);
    }
    let parsed = crate::erased::memo(move || {
        let q = query.get();
        if looks_like_id(&q) {
            Some(costmodel::hf::parse_repo_id(&q))
        } else {
            None
        }
    });
    // An id to load on offer: the on-demand module starts loading (issue 12).
    crate::erased::effect(move || {
        if matches!(parsed.get(), Some(Ok(_))) {
            crate::ondemand::prefetch(crate::ondemand::Module::Import);
        }
    });
    let start = move |id: String| load(state, id, status, open_paste);
    view! {
        <div class="kvs-hf" data-testid="hf-panel">
            {move || match parsed.get() {
                Some(Ok(id)) => {
                    let label = format!("Load {id} from Hugging Face");
                    let go = id.clone();
                    view! {
                        <button type="button" class="kvs-button" data-testid="hf-load" on:click=move |_| start(go.clone())>
                            {label}
                        </button>
                        <p class="kvs-note">"The browser fetches " <code>{costmodel::hf::config_url(&id)}</code> " itself."</p>
                    }
                    .into_any()
                }
                Some(Err(e)) => view! { <p class="kvs-note" data-testid="hf-hint">{e}</p> }.into_any(),
                None => ().into_any(),
            }}
            <p class="kvs-hf-status" role="status" data-testid="hf-status">
                {move || match status.get() {
                    HfStatus::Loading(id) => format!("Fetching {id}'s config.json from Hugging Face…"),
                    HfStatus::Loaded { id, name, .. } => format!("Loaded {name} from Hugging Face ({id})."),
                    _ => String::new(),
                }}
            </p>
            <p class="kvs-error" role="alert" data-testid="hf-error">
                {move || match status.get() {
                    HfStatus::Failed { id, message } => format!("Could not load {id}: {message}"),
                    _ => String::new(),
                }}
            </p>
            {show(move || matches!(status.get(), HfStatus::Loaded { ref notes, .. } if !notes.is_empty()), move || view! {
                <ul class="kvs-import-list" data-testid="hf-notes">
                    {move || match status.get() {
                        HfStatus::Loaded { notes, .. } => notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view().into_any(),
                        _ => ().into_any(),
                    }}
                </ul>
            }.into_any())}
        </div>
    }
}

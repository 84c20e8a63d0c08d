//! The scenario editor: model, hardware, precision, workload, KV compression, efficiency.

use costmodel::presets::HARDWARE;
use costmodel::units::{fmt_sig, fmt_count, GB, TFLOPS};
use leptos::prelude::*;
use crate::erased::{Memo, RwSignal, Signal, show};
use crate::state::AppState;

use crate::components::{SearchSelect, SelectOption};
use crate::panels::compression::CompressionEditor;
use crate::panels::efficiency::EfficiencyEditor;
use crate::panels::engine::EngineEditor;
use crate::panels::fields::{override_field, plain_field};
use crate::panels::hf::HfLoad;
use crate::panels::import::ImportConfig;
use crate::panels::workload::WorkloadEditor;
use crate::state::use_app;

/// Model override keys (the "Custom model" group).
pub const MODEL_KEYS: [&str; 9] = ["layers", "d_model", "q_heads", "kv_heads", "head_dim", "d_ff", "vocab", "window", "params_b"];
/// Hardware override keys (the "Custom hardware" group).
pub const HW_KEYS: [&str; 6] = ["hbm_gb", "bw_gbps", "tflops", "host_gbps", "link_gbps", "price"];

pub(crate) fn model_options() -> Vec<SelectOption> {
    // catalog (issue 10): grouped by family, newest first within one (`by_family`).
    costmodel::presets::by_family()
        .into_iter()
        .flat_map(|(_, rows)| rows)
        .map(|m| SelectOption {
            value: m.id.to_owned(),
            label: m.label.to_owned(),
            title: format!(
                "{}: {} B parameters published ({} B active per token).",
                m.label,
                fmt_sig(m.published_params / 1e9),
                fmt_sig(m.published_active_params / 1e9),
            ),
            group: m.family.to_owned(),
        })
        .collect()
}

pub(crate) fn hardware_options() -> Vec<SelectOption> {
    HARDWARE
        .iter()
        .map(|h| SelectOption {
            value: h.id.to_owned(),
            label: h.label.to_owned(),
            title: format!(
                "{}: {} (the device exposes {} GB), {} GB/s, {} TFLOP/s dense BF16.",
                h.label,
                h.memory_label,
                fmt_sig(h.spec.hbm_bytes / GB),
                fmt_sig(h.spec.hbm_bw_bytes_per_s / GB),
                fmt_sig(h.spec.bf16_flops_per_s / TFLOPS),
            ),
            group: h.vendor.label().to_owned(),
        })
        .collect()
}

/// The whole editor column.
#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <form class="kvs-editor" aria-label="Scenario" on:submit=|ev| ev.prevent_default()>
            <ModelEditor />
            <HardwareEditor />
            <WorkloadEditor />
            <fieldset class="kvs-group">
                <legend>"Precision"</legend>
                <p class="kvs-note">"Bits per element: 16 = BF16, 8 = FP8/INT8, 4 = INT4."</p>
                <div class="kvs-grid3">
                    {plain_field(use_app(), "w_bits")}
                    {plain_field(use_app(), "kv_bits")}
                    {plain_field(use_app(), "a_bits")}
                </div>
            </fieldset>
            <CompressionEditor />
            <EfficiencyEditor />
            <EngineEditor />
            // serving (issue 9)
            <crate::panels::ServingEditor />
            // parallel (issue 13)
            <crate::panels::deploy::ParallelismEditor />
        </form>
    }
}

/// The name of the architecture the scenario uses instead of a preset: the imported config's
/// label, or its parameter count when it came with a link.
fn memo_custom_label(state: crate::state::AppState) -> Memo<Option<String>> {
    let imported = state.imported;
    let custom = state.scenario.select(|s| (s.custom.clone(), s.name.clone()));
    crate::erased::memo(move || {
        custom.with(|(custom, name)| {
            custom.as_ref().map(|spec| {
                let params = fmt_sig(spec.total_params() / 1e9);
                // hf (issue 10, 11): the name the link carries (`name=`) first.
                match name {
                    Some(name) => format!("{name} ({params} B parameters)"),
                    None => imported.get().unwrap_or_else(|| format!("from the link ({params} B parameters)")),
                }
            })
        })
    })
}

// hf (issue 10, 11)
/// The model select's value while an imported model is in use (never a preset id).
pub const IMPORTED_VALUE: &str = "imported-model";

/// Model preset, config import and custom architecture fields.
#[component]
fn ModelEditor() -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let model_id = scenario.select(move |s| if s.custom.is_some() { IMPORTED_VALUE.to_owned() } else { s.model.clone() });
    let mut options = model_options();
    if options.is_empty() {
        options.push(SelectOption {
            value: costmodel::scenario::DEFAULT_MODEL.to_owned(),
            label: "Yi-34B shape (built-in fallback)".to_owned(),
            title: "No model presets are compiled in; the paper's Yi-34B shape is used.".to_owned(),
            group: String::new(),
        });
    }
    // hf (issue 10, 11): the imported model listed first, by its name; ids typed in the search box.
    let hf_query = RwSignal::new(String::new());
    let hf_status = RwSignal::new(crate::hf::HfStatus::Idle);
    let on_change = Callback::new(move |id: String| {
        if id != IMPORTED_VALUE {
            hf_status.set(crate::hf::HfStatus::Idle);
            select_model(state, id);
        }
    });
    let open_paste = RwSignal::new(false);
    let pending_id = crate::erased::memo(move || match hf_status.get() {
        crate::hf::HfStatus::Failed { id, .. } => Some(id),
        _ => None,
    });
    // The preset's own values, shown as placeholders of the custom fields. They depend only on
    // the model (a preset id or an architecture): resolved when that changes, not on every input
    // (input2, issue 12: a context slider move resolved the whole scenario again here).
    let model_key = scenario.select(move |s| (s.model.clone(), s.custom.clone()));
    let base = crate::erased::memo(move || {
        model_key.track();
        scenario.with_untracked(|s| {
            let mut b = s.clone();
            b.overrides = Default::default();
            b.resolve().inputs.model
        })
    });
    let count = move |f: fn(&costmodel::ModelSpec) -> f64| move || base.with(|m| fmt_count(f(m)));
    let window = move || {
        base.with(|m| {
            m.layers
                .iter()
                .find_map(|g| match g.attention {
                    costmodel::Attention::SlidingWindow { window_tokens } => Some(fmt_count(f64::from(window_tokens))),
                    _ => None,
                })
                .unwrap_or_else(|| "no window".to_owned())
        })
    };
    let imported = state.imported;
    // An architecture in use: imported here (with its name) or read from a link's `arch=`.
    let custom_label = memo_custom_label(state);
    let extra = Signal::derive(move || {
        custom_label.get().map(|label| SelectOption {
            value: IMPORTED_VALUE.to_owned(),
            label: format!("Imported: {label}"),
            title: "An architecture imported from a config.json (the link carries it as arch=).".to_owned(),
            group: "Imported".to_owned(),
        })
    });
    view! {
        <fieldset class="kvs-group">
            <legend>"Model"</legend>
            <SearchSelect
                id="input-model"
                label="Model preset, or a Hugging Face id"
                options=options
                value=model_id
                on_change=on_change
                source_group="models"
                on_filter=Callback::new(move |q: String| hf_query.set(q))
                extra=extra
            />
            <HfLoad query=hf_query.into() status=hf_status open_paste=open_paste />
            {show(move || custom_label.with(Option::is_some), move || view! {
                <p class="kvs-note kvs-imported" data-testid="imported-model">
                    "Using the imported model "
                    <strong>{move || custom_label.get().unwrap_or_default()}</strong>
                    " (the link carries it as " <code>"arch="</code> "). "
                    <button type="button" class="kvs-link-button" on:click=move |_| {
                        imported.set(None);
                        hf_status.set(crate::hf::HfStatus::Idle);
                        scenario.update(|s| {
                            s.custom = None;
                            s.hf = None;
                            s.name = None;
                        });
                    }>"Back to the preset"</button>
                </p>
            }.into_any())}
            <ImportConfig open=open_paste pending_id=pending_id />
            // arch (issue 10): the layer kinds of the model in use.
            <p class="kvs-note" data-testid="layer-kinds">
                "Layers: " {move || base.with(costmodel::mixers::describe_layers)}
            </p>
            <details class="kvs-sub">
                <summary>"Custom model"</summary>
                <p class="kvs-note">"Leave a field empty to keep the preset's value (shown greyed). Choosing another preset clears these."</p>
                <div class="kvs-grid2">
                    {override_field(state, "layers", count(|m| f64::from(m.n_layers())))}
                    {override_field(state, "d_model", count(|m| f64::from(m.d_model)))}
                    {override_field(state, "q_heads", count(|m| f64::from(m.n_q_heads)))}
                    {override_field(state, "kv_heads", count(|m| f64::from(m.n_kv_heads)))}
                    {override_field(state, "head_dim", count(|m| f64::from(m.head_dim)))}
                    {override_field(state, "d_ff", count(|m| f64::from(m.d_ff)))}
                    {override_field(state, "vocab", count(|m| f64::from(m.vocab)))}
                    {override_field(state, "window", window)}
                    {override_field(state, "params_b", move || base.with(|m| fmt_sig(m.total_params() / 1e9)))}
                </div>
            </details>
        </fieldset>
    }
}

/// Hardware preset, TP and custom hardware fields.
#[component]
fn HardwareEditor() -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let hw_id = scenario.select(move |s| s.hw.clone());
    let on_change = Callback::new(move |id: String| select_hw(state, id));
    let base = scenario.select(|s| costmodel::presets::hardware_by_id(&s.hw).map(|h| h.spec));
    let show = move |f: fn(&costmodel::HardwareSpec) -> f64| move || base.with(|h| h.as_ref().map(|h| fmt_sig(f(h))).unwrap_or_default());
    view! {
        <fieldset class="kvs-group">
            <legend>"Hardware"</legend>
            <SearchSelect id="input-hw" label="Accelerator" options=hardware_options() value=hw_id on_change=on_change source_group="hardware" />
            {plain_field(state, "tp")}
            <details class="kvs-sub">
                <summary>"Custom hardware"</summary>
                <p class="kvs-note">"Per GPU. Empty keeps the preset's value. Memory in GB = 10⁹ bytes (an \"80 GB\" A100 exposes 85.9 GB)."</p>
                <div class="kvs-grid2">
                    {override_field(state, "hbm_gb", show(|h| h.hbm_bytes / GB))}
                    {override_field(state, "bw_gbps", show(|h| h.hbm_bw_bytes_per_s / GB))}
                    {override_field(state, "tflops", show(|h| h.bf16_flops_per_s / TFLOPS))}
                    {override_field(state, "host_gbps", show(|h| h.host_bw_bytes_per_s / GB))}
                    {override_field(state, "link_gbps", show(|h| h.link_bw_bytes_per_s / GB))}
                    {override_field(state, "price", show(|h| h.usd_per_gpu_hour))}
                </div>
            </details>
        </fieldset>
    }
}

/// Chooses a model preset: drops an imported model and the model overrides, which described the
/// previous model. Used by the editor and the embed widget.
pub fn select_model(state: AppState, id: String) {
    state.imported.set(None);
    state.scenario.update(|s| {
        s.model = id;
        s.custom = None;
        // hf (issue 10, 11)
        s.hf = None;
        s.name = None;
        for k in MODEL_KEYS {
            s.clear_override(k);
        }
    });
}

/// Chooses an accelerator preset and drops the hardware overrides of the previous one.
pub fn select_hw(state: AppState, id: String) {
    state.scenario.update(|s| {
        s.hw = id;
        for k in HW_KEYS {
            s.clear_override(k);
        }
    });
}

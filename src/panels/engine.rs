//! The engine (issue 8): the controls (`engine`, `gpu_util`, `max_batched_tokens`) and the block
//! "What vLLM will log" beside the concurrency card. Every number comes from the report's engine
//! fields (`costmodel::engine`); this file only formats them.

use costmodel::engine::{Engine, EngineDetail};
use costmodel::units::{fmt_count, fmt_percent, fmt_sig, GIB};
use costmodel::Report;
use leptos::prelude::*;
use crate::erased::{Signal, show};

use crate::format::bytes;
use crate::panels::fields::scenario_field;
use crate::state::use_app;

/// The engine's own name of a knob, and what it is a fraction of.
fn knob_hint(engine: Engine, key: &str) -> &'static str {
    match (engine, key) {
        (Engine::Vllm, "gpu_util") => "vLLM --gpu-memory-utilization: fraction of the memory CUDA reports (default 0.9).",
        (Engine::Sglang, "gpu_util") => "SGLang --mem-fraction-static: fraction for weights + KV (default set by GPU memory and TP).",
        (Engine::Trtllm, "gpu_util") => "TensorRT-LLM free_gpu_memory_fraction: of the memory still free after loading (default 0.9).",
        (Engine::Vllm, _) => "vLLM --max-num-batched-tokens: tokens per step, sizes the profiling run's activation peak.",
        (Engine::Sglang, _) => "SGLang --chunked-prefill-size: tokens per prefill chunk.",
        (Engine::Trtllm, _) => "TensorRT-LLM max_num_tokens: tokens per step, sizes the activation profile.",
        (Engine::None, _) => "Choose an engine to use this field.",
    }
}

/// The "Engine" group of the editor.
#[component]
pub fn EngineEditor() -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let evaluated = state.evaluated;
    let engine = scenario.select(move |s| s.engine);
    let detail = crate::erased::memo(move || evaluated.with(|e| e.report.engine_detail.clone()));
    let on_change = move |ev| {
        if let Some(e) = Engine::parse(&event_target_value(&ev)) {
            scenario.update(|s| s.engine = e);
        }
    };
    // Placeholders: the engine's default for this GPU (the detail shows the value in use, which
    // is the default whenever the field is empty).
    let placeholder = move |f: fn(&EngineDetail) -> f64| Signal::derive(move || detail.with(|d| d.as_ref().map(|d| fmt_sig(f(d))).unwrap_or_else(|| "engine default".to_owned())));
    let hint = move |key: &'static str| Signal::derive(move || knob_hint(engine.get(), key).to_owned());
    view! {
        <fieldset class="kvs-group" data-testid="engine-editor">
            <legend>"Engine"</legend>
            <div class="kvs-field kvs-select">
                <label for="input-engine"><span class="kvs-label">"Memory accounting"</span></label>
                <select id="input-engine" on:change=on_change>
                    {Engine::ALL
                        .into_iter()
                        .map(|e| {
                            let label = if e == Engine::None { "None (KV Scope's own)" } else { e.label() };
                            view! { <option value=e.as_str() prop:selected=move || engine.get() == e>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <p class="kvs-note">
                "With an engine, memory follows its own start-up rules (CUDA-reported memory, its fraction, activation peak, non-torch buffers, its block layout) and the page shows the lines it will log."
            </p>
            <div class="kvs-grid2">
                {scenario_field(state, "gpu_util", true, placeholder(|d| d.gpu_util), hint("gpu_util"))}
                {scenario_field(state, "max_batched_tokens", true, placeholder(|d| d.max_batched_tokens), hint("max_batched_tokens"))}
            </div>
        </fieldset>
    }
}

/// The engine's block: its log lines, its error with the changes that would start it, and where
/// it parts from KV Scope's own accounting. Nothing with `engine=none`.
#[component]
pub fn EngineBlock() -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let binary = state.binary();
    let report = state.report;
    let has = crate::erased::memo(move || report.with(|r| r.engine_detail.is_some()));
    let text = move |f: fn(&Report, &EngineDetail, bool) -> String| crate::erased::text(move || report.with(|r| r.engine_detail.as_ref().map(|d| f(r, d, binary.get())).unwrap_or_default()));
    let apply = move |key: &'static str, value: f64| {
        scenario.update(|s| {
            s.set(key, value);
        })
    };
    view! {
        {show(move || has.get(), move || view! {
            <article class="kvs-card kvs-card-wide kvs-engine" class:kvs-card-bad=move || report.with(|r| r.engine_starts == Some(false)) data-testid="engine-block">
                <h3 class="kvs-card-title" data-testid="engine-heading">{text(|_, d, _| format!("What {} will log", d.engine.label()))}</h3>
                <p class="kvs-card-bound kvs-num-text" data-testid="engine-summary">{text(|r, d, _| {
                    if r.engine_starts == Some(true) {
                        format!(
                            "{} tokens of KV cache · {:.2}x concurrency for one request of the context",
                            costmodel::engine::fmt_int(r.engine_kv_tokens.unwrap_or(0.0)),
                            r.engine_max_concurrency.unwrap_or(0.0)
                        )
                    } else {
                        format!("{} would not start", d.engine.label())
                    }
                })}</p>
                <p class="kvs-note kvs-num-text">{text(|_, d, _| format!(
                    "gpu_util {} · max_batched_tokens {} · {:.2} GiB reported to CUDA{} · blocks of {} tokens",
                    d.gpu_util,
                    fmt_count(d.max_batched_tokens),
                    d.device_bytes / GIB,
                    if d.device_figure == costmodel::engine::DeviceFigure::Fallback { " (estimated)" } else { "" },
                    d.block_tokens
                ))}</p>
                <pre class="kvs-engine-log" data-testid="engine-log">{text(|_, d, _| d.log_lines.join("\n"))}</pre>
                {move || report.with(|r| r.engine_error.clone()).map(|err| {
                    let fixes = report.with(|r| r.engine_detail.as_ref().map(|d| d.fixes.clone()).unwrap_or_default());
                    let name = report.with(|r| r.engine_detail.as_ref().map(|d| d.engine.label()).unwrap_or_default());
                    view! {
                        <div class="kvs-engine-error" role="alert" data-testid="engine-error">
                            <p><strong>{format!("{name} would refuse to start. ")}</strong>{err}</p>
                            {(!fixes.is_empty()).then(|| view! {
                                <p class="kvs-engine-fixes">
                                    "Make it fit: "
                                    {fixes.into_iter().enumerate().map(|(i, f)| view! {
                                        {(i > 0).then_some(" · ")}
                                        <button type="button" class="kvs-link-button" data-testid=format!("engine-fix-{}", f.key) on:click=move |_| apply(f.key, f.value)>{f.text()}</button>
                                    }).collect_view()}
                                </p>
                            })}
                        </div>
                    }
                }).into_any()}
                <div class="kvs-engine-vs" data-testid="engine-vs-theory">
                    <p class="kvs-num-text">{text(|r, d, b| format!(
                        "KV tokens, {}: {} ({} per GPU)",
                        d.engine.label(),
                        costmodel::engine::fmt_int(r.engine_kv_tokens.unwrap_or(0.0)),
                        bytes(d.available_kv_bytes.max(0.0), b)
                    ))}</p>
                    <p class="kvs-num-text">{text(|r, d, b| {
                        let rel = d.tokens_vs_theory(r.engine_kv_tokens.unwrap_or(0.0));
                        format!(
                            "KV tokens, KV Scope without an engine: {} ({} per GPU){}",
                            costmodel::engine::fmt_int(d.theory_kv_tokens),
                            bytes(d.theory_kv_bytes_per_gpu.max(0.0), b),
                            rel.map(|x| format!(" · engine {}{}", if x >= 0.0 { "+" } else { "−" }, fmt_percent(x.abs()))).unwrap_or_default()
                        )
                    })}</p>
                </div>
                <ul class="kvs-note kvs-engine-notes" data-testid="engine-notes">
                    {move || report.with(|r| r.engine_detail.as_ref().map(|d| d.notes.clone()).unwrap_or_default()).into_iter().map(|n| view! { <li>{n}</li> }).collect_view().into_any()}
                </ul>
            </article>
        }.into_any())}
    }
}

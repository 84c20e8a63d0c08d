//! Serving (issue 9): the schedule and its settings in the editor, the continuous-batching card
//! in the results, and the Load tab (throughput against latency as users grow). Every number
//! comes from `costmodel` (the report, `sweep::load_curve`); nothing is computed here.

use costmodel::report::Report;
use costmodel::serving::Sched;
use costmodel::units::{fmt_count, fmt_seconds, fmt_sig};
use leptos::prelude::*;
use crate::erased::{Memo, Signal, show};

use crate::components::{CanvasArea, ChartCanvas, MathDetails};
use crate::format::{opt_seconds, opt_sig};
use crate::panels::fields::override_field;
use crate::state::use_app;

/// Serving keys shown as fields, in display order.
pub const SERVING_KEYS: [&str; 4] = ["think_s", "slo_ttft_s", "slo_tpot_s", "step_overhead_s"];

/// The schedule and its settings.
#[component]
pub fn ServingEditor() -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let sched = scenario.select(move |s| s.resolved_sched());
    let inputs = state.inputs;
    let set = move |v: Sched| scenario.update(|s| s.sched = Some(v));
    let placeholder = move |key: &'static str| {
        move || match key {
            "step_overhead_s" => inputs.with(|i| fmt_sig(i.serving.step_overhead_s)),
            "think_s" => "0".to_owned(),
            _ => "none".to_owned(),
        }
    };
    view! {
        <fieldset class="kvs-group" data-testid="serving-editor">
            <legend>"Serving"</legend>
            <div class="kvs-toggle" role="radiogroup" aria-label="Schedule">
                {Sched::ALL.into_iter().map(|v| view! {
                    <label class="kvs-radio">
                        <input type="radio" name="kvs-sched" id=format!("input-sched-{}", v.as_str()) value=v.as_str()
                            prop:checked=move || sched.get() == v
                            on:change=move |_| set(v) />
                        {format!(" {}", match v { Sched::Cycle => "The paper's cycle", Sched::Continuous => "Continuous batching" })}
                    </label>
                }).collect_view()}
            </div>
            <p class="kvs-note">{move || match sched.get() {
                Sched::Cycle => "The paper's session cycle: the batch's prompts are prefilled in turn, then the batch decodes; users beyond the batch are swapped.",
                Sched::Continuous => "Continuous batching with chunked prefill, as vLLM, SGLang and TensorRT-LLM run: users in a closed loop, each step carries every running decode and a prompt chunk. `ctx` is the conversation's length at the end of the turn.",
            }.to_owned()}</p>
            <div class="kvs-grid2">
                {SERVING_KEYS.into_iter().map(|key| override_field(state, key, placeholder(key))).collect_view()}
            </div>
        </fieldset>
    }
}

/// The continuous-batching card: TTFT p50 and p95, TPOT, output tokens per second per GPU and per
/// user, and whether (and where) the engine saturates. Shown only under continuous batching.
#[component]
pub fn ServingCard(
    /// The report.
    report: Memo<Report>,
) -> impl IntoView {
    let shown = crate::erased::memo(move || report.with(|r| r.serving.is_some()));
    // The state's math memo: computed only while a math section is open.
    let math = use_app().math;
    let row = move |label: &'static str, testid: &'static str, f: fn(&Report) -> String| {
        view! {
            <div class="kvs-kv">
                <dt>{label}</dt>
                <dd class="kvs-num-text" data-testid=testid>{move || report.with(f)}</dd>
            </div>
        }
    };
    view! {
        {show(move || shown.get(), move || view! {
            <article class="kvs-card kvs-card-wide" data-testid="metric-serving">
                <h3 class="kvs-card-title">"Continuous batching"</h3>
                <p class="kvs-card-bound" data-testid="serving-saturation">{move || report.with(|r| match (r.saturated, r.saturation_users) {
                    (Some(true), Some(n)) => format!("saturated at {} users: the rest queue for a place in the batch", fmt_count(n)),
                    (Some(false), Some(n)) => format!("not saturated: the engine saturates at {} users", fmt_count(n)),
                    _ => String::new(),
                })}</p>
                <dl class="kvs-kvs">
                    {row("Time to first token, median", "serving-ttft-p50", |r| opt_seconds(r.ttft_s))}
                    {row("Time to first token, p95", "serving-ttft-p95", |r| opt_seconds(r.ttft_p95_s))}
                    {row("Time per output token", "serving-tpot", |r| opt_seconds(r.tpot_s))}
                    {row("Output tokens/s per GPU", "serving-tok-gpu", |r| opt_sig(r.output_tokens_per_s_per_gpu))}
                    {row("Output tokens/s per user", "serving-tok-user", |r| opt_sig(r.output_tokens_per_s_per_user))}
                    {row("Requests per second", "serving-rps", |r| opt_sig(r.requests_per_s))}
                    {row("Goodput (requests/s within the objectives)", "serving-goodput", |r| opt_sig(r.goodput_requests_per_s))}
                    {row("Requests running", "serving-running", |r| opt_sig(r.running_users))}
                </dl>
                <p class="kvs-note kvs-num-text">{move || report.with(|r| r.serving.map_or_else(String::new, |c| format!(
                    "Running batch capped at {} (engine sequences {}, KV cache {} users, {} tokens per step); a prefill step takes {}, a decode step {}.",
                    fmt_count(c.limits.running_cap),
                    fmt_count(c.limits.max_seqs),
                    fmt_count(c.limits.kv_users),
                    fmt_count(c.limits.max_batched_tokens),
                    fmt_seconds(c.mix.prefill_step_s),
                    fmt_seconds(c.mix.decode_step_s)
                )))}</p>
                <MathDetails lines=math ids=&["turns_per_s", "ttft_p95_s", "tpot_s"] />
            </article>
        }.into_any())}
    }
}

/// Points of the Load tab's curve.
pub const LOAD_POINTS: usize = 32;

/// The Load tab: the load curve of this scenario under continuous batching (whatever `sched`
/// says), with the knee, the objectives and a one-sentence summary. Computed only while open.
#[component]
pub fn LoadPanel() -> impl IntoView {
    let state = use_app();
    let dark = state.dark;
    let scenario = state.scenario;
    let curve = crate::erased::memo(move || {
        scenario.with(|s| {
            let users = costmodel::sweep::load_users(s, LOAD_POINTS);
            (costmodel::sweep::load_curve(s, &users), s.users)
        })
    });
    let summary = crate::erased::memo(move || curve.with(|(c, _)| costmodel::sweep::load_summary(c)));
    let draw = move |area: &CanvasArea, dpr: f64| {
        let style = if dark.get() { charts::ChartStyle::dark() } else { charts::ChartStyle::light() }.scaled(dpr);
        curve
            .with(|(c, users)| {
                let at = c.points.iter().rposition(|p| p.users <= users.max(1.0));
                charts::draw_load(area, c, &style, at)
            })
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    view! {
        <div class="kvs-panel-body">
            <p>"Throughput and latency as users grow, under continuous batching (the engines' schedule), from one user to twice the knee. The dot is this scenario's users."</p>
            <p data-testid="load-summary"><strong>{move || summary.get()}</strong></p>
            <ChartCanvas testid="load-chart" aria_label=Signal::derive(move || summary.get()) draw=draw class="kvs-canvas-load" />
            <table class="kvs-table kvs-num-text" data-testid="load-table">
                <thead><tr><th>"users"</th><th>"tok/s per GPU"</th><th>"TTFT p50"</th><th>"TTFT p95"</th><th>"TPOT"</th></tr></thead>
                <tbody>
                    {move || curve.with(|(c, _)| c.points.iter().map(|p| view! {
                        <tr class:kvs-saturated=p.saturated>
                            <td>{fmt_count(p.users)}</td>
                            <td>{fmt_sig(p.output_tokens_per_s_per_gpu)}</td>
                            <td>{fmt_seconds(p.ttft_p50_s)}</td>
                            <td>{fmt_seconds(p.ttft_p95_s)}</td>
                            <td>{fmt_seconds(p.tpot_s)}</td>
                        </tr>
                    }).collect_view()).into_any()}
                </tbody>
            </table>
        </div>
    }
}

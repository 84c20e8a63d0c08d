//! Pinned scenarios side by side with the current one; differences highlighted.

use costmodel::units::{fmt_count, fmt_sig};
use costmodel::sweep::SweepInput;
use costmodel::{evaluate_query, Evaluated, Report};
use leptos::prelude::*;
use crate::erased::Memo;

use crate::format::{bytes, opt_seconds};
use crate::state::{use_app, AppState, MAX_PINS};

/// Relative difference below which two values count as equal.
const SAME_REL: f64 = 0.005;

/// One compared output: label, value, formatter, and whether higher is better.
struct Row {
    label: &'static str,
    value: fn(&Report) -> Option<f64>,
    show: fn(Option<f64>, bool) -> String,
    higher_better: bool,
}

const ROWS: &[Row] = &[
    Row { label: "Users that fit", value: |r| Some(r.concurrency), show: |v, _| v.map_or("–".into(), fmt_count), higher_better: true },
    Row { label: "KV per user", value: |r| Some(r.kv_bytes_per_user), show: |v, b| v.map_or("–".into(), |v| bytes(v, b)), higher_better: false },
    Row { label: "Prefill per prompt", value: |r| r.prefill_s, show: |v, _| opt_seconds(v), higher_better: false },
    Row { label: "Decode per turn", value: |r| r.decode_s, show: |v, _| opt_seconds(v), higher_better: false },
    Row { label: "Context switch", value: |r| r.context_switch_s, show: |v, _| opt_seconds(v), higher_better: false },
    Row { label: "Turns per second", value: |r| r.turns_per_s, show: |v, _| v.map_or("–".into(), fmt_sig), higher_better: true },
    Row { label: "Output tokens per second", value: |r| r.output_tokens_per_s, show: |v, _| v.map_or("–".into(), fmt_sig), higher_better: true },
    Row { label: "Time to first token", value: |r| r.ttft_s, show: |v, _| opt_seconds(v), higher_better: false },
    Row { label: "Time per output token", value: |r| r.tpot_s, show: |v, _| opt_seconds(v), higher_better: false },
    Row { label: "GPU-seconds per turn", value: |r| r.gpu_s_per_turn, show: |v, _| v.map_or("–".into(), fmt_sig), higher_better: false },
    Row { label: "USD per million output tokens", value: |r| r.usd_per_million_output_tokens, show: |v, _| v.map_or("–".into(), |v| format!("${}", fmt_sig(v))), higher_better: false },
];

/// A short name for a scenario, as the pins' legend, the compare table and exported charts
/// show it ("Yi-34B · 1× NVIDIA A100 SXM 80GB · 50,000 tokens · peak"; KV methods by their ids).
pub fn scenario_label(e: &Evaluated) -> String {
    label_without(e, None)
}

/// [`scenario_label`] without the part that `swept` varies (the GPUs for `tp`, the tokens for
/// `ctx`, a KV axis's setting for that axis): the sweep chart's title on the page names what
/// the chart holds fixed, and the swept value is the highlighted point's, in the readout. So a
/// context slider moves the point, not the title.
pub fn label_without(e: &Evaluated, swept: Option<SweepInput>) -> String {
    let s = &e.scenario;
    let model = costmodel::summary::model_label(s, "imported model");
    let hw = costmodel::summary::hardware_label(s);
    // A KV axis is swept when the sweep's URL key is the axis's (`kv_layer`, …).
    let swept_key = swept.map(SweepInput::key);
    let kv: Vec<String> = s
        .compression
        .iter()
        .zip(costmodel::compression::Axis::ALL)
        .filter(|&(_, axis)| swept_key != Some(axis.key()))
        .filter_map(|(a, _)| match a {
            costmodel::scenario::AxisSetting::None => None,
            costmodel::scenario::AxisSetting::Method(id) => Some(id.clone()),
            costmodel::scenario::AxisSetting::Factor(f) => Some(format!("×{}", fmt_sig(*f))),
        })
        .collect();
    let kv = if kv.is_empty() { String::new() } else { format!(" · KV {}", kv.join("+")) };
    let gpus = if swept == Some(SweepInput::Tp) { String::new() } else { format!("{}× ", s.tp) };
    let tokens = if swept == Some(SweepInput::Ctx) { String::new() } else { format!(" · {} tokens", fmt_count(s.ctx_tokens)) };
    format!("{model} · {gpus}{hw}{tokens} · {}{kv}", s.mode.as_str())
}

/// Pins the current scenario (up to `MAX_PINS`; a scenario already pinned is not repeated).
pub fn pin_current(state: AppState) {
    let q = state.scenario.with_untracked(costmodel::url::to_query);
    state.view.update(|v| {
        if v.pins.len() < MAX_PINS && !v.pins.contains(&q) {
            v.pins.push(q);
        }
    });
}

/// The pinned scenarios, evaluated (only when the pins change).
pub fn pinned(state: AppState) -> Memo<Vec<Evaluated>> {
    let view = state.view;
    let pins = crate::erased::memo(move || view.with(|v| v.pins.clone()));
    crate::erased::memo(move || pins.with(|ps| ps.iter().map(|p| evaluate_query(p)).collect()))
}

/// The compare table.
#[component]
pub fn ComparePanel(
    /// The pinned scenarios, evaluated.
    pins: Memo<Vec<Evaluated>>,
) -> impl IntoView {
    let state = use_app();
    let binary = state.binary();
    let evaluated = state.evaluated;
    let full = crate::erased::memo(move || state.view.with(|v| v.pins.len() >= MAX_PINS));
    let unpin = move |i: usize| state.view.update(|v| {
        if i < v.pins.len() {
            v.pins.remove(i);
        }
    });
    let load = move |i: usize| {
        if let Some(q) = state.view.with_untracked(|v| v.pins.get(i).cloned()) {
            state.imported.set(None);
            state.scenario.set(costmodel::url::from_query(&q).0);
        }
    };
    view! {
        <div class="kvs-panel-body">
            <p>
                "Pin up to " {MAX_PINS} " scenarios: each appears as a series on the sweep chart and as a column here. "
                "Cells that differ from the current scenario are marked ▲ better or ▼ worse."
            </p>
            <button type="button" class="kvs-button" data-testid="pin" on:click=move |_| pin_current(state) disabled=move || full.get()>
                {move || if full.get() { "Four scenarios pinned (unpin one)" } else { "Pin the current scenario" }.to_owned()}
            </button>
            <div class="kvs-table-wrap">
                <table class="kvs-table kvs-compare" data-testid="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">"Output"</th>
                            <th scope="col">"Current" <br /> <small>{move || evaluated.with(scenario_label)}</small></th>
                            {move || pins.get().iter().enumerate().map(|(i, e)| view! {
                                <th scope="col">
                                    {format!("Pin {}", i + 1)} <br /> <small>{scenario_label(e)}</small> <br />
                                    <button type="button" class="kvs-link-button" on:click=move |_| load(i)>"Load"</button>
                                    " · "
                                    <button type="button" class="kvs-link-button" data-testid=format!("unpin-{}", i + 1) on:click=move |_| unpin(i)>"Unpin"</button>
                                </th>
                            }).collect_view().into_any()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let b = binary.get();
                            let pins = pins.get();
                            evaluated.with(|cur| ROWS.iter().map(|row| {
                                let base = (row.value)(&cur.report);
                                view! {
                                    <tr>
                                        <th scope="row">{row.label}</th>
                                        <td class="kvs-num-text">{(row.show)(base, b)}</td>
                                        {pins.iter().map(|p| {
                                            let v = (row.value)(&p.report);
                                            let (class, mark) = diff_class(base, v, row.higher_better);
                                            view! { <td class=format!("kvs-num-text {class}")>{(row.show)(v, b)} {mark}</td> }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view())
                        }.into_any()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// CSS class and mark of a pinned value against the current one.
fn diff_class(base: Option<f64>, v: Option<f64>, higher_better: bool) -> (&'static str, &'static str) {
    match (base, v) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() => {
            let scale = a.abs().max(b.abs());
            if scale == 0.0 || (a - b).abs() / scale < SAME_REL {
                ("", "")
            } else if (b > a) == higher_better {
                ("kvs-better", "▲")
            } else {
                ("kvs-worse", "▼")
            }
        }
        (None, None) => ("", ""),
        (Some(_), None) => ("kvs-worse", "▼"),
        (None, Some(_)) => ("kvs-better", "▲"),
        _ => ("", ""),
    }
}

//! "1M as cheap as 4K": the KV factor that closes the gap and the method stacks that reach it.

use charts::ChartStyle;
use costmodel::cheap::{cheap_as, LONG_CTX_TOKENS, SHORT_CTX_TOKENS};
use costmodel::units::{fmt_count, fmt_sig};
use leptos::prelude::*;

use crate::components::{CanvasArea, ChartCanvas};
use crate::state::use_app;

/// The 1M-vs-4K tab. The solver runs only while this tab is open.
#[component]
pub fn CheapPanel() -> impl IntoView {
    let state = use_app();
    let dark = state.dark;
    let inputs = state.inputs;
    let cheap = Memo::new(move |_| inputs.with(|i| cheap_as(i, LONG_CTX_TOKENS, SHORT_CTX_TOKENS)));
    let draw = move |area: &CanvasArea, dpr: f64| {
        let style = if dark.get() { ChartStyle::dark() } else { ChartStyle::light() }.scaled(dpr);
        cheap.with(|c| charts::draw_cheap(area, c, &style)).map_err(|e| e.to_string())
    };
    let ratio = |r: Option<f64>| r.map_or_else(|| "–".to_owned(), |r| format!("{}×", fmt_sig(r)));
    let summary = move || {
        cheap.with(|c| match (c.cost_ratio, c.kv_cost_ratio) {
            (Some(r), kv) => format!(
                "{} tokens cost {}× the GPU-seconds per turn of {} tokens ({} for decode and switching alone).",
                fmt_count(c.long_ctx_tokens),
                fmt_sig(r),
                fmt_count(c.short_ctx_tokens),
                kv.map_or_else(|| "–".to_owned(), |k| format!("{}×", fmt_sig(k)))
            ),
            (None, _) if c.short_gpu_s_per_turn.is_none() => format!("Even {} tokens do not fit here.", fmt_count(c.short_ctx_tokens)),
            (None, _) => format!("{} tokens do not fit uncompressed here, so there is no plain ratio.", fmt_count(c.long_ctx_tokens)),
        })
    };
    let needed = move || {
        cheap.with(|c| match c.needed_factor {
            Some(f) => format!(
                "A KV factor of {} (the cache {}× smaller) makes decode and switching as cheap as at {} tokens; the whole turn is then {} (prefill attention is not removed by compressing the cache).",
                fmt_sig(f),
                fmt_sig(1.0 / f),
                fmt_count(c.short_ctx_tokens),
                ratio(c.ratio_at_needed)
            ),
            None => format!(
                "No KV factor down to 10⁻⁶ brings decode and switching at {} tokens down to their cost at {} tokens: what compression cannot remove (weights, attention compute) already costs more.",
                fmt_count(c.long_ctx_tokens),
                fmt_count(c.short_ctx_tokens)
            ),
        })
    };
    view! {
        <div class="kvs-panel-body">
            <p>"The paper's goal: serve 1M tokens of context as cheaply as 4K. Same model, hardware and workload; only the context differs."</p>
            <ChartCanvas testid="cheap-chart" aria_label=Signal::derive(summary) draw=draw class="kvs-canvas-cheap" />
            <p data-testid="cheap-summary">{summary}</p>
            <p data-testid="cheap-needed">{needed}</p>
            <h3 class="kvs-h3">"Published methods, one per axis, that reach it"</h3>
            <ul class="kvs-stacks" data-testid="cheap-stacks">
                {move || cheap.with(|c| {
                    if c.stacks.is_empty() {
                        view! { <li>"No stack of the listed methods reaches the needed factor."</li> }.into_any()
                    } else {
                        c.stacks.iter().map(|s| view! {
                            <li><strong>{s.methods.join(" + ")}</strong> {format!(" → factor {}", fmt_sig(s.factor))}</li>
                        }).collect_view().into_any()
                    }
                })}
            </ul>
        </div>
    }
}

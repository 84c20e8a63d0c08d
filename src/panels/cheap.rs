//! "1M as cheap as 4K": the KV factor that closes the gap and the method stacks that reach it.

use charts::ChartStyle;
use costmodel::cheap::{cheap_as, LONG_CTX_TOKENS, SHORT_CTX_TOKENS};
use costmodel::units::fmt_sig;
use leptos::prelude::*;
use crate::erased::{Signal, show};

use crate::components::{CanvasArea, ChartCanvas};
use crate::state::use_app;

/// The 1M-vs-4K tab. The solver runs only while this tab is open.
#[component]
pub fn CheapPanel() -> impl IntoView {
    let state = use_app();
    let dark = state.dark;
    let inputs = state.inputs;
    let cheap = crate::erased::memo(move || inputs.with(|i| cheap_as(i, LONG_CTX_TOKENS, SHORT_CTX_TOKENS)));
    let draw = move |area: &CanvasArea, dpr: f64| {
        let style = if dark.get() { ChartStyle::dark() } else { ChartStyle::light() }.scaled(dpr);
        cheap.with(|c| charts::draw_cheap(area, c, &style)).map_err(|e| e.to_string())
    };
    // The sentences are built in costmodel (cheap::sentences; ux, issue 11): the ratio, what
    // closes the gap or that nothing more is needed, and what keeps 1M dear.
    let lines = crate::erased::memo(move || cheap.with(costmodel::cheap::sentences));
    let line = move |i: usize| move || lines.with(|l| l.get(i).cloned().unwrap_or_default());
    let summary = line(0);
    let needed = line(1);
    let bound = line(2);
    let already = crate::erased::memo(move || cheap.with(|c| c.already_cheap));
    view! {
        <div class="kvs-panel-body">
            <p>"The paper's goal: serve 1M tokens of context as cheaply as 4K. Same model, hardware and workload; only the context differs."</p>
            <ChartCanvas testid="cheap-chart" aria_label=Signal::derive(summary) draw=draw class="kvs-canvas-cheap" />
            <p data-testid="cheap-summary">{crate::erased::text(summary)}</p>
            <p data-testid="cheap-needed">{crate::erased::text(needed)}</p>
            <p data-testid="cheap-bound"><strong>{crate::erased::text(bound)}</strong></p>
            {show(move || !already.get(), move || view! {
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
            }.into_any())}
        </div>
    }
}

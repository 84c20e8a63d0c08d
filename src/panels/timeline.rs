//! One serving cycle as a timeline (charts::draw_timeline).

use charts::ChartStyle;
use leptos::prelude::*;
use crate::erased::Signal;

use crate::components::{CanvasArea, ChartCanvas};
use crate::state::use_app;

/// The timeline tab.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let state = use_app();
    let dark = state.dark;
    let report = state.report;
    let draw = move |area: &CanvasArea, dpr: f64| {
        let style = if dark.get() { ChartStyle::dark() } else { ChartStyle::light() }.scaled(dpr);
        report.with(|r| charts::draw_timeline(area, r, &style)).map_err(|e| e.to_string())
    };
    // One memo for the chart's accessible name and the note under it (input2, issue 12).
    let aria = crate::erased::memo(move || {
        report.with(|r| match r.cycle {
            Some(c) => format!(
                "One serving cycle: prefills {}, decode {}, context switches {}",
                costmodel::units::fmt_seconds(c.prefill_s),
                costmodel::units::fmt_seconds(c.decode_s),
                costmodel::units::fmt_seconds(c.switch_s)
            ),
            None => "No cycle: the scenario does not fit".to_owned(),
        })
    });
    // Taller with more batch lanes (charts::MAX_LANES at most, plus a "+N more" lane). The
    // min-height keeps that many CSS px on narrow screens, where the fixed parts (title, a
    // legend that wraps to two rows, the time axis) would otherwise leave the lanes no room.
    let lanes = crate::erased::memo(move || report.with(|r| r.batch.clamp(1.0, charts::MAX_LANES as f64 + 1.0)));
    let style = Signal::derive(move || {
        let h = 150.0 + 28.0 * lanes.get();
        format!("aspect-ratio: 840 / {h}; min-height: {h}px")
    });
    view! {
        <div class="kvs-panel-body">
            <p>
                "The paper's concurrent-programming view: the GPU time-shares users like an operating system. "
                "Each batch slot prefills in turn, the batch decodes together, and waiting users are swapped in over the host link."
            </p>
            <ChartCanvas testid="timeline-chart" aria_label=aria draw=draw class="kvs-canvas-timeline" style=style />
            <p class="kvs-note">{move || aria.get()}</p>
        </div>
    }
}

//! Downloads: the sweep as CSV (the CLI's columns), the chart as PNG and SVG, the scenario
//! and its report as JSON.

use charts::{ChartStyle, SweepChart};
use leptos::prelude::*;

use crate::download::{download_canvas_png, download_text};
use crate::panels::compare::scenario_label;
use crate::panels::sweep::{chart_series, wants_log_y};
use crate::state::{use_app, x_range};
use crate::sweeps::SweepMemos;

/// Size of the exported SVG (px).
const SVG_SIZE: (u32, u32) = (1200, 750);

/// The export tab.
#[component]
pub fn ExportPanel(
    /// The sweep memos (the chart's data).
    memos: SweepMemos,
) -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(String::new());
    let report = move |r: Result<(), String>, what: &str| match r {
        Ok(()) => status.set(format!("{what} downloaded.")),
        Err(e) => status.set(format!("Could not export {what}: {e}")),
    };
    let csv = move |_| {
        let text = memos.main.with_untracked(costmodel::sweep::sweep_csv);
        report(download_text(&text, "kvscope-sweep.csv", "text/csv"), "CSV");
    };
    let png = move |_| report(download_canvas_png("[data-testid=sweep-chart]", "kvscope-sweep.png"), "PNG");
    let svg = move |_| {
        let (x, y) = state.view.with_untracked(|v| (v.x, v.y));
        let series = untrack(|| chart_series(memos, y));
        let marks = memos.main.with_untracked(charts::sweep_markers);
        let title = state.evaluated.with_untracked(scenario_label);
        let chart = SweepChart {
            title: &title,
            x_label: x.label(),
            y_label: y.label(),
            x_log: x_range(x).2,
            y_log: wants_log_y(&series),
            series: &series,
            markers: &marks,
            y_format: charts::format::metric_format(y),
            x_format: charts::format::input_format(x),
            highlight: None,
        };
        let style = if state.dark.get_untracked() { ChartStyle::dark() } else { ChartStyle::light() };
        match charts::sweep_svg_via::<plotters_canvas::CanvasBackend>(&chart, &style, SVG_SIZE.0, SVG_SIZE.1) {
            Ok(text) => report(download_text(&text, "kvscope-sweep.svg", "image/svg+xml"), "SVG"),
            Err(e) => status.set(format!("Could not export SVG: {e}")),
        }
    };
    let json = move |_| {
        match state.evaluated.with_untracked(costmodel::Evaluated::to_json) {
            Ok(text) => report(download_text(&text, "kvscope-scenario.json", "application/json"), "JSON"),
            Err(e) => status.set(format!("Could not export JSON: {e}")),
        }
    };
    view! {
        <div class="kvs-panel-body">
            <p>"Everything is computed in your browser; downloads are made here too."</p>
            <div class="kvs-buttons">
                <button type="button" class="kvs-button" data-testid="export-csv" on:click=csv>"Sweep as CSV"</button>
                <button type="button" class="kvs-button" data-testid="export-png" on:click=png>"Chart as PNG"</button>
                <button type="button" class="kvs-button" data-testid="export-svg" on:click=svg>"Chart as SVG"</button>
                <button type="button" class="kvs-button" data-testid="export-json" on:click=json>"Scenario + report as JSON"</button>
            </div>
            <p class="kvs-note">"The CSV has the same columns as " <code>"kvscope sweep --csv"</code> " (this scenario's series). The link to this page holds the whole state: copy it from the address bar."</p>
            <p class="kvs-note" role="status" data-testid="export-status">{move || status.get()}</p>
        </div>
    }
}

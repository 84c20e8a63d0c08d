//! Downloads: the sweep as CSV (the CLI's columns), the chart as PNG and SVG, the scenario
//! and its report as JSON (written by the on-demand module, `crate::ondemand`).

use charts::{ChartStyle, SweepChart};
use leptos::prelude::*;
use crate::erased::RwSignal;

use crate::download::{download_data_url, download_text};
use crate::ondemand::{CallError, Module};
use crate::panels::compare::scenario_label;
use crate::panels::sweep::{chart_series, wants_log_y};
use crate::state::{use_app, x_range};
use crate::sweeps::SweepMemos;

/// Size of the exported SVG (px).
const SVG_SIZE: (u32, u32) = (1200, 750);

// ux (issue 11)
/// Narrowest exported PNG (px): wide enough for a slide.
const PNG_MIN_WIDTH_PX: f64 = 1600.0;

/// A file name that says the scenario and the axes:
/// `kvscope_llama-3.1-70b_4x-h100-sxm_ctx141000_decode_s-vs-ctx.csv`.
pub fn export_name(state: crate::state::AppState, ext: &str) -> String {
    let (x, y) = state.view.with_untracked(|v| (v.x, v.y));
    let stem = state.scenario.with_untracked(|s| {
        let model = if s.custom.is_some() { "imported".to_owned() } else { s.model.clone() };
        format!("kvscope_{model}_{}x-{}_ctx{}", s.tp, s.hw, costmodel::url::fmt_number(s.ctx_tokens))
    });
    let safe: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' }).collect();
    format!("{safe}_{}-vs-{}.{ext}", y.key(), x.key())
}

/// The sweep chart drawn again on an off-screen canvas at `scale` × its CSS size (at least
/// [`PNG_MIN_WIDTH_PX`] wide), as a PNG data URL.
fn sweep_png(memos: SweepMemos, state: crate::state::AppState) -> Result<String, String> {
    use plotters::prelude::IntoDrawingArea;
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let css_w = document
        .query_selector("[data-testid=sweep-chart]")
        .ok()
        .flatten()
        .map_or(960.0, |el| el.get_bounding_client_rect().width())
        .max(320.0);
    let ratio = 9.0 / 16.0;
    let scale = (crate::components::device_pixel_ratio() * 2.0).max(PNG_MIN_WIDTH_PX / css_w);
    let (w, h) = ((css_w * scale).round(), (css_w * ratio * scale).round());
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(|e| format!("{e:?}"))?.dyn_into().map_err(|_| "not a canvas")?;
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let style = if state.dark.get_untracked() { ChartStyle::dark() } else { ChartStyle::light() }.scaled(scale);
    let backend = crate::components::FastCanvas::with_canvas_object(canvas.clone()).ok_or("no 2D canvas context")?;
    let area = backend.into_drawing_area();
    with_sweep_chart(memos, state, |chart| charts::draw_sweep(&area, chart, &style).map_err(|e| e.to_string()))?;
    canvas.to_data_url().map_err(|e| format!("{e:?}"))
}

/// The sweep chart as the page draws it (every series, the markers, the scenario highlighted),
/// handed to `f`: the PNG and the SVG export draw the same chart.
fn with_sweep_chart<R>(memos: SweepMemos, state: crate::state::AppState, f: impl FnOnce(&SweepChart) -> R) -> R {
    let (x, y) = state.view.with_untracked(|v| (v.x, v.y));
    let series = untrack(|| chart_series(memos, y));
    let marks = memos.main.with_untracked(charts::sweep_markers);
    let title = state.evaluated.with_untracked(scenario_label);
    let highlight = memos.exact.with_untracked(|(_, i)| i.map(|i| (0, i)));
    f(&SweepChart::of(&title, x, y, (x_range(x).2, wants_log_y(&series)), &series, &marks, highlight))
}

/// [`SweepChart`] as the arguments of the export module's `export_svg` (src/bin/export.rs): the
/// axes by their URL keys (`x`, `y`), the series' points flattened (no float is printed here).
fn svg_args(chart: &SweepChart, (x, y): (&str, &str), dark: bool) -> js_sys::Array {
    use wasm_bindgen::JsValue;
    let strings = |items: &mut dyn Iterator<Item = &str>| items.map(JsValue::from_str).collect::<js_sys::Array>();
    let labels = strings(&mut chart.series.iter().map(|s| s.label.as_str()));
    let lens: Vec<u32> = chart.series.iter().map(|s| u32::try_from(s.points.len()).unwrap_or(0)).collect();
    let xy: Vec<f64> = chart.series.iter().flat_map(|s| s.points.iter().flat_map(|&(x, y)| [x, y])).collect();
    let marker_xs: Vec<f64> = chart.markers.iter().map(|m| m.0).collect();
    let marker_labels = strings(&mut chart.markers.iter().map(|m| m.1));
    let highlight: Vec<u32> = chart.highlight.map(|(s, i)| vec![u32::try_from(s).unwrap_or(0), u32::try_from(i).unwrap_or(0)]).unwrap_or_default();
    [
        JsValue::from_str(chart.title),
        JsValue::from_str(x),
        JsValue::from_str(y),
        JsValue::from_bool(chart.x_log),
        JsValue::from_bool(chart.y_log),
        labels.into(),
        js_sys::Uint32Array::from(lens.as_slice()).into(),
        js_sys::Float64Array::from(xy.as_slice()).into(),
        js_sys::Float64Array::from(marker_xs.as_slice()).into(),
        marker_labels.into(),
        js_sys::Uint32Array::from(highlight.as_slice()).into(),
        JsValue::from_bool(dark),
        JsValue::from(SVG_SIZE.0),
        JsValue::from(SVG_SIZE.1),
    ]
    .into_iter()
    .collect()
}

/// The export module's answer (`["ok", text]` or `["error", message]`, src/bin/export.rs) as
/// the text or a message that names the `writer`.
fn module_answer(answer: Result<Vec<String>, CallError>, writer: &str) -> Result<String, String> {
    match answer {
        Ok(mut parts) if parts.len() == 2 && parts[0] == "ok" => Ok(parts.swap_remove(1)),
        Ok(parts) if parts.len() == 2 && parts[0] == "error" => Err(format!("{}.", parts[1])),
        Ok(_) => Err(format!("the {writer} answered in an unknown form (a stale cache? reload the page).")),
        Err(CallError::Load(e)) => Err(format!("the {writer} ({}) could not be loaded ({}): check the connection and try again.", e.file, e.why)),
        Err(CallError::Call(why)) => Err(format!("the {writer} failed: {why}.")),
    }
}

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
    // ux (issue 11): one column per series on the chart (pins included).
    let csv = move |_| {
        let (x, y) = state.view.with_untracked(|v| (v.x, v.y));
        let series: Vec<(String, Vec<(f64, f64)>)> = untrack(|| chart_series(memos, y)).into_iter().map(|s| (s.label, s.points)).collect();
        let text = costmodel::sweep::series_csv(x.key(), y.key(), &series);
        report(download_text(&text, &export_name(state, "csv"), "text/csv"), "CSV");
    };
    let all_csv = move |_| {
        let text = memos.main.with_untracked(costmodel::sweep::sweep_csv);
        report(download_text(&text, &export_name(state, "all-metrics.csv"), "text/csv"), "CSV");
    };
    let png = move |_| match sweep_png(memos, state) {
        Ok(url) => report(download_data_url(&url, &export_name(state, "png")), "PNG"),
        Err(e) => status.set(format!("Could not export PNG: {e}")),
    };
    // issue 12: the SVG writer is in the export module too (src/bin/export.rs): the app hands it
    // the chart's data as the page draws it and the module draws it with plotters' SVG backend.
    let svg = move |_| {
        let keys = state.view.with_untracked(|v| (v.x.key(), v.y.key()));
        let args = with_sweep_chart(memos, state, |chart| svg_args(chart, keys, state.dark.get_untracked()));
        let name = export_name(state, "svg");
        status.set("Loading the SVG writer…".to_owned());
        leptos::task::spawn_local(async move {
            let answer = crate::ondemand::call(Module::Export, "export_svg", &args).await;
            let result = module_answer(answer, "SVG writer").and_then(|svg| download_text(&svg, &name, "image/svg+xml"));
            let _ = status.try_set(match result {
                Ok(()) => "SVG downloaded.".to_owned(),
                Err(e) => format!("Could not export SVG: {e}"),
            });
        });
    };
    // issue 12: the JSON writer is a module of its own (src/bin/export.rs), fetched on first use
    // (or when the pointer or the focus reaches the button); the app hands it the scenario as
    // its link and the warnings it holds, and the module evaluates it as the app does.
    let json = move |_| {
        let query = state.scenario.with_untracked(costmodel::url::to_query);
        let warnings = state.url_warnings.get_untracked();
        let name = export_name(state, "json");
        status.set("Loading the JSON writer…".to_owned());
        leptos::task::spawn_local(async move {
            let warnings: js_sys::Array = warnings.iter().map(|w| wasm_bindgen::JsValue::from_str(w)).collect();
            let answer = crate::ondemand::call(Module::Export, "export_json", &js_sys::Array::of2(&wasm_bindgen::JsValue::from_str(&query), &warnings)).await;
            let result = module_answer(answer, "JSON writer").and_then(|json| download_text(&json, &name, "application/json"));
            // The panel may have closed meanwhile: then there is no status to write.
            let _ = status.try_set(match result {
                Ok(()) => "JSON downloaded.".to_owned(),
                Err(e) => format!("Could not export JSON: {e}"),
            });
        });
    };
    view! {
        <div class="kvs-panel-body">
            <p>"Everything is computed in your browser; downloads are made here too."</p>
            <div class="kvs-buttons">
                <button type="button" class="kvs-button" data-testid="export-csv" on:click=csv>"Chart as CSV (every series)"</button>
                <button type="button" class="kvs-button" data-testid="export-csv-all" on:click=all_csv>"This scenario, every metric (CSV)"</button>
                <button type="button" class="kvs-button" data-testid="export-png" on:click=png>"Chart as PNG"</button>
                <button type="button" class="kvs-button" data-testid="export-svg" on:click=svg on:pointerenter=move |_| crate::ondemand::prefetch(Module::Export) on:focus=move |_| crate::ondemand::prefetch(Module::Export)>"Chart as SVG"</button>
                <button type="button" class="kvs-button" data-testid="export-json" on:click=json on:pointerenter=move |_| crate::ondemand::prefetch(Module::Export) on:focus=move |_| crate::ondemand::prefetch(Module::Export)>"Scenario + report as JSON"</button>
            </div>
            <p class="kvs-note">"The chart's CSV has one column per line on the chart, pinned scenarios included; the every-metric CSV has the columns of " <code>"kvscope sweep --csv"</code> " for this scenario. The PNG is drawn at twice the screen's pixel density, at least 1,600 px wide. The link to this page holds the whole state: copy it from the address bar."</p>
            <p class="kvs-note" role="status" data-testid="export-status">{move || status.get()}</p>
        </div>
    }
}

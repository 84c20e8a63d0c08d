//! The JSON and SVG exports as a module of their own (issue 12: fewer bytes in the app), fetched
//! by the app the first time a reader exports the scenario and its report as JSON or the sweep
//! chart as SVG, or is about to (`kvscope_web` `ondemand`).
//!
//! serde's writers of the scenario and report structs and `serde_json`'s float printer were
//! 7.1 KB of the app's gzipped .wasm (407,931 -> 400,867 B gzip -9 when they moved here). The app
//! hands the scenario over as its link (`costmodel::url::to_query`, which reads back as the same
//! scenario: costmodel's `url_round_trip_keeps_the_scenario`) with the warnings it holds, and
//! this module evaluates it again, as the app does, and writes `Evaluated::to_json`. (It shares
//! no code with the config import, `src/bin/import.rs`, so the two stay apart: an import would
//! otherwise fetch the whole cost model too.)
//!
//! The answer is an array of strings, which the app reads without a JSON parser:
//! `["ok", json]` or `["error", message]`.

use wasm_bindgen::prelude::wasm_bindgen;

/// The scenario of `query` (the app's `costmodel::url::to_query` of its scenario) and its
/// report as `Evaluated::to_json` writes them (the same writer as the `kvscope` CLI's library),
/// with `warnings` (the app's warnings about the link it was opened with) first among the
/// report's warnings, as in the app.
#[wasm_bindgen]
#[must_use]
pub fn export_json(query: &str, warnings: Vec<String>) -> Vec<String> {
    let (scenario, decoded) = costmodel::url::from_query(query);
    let mut all = warnings;
    all.extend(decoded.into_iter().map(|w| w.message));
    match costmodel::evaluate_scenario(scenario, all).to_json() {
        Ok(text) => vec!["ok".to_owned(), text],
        // Not `{e}`: serde_json's error text is a table of every parse error, and writing the
        // report's own structs cannot meet them.
        Err(_) => vec!["error".to_owned(), "the report could not be written as JSON".to_owned()],
    }
}

/// The sweep chart as an SVG document of `width_px` × `height_px`, drawn by `charts::sweep_svg`
/// from what the app's chart shows (`kvscope_web` `panels::export`): the title, the axes by their
/// URL keys (`x`, `y`: their labels and number formats follow from them), whether each axis is
/// logarithmic, the series (labels, their point counts `lens`, and their points flattened as
/// `x0, y0, x1, y1, …` in `xy`), the regime markers (`marker_xs`, `marker_labels`), the
/// highlighted point (`[series, point]`, or empty) and the colour scheme. Answers
/// `["ok", svg]` or `["error", message]`.
///
/// The SVG writer (plotters' SVG backend and its float printing) was 4.3 KB of the app's gzipped
/// .wasm (340,675 -> 336,402 B gzip -9 without it): the app draws its charts on canvases only.
#[wasm_bindgen]
#[must_use]
#[allow(clippy::too_many_arguments, clippy::needless_pass_by_value)]
pub fn export_svg(
    title: String,
    x: String,
    y: String,
    x_log: bool,
    y_log: bool,
    labels: Vec<String>,
    lens: Vec<u32>,
    xy: Vec<f64>,
    marker_xs: Vec<f64>,
    marker_labels: Vec<String>,
    highlight: Vec<u32>,
    dark: bool,
    width_px: u32,
    height_px: u32,
) -> Vec<String> {
    match sweep_svg(&title, &x, &y, (x_log, y_log), &labels, &lens, &xy, (&marker_xs, &marker_labels), &highlight, dark, (width_px, height_px)) {
        Ok(svg) => vec!["ok".to_owned(), svg],
        Err(e) => vec!["error".to_owned(), e],
    }
}

/// [`export_svg`]'s work, with its errors as messages.
#[allow(clippy::too_many_arguments)]
fn sweep_svg(
    title: &str,
    x: &str,
    y: &str,
    (x_log, y_log): (bool, bool),
    labels: &[String],
    lens: &[u32],
    xy: &[f64],
    (marker_xs, marker_labels): (&[f64], &[String]),
    highlight: &[u32],
    dark: bool,
    (width_px, height_px): (u32, u32),
) -> Result<String, String> {
    let input = costmodel::sweep::SweepInput::from_key(x).ok_or_else(|| format!("unknown x axis {x:?}"))?;
    let metric = costmodel::sweep::Metric::from_key(y).ok_or_else(|| format!("unknown y axis {y:?}"))?;
    if labels.len() != lens.len() || lens.iter().map(|&n| n as usize * 2).sum::<usize>() != xy.len() || marker_xs.len() != marker_labels.len() {
        return Err("the chart's data arrived incomplete".to_owned());
    }
    let mut rest = xy;
    let series: Vec<charts::Series> = labels
        .iter()
        .zip(lens)
        .map(|(label, &n)| {
            let (mine, tail) = rest.split_at(n as usize * 2);
            rest = tail;
            charts::Series { label: label.clone(), points: mine.chunks_exact(2).map(|p| (p[0], p[1])).collect() }
        })
        .collect();
    let markers: Vec<(f64, &str)> = marker_xs.iter().copied().zip(marker_labels.iter().map(String::as_str)).collect();
    let highlight = match highlight {
        [s, i] => Some((*s as usize, *i as usize)),
        _ => None,
    };
    let chart = charts::SweepChart::of(title, input, metric, (x_log, y_log), &series, &markers, highlight);
    let style = if dark { charts::ChartStyle::dark() } else { charts::ChartStyle::light() };
    charts::sweep_svg(&chart, &style, width_px, height_px).map_err(|e| e.to_string())
}

fn main() {}

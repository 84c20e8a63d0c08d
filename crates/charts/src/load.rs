//! The load curve (issue 9): output tokens per second per GPU against time per output token
//! (top) and against the 95th-percentile time to first token (bottom), one point per offered
//! user count, with the knee and the objectives as labelled verticals.

use costmodel::sweep::LoadCurve;
use costmodel::units::{fmt_seconds, fmt_sig};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters_backend::DrawingBackend;

use crate::{draw_sweep, ChartError, ChartStyle, PlotLayout, Series, SweepChart};

fn fmt_tok_s(v: f64) -> String {
    format!("{} tok/s", fmt_sig(v))
}

/// Draws both panels on `area` (top and bottom halves) and returns their plot layouts. The
/// `highlight` index marks one point (the scenario's users) on both.
pub fn draw_load<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    curve: &LoadCurve,
    style: &ChartStyle,
    highlight: Option<usize>,
) -> Result<(PlotLayout, PlotLayout), ChartError>
where
    DB::ErrorType: 'static,
{
    let (top, bottom) = area.split_vertically(area.dim_in_pixel().1 / 2);
    // The knee at the last point below it (the curve's own x there), labelled with the knee.
    let knee = curve
        .saturation_users
        .and_then(|n| curve.points.iter().rfind(|p| p.users <= n).map(|p| (p.tpot_s, p.ttft_p95_s, format!("knee: {n:.0} users"))));
    let mut tpot_markers: Vec<(f64, &str)> = Vec::new();
    let mut ttft_markers: Vec<(f64, &str)> = Vec::new();
    if let Some((tpot, ttft, label)) = &knee {
        tpot_markers.push((*tpot, label.as_str()));
        ttft_markers.push((*ttft, label.as_str()));
    }
    if let Some(s) = curve.slo_tpot_s {
        tpot_markers.push((s, "TPOT objective"));
    }
    if let Some(s) = curve.slo_ttft_s {
        ttft_markers.push((s, "TTFT objective"));
    }
    let series = |x: fn(&costmodel::sweep::LoadPoint) -> f64, label: &str| {
        [Series { label: label.to_owned(), points: curve.points.iter().map(|p| (x(p), p.output_tokens_per_s_per_gpu)).collect() }]
    };
    let by_tpot = series(|p| p.tpot_s, "output tok/s per GPU, one point per user count");
    let by_ttft = series(|p| p.ttft_p95_s, "output tok/s per GPU");
    let highlight = highlight.filter(|&i| i < curve.points.len()).map(|i| (0, i));
    let a = draw_sweep(
        &top,
        &SweepChart {
            title: "Load: throughput against latency as users grow",
            x_label: "time per output token",
            y_label: "output tok/s per GPU",
            x_log: true,
            y_log: false,
            series: &by_tpot,
            markers: &tpot_markers,
            y_format: fmt_tok_s,
            x_format: fmt_seconds,
            highlight,
        },
        style,
    )?;
    let b = draw_sweep(
        &bottom,
        &SweepChart {
            title: "",
            x_label: "time to first token, 95th percentile",
            y_label: "output tok/s per GPU",
            x_log: true,
            y_log: false,
            series: &by_ttft,
            markers: &ttft_markers,
            y_format: fmt_tok_s,
            x_format: fmt_seconds,
            highlight,
        },
        style,
    )?;
    Ok((a, b))
}

//! The sweep chart: one or more series of a metric against a swept input, with a legend above
//! the plot, regime markers as labelled dashed verticals, and an optional highlighted point with
//! a readout (hover or tap).

use costmodel::sweep::{Metric, Sweep, SweepInput};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::Color;
use plotters_backend::DrawingBackend;

use crate::axis::{self, drawable, extent, on_axis, PlotLayout, Scale, Ticks, MAX_TICKS, MIN_TICKS};
use crate::draw::{layout_legend, Font, Painter};
use crate::{ChartError, ChartStyle};

/// Most series one chart draws (the palette's size).
pub const MAX_SERIES: usize = 8;
/// Rows of marker labels above the plot: one per marker kind (costmodel's five), so labels
/// never overlap however close their lines are (ux, issue 11: "de swapping starts" on a phone).
const MAX_MARKER_ROWS: usize = 5;
/// Vertical room per y tick (px at scale 1), and the most y ticks.
const Y_TICK_SPACING_PX: f64 = 45.0;
const MAX_Y_TICKS: usize = 10;
/// Samples per segment when looking for a free spot for the readout.
const INK_SAMPLES: i32 = 6;

/// One line: a label and its points. A NaN (or infinite, or on a log axis non-positive) value
/// is a gap: the line breaks there instead of dropping to zero.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// Legend text.
    pub label: String,
    /// (x, y) in increasing x.
    pub points: Vec<(f64, f64)>,
}

/// Everything a sweep chart shows.
#[derive(Debug, Clone, Copy)]
pub struct SweepChart<'a> {
    /// Title above the chart (may be empty).
    pub title: &'a str,
    /// X-axis label, with unit.
    pub x_label: &'a str,
    /// Y-axis label, with unit.
    pub y_label: &'a str,
    /// Logarithmic x axis.
    pub x_log: bool,
    /// Logarithmic y axis.
    pub y_log: bool,
    /// Up to [`MAX_SERIES`] lines.
    pub series: &'a [Series],
    /// Regime markers: (x, label), drawn as labelled dashed verticals when inside the x range.
    pub markers: &'a [(f64, &'a str)],
    /// Y tick and readout labels, with units (e.g. `costmodel::units::fmt_seconds`).
    pub y_format: fn(f64) -> String,
    /// X tick and readout labels.
    pub x_format: fn(f64) -> String,
    /// (series index, point index) to mark with a dot and a readout; ignored if out of range.
    pub highlight: Option<(usize, usize)>,
}

impl<'a> SweepChart<'a> {
    /// `metric` against the swept `input`: the axis labels and number formats follow from them
    /// (the web app's chart and its SVG export, and the CLI's `sweep --svg`, build it so).
    #[must_use]
    pub fn of(title: &'a str, input: SweepInput, metric: Metric, (x_log, y_log): (bool, bool), series: &'a [Series], markers: &'a [(f64, &'a str)], highlight: Option<(usize, usize)>) -> Self {
        SweepChart {
            title,
            x_label: input.label(),
            y_label: metric.label(),
            x_log,
            y_log,
            series,
            markers,
            y_format: crate::format::metric_format(metric),
            x_format: crate::format::input_format(input),
            highlight,
        }
    }
}

/// One series per model sweep: `metric` against the swept input, labelled with the name.
pub fn sweep_series(sweeps: &[(String, Sweep)], metric: Metric) -> Vec<Series> {
    sweeps
        .iter()
        .map(|(label, s)| Series { label: label.clone(), points: s.points.iter().map(|p| (p.x, metric.of(p))).collect() })
        .collect()
}

/// A sweep's regime markers as (x, label) pairs for [`SweepChart::markers`].
pub fn sweep_markers(sweep: &Sweep) -> Vec<(f64, &'static str)> {
    sweep.markers.iter().map(|m| (m.x, m.kind.label())).collect()
}

/// Why there is nothing to draw, if so.
fn nothing_reason(chart: &SweepChart) -> Option<&'static str> {
    let all = || chart.series.iter().flat_map(|s| s.points.iter());
    if all().next().is_none() {
        return Some("no data");
    }
    if all().any(|&(x, y)| drawable(x, y, chart.x_log, chart.y_log)) {
        return None;
    }
    let finite = all().any(|&(x, y)| x.is_finite() && y.is_finite());
    Some(match (finite, chart.x_log, chart.y_log) {
        (false, _, _) => "no finite values",
        (true, _, true) if !all().any(|&(_, y)| y > 0.0) => "no positive values for the log y axis",
        (true, true, _) => "no positive values for the log x axis",
        _ => "no point has both values positive for the log axes",
    })
}

/// Draws a sweep chart on `area` (filled with the background first) and returns where the plot
/// went, for hover readouts. Draws "nothing to draw: …" instead of failing when no value can
/// be placed on the axes. Fails only on backend errors or more than [`MAX_SERIES`] series.
///
/// It is [`draw_sweep_frame`], [`draw_sweep_title`] then [`draw_sweep_data`]: a canvas that
/// keeps the pixels of the first two draws only the last part again when they are unchanged
/// (the app's sweep chart while a slider moves the scenario along the swept axis, or a pointer
/// moves the readout), and only the last two when only the title changed (a slider moving
/// another input inside unchanged axes).
pub fn draw_sweep<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &SweepChart,
    style: &ChartStyle,
) -> Result<PlotLayout, ChartError>
where
    DB::ErrorType: 'static,
{
    let frame = draw_sweep_frame(area, chart, style)?;
    draw_sweep_title(area, chart, style)?;
    draw_sweep_data(area, chart, style, &frame)
}

/// What [`draw_sweep_frame`] laid out, for [`draw_sweep_data`]. It is a function of what
/// [`sweep_frame_key`] hashes, so a caller that keeps a frame's pixels keeps this beside them.
#[derive(Debug, Clone, Copy)]
pub struct SweepFrame {
    /// The plot box and axes, in the area's pixels (not the backend's).
    layout: PlotLayout,
    /// Whether there is data to draw ("nothing to draw" otherwise).
    plot: bool,
}

/// A hash of everything [`draw_sweep_frame`] draws from: the area's size, the style, the axis
/// labels and formats, the legend, the markers, the data's drawable extent on each axis (not
/// its values), and the title's height (not its text). Two charts with the same key draw the
/// same frame on the same area, so a canvas that kept the pixels of one may copy them for the
/// other (the app's sweep chart, while a slider moves the scenario along x or a pointer moves
/// the readout). Costs one pass over the points and the title's measurement, which the draw
/// makes anyway; working the frame out to compare its calls cost the whole layout (issue 12).
pub fn sweep_frame_key<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &SweepChart, style: &ChartStyle) -> Result<u64, ChartError>
where
    DB::ErrorType: 'static,
{
    use std::hash::{Hash, Hasher};
    let p = Painter::new(area, style);
    let mut h = std::hash::DefaultHasher::new();
    (p.w, p.h).hash(&mut h);
    let rgb = |c: &plotters::style::RGBColor| (c.0, c.1, c.2);
    (rgb(&style.background), rgb(&style.foreground), rgb(&style.grid)).hash(&mut h);
    style.palette.iter().map(rgb).for_each(|c| c.hash(&mut h));
    (style.font_family, style.font_scale.to_bits(), style.line_width).hash(&mut h);
    (chart.x_label, chart.y_label, chart.x_log, chart.y_log).hash(&mut h);
    // Formats by address: the same function formats the same ticks.
    (chart.x_format as usize, chart.y_format as usize).hash(&mut h);
    chart.series.iter().for_each(|s| s.label.hash(&mut h));
    chart.markers.iter().for_each(|&(x, label)| (x.to_bits(), label).hash(&mut h));
    match nothing_reason(chart) {
        Some(reason) => reason.hash(&mut h),
        None => {
            // The data reach the frame through the axes' ranges only. The y range depends on
            // the tick count the frame aims at, a function of the size, style, labels and
            // title hashed here; the range for every count it can aim at is hashed, so equal
            // keys have equal ranges (and an unequal one only redraws).
            let all = || chart.series.iter().flat_map(|x| x.points.iter().copied());
            let bits = |(lo, hi): (f64, f64)| (lo.to_bits(), hi.to_bits());
            extent(all().map(|(x, _)| x), chart.x_log).map(|e| bits(axis::x_range(e, chart.x_log))).hash(&mut h);
            if let Some(e) = extent(all().filter(|&(x, y)| drawable(x, y, chart.x_log, chart.y_log)).map(|(_, y)| y), chart.y_log) {
                (MIN_TICKS..=MAX_Y_TICKS).for_each(|t| bits(axis::y_range(e, chart.y_log, t)).hash(&mut h));
            }
        }
    }
    let (title, title_h) = p.title_lines(chart.title)?;
    (title.is_empty(), title_h).hash(&mut h);
    Ok(h.finish())
}

/// The sweep chart's frame: the background, legend, axes, grid, ticks and their labels, and the
/// regime markers; everything but the title, the series and the highlighted point. It draws
/// the same calls for the same [`sweep_frame_key`], so a backend can keep its pixels. The
/// layout still leaves the title its room.
pub fn draw_sweep_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &SweepChart,
    style: &ChartStyle,
) -> Result<SweepFrame, ChartError>
where
    DB::ErrorType: 'static,
{
    if chart.series.len() > MAX_SERIES {
        return Err(ChartError::TooManySeries { count: chart.series.len(), max: MAX_SERIES });
    }
    let p = Painter::start(area, style)?;
    let (s, m) = (style, p.margin());
    let (label_f, tick_f) = (p.label_font(), p.tick_font());
    let marker_f = Font::new(s.tick_px(), s.foreground);

    // Top: title, then the legend.
    let mut top = m;
    let (title, title_h) = p.title_lines(chart.title)?;
    if !title.is_empty() {
        top += title_h + s.px(8.0);
    }
    let y_label_w = if chart.y_label.is_empty() { 0 } else { p.measure(chart.y_label, &label_f)?.1 + s.px(10.0) };
    let legend_left = m + y_label_w;
    let labels: Vec<&str> = chart.series.iter().map(|x| x.label.as_str()).collect();
    let legend = layout_legend(&p, &labels, &label_f, p.w - legend_left - m)?;
    for (i, (&(lx, ly), label)) in legend.positions.iter().zip(&labels).enumerate() {
        p.legend_entry((legend_left + lx, top + ly), s.series_color(i).to_rgba(), label, &label_f)?;
    }
    if !labels.is_empty() {
        top += legend.height + s.px(6.0);
    }

    // Bottom: tick labels, then the x-axis label.
    let tick_len = s.px(5.0);
    let tick_h = p.line_height(&tick_f);
    let x_label_h = if chart.x_label.is_empty() { 0 } else { p.line_height(&label_f) + s.px(4.0) };
    let plot_bottom = (p.h - m - x_label_h - tick_h - tick_len).max(top + 1);

    let draw_axis_labels = |left: i32, right: i32, bottom: i32| -> Result<(), ChartError> {
        let mid_y = (top + bottom) / 2;
        let y_f = label_f.anchor(HPos::Center, VPos::Center).vertical();
        p.text(chart.y_label, (m + y_label_w / 2 - s.px(3.0), mid_y), &y_f)?;
        p.text(chart.x_label, ((left + right) / 2, p.h - m), &label_f.anchor(HPos::Center, VPos::Bottom))
    };

    if let Some(reason) = nothing_reason(chart) {
        let (left, right) = (legend_left + s.px(40.0), (p.w - m).max(legend_left + s.px(41.0)));
        p.stroke_rect((left, top), (right, plot_bottom), s.foreground.to_rgba(), s.thin())?;
        draw_axis_labels(left, right, plot_bottom)?;
        let msg = format!("nothing to draw: {reason}");
        p.centered_paragraph(&msg, ((left + right) / 2, (top + plot_bottom) / 2), &label_f, right - left - s.px(16.0))?;
        let unit = |log: bool| if log { (1.0, 10.0) } else { (0.0, 1.0) };
        let layout = PlotLayout {
            plot_left_px: left,
            plot_top_px: top,
            plot_right_px: right,
            plot_bottom_px: plot_bottom,
            x_range: unit(chart.x_log),
            y_range: unit(chart.y_log),
            x_log: chart.x_log,
            y_log: chart.y_log,
        };
        return Ok(SweepFrame { layout, plot: false });
    }

    // Ranges from drawable data only.
    let all = || chart.series.iter().flat_map(|x| x.points.iter().copied());
    // The x axis spans every swept x (a model that stops fitting leaves visible empty space);
    // the y axis only the values that can be drawn.
    let x_ext = extent(all().map(|(x, _)| x), chart.x_log);
    let y_ext = extent(all().filter(|&(x, y)| drawable(x, y, chart.x_log, chart.y_log)).map(|(_, y)| y), chart.y_log);
    let (Some(x_ext), Some(y_ext)) = (x_ext, y_ext) else {
        return Err(ChartError::Backend("internal: no extent despite drawable data".to_owned()));
    };
    let x_rng = axis::x_range(x_ext, chart.x_log);

    // Y ticks from an estimate of the plot height (the marker band is at most a few rows).
    let marker_row_h = p.line_height(&marker_f) + s.px(4.0);
    let est_h = (plot_bottom - top - marker_row_h).max(1);
    // In unscaled pixels, so a 2× canvas gets the same ticks as the 1× one.
    let y_target = ((f64::from(est_h) / s.scale() / Y_TICK_SPACING_PX) as usize).clamp(MIN_TICKS, MAX_Y_TICKS);
    let y_rng = axis::y_range(y_ext, chart.y_log, y_target);
    let y_ticks = axis::ticks(y_rng.0, y_rng.1, chart.y_log, y_target);
    let y_labels: Vec<String> = y_ticks.major.iter().map(|&v| (chart.y_format)(v)).collect();
    let mut y_tick_w = 0;
    for l in &y_labels {
        y_tick_w = y_tick_w.max(p.measure(l, &tick_f)?.0);
    }
    let plot_left = m + y_label_w + y_tick_w + tick_len + s.px(4.0);
    // Room for half the last tick label (estimates run narrow for wide glyphs such as "M").
    let right_pad = m.max(p.measure(&(chart.x_format)(x_rng.1), &tick_f)?.0 * 3 / 5 + s.px(4.0));
    let plot_right = (p.w - right_pad).max(plot_left + 1);
    let x_scale = Scale { lo: x_rng.0, hi: x_rng.1, log: chart.x_log, px_lo: f64::from(plot_left), px_hi: f64::from(plot_right) };

    // Marker labels in rows above the plot, so they never cover data.
    let mut rows: Vec<Vec<(i32, i32)>> = Vec::new();
    let mut placed: Vec<(i32, i32, usize, &str)> = Vec::new(); // (line x, label left, row, text)
    let gap = s.px(8.0);
    let tol = (x_rng.1 - x_rng.0).abs() * 1e-9;
    for &(x, label) in chart.markers {
        let inside = on_axis(x, chart.x_log) && x >= x_rng.0 - tol && x <= x_rng.1 + tol;
        if !inside {
            continue;
        }
        let px = x_scale.px(x);
        let w = p.measure(label, &marker_f)?.0 + s.px(6.0);
        let left = (px - w / 2).min(plot_right - w).max(plot_left);
        let free = |row: &Vec<(i32, i32)>| row.iter().all(|&(l, r)| left + w + gap <= l || left >= r + gap);
        let row = match rows.iter().position(free) {
            Some(r) => r,
            None if rows.len() < MAX_MARKER_ROWS => {
                rows.push(Vec::new());
                rows.len() - 1
            }
            None => rows.len() - 1,
        };
        rows[row].push((left, left + w));
        placed.push((px, left, row, label));
    }
    let rows_n = i32::try_from(rows.len()).unwrap_or(0);
    let band_top = top;
    let plot_top = (top + rows_n * marker_row_h + if rows_n > 0 { s.px(4.0) } else { 0 }).min(plot_bottom - 1);
    let y_scale = Scale { lo: y_rng.0, hi: y_rng.1, log: chart.y_log, px_lo: f64::from(plot_bottom), px_hi: f64::from(plot_top) };

    // X ticks: the most that fit without their labels touching.
    let x_ticks = pick_x_ticks(&p, x_rng, chart.x_log, &x_scale, chart.x_format, &tick_f, gap)?;

    // Grid, frame, ticks.
    let grid = s.grid.to_rgba();
    let minor = s.grid.mix(0.45);
    let fg = s.foreground.to_rgba();
    for &v in &x_ticks.minor {
        let x = x_scale.px(v);
        p.line((x, plot_top), (x, plot_bottom), minor, 1)?;
    }
    for &v in &y_ticks.minor {
        let y = y_scale.px(v);
        p.line((plot_left, y), (plot_right, y), minor, 1)?;
    }
    for &v in &x_ticks.major {
        let x = x_scale.px(v);
        p.line((x, plot_top), (x, plot_bottom), grid, s.thin())?;
    }
    for &v in &y_ticks.major {
        let y = y_scale.px(v);
        p.line((plot_left, y), (plot_right, y), grid, s.thin())?;
    }
    p.line((plot_left, plot_top), (plot_right, plot_top), grid, s.thin())?;
    p.line((plot_right, plot_top), (plot_right, plot_bottom), grid, s.thin())?;
    p.line((plot_left, plot_bottom), (plot_right, plot_bottom), fg, s.thin())?;
    p.line((plot_left, plot_top), (plot_left, plot_bottom), fg, s.thin())?;

    let x_tick_f = tick_f.anchor(HPos::Center, VPos::Top);
    let mut last_right = i32::MIN;
    for &v in &x_ticks.major {
        let x = x_scale.px(v);
        p.line((x, plot_bottom), (x, plot_bottom + tick_len), fg, s.thin())?;
        let label = (chart.x_format)(v);
        let w = p.measure(&label, &tick_f)?.0;
        if x - w / 2 >= last_right + s.px(4.0) {
            p.text(&label, (x, plot_bottom + tick_len + s.px(2.0)), &x_tick_f)?;
            last_right = x + w - w / 2;
        }
    }
    let y_tick_f = tick_f.anchor(HPos::Right, VPos::Center);
    let mut last_top = i32::MAX;
    for (&v, label) in y_ticks.major.iter().zip(&y_labels) {
        let y = y_scale.px(v);
        p.line((plot_left - tick_len, y), (plot_left, y), fg, s.thin())?;
        if y + tick_h / 2 <= last_top {
            p.text(label, (plot_left - tick_len - s.px(3.0), y), &y_tick_f)?;
            last_top = y - tick_h / 2;
        }
    }
    draw_axis_labels(plot_left, plot_right, plot_bottom)?;

    // Markers: dashed lines first, labels over them on the background.
    let marker_c = s.foreground.mix(0.55);
    for &(px, _, row, _) in &placed {
        let y0 = band_top + i32::try_from(row).unwrap_or(0) * marker_row_h + marker_row_h - s.px(2.0);
        p.dashed_vline(px, y0, plot_bottom, marker_c, s.thin())?;
    }
    for &(_, left, row, label) in &placed {
        let y = band_top + i32::try_from(row).unwrap_or(0) * marker_row_h;
        p.boxed_text(label, (left, y), &marker_f, s.background.to_rgba(), None)?;
    }

    let layout = PlotLayout {
        plot_left_px: plot_left,
        plot_top_px: plot_top,
        plot_right_px: plot_right,
        plot_bottom_px: plot_bottom,
        x_range: x_rng,
        y_range: y_rng,
        x_log: chart.x_log,
        y_log: chart.y_log,
    };
    Ok(SweepFrame { layout, plot: true })
}

/// The sweep chart's title, in the room [`draw_sweep_frame`] leaves for it. It overlaps nothing
/// else the chart draws, so it may be drawn before or after [`draw_sweep_data`] with the same
/// pixels: the app keeps frame and title as one picture while the title is unchanged
/// (src/panels/sweep.rs), where it used to measure and draw the title again on every input.
pub fn draw_sweep_title<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &SweepChart, style: &ChartStyle) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let p = Painter::new(area, style);
    p.draw_title(&p.title_lines(chart.title)?.0, p.margin())
}

/// The sweep chart over its [`draw_sweep_frame`] and [`draw_sweep_title`]: the series and the
/// highlighted point. Returns where the plot went, in the backend's pixels, for hover readouts.
pub fn draw_sweep_data<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &SweepChart,
    style: &ChartStyle,
    frame: &SweepFrame,
) -> Result<PlotLayout, ChartError>
where
    DB::ErrorType: 'static,
{
    let p = Painter::new(area, style);
    let s = style;
    let layout = frame.layout;
    if frame.plot {
        // Series: one path per run of drawable points.
        let (x_scale, y_scale) = (layout.x_scale(), layout.y_scale());
        for (i, series) in chart.series.iter().enumerate() {
            let c = s.series_color(i).to_rgba();
            for run in runs(&series.points, chart.x_log, chart.y_log) {
                let mut pts: Vec<(i32, i32)> = Vec::with_capacity(run.len());
                for &(x, y) in run {
                    let q = (x_scale.px(x), y_scale.px(y));
                    if pts.last() != Some(&q) {
                        pts.push(q);
                    }
                }
                if pts.len() == 1 {
                    p.dot(pts[0], s.line_width + 1, c)?;
                } else {
                    p.path(pts, c, s.line_width)?;
                }
            }
        }
        if let Some((si, pi)) = chart.highlight {
            draw_highlight(&p, chart, &layout, si, pi)?;
        }
    }
    let base = area.get_base_pixel();
    Ok(PlotLayout {
        plot_left_px: base.0 + layout.plot_left_px,
        plot_top_px: base.1 + layout.plot_top_px,
        plot_right_px: base.0 + layout.plot_right_px,
        plot_bottom_px: base.1 + layout.plot_bottom_px,
        ..layout
    })
}

/// Maximal runs of consecutive drawable points.
fn runs(points: &[(f64, f64)], x_log: bool, y_log: bool) -> Vec<&[(f64, f64)]> {
    points.split(|&(x, y)| !drawable(x, y, x_log, y_log)).filter(|r| !r.is_empty()).collect()
}

/// The densest x ticks whose labels fit side by side.
fn pick_x_ticks<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    rng: (f64, f64),
    log: bool,
    scale: &Scale,
    format: fn(f64) -> String,
    font: &Font,
    gap: i32,
) -> Result<Ticks, ChartError>
where
    DB::ErrorType: 'static,
{
    let mut fallback = None;
    for target in (MIN_TICKS..=MAX_TICKS).rev() {
        let t = axis::ticks(rng.0, rng.1, log, target);
        let mut spans = Vec::with_capacity(t.major.len());
        for &v in &t.major {
            let w = p.measure(&format(v), font)?.0;
            let c = scale.px(v);
            spans.push((c - w / 2, c + w - w / 2));
        }
        if spans.windows(2).all(|w| w[0].1 + gap <= w[1].0) {
            return Ok(t);
        }
        fallback = Some(t);
    }
    Ok(fallback.unwrap_or_default())
}

/// A dot on the highlighted point and a readout box beside it, kept inside the plot.
fn draw_highlight<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    chart: &SweepChart,
    layout: &PlotLayout,
    si: usize,
    pi: usize,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let s = p.style;
    let Some(series) = chart.series.get(si) else { return Ok(()) };
    let Some(&(x, y)) = series.points.get(pi) else { return Ok(()) };
    let Some((hx, hy)) = layout.px_of(x, y) else { return Ok(()) };
    let c = s.series_color(si);
    let r = u32::try_from(s.px(5.0)).unwrap_or(5);
    p.dot((hx, hy), r, c.to_rgba())?;
    p.ring((hx, hy), r + 1, s.foreground.to_rgba(), s.thin())?;
    let text = if chart.series.len() > 1 {
        format!("{}: {}, {}", series.label, (chart.x_format)(x), (chart.y_format)(y))
    } else {
        format!("{}, {}", (chart.x_format)(x), (chart.y_format)(y))
    };
    let f = Font::new(s.tick_px(), s.foreground);
    let (tw, th) = p.measure(&text, &f)?;
    let (bw, bh) = (tw + s.px(6.0), th + s.px(6.0));
    let off = s.px(9.0);
    // Pixels the lines pass through (points and a few samples between them).
    let mut ink: Vec<(i32, i32)> = Vec::new();
    for sr in chart.series {
        for run in runs(&sr.points, chart.x_log, chart.y_log) {
            let px: Vec<(i32, i32)> = run.iter().filter_map(|&(x, y)| layout.px_of(x, y)).collect();
            ink.extend(px.first().copied());
            for w in px.windows(2) {
                for k in 1..=INK_SAMPLES {
                    let t = f64::from(k) / f64::from(INK_SAMPLES);
                    let lerp = |a: i32, b: i32| (f64::from(a) + t * f64::from(b - a)).round() as i32;
                    ink.push((lerp(w[0].0, w[1].0), lerp(w[0].1, w[1].1)));
                }
            }
        }
    }
    // Beside the point, on whichever side covers the least line; inside the plot.
    let clamp_box = |left: i32, top: i32| {
        let left = left.min(layout.plot_right_px - bw).max(layout.plot_left_px);
        let top = top.min(layout.plot_bottom_px - bh).max(layout.plot_top_px);
        (left, top)
    };
    let candidates = [
        clamp_box(hx + off, hy - off - bh),
        clamp_box(hx - off - bw, hy - off - bh),
        clamp_box(hx + off, hy + off),
        clamp_box(hx - off - bw, hy + off),
    ];
    let margin = i32::try_from(s.line_width).unwrap_or(2) + s.px(2.0);
    let cost = |&(l, t): &(i32, i32)| {
        let covers_dot = hx + off / 2 > l && hx - off / 2 < l + bw && hy + off / 2 > t && hy - off / 2 < t + bh;
        let covered = ink
            .iter()
            .filter(|&&(x, y)| x >= l - margin && x <= l + bw + margin && y >= t - margin && y <= t + bh + margin)
            .count();
        covered + if covers_dot { 1_000_000 } else { 0 }
    };
    let mut best = candidates[0];
    let mut best_cost = cost(&best);
    for c in &candidates[1..] {
        let k = cost(c);
        if k < best_cost {
            best = *c;
            best_cost = k;
        }
    }
    p.boxed_text(&text, best, &f, s.background.mix(0.92), Some(c.to_rgba()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{fmt_compact, fmt_s};
    use plotters::backend::SVGBackend;
    use plotters::drawing::IntoDrawingArea;

    /// The frame alone, or the whole chart, as SVG (640 × 360, light style).
    fn svg(chart: &SweepChart, frame_only: bool) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (640, 360)).into_drawing_area();
            let style = ChartStyle::light();
            if frame_only {
                draw_sweep_frame(&root, chart, &style).unwrap();
            } else {
                draw_sweep(&root, chart, &style).unwrap();
            }
            root.present().unwrap();
        }
        out
    }

    fn chart<'a>(title: &'a str, series: &'a [Series], highlight: Option<(usize, usize)>) -> SweepChart<'a> {
        SweepChart {
            title,
            x_label: "context (tokens)",
            y_label: "decode step (s)",
            x_log: true,
            y_log: false,
            series,
            markers: &[(8000.0, "a marker")],
            y_format: fmt_s,
            x_format: fmt_compact,
            highlight,
        }
    }

    /// What the app's frame cache (src/components/chart_canvas.rs, FrameCache) relies on: the
    /// frame's calls stay the same when only the title's text, the line inside unchanged axes,
    /// or the highlighted point change (a slider moving the scenario along x), and change when
    /// the axes do.
    #[test]
    fn the_frame_follows_the_axes_not_the_title_the_line_or_the_highlight() {
        let line = |top: f64| Series { label: "this scenario".into(), points: (1..=20).map(|i| (1000.0 * f64::from(i), top * f64::from(i) / 20.0)).collect() };
        let (a, b, wider) = ([line(9.2)], [line(9.4)], [line(23.0)]);
        let before = chart("Llama 3.1 70B at 12K tokens", &a, None);
        let after = chart("Llama 3.1 70B at 13K tokens", &b, Some((0, 4)));
        assert_eq!(svg(&before, true), svg(&after, true));
        assert_ne!(svg(&before, false), svg(&after, false), "the whole chart shows the change");
        // y from 0 to 10 for both lines above; to 25 for this one: new ticks, a new frame.
        assert_ne!(svg(&before, true), svg(&chart("Llama 3.1 70B at 12K tokens", &wider, None), true));
        // The frame leaves the title its room: a second line moves everything down.
        let long = "a title long enough to need a second line on a chart 640 pixels wide, which it wraps";
        assert_ne!(svg(&before, true), svg(&chart(long, &a, None), true));
    }

    /// The frame's key and its frame as SVG (640 × 360).
    fn key_and_frame(chart: &SweepChart, style: &ChartStyle) -> (u64, String) {
        let mut out = String::new();
        let key;
        {
            let root = SVGBackend::with_string(&mut out, (640, 360)).into_drawing_area();
            key = sweep_frame_key(&root, chart, style).unwrap();
            draw_sweep_frame(&root, chart, style).unwrap();
            root.present().unwrap();
        }
        (key, out)
    }

    /// What the app's frame cache (src/components/chart_canvas.rs, FrameCache) relies on: two
    /// charts have the same [`sweep_frame_key`] exactly when they draw the same frame, over
    /// charts that change one input each from a base (the title's text, the line inside or
    /// beyond the axes, the highlight, a label, a format, a marker, a log axis, the style, an
    /// empty or unplottable series). Equal keys with different frames would show a stale frame;
    /// different keys with equal frames would only redraw, so both are checked.
    #[test]
    fn the_frame_key_is_equal_exactly_when_the_frame_is() {
        let line = |top: f64| Series { label: "this scenario".into(), points: (1..=20).map(|i| (1000.0 * f64::from(i), top * f64::from(i) / 20.0)).collect() };
        let (a, b, wider) = ([line(9.2)], [line(9.4)], [line(23.0)]);
        let relabelled = [Series { label: "another".into(), ..line(9.2) }];
        let two = [line(9.2), Series { label: "second".into(), ..line(4.0) }];
        let empty = [Series { label: "this scenario".into(), points: Vec::new() }];
        let nan = [Series { label: "this scenario".into(), points: vec![(1000.0, f64::NAN), (2000.0, f64::NAN)] }];
        let long = "a title long enough to need a second line on a chart 640 pixels wide, which it wraps";
        let (light, dark) = (ChartStyle::light(), ChartStyle::dark());
        let base = chart("Llama 3.1 70B at 12K tokens", &a, None);
        let cases: Vec<(&str, SweepChart, &ChartStyle)> = vec![
            ("base", base, &light),
            ("another title of one line, another line inside the axes, a highlight", chart("Llama 3.1 70B at 13K tokens", &b, Some((0, 4))), &light),
            ("a line beyond the axes", chart("Llama 3.1 70B at 12K tokens", &wider, None), &light),
            ("a title of two lines", chart(long, &a, None), &light),
            ("no title", chart("", &a, None), &light),
            ("another y label", SweepChart { y_label: "TTFT (s)", ..base }, &light),
            ("a linear x axis", SweepChart { x_log: false, ..base }, &light),
            ("another series label", chart("Llama 3.1 70B at 12K tokens", &relabelled, None), &light),
            ("a second series", chart("Llama 3.1 70B at 12K tokens", &two, None), &light),
            ("a marker moved", SweepChart { markers: &[(16000.0, "a marker")], ..base }, &light),
            ("another y format", SweepChart { y_format: fmt_compact, ..base }, &light),
            ("the dark style", base, &dark),
            ("no points", chart("Llama 3.1 70B at 12K tokens", &empty, None), &light),
            ("no finite points", chart("Llama 3.1 70B at 12K tokens", &nan, None), &light),
        ];
        let drawn: Vec<(u64, String)> = cases.iter().map(|(_, c, s)| key_and_frame(c, s)).collect();
        for i in 0..cases.len() {
            for j in i + 1..cases.len() {
                let (same_key, same_frame) = (drawn[i].0 == drawn[j].0, drawn[i].1 == drawn[j].1);
                assert_eq!(same_key, same_frame, "{} vs {}: same key {same_key}, same frame {same_frame}", cases[i].0, cases[j].0);
            }
        }
        assert_eq!(drawn[0].0, drawn[1].0, "a step along x keeps the frame");
    }

    #[test]
    fn runs_split_at_gaps_and_skip_nonpositive_on_log() {
        let pts = [(1.0, 1.0), (2.0, f64::NAN), (3.0, 3.0), (4.0, 4.0), (5.0, 0.0), (6.0, 6.0)];
        assert_eq!(runs(&pts, false, false).len(), 2);
        assert_eq!(runs(&pts, false, true).len(), 3);
        assert_eq!(runs(&pts, false, true)[2], &[(6.0, 6.0)]);
        assert_eq!(runs(&[(1.0, 0.0), (2.0, 1.0)], false, false).len(), 1);
    }
}

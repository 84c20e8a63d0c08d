//! One serving cycle as the paper's concurrent-programming view: a lane per batch slot, the
//! slots' prefills one after another (they share the GPUs), the batch's shared decode, then the
//! context switches one after another (they share the host link).

use costmodel::report::SwitchKind;
use costmodel::units::{fmt_count, fmt_seconds};
use costmodel::Report;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};
use plotters_backend::DrawingBackend;

use crate::axis::{self, Scale};
use crate::draw::{layout_legend, Painter};
use crate::{ChartError, ChartStyle};

/// Lanes drawn one per slot; the rest share one "+N more" lane.
pub const MAX_LANES: usize = 16;
/// Tallest lane (px at scale 1).
const LANE_MAX_PX: f64 = 36.0;

/// Draws one cycle of `report` (filled with the background first); a scenario that does not
/// fit draws its reason instead.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
    style: &ChartStyle,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let p = Painter::start(area, style)?;
    let (s, m) = (style, p.margin());
    let (label_f, tick_f) = (p.label_font(), p.tick_font());

    let batch = report.batch.floor();
    let cycle = report.cycle.filter(|c| c.total_s.is_finite() && c.total_s > 0.0);
    let (Some(cycle), true) = (cycle, batch >= 1.0 && report.no_fit.is_none()) else {
        p.title("One serving cycle", m)?;
        let reason = match &report.no_fit {
            Some(nf) => format!("nothing fits: {}", nf.reason),
            None => "nothing to draw: no serving cycle".to_owned(),
        };
        p.centered_paragraph(&reason, (p.w / 2, p.h / 2), &label_f, p.w - 2 * m - s.px(20.0))?;
        return Ok(());
    };

    let title = format!(
        "One serving cycle: {} {} in {}",
        fmt_count(batch),
        if batch == 1.0 { "user" } else { "users" },
        fmt_seconds(cycle.total_s)
    );
    let mut top = m + p.title(&title, m)? + s.px(10.0);

    let switch_name = match report.switch_kind {
        Some(SwitchKind::Recompute) => "context switch (recompute)",
        _ => "context switch (swap)",
    };
    let colors: [RGBColor; 3] = [s.palette[0], s.palette[2], s.palette[1]];
    let switch_label = if cycle.switch_s > 0.0 {
        format!("{switch_name} {}", fmt_seconds(cycle.switch_s))
    } else {
        format!("{switch_name}: none, all users fit")
    };
    let legend_labels =
        [format!("prefill {}", fmt_seconds(cycle.prefill_s)), format!("decode {}", fmt_seconds(cycle.decode_s)), switch_label];
    let refs: Vec<&str> = legend_labels.iter().map(String::as_str).collect();
    let legend = layout_legend(&p, &refs, &label_f, p.w - 2 * m)?;
    for ((&(lx, ly), label), c) in legend.positions.iter().zip(&refs).zip(colors) {
        p.legend_entry((m + lx, top + ly), c.to_rgba(), label, &label_f)?;
    }
    top += legend.height + s.px(10.0);

    // Lanes: the first MAX_LANES slots, then one for the rest.
    let slots = if batch > 1e15 { u64::MAX } else { batch as u64 };
    let shown = usize::try_from(slots).unwrap_or(usize::MAX).min(MAX_LANES);
    let rest = slots.saturating_sub(shown as u64);
    let mut lane_names: Vec<String> = (1..=shown).map(|i| format!("user {i}")).collect();
    if rest > 0 {
        lane_names.push(format!("+{} more", fmt_count(rest as f64)));
    }
    let mut name_w = 0;
    for n in &lane_names {
        name_w = name_w.max(p.measure(n, &tick_f)?.0);
    }
    let tick_len = s.px(5.0);
    let tick_h = p.line_height(&tick_f);
    let x_label_h = p.line_height(&label_f) + s.px(4.0);
    let plot_left = m + name_w + s.px(10.0);
    let plot_right = (p.w - m - s.px(24.0)).max(plot_left + 1);
    let avail_bottom = (p.h - m - x_label_h - tick_h - tick_len).max(top + 1);
    let lanes = i32::try_from(lane_names.len()).unwrap_or(1).max(1);
    let lane_h = s.px(LANE_MAX_PX).min((avail_bottom - top) / lanes).max(2);
    let plot_bottom = top + lane_h * lanes;
    let x = Scale { lo: 0.0, hi: cycle.total_s, log: false, px_lo: f64::from(plot_left), px_hi: f64::from(plot_right) };

    // Grid and axis.
    let target = usize::try_from((plot_right - plot_left) / s.px(110.0).max(1)).unwrap_or(2).clamp(2, 10);
    let ticks = axis::linear_ticks(0.0, cycle.total_s, target);
    let fg = s.foreground.to_rgba();
    for &v in &ticks {
        let px = x.px(v);
        p.line((px, top), (px, plot_bottom), s.grid.to_rgba(), s.thin())?;
        p.line((px, plot_bottom), (px, plot_bottom + tick_len), fg, s.thin())?;
        p.text(&fmt_seconds(v), (px, plot_bottom + tick_len + s.px(2.0)), &tick_f.anchor(HPos::Center, VPos::Top))?;
    }
    p.line((plot_left, plot_bottom), (plot_right, plot_bottom), fg, s.thin())?;
    p.line((plot_left, top), (plot_left, plot_bottom), fg, s.thin())?;
    let x_label = "time within one cycle";
    let x_label_at = ((plot_left + plot_right) / 2, plot_bottom + tick_len + tick_h + s.px(6.0));
    p.text(x_label, x_label_at, &label_f.anchor(HPos::Center, VPos::Top))?;

    // Blocks. Per slot: prefill_i = [i·p, (i+1)·p], the shared decode, then switch_i likewise.
    let per_prefill = cycle.prefill_s / batch;
    let per_switch = cycle.switch_s / batch;
    let decode_at = cycle.prefill_s;
    let switch_at = cycle.prefill_s + cycle.decode_s;
    let block = |lane: i32, t0: f64, t1: f64, c: RGBColor| -> Result<(), ChartError> {
        if t0.is_nan() || t1.is_nan() || t1 <= t0 {
            return Ok(());
        }
        let pad = (lane_h / 6).max(1);
        let y0 = top + lane * lane_h + pad;
        let (x0, x1) = (x.px(t0), x.px(t1).max(x.px(t0) + 1));
        p.fill_rect((x0, y0), (x1, y0 + lane_h - 2 * pad), c.to_rgba())
    };
    for (lane, name) in lane_names.iter().enumerate() {
        let li = i32::try_from(lane).unwrap_or(0);
        let mid = top + li * lane_h + lane_h / 2;
        p.text(name, (plot_left - s.px(6.0), mid), &tick_f.anchor(HPos::Right, VPos::Center))?;
        let (first, count) = if lane < shown { (lane as f64, 1.0) } else { (shown as f64, rest as f64) };
        block(li, first * per_prefill, (first + count) * per_prefill, colors[0])?;
        block(li, decode_at, switch_at, colors[1])?;
        block(li, switch_at + first * per_switch, switch_at + (first + count) * per_switch, colors[2])?;
    }
    Ok(())
}

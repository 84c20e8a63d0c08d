//! "1M as cheap as 4K": GPU-seconds per turn at the short context, the long context, and the
//! long context with the KV factor that closes the gap, as bars on a log axis; the ratios, the
//! needed factor and the first method stacks that reach it, as text.

use costmodel::cheap::CheapAs;
use costmodel::units::fmt_sig;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};
use plotters_backend::DrawingBackend;

use crate::axis::{self, Scale};
use crate::draw::Painter;
use crate::format::{fmt_compact, fmt_gpu_s};
use crate::{ChartError, ChartStyle};

/// Method stacks listed under the bars.
pub const STACKS_SHOWN: usize = 4;
/// Tallest bar row (px at scale 1).
const ROW_MAX_PX: f64 = 52.0;

/// Draws the long-versus-short comparison (filled with the background first).
pub fn draw_cheap<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, c: &CheapAs, style: &ChartStyle) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let p = Painter::start(area, style)?;
    let (s, m) = (style, p.margin());
    let (label_f, tick_f) = (p.label_font(), p.tick_font());
    let (long, short) = (fmt_compact(c.long_ctx_tokens), fmt_compact(c.short_ctx_tokens));
    let title = format!("{long} vs {short} tokens of context: GPU-seconds per turn");
    let top = m + p.title(&title, m)? + s.px(12.0);

    let compressed = c.needed_factor.zip(c.ratio_at_needed).zip(c.short_gpu_s_per_turn).map(|((f, r), sh)| (f, r * sh));
    let rows: [(String, Option<f64>, RGBColor); 3] = [
        (format!("{short} tokens"), c.short_gpu_s_per_turn, s.palette[2]),
        (format!("{long} tokens"), c.long_gpu_s_per_turn, s.palette[1]),
        (
            match compressed {
                Some((f, _)) => format!("{long}, KV × {}", fmt_sig(f)),
                None => format!("{long}, compressed"),
            },
            compressed.map(|x| x.1),
            s.palette[0],
        ),
    ];

    // The text block under the bars, wrapped, bottom-up.
    let ratio = |r: Option<f64>| r.map_or("–".to_owned(), |r| format!("{}×", fmt_sig(r)));
    let mut lines = vec![match (c.long_gpu_s_per_turn, c.short_gpu_s_per_turn) {
        (Some(_), Some(_)) => format!(
            "{long} costs {} the GPU-seconds of {short} per turn ({} for decode and switching alone).",
            ratio(c.cost_ratio),
            ratio(c.kv_cost_ratio)
        ),
        (None, Some(_)) => format!("{long} tokens do not fit uncompressed here, so there is no plain ratio."),
        (_, None) => format!("{short} tokens do not fit here: nothing to compare against."),
    }];
    match c.needed_factor {
        // ux (issue 11): with compression already applied there is no further factor to show.
        Some(_) if c.already_cheap => {
            lines.extend(costmodel::cheap::sentences(c).into_iter().skip(1));
        }
        Some(f) => {
            lines.push(format!(
                "KV factor that makes decode and switching as cheap: {} (the cache {} smaller); the whole turn is then {} (prefill attention stays).",
                fmt_sig(f),
                ratio(Some(1.0 / f)),
                ratio(c.ratio_at_needed)
            ));
            if c.stacks.is_empty() {
                lines.push("No published method stack reaches that factor.".to_owned());
            } else {
                lines.push("Method stacks that reach it:".to_owned());
                for st in c.stacks.iter().take(STACKS_SHOWN) {
                    lines.push(format!("• {}  →  KV × {}", st.methods.join(" + "), fmt_sig(st.factor)));
                }
            }
        }
        None if c.short_gpu_s_per_turn.is_some() => {
            lines.push("No KV factor down to 1e-6 reaches it: the weights and prefill alone cost more.".to_owned())
        }
        None => {}
    }
    let text_w = p.w - 2 * m;
    let mut wrapped = Vec::new();
    for l in &lines {
        wrapped.extend(p.wrap(l, &label_f, text_w)?);
    }
    let lh = p.line_height(&label_f);
    let text_h = lh * i32::try_from(wrapped.len()).unwrap_or(0);
    let draw_text_block = |mut y: i32| -> Result<(), ChartError> {
        for l in &wrapped {
            p.text(l, (m, y), &label_f)?;
            y += lh;
        }
        Ok(())
    };

    let values: Vec<f64> = rows.iter().filter_map(|r| r.1).filter(|v| v.is_finite() && *v > 0.0).collect();
    let Some((lo, hi)) = axis::extent(values.iter().copied(), true) else {
        let msg = "nothing to draw: neither context fits on this hardware";
        let used = p.centered_paragraph(msg, (p.w / 2, top + lh), &label_f, text_w)?;
        return draw_text_block(top + lh + used + s.px(12.0));
    };

    // Bars on a log axis that starts below the smallest.
    let (lo, hi) = (axis::floor_125(lo / 3.0), axis::ceil_125(hi * 1.05));
    let mut name_w = 0;
    for r in &rows {
        name_w = name_w.max(p.measure(&r.0, &tick_f)?.0);
    }
    let tick_len = s.px(5.0);
    let tick_h = p.line_height(&tick_f);
    let axis_label_h = p.line_height(&tick_f) + s.px(4.0);

    let below_bars = tick_len + tick_h + axis_label_h + s.px(14.0);
    let bars_bottom_max = p.h - m - text_h - below_bars;
    let row_h = s.px(ROW_MAX_PX).min((bars_bottom_max - top) / 3).max(4);
    let bottom = top + 3 * row_h;
    let left = m + name_w + s.px(10.0);
    let right = (p.w - m - s.px(90.0)).max(left + 1);
    let x = Scale { lo, hi, log: true, px_lo: f64::from(left), px_hi: f64::from(right) };
    let ticks = axis::log_ticks(lo, hi, usize::try_from((right - left) / s.px(90.0).max(1)).unwrap_or(2).clamp(2, 8));
    let fg = s.foreground.to_rgba();
    for &v in &ticks.minor {
        p.line((x.px(v), top), (x.px(v), bottom), s.grid.mix(0.45), 1)?;
    }
    for &v in &ticks.major {
        let px = x.px(v);
        p.line((px, top), (px, bottom), s.grid.to_rgba(), s.thin())?;
        p.line((px, bottom), (px, bottom + tick_len), fg, s.thin())?;
        p.text(&fmt_sig(v), (px, bottom + tick_len + s.px(2.0)), &tick_f.anchor(HPos::Center, VPos::Top))?;
    }
    p.line((left, top), (left, bottom), fg, s.thin())?;
    p.line((left, bottom), (right, bottom), fg, s.thin())?;
    let axis_label = "GPU-seconds per turn (log scale)";
    p.text(axis_label, ((left + right) / 2, bottom + tick_len + tick_h + s.px(2.0)), &tick_f.anchor(HPos::Center, VPos::Top))?;

    for (i, (name, value, color)) in rows.iter().enumerate() {
        let y0 = top + i32::try_from(i).unwrap_or(0) * row_h;
        let mid = y0 + row_h / 2;
        p.text(name, (left - s.px(6.0), mid), &tick_f.anchor(HPos::Right, VPos::Center))?;
        let pad = (row_h / 6).max(1);
        match value.filter(|v| v.is_finite() && *v > 0.0) {
            Some(v) => {
                let x1 = x.px(v).max(left + 1);
                p.fill_rect((left, y0 + pad), (x1, y0 + row_h - pad), color.to_rgba())?;
                p.text(&fmt_gpu_s(v), (x1 + s.px(5.0), mid), &tick_f.anchor(HPos::Left, VPos::Center))?;
            }
            None => {
                let why = if i == 2 { "no factor reaches it" } else { "does not fit" };
                p.text(why, (left + s.px(6.0), mid), &tick_f.anchor(HPos::Left, VPos::Center))?;
            }
        }
    }
    draw_text_block(bottom + below_bars)
}

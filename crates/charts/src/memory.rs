//! Device memory of one GPU as one horizontal stacked bar: weights, the batch's KV cache, the
//! runtime reserve and what is free, each labelled with its size and share of HBM.

use costmodel::report::MemoryBreakdown;
use costmodel::units::{fmt_bytes, fmt_count, fmt_percent};
use costmodel::Report;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};
use plotters_backend::DrawingBackend;

use crate::draw::{blend, layout_legend, text_on, Font, Painter};
use crate::{ChartError, ChartStyle};

/// Tallest bar (px at scale 1).
const BAR_MAX_PX: f64 = 72.0;

/// Draws one GPU's memory as a stacked bar, sizes in GB (or GiB with `binary_units`).
pub fn draw_memory_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mem: &MemoryBreakdown,
    style: &ChartStyle,
    binary_units: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    draw(area, mem, None, style, binary_units)
}

/// [`draw_memory_bar`] for a report, with the KV segment labelled as users × KV per user.
pub fn draw_memory_report<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
    style: &ChartStyle,
    binary_units: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    if let Some(d) = &report.engine_detail {
        return draw_engine(area, d, style, binary_units);
    }
    let state = report.state_kinds.clone().zip(report.state_bytes_per_user_per_gpu);
    draw(area, &report.memory, Some((report.batch, report.kv_bytes_per_user_per_gpu, state)), style, binary_units)
}

/// Users at once, KV bytes per user per GPU, and (for recurrent models) the state's kinds and its
/// bytes per user per GPU.
type KvUsers = (f64, f64, Option<(String, f64)>);

/// The memory an engine plans with, split its way (`EngineDetail::segments`): weights as
/// loaded, activation peak, non-torch, CUDA graphs where counted, KV cache, left unused, over
/// the memory the device reports to CUDA.
pub fn draw_engine<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    d: &costmodel::engine::EngineDetail,
    style: &ChartStyle,
    binary: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let s = style;
    let parts: Vec<(String, f64, RGBColor)> = d
        .segments()
        .into_iter()
        .map(|seg| {
            let color = match seg.label {
                "weights as loaded" => s.palette[0],
                "KV cache" => s.palette[1],
                "activation peak" => s.palette[3],
                "non-torch" => s.palette[4],
                "CUDA graphs" => s.palette[5],
                _ => s.grid,
            };
            (seg.label.to_owned(), seg.bytes, color)
        })
        .collect();
    let title = format!("Memory of one GPU as {} plans it: {} reported to CUDA", d.engine.label(), fmt_bytes(d.device_bytes, binary));
    draw_parts(area, &title, &parts, d.device_bytes, style, binary)
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mem: &MemoryBreakdown,
    kv_users: Option<KvUsers>,
    style: &ChartStyle,
    binary: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let s = style;
    let size = |b: f64| fmt_bytes(b, binary);
    let hbm = mem.hbm_bytes;
    // ux (issue 11): the bytes the device exposes (the page shows the marketed size beside it).
    let title = format!("Memory of one GPU (as exposed): {} HBM", size(hbm));
    let clean = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let kv_label = match kv_users {
        Some((users, per_user, None)) if users >= 1.0 => {
            let noun = if users == 1.0 { "user" } else { "users" };
            format!("KV {} {noun} × {}", fmt_count(users), size(per_user))
        }
        // arch (issue 10): a recurrent model's per-user bytes include its constant state.
        Some((users, per_user, Some((kinds, state)))) if users >= 1.0 => {
            let noun = if users == 1.0 { "user" } else { "users" };
            format!("KV + {kinds} state {} {noun} × {} ({} constant state per user)", fmt_count(users), size(per_user), size(state))
        }
        _ => "KV cache".to_owned(),
    };
    let parts: [(String, f64, RGBColor); 4] = [
        ("weights".to_owned(), clean(mem.weights_bytes), s.palette[0]),
        (kv_label, clean(mem.kv_bytes), s.palette[1]),
        ("reserve".to_owned(), clean(mem.reserve_bytes), blend(s.foreground, s.background, 0.45)),
        ("free".to_owned(), clean(mem.free_bytes), s.grid),
    ];
    draw_parts(area, &title, &parts, hbm, style, binary)
}

/// One stacked bar of labelled parts over `hbm` bytes, with its legend.
fn draw_parts<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    parts: &[(String, f64, RGBColor)],
    hbm: f64,
    style: &ChartStyle,
    binary: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let p = Painter::start(area, style)?;
    let (s, m) = (style, p.margin());
    let size = |b: f64| fmt_bytes(b, binary);
    let label_f = p.label_font();
    let mut top = m + p.title(title, m)? + s.px(12.0);
    let used: f64 = parts.iter().map(|x| x.1).sum();
    let total = if hbm.is_finite() && hbm > 0.0 { used.max(hbm) } else { used };
    let (left, right) = (m, (p.w - m).max(m + 1));
    if total.is_nan() || total <= 0.0 {
        let msg = "nothing to draw: no memory figures";
        p.centered_paragraph(msg, (p.w / 2, p.h / 2), &label_f, right - left)?;
        return Ok(());
    }
    let share = |b: f64| if hbm > 0.0 { fmt_percent(b / hbm) } else { "–".to_owned() };

    // Bar, then the labelled legend, centred in the space under the title.
    let labels: Vec<String> =
        parts.iter().map(|(name, bytes, _)| format!("{name} = {} ({})", size(*bytes), share(*bytes))).collect();
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let legend = layout_legend(&p, &refs, &label_f, right - left)?;
    let over = used > hbm * (1.0 + 1e-9) && hbm > 0.0;
    let hbm_label_h = if over { p.line_height(&label_f) + s.px(6.0) } else { 0 };
    let gap = s.px(14.0);
    let avail = p.h - top - m;
    let bar_h = s.px(BAR_MAX_PX).min((avail - hbm_label_h - gap - legend.height) / 2).max(s.px(16.0));
    let content = hbm_label_h + bar_h + gap + legend.height;
    top += ((avail - content) / 2).max(0) + hbm_label_h;

    // The bar, with each share written inside its segment when it fits.
    let width = f64::from(right - left);
    let inside_f = Font::new(s.tick_px(), s.foreground).anchor(HPos::Center, VPos::Center);
    let mut x = f64::from(left);
    for (_, bytes, color) in parts {
        let w = bytes / total * width;
        let (x0, x1) = (x.round() as i32, (x + w).round() as i32);
        x += w;
        if x1 <= x0 {
            continue;
        }
        p.fill_rect((x0, top), (x1, top + bar_h), color.to_rgba())?;
        let text = share(*bytes);
        let (tw, _) = p.measure(&text, &inside_f)?;
        if tw + s.px(8.0) < x1 - x0 {
            p.text(&text, ((x0 + x1) / 2, top + bar_h / 2), &inside_f.color(text_on(*color).to_rgba()))?;
        }
    }
    p.stroke_rect((left, top), (right, top + bar_h), s.foreground.to_rgba(), s.thin())?;
    if over {
        // Over-committed (the weights alone do not fit): mark where HBM ends.
        let hx = left + (hbm / total * width).round() as i32;
        p.line((hx, top - s.px(6.0)), (hx, top + bar_h + s.px(6.0)), s.palette[1].to_rgba(), s.thin() * 2)?;
        let (h, tx) = if hx < (left + right) / 2 { (HPos::Left, hx + s.px(4.0)) } else { (HPos::Right, hx - s.px(4.0)) };
        let f = Font::new(s.tick_px(), s.foreground).anchor(h, VPos::Bottom);
        p.text(&format!("HBM ends here: {} over", size(used - hbm)), (tx, top - s.px(2.0)), &f)?;
    }
    top += bar_h + gap;
    for ((&(lx, ly), label), (_, _, color)) in legend.positions.iter().zip(&refs).zip(parts) {
        p.legend_entry((left + lx, top + ly), color.to_rgba(), label, &label_f)?;
    }
    Ok(())
}

//! The sweep chart: any input on x, any metric on y, up to eight series (the current
//! scenario, a second input's values, the pinned scenarios), regime markers, and a hover/tap
//! readout that is also written as text under the chart.

use charts::format::{input_format, metric_format};
use charts::{draw_sweep_data, draw_sweep_frame, draw_sweep_title, sweep_frame_key, ChartStyle, PlotLayout, Series, SweepChart};
use costmodel::sweep::{Metric, SweepInput};
use leptos::prelude::*;
use crate::erased::{RwSignal, Signal, show};

use crate::components::{CanvasArea, ChartCanvas, FrameCache};
use crate::panels::compare::{label_without, pin_current};
use crate::state::{default_series_values, parse_series_values, use_app, x_range, MAX_PINS, MAX_SERIES};
use crate::sweeps::SweepMemos;

/// Below this CSS width the chart gets a short title.
pub const NARROW_PX: f64 = 600.0;
/// Ratio of largest to smallest positive value above which the y axis turns logarithmic.
const LOG_Y_RATIO: f64 = 1000.0;

/// The chart's series for metric `y`: current scenario, second-input values, pins.
pub fn chart_series(memos: SweepMemos, y: Metric) -> Vec<Series> {
    let mut out = Vec::with_capacity(MAX_SERIES);
    let points = |s: &costmodel::sweep::Sweep| s.points.iter().map(|p| (p.x, y.of(p))).collect::<Vec<_>>();
    memos.exact.with(|(m, _)| out.push(Series { label: "this scenario".to_owned(), points: points(m) }));
    memos.by_series.with(|v| {
        for (label, s) in v {
            out.push(Series { label: label.clone(), points: points(s) });
        }
    });
    memos.pins.with(|v| {
        for (label, s) in v {
            out.push(Series { label: label.clone(), points: points(s) });
        }
    });
    out.truncate(MAX_SERIES);
    out
}

/// A log y axis when the positive values span more than `LOG_Y_RATIO` and none is zero.
pub fn wants_log_y(series: &[Series]) -> bool {
    let mut lo = f64::INFINITY;
    let mut hi = 0.0f64;
    for &(_, y) in series.iter().flat_map(|s| s.points.iter()) {
        if y.is_finite() {
            if y <= 0.0 {
                return false;
            }
            lo = lo.min(y);
            hi = hi.max(y);
        }
    }
    hi > 0.0 && lo.is_finite() && hi / lo > LOG_Y_RATIO
}

// first stage (issue 12): the panel's texts as plain functions, which the first stage
// (src/first.rs) prints too.
/// The chart's title on a narrow canvas: model, GPUs (unless the chart sweeps them),
/// accelerator.
pub fn short_title(s: &costmodel::Scenario, swept: SweepInput) -> String {
    let gpus = if swept == SweepInput::Tp { String::new() } else { format!("{}× ", s.tp) };
    format!("{} · {gpus}{}", costmodel::summary::model_label(s, "imported model"), costmodel::summary::hardware_label(s))
}

/// The chart's title on a wide canvas: [`label_without`] the swept input.
pub fn sweep_title(e: &costmodel::Evaluated, swept: SweepInput) -> String {
    label_without(e, Some(swept))
}

/// The readout line under the chart for the highlighted point.
pub fn readout_text(series: &[Series], highlight: Option<(usize, usize)>, x: SweepInput, y: Metric) -> String {
    highlight
        .and_then(|(si, pi)| {
            let sr = series.get(si)?;
            let &(px, py) = sr.points.get(pi)?;
            Some(format!("{}: {} = {}, {} = {}", sr.label, x.label(), input_format(x)(px), y.label(), metric_format(y)(py)))
        })
        .unwrap_or_else(|| "Point at a line (or tap it, or focus the chart and use the arrow keys) to read its values.".to_owned())
}

/// The regime markers of the scenario's sweep, in words.
pub fn markers_text(main: &costmodel::sweep::Sweep, x: SweepInput) -> String {
    if main.markers.is_empty() {
        return "No regime change in this range.".to_owned();
    }
    let parts: Vec<String> = main.markers.iter().map(|k| format!("{} at {}", k.kind.label(), input_format(x)(k.x))).collect();
    format!("Regime markers (this scenario): {}.", parts.join("; "))
}

/// The canvas's accessible name.
pub fn aria_label(x: SweepInput, y: Metric) -> String {
    format!("Sweep chart: {} against {}. Arrow keys read the points; the values are announced below.", y.label(), x.label())
}

/// "N series · M points each · x axis logarithmic".
pub fn series_note(series: usize, points: usize, x: SweepInput) -> String {
    format!("{series} series · {points} points each · x axis {}", if x_range(x).2 { "logarithmic" } else { "linear" })
}

/// The sweep panel.
#[component]
pub fn SweepPanel(
    /// The sweep memos.
    memos: SweepMemos,
) -> impl IntoView {
    let state = use_app();
    let view = state.view;
    let dark = state.dark;
    let x = crate::erased::memo(move || view.with(|v| v.x));
    let y = crate::erased::memo(move || view.with(|v| v.y));
    let series = crate::erased::memo(move || chart_series(memos, y.get()));
    let y_log = crate::erased::memo(move || series.with(|s| wants_log_y(s)));
    let hover = RwSignal::new(None::<(usize, usize)>);
    let highlight = crate::erased::memo(move || {
        // The scenario itself (computed exactly, not the nearest sampled point).
        hover.get().or_else(|| memos.exact.with(|(_, i)| i.map(|i| (0, i))))
    });
    let layout = StoredValue::new(None::<PlotLayout>);
    // Without the swept input: a drag along x moves the point, not the title (which then stays
    // measured and laid out).
    let title = crate::erased::memo(move || {
        let x = x.get();
        state.evaluated.with(|e| sweep_title(e, x))
    });
    let short_title = crate::erased::memo(move || {
        let x = x.get();
        state.scenario.with(|s| short_title(s, x))
    });

    // The frame, and the frame with the title over it: a step along x keeps both (one copy of
    // pixels), a step of another input inside unchanged axes keeps the first (a copy and the
    // title drawn).
    let frame_cache = FrameCache::default();
    let titled_cache = FrameCache::default();
    let draw = move |area: &CanvasArea, dpr: f64| {
        let style = if dark.get() { ChartStyle::dark() } else { ChartStyle::light() }.scaled(dpr);
        let (x, y) = (x.get(), y.get());
        let marks = memos.main.with(charts::sweep_markers);
        // A narrow canvas (a phone) gets the short title: the full one would be clipped.
        let css_width = f64::from(area.dim_in_pixel().0) / dpr;
        let title = if css_width < NARROW_PX { short_title.get() } else { title.get() };
        series.with(|ss| {
            let chart = SweepChart::of(&title, x, y, (x_range(x).2, y_log.get()), ss, &marks, highlight.get());
            // The frame (axes, grid, labels, legend, markers) and the title are copied when
            // unchanged.
            let key = sweep_frame_key(area, &chart, &style).map_err(|e| e.to_string())?;
            let titled_key = {
                use std::hash::{Hash, Hasher};
                let mut h = std::hash::DefaultHasher::new();
                (key, chart.title).hash(&mut h);
                h.finish()
            };
            let frame = titled_cache.draw(area, titled_key, &mut || {
                let frame = frame_cache.draw(area, key, &mut || draw_sweep_frame(area, &chart, &style).map_err(|e| e.to_string()))?;
                draw_sweep_title(area, &chart, &style).map_err(|e| e.to_string())?;
                Ok(frame)
            })?;
            crate::components::texts_change_per_input();
            draw_sweep_data(area, &chart, &style, &frame).map(|l| layout.set_value(Some(l))).map_err(|e| e.to_string())
        })
    };
    let on_hover = Callback::new(move |pos: Option<(f64, f64)>| {
        let hit = pos.and_then(|(px, py)| {
            let l = layout.get_value()?;
            series.with_untracked(|s| l.nearest(s, px.round() as i32, py.round() as i32))
        });
        if hover.get_untracked() != hit {
            hover.set(hit);
        }
    });
    // The keyboard's readout: with the chart focused, ←/→ step along a line (Shift: 10
    // points), Home/End jump to its ends, ↑/↓ switch lines, Escape returns to this scenario.
    let on_key = Callback::new(move |ev: web_sys::KeyboardEvent| {
        let Some((si, pi)) = highlight.get_untracked() else {
            return;
        };
        let step = if ev.shift_key() { 10 } else { 1 };
        let key = ev.key();
        let next = series.with_untracked(|s| {
            let last = |i: usize| s.get(i).map_or(0, |x| x.points.len().saturating_sub(1));
            let n = s.len().max(1);
            Some(match key.as_str() {
                "ArrowRight" => Some((si, (pi + step).min(last(si)))),
                "ArrowLeft" => Some((si, pi.saturating_sub(step))),
                "Home" => Some((si, 0)),
                "End" => Some((si, last(si))),
                "ArrowDown" => Some(((si + 1) % n, pi.min(last((si + 1) % n)))),
                "ArrowUp" => Some(((si + n - 1) % n, pi.min(last((si + n - 1) % n)))),
                "Escape" => None,
                _ => return None,
            })
        });
        if let Some(next) = next {
            ev.prevent_default();
            hover.set(next);
        }
    });
    let readout = move || series.with(|s| readout_text(s, highlight.get(), x.get(), y.get()));
    let markers_text = move || memos.main.with(|m| markers_text(m, x.get()));
    let aria = Signal::derive(move || aria_label(x.get(), y.get()));
    view! {
        <section class="kvs-sweep" aria-label="Sweep chart">
            <h2 class="kvs-h2">"How it scales"</h2>
            <SweepControls />
            <ChartCanvas testid="sweep-chart" aria_label=aria draw=draw on_hover=on_hover on_key=on_key class="kvs-canvas-sweep" />
            <p class="kvs-readout" data-testid="sweep-readout" aria-live="polite">{crate::erased::text(readout)}</p>
            <p class="kvs-note">{crate::erased::text(markers_text)}</p>
            <p class="kvs-note">{move || series_note(series.with(Vec::len), memos.xs.with(Vec::len), x.get())}</p>
        </section>
    }
}

/// x, y, second input and its values, and the pin button.
#[component]
fn SweepControls() -> impl IntoView {
    let state = use_app();
    let view = state.view;
    let x = crate::erased::memo(move || view.with(|v| v.x));
    let y = crate::erased::memo(move || view.with(|v| v.y));
    let series = crate::erased::memo(move || view.with(|v| v.series));
    let sv_text = crate::erased::memo(move || {
        view.with(|v| v.series_values.iter().map(|x| costmodel::url::fmt_number(*x)).collect::<Vec<_>>().join(", "))
    });
    let sv_error = RwSignal::new(None::<String>);
    let pins_full = crate::erased::memo(move || view.with(|v| v.pins.len() >= MAX_PINS));
    let set_x = move |ev: leptos::ev::Event| {
        if let Some(k) = SweepInput::from_key(&event_target_value(&ev)) {
            view.update(|v| {
                v.x = k;
                if v.series == Some(k) {
                    v.series = None;
                    v.series_values.clear();
                }
            });
        }
    };
    let set_y = move |ev: leptos::ev::Event| {
        if let Some(m) = Metric::from_key(&event_target_value(&ev)) {
            view.update(|v| v.y = m);
        }
    };
    let set_series = move |ev: leptos::ev::Event| {
        let k = SweepInput::from_key(&event_target_value(&ev));
        sv_error.set(None);
        view.update(|v| {
            v.series = k;
            v.series_values = k.map(default_series_values).unwrap_or_default();
        });
    };
    let commit_sv = move |raw: String| {
        let Some(k) = series.get_untracked() else {
            return;
        };
        match parse_series_values(k, &raw) {
            Ok(values) => {
                sv_error.set(None);
                view.update(|v| v.series_values = values);
            }
            Err(e) => sv_error.set(Some(e)),
        }
    };
    view! {
        <div class="kvs-controls">
            <div class="kvs-field">
                <label for="input-x"><span class="kvs-label">"x axis"</span></label>
                <select id="input-x" on:change=set_x>
                    {SweepInput::ALL.iter().map(|&i| view! {
                        <option value=i.key() prop:selected=move || x.get() == i>{i.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="kvs-field">
                <label for="input-y"><span class="kvs-label">"y axis"</span></label>
                <select id="input-y" on:change=set_y>
                    {Metric::ALL.iter().map(|&m| view! {
                        <option value=m.key() prop:selected=move || y.get() == m>{m.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="kvs-field">
                <label for="input-series"><span class="kvs-label">"Series by"</span></label>
                <select id="input-series" on:change=set_series>
                    <option value="none" prop:selected=move || series.get().is_none()>"nothing (one line)"</option>
                    {SweepInput::ALL.iter().map(|&i| view! {
                        <option value=i.key() disabled=move || x.get() == i prop:selected=move || series.get() == Some(i)>{i.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {show(move || series.get().is_some(), move || view! {
                <div class="kvs-field">
                    <label for="input-sv"><span class="kvs-label">"Series values"</span> <span class="kvs-unit">"comma-separated"</span></label>
                    <input id="input-sv" type="text" class="kvs-num" prop:value=move || sv_text.get()
                        aria-describedby="input-sv-error"
                        on:change=move |ev| commit_sv(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { commit_sv(event_target_value(&ev)) } />
                    <p class="kvs-error" id="input-sv-error" role="alert">{move || sv_error.get().unwrap_or_default()}</p>
                </div>
            }.into_any())}
            <div class="kvs-field kvs-pin-field">
                <span class="kvs-label">"Compare"</span>
                <button type="button" class="kvs-button" data-testid="pin-chart" on:click=move |_| pin_current(state) disabled=move || pins_full.get()>
                    {move || if pins_full.get() { "4 pinned" } else { "Pin this scenario" }.to_owned()}
                </button>
            </div>
        </div>
    }
}

//! `<ChartCanvas>`: the only place the app creates a plotters canvas backend.
//!
//! The backing store is sized to the canvas's CSS box × `devicePixelRatio` (the CSS box is
//! fixed by `aspect-ratio`, so redraws never move the layout). The draw closure is called
//! inside an effect: every signal or memo it reads makes the chart redraw when that changes,
//! and nothing else does. A drawing error is shown under the canvas as text.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use charts::EitherBackend;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The drawing area a chart closure receives: the canvas, through the backend type the SVG
/// export also draws with (`charts::sweep_svg_via`), so each chart's code is compiled once.
pub type CanvasArea = DrawingArea<EitherBackend<'static, CanvasBackend>, Shift>;

/// `window.devicePixelRatio` (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).filter(|d| d.is_finite() && *d > 0.0).unwrap_or(1.0)
}

/// `performance.now()` in ms (0 when unavailable).
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Records `window.__kvs_first_chart_ms` (once), `window.__kvs_last_draw_ms` (the draw's
/// duration) and `window.__kvs_last_draw_end_ms` (when it ended), which the e2e performance
/// check reads, and appends `[testid, duration_ms, end_ms]` to `window.__kvs_draws` when a
/// benchmark has put an array there (tests/bench/input.mjs: per-chart draw times).
fn record_draw(testid: &str, started_ms: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let end = now_ms();
    let target: &JsValue = window.as_ref();
    let first = JsValue::from_str("__kvs_first_chart_ms");
    if !js_sys::Reflect::has(target, &first).unwrap_or(true) {
        let _ = js_sys::Reflect::set(target, &first, &JsValue::from_f64(end));
    }
    let _ = js_sys::Reflect::set(target, &JsValue::from_str("__kvs_last_draw_ms"), &JsValue::from_f64(end - started_ms));
    let _ = js_sys::Reflect::set(target, &JsValue::from_str("__kvs_last_draw_end_ms"), &JsValue::from_f64(end));
    if let Ok(log) = js_sys::Reflect::get(target, &JsValue::from_str("__kvs_draws")).and_then(|v| v.dyn_into::<js_sys::Array>().map_err(JsValue::from)) {
        log.push(&js_sys::Array::of3(&JsValue::from_str(testid), &JsValue::from_f64(end - started_ms), &JsValue::from_f64(end)));
    }
}

/// How far outside the viewport a chart still counts as visible (drawn ahead of scrolling).
const VISIBLE_MARGIN: &str = "300px";

/// Whether the canvas is on or near the screen, from an IntersectionObserver. `true` until the
/// observer first reports (so the first draw is never delayed) and wherever there is no
/// observer.
fn watch_visibility(canvas_ref: NodeRef<Canvas>) -> RwSignal<bool> {
    let visible = RwSignal::new(true);
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.iter().last().and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()) {
                let _ = visible.try_set(entry.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(VISIBLE_MARGIN);
        match web_sys::IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options) {
            Ok(observer) => {
                observer.observe(&canvas);
                // The observer and its callback live until the chart is removed.
                let kept = StoredValue::new_local((observer, on_change));
                on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
            }
            Err(e) => leptos::logging::warn!("no IntersectionObserver ({e:?}): charts redraw even off screen"),
        }
    });
    visible
}

/// A canvas drawn by `draw(area, device_pixel_ratio)`.
#[component]
pub fn ChartCanvas<F>(
    /// `data-testid` of the canvas.
    testid: &'static str,
    /// Accessible description of the chart (the numbers are also given as text nearby).
    #[prop(into)]
    aria_label: Signal<String>,
    /// Draws the chart; errors are shown as text.
    draw: F,
    /// Pointer position over the canvas in backing-store pixels (`None` when it leaves).
    #[prop(optional)]
    on_hover: Option<Callback<Option<(f64, f64)>>>,
    /// Keys pressed while the canvas has focus; when given, the canvas is focusable
    /// (`tabindex=0`), so the chart can be read from the keyboard.
    #[prop(optional)]
    on_key: Option<Callback<web_sys::KeyboardEvent>>,
    /// Extra CSS class (the aspect ratio differs per chart).
    #[prop(optional, into)]
    class: String,
    /// Inline style of the canvas (e.g. an aspect ratio that depends on the data).
    #[prop(optional, into)]
    style: Signal<String>,
) -> impl IntoView
where
    F: Fn(&CanvasArea, f64) -> Result<(), String> + 'static,
{
    let canvas_ref = NodeRef::<Canvas>::new();
    let error = RwSignal::new(None::<String>);
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || listener.remove());
    let visible = watch_visibility(canvas_ref);

    Effect::new(move |_| {
        // Off screen (beyond a margin), a chart is not redrawn while the inputs change: it is
        // drawn again, with the current data, when it comes near the viewport.
        if !visible.get() {
            return;
        }
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // Applied here, before measuring, so the backing store follows the new box at once.
        let css = style.get();
        if canvas.get_attribute("style").unwrap_or_default() != css {
            let _ = canvas.set_attribute("style", &css);
        }
        let started = now_ms();
        let dpr = device_pixel_ratio();
        let rect = canvas.get_bounding_client_rect();
        let w = (rect.width() * dpr).round();
        let h = (rect.height() * dpr).round();
        if !(w >= 1.0 && h >= 1.0) {
            return; // not laid out (hidden tab): drawn when shown
        }
        let (w, h) = (w as u32, h as u32);
        if canvas.width() != w {
            canvas.set_width(w);
        }
        if canvas.height() != h {
            canvas.set_height(h);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            error.set(Some("this browser gave no 2D canvas context".to_owned()));
            return;
        };
        let area = EitherBackend::Other(backend).into_drawing_area();
        match draw(&area, dpr) {
            Ok(()) => {
                if error.with_untracked(Option::is_some) {
                    error.set(None);
                }
                record_draw(testid, started);
            }
            Err(e) => error.set(Some(format!("could not draw the chart: {e}"))),
        }
    });

    let hover = move |x: f64, y: f64| {
        if let Some(cb) = on_hover {
            let dpr = device_pixel_ratio();
            cb.run(Some((x * dpr, y * dpr)));
        }
    };
    view! {
        <div class="kvs-chart-box">
            <canvas
                node_ref=canvas_ref
                class=format!("kvs-canvas {class}")
                data-testid=testid
                role="img"
                tabindex=on_key.map(|_| "0")
                aria-label=move || aria_label.get()
                on:keydown=move |ev| {
                    if let Some(cb) = on_key {
                        cb.run(ev);
                    }
                }
                on:pointermove=move |ev| hover(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                on:pointerdown=move |ev| hover(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                on:pointerleave=move |_| {
                    if let Some(cb) = on_hover {
                        cb.run(None);
                    }
                }
            ></canvas>
            <p class="kvs-error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

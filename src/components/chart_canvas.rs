//! `<ChartCanvas>`: the only place the app creates a plotters canvas backend.
//!
//! The backing store is sized to the canvas's CSS box × `devicePixelRatio` (the CSS box is
//! fixed by `aspect-ratio`, so redraws never move the layout). The draw closure is called
//! inside an effect: every signal or memo it reads makes the chart redraw when that changes,
//! and nothing else does. A drawing error is shown under the canvas as text.

use leptos::html::Canvas;
use leptos::prelude::*;
use crate::erased::{RwSignal, Signal};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use crate::components::FastCanvas;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The drawing area a chart closure receives: the canvas, drawn by [`FastCanvas`] (input2,
/// issue 12: it sets the context's state only when it changes). The app draws on canvases only:
/// the SVG export is drawn by the export module (src/bin/export.rs), so each chart's code is
/// compiled once here, for this backend.
pub type CanvasArea = DrawingArea<FastCanvas, Shift>;

/// `window.devicePixelRatio` (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window().map(|w| w.device_pixel_ratio()).filter(|d| d.is_finite() && *d > 0.0).unwrap_or(1.0)
}

/// `performance.now()` in ms (0 when unavailable).
pub fn now_ms() -> f64 {
    thread_local! {
        // Looked up once: `window.performance` is a call into the browser each time.
        static PERFORMANCE: Option<web_sys::Performance> = web_sys::window().and_then(|w| w.performance());
    }
    PERFORMANCE.with(|p| p.as_ref().map(web_sys::Performance::now)).unwrap_or(0.0)
}

/// Records `window.__kvs_first_chart_ms` (once), `window.__kvs_last_draw_ms` (the draw's
/// duration) and `window.__kvs_last_draw_end_ms` (when it ended), which the e2e performance
/// check reads, and appends `[testid, duration_ms, end_ms]` to `window.__kvs_draws` when a
/// benchmark has put an array there (tests/bench/input.mjs: per-chart draw times).
fn record_draw(testid: &str, started_ms: f64) {
    /// The property names, made JS strings once (each draw decoded them again: issue 12).
    struct Keys {
        first: JsValue,
        last: JsValue,
        last_end: JsValue,
        draws: JsValue,
    }
    thread_local! {
        static KEYS: Keys = Keys {
            first: JsValue::from_str("__kvs_first_chart_ms"),
            last: JsValue::from_str("__kvs_last_draw_ms"),
            last_end: JsValue::from_str("__kvs_last_draw_end_ms"),
            draws: JsValue::from_str("__kvs_draws"),
        };
        static FIRST_RECORDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    schedule_warm_up();
    let Some(window) = web_sys::window() else {
        return;
    };
    let end = now_ms();
    let target: &JsValue = window.as_ref();
    KEYS.with(|k| {
        if !FIRST_RECORDED.with(|f| f.replace(true)) && !js_sys::Reflect::has(target, &k.first).unwrap_or(true) {
            let _ = js_sys::Reflect::set(target, &k.first, &JsValue::from_f64(end));
        }
        let _ = js_sys::Reflect::set(target, &k.last, &JsValue::from_f64(end - started_ms));
        let _ = js_sys::Reflect::set(target, &k.last_end, &JsValue::from_f64(end));
        if let Ok(log) = js_sys::Reflect::get(target, &k.draws).and_then(|v| v.dyn_into::<js_sys::Array>()) {
            log.push(&js_sys::Array::of3(&JsValue::from_str(testid), &JsValue::from_f64(end - started_ms), &JsValue::from_f64(end)));
        }
    });
}

/// A 2D context of a new canvas outside the document.
fn offscreen_context() -> Option<web_sys::CanvasRenderingContext2d> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
}

/// The widths one font has measured so far (issue 12): a text's width is the sum of its
/// characters' advances plus, for each pair of neighbours, the font's kerning of that pair
/// (`measureText("AV") - advance(A) - advance(V)`). So a text never seen before (the title and
/// the readout change with every slider step) costs no call into the browser once its
/// characters and pairs have been measured, each with the canvas's `measureText` once; a
/// chart's texts use a few dozen characters and a few hundred pairs. Pair kerning is what
/// canvas text shaping applies to the charts' Latin labels (no ligatures in sans-serif UI
/// text), so the sum equals `measureText` of the whole text to rounding: the e2e `redraw`
/// section measures it.
struct Advances {
    /// The CSS font (`12px sans-serif`).
    font: String,
    /// A context outside the document with that font set (set once: a context parses the
    /// font string on every set).
    context: web_sys::CanvasRenderingContext2d,
    /// Widths of ASCII characters by code (NaN: not measured yet).
    ascii: [f64; 128],
    /// Widths of the other characters measured (`·`, `×`, `≈`, …).
    other: Vec<(char, f64)>,
    /// Kerning of each pair measured, sorted by key (first char << 32 | second char).
    pairs: Vec<(u64, f64)>,
    /// The next pair of [`WARM_CHARS`] to measure while the page is idle, once a text that
    /// changes with every input ([`texts_change_per_input`]: the sweep chart's readout) met a
    /// pair not measured yet; `None` before that, and once all are measured.
    warm_next: Option<usize>,
}

/// Characters that numbers and their units are written with in the charts' texts
/// (`charts::format`, `costmodel::units`): digits, separators, and the characters next to a
/// digit in a unit or prefix ("132k", "1.5 GB", "$0.25", "250 ms", "12%", "2–4"). The readout
/// under a slider changes these pair by pair; the pairs inside a unit do not change. 26
/// characters, 676 pairs per font whose texts change (issue 12).
const WARM_CHARS: [char; 26] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ',', '.', ' ', 'k', 'K', 'M', 'G', 'T', 'B', 's', 'm', 'µ', '%', '$', '–', '×',
];

/// The key of a pair in [`Advances::pairs`].
fn pair_key(a: char, b: char) -> u64 {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

impl Advances {
    /// `measureText(text).width` in this font.
    fn measure(&self, text: &str) -> Option<f64> {
        let metrics = MEASURE_FN.with(|f| f.as_ref()?.call1(self.context.as_ref(), &JsValue::from_str(text)).ok())?;
        js_sys::Reflect::get(&metrics, &JsValue::from_str("width")).ok()?.as_f64()
    }

    /// The advance of `c`, measured on first use.
    fn of(&mut self, c: char) -> Option<f64> {
        let ascii = usize::try_from(u32::from(c)).ok().filter(|&i| i < 128);
        let known = match ascii {
            Some(i) => Some(self.ascii[i]).filter(|w| !w.is_nan()),
            None => self.other.iter().find(|(k, _)| *k == c).map(|&(_, w)| w),
        };
        if known.is_some() {
            return known;
        }
        let width = self.measure(c.encode_utf8(&mut [0; 4]))?;
        match ascii {
            Some(i) => self.ascii[i] = width,
            None => self.other.push((c, width)),
        }
        Some(width)
    }

    /// The kerning between `a` and `b` (mostly 0), measured on first use.
    fn kerning(&mut self, a: char, b: char) -> Option<f64> {
        let key = pair_key(a, b);
        match self.pairs.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(i) => Some(self.pairs[i].1),
            Err(i) => {
                if self.warm_next.is_none() && CHANGING_TEXTS.with(std::cell::Cell::get) {
                    self.warm_next = Some(0);
                    WARM_WANTED.with(|w| w.set(true));
                }
                let pair: String = [a, b].iter().collect();
                let kerning = self.measure(&pair)? - self.of(a)? - self.of(b)?;
                self.pairs.insert(i, (key, kerning));
                Some(kerning)
            }
        }
    }

    /// Measures the next pair of [`WARM_CHARS`] not measured yet (`warm_next` becomes `None`
    /// when none is left).
    fn warm_one(&mut self) {
        let n = WARM_CHARS.len();
        while let Some(i) = self.warm_next.filter(|&i| i < n * n) {
            self.warm_next = Some(i + 1);
            let (a, b) = (WARM_CHARS[i / n], WARM_CHARS[i % n]);
            if self.pairs.binary_search_by_key(&pair_key(a, b), |&(k, _)| k).is_err() {
                let _ = self.kerning(a, b);
                return;
            }
        }
        self.warm_next = None;
    }

    /// The width of `text`: its characters' advances and its pairs' kerning.
    fn width(&mut self, text: &str) -> Option<f64> {
        let mut sum = 0.0;
        let mut previous = None;
        for c in text.chars() {
            sum += self.of(c)?;
            if let Some(p) = previous {
                sum += self.kerning(p, c)?;
            }
            previous = Some(c);
        }
        Some(sum)
    }
}

thread_local! {
    /// `measureText` of a 2D context (the same function for every context).
    static MEASURE_FN: Option<js_sys::Function> = offscreen_context().and_then(|ctx| {
        js_sys::Reflect::get(ctx.as_ref(), &JsValue::from_str("measureText")).ok()?.dyn_into().ok()
    });
    /// One width table per font (a page draws in three or four fonts: a list, not a map,
    /// whose code the first stage's bytes would carry).
    static ADVANCES: std::cell::RefCell<Vec<Advances>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Text height per font (family, size bits): the line box plotters measured. A list, as
    /// `ADVANCES`: three or four fonts, and no hash map's code in the first stage.
    static LINE_HEIGHTS: std::cell::RefCell<Vec<((String, u64), u32)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The texts measured now change with every input ([`texts_change_per_input`]).
    static CHANGING_TEXTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A font has pairs to measure while idle ([`Advances::warm_next`]).
    static WARM_WANTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// An idle callback is pending for them.
    static WARM_SCHEDULED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tells the text measurer that, until this chart's draw ends, the texts it measures change
/// with every input (the sweep chart's readout, drawn over its kept frame and title): their
/// fonts' number pairs are then measured while the page is idle ([`schedule_warm_up`]).
pub fn texts_change_per_input() {
    CHANGING_TEXTS.with(|c| c.set(true));
}

/// Milliseconds of an idle period left to the next frame's work: measuring stops there.
const WARM_SLACK_MS: f64 = 2.0;

/// Measures, while the page is idle (`requestIdleCallback`), the pairs of [`WARM_CHARS`] in the
/// fonts whose texts change between draws, so a slider step's readout meets pairs already
/// measured instead of calling `measureText` inside the input's frame (1.1 calls per step over
/// the first 60 steps, about 0.3 ms each with the CPU throttled 4×: issue 12). Where there is
/// no `requestIdleCallback` (Safari), pairs are measured on first use, as before.
fn schedule_warm_up() {
    if !WARM_WANTED.with(std::cell::Cell::get) || WARM_SCHEDULED.with(|s| s.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = Closure::once_into_js(move |deadline: web_sys::IdleDeadline| {
        WARM_SCHEDULED.with(|s| s.set(false));
        let more = ADVANCES.with(|a| {
            let mut a = a.borrow_mut();
            for font in a.iter_mut() {
                while font.warm_next.is_some() {
                    if deadline.time_remaining() <= WARM_SLACK_MS {
                        return true;
                    }
                    font.warm_one();
                }
            }
            false
        });
        WARM_WANTED.with(|w| w.set(more));
        schedule_warm_up();
    });
    if window.request_idle_callback(idle.unchecked_ref()).is_err() {
        WARM_WANTED.with(|w| w.set(false));
    }
}

/// The text measurer of every chart in the page ([`charts::set_text_measurer`]): the size
/// plotters' own measurement gives (an inline-block `<span>` in the body: its offset width and
/// height) without a page layout per text. Width: the text's advances and kerning as the span
/// lays it out (white space collapsed), from the canvas's `measureText` ([`Advances`]), rounded
/// as `offsetWidth` rounds; the same font at the same weight (plotters' span asks `font-style:
/// bold`, which CSS ignores, so bold text is measured at normal weight). Height: the span's line
/// box, which the body's `line-height` fixes per font size, measured by a span once per
/// (family, size).
pub fn measure_text(family: &str, size_px: f64, _bold: bool, text: &str) -> Option<(u32, u32)> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        return Some((0, 0)); // an empty inline-block has no line box
    }
    let font = format!("{size_px}px {family}");
    let width = ADVANCES.with(|a| {
        let mut a = a.borrow_mut();
        let i = match a.iter().position(|t| t.font == font) {
            Some(i) => i,
            None => {
                let context = offscreen_context()?;
                context.set_font(&font);
                a.push(Advances { font, context, ascii: [f64::NAN; 128], other: Vec::new(), pairs: Vec::new(), warm_next: None });
                a.len() - 1
            }
        };
        a[i].width(&collapsed)
    })?;
    let key = (family.to_owned(), size_px.to_bits());
    let height = match LINE_HEIGHTS.with(|h| h.borrow().iter().find(|(k, _)| *k == key).map(|(_, h)| *h)) {
        Some(h) => h,
        None => {
            let h = span_height(family, size_px, &collapsed)?;
            LINE_HEIGHTS.with(|m| m.borrow_mut().push((key, h)));
            h
        }
    };
    Some((width.round().max(0.0) as u32, height))
}

/// The offset height of plotters' measuring span (same style) holding `text`: one layout.
fn span_height(family: &str, size_px: f64, text: &str) -> Option<u32> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let span = document.create_element("span").ok()?;
    span.set_text_content(Some(text));
    let style = format!("display: inline-block; font-family:{family}; font-style:normal; font-size: {size_px}px; position: fixed; top: 100%");
    span.set_attribute("style", &style).ok()?;
    body.append_with_node_1(&span).ok()?;
    let height = span.dyn_ref::<web_sys::HtmlElement>().map(|e| e.offset_height());
    span.remove();
    u32::try_from(height?).ok()
}

/// Installs [`measure_text`] for every chart drawn in this page (once).
pub fn install_text_measurer() {
    thread_local! {
        static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !INSTALLED.with(|i| i.replace(true)) {
        charts::set_text_measurer(Some(measure_text));
    }
}

thread_local! {
    /// The canvas a [`ChartCanvas`] is drawing on and its 2D context, while its draw closure
    /// runs (what a [`FrameCache`] copies from and to).
    static DRAWING_ON: std::cell::RefCell<Option<Surface>> = const { std::cell::RefCell::new(None) };
}

/// A canvas and its 2D context, asked for once: `getContext` is a call into the browser that
/// returns the same object every time (it was asked twice per draw: issue 12).
#[derive(Clone)]
struct Surface {
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
}

impl Surface {
    /// `canvas` with its 2D context, `None` when it has none.
    fn of(canvas: web_sys::HtmlCanvasElement) -> Option<Surface> {
        let context = canvas.get_context("2d").ok().flatten()?.dyn_into().ok()?;
        Some(Surface { canvas, context })
    }
}

/// A chart's frame kept as pixels (issue 12). While a slider moves the scenario along the
/// sweep chart's axis, or a pointer moves its readout, the axes, grid, tick labels, legend and
/// markers stay as they were: drawing them again was most of a redraw (22 texts and their
/// fonts, 27 strokes). [`FrameCache::draw`] takes a key of what the frame is drawn from
/// (`charts::sweep_frame_key`); when it is the key of the last draw on a canvas of the same
/// size, it copies the pixels it kept, which are the same pixels, and returns the layout it
/// kept. (It used to work the whole frame out without drawing it and hash its calls: a fifth
/// of the chart's time per input.) Caches nest: the sweep chart keeps its frame with the title
/// in one, whose `frame` draws the title over the frame another one keeps.
pub struct FrameCache<T> {
    /// The key of the kept frame, with the canvas's size.
    key: std::cell::Cell<Option<u64>>,
    /// The kept frame (a canvas outside the document, the chart's size) and what drawing it
    /// returned.
    kept: std::cell::RefCell<Option<(Surface, T)>>,
}

impl<T> Default for FrameCache<T> {
    fn default() -> Self {
        FrameCache { key: std::cell::Cell::new(None), kept: std::cell::RefCell::new(None) }
    }
}

impl<T: Clone> FrameCache<T> {
    /// Draws `frame` (the first calls of a chart's draw, filling its whole area) on `area`, or
    /// copies its pixels from the last draw that had the same `key`; returns what `frame`
    /// returned. Outside a [`ChartCanvas`] draw it simply draws. (`frame` is a trait object:
    /// the sweep chart's two nested caches share one copy of this function's code.)
    pub fn draw(&self, area: &CanvasArea, key: u64, frame: &mut dyn FnMut() -> Result<T, String>) -> Result<T, String> {
        let Some(on) = DRAWING_ON.with(|c| c.borrow().clone()) else {
            return frame();
        };
        let (width, height) = (on.canvas.width(), on.canvas.height());
        let key = {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            (key, width, height).hash(&mut h);
            h.finish()
        };
        if self.key.get() == Some(key) {
            if let Some((pixels, value)) = self.kept.borrow().as_ref() {
                copy_pixels(&pixels.canvas, &on.context)?;
                return Ok(value.clone());
            }
        }
        self.key.set(None);
        let value = frame()?;
        // The backend strokes the lines it batched before the pixels are read.
        area.present().map_err(|e| e.to_string())?;
        let mut kept = self.kept.borrow_mut();
        let pixels = match kept.take() {
            Some((pixels, _)) => Some(pixels),
            None => offscreen_context().and_then(|context| Some(Surface { canvas: context.canvas()?, context })),
        };
        if let Some(pixels) = pixels {
            if pixels.canvas.width() != width {
                pixels.canvas.set_width(width);
            }
            if pixels.canvas.height() != height {
                pixels.canvas.set_height(height);
            }
            copy_pixels(&on.canvas, &pixels.context)?;
            *kept = Some((pixels, value.clone()));
            self.key.set(Some(key));
        }
        Ok(value)
    }
}

/// Replaces every pixel of the canvas `ctx` draws on with `from`'s (same size): with the "copy"
/// operation, even translucent pixels come out as they were, not blended over what was there.
fn copy_pixels(from: &web_sys::HtmlCanvasElement, ctx: &web_sys::CanvasRenderingContext2d) -> Result<(), String> {
    ctx.set_global_composite_operation("copy").map_err(|_| "no composite operation")?;
    let drawn = ctx.draw_image_with_html_canvas_element(from, 0.0, 0.0);
    ctx.set_global_composite_operation("source-over").map_err(|_| "no composite operation")?;
    drawn.map_err(|_| "could not copy the chart's frame".to_owned())
}

/// How far outside the viewport an element still counts as near (drawn ahead of scrolling).
const VISIBLE_MARGIN: &str = "300px";

/// Whether the element is on or near the screen (within [`VISIBLE_MARGIN`]), from an
/// IntersectionObserver. `true` until the observer first reports (so the first draw is never
/// delayed) and wherever there is no observer. Charts skip redraws while it is false.
pub fn watch_visibility<E>(node: NodeRef<E>) -> RwSignal<bool>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    watch_visibility_within(node, VISIBLE_MARGIN)
}

/// Whether the element is within `margin` (a CSS length, as IntersectionObserver's
/// `rootMargin`) of the screen; otherwise as [`watch_visibility`]. The app's deferred sections
/// (`crate::deferred`) use "0px": they skip their updates unless on screen.
pub fn watch_visibility_within<E>(node: NodeRef<E>, margin: &'static str) -> RwSignal<bool>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let visible = RwSignal::new(true);
    crate::erased::effect(move || {
        let Some(el) = node.get() else {
            return;
        };
        let el: &web_sys::Element = el.unchecked_ref();
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.iter().last().and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()) {
                let _ = visible.try_set(entry.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(margin);
        match web_sys::IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options) {
            Ok(observer) => {
                observer.observe(el);
                // The observer and its callback live until the element is removed.
                let kept = StoredValue::new_local((observer, on_change));
                on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
            }
            Err(e) => leptos::logging::warn!("no IntersectionObserver ({e:?}): everything updates even off screen"),
        }
    });
    visible
}

/// The canvas's CSS box (width, height in CSS px), from a ResizeObserver: read in the observer's
/// callback, which runs after the browser's layout, so a draw never forces a layout to learn its
/// size. `None` until the first observation (the first draw waits for it: it comes in the first
/// frame after the canvas is laid out, before that frame is painted) and wherever there is no
/// ResizeObserver (then each draw reads the box itself).
fn watch_size(canvas_ref: NodeRef<Canvas>) -> (RwSignal<Option<(f64, f64)>>, RwSignal<bool>) {
    let size = RwSignal::new(None::<(f64, f64)>);
    let observed = RwSignal::new(false);
    crate::erased::effect(move || {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let target = canvas.clone();
        let on_resize = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
            // Layout is clean inside a ResizeObserver callback: this read costs no layout.
            let rect = target.get_bounding_client_rect();
            let box_px = (rect.width(), rect.height());
            if size.try_get_untracked() != Some(Some(box_px)) {
                let _ = size.try_set(Some(box_px));
            }
        });
        match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&canvas);
                observed.set(true);
                let kept = StoredValue::new_local((observer, on_resize));
                on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
            }
            Err(e) => leptos::logging::warn!("no ResizeObserver ({e:?}): each chart draw reads its canvas's size"),
        }
    });
    (size, observed)
}

/// At most one draw per chart per animation frame: a draw marks the frame; a change that comes
/// before the next frame's requestAnimationFrame callbacks is drawn in that callback (with the
/// data current then), not at once. The first change after a frame is drawn at once, so a
/// single input is never delayed.
#[derive(Clone, Copy)]
struct FrameGate {
    /// A draw happened since the last animation frame began.
    drawn: StoredValue<bool>,
    /// A draw was put off to the next animation frame.
    pending: StoredValue<bool>,
    /// Bumped in that frame to rerun the draw effect.
    tick: RwSignal<u32>,
}

impl FrameGate {
    fn new() -> FrameGate {
        FrameGate { drawn: StoredValue::new(false), pending: StoredValue::new(false), tick: RwSignal::new(0) }
    }

    /// Whether a draw may happen now; if not, one is scheduled for the next frame.
    fn may_draw(self) -> bool {
        if !self.drawn.try_get_value().unwrap_or(false) {
            return true;
        }
        let _ = self.pending.try_set_value(true);
        false
    }

    /// Records a draw: the next one waits for the next animation frame.
    fn drew(self) {
        if self.drawn.try_get_value().unwrap_or(false) {
            return;
        }
        let _ = self.drawn.try_set_value(true);
        request_animation_frame(move || {
            let _ = self.drawn.try_set_value(false);
            if self.pending.try_get_value().unwrap_or(false) {
                let _ = self.pending.try_set_value(false);
                let _ = self.tick.try_update(|n| *n = n.wrapping_add(1));
            }
        });
    }
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
    chart_canvas(testid, aria_label, Box::new(draw), on_hover, on_key, class, style)
}

/// The chart draw function `ChartCanvas` takes, boxed.
type DrawFn = Box<dyn Fn(&CanvasArea, f64) -> Result<(), String>>;

/// `ChartCanvas`'s body, compiled once: generic over the draw function, the component's
/// effects, listeners and view were compiled once per chart (issue 12: 5 copies, 28.6 KB of
/// `.wasm` before wasm-opt).
#[inline(never)]
fn chart_canvas(
    testid: &'static str,
    aria_label: Signal<String>,
    draw: DrawFn,
    on_hover: Option<Callback<Option<(f64, f64)>>>,
    on_key: Option<Callback<web_sys::KeyboardEvent>>,
    class: String,
    style: Signal<String>,
) -> AnyView {
    install_text_measurer();
    let canvas_ref = NodeRef::<Canvas>::new();
    let error = RwSignal::new(None::<String>);
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || listener.remove());
    let visible = watch_visibility(canvas_ref);
    let (size, observed) = watch_size(canvas_ref);
    let gate = FrameGate::new();
    let surface = StoredValue::new_local(None::<Surface>);

    crate::erased::effect(move || {
        gate.tick.track();
        // Off screen (beyond a margin), a chart is not redrawn while the inputs change: it is
        // drawn again, with the current data, when it comes near the viewport.
        if !visible.get() {
            return;
        }
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if !gate.may_draw() {
            return; // drawn in the next animation frame, with the data current then
        }
        // Applied here, before measuring, so the backing store follows the new box at once.
        let css = style.get();
        let restyled = canvas.get_attribute("style").unwrap_or_default() != css;
        if restyled {
            let _ = canvas.set_attribute("style", &css);
        }
        let started = now_ms();
        let dpr = device_pixel_ratio();
        // The box from the ResizeObserver; read here only when there is none, or when the
        // style just changed (a new aspect ratio: this draw needs the new box, one layout).
        let (css_w, css_h) = match size.get() {
            Some(box_px) if !restyled => box_px,
            _ if observed.get_untracked() && !restyled => return, // drawn at the first observation
            _ => {
                let rect = canvas.get_bounding_client_rect();
                (rect.width(), rect.height())
            }
        };
        let w = (css_w * dpr).round();
        let h = (css_h * dpr).round();
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
        // The canvas element stays while the component lives, and so does its context.
        let on = match surface.get_value().filter(|s| s.canvas == canvas) {
            Some(on) => on,
            None => {
                let Some(on) = Surface::of(canvas.clone()) else {
                    error.set(Some("this browser gave no 2D canvas context".to_owned()));
                    return;
                };
                surface.set_value(Some(on.clone()));
                on
            }
        };
        let backend = FastCanvas::with_context(on.canvas.clone(), on.context.clone());
        let area = backend.into_drawing_area();
        gate.drew();
        DRAWING_ON.with(|c| c.replace(Some(on)));
        let drawn = draw(&area, dpr);
        DRAWING_ON.with(|c| c.replace(None));
        CHANGING_TEXTS.with(|c| c.set(false));
        // `present` strokes the lines the backend batched (FastCanvas::flush_lines).
        match drawn.and_then(|()| area.present().map_err(|e| e.to_string())) {
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
    .into_any()
}

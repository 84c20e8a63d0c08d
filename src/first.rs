//! The first stage (issue 12): a small second .wasm (`src/bin/first.rs`, no Leptos) that paints
//! the results for the URL's scenario into the static shell of `index.html` while the full app
//! is still on the wire. It reads the same URL codec, evaluates with the same `costmodel`, prints
//! the cards with the app's own text functions (`cards`), draws the sweep chart with the app's
//! chart code (`charts::draw_sweep`, through the same `sweeps::main_sweep` and panel texts), and
//! builds the same DOM (classes, order) as the app, so that when the app mounts in its place
//! nothing moves and no number changes.
//!
//! What it paints, and when it stands aside (the app then paints as before):
//! - the page: the headline, the four cards and the sweep chart section;
//! - a widget (`?embed=1`) showing the sweep chart or the cards: its numeric and mode controls,
//!   the chart section or the results (context and fit lines, cards, session card), and the
//!   widget's foot (description and "Open in KV Scope"); it posts its height like the app's
//!   widget;
//! - nothing when the link has warnings (the app lists them above the results), imports a
//!   model from the Hugging Face Hub (`hf=`, fetched by the app), pins scenarios or adds series
//!   (the app's chart would differ), for the other widget views, and on the page when an engine
//!   or continuous batching adds its block under the cards (the chart would move down).
//!
//! It tells the loader in `index.html` what it did through `window.__kvs_first`:
//! `{painted, lazy, live}`; `lazy` (a widget) lets the loader fetch the app only when the reader
//! first touches the widget; `live` (a widget with controls) says that the first stage answers
//! those controls itself (`first_live`), so touching them does not count. What the reader types
//! or picks in the first stage's controls before the app mounts, the loader carries over to the
//! app's.

use charts::{draw_sweep, ChartStyle, Series, SweepChart};
use costmodel::sweep::{Metric, SweepInput};
use costmodel::Evaluated;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, Window};

use crate::cards;
use crate::components::{capitalise, log_slider_value, range_text};
use crate::format::{html_escape as esc, input_text};
use crate::panels::workload::{ctx_value_text, CTX_SLIDER_MAX, CTX_SLIDER_MIN};
use costmodel::units::fmt_count;
use crate::panels::{aria_label, markers_text, readout_text, series_note, short_title, sweep_title, wants_log_y, NARROW_PX};
use crate::state::{parse_view, Show, Theme, View, VIEW_KEYS};


/// One metric card, as `components::MetricCard` renders it (the math stays closed and empty
/// until the app brings it).
fn card_html(c: &cards::CardText, bad: bool) -> String {
    format!(
        r#"<article class="kvs-card{}" data-testid="first-{}"><h3 class="kvs-card-title">{}</h3><p class="kvs-card-value">{}</p><p class="kvs-card-caption">{}</p><p class="kvs-card-bound">{}</p><p class="kvs-card-share">{}</p><details class="kvs-math"><summary class="kvs-math-head">{}</summary></details></article>"#,
        if bad { " kvs-card-bad" } else { "" },
        c.testid,
        esc(c.title),
        esc(&c.value),
        esc(&c.caption),
        esc(&c.bound),
        esc(&c.share),
        c.math_head
    )
}

/// A `<select>` of the sweep's controls with `selected` marked.
fn select_html<T: Copy + PartialEq>(id: &str, label: &str, items: &[T], key: fn(T) -> &'static str, text: fn(T) -> &'static str, selected: Option<T>, none: Option<&str>) -> String {
    let mut h = format!(r#"<div class="kvs-field"><label for="{id}"><span class="kvs-label">{label}</span></label><select id="{id}">"#);
    if let Some(n) = none {
        h.push_str(&format!(r#"<option value="none"{}>{n}</option>"#, if selected.is_none() { " selected" } else { "" }));
    }
    for &i in items {
        h.push_str(&format!(r#"<option value="{}"{}>{}</option>"#, key(i), if selected == Some(i) { " selected" } else { "" }, esc(text(i))));
    }
    h.push_str("</select></div>");
    h
}

/// Widget controls the first stage draws as the app does (`widget::control`); with any other
/// (`model`, `hw`, the compression axes) it stands aside. The loader in `index.html` skips the
/// first stage for those links (scripts/first-stage.mjs, `APP_ONLY_CONTROLS`): keep both lists
/// in step.
pub const FIRST_STAGE_CONTROLS: &[&str] = &["tp", "ctx", "out", "users", "reuse", "mode", "w_bits", "kv_bits", "a_bits"];

/// A numeric field as `components::NumberField` renders it, with the scenario's value.
fn field_html(s: &costmodel::Scenario, key: &str) -> Option<String> {
    let spec = costmodel::scenario::field_by_key(key)?;
    let value = s.get(key)?;
    let unit = if spec.unit.is_empty() { String::new() } else { format!(r#"<span class="kvs-unit">{}</span>"#, esc(spec.unit)) };
    Some(format!(
        r#"<div class="kvs-field"><label for="input-{key}"><span class="kvs-label">{}</span>{unit}</label><input id="input-{key}" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" class="kvs-num" placeholder="" aria-invalid="false" aria-describedby="input-{key}-error" value="{}"><small class="kvs-range">{}</small><p class="kvs-error" id="input-{key}-error" role="alert" data-testid="first-error-{key}"></p></div>"#,
        esc(&capitalise(spec.label)),
        esc(&input_text(value)),
        esc(&range_text(spec)),
    ))
}

/// The widget's controls row (`controls=`), or `None` when one of them is not drawn here.
fn widget_controls_html(s: &costmodel::Scenario, controls: &[&str]) -> Option<String> {
    let mut h = String::from(r#"<div class="kvs-widget-controls" role="group" aria-label="Scenario">"#);
    for &key in controls {
        if !FIRST_STAGE_CONTROLS.contains(&key) {
            return None;
        }
        match key {
            "ctx" => h.push_str(&format!(
                r#"<div class="kvs-widget-control kvs-widget-ctx">{}<input id="input-ctx-slider" type="range" class="kvs-slider" min="0" max="1000" step="1" aria-label="Context tokens (logarithmic slider, 1,000 to 10,000,000)" aria-valuetext="{}" value="{}"></div>"#,
                field_html(s, "ctx")?,
                ctx_value_text(s.ctx_tokens),
                log_slider_value(s.ctx_tokens, CTX_SLIDER_MIN, CTX_SLIDER_MAX),
            )),
            "mode" => {
                let peak = s.mode == costmodel::Mode::Peak;
                h.push_str(&format!(
                    r#"<div class="kvs-widget-control"><label class="kvs-label" for="input-mode">Efficiency</label><select id="input-mode"><option value="peak"{}>peak (datasheet)</option><option value="realistic"{}>realistic</option></select></div>"#,
                    if peak { " selected" } else { "" },
                    if peak { "" } else { " selected" },
                ));
            }
            k => h.push_str(&format!(r#"<div class="kvs-widget-control">{}</div>"#, field_html(s, k)?)),
        }
    }
    h.push_str("</div>");
    Some(h)
}

/// A widget's results (`show=cards`) as `Results` renders them outside the page: the context
/// line, the fit line, the four cards and the session card. `None` where the app shows more
/// (does not fit, an engine, continuous batching).
fn widget_results_html(e: &Evaluated, v: &View) -> Option<String> {
    let r = &e.report;
    if r.no_fit.is_some() || r.engine_detail.is_some() || r.serving.is_some() {
        return None;
    }
    let serve_all = cards::serve_all(e).map_or_else(String::new, |c| {
        format!(r#" <button type="button" class="kvs-link-button" data-testid="first-use-all-users">Serve all {} users</button>"#, fmt_count(c))
    });
    let cards_html: String = cards::all(r, e.scenario.out_tokens, v.binary).iter().map(|c| card_html(c, false)).collect();
    let rows: String = cards::THROUGHPUT_ROWS
        .iter()
        .map(|(label, f)| format!(r#"<div class="kvs-kv"><dt>{}</dt><dd class="kvs-num-text">{}</dd></div>"#, esc(label), esc(&f(r))))
        .collect();
    Some(format!(
        r#"<section class="kvs-results" aria-label="Results"><p class="kvs-context-line" data-testid="first-context-line">{}</p><div class="kvs-status" role="status"><p class="kvs-fits">{}{serve_all}</p></div><div class="kvs-cards">{cards_html}</div><article class="kvs-card kvs-card-wide" data-testid="first-metric-throughput"><h3 class="kvs-card-title">Session throughput</h3><p class="kvs-card-bound">{}</p><dl class="kvs-kvs">{rows}</dl><p class="kvs-note">{}</p><p class="kvs-note kvs-num-text kvs-reserve3">{}</p><p class="kvs-note kvs-reserve3">{}</p><p class="kvs-note">{}</p><details class="kvs-math"><summary class="kvs-math-head">{}</summary></details></article></section>"#,
        esc(&cards::context_line(e.scenario.ctx_tokens, v.binary)),
        esc(&cards::fits_text(e)),
        esc(&cards::throughput_bound(r)),
        esc(&costmodel::serving::ttft_explanation(r)),
        esc(&cards::cycle_line(r)),
        esc(cards::price_note(r)),
        esc(&costmodel::summary::ttft_why(e).unwrap_or_default()),
        cards::MATH_HEAD,
    ))
}

/// The sweep section without its drawing: heading, the controls (live only once the app has
/// loaded; the loader carries a changed choice over), the canvas and the texts under it.
fn sweep_section_html(d: &ChartData) -> String {
    let ChartData { v, series, highlight, main, .. } = *d;
    let points = main.points.len();
    let controls = [
        select_html("input-x", "x axis", &SweepInput::ALL, SweepInput::key, SweepInput::label, Some(v.x), None),
        select_html("input-y", "y axis", &Metric::ALL, Metric::key, Metric::label, Some(v.y), None),
        select_html("input-series", "Series by", &SweepInput::ALL, SweepInput::key, SweepInput::label, None, Some("nothing (one line)")),
        r#"<div class="kvs-field kvs-pin-field"><span class="kvs-label">Compare</span><button type="button" class="kvs-button" data-testid="first-pin-chart">Pin this scenario</button></div>"#.to_owned(),
    ]
    .concat();
    format!(
        r#"<section class="kvs-sweep" aria-label="Sweep chart"><h2 class="kvs-h2">How it scales</h2><div class="kvs-controls">{controls}</div><div class="kvs-chart-box"><canvas class="kvs-canvas kvs-canvas-sweep" data-testid="first-sweep-chart" role="img" aria-label="{}"></canvas></div><p class="kvs-readout" data-testid="first-sweep-readout" aria-live="polite">{}</p><p class="kvs-note">{}</p><p class="kvs-note">{}</p></section>"#,
        esc(&aria_label(v.x, v.y)),
        esc(&readout_text(series, highlight, v.x, v.y)),
        esc(&markers_text(main, v.x)),
        esc(&series_note(series.len(), points, v.x)),
    )
}

/// The texts of a painted sweep section for new data (what `sweep_section_html` writes).
fn update_sweep_section(section: &Element, d: &ChartData) {
    let ChartData { v, series, highlight, main, .. } = *d;
    let set = |sel: &str, text: &str| {
        if let Some(el) = section.query_selector(sel).ok().flatten() {
            if el.text_content().as_deref() != Some(text) {
                el.set_text_content(Some(text));
            }
        }
    };
    set(".kvs-readout", &readout_text(series, highlight, v.x, v.y));
    set(".kvs-readout + .kvs-note", &markers_text(main, v.x));
    set(".kvs-readout + .kvs-note + .kvs-note", &series_note(series.len(), main.points.len(), v.x));
}

/// What the sweep chart draws: the scenario's line, its own point, the regime markers.
struct ChartData<'a> {
    e: &'a Evaluated,
    v: &'a View,
    series: &'a [Series],
    highlight: Option<(usize, usize)>,
    main: &'a costmodel::sweep::Sweep,
}

thread_local! {
    /// The sweep canvas's box (CSS pixels) when it was first drawn: a live widget's redraws
    /// reuse it instead of forcing a layout to read it again (its width changes only with the
    /// window's, and a width change loads the app).
    static CANVAS_BOX: std::cell::Cell<Option<(f64, f64)>> = const { std::cell::Cell::new(None) };
}

/// Draws the sweep chart into `canvas` as `SweepPanel` does, with the app's backend
/// (`FastCanvas`): the same calls, so the same pixels.
fn draw_chart(window: &Window, canvas: HtmlCanvasElement, d: &ChartData, dark: bool) -> bool {
    let ChartData { e, v, series, highlight, main } = *d;
    let dpr = Some(window.device_pixel_ratio()).filter(|d| d.is_finite() && *d > 0.0).unwrap_or(1.0);
    let (css_w, css_h) = CANVAS_BOX.with(|b| {
        b.get().unwrap_or_else(|| {
            let rect = canvas.get_bounding_client_rect();
            (rect.width(), rect.height())
        })
    });
    let (w, h) = ((css_w * dpr).round(), (css_h * dpr).round());
    if !(w >= 1.0 && h >= 1.0) {
        return false;
    }
    CANVAS_BOX.with(|b| b.set(Some((css_w, css_h))));
    // Set only when it differs: setting a canvas's size clears and reallocates it.
    if canvas.width() != w as u32 {
        canvas.set_width(w as u32);
    }
    if canvas.height() != h as u32 {
        canvas.set_height(h as u32);
    }
    // The app's text measurer (canvas measureText, once per text): same widths, same pixels.
    crate::components::install_text_measurer();
    let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else {
        return false;
    };
    let area = crate::components::FastCanvas::with_context(canvas, context).into_drawing_area();
    let style = if dark { ChartStyle::dark() } else { ChartStyle::light() }.scaled(dpr);
    let title = if css_w < NARROW_PX { short_title(&e.scenario, v.x) } else { sweep_title(e, v.x) };
    let marks = charts::sweep_markers(main);
    let chart = SweepChart::of(&title, v.x, v.y, (crate::state::x_range(v.x).2, wants_log_y(series)), series, &marks, highlight);
    // `present` strokes the lines the backend batched.
    draw_sweep(&area, &chart, &style).is_ok() && area.present().is_ok()
}

/// Whether the charts are drawn dark: the link's `theme=`, else (the page only) the reader's
/// saved choice, else the system's, as `app::apply_theme` decides.
fn is_dark(window: &Window, doc: &Document, v: &View) -> bool {
    let theme = match v.embed.theme {
        Theme::Auto if !v.embed.on => crate::app::saved_theme().unwrap_or(Theme::Auto),
        t => t,
    };
    match theme {
        Theme::Auto => window.match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches()),
        t => {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("data-kvs-theme", t.key());
            }
            t == Theme::Dark
        }
    }
}


/// Records what the first stage did for the loader and the benchmarks.
fn report(window: &Window, painted: bool, lazy: Lazy) {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &JsValue::from_str("painted"), &JsValue::from_bool(painted));
    let _ = js_sys::Reflect::set(&o, &JsValue::from_str("lazy"), &JsValue::from_bool(lazy != Lazy::No));
    let _ = js_sys::Reflect::set(&o, &JsValue::from_str("live"), &JsValue::from_bool(lazy == Lazy::Live));
    let target: &JsValue = window.as_ref();
    let _ = js_sys::Reflect::set(target, &JsValue::from_str("__kvs_first"), &o);
    if painted {
        let now = window.performance().map(|p| p.now()).unwrap_or(0.0);
        // Not `__kvs_first_chart_ms`: that one is the app's (tests wait on it for the app).
        let _ = js_sys::Reflect::set(target, &JsValue::from_str("__kvs_first_stage_ms"), &JsValue::from_f64(now));
    }
}

fn canvas_in(root: &Element) -> Option<HtmlCanvasElement> {
    root.query_selector("canvas").ok().flatten()?.dyn_into::<HtmlCanvasElement>().ok()
}

/// Whether the app may wait for the reader's first touch.
#[derive(Clone, Copy, PartialEq)]
enum Lazy {
    /// The page: the app loads at once.
    No,
    /// A widget without controls: nothing changes until the reader touches it.
    Untouched,
    /// A widget whose controls the first stage answers (`first_live`).
    Live,
}

/// Paints what it can; always leaves `window.__kvs_first` for the loader.
pub fn run() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let painted = paint(&window);
    report(&window, painted.is_some(), painted.unwrap_or(Lazy::No));
}

/// How it painted, when it did.
fn paint(window: &Window) -> Option<Lazy> {
    let doc = window.document()?;
    let search = window.location().search().unwrap_or_default();
    let (scenario, url_warnings, extras) = costmodel::url::from_query_with(&search, VIEW_KEYS);
    let (v, view_warnings) = parse_view(&extras);
    if !url_warnings.is_empty() || !view_warnings.is_empty() || scenario.hf.is_some() || v.series.is_some() || !v.pins.is_empty() {
        return None;
    }
    if v.embed.on && !matches!(v.embed.show, Show::Sweep | Show::Cards) {
        return None;
    }
    let e = costmodel::evaluate_scenario(scenario, Vec::new());
    if !e.report.warnings.is_empty() {
        return None;
    }
    let dark = is_dark(window, &doc, &v);
    if v.embed.on {
        let controls = if v.embed.controls.is_empty() { String::new() } else { widget_controls_html(&e.scenario, &v.embed.controls)? };
        let host = doc.query_selector(".kvs-shell-widget").ok().flatten()?;
        host.set_inner_html(&format!(
            r#"<div class="kvs-widget" data-testid="first-widget" data-show="{}">{controls}<div class="kvs-widget-body"></div><p class="kvs-widget-foot"><span class="kvs-widget-desc" data-testid="first-widget-desc"></span> <span class="kvs-widget-actions"><button type="button" class="kvs-link-button" data-testid="first-widget-copy-link">Copy link</button> · <a class="kvs-widget-open" data-testid="first-open-in-kvscope" target="_blank" rel="noopener">Open in KV Scope ↗</a></span></p></div>"#,
            v.embed.show.key(),
        ));
        let _ = host.class_list().add_1("kvs-first-painted");
        if !paint_widget_body(window, &host, &e, &v, dark, &crate::share::describe(&e)) {
            return None;
        }
        let height = host.get_bounding_client_rect().height().ceil();
        if let Some(root) = host.first_element_child() {
            let _ = root.set_attribute("data-reported-height", &height.to_string());
        }
        crate::widget::post_height(&v.embed.eid, height);
        if v.embed.controls.is_empty() {
            return Some(Lazy::Untouched);
        }
        crate::first_live::start(window, &host, e.scenario, v, dark, height);
        return Some(Lazy::Live);
    }
    // The app puts the engine's log block and the continuous-batching card under the cards.
    if e.report.engine_detail.is_some() || e.report.serving.is_some() {
        return None;
    }
    let host = doc.get_element_by_id("kvs-first-results")?;
    let (main, series, highlight) = sweep_of(&e, &v);
    let data = ChartData { e: &e, v: &v, series: &series, highlight, main: &main };
    let section = sweep_section_html(&data);
    let cards: String = cards::all(&e.report, e.scenario.out_tokens, v.binary).iter().map(|c| card_html(c, e.report.no_fit.is_some())).collect();
    host.set_inner_html(&format!(r#"<section class="kvs-results" aria-label="Results"><div class="kvs-cards">{cards}</div></section>{section}"#));
    if let Some(h) = doc.query_selector(".kvs-shell-app .kvs-headline").ok().flatten() {
        h.set_text_content(Some(&costmodel::summary::headline(&e)));
        let _ = h.class_list().add_1("kvs-first-painted");
    }
    if !draw_chart(window, canvas_in(&host)?, &data, dark) {
        return None;
    }
    Some(Lazy::No)
}

/// The sweep chart's data for `e`: the main sweep, its one series, the scenario's point.
fn sweep_of(e: &Evaluated, v: &View) -> (costmodel::sweep::Sweep, Vec<Series>, Option<(usize, usize)>) {
    let (main, exact, idx) = crate::sweeps::main_sweep(&e.inputs, &e.report, v.x);
    let series = vec![Series { label: "this scenario".to_owned(), points: exact.points.iter().map(|p| (p.x, v.y.of(p))).collect() }];
    (main, series, idx.map(|i| (0, i)))
}

/// Paints a widget's body (the sweep section or the results) and its foot's description
/// (`desc`, `share::describe(e)`) and link for `e` into `host`, whose widget frame is already there. False when the first stage
/// does not paint this body (the app shows more) or the chart could not be drawn.
pub(crate) fn paint_widget_body(window: &Window, host: &Element, e: &Evaluated, v: &View, dark: bool, desc: &str) -> bool {
    let Some(body) = host.query_selector(".kvs-widget-body").ok().flatten() else {
        return false;
    };
    let painted = if v.embed.show == Show::Cards {
        widget_results_html(e, v).map(|h| body.set_inner_html(&h)).is_some()
    } else {
        let (main, series, highlight) = sweep_of(e, v);
        let data = ChartData { e, v, series: &series, highlight, main: &main };
        // A live widget's change: the section's texts in place, the chart redrawn on its
        // canvas (a new section per input made a new canvas, parsed and committed anew).
        match body.query_selector(".kvs-sweep").ok().flatten() {
            Some(section) => update_sweep_section(&section, &data),
            None => body.set_inner_html(&sweep_section_html(&data)),
        }
        canvas_in(&body).is_some_and(|c| draw_chart(window, c, &data, dark))
    };
    if let Some(d) = host.query_selector(".kvs-widget-desc").ok().flatten() {
        d.set_text_content(Some(desc));
    }
    if let Some(a) = host.query_selector(".kvs-widget-open").ok().flatten() {
        let _ = a.set_attribute("href", &format!("{}?{}", crate::url::page_base(), crate::state::app_query(&e.scenario, v)));
    }
    painted
}

//! A widget the first stage keeps live (issue 12): the controls of a `?embed=1` widget that the
//! first stage draws (`first::FIRST_STAGE_CONTROLS`: the context slider and field, the numeric
//! fields, the efficiency mode) answer in the first stage itself, so a widget that is only read
//! and tuned never downloads the app (≈400 KB gzip -9 against ≈149 KB for the first stage, its page and stylesheet).
//!
//! It does what the app's widget does on the same input, with the same code: the field's parser
//! (`FieldSpec::parse`, its message under the field when refused, the rest of the state left
//! alone), the log slider's steps (`log_value`, `log_position`), the same evaluation, texts and
//! chart as the first paint, the link kept in step (`history.replaceState` after the input
//! settles, as `url::sync_url`), the title, and the height posted to the host page.
//!
//! The app is still one interaction away: anything outside these controls (the chart, its axis
//! selects, "Copy link", a resize) makes the loader in `index.html` fetch it, and it mounts at
//! the link the first stage kept, the reader's last entries carried over. When a change needs
//! what only the app shows (a warning, a cards view that does not fit), the first stage asks
//! the loader for the app (`window.__kvs_app`) and paints what it still can meanwhile.

use std::cell::RefCell;

use costmodel::Scenario;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, Window};

use crate::components::{log_slider_value, log_value};
use crate::format::input_text;
use crate::panels::workload::{ctx_value_text, CTX_SLIDER_MAX, CTX_SLIDER_MIN};
use crate::state::View;

/// Milliseconds after the last change before the link is rewritten (the app's `sync_url`
/// waits as long: one `replaceState` per settled state, not one per slider step).
const URL_WRITE_DELAY_MS: i32 = crate::url::URL_WRITE_DELAY_MS as i32;

/// What the live widget keeps between inputs.
struct Live {
    window: Window,
    /// The first stage's widget host (`.kvs-shell-widget`).
    host: Element,
    scenario: Scenario,
    view: View,
    dark: bool,
    /// The height last posted to the host page.
    height: f64,
    /// The description of the scenario painted last (the title's text).
    desc: String,
    /// The pending link write (a `setTimeout` handle).
    url_timer: Option<i32>,
    /// Writes the link and the title (one closure for every timer).
    write: Closure<dyn Fn()>,
}

thread_local! {
    static LIVE: RefCell<Option<Live>> = const { RefCell::new(None) };
}

/// Makes the painted widget in `host` live. Its listeners live as long as the page (the app
/// replaces the host's content, and with it every element they act on).
pub(crate) fn start(window: &Window, host: &Element, scenario: Scenario, view: View, dark: bool, height: f64) {
    let on_event = Closure::<dyn Fn(web_sys::Event)>::new(on_event);
    for kind in ["input", "change", "keydown"] {
        let _ = host.add_event_listener_with_callback(kind, on_event.as_ref().unchecked_ref());
    }
    on_event.forget();
    let write = Closure::<dyn Fn()>::new(write_link);
    LIVE.with(|l| {
        *l.borrow_mut() = Some(Live { window: window.clone(), host: host.clone(), scenario, view, dark, height, desc: String::new(), url_timer: None, write });
    });
}

/// One input, change or key press inside the widget.
fn on_event(ev: web_sys::Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if target.closest(".kvs-widget-controls").ok().flatten().is_none() {
        return;
    }
    let id = target.id();
    let kind = ev.type_();
    LIVE.with(|l| {
        let mut guard = l.borrow_mut();
        let Some(live) = guard.as_mut() else {
            return;
        };
        let changed = match (kind.as_str(), id.as_str()) {
            ("input", "input-ctx-slider") => target.dyn_ref::<HtmlInputElement>().is_some_and(|el| slide(live, el)),
            ("change", "input-mode") => target.dyn_ref::<HtmlSelectElement>().is_some_and(|el| {
                let mode = if el.value() == costmodel::Mode::Realistic.as_str() { costmodel::Mode::Realistic } else { costmodel::Mode::Peak };
                let changed = live.scenario.mode != mode;
                live.scenario.mode = mode;
                changed
            }),
            ("change" | "keydown", _) => {
                let enter = ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Enter");
                match (target.dyn_ref::<HtmlInputElement>(), id.strip_prefix("input-")) {
                    (Some(el), Some(key)) if (kind == "change" || enter) && el.class_list().contains("kvs-num") => commit(live, key, el),
                    _ => false,
                }
            }
            _ => false,
        };
        if changed {
            repaint(live);
        }
    });
}

/// The context slider moved: the context follows it, and the field shows the new value.
fn slide(live: &mut Live, slider: &HtmlInputElement) -> bool {
    let Some(pos) = costmodel::units::parse_f64(&slider.value()) else {
        return false;
    };
    let ctx = log_value(pos, CTX_SLIDER_MIN, CTX_SLIDER_MAX);
    if ctx == live.scenario.ctx_tokens {
        return false;
    }
    live.scenario.ctx_tokens = ctx;
    show_ctx(live, ctx);
    // A change from elsewhere clears the field's old complaint (as `NumberField` does).
    show_error(live, "ctx", None);
    true
}

/// Writes the context into its field and its slider, as the app's controls show it.
fn show_ctx(live: &Live, ctx: f64) {
    let doc = live.window.document();
    let by_id = |id: &str| doc.as_ref().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    if let Some(field) = by_id("input-ctx") {
        field.set_value(&input_text(ctx));
    }
    if let Some(slider) = by_id("input-ctx-slider") {
        slider.set_value(&log_slider_value(ctx, CTX_SLIDER_MIN, CTX_SLIDER_MAX));
        let _ = slider.set_attribute("aria-valuetext", &ctx_value_text(ctx));
    }
}

/// A field's entry (on change or Enter): applied when its parser accepts it, written back in
/// canonical form; otherwise the parser's message under the field and the scenario unchanged.
fn commit(live: &mut Live, key: &str, field: &HtmlInputElement) -> bool {
    let Some(spec) = costmodel::scenario::field_by_key(key) else {
        return false;
    };
    match spec.parse(&field.value()) {
        Ok(v) => {
            show_error(live, key, None);
            field.set_value(&input_text(v));
            let changed = live.scenario.get(key) != Some(v);
            live.scenario.set(key, v);
            if key == "ctx" {
                show_ctx(live, v);
            }
            changed
        }
        Err(e) => {
            show_error(live, key, Some(&e.message));
            false
        }
    }
}

/// Shows (or clears) a field's complaint as `NumberField` does: the message, the field marked
/// bad, `aria-invalid`.
fn show_error(live: &Live, key: &str, message: Option<&str>) {
    let Some(doc) = live.window.document() else {
        return;
    };
    if let Some(p) = doc.get_element_by_id(&format!("input-{key}-error")) {
        p.set_text_content(Some(message.unwrap_or_default()));
    }
    if let Some(input) = doc.get_element_by_id(&format!("input-{key}")) {
        let _ = input.set_attribute("aria-invalid", if message.is_some() { "true" } else { "false" });
        if let Some(field) = input.closest(".kvs-field").ok().flatten() {
            let _ = field.class_list().toggle_with_force("kvs-field-bad", message.is_some());
        }
    }
}

/// Paints the widget's body and foot for the new scenario, schedules the link's rewrite (and
/// the height's), and asks for the app when the app would show more.
fn repaint(live: &mut Live) {
    let e = costmodel::evaluate_scenario(live.scenario.clone(), Vec::new());
    // The app lists warnings above the widget: it is asked for, and meanwhile the rest is painted.
    live.desc = crate::share::describe(&e);
    let painted = crate::first::paint_widget_body(&live.window, &live.host, &e, &live.view, live.dark, &live.desc) && e.report.warnings.is_empty();
    if let Some(t) = live.url_timer.take() {
        live.window.clear_timeout_with_handle(t);
    }
    if !painted {
        // The link first: the app mounts at the scenario the reader has reached.
        write_now(live);
        let app = js_sys::Reflect::get(live.window.as_ref(), &JsValue::from_str("__kvs_app")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(app) = app {
            let _ = app.call0(&JsValue::UNDEFINED);
        }
        return;
    }
    live.url_timer = live.window.set_timeout_with_callback_and_timeout_and_arguments_0(live.write.as_ref().unchecked_ref(), URL_WRITE_DELAY_MS).ok();
}

/// The timer's end: the link, the title and the height follow the scenario.
fn write_link() {
    LIVE.with(|l| {
        if let Ok(mut guard) = l.try_borrow_mut() {
            if let Some(live) = guard.as_mut() {
                live.url_timer = None;
                write_now(live);
            }
        }
    });
}

/// The link, the title, and the height when it changed (read here, once the input has
/// settled, not per input: reading it forces a layout).
fn write_now(live: &mut Live) {
    crate::url::replace_query(&crate::state::full_query(&live.scenario, &live.view));
    crate::share::write_title(&live.desc);
    let height = live.host.get_bounding_client_rect().height().ceil();
    if height > 0.0 && height != live.height {
        live.height = height;
        if let Some(root) = live.host.first_element_child() {
            let _ = root.set_attribute("data-reported-height", &height.to_string());
        }
        crate::widget::post_height(&live.view.embed.eid, height);
    }
}

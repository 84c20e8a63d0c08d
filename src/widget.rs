//! Widget mode (`?embed=1`): a second root in the same crate (style rule 18). It reads the
//! same URL codec, shows one chart or the metric cards (`show=`), the few controls named in
//! `controls=`, and a link to the full app; it reports its height to the host page with
//! `postMessage({type: 'kvscope:height', id, height}, '*')`, `id` being the `eid` key.
//!
//! Inside a sandboxed cross-origin iframe, history, clipboard and storage may be refused:
//! every such call goes through a `Result` and only logs a warning.

use costmodel::compression::Axis;
use costmodel::Mode;
use leptos::prelude::*;
use crate::erased::RwSignal;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::{SearchSelect, WarningsList};
use crate::panels::compression::AxisEditor;
use crate::panels::editor::{hardware_options, model_options, select_hw, select_model};
use crate::panels::fields::plain_field;
use crate::panels::workload::ctx_control;
use crate::panels::{CheapPanel, MemoryPanel, Results, SweepPanel, TimelinePanel};
use crate::share::{copy_text, describe, sync_title, Copied};
use crate::state::{app_query, AppState, Show};
use crate::sweeps::SweepMemos;

/// The `type` of the height message.
pub const HEIGHT_MESSAGE: &str = "kvscope:height";

/// Posts `{type, id, height}` to the parent window (nothing when not framed).
pub fn post_height(eid: &str, height: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let parent = match window.parent() {
        Ok(Some(p)) => p,
        _ => return,
    };
    if JsValue::from(parent.clone()) == JsValue::from(window) {
        return;
    }
    let msg = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&msg, &JsValue::from_str(k), &v).is_ok();
    let ok = set("type", JsValue::from_str(HEIGHT_MESSAGE)) && set("id", JsValue::from_str(eid)) && set("height", JsValue::from_f64(height));
    if !ok {
        return;
    }
    if let Err(e) = parent.post_message(&msg, "*") {
        leptos::logging::warn!("could not post the widget height ({e:?})");
    }
}

/// Watches the widget root's size and posts its height whenever it changes (whole pixels).
fn report_heights(root: NodeRef<leptos::html::Div>, eid: String) {
    crate::erased::effect(move || {
        let Some(el) = root.get() else {
            return;
        };
        let el: web_sys::Element = el.into();
        let last = std::rc::Rc::new(std::cell::Cell::new(-1.0f64));
        let measure = {
            let el = el.clone();
            let eid = eid.clone();
            move || {
                let h = el.get_bounding_client_rect().height().ceil();
                if h > 0.0 && h != last.get() {
                    last.set(h);
                    let _ = el.set_attribute("data-reported-height", &h.to_string());
                    post_height(&eid, h);
                }
            }
        };
        measure();
        let m = measure.clone();
        let cb = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| m());
        match web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            Ok(obs) => {
                obs.observe(&el);
                // Both live as long as the widget (one per page).
                cb.forget();
                std::mem::forget(obs);
            }
            Err(e) => {
                leptos::logging::warn!("no ResizeObserver ({e:?}); the height is posted once more after load");
                set_timeout(measure, std::time::Duration::from_millis(500));
            }
        }
    });
}

/// One control of the widget, by its `controls=` name.
fn control(state: AppState, key: &'static str) -> AnyView {
    let scenario = state.scenario;
    match key {
        "model" => {
            let value = scenario.select(move |s| s.model.clone());
            let on_change = Callback::new(move |id: String| select_model(state, id));
            view! { <div class="kvs-widget-control"><SearchSelect id="input-model" label="Model".to_owned() options=model_options() value=value on_change=on_change source_group="models" /></div> }.into_any()
        }
        "hw" => {
            let value = scenario.select(move |s| s.hw.clone());
            let on_change = Callback::new(move |id: String| select_hw(state, id));
            view! { <div class="kvs-widget-control"><SearchSelect id="input-hw" label="Accelerator".to_owned() options=hardware_options() value=value on_change=on_change source_group="hardware" /></div> }.into_any()
        }
        "mode" => {
            let mode = scenario.select(move |s| s.mode);
            let on_change = move |ev: web_sys::Event| {
                let m = if event_target_value(&ev) == Mode::Realistic.as_str() { Mode::Realistic } else { Mode::Peak };
                scenario.update(|s| s.mode = m);
            };
            view! {
                <div class="kvs-widget-control">
                    <label class="kvs-label" for="input-mode">"Efficiency"</label>
                    <select id="input-mode" on:change=on_change>
                        <option value="peak" selected=move || mode.get() == Mode::Peak>"peak (datasheet)"</option>
                        <option value="realistic" selected=move || mode.get() == Mode::Realistic>"realistic"</option>
                    </select>
                </div>
            }
            .into_any()
        }
        "ctx" => view! { <div class="kvs-widget-control kvs-widget-ctx">{ctx_control(state)}</div> }.into_any(),
        k => match Axis::ALL.iter().position(|a| a.key() == k) {
            Some(i) => view! { <div class="kvs-widget-control"><AxisEditor axis=Axis::ALL[i] index=i /></div> }.into_any(),
            None => view! { <div class="kvs-widget-control">{plain_field(state, k)}</div> }.into_any(),
        },
    }
}

/// The widget root.
#[component]
pub fn Widget() -> impl IntoView {
    let state = AppState::from_query(&crate::url::read_search());
    provide_context(state);
    crate::app::apply_theme(state);
    crate::url::sync_url(state);
    sync_title(state);
    let (scenario, view, evaluated) = (state.scenario, state.view, state.evaluated);
    let memos = SweepMemos::new(state);
    let warnings = crate::erased::memo(move || evaluated.with(|e| e.report.warnings.clone()));
    let (show, controls, eid) = view.with_untracked(|v| (v.embed.show, v.embed.controls.clone(), v.embed.eid.clone()));
    let base = crate::url::page_base();
    let open = crate::erased::memo(move || format!("{base}?{}", scenario.with(|s| view.with(|v| app_query(s, v)))));
    let desc = crate::erased::memo(move || evaluated.with(describe));
    let root = NodeRef::<leptos::html::Div>::new();
    report_heights(root, eid);
    let status = RwSignal::new(String::new());
    let fallback = RwSignal::new(false);
    let copy = move |_| {
        // Show the field first so that the fallback can select it.
        fallback.set(true);
        copy_text(open.get_untracked(), "kvs-widget-link", move |c| {
            let _ = status.try_set(match c {
                Copied::Yes => "Link copied.".to_owned(),
                Copied::Selected => "Copying was refused here: the link is selected, press Ctrl+C (⌘C on a Mac).".to_owned(),
            });
        });
    };
    let body = match show {
        Show::Cards => view! { <Results /> }.into_any(),
        Show::Sweep => view! { <SweepPanel memos=memos /> }.into_any(),
        Show::Memory => view! { <MemoryPanel /> }.into_any(),
        Show::Timeline => view! { <TimelinePanel /> }.into_any(),
        Show::Cheap => view! { <CheapPanel /> }.into_any(),
    };
    view! {
        <div class="kvs-widget" data-testid="widget" data-show=show.key() node_ref=root>
            <WarningsList warnings=warnings />
            {(!controls.is_empty()).then(|| view! {
                // A group, not a <form>: Enter in a field would be an implicit submission, which a
                // sandbox without allow-forms blocks with a console error.
                <div class="kvs-widget-controls" role="group" aria-label="Scenario">
                    {controls.iter().map(|&c| control(state, c)).collect_view()}
                </div>
            })}
            <div class="kvs-widget-body">{body}</div>
            <p class="kvs-widget-foot">
                <span class="kvs-widget-desc" data-testid="widget-desc">{move || desc.get()}</span>
                " "
                <span class="kvs-widget-actions">
                    <button type="button" class="kvs-link-button" data-testid="widget-copy-link" on:click=copy>"Copy link"</button>
                    " · "
                    <a class="kvs-widget-open" data-testid="open-in-kvscope" href=move || open.get() target="_blank" rel="noopener">"Open in KV Scope ↗"</a>
                </span>
            </p>
            <div class="kvs-widget-copy" hidden=move || !fallback.get()>
                <input id="kvs-widget-link" data-testid="widget-link" class="kvs-share-field" type="text" readonly aria-label="Link to this view" prop:value=move || open.get() />
                <p class="kvs-note" data-testid="widget-copy-status" role="status">{move || status.get()}</p>
            </div>
        </div>
    }
}

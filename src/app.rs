//! The page: header and intro, the editor column, the results column (cards, memory, sweep,
//! tabs), and the footer.

use leptos::prelude::*;
use crate::erased::{RwSignal, show};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::WarningsList;
use crate::panels::{pinned, CheapPanel, ComparePanel, DeploymentPanel, Editor, ExportPanel, FitStatus, MemoryPanel, PaperPanel, Results, SessionCard, SweepPanel, TimelinePanel};
use crate::deferred::Deferred;
use crate::share::SharePanel;
use crate::state::{AppState, Panel, Theme};
use crate::sweeps::SweepMemos;

/// Follows `prefers-color-scheme` into `state.dark` (charts pick their palette from it; the
/// CSS follows the media query by itself).
fn follow_color_scheme(state: AppState) {
    let Some(mql) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else {
        return;
    };
    state.dark.set(mql.matches());
    let dark = state.dark;
    let view = state.view;
    let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| {
        // Only while the theme follows the system (the switch may have forced one since).
        if view.try_with_untracked(|v| v.embed.theme == Theme::Auto).unwrap_or(true) {
            let _ = dark.try_set(ev.matches());
        }
    });
    if mql.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref()).is_ok() {
        // Lives as long as the page (one listener per mounted app).
        on_change.forget();
    }
}

/// Applies `theme=`: `auto` follows the system; `light`/`dark` set `data-kvs-theme` on the
/// root element (the CSS forces that palette) and the charts' palette.
pub(crate) fn apply_theme(state: AppState) {
    let theme = state.view.with_untracked(|v| v.embed.theme);
    let forced = match theme {
        Theme::Auto => return follow_color_scheme(state),
        Theme::Light => false,
        Theme::Dark => true,
    };
    state.dark.set(forced);
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-kvs-theme", theme.key());
    }
}

// ux (issue 11): the theme switch. `theme=` in the link wins; otherwise the reader's last
// choice (localStorage `kvs-theme`, refused storage only logs) is used.
const THEME_STORAGE_KEY: &str = "kvs-theme";

/// `localStorage.<method>(args…)` through Reflect (a sandboxed frame may throw on any of it;
/// no web-sys feature needed). `None` on any refusal.
fn storage_call(method: &str, args: &[&str]) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsValue;
    let window: JsValue = web_sys::window()?.into();
    let store = js_sys::Reflect::get(&window, &JsValue::from_str("localStorage")).ok().filter(|s| !s.is_null() && !s.is_undefined())?;
    let f: js_sys::Function = js_sys::Reflect::get(&store, &JsValue::from_str(method)).ok()?.dyn_into().ok()?;
    let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    match f.apply(&store, &args) {
        Ok(v) => Some(v),
        Err(e) => {
            leptos::logging::warn!("localStorage.{method} refused ({e:?})");
            None
        }
    }
}

/// The remembered theme, when the link names none.
fn remembered_theme(state: AppState) {
    if state.view.with_untracked(|v| v.embed.theme != Theme::Auto) {
        return;
    }
    if let Some(theme) = saved_theme() {
        state.view.update_untracked(|v| v.embed.theme = theme);
    }
}

/// The theme the reader chose on an earlier visit (localStorage), if any; the first stage
/// (src/first.rs) reads it the same way.
/// A plain read (no log when refused: a sandboxed frame has no storage, and it is the same
/// answer as "nothing saved"), light enough for the first stage's 150 KB budget.
pub(crate) fn saved_theme() -> Option<Theme> {
    use wasm_bindgen::JsValue;
    let window: JsValue = web_sys::window()?.into();
    let store = js_sys::Reflect::get(&window, &JsValue::from_str("localStorage")).ok().filter(|s| !s.is_null() && !s.is_undefined())?;
    let get: js_sys::Function = js_sys::Reflect::get(&store, &JsValue::from_str("getItem")).ok()?.dyn_into().ok()?;
    match get.call1(&store, &JsValue::from_str(THEME_STORAGE_KEY)).ok()?.as_string().as_deref() {
        Some("light") => Some(Theme::Light),
        Some("dark") => Some(Theme::Dark),
        _ => None,
    }
}

/// Sets the theme now: the root's `data-kvs-theme`, the charts' palette, the link, storage.
fn set_theme(state: AppState, theme: Theme) {
    state.view.update(|v| v.embed.theme = theme);
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    match theme {
        Theme::Auto => {
            if let Some(r) = &root {
                let _ = r.remove_attribute("data-kvs-theme");
            }
            let dark = web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .is_some_and(|m| m.matches());
            state.dark.set(dark);
        }
        Theme::Light | Theme::Dark => {
            if let Some(r) = &root {
                let _ = r.set_attribute("data-kvs-theme", theme.key());
            }
            state.dark.set(theme == Theme::Dark);
        }
    }
    let _ = if theme == Theme::Auto {
        storage_call("removeItem", &[THEME_STORAGE_KEY])
    } else {
        storage_call("setItem", &[THEME_STORAGE_KEY, theme.key()])
    };
}

/// Light / dark / system, remembered.
#[component]
fn ThemeSwitch() -> impl IntoView {
    let state = crate::state::use_app();
    let theme = crate::erased::memo(move || state.view.with(|v| v.embed.theme));
    let on_change = move |ev: leptos::ev::Event| {
        let t = match event_target_value(&ev).as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        };
        set_theme(state, t);
    };
    view! {
        <label class="kvs-theme-switch">
            <span class="kvs-visually-hidden">"Colour theme"</span>
            <select id="input-theme" data-testid="theme-switch" on:change=on_change>
                <option value="auto" selected=move || theme.get() == Theme::Auto>"◐ System theme"</option>
                <option value="light" selected=move || theme.get() == Theme::Light>"☀ Light"</option>
                <option value="dark" selected=move || theme.get() == Theme::Dark>"☾ Dark"</option>
            </select>
        </label>
    }
}

/// Closes the phone's scenario panel and gives the focus back to the button that opened it.
fn close_editor(open: RwSignal<bool>) {
    open.set(false);
    let toggle = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-testid=editor-toggle]").ok().flatten());
    if let Some(el) = toggle.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Root component of the full-page app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_query(&crate::url::read_search());
    provide_context(state);
    remembered_theme(state);
    apply_theme(state);
    crate::url::sync_url(state);
    crate::share::sync_title(state);
    let memos = SweepMemos::new(state);
    let pins = pinned(state);
    let evaluated = state.evaluated;
    let warnings = crate::erased::memo(move || evaluated.with(|e| e.report.warnings.clone()));
    let has_url_warnings = crate::erased::memo(move || state.url_warnings.with(|w| !w.is_empty()));
    let dismiss = Callback::new(move |_| state.url_warnings.set(Vec::new()));
    let panel = crate::erased::memo(move || state.view.with(|v| v.panel));
    // ux (issue 11): on a phone the editor is a panel the reader opens (CSS shows it always on
    // a desktop).
    let editor_open = RwSignal::new(false);
    let settled = state.settled;
    let headline_live = crate::erased::memo(move || {
        settled.track();
        evaluated.with_untracked(costmodel::summary::headline)
    });

    view! {
        <div class="kvs-app">
            <header class="kvs-header">
                <div class="kvs-title-row">
                    <h1>"KV Scope"</h1>
                    <p class="kvs-tagline">"What long context costs when you serve an LLM — computed in your browser."</p>
                </div>
                <span class="kvs-title-tools">
                    <a class="kvs-method-link" href="methodology.html" data-testid="methodology-link">"How it is computed"</a>
                    <ThemeSwitch />
                </span>
                <details class="kvs-intro-more">
                    <summary>"What it shows"</summary>
                    <p class="kvs-intro">
                        "Serving a long-context transformer is expensive for one reason: the KV cache. "
                        "Following Yao Fu's analysis, four numbers describe a serving session, each bounded by one resource: "
                        <strong>"concurrency"</strong> " (how many users' caches fit in HBM), "
                        <strong>"prefilling"</strong> " (reading the prompt; GPU FLOP/s), "
                        <strong>"decoding"</strong> " (each token reads the weights and every live cache; HBM bandwidth) and "
                        <strong>"context switching"</strong> " (swapping caches to host memory; the host link). "
                        "Pick a model, an accelerator and a context length; every number and chart follows, "
                        "with its formula one click away."
                    </p>
                </details>
                <SharePanel />
            </header>
            <WarningsList warnings=warnings on_dismiss=dismiss />
            {show(move || has_url_warnings.get(), || view! {
                <p class="kvs-note">"Warnings about the link keep the defaults for the settings they name."</p>
            }.into_any())}
            <div class="kvs-layout">
                <aside class="kvs-col-editor" id="kvs-editor" aria-label="Scenario editor" class:kvs-editor-open=move || editor_open.get()
                    on:keydown=move |ev| if ev.key() == "Escape" && editor_open.get_untracked() { close_editor(editor_open); }>
                    <div class="kvs-editor-head">
                        <h2 class="kvs-h2">"Scenario"</h2>
                        <button type="button" class="kvs-button kvs-editor-close" data-testid="editor-close" on:click=move |_| close_editor(editor_open)>"Show the results"</button>
                    </div>
                    <Editor />
                </aside>
                <main class="kvs-col-results">
                    <p class="kvs-headline" data-testid="headline">{move || evaluated.with(costmodel::summary::headline)}</p>
                    // Screen readers hear the headline once the state settles: a drag would queue
                    // a sentence per step.
                    <p class="kvs-visually-hidden" data-testid="headline-live" aria-live="polite">{move || headline_live.get()}</p>
                    <button type="button" class="kvs-button kvs-editor-toggle" data-testid="editor-toggle"
                        aria-controls="kvs-editor" aria-expanded=move || crate::format::true_false(editor_open.get())
                        on:click=move |_| editor_open.update(|o| *o = !*o)>
                        "Change the scenario (model, hardware, context…)"
                    </button>
                    <Results compact=true />
                    <SweepPanel memos=memos />
                    // Below the chart, each section follows a drag only while on or near the
                    // screen (issue 12: crate::deferred).
                    <Deferred><FitStatus /></Deferred>
                    <Deferred><SessionCard /></Deferred>
                    <Deferred><MemoryPanel /></Deferred>
                    // parallel (issue 13): below the chart, so its height never moves it
                    <Deferred><DeploymentPanel /></Deferred>
                    <Deferred>
                    <section class="kvs-tabs-section" aria-label="More views">
                        <div class="kvs-tabs" role="tablist">
                            {Panel::ALL.iter().map(|&p| view! {
                                <button
                                    type="button"
                                    role="tab"
                                    id=format!("tab-{}", p.key())
                                    class="kvs-tab"
                                    aria-selected=move || crate::format::true_false(panel.get() == p)
                                    aria-controls="kvs-tabpanel"
                                    on:click=move |_| state.view.update(|v| v.panel = p)
                                >
                                    {p.label()}
                                    {(p == Panel::Compare).then(|| view! {
                                        <span class="kvs-badge">{move || { let n = pins.with(Vec::len); if n > 0 { format!(" {n}") } else { String::new() } }}</span>
                                    })}
                                </button>
                            }).collect_view()}
                        </div>
                        <div class="kvs-tabpanel" id="kvs-tabpanel" role="tabpanel" data-testid="tabpanel">
                            {move || match panel.get() {
                                Panel::Timeline => view! { <TimelinePanel /> }.into_any(),
                                Panel::Cheap => view! { <CheapPanel /> }.into_any(),
                                Panel::Compare => view! { <ComparePanel pins=pins /> }.into_any(),
                                Panel::Paper => view! { <PaperPanel /> }.into_any(),
                                Panel::Export => view! { <ExportPanel memos=memos /> }.into_any(),
                                // serving (issue 9)
                                Panel::Load => view! { <crate::panels::LoadPanel /> }.into_any(),
                            }}
                        </div>
                    </section>
                    </Deferred>
                </main>
            </div>
            <footer class="kvs-footer">
                <p>
                    "After Yao Fu, "
                    <a href="https://arxiv.org/abs/2405.08944">"“Challenges in Deploying Long-Context Transformers: A Theoretical Peak Performance Analysis”"</a>
                    " (arXiv 2405.08944, 2024). "
                    "Peak mode assumes 100% of every datasheet figure, so its times are lower bounds: a real deployment is slower. "
                    "Realistic mode uses measured fractions, each with its source. "
                    <a href="methodology.html">"How it is computed"</a>" — every formula, assumption and default with its source."
                </p>
                <p>"Bytes: GB = 10⁹ bytes, GiB = 2³⁰ bytes; the toggle above the memory bar switches every figure. Token counts are exact (4K = 4,000)."</p>
            </footer>
        </div>
    }
}

//! The page: header and intro, the editor column, the results column (cards, memory, sweep,
//! tabs), and the footer.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::WarningsList;
use crate::panels::{pinned, CheapPanel, DeploymentPanel, ComparePanel, Editor, ExportPanel, MemoryPanel, PaperPanel, Results, SweepPanel, TimelinePanel};
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
    let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| {
        let _ = dark.try_set(ev.matches());
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

/// Root component of the full-page app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_query(&crate::url::read_search());
    provide_context(state);
    apply_theme(state);
    crate::url::sync_url(state);
    crate::share::sync_title(state);
    let memos = SweepMemos::new(state);
    let pins = pinned(state);
    let evaluated = state.evaluated;
    let warnings = Memo::new(move |_| evaluated.with(|e| e.report.warnings.clone()));
    let has_url_warnings = Memo::new(move |_| state.url_warnings.with(|w| !w.is_empty()));
    let dismiss = Callback::new(move |_| state.url_warnings.set(Vec::new()));
    let panel = Memo::new(move |_| state.view.with(|v| v.panel));

    view! {
        <div class="kvs-app">
            <header class="kvs-header">
                <h1>"KV Scope"</h1>
                <p class="kvs-tagline">"What long context costs when you serve an LLM — computed in your browser."</p>
                <p class="kvs-intro">
                    "Serving a long-context transformer is expensive for one reason: the KV cache. "
                    "Following Yao Fu's analysis, four numbers describe a serving session, each bounded by one resource: "
                    <strong>"concurrency"</strong> " (how many users' caches fit in HBM), "
                    <strong>"prefilling"</strong> " (reading the prompt; GPU FLOP/s), "
                    <strong>"decoding"</strong> " (each token reads the weights and every live cache; HBM bandwidth) and "
                    <strong>"context switching"</strong> " (swapping caches to host memory; the host link). "
                    "Pick a model, an accelerator and a context length on the left; every number and chart follows, "
                    "with its formula one click away."
                </p>
                <SharePanel />
            </header>
            <WarningsList warnings=warnings on_dismiss=dismiss />
            <Show when=move || has_url_warnings.get()>
                <p class="kvs-note">"Warnings about the link keep the defaults for the settings they name."</p>
            </Show>
            <div class="kvs-layout">
                <aside class="kvs-col-editor" aria-label="Scenario editor">
                    <h2 class="kvs-h2">"Scenario"</h2>
                    <Editor />
                </aside>
                <main class="kvs-col-results">
                    <Results />
                    <MemoryPanel />
                    <SweepPanel memos=memos />
                    // parallel (issue 13): below the chart, so its height never moves it
                    <DeploymentPanel />
                    <section class="kvs-tabs-section" aria-label="More views">
                        <div class="kvs-tabs" role="tablist">
                            {Panel::ALL.iter().map(|&p| view! {
                                <button
                                    type="button"
                                    role="tab"
                                    id=format!("tab-{}", p.key())
                                    class="kvs-tab"
                                    aria-selected=move || if panel.get() == p { "true" } else { "false" }
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
                </main>
            </div>
            <footer class="kvs-footer">
                <p>
                    "After Yao Fu, "
                    <a href="https://arxiv.org/abs/2405.08944">"“Challenges in Deploying Long-Context Transformers: A Theoretical Peak Performance Analysis”"</a>
                    " (arXiv 2405.08944, 2024). "
                    "Peak mode assumes 100% of every datasheet figure, so its times are lower bounds: a real deployment is slower. "
                    "Realistic mode uses measured fractions, each with its source."
                </p>
                <p>"Bytes: GB = 10⁹ bytes, GiB = 2³⁰ bytes; the toggle above the memory bar switches every figure. Token counts are exact (4K = 4,000)."</p>
            </footer>
        </div>
    }
}

//! Sharing: a human-readable description of the scenario (link text, page title, meta
//! description), the link and the iframe snippet, and copying them with a fallback where the
//! clipboard is refused (a sandboxed iframe, an unfocused page, an old browser).
//!
//! Every web API that can throw is reached through `Result`s (`js_sys::Reflect`,
//! `Function::call`), so a refusal degrades to "select the text and press Ctrl+C".

use costmodel::units::fmt_count;
use costmodel::Evaluated;
use leptos::prelude::*;
use crate::erased::RwSignal;
use wasm_bindgen::{JsCast, JsValue};

use crate::format::opt_seconds;
use crate::state::{app_query, widget_query, use_app, AppState, Show};

/// One line a person can read: model, hardware, context, and the two numbers that matter.
///
/// e.g. "Yi-34B on 1× A100 SXM 80GB, 50,000-token context: 1 user fits, decode 9.9 s per 250 tokens".
pub fn describe(e: &Evaluated) -> String {
    let s = &e.scenario;
    let model = if s.custom.is_some() {
        // hf (issue 10, 11): an import by its name.
        s.name.clone().unwrap_or_else(|| "an imported model".to_owned())
    } else {
        costmodel::presets::model_by_id(&s.model).map_or_else(|| s.model.clone(), |m| m.label.to_owned())
    };
    let hw = costmodel::presets::hardware_by_id(&s.hw).map_or_else(|| s.hw.clone(), |h| h.label.to_owned());
    let kv: Vec<String> = s
        .compression
        .iter()
        .filter_map(|a| match a {
            costmodel::scenario::AxisSetting::None => None,
            costmodel::scenario::AxisSetting::Method(id) => Some(id.clone()),
            costmodel::scenario::AxisSetting::Factor(f) => Some(format!("×{}", costmodel::units::fmt_sig(*f))),
        })
        .collect();
    let kv = if kv.is_empty() { String::new() } else { format!(", KV {}", kv.join(" + ")) };
    let r = &e.report;
    let users = if s.users > 1.0 { format!(", {} users", fmt_count(s.users)) } else { String::new() };
    let outcome = if r.no_fit.is_some() {
        "does not fit in memory".to_owned()
    } else {
        let fits = format!("{} {} fit{}", fmt_count(r.concurrency), if r.concurrency == 1.0 { "user" } else { "users" }, if r.concurrency == 1.0 { "s" } else { "" });
        format!("{fits}, decode {} per {} tokens", opt_seconds(r.decode_s), fmt_count(s.out_tokens))
    };
    format!("{model} on {}× {hw}, {}-token context{users}{kv}: {outcome}", s.tp, fmt_count(s.ctx_tokens))
}

/// Writes `document.title` and the description metas for description `d`.
pub(crate) fn write_title(d: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    doc.set_title(&format!("{d} — KV Scope"));
    for (attr, name, value) in [("name", "description", d.to_owned()), ("property", "og:title", format!("KV Scope: {d}")), ("property", "og:description", d.to_owned())] {
        if let Ok(Some(meta)) = doc.query_selector(&format!("meta[{attr}=\"{name}\"]")) {
            let _ = meta.set_attribute("content", &value);
        }
    }
}

/// Keeps `document.title` and the description metas (`description`, `og:title`,
/// `og:description`) in step with the scenario: at once on the first run, then each time the
/// state settles (`AppState::settled`, bumped by `crate::url::sync_url`'s trailing timer, which
/// must run too). Setting `document.title` costs the browser a round trip to its window, so a
/// dragged slider writes it once when the drag stops, not on every input (input2, issue 12),
/// and the page keeps one timer per input for the URL and the title together.
pub fn sync_title(state: AppState) {
    let evaluated = state.evaluated;
    let settled = state.settled;
    crate::erased::effect(move || {
        settled.track();
        if let Some(d) = evaluated.try_with_untracked(describe) {
            write_title(&d);
        }
    });
}

/// What a copy attempt ended in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The clipboard took it.
    Yes,
    /// Refused: the text was selected for Ctrl+C.
    Selected,
}

/// `navigator.clipboard.writeText(text)` as a promise, or None when there is no clipboard
/// API or calling it threw.
fn clipboard_promise(text: &str) -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    if !policy_allows(&window, "clipboard-write") {
        return None;
    }
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if !clipboard.is_object() {
        return None;
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into().ok()?;
    write.call1(&clipboard, &JsValue::from_str(text)).ok()?.dyn_into().ok()
}

/// Whether the document's permissions policy allows `feature` (true when the browser cannot
/// say). Asking first avoids the console error Chromium logs when a framed page calls a
/// clipboard API its host did not delegate.
fn policy_allows(window: &JsValue, feature: &str) -> bool {
    let Ok(document) = js_sys::Reflect::get(window, &"document".into()) else {
        return true;
    };
    for name in ["permissionsPolicy", "featurePolicy"] {
        let Ok(policy) = js_sys::Reflect::get(&document, &name.into()) else {
            continue;
        };
        if !policy.is_object() {
            continue;
        }
        let Ok(allows) = js_sys::Reflect::get(&policy, &"allowsFeature".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else {
            continue;
        };
        return allows.call1(&policy, &JsValue::from_str(feature)).map(|v| v.as_bool() != Some(false)).unwrap_or(true);
    }
    true
}

/// Selects the text of the field with this id (an `<input>` or `<textarea>`) and focuses it.
fn select_field(id: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}

/// Copies `text`; on refusal selects the field `field_id` (which shows the same text) so the
/// reader can press Ctrl+C. `done` gets the outcome.
pub fn copy_text(text: String, field_id: &'static str, done: impl FnOnce(Copied) + 'static) {
    match clipboard_promise(&text) {
        Some(p) => leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(p).await {
                Ok(_) => done(Copied::Yes),
                Err(e) => {
                    leptos::logging::warn!("clipboard refused ({e:?}); selected the text instead");
                    select_field(field_id);
                    done(Copied::Selected);
                }
            }
        }),
        None => {
            select_field(field_id);
            done(Copied::Selected);
        }
    }
}

/// The iframe snippet for a widget at `src`.
///
/// ux (issue 11): `allow="clipboard-write"` delegates the clipboard, so "Copy link" works
/// inside the frame; `allow-same-origin` lets the widget keep its own (cross-origin) origin, so
/// its JavaScript and `.wasm` load on any static host without CORS headers. It is safe here
/// because the widget's origin differs from the host page's (a frame can then reach only its
/// own origin). The strict variant, `sandbox="allow-scripts"` alone, is in the README.
pub fn iframe_snippet(src: &str, title: &str, height: u32) -> String {
    let esc = crate::format::html_escape;
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" style=\"border:0;width:100%\" loading=\"lazy\" \
allow=\"clipboard-write\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>\n\
<script>addEventListener('message', (e) => {{\n  const d = e.data;\n  if (!d || d.type !== 'kvscope:height') return;\n  \
for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = d.height + 'px';\n}});</script>",
        esc(src),
        esc(&format!("KV Scope: {title}"))
    )
}

/// A rough first height for a widget, before it reports its own.
fn initial_height(show: Show, controls: usize) -> u32 {
    let base = match show {
        Show::Cards => 620,
        Show::Sweep => 560,
        Show::Memory => 260,
        Show::Timeline => 360,
        Show::Cheap => 600,
    };
    base + 60 * u32::try_from(controls.div_ceil(3)).unwrap_or(0)
}

/// The share box of the full app: link, link text, embed code, copy buttons.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_app();
    let (scenario, view, evaluated) = (state.scenario, state.view, state.evaluated);
    let base = crate::url::page_base();
    let show = RwSignal::new(Show::Sweep);
    // ux (issue 11): the embed builder picks the view and any of the widget's controls.
    let controls = RwSignal::new(vec!["ctx", "users"]);
    // The link, its text and the embed code of the state as it is now (untracked reads): what
    // the copy buttons copy, so a copy right after a change copies the new state.
    let link_now = {
        let base = base.clone();
        move || format!("{base}?{}", scenario.with_untracked(|s| view.with_untracked(|v| app_query(s, v))))
    };
    let widget_src_now = move || {
        let c = controls.get_untracked();
        format!("{base}?{}", scenario.with_untracked(|s| view.with_untracked(|v| widget_query(s, v, show.get_untracked(), &c, "kvscope-1"))))
    };
    let embed_now = {
        let widget_src_now = widget_src_now.clone();
        move || iframe_snippet(&widget_src_now(), &evaluated.with_untracked(describe), initial_height(show.get_untracked(), controls.with_untracked(Vec::len)))
    };
    // The fields show the same, updated once the state settles (`AppState::settled`, bumped
    // with the URL write) rather than on every input of a drag (input2, issue 12); what the
    // box itself picks (view, controls) applies at once.
    let link = {
        let link_now = link_now.clone();
        crate::erased::memo(move || {
            state.settled.track();
            link_now()
        })
    };
    let text = crate::erased::memo(move || {
        state.settled.track();
        evaluated.with_untracked(describe)
    });
    let widget_src = {
        let widget_src_now = widget_src_now.clone();
        crate::erased::memo(move || {
            state.settled.track();
            show.track();
            controls.track();
            widget_src_now()
        })
    };
    let embed = {
        let embed_now = embed_now.clone();
        crate::erased::memo(move || {
            state.settled.track();
            show.track();
            controls.track();
            embed_now()
        })
    };
    let preview_open = RwSignal::new(false);
    let toggle_control = move |key: &'static str, on: bool| {
        controls.update(|c| {
            // The widget draws them in WIDGET_CONTROLS order.
            let next: Vec<&'static str> =
                crate::state::WIDGET_CONTROLS.iter().copied().filter(|k| if *k == key { on } else { c.contains(k) }).collect();
            *c = next;
        });
    };
    let status = RwSignal::new(String::new());
    let report = move |what: &'static str| {
        move |c: Copied| {
            let _ = status.try_set(match c {
                Copied::Yes => format!("{what} copied."),
                Copied::Selected => format!("Copying was refused here: the {} is selected, press Ctrl+C (⌘C on a Mac).", what.to_ascii_lowercase()),
            });
        }
    };
    let set_show = move |ev: web_sys::Event| {
        if let Some(s) = Show::from_key(&event_target_value(&ev)) {
            show.set(s);
        }
    };
    view! {
        <details class="kvs-share" data-testid="share">
            <summary class="kvs-button">"Share or embed this view"</summary>
            <div class="kvs-share-body">
                <label class="kvs-label" for="share-url">"Link to exactly this view"</label>
                <div class="kvs-share-row">
                    <input id="share-url" data-testid="share-url" class="kvs-share-field" type="text" readonly prop:value=move || link.get() on:focus=|ev| select_target(&ev) />
                    <button type="button" class="kvs-button" data-testid="copy-link" on:click=move |_| copy_text(link_now(), "share-url", report("Link"))>"Copy link"</button>
                </div>
                <label class="kvs-label" for="share-text">"Link text"</label>
                <input id="share-text" data-testid="share-text" class="kvs-share-field" type="text" readonly prop:value=move || text.get() on:focus=|ev| select_target(&ev) />
                <div class="kvs-share-row">
                    <label class="kvs-label" for="share-show">"Widget shows"</label>
                    <select id="share-show" data-testid="share-show" on:change=set_show>
                        {Show::ALL.iter().map(|&s| view! { <option value=s.key() selected=move || show.get() == s>{s.key()}</option> }).collect_view()}
                    </select>
                </div>
                <fieldset class="kvs-embed-controls" data-testid="embed-controls">
                    <legend class="kvs-label">"Controls in the widget"</legend>
                    {crate::state::WIDGET_CONTROLS.iter().map(|&k| view! {
                        <label class="kvs-radio">
                            <input type="checkbox" data-testid=format!("embed-control-{k}") prop:checked=move || controls.with(|c| c.contains(&k))
                                on:change=move |ev| toggle_control(k, event_target_checked(&ev)) />
                            {format!(" {k}")}
                        </label>
                    }).collect_view()}
                </fieldset>
                <details class="kvs-embed-preview" on:toggle=move |ev| {
                    let open = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
                    preview_open.set(open);
                }>
                    <summary>"Live preview"</summary>
                    {move || preview_open.get().then(|| view! {
                        <iframe data-testid="embed-preview" title="Preview of the embedded widget" src=move || widget_src.get()
                            allow="clipboard-write" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
                            style=move || format!("border:1px solid var(--border);width:100%;height:{}px", initial_height(show.get(), controls.with(Vec::len)))></iframe>
                    }).into_any()}
                </details>
                <textarea id="embed-code" data-testid="embed-code" class="kvs-share-field kvs-share-code" readonly rows="5" prop:value=move || embed.get() on:focus=|ev| select_target(&ev)></textarea>
                <button type="button" class="kvs-button" data-testid="copy-embed" on:click=move |_| copy_text(embed_now(), "embed-code", report("Embed code"))>"Copy embed code"</button>
                <p class="kvs-note" data-testid="share-status" role="status" aria-live="polite">{move || status.get()}</p>
            </div>
        </details>
    }
}

/// Selects the text of the focused field.
fn select_target(ev: &web_sys::FocusEvent) {
    if let Some(t) = ev.target() {
        if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
            i.select();
        } else if let Some(a) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            a.select();
        }
    }
}

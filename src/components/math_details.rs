//! "Show the math": one `<details>` per number, with the formula and the same formula with
//! this scenario's values (from `costmodel::math::explain`).

use costmodel::math::MathLine;
use leptos::prelude::*;
use crate::erased::{RwSignal, Signal};

/// Plain-language name of a math line's output.
pub fn math_title(id: &str) -> &'static str {
    match id {
        "kv_bytes_per_token" => "KV bytes per token",
        "kv_bytes_per_user" => "KV per user",
        "weights_bytes" => "Weights",
        "concurrency" => "Concurrency",
        "prefill_s" => "Prefill",
        "decode_step_s" => "One decode step",
        "decode_s" => "Decode of the turn",
        "context_switch_s" => "Context switch",
        "turns_per_s" => "Turns per second",
        "usd_per_turn" => "Cost per turn",
        "kv_share" => "KV share of each cost",
        _ => "Output",
    }
}

/// The math of the lines whose ids are in `ids`.
///
/// Its body is built when the section is first opened, and follows the scenario only while it
/// is open (input2, issue 12): a closed section reads nothing, so a slider move costs it nothing,
/// and the lines (`AppState::math`, a lazy memo) are not even computed while every section is
/// closed. The summary line is there from the start (the cards keep their height).
#[component]
pub fn MathDetails(
    /// Every explained line of the current scenario.
    #[prop(into)]
    lines: Signal<Vec<MathLine>>,
    /// Which lines to show, in order.
    ids: &'static [&'static str],
    /// A line of further figures shown first inside (ux, issue 11: the cards stay short).
    #[prop(optional, into)]
    extra: Option<Signal<String>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        let now = ev.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
        if now != open.get_untracked() {
            open.set(now);
        }
    };
    let head = if extra.is_some() { "More, and the math" } else { "Show the math" };
    view! {
        // One collapsed line per card until opened (ux, issue 11: the cards fit the first screen).
        <details class="kvs-math" on:toggle=on_toggle>
            <summary class="kvs-math-head">{head}</summary>
            {move || open.get().then(|| math_body(lines, ids, extra)).into_any()}
        </details>
    }
}

/// The inside of an open math section: the extra line, then one line per id.
fn math_body(lines: Signal<Vec<MathLine>>, ids: &'static [&'static str], extra: Option<Signal<String>>) -> impl IntoView {
    view! {
        {extra.map(|e| view! { <p class="kvs-card-extra">{move || e.get()}</p> })}
        {ids
            .iter()
            .map(|&id| {
                // One lookup per line and report; its four texts read the memo.
                let line = crate::erased::memo(move || lines.with(|ls| ls.iter().find(|l| l.id == id).cloned()));
                let part = move |f: fn(&MathLine) -> String| crate::erased::text(move || line.with(|l| l.as_ref().map(f).unwrap_or_default()));
                view! {
                    <details class="kvs-math-line">
                        <summary>{math_title(id)}</summary>
                        <p hidden=move || line.with(Option::is_some)>"Not computed: nothing fits (or no price is set)."</p>
                        <p class="kvs-formula">
                            <code>{part(|l| l.formula.to_owned())}</code>
                        </p>
                        <p class="kvs-substituted">
                            "= " <code>{part(|l| l.substituted.clone())}</code>
                        </p>
                        <p class="kvs-result">
                            "= " <strong>{part(|l| l.result.clone())}</strong>
                        </p>
                    </details>
                }
            })
            .collect_view()}
    }
}

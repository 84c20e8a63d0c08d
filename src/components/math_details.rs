//! "Show the math": one `<details>` per number, with the formula and the same formula with
//! this scenario's values (from `costmodel::math::explain`).

use costmodel::math::MathLine;
use leptos::prelude::*;

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
    view! {
        // One collapsed line per card until opened (ux, issue 11: the cards fit the first screen).
        <details class="kvs-math">
            <summary class="kvs-math-head">{if extra.is_some() { "More, and the math" } else { "Show the math" }}</summary>
            {extra.map(|e| view! { <p class="kvs-card-extra">{move || e.get()}</p> })}
            {ids
                .iter()
                .map(|&id| {
                    let line = move || lines.with(|ls| ls.iter().find(|l| l.id == id).cloned());
                    view! {
                        <details class="kvs-math-line">
                            <summary>{math_title(id)}</summary>
                            <p hidden=move || line().is_some()>"Not computed: nothing fits (or no price is set)."</p>
                            <p class="kvs-formula">
                                <code>{move || line().map(|l| l.formula).unwrap_or_default()}</code>
                            </p>
                            <p class="kvs-substituted">
                                "= " <code>{move || line().map(|l| l.substituted).unwrap_or_default()}</code>
                            </p>
                            <p class="kvs-result">
                                "= " <strong>{move || line().map(|l| l.result).unwrap_or_default()}</strong>
                            </p>
                        </details>
                    }
                })
                .collect_view()}
        </details>
    }
}

//! Workload: context (log slider + exact field), generated tokens, users, prefix reuse.

use costmodel::units::fmt_count;
use leptos::prelude::*;
use crate::erased::Signal;

use crate::components::LogSlider;
use crate::panels::fields::plain_field;
use crate::state::{use_app, AppState};

/// The slider's context range (tokens).
pub const CTX_SLIDER_MIN: f64 = 1_000.0;
/// The slider's upper end (tokens).
pub const CTX_SLIDER_MAX: f64 = 10_000_000.0;

/// The context slider's `aria-valuetext` ("128,000 tokens").
pub fn ctx_value_text(ctx: f64) -> String {
    format!("{} tokens", fmt_count(ctx))
}

/// The context control: the exact-entry field (`#input-ctx`) and the log slider
/// (`#input-ctx-slider`), for the editor and for the widget's `controls=ctx`.
pub fn ctx_control(state: AppState) -> impl IntoView {
    let scenario = state.scenario;
    let ctx = scenario.select(move |s| s.ctx_tokens);
    let on_slide = Callback::new(move |v: f64| scenario.update(|s| s.ctx_tokens = v));
    view! {
        {plain_field(state, "ctx")}
        <LogSlider
            id="input-ctx-slider"
            aria_label="Context tokens (logarithmic slider, 1,000 to 10,000,000)"
            min=CTX_SLIDER_MIN
            max=CTX_SLIDER_MAX
            value=ctx
            on_input=on_slide
            value_text=Signal::derive(move || ctx_value_text(ctx.get()))
        />
    }
}

/// The workload group.
#[component]
pub fn WorkloadEditor() -> impl IntoView {
    let state = use_app();
    view! {
        <fieldset class="kvs-group">
            <legend>"Workload"</legend>
            <div class="kvs-ctx">
                {ctx_control(state)}
                <div class="kvs-slider-scale" aria-hidden="true">
                    <span>"1K"</span><span>"10K"</span><span>"100K"</span><span>"1M"</span><span>"10M"</span>
                </div>
            </div>
            <div class="kvs-grid2">
                {plain_field(state, "out")}
                {plain_field(state, "users")}
                {plain_field(state, "reuse")}
            </div>
            <p class="kvs-note">
                "Users wanting service at once; more than fit are swapped to host memory (context switching). "
                "Queries per prefilled context: how many turns reuse one prefill (prefix caching; 1 = none)."
            </p>
        </fieldset>
    }
}

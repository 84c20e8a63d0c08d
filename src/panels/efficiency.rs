//! Peak (the paper, a lower bound on time) or realistic efficiencies, and per-field
//! overrides that show the mode's default value and its cited source.

use costmodel::scenario::{realistic, Overrides, PEAK_SOURCE};
use costmodel::units::{fmt_sig, GB};
use costmodel::{Efficiency, Mode};
use leptos::prelude::*;
use crate::erased::Signal;

use crate::panels::fields::scenario_field;
use crate::state::use_app;

/// Efficiency override keys, in display order.
pub const EFF_KEYS: [&str; 8] = ["eff_gemm", "eff_attn", "eff_bw", "eff_mem", "eff_host", "reserve_gb", "chunk", "duplex"];

/// An efficiency field's value in `e`, in the field's unit.
fn default_of(key: &str, e: &Efficiency) -> f64 {
    match key {
        "eff_gemm" => e.gemm,
        "eff_attn" => e.attention,
        "eff_bw" => e.hbm_bw,
        "eff_mem" => e.mem_usable,
        "eff_host" => e.host_bw,
        "reserve_gb" => e.runtime_reserve_bytes / GB,
        "chunk" => e.prefill_chunk_tokens,
        "duplex" => f64::from(u8::from(e.full_duplex)),
        _ => f64::NAN,
    }
}

/// The efficiency group.
#[component]
pub fn EfficiencyEditor() -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let mode = scenario.select(move |s| s.mode);
    let inputs = state.inputs;
    // The mode's own values (no overrides).
    // `Scenario::efficiency` reads the mode, the accelerator and the weight and activation bits:
    // recomputed when those change, not on every input (input2, issue 12).
    let part = scenario.select(|s| (s.mode, s.hw.clone(), s.weight_bits, s.act_bits));
    let key = crate::erased::memo(move || {
        let hw = inputs.with(|i| i.hw);
        part.with(|(mode, id, w, a)| (hw, *mode, id.clone(), *w, *a))
    });
    let defaults = crate::erased::memo(move || {
        let hw = key.with(|k| k.0);
        scenario.with_untracked(|s| {
            let mut b = s.clone();
            b.overrides = Overrides::default();
            b.efficiency(&hw)
        })
    });
    let set_mode = move |m: Mode| scenario.update(|s| s.mode = m);
    view! {
        <fieldset class="kvs-group">
            <legend>"Efficiency"</legend>
            <div class="kvs-toggle" role="radiogroup" aria-label="Efficiency mode">
                <label class="kvs-radio">
                    <input type="radio" name="kvs-mode" id="input-mode-peak" value="peak"
                        prop:checked=move || mode.get() == Mode::Peak
                        on:change=move |_| set_mode(Mode::Peak) />
                    " Peak (the paper)"
                </label>
                <label class="kvs-radio">
                    <input type="radio" name="kvs-mode" id="input-mode-realistic" value="realistic"
                        prop:checked=move || mode.get() == Mode::Realistic
                        on:change=move |_| set_mode(Mode::Realistic) />
                    " Realistic"
                </label>
            </div>
            <p class="kvs-note">{move || match mode.get() {
                Mode::Peak => "Peak: 100% of every datasheet figure, all of HBM usable. Times are lower bounds: no real run is faster.",
                Mode::Realistic => "Realistic: achievable fractions measured in public benchmarks, per accelerator (on Hopper, attention as fast as FlashAttention-3 runs at the prompt's length), a fixed cost per engine step, a runtime reserve, chunked prefill.",
            }.to_owned()}</p>
            <details class="kvs-sub">
                <summary>"Efficiency overrides"</summary>
                <p class="kvs-note">"Empty keeps the mode's value (greyed). Each default's source is under its field."</p>
                <div class="kvs-grid2">
                    {EFF_KEYS
                        .into_iter()
                        .map(|key| {
                            let placeholder = Signal::derive(move || defaults.with(|e| fmt_sig(default_of(key, e))));
                            let hint = Signal::derive(move || {
                                let src = match mode.get() {
                                    Mode::Peak => PEAK_SOURCE,
                                    Mode::Realistic => realistic::source(key).unwrap_or(""),
                                };
                                format!("default {}: {src}", defaults.with(|e| fmt_sig(default_of(key, e))))
                            });
                            scenario_field(state, key, true, placeholder, hint)
                        })
                        .collect_view()}
                </div>
            </details>
        </fieldset>
    }
}

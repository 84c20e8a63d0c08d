//! A range input on a logarithmic scale (context length spans four orders of magnitude).

use leptos::prelude::*;
use crate::erased::Signal;

use crate::format::round_sig;

/// Slider steps between `min` and `max`.
const STEPS: f64 = 1000.0;
/// Significant digits a slider value is rounded to.
const SLIDER_DIGITS: i32 = 3;

/// Position (0..=STEPS) of `v` on a log scale from `min` to `max`.
pub fn log_position(v: f64, min: f64, max: f64) -> f64 {
    if !(v > 0.0 && min > 0.0 && max > min) {
        return 0.0;
    }
    (STEPS * (v / min).ln() / (max / min).ln()).clamp(0.0, STEPS)
}

/// The slider's `value` for `v`: its whole position, as text.
pub fn log_slider_value(v: f64, min: f64, max: f64) -> String {
    format!("{}", log_position(v, min, max).round())
}

/// Value at a slider position, rounded to three significant digits.
pub fn log_value(pos: f64, min: f64, max: f64) -> f64 {
    let t = (pos / STEPS).clamp(0.0, 1.0);
    round_sig(min * (max / min).powf(t), SLIDER_DIGITS).clamp(min, max)
}

/// A log-scale slider. It reports values as the thumb moves (`input` events).
#[component]
pub fn LogSlider(
    /// Element id.
    #[prop(into)]
    id: String,
    /// Accessible name (the visible label belongs to the paired number field).
    #[prop(into)]
    aria_label: String,
    /// Smallest value (> 0).
    min: f64,
    /// Largest value.
    max: f64,
    /// Current value.
    #[prop(into)]
    value: Signal<f64>,
    /// Called with the new value while the thumb moves.
    on_input: Callback<f64>,
    /// Human-readable current value for screen readers.
    #[prop(into)]
    value_text: Signal<String>,
) -> impl IntoView {
    view! {
        <input
            id=id
            type="range"
            class="kvs-slider"
            min="0"
            max=STEPS
            step="1"
            aria-label=aria_label
            aria-valuetext=move || value_text.get()
            prop:value=move || log_slider_value(value.get(), min, max)
            on:input=move |ev| {
                if let Some(pos) = costmodel::units::parse_f64(&event_target_value(&ev)) {
                    on_input.run(log_value(pos, min, max));
                }
            }
        />
    }
}

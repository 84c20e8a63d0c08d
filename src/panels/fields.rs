//! Wiring between the scenario and `NumberField`s: one helper per kind of field.

use costmodel::Scenario;
use leptos::prelude::*;
use crate::erased::Signal;

use crate::components::NumberField;
use crate::state::AppState;

/// A field bound to `Scenario::get/set(key)`. Optional fields (overrides) clear on empty.
pub fn scenario_field(state: AppState, key: &'static str, optional: bool, placeholder: Signal<String>, hint: Signal<String>) -> impl IntoView {
    let scenario = state.scenario;
    let value = scenario.select(move |s| s.get(key));
    let on_commit = Callback::new(move |v: Option<f64>| {
        scenario.update(|s: &mut Scenario| match v {
            Some(v) => {
                s.set(key, v);
            }
            None => s.clear_override(key),
        });
    });
    view! { <NumberField key=key value=value on_commit=on_commit optional=optional placeholder=placeholder hint=hint /> }
}

/// A required field (always has a value).
pub fn plain_field(state: AppState, key: &'static str) -> impl IntoView {
    scenario_field(state, key, false, Signal::default(), Signal::default())
}

/// An override field: empty means "the preset's value", shown as the placeholder.
pub fn override_field(state: AppState, key: &'static str, default: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    scenario_field(state, key, true, Signal::derive(default), Signal::default())
}

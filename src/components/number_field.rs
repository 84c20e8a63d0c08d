//! A labelled numeric field for one entry of `costmodel::scenario::FIELDS`: label, unit,
//! allowed range, and the reason next to it when an entry is refused.

use costmodel::scenario::{field_by_key, FieldSpec};
use leptos::prelude::*;
use crate::erased::{RwSignal, Signal, show};

use crate::format::input_text;

/// Fallback spec for a key missing from `FIELDS` (never expected; keeps the widget total).
const UNKNOWN: FieldSpec = FieldSpec { key: "?", label: "?", unit: "", min: f64::MIN, max: f64::MAX, integer: false };

/// The range sentence under a field ("1 to 128 GPUs, whole numbers").
pub fn range_text(f: &FieldSpec) -> String {
    let n = |v: f64| costmodel::units::group_thousands(&input_text(v));
    let kind = if f.integer { ", whole number" } else { "" };
    let unit = if f.unit.is_empty() { String::new() } else { format!(" {}", f.unit) };
    format!("{} to {}{unit}{kind}", n(f.min), n(f.max))
}

/// A numeric input bound to one field. It applies a value on `change` and on Enter, only
/// when `FieldSpec::parse` accepts it; otherwise it shows the parser's message (which names
/// the field and the range) and leaves the scenario as it was.
#[component]
pub fn NumberField(
    /// URL key of the field (an entry of `FIELDS`): gives label, unit and range.
    key: &'static str,
    /// Current value; `None` shows the placeholder (the preset's or mode's value).
    #[prop(into)]
    value: Signal<Option<f64>>,
    /// Called with an accepted value, or `None` when an optional field is emptied.
    on_commit: Callback<Option<f64>>,
    /// Element id of the input (default `input-<key>`).
    #[prop(optional, into)]
    id: Option<String>,
    /// Shown when `value` is `None`.
    #[prop(optional, into)]
    placeholder: Signal<String>,
    /// An empty entry clears the field back to its default.
    #[prop(optional)]
    optional: bool,
    /// Extra line under the field (e.g. where the default comes from).
    #[prop(optional, into)]
    hint: Signal<String>,
    /// Label text instead of the field's own.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let spec = field_by_key(key).copied().unwrap_or(UNKNOWN);
    let id = id.unwrap_or_else(|| format!("input-{key}"));
    let err_id = format!("{id}-error");
    let label = label.unwrap_or_else(|| capitalise(spec.label));
    let error = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // A change from elsewhere (a slider, a preset) clears an old complaint.
    Effect::watch(move || value.get(), move |_, _, _| error.set(None), false);

    let commit = move |raw: String| {
        if raw.trim().is_empty() && optional {
            error.set(None);
            on_commit.run(None);
            return;
        }
        match spec.parse(&raw) {
            Ok(v) => {
                error.set(None);
                on_commit.run(Some(v));
                // What was typed ("128K", "50,000") is written back in canonical form, even when
                // the value did not change (ux, issue 11).
                if let Some(el) = input_ref.get_untracked() {
                    el.set_value(&input_text(v));
                }
            }
            Err(e) => error.set(Some(e.message)),
        }
    };
    let unit = spec.unit;
    let range = range_text(&spec);
    view! {
        <div class="kvs-field" class:kvs-field-bad=move || error.with(Option::is_some)>
            <label for=id.clone()>
                <span class="kvs-label">{label}</span>
                {(!unit.is_empty()).then(|| view! { <span class="kvs-unit">{unit}</span> })}
            </label>
            <input
                node_ref=input_ref
                id=id.clone()
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                class="kvs-num"
                placeholder=move || placeholder.get()
                prop:value=move || value.get().map(input_text).unwrap_or_default()
                aria-invalid=move || crate::format::true_false(error.with(Option::is_some))
                aria-describedby=err_id.clone()
                on:change=move |ev| commit(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        commit(event_target_value(&ev));
                    }
                }
            />
            <small class="kvs-range">{range}</small>
            {show(move || !hint.with(String::is_empty), move || view! { <small class="kvs-hint">{move || hint.get()}</small> }.into_any())}
            <p class="kvs-error" id=err_id role="alert" data-testid=format!("error-{key}")>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// "context" → "Context". ASCII only (field labels are ASCII): `char::to_uppercase` would
/// link Unicode's case tables into the .wasm.
pub fn capitalise(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(f) = out.get_mut(..1) {
        f.make_ascii_uppercase();
    }
    out
}

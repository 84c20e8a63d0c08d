//! KV compression along the paper's four axes: per axis a published method, a custom factor,
//! or nothing; and the combined factor.

use costmodel::compression::{method_by_id, Axis, METHODS};
use costmodel::scenario::AxisSetting;
use costmodel::units::fmt_sig;
use leptos::prelude::*;
use crate::erased::{RwSignal, show};

use crate::format::{input_text, times_smaller};
use crate::state::use_app;

/// `<select>` value meaning "custom factor".
const CUSTOM: &str = "__factor";

/// What each axis removes, for the reader.
fn axis_help(axis: Axis) -> &'static str {
    match axis {
        Axis::Layer => "layers that keep their own KV (cross-layer sharing)",
        Axis::Head => "KV heads kept (GQA/MQA/MLA are the model's, not here)",
        Axis::Token => "context tokens kept (eviction, windows, budgets)",
        Axis::Hidden => "bits or rank per element (quantisation, low rank)",
    }
}

/// The compression group.
#[component]
pub fn CompressionEditor() -> impl IntoView {
    let state = use_app();
    let inputs = state.inputs;
    let combined = crate::erased::memo(move || {
        inputs.with(|i| {
            let c = i.compression;
            let ctx = i.workload.ctx_tokens;
            let token = if ctx > 0.0 { c.token.kept_tokens(ctx) / ctx } else { 1.0 };
            c.layer * c.head * c.hidden * token
        })
    });
    view! {
        <fieldset class="kvs-group">
            <legend>"KV compression"</legend>
            <p class="kvs-note">"The paper's four axes. Each factor multiplies the KV bytes of every user."</p>
            {Axis::ALL.into_iter().enumerate().map(|(i, axis)| view! { <AxisEditor axis=axis index=i /> }).collect_view()}
            <p class="kvs-combined" data-testid="kv-combined">
                "Combined KV factor at this context: "
                <strong class="kvs-num-text">{move || fmt_sig(combined.get())}</strong>
                " (" {move || times_smaller(combined.get())} ")"
            </p>
        </fieldset>
    }
}

/// One axis: select + optional factor field.
#[component]
pub(crate) fn AxisEditor(
    /// The axis.
    axis: Axis,
    /// Its index in `Scenario::compression`.
    index: usize,
) -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let setting = scenario.select(move |s| s.compression[index].clone());
    let selected = crate::erased::memo(move || match setting.get() {
        AxisSetting::None => "none".to_owned(),
        AxisSetting::Method(id) => id,
        AxisSetting::Factor(_) => CUSTOM.to_owned(),
    });
    let error = RwSignal::new(None::<String>);
    let on_select = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        error.set(None);
        scenario.update(|s| {
            s.compression[index] = match v.as_str() {
                "none" => AxisSetting::None,
                CUSTOM => AxisSetting::Factor(0.5),
                id => AxisSetting::Method(id.to_owned()),
            }
        });
    };
    let commit_factor = move |raw: String| match costmodel::url::parse_axis(axis, raw.trim()) {
        Ok(AxisSetting::Factor(f)) => {
            error.set(None);
            scenario.update(|s| s.compression[index] = AxisSetting::Factor(f));
        }
        Ok(_) | Err(_) => error.set(Some(format!(
            "`{}` ({} factor) must be a number in (0, 1]; got {}",
            axis.key(),
            axis.label(),
            costmodel::scenario::quote_value(&raw)
        ))),
    };
    let kv_bits_ctx = scenario.select(move |s| (s.kv_bits, s.ctx_tokens));
    let detail = move || match setting.get() {
        AxisSetting::Method(id) => method_by_id(&id)
            .map(|m| {
                let (bits, ctx) = kv_bits_ctx.get();
                format!("factor {} here. {}", fmt_sig(m.fraction_at(bits, ctx)), m.source)
            })
            .unwrap_or_default(),
        _ => String::new(),
    };
    let select_id = format!("input-{}", axis.key());
    let factor_id = format!("input-{}-factor", axis.key());
    let err_id = format!("{factor_id}-error");
    let describe = err_id.clone();
    view! {
        <div class="kvs-field kvs-axis">
            <label for=select_id.clone()>
                <span class="kvs-label">{format!("{} axis", crate::components::capitalise(axis.label()))}</span>
                <span class="kvs-unit">{axis_help(axis)}</span>
            </label>
            <select id=select_id on:change=on_select>
                <option value="none" prop:selected=move || selected.get() == "none">"None (factor 1)"</option>
                {METHODS
                    .iter()
                    .filter(|m| m.axis == axis)
                    .map(|m| {
                        let id = m.id;
                        view! {
                            <option value=id title=m.source prop:selected=move || selected.get() == id>{m.label}</option>
                        }
                    })
                    .collect_view()}
                <option value=CUSTOM prop:selected=move || selected.get() == CUSTOM>"Custom factor…"</option>
            </select>
            {show(move || matches!(setting.get(), AxisSetting::Factor(_)), move || view! {
                <label for=factor_id.clone() class="kvs-inline-label">"Factor kept, in (0, 1]"</label>
                <input
                    id=factor_id.clone()
                    type="text"
                    inputmode="decimal"
                    class="kvs-num"
                    prop:value=move || match setting.get() { AxisSetting::Factor(f) => input_text(f), _ => String::new() }
                    aria-describedby=describe.clone()
                    on:change=move |ev| commit_factor(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { commit_factor(event_target_value(&ev)) }
                />
            }.into_any())}
            <small class="kvs-hint">{crate::erased::text(detail)}</small>
            <p class="kvs-error" id=err_id role="alert">{move || error.get().unwrap_or_default()}</p>
        </div>
    }
}

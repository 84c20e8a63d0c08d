//! The memory of one GPU as a bar (weights, KV, reserve, free), with the GB/GiB toggle.

use charts::ChartStyle;
use leptos::prelude::*;

use crate::components::{CanvasArea, ChartCanvas};
use crate::format::{bytes, unit_name};
use crate::state::use_app;

/// Memory bar + toggle + the same numbers as text.
#[component]
pub fn MemoryPanel() -> impl IntoView {
    let state = use_app();
    let binary = state.binary();
    let dark = state.dark;
    let evaluated = state.evaluated;
    let report = state.report;
    let draw = move |area: &CanvasArea, dpr: f64| {
        let style = if dark.get() { ChartStyle::dark() } else { ChartStyle::light() }.scaled(dpr);
        report.with(|r| charts::draw_memory_report(area, r, &style, binary.get())).map_err(|e| e.to_string())
    };
    // One memo: the chart's accessible name and the line under it read the same text (it was
    // formatted twice per input; input2, issue 12).
    let text = crate::erased::memo(move || {
        let b = binary.get();
        report.with(|r| {
            // With an engine: its split of the CUDA-reported memory (`EngineDetail::segments`).
            if let Some(d) = &r.engine_detail {
                let parts: Vec<String> = d.segments().iter().map(|s| format!("{} {}", s.label, bytes(s.bytes, b))).collect();
                return format!("{} reported to CUDA, as {} plans it = {}", bytes(d.device_bytes, b), d.engine.label(), parts.join(" + "));
            }
            let m = &r.memory;
            // arch (issue 10): a recurrent model's KV includes a constant state per user.
            let state = match (&r.state_kinds, r.state_bytes_per_user_per_gpu) {
                (Some(kinds), Some(s)) => format!(", each with {} of constant {kinds} state", bytes(s, b)),
                _ => String::new(),
            };
            format!(
                "{} exposed per GPU = weights {} + KV {} ({} users{state}) + reserve {} + free {}",
                bytes(m.hbm_bytes, b),
                bytes(m.weights_bytes, b),
                bytes(m.kv_bytes, b),
                costmodel::units::fmt_count(r.batch),
                bytes(m.reserve_bytes, b),
                bytes(m.free_bytes, b)
            )
        })
    });
    // ux (issue 11): the device's memory as it is sold, and one line on the exposed bytes.
    let sold = crate::erased::memo(move || evaluated.with(costmodel::summary::device_memory));
    let set_binary = move |v: bool| state.view.update(|view| view.binary = v);
    view! {
        <section class="kvs-memory" aria-label="Memory of one GPU">
            <div class="kvs-memory-head">
                <h2 class="kvs-h2" data-testid="memory-title">
                    "Memory of one GPU"
                    {move || sold.with(|s| s.as_ref().map(|(label, _)| format!(": {label}")).unwrap_or_default())}
                </h2>
                <div class="kvs-toggle" role="radiogroup" aria-label="Byte unit">
                    <label class="kvs-radio">
                        <input type="radio" name="kvs-units" id="input-units-gb" prop:checked=move || !binary.get() on:change=move |_| set_binary(false) />
                        " GB (10⁹)"
                    </label>
                    <label class="kvs-radio">
                        <input type="radio" name="kvs-units" id="input-units-gib" prop:checked=move || binary.get() on:change=move |_| set_binary(true) />
                        " GiB (2³⁰)"
                    </label>
                </div>
            </div>
            <ChartCanvas testid="memory-chart" aria_label=text draw=draw class="kvs-canvas-memory" />
            <p class="kvs-note kvs-num-text" data-testid="memory-text">{move || text.get()}</p>
            <p class="kvs-note" data-testid="memory-sold" hidden=move || sold.with(Option::is_none)>
                {move || sold.with(|s| s.as_ref().map(|(_, note)| note.clone()).unwrap_or_default())}
            </p>
            <p class="kvs-note">{move || format!("All byte figures on this page are in {}.", unit_name(binary.get()))}</p>
        </section>
    }
}

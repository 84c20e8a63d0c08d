//! The paper's running example next to this model's numbers, with the reason for each
//! difference, and a button that loads the paper's scenario.

use costmodel::paper::{paper_rows, PaperRow, PAPER_QUERY};
use costmodel::units::{fmt_count, fmt_sig};
use leptos::prelude::*;

use crate::format::bytes;
use crate::state::use_app;

/// Plain-language name of a row.
fn row_title(id: &str) -> &'static str {
    match id {
        "kv_bytes_per_token" => "KV bytes per token",
        "kv_4k_bytes" => "KV cache at 4,000 tokens",
        "kv_50k_bytes" => "KV cache at 50,000 tokens",
        "kv_100k_bytes" => "KV cache at 100,000 tokens",
        "prefill_4k_s" => "Prefill of 4,000 tokens",
        "prefill_50k_s" => "Prefill of 50,000 tokens",
        "decode_250_4k_s" => "Decode 250 tokens at 4,000",
        "decode_250_50k_s" => "Decode 250 tokens at 50,000",
        "users_50k" => "Users that fit at 50,000",
        "users_4k" => "Users that fit at 4,000",
        _ => "",
    }
}

fn value(row: &PaperRow, v: f64, binary: bool) -> String {
    match row.unit {
        "bytes" if row.id == "kv_bytes_per_token" => format!("{} B", fmt_count(v)),
        "bytes" => bytes(v, binary),
        "s" => format!("{} s", fmt_sig(v)),
        "users" => fmt_count(v),
        _ => fmt_sig(v),
    }
}

/// The paper table.
#[component]
pub fn PaperPanel() -> impl IntoView {
    let state = use_app();
    let binary = state.binary();
    let rows = StoredValue::new(paper_rows());
    let load = move |_| {
        let (s, _) = costmodel::url::from_query(PAPER_QUERY);
        state.imported.set(None);
        state.scenario.set(s);
    };
    view! {
        <div class="kvs-panel-body">
            <p>
                "The paper's running example: a 34B model (Yi-34B's shape, 34e9 parameters), 50,000 tokens, one "
                "A100-SXM-80GB, peak mode. Paper values are as printed; where the paper says \"GB\" for what is GiB, the note says so."
            </p>
            <button type="button" class="kvs-button" data-testid="load-paper" on:click=load>"Load the paper's scenario"</button>
            <div class="kvs-table-wrap">
                <table class="kvs-table" data-testid="paper-table">
                    <thead>
                        <tr><th scope="col">"Quantity"</th><th scope="col">"Paper"</th><th scope="col">"This model"</th><th scope="col">"Unit"</th><th scope="col">"Why they differ"</th></tr>
                    </thead>
                    <tbody>
                        {move || {
                            let b = binary.get();
                            rows.with_value(|rows| rows.iter().map(|r| view! {
                                <tr>
                                    <th scope="row">{row_title(r.id)}</th>
                                    <td class="kvs-num-text">{value(r, r.paper_value, b)}</td>
                                    <td class="kvs-num-text">{value(r, r.model_value, b)}</td>
                                    <td>{if r.unit == "bytes" && r.id != "kv_bytes_per_token" { if b { "GiB" } else { "GB" } } else { r.unit }}</td>
                                    <td class="kvs-note-cell">{r.note.clone()}</td>
                                </tr>
                            }).collect_view())
                        }.into_any()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

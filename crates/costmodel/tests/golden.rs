//! The paper's golden numbers (docs/methodology.md §5) and one hand-checked case per formula.
//!
//! Setup of §5: 34e9 parameters (68e9 bytes of bf16 weights, all read at every decode step),
//! Yi-34B's attention shape (60 layers, d_model 7168, 56 query heads, 8 KV heads, head dim 128),
//! one A100-SXM-80GB (85.90e9 bytes, 312 TFLOP/s, 2,039 GB/s), peak mode, batch 1.

mod common;
use common::assert_rel;

use costmodel::paper::PAPER_QUERY;
use costmodel::url::from_query;
use costmodel::{evaluate, Inputs, Report};

fn paper(ctx: f64, out: f64) -> (Inputs, Report) {
    let (mut s, warnings) = from_query(PAPER_QUERY);
    assert!(warnings.is_empty(), "{warnings:?}");
    s.ctx_tokens = ctx;
    s.out_tokens = out;
    let inputs = s.resolve().inputs;
    let report = evaluate(&inputs);
    (inputs, report)
}

#[test]
fn kv_bytes_per_token_is_exact() {
    // 2 × 60 × 8 × 128 × 2 B = 245,760 B (docs/methodology.md §4.1).
    let (_, r) = paper(50_000.0, 250.0);
    assert_eq!(r.kv_bytes_per_token, 245_760.0);
}

#[test]
fn kv_per_user_at_4k_50k_100k_is_exact() {
    // 0.98304 / 12.288 / 24.576 GB (docs/methodology.md §5, exact).
    for (ctx, gb) in [(4_000.0, 0.98304), (50_000.0, 12.288), (100_000.0, 24.576)] {
        let (_, r) = paper(ctx, 250.0);
        assert_rel(r.kv_bytes_per_user, gb * 1e9, 1e-12);
    }
}

#[test]
fn one_user_fits_at_50k() {
    // (85.90e9 − 68e9) / 12.288e9 = 1.457 → 1 user (docs/methodology.md §4.2, exact).
    let (_, r) = paper(50_000.0, 250.0);
    assert_eq!(r.concurrency, 1.0);
    assert_rel(r.weights_bytes, 68e9, 1e-12);
}

#[test]
fn eighteen_users_fit_at_4k() {
    // 17.9e9 / 0.98304e9 = 18.2 → 18 (docs/methodology.md §5 note).
    let (_, r) = paper(4_000.0, 250.0);
    assert_eq!(r.concurrency, 18.0);
}

#[test]
fn prefill_4k_within_3_percent_of_0_89_s() {
    let (_, r) = paper(4_000.0, 250.0);
    let prefill = r.prefill_s.expect("fits");
    assert_rel(prefill, 0.89, 0.03);
}

#[test]
fn prefill_50k_keeps_the_full_causal_attention_term() {
    // Linear 2 · (34e9 − 0.917e9 embedding) · 50,000 = 3.308e15 FLOP; attention
    // 2 · 50,000² · 56 · 128 · 60 = 2.1504e15 FLOP; logits 2 · 7168 · 64,000 = 9.2e8.
    // (3.308e15 + 2.150e15) / 312e12 = 17.50 s (docs/methodology.md §4.3: "≈17.8 s" with the
    // embedding counted, 10.90 s linear alone).
    let (_, r) = paper(50_000.0, 250.0);
    let embedding = 2.0 * 64_000.0 * 7168.0;
    let linear = 2.0 * (34e9 - embedding) * 50_000.0 + 2.0 * 7168.0 * 64_000.0;
    let attention = 2.0 * 50_000f64.powi(2) * 56.0 * 128.0 * 60.0;
    assert_rel(r.prefill_s.expect("fits"), (linear + attention) / 312e12, 1e-9);
    assert_rel(r.prefill_s.expect("fits"), 17.50, 0.01);
}

#[test]
fn decode_250_tokens_at_4k_and_50k_within_1_percent() {
    // 250 × 68e9 / 2.039e12 + KV read over 4,000..4,249 tokens: 8.46 s; at 50K: 9.84 s.
    let (_, r4) = paper(4_000.0, 250.0);
    let (_, r50) = paper(50_000.0, 250.0);
    assert_rel(r4.decode_s.expect("fits"), 8.46, 0.01);
    assert_rel(r50.decode_s.expect("fits"), 9.84, 0.01);
}

#[test]
fn decode_sum_equals_the_arithmetic_series_by_hand() {
    // Memory-bound at batch 1: Σ_{i=0}^{249} (68e9 + 245,760 · (50,000 + i)) / 2.039e12.
    let (_, r) = paper(50_000.0, 250.0);
    let bytes = 250.0 * 68e9 + 245_760.0 * (250.0 * 50_000.0 + 249.0 * 250.0 / 2.0);
    assert_rel(r.decode_s.expect("fits"), bytes / 2.039e12, 1e-9);
}

#[test]
fn decode_step_reads_weights_and_one_cache() {
    // (68e9 + 12.288e9) / 2.039e12 = 39.376 ms.
    let (_, r) = paper(50_000.0, 250.0);
    assert_rel(r.decode_step_s.expect("fits"), (68e9 + 12.288e9) / 2.039e12, 1e-9);
}

#[test]
fn context_switch_swaps_over_pcie_gen4() {
    // Out and in: 2 × 12.288e9 / 31.5e9 = 0.780 s, cheaper than re-prefilling (17.5 s).
    let (_, r) = paper(50_000.0, 250.0);
    assert_rel(r.swap_s.expect("fits"), 2.0 * 12.288e9 / 31.5e9, 1e-9);
    assert_eq!(r.context_switch_s, r.swap_s);
}

#[test]
fn session_cycle_by_hand() {
    // One user, no reuse, no swapping: cycle = prefill + decode; 1 turn per cycle.
    let (_, r) = paper(50_000.0, 250.0);
    let cycle = r.prefill_s.expect("fits") + r.decode_s.expect("fits");
    assert_rel(r.turns_per_s.expect("fits"), 1.0 / cycle, 1e-12);
    assert_rel(r.output_tokens_per_s.expect("fits"), 250.0 / cycle, 1e-12);
}

#[test]
fn paper_table_has_every_required_row() {
    let rows = costmodel::paper::paper_rows();
    for id in [
        "kv_bytes_per_token",
        "kv_4k_bytes",
        "kv_50k_bytes",
        "kv_100k_bytes",
        "prefill_4k_s",
        "prefill_50k_s",
        "decode_250_4k_s",
        "decode_250_50k_s",
        "users_50k",
    ] {
        let row = rows.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("missing row {id}"));
        assert!(row.model_value.is_finite() && row.paper_value.is_finite(), "{row:?}");
        assert!(!row.note.is_empty());
    }
    // The GiB reading: 0.91 GiB vs 0.98304 GB differ by under 1%.
    let kv4 = rows.iter().find(|r| r.id == "kv_4k_bytes").expect("row");
    assert_rel(kv4.model_value, kv4.paper_value, 0.01);
}

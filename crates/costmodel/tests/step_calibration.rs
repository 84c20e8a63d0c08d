//! Realistic mode's single-request timings (the paper's cycle, the default schedule) judged
//! against published measurements we did not write: NVIDIA NIM's benchmark tables (Llama 3.3 70B,
//! FP8, 2 × H100) and vLLM's CI latency test (Llama 3 70B and 3.1 8B, BF16, H200), copied with
//! their sources in `tests/fixtures/published/step-latency.md`. Nothing is fitted to these rows:
//! the fractions and the step cost are `costmodel::fractions`, each from its own measurement.
//!
//! Result (this commit, issue 9), |error| over the 6 rows:
//!
//! | | median | worst |
//! |---|---|---|
//! | before (one set of fractions, no step cost, no elementwise traffic) | 32.3% | 43.9% |
//! | after (per-accelerator fractions, 38 µs a layer per step, elementwise kernels) | 13.2% | 21.9% |
//! | + all-reduces from NCCL's measured bus bandwidth by size, in 16 bits (2026-12-03) | 10.4% | 20.3% |
//! | + GEMMs at the model's shapes (DeepGEMM's dense-shape mean, 0.874 of the best) | 6.4% | 20.3% |
//!
//! Decode steps of the 70B rows are now within 8% (they were 15-26% fast); the 8B row at batch 8
//! on H200 stays 20% fast (vLLM's CI at that build, CPU-bound steps of ~6.5 ms); the prefill rows
//! are TTFTs, which also hold the request's own overhead, and stay 7% below them. Bounds
//! asserted: median under 8%, worst under 22%, and peak mode never above a measurement.

mod common;
use common::median;

const FIXTURE: &str = include_str!("fixtures/published/step-latency.md");

struct Row {
    id: String,
    query: String,
    metric: String,
    measured_s: f64,
}

fn rows() -> Vec<Row> {
    common::table_cells(FIXTURE)
        .filter_map(|c| {
            if c.len() < 6 || !c[2].starts_with("model=") {
                return None;
            }
            Some(Row { id: c[1].to_owned(), query: c[2].to_owned(), metric: c[3].to_owned(), measured_s: c[4].parse().ok()? })
        })
        .collect()
}

fn value(query: &str, metric: &str) -> f64 {
    let e = costmodel::evaluate_query(query);
    assert_eq!(e.url_warnings, 0, "{query}: {:?}", e.report.warnings);
    assert!(e.report.no_fit.is_none(), "{query} must fit");
    let r = e.report;
    match metric {
        "decode_step_s" => r.decode_step_s,
        "prefill_s" => r.prefill_s,
        other => panic!("unknown metric {other}"),
    }
    .expect("fits")
}


#[test]
fn realistic_timings_match_published_step_latencies() {
    let rows = rows();
    assert_eq!(rows.len(), 6, "the fixture has 6 rows");
    let mut errors = Vec::new();
    println!("{:<40} {:>14} {:>11} {:>11} {:>8}", "row", "metric", "model ms", "measured", "error");
    for r in &rows {
        let real = value(&format!("{}&mode=realistic", r.query), &r.metric);
        let peak = value(&r.query, &r.metric);
        let err = real / r.measured_s - 1.0;
        println!("{:<40} {:>14} {:>11.3} {:>11.3} {:>+7.1}%", r.id, r.metric, real * 1e3, r.measured_s * 1e3, err * 100.0);
        // Peak mode is the paper's lower bound: never slower than a real run.
        assert!(peak <= r.measured_s, "{}: peak {peak} above the measurement {}", r.id, r.measured_s);
        errors.push(err.abs());
    }
    let (med, worst) = (median(errors.clone()), errors.iter().copied().fold(0.0, f64::max));
    println!("rows ({}): median {:.1}%, worst {:.1}%", errors.len(), med * 100.0, worst * 100.0);
    assert!(med < 0.08, "median error {med}");
    assert!(worst < 0.22, "worst error {worst}");
}

/// The per-accelerator fractions reach the cycle: on Hopper the prefill of a long prompt runs its
/// attention at FlashAttention-3's measured 616 TFLOP/s (0.623 of 989.4), a short one slower
/// (579 at 4K), and an `eff_attn` override turns the curve off.
#[test]
fn hopper_attention_follows_flashattention3_by_length() {
    use costmodel::fractions::FA3_H100_BF16_CAUSAL_HD128 as C;
    let inputs = |q: &str| costmodel::url::from_query(q).0.resolve().inputs;
    let i = inputs("model=yi-34b&hw=h100-sxm&mode=realistic");
    let p = costmodel::phases::Prepared::new(&i);
    assert!((p.attn_flops_per_s - 616.0e12).abs() / p.attn_flops_per_s < 1e-9, "{} {:?}", p.attn_flops_per_s, i.eff);
    assert!((p.attn_flops_per_s_at(4096.0) / p.attn_flops_per_s - 579.0 / 616.0).abs() < 1e-12);
    assert_eq!(p.attn_flops_per_s_at(200_000.0), p.attn_flops_per_s);
    assert_eq!(C.relative(100.0), 292.0 / 616.0);
    let o = costmodel::phases::Prepared::new(&inputs("model=yi-34b&hw=h100-sxm&mode=realistic&eff_attn=0.5"));
    assert_eq!(o.attn_flops_per_s_at(4096.0), o.attn_flops_per_s);
    // A100 keeps FlashAttention-2's flat 60%.
    let a = costmodel::phases::Prepared::new(&inputs("model=yi-34b&hw=a100-sxm-80gb&mode=realistic"));
    assert!((a.attn_flops_per_s - 0.6 * 312e12).abs() / a.attn_flops_per_s < 1e-3);
    assert_eq!(a.attn_flops_per_s_at(1024.0), a.attn_flops_per_s);
}

/// The step cost is per layer and overridable: `step_overhead_s` replaces it in both schedules,
/// and peak mode has none.
#[test]
fn step_cost_is_per_layer_and_overridable() {
    let step = |q: &str| costmodel::evaluate_query(q).report.decode_step_s.expect("fits");
    let base = "model=yi-34b&hw=h200&ctx=4096&users=1";
    let real = step(&format!("{base}&mode=realistic"));
    let zero = step(&format!("{base}&mode=realistic&step_overhead_s=0"));
    let ten = step(&format!("{base}&mode=realistic&step_overhead_s=0.01"));
    assert!((real - zero - 60.0 * costmodel::fractions::step_overhead_per_layer_s()).abs() < 1e-12);
    assert!((ten - zero - 0.01).abs() < 1e-12);
    let peak = costmodel::evaluate_query(base).report.decode_step.expect("fits");
    assert_eq!(peak.serial_s, 0.0);
}

/// The all-reduce curve is the measurement: NCCL on 8×H200 (stas00/ml-engineering,
/// `network/benchmarks/results/all-reduce-8xH200.md`) gives bus and algorithm bandwidth per
/// payload; the curve holds the bus column, and the time it gives at 8 GPUs must equal the
/// payload over the algorithm column (a column the code never reads), within 0.3% (the table's
/// rounding to 0.01 GB/s: 0.82 GB/s at 32 KiB is ±0.6%, so that row gets 1%).
#[test]
fn allreduce_curve_reproduces_the_measured_algorithm_bandwidth() {
    use costmodel::fractions::NCCL_ALLREDUCE_8X_H200 as C;
    let kib = 1024.0;
    let algbw_gbps = [
        (32.0 * kib, 0.82, 0.01),
        (kib * kib, 22.82, 0.003),
        (8.0 * kib * kib, 88.87, 0.003),
        (128.0 * kib * kib, 229.67, 0.003),
        (16.0 * kib * kib * kib, 275.58, 0.003),
    ];
    for (bytes, algbw, tol) in algbw_gbps {
        let t = C.time_s(bytes, 8);
        let measured = bytes / (algbw * 1e9);
        assert!((t / measured - 1.0).abs() < tol, "{bytes} B: {t} s against {measured} s");
    }
    // Between points, linear in log2(size): 6 MiB sits halfway (in log2, 0.585) from 4 to 8 MiB.
    let f = (6.0f64.log2() - 2.0) / 1.0;
    let busbw = 107.16e9 + f * (155.53e9 - 107.16e9);
    let t6 = C.time_s(6.0 * kib * kib, 8);
    assert!((t6 - 1.75 * 6.0 * kib * kib / busbw).abs() < 1e-12);
}

/// Where the curve applies: Hopper inside its NVSwitch domain in realistic mode, with the
/// all-reduce payload in 16 bits even when the GEMMs take FP8 inputs (the residual stream is
/// BF16 in ModelOpt FP8 checkpoints). Elsewhere the latency + bandwidth form stays.
#[test]
fn allreduce_curve_applies_on_hopper_inside_the_switch() {
    let prep = |q: &str| costmodel::phases::Prepared::new(&costmodel::url::from_query(q).0.resolve().inputs);
    // Llama 3.1 405B, d = 16,384: 196 decodes move 196 · 16,384 · 2 B = 6.42 MB per all-reduce.
    let p = prep("model=llama-3.1-405b&hw=h100-sxm&tp=8&w_bits=8&a_bits=8&kv_bits=8&mode=realistic");
    assert_eq!(p.act_bytes_per_token, 16_384.0 * 2.0);
    let bytes = 196.0 * 16_384.0 * 2.0;
    let t = costmodel::fractions::NCCL_ALLREDUCE_8X_H200.time_s(bytes, 8);
    assert!((p.allreduce_one_s(196.0) - t).abs() < 1e-15);
    // 6.42 MB = 6.12 MiB: busbw 136.7 GB/s, 82 µs, against 20 µs + 1.75 · 6.42 MB / 360 GB/s = 51 µs
    // for the latency + 80% form.
    assert!((t - 82.2e-6).abs() < 0.5e-6, "{t}");
    assert!((p.comm_s(196.0, 1.0) - 126.0 * 2.0 * t).abs() < 1e-12);
    // Peak mode, A100 (no curve), H100 PCIe (a 300 GB/s bridge), a link override and TP beyond
    // the 8-GPU domain: latency + bandwidth.
    for q in [
        "model=llama-3.1-405b&hw=h100-sxm&tp=8",
        "model=llama-3.1-70b&hw=a100-sxm-80gb&tp=8&mode=realistic",
        "model=llama-3.1-8b&hw=h100-pcie&tp=2&mode=realistic",
        "model=llama-3.1-70b&hw=h100-sxm&tp=4&mode=realistic&link_gbps=900",
        "model=llama-3.1-405b&hw=h100-sxm&tp=16&mode=realistic",
    ] {
        let p = prep(q);
        assert!(p.allreduce_curve.is_none(), "{q}");
        let b = 100.0 * p.act_bytes_per_token;
        let want = costmodel::roofline::allreduce_s(b, p.tp, p.allreduce_bw_bytes_per_s, p.allreduce_latency_s);
        assert_eq!(p.allreduce_one_s(100.0), want, "{q}");
    }
}

/// GEMMs at the model's shapes: realistic mode takes DeepGEMM's dense-shape mean (H800, M = 4096:
/// 1,058, 1,358, 1,304 and 1,025 TFLOP/s, mean 1,186.25) rather than its best shape (1,358). FP8
/// on Hopper is that mean of the 1,978.9 TFLOP/s peak (0.599); every other GEMM is the preset's
/// MAMF times mean / best (H100 SXM: stas00's 794.5 of 989.4 TFLOP/s, the preset's 0.80, times
/// 0.8735 = 0.70); `eff_gemm` replaces both.
#[test]
fn gemms_run_at_the_dense_shapes_mean() {
    let eff = |q: &str| costmodel::url::from_query(q).0.resolve().inputs.eff.gemm;
    let fp8 = eff("model=llama-3.1-70b&hw=h100-sxm&w_bits=8&a_bits=8&mode=realistic");
    assert!((fp8 - 1186.25 / 1978.9).abs() < 1e-12, "{fp8}");
    let bf16 = eff("model=llama-3.1-70b&hw=h100-sxm&mode=realistic");
    let mamf = costmodel::presets::hardware_by_id("h100-sxm").expect("preset").spec.gemm_fraction_measured;
    assert!((mamf - 0.80).abs() < 0.005, "the preset's MAMF fraction {mamf}");
    assert!((bf16 - mamf * 1186.25 / 1358.0).abs() < 1e-12, "{bf16}");
    // A100 (no FP8 tensor path): the same shape factor on its MAMF.
    let a100 = eff("model=llama-3.1-8b&hw=a100-sxm-80gb&mode=realistic");
    let a_mamf = costmodel::presets::hardware_by_id("a100-sxm-80gb").expect("preset").spec.gemm_fraction_measured;
    assert!((a100 - a_mamf * 1186.25 / 1358.0).abs() < 1e-12);
    assert_eq!(eff("model=llama-3.1-70b&hw=h100-sxm&w_bits=8&a_bits=8&mode=realistic&eff_gemm=0.5"), 0.5);
    assert_eq!(eff("model=llama-3.1-70b&hw=h100-sxm"), 1.0, "peak mode");
}

/// Every row of realistic mode's table names where its numbers come from.
#[test]
fn every_fractions_row_has_its_sources() {
    use costmodel::fractions::{source, HOPPER, OTHER};
    let h = source(&HOPPER);
    for cite in ["stas00", "DeepGEMM", "arXiv:2407.08608", "Hazy Research", "NCCL"] {
        assert!(h.contains(cite), "Hopper's sources name {cite}: {h}");
    }
    let o = source(&OTHER);
    for cite in ["MAMF", "arXiv:2307.08691", "Hazy Research"] {
        assert!(o.contains(cite), "the other row's sources name {cite}: {o}");
    }
}

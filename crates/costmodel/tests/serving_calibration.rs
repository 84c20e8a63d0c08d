//! The continuous schedule judged against real measurements we did not write: TensorRT-LLM's
//! published maximum-throughput table (FP8, H100 and H200, Llama 3.1 8B, 3.3 70B, 3.1 405B),
//! copied with its source and commit in `tests/fixtures/published/trtllm-perf-overview-fp8.md`.
//!
//! Each row is evaluated as the issue states it: `w_bits=8&kv_bits=8&a_bits=8`, `ctx = ISL + OSL`,
//! `out = OSL`, `users=100000` (every request queued at once), realistic mode, `engine=trtllm`,
//! `sched=continuous`; the model's `output_tokens_per_s` (the whole TP group) against the
//! table's "Total Output Throughput". Nothing is fitted per model or per row: the fractions and
//! the step cost are `costmodel::fractions`, each with its own source. A third of the rows (three
//! ISL/OSL pairs) are held out: reported, never used to choose a number.
//!
//! Result (issue 9): calibration rows (42) median 5.6%, worst 18.8%; held-out rows (18) median
//! 6.5%, worst 21.8%. The steps, each from its own source (docs/serving.md §6-7):
//!
//! | | calibration | held-out |
//! |---|---|---|
//! | before (one set of fractions, a flat 1.3 ms step) | 15.8% / 38.1% | 13.0% / 55.8% |
//! | per-accelerator fractions, FlashAttention-3's curve, 38 µs a layer per step | 13.3% / 30.9% | 10.6% / 43.4% |
//! | + all-reduces from NCCL's measured bus bandwidth by size, in 16 bits | 13.0% / 28.5% | 11.6% / 24.2% |
//! | + GEMMs at the model's shapes (DeepGEMM's dense-shape mean, not its best) | 5.6% / 18.8% | 6.5% / 21.8% |
//!
//! The model is high on 52 of 60 rows, most on decode-heavy rows with a KV-bound batch (405B on
//! 8 H100s, 70B on one H200). Bounds: the goal on both sets, median under 15% and worst
//! under 35%.

mod common;
use common::median;

const FIXTURE: &str = include_str!("fixtures/published/trtllm-perf-overview-fp8.md");

struct Row {
    model: String,
    hw: String,
    tp: u32,
    isl: f64,
    osl: f64,
    measured: f64,
    heldout: bool,
}

fn rows() -> Vec<Row> {
    common::table_cells(FIXTURE)
        .filter_map(|c| {
            if c.len() < 8 || !c[1].starts_with("llama") {
                return None;
            }
            Some(Row {
                model: c[1].to_owned(),
                hw: c[2].to_owned(),
                tp: c[3].parse().ok()?,
                isl: c[4].parse().ok()?,
                osl: c[5].parse().ok()?,
                measured: c[6].parse().ok()?,
                heldout: c[7] == "heldout",
            })
        })
        .collect()
}

fn predicted(r: &Row) -> f64 {
    let q = format!(
        "model={}&hw={}&tp={}&w_bits=8&kv_bits=8&a_bits=8&ctx={}&out={}&users=100000&mode=realistic&engine=trtllm&sched=continuous",
        r.model,
        r.hw,
        r.tp,
        r.isl + r.osl,
        r.osl
    );
    let e = costmodel::evaluate_query(&q);
    assert_eq!(e.url_warnings, 0, "{q}: {:?}", e.report.warnings);
    e.report.output_tokens_per_s.unwrap_or(0.0)
}


#[test]
fn continuous_throughput_matches_trtllm_published_table() {
    let rows = rows();
    assert_eq!(rows.len(), 60, "the fixture has 60 rows");
    let mut calib = Vec::new();
    let mut held = Vec::new();
    println!("{:<16} {:<9} {:>2} {:>6}/{:<5} {:>9} {:>9} {:>7}  set", "model", "hw", "tp", "isl", "osl", "model", "measured", "error");
    for r in &rows {
        let p = predicted(r);
        let err = p / r.measured - 1.0;
        println!(
            "{:<16} {:<9} {:>2} {:>6}/{:<5} {:>9.0} {:>9.0} {:>+6.1}%  {}",
            r.model,
            r.hw,
            r.tp,
            r.isl,
            r.osl,
            p,
            r.measured,
            100.0 * err,
            if r.heldout { "held-out" } else { "calib" }
        );
        if r.heldout { held.push(err.abs()) } else { calib.push(err.abs()) }
    }
    let (cm, cw) = (median(calib.clone()), calib.iter().copied().fold(0.0, f64::max));
    let (hm, hw) = (median(held.clone()), held.iter().copied().fold(0.0, f64::max));
    println!("calibration rows ({}): median {:.1}%, worst {:.1}%", calib.len(), 100.0 * cm, 100.0 * cw);
    println!("held-out rows ({}): median {:.1}%, worst {:.1}%", held.len(), 100.0 * hm, 100.0 * hw);
    assert!(cm < 0.15 && cw < 0.35, "calibration: median {cm:.3}, worst {cw:.3}");
    assert!(hm < 0.15 && hw < 0.35, "held-out: median {hm:.3}, worst {hw:.3}");
}

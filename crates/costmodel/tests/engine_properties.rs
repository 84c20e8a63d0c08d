//! Properties of the engine accounting (issue 8), over model and accelerator presets, TP sizes,
//! contexts and fractions, for every engine.

use costmodel::presets::MODELS;
use costmodel::spec::Attention;
use proptest::prelude::*;

const HW: &[&str] = &["h100-sxm", "a100-sxm-80gb", "a100-sxm-40gb", "h200", "l40s", "b200", "mi300x", "rtx-4090"];
const ENGINES: &[&str] = &["vllm", "sglang", "trtllm"];

fn eval(q: &str) -> costmodel::Report {
    costmodel::evaluate_query(q).report
}

fn tokens(q: &str) -> f64 {
    eval(q).engine_kv_tokens.unwrap_or(f64::NAN)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn more_gpu_util_never_gives_fewer_tokens(m in 0..MODELS.len(), h in 0..HW.len(), e in 0..ENGINES.len(), tp in 0u32..4, u in 30u32..95, du in 1u32..5) {
        let base = format!("model={}&hw={}&tp={}&engine={}&ctx=8192", MODELS[m].id, HW[h], 1u32 << tp, ENGINES[e]);
        let lo = tokens(&format!("{base}&gpu_util={}", f64::from(u) / 100.0));
        let hi = tokens(&format!("{base}&gpu_util={}", f64::from(u + du) / 100.0));
        prop_assert!(hi >= lo, "{base}: {lo} tokens at {u}%, {hi} at {}%", u + du);
    }

    /// Doubling TP never gives fewer tokens for the group while the KV heads still split
    /// (TP ≤ KV heads) or the cache is an MLA latent. (Beyond the KV heads each GPU holds a whole
    /// replicated head, and the extra communication buffers can then outweigh the weights saved.)
    #[test]
    fn more_tp_never_gives_fewer_total_tokens(m in 0..MODELS.len(), h in 0..HW.len(), e in 0..ENGINES.len(), tp in 0u32..3, u in 80u32..96) {
        let spec = MODELS[m].spec();
        let mla = spec.layers.iter().any(|g| matches!(g.attention, Attention::Mla { .. }));
        let tp = 1u32 << tp;
        prop_assume!(mla || 2 * tp <= spec.n_kv_heads);
        let q = |tp: u32| format!("model={}&hw={}&tp={tp}&engine={}&ctx=8192&gpu_util={}", MODELS[m].id, HW[h], ENGINES[e], f64::from(u) / 100.0);
        let (a, b) = (tokens(&q(tp)), tokens(&q(2 * tp)));
        prop_assert!(b >= a, "{}: {a} tokens at TP {tp}, {b} at TP {}", q(tp), 2 * tp);
    }

    /// The engine refuses to start exactly when one request of `ctx` tokens does not fit: for
    /// full-attention models, when its token pool is shorter than `ctx` (equivalently, its
    /// maximum concurrency is below one); and at the longest context it names, it starts.
    #[test]
    fn engine_starts_exactly_when_one_request_fits(m in 0..MODELS.len(), h in 0..HW.len(), e in 0..ENGINES.len(), tp in 0u32..4, ctx in 1_000u32..400_000) {
        let spec = MODELS[m].spec();
        let q = format!("model={}&hw={}&tp={}&engine={}&ctx={ctx}", MODELS[m].id, HW[h], 1u32 << tp, ENGINES[e]);
        let r = eval(&q);
        let starts = r.engine_starts.unwrap_or(false);
        prop_assert_eq!(starts, r.engine_error.is_none(), "{}", q);
        let full_only = spec.layers.iter().all(|g| matches!(g.attention, Attention::Full | Attention::Mla { .. }));
        if full_only {
            let pool = r.engine_kv_tokens.unwrap_or(0.0);
            prop_assert_eq!(starts, pool >= f64::from(ctx), "{}: pool {} tokens", q, pool);
            prop_assert_eq!(starts, r.engine_max_concurrency.unwrap_or(0.0) >= 1.0, "{}", q);
        }
        if !starts {
            let d = r.engine_detail.unwrap();
            if let Some(max) = d.max_ctx_tokens.filter(|&c| c >= 1.0) {
                let at_max = eval(&format!("model={}&hw={}&tp={}&engine={}&ctx={max}", MODELS[m].id, HW[h], 1u32 << tp, ENGINES[e]));
                prop_assert_eq!(at_max.engine_starts, Some(true), "{} at ctx {}", q, max);
            }
        }
    }
}

#[test]
fn engine_none_keeps_every_number() {
    // The default engine is `none`: the same report as a link without the key, engine fields null.
    for q in ["model=yi-34b", "model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000&mode=realistic", "model=gemma-2-27b&hw=h200"] {
        let a = eval(q);
        let b = eval(&format!("{q}&engine=none"));
        assert_eq!(a, b, "{q}");
        assert!(a.engine_kv_tokens.is_none() && a.engine_starts.is_none() && a.engine_detail.is_none());
        let json = serde_json::to_value(&a).unwrap();
        assert!(json["engine_kv_tokens"].is_null() && json["engine_error"].is_null(), "{q}");
    }
}

#[test]
fn bad_engine_values_name_the_key_and_the_range() {
    let e = costmodel::evaluate_query("engine=vllm2&gpu_util=1.5&max_batched_tokens=0.5");
    let w = e.report.warnings.join("\n");
    assert!(w.contains("`engine` must be `none`, `vllm`, `sglang` or `trtllm`"), "{w}");
    assert!(w.contains("`gpu_util` (engine memory fraction) must be a number from 0.01 to 1"), "{w}");
    assert!(w.contains("`max_batched_tokens`"), "{w}");
    assert_eq!(e.scenario.engine, costmodel::engine::Engine::None);
    // And the link round-trips.
    let (s, _) = costmodel::url::from_query("engine=sglang&gpu_util=0.8&max_batched_tokens=4096");
    assert_eq!(costmodel::url::to_query(&s), "v=1&engine=sglang&gpu_util=0.8&max_batched_tokens=4096");
}

#[test]
fn the_engine_sizes_the_concurrency_the_rest_of_the_model_uses() {
    // Llama 3.1 8B, H100, vLLM at 0.95: 476k tokens / 8,192 = 58 users (the log says 58.11x).
    let r = eval("model=llama-3.1-8b&hw=h100-sxm&engine=vllm&gpu_util=0.95&ctx=8192");
    assert_eq!(r.concurrency, 58.0);
    // Without the engine the paper's accounting (all 85.52 GB usable) gives more.
    assert!(eval("model=llama-3.1-8b&hw=h100-sxm&ctx=8192").concurrency > 60.0);
}

/// The memory bar's parts (`EngineDetail::segments`) add up to the CUDA-reported memory, and for
/// vLLM "left unused" is exactly `(1 − gpu_util) × device` (`gpu_worker.py`
/// `determine_available_memory`: the budget is `gpu_memory_utilization × total`). Hand check for
/// P04 of tests/fixtures/engine-logs/vllm-0.19-h100.md: 0.05 × 79.19 GiB ≈ 3.96 GiB unused.
#[test]
fn engine_segments_sum_to_the_device_memory() {
    for e in ENGINES {
        for q in ["model=llama-3.1-8b&hw=h100-sxm&ctx=8192", "model=qwen2.5-72b&hw=h100-sxm&tp=4&ctx=32768", "model=phi-4&hw=a100-sxm-40gb&ctx=8192"] {
            let r = eval(&format!("{q}&engine={e}&gpu_util=0.95"));
            let d = r.engine_detail.unwrap();
            let segs = d.segments();
            let sum: f64 = segs.iter().map(|s| s.bytes).sum();
            assert!((sum / d.device_bytes - 1.0).abs() < 1e-9, "{e} {q}: parts {sum} vs device {}", d.device_bytes);
            assert!(segs.iter().all(|s| s.bytes >= 0.0));
            let kv = segs.iter().find(|s| s.label == "KV cache").unwrap().bytes;
            assert_eq!(kv, r.engine_kv_bytes_per_gpu.unwrap(), "{e} {q}");
            if *e == "vllm" {
                let unused = segs.iter().find(|s| s.label == "left unused").unwrap().bytes;
                assert!((unused / (0.05 * d.device_bytes) - 1.0).abs() < 1e-9, "{q}: unused {unused}");
            }
        }
    }
    let d = eval("model=llama-3.1-8b&hw=h100-sxm&engine=vllm&gpu_util=0.95&ctx=8192").engine_detail.unwrap();
    let unused_gib = d.segments().last().unwrap().bytes / costmodel::units::GIB;
    assert!((unused_gib - 0.05 * 79.19).abs() < 0.01, "{unused_gib}");
}

/// The theory's side of the comparison is KV Scope's own accounting (`engine=none`): its budget
/// holds exactly the users the `none` report fits, and its tokens are that budget over the
/// theory's bytes per token. Hand computation for Llama-3.1-8B (32 layers × 8 KV heads × 128 ×
/// K and V × 2 bytes = 131,072 bytes per token at TP 1).
#[test]
fn theory_tokens_are_the_none_accounting() {
    let q = "model=llama-3.1-8b&hw=h100-sxm&ctx=8192";
    let none = eval(q);
    let r = eval(&format!("{q}&engine=vllm&gpu_util=0.95"));
    let d = r.engine_detail.unwrap();
    assert_eq!(d.theory_bytes_per_token, 131_072.0);
    assert_eq!(d.theory_kv_tokens, (d.theory_kv_bytes_per_gpu / 131_072.0).floor());
    let per_user = none.kv_bytes_per_user_per_gpu;
    assert!(none.concurrency * per_user <= d.theory_kv_bytes_per_gpu, "{} users × {per_user}", none.concurrency);
    assert!((none.concurrency + 1.0) * per_user > d.theory_kv_bytes_per_gpu);
    // The comparison is stated as a sentence with both numbers.
    let rel = d.tokens_vs_theory(r.engine_kv_tokens.unwrap()).unwrap();
    assert!(rel < 0.0, "vLLM holds fewer tokens than the peak accounting: {rel}");
    assert!(d.notes.iter().any(|n| n.contains("KV Scope's accounting without an engine gives")), "{:?}", d.notes);
}

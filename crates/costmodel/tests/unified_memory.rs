//! Unified-memory accelerators (Apple M-series, DGX Spark, Jetson Thor, MI300A): no host link to
//! swap over. The cache already lives in the only memory there is, so a context switch
//! recomputes, the report says so, and nothing divides by zero (presets/hardware/mod.rs).

use costmodel::presets::HARDWARE;
use costmodel::report::SwitchKind;
use costmodel::url::from_query;
use costmodel::{evaluate, Report};

fn eval(query: &str) -> Report {
    let (s, w) = from_query(query);
    assert!(w.is_empty(), "{query}: {w:?}");
    evaluate(&s.resolve().inputs)
}

/// 64 users of Llama-3.1-70B at 100K tokens on a 512 GB M3 Ultra: 12 fit, 52 wait.
const OVERFULL: &str = "model=llama-3.1-70b&hw=m3-ultra&ctx=100000&users=64&mode=peak";

#[test]
fn unified_memory_switches_by_recompute_and_says_why() {
    let r = eval(OVERFULL);
    assert!(r.swapped_users > 0.0, "the scenario must overflow memory: {r:?}");
    assert_eq!(r.swap_s, None, "no host link: no swap time");
    assert_eq!(r.switch_kind, Some(SwitchKind::Recompute));
    assert_eq!(r.context_switch_s, r.recompute_s);
    assert!(r.context_switch_s.is_some_and(|s| s.is_finite() && s > 0.0));
    assert_ne!(r.bound, costmodel::report::Resource::HostLink);
    assert!(
        r.warnings.iter().any(|w| w.contains("unified memory") && w.contains("recomputed")),
        "{:?}",
        r.warnings
    );
    // No "host memory holds 0 caches" warning: there is no host memory to fill.
    assert!(!r.warnings.iter().any(|w| w.contains("host memory holds")), "{:?}", r.warnings);
    let cycle = r.cycle.expect("fits");
    assert!(cycle.total_s.is_finite() && cycle.switch_s > 0.0);
}

#[test]
fn a_spill_to_ssd_is_modelled_by_setting_the_host_link() {
    // Apple quoted up to 7.4 GB/s SSD reads for the 2021 MacBook Pro; swapping out and in over a
    // half-duplex 7.4 GB/s path: 2 · KV_user / 7.4e9 (the A100 golden test's formula, phases.rs).
    let r = eval(&format!("{OVERFULL}&host_gbps=7.4"));
    let kv = r.kv_bytes_per_user_per_gpu;
    let swap = r.swap_s.expect("a host link is set");
    assert!((swap - 2.0 * kv / 7.4e9).abs() <= 1e-9 * swap, "{swap} vs {}", 2.0 * kv / 7.4e9);
    // 100K tokens of Llama-3.1-70B = 32.8 GB per user: ~8.9 s to swap, less than a 100K prefill
    // on an M3 Ultra (~16 min at 28.6 TFLOP/s), so the swap wins.
    assert!((kv - 100_000.0 * 327_680.0).abs() < 1.0, "{kv}");
    assert_eq!(r.switch_kind, Some(SwitchKind::Swap));
}

#[test]
fn tensor_parallel_beyond_the_link_domain_stays_finite() {
    for h in HARDWARE.iter().filter(|h| h.unified_memory()) {
        // Every unified part has some link, so an all-reduce never divides by zero.
        assert!(h.spec.link_bw_bytes_per_s > 0.0, "{}", h.id);
        let (s, _) = from_query(&format!("model=llama-3.1-8b&hw={}&tp=8&ctx=8000", h.id));
        let r = evaluate(&s.resolve().inputs);
        let d = r.decode_s.expect("an 8B model fits");
        assert!(d.is_finite() && d > 0.0, "{}: {d}", h.id);
    }
}

#[test]
fn the_unified_parts_are_the_ones_without_host_memory() {
    let ids: Vec<_> = HARDWARE.iter().filter(|h| h.unified_memory()).map(|h| h.id).collect();
    for id in ["m3-ultra", "m4-max", "m4-pro", "dgx-spark", "jetson-agx-thor", "mi300a"] {
        assert!(ids.contains(&id), "{id} should be unified: {ids:?}");
    }
    for h in HARDWARE.iter().filter(|h| h.unified_memory()) {
        assert_eq!(h.spec.host_bytes_per_gpu, 0.0, "{}", h.id);
    }
    // Grace Hopper keeps its NVLink-C2C host link: HBM and LPDDR5X are separate memories.
    assert!(HARDWARE.iter().any(|h| h.id == "gh200" && !h.unified_memory()));
}

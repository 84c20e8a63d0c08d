//! Properties over random scenarios (proptest, a bounded number of cases so the test command
//! stays fast), and a walk over every preset pair.

use costmodel::presets::{HARDWARE, MODELS};
use costmodel::scenario::{AxisSetting, Mode, FIELDS};
use costmodel::url::{from_query, to_query};
use costmodel::{evaluate, Scenario};
use proptest::prelude::*;

/// Cases per property.
const CASES: u32 = 256;

fn scenario_strategy() -> impl Strategy<Value = Scenario> {
    let model = prop::sample::select(MODELS.iter().map(|m| m.id).collect::<Vec<_>>());
    let hw = prop::sample::select(HARDWARE.iter().map(|h| h.id).collect::<Vec<_>>());
    let tp = prop::sample::select(vec![1u32, 2, 4, 8, 16]);
    let ctx = 1u32..2_000_000;
    let out = 1u32..2000;
    let users = 1u32..64;
    let mode = prop::bool::ANY;
    let bits = prop::sample::select(vec![4.0, 8.0, 16.0]);
    let factor = prop::option::of(0.05f64..1.0);
    (model, hw, tp, ctx, out, users, mode, bits.clone(), bits, factor).prop_map(
        |(model, hw, tp, ctx, out, users, realistic, w_bits, kv_bits, factor)| {
            let mut s = Scenario {
                model: model.to_owned(),
                hw: hw.to_owned(),
                tp,
                ctx_tokens: f64::from(ctx),
                out_tokens: f64::from(out),
                users: f64::from(users),
                mode: if realistic { Mode::Realistic } else { Mode::Peak },
                weight_bits: w_bits,
                kv_bits,
                ..Scenario::default()
            };
            if let Some(f) = factor {
                s.compression[3] = AxisSetting::Factor(f);
            }
            s
        },
    )
}

fn fit(s: &Scenario) -> costmodel::Report {
    evaluate(&s.resolve().inputs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn more_context_never_raises_concurrency(s in scenario_strategy(), extra in 1u32..1_000_000) {
        let mut longer = s.clone();
        longer.ctx_tokens += f64::from(extra);
        prop_assert!(fit(&longer).concurrency <= fit(&s).concurrency);
    }

    #[test]
    fn more_gpus_never_lower_concurrency(s in scenario_strategy()) {
        let mut more = s.clone();
        more.tp = s.tp * 2;
        prop_assert!(fit(&more).concurrency >= fit(&s).concurrency, "tp {} -> {}", s.tp, more.tp);
    }

    #[test]
    fn smaller_compression_factor_never_raises_kv(s in scenario_strategy(), f in 0.01f64..1.0, g in 0.01f64..1.0) {
        let (lo, hi) = if f < g { (f, g) } else { (g, f) };
        for axis in 0..4 {
            let mut a = s.clone();
            let mut b = s.clone();
            a.compression[axis] = AxisSetting::Factor(lo);
            b.compression[axis] = AxisSetting::Factor(hi);
            prop_assert!(fit(&a).kv_bytes_per_user <= fit(&b).kv_bytes_per_user);
        }
    }

    #[test]
    fn realistic_time_never_below_peak(s in scenario_strategy()) {
        let mut peak = s.clone();
        peak.mode = Mode::Peak;
        let mut real = s.clone();
        real.mode = Mode::Realistic;
        let (rp, rr) = (fit(&peak), fit(&real));
        // Compare at the same batch: realistic concurrency can be smaller, so pin users to 1.
        if let (Some(p), Some(r)) = (rp.prefill_s, rr.prefill_s) {
            prop_assert!(r >= p * (1.0 - 1e-12), "prefill {r} < {p}");
        }
        if rp.batch == rr.batch {
            if let (Some(p), Some(r)) = (rp.decode_s, rr.decode_s) {
                prop_assert!(r >= p * (1.0 - 1e-12), "decode {r} < {p}");
            }
        }
        prop_assert!(rr.concurrency <= rp.concurrency);
    }

    #[test]
    fn peak_decode_never_below_bytes_over_bandwidth(s in scenario_strategy()) {
        let mut peak = s.clone();
        peak.mode = Mode::Peak;
        let inputs = peak.resolve().inputs;
        let r = evaluate(&inputs);
        if let Some(step) = r.decode_step_s {
            let p = costmodel::phases::Prepared::new(&inputs);
            let bytes = p.decode_weight_bytes_per_gpu(r.batch) + r.batch * r.kv_bytes_per_user_per_gpu;
            prop_assert!(step >= bytes / inputs.hw.hbm_bw_bytes_per_s * (1.0 - 1e-12));
        }
    }

    #[test]
    fn url_round_trip_keeps_the_scenario(s in scenario_strategy()) {
        let q = to_query(&s);
        let (back, warnings) = from_query(&q);
        prop_assert!(warnings.is_empty(), "{q}: {warnings:?}");
        prop_assert_eq!(&back, &s, "{}", q);
    }

    #[test]
    fn from_query_never_panics_on_junk(q in ".{0,300}") {
        let (s, _) = from_query(&q);
        let _ = evaluate(&s.resolve().inputs);
    }

    #[test]
    fn from_query_never_panics_on_hostile_values(
        key in prop::sample::select(FIELDS.iter().map(|f| f.key).chain(["model", "hw", "mode", "v", "kv_token", "kv_hidden", "zzz"]).collect::<Vec<_>>()),
        value in prop_oneof![
            Just("NaN".to_owned()), Just("inf".to_owned()), Just("-1".to_owned()), Just("1e308".to_owned()),
            Just("<script>alert(1)</script>".to_owned()), Just("0".to_owned()), Just("%00".to_owned()),
            "[0-9]{1,30}", "-?[0-9]{0,5}\\.[0-9]{0,5}(e-?[0-9]{1,3})?", ".{0,40}",
        ],
    ) {
        let q = format!("{key}={}", value);
        let (s, warnings) = from_query(&q);
        let r = evaluate(&s.resolve().inputs);
        prop_assert!(warnings.len() <= costmodel::url::MAX_WARNINGS);
        // Whatever came in, every number the report shows is a number or absent.
        prop_assert!(!r.kv_bytes_per_user.is_nan() && !r.concurrency.is_nan());
    }
}

#[test]
fn every_preset_pair_evaluates() {
    let mut evaluated = 0;
    for m in MODELS {
        for h in HARDWARE {
            for tp in [1, 8] {
                let (s, w) = from_query(&format!("model={}&hw={}&tp={tp}&ctx=50000&mode=realistic", m.id, h.id));
                assert!(w.is_empty(), "{w:?}");
                let r = evaluate(&s.resolve().inputs);
                assert!(r.kv_bytes_per_user > 0.0, "{} on {}", m.id, h.id);
                match (&r.no_fit, r.decode_s) {
                    (None, Some(d)) => assert!(d > 0.0 && d.is_finite(), "{} on {}: {d}", m.id, h.id),
                    (Some(nf), None) => assert!(!nf.reason.is_empty()),
                    other => panic!("{} on {}: inconsistent fit {other:?}", m.id, h.id),
                }
                evaluated += 1;
            }
        }
    }
    assert_eq!(evaluated, MODELS.len() * HARDWARE.len() * 2);
}

#[test]
fn bad_values_name_the_key_and_keep_the_rest() {
    let (s, w) = from_query("?model=llama-3.1-70b&ctx=-5&tp=3.5&hw=nope&users=4&mode=fast&frobnicate=1");
    assert_eq!(s.model, "llama-3.1-70b");
    assert_eq!(s.users, 4.0);
    assert_eq!(s.ctx_tokens, Scenario::default().ctx_tokens);
    assert_eq!(s.hw, Scenario::default().hw);
    let text: Vec<String> = w.iter().map(|w| w.message.clone()).collect();
    assert_eq!(w.len(), 5, "{text:#?}");
    assert!(text[0].contains("`ctx`") && text[0].contains("from 1 to 100000000 tokens"), "{}", text[0]);
    assert!(text[1].contains("`tp`") && text[1].contains("whole number"), "{}", text[1]);
    assert!(text[2].contains("`hw`"), "{}", text[2]);
    assert!(text[3].contains("`mode`") && text[3].contains("peak"), "{}", text[3]);
    assert!(text[4].contains("frobnicate"), "{}", text[4]);
}

#[test]
fn only_non_defaults_are_written() {
    assert_eq!(to_query(&Scenario::default()), "v=1");
    let (s, _) = from_query("https://example.org/kvscope/?v=1&model=deepseek-v3&hw=h200&tp=8&ctx=128000#top");
    assert_eq!(to_query(&s), "v=1&model=deepseek-v3&hw=h200&tp=8&ctx=128000");
}

#[test]
fn links_without_a_version_or_from_a_newer_one_still_open() {
    let (s, w) = from_query("model=mixtral-8x7b");
    assert!(w.is_empty());
    assert_eq!(s.model, "mixtral-8x7b");
    let (s, w) = from_query("v=7&model=mixtral-8x7b&newthing=3");
    assert_eq!(s.model, "mixtral-8x7b");
    assert!(w[0].message.contains("newer"));
}

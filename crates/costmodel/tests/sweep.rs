//! Sweeps: every point equals a standalone evaluation, and the regime markers sit where the
//! arithmetic says.

mod common;
use common::assert_rel;

use costmodel::sweep::{sweep, sweep_xs, MarkerKind, SweepInput};
use costmodel::url::from_query;
use costmodel::{evaluate, Inputs};

fn inputs(q: &str) -> Inputs {
    let (s, w) = from_query(q);
    assert!(w.is_empty(), "{w:?}");
    s.resolve().inputs
}

#[test]
fn every_sweep_point_equals_a_standalone_evaluation() {
    let base = inputs("model=llama-3.1-70b&hw=h100-sxm&tp=4&users=16&mode=realistic&kv_token=snapkv-4096");
    for input in SweepInput::ALL {
        let (lo, hi) = input.range();
        let (from, to) = match input {
            SweepInput::Ctx => (1000.0, 1e6),
            SweepInput::Tp => (1.0, 16.0),
            SweepInput::KvBits | SweepInput::WBits => (4.0, 16.0),
            _ => (lo.max(0.05), hi.min(64.0)),
        };
        let xs = sweep_xs(input, from, to, 12, input == SweepInput::Ctx);
        let s = sweep(&base, input, &xs);
        assert_eq!(s.points.len(), xs.len());
        for p in &s.points {
            let mut one = base.clone();
            input.apply(&mut one, p.x);
            let r = evaluate(&one);
            // parallel (issue 13): the sweep counts users across the deployment (= concurrency with TP only).
            assert_eq!(p.concurrency, r.deployment_users.unwrap_or(r.concurrency), "{} = {}", input.key(), p.x);
            match r.decode_s {
                Some(d) => assert_rel(p.decode_s, d, 1e-12),
                None => assert!(p.decode_s.is_nan()),
            }
            match r.turns_per_s {
                Some(t) => assert_rel(p.turns_per_s, t, 1e-12),
                None => assert!(p.turns_per_s.is_nan()),
            }
        }
    }
}

#[test]
fn markers_sit_where_the_arithmetic_says() {
    // Yi-34B (computed 34.389e9 params, 68.78 GB of bf16 weights) on one A100-80GB (85.90e9 B),
    // 4 users: budget B = 85.90e9 − weights; per token 245,760 B.
    // Swapping starts when fewer than 4 fit: n > B / (4 · 245,760);
    // one user fits at most when n > B / (2 · 245,760); none when n > B / 245,760.
    let base = inputs("users=4");
    let r = evaluate(&base);
    let budget = 85.90e9 - r.weights_bytes;
    let xs = sweep_xs(SweepInput::Ctx, 1000.0, 1e6, 200, true);
    let s = sweep(&base, SweepInput::Ctx, &xs);
    let at = |kind: MarkerKind| s.markers.iter().find(|m| m.kind == kind).map(|m| m.x);
    let per_token = 245_760.0;
    let expect = |users: f64| (budget / (users * per_token)).floor() + 1.0;
    assert_eq!(at(MarkerKind::SwappingStarts), Some(expect(4.0)));
    assert_eq!(at(MarkerKind::ConcurrencyOne), Some(expect(2.0)));
    assert_eq!(at(MarkerKind::ConcurrencyZero), Some(expect(1.0)));
    // Attention passes half of prefill FLOP where 860,160 · n² > 2 · P_nonembedding · n + logits:
    // n ≈ 2 · 33.47e9 / 860,160 ≈ 77.8K tokens.
    let half = at(MarkerKind::AttentionHalfPrefill).expect("marker");
    let embedding = 2.0 * 64_000.0 * 7168.0;
    let linear_per_token = 2.0 * (r.params - embedding);
    assert_rel(half, linear_per_token / (2.0 * 56.0 * 128.0 * 60.0), 1e-3);
    // Sorted by x.
    assert!(s.markers.windows(2).all(|w| w[0].x <= w[1].x));
}

#[test]
fn sweep_xs_are_log_spaced_and_deduplicated() {
    let xs = sweep_xs(SweepInput::Ctx, 4000.0, 1e6, 5, true);
    // 4,000 × 250^(i/4): 4,000, 15,905, 63,246, 251,487, 1,000,000 (rounded to whole tokens).
    assert_eq!(xs, vec![4000.0, 15905.0, 63246.0, 251487.0, 1_000_000.0]);
    let tps = sweep_xs(SweepInput::Tp, 1.0, 2.0, 10, false);
    assert_eq!(tps, vec![1.0, 2.0]);
}

//! The continuous schedule (issue 9): hand-computed queueing checks, the one-user identity with
//! the cycle's formulas, prefix reuse, monotonicity as users grow, and that the cycle is
//! unchanged.

use costmodel::phases::Prepared;
use costmodel::serving::{self, Sched};

fn eval(q: &str) -> costmodel::Evaluated {
    let e = costmodel::evaluate_query(q);
    assert_eq!(e.url_warnings, 0, "{q}: {:?}", e.report.warnings);
    e
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-300)
}

/// One queueing station of constant rate μ = 1/s (service 1 s) and think time Z = 1 s, two users.
/// By hand (exact MVA, Lazowska et al. §6.4): n = 1: R = 1, X = 1/2, Q = 1/2; n = 2:
/// R = 1 · (1 + 1/2) = 1.5, X = 2 / (1 + 1.5) = 0.8.
#[test]
fn mva_one_queueing_station_by_hand() {
    let (x, r) = serving::mva(&[1.0, 1.0], 1.0, 2);
    assert!(close(x, 0.8, 1e-12), "{x}");
    assert!(close(r, 1.5, 1e-12), "{r}");
}

/// A station whose rate grows with its population (μ(j) = j / 2 s: every request served in
/// parallel in 2 s) never queues: X = N / (Z + 2) (to 1e-6: MVA carries P(0) as 1 − Σ P(j)).
#[test]
fn mva_delay_like_station_never_queues() {
    let mu: Vec<f64> = (1..=50).map(|j| f64::from(j) / 2.0).collect();
    let (x, r) = serving::mva(&mu, 3.0, 50);
    assert!(close(x, 50.0 / 5.0, 1e-6), "{x}");
    assert!(close(r, 2.0, 1e-6), "{r}");
}

/// M/D/1 mean wait, Pollaczek-Khinchine: ρ = 0.8, D = 1 s: W = 0.8 / (2 · 0.2) = 2 s; and its
/// p95 under the exponential tail: (2 / 0.8) · ln(0.8 / 0.05) = 2.5 · ln 16 = 6.9315 s.
#[test]
fn md1_wait_and_tail_by_hand() {
    assert!(close(serving::md1_wait_s(0.8, 1.0), 2.0, 1e-12));
    assert!(close(serving::wait_quantile_s(2.0, 0.8, 0.95), 2.5 * 16f64.ln(), 1e-12));
    // Nobody waits at the median when fewer than half wait at all.
    assert_eq!(serving::wait_quantile_s(2.0, 0.4, 0.5), 0.0);
}

/// One user, no think time, peak mode: continuous batching is the single user's prefill of the
/// prompt (`ctx − out`) and its `out − 1` decode steps (the prefill samples the first token),
/// computed with the cycle's own formulas (`Prepared::prefill`, `Prepared::decode_sum`).
/// Tolerance 0.5%: the continuous step reads the weights once per prefill chunk and uses the
/// mean context of the generation (exact for the memory-bound decode, linear in context).
#[test]
fn one_user_is_prefill_plus_decode() {
    let (ctx, out) = (50_000.0, 250.0);
    let e = eval(&format!("ctx={ctx}&out={out}&sched=continuous"));
    let r = &e.report;
    assert_eq!(r.sched, Sched::Continuous);
    let p = Prepared::new(&e.inputs);
    let prompt = ctx - out;
    let prefill = p.prefill(prompt, prompt).total_s;
    let decode = p.decode_sum(&e.inputs, 1.0, prompt + 1.0, out - 1.0).time_s;
    let ttft = r.ttft_s.unwrap();
    assert!(close(ttft, prefill, 0.005), "TTFT {ttft} vs prefill {prefill}");
    assert_eq!(r.ttft_p95_s, r.ttft_s, "one user never waits");
    let turn = 1.0 / r.requests_per_s.unwrap();
    assert!(close(turn, prefill + decode, 0.005), "turn {turn} vs {}", prefill + decode);
    assert!(close(r.tpot_s.unwrap(), decode / (out - 1.0), 0.005));
    assert_eq!(r.running_users, Some(1.0));
    assert_eq!(r.saturated, Some(false));
}

/// Issue 9: realistic mode's fractions, attention curve, elementwise traffic and step cost are
/// one table read by both schedules, so at one user (Yi-34B on an H200, 8K prompt: one chunk of
/// the 8,192-token budget, as the cycle's 8,192-token prefill chunk) continuous batching is again
/// the cycle's prefill plus its decode steps. Within 2%: the continuous step reads each
/// operator class's roofline apart (GEMMs, attention), the cycle one roofline for the step.
#[test]
fn one_user_is_prefill_plus_decode_in_realistic_mode() {
    let (ctx, out) = (8_192.0, 200.0);
    let e = eval(&format!("model=yi-34b&hw=h200&ctx={ctx}&out={out}&sched=continuous&mode=realistic"));
    let r = &e.report;
    let p = Prepared::new(&e.inputs);
    assert!(p.step_overhead_s > 0.0 && p.attn_curve.is_some());
    let prompt = ctx - out;
    let prefill = p.prefill(prompt, prompt).total_s;
    let decode = p.decode_sum(&e.inputs, 1.0, prompt + 1.0, out - 1.0).time_s;
    let ttft = r.ttft_s.unwrap();
    assert!(close(ttft, prefill, 0.02), "TTFT {ttft} vs prefill {prefill}");
    assert!(close(r.tpot_s.unwrap(), decode / (out - 1.0), 0.02), "TPOT {} vs {}", r.tpot_s.unwrap(), decode / (out - 1.0));
}

/// With `reuse = q` the prompt's first `P (1 − 1/q)` tokens are a cached prefix: TTFT counts
/// only the new tokens' GEMMs and their attention over the whole prefix. By hand, in one chunk
/// (`max_batched_tokens` above the prompt) at one user in peak mode:
/// `(linear · P/q + logits) / F + (attn(P) − attn(P − P/q)) / F`.
#[test]
fn reuse_counts_only_new_tokens() {
    let (ctx, out, q) = (20_000.0, 100.0, 4.0);
    let e = eval(&format!("ctx={ctx}&out={out}&reuse={q}&sched=continuous&max_batched_tokens=100000"));
    let p = Prepared::new(&e.inputs);
    let prompt = ctx - out;
    let new = prompt / q;
    let flop_linear = new * p.linear_flop_per_token + p.logits_flop_per_token;
    let flop_attn = p.prefill_attention_flop(prompt) - p.prefill_attention_flop(prompt - new);
    let expected = flop_linear / p.gemm_flops_per_s + flop_attn / p.attn_flops_per_s;
    let ttft = e.report.ttft_s.unwrap();
    assert!(close(ttft, expected, 0.005), "TTFT {ttft} vs hand {expected}");
    let full = eval(&format!("ctx={ctx}&out={out}&sched=continuous&max_batched_tokens=100000")).report.ttft_s.unwrap();
    assert!(ttft < full / 2.0, "reuse 4 TTFT {ttft} vs no reuse {full}");
}

/// Throughput never falls, and TPOT and TTFT p95 never improve, as users grow (with and without
/// think time, with and without an engine); at saturation the flag is set.
#[test]
fn more_users_never_less_throughput_never_better_latency() {
    let bases = [
        "model=llama-3.1-8b&hw=h100-sxm&ctx=4000&out=500&mode=realistic&sched=continuous",
        "model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=32000&out=1000&mode=realistic&engine=vllm&think_s=10",
        "model=llama-3.1-8b&hw=a100-sxm-80gb&ctx=1000&out=200&engine=trtllm&w_bits=8&a_bits=8&kv_bits=8&think_s=2",
    ];
    for base in bases {
        let mut last: Option<costmodel::Report> = None;
        let mut saw_saturation = false;
        for users in [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584] {
            let r = eval(&format!("{base}&users={users}")).report;
            let (x, tpot, p95) = (r.output_tokens_per_s.unwrap(), r.tpot_s.unwrap(), r.ttft_p95_s.unwrap());
            if let Some(prev) = &last {
                let (px, ptpot, pp95) = (prev.output_tokens_per_s.unwrap(), prev.tpot_s.unwrap(), prev.ttft_p95_s.unwrap());
                assert!(x >= px * (1.0 - 1e-9), "{base}&users={users}: throughput {x} < {px}");
                assert!(tpot >= ptpot * (1.0 - 1e-9), "{base}&users={users}: TPOT {tpot} < {ptpot}");
                assert!(p95 >= pp95 * (1.0 - 1e-9), "{base}&users={users}: TTFT p95 {p95} < {pp95}");
            }
            if r.saturated == Some(true) {
                saw_saturation = true;
                assert!(f64::from(users) > r.saturation_users.unwrap());
            }
            last = Some(r);
        }
        assert!(saw_saturation, "{base}: 2584 users saturate the engine");
    }
}

/// No think time, everyone queued (`users` far above the running batch): every user waits for
/// the batch ahead, so the mean TTFT is at least `(N − B) / X` (Little's law on the queue).
#[test]
fn saturated_wait_is_the_queue_ahead() {
    let r = eval("model=llama-3.1-8b&hw=h100-sxm&ctx=2000&out=200&mode=realistic&engine=vllm&users=5000").report;
    assert_eq!(r.saturated, Some(true));
    let c = r.serving.unwrap();
    let queue = 5000.0 - c.mix.running;
    let wait = queue / c.requests_per_s;
    assert!(close(c.slot_wait_s, wait, 0.01), "slot wait {} vs (N − B)/X {wait}", c.slot_wait_s);
    assert!(r.ttft_p95_s.unwrap() >= wait);
}

/// Goodput: objectives that every request meets leave the throughput; a TPOT objective below
/// the TPOT leaves nothing.
#[test]
fn goodput_under_objectives() {
    let base = "model=llama-3.1-8b&hw=h100-sxm&ctx=4000&out=500&mode=realistic&sched=continuous&users=64";
    let r = eval(base).report;
    assert_eq!(r.goodput_requests_per_s, r.requests_per_s);
    let loose = eval(&format!("{base}&slo_ttft_s=60&slo_tpot_s=1")).report;
    assert!(close(loose.goodput_requests_per_s.unwrap(), r.requests_per_s.unwrap(), 1e-9));
    let tight = eval(&format!("{base}&slo_tpot_s={}", r.tpot_s.unwrap() * 0.9)).report;
    assert_eq!(tight.goodput_requests_per_s, Some(0.0));
    let ttft = eval(&format!("{base}&slo_ttft_s={}", r.serving.unwrap().mix.prefill_s * 0.5)).report;
    assert_eq!(ttft.goodput_requests_per_s, Some(0.0));
}

/// The cycle is untouched: no `sched`, or `sched=cycle`, gives the same report as before this
/// issue (the golden tests hold the paper's numbers), with none of the continuous fields.
#[test]
fn cycle_is_the_default_and_unchanged() {
    for q in ["", "mode=realistic&users=20", "model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000&users=7"] {
        let a = eval(q).report;
        let b = eval(&format!("{q}&sched=cycle")).report;
        assert_eq!(a, b, "{q}");
        assert_eq!(a.sched, Sched::Cycle);
        assert!(a.ttft_p95_s.is_none() && a.requests_per_s.is_none() && a.serving.is_none());
    }
    // An engine implies continuous unless `sched` says otherwise.
    assert_eq!(eval("engine=vllm").report.sched, Sched::Continuous);
    assert_eq!(eval("engine=vllm&sched=cycle").report.sched, Sched::Cycle);
    // `paper` is read as `cycle`.
    assert_eq!(eval("sched=paper").report.sched, Sched::Cycle);
}

/// The new keys survive the URL and a bad value names the key and its range.
#[test]
fn url_round_trip_and_messages() {
    let q = "v=1&sched=continuous&think_s=5&slo_ttft_s=2&slo_tpot_s=0.05&step_overhead_s=0.002";
    let (s, w) = costmodel::url::from_query(q);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(costmodel::url::to_query(&s), q);
    let (_, w) = costmodel::url::from_query("sched=fast&think_s=-1");
    assert_eq!(w.len(), 2);
    assert!(w[0].message.contains("`sched` must be `cycle`"), "{}", w[0].message);
    assert!(w[1].message.contains("`think_s`") && w[1].message.contains("from 0 to 86400"), "{}", w[1].message);
}

/// Peak mode stays a lower bound on time: realistic continuous is never faster.
#[test]
fn peak_is_a_lower_bound() {
    for q in ["model=llama-3.1-8b&hw=h100-sxm&ctx=4000&out=500&users=64", "model=llama-3.1-70b&hw=h200&tp=2&ctx=30000&out=300&users=16"] {
        let peak = eval(&format!("{q}&sched=continuous")).report;
        let real = eval(&format!("{q}&sched=continuous&mode=realistic")).report;
        assert!(peak.tpot_s.unwrap() <= real.tpot_s.unwrap(), "{q}");
        assert!(peak.ttft_s.unwrap() <= real.ttft_s.unwrap(), "{q}");
        assert!(peak.output_tokens_per_s.unwrap() >= real.output_tokens_per_s.unwrap(), "{q}");
    }
}

/// The load curve: one point per user count, throughput rising to the knee and flat after it,
/// the knee flagged, the one-sentence summary naming the users and the cost.
#[test]
fn load_curve_rises_to_the_knee() {
    let (s, w) = costmodel::url::from_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=8000&out=500&mode=realistic&engine=vllm&think_s=5");
    assert!(w.is_empty());
    let users = costmodel::sweep::load_users(&s, 24);
    assert!(users.len() >= 20 && users[0] == 1.0);
    let curve = costmodel::sweep::load_curve(&s, &users);
    assert_eq!(curve.points.len(), users.len());
    let knee = curve.saturation_users.unwrap();
    assert!(*users.last().unwrap() >= 1.9 * knee, "the curve reaches twice the knee");
    for pair in curve.points.windows(2) {
        assert!(pair[1].output_tokens_per_s_per_gpu >= pair[0].output_tokens_per_s_per_gpu * (1.0 - 1e-9));
        assert!(pair[1].ttft_p95_s >= pair[0].ttft_p95_s * (1.0 - 1e-9));
    }
    let last = curve.points.last().unwrap();
    assert!(last.saturated && !curve.points[0].saturated);
    // Every point equals `eval` at that many users (one formula in one place).
    let mid = &curve.points[users.len() / 2];
    let q = format!("{}&sched=continuous&users={}", costmodel::url::to_query(&s), mid.users);
    let r = eval(&q).report;
    assert_eq!(r.output_tokens_per_s_per_gpu, Some(mid.output_tokens_per_s_per_gpu));
    assert_eq!(r.ttft_p95_s, Some(mid.ttft_p95_s));
    let summary = costmodel::sweep::load_summary(&curve);
    assert!(summary.starts_with(&format!("This setup saturates at {knee:.0} users at $")), "{summary}");
    // With objectives, the sentence counts the users within them.
    let (s2, _) = costmodel::url::from_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=8000&out=500&mode=realistic&engine=vllm&think_s=5&slo_ttft_s=2&slo_tpot_s=0.05");
    let c2 = costmodel::sweep::load_curve(&s2, &users);
    let n = c2.slo_users.unwrap();
    assert!(n >= 1.0 && n < knee, "{n} within the objectives, knee {knee}");
    assert!(costmodel::sweep::load_summary(&c2).contains(&format!("serves {n:.0} users within the objectives")));
}

mod props {
    use costmodel::presets::{HARDWARE, MODELS};
    use proptest::prelude::*;

    const ENGINES: &[&str] = &["none", "vllm", "sglang", "trtllm"];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Any preset, engine, workload and think time: the continuous numbers are finite and
        /// ordered (p50 ≤ p95, goodput ≤ throughput, running ≤ the cap), or absent when nothing
        /// fits; nothing panics.
        #[test]
        fn continuous_numbers_are_finite_and_ordered(
            m in 0..MODELS.len(), h in 0..HARDWARE.len(), e in 0..ENGINES.len(), tp in 0u32..4,
            ctx in 1u32..300_000, out in 0u32..5_000, users in 1u32..200_000, think in 0u32..120, realistic in any::<bool>(),
        ) {
            let q = format!(
                "model={}&hw={}&tp={}&engine={}&sched=continuous&ctx={ctx}&out={out}&users={users}&think_s={think}&mode={}",
                MODELS[m].id, HARDWARE[h].id, 1u32 << tp, ENGINES[e], if realistic { "realistic" } else { "peak" }
            );
            let r = costmodel::evaluate_query(&q).report;
            if let Some(c) = r.serving {
                for (name, v) in [("X", c.requests_per_s), ("p50", c.ttft_p50_s), ("p95", c.ttft_p95_s), ("tpot", c.mix.tpot_s), ("good", c.goodput_requests_per_s)] {
                    prop_assert!(v.is_finite() && v >= 0.0, "{q}: {name} = {v}");
                }
                prop_assert!(c.requests_per_s > 0.0, "{q}");
                prop_assert!(c.ttft_p50_s <= c.ttft_p95_s * (1.0 + 1e-12), "{q}");
                prop_assert!(c.goodput_requests_per_s <= c.requests_per_s * (1.0 + 1e-12), "{q}");
                prop_assert!(c.mix.running <= c.limits.running_cap + 1e-9, "{q}: running {} cap {}", c.mix.running, c.limits.running_cap);
            } else {
                prop_assert!(r.no_fit.is_some() || r.engine_max_concurrency.is_some_and(|c| c < 1.0), "{q}: no continuous numbers but it fits");
            }
        }
    }
}

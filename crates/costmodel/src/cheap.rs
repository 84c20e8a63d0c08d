//! "1M as cheap as 4K" (docs/methodology.md §4.7): the cost of a long-context turn against a short
//! one on the same model and hardware, the KV compression that closes the gap, and which
//! published methods, stacked one per axis, reach it.
//!
//! Cost is GPU-seconds per turn (price-free). Two ratios are reported: the whole turn, and the
//! KV-dependent part (decode and context switching, with concurrency's effect on batching).
//! Prefill attention is quadratic in the context and KV compression after prefill does not
//! remove it, so the whole-turn ratio can stay above 1 however much the cache shrinks; the
//! report says so rather than hiding it.

use serde::Serialize;

use crate::compression::{Axis, Keep, METHODS};
use crate::phases::Prepared;
use crate::report::{evaluate_prepared, Detail};
use crate::spec::Inputs;

/// The paper's long context (tokens).
pub const LONG_CTX_TOKENS: f64 = 1_000_000.0;
/// The paper's short context (tokens).
pub const SHORT_CTX_TOKENS: f64 = 4_000.0;
/// Smallest KV factor the solver tries.
pub const MIN_FACTOR: f64 = 1e-6;
/// Bisection steps of the solver.
const SOLVER_STEPS: usize = 60;
/// Stacks listed.
pub const MAX_STACKS: usize = 6;

/// A set of methods, one per axis at most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stack {
    /// Method ids, in axis order.
    pub methods: Vec<&'static str>,
    /// Their combined KV factor at the long context.
    pub factor: f64,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheapAs {
    /// Long context (tokens).
    pub long_ctx_tokens: f64,
    /// Short context (tokens).
    pub short_ctx_tokens: f64,
    /// GPU-seconds per turn at the long context, uncompressed (`None` if it does not fit).
    pub long_gpu_s_per_turn: Option<f64>,
    /// GPU-seconds per turn at the short context.
    pub short_gpu_s_per_turn: Option<f64>,
    /// Long over short, whole turn.
    pub cost_ratio: Option<f64>,
    /// Long over short, decode and switching only.
    pub kv_cost_ratio: Option<f64>,
    /// KV factor (multiplying every user's cache) at which the long context's decode and
    /// switching cost per turn equals the short one's; `None` if no factor down to 1e-6 does.
    pub needed_factor: Option<f64>,
    /// Whole-turn ratio with the needed factor applied (what prefill leaves).
    pub ratio_at_needed: Option<f64>,
    /// Published stacks whose factor is at most the needed one, least aggressive first.
    pub stacks: Vec<Stack>,
    // ux (issue 11)
    /// The scenario's own KV compression at the long context: its cache over the uncompressed
    /// one (1 when nothing is applied). Every cost above already includes it.
    pub applied_kv_factor: f64,
    /// Decode and switching at the long context already cost at most the short context's
    /// (within [`ALREADY_REL`]): no further KV factor is needed.
    pub already_cheap: bool,
    /// Share of the long turn's GPU-seconds spent in prefill (`None` if it does not fit).
    pub long_prefill_share: Option<f64>,
    /// Attention's share of the long prompt's prefill FLOP.
    pub long_prefill_attention_share: Option<f64>,
}

// ux (issue 11)
/// Decode and switching within this fraction of the short context's count as "as cheap".
pub const ALREADY_REL: f64 = 0.01;

/// What keeps the long context dear: the larger part of its turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheapBound {
    /// Reading the prompt (compute; KV compression after prefill does not remove it).
    Prefill,
    /// Decode and context switching (the KV cache's bytes).
    KvCache,
}

impl CheapAs {
    /// What bounds the long turn (`None` if it does not fit).
    pub fn bound(&self) -> Option<CheapBound> {
        self.long_prefill_share.map(|p| if p >= 0.5 { CheapBound::Prefill } else { CheapBound::KvCache })
    }
}

/// (whole turn, decode + switching) GPU-seconds per turn at `ctx` with an extra KV factor.
fn cost(base: &Inputs, ctx: f64, factor: f64) -> Option<(f64, f64)> {
    cost_detail(base, ctx, factor).map(|(t, kv, _)| (t, kv))
}

/// [`cost`] plus attention's share of the prompt's prefill FLOP.
fn cost_detail(base: &Inputs, ctx: f64, factor: f64) -> Option<(f64, f64, f64)> {
    let mut inputs = base.clone();
    inputs.workload.ctx_tokens = ctx;
    inputs.compression.hidden *= factor;
    let p = Prepared::new(&inputs);
    let r = evaluate_prepared(&inputs, &p, Detail::Numbers);
    let cycle = r.cycle?;
    let per_turn = f64::from(inputs.tp) / r.batch;
    Some((cycle.total_s * per_turn, (cycle.decode_s + cycle.switch_s) * per_turn, r.kv_share.prefill_flop))
}

/// The scenario's KV bytes per user at `ctx` over the uncompressed cache's.
fn applied_factor(base: &Inputs, ctx: f64) -> f64 {
    let mut inputs = base.clone();
    inputs.workload.ctx_tokens = ctx;
    let with = evaluate_prepared(&inputs, &Prepared::new(&inputs), Detail::Numbers).kv_bytes_per_user;
    inputs.compression = crate::spec::Compression::default();
    let without = evaluate_prepared(&inputs, &Prepared::new(&inputs), Detail::Numbers).kv_bytes_per_user;
    if without > 0.0 && with.is_finite() {
        with / without
    } else {
        1.0
    }
}

/// Compares `long` and `short` context on the scenario's model, hardware and workload.
pub fn cheap_as(base: &Inputs, long: f64, short: f64) -> CheapAs {
    let long_detail = cost_detail(base, long, 1.0);
    let long_cost = long_detail.map(|(t, kv, _)| (t, kv));
    let short_cost = cost(base, short, 1.0);
    let mut out = CheapAs {
        long_ctx_tokens: long,
        short_ctx_tokens: short,
        long_gpu_s_per_turn: long_cost.map(|c| c.0),
        short_gpu_s_per_turn: short_cost.map(|c| c.0),
        cost_ratio: long_cost.zip(short_cost).map(|(l, s)| l.0 / s.0),
        kv_cost_ratio: long_cost.zip(short_cost).map(|(l, s)| l.1 / s.1),
        needed_factor: None,
        ratio_at_needed: None,
        stacks: Vec::new(),
        applied_kv_factor: applied_factor(base, long),
        already_cheap: false,
        long_prefill_share: long_detail.filter(|d| d.0 > 0.0).map(|(t, kv, _)| (t - kv) / t),
        long_prefill_attention_share: long_detail.map(|d| d.2),
    };
    let Some((short_total, short_kv)) = short_cost else {
        return out;
    };
    let reaches = |f: f64| cost(base, long, f).is_some_and(|(_, kv)| kv <= short_kv);
    if cost(base, long, 1.0).is_some_and(|(_, kv)| kv <= short_kv * (1.0 + ALREADY_REL)) {
        out.needed_factor = Some(1.0);
        out.already_cheap = true;
    } else if reaches(MIN_FACTOR) {
        // Geometric bisection on the factor: the largest f that still reaches the target.
        let (mut lo, mut hi) = (MIN_FACTOR, 1.0f64);
        for _ in 0..SOLVER_STEPS {
            let mid = (lo * hi).sqrt();
            if reaches(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        out.needed_factor = Some(lo);
    }
    if let Some(f) = out.needed_factor {
        out.ratio_at_needed = cost(base, long, f).map(|(total, _)| total / short_total);
        if !out.already_cheap {
            out.stacks = stacks(base, long, f);
        }
        // ux (issue 11): when the long context fits only compressed, what bounds it is read there.
        if out.long_prefill_share.is_none() {
            if let Some((t, kv, att)) = cost_detail(base, long, f).filter(|d| d.0 > 0.0) {
                out.long_prefill_share = Some((t - kv) / t);
                out.long_prefill_attention_share = Some(att);
            }
        }
    }
    out
}

/// Method stacks (at most one per axis) whose combined factor at `ctx` is at most `needed`,
/// fewest methods first, then the least aggressive.
pub fn stacks(base: &Inputs, ctx: f64, needed: f64) -> Vec<Stack> {
    let kv_bits = base.precision.kv_bits;
    let mut per_axis: Vec<Vec<(Option<&'static str>, f64)>> = Vec::new();
    let c = base.compression;
    for axis in Axis::ALL {
        let mut options = vec![(None, 1.0)];
        // ux (issue 11): an axis the scenario already compresses takes no second method (the
        // needed factor is on top of what is applied).
        let taken = match axis {
            Axis::Layer => c.layer < 1.0,
            Axis::Head => c.head < 1.0,
            Axis::Token => c.token != crate::spec::TokenKeep::Fraction { fraction: 1.0 },
            Axis::Hidden => c.hidden < 1.0,
        };
        for m in METHODS.iter().filter(|m| m.axis == axis && !taken) {
            let f = match m.keep {
                Keep::TokenBudget { tokens } => (tokens / ctx).min(1.0),
                _ => m.fraction_at(kv_bits, ctx),
            };
            options.push((Some(m.id), f));
        }
        per_axis.push(options);
    }
    let mut found: Vec<Stack> = Vec::new();
    let mut idx = [0usize; 4];
    loop {
        let mut factor = 1.0;
        let mut methods = Vec::new();
        for (a, &i) in idx.iter().enumerate() {
            let (id, f) = per_axis[a][i];
            factor *= f;
            if let Some(id) = id {
                methods.push(id);
            }
        }
        if factor <= needed && !methods.is_empty() {
            found.push(Stack { methods, factor });
        }
        // Odometer over the four axes.
        let mut a = 0;
        loop {
            if a == 4 {
                crate::sort::sort_stable_by(&mut found, |x, y| x.methods.len().cmp(&y.methods.len()).then(y.factor.total_cmp(&x.factor)));
                found.truncate(MAX_STACKS);
                return found;
            }
            idx[a] += 1;
            if idx[a] < per_axis[a].len() {
                break;
            }
            idx[a] = 0;
            a += 1;
        }
    }
}

// ux (issue 11)
/// The comparison in plain sentences (the app's tab and the CLI): the ratio, what closes the
/// gap (or that nothing more is needed), and what keeps the long context dear.
pub fn sentences(c: &CheapAs) -> Vec<String> {
    use crate::units::{fmt_count, fmt_percent, fmt_sig};
    let (long, short) = (fmt_count(c.long_ctx_tokens), fmt_count(c.short_ctx_tokens));
    let applied = c.applied_kv_factor < 1.0 - 1e-9;
    let mut out = Vec::new();
    out.push(match (c.cost_ratio, c.kv_cost_ratio) {
        (Some(r), kv) => format!(
            "{long} tokens cost {}× the GPU-seconds per turn of {short} tokens ({} for decode and switching alone){}.",
            fmt_sig(r),
            kv.map_or_else(|| "–".to_owned(), |k| format!("{}×", fmt_sig(k))),
            if applied {
                format!(", with this scenario's KV compression applied to both (at {long} tokens it keeps {} of the cache)", fmt_percent(c.applied_kv_factor))
            } else {
                String::new()
            }
        ),
        (None, _) if c.short_gpu_s_per_turn.is_none() => format!("Even {short} tokens do not fit here."),
        (None, _) => format!("{long} tokens do not fit here, so there is no plain ratio."),
    });
    match c.needed_factor {
        Some(_) if c.already_cheap => out.push(if applied {
            format!("The compression already applied makes decode and switching at {long} tokens as cheap as at {short} (within 1%): no further KV compression is needed.")
        } else {
            format!("Decode and switching at {long} tokens already cost no more than at {short} (within 1%): no KV compression is needed.")
        }),
        Some(f) => out.push(format!(
            "{} KV factor of {} (the cache {}× smaller{}) makes decode and switching as cheap as at {short} tokens; the whole turn is then {}× (compressing the cache does not remove prefill).",
            if applied { "A further" } else { "A" },
            fmt_sig(f),
            fmt_sig(1.0 / f),
            if applied { " than now" } else { "" },
            c.ratio_at_needed.map_or_else(|| "–".to_owned(), fmt_sig)
        )),
        None if c.short_gpu_s_per_turn.is_some() => out.push(format!(
            "No KV factor down to 10⁻⁶ brings decode and switching at {long} tokens down to their cost at {short}: what compression cannot remove (weights, attention compute) already costs more."
        )),
        None => {}
    }
    match (c.bound(), c.long_prefill_share) {
        (Some(CheapBound::Prefill), Some(p)) => out.push(format!(
            "What keeps {long} tokens dear is prefill: {} of the turn's GPU-seconds is reading the prompt ({} of its FLOP is attention, which grows with the square of the context), and no KV-cache compression removes it. What helps: reusing one prefilled context for many queries (`reuse`), prefix caching, attention that skips most of the context while prefilling (sparse or linear attention), or more FLOP/s.",
            fmt_percent(p),
            c.long_prefill_attention_share.map_or_else(|| "–".to_owned(), fmt_percent)
        )),
        (Some(CheapBound::KvCache), Some(p)) => out.push(format!(
            "What keeps {long} tokens dear is the KV cache: decode and switching are {} of the turn's GPU-seconds, so compressing the cache helps directly.",
            fmt_percent(1.0 - p)
        )),
        _ => {}
    }
    out
}

#[cfg(test)]
mod ux_tests {
    use super::*;

    // ux (issue 11): the case. StreamingLLM keeps 4,096 tokens (4 sinks + a recent
    // window; compression.rs), so at 1,000,000 tokens the cache is 4,096/1,000,000 = 0.41% of
    // the uncompressed one, and at 4,000 tokens the whole context stays: decode costs the same
    // at both lengths up to the 96 extra cached tokens (4,096 vs 4,000: 2.4% more KV read per
    // step, much less of the step time). Nothing more is needed, and prefill is what is dear.
    #[test]
    fn with_compression_already_applied_it_says_nothing_more_is_needed() {
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=1000000&kv_token=streamingllm-4k");
        let c = cheap_as(&e.inputs, LONG_CTX_TOKENS, SHORT_CTX_TOKENS);
        assert!((c.applied_kv_factor - 4_096.0 / 1_000_000.0).abs() < 1e-9, "{}", c.applied_kv_factor);
        assert!(c.already_cheap, "{c:?}");
        assert!(c.stacks.is_empty());
        assert_eq!(c.bound(), Some(CheapBound::Prefill));
        let text = sentences(&c).join(" ");
        assert!(text.contains("no further KV compression is needed"), "{text}");
        assert!(text.contains("What keeps 1,000,000 tokens dear is prefill"), "{text}");
        assert!(!text.contains("1.00× smaller"), "{text}");
    }

    #[test]
    fn uncompressed_it_names_the_kv_cache_and_lists_stacks() {
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4");
        let c = cheap_as(&e.inputs, LONG_CTX_TOKENS, SHORT_CTX_TOKENS);
        assert_eq!(c.applied_kv_factor, 1.0);
        assert!(!c.already_cheap);
        assert!(c.needed_factor.is_some_and(|f| f < 0.1), "{c:?}");
        assert!(!c.stacks.is_empty());
        let text = sentences(&c).join(" ");
        // 1M tokens do not fit uncompressed on 4× H100 (the 70B's cache is 320 GB at 1M).
        assert!(text.starts_with("1,000,000 tokens do not fit here"), "{text}");
        assert!(text.contains("A KV factor of"), "{text}");
        assert_eq!(c.bound(), Some(CheapBound::Prefill), "{text}");
    }
}

//! "1M as cheap as 4K" (cost-model.md §4.7): the cost of a long-context turn against a short
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
}

/// (whole turn, decode + switching) GPU-seconds per turn at `ctx` with an extra KV factor.
fn cost(base: &Inputs, ctx: f64, factor: f64) -> Option<(f64, f64)> {
    let mut inputs = base.clone();
    inputs.workload.ctx_tokens = ctx;
    inputs.compression.hidden *= factor;
    let p = Prepared::new(&inputs);
    let r = evaluate_prepared(&inputs, &p, Detail::Numbers);
    let cycle = r.cycle?;
    let per_turn = f64::from(inputs.tp) / r.batch;
    Some((cycle.total_s * per_turn, (cycle.decode_s + cycle.switch_s) * per_turn))
}

/// Compares `long` and `short` context on the scenario's model, hardware and workload.
pub fn cheap_as(base: &Inputs, long: f64, short: f64) -> CheapAs {
    let long_cost = cost(base, long, 1.0);
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
    };
    let Some((short_total, short_kv)) = short_cost else {
        return out;
    };
    let reaches = |f: f64| cost(base, long, f).is_some_and(|(_, kv)| kv <= short_kv);
    if reaches(1.0) {
        out.needed_factor = Some(1.0);
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
        out.stacks = stacks(base, long, f);
    }
    out
}

/// Method stacks (at most one per axis) whose combined factor at `ctx` is at most `needed`,
/// fewest methods first, then the least aggressive.
pub fn stacks(base: &Inputs, ctx: f64, needed: f64) -> Vec<Stack> {
    let kv_bits = base.precision.kv_bits;
    let mut per_axis: Vec<Vec<(Option<&'static str>, f64)>> = Vec::new();
    for axis in Axis::ALL {
        let mut options = vec![(None, 1.0)];
        for m in METHODS.iter().filter(|m| m.axis == axis) {
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
                found.sort_by(|x, y| x.methods.len().cmp(&y.methods.len()).then(y.factor.total_cmp(&x.factor)));
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

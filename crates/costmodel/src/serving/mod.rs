//! Serving as the engines run it: continuous batching with chunked prefill, beside the paper's
//! cycle (docs/serving.md has every formula).
//!
//! `sched=cycle` (the default) is the paper's session cycle and changes nothing. `sched=continuous`
//! is a steady-state analytic model, not a simulation:
//!
//! 1. **One turn.** `ctx` is the conversation's length at the *end* of the turn, so the prompt is
//!    `P = ctx − out` tokens, of which `P_new = P / reuse` are new (the rest is a cached prefix);
//!    the turn generates `m = out` tokens, the first by the prefill's last step.
//! 2. **Engine steps** (vLLM V1 `vllm/v1/core/sched/scheduler.py` `Scheduler.schedule`: running
//!    requests are scheduled first, one token each, then waiting prefills fill what is left of
//!    `max_num_batched_tokens`; TensorRT-LLM's `max_num_tokens` and SGLang's chunked prefill work
//!    alike). With `b` requests in the engine a *prefill step* carries `b − 1` decodes and a chunk
//!    of at most `M − (b − 1)` prompt tokens; a prompt takes `n_c = ceil(P_new / (M − b + 1))`
//!    such steps. The other steps are *decode steps* with `b` decodes.
//! 3. **Step time**: the roofline of the step's whole mix (GEMM FLOP of every token, attention
//!    FLOP over each token's context, weights read once, every decode's KV read) plus the TP
//!    all-reduces plus a fixed `step_overhead_s`.
//! 4. **Throughput at `b`**: per completed request the group spends `n_c` prefill steps and
//!    `s_d = ((m − 1) − n_c (b − 1)) / b` decode steps, so `X(b) = 1 / (n_c t_p + s_d t_d)`
//!    requests/s; when `s_d < 0` the prompts, not the decodes, fill the steps and only
//!    `1 + (m − 1) / n_c` requests really run.
//! 5. **Users**: `N` users in a closed loop, each thinking `think_s` between turns; the engine is a
//!    load-dependent station of rate `μ(j) = X(min(j, B_max))` (`B_max` = the engine's
//!    `max_num_seqs`, the KV cache's concurrency, the token budget), solved by exact mean-value
//!    analysis (or its fluid limit for very many users).
//! 6. **TTFT**: the MVA's time not spent decoding, plus an M/D/1 wait for another prompt's
//!    chunks (as seen by an arrival among `N − 1` others), with a Kingman-style exponential tail
//!    for the median and p95.

use serde::{Deserialize, Serialize};

use crate::phases::Prepared;
use crate::report::Report;
use crate::spec::Inputs;

/// Which schedule produces the latencies and the throughput.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sched {
    /// The paper's cycle: every user prefills in turn, the batch decodes, users are swapped.
    #[default]
    Cycle,
    /// Continuous batching with chunked prefill, as vLLM, SGLang and TensorRT-LLM run.
    Continuous,
}

impl Sched {
    /// Both values, in the order the page lists them.
    pub const ALL: [Sched; 2] = [Sched::Cycle, Sched::Continuous];

    /// URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Sched::Cycle => "cycle",
            Sched::Continuous => "continuous",
        }
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Sched::Cycle => "the paper's cycle",
            Sched::Continuous => "continuous batching",
        }
    }

    /// Parses a URL value (`paper` is read as `cycle`).
    pub fn parse(value: &str) -> Option<Sched> {
        match value {
            "cycle" | "paper" => Some(Sched::Cycle),
            "continuous" => Some(Sched::Continuous),
            _ => None,
        }
    }
}

/// The schedule as resolved (part of [`Inputs`]).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct ServingSettings {
    /// The schedule.
    pub sched: Sched,
    /// Think time of a user between the end of one turn and the next (seconds).
    pub think_s: f64,
    /// Time-to-first-token objective (seconds), if any.
    pub slo_ttft_s: Option<f64>,
    /// Time-per-output-token objective (seconds), if any.
    pub slo_tpot_s: Option<f64>,
    /// Fixed cost of one engine step (seconds).
    pub step_overhead_s: f64,
}

/// TensorRT-LLM's `max_batch_size` default (`tensorrt_llm/llmapi/llm_args.py`,
/// `BaseLlmArgs.max_batch_size`, 2048).
pub const TRTLLM_MAX_BATCH_SIZE: f64 = 2048.0;

/// SGLang's running-request limit is half the token pool by default
/// (`python/sglang/srt/managers/scheduler.py`: `max_total_num_tokens // 2` when
/// `--max-running-requests` is unset).
pub const SGLANG_RUNNING_PER_POOL_TOKEN: f64 = 0.5;

/// Users up to which the closed loop is solved by exact MVA (O(N²)); beyond, its fluid limit.
pub const MVA_EXACT_MAX_USERS: usize = 1000;

/// Most running requests the model tabulates (no engine runs more in one batch).
pub const MAX_RUNNING_TABULATED: f64 = 65_536.0;

/// Quantiles the report gives.
pub const P50: f64 = 0.5;
/// ...
pub const P95: f64 = 0.95;

/// What bounds the running batch.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Limits {
    /// The engine's sequences per step (vLLM `max_num_seqs`, TensorRT-LLM `max_batch_size`,
    /// SGLang `max_running_requests`).
    pub max_seqs: f64,
    /// Users whose whole conversation (`ctx` tokens) fits in the KV cache.
    pub kv_users: f64,
    /// Tokens per step (`max_num_batched_tokens`, `max_num_tokens`, `chunked_prefill_size`).
    pub max_batched_tokens: f64,
    /// `B_max`: the smallest of the three (and of [`MAX_RUNNING_TABULATED`]).
    pub running_cap: f64,
}

/// The running batch's limits for these inputs; `kv_users` comes from the report (the engine's
/// maximum concurrency when an engine is chosen, else the model's concurrency).
pub fn limits(inputs: &Inputs, report: &Report) -> Limits {
    use crate::engine::{vllm, Engine};
    let e = &inputs.engine;
    let kv_users = report.engine_max_concurrency.unwrap_or(report.concurrency).floor().max(0.0);
    let max_seqs = match e.engine {
        Engine::None | Engine::Vllm => vllm::default_max_num_seqs(e),
        Engine::Trtllm => TRTLLM_MAX_BATCH_SIZE,
        Engine::Sglang => report.engine_kv_tokens.map_or(vllm::default_max_num_seqs(e), |t| (t * SGLANG_RUNNING_PER_POOL_TOKEN).floor()),
    };
    let max_batched_tokens = e.max_batched_tokens.unwrap_or_else(|| match e.engine.rules() {
        Some(r) => (r.default_max_batched_tokens)(e),
        None => vllm::default_max_batched_tokens(e),
    });
    let running_cap = max_seqs.min(kv_users).min(max_batched_tokens).min(MAX_RUNNING_TABULATED).floor().max(0.0);
    Limits { max_seqs, kv_users, max_batched_tokens, running_cap }
}

/// One turn's token counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Turn {
    /// Prompt tokens (`ctx − out`, at least 1).
    pub prompt_tokens: f64,
    /// New prompt tokens to prefill (`prompt / reuse`).
    pub new_tokens: f64,
    /// Generated tokens (at least 1: the prefill samples the first).
    pub out_tokens: f64,
}

impl Turn {
    /// From the workload: `ctx` is the conversation length at the end of the turn.
    pub fn of(inputs: &Inputs) -> Turn {
        let w = inputs.workload;
        let out = w.out_tokens.floor().max(1.0);
        let prompt = (w.ctx_tokens - w.out_tokens.floor().max(0.0)).max(1.0);
        Turn { prompt_tokens: prompt, new_tokens: (prompt / w.prefix_reuse.max(1.0)).max(1.0), out_tokens: out }
    }
}

/// The steady state with `b` requests in the engine.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mix {
    /// Requests actually running (≤ `b`; fewer when the prompts fill every step).
    pub running: f64,
    /// Completed requests per second (the whole group).
    pub requests_per_s: f64,
    /// One step that carries a prefill chunk (seconds).
    pub prefill_step_s: f64,
    /// One step of decodes only (seconds).
    pub decode_step_s: f64,
    /// Steps a prompt's prefill takes (`n_c`).
    pub prefill_steps: f64,
    /// A request's own prefill (`n_c · t_p`, seconds): TTFT with no wait.
    pub prefill_s: f64,
    /// Time between a request's output tokens (seconds).
    pub tpot_s: f64,
    /// Fraction of the time spent in prefill steps (the prefill queue's utilisation).
    pub prefill_busy: f64,
    /// Prefill steps per completed request (`share`: `1/pack`, or `P_new / budget`).
    pub prefill_share: f64,
    /// Decodes riding along each prefill step.
    pub riders: f64,
    /// Decode-only steps per completed request (`s_d`).
    pub decode_only_steps: f64,
}

/// What one engine step carries.
#[derive(Debug, Clone, Copy, PartialEq)]
struct StepLoad {
    /// Decoding requests (one token each).
    decodes: f64,
    /// Kept context tokens of each decode (mean over the generation).
    kept_decode: f64,
    /// Prefill tokens in the step (all prompts' chunks).
    chunk_tokens: f64,
    /// Their attention FLOP (whole model).
    chunk_attn_flop: f64,
    /// Cached prefix KV the chunks read (bytes per GPU).
    chunk_kv_bytes: f64,
    /// Logit rows the chunks compute (prompts that finish in this step).
    logit_rows: f64,
    /// Length of the chunks' prompt (the attention kernel's sequence length).
    prompt_tokens: f64,
}

/// One step's time: the roofline of each operator class, summed (they run one after another):
/// GEMMs `max(linear FLOP / F_gemm, weights read / BW)`, attention `max(attention FLOP / F_attn,
/// KV read / BW)`, plus the all-reduces ([`Prepared::comm_s`]: 16-bit activations) and
/// `Prepared::serial_s` (elementwise kernels and the fixed step cost).
fn step_s(p: &Prepared, s: &StepLoad) -> f64 {
    let tokens = (s.decodes + s.chunk_tokens).max(1.0);
    let linear = tokens * p.linear_flop_per_token + (s.decodes + s.logit_rows) * p.logits_flop_per_token;
    let gemm_s = (linear / p.gemm_flops_per_s).max(p.decode_weight_bytes_per_gpu(tokens) / p.hbm_bw_bytes_per_s);
    // Decode attention at the long-sequence rate; prompt chunks at the kernel's rate for the
    // prompt's length (realistic mode on Hopper: FlashAttention-3's measured curve).
    let attn_compute_s =
        s.decodes * p.decode_attention_flop(s.kept_decode) / p.attn_flops_per_s + s.chunk_attn_flop / p.attn_flops_per_s_at(s.prompt_tokens);
    let kv_bytes = s.decodes * p.kv_gpu.bytes(s.kept_decode) + s.chunk_kv_bytes;
    let attn_s = attn_compute_s.max(kv_bytes / p.hbm_bw_bytes_per_s);
    let comm_s = p.comm_s(tokens, 1.0);
    // Elementwise kernels and the fixed step cost (realistic mode), as in the cycle's phases.
    gemm_s + attn_s + comm_s + p.serial_s(tokens, 1.0)
}

/// The steady state with `b ≥ 1` requests in the engine (see the module docs, items 2-4).
///
/// A prefill step fills what the decodes leave of the token budget, `M − riders`, with waiting
/// prompts (vLLM V1 schedules waiting requests in order until the budget is spent, chunking the
/// last): a prompt shorter than the budget shares its step with up to `floor(budget / P_new)`
/// others, a longer one takes `P_new / budget` steps (`ceil` when it is alone, `b = 1`).
pub fn mix(inputs: &Inputs, p: &Prepared, turn: &Turn, max_batched_tokens: f64, b: f64) -> Mix {
    let keep = inputs.compression.token;
    let b = b.max(1.0);
    let m = turn.out_tokens;
    let decode_steps = m - 1.0;
    let new = turn.new_tokens;
    let budget = (max_batched_tokens - (b - 1.0)).max(1.0);
    // Prompts prefilled together in one step, and the step's share of one prompt.
    let (pack, share) = if new <= budget {
        let pack = (budget / new).min(b).floor().max(1.0);
        (pack, 1.0 / pack)
    } else if b < 2.0 {
        (1.0, (new / budget).ceil())
    } else {
        (1.0, new / budget)
    };
    // Own prefill: whole steps.
    let own_steps = (new / budget).ceil().max(1.0);
    // Decodes riding along each prefill step, and the pure decode steps per request.
    let riders_max = (b - pack).max(0.0);
    let (riders, decode_only) = if share * riders_max > decode_steps {
        (decode_steps / share, 0.0)
    } else {
        (riders_max, (decode_steps - share * riders_max) / b)
    };
    let running = (riders + pack).min(b);
    let kept_decode = keep.kept_tokens(turn.prompt_tokens + m / 2.0);
    let kept_prompt = keep.kept_tokens(turn.prompt_tokens);
    let cached = (turn.prompt_tokens - new).max(0.0);
    let prompt_attn = p.prefill_attention_flop(turn.prompt_tokens) - p.prefill_attention_flop(cached);
    // A prompt in `own_steps` chunks re-reads the cache written so far: on average
    // (n + 1) / (2 n) of it per chunk (the whole of it for one chunk, as the cycle's prefill
    // reads).
    let kv_reads_per_prompt = p.kv_gpu.bytes(kept_prompt) * (own_steps + 1.0) / 2.0;
    let prompts_per_step = 1.0 / share;
    let t_p = step_s(
        p,
        &StepLoad {
            decodes: riders,
            kept_decode,
            chunk_tokens: new * prompts_per_step,
            chunk_attn_flop: prompt_attn * prompts_per_step,
            chunk_kv_bytes: kv_reads_per_prompt * prompts_per_step,
            logit_rows: prompts_per_step,
            prompt_tokens: turn.prompt_tokens,
        },
    );
    let t_d = step_s(
        p,
        &StepLoad { decodes: b, kept_decode, chunk_tokens: 0.0, chunk_attn_flop: 0.0, chunk_kv_bytes: 0.0, logit_rows: 0.0, prompt_tokens: turn.prompt_tokens },
    );
    let per_request_s = share * t_p + decode_only * t_d;
    let requests_per_s = if per_request_s > 0.0 { 1.0 / per_request_s } else { f64::INFINITY };
    let tpot_s = if decode_steps > 0.0 {
        (share * riders * t_p + decode_only * b * t_d) / decode_steps
    } else {
        0.0
    };
    Mix {
        running,
        requests_per_s,
        prefill_step_s: t_p,
        decode_step_s: t_d,
        prefill_steps: own_steps,
        prefill_s: own_steps * t_p,
        tpot_s,
        prefill_busy: (share * t_p * requests_per_s).min(1.0),
        prefill_share: share,
        riders,
        decode_only_steps: decode_only,
    }
}

/// The engine's rate as a function of requests in it: `μ(j)` for `j = 1 … B_max`, made
/// non-decreasing (a scheduler does not admit a request that would slow the batch: where a
/// larger batch would be slower, e.g. because decodes crowd the prefill budget, the best
/// smaller batch's rate is kept).
pub fn rates(inputs: &Inputs, p: &Prepared, turn: &Turn, lim: &Limits) -> Vec<(f64, f64)> {
    let cap = lim.running_cap.max(1.0) as usize;
    let mut out = Vec::with_capacity(cap);
    let mut best = (0.0, 1.0);
    for j in 1..=cap {
        let x = mix(inputs, p, turn, lim.max_batched_tokens, j as f64).requests_per_s;
        if x > best.0 {
            best = (x, j as f64);
        }
        out.push(best);
    }
    out
}

/// Closed-loop throughput and mean response time for `users` users with think time `z`:
/// exact mean-value analysis of one load-dependent station (`mu[j−1]` = rate with `j` present)
/// and a delay station (Reiser and Lavenberg 1980; Lazowska et al., *Quantitative System
/// Performance*, 1984, §20.3). Returns (throughput, response time).
///
/// ```
/// // One constant-rate station (μ = 2/s), no think time, 3 users: X = 2, R = 3 / 2.
/// let (x, r) = costmodel::serving::mva(&[2.0, 2.0, 2.0], 0.0, 3);
/// assert!((x - 2.0).abs() < 1e-12 && (r - 1.5).abs() < 1e-12);
/// ```
pub fn mva(mu: &[f64], z: f64, users: usize) -> (f64, f64) {
    let rate = |j: usize| mu[(j.max(1) - 1).min(mu.len().saturating_sub(1))];
    if users == 0 || mu.is_empty() {
        return (0.0, 0.0);
    }
    if z <= 0.0 {
        // Everyone is always in the engine.
        let x = rate(users);
        return (x, users as f64 / x);
    }
    if users > MVA_EXACT_MAX_USERS {
        return fluid(&rate, mu.len(), z, users as f64);
    }
    // prob[j] = P(j in the station | n users).
    let mut prob = vec![0.0f64; users + 1];
    prob[0] = 1.0;
    let mut next = vec![0.0f64; users + 1];
    let (mut x, mut r) = (0.0, 0.0);
    for n in 1..=users {
        r = (1..=n).map(|j| j as f64 / rate(j) * prob[j - 1]).sum::<f64>();
        x = n as f64 / (z + r);
        let mut sum = 0.0;
        for j in 1..=n {
            next[j] = x / rate(j) * prob[j - 1];
            sum += next[j];
        }
        next[0] = (1.0 - sum).max(0.0);
        std::mem::swap(&mut prob, &mut next);
    }
    (x, r)
}

/// The fluid limit of the closed loop: `X = μ(N − X·Z)` (solved by bisection; `μ` rises with
/// the requests present and `N − X Z` falls with `X`, so the root is unique).
fn fluid(rate: &dyn Fn(usize) -> f64, cap: usize, z: f64, users: f64) -> (f64, f64) {
    let mu_at = |q: f64| {
        let q = q.clamp(0.0, cap as f64);
        if q < 1.0 {
            q * rate(1)
        } else {
            let lo = q.floor() as usize;
            let hi = (lo + 1).min(cap);
            let f = q - lo as f64;
            rate(lo) * (1.0 - f) + rate(hi) * f
        }
    };
    let (mut lo, mut hi) = (0.0f64, rate(cap));
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid < mu_at(users - mid * z) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let x = 0.5 * (lo + hi);
    (x, if x > 0.0 { users / x - z } else { f64::INFINITY })
}

/// Mean wait of an M/D/1 queue (Pollaczek-Khinchine with no service variance):
/// `W = ρ D / (2 (1 − ρ))`.
///
/// ```
/// // ρ = 0.5, D = 1 s: W = 0.5 s.
/// assert!((costmodel::serving::md1_wait_s(0.5, 1.0) - 0.5).abs() < 1e-12);
/// ```
pub fn md1_wait_s(rho: f64, service_s: f64) -> f64 {
    if rho <= 0.0 {
        0.0
    } else if rho >= 1.0 {
        f64::INFINITY
    } else {
        rho * service_s / (2.0 * (1.0 - rho))
    }
}

/// The `q`-quantile of a queue's wait whose mean is `mean_s` and whose chance of waiting at all
/// is `rho`: the heavy-traffic (Kingman) exponential tail, `P(W > w) = ρ e^{−ρ w / W̄}`, so
/// `w_q = (W̄ / ρ) ln(ρ / (1 − q))`, and 0 when `ρ ≤ 1 − q`.
pub fn wait_quantile_s(mean_s: f64, rho: f64, q: f64) -> f64 {
    if mean_s <= 0.0 || rho <= 1.0 - q {
        0.0
    } else {
        mean_s / rho * (rho / (1.0 - q)).ln()
    }
}

/// Everything the continuous schedule adds to a report.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Continuous {
    /// The limits of the running batch.
    pub limits: Limits,
    /// The turn's token counts.
    pub turn: Turn,
    /// The steady state at the running batch.
    pub mix: Mix,
    /// Requests per second (the group).
    pub requests_per_s: f64,
    /// Mean time from a turn's send to its last token (seconds).
    pub response_s: f64,
    /// Mean wait for a place in the running batch (seconds; 0 below saturation).
    pub slot_wait_s: f64,
    /// Mean wait behind other prompts' chunks (M/D/1, seconds).
    pub prefill_wait_s: f64,
    /// Utilisation the arriving request sees in the prefill queue.
    pub prefill_rho_seen: f64,
    /// Median TTFT (seconds).
    pub ttft_p50_s: f64,
    /// 95th-percentile TTFT (seconds).
    pub ttft_p95_s: f64,
    /// The engine's best rate (requests/s) at `B_max`.
    pub max_requests_per_s: f64,
    /// Users beyond which the engine is saturated: `N* = B* + X_max · Z`.
    pub saturation_users: f64,
    /// Requests per second that meet both objectives.
    pub goodput_requests_per_s: f64,
}

/// The continuous schedule for `inputs` (needs the report's concurrency fields).
pub fn continuous(inputs: &Inputs, p: &Prepared, report: &Report) -> Option<Continuous> {
    let lim = limits(inputs, report);
    if lim.running_cap < 1.0 {
        return None;
    }
    let turn = Turn::of(inputs);
    let table = rates(inputs, p, &turn, &lim);
    let mu: Vec<f64> = table.iter().map(|r| r.0).collect();
    let users = inputs.workload.users.max(1.0).floor();
    let z = inputs.serving.think_s.max(0.0);
    let (x, response_s) = mva(&mu, z, users as usize);
    let (max_x, best_b) = table.last().copied().unwrap_or((0.0, 1.0));
    // Requests in the engine (Little), running at most the best batch.
    let present = (x * response_s).max(1.0);
    let b = present.min(best_b);
    let mx = mix(inputs, p, &turn, lim.max_batched_tokens, b);
    // Those beyond the best batch queue for a place in it (Little's law on that queue).
    let slot_wait_s = if x > 0.0 { (present - best_b).max(0.0) / x } else { 0.0 };
    let rho = (x * mx.prefill_s).min(1.0);
    let seen = if users > 1.0 { rho * (users - 1.0) / users } else { 0.0 };
    // At most the other N − 1 prompts are ahead.
    let prefill_wait_s = md1_wait_s(rho, mx.prefill_s).min((users - 1.0).max(0.0) * mx.prefill_s / 2.0) * if users > 1.0 { (users - 1.0) / users } else { 0.0 };
    let base = slot_wait_s + mx.prefill_s;
    let ttft_p50_s = base + wait_quantile_s(prefill_wait_s, seen, P50);
    let ttft_p95_s = base + wait_quantile_s(prefill_wait_s, seen, P95);
    let saturation_users = best_b + max_x * z;
    let within_ttft = match inputs.serving.slo_ttft_s {
        None => 1.0,
        Some(s) if s < base => 0.0,
        Some(s) if prefill_wait_s > 0.0 && seen > 0.0 => 1.0 - seen * (-(s - base) * seen / prefill_wait_s).exp(),
        Some(_) => 1.0,
    };
    let within_tpot = match inputs.serving.slo_tpot_s {
        Some(s) if mx.tpot_s > s => 0.0,
        _ => 1.0,
    };
    Some(Continuous {
        limits: lim,
        turn,
        mix: mx,
        requests_per_s: x,
        response_s,
        slot_wait_s,
        prefill_wait_s,
        prefill_rho_seen: seen,
        ttft_p50_s,
        ttft_p95_s,
        max_requests_per_s: max_x,
        saturation_users,
        goodput_requests_per_s: x * within_ttft * within_tpot,
    })
}

/// Writes the continuous schedule's numbers into the report (the cycle's own numbers stay in
/// `cycle`, `prefill_s`, `decode_step_s`; the session numbers become the engine's).
pub fn apply(inputs: &Inputs, p: &Prepared, report: &mut Report) {
    report.sched = inputs.serving.sched;
    if inputs.serving.sched != Sched::Continuous || report.no_fit.is_some() {
        return;
    }
    let Some(c) = continuous(inputs, p, report) else { return };
    let out = inputs.workload.out_tokens.floor().max(0.0);
    let tp = f64::from(inputs.tp.max(1));
    let users = inputs.workload.users.max(1.0).floor();
    let out_per_s = c.requests_per_s * out;
    report.turns_per_s = Some(c.requests_per_s);
    report.output_tokens_per_s = Some(out_per_s);
    report.ttft_s = Some(c.ttft_p50_s);
    report.tpot_s = (out > 0.0).then_some(c.mix.tpot_s);
    let gpu_s_per_turn = tp / c.requests_per_s;
    report.gpu_s_per_turn = Some(gpu_s_per_turn);
    let price = inputs.hw.usd_per_gpu_hour;
    let usd_per_turn = (price > 0.0).then(|| gpu_s_per_turn / crate::units::S_PER_HOUR * price);
    report.usd_per_turn = usd_per_turn;
    report.usd_per_million_output_tokens =
        usd_per_turn.filter(|_| out > 0.0).map(|usd| usd / out * crate::report::TOKENS_PER_MILLION);
    report.ttft_p95_s = Some(c.ttft_p95_s);
    report.requests_per_s = Some(c.requests_per_s);
    report.output_tokens_per_s_per_gpu = Some(out_per_s / tp);
    report.output_tokens_per_s_per_user = Some(out_per_s / users);
    report.goodput_requests_per_s = Some(c.goodput_requests_per_s);
    report.running_users = Some(c.mix.running);
    report.saturated = Some(users > c.saturation_users);
    report.saturation_users = Some(c.saturation_users.floor());
    report.serving = Some(c);
}

/// Which schedule produced the report's time to first token, and what it means, in plain words
/// (the page prints it beside the TTFT figure).
pub fn ttft_explanation(report: &Report) -> String {
    match (report.sched, &report.serving) {
        (Sched::Cycle, _) => "Time to first token under the paper's cycle: every waiting user's prompt is prefilled in turn before the \
             batch decodes together, so a user waits on average for half the batch's prefills. Engines (vLLM, SGLang, \
             TensorRT-LLM) batch continuously instead: choose continuous batching under Serving to see their latency."
            .to_owned(),
        (Sched::Continuous, Some(c)) => {
            let wait = if c.slot_wait_s > 0.0 {
                format!(
                    " plus {} waiting for a place in the running batch (it is full: {} requests)",
                    crate::units::fmt_seconds(c.slot_wait_s),
                    crate::units::fmt_count(c.mix.running)
                )
            } else {
                String::new()
            };
            format!(
                "Time to first token under continuous batching, as the engines run it: a new prompt is prefilled in chunks of \
                 the step's token budget beside the running decodes. The median is the prompt's own prefill ({}){wait}; \
                 the 95th percentile adds the wait behind other prompts' chunks.",
                crate::units::fmt_seconds(c.mix.prefill_s)
            )
        }
        (Sched::Continuous, None) => "Continuous batching: nothing fits, so there is no latency to show.".to_owned(),
    }
}

/// "Show the math" for the continuous schedule (docs/serving.md has the derivations).
pub fn explain(inputs: &Inputs, report: &Report, c: &Continuous) -> Vec<crate::math::MathLine> {
    use crate::math::MathLine;
    use crate::units::{fmt_count, fmt_seconds, fmt_sig};
    let x = c.requests_per_s;
    vec![
        MathLine {
            id: "turns_per_s",
            formula: "closed loop (MVA): N users, think Z, engine rate μ(b) = 1 / (share · t_prefill-step + s_d · t_decode-step) up to B_max = min(max_seqs, KV users, M)",
            substituted: format!(
                "N {}, Z {}, {} running (cap {}), prefill step {}, decode step {}",
                fmt_count(inputs.workload.users.max(1.0).floor()),
                fmt_seconds(inputs.serving.think_s),
                fmt_sig(c.mix.running),
                fmt_count(c.limits.running_cap),
                fmt_seconds(c.mix.prefill_step_s),
                fmt_seconds(c.mix.decode_step_s)
            ),
            result: format!("{} requests/s, {} output tok/s per GPU", fmt_sig(x), fmt_sig(report.output_tokens_per_s_per_gpu.unwrap_or(0.0))),
        },
        MathLine {
            id: "ttft_p95_s",
            formula: "slot wait (Q − B*)/X + own prefill ceil(P_new / budget) · t_p + M/D/1 wait quantile (W/ρ') ln(ρ'/(1 − q))",
            substituted: format!(
                "{} + {} + tail (W {}, ρ' {})",
                fmt_seconds(c.slot_wait_s),
                fmt_seconds(c.mix.prefill_s),
                fmt_seconds(c.prefill_wait_s),
                fmt_sig(c.prefill_rho_seen)
            ),
            result: format!("p50 {}, p95 {}", fmt_seconds(c.ttft_p50_s), fmt_seconds(c.ttft_p95_s)),
        },
        MathLine {
            id: "tpot_s",
            formula: "(share · riders · t_prefill-step + s_d · b · t_decode-step) / (out − 1)",
            substituted: format!(
                "({} · {} · {} + {} · {} · {}) / {}",
                fmt_sig(c.mix.prefill_share),
                fmt_sig(c.mix.riders),
                fmt_seconds(c.mix.prefill_step_s),
                fmt_sig(c.mix.decode_only_steps),
                fmt_sig(c.mix.running.max(c.mix.riders)),
                fmt_seconds(c.mix.decode_step_s),
                fmt_count(c.turn.out_tokens - 1.0)
            ),
            result: fmt_seconds(c.mix.tpot_s),
        },
    ]
}

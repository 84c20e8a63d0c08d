//! The whole output of one evaluation: the four metrics, the session they add up to, and how much
//! of each cost the KV cache is (docs/methodology.md §4.6).

use serde::Serialize;

use crate::phases::Prepared;
use crate::roofline::{Bound, PhaseTime};
use crate::spec::Inputs;
use crate::units::S_PER_HOUR;

/// Tokens in a million (for cost per million tokens).
pub const TOKENS_PER_MILLION: f64 = 1e6;

/// The hardware resource that bounds a metric or the whole cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    /// HBM capacity (concurrency).
    HbmCapacity,
    /// Tensor-core FLOP/s.
    Compute,
    /// HBM bandwidth.
    HbmBandwidth,
    /// The host link (PCIe / NVLink-C2C).
    HostLink,
    // deploy (issue 13)
    /// The network between nodes (EP all-to-all or the PD KV transfer).
    Network,
}

impl Resource {
    /// Plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Resource::HbmCapacity => "HBM capacity",
            Resource::Compute => "FLOP/s",
            Resource::HbmBandwidth => "HBM bandwidth",
            Resource::HostLink => "host link",
            Resource::Network => "network",
        }
    }
}

impl From<Bound> for Resource {
    fn from(b: Bound) -> Self {
        match b {
            Bound::Compute => Resource::Compute,
            Bound::Memory => Resource::HbmBandwidth,
        }
    }
}

/// How a context switch is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SwitchKind {
    /// Copy the cache out to host memory and the next one in.
    Swap,
    /// Drop the cache and prefill the context again.
    Recompute,
}

/// Device memory of one GPU (bytes).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MemoryBreakdown {
    /// Device memory (bytes).
    pub hbm_bytes: f64,
    /// Weights on this GPU (bytes).
    pub weights_bytes: f64,
    /// KV of the users in the batch (bytes).
    pub kv_bytes: f64,
    /// Runtime reserve and prefill workspace (bytes); includes HBM the engine may not allocate.
    pub reserve_bytes: f64,
    /// What is left (bytes, ≥ 0).
    pub free_bytes: f64,
}

/// How much of each cost is the KV cache (fractions in [0, 1]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KvShares {
    /// KV of the batch over device memory.
    pub hbm: f64,
    /// KV bytes over all bytes read during the generation.
    pub decode_bytes: f64,
    /// Attention FLOP over all prefill FLOP.
    pub prefill_flop: f64,
    /// Time spent switching over the cycle.
    pub switch_time: f64,
}

/// One serving cycle of the TP group (seconds).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cycle {
    /// Prefills of the batch, amortized over prefix reuse.
    pub prefill_s: f64,
    /// The batch's generation.
    pub decode_s: f64,
    /// Context switches (0 when everyone fits).
    pub switch_s: f64,
    /// The whole cycle.
    pub total_s: f64,
}

/// Why a scenario does not fit, and what would.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoFit {
    /// Plain-language reason.
    pub reason: String,
    /// Weights exceed usable memory even with no KV.
    pub weights_too_large: bool,
    /// Longest context one user could have here (tokens), if any.
    pub max_ctx_tokens: Option<f64>,
    /// Fewest GPUs in the TP group (powers of two up to 128) at which one user fits.
    pub min_tp: Option<u32>,
}

/// Everything the UI, the CLI and the charts show for one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// KV bytes per context token, whole model, after compression.
    pub kv_bytes_per_token: f64,
    /// KV bytes of one user at the scenario's context, whole model.
    pub kv_bytes_per_user: f64,
    /// KV bytes of one user on one GPU of the TP group.
    pub kv_bytes_per_user_per_gpu: f64,
    /// Weights of the whole model (bytes).
    pub weights_bytes: f64,
    /// Total parameters used.
    pub params: f64,
    /// Active parameters per token.
    pub active_params: f64,
    /// Users whose caches fit at once (`C`).
    pub concurrency: f64,
    /// Longest context one user could have on this group (tokens); infinite when the cache
    /// stops growing (windowed or KV-less models).
    pub max_ctx_tokens: Option<f64>,
    /// The batch that decodes together: `min(users, C)`.
    pub batch: f64,
    /// Set when nothing fits.
    pub no_fit: Option<NoFit>,
    /// Memory of one GPU at the batch.
    pub memory: MemoryBreakdown,
    /// Prefill of one prompt (time to first token at batch 1, seconds); absent when nothing fits.
    pub prefill_s: Option<f64>,
    /// Prefill's roofline parts.
    pub prefill: Option<PhaseTime>,
    /// Prefill FLOP of one prompt (whole model).
    pub prefill_flop: f64,
    /// One decode step at the scenario's batch and context (seconds).
    pub decode_step_s: Option<f64>,
    /// That step's roofline parts.
    pub decode_step: Option<PhaseTime>,
    /// All `out` tokens of one turn at the batch (seconds).
    pub decode_s: Option<f64>,
    /// One context switch: the cheaper of swap and recompute (seconds).
    pub context_switch_s: Option<f64>,
    /// Swapping one user out and another in over the host link (seconds); absent on a
    /// unified-memory part, which has no host link to swap over.
    pub swap_s: Option<f64>,
    /// Prefilling the context again instead (seconds).
    pub recompute_s: Option<f64>,
    /// Which one the cycle uses.
    pub switch_kind: Option<SwitchKind>,
    /// Users waiting in host memory (`users − C` when positive).
    pub swapped_users: f64,
    /// Swapped-out caches host memory can hold.
    pub host_capacity_users: f64,
    /// One serving cycle.
    pub cycle: Option<Cycle>,
    /// Turns completed per second by the group.
    pub turns_per_s: Option<f64>,
    /// Output tokens per second by the group.
    pub output_tokens_per_s: Option<f64>,
    /// Time to first token of a turn, including the wait behind the batch's other prefills.
    pub ttft_s: Option<f64>,
    /// Time per output token at the batch.
    pub tpot_s: Option<f64>,
    /// GPU-seconds per turn.
    pub gpu_s_per_turn: Option<f64>,
    /// Dollars per turn (absent without a price).
    pub usd_per_turn: Option<f64>,
    /// Dollars per million output tokens (absent without a price).
    pub usd_per_million_output_tokens: Option<f64>,
    /// The resource that bounds the cycle.
    pub bound: Resource,
    /// Decode step: is the KV read larger than the weights read?
    pub decode_kv_bound: bool,
    /// How much of each cost is KV.
    pub kv_share: KvShares,
    /// The engine's available KV cache memory per GPU (bytes; vLLM's "Available KV cache
    /// memory"); `None` with `engine=none`.
    pub engine_kv_bytes_per_gpu: Option<f64>,
    /// The engine's "GPU KV cache size" (tokens, the whole TP group).
    pub engine_kv_tokens: Option<f64>,
    /// The engine's "Maximum concurrency for `ctx` tokens per request".
    pub engine_max_concurrency: Option<f64>,
    /// Whether the engine starts with one request of `ctx` tokens.
    pub engine_starts: Option<bool>,
    /// The engine's error and the smallest change that would start it.
    pub engine_error: Option<String>,
    /// The engine's terms (weights, activation peak, non-torch, graphs, KV) and its log lines.
    pub engine_detail: Option<crate::engine::EngineDetail>,
    /// Plain-language warnings about the inputs or the result.
    pub warnings: Vec<String>,
    // arch (issue 10)
    /// The constant recurrent state of one user (linear-attention and state-space layers),
    /// whole model (bytes), part of `kv_bytes_per_user`; `None` for a model without one.
    pub state_bytes_per_user: Option<f64>,
    /// The same state on one GPU of the TP group (bytes).
    pub state_bytes_per_user_per_gpu: Option<f64>,
    /// The kinds holding that state (`Gated DeltaNet`, `Mamba-2`), for labels.
    pub state_kinds: Option<String>,
    // serving (issue 9)
    /// The schedule that produced `ttft_s`, `tpot_s`, `turns_per_s` and the costs.
    pub sched: crate::serving::Sched,
    /// 95th-percentile time to first token (continuous schedule; seconds).
    pub ttft_p95_s: Option<f64>,
    /// Completed requests (turns) per second, the whole group (continuous schedule).
    pub requests_per_s: Option<f64>,
    /// Output tokens per second per GPU (continuous schedule).
    pub output_tokens_per_s_per_gpu: Option<f64>,
    /// Output tokens per second per user, thinking included (continuous schedule).
    pub output_tokens_per_s_per_user: Option<f64>,
    /// Requests per second that meet `slo_ttft_s` and `slo_tpot_s` (continuous schedule).
    pub goodput_requests_per_s: Option<f64>,
    /// Requests running in the engine's batch (continuous schedule).
    pub running_users: Option<f64>,
    /// More users than the engine can run at its best rate (continuous schedule).
    pub saturated: Option<bool>,
    /// Users at which the engine saturates: `B* + X_max · think_s` (continuous schedule).
    pub saturation_users: Option<f64>,
    /// The continuous schedule's parts (limits, step times, waits).
    pub serving: Option<crate::serving::Continuous>,
    // deploy (issue 13): the deployment around the TP group; see `crate::deploy`.
    /// GPUs in all (`tp · pp · dp`, or `P + D` with a PD split).
    pub gpus: Option<u32>,
    /// Weights per GPU after TP, PP and EP sharding (bytes).
    pub weights_bytes_per_gpu: Option<f64>,
    /// Users whose caches fit across the deployment (every DP replica, or the decode pool).
    pub deployment_users: Option<f64>,
    /// Output tokens per second per GPU (the decode pool's with PD).
    pub tokens_per_s_per_gpu: Option<f64>,
    /// Pipeline bubble of one prompt's prefill: `(p − 1)/(m + p − 1)`.
    pub pp_bubble: Option<f64>,
    /// EP all-to-all plus PP sends in one decode step (seconds).
    pub deploy_comm_s: Option<f64>,
    /// Moving one prompt's KV from the prefill to the decode pool (seconds; PD only).
    pub kv_transfer_s: Option<f64>,
    /// The part of it TTFT sees (0 when overlapped).
    pub kv_transfer_exposed_s: Option<f64>,
    /// The prefill pool of a PD split.
    pub prefill_pool: Option<crate::deploy::Pool>,
    /// The decode pool of a PD split.
    pub decode_pool: Option<crate::deploy::Pool>,
}

/// Evaluates a scenario. Never panics; a scenario that does not fit is a normal result with
/// `no_fit` set and no latencies.
pub fn evaluate(inputs: &Inputs) -> Report {
    let p = Prepared::new(inputs);
    evaluate_prepared(inputs, &p, Detail::Full)
}

/// How much an evaluation explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything, including what would fit when nothing does.
    Full,
    /// Numbers only (sweeps): no search for the fewest GPUs, no text.
    Numbers,
}

/// Evaluates with coefficients already folded (sweeps reuse the work).
pub fn evaluate_prepared(inputs: &Inputs, p: &Prepared, detail: Detail) -> Report {
    let w = inputs.workload;
    let n = w.ctx_tokens;
    let kept = inputs.compression.token.kept_tokens(n);
    let concurrency = p.concurrency(kept);
    // deploy: the users of one DP replica (all of them with TP only)
    let users = crate::deploy::users_per_replica(inputs, w.users.max(1.0)).floor();
    let batch = users.min(concurrency);
    let kv_user_gpu = p.kv_gpu.bytes(kept);
    let kv_user = p.kv_model.bytes(kept);
    let hbm = inputs.hw.hbm_bytes;
    let (prefill_linear, prefill_attn) = p.prefill_flop(n);
    let max_kept = p.kv_gpu.max_kept_tokens(p.kv_budget_bytes_per_gpu).filter(|_| p.kv_budget_bytes_per_gpu > 0.0);
    let max_ctx_tokens = max_kept.map(|t| crate::kv::ctx_for_kept_tokens(inputs, t).floor());
    let host_capacity_users =
        if kv_user_gpu > 0.0 { (inputs.hw.host_bytes_per_gpu / kv_user_gpu).floor() } else { f64::INFINITY };
    let mut report = Report {
        kv_bytes_per_token: p.kv_model.bytes_per_token(),
        kv_bytes_per_user: kv_user,
        kv_bytes_per_user_per_gpu: kv_user_gpu,
        weights_bytes: p.weights_bytes,
        params: p.params.total,
        active_params: p.params.active,
        concurrency,
        max_ctx_tokens,
        batch: batch.max(0.0),
        no_fit: None,
        memory: MemoryBreakdown {
            hbm_bytes: hbm,
            weights_bytes: p.weights_bytes_per_gpu,
            kv_bytes: batch.max(0.0) * kv_user_gpu,
            reserve_bytes: p.reserve_bytes_per_gpu + hbm * (1.0 - inputs.eff.mem_usable),
            free_bytes: 0.0,
        },
        prefill_s: None,
        prefill: None,
        prefill_flop: prefill_linear + prefill_attn,
        decode_step_s: None,
        decode_step: None,
        decode_s: None,
        context_switch_s: None,
        swap_s: None,
        recompute_s: None,
        switch_kind: None,
        swapped_users: (users - concurrency).max(0.0),
        host_capacity_users,
        cycle: None,
        turns_per_s: None,
        output_tokens_per_s: None,
        ttft_s: None,
        tpot_s: None,
        gpu_s_per_turn: None,
        usd_per_turn: None,
        usd_per_million_output_tokens: None,
        bound: Resource::HbmCapacity,
        decode_kv_bound: false,
        kv_share: KvShares {
            hbm: batch.max(0.0) * kv_user_gpu / hbm,
            decode_bytes: 0.0,
            prefill_flop: if prefill_linear + prefill_attn > 0.0 { prefill_attn / (prefill_linear + prefill_attn) } else { 0.0 },
            switch_time: 0.0,
        },
        engine_kv_bytes_per_gpu: None,
        engine_kv_tokens: None,
        engine_max_concurrency: None,
        engine_starts: None,
        engine_error: None,
        engine_detail: None,
        warnings: Vec::new(),
        state_bytes_per_user: (p.kv_model.fixed_bytes > 0.0).then_some(p.kv_model.fixed_bytes),
        state_bytes_per_user_per_gpu: (p.kv_gpu.fixed_bytes > 0.0).then_some(p.kv_gpu.fixed_bytes),
        state_kinds: state_kinds(&inputs.model),
        // serving (issue 9)
        sched: inputs.serving.sched,
        ttft_p95_s: None,
        requests_per_s: None,
        output_tokens_per_s_per_gpu: None,
        output_tokens_per_s_per_user: None,
        goodput_requests_per_s: None,
        running_users: None,
        saturated: None,
        saturation_users: None,
        serving: None,
        gpus: None,
        weights_bytes_per_gpu: None,
        deployment_users: None,
        tokens_per_s_per_gpu: None,
        pp_bubble: None,
        deploy_comm_s: None,
        kv_transfer_s: None,
        kv_transfer_exposed_s: None,
        prefill_pool: None,
        decode_pool: None,
    };
    // With an engine, its available KV memory is the budget (see `Prepared::for_tp`); the rest
    // of the device beside the weights is the engine's (activations, buffers, the margin).
    if let Some(kv) = p.engine_kv_bytes_per_gpu {
        report.memory.reserve_bytes = (hbm - p.weights_bytes_per_gpu - kv.max(0.0)).max(0.0);
        match detail {
            Detail::Full => {
                if let Some(e) = crate::engine::report(inputs) {
                    report.engine_kv_bytes_per_gpu = Some(e.kv_bytes_per_gpu);
                    report.engine_kv_tokens = Some(e.kv_tokens);
                    report.engine_max_concurrency = Some(e.max_concurrency);
                    report.engine_starts = Some(e.starts);
                    report.engine_error = e.error;
                    report.engine_detail = Some(e.detail);
                }
            }
            Detail::Numbers => {
                if let Some(m) = crate::engine::memory(inputs, p.tp, n) {
                    report.engine_kv_bytes_per_gpu = Some(m.budget.kv_bytes.max(0.0));
                    report.engine_kv_tokens = Some(m.pool.tokens);
                    report.engine_max_concurrency = Some(m.pool.max_concurrency);
                    report.engine_starts = Some(m.budget.kv_bytes > 0.0 && m.pool.request_bytes <= m.budget.kv_bytes);
                }
            }
        }
    }
    let m = &report.memory;
    report.memory.free_bytes = (hbm - m.weights_bytes - m.kv_bytes - m.reserve_bytes).max(0.0);

    if concurrency < 1.0 {
        apply_deploy(inputs, p, &mut report);
        report.no_fit = Some(match detail {
            Detail::Full => no_fit(inputs, p, max_ctx_tokens),
            Detail::Numbers => NoFit { reason: String::new(), weights_too_large: false, max_ctx_tokens, min_tp: None },
        });
        return report;
    }

    let prefill = p.prefill(n, kept);
    let step = p.decode_step(batch, kept);
    let gen = p.decode_sum(inputs, batch, n, w.out_tokens);
    let swap = p.swap_s(kept);
    let recompute = prefill.total_s;
    let (switch_s, kind) = if swap <= recompute { (swap, SwitchKind::Swap) } else { (recompute, SwitchKind::Recompute) };
    let swapping = users > concurrency;
    let reuse = w.prefix_reuse.max(1.0);
    let cycle_prefill = batch * prefill.total_s / reuse;
    let cycle_switch = if swapping { batch * switch_s } else { 0.0 };
    let total = cycle_prefill + gen.time_s + cycle_switch;
    let cycle = Cycle { prefill_s: cycle_prefill, decode_s: gen.time_s, switch_s: cycle_switch, total_s: total };
    let out = w.out_tokens.floor().max(0.0);
    let turns_per_s = if total > 0.0 { batch / total } else { f64::INFINITY };
    let gpu_s_per_turn = f64::from(p.tp) * total / batch;
    let price = inputs.hw.usd_per_gpu_hour;
    let usd_per_turn = (price > 0.0).then(|| gpu_s_per_turn / S_PER_HOUR * price);

    report.prefill_s = Some(prefill.total_s);
    report.prefill = Some(prefill);
    report.decode_step_s = Some(step.total_s);
    report.decode_step = Some(step);
    report.decode_s = Some(gen.time_s);
    report.context_switch_s = Some(switch_s);
    report.swap_s = swap.is_finite().then_some(swap);
    report.recompute_s = Some(recompute);
    report.switch_kind = Some(kind);
    report.cycle = Some(cycle);
    report.turns_per_s = Some(turns_per_s);
    report.output_tokens_per_s = Some(turns_per_s * out);
    report.ttft_s = Some(
        prefill.total_s / reuse * (batch + 1.0) / 2.0 + if swapping { switch_s } else { 0.0 },
    );
    report.tpot_s = (out > 0.0).then(|| gen.time_s / out);
    report.gpu_s_per_turn = Some(gpu_s_per_turn);
    report.usd_per_turn = usd_per_turn;
    report.usd_per_million_output_tokens =
        usd_per_turn.filter(|_| out > 0.0).map(|usd| usd / out * TOKENS_PER_MILLION);
    report.decode_kv_bound = batch * kv_user_gpu > p.decode_weight_bytes_per_gpu(batch);
    report.kv_share.decode_bytes = if gen.bytes_per_gpu > 0.0 { gen.kv_bytes_per_gpu / gen.bytes_per_gpu } else { 0.0 };
    report.kv_share.switch_time = if total > 0.0 { cycle_switch / total } else { 0.0 };
    report.bound = if cycle_prefill >= gen.time_s && cycle_prefill >= cycle_switch {
        prefill.bound.into()
    } else if gen.time_s >= cycle_switch {
        if gen.compute_bound_steps * 2.0 > out {
            Resource::Compute
        } else {
            Resource::HbmBandwidth
        }
    } else {
        match kind {
            SwitchKind::Swap => Resource::HostLink,
            SwitchKind::Recompute => prefill.bound.into(),
        }
    };
    apply_deploy(inputs, p, &mut report);
    let no_host_link = inputs.hw.host_bw_bytes_per_s <= 0.0;
    if detail == Detail::Full && swapping && no_host_link {
        report.warnings.push(format!(
            "unified memory: the KV cache already lives in the only memory there is, so there is no host link to \
             swap over; each of the {} waiting users is recomputed (a spill to SSD is bounded by the drive: set \
             host_gbps to its bandwidth to model one)",
            report.swapped_users
        ));
    } else if detail == Detail::Full && swapping && report.swapped_users > host_capacity_users {
        report.warnings.push(format!(
            "host memory holds {} swapped-out caches but {} users wait: the rest must be recomputed",
            host_capacity_users, report.swapped_users
        ));
    }
    // serving (issue 9)
    crate::serving::apply(inputs, p, &mut report);
    report
}

// deploy (issue 13)
/// Fills the deployment fields; with more than a TP group, TTFT and TPOT become the pipeline's
/// (and the PD transfer's) and the bound may be the network.
fn apply_deploy(inputs: &Inputs, p: &Prepared, report: &mut Report) {
    let s = crate::deploy::summarize(inputs, p, report);
    report.gpus = Some(s.gpus);
    report.weights_bytes_per_gpu = Some(s.weights_bytes_per_gpu);
    report.deployment_users = Some(s.deployment_users);
    report.tokens_per_s_per_gpu = s.tokens_per_s_per_gpu;
    report.pp_bubble = Some(s.pp_bubble);
    report.deploy_comm_s = s.deploy_comm_s;
    report.kv_transfer_s = s.kv_transfer_s;
    report.kv_transfer_exposed_s = s.kv_transfer_exposed_s;
    report.prefill_pool = s.prefill_pool;
    report.decode_pool = s.decode_pool;
    if !inputs.deploy.is_tp_only() {
        report.ttft_s = s.ttft_s;
        report.tpot_s = s.tpot_s;
        // Every replica serves its own users at the same rate.
        let replicas = f64::from(crate::deploy::replicas(inputs));
        report.turns_per_s = report.turns_per_s.map(|t| t * replicas);
        report.output_tokens_per_s = report.output_tokens_per_s.map(|t| t * replicas);
        if s.network_bound {
            report.bound = Resource::Network;
        }
    }
}

/// Why nothing fits, and the nearest thing that would.
fn no_fit(inputs: &Inputs, p: &Prepared, max_ctx_tokens: Option<f64>) -> NoFit {
    let usable = inputs.hw.hbm_bytes * inputs.eff.mem_usable - p.reserve_bytes_per_gpu;
    let weights_too_large = p.weights_bytes_per_gpu >= usable;
    let min_tp = (0..=7).map(|i| 1u32 << i).find(|&tp| {
        let q = Prepared::for_tp(inputs, tp);
        q.concurrency(inputs.compression.token.kept_tokens(inputs.workload.ctx_tokens)) >= 1.0
    });
    let reason = if weights_too_large {
        format!(
            "the weights need {:.1} GB per GPU but only {:.1} GB is usable",
            p.weights_bytes_per_gpu / crate::units::GB,
            usable / crate::units::GB
        )
    } else {
        format!(
            "one user's KV cache needs {:.1} GB per GPU but only {:.1} GB is left beside the weights",
            p.kv_gpu.bytes(inputs.compression.token.kept_tokens(inputs.workload.ctx_tokens)) / crate::units::GB,
            p.kv_budget_bytes_per_gpu.max(0.0) / crate::units::GB
        )
    };
    NoFit { reason, weights_too_large, max_ctx_tokens: if weights_too_large { None } else { max_ctx_tokens }, min_tp }
}

// arch (issue 10)
/// The names of the model's recurrent layer kinds, joined (`None` when it has none).
fn state_kinds(model: &crate::spec::ModelSpec) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for g in &model.layers {
        if g.attention.state_mixer(model.d_model).is_some() {
            let n = g.attention.kind_name();
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    (!names.is_empty()).then(|| names.join(" + "))
}

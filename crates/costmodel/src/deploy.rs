//! Parallelism as deployed (issue 13): pipeline stages, data-parallel attention, expert
//! parallelism and prefill/decode disaggregation, on top of the tensor-parallel group the rest of
//! the model describes. Every formula is here; `phases.rs` and `report.rs` call in at the lines
//! marked `// deploy:`. With `pp = dp = ep = 1` and no PD split nothing changes (bit for bit).
//!
//! Layout. One *replica* is a tensor-parallel group of `tp` GPUs per pipeline stage, `pp`
//! stages; `dp` replicas share one expert-parallel MoE (SGLang's DP attention, vLLM's
//! `--data-parallel-size` with `--enable-expert-parallel`). An instance holds `tp · pp · dp` GPUs.
//! With `pd = P:D` the prefill pool has `P` GPUs and the decode pool `D`, each running the same
//! `tp · pp` layout with as many replicas as fit (`dp = G / (tp · pp)`) and `ep` capped at the
//! pool's GPUs per stage.
//!
//! Rules (docs/parallelism.md has each with its source):
//! - weights per GPU: dense and attention `/(tp · pp)`, routed experts `/(pp · max(tp, ep))`;
//! - KV per user per GPU: the TP rule of `kv.rs` over the stage's `1/pp` of the layers; DP
//!   splits users, not heads, so the MLA latent is no longer replicated across the deployment;
//! - EP all-to-all per MoE layer: dispatch (FP8 when the weights are ≤ 8 bits, as DeepEP sends
//!   them) and combine (activation precision) of `k` copies of each token, the part that leaves
//!   the node over the network, the rest over NVLink; prefill deduplicates copies per node
//!   (DeepEP normal kernels forward over NVLink after one RDMA send per node), decode does not
//!   (DeepEP low-latency kernels send per expert);
//! - the busiest EP rank does `ep_imb ×` the mean MoE work;
//! - PP: activations cross each stage boundary; prefill of one prompt in `m` chunks has the
//!   bubble `(p − 1)/(m + p − 1)`; steady decode keeps `p` micro-batches in flight (no bubble);
//!   TPOT is `p` stage steps;
//! - PD: the prompt's KV moves from the prefill to the decode pool over the network; exposed in
//!   TTFT unless `pd_overlap = 1` (layer-wise streaming).

use serde::{Deserialize, Serialize};

use crate::spec::Inputs;
use crate::units::BITS_PER_BYTE;

/// Default expert-load imbalance (busiest EP rank over the mean): SGLang's DeepSeek-V3 prefill on
/// 4×8 H100 (EP32) reached 50,302 tokens/s per node with its default expert distribution and
/// 59,337 with a simulated perfect EPLB (LMSYS blog "Deploying DeepSeek with PD Disaggregation
/// and Large-scale Expert Parallelism on 96 H100 GPUs", 2025-05-05, "Overall Throughput" table):
/// 59,337 / 50,302 = 1.18.
pub const DEFAULT_EP_IMBALANCE: f64 = 59_337.0 / 50_302.0;
/// Default inter-node bandwidth per GPU, one direction: one 400 Gb/s NDR InfiniBand (or RoCE)
/// NIC per GPU, as on DGX H100/H200 (NVIDIA DGX H100 user guide: eight ConnectX-7 400 Gb/s
/// compute ports) and the SGLang cluster above.
pub const DEFAULT_NET_GBITPS: f64 = 400.0;
/// Bytes per element DeepEP dispatches in when the model runs FP8 (its dispatch kernels take
/// FP8 inputs with per-128 scales; deepseek-ai/DeepEP README, "low-latency kernels ... FP8
/// dispatch, BF16 combine").
pub const FP8_DISPATCH_BYTES: f64 = 1.0;

/// The deployment as chosen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Deploy {
    /// Pipeline stages.
    pub pp: u32,
    /// Data-parallel attention replicas per instance.
    pub dp: u32,
    /// Expert-parallel size (GPUs the routed experts are spread over, per stage).
    pub ep: u32,
    /// Busiest EP rank's MoE work over the mean (≥ 1).
    pub ep_imbalance: f64,
    /// Prefill/decode disaggregation: GPUs of the prefill pool and of the decode pool.
    pub pd: Option<(u32, u32)>,
    /// The KV transfer overlaps the prefill (streamed layer by layer).
    pub pd_overlap: bool,
    /// Network bandwidth per GPU, one direction (bytes/s).
    pub net_bw_bytes_per_s: f64,
}

impl Default for Deploy {
    fn default() -> Self {
        Deploy {
            pp: 1,
            dp: 1,
            ep: 1,
            ep_imbalance: DEFAULT_EP_IMBALANCE,
            pd: None,
            pd_overlap: false,
            net_bw_bytes_per_s: DEFAULT_NET_GBITPS * 1e9 / BITS_PER_BYTE,
        }
    }
}

impl Deploy {
    /// Only a tensor-parallel group: today's model, untouched.
    pub fn is_tp_only(&self) -> bool {
        self.pp <= 1 && self.dp <= 1 && self.ep <= 1 && self.pd.is_none()
    }
}

/// What the phases need of the deployment, folded once (Copy, inside [`crate::phases::Prepared`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Shard {
    /// Active (anything but TP only).
    pub on: bool,
    /// Pipeline stages.
    pub pp: f64,
    /// Replicas sharing the experts.
    pub dp: f64,
    /// Expert-parallel size actually used.
    pub ep: f64,
    /// GPUs a routed expert's bytes are spread over per stage: `max(tp, ep)`.
    pub moe_shards: f64,
    /// MoE layers on one stage.
    pub moe_layers_per_stage: f64,
    /// Top-k.
    pub top_k: f64,
    /// Bytes per token per copy: dispatch + combine.
    pub a2a_bytes_per_copy: f64,
    /// GPUs per node (the fast-link domain).
    pub node_gpus: f64,
    /// NVLink bandwidth (bytes/s, achievable).
    pub link_bw_bytes_per_s: f64,
    /// Network bandwidth (bytes/s, achievable).
    pub net_bw_bytes_per_s: f64,
    /// Latency of one collective (s).
    pub latency_s: f64,
    /// Bytes of one token's activations crossing a stage boundary.
    pub act_bytes_per_token: f64,
    /// Attention TP size (tokens of a replica are split over it for the dispatch).
    pub tp: f64,
    /// Busiest EP rank's load over the mean.
    pub imbalance: f64,
}

/// `(pp, dp, ep)` of the replicas the report describes: the keys, or with a PD split the decode
/// pool's (`dp = D / (tp · pp)`, `ep` capped at its GPUs per stage).
pub fn layout(inputs: &Inputs, tp: u32) -> (f64, f64, f64) {
    let d = &inputs.deploy;
    let tp = tp.max(1);
    let (dp, ep) = match d.pd {
        Some(_) => {
            let r = replicas(inputs);
            (r, d.ep.max(1).min(tp * r))
        }
        None => (d.dp.max(1), d.ep.max(1)),
    };
    (f64::from(d.pp.max(1)), f64::from(dp), f64::from(ep))
}

/// Folds the deployment into a prepared TP group (called at the end of `Prepared::for_tp`,
/// before the engine's memory plan, which then sees the sharded weights).
pub fn shard(inputs: &Inputs, p: &mut crate::phases::Prepared) {
    let d = &inputs.deploy;
    if d.is_tp_only() {
        return;
    }
    let tp = f64::from(p.tp);
    let (pp, dp, ep) = layout(inputs, p.tp);
    let moe_shards = tp.max(effective_ep(p.moe.map_or(0.0, |(e, _, _)| e), ep));
    let routed = p.weights_bytes - p.dense_weight_bytes;
    let ep_eff = effective_ep(p.moe.map_or(0.0, |(e, _, _)| e), ep);
    p.weights_bytes_per_gpu = weights_bytes_per_gpu(p.dense_weight_bytes, routed, tp, pp, ep_eff);
    p.kv_gpu = p.kv_gpu.scaled(1.0 / pp);
    p.n_layers /= pp;
    // One stage does 1/pp of the work: its compute at pp × the rate is the stage time.
    p.gemm_flops_per_s *= pp;
    p.attn_flops_per_s *= pp;
    // The busiest EP rank's share of the routed-expert FLOPs.
    if let Some((_, k, layers)) = p.moe {
        if ep > 1.0 {
            let routed_flop = crate::phases::FLOP_PER_MAC * k * layers * inputs.model.expert_params() * p.params.override_scale;
            p.linear_flop_per_token += (d.ep_imbalance.max(1.0) - 1.0) * routed_flop;
        }
    }
    p.kv_budget_bytes_per_gpu = p.usable_bytes_per_gpu - p.weights_bytes_per_gpu - p.reserve_bytes_per_gpu;
    let act_bytes = inputs.precision.act_bits / BITS_PER_BYTE;
    let dispatch = if inputs.precision.weight_bits <= crate::phases::FP8_BITS { FP8_DISPATCH_BYTES } else { act_bytes };
    let hw = &inputs.hw;
    p.deploy = Shard {
        on: true,
        pp,
        dp,
        ep,
        moe_shards,
        moe_layers_per_stage: p.moe.map_or(0.0, |(_, _, l)| l) / pp,
        top_k: p.moe.map_or(0.0, |(_, k, _)| k),
        a2a_bytes_per_copy: f64::from(inputs.model.d_model) * (dispatch + act_bytes),
        node_gpus: f64::from(hw.link_domain_gpus.max(1)),
        link_bw_bytes_per_s: hw.link_bw_bytes_per_s * inputs.eff.link_bw,
        net_bw_bytes_per_s: d.net_bw_bytes_per_s * inputs.eff.link_bw,
        latency_s: inputs.eff.allreduce_latency_s,
        act_bytes_per_token: f64::from(inputs.model.d_model) * act_bytes,
        tp,
        imbalance: if ep > 1.0 { d.ep_imbalance.max(1.0) } else { 1.0 },
    };
}

/// The EP size as far as weights go: `E / ceil(E / ep)` (a rank holds `ceil(E / ep)` expert
/// slots; with `ep` dividing `E` this is `ep`).
pub fn effective_ep(experts: f64, ep: f64) -> f64 {
    if experts <= 0.0 || ep <= 1.0 {
        return ep.max(1.0);
    }
    experts / (experts / ep).ceil()
}

/// Weights on one GPU (bytes).
///
/// # Formula
/// `dense / (tp · pp) + routed / (pp · max(tp, ep))`: attention, dense FFNs, shared experts and
/// embeddings split by TP and PP (replicated across DP replicas); routed experts split whole
/// over EP ranks, and by TP inside an expert when TP is the larger.
pub fn weights_bytes_per_gpu(dense_bytes: f64, routed_bytes: f64, tp: f64, pp: f64, ep: f64) -> f64 {
    dense_bytes / (tp * pp) + routed_bytes / (pp * tp.max(ep))
}

/// An engine's memory plan with the weights as this deployment shards them: the engine's own
/// weight accounting (scales, 16-bit embeddings, padding) scaled by the ratio of this module's
/// weights per GPU to TP alone; the KV budget gains what the weights give up.
pub fn shard_engine_budget(inputs: &Inputs, tp: u32, mut b: crate::engine::Budget) -> crate::engine::Budget {
    let d = &inputs.deploy;
    if d.is_tp_only() {
        return b;
    }
    let m = &inputs.model;
    let bytes_per_param = inputs.precision.weight_bits / BITS_PER_BYTE;
    let params = m.params();
    let total = params.total * bytes_per_param;
    let routed = m.moe.map_or(0.0, |x| f64::from(x.n_experts) * f64::from(x.n_moe_layers)) * m.expert_params() * params.override_scale * bytes_per_param;
    let tp_f = f64::from(tp.max(1));
    let tp_only = total / tp_f;
    if tp_only <= 0.0 {
        return b;
    }
    let (pp, _, ep) = layout(inputs, tp);
    let ep = effective_ep(m.moe.map_or(0.0, |x| f64::from(x.n_experts)), ep);
    let ratio = weights_bytes_per_gpu(total - routed, routed, tp_f, pp, ep) / tp_only;
    let sharded = b.weights_bytes * ratio;
    b.kv_bytes += b.weights_bytes - sharded;
    b.weights_bytes = sharded;
    b
}

/// Weight bytes one GPU reads in a decode step at `batch` users per replica.
///
/// # Formula
/// `dense / (tp · pp) + routed / (pp · max(tp, ep)) · (1 − (1 − k/E)^(B · dp))`: every replica's
/// tokens reach the same experts, so the fraction of experts touched grows with `B · dp`.
pub fn decode_weight_bytes_per_gpu(p: &crate::phases::Prepared, batch: f64) -> f64 {
    let s = &p.deploy;
    let dense = p.dense_weight_bytes / (s.tp * s.pp);
    let routed = (p.weights_bytes - p.dense_weight_bytes) / (s.pp * s.moe_shards);
    let touched = match p.moe {
        Some((n_e, k, _)) if n_e > 0.0 => 1.0 - (1.0 - k / n_e).powf(batch * s.dp),
        _ => 1.0,
    };
    dense + routed * touched
}

/// Expected copies of one token that leave its node in an all-to-all over `ep` ranks with `node`
/// GPUs per node, routing uniformly to `k` experts.
///
/// # Formula
/// per expert (`dedup = false`, DeepEP low-latency): `k · (1 − min(node, ep)/ep)`;
/// per node (`dedup = true`, DeepEP normal: one RDMA send per node, NVLink forward inside):
/// `(N − 1) · (1 − (1 − 1/N)^k)` with `N = ep / node` nodes.
pub fn remote_copies_per_token(k: f64, ep: f64, node: f64, dedup: bool) -> f64 {
    if ep <= node {
        return 0.0;
    }
    if dedup {
        let nodes = ep / node;
        (nodes - 1.0) * (1.0 - (1.0 - 1.0 / nodes).powf(k))
    } else {
        k * (1.0 - node / ep)
    }
}

/// Expected copies that stay in the node but go to another GPU (over NVLink).
///
/// # Formula
/// `k · (min(node, ep) − 1) / ep`.
pub fn local_copies_per_token(k: f64, ep: f64, node: f64) -> f64 {
    k * (node.min(ep) - 1.0).max(0.0) / ep
}

impl Shard {
    /// EP dispatch + combine time for `tokens` tokens of one replica, all MoE layers of a stage,
    /// `rounds` times (prefill chunks). Prefill (`rounds` > 0 with many tokens) deduplicates
    /// per node; a decode step does not (see [`remote_copies_per_token`]).
    ///
    /// # Formula
    /// per layer: `latency + max(remote · B / net_bw, local · B / link_bw)` with `B` =
    /// tokens per GPU (`tokens / tp`) × bytes per copy (dispatch + combine), times
    /// the busiest rank's imbalance on the receive side.
    pub fn a2a_s(&self, tokens: f64, rounds: f64, prefill: bool) -> f64 {
        if !self.on || self.ep <= 1.0 || self.moe_layers_per_stage <= 0.0 || tokens <= 0.0 {
            return 0.0;
        }
        let per_round = tokens / rounds.max(1.0) / self.tp;
        let bytes = per_round * self.a2a_bytes_per_copy * self.imbalance;
        let remote = remote_copies_per_token(self.top_k, self.ep, self.node_gpus, prefill) * bytes;
        let local = local_copies_per_token(self.top_k, self.ep, self.node_gpus) * bytes;
        let net = if self.net_bw_bytes_per_s > 0.0 { remote / self.net_bw_bytes_per_s } else { 0.0 };
        let link = if self.link_bw_bytes_per_s > 0.0 { local / self.link_bw_bytes_per_s } else { 0.0 };
        // Two collectives (dispatch, combine) per layer, each with its latency.
        self.moe_layers_per_stage * rounds.max(1.0) * (2.0 * self.latency_s + net.max(link))
    }

    /// Sending `tokens` activations across one stage boundary (s): over NVLink inside a node,
    /// the network when a stage spans nodes.
    ///
    /// # Formula
    /// `tokens · d · b_act / bw` once per stage (the last stage sends nothing, averaged:
    /// `(pp − 1)/pp` per stage).
    pub fn pp_send_s(&self, tokens: f64) -> f64 {
        if !self.on || self.pp <= 1.0 {
            return 0.0;
        }
        let bw = if self.tp * self.pp <= self.node_gpus { self.link_bw_bytes_per_s } else { self.net_bw_bytes_per_s };
        if bw <= 0.0 {
            return 0.0;
        }
        (self.pp - 1.0) / self.pp * (self.latency_s + tokens * self.act_bytes_per_token / bw)
    }
}

/// Fraction of the GPU-time the pipeline idles while one prompt of `m` chunks fills and drains it.
///
/// # Formula
/// `(p − 1) / (m + p − 1)` (GPipe: Huang et al., arXiv:1811.06965, §2.3; Narayanan et al.,
/// arXiv:2104.04473, §2.2.1).
pub fn pp_bubble(pp: f64, micro_batches: f64) -> f64 {
    if pp <= 1.0 {
        0.0
    } else {
        (pp - 1.0) / (micro_batches.max(1.0) + pp - 1.0)
    }
}

/// Users of a deployment on one replica (the workload's users split over DP replicas).
pub fn users_per_replica(inputs: &Inputs, users: f64) -> f64 {
    let d = &inputs.deploy;
    if d.is_tp_only() {
        return users;
    }
    (users / f64::from(replicas(inputs).max(1))).ceil()
}

/// Replicas serving users: `dp`, or with PD the decode pool's `D / (tp · pp)`.
pub fn replicas(inputs: &Inputs) -> u32 {
    let d = &inputs.deploy;
    match d.pd {
        Some((_, dec)) => (dec / (inputs.tp.max(1) * d.pp.max(1))).max(1),
        None => d.dp.max(1),
    }
}

/// GPUs of the whole deployment: `tp · pp · dp`, or `P + D` with PD.
pub fn gpus(inputs: &Inputs) -> u32 {
    let d = &inputs.deploy;
    match d.pd {
        Some((p, dec)) => p + dec,
        None => inputs.tp.max(1) * d.pp.max(1) * d.dp.max(1),
    }
}

/// One pool of a PD split.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pool {
    /// GPUs in the pool.
    pub gpus: u32,
    /// Replicas (`gpus / (tp · pp)`).
    pub replicas: u32,
    /// Expert-parallel size in this pool.
    pub ep: u32,
    /// Weights per GPU (bytes).
    pub weights_bytes_per_gpu: f64,
    /// Tokens per second per GPU (prompt tokens for prefill, output tokens for decode).
    pub tokens_per_s_per_gpu: f64,
    /// Step time (prefill of one prompt, or one decode step) in seconds.
    pub step_s: f64,
    /// What bounds it.
    pub bound: crate::report::Resource,
}

/// The deployment figures of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// GPUs in all.
    pub gpus: u32,
    /// Weights per GPU (bytes).
    pub weights_bytes_per_gpu: f64,
    /// Users whose caches fit across the deployment.
    pub deployment_users: f64,
    /// Output tokens per second per GPU (the decode pool's with PD).
    pub tokens_per_s_per_gpu: Option<f64>,
    /// Pipeline bubble of one prompt's prefill.
    pub pp_bubble: f64,
    /// EP all-to-all plus PP sends of one decode step (s).
    pub deploy_comm_s: Option<f64>,
    /// KV transfer of one prompt from prefill to decode (s), PD only.
    pub kv_transfer_s: Option<f64>,
    /// Its exposed part in TTFT (s).
    pub kv_transfer_exposed_s: Option<f64>,
    /// Prefill pool.
    pub prefill_pool: Option<Pool>,
    /// Decode pool.
    pub decode_pool: Option<Pool>,
    /// TTFT with the pipeline fill and the KV transfer.
    pub ttft_s: Option<f64>,
    /// TPOT through every stage.
    pub tpot_s: Option<f64>,
    /// The network is what limits (EP or the KV transfer dominates).
    pub network_bound: bool,
}

/// A pool's layout: the inputs with `dp` and `ep` set for `gpus` GPUs, PD removed.
pub fn pool_inputs(inputs: &Inputs, gpus: u32) -> Inputs {
    let d = inputs.deploy;
    let group = inputs.tp.max(1) * d.pp.max(1);
    let dp = (gpus / group).max(1);
    let ep = d.ep.min(inputs.tp.max(1) * dp).max(1);
    Inputs { deploy: Deploy { dp, ep, pd: None, ..d }, ..inputs.clone() }
}

/// Prefill throughput and decode throughput of one layout (no PD), per GPU.
fn pool_figures(inputs: &Inputs, gpus: u32) -> Pool {
    let pi = pool_inputs(inputs, gpus);
    let p = crate::phases::Prepared::new(&pi);
    let w = inputs.workload;
    let kept = inputs.compression.token.kept_tokens(w.ctx_tokens);
    let per_gpu = f64::from(pi.tp.max(1) * pi.deploy.pp.max(1));
    let c = p.concurrency(kept);
    let batch = crate::deploy::users_per_replica(&pi, w.users.max(1.0)).floor().min(c).max(1.0);
    let step = p.decode_step(batch, kept);
    Pool {
        gpus,
        replicas: pi.deploy.dp,
        ep: pi.deploy.ep,
        weights_bytes_per_gpu: p.weights_bytes_per_gpu,
        tokens_per_s_per_gpu: batch / step.total_s / per_gpu,
        step_s: step.total_s,
        bound: bound_of(&step),
    }
}

fn bound_of(t: &crate::roofline::PhaseTime) -> crate::report::Resource {
    if t.comm_s > t.compute_s.max(t.memory_s) {
        crate::report::Resource::Network
    } else {
        t.bound.into()
    }
}

/// The deployment figures for a report already computed for one replica.
pub fn summarize(inputs: &Inputs, p: &crate::phases::Prepared, r: &crate::report::Report) -> Summary {
    let d = &inputs.deploy;
    let pp = f64::from(d.pp.max(1));
    let gpus = gpus(inputs);
    let replicas = f64::from(replicas(inputs));
    let n = inputs.workload.ctx_tokens;
    let chunks = if p.prefill_chunk_tokens > 0.0 { (n / p.prefill_chunk_tokens).ceil().max(1.0) } else { 1.0 };
    let bubble = pp_bubble(pp, chunks);
    let group = f64::from(inputs.tp.max(1)) * pp;
    let kept = inputs.compression.token.kept_tokens(n);
    let deploy_comm = r.decode_step.map(|_| p.deploy.a2a_s(r.batch, 1.0, false) + p.deploy.pp_send_s(r.batch));
    // PD: the prompt's KV (whole model, every layer) crosses the network once; each GPU of the
    // prefill replica sends its shard in parallel.
    let kv_transfer = d.pd.map(|_| {
        let bytes_per_gpu = p.kv_gpu.bytes(kept);
        if d.net_bw_bytes_per_s > 0.0 { bytes_per_gpu / (d.net_bw_bytes_per_s * inputs.eff.link_bw) } else { f64::INFINITY }
    });
    let exposed = kv_transfer.map(|t| if d.pd_overlap { 0.0 } else { t });
    // Prefill latency of one prompt through the pipeline: (m + p − 1)/m stage prefills.
    let (prefill_pool, decode_pool) = match d.pd {
        Some((pg, dg)) => (Some(prefill_pool(inputs, pg)), Some(pool_figures(inputs, dg))),
        None => (None, None),
    };
    // With PD a prompt is prefilled alone on the prefill pool (no wait behind the decode batch's
    // prefills), then its KV crosses; colocated, it waits as `report.rs` says.
    let ttft = match &prefill_pool {
        Some(pool) => r.ttft_s.map(|_| pool.step_s * (chunks + pp - 1.0) / chunks + exposed.unwrap_or(0.0)),
        None => r.ttft_s.map(|t| t * (chunks + pp - 1.0) / chunks),
    };
    let tpot = r.tpot_s.map(|t| t * pp + p.deploy.pp_send_s(r.batch) * (pp - 1.0).max(0.0));
    let tokens_per_s_per_gpu = match &decode_pool {
        Some(pool) => Some(pool.tokens_per_s_per_gpu),
        None => r.output_tokens_per_s.map(|t| t / group),
    };
    let network_bound = r.decode_step.is_some_and(|s| deploy_comm.unwrap_or(0.0) > s.compute_s.max(s.memory_s))
        || kv_transfer.zip(r.prefill_s).is_some_and(|(t, s)| !d.pd_overlap && t > s);
    Summary {
        gpus,
        weights_bytes_per_gpu: p.weights_bytes_per_gpu,
        deployment_users: r.concurrency * replicas,
        tokens_per_s_per_gpu,
        pp_bubble: bubble,
        deploy_comm_s: deploy_comm,
        kv_transfer_s: kv_transfer,
        kv_transfer_exposed_s: exposed,
        prefill_pool,
        decode_pool,
        ttft_s: ttft,
        tpot_s: tpot,
        network_bound,
    }
}

/// The prefill pool: prompt tokens per second per GPU, each replica prefilling one prompt at a
/// time (its chunks back to back).
fn prefill_pool(inputs: &Inputs, gpus: u32) -> Pool {
    let pi = pool_inputs(inputs, gpus);
    let p = crate::phases::Prepared::new(&pi);
    let n = inputs.workload.ctx_tokens;
    let kept = inputs.compression.token.kept_tokens(n);
    let t = p.prefill(n, kept);
    let per_gpu = f64::from(pi.tp.max(1) * pi.deploy.pp.max(1));
    // A full pipeline takes a new prompt every stage time.
    Pool {
        gpus,
        replicas: pi.deploy.dp,
        ep: pi.deploy.ep,
        weights_bytes_per_gpu: p.weights_bytes_per_gpu,
        tokens_per_s_per_gpu: n / t.total_s / per_gpu,
        step_s: t.total_s,
        bound: bound_of(&t),
    }
}

/// Checks a deployment against a model and the TP size: `Err` names the field and the range.
pub fn check(model: &crate::spec::ModelSpec, tp: u32, d: &Deploy) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let experts = model.moe.map_or(0, |m| m.n_experts);
    let group = tp.max(1) * d.dp.max(1);
    if d.ep > 1 {
        if experts == 0 {
            out.push(("ep", "`ep` (expert-parallel size) needs a mixture-of-experts model; this one has no routed experts: using 1".to_owned()));
        } else if d.ep > experts || (d.pd.is_none() && (d.ep > group || !group.is_multiple_of(d.ep))) {
            out.push((
                "ep",
                format!(
                    "`ep` (expert-parallel size) must be at most the {experts} routed experts and divide tp × dp = {group} GPUs (1 to {}); got {}: using 1",
                    experts.min(group),
                    d.ep
                ),
            ));
        } else if !experts.is_multiple_of(d.ep) {
            out.push((
                "ep_note",
                format!(
                    "`ep` (expert-parallel size) {} does not divide the {experts} routed experts: each rank holds {} expert slots, the spare ones redundant copies as EPLB places them",
                    d.ep,
                    experts.div_ceil(d.ep)
                ),
            ));
        }
    }
    if d.pp > 1 && d.pp > model.n_layers() {
        out.push(("pp", format!("`pp` (pipeline stages) must be at most the {} layers; got {}: using 1", model.n_layers(), d.pp)));
    }
    if let Some((p, dec)) = d.pd {
        let g = tp.max(1) * d.pp.max(1);
        if !p.is_multiple_of(g) || !dec.is_multiple_of(g) || p == 0 || dec == 0 {
            out.push(("pd", format!("`pd` (prefill:decode GPUs) must give each pool a multiple of tp × pp = {g} GPUs; got {p}:{dec}: PD split ignored")));
        }
    }
    out
}

/// Parses `pd=P:D` (GPUs of the prefill and decode pools, each 1 to [`MAX_POOL_GPUS`]).
pub fn parse_pd(raw: &str) -> Result<(u32, u32), String> {
    let bad = || {
        format!(
            "`pd` (prefill:decode GPUs) must be two whole numbers from 1 to {MAX_POOL_GPUS} as P:D, like 32:72; got {}",
            crate::scenario::quote_value(raw)
        )
    };
    let (a, b) = raw.trim().split_once(':').ok_or_else(bad)?;
    let p: u32 = a.trim().parse().map_err(|_| bad())?;
    let d: u32 = b.trim().parse().map_err(|_| bad())?;
    if p == 0 || d == 0 || p > MAX_POOL_GPUS || d > MAX_POOL_GPUS {
        return Err(bad());
    }
    Ok((p, d))
}

/// Largest pool.
pub const MAX_POOL_GPUS: u32 = 16_384;

/// Most nodes a diagram draws (the rest are summarised as a count).
pub const DIAGRAM_MAX_NODES: usize = 12;

/// One GPU of a drawn deployment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DiagramGpu {
    /// `prefill`, `decode`, or `serve` without a PD split.
    pub pool: &'static str,
    /// Pipeline stage (0-based).
    pub stage: u32,
    /// Data-parallel replica (0-based, within the pool).
    pub replica: u32,
    /// Tensor-parallel rank within the replica's stage.
    pub tp_rank: u32,
    /// Expert-parallel rank (the GPU's index among its stage's `ep` ranks).
    pub ep_rank: u32,
}

/// A deployment as nodes of GPUs, for the page's diagram (layout only; no formula).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagram {
    /// GPUs per node (the fast-link domain).
    pub node_gpus: u32,
    /// The nodes drawn, each a list of its GPUs.
    pub nodes: Vec<Vec<DiagramGpu>>,
    /// Nodes not drawn.
    pub more_nodes: u32,
    /// GPUs in all.
    pub gpus: u32,
}

/// Lays out the deployment: pools in order (prefill then decode), within a pool replica-major
/// then stage then TP rank, filling nodes of `link_domain_gpus`.
pub fn diagram(inputs: &Inputs) -> Diagram {
    let d = &inputs.deploy;
    let tp = inputs.tp.max(1);
    let pp = d.pp.max(1);
    let node_gpus = inputs.hw.link_domain_gpus.clamp(1, 72);
    let pools: Vec<(&'static str, u32)> = match d.pd {
        Some((p, dec)) => vec![("prefill", p), ("decode", dec)],
        None => vec![("serve", gpus(inputs))],
    };
    let mut all = Vec::new();
    let limit = DIAGRAM_MAX_NODES * node_gpus as usize;
    'outer: for (pool, g) in pools {
        let replicas = (g / (tp * pp)).max(1);
        let ep = d.ep.max(1).min(tp * replicas);
        for replica in 0..replicas {
            for stage in 0..pp {
                for tp_rank in 0..tp {
                    if all.len() >= limit {
                        break 'outer;
                    }
                    let index_in_stage = replica * tp + tp_rank;
                    all.push(DiagramGpu { pool, stage, replica, tp_rank, ep_rank: index_in_stage % ep });
                }
            }
        }
    }
    let total = gpus(inputs);
    let nodes: Vec<Vec<DiagramGpu>> = all.chunks(node_gpus as usize).map(<[DiagramGpu]>::to_vec).collect();
    let total_nodes = total.div_ceil(node_gpus);
    let more_nodes = total_nodes.saturating_sub(u32::try_from(nodes.len()).unwrap_or(u32::MAX));
    Diagram { node_gpus, nodes, more_nodes, gpus: total }
}

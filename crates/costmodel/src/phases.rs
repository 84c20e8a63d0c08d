//! Memory, prefilling, decoding and context switching for one TP group (docs/methodology.md §4.2-4.5).
//!
//! [`Prepared`] folds an [`Inputs`] into the handful of coefficients the formulas need, once per
//! evaluation; a sweep prepares once per point without allocating.

use crate::kv::{ctx_for_kept_tokens, KvShape, MAX_WINDOWS};
use crate::roofline::{allreduce_s, PhaseTime};
use crate::spec::{Attention, Inputs};
use crate::units::BITS_PER_BYTE;

/// FLOP per multiply-add.
pub const FLOP_PER_MAC: f64 = 2.0;
/// All-reduces per layer under tensor parallelism (after attention and after the FFN).
pub const ALLREDUCES_PER_LAYER: f64 = 2.0;
/// Activation vectors of width `d_model` live at once in the prefill workspace of one layer
/// (residual, normed input, attention output, projection output).
pub const WORKSPACE_D_MODEL_VECTORS: f64 = 4.0;
/// FFN-width vectors live at once in the workspace (gate and up projections).
pub const WORKSPACE_FFN_VECTORS: f64 = 2.0;
/// Bits at or below which a precision runs on the FP8 tensor path.
pub const FP8_BITS: f64 = 8.0;
/// Bits at or below which a precision runs on the FP4 tensor path.
pub const FP4_BITS: f64 = 4.0;

/// Everything an evaluation derives from its inputs before looking at a context length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prepared {
    /// GPUs in the TP group.
    pub tp: u32,
    /// Parameter counts.
    pub params: crate::model::ParamCounts,
    /// KV bytes per user on one GPU, as a function of kept tokens.
    pub kv_gpu: KvShape,
    /// KV bytes per user on the whole group (what a user's cache weighs), before TP.
    pub kv_model: KvShape,
    /// Weights of the whole model (bytes).
    pub weights_bytes: f64,
    /// Weights per GPU (bytes): all experts are resident.
    pub weights_bytes_per_gpu: f64,
    /// Bytes of the weights that are not routed experts (read at every step).
    pub dense_weight_bytes: f64,
    /// Bytes of one routed expert in one layer.
    pub expert_bytes: f64,
    /// MoE: (experts, top-k, MoE layers).
    pub moe: Option<(f64, f64, f64)>,
    /// Non-embedding matmul FLOP per token (`2 · P_act_nonembedding`), plus KV-less scan work.
    pub linear_flop_per_token: f64,
    /// Output-head FLOP per token whose logits are computed (`2 · d · vocab`).
    pub logits_flop_per_token: f64,
    /// Decode attention FLOP per kept token of context, unbounded layers (per query token).
    pub attn_decode_flop_per_kept_token: f64,
    /// Decode attention FLOP per kept token for windowed layers: (coefficient, window).
    pub attn_decode_windows: [(f64, f64); MAX_WINDOWS],
    /// Prefill attention: coefficient of `n²` for full layers (`2 · H_q · d_h` each, causal).
    pub attn_prefill_n2: f64,
    /// Prefill attention: windowed layers `(4 · H_q · d_h · layers, window)`.
    pub attn_prefill_windows: [(f64, f64); MAX_WINDOWS],
    /// Used entries of the window arrays.
    pub n_windows: usize,
    /// Achievable GEMM FLOP/s of the whole group.
    pub gemm_flops_per_s: f64,
    /// Achievable attention FLOP/s of the whole group.
    pub attn_flops_per_s: f64,
    /// Achievable HBM bandwidth of one GPU (bytes/s).
    pub hbm_bw_bytes_per_s: f64,
    /// Achievable host-link bandwidth of one GPU, one direction (bytes/s).
    pub host_bw_bytes_per_s: f64,
    /// Achievable bandwidth of the link the all-reduces use (bytes/s); the host link when the
    /// group is larger than the fast-link domain.
    pub allreduce_bw_bytes_per_s: f64,
    /// Latency of one all-reduce (s).
    pub allreduce_latency_s: f64,
    /// Layers (all-reduces are per layer).
    pub n_layers: f64,
    /// Bytes of one token's activation vector in the all-reduces (`d · max(b_act, 16) / 8`).
    pub act_bytes_per_token: f64,
    /// KV budget per GPU: usable HBM minus weights minus reserve (bytes; may be negative).
    pub kv_budget_bytes_per_gpu: f64,
    /// The reserve held back (bytes per GPU): runtime plus, in realistic mode, the prefill
    /// activation workspace.
    pub reserve_bytes_per_gpu: f64,
    /// Prefill chunk (tokens), 0 = whole prompt.
    pub prefill_chunk_tokens: f64,
    /// Prefill activation workspace per prompt token, per GPU (bytes; 0 in peak mode).
    pub workspace_bytes_per_token: f64,
    /// HBM the engine may allocate, per GPU (bytes).
    pub usable_bytes_per_gpu: f64,
    /// The runtime's own reserve, per GPU (bytes).
    pub runtime_reserve_bytes: f64,
    /// Swap out and in overlap.
    pub full_duplex: bool,
    /// With an engine: its available KV cache memory per GPU (bytes), which is then the budget.
    pub engine_kv_bytes_per_gpu: Option<f64>,
    // deploy: pipeline, data-parallel attention, expert parallelism (issue 13)
    /// The deployment around the TP group (inactive with TP only).
    pub deploy: crate::deploy::Shard,
    // serving (issue 9)
    /// Attention throughput by prompt length (realistic mode on Hopper), relative to
    /// `attn_flops_per_s`; `None` = flat.
    pub attn_curve: Option<crate::fractions::AttnCurve>,
    /// Bytes per token per GPU of the memory-bound elementwise kernels between the GEMMs
    /// (realistic mode; 0 in peak mode): [`elementwise_bytes_per_token`].
    pub elementwise_bytes_per_token: f64,
    /// Fixed cost of one engine step (seconds; 0 in peak mode).
    pub step_overhead_s: f64,
    /// All-reduce time by message size on the fast link (realistic mode on Hopper's NVLink 4);
    /// `None` = latency plus bandwidth.
    pub allreduce_curve: Option<crate::fractions::BusBwCurve>,
}

// serving (issue 9)
/// Each activation vector is written by one kernel and read by the next.
pub const WRITE_AND_READ: f64 = 2.0;

/// Bits of the activations between the GEMMs and in the TP all-reduces: at least the model's
/// 16-bit dtype even when the GEMMs run in FP8 (ModelOpt FP8 checkpoints quantise the linear
/// layers' inputs and weights and the KV cache, not the residual stream).
pub const ACTIVATION_BITS_MIN: f64 = 16.0;

/// Activation traffic of the memory-bound kernels between the GEMMs (norms, the FFN's
/// activation function, residual adds, quantising GEMM inputs), per token per GPU, in realistic
/// mode (peak mode keeps the paper's roofline): each layer writes and reads back the vectors its
/// prefill workspace holds ([`WORKSPACE_D_MODEL_VECTORS`] of width `d`, replicated on every GPU,
/// and [`WORKSPACE_FFN_VECTORS`] of the FFN width, split by TP), in 16 bits or more.
pub fn elementwise_bytes_per_token(inputs: &Inputs, tp: u32) -> f64 {
    if !inputs.realistic {
        return 0.0;
    }
    let m = &inputs.model;
    let ffn = match m.moe {
        Some(x) => f64::from(m.d_ff.max((x.top_k + x.n_shared_experts) * x.d_expert)),
        None => f64::from(m.d_ff),
    };
    let vectors = WORKSPACE_D_MODEL_VECTORS * f64::from(m.d_model) + WORKSPACE_FFN_VECTORS * ffn / f64::from(tp.max(1));
    let bytes = inputs.precision.act_bits.max(ACTIVATION_BITS_MIN) / BITS_PER_BYTE;
    WRITE_AND_READ * f64::from(m.n_layers()) * vectors * bytes
}

/// Tokens whose activations the prefill workspace holds at once: the chunk, or the whole
/// prompt without chunking.
fn workspace_tokens(chunk_tokens: f64, ctx_tokens: f64) -> f64 {
    if chunk_tokens > 0.0 {
        chunk_tokens.min(ctx_tokens)
    } else {
        ctx_tokens
    }
}

/// Peak FLOP/s of the tensor path a computation at `bits` runs on.
fn tensor_rate(hw: &crate::spec::HardwareSpec, bits: f64) -> f64 {
    if bits <= FP4_BITS && hw.fp4_flops_per_s > 0.0 {
        hw.fp4_flops_per_s
    } else if bits <= FP8_BITS && hw.fp8_flops_per_s > 0.0 {
        hw.fp8_flops_per_s
    } else {
        hw.bf16_flops_per_s
    }
}

impl Prepared {
    /// Folds the inputs. GEMMs run at the tensor rate of the wider of weight and activation
    /// precisions (weight-only quantization computes in 16 bits); attention at the activation
    /// precision's rate.
    pub fn new(inputs: &Inputs) -> Prepared {
        Prepared::for_tp(inputs, inputs.tp)
    }

    /// As [`Prepared::new`] with another TP group size (the "fewest GPUs that fit" search).
    pub fn for_tp(inputs: &Inputs, tp: u32) -> Prepared {
        let m = &inputs.model;
        let hw = &inputs.hw;
        let e = &inputs.eff;
        let p = &inputs.precision;
        let tp = tp.max(1);
        let tp_f = f64::from(tp);
        let d = f64::from(m.d_model);
        let hq = f64::from(m.n_q_heads);
        let dh = f64::from(m.head_dim);
        let weight_bytes_per_param = p.weight_bits / BITS_PER_BYTE;
        let params = m.params();
        let weights_bytes = params.total * weight_bytes_per_param;
        let expert_bytes = m.expert_params() * weight_bytes_per_param * params.override_scale;
        let moe = m.moe.map(|x| (f64::from(x.n_experts), f64::from(x.top_k), f64::from(x.n_moe_layers)));
        let routed_bytes = moe.map_or(0.0, |(n_e, _, layers)| n_e * layers * expert_bytes);

        let mut attn_decode_flop_per_kept_token = 0.0;
        let mut attn_prefill_n2 = 0.0;
        let mut attn_decode_windows = [(0.0, 0.0); MAX_WINDOWS];
        let mut attn_prefill_windows = [(0.0, 0.0); MAX_WINDOWS];
        let mut n_windows = 0;
        let mut kvless_flop_per_token = 0.0;
        for g in &m.layers {
            let layers = f64::from(g.count);
            match g.attention {
                // Decode: QKᵀ and AV each 2·t·H_q·d_h per query token. Prefill, causal: half of
                // 2 · 2 · n² · H_q · d_h.
                Attention::Full | Attention::GatedFull => {
                    attn_decode_flop_per_kept_token += layers * 2.0 * FLOP_PER_MAC * hq * dh;
                    attn_prefill_n2 += layers * FLOP_PER_MAC * hq * dh;
                }
                // Chunked local attention is charged as a window of one chunk: an upper bound
                // (a token at position `p` attends `p mod C + 1 ≤ C` tokens).
                Attention::SlidingWindow { window_tokens } | Attention::ChunkedLocal { chunk_tokens: window_tokens } => {
                    let w = f64::from(window_tokens);
                    let dec = layers * 2.0 * FLOP_PER_MAC * hq * dh;
                    let pre = layers * 2.0 * FLOP_PER_MAC * hq * dh;
                    if let Some(i) = attn_decode_windows[..n_windows].iter().position(|(_, sw)| *sw == w) {
                        attn_decode_windows[i].0 += dec;
                        attn_prefill_windows[i].0 += pre;
                    } else if n_windows < MAX_WINDOWS {
                        attn_decode_windows[n_windows] = (dec, w);
                        attn_prefill_windows[n_windows] = (pre, w);
                        n_windows += 1;
                    } else {
                        attn_decode_flop_per_kept_token += dec;
                        attn_prefill_n2 += layers * FLOP_PER_MAC * hq * dh;
                    }
                }
                // MLA, absorbed form at decode: scores over the latent and the RoPE key
                // (r_kv + d_rope), values over the latent (r_kv). Prefill in the expanded form:
                // causal n² · H_q · (d_qk + d_v).
                Attention::Mla { kv_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim, .. } => {
                    let r = f64::from(kv_lora_rank);
                    let rope = f64::from(qk_rope_head_dim);
                    attn_decode_flop_per_kept_token += layers * FLOP_PER_MAC * hq * (2.0 * r + rope);
                    let qk = f64::from(qk_nope_head_dim + qk_rope_head_dim);
                    attn_prefill_n2 += layers * hq * (qk + f64::from(v_head_dim));
                }
                // DSA (DeepSeek-V3.2-Exp report §2.1): the indexer scores every context token,
                // `H_I · d_I` multiply-adds per query per token (prefill: causal, half of n²);
                // the core attention, in MLA's absorbed (MQA) form for prefill and decode alike,
                // reads only the top-k tokens: a window of `index_topk` in cost.
                Attention::Dsa { kv_lora_rank, qk_rope_head_dim, index_heads, index_head_dim, index_topk, .. } => {
                    let index = f64::from(index_heads) * f64::from(index_head_dim);
                    attn_decode_flop_per_kept_token += layers * FLOP_PER_MAC * index;
                    attn_prefill_n2 += layers * FLOP_PER_MAC * index / 2.0;
                    let r = f64::from(kv_lora_rank);
                    let rope = f64::from(qk_rope_head_dim);
                    let per_token = layers * FLOP_PER_MAC * hq * (2.0 * r + rope);
                    let k = f64::from(index_topk);
                    if let Some(i) = attn_decode_windows[..n_windows].iter().position(|(_, sw)| *sw == k) {
                        attn_decode_windows[i].0 += per_token;
                        attn_prefill_windows[i].0 += per_token;
                    } else if n_windows < MAX_WINDOWS {
                        attn_decode_windows[n_windows] = (per_token, k);
                        attn_prefill_windows[n_windows] = (per_token, k);
                        n_windows += 1;
                    } else {
                        attn_decode_flop_per_kept_token += per_token;
                        attn_prefill_n2 += per_token / 2.0;
                    }
                }
                Attention::KvLess { .. } | Attention::LinearAttention { .. } | Attention::Mamba2 { .. } => {
                    kvless_flop_per_token +=
                        layers * g.attention.state_mixer(m.d_model).map_or(0.0, |s| s.extra_flop_per_token);
                }
            }
        }
        let c = inputs.compression;
        let kv_factor = c.layer * c.head;
        attn_decode_flop_per_kept_token *= kv_factor;
        for w in &mut attn_decode_windows[..n_windows] {
            w.0 *= kv_factor;
        }

        let gemm_bits = p.weight_bits.max(p.act_bits);
        let gemm_flops_per_s = tp_f * tensor_rate(hw, gemm_bits) * e.gemm;
        let attn_flops_per_s = tp_f * tensor_rate(hw, p.act_bits) * e.attention;
        let fast_link = hw.link_bw_bytes_per_s > 0.0 && tp <= hw.link_domain_gpus;
        let mesh_bw = if hw.link_peer_bw_bytes_per_s > 0.0 {
            hw.link_bw_bytes_per_s.min(f64::from(tp - 1) * hw.link_peer_bw_bytes_per_s)
        } else {
            hw.link_bw_bytes_per_s
        };
        // Beyond the fast-link domain the all-reduces leave through the host link (PCIe to the
        // NIC); a unified-memory part has no host link, so they stay on its only link (DGX
        // Spark's ConnectX-7, a Mac's Thunderbolt), whose reach is then the network's.
        let outside_bw = if hw.host_bw_bytes_per_s > 0.0 { hw.host_bw_bytes_per_s } else { hw.link_bw_bytes_per_s };
        let allreduce_bw = if fast_link { mesh_bw } else { outside_bw } * e.link_bw;

        let weights_bytes_per_gpu = weights_bytes / tp_f;
        let act_bytes = p.act_bits / BITS_PER_BYTE;
        let ffn_width = match m.moe {
            Some(x) => f64::from(m.d_ff.max((x.top_k + x.n_shared_experts) * x.d_expert)),
            None => f64::from(m.d_ff),
        };
        // Workspace bytes per prompt token (realistic mode only), per GPU.
        let workspace_bytes_per_token = if inputs.realistic {
            (WORKSPACE_D_MODEL_VECTORS * d + WORKSPACE_FFN_VECTORS * ffn_width) * act_bytes / tp_f
        } else {
            0.0
        };
        let reserve = e.runtime_reserve_bytes
            + workspace_bytes_per_token * workspace_tokens(e.prefill_chunk_tokens, inputs.workload.ctx_tokens);
        let budget = hw.hbm_bytes * e.mem_usable - weights_bytes_per_gpu - reserve;
        let logits = FLOP_PER_MAC * d * f64::from(m.vocab);
        let mut prepared = Prepared {
            tp,
            params,
            kv_gpu: KvShape::new(inputs, Some(tp)),
            kv_model: KvShape::new(inputs, None),
            weights_bytes,
            weights_bytes_per_gpu,
            dense_weight_bytes: weights_bytes - routed_bytes,
            expert_bytes,
            moe,
            linear_flop_per_token: FLOP_PER_MAC * params.active_nonembedding + kvless_flop_per_token,
            logits_flop_per_token: logits,
            attn_decode_flop_per_kept_token,
            attn_decode_windows,
            attn_prefill_n2,
            attn_prefill_windows,
            n_windows,
            gemm_flops_per_s,
            attn_flops_per_s,
            hbm_bw_bytes_per_s: hw.hbm_bw_bytes_per_s * e.hbm_bw,
            host_bw_bytes_per_s: hw.host_bw_bytes_per_s * e.host_bw,
            allreduce_bw_bytes_per_s: allreduce_bw,
            allreduce_latency_s: e.allreduce_latency_s,
            n_layers: f64::from(m.n_layers()),
            act_bytes_per_token: d * p.act_bits.max(ACTIVATION_BITS_MIN) / BITS_PER_BYTE,
            kv_budget_bytes_per_gpu: budget,
            reserve_bytes_per_gpu: reserve,
            workspace_bytes_per_token,
            usable_bytes_per_gpu: hw.hbm_bytes * e.mem_usable,
            runtime_reserve_bytes: e.runtime_reserve_bytes,
            prefill_chunk_tokens: e.prefill_chunk_tokens,
            full_duplex: e.full_duplex,
            engine_kv_bytes_per_gpu: None,
            deploy: crate::deploy::Shard::default(),
            // serving (issue 9)
            attn_curve: e.attention_curve,
            elementwise_bytes_per_token: elementwise_bytes_per_token(inputs, tp),
            step_overhead_s: inputs.serving.step_overhead_s,
            // The measured curve holds inside the fast-link domain on the measured link.
            allreduce_curve: e.allreduce_curve.filter(|c| fast_link && c.holds_for(hw.link_bw_bytes_per_s)),
        };
        // deploy: one PP stage of one DP replica, weights sharded by TP × PP and EP (issue 13).
        crate::deploy::shard(inputs, &mut prepared);
        // With an engine, the KV budget per GPU is the engine's available KV cache memory
        // (its own weights, activation peak, buffers and fraction; see `crate::engine`), and the
        // users who fit are counted with this model's KV per user (compression included). The
        // budget does not depend on the context, so `set_ctx` keeps it: usable = weights + KV,
        // no reserve, no workspace.
        if let Some(em) = crate::engine::memory(inputs, tp, inputs.workload.ctx_tokens) {
            let kv = em.budget.kv_bytes;
            prepared.engine_kv_bytes_per_gpu = Some(kv);
            prepared.kv_budget_bytes_per_gpu = kv;
            prepared.reserve_bytes_per_gpu = 0.0;
            prepared.runtime_reserve_bytes = 0.0;
            prepared.workspace_bytes_per_token = 0.0;
            prepared.usable_bytes_per_gpu = weights_bytes_per_gpu + kv;
        }
        prepared
    }

    /// Re-folds only what depends on the context length (the prefill workspace), so a sweep
    /// over workload inputs (context, generated tokens, users, reuse) prepares once.
    pub fn set_ctx(&mut self, ctx_tokens: f64) {
        self.reserve_bytes_per_gpu = self.runtime_reserve_bytes
            + self.workspace_bytes_per_token * workspace_tokens(self.prefill_chunk_tokens, ctx_tokens);
        self.kv_budget_bytes_per_gpu = self.usable_bytes_per_gpu - self.weights_bytes_per_gpu - self.reserve_bytes_per_gpu;
    }

    // deploy: EP all-to-all and PP activation sends (0 with TP only; issue 13).
    /// Communication of the deployment beyond the TP all-reduces (seconds).
    pub fn deploy_comm_s(&self, tokens: f64, rounds: f64, prefill: bool) -> f64 {
        if !self.deploy.on {
            return 0.0;
        }
        self.deploy.a2a_s(tokens, rounds, prefill) + rounds * self.deploy.pp_send_s(tokens / rounds)
    }

    /// Users whose caches fit beside the weights on every GPU of the group.
    ///
    /// # Formula
    /// `C = floor(budget / KV per user per GPU)`, 0 when the budget is negative.
    pub fn concurrency(&self, kept_tokens: f64) -> f64 {
        let per_user = self.kv_gpu.bytes(kept_tokens);
        if self.kv_budget_bytes_per_gpu <= 0.0 {
            0.0
        } else if per_user <= 0.0 {
            f64::INFINITY
        } else {
            (self.kv_budget_bytes_per_gpu / per_user).floor()
        }
    }

    /// Prefill attention FLOP for a prompt of `n` tokens (whole model).
    ///
    /// # Formula
    /// full: `2 · n² · H_q · d_h` per layer (causal half of QKᵀ and AV);
    /// window `w < n`: `4 · H_q · d_h · (w · n − w² / 2)` per layer; MLA: `n² · H_q · (d_qk + d_v)`.
    pub fn prefill_attention_flop(&self, n: f64) -> f64 {
        let mut flop = self.attn_prefill_n2 * n * n;
        for &(coef, w) in &self.attn_prefill_windows[..self.n_windows] {
            // coef = 4 · H_q · d_h · layers; causal over min(n, w) keys.
            flop += if n <= w { coef / 2.0 * n * n } else { coef * (w * n - w * w / 2.0) };
        }
        flop
    }

    /// Prefill FLOP (whole model) for a prompt of `n` tokens: (linear, attention).
    ///
    /// # Formula
    /// linear `2 · P_act_nonembedding · n + 2 · d · vocab` (logits of the last token only).
    pub fn prefill_flop(&self, n: f64) -> (f64, f64) {
        (self.linear_flop_per_token * n + self.logits_flop_per_token, self.prefill_attention_flop(n))
    }

    /// Time of the tensor-parallel all-reduces for `tokens` activation rows, `rounds` times per
    /// layer (once per prefill chunk).
    pub fn comm_s(&self, tokens: f64, rounds: f64) -> f64 {
        if self.tp <= 1 {
            return 0.0;
        }
        self.n_layers * ALLREDUCES_PER_LAYER * rounds * self.allreduce_one_s(tokens / rounds)
    }

    /// One tensor-parallel all-reduce of `tokens` activation vectors (seconds): the measured
    /// bus-bandwidth curve where there is one ([`crate::fractions::BusBwCurve::time_s`]), else
    /// [`allreduce_s`]; 0 at TP 1.
    pub fn allreduce_one_s(&self, tokens: f64) -> f64 {
        let bytes = tokens * self.act_bytes_per_token;
        match self.allreduce_curve {
            Some(c) => c.time_s(bytes, self.tp),
            None => allreduce_s(bytes, self.tp, self.allreduce_bw_bytes_per_s, self.allreduce_latency_s),
        }
    }

    /// Prefill of one prompt of `n` tokens at batch 1, as a roofline plus TP communication.
    ///
    /// # Formula
    /// `max(linear / (TP·F·e_gemm) + attention / (TP·F·e_attn(n)), (weights + KV(n)) per GPU / (BW·e_bw))
    /// + 2 L all-reduces of n · d activations + n · elementwise bytes / BW + chunks · step cost`.
    ///
    /// `e_attn(n)` follows the attention kernel's measured curve, and the last two terms exist,
    /// in realistic mode only.
    pub fn prefill(&self, n: f64, kept_tokens: f64) -> PhaseTime {
        let (linear, attention) = self.prefill_flop(n);
        let compute_s = linear / self.gemm_flops_per_s + attention / self.attn_flops_per_s_at(n);
        let bytes = self.weights_bytes_per_gpu + self.kv_gpu.bytes(kept_tokens);
        let memory_s = bytes / self.hbm_bw_bytes_per_s;
        let rounds = if self.prefill_chunk_tokens > 0.0 { (n / self.prefill_chunk_tokens).ceil().max(1.0) } else { 1.0 };
        // deploy: + EP all-to-all and PP sends
        PhaseTime::new(compute_s, memory_s, self.comm_s(n, rounds) + self.deploy_comm_s(n, rounds, true))
            // serving (issue 9): elementwise kernels and one step cost per chunk (realistic mode)
            .plus_serial(self.serial_s(n, rounds))
    }

    // serving (issue 9)
    /// Attention FLOP/s of the group for a prompt of `n` tokens: the long-sequence figure times
    /// the kernel's measured curve (flat without one).
    pub fn attn_flops_per_s_at(&self, n: f64) -> f64 {
        self.attn_flops_per_s * self.attn_curve.map_or(1.0, |c| c.relative(n))
    }

    /// Work beside the roofline for `tokens` tokens in `steps` engine steps: the elementwise
    /// kernels' traffic and the fixed step cost (both 0 in peak mode).
    ///
    /// # Formula
    /// `tokens · elementwise bytes / BW + steps · step_overhead_s`.
    pub fn serial_s(&self, tokens: f64, steps: f64) -> f64 {
        tokens * self.elementwise_bytes_per_token / self.hbm_bw_bytes_per_s + steps * self.step_overhead_s
    }

    /// Weight bytes one GPU reads in a decode step at batch `b`.
    ///
    /// # Formula
    /// dense part + MoE layers · `E · (1 − (1 − k/E)^B)` distinct experts · expert bytes, per GPU.
    pub fn decode_weight_bytes_per_gpu(&self, batch: f64) -> f64 {
        let read = match self.moe {
            Some((n_e, k, layers)) if n_e > 0.0 => {
                let touched = n_e * (1.0 - (1.0 - k / n_e).powf(batch));
                self.dense_weight_bytes + layers * touched * self.expert_bytes
            }
            _ => self.weights_bytes,
        };
        // deploy: the stage's dense share plus its experts touched by all replicas' tokens
        if self.deploy.on {
            return crate::deploy::decode_weight_bytes_per_gpu(self, batch);
        }
        read / f64::from(self.tp)
    }

    /// Decode attention FLOP per sequence at `kept` context tokens (whole model).
    pub fn decode_attention_flop(&self, kept: f64) -> f64 {
        let mut flop = self.attn_decode_flop_per_kept_token * kept;
        for &(coef, w) in &self.attn_decode_windows[..self.n_windows] {
            flop += coef * kept.min(w);
        }
        flop
    }

    /// The two roofline terms of one decode step (seconds): (compute, memory).
    fn decode_terms(&self, batch: f64, kept: f64, weight_bytes_per_gpu: f64) -> (f64, f64) {
        let linear = batch * (self.linear_flop_per_token + self.logits_flop_per_token);
        let attention = batch * self.decode_attention_flop(kept);
        let compute_s = linear / self.gemm_flops_per_s + attention / self.attn_flops_per_s;
        let memory_s = (weight_bytes_per_gpu + batch * self.kv_gpu.bytes(kept)) / self.hbm_bw_bytes_per_s;
        (compute_s, memory_s)
    }

    /// One decode step for `batch` users at `kept` context tokens each.
    ///
    /// # Formula
    /// `max(B · (2 P_act + attention(n)) / F, (weights read + B · KV(n)) per GPU / BW) + comm`
    /// `+ B · elementwise bytes / BW + step cost` (the last two in realistic mode only).
    pub fn decode_step(&self, batch: f64, kept: f64) -> PhaseTime {
        let (compute_s, memory_s) = self.decode_terms(batch, kept, self.decode_weight_bytes_per_gpu(batch));
        // deploy: + EP all-to-all and PP sends
        PhaseTime::new(compute_s, memory_s, self.comm_s(batch, 1.0) + self.deploy_comm_s(batch, 1.0, false))
            // serving (issue 9): elementwise kernels and the step cost (realistic mode)
            .plus_serial(self.serial_s(batch, 1.0))
    }

    /// Generating `m` tokens for `batch` users whose context grows from `n` to `n + m`: the sum of
    /// every step, in closed form.
    ///
    /// Between the points where a window fills or the token budget is reached, both roofline
    /// terms are linear in the step index, so each piece is an arithmetic series, split once more
    /// where compute overtakes memory. Returns (seconds, KV bytes read per GPU, all bytes read
    /// per GPU, steps that were compute-bound).
    pub fn decode_sum(&self, inputs: &Inputs, batch: f64, n: f64, m: f64) -> DecodeSum {
        let steps = m.floor().max(0.0);
        let mut out = DecodeSum { time_s: 0.0, kv_bytes_per_gpu: 0.0, bytes_per_gpu: 0.0, compute_bound_steps: 0.0 };
        if steps <= 0.0 {
            return out;
        }
        let weights = self.decode_weight_bytes_per_gpu(batch);
        // deploy: + EP all-to-all and PP sends
        let comm = self.comm_s(batch, 1.0) + self.deploy_comm_s(batch, 1.0, false)
            // serving (issue 9)
            + self.serial_s(batch, 1.0);
        let keep = inputs.compression.token;
        // Breakpoints (in step index) where some piece changes slope.
        let mut cuts = [0.0f64; MAX_WINDOWS + 2];
        let mut n_cuts = 0;
        let mut add_cut = |kept_at: f64| {
            let ctx = ctx_for_kept_tokens(inputs, kept_at);
            let i = (ctx - n).ceil();
            if i > 0.0 && i < steps && n_cuts < cuts.len() {
                cuts[n_cuts] = i;
                n_cuts += 1;
            }
        };
        for &(_, w) in &self.kv_gpu.windows[..self.kv_gpu.n_windows] {
            add_cut(w);
        }
        if let crate::spec::TokenKeep::Budget { tokens } = keep {
            let i = (tokens - n).ceil();
            if i > 0.0 && i < steps && n_cuts < cuts.len() {
                cuts[n_cuts] = i;
                n_cuts += 1;
            }
        }
        crate::sort::sort_stable_by(&mut cuts[..n_cuts], f64::total_cmp);
        let mut start = 0.0;
        for end in cuts[..n_cuts].iter().copied().chain(std::iter::once(steps)) {
            if end > start {
                self.sum_piece(&mut out, inputs, batch, n, start, end, weights);
            }
            start = end;
        }
        out.time_s += steps * comm;
        out
    }

    /// Adds steps `i` in `[a, b)` (context `n + i`) to the sum, assuming linear terms.
    #[allow(clippy::too_many_arguments)]
    fn sum_piece(&self, out: &mut DecodeSum, inputs: &Inputs, batch: f64, n: f64, a: f64, b: f64, weights: f64) {
        let keep = inputs.compression.token;
        let terms = |i: f64| {
            let kept = keep.kept_tokens(n + i);
            let (c, mem) = self.decode_terms(batch, kept, weights);
            (c, mem, batch * self.kv_gpu.bytes(kept))
        };
        let last = b - 1.0;
        let (c0, m0, k0) = terms(a);
        let (c1, m1, k1) = terms(last);
        let span = last - a;
        let slope = |v0: f64, v1: f64| if span > 0.0 { (v1 - v0) / span } else { 0.0 };
        let (sc, sm, sk) = (slope(c0, c1), slope(m0, m1), slope(k0, k1));
        // Σ_{i=a}^{b-1} (v0 + s (i − a)) over `count` steps.
        let series = |v0: f64, s: f64, from: f64, to: f64| {
            let count = to - from;
            let first = v0 + s * (from - a);
            count * first + s * count * (count - 1.0) / 2.0
        };
        out.kv_bytes_per_gpu += series(k0, sk, a, b);
        out.bytes_per_gpu += series(m0, sm, a, b) * self.hbm_bw_bytes_per_s;
        // Split where compute and memory cross.
        let diff0 = c0 - m0;
        let dslope = sc - sm;
        let cross = if dslope != 0.0 { a + (-diff0 / dslope).ceil() } else { f64::NAN };
        if cross.is_finite() && cross > a && cross < b {
            let first_compute = diff0 >= 0.0;
            let (t1, t2) = if first_compute {
                (series(c0, sc, a, cross), series(m0, sm, cross, b))
            } else {
                (series(m0, sm, a, cross), series(c0, sc, cross, b))
            };
            out.time_s += t1 + t2;
            out.compute_bound_steps += if first_compute { cross - a } else { b - cross };
        } else if diff0 >= 0.0 {
            out.time_s += series(c0, sc, a, b);
            out.compute_bound_steps += b - a;
        } else {
            out.time_s += series(m0, sm, a, b);
        }
    }

    /// Moving one user's cache out to host memory and another's in (seconds).
    ///
    /// # Formula
    /// `(KV_out + KV_in) / host_bw` per GPU (each GPU moves its own shard; the MLA latent is
    /// replicated, so each GPU moves a full copy); with a full-duplex link the two overlap:
    /// `KV / host_bw`.
    ///
    /// Infinite when there is no host link (`host_bw = 0`: unified-memory parts such as Apple
    /// M-series, DGX Spark, MI300A): the cache already lives in the only memory there is, so
    /// there is nowhere to swap it and a switch recomputes.
    pub fn swap_s(&self, kept: f64) -> f64 {
        if self.host_bw_bytes_per_s <= 0.0 {
            return f64::INFINITY;
        }
        let one = self.kv_gpu.bytes(kept) / self.host_bw_bytes_per_s;
        if self.full_duplex {
            one
        } else {
            2.0 * one
        }
    }
}

/// The closed-form sum of a generation's decode steps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecodeSum {
    /// Seconds for all steps, communication included.
    pub time_s: f64,
    /// KV bytes read per GPU over all steps.
    pub kv_bytes_per_gpu: f64,
    /// All bytes read per GPU over all steps.
    pub bytes_per_gpu: f64,
    /// Steps whose compute term exceeded the memory term.
    pub compute_bound_steps: f64,
}

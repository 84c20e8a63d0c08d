//! vLLM V1 (0.10 and later; calibrated on 0.19 start-up logs, see
//! `tests/fixtures/engine-logs/vllm-0.19-h100.md`).
//!
//! The budget, as `vllm/v1/worker/gpu_worker.py` `Worker.determine_available_memory` computes
//! it with `vllm/utils` `memory_profiling` / `MemorySnapshot`:
//!
//! ```text
//! requested   = gpu_memory_utilization × total          (total: what the device reports to CUDA)
//! non_kv      = weights + torch peak increase + non-torch increase
//! available   = requested − non_kv                      ("Available KV cache memory")
//! ```
//!
//! and the cache, as `vllm/v1/core/kv_cache_utils.py` sizes it (`get_kv_cache_config`,
//! `get_num_blocks`: `available // page_size // layers`; `_report_kv_cache_config` logs
//! `GPU KV cache size` and `Maximum concurrency`; `check_enough_kv_cache_memory` raises the error
//! when one request of `max_model_len` does not fit).

use super::{Budget, Engine, EngineMemory, EngineRules, EngineSettings, PoolRule, Resolved};
use crate::spec::{Attention, Inputs, ModelSpec};
use crate::units::{BITS_PER_BYTE, GIB};

/// vLLM's rules.
pub static RULES: EngineRules = EngineRules {
    engine: Engine::Vllm,
    default_gpu_util: |_, _| DEFAULT_GPU_MEMORY_UTILIZATION,
    default_max_batched_tokens,
    budget,
    block_tokens,
    pool: PoolRule::VllmGroups,
};

/// `gpu_memory_utilization` default (`vllm/config/cache.py`, `CacheConfig`).
pub const DEFAULT_GPU_MEMORY_UTILIZATION: f64 = 0.9;
/// KV block size on CUDA (`CacheConfig.block_size` default 16).
pub const BLOCK_TOKENS: f64 = 16.0;
/// MLA block size: FlashMLA needs 64 (`vllm/platforms/cuda.py`,
/// `CudaPlatformBase.check_and_update_config`: "Forcing kv cache block size to 64 for FlashMLA").
pub const MLA_BLOCK_TOKENS: f64 = 64.0;
/// Device memory at or above which vLLM uses its large batch defaults, unless the device is an
/// A100 (`vllm/engine/arg_utils.py`, `EngineArgs.get_batch_defaults`: "For GPUs like H100 and
/// MI300x, use larger default values": `device_memory >= 70 GiB and "a100" not in name`).
pub const LARGE_DEVICE_GIB: f64 = 70.0;
/// `max_num_batched_tokens` default for the OpenAI server on large devices (same function).
pub const LARGE_MAX_BATCHED_TOKENS: f64 = 8192.0;
/// ... and on other devices.
pub const SMALL_MAX_BATCHED_TOKENS: f64 = 2048.0;
/// `max_num_seqs` default on large devices (same function).
pub const LARGE_MAX_NUM_SEQS: f64 = 1024.0;
/// ... and on other devices.
pub const SMALL_MAX_NUM_SEQS: f64 = 256.0;

/// Bytes per vocabulary entry per sampled row in the profiling run's sampler, at its peak
/// (`gpu_model_runner.py` `GPUModelRunner._dummy_sampler_run` samples `max_num_seqs` rows with
/// temperature, top-p and top-k set; `vllm/v1/sample/sampler.py` `Sampler.forward` and
/// `ops/topk_topp_sampler.py` `random_sample`): the model-dtype logits (2), their FP32 copy (4),
/// the softmax probabilities (4) and the exponential noise `q` (4) are live together. The nine
/// calibration logs agree: 1,024 rows × 128,256 × 14 B = 1.71 GiB + the base below = 1.89 GiB
/// logged for Llama 3.1 8B at every TP; 2.21 for both Qwen vocabularies (152,064 / 151,936);
/// 1.52 for Phi-4 (100,352).
pub const SAMPLER_BYTES_PER_LOGIT: f64 = 14.0;
/// Torch memory live at the profiling peak besides the sampler's and MoE's buffers (the input
/// buffers sized for `max_num_batched_tokens`, the dummy run's hidden states, the attention
/// metadata), one value for every model: the nine logs' torch peak less the sampler and MoE
/// terms is 0.177–0.180 GiB in each. Measured, not derived: a global constant, not per model.
pub const PROFILE_BASE_GIB: f64 = 0.18;
/// Non-torch memory that grows during profiling on one GPU (cuBLAS/cuBLASLt and attention
/// workspaces allocated outside the torch allocator): 0.24–0.26 GiB in every TP 1 log.
pub const NON_TORCH_TP1_GIB: f64 = 0.25;
/// Communication buffers at TP > 1 (NCCL communicators with their NVLS/NVSwitch buffers, the
/// custom all-reduce IPC buffers of `vllm/distributed/device_communicators/custom_all_reduce.py`
/// and the symmetric-memory all-reduce), per GPU: `COMM_BASE + COMM_PER_GPU × TP`. Measured on H100
/// SXM (NVSwitch) in the calibration logs: non-torch 2.07 GiB at TP 2 and 2.13 at TP 4, so
/// 1.82 and 1.88 GiB above TP 1. Other fabrics are not measured; the same rule is used.
pub const COMM_BASE_GIB: f64 = 1.76;
/// See [`COMM_BASE_GIB`].
pub const COMM_PER_GPU_GIB: f64 = 0.03;
/// Weight-quantisation scales for 4-bit (and lower) formats: GPTQ/AWQ/compressed-tensors keep one
/// FP16 scale and one packed 4-bit zero point per group of 128 weights (`group_size: 128` in
/// their `quantize_config.json`): 20 bits per 128 weights. FP8 checkpoints use one scale per
/// tensor or per channel (negligible).
pub const INT4_GROUP_OVERHEAD_BITS: f64 = 20.0 / 128.0;
/// Vocabulary padding of `VocabParallelEmbedding` / `ParallelLMHead`
/// (`vllm/model_executor/layers/vocab_parallel_embedding.py`, `DEFAULT_VOCAB_PADDING_SIZE`).
pub const VOCAB_PADDING: f64 = 64.0;
/// Elements of a fused-MoE workspace row (`fused_moe/modular_kernel.py`,
/// `FusedMoEModularKernel`: `workspace13` holds `M × top_k × max(2N, K)` and `workspace2`
/// `M × top_k × N` in the activation dtype, N the expert width per GPU, K the hidden size;
/// these buffers stay allocated through the sampler run). DeepSeek-V2-Lite: 8,192 × 6 ×
/// (2,816 + 1,408) × 2 B = 0.39 GiB, and its log's torch peak is 0.39 GiB above the dense rule.
pub fn moe_workspace_bytes(m: &ModelSpec, tp: u32, tokens: f64, act_bytes: f64) -> f64 {
    match m.moe {
        Some(moe) => {
            let n = f64::from(moe.d_expert) / f64::from(tp.max(1));
            let k = f64::from(m.d_model);
            tokens * f64::from(moe.top_k) * ((2.0 * n).max(k) + n) * act_bytes
        }
        None => 0.0,
    }
}

/// `max_num_batched_tokens` default for this device.
pub fn default_max_batched_tokens(s: &EngineSettings) -> f64 {
    if large_device(s) {
        LARGE_MAX_BATCHED_TOKENS
    } else {
        SMALL_MAX_BATCHED_TOKENS
    }
}

/// `max_num_seqs` default for this device.
pub fn default_max_num_seqs(s: &EngineSettings) -> f64 {
    if large_device(s) {
        LARGE_MAX_NUM_SEQS
    } else {
        SMALL_MAX_NUM_SEQS
    }
}

fn large_device(s: &EngineSettings) -> bool {
    s.device_bytes >= LARGE_DEVICE_GIB * GIB && !s.is_a100
}

fn block_tokens(m: &ModelSpec) -> f64 {
    if m.layers.iter().any(|g| matches!(g.attention, Attention::Mla { .. } | Attention::Dsa { .. })) {
        MLA_BLOCK_TOKENS
    } else {
        BLOCK_TOKENS
    }
}

/// Weights as loaded on one GPU (bytes): the matrices split over TP at `w_bits` with their
/// quantisation scales, the embedding and the output head vocab-parallel (padded to 64) and kept
/// at 16 bits by quantised checkpoints (GPTQ/AWQ/FP8 leave `lm_head` and `embed_tokens`
/// unquantised). K/V projections are replicated when TP exceeds the KV heads.
pub fn weights_loaded_bytes(m: &ModelSpec, w_bits: f64, tp: u32) -> f64 {
    let tp_f = f64::from(tp.max(1));
    let params = m.params();
    let emb_params = m.embedding_params() * params.override_scale;
    let body = (params.total - emb_params).max(0.0);
    let d = f64::from(m.d_model);
    // Extra K/V heads a GPU holds when TP > KV heads (replication), per GPU.
    let kv_rep: f64 = m
        .layers
        .iter()
        .filter(|g| matches!(g.attention, Attention::Full | Attention::GatedFull | Attention::SlidingWindow { .. } | Attention::ChunkedLocal { .. }))
        .map(|g| {
            let per_gpu = f64::from(m.n_kv_heads.max(1).div_ceil(tp.max(1)));
            let exact = f64::from(m.n_kv_heads) / tp_f;
            f64::from(g.count) * 2.0 * d * f64::from(m.head_dim) * (per_gpu - exact).max(0.0)
        })
        .sum();
    let padded_vocab = (f64::from(m.vocab) / VOCAB_PADDING).ceil() * VOCAB_PADDING;
    let emb_per_gpu = emb_params * padded_vocab / f64::from(m.vocab.max(1)) / tp_f;
    let scale_bits = if w_bits <= 4.0 { INT4_GROUP_OVERHEAD_BITS } else { 0.0 };
    let body_bytes = (body / tp_f + kv_rep) * (w_bits + scale_bits) / BITS_PER_BYTE;
    let emb_bits = if w_bits < 16.0 { 16.0 } else { w_bits };
    body_bytes + emb_per_gpu * emb_bits / BITS_PER_BYTE
}

/// Peak activation of one layer's forward for `tokens` tokens on one GPU (bytes): the gated FFN's
/// gate-and-up output (`2·I/TP`), its activation (`I/TP`) and four `d_model` vectors (residual,
/// normed input, attention output, projection output).
pub fn forward_peak_bytes(m: &ModelSpec, tp: u32, tokens: f64, act_bytes: f64) -> f64 {
    let i = f64::from(m.d_ff) / f64::from(tp.max(1));
    tokens * (3.0 * i + crate::phases::WORKSPACE_D_MODEL_VECTORS * f64::from(m.d_model)) * act_bytes
}

/// Communication buffers per GPU at this TP (0 at TP 1), see [`COMM_BASE_GIB`].
pub fn comm_bytes(tp: u32) -> f64 {
    if tp > 1 {
        (COMM_BASE_GIB + COMM_PER_GPU_GIB * f64::from(tp)) * GIB
    } else {
        0.0
    }
}

/// The budget per GPU.
///
/// - activation (torch peak increase): `PROFILE_BASE + max(sampler, forward) + MoE workspace`,
///   sampler = `max_num_seqs × vocab × 14 B`, forward = one layer at `max_num_batched_tokens`
///   (`GPUModelRunner.profile_run` runs `_dummy_run(max_num_tokens)` then `_dummy_sampler_run`);
/// - non-torch: [`NON_TORCH_TP1_GIB`] + [`comm_bytes`];
/// - CUDA graphs: 0. V1 captures them after the KV cache is sized, out of the
///   `1 − gpu_memory_utilization` margin (`gpu_worker.py` `compile_or_warm_up_model`); the logs'
///   "Total non KV cache memory" is weights + torch peak + non-torch exactly.
pub fn budget(inputs: &Inputs, tp: u32, k: &Resolved) -> Budget {
    let m = &inputs.model;
    let act_bytes = inputs.precision.act_bits.max(16.0) / BITS_PER_BYTE;
    let device = inputs.engine.device_bytes;
    let planned = k.gpu_util * device;
    let weights = weights_loaded_bytes(m, inputs.precision.weight_bits, tp);
    let sampler = k.max_num_seqs * f64::from(m.vocab) * SAMPLER_BYTES_PER_LOGIT;
    let forward = forward_peak_bytes(m, tp, k.max_batched_tokens, act_bytes);
    let activation = PROFILE_BASE_GIB * GIB + sampler.max(forward) + moe_workspace_bytes(m, tp, k.max_batched_tokens, act_bytes);
    let non_torch = NON_TORCH_TP1_GIB * GIB + comm_bytes(tp);
    Budget {
        device_bytes: device,
        planned_bytes: planned,
        weights_bytes: weights,
        activation_bytes: activation,
        non_torch_bytes: non_torch,
        graphs_bytes: 0.0,
        kv_bytes: planned - weights - activation - non_torch,
    }
}

/// vLLM prints GiB with two decimals, dropping trailing zeros (`f"{x:.2f}"` then Python's
/// float repr in some lines): "57.5 GiB" as logged.
fn gib(v: f64) -> String {
    let s = format!("{:.2}", v / GIB);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

/// The lines vLLM logs (`gpu_worker.py:436`, `kv_cache_utils.py` `_report_kv_cache_config`).
pub fn log_lines(m: &EngineMemory, ctx: f64, ok: bool, max_ctx: Option<f64>) -> Vec<String> {
    let b = &m.budget;
    let mut out = vec![
        format!("Model loading took {:.2} GiB memory", b.weights_bytes / GIB),
        format!(
            "Total non KV cache memory: {}GiB; torch peak memory increase: {}GiB; non-torch forward increase memory: {}GiB; weights memory: {}GiB.",
            gib(b.weights_bytes + b.activation_bytes + b.non_torch_bytes),
            gib(b.activation_bytes),
            gib(b.non_torch_bytes),
            gib(b.weights_bytes)
        ),
        format!("Available KV cache memory: {} GiB", gib(b.kv_bytes)),
    ];
    if ok {
        out.push(format!("GPU KV cache size: {} tokens", super::fmt_int(m.pool.tokens)));
        out.push(format!(
            "Maximum concurrency for {} tokens per request: {:.2}x",
            super::fmt_int(ctx),
            m.pool.max_concurrency
        ));
    } else {
        out.push(format!("ValueError: {}", error_text(m, ctx, max_ctx)));
    }
    out
}

/// vLLM's refusal (`kv_cache_utils.py` `check_enough_kv_cache_memory`).
pub fn error_text(m: &EngineMemory, ctx: f64, max_ctx: Option<f64>) -> String {
    if m.budget.kv_bytes <= 0.0 {
        return "No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine.".to_owned();
    }
    format!(
        "To serve at least one request with the model's max seq len ({}), ({:.2} GiB KV cache is needed, which is larger than the available KV cache memory ({:.2} GiB). Based on the available memory, the estimated maximum model length is {}. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
        ctx as u64,
        m.pool.request_bytes / GIB,
        m.budget.kv_bytes / GIB,
        max_ctx.unwrap_or(0.0) as u64
    )
}

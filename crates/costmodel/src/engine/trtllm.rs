//! TensorRT-LLM (PyTorch backend, `trtllm-serve` / LLM API).
//!
//! - Budget (`tensorrt_llm/_torch/pyexecutor/_util.py`, `KvCacheCreator` /
//!   `estimate_max_tokens`): after the weights load, a profiling forward at `max_num_tokens`
//!   runs, and the KV cache takes `free_gpu_memory_fraction` of the memory still free
//!   (`tensorrt_llm/llmapi/llm_args.py`, `KvCacheConfig.free_gpu_memory_fraction`, default 0.9).
//! - Pool: blocks of `tokens_per_block` (`KvCacheConfig.tokens_per_block`, default 32) of every
//!   layer's K and V; windowed layers are charged in full unless `max_attention_window` is set.

use super::{Budget, Engine, EngineMemory, EngineRules, EngineSettings, PoolRule, Resolved};
use crate::spec::{Inputs, ModelSpec};
use crate::units::{BITS_PER_BYTE, GIB};

/// TensorRT-LLM's rules.
pub static RULES: EngineRules = EngineRules {
    engine: Engine::Trtllm,
    default_gpu_util: |_, _| DEFAULT_FREE_GPU_MEMORY_FRACTION,
    default_max_batched_tokens,
    budget,
    block_tokens: |_: &ModelSpec| TOKENS_PER_BLOCK,
    pool: PoolRule::Cells,
};

/// `KvCacheConfig.free_gpu_memory_fraction` default.
pub const DEFAULT_FREE_GPU_MEMORY_FRACTION: f64 = 0.9;
/// `KvCacheConfig.tokens_per_block` default.
pub const TOKENS_PER_BLOCK: f64 = 32.0;
/// `max_num_tokens` default (`llm_args.py`, `BaseLlmArgs.max_num_tokens`).
pub const DEFAULT_MAX_NUM_TOKENS: f64 = 8192.0;

fn default_max_batched_tokens(_: &EngineSettings) -> f64 {
    DEFAULT_MAX_NUM_TOKENS
}

/// The budget per GPU: `fraction × (device − context − comm − weights − activation peak)`.
pub fn budget(inputs: &Inputs, tp: u32, k: &Resolved) -> Budget {
    let m = &inputs.model;
    let device = inputs.engine.device_bytes;
    let act_bytes = inputs.precision.act_bits.max(16.0) / BITS_PER_BYTE;
    let non_torch = super::sglang::CUDA_CONTEXT_GIB * GIB + super::vllm::comm_bytes(tp);
    let weights = super::vllm::weights_loaded_bytes(m, inputs.precision.weight_bits, tp);
    let activation = super::vllm::forward_peak_bytes(m, tp, k.max_batched_tokens, act_bytes)
        + super::vllm::moe_workspace_bytes(m, tp, k.max_batched_tokens, act_bytes);
    let free = device - non_torch - weights - activation;
    let planned = k.gpu_util * free.max(0.0);
    Budget {
        device_bytes: device,
        planned_bytes: planned,
        weights_bytes: weights,
        activation_bytes: activation,
        non_torch_bytes: non_torch,
        graphs_bytes: 0.0,
        kv_bytes: if free > 0.0 { planned } else { free },
    }
}

/// TensorRT-LLM's start-up line (`KVCacheManager`, "[MemUsageChange]").
pub fn log_lines(m: &EngineMemory, ctx: f64, ok: bool, _max_ctx: Option<f64>) -> Vec<String> {
    let mut out = vec![format!(
        "[TensorRT-LLM][INFO] [MemUsageChange] Allocated {:.2} GiB for max tokens in paged KV cache ({}).",
        m.pool.tokens * m.pool.charged_bytes_per_token / GIB,
        m.pool.tokens as u64
    )];
    if !ok {
        out.push(error_text(m, ctx));
    }
    out
}

/// TensorRT-LLM's refusal.
pub fn error_text(m: &EngineMemory, ctx: f64) -> String {
    if m.budget.kv_bytes <= 0.0 {
        "RuntimeError: no free GPU memory is left for the KV cache after loading the model and the activation profile.".to_owned()
    } else {
        format!(
            "The paged KV cache holds {} tokens, fewer than one {}-token request: TensorRT-LLM caps the attention window at the cache size and cannot serve max_seq_len={}.",
            m.pool.tokens as u64,
            ctx as u64,
            ctx as u64
        )
    }
}

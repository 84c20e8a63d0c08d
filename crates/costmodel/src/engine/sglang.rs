//! SGLang (`python/sglang/srt`).
//!
//! - Budget (`model_executor/model_runner.py`, `ModelRunner.profile_max_num_token`):
//!   `rest = available_after_loading − total × (1 − mem_fraction_static)`, where `total` is the
//!   memory free before loading (`init_torch_distributed`'s `get_available_gpu_memory`, after the
//!   CUDA context and NCCL) and `available_after_loading` is that less the weights. So
//!   `KV = mem_fraction_static × total − weights`: activations and CUDA graphs live in the
//!   `1 − mem_fraction_static` margin, not in the budget.
//! - Pool: `max_total_num_tokens = rest // cell_size`, `cell_size = Σ layers (2 · heads/TP ·
//!   head_dim)` elements (MHA), or `kv_lora_rank + qk_rope_head_dim` (MLA), × element size;
//!   page size 1 by default (`server_args.py` `page_size`).
//! - Default `mem_fraction_static` (`server_args.py`, `ServerArgs._handle_gpu_memory_settings`,
//!   v0.5): `(gpu_mem − reserved) / gpu_mem` with `reserved = 512 + 1.5 ·
//!   max(chunked_prefill_size, 2048) + 2 · cuda_graph_max_bs + 1024 · TP / 8` MiB.

use super::{Budget, Engine, EngineMemory, EngineRules, EngineSettings, PoolRule, Resolved};
use crate::spec::{Inputs, ModelSpec};
use crate::units::{GIB, MIB};

/// SGLang's rules.
pub static RULES: EngineRules = EngineRules {
    engine: Engine::Sglang,
    default_gpu_util,
    default_max_batched_tokens,
    budget,
    block_tokens,
    pool: PoolRule::Cells,
};

/// CUDA context and allocator state in use before the weights load (GiB per GPU): an
/// assumption (a CUDA 12 context on Hopper takes about 0.5 GiB); SGLang's "Load weight begin.
/// avail mem=" line shows it on a real run.
pub const CUDA_CONTEXT_GIB: f64 = 0.5;
/// Fixed part of `reserved_mem` (MiB): attention-backend metadata.
pub const RESERVED_BASE_MIB: f64 = 512.0;
/// MiB reserved per chunked-prefill token (activations of a chunk).
pub const RESERVED_PER_CHUNK_TOKEN_MIB: f64 = 1.5;
/// MiB reserved per CUDA-graph batch size.
pub const RESERVED_PER_GRAPH_BS_MIB: f64 = 2.0;
/// MiB reserved per 8 GPUs of TP (communication buffers).
pub const RESERVED_PER_8_TP_MIB: f64 = 1024.0;

fn gpu_mem_gib(s: &EngineSettings) -> f64 {
    s.device_bytes / GIB
}

/// `chunked_prefill_size` default by device memory (`_handle_gpu_memory_settings`).
pub fn default_max_batched_tokens(s: &EngineSettings) -> f64 {
    let g = gpu_mem_gib(s);
    if g < 35.0 {
        2048.0
    } else if g < 60.0 {
        4096.0
    } else if g < 160.0 {
        8192.0
    } else {
        16384.0
    }
}

/// `cuda_graph_max_bs` default by device memory and TP (same function).
fn cuda_graph_max_bs(s: &EngineSettings, tp: u32) -> f64 {
    let g = gpu_mem_gib(s);
    if g < 20.0 {
        8.0
    } else if g < 35.0 {
        24.0
    } else if g < 60.0 {
        80.0
    } else if tp < 4 {
        256.0
    } else {
        512.0
    }
}

/// `mem_fraction_static` default: `(gpu_mem − reserved) / gpu_mem`, rounded to 3 decimals.
pub fn default_gpu_util(s: &EngineSettings, tp: u32) -> f64 {
    let gpu_mem_mib = s.device_bytes / MIB;
    if gpu_mem_mib <= 0.0 {
        return 0.88;
    }
    let chunk = default_max_batched_tokens(s).max(2048.0);
    let reserved = RESERVED_BASE_MIB
        + RESERVED_PER_CHUNK_TOKEN_MIB * chunk
        + RESERVED_PER_GRAPH_BS_MIB * cuda_graph_max_bs(s, tp)
        + RESERVED_PER_8_TP_MIB * f64::from(tp) / 8.0;
    (((gpu_mem_mib - reserved) / gpu_mem_mib) * 1000.0).round().clamp(10.0, 990.0) / 1000.0
}

fn block_tokens(_: &ModelSpec) -> f64 {
    1.0
}

/// The budget per GPU (see the module comment). The activation peak is not subtracted (it
/// lives in the margin) and is reported as 0.
pub fn budget(inputs: &Inputs, tp: u32, k: &Resolved) -> Budget {
    let device = inputs.engine.device_bytes;
    let non_torch = CUDA_CONTEXT_GIB * GIB + super::vllm::comm_bytes(tp);
    let total = device - non_torch;
    let weights = super::vllm::weights_loaded_bytes(&inputs.model, inputs.precision.weight_bits, tp);
    let planned = k.gpu_util * total;
    Budget {
        device_bytes: device,
        planned_bytes: planned,
        weights_bytes: weights,
        activation_bytes: 0.0,
        non_torch_bytes: non_torch,
        graphs_bytes: 0.0,
        kv_bytes: planned - weights,
    }
}

/// SGLang's start-up lines (`model_runner.py` `init_memory_pool`, `memory_pool.py`).
pub fn log_lines(m: &EngineMemory, ctx: f64, ok: bool, _max_ctx: Option<f64>) -> Vec<String> {
    let half = m.pool.tokens * m.pool.charged_bytes_per_token / 2.0 / GIB;
    let mut out = vec![
        format!("Load weight end. mem usage={:.2} GB", m.budget.weights_bytes / GIB),
        format!("KV Cache is allocated. #tokens: {}, K size: {:.2} GB, V size: {:.2} GB", m.pool.tokens as u64, half, half),
        format!("max_total_num_tokens={}, chunked_prefill_size={}, context_len={}", m.pool.tokens as u64, m.knobs.max_batched_tokens as u64, ctx as u64),
    ];
    if !ok {
        out.push(error_text(m, ctx));
    }
    out
}

/// SGLang's refusal.
pub fn error_text(m: &EngineMemory, ctx: f64) -> String {
    if m.pool.tokens <= 0.0 {
        "RuntimeError: Not enough memory. Please try to increase --mem-fraction-static.".to_owned()
    } else {
        format!(
            "max_total_num_tokens={} is less than one {}-token request: SGLang starts but rejects any request longer than max_total_num_tokens − 1.",
            m.pool.tokens as u64,
            ctx as u64
        )
    }
}

//! What an inference engine will really give you: the KV-cache memory, tokens and concurrency
//! that vLLM (V1), SGLang or TensorRT-LLM compute at start-up, each by its own rules, and the
//! error the engine raises when one request of `ctx` tokens does not fit.
//!
//! Every engine answers the same four questions (the [`EngineRules`] table):
//! 1. **Budget** ([`Budget`]): how many bytes per GPU the engine hands to the KV cache, from the
//!    memory the device reports to CUDA ([`device`]), the engine's fraction (`gpu_util`), the
//!    weights as loaded, the activation peak of its profiling run, non-torch memory (CUDA
//!    context, NCCL and custom all-reduce buffers) and CUDA graphs where that version counts them.
//! 2. **Layout** ([`KvLayout`]): the bytes per token per layer on one GPU as the engine allocates
//!    them (block or page size, FP8 KV, MLA latent, sliding-window, Mamba state).
//! 3. **Tokens**: the engine's "GPU KV cache size" for the whole TP group.
//! 4. **One request**: the bytes one request of `ctx` tokens needs, which decides whether the
//!    engine starts, and the engine's maximum concurrency.
//!
//! With `engine = none` nothing here runs and every number is today's.

pub mod device;
pub mod sglang;
pub mod trtllm;
pub mod vllm;

use serde::{Deserialize, Serialize};

use crate::kv::KV_TENSORS;
use crate::spec::{Attention, Inputs, ModelSpec};
use crate::units::{BITS_PER_BYTE, GIB};

pub use device::{cuda_total_bytes, DeviceFigure, DEVICE_MEMORY};

/// The engine whose accounting is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Engine {
    /// The cost model's own accounting (the paper's, or the realistic mode's): today's numbers.
    #[default]
    None,
    /// vLLM, V1 engine (0.10 and later; calibrated on 0.19).
    Vllm,
    /// SGLang.
    Sglang,
    /// TensorRT-LLM (PyTorch backend, `trtllm-serve`).
    Trtllm,
}

impl Engine {
    /// Every value, in the order the page lists them.
    pub const ALL: [Engine; 4] = [Engine::None, Engine::Vllm, Engine::Sglang, Engine::Trtllm];

    /// URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::None => "none",
            Engine::Vllm => "vllm",
            Engine::Sglang => "sglang",
            Engine::Trtllm => "trtllm",
        }
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Engine::None => "none (the model's own accounting)",
            Engine::Vllm => "vLLM",
            Engine::Sglang => "SGLang",
            Engine::Trtllm => "TensorRT-LLM",
        }
    }

    /// Parses a URL value.
    pub fn parse(value: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.as_str() == value)
    }

    /// The engine's rules, or `None` for `none`.
    pub fn rules(self) -> Option<&'static EngineRules> {
        match self {
            Engine::None => None,
            Engine::Vllm => Some(&vllm::RULES),
            Engine::Sglang => Some(&sglang::RULES),
            Engine::Trtllm => Some(&trtllm::RULES),
        }
    }
}

/// The engine as the scenario chose it, resolved (part of [`Inputs`]).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct EngineSettings {
    /// Which engine.
    pub engine: Engine,
    /// The engine's memory fraction (`gpu_memory_utilization`, `mem_fraction_static`,
    /// `free_gpu_memory_fraction`); `None` = the engine's default.
    pub gpu_util: Option<f64>,
    /// Tokens per scheduler step (`max_num_batched_tokens`, `chunked_prefill_size`,
    /// `max_num_tokens`); `None` = the engine's default for this GPU.
    pub max_batched_tokens: Option<f64>,
    /// Memory the device reports to CUDA (bytes), from [`device`].
    pub device_bytes: f64,
    /// Whether `device_bytes` is sourced or the fallback rule.
    pub device_figure: DeviceFigure,
    /// The hardware preset is an A100 (vLLM's batch defaults single it out by name).
    pub is_a100: bool,
}

/// One engine's rules: the table the dispatcher reads. Each function cites its source in the
/// engine's module.
pub struct EngineRules {
    /// The engine.
    pub engine: Engine,
    /// Its default memory fraction for this device and TP.
    pub default_gpu_util: fn(&EngineSettings, u32) -> f64,
    /// Its default tokens per step for this device.
    pub default_max_batched_tokens: fn(&EngineSettings) -> f64,
    /// The KV budget per GPU.
    pub budget: fn(&Inputs, u32, &Resolved) -> Budget,
    /// Tokens per KV block (page).
    pub block_tokens: fn(&ModelSpec) -> f64,
    /// How the engine groups layers into one token pool.
    pub pool: PoolRule,
}

/// How an engine turns a budget into its "GPU KV cache size".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolRule {
    /// vLLM V1's hybrid allocator: layers of a kind are split into groups of equal size, every
    /// group's block is one page per layer of the group, and the pool's tokens are the blocks
    /// divided by the groups (`vllm/v1/core/kv_cache_utils.py`,
    /// `_get_kv_cache_groups_uniform_page_size` and `_report_kv_cache_config`).
    VllmGroups,
    /// One pool of `cell_size = Σ layers' bytes per token` (SGLang `profile_max_num_token`,
    /// TensorRT-LLM's `KVCacheManager`), rounded down to whole blocks.
    Cells,
}

/// The engine's knobs after defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Resolved {
    /// Memory fraction.
    pub gpu_util: f64,
    /// Tokens per step.
    pub max_batched_tokens: f64,
    /// Sequences per step (vLLM `max_num_seqs`, the sampler's rows in its profiling run).
    pub max_num_seqs: f64,
}

/// Where each GPU's memory goes before the KV cache (bytes per GPU).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Budget {
    /// Memory the device reports to CUDA.
    pub device_bytes: f64,
    /// What the engine may plan with: `gpu_util × device` (vLLM, SGLang), or the memory free
    /// after loading and profiling (TensorRT-LLM).
    pub planned_bytes: f64,
    /// Weights as loaded (quantised formats with their scales).
    pub weights_bytes: f64,
    /// Peak activation memory of the engine's profiling run (torch allocator).
    pub activation_bytes: f64,
    /// Non-torch memory: CUDA context where counted, NCCL and custom all-reduce buffers.
    pub non_torch_bytes: f64,
    /// CUDA-graph memory, where this version counts it before sizing the KV cache.
    pub graphs_bytes: f64,
    /// What is left for the KV cache (may be negative).
    pub kv_bytes: f64,
}

/// Most distinct layer kinds one model has (full, windows, latent, state).
pub const MAX_KINDS: usize = 6;

/// What a layer stores per token (or per sequence) in the engine's cache.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KindKv {
    /// Full attention (or an MLA latent): every token of the request.
    Full,
    /// Sliding window of `window_tokens`.
    Window {
        /// Window (tokens).
        window_tokens: f64,
    },
    /// A fixed state per sequence (Mamba / linear attention).
    State,
}

/// One kind of layer as the engine allocates it, on one GPU.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LayerKind {
    /// Layers of this kind.
    pub layers: f64,
    /// Bytes per token per layer on one GPU (0 for state layers).
    pub bytes_per_token: f64,
    /// Bytes per sequence per layer (state layers only).
    pub state_bytes: f64,
    /// What it keeps.
    pub kv: KindKv,
}

/// The KV cache as an engine allocates it, on one GPU.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KvLayout {
    /// Layer kinds; the first `n` are used.
    pub kinds: [LayerKind; MAX_KINDS],
    /// Used kinds.
    pub n: usize,
    /// Tokens per block.
    pub block_tokens: f64,
    /// Bytes per element of the cache.
    pub element_bytes: f64,
}

/// Bytes per KV element an engine stores for `kv_bits`: 16-bit (`auto` for a bf16 model), FP8
/// (`kv_cache_dtype=fp8`, one byte), or 32-bit. Engines have no KV type below 8 bits, so
/// anything under 8 is stored in FP8 (and [`report`] says so).
pub fn element_bytes(kv_bits: f64) -> f64 {
    if kv_bits <= 8.0 {
        1.0
    } else if kv_bits <= 16.0 {
        2.0
    } else {
        4.0
    }
}

impl KvLayout {
    /// The engine's layout of `inputs` on one GPU of a `tp`-way group. Compression factors are
    /// not applied: an engine stores what the architecture needs (KV compression is the paper's
    /// what-if, not an engine feature), except FP8, which is `kv_bits`.
    ///
    /// Per layer, per token, one GPU: full / sliding: `2 · ceil(H_kv / TP) · d_h` elements (vLLM
    /// `FullAttentionSpec.page_size_bytes`, SGLang `MHATokenToKVPool`); MLA: one latent of
    /// `kv_lora_rank + qk_rope_head_dim` elements, replicated on every GPU (vLLM
    /// `MLAAttentionSpec`, SGLang `MLATokenToKVPool`): 576 for DeepSeek, stored unpadded in BF16.
    pub fn new(inputs: &Inputs, tp: u32, block_tokens: f64) -> KvLayout {
        let m = &inputs.model;
        let eb = element_bytes(inputs.precision.kv_bits);
        let tp = tp.max(1);
        let mut out = KvLayout {
            kinds: [LayerKind { layers: 0.0, bytes_per_token: 0.0, state_bytes: 0.0, kv: KindKv::Full }; MAX_KINDS],
            n: 0,
            block_tokens,
            element_bytes: eb,
        };
        for g in &m.layers {
            let layers = f64::from(g.count);
            let heads = f64::from(m.n_kv_heads.max(1).div_ceil(tp));
            let kind = match g.attention {
                Attention::Full | Attention::GatedFull => LayerKind {
                    layers,
                    bytes_per_token: KV_TENSORS * heads * f64::from(m.head_dim) * eb,
                    state_bytes: 0.0,
                    kv: KindKv::Full,
                },
                Attention::SlidingWindow { window_tokens } | Attention::ChunkedLocal { chunk_tokens: window_tokens } => LayerKind {
                    layers,
                    bytes_per_token: KV_TENSORS * heads * f64::from(m.head_dim) * eb,
                    state_bytes: 0.0,
                    kv: KindKv::Window { window_tokens: f64::from(window_tokens) },
                },
                Attention::Mla { kv_lora_rank, qk_rope_head_dim, .. } => LayerKind {
                    layers,
                    bytes_per_token: f64::from(kv_lora_rank + qk_rope_head_dim) * eb,
                    state_bytes: 0.0,
                    kv: KindKv::Full,
                },
                // DSA: the latent plus the indexer's FP8 key cache, both per token (vLLM
                // `DeepseekV32IndexerCache` beside the MLA cache).
                Attention::Dsa { kv_lora_rank, qk_rope_head_dim, index_head_dim, .. } => LayerKind {
                    layers,
                    bytes_per_token: f64::from(kv_lora_rank + qk_rope_head_dim) * eb
                        + crate::mixers::dsa_index_bytes_per_token(index_head_dim),
                    state_bytes: 0.0,
                    kv: KindKv::Full,
                },
                // Mamba state is kept in the model's dtype (vLLM `MambaSpec`, default
                // `mamba_ssm_cache_dtype=auto`), split across TP like the channels.
                Attention::KvLess { .. } | Attention::LinearAttention { .. } | Attention::Mamba2 { .. } => LayerKind {
                    layers,
                    bytes_per_token: 0.0,
                    state_bytes: g.attention.state_mixer(m.d_model).map_or(0.0, |s| s.state_bytes_per_seq) / f64::from(tp),
                    kv: KindKv::State,
                },
            };
            if let Some(same) = out.kinds[..out.n].iter_mut().find(|k| k.kv == kind.kv && k.bytes_per_token == kind.bytes_per_token && k.state_bytes == kind.state_bytes) {
                same.layers += kind.layers;
            } else if out.n < MAX_KINDS {
                out.kinds[out.n] = kind;
                out.n += 1;
            }
        }
        out
    }

    /// The used kinds.
    pub fn kinds(&self) -> &[LayerKind] {
        &self.kinds[..self.n]
    }

    /// Bytes per token per GPU if every attention layer kept every token: the theory's
    /// "KV bytes per token" at this precision, before any window cap.
    pub fn bytes_per_token_all_layers(&self) -> f64 {
        self.kinds().iter().map(|k| k.layers * k.bytes_per_token).sum()
    }
}

/// Blocks of `block` tokens that hold `tokens` tokens.
fn blocks(tokens: f64, block: f64) -> f64 {
    (tokens / block).ceil()
}

/// Tokens one layer of this kind keeps for a request of `ctx` tokens, as vLLM's
/// `SlidingWindowSpec.max_memory_usage_bytes` counts it: a window layer may hold
/// `window − 1 + max_batched_tokens` tokens during a chunked prefill, plus one block.
fn kind_blocks(kind: &LayerKind, ctx: f64, block: f64, max_batched_tokens: f64) -> f64 {
    match kind.kv {
        KindKv::Full => blocks(ctx, block),
        KindKv::Window { window_tokens } => blocks((window_tokens - 1.0 + max_batched_tokens).min(ctx), block) + 1.0,
        KindKv::State => 1.0,
    }
}

/// The engine's token pool and per-request need, on one GPU.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Pool {
    /// Blocks (pages) allocated.
    pub blocks: f64,
    /// The engine's "GPU KV cache size" (tokens, the whole TP group).
    pub tokens: f64,
    /// Bytes per token the pool charges per GPU (every layer of every group, padding included).
    pub charged_bytes_per_token: f64,
    /// Blocks one request of `ctx` tokens takes.
    pub blocks_per_request: f64,
    /// Bytes one request of `ctx` tokens needs on one GPU (the engine's start-up check).
    pub request_bytes: f64,
    /// Requests of `ctx` tokens that fit at once (the engine's "Maximum concurrency").
    pub max_concurrency: f64,
}

/// The pool for a KV budget (bytes per GPU) and a context.
pub fn pool(rule: PoolRule, layout: &KvLayout, kv_bytes: f64, ctx: f64, max_batched_tokens: f64) -> Pool {
    let block = layout.block_tokens.max(1.0);
    let kinds = layout.kinds();
    let kv = kv_bytes.max(0.0);
    // What one request needs, layer by layer (vLLM `check_enough_kv_cache_memory` sums
    // `max_memory_usage_bytes` over layers; for one pool of cells it is ctx × cell size).
    let request_bytes: f64 = kinds
        .iter()
        .map(|k| match rule {
            PoolRule::VllmGroups => k.layers * kind_page(k, layout, block) * kind_blocks(k, ctx, block, max_batched_tokens),
            PoolRule::Cells => k.layers * (k.bytes_per_token * blocks(ctx, block) * block + k.state_bytes),
        })
        .sum();
    match rule {
        PoolRule::VllmGroups => {
            let (group_size, n_groups, page) = vllm_groups(layout);
            if group_size <= 0.0 || page <= 0.0 {
                return Pool { request_bytes, ..Pool::default() };
            }
            let num_blocks = (kv / (page * group_size)).floor();
            let tokens = (num_blocks / n_groups).floor() * block;
            let per_req: f64 = kinds
                .iter()
                .map(|k| (k.layers / group_size).ceil() * kind_blocks(k, ctx, block, max_batched_tokens))
                .sum();
            Pool {
                blocks: num_blocks,
                tokens,
                charged_bytes_per_token: page * group_size * n_groups / block,
                blocks_per_request: per_req,
                request_bytes,
                max_concurrency: if per_req > 0.0 { num_blocks / per_req } else { f64::INFINITY },
            }
        }
        PoolRule::Cells => {
            let cell = layout.bytes_per_token_all_layers();
            let state: f64 = kinds.iter().map(|k| k.layers * k.state_bytes).sum();
            if cell <= 0.0 {
                return Pool { request_bytes, max_concurrency: if state > 0.0 { (kv / state).floor() } else { f64::INFINITY }, ..Pool::default() };
            }
            let num_blocks = (kv / (cell * block)).floor();
            let tokens = num_blocks * block;
            let per_req = blocks(ctx, block);
            Pool {
                blocks: num_blocks,
                tokens,
                charged_bytes_per_token: cell,
                blocks_per_request: per_req,
                request_bytes,
                max_concurrency: if request_bytes > 0.0 { (kv / request_bytes).min(num_blocks / per_req) } else { f64::INFINITY },
            }
        }
    }
}

/// Bytes of one block of one layer of this kind (state layers: one page holds the state).
fn kind_page(k: &LayerKind, layout: &KvLayout, block: f64) -> f64 {
    match k.kv {
        KindKv::State => k.state_bytes.max(vllm_page(layout, block)),
        _ => k.bytes_per_token * block,
    }
}

/// The page (bytes per block per layer) vLLM uses for every group: attention layers' page, or,
/// beside Mamba layers, the attention block grown until one page holds a Mamba state
/// (`vllm/model_executor/models/config.py`, `HybridAttentionMambaModelConfig`).
fn vllm_page(layout: &KvLayout, block: f64) -> f64 {
    let attn = layout.kinds().iter().map(|k| k.bytes_per_token).fold(0.0, f64::max) * block;
    let state = layout.kinds().iter().map(|k| k.state_bytes).fold(0.0, f64::max);
    attn.max(state)
}

/// vLLM's grouping: `(group size, groups, page bytes)`. One kind: one group of all its layers.
/// Several: `group_size = min(layers per kind)`, or the max when max < 1.25 × min, each kind
/// split into `ceil(layers / group_size)` groups.
fn vllm_groups(layout: &KvLayout) -> (f64, f64, f64) {
    let kinds = layout.kinds();
    let page = vllm_page(layout, layout.block_tokens.max(1.0));
    if kinds.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let min = kinds.iter().map(|k| k.layers).fold(f64::INFINITY, f64::min);
    let max = kinds.iter().map(|k| k.layers).fold(0.0, f64::max);
    let group_size = if kinds.len() == 1 || max < 1.25 * min { max } else { min };
    let n_groups: f64 = kinds.iter().map(|k| (k.layers / group_size).ceil()).sum();
    (group_size, n_groups, page)
}

/// The numbers the rest of the model needs, cheap and allocation-free (sweeps call it per point).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EngineMemory {
    /// The budget.
    pub budget: Budget,
    /// The pool at the scenario's context.
    pub pool: Pool,
    /// The knobs after defaults.
    pub knobs: Resolved,
    /// The layout.
    pub layout: KvLayout,
}

/// The knobs after defaults, for a TP size.
pub fn knobs(rules: &EngineRules, s: &EngineSettings, tp: u32) -> Resolved {
    Resolved {
        gpu_util: s.gpu_util.unwrap_or_else(|| (rules.default_gpu_util)(s, tp)),
        max_batched_tokens: s.max_batched_tokens.unwrap_or_else(|| (rules.default_max_batched_tokens)(s)),
        max_num_seqs: vllm::default_max_num_seqs(s),
    }
}

/// The engine's memory for `inputs` on a `tp`-way group at `ctx_tokens`; `None` without an
/// engine.
pub fn memory(inputs: &Inputs, tp: u32, ctx_tokens: f64) -> Option<EngineMemory> {
    let rules = inputs.engine.engine.rules()?;
    Some(memory_with(rules, inputs, tp, ctx_tokens))
}

fn memory_with(rules: &EngineRules, inputs: &Inputs, tp: u32, ctx_tokens: f64) -> EngineMemory {
    let knobs = knobs(rules, &inputs.engine, tp);
    let budget = (rules.budget)(inputs, tp, &knobs);
    // deploy: the engine loads the weights as sharded by PP and EP (issue 13).
    let budget = crate::deploy::shard_engine_budget(inputs, tp, budget);
    let layout = KvLayout::new(inputs, tp, (rules.block_tokens)(&inputs.model));
    let pool = pool(rules.pool, &layout, budget.kv_bytes, ctx_tokens.max(1.0), knobs.max_batched_tokens);
    EngineMemory { budget, pool, knobs, layout }
}

/// Whether one request of `ctx` tokens fits (the engine starts).
fn starts(m: &EngineMemory) -> bool {
    m.budget.kv_bytes > 0.0 && m.pool.request_bytes <= m.budget.kv_bytes
}

/// Everything the page, `--math` and `kvscope eval` show about the engine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngineDetail {
    /// `vllm`, `sglang` or `trtllm`.
    pub engine: Engine,
    /// Memory fraction used.
    pub gpu_util: f64,
    /// Tokens per step used.
    pub max_batched_tokens: f64,
    /// Sequences per step (vLLM's sampler rows in profiling).
    pub max_num_seqs: f64,
    /// Memory the device reports to CUDA (bytes).
    pub device_bytes: f64,
    /// Sourced or fallback.
    pub device_figure: DeviceFigure,
    /// What the engine plans with (bytes per GPU).
    pub planned_bytes: f64,
    /// Weights as loaded (bytes per GPU).
    pub weights_bytes: f64,
    /// Activation peak of the profiling run (bytes per GPU).
    pub activation_bytes: f64,
    /// Non-torch memory (bytes per GPU).
    pub non_torch_bytes: f64,
    /// CUDA graphs counted before the KV cache (bytes per GPU).
    pub graphs_bytes: f64,
    /// Available KV cache memory (bytes per GPU; negative when nothing is left).
    pub available_kv_bytes: f64,
    /// Tokens per block (page).
    pub block_tokens: f64,
    /// Blocks allocated per GPU.
    pub blocks: f64,
    /// Bytes per token the engine charges per GPU (its pool, every layer of every group).
    pub charged_bytes_per_token: f64,
    /// Bytes per token per GPU the theory counts (the same precision, windows not capped).
    pub theory_bytes_per_token: f64,
    /// Bytes one request of `ctx` tokens needs per GPU (the engine's start-up check).
    pub request_bytes: f64,
    /// The same request as the theory counts it (windows capped, per GPU).
    pub theory_request_bytes: f64,
    /// The longest context that would start (tokens), when it does not.
    pub max_ctx_tokens: Option<f64>,
    /// The engine's start-up lines as it logs them.
    pub log_lines: Vec<String>,
    /// Where the engine and the theory part ways, one sentence each.
    pub notes: Vec<String>,
    /// KV Scope's own KV budget for the same GPUs without an engine (`engine=none`, the same
    /// mode and overrides), bytes per GPU.
    pub theory_kv_bytes_per_gpu: f64,
    /// Tokens that budget holds at the theory's bytes per token (the whole TP group).
    pub theory_kv_tokens: f64,
    /// When the engine does not start: the single changes that would start it.
    pub fixes: Vec<EngineFix>,
}

/// One part of a GPU's memory as the engine splits it (the memory bar's segments).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemorySegment {
    /// What the part is, in the engine's words.
    pub label: &'static str,
    /// Bytes per GPU (≥ 0).
    pub bytes: f64,
}

impl EngineDetail {
    /// The CUDA-reported memory of one GPU split the engine's way: weights as loaded, the
    /// activation peak of its profiling run, non-torch memory, CUDA graphs (only where this
    /// engine version counts them), the KV cache, and what is left unused (outside `gpu_util`
    /// or, for TensorRT-LLM, outside its fraction of the free memory). The parts sum to
    /// `device_bytes` unless the engine does not start (then nothing is left for KV and the
    /// fixed parts may exceed the plan).
    pub fn segments(&self) -> Vec<MemorySegment> {
        let c = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        let mut out = vec![
            MemorySegment { label: "weights as loaded", bytes: c(self.weights_bytes) },
            MemorySegment { label: "activation peak", bytes: c(self.activation_bytes) },
            MemorySegment { label: "non-torch", bytes: c(self.non_torch_bytes) },
            MemorySegment { label: "CUDA graphs", bytes: c(self.graphs_bytes) },
            MemorySegment { label: "KV cache", bytes: c(self.available_kv_bytes) },
        ];
        let used: f64 = out.iter().map(|s| s.bytes).sum();
        out.push(MemorySegment { label: "left unused", bytes: c(self.device_bytes - used) });
        // Parts this engine does not count (SGLang has no separate activation term; no version
        // modelled counts graphs before the cache) are left out, the KV cache never.
        out.retain(|s| s.bytes > 0.0 || s.label == "KV cache" || s.label == "weights as loaded");
        out
    }

    /// The engine's tokens relative to the theory's on the same GPUs (`engine / theory − 1`);
    /// `None` when the theory has no budget.
    pub fn tokens_vs_theory(&self, engine_tokens: f64) -> Option<f64> {
        (self.theory_kv_tokens > 0.0).then(|| engine_tokens / self.theory_kv_tokens - 1.0)
    }
}

/// The report's engine fields, flat (see [`crate::Report`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EngineReport {
    /// Available KV cache memory per GPU (bytes, ≥ 0).
    pub kv_bytes_per_gpu: f64,
    /// "GPU KV cache size" (tokens, the whole TP group).
    pub kv_tokens: f64,
    /// "Maximum concurrency for ctx tokens per request".
    pub max_concurrency: f64,
    /// The engine starts with one request of `ctx` tokens.
    pub starts: bool,
    /// The engine's error and the smallest change that would start it.
    pub error: Option<String>,
    /// The terms.
    pub detail: EngineDetail,
}

/// Formats a count with thousands separators (the engines' own `{:,}`).
pub fn fmt_int(v: f64) -> String {
    crate::units::group_thousands(&format!("{:.0}", v.floor().max(0.0)))
}

/// The full engine report for `inputs`; `None` without an engine.
pub fn report(inputs: &Inputs) -> Option<EngineReport> {
    let rules = inputs.engine.engine.rules()?;
    let ctx = inputs.workload.ctx_tokens.max(1.0);
    let m = memory_with(rules, inputs, inputs.tp, ctx);
    let ok = starts(&m);
    let max_ctx = if ok { None } else { Some(max_ctx_that_starts(rules, inputs, &m)) };
    let theory = crate::kv::KvShape::new(&Inputs { compression: crate::spec::Compression::default(), ..inputs.clone() }, Some(inputs.tp));
    let theory_request_bytes = theory.bytes(ctx) * m.layout.element_bytes * BITS_PER_BYTE / inputs.precision.kv_bits.max(1.0);
    let theory_bytes_per_token = m.layout.bytes_per_token_all_layers();
    let mut notes = Vec::new();
    if inputs.precision.kv_bits < 8.0 {
        notes.push(format!("{} has no KV type below 8 bits: the cache is counted in FP8.", rules.engine.label()));
    }
    let windows = m.layout.kinds().iter().any(|k| matches!(k.kv, KindKv::Window { .. }));
    if m.pool.charged_bytes_per_token > theory_bytes_per_token * 1.0001 && theory_bytes_per_token > 0.0 {
        notes.push(format!(
            "{} charges {} per token per GPU where the layers hold {}: its layer groups are padded to equal size.",
            rules.engine.label(),
            crate::units::fmt_bytes(m.pool.charged_bytes_per_token, true),
            crate::units::fmt_bytes(theory_bytes_per_token, true)
        ));
    }
    if windows {
        let line = match rules.pool {
            PoolRule::VllmGroups => "vLLM's \"GPU KV cache size\" counts every layer's page for every token, sliding-window layers included; per request it frees blocks outside the window but keeps window − 1 + max_batched_tokens tokens plus a block, so the theory's window-capped request is smaller.",
            PoolRule::Cells => "This engine sizes its pool as if every layer kept every token: sliding-window layers are charged in full, which the theory caps at the window.",
        };
        notes.push(line.to_owned());
    }
    if (m.pool.request_bytes - theory_request_bytes).abs() > 0.01 * theory_request_bytes.max(1.0) {
        notes.push(format!(
            "One {}-token request: {} per GPU as {} allocates it, {} in theory (blocks of {} tokens{}).",
            fmt_int(ctx),
            crate::units::fmt_bytes(m.pool.request_bytes, true),
            rules.engine.label(),
            crate::units::fmt_bytes(theory_request_bytes, true),
            m.layout.block_tokens,
            if windows { ", window layers as above" } else { "" }
        ));
    }
    if inputs.engine.device_figure == DeviceFigure::Fallback {
        notes.push(format!(
            "No sourced CUDA-reported memory for this accelerator: {} GiB is its visible memory less {} GiB.",
            crate::units::fmt_sig(m.budget.device_bytes / GIB),
            device::FALLBACK_RESERVED_GIB
        ));
    }
    // KV Scope's own accounting of the same GPUs (no engine): its budget, and the tokens it holds
    // at the theory's bytes per token (every layer, the engine's element size).
    let theory_kv_bytes_per_gpu = crate::phases::Prepared::for_tp(
        &Inputs { engine: EngineSettings { engine: Engine::None, ..inputs.engine }, ..inputs.clone() },
        inputs.tp,
    )
    .kv_budget_bytes_per_gpu;
    let theory_kv_tokens =
        if theory_bytes_per_token > 0.0 { (theory_kv_bytes_per_gpu.max(0.0) / theory_bytes_per_token).floor() } else { 0.0 };
    if theory_kv_tokens > 0.0 && m.budget.kv_bytes > 0.0 {
        let rel = m.pool.tokens / theory_kv_tokens - 1.0;
        let gib = |b: f64| crate::units::fmt_bytes(b, true);
        let (dev, w, a, nt) = (gib(m.budget.device_bytes), gib(m.budget.weights_bytes), gib(m.budget.activation_bytes), gib(m.budget.non_torch_bytes));
        let u = m.knobs.gpu_util;
        let graphs = if m.budget.graphs_bytes > 0.0 { format!(" − CUDA graphs {}", gib(m.budget.graphs_bytes)) } else { String::new() };
        let how = match rules.engine {
            Engine::Trtllm => format!("{u} × ({dev} reported to CUDA − weights {w} − activation peak {a} − non-torch {nt})"),
            Engine::Sglang => format!("{u} × ({dev} reported to CUDA − non-torch {nt}) − weights {w}"),
            _ => format!("{u} × {dev} reported to CUDA − weights {w} − activation peak {a} − non-torch {nt}{graphs}"),
        };
        notes.push(format!(
            "{} holds {} tokens where KV Scope's accounting without an engine gives {} on the same GPUs ({}{}): the engine's KV budget is {} per GPU = {how}; KV Scope's is {} (usable memory − weights − reserve){}.",
            rules.engine.label(),
            fmt_int(m.pool.tokens),
            fmt_int(theory_kv_tokens),
            if rel >= 0.0 { "+" } else { "−" },
            crate::units::fmt_percent(rel.abs()),
            gib(m.budget.kv_bytes),
            gib(theory_kv_bytes_per_gpu),
            if m.pool.charged_bytes_per_token > theory_bytes_per_token * 1.0001 { "; the engine also charges more per token (above)" } else { "" }
        ));
    }
    let log_lines = (match rules.engine {
        Engine::Vllm => vllm::log_lines,
        Engine::Sglang => sglang::log_lines,
        Engine::Trtllm => trtllm::log_lines,
        Engine::None => vllm::log_lines,
    })(&m, ctx, ok, max_ctx);
    let fixes = if ok { Vec::new() } else { fixes(rules, inputs, &m, ctx, max_ctx) };
    let error = if ok { None } else { Some(error_message(rules, &m, ctx, max_ctx, &fixes)) };
    let detail = EngineDetail {
        engine: rules.engine,
        gpu_util: m.knobs.gpu_util,
        max_batched_tokens: m.knobs.max_batched_tokens,
        max_num_seqs: m.knobs.max_num_seqs,
        device_bytes: m.budget.device_bytes,
        device_figure: inputs.engine.device_figure,
        planned_bytes: m.budget.planned_bytes,
        weights_bytes: m.budget.weights_bytes,
        activation_bytes: m.budget.activation_bytes,
        non_torch_bytes: m.budget.non_torch_bytes,
        graphs_bytes: m.budget.graphs_bytes,
        available_kv_bytes: m.budget.kv_bytes,
        block_tokens: m.layout.block_tokens,
        blocks: m.pool.blocks,
        charged_bytes_per_token: m.pool.charged_bytes_per_token,
        theory_bytes_per_token,
        request_bytes: m.pool.request_bytes,
        theory_request_bytes,
        max_ctx_tokens: max_ctx,
        log_lines,
        notes,
        theory_kv_bytes_per_gpu,
        theory_kv_tokens,
        fixes,
    };
    Some(EngineReport {
        kv_bytes_per_gpu: m.budget.kv_bytes.max(0.0),
        kv_tokens: m.pool.tokens,
        max_concurrency: m.pool.max_concurrency,
        starts: ok,
        error,
        detail,
    })
}

/// The longest context that starts (the engine's own "estimated maximum model length": a binary
/// search over lengths, `vllm/v1/core/kv_cache_utils.py` `estimate_max_model_len`).
fn max_ctx_that_starts(rules: &EngineRules, inputs: &Inputs, m: &EngineMemory) -> f64 {
    if m.budget.kv_bytes <= 0.0 {
        return 0.0;
    }
    let fits = |ctx: f64| memory_with(rules, inputs, inputs.tp, ctx).pool.request_bytes <= m.budget.kv_bytes;
    let (mut lo, mut hi) = (0.0_f64, inputs.workload.ctx_tokens.max(1.0));
    if !fits(1.0) {
        return 0.0;
    }
    lo = lo.max(1.0);
    while hi - lo > 1.0 {
        let mid = ((lo + hi) / 2.0).floor();
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// One change of a scenario key that would start the engine (the page offers it as a button).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EngineFix {
    /// The scenario key (`gpu_util`, `ctx`, `tp`, `kv_bits`).
    pub key: &'static str,
    /// Its value.
    pub value: f64,
}

impl EngineFix {
    /// As the URL writes it (`gpu_util=0.93`, `kv_bits=8 (FP8 KV)`).
    pub fn text(&self) -> String {
        if self.key == "kv_bits" {
            format!("kv_bits={} (FP8 KV)", self.value)
        } else {
            format!("{}={}", self.key, self.value)
        }
    }
}

/// The smallest changes that would start the engine: a `gpu_util`, a shorter `ctx`, more GPUs,
/// FP8 KV (each alone).
fn fixes(rules: &EngineRules, inputs: &Inputs, m: &EngineMemory, ctx: f64, max_ctx: Option<f64>) -> Vec<EngineFix> {
    let mut fixes = Vec::new();
    // gpu_util: the KV budget grows linearly with it (for TensorRT-LLM, with the fraction of the
    // free memory).
    let at = |util: f64| {
        let mut i = inputs.clone();
        i.engine.gpu_util = Some(util);
        memory_with(rules, &i, inputs.tp, ctx)
    };
    let needed = (1..=99).map(|c| f64::from(c) / 100.0).find(|&u| u > m.knobs.gpu_util && starts(&at(u)));
    if let Some(u) = needed {
        fixes.push(EngineFix { key: "gpu_util", value: u });
    }
    if let Some(c) = max_ctx.filter(|&c| c >= 1.0) {
        fixes.push(EngineFix { key: "ctx", value: c.floor() });
    }
    let more = (1..=7).map(|i| inputs.tp.max(1) << i).find(|&tp| tp <= 128 && starts(&memory_with(rules, inputs, tp, ctx)));
    if let Some(tp) = more {
        fixes.push(EngineFix { key: "tp", value: f64::from(tp) });
    }
    if inputs.precision.kv_bits > 8.0 {
        let mut i = inputs.clone();
        i.precision.kv_bits = 8.0;
        if starts(&memory_with(rules, &i, inputs.tp, ctx)) {
            fixes.push(EngineFix { key: "kv_bits", value: 8.0 });
        }
    }
    fixes
}

/// The engine's refusal, then the smallest changes that would start it.
fn error_message(rules: &EngineRules, m: &EngineMemory, ctx: f64, max_ctx: Option<f64>, fixes: &[EngineFix]) -> String {
    let head = match rules.engine {
        Engine::Vllm | Engine::None => vllm::error_text(m, ctx, max_ctx),
        Engine::Sglang => sglang::error_text(m, ctx),
        Engine::Trtllm => trtllm::error_text(m, ctx),
    };
    if fixes.is_empty() {
        format!("{head} No single change of gpu_util, ctx, tp or FP8 KV starts it.")
    } else {
        let list: Vec<String> = fixes.iter().map(EngineFix::text).collect();
        format!("{head} Smallest change that starts it: {}.", list.join(", or "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_values_round_trip() {
        for e in Engine::ALL {
            assert_eq!(Engine::parse(e.as_str()), Some(e));
        }
        assert_eq!(Engine::parse("VLLM"), None);
        assert!(Engine::None.rules().is_none());
    }

    #[test]
    fn vllm_groups_pad_gemma3_style_layouts() {
        // 52 sliding + 10 full layers of one page size: groups of 10, 6 + 1 groups, so the pool
        // charges 70 layer pages per token for 62 layers (vLLM's uniform-page grouping).
        let k = |layers: f64, kv: KindKv| LayerKind { layers, bytes_per_token: 100.0, state_bytes: 0.0, kv };
        let mut layout = KvLayout { kinds: [k(0.0, KindKv::Full); MAX_KINDS], n: 2, block_tokens: 16.0, element_bytes: 2.0 };
        layout.kinds[0] = k(52.0, KindKv::Window { window_tokens: 1024.0 });
        layout.kinds[1] = k(10.0, KindKv::Full);
        assert_eq!(vllm_groups(&layout), (10.0, 7.0, 1600.0));
        let p = pool(PoolRule::VllmGroups, &layout, 1600.0 * 10.0 * 700.0, 8192.0, 8192.0);
        assert_eq!(p.blocks, 700.0);
        assert_eq!(p.tokens, 100.0 * 16.0);
        assert_eq!(p.charged_bytes_per_token, 7000.0);
        // Per request: 6 window groups of cdiv(min(1023 + 8192, 8192), 16) + 1 = 513 blocks and
        // one full group of 512.
        assert_eq!(p.blocks_per_request, 6.0 * 513.0 + 512.0);
    }
}

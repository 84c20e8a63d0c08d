//! The inputs of the model, resolved: a model architecture, one accelerator, the precisions, the
//! workload, the KV compression and the efficiencies. Everything is in SI base units (bytes,
//! seconds, FLOP, FLOP/s, bytes/s, tokens); the unit is part of every field name.
//!
//! A [`crate::Scenario`] (what the URL holds: preset ids plus overrides) resolves into [`Inputs`]
//! once; every formula then reads these plain structs.

use serde::{Deserialize, Serialize};

/// How one layer attends, and so what it stores in the KV cache.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Attention {
    /// Full causal attention: K and V for every context token.
    Full,
    /// Sliding-window attention: K and V for the last `window_tokens` tokens only.
    SlidingWindow {
        /// Window length (tokens).
        window_tokens: u32,
    },
    /// Multi-head latent attention (DeepSeek-V2/V3): one compressed latent per token, shared by
    /// all heads, plus a decoupled RoPE key.
    Mla {
        /// Rank of the compressed KV latent (`kv_lora_rank`).
        kv_lora_rank: u32,
        /// Query low-rank size (`q_lora_rank`); 0 means queries are projected directly.
        q_lora_rank: u32,
        /// RoPE part of each query/key head (`qk_rope_head_dim`).
        qk_rope_head_dim: u32,
        /// Non-RoPE part of each query/key head (`qk_nope_head_dim`).
        qk_nope_head_dim: u32,
        /// Value head dimension (`v_head_dim`).
        v_head_dim: u32,
    },
    /// A layer without a KV cache (state-space / linear attention): a fixed state per sequence.
    KvLess {
        /// State held per sequence, independent of context length (bytes, at the KV precision's
        /// 16-bit reference; scaled by KV bits like the cache).
        state_bytes_per_seq: f64,
        /// Parameters of this layer's token mixer (the FFN is counted separately).
        mixer_params: f64,
        /// FLOP per token of this layer's mixer beyond `2 × mixer_params` (scan work).
        extra_flop_per_token: f64,
    },
    // arch (issue 10)
    /// Linear attention with a matrix-valued state per value head (Gated DeltaNet, Kimi Delta
    /// Attention, MiniMax lightning attention): a constant `H_v · d_k · d_v` state per sequence
    /// plus the short convolution's last `conv_kernel − 1` inputs, read and written each step.
    LinearAttention {
        /// Which update rule (and so which projections the layer has).
        rule: LinearRule,
        /// Key (and query) heads (`linear_num_key_heads`).
        key_heads: u32,
        /// Value heads (`linear_num_value_heads`); the state has one `d_k × d_v` matrix per head.
        value_heads: u32,
        /// Key/query head dimension (`linear_key_head_dim`).
        key_head_dim: u32,
        /// Value head dimension (`linear_value_head_dim`).
        value_head_dim: u32,
        /// Short causal convolution width over q, k, v (`linear_conv_kernel_dim`); 0 for none.
        conv_kernel: u32,
    },
    /// Mamba-2 (state-space duality) mixer (Dao & Gu, "Transformers are SSMs",
    /// arXiv:2405.21060; Nemotron-H, arXiv:2504.03624): per sequence an SSM state `H · P · N` and
    /// the convolution's last `conv_kernel − 1` inputs over `x, B, C`.
    Mamba2 {
        /// SSM heads (`mamba_num_heads`).
        heads: u32,
        /// Channels per head (`mamba_head_dim`); `d_inner = heads · head_dim`.
        head_dim: u32,
        /// State size per channel (`ssm_state_size`).
        d_state: u32,
        /// B/C groups (`n_groups`).
        groups: u32,
        /// Causal convolution width (`conv_kernel`).
        conv_kernel: u32,
    },
    /// Full attention with a sigmoid output gate (Qwen3-Next, Qwen3.5: `q_proj` also emits a
    /// gate `H_q · d_h` wide, `attn_output_gate`): the cache of full attention, `d · H_q · d_h`
    /// more parameters (Qiu et al., "Gated Attention for Large Language Models",
    /// arXiv:2505.06708).
    GatedFull,
    /// Chunked local attention (Llama 4, model card and transformers `Llama4TextAttention`,
    /// `attention_chunk_size`): the context is cut into chunks of `chunk_tokens` and a
    /// token attends only within its own chunk, so at most `chunk_tokens` of K and V are held.
    ChunkedLocal {
        /// Chunk length (`attention_chunk_size`).
        chunk_tokens: u32,
    },
    /// DeepSeek Sparse Attention (DeepSeek-V3.2-Exp technical report, §2.1): MLA whose core
    /// attention reads only the
    /// `index_topk` tokens a lightning indexer picks, plus the indexer's own FP8 key cache.
    Dsa {
        /// Rank of the compressed KV latent (`kv_lora_rank`).
        kv_lora_rank: u32,
        /// Query low-rank size (`q_lora_rank`); 0 means queries are projected directly.
        q_lora_rank: u32,
        /// RoPE part of each query/key head (`qk_rope_head_dim`).
        qk_rope_head_dim: u32,
        /// Non-RoPE part of each query/key head (`qk_nope_head_dim`).
        qk_nope_head_dim: u32,
        /// Value head dimension (`v_head_dim`).
        v_head_dim: u32,
        /// Indexer heads (`index_n_heads`).
        index_heads: u32,
        /// Indexer key/query dimension (`index_head_dim`).
        index_head_dim: u32,
        /// Tokens each query attends to (`index_topk`).
        index_topk: u32,
    },
}

// arch (issue 10)
/// The state update of a [`Attention::LinearAttention`] layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinearRule {
    /// Gated DeltaNet (Yang, Kautz, Hatamizadeh, arXiv:2412.06464; Qwen3-Next, Qwen3.5).
    GatedDeltaNet,
    /// Kimi Delta Attention (Kimi Team, "Kimi Linear", arXiv:2510.26692).
    KimiDelta,
    /// Lightning attention (MiniMax-01, arXiv:2501.08313).
    Lightning,
}

/// A run of `count` layers that share one attention kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LayerGroup {
    /// How many layers of the model are of this kind.
    pub count: u32,
    /// Their attention kind.
    pub attention: Attention,
}

/// Mixture-of-experts FFN layers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Moe {
    /// Routed experts per MoE layer (`E`).
    pub n_experts: u32,
    /// Routed experts active per token (`k`).
    pub top_k: u32,
    /// FFN width of one routed expert.
    pub d_expert: u32,
    /// Shared (always active) experts per MoE layer.
    pub n_shared_experts: u32,
    /// FFN width of one shared expert.
    pub d_shared_expert: u32,
    /// How many layers have an MoE FFN; the others use the dense FFN of width `d_ff`.
    pub n_moe_layers: u32,
}

/// A transformer architecture. Counts are exact integers; derived sizes are computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelSpec {
    /// Hidden size (`d_model`).
    pub d_model: u32,
    /// Query heads.
    pub n_q_heads: u32,
    /// Key/value heads (GQA groups); equal to `n_q_heads` for MHA.
    pub n_kv_heads: u32,
    /// Head dimension, read from the config when published.
    pub head_dim: u32,
    /// Dense FFN width (`intermediate_size`).
    pub d_ff: u32,
    /// Gated FFN (SwiGLU/GeGLU: 3 matrices) or not (2 matrices).
    pub ffn_gated: bool,
    /// Vocabulary size.
    pub vocab: u32,
    /// Input embedding and output head share one matrix.
    pub tied_embeddings: bool,
    /// The layers, grouped by attention kind. Their counts add up to the layer count.
    pub layers: Vec<LayerGroup>,
    /// Mixture-of-experts FFNs, if any.
    pub moe: Option<Moe>,
    /// Override of the total parameter count (used instead of the computed one when set).
    pub params_override: Option<f64>,
    // arch (issue 10)
    /// Layers with a token mixer but no FFN (Nemotron-H's `M` and `*` layers, whose MLPs are
    /// separate `-` layers): the FFNs are counted on `n_layers − mixer_only_layers` layers.
    #[serde(default)]
    pub mixer_only_layers: u32,
}

/// One accelerator (per-GPU figures) and the server around it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HardwareSpec {
    /// Device memory software can use (bytes), as the driver reports it.
    pub hbm_bytes: f64,
    /// Device memory bandwidth (bytes/s, decimal datasheet figure).
    pub hbm_bw_bytes_per_s: f64,
    /// Dense BF16/FP16 tensor peak (FLOP/s).
    pub bf16_flops_per_s: f64,
    /// Dense FP8 tensor peak (FLOP/s); 0 when the part has no FP8 rate of its own.
    pub fp8_flops_per_s: f64,
    /// Dense FP4 tensor peak (FLOP/s); 0 when the part has no FP4 rate of its own.
    pub fp4_flops_per_s: f64,
    /// GPU-to-GPU link bandwidth, one direction (bytes/s); 0 when there is none.
    pub link_bw_bytes_per_s: f64,
    /// How many GPUs the fast link connects (8 on an HGX board, 2 with a bridge, 72 in NVL72).
    pub link_domain_gpus: u32,
    /// Point-to-point meshes (AMD Infinity Fabric): bandwidth to any one peer, one direction
    /// (bytes/s). A `TP`-way group then reaches `min(link, (TP − 1) · peer)`. 0 for switched
    /// fabrics (NVSwitch), where every GPU reaches the full link bandwidth.
    pub link_peer_bw_bytes_per_s: f64,
    /// Host link bandwidth, one direction (bytes/s): PCIe or NVLink-C2C.
    pub host_bw_bytes_per_s: f64,
    /// Host memory available to park swapped-out KV, per GPU (bytes).
    pub host_bytes_per_gpu: f64,
    /// Price per GPU-hour (US dollars), indicative.
    pub usd_per_gpu_hour: f64,
    /// Best measured fraction of the BF16 peak a large GEMM reaches (realistic mode).
    pub gemm_fraction_measured: f64,
}

/// Bits per element of weights, KV cache and activations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Precision {
    /// Bits per weight (16 for bf16, 8 for fp8, 4 for int4).
    pub weight_bits: f64,
    /// Bits per KV-cache element.
    pub kv_bits: f64,
    /// Bits per activation element (all-reduces, workspace).
    pub act_bits: f64,
}

/// The four KV-compression factors of the paper, each in (0, 1], as applied at a context.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Compression {
    /// Fraction of layers that keep their own KV (cross-layer sharing).
    pub layer: f64,
    /// Fraction of KV heads kept.
    pub head: f64,
    /// Token compression: a fraction of the context, or a fixed budget.
    pub token: TokenKeep,
    /// Bits-per-element (or rank) ratio relative to the KV precision.
    pub hidden: f64,
}

/// How many context tokens stay in the cache.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TokenKeep {
    /// Keep this fraction of the context (in (0, 1]).
    Fraction {
        /// The fraction kept.
        fraction: f64,
    },
    /// Keep at most this many tokens (attention sinks + recent window, or a SnapKV budget).
    Budget {
        /// Tokens kept.
        tokens: f64,
    },
}

impl TokenKeep {
    /// Tokens kept in the cache out of `ctx_tokens` of context.
    pub fn kept_tokens(self, ctx_tokens: f64) -> f64 {
        match self {
            TokenKeep::Fraction { fraction } => ctx_tokens * fraction,
            TokenKeep::Budget { tokens } => ctx_tokens.min(tokens),
        }
    }
}

impl Default for Compression {
    fn default() -> Self {
        Compression { layer: 1.0, head: 1.0, token: TokenKeep::Fraction { fraction: 1.0 }, hidden: 1.0 }
    }
}

/// What the users ask of the deployment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    /// Context tokens per user (`n`).
    pub ctx_tokens: f64,
    /// Generated tokens per turn (`m`).
    pub out_tokens: f64,
    /// Users wanting service at once (`U`).
    pub users: f64,
    /// Queries that reuse one prefilled context (`q`; 1 = no prefix reuse).
    pub prefix_reuse: f64,
}

/// Fractions of the datasheet a real run reaches, and the memory it cannot use. Peak mode sets
/// every fraction to 1 and the reserve to 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Efficiency {
    /// Fraction of peak FLOP/s the GEMMs reach.
    pub gemm: f64,
    /// Fraction of peak FLOP/s the attention kernels reach.
    pub attention: f64,
    /// Fraction of HBM bandwidth reached.
    pub hbm_bw: f64,
    /// Fraction of HBM the engine may allocate (vLLM's `gpu_memory_utilization`).
    pub mem_usable: f64,
    /// Memory held back for the runtime (CUDA context, graphs, allocator slack), per GPU (bytes).
    pub runtime_reserve_bytes: f64,
    /// Fraction of the host-link bandwidth a pinned copy reaches.
    pub host_bw: f64,
    /// Fraction of the GPU link bandwidth an all-reduce reaches.
    pub link_bw: f64,
    /// Fixed latency of one all-reduce (seconds).
    pub allreduce_latency_s: f64,
    /// Prefill chunk (tokens) whose activation workspace must fit (0 = the whole prompt).
    pub prefill_chunk_tokens: f64,
    /// Swap out and swap in overlap (full-duplex host link).
    pub full_duplex: bool,
    // serving (issue 9)
    /// How the attention kernels' throughput grows with the prompt (`attention` is the value
    /// at long sequences); `None` = flat (peak mode, other accelerators, an `eff_attn` override).
    #[serde(skip)]
    pub attention_curve: Option<crate::fractions::AttnCurve>,
    /// Tensor-parallel all-reduce time by message size inside the fast-link domain (realistic
    /// mode on Hopper: NCCL's measured bus bandwidth); `None` = `allreduce_latency_s` plus
    /// `link_bw` of the link.
    #[serde(skip)]
    pub allreduce_curve: Option<crate::fractions::BusBwCurve>,
}

impl Efficiency {
    /// The paper's assumption: every datasheet figure reached, all of HBM usable.
    pub const PEAK: Efficiency = Efficiency {
        gemm: 1.0,
        attention: 1.0,
        hbm_bw: 1.0,
        mem_usable: 1.0,
        runtime_reserve_bytes: 0.0,
        host_bw: 1.0,
        link_bw: 1.0,
        allreduce_latency_s: 0.0,
        prefill_chunk_tokens: 0.0,
        full_duplex: false,
        attention_curve: None,
        allreduce_curve: None,
    };
}

/// Everything one evaluation needs, resolved from a [`crate::Scenario`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inputs {
    /// The architecture.
    pub model: ModelSpec,
    /// One accelerator.
    pub hw: HardwareSpec,
    /// GPUs in the tensor-parallel group.
    pub tp: u32,
    /// Precisions.
    pub precision: Precision,
    /// The workload.
    pub workload: Workload,
    /// KV compression.
    pub compression: Compression,
    /// Efficiencies (peak or realistic).
    pub eff: Efficiency,
    /// Realistic mode: the reserve also holds the prefill activation workspace.
    pub realistic: bool,
    /// The engine whose memory accounting sizes the KV budget (`none`: the model's own).
    #[serde(default)]
    pub engine: crate::engine::EngineSettings,
    // serving (issue 9)
    /// The schedule (cycle or continuous batching), think time, objectives, step cost.
    #[serde(default)]
    pub serving: crate::serving::ServingSettings,
    // deploy (issue 13)
    /// Pipeline, data-parallel attention, expert parallelism and the PD split.
    #[serde(default)]
    pub deploy: crate::deploy::Deploy,
}

//! The layer kinds of issue 10, each as one set of formulas: linear attention (Gated DeltaNet,
//! Kimi Delta Attention, MiniMax lightning attention), Mamba-2, and the DeepSeek Sparse
//! Attention indexer. Chunked local attention needs no formula of its own: its cache is a
//! window of one chunk (see [`crate::kv`]).
//!
//! A recurrent layer (linear attention, Mamba-1/2) holds a constant state per sequence instead
//! of a KV cache: [`Attention::state_mixer`] gives its state bytes, its mixer parameters and its
//! scan FLOP beyond the matmuls, the same three numbers a generic [`Attention::KvLess`] layer
//! carries, so every formula that handles one handles all.
//!
//! Counted like every other layer: weight matrices and convolution kernels; left out: norms,
//! biases and per-head vectors (`A_log`, `dt_bias`, `D`), each under 0.01% of a layer.

use crate::spec::{Attention, LinearRule};
use crate::units::BITS_PER_BYTE;

/// Bytes per element of the 16-bit reference precision recurrent state sizes are stated in
/// ([`crate::kv::STATE_REFERENCE_BITS`]); the cost model scales them by the KV bits.
const STATE_BYTES_PER_ELEMENT: f64 = crate::kv::STATE_REFERENCE_BITS / BITS_PER_BYTE;

/// FLOP per token per state element of the delta rule (Gated DeltaNet, KDA), recurrent form
/// `S ← α·S·(I − β·k·kᵀ) + β·v·kᵀ`, `o = S·q`: one multiply for the decay and three
/// multiply-adds (`S·k`, the rank-1 write, the read-out `S·q`): `1 + 3 · 2 = 7`.
pub const DELTA_RULE_FLOP_PER_STATE_ELEMENT: f64 = 7.0;
/// FLOP per token per state element of lightning attention's recurrent form
/// `S ← λ·S + kᵀ·v`, `o = q·S` (MiniMax-01, arXiv:2501.08313, §2.2.1): one multiply for the
/// decay and two multiply-adds: `1 + 2 · 2 = 5`.
pub const LIGHTNING_FLOP_PER_STATE_ELEMENT: f64 = 5.0;
/// FLOP per token per state element of the Mamba-2 recurrence `h ← exp(Δ·A)·h + Δ·B·x`,
/// `y = C·h` (Dao & Gu, arXiv:2405.21060, §3 "SSD"): one multiply for the scalar decay and two
/// multiply-adds: `1 + 2 · 2 = 5`.
pub const MAMBA2_FLOP_PER_STATE_ELEMENT: f64 = 5.0;
/// FLOP per channel per tap of a depthwise causal convolution (one multiply-add).
pub const CONV_FLOP_PER_TAP: f64 = 2.0;

/// Bytes per element of the DSA indexer's key cache: FP8 (DeepSeek-V3.2-Exp report, §2.1: the
/// lightning indexer runs in FP8).
pub const DSA_INDEX_KEY_BYTES_PER_ELEMENT: f64 = 1.0;
/// Elements sharing one FP32 scale in the indexer key cache, and the scale's bytes (vLLM
/// `DeepseekV32IndexerCache`: `index_head_dim + index_head_dim / 128 · 4` bytes per token).
pub const DSA_INDEX_QUANT_BLOCK: u32 = 128;
/// See [`DSA_INDEX_QUANT_BLOCK`].
pub const DSA_INDEX_SCALE_BYTES: f64 = 4.0;

/// What a recurrent layer costs: its constant state, its parameters, its scan work.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StateMixer {
    /// State per sequence at the 16-bit reference precision (bytes).
    pub state_bytes_per_seq: f64,
    /// Parameters of the mixer (the FFN is counted separately).
    pub mixer_params: f64,
    /// FLOP per token beyond `2 × mixer_params` (the recurrence and the convolution).
    pub extra_flop_per_token: f64,
}

/// Parameters, state elements and scan FLOP of a linear-attention layer.
///
/// With `K = H_k·d_k` (query and key width), `V = H_v·d_v` (value width), conv width `c`:
/// - Gated DeltaNet (transformers `Qwen3NextGatedDeltaNet`): `in_proj_qkvz d·(2K + 2V)`,
///   `in_proj_ba d·2H_v`, `conv1d (2K + V)·c`, `out_proj V·d`;
/// - Kimi Delta Attention (`KimiDeltaAttention`): `q_proj, k_proj d·K` each, `v_proj d·V`,
///   q/k/v convolutions `(2K + V)·c`, the low-rank decay gate `f_a d·d_k + f_b d_k·K`,
///   `b_proj d·H_v`, the low-rank output gate `g_a d·d_v + g_b d_v·V`, `o_proj V·d`;
/// - lightning (MiniMax-01 `MiniMaxText01LightningAttention`): `qkv_proj d·3K`,
///   `output_gate d·V`, `out_proj V·d` (`K = V`, no convolution).
///
/// State: `H_v·d_k·d_v` (one `d_k × d_v` matrix per value head) plus the convolution's last
/// `c − 1` inputs over q, k, v: `(c − 1)·(2K + V)`.
pub fn linear_attention(
    d_model: u32,
    rule: LinearRule,
    key_heads: u32,
    value_heads: u32,
    key_head_dim: u32,
    value_head_dim: u32,
    conv_kernel: u32,
) -> StateMixer {
    let d = f64::from(d_model);
    let k = f64::from(key_heads) * f64::from(key_head_dim);
    let v = f64::from(value_heads) * f64::from(value_head_dim);
    let hv = f64::from(value_heads);
    let c = f64::from(conv_kernel);
    let conv_channels = 2.0 * k + v;
    let conv_params = conv_channels * c;
    let mixer_params = match rule {
        LinearRule::GatedDeltaNet => d * (2.0 * k + 2.0 * v) + d * 2.0 * hv + conv_params + v * d,
        LinearRule::KimiDelta => {
            let dk = f64::from(key_head_dim);
            let dv = f64::from(value_head_dim);
            2.0 * d * k + d * v + conv_params + (d * dk + dk * k) + d * hv + (d * dv + dv * v) + v * d
        }
        LinearRule::Lightning => d * 3.0 * k + d * v + v * d,
    };
    let state_elements = hv * f64::from(key_head_dim) * f64::from(value_head_dim);
    let conv_elements = f64::from(conv_kernel.saturating_sub(1)) * conv_channels;
    let per_element = match rule {
        LinearRule::GatedDeltaNet | LinearRule::KimiDelta => DELTA_RULE_FLOP_PER_STATE_ELEMENT,
        LinearRule::Lightning => LIGHTNING_FLOP_PER_STATE_ELEMENT,
    };
    StateMixer {
        state_bytes_per_seq: (state_elements + conv_elements) * STATE_BYTES_PER_ELEMENT,
        mixer_params,
        extra_flop_per_token: per_element * state_elements + CONV_FLOP_PER_TAP * c * conv_channels,
    }
}

/// Parameters, state and scan FLOP of a Mamba-2 mixer (transformers `NemotronHMamba2Mixer`).
///
/// With `d_inner = H·P`, `G` groups of state size `N`, conv width `c`:
/// - parameters: `in_proj d·(2·d_inner + 2·G·N + H)` (z, x, B, C, Δ), `conv1d
///   (d_inner + 2·G·N)·c`, `out_proj d_inner·d`;
/// - state: SSM `H·P·N` plus the convolution's last `c − 1` inputs `(c − 1)·(d_inner + 2·G·N)`;
/// - scan FLOP: [`MAMBA2_FLOP_PER_STATE_ELEMENT`]` · H·P·N + 2·c·(d_inner + 2·G·N)`.
pub fn mamba2(d_model: u32, heads: u32, head_dim: u32, d_state: u32, groups: u32, conv_kernel: u32) -> StateMixer {
    let d = f64::from(d_model);
    let h = f64::from(heads);
    let d_inner = h * f64::from(head_dim);
    let gn = f64::from(groups) * f64::from(d_state);
    let c = f64::from(conv_kernel);
    let conv_channels = d_inner + 2.0 * gn;
    let ssm_elements = d_inner * f64::from(d_state);
    let conv_elements = f64::from(conv_kernel.saturating_sub(1)) * conv_channels;
    StateMixer {
        state_bytes_per_seq: (ssm_elements + conv_elements) * STATE_BYTES_PER_ELEMENT,
        mixer_params: d * (2.0 * d_inner + 2.0 * gn + h) + conv_channels * c + d_inner * d,
        extra_flop_per_token: MAMBA2_FLOP_PER_STATE_ELEMENT * ssm_elements + CONV_FLOP_PER_TAP * c * conv_channels,
    }
}

/// Bytes per token per layer of the DSA indexer's key cache: `d_I` FP8 elements plus one FP32
/// scale per [`DSA_INDEX_QUANT_BLOCK`] elements (132 bytes for `d_I = 128`). Fixed by the
/// indexer's format, not by the KV precision.
pub fn dsa_index_bytes_per_token(index_head_dim: u32) -> f64 {
    f64::from(index_head_dim) * DSA_INDEX_KEY_BYTES_PER_ELEMENT
        + f64::from(index_head_dim.div_ceil(DSA_INDEX_QUANT_BLOCK)) * DSA_INDEX_SCALE_BYTES
}

/// Parameters of the DSA lightning indexer (DeepSeek-V3.2-Exp `Indexer`): `wq_b r_q·H_I·d_I`
/// (queries from the query latent; `d·H_I·d_I` without one), `wk d·d_I`, `weights_proj d·H_I`.
pub fn dsa_indexer_params(d_model: u32, q_lora_rank: u32, index_heads: u32, index_head_dim: u32) -> f64 {
    let d = f64::from(d_model);
    let q_in = if q_lora_rank == 0 { d } else { f64::from(q_lora_rank) };
    let hi = f64::from(index_heads);
    let di = f64::from(index_head_dim);
    q_in * hi * di + d * di + d * hi
}

impl Attention {
    /// The constant state, parameters and scan work of a recurrent layer; `None` for a layer
    /// with a KV cache.
    pub fn state_mixer(&self, d_model: u32) -> Option<StateMixer> {
        match *self {
            Attention::KvLess { state_bytes_per_seq, mixer_params, extra_flop_per_token } => {
                Some(StateMixer { state_bytes_per_seq, mixer_params, extra_flop_per_token })
            }
            Attention::LinearAttention { rule, key_heads, value_heads, key_head_dim, value_head_dim, conv_kernel } => {
                Some(linear_attention(d_model, rule, key_heads, value_heads, key_head_dim, value_head_dim, conv_kernel))
            }
            Attention::Mamba2 { heads, head_dim, d_state, groups, conv_kernel } => {
                Some(mamba2(d_model, heads, head_dim, d_state, groups, conv_kernel))
            }
            _ => None,
        }
    }

    /// A short name of the kind, for the page and the CLI.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Attention::Full => "full attention",
            Attention::GatedFull => "gated full attention",
            Attention::SlidingWindow { .. } => "sliding window",
            Attention::Mla { .. } => "MLA",
            Attention::KvLess { .. } => "state-space",
            Attention::LinearAttention { rule: LinearRule::GatedDeltaNet, .. } => "Gated DeltaNet",
            Attention::LinearAttention { rule: LinearRule::KimiDelta, .. } => "Kimi Delta Attention",
            Attention::LinearAttention { rule: LinearRule::Lightning, .. } => "lightning attention",
            Attention::Mamba2 { .. } => "Mamba-2",
            Attention::ChunkedLocal { .. } => "chunked local",
            Attention::Dsa { .. } => "DeepSeek sparse (MLA + indexer)",
        }
    }
}

/// The layer groups in words, for the page and the CLI: `36 Gated DeltaNet + 12 gated full
/// attention`, with each kind's size (window, chunk, top-k) and `+ 24 MLP-only` pairs noted.
pub fn describe_layers(model: &crate::spec::ModelSpec) -> String {
    let parts: Vec<String> = model
        .layers
        .iter()
        .map(|g| {
            let detail = match g.attention {
                Attention::SlidingWindow { window_tokens } => format!(" ({window_tokens}-token window)"),
                Attention::ChunkedLocal { chunk_tokens } => format!(" ({chunk_tokens}-token chunks)"),
                Attention::Dsa { index_topk, .. } => format!(" (top-{index_topk} tokens)"),
                _ => String::new(),
            };
            format!("{} {}{detail}", g.count, g.attention.kind_name())
        })
        .collect();
    let text = parts.join(" + ");
    if model.mixer_only_layers > 0 {
        format!("{text} ({} of them without an FFN)", model.mixer_only_layers)
    } else {
        text
    }
}

//! Model architecture presets.
//!
//! Every row is built by hand in Rust (no JSON is parsed at run time). Where a Hugging Face
//! `config.json` is stored in `tests/fixtures/hf-configs/`, `tests/import.rs` checks that
//! importing that file with [`crate::import::import_hf_config`] gives exactly the same
//! [`ModelSpec`]; the rows without a stored file (Gemma 2 27B, GPT-3 175B, Jamba 1.5 Large) take
//! their numbers from the papers cited in `source`.
//!
//! Conventions shared by every row:
//! - every FFN of these families is gated (SwiGLU or GeGLU: 3 matrices) except GPT-3's;
//! - layers are grouped by attention kind, one group per distinct kind, in order of first
//!   appearance (as the importer groups them), since only the counts matter;
//! - MLA rows set `n_kv_heads` to the config's nominal `num_key_value_heads` (= query heads) and
//!   `head_dim` to the query/key head size `qk_nope_head_dim + qk_rope_head_dim`; neither enters
//!   an MLA layer's formulas, which use the ranks;
//! - an MoE layer's routed experts and a dense layer's FFN both use `d_ff` unless the family has
//!   a separate `moe_intermediate_size`; a family whose every layer is MoE keeps the config's
//!   `intermediate_size` in `d_ff` (unused) so that preset and import compare equal.
//!
//! Published counts are the documents' own figures. Computed counts follow [`crate::model`]
//! (no norms or biases); a test keeps every row within [`PARAMS_TOLERANCE`] of its published
//! figures.

use crate::spec::{Attention, LayerGroup, ModelSpec, Moe};

/// Largest relative gap allowed between a preset's computed and published parameter counts.
pub const PARAMS_TOLERANCE: f64 = 0.02;

/// What a published "active parameters" figure includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActiveCount {
    /// Every parameter a token touches, both embedding tables included, as
    /// [`ModelSpec::computed_params`] counts (Mixtral, DeepSeek, Qwen, Jamba).
    AllParams,
    /// The input embedding is left out (it is a lookup, not a matmul) but the output head is
    /// kept: OpenAI's gpt-oss model card counts active parameters this way.
    WithoutInputEmbedding,
}

/// One model preset.
#[derive(Debug, Clone, Copy)]
pub struct ModelPreset {
    /// Permanent URL id, lowercase kebab-case (`llama-3.1-70b`).
    pub id: &'static str,
    /// Display name.
    pub label: &'static str,
    /// Published total parameter count.
    pub published_params: f64,
    /// Published active parameters per token (MoE), or the total for dense models.
    pub published_active_params: f64,
    /// What `published_active_params` includes.
    pub published_active_count: ActiveCount,
    /// Where the architecture and the published count come from.
    pub source: &'static str,
    /// Builds the architecture.
    pub spec: fn() -> ModelSpec,
}

impl ModelPreset {
    /// Computed (total, active per token) parameters, the active count following the same
    /// convention as `published_active_params`, so the two can be compared.
    pub fn computed_params_as_published(&self) -> (f64, f64) {
        let spec = (self.spec)();
        let (total, active) = spec.computed_params();
        let active = match self.published_active_count {
            ActiveCount::AllParams => active,
            ActiveCount::WithoutInputEmbedding => active - f64::from(spec.vocab) * f64::from(spec.d_model),
        };
        (total, active)
    }
}

/// Elements of d_inner per `d_model` in a Mamba-1 block (`mamba_expand`; 2 in Mamba and Jamba).
pub const MAMBA_EXPAND: u32 = 2;
/// Mamba-1 SSM state size per channel (`mamba_d_state`; 16 in Mamba and Jamba).
pub const MAMBA_D_STATE: u32 = 16;
/// Mamba-1 causal-convolution width (`mamba_d_conv`; 4 in Mamba and Jamba).
pub const MAMBA_D_CONV: u32 = 4;
/// Mamba-1's default `dt_rank` is `ceil(d_model / 16)` ("auto" in the configs).
pub const MAMBA_DT_RANK_DIVISOR: u32 = 16;
/// FLOP per token per state element (`d_inner · d_state`) of the selective scan: discretise
/// (`exp(Δ·A)`, `Δ·B·x`), update `h = Ā·h + B̄·x`, read out `C·h`. The figure 9 is the count the
/// Mamba authors give (state-spaces/mamba issue #110, `flops_selective_scan_fn`).
pub const MAMBA_SCAN_FLOP_PER_STATE_ELEMENT: f64 = 9.0;
/// FLOP per token per channel (`d_inner`) outside the scan and the matmuls: the `D·x` skip and
/// the `z` gate (one each, as in the same reference count).
pub const MAMBA_ELEMENTWISE_FLOP_PER_CHANNEL: f64 = 2.0;
/// Bytes per element of the reference (16-bit) precision a KV-less layer's state is stated in
/// ([`crate::kv::STATE_REFERENCE_BITS`]); the cost model scales it by the KV bits like the cache.
pub const STATE_REFERENCE_BYTES: f64 = crate::kv::STATE_REFERENCE_BITS / crate::units::BITS_PER_BYTE;

/// A Mamba-1 token mixer as a KV-less layer.
///
/// With `d_inner = expand · d_model`:
/// - parameters: `in_proj d·2·d_inner` (x and z), `conv1d d_inner·d_conv`,
///   `x_proj d_inner·(dt_rank + 2·d_state)` (Δ, B, C), `dt_proj dt_rank·d_inner`,
///   `A d_inner·d_state` and `out_proj d_inner·d`, summed. Biases (conv, dt_proj) and the `D`
///   vector are left out like every other bias and norm (under 0.01% of the layer);
/// - state per sequence: the SSM state `d_inner·d_state` plus the convolution's last
///   `d_conv − 1` inputs per channel, `d_inner·(d_conv − 1)`, each element at
///   [`STATE_REFERENCE_BYTES`];
/// - scan FLOP per token beyond `2 × params`: [`MAMBA_SCAN_FLOP_PER_STATE_ELEMENT`]` ·
///   d_inner·d_state + `[`MAMBA_ELEMENTWISE_FLOP_PER_CHANNEL`]` · d_inner`. (`2 × params` also
///   charges 2 FLOP per element of `A`, about 0.25% of the layer's matmul FLOP: accepted.)
pub fn mamba1_mixer(d_model: u32, expand: u32, d_state: u32, d_conv: u32, dt_rank: u32) -> Attention {
    let d = f64::from(d_model);
    let d_inner = f64::from(expand) * d;
    let n = f64::from(d_state);
    let k = f64::from(d_conv);
    let r = f64::from(dt_rank);
    let in_proj = d * 2.0 * d_inner;
    let conv = d_inner * k;
    let x_proj = d_inner * (r + 2.0 * n);
    let dt_proj = r * d_inner;
    let a = d_inner * n;
    let out_proj = d_inner * d;
    let state_elements = d_inner * n + d_inner * (k - 1.0);
    Attention::KvLess {
        state_bytes_per_seq: state_elements * STATE_REFERENCE_BYTES,
        mixer_params: in_proj + conv + x_proj + dt_proj + a + out_proj,
        extra_flop_per_token: MAMBA_SCAN_FLOP_PER_STATE_ELEMENT * d_inner * n
            + MAMBA_ELEMENTWISE_FLOP_PER_CHANNEL * d_inner,
    }
}

/// One group of layers.
const fn group(count: u32, attention: Attention) -> LayerGroup {
    LayerGroup { count, attention }
}

/// A dense decoder whose every layer has full attention and a gated FFN.
#[allow(clippy::too_many_arguments)]
fn dense_full(
    n_layers: u32,
    d_model: u32,
    n_q_heads: u32,
    n_kv_heads: u32,
    head_dim: u32,
    d_ff: u32,
    vocab: u32,
    tied_embeddings: bool,
) -> ModelSpec {
    ModelSpec {
        d_model,
        n_q_heads,
        n_kv_heads,
        head_dim,
        d_ff,
        ffn_gated: true,
        vocab,
        tied_embeddings,
        layers: vec![group(n_layers, Attention::Full)],
        moe: None,
        params_override: None,
    }
}

// ------------------------------------------------------------------------------------ dense

/// Yi-34B (arXiv:2403.04652, Table 1): 60 layers, d 7168, 56 query / 8 KV heads of 128,
/// SwiGLU 20480, vocab 64000, untied. The paper's running example.
fn yi_34b() -> ModelSpec {
    dense_full(60, 7168, 56, 8, 128, 20480, 64000, false)
}

/// Llama 3.1 8B: 32 layers, d 4096, 32/8 heads of 128, FFN 14336, vocab 128256.
fn llama_3_1_8b() -> ModelSpec {
    dense_full(32, 4096, 32, 8, 128, 14336, 128_256, false)
}

/// Llama 3.1 70B: 80 layers, d 8192, 64/8 heads of 128, FFN 28672, vocab 128256.
fn llama_3_1_70b() -> ModelSpec {
    dense_full(80, 8192, 64, 8, 128, 28672, 128_256, false)
}

/// Llama 3.1 405B: 126 layers, d 16384, 128/8 heads of 128, FFN 53248, vocab 128256.
fn llama_3_1_405b() -> ModelSpec {
    dense_full(126, 16384, 128, 8, 128, 53248, 128_256, false)
}

/// Mistral 7B v0.1: Llama-like, 32 layers, d 4096, 32/8 heads of 128, FFN 14336, vocab 32000,
/// a 4096-token sliding window on every layer.
fn mistral_7b_v0_1() -> ModelSpec {
    ModelSpec {
        layers: vec![group(32, Attention::SlidingWindow { window_tokens: 4096 })],
        ..dense_full(32, 4096, 32, 8, 128, 14336, 32000, false)
    }
}

/// Qwen2.5-72B: 80 layers, d 8192, 64/8 heads of 128, FFN 29568, vocab 152064. The config's
/// `sliding_window` is off (`use_sliding_window: false`). QKV biases are not counted.
fn qwen2_5_72b() -> ModelSpec {
    dense_full(80, 8192, 64, 8, 128, 29568, 152_064, false)
}

/// Gemma 2 27B (arXiv:2408.00118, Table 1): 46 layers alternating a 4096-token sliding window
/// (even layers, first) and full attention, 23 + 23; d 4608, 32/16 heads of 128, GeGLU 36864,
/// vocab 256000, tied embeddings.
fn gemma_2_27b() -> ModelSpec {
    ModelSpec {
        layers: vec![group(23, Attention::SlidingWindow { window_tokens: 4096 }), group(23, Attention::Full)],
        ..dense_full(46, 4608, 32, 16, 128, 36864, 256_000, true)
    }
}

/// Gemma 3 27B, text model only (`text_config` of the fixture): 62 layers, five local layers
/// (1024-token window) for one global, so layer `i` is global when `(i + 1) % 6 == 0`: 52 + 10;
/// d 5376, 32/16 heads of 128 (read, not 5376/32), GeGLU 21504, vocab 262208 (transformers
/// default; the file omits it), tied embeddings (default). The 417M-parameter vision encoder is
/// not modelled.
fn gemma_3_27b() -> ModelSpec {
    ModelSpec {
        layers: vec![group(52, Attention::SlidingWindow { window_tokens: 1024 }), group(10, Attention::Full)],
        ..dense_full(62, 5376, 32, 16, 128, 21504, 262_208, true)
    }
}

/// GPT-3 175B (Brown et al. 2020, arXiv:2005.14165, Table 2.1): 96 layers, d 12288, 96 heads of
/// 128 (MHA: 96 KV heads), FFN 4·d = 49152 with GELU (not gated), BPE vocab 50257, tied
/// input/output embeddings. The learned position embedding (2048 × 12288) and biases are not
/// counted (0.02%).
fn gpt_3_175b() -> ModelSpec {
    ModelSpec { ffn_gated: false, ..dense_full(96, 12288, 96, 96, 128, 49152, 50257, true) }
}

// -------------------------------------------------------------------------------------- MoE

/// Mixtral 8x7B: Mistral 7B's attention (32 layers, d 4096, 32/8 heads of 128, no sliding
/// window: `sliding_window: null`), 8 experts of 14336, top-2, on every layer; vocab 32000.
fn mixtral_8x7b() -> ModelSpec {
    ModelSpec {
        moe: Some(Moe {
            n_experts: 8,
            top_k: 2,
            d_expert: 14336,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 32,
        }),
        ..dense_full(32, 4096, 32, 8, 128, 14336, 32000, false)
    }
}

/// Mixtral 8x22B: 56 layers, d 6144, 48/8 heads of 128, 8 experts of 16384, top-2, every layer;
/// vocab 32000.
fn mixtral_8x22b() -> ModelSpec {
    ModelSpec {
        moe: Some(Moe {
            n_experts: 8,
            top_k: 2,
            d_expert: 16384,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 56,
        }),
        ..dense_full(56, 6144, 48, 8, 128, 16384, 32000, false)
    }
}

/// Qwen3-235B-A22B: 94 layers, d 4096, 64/4 heads of 128 (read: 64 × 128 ≠ 4096), 128 experts
/// of 1536, top-8, on every layer (`decoder_sparse_step` 1, no `mlp_only_layers`), no shared
/// expert; vocab 151936. `d_ff` 12288 is the config's unused dense width.
fn qwen3_235b_a22b() -> ModelSpec {
    ModelSpec {
        moe: Some(Moe {
            n_experts: 128,
            top_k: 8,
            d_expert: 1536,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 94,
        }),
        ..dense_full(94, 4096, 64, 4, 128, 12288, 151_936, false)
    }
}

/// gpt-oss-120b: 36 layers alternating a 128-token sliding window (even layers, first) and full
/// attention (`layer_types`: 18 + 18); d 2880, 64/8 heads of 64 (read: 64 × 64 ≠ 2880); 128
/// experts of 2880, top-4, on every layer; vocab 201088, untied. Attention biases and sinks are
/// not counted.
fn gpt_oss_120b() -> ModelSpec {
    ModelSpec {
        layers: vec![group(18, Attention::SlidingWindow { window_tokens: 128 }), group(18, Attention::Full)],
        moe: Some(Moe {
            n_experts: 128,
            top_k: 4,
            d_expert: 2880,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 36,
        }),
        ..dense_full(36, 2880, 64, 8, 64, 2880, 201_088, false)
    }
}

/// DeepSeek's multi-head latent attention with a 1536 query rank, 512 KV rank, 128 + 64 query/key
/// head and 128 value head (V2 and V3 share it).
const DEEPSEEK_MLA: Attention = Attention::Mla {
    kv_lora_rank: 512,
    q_lora_rank: 1536,
    qk_rope_head_dim: 64,
    qk_nope_head_dim: 128,
    v_head_dim: 128,
};
/// Query/key head size of [`DEEPSEEK_MLA`] (`qk_nope_head_dim + qk_rope_head_dim`).
const DEEPSEEK_QK_HEAD_DIM: u32 = 128 + 64;

/// DeepSeek-V2 (arXiv:2405.04434): 60 MLA layers, d 5120, 128 heads; the first layer dense
/// (FFN 12288), then 59 MoE layers of 160 routed experts of 1536, top-6, plus 2 shared experts
/// of 1536; vocab 102400.
fn deepseek_v2() -> ModelSpec {
    ModelSpec {
        d_model: 5120,
        n_q_heads: 128,
        n_kv_heads: 128,
        head_dim: DEEPSEEK_QK_HEAD_DIM,
        d_ff: 12288,
        ffn_gated: true,
        vocab: 102_400,
        tied_embeddings: false,
        layers: vec![group(60, DEEPSEEK_MLA)],
        moe: Some(Moe {
            n_experts: 160,
            top_k: 6,
            d_expert: 1536,
            n_shared_experts: 2,
            d_shared_expert: 1536,
            n_moe_layers: 59,
        }),
        params_override: None,
    }
}

/// DeepSeek-V3 (arXiv:2412.19437): 61 MLA layers, d 7168, 128 heads; the first 3 layers dense
/// (FFN 18432), then 58 MoE layers of 256 routed experts of 2048, top-8, plus 1 shared expert
/// of 2048; vocab 129280. The multi-token-prediction module (`num_nextn_predict_layers`: 1,
/// 14B of the 685B checkpoint) is excluded, as in the published 671B.
fn deepseek_v3() -> ModelSpec {
    ModelSpec {
        d_model: 7168,
        n_q_heads: 128,
        n_kv_heads: 128,
        head_dim: DEEPSEEK_QK_HEAD_DIM,
        d_ff: 18432,
        ffn_gated: true,
        vocab: 129_280,
        tied_embeddings: false,
        layers: vec![group(61, DEEPSEEK_MLA)],
        moe: Some(Moe {
            n_experts: 256,
            top_k: 8,
            d_expert: 2048,
            n_shared_experts: 1,
            d_shared_expert: 2048,
            n_moe_layers: 58,
        }),
        params_override: None,
    }
}

// ----------------------------------------------------------------------------------- hybrid

/// Jamba v0.1 (arXiv:2403.19887; config `jamba-v0.1.json`): 32 layers; layer `i` is attention
/// when `i % 8 == 4` (`attn_layer_period` 8, `attn_layer_offset` 4): 4 full-attention layers,
/// 28 Mamba-1 layers (d_inner 8192, d_state 16, d_conv 4, `mamba_dt_rank` 256, see
/// [`mamba1_mixer`]: 105,283,584 mixer parameters and 311,296 state bytes per layer); d 4096,
/// 32/8 heads of 128 (derived 4096/32; the file has no `head_dim`); every FFN 14336 wide, MoE
/// of 16 experts, top-2, on the odd layers (`expert_layer_period` 2, offset 1): 16; vocab 65536.
fn jamba_v0_1() -> ModelSpec {
    let mamba = mamba1_mixer(4096, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, 256);
    ModelSpec {
        layers: vec![group(28, mamba), group(4, Attention::Full)],
        moe: Some(Moe {
            n_experts: 16,
            top_k: 2,
            d_expert: 14336,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 16,
        }),
        ..dense_full(32, 4096, 32, 8, 128, 14336, 65536, false)
    }
}

/// Jamba 1.5 Large (arXiv:2408.12570): 72 layers in 9 blocks of 8, attention : Mamba 1 : 7, so
/// 9 full-attention layers and 63 Mamba-1 layers (placed as in Jamba v0.1, attention at
/// `i % 8 == 4`, so the Mamba group comes first); d 8192, 64/8 heads of 128; MoE of 16 experts,
/// top-2, every other layer (36 of 72), every FFN 24576 wide; vocab 65536, untied.
///
/// The Mamba layer, from the Mamba-1 formulas with d 8192 (see [`mamba1_mixer`]):
/// `d_inner = 2 · 8192 = 16384`, `d_state = 16`, `d_conv = 4`, `dt_rank = 8192 / 16 = 512`:
/// - in_proj `8192 · 2 · 16384 = 268,435,456`; conv `16384 · 4 = 65,536`;
///   x_proj `16384 · (512 + 2·16) = 8,912,896`; dt_proj `512 · 16384 = 8,388,608`;
///   A `16384 · 16 = 262,144`; out_proj `16384 · 8192 = 134,217,728`:
///   420,282,368 mixer parameters per layer, 26.48e9 over 63 layers;
/// - state per sequence `16384 · 16 + 16384 · 3 = 311,296` elements, 622,592 bytes at 2 bytes
///   per element (39.2 MB over 63 layers, at any context length).
fn jamba_1_5_large() -> ModelSpec {
    let d_model = 8192;
    let mamba = mamba1_mixer(d_model, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, d_model / MAMBA_DT_RANK_DIVISOR);
    ModelSpec {
        layers: vec![group(63, mamba), group(9, Attention::Full)],
        moe: Some(Moe {
            n_experts: 16,
            top_k: 2,
            d_expert: 24576,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 36,
        }),
        ..dense_full(72, d_model, 64, 8, 128, 24576, 65536, false)
    }
}

/// All model presets, in display order: the paper's model, dense (by family), MoE, hybrid.
pub const MODELS: &[ModelPreset] = &[
    ModelPreset {
        id: "yi-34b",
        label: "Yi-34B",
        published_params: 34e9,
        published_active_params: 34e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("Architecture: Yi: Open Foundation Models by 01.AI, arXiv:2403.04652, Table 1 (60 layers, \
            d 7168, 56 query / 8 KV heads); HF config 01-ai/Yi-34B as reconstructed from those values \
            (fixtures/hf-configs/yi-34b.json; no copy of the official file was found). Params: 34B, \
            arXiv:2403.04652. The paper KV Scope follows (arXiv:2405.08944) uses this model."),
        spec: yi_34b,
    },
    ModelPreset {
        id: "llama-3.1-8b",
        label: "Llama 3.1 8B",
        published_params: 8e9,
        published_active_params: 8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config meta-llama/Llama-3.1-8B (fixtures/hf-configs/llama-3.1-8b.json); params: \
            The Llama 3 Herd of Models, arXiv:2407.21783, Table 3"),
        spec: llama_3_1_8b,
    },
    ModelPreset {
        id: "llama-3.1-70b",
        label: "Llama 3.1 70B",
        published_params: 70e9,
        published_active_params: 70e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config meta-llama/Llama-3.1-70B (fixtures/hf-configs/llama-3.1-70b.json); params: \
            The Llama 3 Herd of Models, arXiv:2407.21783, Table 3"),
        spec: llama_3_1_70b,
    },
    ModelPreset {
        id: "llama-3.1-405b",
        label: "Llama 3.1 405B",
        published_params: 405e9,
        published_active_params: 405e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config meta-llama/Llama-3.1-405B (fixtures/hf-configs/llama-3.1-405b.json, 8 KV \
            heads as in the paper; the first upload said 16); params: The Llama 3 Herd of Models, \
            arXiv:2407.21783, Table 3"),
        spec: llama_3_1_405b,
    },
    ModelPreset {
        id: "mistral-7b-v0.1",
        label: "Mistral 7B v0.1",
        published_params: 7.3e9,
        published_active_params: 7.3e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config mistralai/Mistral-7B-v0.1 (fixtures/hf-configs/mistral-7b-v0.1.json); \
            architecture and 4096-token sliding window: Mistral 7B, arXiv:2310.06825, Table 1; \
            params: 7.3B, Mistral AI \"Mistral 7B\" announcement (Sep 2023)"),
        spec: mistral_7b_v0_1,
    },
    ModelPreset {
        id: "qwen2.5-72b",
        label: "Qwen2.5-72B",
        published_params: 72.7e9,
        published_active_params: 72.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config Qwen/Qwen2.5-72B (fixtures/hf-configs/qwen2.5-72b.json); params: Qwen2.5-72B \
            HF model card (72.7B, 70.0B non-embedding); Qwen2.5 Technical Report, arXiv:2412.15115"),
        spec: qwen2_5_72b,
    },
    ModelPreset {
        id: "gemma-2-27b",
        label: "Gemma 2 27B",
        published_params: 27.2e9,
        published_active_params: 27.2e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("Gemma 2: Improving Open Language Models at a Practical Size, arXiv:2408.00118, \
            Table 1 (46 layers, d 4608, 32 / 16 heads of 128, GeGLU 36864, vocab 256000, 4096-token \
            sliding window on every other layer) and its parameter counts (≈27.2B); no config file \
            stored (the repo is gated)"),
        spec: gemma_2_27b,
    },
    ModelPreset {
        id: "gemma-3-27b",
        label: "Gemma 3 27B (text)",
        published_params: 25.6e9 + 1.416e9,
        published_active_params: 25.6e9 + 1.416e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config google/gemma-3-27b-it text_config (fixtures/hf-configs/gemma-3-27b.json, \
            transformers defaults for the omitted keys); params: Gemma 3 Technical Report, \
            arXiv:2503.19786, Table 1: 25,600M non-embedding + 1,416M embedding for the text model \
            (27B with the 417M vision encoder, which is not modelled)"),
        spec: gemma_3_27b,
    },
    ModelPreset {
        id: "gpt-3-175b",
        label: "GPT-3 175B",
        published_params: 175e9,
        published_active_params: 175e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("Language Models are Few-Shot Learners (Brown et al. 2020), arXiv:2005.14165, Table 2.1 \
            (96 layers, d 12288, 96 heads of 128, FFN 4·d) and §2.1; vocab 50257 (GPT-2 BPE); \
            175B. MHA with a plain (GELU) FFN; no HF config exists (weights never released)"),
        spec: gpt_3_175b,
    },
    ModelPreset {
        id: "mixtral-8x7b",
        label: "Mixtral 8x7B",
        published_params: 46.7e9,
        published_active_params: 12.9e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config mistralai/Mixtral-8x7B-v0.1 (fixtures/hf-configs/mixtral-8x7b.json); params: \
            Mistral AI \"Mixtral of experts\" announcement (46.7B total, 12.9B active); Mixtral of \
            Experts, arXiv:2401.04088 (47B / 13B)"),
        spec: mixtral_8x7b,
    },
    ModelPreset {
        id: "mixtral-8x22b",
        label: "Mixtral 8x22B",
        published_params: 141e9,
        published_active_params: 39e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config mistralai/Mixtral-8x22B-v0.1 (fixtures/hf-configs/mixtral-8x22b.json); \
            params: Mistral AI \"Cheaper, Better, Faster, Stronger\" announcement, Apr 2024 (141B \
            total, 39B active)"),
        spec: mixtral_8x22b,
    },
    ModelPreset {
        id: "qwen3-235b-a22b",
        label: "Qwen3-235B-A22B",
        published_params: 235e9,
        published_active_params: 22e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config Qwen/Qwen3-235B-A22B (fixtures/hf-configs/qwen3-235b-a22b.json); params: \
            Qwen3-235B-A22B HF model card (235B total, 22B activated); Qwen3 Technical Report, \
            arXiv:2505.09388"),
        spec: qwen3_235b_a22b,
    },
    ModelPreset {
        id: "gpt-oss-120b",
        label: "gpt-oss-120b",
        published_params: 116.8e9,
        published_active_params: 5.1e9,
        published_active_count: ActiveCount::WithoutInputEmbedding,
        source: super::source_note!("HF config openai/gpt-oss-120b (fixtures/hf-configs/gpt-oss-120b.json); params: \
            gpt-oss-120b & gpt-oss-20b Model Card, arXiv:2508.10925 (116.8B total, 5.1B active per \
            token, the active count leaving out the input embedding)"),
        spec: gpt_oss_120b,
    },
    ModelPreset {
        id: "deepseek-v2",
        label: "DeepSeek-V2",
        published_params: 236e9,
        published_active_params: 21e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config deepseek-ai/DeepSeek-V2 (fixtures/hf-configs/deepseek-v2.json); params: \
            DeepSeek-V2, arXiv:2405.04434 (236B total, 21B activated per token)"),
        spec: deepseek_v2,
    },
    ModelPreset {
        id: "deepseek-v3",
        label: "DeepSeek-V3",
        published_params: 671e9,
        published_active_params: 37e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config deepseek-ai/DeepSeek-V3 (fixtures/hf-configs/deepseek-v3.json, MTP layer \
            excluded); params: DeepSeek-V3 Technical Report, arXiv:2412.19437 (671B total, 37B \
            activated; the 685B HF checkpoint adds the 14B MTP module)"),
        spec: deepseek_v3,
    },
    ModelPreset {
        id: "jamba-v0.1",
        label: "Jamba v0.1",
        published_params: 52e9,
        published_active_params: 12e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("HF config ai21labs/Jamba-v0.1 (fixtures/hf-configs/jamba-v0.1.json); params: Jamba: A \
            Hybrid Transformer-Mamba Language Model, arXiv:2403.19887 (52B total, 12B active)"),
        spec: jamba_v0_1,
    },
    ModelPreset {
        id: "jamba-1.5-large",
        label: "Jamba 1.5 Large",
        published_params: 398e9,
        published_active_params: 94e9,
        published_active_count: ActiveCount::AllParams,
        source: super::source_note!("Jamba-1.5: Hybrid Transformer-Mamba Models at Scale, arXiv:2408.12570 (72 layers, \
            attention : Mamba 1 : 7, MoE 16 experts top-2 every other layer, d 8192, 64 / 8 heads, \
            398B total, 94B active); Mamba layer from the Mamba-1 formulas (d_state 16, d_conv 4, \
            expand 2, dt_rank d/16); no config file stored (the repo is gated)"),
        spec: jamba_1_5_large,
    },
];

/// Look a preset up by its id.
pub fn model_by_id(id: &str) -> Option<&'static ModelPreset> {
    MODELS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id the app, saved links and the docs rely on.
    const REQUIRED_IDS: &[&str] = &[
        "yi-34b",
        "llama-3.1-8b",
        "llama-3.1-70b",
        "llama-3.1-405b",
        "mistral-7b-v0.1",
        "mixtral-8x7b",
        "mixtral-8x22b",
        "deepseek-v2",
        "deepseek-v3",
        "qwen2.5-72b",
        "qwen3-235b-a22b",
        "gemma-2-27b",
        "gemma-3-27b",
        "gpt-oss-120b",
        "gpt-3-175b",
        "jamba-1.5-large",
        "jamba-v0.1",
    ];

    /// Lowercase kebab-case over `[a-z0-9.-]`: no empty part, no leading or trailing dash.
    fn is_kebab_id(id: &str) -> bool {
        !id.is_empty()
            && id.split('-').all(|part| {
                !part.is_empty() && part.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'.')
            })
    }

    fn rel_gap(computed: f64, published: f64) -> f64 {
        (computed - published).abs() / published
    }

    #[test]
    fn computed_params_within_tolerance_of_published() {
        let mut table = String::new();
        let mut failed = false;
        for p in MODELS {
            let (total, active) = p.computed_params_as_published();
            let gap_total = rel_gap(total, p.published_params);
            let gap_active = rel_gap(active, p.published_active_params);
            let bad = !(gap_total <= PARAMS_TOLERANCE && gap_active <= PARAMS_TOLERANCE);
            failed |= bad;
            table.push_str(&format!(
                "{} {:<16} total {:>8.2}B vs {:>7.2}B ({:+.2}%)   active {:>7.2}B vs {:>7.2}B ({:+.2}%)\n",
                if bad { "FAIL" } else { "ok  " },
                p.id,
                total / 1e9,
                p.published_params / 1e9,
                100.0 * (total / p.published_params - 1.0),
                active / 1e9,
                p.published_active_params / 1e9,
                100.0 * (active / p.published_active_params - 1.0),
            ));
        }
        assert!(!failed, "computed vs published parameters (tolerance {PARAMS_TOLERANCE}):\n{table}");
    }

    #[test]
    fn id_checker() {
        for good in ["yi-34b", "llama-3.1-70b", "qwen2.5-72b", "gpt-oss-120b"] {
            assert!(is_kebab_id(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "Yi-34b", "a_b", "a b", "gemma/3"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }

    #[test]
    fn ids_unique_kebab_case_and_required_present() {
        for (i, p) in MODELS.iter().enumerate() {
            assert!(is_kebab_id(p.id), "bad id {:?}", p.id);
            assert!(MODELS[i + 1..].iter().all(|q| q.id != p.id), "duplicate id {}", p.id);
        }
        for id in REQUIRED_IDS {
            assert!(model_by_id(id).is_some(), "missing preset {id}");
        }
        assert!(model_by_id("no-such-model").is_none());
    }

    #[test]
    fn every_row_is_well_formed() {
        for p in MODELS {
            let m = (p.spec)();
            let id = p.id;
            assert!(!p.label.is_empty(), "{id}: label");
            assert!(!p.source.trim().is_empty(), "{id}: source");
            assert!(p.published_params > 0.0 && p.published_active_params > 0.0, "{id}: published");
            assert!(p.published_active_params <= p.published_params, "{id}: active > total");
            assert!(m.n_layers() > 0, "{id}: no layers");
            assert!(m.layers.iter().all(|g| g.count > 0), "{id}: empty layer group");
            assert!(m.d_model > 0 && m.n_q_heads > 0 && m.n_kv_heads > 0 && m.head_dim > 0, "{id}: shape");
            assert!(m.vocab > 0 && m.d_ff > 0, "{id}: sizes");
            assert!(m.params_override.is_none(), "{id}: presets are computed, not overridden");
            let has_mla = m.layers.iter().any(|g| matches!(g.attention, Attention::Mla { .. }));
            if !has_mla {
                assert_eq!(m.n_q_heads % m.n_kv_heads, 0, "{id}: query heads not a multiple of KV heads");
            }
            // One group per distinct attention kind.
            for (i, g) in m.layers.iter().enumerate() {
                assert!(m.layers[i + 1..].iter().all(|h| h.attention != g.attention), "{id}: kinds not aggregated");
            }
            if let Some(moe) = m.moe {
                assert!(moe.top_k >= 1 && moe.top_k <= moe.n_experts, "{id}: top_k {} of {}", moe.top_k, moe.n_experts);
                assert!(moe.n_moe_layers >= 1 && moe.n_moe_layers <= m.n_layers(), "{id}: MoE layers");
                assert!(moe.d_expert > 0, "{id}: expert width");
                assert_eq!(moe.n_shared_experts == 0, moe.d_shared_expert == 0, "{id}: shared experts");
            }
            let (total, active) = m.computed_params();
            assert!(total.is_finite() && active > 0.0 && active <= total, "{id}: {total} / {active}");
        }
    }

    #[test]
    fn mamba_numbers_as_documented() {
        // Jamba 1.5 Large, worked out in `jamba_1_5_large`'s doc comment.
        match mamba1_mixer(8192, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, 8192 / MAMBA_DT_RANK_DIVISOR) {
            Attention::KvLess { state_bytes_per_seq, mixer_params, extra_flop_per_token } => {
                assert_eq!(mixer_params, 420_282_368.0);
                assert_eq!(state_bytes_per_seq, 622_592.0);
                assert_eq!(extra_flop_per_token, 9.0 * 16384.0 * 16.0 + 2.0 * 16384.0);
            }
            other => panic!("not KV-less: {other:?}"),
        }
        // Jamba v0.1, in `jamba_v0_1`'s.
        match mamba1_mixer(4096, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, 256) {
            Attention::KvLess { state_bytes_per_seq, mixer_params, .. } => {
                assert_eq!(mixer_params, 105_283_584.0);
                assert_eq!(state_bytes_per_seq, 311_296.0);
            }
            other => panic!("not KV-less: {other:?}"),
        }
    }

    #[test]
    fn hybrid_and_windowed_layouts() {
        let layers = |id: &str| model_by_id(id).map(|p| (p.spec)().layers).unwrap_or_default();
        let kvless = |id: &str| {
            layers(id).iter().filter(|g| matches!(g.attention, Attention::KvLess { .. })).map(|g| g.count).sum::<u32>()
        };
        assert_eq!(kvless("jamba-1.5-large"), 63);
        assert_eq!(kvless("jamba-v0.1"), 28);
        assert_eq!(
            layers("gemma-2-27b"),
            vec![group(23, Attention::SlidingWindow { window_tokens: 4096 }), group(23, Attention::Full)]
        );
        assert_eq!(layers("mistral-7b-v0.1"), vec![group(32, Attention::SlidingWindow { window_tokens: 4096 })]);
    }
}

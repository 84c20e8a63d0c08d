//! Moonshot's Kimi Linear: Kimi Delta Attention on three layers in four, MLA (without RoPE in
//! use) on the rest (issue 10).

use super::{gated, group, moe_shared, ActiveCount, ModelPreset};
use crate::spec::{Attention, LinearRule};

const FAMILY: &str = "Kimi";

/// Kimi Linear's KDA layer: 32 heads of 128, short convolutions of 4.
const KIMI_KDA: Attention = Attention::LinearAttention {
    rule: LinearRule::KimiDelta,
    key_heads: 32,
    value_heads: 32,
    key_head_dim: 128,
    value_head_dim: 128,
    conv_kernel: 4,
};
/// Kimi Linear's MLA layer: KV rank 512, queries projected directly, 128 + 64 / 128 heads.
const KIMI_MLA: Attention =
    Attention::Mla { kv_lora_rank: 512, q_lora_rank: 0, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 };

pub(super) const ROWS: &[ModelPreset] = &[
    // Kimi Linear 48B-A3B: 27 layers; `linear_attn_config.full_attn_layers` (1-based) 4, 8, …,
    // 24, 27 are MLA (7 layers), the other 20 KDA; d 2304, 32 heads; layer 0 dense (FFN 9216),
    // 26 MoE layers of 256 experts of 1024, top-8, one shared expert; vocab 163840, untied.
    // Per KDA layer (see [`crate::mixers::linear_attention`]): q, k, v `3 · 2304 · 4096`, convs
    // `12288 · 4`, f gate `2304 · 128 + 128 · 4096`, b `2304 · 32`, g gate `2304 · 128 + 128 ·
    // 4096`, o `4096 · 2304`: 39,510,016; state `32 · 128 · 128 + 3 · 12288 = 561,152` elements.
    ModelPreset {
        id: "kimi-linear-48b-a3b",
        label: "Kimi Linear 48B-A3B",
        family: FAMILY,
        released: "2025-10",
        published_params: 48e9,
        published_active_params: 3e9,
        published_active_count: ActiveCount::Rounded { non_embedding: true },
        source: super::super::source_note!("config values of moonshotai/Kimi-Linear-48B-A3B-Instruct \
            (https://huggingface.co/moonshotai/Kimi-Linear-48B-A3B-Instruct, no file stored; see \
            fixtures/hf-configs/SOURCES.md); params: Kimi Linear, arXiv:2510.26692 (48B total, 3B \
            activated)"),
        arch: gated(2304, 32, 32, 128 + 64, 9216, 163_840, false, &const { [group(20, KIMI_KDA), group(7, KIMI_MLA)] })
            .with_moe(moe_shared(256, 8, 1024, 1, 1024, 26)),
    },
];

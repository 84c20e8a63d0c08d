//! Qwen3-Next and Qwen3.5: Gated DeltaNet linear attention, three layers in four, and gated
//! full attention on every fourth layer (issue 10).

use super::{gated, group, moe_shared, ActiveCount, ModelPreset};
use crate::spec::{Attention, LinearRule};

const FAMILY: &str = "Qwen";

/// Qwen3-Next-80B-A3B's Gated DeltaNet layer: 16 key heads and 32 value heads of 128, conv 4.
const QWEN3_NEXT_GDN: Attention = Attention::LinearAttention {
    rule: LinearRule::GatedDeltaNet,
    key_heads: 16,
    value_heads: 32,
    key_head_dim: 128,
    value_head_dim: 128,
    conv_kernel: 4,
};
/// Qwen3.5-397B-A17B's Gated DeltaNet layer: 16 key heads and 64 value heads of 128, conv 4.
const QWEN3_5_GDN: Attention = Attention::LinearAttention {
    rule: LinearRule::GatedDeltaNet,
    key_heads: 16,
    value_heads: 64,
    key_head_dim: 128,
    value_head_dim: 128,
    conv_kernel: 4,
};

pub(super) const ROWS: &[ModelPreset] = &[
    // Qwen3-Next-80B-A3B (config `qwen3-next-80b-a3b.json`): 48 layers, `full_attention_interval`
    // 4, so layer `i` is gated full attention when `(i + 1) % 4 == 0` (12 layers, 16/2 heads of
    // 256) and Gated DeltaNet otherwise (36 layers); d 2048; every layer MoE: 512 experts of 512,
    // top-10, one shared expert of 512; vocab 151936, untied. Per Gated DeltaNet layer
    // (see [`crate::mixers::linear_attention`]): in_proj_qkvz `2048 · (2·2048 + 2·4096) =
    // 25,165,824`, in_proj_ba `2048 · 64 = 131,072`, conv `8192 · 4 = 32,768`, out_proj
    // `4096 · 2048 = 8,388,608`: 33,718,272; state `32 · 128 · 128 + 3 · 8192 = 548,864` elements,
    // 1,097,728 bytes at 16 bits (39.5 MB over 36 layers, at any context).
    ModelPreset {
        id: "qwen3-next-80b-a3b",
        label: "Qwen3-Next 80B-A3B",
        family: FAMILY,
        released: "2025-09",
        published_params: 79e9,
        published_active_params: 3e9,
        published_active_count: ActiveCount::Rounded { non_embedding: true },
        source: super::super::source_note!("HF config Qwen/Qwen3-Next-80B-A3B-Thinking \
            (fixtures/hf-configs/qwen3-next-80b-a3b.json); params: model card \
            https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct (80B total, 79B non-embedding, \
            3B activated)"),
        arch: gated(2048, 16, 2, 256, 5120, 151_936, false, &const { [group(36, QWEN3_NEXT_GDN), group(12, Attention::GatedFull)] })
            .with_moe(moe_shared(512, 10, 512, 1, 512, 48)),
    },
    // Qwen3.5-397B-A17B (config `qwen3.5-397b-a17b.json`, the text model in `text_config`): 60
    // layers, 15 gated full attention (32/2 heads of 256) and 45 Gated DeltaNet (16 key / 64
    // value heads of 128); d 4096; every layer MoE: 512 experts of 1024, top-10, one shared
    // expert of 1024; vocab 248320, untied. The config has no `intermediate_size` (no dense
    // layer): `d_ff` takes the expert width (unused). The vision encoder and the MTP layer are
    // not counted.
    ModelPreset {
        id: "qwen3.5-397b-a17b",
        label: "Qwen3.5 397B-A17B",
        family: FAMILY,
        released: "2026-02",
        published_params: 397e9,
        published_active_params: 17e9,
        published_active_count: ActiveCount::Rounded { non_embedding: false },
        source: super::super::source_note!("HF config Qwen/Qwen3.5-397B-A17B \
            (fixtures/hf-configs/qwen3.5-397b-a17b.json); params: model card \
            https://huggingface.co/Qwen/Qwen3.5-397B-A17B (397B total, 17B activated)"),
        arch: gated(4096, 32, 2, 256, 1024, 248_320, false, &const { [group(45, QWEN3_5_GDN), group(15, Attention::GatedFull)] })
            .with_moe(moe_shared(512, 10, 1024, 1, 1024, 60)),
    },
];

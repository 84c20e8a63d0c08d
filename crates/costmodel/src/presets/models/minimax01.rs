//! MiniMax-01 (MiniMax-Text-01, MiniMax-M1): lightning attention, seven layers in eight, and
//! softmax attention on every eighth (issue 10).

use super::{gated, group, moe, ActiveCount, ModelPreset};
use crate::spec::{Attention, LinearRule};

const FAMILY: &str = "MiniMax";

/// MiniMax-01's lightning attention layer: 64 heads of 128, no convolution.
const MINIMAX01_LIGHTNING: Attention = Attention::LinearAttention {
    rule: LinearRule::Lightning,
    key_heads: 64,
    value_heads: 64,
    key_head_dim: 128,
    value_head_dim: 128,
    conv_kernel: 0,
};

pub(super) const ROWS: &[ModelPreset] = &[
    // MiniMax-M1 (config `minimax-m1.json`): 80 layers, `attn_type_list` 0 (lightning) on seven
    // layers of each eight and 1 (softmax, 64/8 heads of 128) on the eighth: 70 + 10; d 6144;
    // every layer MoE of 32 experts of 9216, top-2; vocab 200064, untied. Per lightning layer:
    // qkv_proj `6144 · 3 · 8192`, output_gate `6144 · 8192`, out_proj `8192 · 6144`:
    // 251,658,240 parameters; state `64 · 128 · 128 = 1,048,576` elements, 2 MiB at 16 bits
    // (140 MiB over 70 layers, at any context). MiniMax's 456B / 45.9B leave the embedding and
    // the output head out.
    ModelPreset {
        id: "minimax-m1",
        label: "MiniMax-M1",
        family: FAMILY,
        released: "2025-06",
        published_params: 456e9,
        published_active_params: 45.9e9,
        published_active_count: ActiveCount::NonEmbedding,
        source: super::super::source_note!("HF config MiniMaxAI/MiniMax-M1-80k \
            (fixtures/hf-configs/minimax-m1.json); params: MiniMax-M1, arXiv:2506.13585 (456B total, \
            45.9B activated)"),
        arch: gated(6144, 64, 8, 128, 9216, 200_064, false, &const { [group(70, MINIMAX01_LIGHTNING), group(10, Attention::Full)] })
            .with_moe(moe(32, 2, 9216, 80)),
    },
    // MiniMax-Text-01: the same architecture as M1 (M1 is trained from it), from the paper: no
    // config file stored.
    ModelPreset {
        id: "minimax-text-01",
        label: "MiniMax-Text-01",
        family: FAMILY,
        released: "2025-01",
        published_params: 456e9,
        published_active_params: 45.9e9,
        published_active_count: ActiveCount::NonEmbedding,
        source: super::super::source_note!("MiniMax-01: Scaling Foundation Models with Lightning \
            Attention, arXiv:2501.08313 (80 layers, a softmax layer after every 7 lightning layers, \
            d 6144, 64 heads of 128, 32 experts top-2 of 9216, vocab 200064; 456B total, 45.9B \
            activated); no config file stored"),
        arch: gated(6144, 64, 8, 128, 9216, 200_064, false, &const { [group(70, MINIMAX01_LIGHTNING), group(10, Attention::Full)] })
            .with_moe(moe(32, 2, 9216, 80)),
    },
];

//! ByteDance Seed: Seed-OSS.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Seed";

pub(super) const ROWS: &[ModelPreset] = &[
    // ByteDance Seed-OSS-36B: 64 layers, d 5120, 80/8 heads of 128 (read: 80 × 128 ≠ 5120), FFN 27648,
    // vocab 155136, untied.
    ModelPreset {
        id: "seed-oss-36b",
        label: "Seed-OSS-36B",
        family: FAMILY,
        released: "2025-08",
        published_params: 36e9,
        published_active_params: 36e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config ByteDance-Seed/Seed-OSS-36B-Base (https://huggingface.co/ByteDance-Seed/Seed- \
            OSS-36B-Base/blob/main/config.json: hidden_size 5120, num_hidden_layers 64, num_attention_heads 80, \
            num_key_value_heads 8, head_dim 128, intermediate_size 27648, vocab_size 155136); params: model card \
            (36B parameters)"),
        arch: gated(5120, 80, 8, 128, 27648, 155_136, false, &const { [group(64, Attention::Full)] }),
    },
];

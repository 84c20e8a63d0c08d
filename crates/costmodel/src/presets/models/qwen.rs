//! Alibaba's Qwen.

use super::{gated, group, moe, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Qwen";

pub(super) const ROWS: &[ModelPreset] = &[
    // Qwen2.5-72B: 80 layers, d 8192, 64/8 heads of 128, FFN 29568, vocab 152064. The config's
    // `sliding_window` is off (`use_sliding_window: false`). QKV biases are not counted.
    ModelPreset {
        id: "qwen2.5-72b",
        label: "Qwen2.5-72B",
        family: FAMILY,
        released: "2024-09",
        published_params: 72.7e9,
        published_active_params: 72.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-72B (fixtures/hf-configs/qwen2.5-72b.json); params: Qwen2.5-72B \
            HF model card (72.7B, 70.0B non-embedding); Qwen2.5 Technical Report, arXiv:2412.15115"),
        arch: gated(8192, 64, 8, 128, 29568, 152_064, false, &const { [group(80, Attention::Full)] }),
    },
    // Qwen3-235B-A22B: 94 layers, d 4096, 64/4 heads of 128 (read: 64 × 128 ≠ 4096), 128
    // experts of 1536, top-8, on every layer (`decoder_sparse_step` 1, no `mlp_only_layers`),
    // no shared expert; vocab 151936. `d_ff` 12288 is the config's unused dense width.
    ModelPreset {
        id: "qwen3-235b-a22b",
        label: "Qwen3-235B-A22B",
        family: FAMILY,
        released: "2025-04",
        published_params: 235e9,
        published_active_params: 22e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-235B-A22B (fixtures/hf-configs/qwen3-235b-a22b.json); params: \
            Qwen3-235B-A22B HF model card (235B total, 22B activated); Qwen3 Technical Report, \
            arXiv:2505.09388"),
        arch: gated(4096, 64, 4, 128, 12288, 151_936, false, &const { [group(94, Attention::Full)] }).with_moe(moe(128, 8, 1536, 94)),
    },
    // Qwen2.5-7B-Instruct: 28 layers, d 3584, 28/4 heads of 128, FFN 18944, vocab 152064,
    // untied (the q/k/v biases are left out like every bias).
    ModelPreset {
        id: "qwen2.5-7b",
        label: "Qwen2.5-7B",
        family: FAMILY,
        released: "2024-09",
        published_params: 7.61e9,
        published_active_params: 7.61e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-7B-Instruct \
            (https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/config.json: hidden_size 3584, \
            num_hidden_layers 28, num_attention_heads 28, num_key_value_heads 4, intermediate_size 18944, \
            vocab_size 152064, tie_word_embeddings false); params: model card \"Number of Parameters: 7.61B\""),
        arch: gated(3584, 28, 4, 128, 18944, 152_064, false, &const { [group(28, Attention::Full)] }),
    },
    // Qwen3-8B: 36 layers, d 4096, 32/8 heads of 128, FFN 12288, vocab 151936, untied.
    ModelPreset {
        id: "qwen3-8b",
        label: "Qwen3-8B",
        family: FAMILY,
        released: "2025-04",
        published_params: 8.2e9,
        published_active_params: 8.2e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-8B \
            (https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json: hidden_size 4096, num_hidden_layers 36, \
            num_attention_heads 32, num_key_value_heads 8, head_dim 128, intermediate_size 12288, vocab_size \
            151936, tie_word_embeddings false); params: model card \"Number of Parameters: 8.2B\""),
        arch: gated(4096, 32, 8, 128, 12288, 151_936, false, &const { [group(36, Attention::Full)] }),
    },
];

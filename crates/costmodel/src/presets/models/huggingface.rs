//! Hugging Face: SmolLM.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "SmolLM";

pub(super) const ROWS: &[ModelPreset] = &[
    // SmolLM3-3B: 36 layers, d 2048, 16/4 heads of 128, FFN 11008, vocab 128256, tied; every fourth
    // layer drops RoPE (NoPE) but still attends over the whole context.
    ModelPreset {
        id: "smollm3-3b",
        label: "SmolLM3 3B",
        family: FAMILY,
        released: "2025-07",
        published_params: 3.08e9,
        published_active_params: 3.08e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config HuggingFaceTB/SmolLM3-3B \
            (https://huggingface.co/HuggingFaceTB/SmolLM3-3B/blob/main/config.json: hidden_size 2048, \
            num_hidden_layers 36, num_attention_heads 16, num_key_value_heads 4, intermediate_size 11008, \
            vocab_size 128256, tie_word_embeddings true); params: 3.08B, the model page's safetensors total (the \
            card says 3B)"),
        arch: gated(2048, 16, 4, 128, 11008, 128_256, true, &const { [group(36, Attention::Full)] }),
    },
];

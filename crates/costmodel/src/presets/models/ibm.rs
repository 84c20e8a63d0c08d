//! IBM: Granite.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Granite";

pub(super) const ROWS: &[ModelPreset] = &[
    // IBM Granite 3.1 8B: 40 layers, d 4096, 32/8 heads of 128, FFN 12800, vocab 49155, tied. Granite
    // 3.0/3.2/3.3 8B keep this shape.
    ModelPreset {
        id: "granite-3.1-8b",
        label: "Granite 3.1 8B",
        family: FAMILY,
        released: "2024-12",
        published_params: 8.17e9,
        published_active_params: 8.17e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config ibm-granite/granite-3.1-8b-base (https://huggingface.co/ibm- \
            granite/granite-3.1-8b-base/blob/main/config.json: hidden_size 4096, num_hidden_layers 40, \
            num_attention_heads 32, num_key_value_heads 8, intermediate_size 12800, vocab_size 49155, \
            tie_word_embeddings true); params: 8.17B, the model page's safetensors total"),
        arch: gated(4096, 32, 8, 128, 12800, 49155, true, &const { [group(40, Attention::Full)] }),
    },
    // IBM Granite 3.1 2B: 40 layers, d 2048, 32/8 heads of 64, FFN 8192, vocab 49155, tied.
    ModelPreset {
        id: "granite-3.1-2b",
        label: "Granite 3.1 2B",
        family: FAMILY,
        released: "2024-12",
        published_params: 2.53e9,
        published_active_params: 2.53e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config ibm-granite/granite-3.1-2b-base (https://huggingface.co/ibm- \
            granite/granite-3.1-2b-base/blob/main/config.json: hidden_size 2048, num_hidden_layers 40, \
            num_attention_heads 32, num_key_value_heads 8, intermediate_size 8192, vocab_size 49155, \
            tie_word_embeddings true); params: 2.53B, the model page's safetensors total"),
        arch: gated(2048, 32, 8, 64, 8192, 49155, true, &const { [group(40, Attention::Full)] }),
    },
];

//! Allen Institute for AI: OLMo.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "OLMo";

pub(super) const ROWS: &[ModelPreset] = &[
    // OLMo 2 32B (0325): 64 layers, d 5120, 40/8 heads of 128, FFN 27648, vocab 100352, untied (QK
    // norms not counted).
    ModelPreset {
        id: "olmo-2-32b",
        label: "OLMo 2 32B",
        family: FAMILY,
        released: "2025-03",
        published_params: 32.2e9,
        published_active_params: 32.2e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config allenai/OLMo-2-0325-32B \
            (https://huggingface.co/allenai/OLMo-2-0325-32B/blob/main/config.json: hidden_size 5120, \
            num_hidden_layers 64, num_attention_heads 40, num_key_value_heads 8, intermediate_size 27648, \
            vocab_size 100352); params: 32.2B, the model page's safetensors total"),
        arch: gated(5120, 40, 8, 128, 27648, 100_352, false, &const { [group(64, Attention::Full)] }),
    },
    // OLMo 2 13B (1124): 40 layers, d 5120, 40 heads of 128 (MHA), FFN 13824, vocab 100352, untied.
    ModelPreset {
        id: "olmo-2-13b",
        label: "OLMo 2 13B",
        family: FAMILY,
        released: "2024-11",
        published_params: 13.7e9,
        published_active_params: 13.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config allenai/OLMo-2-1124-13B \
            (https://huggingface.co/allenai/OLMo-2-1124-13B/blob/main/config.json: hidden_size 5120, \
            num_hidden_layers 40, num_attention_heads 40, num_key_value_heads 40, intermediate_size 13824, \
            vocab_size 100352); params: 13.7B, the model page's safetensors total; 2 OLMo 2 Furious, \
            arXiv:2501.00656"),
        arch: gated(5120, 40, 40, 128, 13824, 100_352, false, &const { [group(40, Attention::Full)] }),
    },
    // OLMo 2 7B (1124): 32 layers, d 4096, 32 heads of 128 (MHA), FFN 11008, vocab 100352, untied.
    ModelPreset {
        id: "olmo-2-7b",
        label: "OLMo 2 7B",
        family: FAMILY,
        released: "2024-11",
        published_params: 7.3e9,
        published_active_params: 7.3e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config allenai/OLMo-2-1124-7B \
            (https://huggingface.co/allenai/OLMo-2-1124-7B/blob/main/config.json: hidden_size 4096, \
            num_hidden_layers 32, num_attention_heads 32, num_key_value_heads 32, intermediate_size 11008, \
            vocab_size 100352); params: 7.3B, the model page's safetensors total; arXiv:2501.00656"),
        arch: gated(4096, 32, 32, 128, 11008, 100_352, false, &const { [group(32, Attention::Full)] }),
    },
];

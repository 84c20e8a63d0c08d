//! Shanghai AI Laboratory: InternLM.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "InternLM";

pub(super) const ROWS: &[ModelPreset] = &[
    // InternLM3-8B: 48 layers, d 4096, 32/2 heads of 128, FFN 10240, vocab 128512, untied.
    ModelPreset {
        id: "internlm3-8b",
        label: "InternLM3 8B",
        family: FAMILY,
        released: "2025-01",
        published_params: 8.8e9,
        published_active_params: 8.8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config internlm/internlm3-8b-instruct \
            (https://huggingface.co/internlm/internlm3-8b-instruct/blob/main/config.json: hidden_size 4096, \
            num_hidden_layers 48, num_attention_heads 32, num_key_value_heads 2, intermediate_size 10240, \
            vocab_size 128512); params: 8.8B, the model page's safetensors total"),
        arch: gated(4096, 32, 2, 128, 10240, 128_512, false, &const { [group(48, Attention::Full)] }),
    },
];

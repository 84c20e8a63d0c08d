//! Technology Innovation Institute: Falcon.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Falcon";

pub(super) const ROWS: &[ModelPreset] = &[
    // Falcon3-10B (Llama architecture, depth-upscaled from 7B): 40 layers, d 3072, 12/4 heads of 256,
    // FFN 23040, vocab 131072, untied.
    ModelPreset {
        id: "falcon3-10b",
        label: "Falcon3-10B",
        family: FAMILY,
        released: "2024-12",
        published_params: 10.3e9,
        published_active_params: 10.3e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config tiiuae/Falcon3-10B-Base \
            (https://huggingface.co/tiiuae/Falcon3-10B-Base/blob/main/config.json: hidden_size 3072, \
            num_hidden_layers 40, num_attention_heads 12, num_key_value_heads 4, head_dim 256, intermediate_size \
            23040, vocab_size 131072); params: 10.3B, the model page's safetensors total"),
        arch: gated(3072, 12, 4, 256, 23040, 131_072, false, &const { [group(40, Attention::Full)] }),
    },
    // Falcon3-7B: 28 layers, d 3072, 12/4 heads of 256, FFN 23040, vocab 131080, untied.
    ModelPreset {
        id: "falcon3-7b",
        label: "Falcon3-7B",
        family: FAMILY,
        released: "2024-12",
        published_params: 7.46e9,
        published_active_params: 7.46e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config tiiuae/Falcon3-7B-Base \
            (https://huggingface.co/tiiuae/Falcon3-7B-Base/blob/main/config.json: hidden_size 3072, \
            num_hidden_layers 28, num_attention_heads 12, num_key_value_heads 4, head_dim 256, intermediate_size \
            23040, vocab_size 131080); params: 7.46B, the model page's safetensors total"),
        arch: gated(3072, 12, 4, 256, 23040, 131_080, false, &const { [group(28, Attention::Full)] }),
    },
    // Falcon3-3B (pruned from 7B): 22 layers, d 3072, 12/4 heads of 256, FFN 9216, vocab 131072,
    // untied.
    ModelPreset {
        id: "falcon3-3b",
        label: "Falcon3-3B",
        family: FAMILY,
        released: "2024-12",
        published_params: 3.23e9,
        published_active_params: 3.23e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config tiiuae/Falcon3-3B-Base \
            (https://huggingface.co/tiiuae/Falcon3-3B-Base/blob/main/config.json: hidden_size 3072, \
            num_hidden_layers 22, num_attention_heads 12, num_key_value_heads 4, head_dim 256, intermediate_size \
            9216, vocab_size 131072); params: 3.23B, the model page's safetensors total"),
        arch: gated(3072, 12, 4, 256, 9216, 131_072, false, &const { [group(22, Attention::Full)] }),
    },
];

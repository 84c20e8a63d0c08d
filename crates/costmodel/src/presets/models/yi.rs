//! 01.AI's Yi.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Yi";

pub(super) const ROWS: &[ModelPreset] = &[
    // Yi-34B (arXiv:2403.04652, Table 1): 60 layers, d 7168, 56 query / 8 KV heads of 128,
    // SwiGLU 20480, vocab 64000, untied. The paper's running example.
    ModelPreset {
        id: "yi-34b",
        label: "Yi-34B",
        family: FAMILY,
        released: "2023-11",
        published_params: 34e9,
        published_active_params: 34e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("Architecture: Yi: Open Foundation Models by 01.AI, arXiv:2403.04652, Table 1 (60 layers, \
            d 7168, 56 query / 8 KV heads); HF config 01-ai/Yi-34B as reconstructed from those values \
            (fixtures/hf-configs/yi-34b.json; no copy of the official file was found). Params: 34B, \
            arXiv:2403.04652. The paper KV Scope follows (arXiv:2405.08944) uses this model."),
        arch: gated(7168, 56, 8, 128, 20480, 64000, false, &const { [group(60, Attention::Full)] }),
    },
    // Yi-1.5-34B: Yi-34B's architecture (60 layers, d 7168, 56/8 heads of 128, FFN 20480, vocab
    // 64000), further pre-trained.
    ModelPreset {
        id: "yi-1.5-34b",
        label: "Yi-1.5-34B",
        family: FAMILY,
        released: "2024-05",
        published_params: 34.4e9,
        published_active_params: 34.4e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config 01-ai/Yi-1.5-34B (https://huggingface.co/01-ai/Yi-1.5-34B/blob/main/config.json: \
            hidden_size 7168, num_hidden_layers 60, num_attention_heads 56, num_key_value_heads 8, \
            intermediate_size 20480, vocab_size 64000); params: 34.4B, the model page's safetensors total"),
        arch: gated(7168, 56, 8, 128, 20480, 64000, false, &const { [group(60, Attention::Full)] }),
    },
    // Yi-1.5-9B: 48 layers, d 4096, 32/4 heads of 128, FFN 11008, vocab 64000, untied.
    ModelPreset {
        id: "yi-1.5-9b",
        label: "Yi-1.5-9B",
        family: FAMILY,
        released: "2024-05",
        published_params: 8.83e9,
        published_active_params: 8.83e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config 01-ai/Yi-1.5-9B (https://huggingface.co/01-ai/Yi-1.5-9B/blob/main/config.json: hidden_size \
            4096, num_hidden_layers 48, num_attention_heads 32, num_key_value_heads 4, intermediate_size 11008, \
            vocab_size 64000); params: 8.83B, the model page's safetensors total"),
        arch: gated(4096, 32, 4, 128, 11008, 64000, false, &const { [group(48, Attention::Full)] }),
    },
    // Yi-1.5-6B: 32 layers, d 4096, 32/4 heads of 128, FFN 11008, vocab 64000, untied.
    ModelPreset {
        id: "yi-1.5-6b",
        label: "Yi-1.5-6B",
        family: FAMILY,
        released: "2024-05",
        published_params: 6.06e9,
        published_active_params: 6.06e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config 01-ai/Yi-1.5-6B (https://huggingface.co/01-ai/Yi-1.5-6B/blob/main/config.json: hidden_size \
            4096, num_hidden_layers 32, num_attention_heads 32, num_key_value_heads 4, intermediate_size 11008, \
            vocab_size 64000); params: 6.06B, the model page's safetensors total"),
        arch: gated(4096, 32, 4, 128, 11008, 64000, false, &const { [group(32, Attention::Full)] }),
    },
];

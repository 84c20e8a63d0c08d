//! Baichuan Inc.: Baichuan.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Baichuan";

pub(super) const ROWS: &[ModelPreset] = &[
    // Baichuan 2 13B: 40 layers, d 5120, 40 heads of 128 (MHA, ALiBi positions), FFN 13696, vocab
    // 125696, untied.
    ModelPreset {
        id: "baichuan2-13b",
        label: "Baichuan 2 13B",
        family: FAMILY,
        released: "2023-09",
        published_params: 13.9e9,
        published_active_params: 13.9e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config baichuan-inc/Baichuan2-13B-Base (https://huggingface.co/baichuan- \
            inc/Baichuan2-13B-Base/blob/main/config.json: hidden_size 5120, num_hidden_layers 40, \
            num_attention_heads 40, intermediate_size 13696, vocab_size 125696); params: 13.9B, the model page's \
            safetensors total; Baichuan 2, arXiv:2309.10305"),
        arch: gated(5120, 40, 40, 128, 13696, 125_696, false, &const { [group(40, Attention::Full)] }),
    },
    // Baichuan 2 7B: 32 layers, d 4096, 32 heads of 128 (MHA, RoPE), FFN 11008, vocab 125696, untied.
    ModelPreset {
        id: "baichuan2-7b",
        label: "Baichuan 2 7B",
        family: FAMILY,
        released: "2023-09",
        published_params: 7.51e9,
        published_active_params: 7.51e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config baichuan-inc/Baichuan2-7B-Base (https://huggingface.co/baichuan- \
            inc/Baichuan2-7B-Base/blob/main/config.json: hidden_size 4096, num_hidden_layers 32, \
            num_attention_heads 32, intermediate_size 11008, vocab_size 125696); params: 7.51B, the model page's \
            safetensors total; arXiv:2309.10305"),
        arch: gated(4096, 32, 32, 128, 11008, 125_696, false, &const { [group(32, Attention::Full)] }),
    },
];

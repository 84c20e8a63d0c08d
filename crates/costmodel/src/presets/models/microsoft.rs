//! Microsoft's Phi.

use super::{gated, group, moe, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Phi";

pub(super) const ROWS: &[ModelPreset] = &[
    // Phi-4 (`Phi3ForCausalLM`): 40 layers, d 5120, 40/10 heads of 128, FFN 17920, vocab 100352,
    // untied.
    ModelPreset {
        id: "phi-4",
        label: "Phi-4",
        family: FAMILY,
        released: "2024-12",
        published_params: 14.7e9,
        published_active_params: 14.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config microsoft/phi-4 \
            (https://huggingface.co/microsoft/phi-4/blob/main/config.json: hidden_size 5120, num_hidden_layers 40, \
            num_attention_heads 40, num_key_value_heads 10, intermediate_size 17920, vocab_size 100352, \
            tie_word_embeddings false); params: 14.7B, the model page's safetensors total (the Phi-4 \
            Technical Report, arXiv:2412.08905, says \"14 billion\")"),
        arch: gated(5120, 40, 10, 128, 17920, 100_352, false, &const { [group(40, Attention::Full)] }),
    },
    // Phi-3-mini-128k (`Phi3ForCausalLM`): 32 layers, d 3072, 32 heads of 96 (MHA), FFN 8192, vocab
    // 32064, untied; `sliding_window` 262144 exceeds the 131072-token context, so attention is full.
    ModelPreset {
        id: "phi-3-mini-128k",
        label: "Phi-3-mini-128k",
        family: FAMILY,
        released: "2024-04",
        published_params: 3.8e9,
        published_active_params: 3.8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config microsoft/Phi-3-mini-128k-instruct \
            (https://huggingface.co/microsoft/Phi-3-mini-128k-instruct/blob/main/config.json: hidden_size 3072, \
            num_hidden_layers 32, num_attention_heads 32, num_key_value_heads 32, intermediate_size 8192, \
            vocab_size 32064, sliding_window 262144); params: Phi-3 Technical Report, arXiv:2404.14219 (3.8B)"),
        arch: gated(3072, 32, 32, 96, 8192, 32064, false, &const { [group(32, Attention::Full)] }),
    },
    // Phi-3-medium-128k: 40 layers, d 5120, 40/10 heads of 128, FFN 17920, vocab 32064, untied.
    ModelPreset {
        id: "phi-3-medium-128k",
        label: "Phi-3-medium-128k",
        family: FAMILY,
        released: "2024-05",
        published_params: 14e9,
        published_active_params: 14e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config microsoft/Phi-3-medium-128k-instruct \
            (https://huggingface.co/microsoft/Phi-3-medium-128k-instruct/blob/main/config.json: hidden_size \
            5120, num_hidden_layers 40, num_attention_heads 40, num_key_value_heads 10, intermediate_size 17920, \
            vocab_size 32064); params: Phi-3 Technical Report, arXiv:2404.14219 (14B)"),
        arch: gated(5120, 40, 10, 128, 17920, 32064, false, &const { [group(40, Attention::Full)] }),
    },
    // Phi-3.5-MoE (`PhiMoEForCausalLM`): 32 layers, d 4096, 32/8 heads of 128, 16 experts of 6400,
    // top-2, on every layer; vocab 32064, untied.
    ModelPreset {
        id: "phi-3.5-moe",
        label: "Phi-3.5-MoE",
        family: FAMILY,
        released: "2024-08",
        published_params: 41.9e9,
        published_active_params: 6.6e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config microsoft/Phi-3.5-MoE-instruct (https://huggingface.co/microsoft/Phi-3.5-MoE- \
            instruct/blob/main/config.json: hidden_size 4096, num_hidden_layers 32, num_attention_heads 32, \
            num_key_value_heads 8, intermediate_size 6400, num_local_experts 16, num_experts_per_tok 2, \
            vocab_size 32064); params: model card (16x3.8B experts, 41.9B total, 6.6B active)"),
        arch: gated(4096, 32, 8, 128, 6400, 32064, false, &const { [group(32, Attention::Full)] })
            .with_moe(moe(16, 2, 6400, 32)),
    },
    // Phi-4-mini: 32 layers, d 3072, 24/8 heads of 128, FFN 8192, vocab 200064, tied.
    ModelPreset {
        id: "phi-4-mini",
        label: "Phi-4-mini",
        family: FAMILY,
        released: "2025-02",
        published_params: 3.8e9,
        published_active_params: 3.8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config microsoft/Phi-4-mini-instruct (https://huggingface.co/microsoft/Phi-4-mini- \
            instruct/blob/main/config.json: hidden_size 3072, num_hidden_layers 32, num_attention_heads 24, \
            num_key_value_heads 8, intermediate_size 8192, vocab_size 200064, tie_word_embeddings true); params: \
            Phi-4-Mini Technical Report, arXiv:2503.01743 (3.8B)"),
        arch: gated(3072, 24, 8, 128, 8192, 200_064, true, &const { [group(32, Attention::Full)] }),
    },
];

//! Mistral AI: Mistral, Mixtral.

use super::{gated, group, moe, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Mistral";

pub(super) const ROWS: &[ModelPreset] = &[
    // Mistral 7B v0.1: Llama-like, 32 layers, d 4096, 32/8 heads of 128, FFN 14336, vocab
    // 32000, a 4096-token sliding window on every layer.
    ModelPreset {
        id: "mistral-7b-v0.1",
        label: "Mistral 7B v0.1",
        family: FAMILY,
        released: "2023-09",
        published_params: 7.3e9,
        published_active_params: 7.3e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mistral-7B-v0.1 (fixtures/hf-configs/mistral-7b-v0.1.json); \
            architecture and 4096-token sliding window: Mistral 7B, arXiv:2310.06825, Table 1; \
            params: 7.3B, Mistral AI \"Mistral 7B\" announcement (Sep 2023)"),
        arch: gated(4096, 32, 8, 128, 14336, 32000, false, &const { [group(32, Attention::SlidingWindow { window_tokens: 4096 })] }),
    },
    // Mixtral 8x7B: Mistral 7B's attention (32 layers, d 4096, 32/8 heads of 128, no sliding
    // window: `sliding_window: null`), 8 experts of 14336, top-2, on every layer; vocab 32000.
    ModelPreset {
        id: "mixtral-8x7b",
        label: "Mixtral 8x7B",
        family: FAMILY,
        released: "2023-12",
        published_params: 46.7e9,
        published_active_params: 12.9e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mixtral-8x7B-v0.1 (fixtures/hf-configs/mixtral-8x7b.json); params: \
            Mistral AI \"Mixtral of experts\" announcement (46.7B total, 12.9B active); Mixtral of \
            Experts, arXiv:2401.04088 (47B / 13B)"),
        arch: gated(4096, 32, 8, 128, 14336, 32000, false, &const { [group(32, Attention::Full)] }).with_moe(moe(8, 2, 14336, 32)),
    },
    // Mixtral 8x22B: 56 layers, d 6144, 48/8 heads of 128, 8 experts of 16384, top-2, every
    // layer; vocab 32000.
    ModelPreset {
        id: "mixtral-8x22b",
        label: "Mixtral 8x22B",
        family: FAMILY,
        released: "2024-04",
        published_params: 141e9,
        published_active_params: 39e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mixtral-8x22B-v0.1 (fixtures/hf-configs/mixtral-8x22b.json); \
            params: Mistral AI \"Cheaper, Better, Faster, Stronger\" announcement, Apr 2024 (141B \
            total, 39B active)"),
        arch: gated(6144, 48, 8, 128, 16384, 32000, false, &const { [group(56, Attention::Full)] }).with_moe(moe(8, 2, 16384, 56)),
    },
    // Mistral Small 3.1 (and 3.2, same architecture), text model: 40 layers, d 5120, 32/8 heads of 128
    // (read), FFN 32768, vocab 131072, untied. The Pixtral vision encoder is not modelled.
    ModelPreset {
        id: "mistral-small-3.1-24b",
        label: "Mistral Small 3.1 / 3.2 24B (text)",
        family: FAMILY,
        released: "2025-03",
        published_params: 24e9,
        published_active_params: 24e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mistral-Small-3.1-24B-Base-2503 (https://huggingface.co/mistralai/Mistral- \
            Small-3.1-24B-Base-2503/blob/main/config.json: text_config: hidden_size 5120, num_hidden_layers 40, \
            num_attention_heads 32, num_key_value_heads 8, head_dim 128, intermediate_size 32768, vocab_size \
            131072); params: model card \"24B parameters\""),
        arch: gated(5120, 32, 8, 128, 32768, 131_072, false, &const { [group(40, Attention::Full)] }),
    },
    // Mistral Small 3 (2501, text only): 40 layers, d 5120, 32/8 heads of 128, FFN 32768, vocab
    // 131072, untied.
    ModelPreset {
        id: "mistral-small-24b-2501",
        label: "Mistral Small 3 24B",
        family: FAMILY,
        released: "2025-01",
        published_params: 24e9,
        published_active_params: 24e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mistral-Small-24B-Base-2501 (https://huggingface.co/mistralai/Mistral- \
            Small-24B-Base-2501/blob/main/config.json: hidden_size 5120, num_hidden_layers 40, \
            num_attention_heads 32, num_key_value_heads 8, head_dim 128, intermediate_size 32768, vocab_size \
            131072); params: model card \"24B parameters\""),
        arch: gated(5120, 32, 8, 128, 32768, 131_072, false, &const { [group(40, Attention::Full)] }),
    },
    // Mistral Large 2 (Mistral-Large-Instruct-2407): 88 layers, d 12288, 96/8 heads of 128, FFN 28672,
    // vocab 32768, untied.
    ModelPreset {
        id: "mistral-large-2",
        label: "Mistral Large 2 (123B)",
        family: FAMILY,
        released: "2024-07",
        published_params: 123e9,
        published_active_params: 123e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mistral-Large-Instruct-2407 (https://huggingface.co/mistralai/Mistral-Large- \
            Instruct-2407/blob/main/config.json: hidden_size 12288, num_hidden_layers 88, num_attention_heads \
            96, num_key_value_heads 8, intermediate_size 28672, vocab_size 32768); params: Mistral AI \"Large \
            Enough\" announcement (Jul 2024): 123 billion parameters"),
        arch: gated(12288, 96, 8, 128, 28672, 32768, false, &const { [group(88, Attention::Full)] }),
    },
    // Mistral NeMo 12B: 40 layers, d 5120, 32/8 heads of 128 (read), FFN 14336, vocab 131072 (Tekken),
    // untied.
    ModelPreset {
        id: "mistral-nemo-12b",
        label: "Mistral NeMo 12B",
        family: FAMILY,
        released: "2024-07",
        published_params: 12.2e9,
        published_active_params: 12.2e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mistral-Nemo-Base-2407 (https://huggingface.co/mistralai/Mistral-Nemo- \
            Base-2407/blob/main/config.json: hidden_size 5120, num_hidden_layers 40, num_attention_heads 32, \
            num_key_value_heads 8, head_dim 128, intermediate_size 14336, vocab_size 131072); params: 12.2B, the \
            model page's safetensors total (the card says 12B)"),
        arch: gated(5120, 32, 8, 128, 14336, 131_072, false, &const { [group(40, Attention::Full)] }),
    },
    // Ministral 8B: 36 layers, d 4096, 32/8 heads of 128, FFN 12288, vocab 131072, untied; the
    // config's `sliding_window` 32768 on every layer (the card describes an interleaved sliding-window
    // pattern that the config does not spell out, so every layer is windowed here).
    ModelPreset {
        id: "ministral-8b",
        label: "Ministral 8B",
        family: FAMILY,
        released: "2024-10",
        published_params: 8.02e9,
        published_active_params: 8.02e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Ministral-8B-Instruct-2410 \
            (https://huggingface.co/mistralai/Ministral-8B-Instruct-2410/blob/main/config.json: hidden_size \
            4096, num_hidden_layers 36, num_attention_heads 32, num_key_value_heads 8, head_dim 128, \
            intermediate_size 12288, sliding_window 32768, vocab_size 131072); params: model card \"8.02B \
            parameters\""),
        arch: gated(4096, 32, 8, 128, 12288, 131_072, false, &const { [group(36, Attention::SlidingWindow { window_tokens: 32768 })] }),
    },
    // Codestral 22B v0.1: 56 layers, d 6144, 48/8 heads of 128, FFN 16384, vocab 32768, untied.
    ModelPreset {
        id: "codestral-22b",
        label: "Codestral 22B",
        family: FAMILY,
        released: "2024-05",
        published_params: 22.2e9,
        published_active_params: 22.2e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Codestral-22B-v0.1 \
            (https://huggingface.co/mistralai/Codestral-22B-v0.1/blob/main/config.json: hidden_size 6144, \
            num_hidden_layers 56, num_attention_heads 48, num_key_value_heads 8, intermediate_size 16384, \
            vocab_size 32768); params: 22.2B, the model page's safetensors total (the card says 22B)"),
        arch: gated(6144, 48, 8, 128, 16384, 32768, false, &const { [group(56, Attention::Full)] }),
    },
    // Mistral 7B v0.3: v0.1's shape with the vocab extended to 32768 and no sliding window
    // (`sliding_window: null`).
    ModelPreset {
        id: "mistral-7b-v0.3",
        label: "Mistral 7B v0.3",
        family: FAMILY,
        released: "2024-05",
        published_params: 7.25e9,
        published_active_params: 7.25e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config mistralai/Mistral-7B-v0.3 \
            (https://huggingface.co/mistralai/Mistral-7B-v0.3/blob/main/config.json: hidden_size 4096, \
            num_hidden_layers 32, num_attention_heads 32, num_key_value_heads 8, intermediate_size 14336, \
            vocab_size 32768, sliding_window null); params: 7.25B, the model page's safetensors total"),
        arch: gated(4096, 32, 8, 128, 14336, 32768, false, &const { [group(32, Attention::Full)] }),
    },
];

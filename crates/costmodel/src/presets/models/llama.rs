//! Meta's Llama.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Llama";

pub(super) const ROWS: &[ModelPreset] = &[
    // Llama 3.1 8B: 32 layers, d 4096, 32/8 heads of 128, FFN 14336, vocab 128256.
    ModelPreset {
        id: "llama-3.1-8b",
        label: "Llama 3.1 8B",
        family: FAMILY,
        released: "2024-07",
        published_params: 8e9,
        published_active_params: 8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-3.1-8B (fixtures/hf-configs/llama-3.1-8b.json); params: \
            The Llama 3 Herd of Models, arXiv:2407.21783, Table 3"),
        arch: gated(4096, 32, 8, 128, 14336, 128_256, false, &const { [group(32, Attention::Full)] }),
    },
    // Llama 3.1 70B: 80 layers, d 8192, 64/8 heads of 128, FFN 28672, vocab 128256.
    ModelPreset {
        id: "llama-3.1-70b",
        label: "Llama 3.1 70B",
        family: FAMILY,
        released: "2024-07",
        published_params: 70e9,
        published_active_params: 70e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-3.1-70B (fixtures/hf-configs/llama-3.1-70b.json); params: \
            The Llama 3 Herd of Models, arXiv:2407.21783, Table 3"),
        arch: gated(8192, 64, 8, 128, 28672, 128_256, false, &const { [group(80, Attention::Full)] }),
    },
    // Llama 3.1 405B: 126 layers, d 16384, 128/8 heads of 128, FFN 53248, vocab 128256.
    ModelPreset {
        id: "llama-3.1-405b",
        label: "Llama 3.1 405B",
        family: FAMILY,
        released: "2024-07",
        published_params: 405e9,
        published_active_params: 405e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-3.1-405B (fixtures/hf-configs/llama-3.1-405b.json, 8 KV \
            heads as in the paper; the first upload said 16); params: The Llama 3 Herd of Models, \
            arXiv:2407.21783, Table 3"),
        arch: gated(16384, 128, 8, 128, 53248, 128_256, false, &const { [group(126, Attention::Full)] }),
    },
    // Llama 3.3 70B Instruct: Llama 3.1 70B's architecture (80 layers, d 8192, 64/8 heads of 128, FFN
    // 28672, vocab 128256).
    ModelPreset {
        id: "llama-3.3-70b",
        label: "Llama 3.3 70B",
        family: FAMILY,
        released: "2024-12",
        published_params: 70.6e9,
        published_active_params: 70.6e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-3.3-70B-Instruct (https://huggingface.co/meta- \
            llama/Llama-3.3-70B-Instruct/blob/main/config.json: hidden_size 8192, num_hidden_layers 80, \
            num_attention_heads 64, num_key_value_heads 8, intermediate_size 28672, vocab_size 128256); params: \
            70.6B, the model page's safetensors total (the card says 70B)"),
        arch: gated(8192, 64, 8, 128, 28672, 128_256, false, &const { [group(80, Attention::Full)] }),
    },
    // Llama 3.2 3B: 28 layers, d 3072, 24/8 heads of 128, FFN 8192, vocab 128256, tied.
    ModelPreset {
        id: "llama-3.2-3b",
        label: "Llama 3.2 3B",
        family: FAMILY,
        released: "2024-09",
        published_params: 3.21e9,
        published_active_params: 3.21e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-3.2-3B (https://huggingface.co/meta- \
            llama/Llama-3.2-3B/blob/main/config.json: hidden_size 3072, num_hidden_layers 28, \
            num_attention_heads 24, num_key_value_heads 8, intermediate_size 8192, vocab_size 128256, \
            tie_word_embeddings true); params: Llama 3.2 model card (3.21B)"),
        arch: gated(3072, 24, 8, 128, 8192, 128_256, true, &const { [group(28, Attention::Full)] }),
    },
    // Llama 3.2 1B: 16 layers, d 2048, 32/8 heads of 64, FFN 8192, vocab 128256, tied.
    ModelPreset {
        id: "llama-3.2-1b",
        label: "Llama 3.2 1B",
        family: FAMILY,
        released: "2024-09",
        published_params: 1.23e9,
        published_active_params: 1.23e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-3.2-1B (https://huggingface.co/meta- \
            llama/Llama-3.2-1B/blob/main/config.json: hidden_size 2048, num_hidden_layers 16, \
            num_attention_heads 32, num_key_value_heads 8, head_dim 64, intermediate_size 8192, vocab_size \
            128256, tie_word_embeddings true); params: Llama 3.2 model card (1.23B)"),
        arch: gated(2048, 32, 8, 64, 8192, 128_256, true, &const { [group(16, Attention::Full)] }),
    },
    // Meta Llama 3 8B (8K context): Llama 3.1 8B's shape.
    ModelPreset {
        id: "llama-3-8b",
        label: "Llama 3 8B",
        family: FAMILY,
        released: "2024-04",
        published_params: 8e9,
        published_active_params: 8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Meta-Llama-3-8B (https://huggingface.co/meta-llama/Meta- \
            Llama-3-8B/blob/main/config.json: hidden_size 4096, num_hidden_layers 32, num_attention_heads 32, \
            num_key_value_heads 8, intermediate_size 14336, vocab_size 128256); params: Meta Llama 3 model card \
            (8B); The Llama 3 Herd of Models, arXiv:2407.21783"),
        arch: gated(4096, 32, 8, 128, 14336, 128_256, false, &const { [group(32, Attention::Full)] }),
    },
    // Meta Llama 3 70B (8K context): Llama 3.1 70B's shape.
    ModelPreset {
        id: "llama-3-70b",
        label: "Llama 3 70B",
        family: FAMILY,
        released: "2024-04",
        published_params: 70e9,
        published_active_params: 70e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Meta-Llama-3-70B (https://huggingface.co/meta-llama/Meta- \
            Llama-3-70B/blob/main/config.json: hidden_size 8192, num_hidden_layers 80, num_attention_heads 64, \
            num_key_value_heads 8, intermediate_size 28672, vocab_size 128256); params: Meta Llama 3 model card \
            (70B)"),
        arch: gated(8192, 64, 8, 128, 28672, 128_256, false, &const { [group(80, Attention::Full)] }),
    },
    // Llama 2 70B: 80 layers, d 8192, 64/8 heads of 128 (GQA), FFN 28672, vocab 32000, untied.
    ModelPreset {
        id: "llama-2-70b",
        label: "Llama 2 70B",
        family: FAMILY,
        released: "2023-07",
        published_params: 70e9,
        published_active_params: 70e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-2-70b-hf (https://huggingface.co/meta- \
            llama/Llama-2-70b-hf/blob/main/config.json: hidden_size 8192, num_hidden_layers 80, \
            num_attention_heads 64, num_key_value_heads 8, intermediate_size 28672, vocab_size 32000); params: \
            Llama 2: Open Foundation and Fine-Tuned Chat Models, arXiv:2307.09288, Table 1 (70B)"),
        arch: gated(8192, 64, 8, 128, 28672, 32000, false, &const { [group(80, Attention::Full)] }),
    },
    // Llama 2 13B: 40 layers, d 5120, 40 heads of 128 (MHA), FFN 13824, vocab 32000, untied.
    ModelPreset {
        id: "llama-2-13b",
        label: "Llama 2 13B",
        family: FAMILY,
        released: "2023-07",
        published_params: 13e9,
        published_active_params: 13e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-2-13b-hf (https://huggingface.co/meta- \
            llama/Llama-2-13b-hf/blob/main/config.json: hidden_size 5120, num_hidden_layers 40, \
            num_attention_heads 40, num_key_value_heads 40, intermediate_size 13824, vocab_size 32000); params: \
            arXiv:2307.09288, Table 1 (13B)"),
        arch: gated(5120, 40, 40, 128, 13824, 32000, false, &const { [group(40, Attention::Full)] }),
    },
];

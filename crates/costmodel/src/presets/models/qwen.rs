//! Alibaba's Qwen.

use super::{gated, group, moe, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Qwen";

pub(super) const ROWS: &[ModelPreset] = &[
    // Qwen2.5-72B: 80 layers, d 8192, 64/8 heads of 128, FFN 29568, vocab 152064. The config's
    // `sliding_window` is off (`use_sliding_window: false`). QKV biases are not counted.
    ModelPreset {
        id: "qwen2.5-72b",
        label: "Qwen2.5-72B",
        family: FAMILY,
        released: "2024-09",
        published_params: 72.7e9,
        published_active_params: 72.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-72B (fixtures/hf-configs/qwen2.5-72b.json); params: Qwen2.5-72B \
            HF model card (72.7B, 70.0B non-embedding); Qwen2.5 Technical Report, arXiv:2412.15115"),
        arch: gated(8192, 64, 8, 128, 29568, 152_064, false, &const { [group(80, Attention::Full)] }),
    },
    // Qwen3-235B-A22B: 94 layers, d 4096, 64/4 heads of 128 (read: 64 × 128 ≠ 4096), 128
    // experts of 1536, top-8, on every layer (`decoder_sparse_step` 1, no `mlp_only_layers`),
    // no shared expert; vocab 151936. `d_ff` 12288 is the config's unused dense width.
    ModelPreset {
        id: "qwen3-235b-a22b",
        label: "Qwen3-235B-A22B",
        family: FAMILY,
        released: "2025-04",
        published_params: 235e9,
        published_active_params: 22e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-235B-A22B (fixtures/hf-configs/qwen3-235b-a22b.json); params: \
            Qwen3-235B-A22B HF model card (235B total, 22B activated); Qwen3 Technical Report, \
            arXiv:2505.09388"),
        arch: gated(4096, 64, 4, 128, 12288, 151_936, false, &const { [group(94, Attention::Full)] }).with_moe(moe(128, 8, 1536, 94)),
    },
    // Qwen2.5-7B-Instruct: 28 layers, d 3584, 28/4 heads of 128, FFN 18944, vocab 152064,
    // untied (the q/k/v biases are left out like every bias).
    ModelPreset {
        id: "qwen2.5-7b",
        label: "Qwen2.5-7B",
        family: FAMILY,
        released: "2024-09",
        published_params: 7.61e9,
        published_active_params: 7.61e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-7B-Instruct \
            (https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/config.json: hidden_size 3584, \
            num_hidden_layers 28, num_attention_heads 28, num_key_value_heads 4, intermediate_size 18944, \
            vocab_size 152064, tie_word_embeddings false); params: model card \"Number of Parameters: 7.61B\""),
        arch: gated(3584, 28, 4, 128, 18944, 152_064, false, &const { [group(28, Attention::Full)] }),
    },
    // Qwen3-8B: 36 layers, d 4096, 32/8 heads of 128, FFN 12288, vocab 151936, untied.
    ModelPreset {
        id: "qwen3-8b",
        label: "Qwen3-8B",
        family: FAMILY,
        released: "2025-04",
        published_params: 8.2e9,
        published_active_params: 8.2e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-8B \
            (https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json: hidden_size 4096, num_hidden_layers 36, \
            num_attention_heads 32, num_key_value_heads 8, head_dim 128, intermediate_size 12288, vocab_size \
            151936, tie_word_embeddings false); params: model card \"Number of Parameters: 8.2B\""),
        arch: gated(4096, 32, 8, 128, 12288, 151_936, false, &const { [group(36, Attention::Full)] }),
    },
    // Qwen3-0.6B: 28 layers, d 1024, 16/8 heads of 128 (read), FFN 3072, vocab 151936, tied.
    ModelPreset {
        id: "qwen3-0.6b",
        label: "Qwen3-0.6B",
        family: FAMILY,
        released: "2025-04",
        published_params: 0.6e9,
        published_active_params: 0.6e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-0.6B (fixtures/hf-configs/qwen3-0.6b.json; \
            https://huggingface.co/Qwen/Qwen3-0.6B/blob/main/config.json); params: model card \"Number of \
            Parameters: 0.6B\" (0.44B non-embedding); Qwen3 Technical Report, arXiv:2505.09388"),
        arch: gated(1024, 16, 8, 128, 3072, 151_936, true, &const { [group(28, Attention::Full)] }),
    },
    // Qwen3-1.7B: 28 layers, d 2048, 16/8 heads of 128, FFN 6144, vocab 151936, tied.
    ModelPreset {
        id: "qwen3-1.7b",
        label: "Qwen3-1.7B",
        family: FAMILY,
        released: "2025-04",
        published_params: 1.7e9,
        published_active_params: 1.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-1.7B (fixtures/hf-configs/qwen3-1.7b.json; \
            https://huggingface.co/Qwen/Qwen3-1.7B/blob/main/config.json); params: model card \"Number of \
            Parameters: 1.7B\" (1.4B non-embedding)"),
        arch: gated(2048, 16, 8, 128, 6144, 151_936, true, &const { [group(28, Attention::Full)] }),
    },
    // Qwen3-4B: 36 layers, d 2560, 32/8 heads of 128 (read: 32 × 128 ≠ 2560), FFN 9728, vocab 151936,
    // tied. The 2507 releases keep this architecture.
    ModelPreset {
        id: "qwen3-4b",
        label: "Qwen3-4B",
        family: FAMILY,
        released: "2025-04",
        published_params: 4.0e9,
        published_active_params: 4.0e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-4B (fixtures/hf-configs/qwen3-4b.json; \
            https://huggingface.co/Qwen/Qwen3-4B/blob/main/config.json); params: model card \"Number of \
            Parameters: 4.0B\" (3.6B non-embedding)"),
        arch: gated(2560, 32, 8, 128, 9728, 151_936, true, &const { [group(36, Attention::Full)] }),
    },
    // Qwen3-14B: 40 layers, d 5120, 40/8 heads of 128, FFN 17408, vocab 151936, untied.
    ModelPreset {
        id: "qwen3-14b",
        label: "Qwen3-14B",
        family: FAMILY,
        released: "2025-04",
        published_params: 14.8e9,
        published_active_params: 14.8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-14B (fixtures/hf-configs/qwen3-14b.json; \
            https://huggingface.co/Qwen/Qwen3-14B/blob/main/config.json); params: model card \"Number of \
            Parameters: 14.8B\" (13.2B non-embedding)"),
        arch: gated(5120, 40, 8, 128, 17408, 151_936, false, &const { [group(40, Attention::Full)] }),
    },
    // Qwen3-32B: 64 layers, d 5120, 64/8 heads of 128 (read: 64 × 128 ≠ 5120), FFN 25600, vocab
    // 151936, untied.
    ModelPreset {
        id: "qwen3-32b",
        label: "Qwen3-32B",
        family: FAMILY,
        released: "2025-04",
        published_params: 32.8e9,
        published_active_params: 32.8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-32B (fixtures/hf-configs/qwen3-32b.json; \
            https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json); params: model card \"Number of \
            Parameters: 32.8B\" (31.2B non-embedding)"),
        arch: gated(5120, 64, 8, 128, 25600, 151_936, false, &const { [group(64, Attention::Full)] }),
    },
    // Qwen3-30B-A3B: 48 layers, d 2048, 32/4 heads of 128, 128 experts of 768, top-8, on every layer,
    // no shared expert; vocab 151936, untied. `d_ff` 6144 is the config's unused dense width. The 2507
    // releases and Qwen3-Coder-30B-A3B keep this architecture.
    ModelPreset {
        id: "qwen3-30b-a3b",
        label: "Qwen3-30B-A3B",
        family: FAMILY,
        released: "2025-04",
        published_params: 30.5e9,
        published_active_params: 3.3e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-30B-A3B (fixtures/hf-configs/qwen3-30b-a3b.json; \
            https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json); params: model card \"Number of \
            Parameters: 30.5B in total and 3.3B activated\""),
        arch: gated(2048, 32, 4, 128, 6144, 151_936, false, &const { [group(48, Attention::Full)] })
            .with_moe(moe(128, 8, 768, 48)),
    },
    // Qwen3-Coder-480B-A35B-Instruct: 62 layers, d 6144, 96/8 heads of 128, 160 experts of 2560,
    // top-8, on every layer, no shared expert (`shared_expert_intermediate_size` 0); vocab 151936,
    // untied; `d_ff` 8192 unused.
    ModelPreset {
        id: "qwen3-coder-480b-a35b",
        label: "Qwen3-Coder-480B-A35B",
        family: FAMILY,
        released: "2025-07",
        published_params: 480e9,
        published_active_params: 35e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen3-Coder-480B-A35B-Instruct (fixtures/hf-configs/qwen3-coder-480b-a35b.json; \
            https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct/blob/main/config.json); params: model \
            card \"480B total parameters and 35B activated\""),
        arch: gated(6144, 96, 8, 128, 8192, 151_936, false, &const { [group(62, Attention::Full)] })
            .with_moe(moe(160, 8, 2560, 62)),
    },
    // Qwen2.5-0.5B: 24 layers, d 896, 14/2 heads of 64, FFN 4864, vocab 151936, tied (QKV biases not
    // counted).
    ModelPreset {
        id: "qwen2.5-0.5b",
        label: "Qwen2.5-0.5B",
        family: FAMILY,
        released: "2024-09",
        published_params: 0.49e9,
        published_active_params: 0.49e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-0.5B (https://huggingface.co/Qwen/Qwen2.5-0.5B/blob/main/config.json: \
            hidden_size 896, num_hidden_layers 24, num_attention_heads 14, num_key_value_heads 2, \
            intermediate_size 4864, vocab_size 151936, tie_word_embeddings true); params: model card \"Number of \
            Parameters: 0.49B\" (0.36B non-embedding)"),
        arch: gated(896, 14, 2, 64, 4864, 151_936, true, &const { [group(24, Attention::Full)] }),
    },
    // Qwen2.5-1.5B: 28 layers, d 1536, 12/2 heads of 128, FFN 8960, vocab 151936, tied.
    ModelPreset {
        id: "qwen2.5-1.5b",
        label: "Qwen2.5-1.5B",
        family: FAMILY,
        released: "2024-09",
        published_params: 1.54e9,
        published_active_params: 1.54e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-1.5B (https://huggingface.co/Qwen/Qwen2.5-1.5B/blob/main/config.json: \
            hidden_size 1536, num_hidden_layers 28, num_attention_heads 12, num_key_value_heads 2, \
            intermediate_size 8960, vocab_size 151936, tie_word_embeddings true); params: model card \"Number of \
            Parameters: 1.54B\" (1.31B non-embedding)"),
        arch: gated(1536, 12, 2, 128, 8960, 151_936, true, &const { [group(28, Attention::Full)] }),
    },
    // Qwen2.5-3B: 36 layers, d 2048, 16/2 heads of 128, FFN 11008, vocab 151936, tied.
    ModelPreset {
        id: "qwen2.5-3b",
        label: "Qwen2.5-3B",
        family: FAMILY,
        released: "2024-09",
        published_params: 3.09e9,
        published_active_params: 3.09e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-3B (https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/config.json: hidden_size \
            2048, num_hidden_layers 36, num_attention_heads 16, num_key_value_heads 2, intermediate_size 11008, \
            vocab_size 151936, tie_word_embeddings true); params: model card \"Number of Parameters: 3.09B\" \
            (2.77B non-embedding)"),
        arch: gated(2048, 16, 2, 128, 11008, 151_936, true, &const { [group(36, Attention::Full)] }),
    },
    // Qwen2.5-14B: 48 layers, d 5120, 40/8 heads of 128, FFN 13824, vocab 152064, untied.
    ModelPreset {
        id: "qwen2.5-14b",
        label: "Qwen2.5-14B",
        family: FAMILY,
        released: "2024-09",
        published_params: 14.7e9,
        published_active_params: 14.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-14B (https://huggingface.co/Qwen/Qwen2.5-14B/blob/main/config.json: \
            hidden_size 5120, num_hidden_layers 48, num_attention_heads 40, num_key_value_heads 8, \
            intermediate_size 13824, vocab_size 152064, tie_word_embeddings false); params: model card \"Number \
            of Parameters: 14.7B\" (13.1B non-embedding)"),
        arch: gated(5120, 40, 8, 128, 13824, 152_064, false, &const { [group(48, Attention::Full)] }),
    },
    // Qwen2.5-32B: 64 layers, d 5120, 40/8 heads of 128, FFN 27648, vocab 152064, untied.
    // Qwen2.5-Coder-32B keeps this architecture.
    ModelPreset {
        id: "qwen2.5-32b",
        label: "Qwen2.5-32B",
        family: FAMILY,
        released: "2024-09",
        published_params: 32.5e9,
        published_active_params: 32.5e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/Qwen2.5-32B (https://huggingface.co/Qwen/Qwen2.5-32B/blob/main/config.json: \
            hidden_size 5120, num_hidden_layers 64, num_attention_heads 40, num_key_value_heads 8, \
            intermediate_size 27648, vocab_size 152064, tie_word_embeddings false); params: model card \"Number \
            of Parameters: 32.5B\" (31.0B non-embedding)"),
        arch: gated(5120, 40, 8, 128, 27648, 152_064, false, &const { [group(64, Attention::Full)] }),
    },
    // QwQ-32B (reasoning model on Qwen2.5-32B): 64 layers, d 5120, 40/8 heads of 128, FFN 27648, vocab
    // 152064, untied.
    ModelPreset {
        id: "qwq-32b",
        label: "QwQ-32B",
        family: FAMILY,
        released: "2025-03",
        published_params: 32.5e9,
        published_active_params: 32.5e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config Qwen/QwQ-32B (https://huggingface.co/Qwen/QwQ-32B/blob/main/config.json: hidden_size 5120, \
            num_hidden_layers 64, num_attention_heads 40, num_key_value_heads 8, intermediate_size 27648, \
            vocab_size 152064, tie_word_embeddings false); params: model card \"Number of Parameters: 32.5B\" \
            (31.0B non-embedding)"),
        arch: gated(5120, 40, 8, 128, 27648, 152_064, false, &const { [group(64, Attention::Full)] }),
    },
];

//! Cohere: Command.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Cohere";

pub(super) const ROWS: &[ModelPreset] = &[
    // Command A (`Cohere2ForCausalLM`): 64 layers, three with a 4096-token sliding window for one
    // global (`sliding_window_pattern` 4): 48 + 16; d 12288, 96/8 heads of 128, FFN 36864, vocab
    // 256000, tied.
    ModelPreset {
        id: "command-a",
        label: "Command A",
        family: FAMILY,
        released: "2025-03",
        published_params: 111e9,
        published_active_params: 111e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config CohereLabs/c4ai-command-a-03-2025 (https://huggingface.co/CohereLabs/c4ai- \
            command-a-03-2025/blob/main/config.json: hidden_size 12288, num_hidden_layers 64, \
            num_attention_heads 96, num_key_value_heads 8, intermediate_size 36864, sliding_window 4096, \
            sliding_window_pattern 4, vocab_size 256000); params: model card (111 billion parameters)"),
        arch: gated(12288, 96, 8, 128, 36864, 256_000, true, &const { [group(48, Attention::SlidingWindow { window_tokens: 4096 }), group(16, Attention::Full)] }),
    },
    // Command R7B (`Cohere2ForCausalLM`): 32 layers, 3 sliding (4096 tokens) for 1 global: 24 + 8; d
    // 4096, 32/8 heads of 128, FFN 14336, vocab 256000, tied.
    ModelPreset {
        id: "command-r7b",
        label: "Command R7B",
        family: FAMILY,
        released: "2024-12",
        published_params: 8e9,
        published_active_params: 8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config CohereLabs/c4ai-command-r7b-12-2024 (https://huggingface.co/CohereLabs/c4ai- \
            command-r7b-12-2024/blob/main/config.json: hidden_size 4096, num_hidden_layers 32, \
            num_attention_heads 32, num_key_value_heads 8, intermediate_size 14336, sliding_window 4096, \
            sliding_window_pattern 4, vocab_size 256000); params: model card (8 billion parameters)"),
        arch: gated(4096, 32, 8, 128, 14336, 256_000, true, &const { [group(24, Attention::SlidingWindow { window_tokens: 4096 }), group(8, Attention::Full)] }),
    },
    // Command R+ (`CohereForCausalLM`): 64 layers, d 12288, 96/8 heads of 128, FFN 33792, vocab
    // 256000, tied.
    ModelPreset {
        id: "command-r-plus",
        label: "Command R+",
        family: FAMILY,
        released: "2024-04",
        published_params: 104e9,
        published_active_params: 104e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config CohereLabs/c4ai-command-r-plus (https://huggingface.co/CohereLabs/c4ai-command-r- \
            plus/blob/main/config.json: hidden_size 12288, num_hidden_layers 64, num_attention_heads 96, \
            num_key_value_heads 8, intermediate_size 33792, vocab_size 256000); params: model card (104 billion \
            parameters)"),
        arch: gated(12288, 96, 8, 128, 33792, 256_000, true, &const { [group(64, Attention::Full)] }),
    },
    // Command R (v01): 40 layers, d 8192, 64 heads of 128 without GQA (64 KV heads), FFN 22528, vocab
    // 256000, tied.
    ModelPreset {
        id: "command-r",
        label: "Command R",
        family: FAMILY,
        released: "2024-03",
        published_params: 35e9,
        published_active_params: 35e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config CohereLabs/c4ai-command-r-v01 (https://huggingface.co/CohereLabs/c4ai-command- \
            r-v01/blob/main/config.json: hidden_size 8192, num_hidden_layers 40, num_attention_heads 64, \
            num_key_value_heads 64, intermediate_size 22528, vocab_size 256000); params: model card (35 billion \
            parameters)"),
        arch: gated(8192, 64, 64, 128, 22528, 256_000, true, &const { [group(40, Attention::Full)] }),
    },
];

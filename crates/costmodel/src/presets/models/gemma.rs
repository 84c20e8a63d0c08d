//! Google's Gemma.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Gemma";

pub(super) const ROWS: &[ModelPreset] = &[
    // Gemma 2 27B (arXiv:2408.00118, Table 1): 46 layers alternating a 4096-token sliding
    // window (even layers, first) and full attention, 23 + 23; d 4608, 32/16 heads of 128,
    // GeGLU 36864, vocab 256000, tied embeddings.
    ModelPreset {
        id: "gemma-2-27b",
        label: "Gemma 2 27B",
        family: FAMILY,
        released: "2024-06",
        published_params: 27.2e9,
        published_active_params: 27.2e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("Gemma 2: Improving Open Language Models at a Practical Size, arXiv:2408.00118, \
            Table 1 (46 layers, d 4608, 32 / 16 heads of 128, GeGLU 36864, vocab 256000, 4096-token \
            sliding window on every other layer) and its parameter counts (≈27.2B); no config file \
            stored (the repo is gated)"),
        arch: gated(
            4608,
            32,
            16,
            128,
            36864,
            256_000,
            true,
            &const { [group(23, Attention::SlidingWindow { window_tokens: 4096 }), group(23, Attention::Full)] },
        ),
    },
    // Gemma 3 27B, text model only (`text_config` of the fixture): 62 layers, five local layers
    // (1024-token window) for one global, so layer `i` is global when `(i + 1) % 6 == 0`:
    // 52 + 10; d 5376, 32/16 heads of 128 (read, not 5376/32), GeGLU 21504, vocab 262208
    // (transformers default; the file omits it), tied embeddings (default). The
    // 417M-parameter vision encoder is not modelled.
    ModelPreset {
        id: "gemma-3-27b",
        label: "Gemma 3 27B (text)",
        family: FAMILY,
        released: "2025-03",
        published_params: 25.6e9 + 1.416e9,
        published_active_params: 25.6e9 + 1.416e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config google/gemma-3-27b-it text_config (fixtures/hf-configs/gemma-3-27b.json, \
            transformers defaults for the omitted keys); params: Gemma 3 Technical Report, \
            arXiv:2503.19786, Table 1: 25,600M non-embedding + 1,416M embedding for the text model \
            (27B with the 417M vision encoder, which is not modelled)"),
        arch: gated(
            5376,
            32,
            16,
            128,
            21504,
            262_208,
            true,
            &const { [group(52, Attention::SlidingWindow { window_tokens: 1024 }), group(10, Attention::Full)] },
        ),
    },
    // Gemma 2 2B: 26 layers alternating a 4096-token sliding window (even layers, first) and full
    // attention, 13 + 13; d 2304, 8/4 heads of 256, GeGLU 9216, vocab 256000, tied.
    ModelPreset {
        id: "gemma-2-2b",
        label: "Gemma 2 2B",
        family: FAMILY,
        released: "2024-07",
        published_params: 590_118_912.0 + 2_024_517_888.0,
        published_active_params: 590_118_912.0 + 2_024_517_888.0,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config google/gemma-2-2b (https://huggingface.co/google/gemma-2-2b/blob/main/config.json: \
            hidden_size 2304, num_hidden_layers 26, num_attention_heads 8, num_key_value_heads 4, head_dim 256, \
            intermediate_size 9216, sliding_window 4096, vocab_size 256000); params: Gemma 2, arXiv:2408.00118, \
            Table 2 (590,118,912 embedding + 2,024,517,888 non-embedding)"),
        arch: gated(2304, 8, 4, 256, 9216, 256_000, true, &const { [group(13, Attention::SlidingWindow { window_tokens: 4096 }), group(13, Attention::Full)] }),
    },
    // Gemma 2 9B: 42 layers alternating a 4096-token sliding window and full attention, 21 + 21; d
    // 3584, 16/8 heads of 256, GeGLU 14336, vocab 256000, tied.
    ModelPreset {
        id: "gemma-2-9b",
        label: "Gemma 2 9B",
        family: FAMILY,
        released: "2024-06",
        published_params: 917_962_752.0 + 8_324_201_984.0,
        published_active_params: 917_962_752.0 + 8_324_201_984.0,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config google/gemma-2-9b (https://huggingface.co/google/gemma-2-9b/blob/main/config.json: \
            hidden_size 3584, num_hidden_layers 42, num_attention_heads 16, num_key_value_heads 8, head_dim 256, \
            intermediate_size 14336, sliding_window 4096, vocab_size 256000); params: Gemma 2, arXiv:2408.00118, \
            Table 2 (917,962,752 embedding + 8,324,201,984 non-embedding)"),
        arch: gated(3584, 16, 8, 256, 14336, 256_000, true, &const { [group(21, Attention::SlidingWindow { window_tokens: 4096 }), group(21, Attention::Full)] }),
    },
    // Gemma 3 1B (text only, `Gemma3ForCausalLM`): 26 layers, five local (512-token window) for one
    // global, so layer `i` is global when `(i + 1) % 6 == 0`: 22 + 4; d 1152, 4/1 heads of 256, GeGLU
    // 6912, vocab 262144, tied.
    ModelPreset {
        id: "gemma-3-1b",
        label: "Gemma 3 1B",
        family: FAMILY,
        released: "2025-03",
        published_params: 302e6 + 698e6,
        published_active_params: 302e6 + 698e6,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config google/gemma-3-1b-pt (https://huggingface.co/google/gemma-3-1b-pt/blob/main/config.json: \
            hidden_size 1152, num_hidden_layers 26, num_attention_heads 4, num_key_value_heads 1, head_dim 256, \
            intermediate_size 6912, sliding_window 512, sliding_window_pattern 6, vocab_size 262144); params: \
            Gemma 3 Technical Report, arXiv:2503.19786, Table 1 (302M embedding + 698M non-embedding)"),
        arch: gated(1152, 4, 1, 256, 6912, 262_144, true, &const { [group(22, Attention::SlidingWindow { window_tokens: 512 }), group(4, Attention::Full)] }),
    },
    // Gemma 3 4B, text model only: 34 layers, five local (1024-token window) for one global: 29 + 5; d
    // 2560, 8/4 heads of 256, GeGLU 10240, vocab 262208 (transformers default, as for 27B), tied. The
    // 417M vision encoder is not modelled.
    ModelPreset {
        id: "gemma-3-4b",
        label: "Gemma 3 4B (text)",
        family: FAMILY,
        released: "2025-03",
        published_params: 675e6 + 3_209e6,
        published_active_params: 675e6 + 3_209e6,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config google/gemma-3-4b-pt (https://huggingface.co/google/gemma-3-4b-pt/blob/main/config.json: \
            text_config: hidden_size 2560, num_hidden_layers 34, num_attention_heads 8, num_key_value_heads 4, \
            head_dim 256, intermediate_size 10240, sliding_window 1024); params: Gemma 3 Technical Report, \
            arXiv:2503.19786, Table 1 (675M embedding + 3,209M non-embedding for the text model)"),
        arch: gated(2560, 8, 4, 256, 10240, 262_208, true, &const { [group(29, Attention::SlidingWindow { window_tokens: 1024 }), group(5, Attention::Full)] }),
    },
    // Gemma 3 12B, text model only: 48 layers, five local (1024-token window) for one global: 40 + 8;
    // d 3840, 16/8 heads of 256, GeGLU 15360, vocab 262208, tied. The vision encoder is not modelled.
    ModelPreset {
        id: "gemma-3-12b",
        label: "Gemma 3 12B (text)",
        family: FAMILY,
        released: "2025-03",
        published_params: 1_012e6 + 10_759e6,
        published_active_params: 1_012e6 + 10_759e6,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config google/gemma-3-12b-pt (https://huggingface.co/google/gemma-3-12b-pt/blob/main/config.json: \
            text_config: hidden_size 3840, num_hidden_layers 48, num_attention_heads 16, num_key_value_heads 8, \
            head_dim 256, intermediate_size 15360, sliding_window 1024); params: Gemma 3 Technical Report, \
            arXiv:2503.19786, Table 1 (1,012M embedding + 10,759M non-embedding for the text model)"),
        arch: gated(3840, 16, 8, 256, 15360, 262_208, true, &const { [group(40, Attention::SlidingWindow { window_tokens: 1024 }), group(8, Attention::Full)] }),
    },
];

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
];

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
];

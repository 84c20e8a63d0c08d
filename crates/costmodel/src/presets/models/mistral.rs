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
];

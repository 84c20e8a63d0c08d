//! Meta's Llama 4: chunked local attention (chunks of 8,192 tokens) on three layers in four,
//! global NoPE attention on every fourth, MoE with one shared expert (issue 10).

use super::{gated, group, moe_shared, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Llama";

/// Llama 4's local layers: `attention_chunk_size` 8192.
const LLAMA4_CHUNKED: Attention = Attention::ChunkedLocal { chunk_tokens: 8192 };

pub(super) const ROWS: &[ModelPreset] = &[
    // Llama 4 Scout 17B-16E (config `llama-4-scout.json`, `text_config`): 48 layers; layer `i`
    // uses RoPE and chunked attention unless `(i + 1) % 4 == 0` (transformers' default
    // `no_rope_layers`, interval 4), so 36 chunked layers and 12 global NoPE layers of full
    // attention; d 5120, 40/8 heads of 128; every layer MoE (`interleave_moe_layer_step` 1): 16
    // experts of 8192, top-1, plus a shared expert of 8192; dense FFN width
    // `intermediate_size_mlp` 16384 (unused here); vocab 202048, untied. Vision encoder not
    // counted.
    ModelPreset {
        id: "llama-4-scout",
        label: "Llama 4 Scout 17B-16E",
        family: FAMILY,
        released: "2025-04",
        published_params: 109e9,
        published_active_params: 17e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-4-Scout-17B-16E-Instruct \
            (fixtures/hf-configs/llama-4-scout.json); params: model card \
            https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct (109B total, 17B active)"),
        arch: gated(5120, 40, 8, 128, 16384, 202_048, false, &const { [group(36, LLAMA4_CHUNKED), group(12, Attention::Full)] })
            .with_moe(moe_shared(16, 1, 8192, 1, 8192, 48)),
    },
    // Llama 4 Maverick 17B-128E (config `llama-4-maverick.json`): as Scout, but MoE on every
    // other layer (`interleave_moe_layer_step` 2: layers 1, 3, …, 47): 24 MoE layers of 128
    // experts of 8192, top-1, plus a shared expert; the other 24 layers dense FFNs of 16384.
    ModelPreset {
        id: "llama-4-maverick",
        label: "Llama 4 Maverick 17B-128E",
        family: FAMILY,
        released: "2025-04",
        published_params: 400e9,
        published_active_params: 17e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config meta-llama/Llama-4-Maverick-17B-128E-Instruct \
            (fixtures/hf-configs/llama-4-maverick.json); params: model card \
            https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct (400B total, 17B active)"),
        arch: gated(5120, 40, 8, 128, 16384, 202_048, false, &const { [group(36, LLAMA4_CHUNKED), group(12, Attention::Full)] })
            .with_moe(moe_shared(128, 1, 8192, 1, 8192, 24)),
    },
];

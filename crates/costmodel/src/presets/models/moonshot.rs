//! Moonshot AI: Kimi.

use super::{gated, group, moe_shared, ActiveCount, ModelPreset};

const FAMILY: &str = "Kimi";

pub(super) const ROWS: &[ModelPreset] = &[
    // Kimi K2 (DeepSeek-V3 architecture, `DeepseekV3ForCausalLM`): 61 MLA layers with V3's ranks but
    // 64 heads; the first layer dense (FFN 18432), then 60 MoE layers of 384 experts of 2048, top-8,
    // one shared expert; vocab 163840; no MTP layer.
    ModelPreset {
        id: "kimi-k2-instruct",
        label: "Kimi K2 Instruct",
        family: FAMILY,
        released: "2025-07",
        published_params: 1.04e12,
        published_active_params: 32.6e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config moonshotai/Kimi-K2-Instruct (fixtures/hf-configs/kimi-k2-instruct.json; \
            https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/config.json); params: Kimi K2: Open \
            Agentic Intelligence, arXiv:2507.20534, architecture table beside DeepSeek-V3 (1.04T total, 32.6B \
            activated; 61 layers, 384 experts, 8 active, 1 shared, 64 attention heads, 1 dense layer)"),
        arch: gated(7168, 64, 64, super::deepseek::DEEPSEEK_QK_HEAD_DIM, 18432, 163_840, false, &const { [group(61, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(384, 8, 2048, 1, 2048, 60)),
    },
    // Kimi K2 Instruct 0905: the K2 update with a 256K context (`max_position_embeddings` 262144);
    // same architecture as Kimi K2 Instruct.
    ModelPreset {
        id: "kimi-k2-instruct-0905",
        label: "Kimi K2 Instruct 0905",
        family: FAMILY,
        released: "2025-09",
        published_params: 1.04e12,
        published_active_params: 32.6e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config moonshotai/Kimi-K2-Instruct-0905 \
            (https://huggingface.co/moonshotai/Kimi-K2-Instruct-0905/blob/main/config.json: same architecture \
            keys as Kimi-K2-Instruct); params: Kimi K2: Open Agentic Intelligence, arXiv:2507.20534, \
            architecture table beside DeepSeek-V3 (1.04T total, 32.6B activated; 61 layers, 384 experts, 8 \
            active, 1 shared, 64 attention heads, 1 dense layer)"),
        arch: gated(7168, 64, 64, super::deepseek::DEEPSEEK_QK_HEAD_DIM, 18432, 163_840, false, &const { [group(61, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(384, 8, 2048, 1, 2048, 60)),
    },
    // Kimi K2 Thinking: the reasoning K2 (weights shipped as INT4 experts; the architecture is Kimi
    // K2's).
    ModelPreset {
        id: "kimi-k2-thinking",
        label: "Kimi K2 Thinking",
        family: FAMILY,
        released: "2025-11",
        published_params: 1.04e12,
        published_active_params: 32.6e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config moonshotai/Kimi-K2-Thinking \
            (https://huggingface.co/moonshotai/Kimi-K2-Thinking/blob/main/config.json: same architecture keys as \
            Kimi-K2-Instruct); params: Kimi K2: Open Agentic Intelligence, arXiv:2507.20534, architecture table \
            beside DeepSeek-V3 (1.04T total, 32.6B activated; 61 layers, 384 experts, 8 active, 1 shared, 64 \
            attention heads, 1 dense layer)"),
        arch: gated(7168, 64, 64, super::deepseek::DEEPSEEK_QK_HEAD_DIM, 18432, 163_840, false, &const { [group(61, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(384, 8, 2048, 1, 2048, 60)),
    },
];

//! DeepSeek.

use super::{gated, group, moe_shared, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "DeepSeek";

/// DeepSeek's multi-head latent attention with a 1536 query rank, 512 KV rank, 128 + 64
/// query/key head and 128 value head (V2 and V3 share it).
pub(crate) const DEEPSEEK_MLA: Attention = Attention::Mla {
    kv_lora_rank: 512,
    q_lora_rank: 1536,
    qk_rope_head_dim: 64,
    qk_nope_head_dim: 128,
    v_head_dim: 128,
};
/// Query/key head size of [`DEEPSEEK_MLA`] (`qk_nope_head_dim + qk_rope_head_dim`).
pub(crate) const DEEPSEEK_QK_HEAD_DIM: u32 = 128 + 64;

pub(super) const ROWS: &[ModelPreset] = &[
    // DeepSeek-V2 (arXiv:2405.04434): 60 MLA layers, d 5120, 128 heads; the first layer dense
    // (FFN 12288), then 59 MoE layers of 160 routed experts of 1536, top-6, plus 2 shared
    // experts of 1536; vocab 102400.
    ModelPreset {
        id: "deepseek-v2",
        label: "DeepSeek-V2",
        family: FAMILY,
        released: "2024-05",
        published_params: 236e9,
        published_active_params: 21e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-V2 (fixtures/hf-configs/deepseek-v2.json); params: \
            DeepSeek-V2, arXiv:2405.04434 (236B total, 21B activated per token)"),
        arch: gated(5120, 128, 128, DEEPSEEK_QK_HEAD_DIM, 12288, 102_400, false, &const { [group(60, DEEPSEEK_MLA)] })
            .with_moe(moe_shared(160, 6, 1536, 2, 1536, 59)),
    },
    // DeepSeek-V3 (arXiv:2412.19437): 61 MLA layers, d 7168, 128 heads; the first 3 layers
    // dense (FFN 18432), then 58 MoE layers of 256 routed experts of 2048, top-8, plus 1 shared
    // expert of 2048; vocab 129280. The multi-token-prediction module
    // (`num_nextn_predict_layers`: 1, 14B of the 685B checkpoint) is excluded, as in the
    // published 671B.
    ModelPreset {
        id: "deepseek-v3",
        label: "DeepSeek-V3",
        family: FAMILY,
        released: "2024-12",
        published_params: 671e9,
        published_active_params: 37e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-V3 (fixtures/hf-configs/deepseek-v3.json, MTP layer \
            excluded); params: DeepSeek-V3 Technical Report, arXiv:2412.19437 (671B total, 37B \
            activated; the 685B HF checkpoint adds the 14B MTP module)"),
        arch: gated(7168, 128, 128, DEEPSEEK_QK_HEAD_DIM, 18432, 129_280, false, &const { [group(61, DEEPSEEK_MLA)] })
            .with_moe(moe_shared(256, 8, 2048, 1, 2048, 58)),
    },
];

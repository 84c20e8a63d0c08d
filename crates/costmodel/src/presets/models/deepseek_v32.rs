//! DeepSeek-V3.2-Exp: DeepSeek-V3 with DeepSeek Sparse Attention (issue 10).

use super::{gated, group, moe_shared, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "DeepSeek";

/// DeepSeek-V3's MLA with the lightning indexer: 64 indexer heads of 128, top-2048 tokens.
const DEEPSEEK_DSA: Attention = Attention::Dsa {
    kv_lora_rank: 512,
    q_lora_rank: 1536,
    qk_rope_head_dim: 64,
    qk_nope_head_dim: 128,
    v_head_dim: 128,
    index_heads: 64,
    index_head_dim: 128,
    index_topk: 2048,
};

pub(super) const ROWS: &[ModelPreset] = &[
    // DeepSeek-V3.2-Exp: DeepSeek-V3's shape (61 layers, d 7168, 128 heads, 3 dense + 58 MoE
    // layers of 256 experts of 2048, top-8, one shared; vocab 129280) with DSA on every layer:
    // `index_n_heads` 64, `index_head_dim` 128, `index_topk` 2048. Per layer the indexer adds
    // `1536 · 64 · 128 + 7168 · 128 + 7168 · 64 = 13,959,168` parameters (0.85B over 61
    // layers) and 132 bytes of FP8 keys per token beside the 1,152-byte BF16 latent.
    ModelPreset {
        id: "deepseek-v3.2-exp",
        label: "DeepSeek-V3.2-Exp",
        family: FAMILY,
        released: "2025-09",
        published_params: 671e9,
        published_active_params: 37e9,
        published_active_count: ActiveCount::WithoutDsaIndexer,
        source: super::super::source_note!("config values of deepseek-ai/DeepSeek-V3.2-Exp \
            (https://huggingface.co/deepseek-ai/DeepSeek-V3.2-Exp: DeepSeek-V3's config with \
            model_type deepseek_v32 and index_n_heads 64, index_head_dim 128, index_topk 2048; no \
            file stored); DeepSeek-V3.2-Exp report (DSA, lightning indexer in FP8, top-2048); params: \
            DeepSeek-V3's 671B / 37B, arXiv:2412.19437"),
        arch: gated(7168, 128, 128, 128 + 64, 18432, 129_280, false, &const { [group(61, DEEPSEEK_DSA)] })
            .with_moe(moe_shared(256, 8, 2048, 1, 2048, 58)),
    },
];

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
    // DeepSeek-R1: DeepSeek-V3's architecture (61 MLA layers, 3 dense then 58 MoE layers of 256
    // experts of 2048, top-8, one shared expert; vocab 129280); the MTP layer is excluded as for V3.
    ModelPreset {
        id: "deepseek-r1",
        label: "DeepSeek-R1",
        family: FAMILY,
        released: "2025-01",
        published_params: 671e9,
        published_active_params: 37e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1 (fixtures/hf-configs/deepseek-r1.json; \
            https://huggingface.co/deepseek-ai/DeepSeek-R1/blob/main/config.json); params: DeepSeek-R1 HF model \
            card (671B total, 37B activated); arXiv:2501.12948"),
        arch: gated(7168, 128, 128, DEEPSEEK_QK_HEAD_DIM, 18432, 129_280, false, &const { [group(61, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(256, 8, 2048, 1, 2048, 58)),
    },
    // DeepSeek-R1-0528: the R1 update; same architecture as DeepSeek-V3 / R1.
    ModelPreset {
        id: "deepseek-r1-0528",
        label: "DeepSeek-R1-0528",
        family: FAMILY,
        released: "2025-05",
        published_params: 671e9,
        published_active_params: 37e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1-0528 (https://huggingface.co/deepseek- \
            ai/DeepSeek-R1-0528/blob/main/config.json: same architecture keys as DeepSeek-R1); params: model \
            card (685B checkpoint with the MTP module; 671B total / 37B activated as for V3)"),
        arch: gated(7168, 128, 128, DEEPSEEK_QK_HEAD_DIM, 18432, 129_280, false, &const { [group(61, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(256, 8, 2048, 1, 2048, 58)),
    },
    // DeepSeek-V3-0324: the V3 update; same architecture as DeepSeek-V3.
    ModelPreset {
        id: "deepseek-v3-0324",
        label: "DeepSeek-V3-0324",
        family: FAMILY,
        released: "2025-03",
        published_params: 671e9,
        published_active_params: 37e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-V3-0324 (https://huggingface.co/deepseek- \
            ai/DeepSeek-V3-0324/blob/main/config.json: same architecture keys as DeepSeek-V3); params: model \
            card (same 671B total / 37B activated as DeepSeek-V3, arXiv:2412.19437)"),
        arch: gated(7168, 128, 128, DEEPSEEK_QK_HEAD_DIM, 18432, 129_280, false, &const { [group(61, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(256, 8, 2048, 1, 2048, 58)),
    },
    // DeepSeek-V3.1 (hybrid thinking): DeepSeek-V3's architecture; the MTP layer is excluded.
    ModelPreset {
        id: "deepseek-v3.1",
        label: "DeepSeek-V3.1",
        family: FAMILY,
        released: "2025-08",
        published_params: 671e9,
        published_active_params: 37e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-V3.1 (fixtures/hf-configs/deepseek-v3.1.json; \
            https://huggingface.co/deepseek-ai/DeepSeek-V3.1/blob/main/config.json); params: model card (671B \
            total, 37B activated; the 685B checkpoint adds the MTP module)"),
        arch: gated(7168, 128, 128, DEEPSEEK_QK_HEAD_DIM, 18432, 129_280, false, &const { [group(61, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(256, 8, 2048, 1, 2048, 58)),
    },
    // DeepSeek-V2.5 (V2-Chat and Coder-V2 merged): DeepSeek-V2's architecture (60 MLA layers, first
    // dense, 59 MoE of 160 experts of 1536, top-6, 2 shared; vocab 102400).
    ModelPreset {
        id: "deepseek-v2.5",
        label: "DeepSeek-V2.5",
        family: FAMILY,
        released: "2024-09",
        published_params: 236e9,
        published_active_params: 21e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-V2.5 (https://huggingface.co/deepseek- \
            ai/DeepSeek-V2.5/blob/main/config.json: same architecture keys as DeepSeek-V2); params: DeepSeek-V2, \
            arXiv:2405.04434 (236B total, 21B activated)"),
        arch: gated(5120, 128, 128, DEEPSEEK_QK_HEAD_DIM, 12288, 102_400, false, &const { [group(60, super::deepseek::DEEPSEEK_MLA)] })
            .with_moe(moe_shared(160, 6, 1536, 2, 1536, 59)),
    },
    // DeepSeek-R1-Distill-Qwen-1.5B (Qwen2.5-Math-1.5B): 28 layers, d 1536, 12/2 heads of 128, FFN
    // 8960, vocab 151936, untied.
    ModelPreset {
        id: "deepseek-r1-distill-qwen-1.5b",
        label: "DeepSeek-R1-Distill-Qwen-1.5B",
        family: FAMILY,
        released: "2025-01",
        published_params: 1.78e9,
        published_active_params: 1.78e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B (https://huggingface.co/deepseek- \
            ai/DeepSeek-R1-Distill-Qwen-1.5B/blob/main/config.json: hidden_size 1536, num_hidden_layers 28, \
            num_attention_heads 12, num_key_value_heads 2, intermediate_size 8960, vocab_size 151936, \
            tie_word_embeddings false); params: 1.78B, the model page's safetensors total (the card names it \
            1.5B)"),
        arch: gated(1536, 12, 2, 128, 8960, 151_936, false, &const { [group(28, Attention::Full)] }),
    },
    // DeepSeek-R1-Distill-Qwen-7B (Qwen2.5-Math-7B): 28 layers, d 3584, 28/4 heads of 128, FFN 18944,
    // vocab 152064, untied.
    ModelPreset {
        id: "deepseek-r1-distill-qwen-7b",
        label: "DeepSeek-R1-Distill-Qwen-7B",
        family: FAMILY,
        released: "2025-01",
        published_params: 7.62e9,
        published_active_params: 7.62e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1-Distill-Qwen-7B (https://huggingface.co/deepseek- \
            ai/DeepSeek-R1-Distill-Qwen-7B/blob/main/config.json: hidden_size 3584, num_hidden_layers 28, \
            num_attention_heads 28, num_key_value_heads 4, intermediate_size 18944, vocab_size 152064); params: \
            7.62B, the model page's safetensors total"),
        arch: gated(3584, 28, 4, 128, 18944, 152_064, false, &const { [group(28, Attention::Full)] }),
    },
    // DeepSeek-R1-Distill-Qwen-14B (Qwen2.5-14B): 48 layers, d 5120, 40/8 heads of 128, FFN 13824,
    // vocab 152064, untied.
    ModelPreset {
        id: "deepseek-r1-distill-qwen-14b",
        label: "DeepSeek-R1-Distill-Qwen-14B",
        family: FAMILY,
        released: "2025-01",
        published_params: 14.8e9,
        published_active_params: 14.8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1-Distill-Qwen-14B (https://huggingface.co/deepseek- \
            ai/DeepSeek-R1-Distill-Qwen-14B/blob/main/config.json: hidden_size 5120, num_hidden_layers 48, \
            num_attention_heads 40, num_key_value_heads 8, intermediate_size 13824, vocab_size 152064); params: \
            14.8B, the model page's safetensors total"),
        arch: gated(5120, 40, 8, 128, 13824, 152_064, false, &const { [group(48, Attention::Full)] }),
    },
    // DeepSeek-R1-Distill-Qwen-32B (Qwen2.5-32B): 64 layers, d 5120, 40/8 heads of 128, FFN 27648,
    // vocab 152064, untied.
    ModelPreset {
        id: "deepseek-r1-distill-qwen-32b",
        label: "DeepSeek-R1-Distill-Qwen-32B",
        family: FAMILY,
        released: "2025-01",
        published_params: 32.8e9,
        published_active_params: 32.8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1-Distill-Qwen-32B (https://huggingface.co/deepseek- \
            ai/DeepSeek-R1-Distill-Qwen-32B/blob/main/config.json: hidden_size 5120, num_hidden_layers 64, \
            num_attention_heads 40, num_key_value_heads 8, intermediate_size 27648, vocab_size 152064); params: \
            32.8B, the model page's safetensors total"),
        arch: gated(5120, 40, 8, 128, 27648, 152_064, false, &const { [group(64, Attention::Full)] }),
    },
    // DeepSeek-R1-Distill-Llama-8B (Llama 3.1 8B): 32 layers, d 4096, 32/8 heads of 128, FFN 14336,
    // vocab 128256, untied.
    ModelPreset {
        id: "deepseek-r1-distill-llama-8b",
        label: "DeepSeek-R1-Distill-Llama-8B",
        family: FAMILY,
        released: "2025-01",
        published_params: 8.03e9,
        published_active_params: 8.03e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1-Distill-Llama-8B (https://huggingface.co/deepseek- \
            ai/DeepSeek-R1-Distill-Llama-8B/blob/main/config.json: hidden_size 4096, num_hidden_layers 32, \
            num_attention_heads 32, num_key_value_heads 8, intermediate_size 14336, vocab_size 128256); params: \
            8.03B, the model page's safetensors total (Llama 3.1 8B, arXiv:2407.21783)"),
        arch: gated(4096, 32, 8, 128, 14336, 128_256, false, &const { [group(32, Attention::Full)] }),
    },
    // DeepSeek-R1-Distill-Llama-70B (Llama 3.3 70B): 80 layers, d 8192, 64/8 heads of 128, FFN 28672,
    // vocab 128256, untied.
    ModelPreset {
        id: "deepseek-r1-distill-llama-70b",
        label: "DeepSeek-R1-Distill-Llama-70B",
        family: FAMILY,
        released: "2025-01",
        published_params: 70.6e9,
        published_active_params: 70.6e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config deepseek-ai/DeepSeek-R1-Distill-Llama-70B (https://huggingface.co/deepseek- \
            ai/DeepSeek-R1-Distill-Llama-70B/blob/main/config.json: hidden_size 8192, num_hidden_layers 80, \
            num_attention_heads 64, num_key_value_heads 8, intermediate_size 28672, vocab_size 128256); params: \
            70.6B, the model page's safetensors total"),
        arch: gated(8192, 64, 8, 128, 28672, 128_256, false, &const { [group(80, Attention::Full)] }),
    },
];

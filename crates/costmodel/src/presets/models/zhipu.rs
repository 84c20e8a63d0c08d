//! Zhipu AI / Z.ai: GLM.

use super::{gated, group, moe_shared, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "GLM";

pub(super) const ROWS: &[ModelPreset] = &[
    // GLM-4.5 (`Glm4MoeForCausalLM`): 92 layers, d 5120, 96/8 heads of 128 (read: 96 × 128 ≠ 5120);
    // the first 3 dense (FFN 12288), then 89 MoE layers of 160 experts of 1536, top-8, one shared
    // expert; vocab 151552, untied. The MTP layer (`num_nextn_predict_layers` 1) is excluded. The
    // published 32B active leaves out both embedding tables (32.1B computed; 33.6B with them).
    ModelPreset {
        id: "glm-4.5",
        label: "GLM-4.5",
        family: FAMILY,
        released: "2025-07",
        published_params: 355e9,
        published_active_params: 32e9,
        published_active_count: ActiveCount::WithoutEmbeddings,
        source: super::super::source_note!("HF config zai-org/GLM-4.5 (https://huggingface.co/zai-org/GLM-4.5/blob/main/config.json: hidden_size \
            5120, num_hidden_layers 92, num_attention_heads 96, num_key_value_heads 8, head_dim 128, \
            intermediate_size 12288, moe_intermediate_size 1536, n_routed_experts 160, num_experts_per_tok 8, \
            n_shared_experts 1, first_k_dense_replace 3, vocab_size 151552); params: model card (355B total, 32B \
            active); GLM-4.5: Agentic, Reasoning, and Coding (ARC) Foundation Models, arXiv:2508.06471"),
        arch: gated(5120, 96, 8, 128, 12288, 151_552, false, &const { [group(92, Attention::Full)] })
            .with_moe(moe_shared(160, 8, 1536, 1, 1536, 89)),
    },
    // GLM-4.5-Air: 46 layers, d 4096, 96/8 heads of 128; the first layer dense (FFN 10944), then 45
    // MoE layers of 128 experts of 1408, top-8, one shared expert; vocab 151552, untied; MTP layer
    // excluded. The published 12B active leaves out both embedding tables (12.2B computed; 13.4B with
    // them).
    ModelPreset {
        id: "glm-4.5-air",
        label: "GLM-4.5-Air",
        family: FAMILY,
        released: "2025-07",
        published_params: 106e9,
        published_active_params: 12e9,
        published_active_count: ActiveCount::WithoutEmbeddings,
        source: super::super::source_note!("HF config zai-org/GLM-4.5-Air (https://huggingface.co/zai-org/GLM-4.5-Air/blob/main/config.json: \
            hidden_size 4096, num_hidden_layers 46, num_attention_heads 96, num_key_value_heads 8, head_dim 128, \
            intermediate_size 10944, moe_intermediate_size 1408, n_routed_experts 128, num_experts_per_tok 8, \
            n_shared_experts 1, first_k_dense_replace 1, vocab_size 151552); params: model card (106B total, 12B \
            active); GLM-4.5: Agentic, Reasoning, and Coding (ARC) Foundation Models, arXiv:2508.06471"),
        arch: gated(4096, 96, 8, 128, 10944, 151_552, false, &const { [group(46, Attention::Full)] })
            .with_moe(moe_shared(128, 8, 1408, 1, 1408, 45)),
    },
    // GLM-4.6: GLM-4.5's architecture with a 200K context; same counts as GLM-4.5.
    ModelPreset {
        id: "glm-4.6",
        label: "GLM-4.6",
        family: FAMILY,
        released: "2025-09",
        published_params: 355e9,
        published_active_params: 32e9,
        published_active_count: ActiveCount::WithoutEmbeddings,
        source: super::super::source_note!("HF config zai-org/GLM-4.6 (https://huggingface.co/zai-org/GLM-4.6/blob/main/config.json: same \
            architecture keys as GLM-4.5); params: model card (355B total, 32B active, as GLM-4.5); GLM-4.5: \
            Agentic, Reasoning, and Coding (ARC) Foundation Models, arXiv:2508.06471"),
        arch: gated(5120, 96, 8, 128, 12288, 151_552, false, &const { [group(92, Attention::Full)] })
            .with_moe(moe_shared(160, 8, 1536, 1, 1536, 89)),
    },
    // GLM-4-9B (`ChatGLMModel`): 40 layers, d 4096, 32 query heads, 2 KV groups
    // (`multi_query_group_num`) of 128 (`kv_channels`), FFN 13696, vocab 151552 (`padded_vocab_size`),
    // separate output layer. QKV biases are not counted.
    ModelPreset {
        id: "glm-4-9b",
        label: "GLM-4-9B",
        family: FAMILY,
        released: "2024-06",
        published_params: 9.4e9,
        published_active_params: 9.4e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config THUDM/glm-4-9b (https://huggingface.co/THUDM/glm-4-9b/blob/main/config.json: hidden_size \
            4096, num_layers 40, num_attention_heads 32, multi_query_group_num 2, kv_channels 128, \
            ffn_hidden_size 13696, padded_vocab_size 151552); params: 9.4B, the model page's safetensors total \
            (the card names it 9B)"),
        arch: gated(4096, 32, 2, 128, 13696, 151_552, false, &const { [group(40, Attention::Full)] }),
    },
];

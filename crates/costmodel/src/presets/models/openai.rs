//! OpenAI: GPT-3 and gpt-oss.

use super::{gated, group, moe, ActiveCount, Arch, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "OpenAI";

pub(super) const ROWS: &[ModelPreset] = &[
    // gpt-oss-120b: 36 layers alternating a 128-token sliding window (even layers, first) and
    // full attention (`layer_types`: 18 + 18); d 2880, 64/8 heads of 64 (read: 64 × 64 ≠ 2880);
    // 128 experts of 2880, top-4, on every layer; vocab 201088, untied. Attention biases and
    // sinks are not counted.
    ModelPreset {
        id: "gpt-oss-120b",
        label: "gpt-oss-120b",
        family: FAMILY,
        released: "2025-08",
        published_params: 116.8e9,
        published_active_params: 5.1e9,
        published_active_count: ActiveCount::WithoutInputEmbedding,
        source: super::super::source_note!("HF config openai/gpt-oss-120b (fixtures/hf-configs/gpt-oss-120b.json); params: \
            gpt-oss-120b & gpt-oss-20b Model Card, arXiv:2508.10925 (116.8B total, 5.1B active per \
            token, the active count leaving out the input embedding)"),
        arch: gated(
            2880,
            64,
            8,
            64,
            2880,
            201_088,
            false,
            &const { [group(18, Attention::SlidingWindow { window_tokens: 128 }), group(18, Attention::Full)] },
        )
        .with_moe(moe(128, 4, 2880, 36)),
    },
    // GPT-3 175B (Brown et al. 2020, arXiv:2005.14165, Table 2.1): 96 layers, d 12288, 96 heads
    // of 128 (MHA: 96 KV heads), FFN 4·d = 49152 with GELU (not gated), BPE vocab 50257, tied
    // input/output embeddings. The learned position embedding (2048 × 12288) and biases are not
    // counted (0.02%).
    ModelPreset {
        id: "gpt-3-175b",
        label: "GPT-3 175B",
        family: FAMILY,
        released: "2020-05",
        published_params: 175e9,
        published_active_params: 175e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("Language Models are Few-Shot Learners (Brown et al. 2020), arXiv:2005.14165, Table 2.1 \
            (96 layers, d 12288, 96 heads of 128, FFN 4·d) and §2.1; vocab 50257 (GPT-2 BPE); \
            175B. MHA with a plain (GELU) FFN; no HF config exists (weights never released)"),
        arch: Arch { ffn_gated: false, ..gated(12288, 96, 96, 128, 49152, 50257, true, &const { [group(96, Attention::Full)] }) },
    },
    // gpt-oss-20b: 24 layers alternating a 128-token sliding window (even layers, first) and full
    // attention (`layer_types`: 12 + 12); d 2880, 64/8 heads of 64; 32 experts of 2880, top-4, on
    // every layer; vocab 201088, untied. Attention biases and sinks are not counted.
    ModelPreset {
        id: "gpt-oss-20b",
        label: "gpt-oss-20b",
        family: FAMILY,
        released: "2025-08",
        published_params: 20.9e9,
        published_active_params: 3.6e9,
        published_active_count: ActiveCount::WithoutInputEmbedding,
        source: super::super::source_note!("HF config openai/gpt-oss-20b (fixtures/hf-configs/gpt-oss-20b.json; \
            https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json); params: gpt-oss-120b & gpt-oss-20b \
            Model Card, arXiv:2508.10925 (20.9B total, 3.6B active per token, the active count leaving out the \
            input embedding)"),
        arch: gated(2880, 64, 8, 64, 2880, 201_088, false, &const { [group(12, Attention::SlidingWindow { window_tokens: 128 }), group(12, Attention::Full)] })
            .with_moe(moe(32, 4, 2880, 24)),
    },
];

//! Microsoft's Phi.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Phi";

pub(super) const ROWS: &[ModelPreset] = &[
    // Phi-4 (`Phi3ForCausalLM`): 40 layers, d 5120, 40/10 heads of 128, FFN 17920, vocab 100352,
    // untied.
    ModelPreset {
        id: "phi-4",
        label: "Phi-4",
        family: FAMILY,
        released: "2024-12",
        published_params: 14.7e9,
        published_active_params: 14.7e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config microsoft/phi-4 \
            (https://huggingface.co/microsoft/phi-4/blob/main/config.json: hidden_size 5120, num_hidden_layers 40, \
            num_attention_heads 40, num_key_value_heads 10, intermediate_size 17920, vocab_size 100352, \
            tie_word_embeddings false); params: 14.7B, the model page's safetensors total (the Phi-4 \
            Technical Report, arXiv:2412.08905, says \"14 billion\")"),
        arch: gated(5120, 40, 10, 128, 17920, 100_352, false, &const { [group(40, Attention::Full)] }),
    },
];

//! 01.AI's Yi.

use super::{gated, group, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Yi";

pub(super) const ROWS: &[ModelPreset] = &[
    // Yi-34B (arXiv:2403.04652, Table 1): 60 layers, d 7168, 56 query / 8 KV heads of 128,
    // SwiGLU 20480, vocab 64000, untied. The paper's running example.
    ModelPreset {
        id: "yi-34b",
        label: "Yi-34B",
        family: FAMILY,
        released: "2023-11",
        published_params: 34e9,
        published_active_params: 34e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("Architecture: Yi: Open Foundation Models by 01.AI, arXiv:2403.04652, Table 1 (60 layers, \
            d 7168, 56 query / 8 KV heads); HF config 01-ai/Yi-34B as reconstructed from those values \
            (fixtures/hf-configs/yi-34b.json; no copy of the official file was found). Params: 34B, \
            arXiv:2403.04652. The paper KV Scope follows (arXiv:2405.08944) uses this model."),
        arch: gated(7168, 56, 8, 128, 20480, 64000, false, &const { [group(60, Attention::Full)] }),
    },
];

//! NVIDIA's Nemotron-H family: Mamba-2 layers, a few attention layers and squared-ReLU MLP
//! layers, each its own layer (`hybrid_override_pattern`: `M`, `*`, `-`) (issue 10).
//!
//! The cost model pairs each MLP with a mixer: the spec holds the `M` and `*` layers, of which
//! `mixer_only_layers` (#mixers − #MLPs) have no FFN.

use super::{gated, group, ActiveCount, Arch, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Nemotron";

/// Nemotron-H-8B's Mamba-2 layer: 128 heads of 64 (d_inner 8192), state 128, 8 groups, conv 4.
const NEMOTRON_H_8B_MAMBA: Attention = Attention::Mamba2 { heads: 128, head_dim: 64, d_state: 128, groups: 8, conv_kernel: 4 };
/// Nemotron Nano 2 9B's Mamba-2 layer: 128 heads of 80 (d_inner 10240), state 128, 8 groups.
const NANO2_MAMBA: Attention = Attention::Mamba2 { heads: 128, head_dim: 80, d_state: 128, groups: 8, conv_kernel: 4 };

pub(super) const ROWS: &[ModelPreset] = &[
    // Nemotron-H-8B-Base-8K: 52 layers, pattern `M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-`:
    // 24 Mamba-2, 4 attention (32/8 heads of 128), 24 MLP (21504, squared ReLU, not gated); d
    // 4096; vocab 131072, untied. Per Mamba-2 layer (see [`crate::mixers::mamba2`]): in_proj
    // `4096 · (2·8192 + 2·1024 + 128) = 76,021,760`, conv `10240 · 4 = 40,960`, out_proj
    // `8192 · 4096 = 33,554,432`: 109,617,152; state `8192 · 128 + 3 · 10240 = 1,079,296`
    // elements (2.16 MB at 16 bits).
    ModelPreset {
        id: "nemotron-h-8b",
        label: "Nemotron-H 8B",
        family: FAMILY,
        released: "2025-04",
        published_params: 8e9,
        published_active_params: 8e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("config values of nvidia/Nemotron-H-8B-Base-8K \
            (https://huggingface.co/nvidia/Nemotron-H-8B-Base-8K, no file stored; see \
            fixtures/hf-configs/SOURCES.md); Nemotron-H, arXiv:2504.03624 (8B)"),
        arch: Arch {
            ffn_gated: false,
            mixer_only_layers: 4,
            ..gated(4096, 32, 8, 128, 21504, 131_072, false, &const { [group(24, NEMOTRON_H_8B_MAMBA), group(4, Attention::Full)] })
        },
    },
    // NVIDIA-Nemotron-Nano-9B-v2: 56 layers, pattern
    // `M-M-M-MM-M-M-M*-M-M-M*-M-M-M-M*-M-M-M-M*-M-MM-M-M-M-M-M-`: 27 Mamba-2, 4 attention
    // (40/8 heads of 128), 25 MLP (15680, squared ReLU); d 4480; vocab 131072, untied.
    ModelPreset {
        id: "nemotron-nano-9b-v2",
        label: "Nemotron Nano 9B v2",
        family: FAMILY,
        released: "2025-08",
        published_params: 9e9,
        published_active_params: 9e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("config values of nvidia/NVIDIA-Nemotron-Nano-9B-v2 \
            (https://huggingface.co/nvidia/NVIDIA-Nemotron-Nano-9B-v2, no file stored; see \
            fixtures/hf-configs/SOURCES.md); NVIDIA Nemotron Nano 2, arXiv:2508.14444 (9B)"),
        arch: Arch {
            ffn_gated: false,
            mixer_only_layers: 6,
            ..gated(4480, 40, 8, 128, 15680, 131_072, false, &const { [group(27, NANO2_MAMBA), group(4, Attention::Full)] })
        },
    },
];

//! AI21's Jamba: Mamba-1 and attention hybrids, and the Mamba-1 mixer as a KV-less layer.

use super::{gated, group, moe, ActiveCount, ModelPreset};
use crate::spec::Attention;

const FAMILY: &str = "Jamba";

/// Elements of d_inner per `d_model` in a Mamba-1 block (`mamba_expand`; 2 in Mamba and Jamba).
pub const MAMBA_EXPAND: u32 = 2;
/// Mamba-1 SSM state size per channel (`mamba_d_state`; 16 in Mamba and Jamba).
pub const MAMBA_D_STATE: u32 = 16;
/// Mamba-1 causal-convolution width (`mamba_d_conv`; 4 in Mamba and Jamba).
pub const MAMBA_D_CONV: u32 = 4;
/// Mamba-1's default `dt_rank` is `ceil(d_model / 16)` ("auto" in the configs).
pub const MAMBA_DT_RANK_DIVISOR: u32 = 16;
/// FLOP per token per state element (`d_inner · d_state`) of the selective scan: discretise
/// (`exp(Δ·A)`, `Δ·B·x`), update `h = Ā·h + B̄·x`, read out `C·h`. The figure 9 is the count the
/// Mamba authors give (state-spaces/mamba issue #110, `flops_selective_scan_fn`).
pub const MAMBA_SCAN_FLOP_PER_STATE_ELEMENT: f64 = 9.0;
/// FLOP per token per channel (`d_inner`) outside the scan and the matmuls: the `D·x` skip and
/// the `z` gate (one each, as in the same reference count).
pub const MAMBA_ELEMENTWISE_FLOP_PER_CHANNEL: f64 = 2.0;
/// Bytes per element of the reference (16-bit) precision a KV-less layer's state is stated in
/// ([`crate::kv::STATE_REFERENCE_BITS`]); the cost model scales it by the KV bits like the cache.
pub const STATE_REFERENCE_BYTES: f64 = crate::kv::STATE_REFERENCE_BITS / crate::units::BITS_PER_BYTE;

/// A Mamba-1 token mixer as a KV-less layer.
///
/// With `d_inner = expand · d_model`:
/// - parameters: `in_proj d·2·d_inner` (x and z), `conv1d d_inner·d_conv`,
///   `x_proj d_inner·(dt_rank + 2·d_state)` (Δ, B, C), `dt_proj dt_rank·d_inner`,
///   `A d_inner·d_state` and `out_proj d_inner·d`, summed. Biases (conv, dt_proj) and the `D`
///   vector are left out like every other bias and norm (under 0.01% of the layer);
/// - state per sequence: the SSM state `d_inner·d_state` plus the convolution's last
///   `d_conv − 1` inputs per channel, `d_inner·(d_conv − 1)`, each element at
///   [`STATE_REFERENCE_BYTES`];
/// - scan FLOP per token beyond `2 × params`: [`MAMBA_SCAN_FLOP_PER_STATE_ELEMENT`]` ·
///   d_inner·d_state + `[`MAMBA_ELEMENTWISE_FLOP_PER_CHANNEL`]` · d_inner`. (`2 × params` also
///   charges 2 FLOP per element of `A`, about 0.25% of the layer's matmul FLOP: accepted.)
pub const fn mamba1_mixer(d_model: u32, expand: u32, d_state: u32, d_conv: u32, dt_rank: u32) -> Attention {
    let d = d_model as f64;
    let d_inner = expand as f64 * d;
    let n = d_state as f64;
    let k = d_conv as f64;
    let r = dt_rank as f64;
    let in_proj = d * 2.0 * d_inner;
    let conv = d_inner * k;
    let x_proj = d_inner * (r + 2.0 * n);
    let dt_proj = r * d_inner;
    let a = d_inner * n;
    let out_proj = d_inner * d;
    let state_elements = d_inner * n + d_inner * (k - 1.0);
    Attention::KvLess {
        state_bytes_per_seq: state_elements * STATE_REFERENCE_BYTES,
        mixer_params: in_proj + conv + x_proj + dt_proj + a + out_proj,
        extra_flop_per_token: MAMBA_SCAN_FLOP_PER_STATE_ELEMENT * d_inner * n
            + MAMBA_ELEMENTWISE_FLOP_PER_CHANNEL * d_inner,
    }
}

/// Jamba v0.1's Mamba-1 layer (d 4096, `mamba_dt_rank` 256).
const JAMBA_V0_1_MAMBA: Attention = mamba1_mixer(4096, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, 256);
/// Jamba 1.5 Large's Mamba-1 layer (d 8192, dt_rank 8192 / 16).
const JAMBA_1_5_LARGE_MAMBA: Attention =
    mamba1_mixer(8192, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, 8192 / MAMBA_DT_RANK_DIVISOR);

pub(super) const ROWS: &[ModelPreset] = &[
    // Jamba v0.1 (arXiv:2403.19887; config `jamba-v0.1.json`): 32 layers; layer `i` is
    // attention when `i % 8 == 4` (`attn_layer_period` 8, `attn_layer_offset` 4): 4
    // full-attention layers, 28 Mamba-1 layers (d_inner 8192, d_state 16, d_conv 4,
    // `mamba_dt_rank` 256, see [`mamba1_mixer`]: 105,283,584 mixer parameters and 311,296 state
    // bytes per layer); d 4096, 32/8 heads of 128 (derived 4096/32; the file has no
    // `head_dim`); every FFN 14336 wide, MoE of 16 experts, top-2, on the odd layers
    // (`expert_layer_period` 2, offset 1): 16; vocab 65536.
    ModelPreset {
        id: "jamba-v0.1",
        label: "Jamba v0.1",
        family: FAMILY,
        released: "2024-03",
        published_params: 52e9,
        published_active_params: 12e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("HF config ai21labs/Jamba-v0.1 (fixtures/hf-configs/jamba-v0.1.json); params: Jamba: A \
            Hybrid Transformer-Mamba Language Model, arXiv:2403.19887 (52B total, 12B active)"),
        arch: gated(4096, 32, 8, 128, 14336, 65536, false, &const { [group(28, JAMBA_V0_1_MAMBA), group(4, Attention::Full)] })
            .with_moe(moe(16, 2, 14336, 16)),
    },
    // Jamba 1.5 Large (arXiv:2408.12570): 72 layers in 9 blocks of 8, attention : Mamba 1 : 7,
    // so 9 full-attention layers and 63 Mamba-1 layers (placed as in Jamba v0.1, attention at
    // `i % 8 == 4`, so the Mamba group comes first); d 8192, 64/8 heads of 128; MoE of 16
    // experts, top-2, every other layer (36 of 72), every FFN 24576 wide; vocab 65536, untied.
    //
    // The Mamba layer, from the Mamba-1 formulas with d 8192 (see [`mamba1_mixer`]):
    // `d_inner = 2 · 8192 = 16384`, `d_state = 16`, `d_conv = 4`, `dt_rank = 8192 / 16 = 512`:
    // - in_proj `8192 · 2 · 16384 = 268,435,456`; conv `16384 · 4 = 65,536`;
    //   x_proj `16384 · (512 + 2·16) = 8,912,896`; dt_proj `512 · 16384 = 8,388,608`;
    //   A `16384 · 16 = 262,144`; out_proj `16384 · 8192 = 134,217,728`:
    //   420,282,368 mixer parameters per layer, 26.48e9 over 63 layers;
    // - state per sequence `16384 · 16 + 16384 · 3 = 311,296` elements, 622,592 bytes at 2
    //   bytes per element (39.2 MB over 63 layers, at any context length).
    ModelPreset {
        id: "jamba-1.5-large",
        label: "Jamba 1.5 Large",
        family: FAMILY,
        released: "2024-08",
        published_params: 398e9,
        published_active_params: 94e9,
        published_active_count: ActiveCount::AllParams,
        source: super::super::source_note!("Jamba-1.5: Hybrid Transformer-Mamba Models at Scale, arXiv:2408.12570 (72 layers, \
            attention : Mamba 1 : 7, MoE 16 experts top-2 every other layer, d 8192, 64 / 8 heads, \
            398B total, 94B active); Mamba layer from the Mamba-1 formulas (d_state 16, d_conv 4, \
            expand 2, dt_rank d/16); no config file stored (the repo is gated)"),
        arch: gated(8192, 64, 8, 128, 24576, 65536, false, &const { [group(63, JAMBA_1_5_LARGE_MAMBA), group(9, Attention::Full)] })
            .with_moe(moe(16, 2, 24576, 36)),
    },
];

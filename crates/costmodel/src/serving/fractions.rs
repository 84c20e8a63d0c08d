//! Achievable fractions of the datasheet per accelerator family, and the fixed cost of one engine
//! step, as data with the source of each number. Used only by the continuous schedule in
//! realistic mode (the cycle keeps the realistic mode's single fractions, so old links keep
//! their numbers); every value is overridden by the efficiency keys (`eff_gemm`, `eff_attn`,
//! `eff_bw`) and `step_overhead_s`.

/// Fractions of one accelerator family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fractions {
    /// Which presets this row covers (hardware id prefixes).
    pub family: &'static str,
    /// Dense BF16 GEMM fraction; `None` = the hardware preset's measured MAMF fraction.
    pub gemm_bf16: Option<f64>,
    /// FP8 GEMM fraction (of the FP8 peak).
    pub gemm_fp8: f64,
    /// Attention kernels, 16-bit (of the BF16 peak).
    pub attention_bf16: f64,
    /// Attention kernels, FP8 (of the FP8 peak).
    pub attention_fp8: f64,
    /// HBM bandwidth decode kernels reach.
    pub hbm_bw: f64,
    /// Fixed cost of one engine step (scheduling, input preparation, sampling, launch) that the
    /// GPU waits for (seconds).
    pub step_overhead_s: f64,
    /// Where the numbers come from.
    pub source: &'static str,
}

/// Fixed cost of one engine step: Hugging Face's asynchronous continuous batching study measured
/// the GPU idle 24% of the run waiting for the CPU to assemble the next batch (Llama 3.1 8B,
/// batch 32, 8K tokens, one H200); a step there reads about 16 GB of weights at ~4.1 TB/s, about
/// 4 ms of GPU work, so the CPU's share is `0.24 / 0.76 × 4 ms ≈ 1.3 ms` per step.
pub const STEP_OVERHEAD_S: f64 = 1.3e-3;

/// Hopper (H100, H200, GH200).
pub const HOPPER: Fractions = Fractions {
    family: "h100 h200 gh200",
    gemm_bf16: None,
    // DeepGEMM (deepseek-ai/DeepGEMM README, 2025): "1350+ FP8 TFLOPS" on Hopper = 0.68 of 1,979.
    gemm_fp8: 0.68,
    // FlashAttention-3 (Shah et al., arXiv:2407.08608, 2024, abstract and §4.1): up to 740 TFLOP/s
    // BF16 = 0.75 of 989, and close to 1.2 PFLOP/s in FP8 = 0.61 of 1,979.
    attention_bf16: 0.75,
    attention_fp8: 0.61,
    // The realistic mode's figure: an H200 device-to-device copy reaches 89%; decode kernels a
    // little less.
    hbm_bw: super::super::scenario::realistic::HBM_BW_FRACTION,
    step_overhead_s: STEP_OVERHEAD_S,
    source: "GEMM BF16: the preset's MAMF (stas00/ml-engineering); FP8 GEMM 0.68: DeepGEMM README \"1350+ FP8 TFLOPS\" on Hopper; \
             attention 0.75 BF16 / 0.61 FP8: FlashAttention-3 (arXiv:2407.08608) 740 TFLOP/s and ~1.2 PFLOP/s on H100; \
             HBM 0.85: realistic mode's figure; step 1.3 ms: Hugging Face async continuous batching (GPU idle 24% at batch 32, 8B, H200)",
};

/// Every other accelerator: the realistic mode's single fractions (FlashAttention-2's 60% for
/// attention, the preset's MAMF for GEMM at every precision), and the same step cost.
pub const OTHER: Fractions = Fractions {
    family: "",
    gemm_bf16: None,
    gemm_fp8: f64::NAN,
    attention_bf16: super::super::scenario::realistic::ATTENTION_FRACTION,
    attention_fp8: super::super::scenario::realistic::ATTENTION_FRACTION,
    hbm_bw: super::super::scenario::realistic::HBM_BW_FRACTION,
    step_overhead_s: STEP_OVERHEAD_S,
    source: "the realistic mode's fractions (GEMM: the preset's MAMF; attention 0.6: FlashAttention-2, arXiv:2307.08691 §4.1; \
             HBM 0.85); step 1.3 ms: Hugging Face async continuous batching",
};

/// The row for a hardware preset id.
pub fn for_hw(hw_id: &str) -> &'static Fractions {
    if HOPPER.family.split(' ').any(|f| hw_id.starts_with(f)) {
        &HOPPER
    } else {
        &OTHER
    }
}

/// The GEMM fraction at a GEMM precision (`fp8` = the FP8 tensor path is used), given the
/// preset's measured BF16 fraction.
pub fn gemm(f: &Fractions, fp8: bool, preset_bf16: f64) -> f64 {
    let bf16 = f.gemm_bf16.unwrap_or(preset_bf16);
    if fp8 && f.gemm_fp8.is_finite() {
        f.gemm_fp8
    } else {
        bf16
    }
}

/// The attention fraction at the activation precision.
pub fn attention(f: &Fractions, fp8: bool) -> f64 {
    if fp8 {
        f.attention_fp8
    } else {
        f.attention_bf16
    }
}

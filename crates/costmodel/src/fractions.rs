//! Achievable fractions of the datasheet per accelerator family, the attention kernels'
//! efficiency by sequence length, and the fixed cost of one engine step: realistic mode's one
//! table, as data with the source of each number (docs/methodology.md §7, docs/serving.md §6).
//! Used by both schedules in realistic mode (the paper's cycle and continuous batching); every
//! value is overridden by the efficiency keys (`eff_gemm`, `eff_attn`, `eff_bw`) and
//! `step_overhead_s`. Peak mode uses none of it (100% of every figure, no step cost).

/// Attention kernel throughput by sequence length, as measured (forward pass, causal, head
/// dimension 128): `(sequence length, TFLOP/s)`, and the peak it was measured against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AttnCurve {
    /// `(tokens, TFLOP/s)`, increasing in tokens; flat beyond the last point.
    pub points: &'static [(f64, f64)],
}

/// FlashAttention-3 on an H100 SXM5, BF16, forward, causal, head dimension 128 (Shah et al.,
/// "FlashAttention-3", arXiv:2407.08608, 2024, Figure 5, causal, head dim 128, batch × length = 16K tokens,
/// 2,048 hidden): 292, 423, 521, 579, 602, 616 TFLOP/s at 512 … 16K tokens.
pub const FA3_H100_BF16_CAUSAL_HD128: AttnCurve = AttnCurve {
    points: &[(512.0, 292.0), (1024.0, 423.0), (2048.0, 521.0), (4096.0, 579.0), (8192.0, 602.0), (16384.0, 616.0)],
};

/// FlashAttention-2 on the same H100 and shapes (the same figure): 191 … 335 TFLOP/s. Not the
/// default on Hopper (vLLM, SGLang and TensorRT-LLM run FlashAttention-3 or their own Hopper
/// kernels there); kept as data so the table shows what the kernel generation is worth
/// (`eff_attn` = 0.34 models it).
pub const FA2_H100_BF16_CAUSAL_HD128: AttnCurve = AttnCurve {
    points: &[(512.0, 191.0), (1024.0, 260.0), (2048.0, 298.0), (4096.0, 319.0), (8192.0, 333.0), (16384.0, 335.0)],
};

impl AttnCurve {
    /// Throughput at `tokens`, relative to the longest measured length (in (0, 1]): linear in
    /// `log2(tokens)` between points, the first point's value below, 1 beyond the last.
    ///
    /// ```
    /// use costmodel::fractions::FA3_H100_BF16_CAUSAL_HD128 as C;
    /// assert!((C.relative(4096.0) - 579.0 / 616.0).abs() < 1e-12);
    /// assert_eq!(C.relative(1e6), 1.0);
    /// // Halfway (in log2) between 4K and 8K: (579 + 602) / 2.
    /// assert!((C.relative(4096.0 * 2f64.sqrt()) - 590.5 / 616.0).abs() < 1e-9);
    /// ```
    pub fn relative(&self, tokens: f64) -> f64 {
        let pts = self.points;
        let Some(&(_, top)) = pts.last() else { return 1.0 };
        if tokens.is_nan() || tokens <= pts[0].0 {
            return pts[0].1 / top;
        }
        for w in pts.windows(2) {
            let ((n0, t0), (n1, t1)) = (w[0], w[1]);
            if tokens <= n1 {
                let f = (tokens.log2() - n0.log2()) / (n1.log2() - n0.log2());
                return (t0 + f * (t1 - t0)) / top;
            }
        }
        1.0
    }
}

/// All-reduce bus bandwidth by message size, as measured: `(bytes, bus bandwidth in bytes/s)`
/// and the link it was measured on. Bus bandwidth is NCCL's size-normalised figure,
/// `algbw · 2 (n − 1) / n`, which its authors define so that it does not depend on the number of
/// GPUs (nccl-tests, `doc/PERFORMANCE.md`); one ring all-reduce of `bytes` over `n` GPUs then takes
/// `2 (n − 1) / n · bytes / busbw(bytes)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BusBwCurve {
    /// The per-direction link bandwidth of the measured system (bytes/s): the curve holds for
    /// presets with this link ([`BusBwCurve::holds_for`]).
    pub link_bytes_per_s: f64,
    /// `(payload bytes, bus bandwidth bytes/s)`, increasing in bytes.
    pub points: &'static [(f64, f64)],
}

const KIB: f64 = 1024.0;
const MIB: f64 = 1024.0 * 1024.0;
const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// `torch.distributed.all_reduce` on one node of 8×H200 SXM, NVLink 4 through NVSwitch (450 GB/s
/// per direction), NCCL 2.27.7, 32 KiB to 16 GiB (stas00/ml-engineering,
/// `network/benchmarks/results/all-reduce-8xH200.md`, measured 2026-08-04): 1.44 GB/s of bus
/// bandwidth at 32 KiB (latency-bound: 40 µs), 39.9 at 1 MiB, 155.5 at 8 MiB, 401.9 at 128 MiB,
/// 482.3 at 16 GiB (NVLS reduces inside the switch). H100 SXM has the same NVLink 4 and switch.
pub const NCCL_ALLREDUCE_8X_H200: BusBwCurve = BusBwCurve {
    link_bytes_per_s: 450e9,
    points: &[
        (32.0 * KIB, 1.44e9),
        (64.0 * KIB, 2.93e9),
        (128.0 * KIB, 5.73e9),
        (256.0 * KIB, 11.74e9),
        (512.0 * KIB, 23.94e9),
        (MIB, 39.93e9),
        (2.0 * MIB, 64.53e9),
        (4.0 * MIB, 107.16e9),
        (8.0 * MIB, 155.53e9),
        (16.0 * MIB, 219.89e9),
        (32.0 * MIB, 275.84e9),
        (64.0 * MIB, 346.51e9),
        (128.0 * MIB, 401.93e9),
        (256.0 * MIB, 436.15e9),
        (512.0 * MIB, 450.29e9),
        (GIB, 463.58e9),
        (2.0 * GIB, 469.17e9),
        (4.0 * GIB, 473.10e9),
        (8.0 * GIB, 477.45e9),
        (16.0 * GIB, 482.26e9),
    ],
};

impl BusBwCurve {
    /// Whether the measurement holds for a group on a link of `link_bytes_per_s` (one direction):
    /// the same link within 1% (NVLink 4 at 450 GB/s: H100 SXM, H200, GH200); another link
    /// (H100 PCIe's 300 GB/s bridge, a `link_gbps` override) keeps the latency + bandwidth form.
    pub fn holds_for(&self, link_bytes_per_s: f64) -> bool {
        (link_bytes_per_s / self.link_bytes_per_s - 1.0).abs() < 0.01
    }

    /// Seconds of one all-reduce of `bytes` over `tp` GPUs.
    ///
    /// # Formula
    /// `2 (TP − 1) / TP · bytes / busbw(bytes)`, with `busbw` linear in
    /// `log2(bytes)` between points; below the first point the first point's time (latency-bound),
    /// beyond the last the last bandwidth; 0 for `TP = 1`.
    ///
    /// ```
    /// use costmodel::fractions::NCCL_ALLREDUCE_8X_H200 as C;
    /// // 8 MiB over 8 GPUs: 1.75 · 8 MiB / 155.53 GB/s = 94.4 µs (the measured algbw, 88.87 GB/s).
    /// let t = C.time_s(8.0 * 1024.0 * 1024.0, 8);
    /// assert!((t - 8.0 * 1024.0 * 1024.0 / 88.87e9).abs() < 0.1e-6);
    /// // Small messages cost the 32 KiB time: 1.75 · 32 KiB / 1.44 GB/s = 39.8 µs.
    /// assert!((C.time_s(1000.0, 8) - 1.75 * 32768.0 / 1.44e9).abs() < 1e-12);
    /// assert_eq!(C.time_s(1e6, 1), 0.0);
    /// ```
    pub fn time_s(&self, bytes: f64, tp: u32) -> f64 {
        if tp <= 1 || self.points.is_empty() {
            return 0.0;
        }
        let ring = 2.0 * f64::from(tp - 1) / f64::from(tp);
        let pts = self.points;
        let (b0, bw0) = pts[0];
        if bytes.is_nan() || bytes <= b0 {
            return ring * b0 / bw0;
        }
        let mut busbw = pts[pts.len() - 1].1;
        for w in pts.windows(2) {
            let ((n0, v0), (n1, v1)) = (w[0], w[1]);
            if bytes <= n1 {
                let f = (bytes.log2() - n0.log2()) / (n1.log2() - n0.log2());
                busbw = v0 + f * (v1 - v0);
                break;
            }
        }
        ring * bytes / busbw
    }
}

/// DeepGEMM's published FP8 GEMM throughput on an H800 SXM5 (H100's SMs and clocks) at
/// `M = 4096` tokens, the dense-model shapes (`K ≥ 2048`): `(N, K, TFLOP/s)` (deepseek-ai/DeepGEMM
/// README, "Normal GEMMs for dense models", 2025-02). The two rows with `K` of 512 and 1,536
/// (590 and 990 TFLOP/s) are DeepSeek-V3's low-rank attention projections, a shape dense
/// transformers do not have, and are left out.
pub const DEEPGEMM_DENSE_M4096: [(f64, f64, f64); 4] =
    [(2112.0, 7168.0, 1058.0), (7168.0, 16384.0, 1358.0), (4096.0, 7168.0, 1304.0), (7168.0, 2048.0, 1025.0)];

/// H800 / H100 SXM dense FP8 peak (TFLOP/s).
pub const HOPPER_FP8_PEAK_TFLOPS: f64 = 1978.9;

/// Mean throughput of [`DEEPGEMM_DENSE_M4096`] (TFLOP/s): 1,186.25.
pub const DEEPGEMM_DENSE_MEAN_TFLOPS: f64 = (DEEPGEMM_DENSE_M4096[0].2
    + DEEPGEMM_DENSE_M4096[1].2
    + DEEPGEMM_DENSE_M4096[2].2
    + DEEPGEMM_DENSE_M4096[3].2)
    / 4.0;

/// The best of them (TFLOP/s): 1,358 (the README's "1350+ FP8 TFLOPS").
pub const DEEPGEMM_BEST_TFLOPS: f64 = 1358.0;

/// What GEMMs at a model's shapes reach of the best shape's throughput: DeepGEMM's dense-shape
/// mean over its best shape, `1186.25 / 1358 = 0.874`. A preset's MAMF (stas00's maximum
/// achievable matmul FLOP/s) is a best shape found by search, so realistic mode takes this
/// share of it on every accelerator (an assumption beyond Hopper FP8, where it was measured:
/// tile and wave quantisation, which cost the smaller shapes, are not specific to one part).
///
/// ```
/// use costmodel::fractions::*;
/// assert!((GEMM_SHAPE_FACTOR - 1186.25 / 1358.0).abs() < 1e-12);
/// assert_eq!(DEEPGEMM_BEST_TFLOPS, DEEPGEMM_DENSE_M4096.iter().map(|r| r.2).fold(0.0, f64::max));
/// ```
pub const GEMM_SHAPE_FACTOR: f64 = DEEPGEMM_DENSE_MEAN_TFLOPS / DEEPGEMM_BEST_TFLOPS;

/// Fractions of one accelerator family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fractions {
    /// Which presets this row covers (hardware id prefixes).
    pub family: &'static str,
    /// Dense BF16 GEMM fraction; `None` = the hardware preset's measured MAMF fraction times
    /// [`GEMM_SHAPE_FACTOR`].
    pub gemm_bf16: Option<f64>,
    /// FP8 GEMM fraction (of the FP8 peak); NaN = as BF16.
    pub gemm_fp8: f64,
    /// Attention kernels, 16-bit (of the BF16 peak), at long sequences.
    pub attention_bf16: f64,
    /// Attention kernels, FP8 (of the FP8 peak), at long sequences.
    pub attention_fp8: f64,
    /// How attention throughput grows with the sequence (prefill); `None` = flat.
    pub attention_curve: Option<AttnCurve>,
    /// HBM bandwidth decode kernels reach.
    pub hbm_bw: f64,
    /// Fixed cost of one engine step per layer (seconds): the kernel boundaries' bubbles.
    pub step_overhead_per_layer_s: f64,
    /// Tensor-parallel all-reduces inside the fast-link domain, by message size; `None` = a
    /// fixed latency plus a fraction of the link (`realistic::LINK_BW_FRACTION`).
    pub allreduce_curve: Option<BusBwCurve>,
}

/// Llama-3.2-1B (`meta-llama/Llama-3.2-1B` config.json: 16 layers, 1,235,814,400 parameters),
/// BF16 bytes: the model of the measurement below.
pub const LLAMA_1B_WEIGHT_BYTES: f64 = 2.0 * 1_235_814_400.0;
/// Its layers.
pub const LLAMA_1B_LAYERS: f64 = 16.0;
/// H100 SXM datasheet bandwidth (bytes/s).
pub const H100_HBM_BW_BYTES_PER_S: f64 = 3.35e12;
/// Hazy Research, "Look Ma, No Bubbles! Designing a Low-Latency Megakernel for Llama-1B"
/// (2025-05-27, https://hazyresearch.stanford.edu/blog/2025-05-27-no-bubbles): vLLM and SGLang
/// use "at most 50%" of an H100's bandwidth decoding one sequence of Llama-3.2-1B, because the
/// forward pass is "around a hundred separate kernels", each with a setup and teardown in which
/// no weights load (CUDA-graph launch alone ~1.3 µs per kernel).
pub const ENGINE_BW_FRACTION_BATCH1: f64 = 0.5;

/// Fixed cost of one engine step per layer: the measurement above, less the time the weights
/// take at the bandwidth decode kernels reach ([`HBM_BW_FRACTION`]), spread over the layers:
/// `(W / (0.5 · BW) − W / (0.85 · BW)) / 16 ≈ 38 µs` per layer (Yi-34B's 60 layers: 2.3 ms a
/// step). It covers launch, kernel tails, sampling and scheduling that the engine does not hide.
pub fn step_overhead_per_layer_s() -> f64 {
    let bytes = LLAMA_1B_WEIGHT_BYTES;
    let bw = H100_HBM_BW_BYTES_PER_S;
    (bytes / (ENGINE_BW_FRACTION_BATCH1 * bw) - bytes / (HBM_BW_FRACTION * bw)) / LLAMA_1B_LAYERS
}

/// Achievable HBM bandwidth of decode kernels: an H200 device-to-device copy measured 4,287 of
/// 4,800 GB/s (89%, docs/methodology.md §7); kernels that also compute reach a little less.
pub const HBM_BW_FRACTION: f64 = 0.85;

/// FlashAttention-2 reaches 50-73% of the A100's peak in the forward pass (Dao,
/// "FlashAttention-2", arXiv:2307.08691, 2023, §4.1): 0.6 where no better measurement exists.
pub const FA2_ATTENTION_FRACTION: f64 = 0.6;

/// Hopper (H100, H200, GH200).
pub const HOPPER: Fractions = Fractions {
    family: "h100 h200 gh200",
    gemm_bf16: None,
    // DeepGEMM's dense shapes at M = 4096 on an H800: 1,186 TFLOP/s mean = 0.599 of 1,978.9
    // (the best shape, 1,358, would be 0.686).
    gemm_fp8: DEEPGEMM_DENSE_MEAN_TFLOPS / HOPPER_FP8_PEAK_TFLOPS,
    // FlashAttention-3 (arXiv:2407.08608, Figure 5, causal): 616 TFLOP/s at 16K, causal, head dim 128
    // = 0.623 of 989.4; FP8 (Figure 7, head dim 128): 1,008 TFLOP/s at 16K = 0.51 of 1,978.9.
    attention_bf16: 616.0 / 989.4,
    attention_fp8: 1008.0 / 1978.9,
    attention_curve: Some(FA3_H100_BF16_CAUSAL_HD128),
    hbm_bw: HBM_BW_FRACTION,
    step_overhead_per_layer_s: f64::NAN,
    allreduce_curve: Some(NCCL_ALLREDUCE_8X_H200),
};

/// Every other accelerator: GEMM at the preset's MAMF times [`GEMM_SHAPE_FACTOR`] (at every
/// precision), FlashAttention-2's 60% flat, the same bandwidth fraction and step cost.
pub const OTHER: Fractions = Fractions {
    family: "",
    gemm_bf16: None,
    gemm_fp8: f64::NAN,
    attention_bf16: FA2_ATTENTION_FRACTION,
    attention_fp8: FA2_ATTENTION_FRACTION,
    attention_curve: None,
    hbm_bw: HBM_BW_FRACTION,
    step_overhead_per_layer_s: f64::NAN,
    allreduce_curve: None,
};

/// Where a row's numbers come from (kept apart from the row so the tables the model reads at
/// run time stay small in the page's .wasm).
pub fn source(f: &Fractions) -> &'static str {
    if f.family == HOPPER.family {
        HOPPER_SOURCE
    } else {
        OTHER_SOURCE
    }
}

/// Sources of [`HOPPER`].
pub const HOPPER_SOURCE: &str = "GEMM BF16: the preset's MAMF (stas00/ml-engineering) × 0.874, the share of the best shape that dense-model shapes reach \
             (DeepGEMM README: 1,186 TFLOP/s mean over its dense shapes at M = 4096 against 1,358 for the best); \
             FP8 GEMM 0.60: that mean of the H800's 1,978.9 FP8 peak; \
             attention: FlashAttention-3 (arXiv:2407.08608) on H100, causal, head dim 128: 292 TFLOP/s at 512 tokens to 616 at 16K \
             (0.62 of BF16 peak), FP8 1,008 at 16K (0.51); HBM 0.85: an H200 copy reaches 89%; step cost 38 µs a layer: \
             Hazy Research, vLLM and SGLang reach at most 50% of H100 bandwidth decoding Llama-3.2-1B (16 layers); \
             all-reduce: NCCL on 8×H200 (stas00/ml-engineering), 1.44 GB/s bus bandwidth at 32 KiB to 482 at 16 GiB";

/// Sources of [`OTHER`].
pub const OTHER_SOURCE: &str = "GEMM: the preset's MAMF × 0.874 (DeepGEMM's dense shapes against its best, as on Hopper); attention 0.6: FlashAttention-2, arXiv:2307.08691 §4.1; HBM 0.85; step cost 38 µs a layer \
             (Hazy Research's H100 measurement of vLLM and SGLang, as for Hopper)";

/// The row for a hardware preset id.
pub fn for_hw(hw_id: &str) -> &'static Fractions {
    if HOPPER.family.split(' ').any(|f| hw_id.starts_with(f)) {
        &HOPPER
    } else {
        &OTHER
    }
}

/// The step cost per layer of a row (one measured figure for every accelerator today).
pub fn step_overhead_per_layer(f: &Fractions) -> f64 {
    if f.step_overhead_per_layer_s.is_finite() {
        f.step_overhead_per_layer_s
    } else {
        step_overhead_per_layer_s()
    }
}

/// The fixed cost of one engine step for a model of `n_layers` layers (seconds).
pub fn step_overhead_s(f: &Fractions, n_layers: u32) -> f64 {
    step_overhead_per_layer(f) * f64::from(n_layers)
}

/// The GEMM fraction at a GEMM precision (`fp8` = the FP8 tensor path is used), given the
/// preset's measured BF16 fraction (its MAMF, a best shape).
///
/// # Formula
/// FP8 with a measured row (Hopper: 1186.25 / 1978.9 = 0.599); otherwise `MAMF · 0.874`
/// ([`GEMM_SHAPE_FACTOR`]).
pub fn gemm(f: &Fractions, fp8: bool, preset_bf16: f64) -> f64 {
    let bf16 = f.gemm_bf16.unwrap_or(preset_bf16 * GEMM_SHAPE_FACTOR);
    if fp8 && f.gemm_fp8.is_finite() {
        f.gemm_fp8
    } else {
        bf16
    }
}

/// The attention fraction at the activation precision, at long sequences.
pub fn attention(f: &Fractions, fp8: bool) -> f64 {
    if fp8 {
        f.attention_fp8
    } else {
        f.attention_bf16
    }
}

//! The roofline and the tensor-parallel all-reduce: the two time formulas every phase shares.

use serde::{Deserialize, Serialize};

/// Which resource bounds a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// Tensor-core FLOP/s.
    Compute,
    /// HBM bandwidth.
    Memory,
}

/// Time of one phase on one GPU of the TP group, split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PhaseTime {
    /// FLOP per GPU divided by the achievable FLOP/s (seconds).
    pub compute_s: f64,
    /// Bytes per GPU divided by the achievable bandwidth (seconds).
    pub memory_s: f64,
    /// Tensor-parallel all-reduce time, not overlapped (seconds).
    pub comm_s: f64,
    /// `max(compute_s, memory_s) + comm_s + serial_s` (seconds).
    pub total_s: f64,
    /// The larger of the two roofline terms.
    pub bound: Bound,
    // serving (issue 9)
    /// Work that runs beside neither roofline term, in realistic mode (0 in peak mode): the
    /// memory-bound elementwise kernels between the GEMMs and the engine's fixed step cost
    /// (seconds).
    #[serde(default)]
    pub serial_s: f64,
}

impl PhaseTime {
    /// Roofline: `max(compute_s, memory_s) + comm_s`.
    pub fn new(compute_s: f64, memory_s: f64, comm_s: f64) -> PhaseTime {
        let bound = if compute_s >= memory_s { Bound::Compute } else { Bound::Memory };
        PhaseTime { compute_s, memory_s, comm_s, total_s: compute_s.max(memory_s) + comm_s, bound, serial_s: 0.0 }
    }

    // serving (issue 9)
    /// Adds work that overlaps neither roofline term (elementwise kernels, step cost).
    pub fn plus_serial(mut self, serial_s: f64) -> PhaseTime {
        self.serial_s += serial_s;
        self.total_s += serial_s;
        self
    }
}

/// Time of one ring all-reduce of `bytes` over `tp` GPUs (seconds).
///
/// # Formula
/// `latency + 2 (TP − 1) / TP · bytes / link_bw`, and 0 for `TP = 1`.
///
/// Small all-reduces are latency-bound (8×H200 measure 1.44 GB/s of bus bandwidth at 32 KiB
/// against a 450 GB/s link; docs/methodology.md §7), hence the latency term. Realistic mode on
/// Hopper's NVLink 4 reads the measured curve instead (`fractions::BusBwCurve`).
///
/// ```
/// // 8 GPUs, 1 MB over 450 GB/s, 20 µs latency: 20e-6 + 1.75 · 1e6 / 450e9 = 23.9 µs
/// let t = costmodel::roofline::allreduce_s(1e6, 8, 450e9, 20e-6);
/// assert!((t - 23.888_9e-6).abs() < 1e-9);
/// ```
pub fn allreduce_s(bytes: f64, tp: u32, link_bw_bytes_per_s: f64, latency_s: f64) -> f64 {
    if tp <= 1 {
        return 0.0;
    }
    let tp = f64::from(tp);
    latency_s + 2.0 * (tp - 1.0) / tp * bytes / link_bw_bytes_per_s
}

//! The memory each accelerator reports to CUDA (HIP on AMD): `torch.cuda.mem_get_info()`'s total,
//! which is what every engine plans against. It is less than the datasheet's figure and less than
//! `nvidia-smi`'s total (the driver reserves some), so it is a table of its own, keyed by the
//! hardware preset id.
//!
//! Each row's figure is PyTorch's own print of it: the allocator's out-of-memory message says
//! "GPU 0 has a total capacity of X GiB", and vLLM logs the same number. The citation names where
//! a public log shows it.
//!
//! **Fallback rule** for a preset without a sourced figure (and for an `hbm_gb` override): the
//! preset's driver-visible memory less [`FALLBACK_RESERVED_GIB`], the typical gap between
//! `nvidia-smi`'s total and CUDA's on the parts that have both (H100 SXM 79.65 → 79.19 GiB,
//! H200 140.4 → 139.80, B200 179.06 → 178.35, GB200 185.0 → 184.31: 0.46–0.71 GiB).

use crate::units::GIB;

/// GiB the driver keeps out of CUDA's total on a part without a sourced figure (see the module
/// comment for the parts this typical value comes from).
pub const FALLBACK_RESERVED_GIB: f64 = 0.5;

/// One row: preset id, CUDA-reported total (GiB), where a public log shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeviceMemory {
    /// Hardware preset id.
    pub hw: &'static str,
    /// Total memory CUDA reports (GiB, 2^30 bytes).
    pub cuda_total_gib: f64,
    /// Where the figure is printed.
    pub source: &'static str,
}

const fn row(hw: &'static str, cuda_total_gib: f64, source: &'static str) -> DeviceMemory {
    DeviceMemory { hw, cuda_total_gib, source }
}

/// The sourced rows. Presets not listed use the fallback rule.
pub const DEVICE_MEMORY: &[DeviceMemory] = &[
    row("a100-sxm-40gb", 39.38, "PyTorch OOM messages on A100 40GB, e.g. \"GPU 0 has a total capacity of 39.38 GiB\" (many public training logs and vLLM issues)"),
    row("a100-sxm-80gb", 79.15, "PyTorch OOM messages on A100 80GB: \"GPU 0 has a total capacity of 79.15 GiB\" (public vLLM and training logs)"),
    row("a100-pcie-80gb", 79.15, "same 81,920 MiB HBM2e part as the SXM module; PyTorch reports 79.15 GiB on A100 80GB"),
    row("h100-sxm", 79.19, "vLLM 0.19 start-up logs on H100 80GB HBM3 (llm-d-incubation/llm-d-planner PR #205); PyTorch OOM \"total capacity of 79.19 GiB\""),
    row("h100-pcie", 79.19, "a public training log on \"NVIDIA H100 PCIe\": \"GPU 0 has a total capacity of 79.19 GiB\""),
    row("h100-nvl", 93.09, "a public fine-tuning log on H100 NVL: \"GPU 0 has a total capacity of 93.09 GiB\""),
    row("h200", 139.80, "CUDA total_memory 150,109,880,320 B measured on an H200; PyTorch OOM \"total capacity of 139.80 GiB\" in public SGLang/vLLM logs"),
    row("b200", 178.35, "PyTorch OOM messages on 8×B200 nodes: \"GPU 0 has a total capacity of 178.35 GiB\""),
    row("gb200", 184.31, "vLLM GB200 decode logs: \"GPU 0 has a total capacity of 184.31 GiB\""),
    row("l40s", 44.39, "PyTorch OOM messages on 48 GB (46,068 MiB with ECC) Ada/Ampere cards: \"total capacity of 44.39 GiB\""),
    row("mi300x", 191.98, "HIP OOM messages on MI300X under vLLM/ROCm: \"GPU 0 has a total capacity of 191.98 GiB\""),
    row("mi325x", 255.98, "HIP OOM messages under vLLM on ROCm: \"GPU 0 has a total capacity of 255.98 GiB\" (256 GB MI325X)"),
];

/// Whether a device figure is sourced or comes from the fallback rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DeviceFigure {
    /// From [`DEVICE_MEMORY`].
    Sourced,
    /// Driver-visible memory less [`FALLBACK_RESERVED_GIB`].
    #[default]
    Fallback,
}

/// CUDA-reported bytes for a preset id, or the fallback from `visible_bytes` (the preset's or the
/// override's driver-visible memory). An `hbm_gb` override always uses the fallback.
pub fn cuda_total_bytes(hw_id: &str, visible_bytes: f64, overridden: bool) -> (f64, DeviceFigure) {
    match DEVICE_MEMORY.iter().find(|d| d.hw == hw_id) {
        Some(d) if !overridden => (d.cuda_total_gib * GIB, DeviceFigure::Sourced),
        _ => ((visible_bytes - FALLBACK_RESERVED_GIB * GIB).max(0.0), DeviceFigure::Fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_figures_and_every_row_below_the_visible_memory() {
        let get = |id: &str| DEVICE_MEMORY.iter().find(|d| d.hw == id).map(|d| d.cuda_total_gib);
        assert_eq!(get("h100-sxm"), Some(79.19));
        assert_eq!(get("a100-sxm-80gb"), Some(79.15));
        assert_eq!(get("a100-sxm-40gb"), Some(39.38));
        for d in DEVICE_MEMORY {
            let preset = crate::presets::hardware_by_id(d.hw);
            assert!(preset.is_some(), "{}: no such hardware preset", d.hw);
            let visible_gib = preset.map_or(0.0, |p| p.spec.hbm_bytes / GIB);
            // CUDA's total is within 2% of what the driver shows (HIP may show a little more).
            assert!((d.cuda_total_gib / visible_gib - 1.0).abs() < 0.02, "{}: {} vs {visible_gib}", d.hw, d.cuda_total_gib);
            assert!(!d.source.is_empty());
        }
    }

    #[test]
    fn fallback_takes_half_a_gib_off_the_visible_memory() {
        let (b, f) = cuda_total_bytes("no-such", 100.0 * GIB, false);
        assert_eq!(f, DeviceFigure::Fallback);
        assert!((b / GIB - 99.5).abs() < 1e-12);
        let (b, f) = cuda_total_bytes("h100-sxm", 100.0 * GIB, true);
        assert_eq!((b / GIB, f), (99.5, DeviceFigure::Fallback));
        assert_eq!(cuda_total_bytes("h100-sxm", 0.0, false), (79.19 * GIB, DeviceFigure::Sourced));
    }
}

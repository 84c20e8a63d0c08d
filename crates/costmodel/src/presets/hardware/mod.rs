//! Accelerator presets, one file per vendor; this module assembles them into [`HARDWARE`],
//! grouped by vendor ([`Vendor::ALL`] order) and newest first within a vendor.
//!
//! Conventions (every row follows them; its `source` says where it departs and why):
//! - memory is the bytes the driver exposes (an "80 GB" A100 is 85.90e9 bytes), not the box label;
//!   where no public reading exists, the vendor figure read as GiB (HBM, GDDR and LPDDR are built
//!   from power-of-two dies), with no reservation subtracted;
//! - bandwidths are decimal datasheet figures (2,039 GB/s = 2.039e12 B/s);
//! - FLOP/s are dense tensor-core (matrix-unit) peaks, never the 2:4-sparse figure NVIDIA's pages
//!   print; FP8/FP4 are 0 where the part has no rate of its own for that precision; GeForce cards
//!   use the FP32-accumulate rate PyTorch GEMMs run at;
//! - link figures are one direction; the host link is the per-direction ceiling of the slot
//!   (PCIe Gen3 x16 15.75 GB/s, Gen4 x16 31.5 GB/s, Gen5 x16 63.0 GB/s) or of NVLink-C2C on
//!   Grace parts; **0 on unified-memory parts** (Apple M-series, DGX Spark, Jetson, MI300A):
//!   the KV cache already lives in the only memory there is, so there is no link to swap over
//!   and a context switch recomputes (see `phases::Prepared::swap_s`);
//! - AMD Infinity Fabric and other point-to-point meshes also give the bandwidth to one peer;
//! - host memory per GPU is an example server's DRAM divided by its GPUs (a server property);
//!   0 on unified-memory parts;
//! - prices are indicative on-demand defaults (0 = no public hourly price: the user supplies one);
//! - the GEMM fraction is the best measured BF16 matmul (MAMF, stas00/ml-engineering
//!   `compute/accelerator/README.md`), or a same-architecture sibling's, or 0.75 assumed.
//!
//! Every row's `source` names the documents and the judgement calls made for that row.

use crate::spec::HardwareSpec;
use crate::units::{GB, TB};

mod amd;
mod apple;
mod aws;
mod google;
mod intel;
mod nvidia;

/// Who makes the accelerator (the app and `kvscope list` group by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vendor {
    /// NVIDIA.
    Nvidia,
    /// AMD.
    Amd,
    /// Intel (Gaudi).
    Intel,
    /// Apple (M-series, unified memory).
    Apple,
    /// Google Cloud TPU.
    Google,
    /// Amazon Web Services (Trainium, Inferentia).
    Aws,
}

impl Vendor {
    /// Every vendor, in display order.
    pub const ALL: [Vendor; 6] = [Vendor::Nvidia, Vendor::Amd, Vendor::Intel, Vendor::Apple, Vendor::Google, Vendor::Aws];

    /// Display name.
    pub const fn label(self) -> &'static str {
        match self {
            Vendor::Nvidia => "NVIDIA",
            Vendor::Amd => "AMD",
            Vendor::Intel => "Intel",
            Vendor::Apple => "Apple",
            Vendor::Google => "Google",
            Vendor::Aws => "AWS",
        }
    }

    /// Position in [`Vendor::ALL`].
    const fn rank(self) -> usize {
        self as usize
    }
}

/// One accelerator preset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HardwarePreset {
    /// Permanent URL id, lowercase kebab-case (`a100-sxm-80gb`).
    pub id: &'static str,
    /// Display name (`NVIDIA A100 SXM 80GB`).
    pub label: &'static str,
    /// The memory as the vendor prints it (`80 GB HBM2e`).
    pub memory_label: &'static str,
    /// Who makes it.
    pub vendor: Vendor,
    /// Architecture or product generation (`Hopper`, `CDNA 3`, `M4`, `TPU v6`).
    pub family: &'static str,
    /// Year the part became available (the vendor's launch or general-availability year).
    pub year: u16,
    /// Per-GPU figures in SI units.
    pub spec: HardwareSpec,
    /// Where the figures come from (datasheet, whitepaper, measurement), with links.
    pub source: &'static str,
}

impl HardwarePreset {
    /// Unified memory: no separate host memory and no host link to swap over.
    pub fn unified_memory(&self) -> bool {
        self.spec.host_bw_bytes_per_s == 0.0
    }
}

/// PCIe Gen3 x16, one direction: 8 GT/s × 16 lanes × 128/130 / 8 bits.
pub(crate) const PCIE3_X16: f64 = 15.75 * GB;
/// PCIe Gen4 x16, one direction: 16 GT/s × 16 lanes × 128/130 / 8 bits.
pub(crate) const PCIE4_X16: f64 = 31.5 * GB;
/// PCIe Gen5 x16, one direction.
pub(crate) const PCIE5_X16: f64 = 63.0 * GB;
/// NVLink-C2C to a Grace CPU, one direction (900 GB/s both ways).
pub(crate) const NVLINK_C2C: f64 = 450.0 * GB;
/// No host link and no separate host memory: unified-memory parts (the cache already lives in
/// the only memory there is; `phases::Prepared::swap_s` is then infinite and a switch recomputes).
pub(crate) const NO_HOST_LINK: f64 = 0.0;
/// Host DRAM per GPU of a typical 8-GPU server with 2 TB (DGX A100/H100/B200, an MLPerf HGX
/// H200 node); also the assumption for servers whose memory no source gives.
pub(crate) const HOST_2TB_PER_8: f64 = 2.0 * TB / 8.0;

/// Every vendor's rows, in [`Vendor::ALL`] order.
const PARTS: [&[HardwarePreset]; 6] = [nvidia::ROWS, amd::ROWS, intel::ROWS, apple::ROWS, google::ROWS, aws::ROWS];

/// How many rows there are.
const N_HARDWARE: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < PARTS.len() {
        n += PARTS[i].len();
        i += 1;
    }
    n
};

/// `a` goes before `b`: vendor order, then newest first (a stable insertion sort keeps the
/// files' order among rows of one vendor and year).
const fn before(a: &HardwarePreset, b: &HardwarePreset) -> bool {
    a.vendor.rank() < b.vendor.rank() || (a.vendor.rank() == b.vendor.rank() && a.year > b.year)
}

/// Concatenates the vendors' rows and sorts them, at compile time.
const fn assemble() -> [HardwarePreset; N_HARDWARE] {
    let mut out = [nvidia::ROWS[0]; N_HARDWARE];
    let mut k = 0;
    let mut i = 0;
    while i < PARTS.len() {
        let mut j = 0;
        while j < PARTS[i].len() {
            out[k] = PARTS[i][j];
            // Insertion: move the new row left past every row it goes before.
            let mut m = k;
            while m > 0 && before(&out[m], &out[m - 1]) {
                let t = out[m];
                out[m] = out[m - 1];
                out[m - 1] = t;
                m -= 1;
            }
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// All accelerator presets, grouped by vendor and newest first within one.
pub const HARDWARE: &[HardwarePreset] = &assemble();

/// Look a preset up by its id.
pub fn hardware_by_id(id: &str) -> Option<&'static HardwarePreset> {
    HARDWARE.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::{GIB, TFLOPS};

    /// Every id the app, saved links and the docs rely on (ids are a public interface).
    const REQUIRED_IDS: &[&str] = &[
        "a100-sxm-40gb",
        "a100-sxm-80gb",
        "a100-pcie-80gb",
        "h100-sxm",
        "h100-pcie",
        "h100-nvl",
        "h200",
        "gh200",
        "gh200-96gb",
        "h20",
        "b200",
        "gb200",
        "mi300x",
        "mi325x",
        "mi355x",
        "l40s",
        "rtx-4090",
        "tpu-v5e",
        "tpu-v5p",
        "tpu-v6e",
    ];

    fn assert_rel(a: f64, b: f64, tol: f64) {
        let scale = a.abs().max(b.abs());
        assert!(
            (a - b).abs() <= tol * scale,
            "{a} and {b} differ by more than {tol} relative"
        );
    }

    /// `^[a-z0-9]+(-[a-z0-9.]+)*$`, by hand.
    fn is_kebab_id(id: &str) -> bool {
        let mut parts = id.split('-');
        let first_ok = parts.next().is_some_and(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
        first_ok
            && parts.all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'.')
            })
    }

    fn preset(id: &str) -> &'static HardwarePreset {
        match hardware_by_id(id) {
            Some(p) => p,
            None => panic!("no preset {id}"),
        }
    }

    #[test]
    fn id_pattern_checker() {
        for good in ["a100-sxm-80gb", "h200", "tpu-v5e", "llama-3.1-70b"] {
            assert!(is_kebab_id(good), "{good}");
        }
        for bad in [
            "", "-a", "a-", "a--b", "A100", "a_b", "a b", ".a", "a.b-c", "h100-SXM",
        ] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }

    #[test]
    fn ids_unique_and_well_formed() {
        assert!(!HARDWARE.is_empty());
        for (i, p) in HARDWARE.iter().enumerate() {
            assert!(is_kebab_id(p.id), "bad id {:?}", p.id);
            assert!(
                !p.label.is_empty() && !p.memory_label.is_empty() && !p.family.is_empty(),
                "{}",
                p.id
            );
            for q in &HARDWARE[i + 1..] {
                assert_ne!(p.id, q.id, "duplicate id");
            }
        }
    }

    #[test]
    fn every_required_id_is_found() {
        for id in REQUIRED_IDS {
            assert_eq!(preset(id).id, *id);
        }
        assert!(hardware_by_id("no-such-gpu").is_none());
    }

    #[test]
    fn table_is_every_vendor_file_grouped_by_vendor_newest_first() {
        let total: usize = PARTS.iter().map(|p| p.len()).sum();
        assert_eq!(HARDWARE.len(), total);
        for part in PARTS {
            for row in part {
                assert!(HARDWARE.contains(row), "{} lost by the sort", row.id);
            }
        }
        for w in HARDWARE.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            assert!(
                a.vendor < b.vendor || (a.vendor == b.vendor && a.year >= b.year),
                "{} ({} {}) before {} ({} {})",
                a.id,
                a.vendor.label(),
                a.year,
                b.id,
                b.vendor.label(),
                b.year
            );
        }
        // Each vendor file holds only its own vendor's rows.
        for (vendor, part) in Vendor::ALL.iter().zip(PARTS) {
            for row in part {
                assert_eq!(row.vendor, *vendor, "{} is in the wrong file", row.id);
            }
        }
    }

    #[test]
    fn numeric_fields_are_sane() {
        for p in HARDWARE {
            let s = &p.spec;
            let id = p.id;
            for (name, v) in [
                ("hbm_bytes", s.hbm_bytes),
                ("hbm_bw_bytes_per_s", s.hbm_bw_bytes_per_s),
                ("bf16_flops_per_s", s.bf16_flops_per_s),
                ("fp8_flops_per_s", s.fp8_flops_per_s),
                ("fp4_flops_per_s", s.fp4_flops_per_s),
                ("link_bw_bytes_per_s", s.link_bw_bytes_per_s),
                ("link_peer_bw_bytes_per_s", s.link_peer_bw_bytes_per_s),
                ("host_bw_bytes_per_s", s.host_bw_bytes_per_s),
                ("host_bytes_per_gpu", s.host_bytes_per_gpu),
                ("usd_per_gpu_hour", s.usd_per_gpu_hour),
                ("gemm_fraction_measured", s.gemm_fraction_measured),
            ] {
                assert!(v.is_finite() && v >= 0.0, "{id}: {name} = {v}");
            }
            assert!(
                s.hbm_bytes > 0.0 && s.hbm_bw_bytes_per_s > 0.0 && s.bf16_flops_per_s > 0.0,
                "{id}"
            );
            // A faster path never runs slower than the wider one it replaces.
            assert!(
                s.fp8_flops_per_s == 0.0 || s.fp8_flops_per_s >= s.bf16_flops_per_s,
                "{id}: fp8"
            );
            assert!(
                s.fp4_flops_per_s == 0.0
                    || s.fp4_flops_per_s >= s.fp8_flops_per_s.max(s.bf16_flops_per_s),
                "{id}: fp4"
            );
            // Capacity: from a 16 GB T4 to a 512 GB Mac Studio.
            assert!(
                s.hbm_bytes >= 8.0 * GB && s.hbm_bytes <= 512.0 * GIB,
                "{id}: memory {}",
                s.hbm_bytes
            );
            // Bandwidth: 100 GB/s (LPDDR) to 10 TB/s (HBM3e); BF16 from 1 to 5,000 TFLOP/s.
            assert!(
                s.hbm_bw_bytes_per_s >= 100.0 * GB && s.hbm_bw_bytes_per_s <= 10.0 * TB,
                "{id}: bandwidth"
            );
            assert!(
                s.bf16_flops_per_s >= TFLOPS && s.bf16_flops_per_s <= 5000.0 * TFLOPS,
                "{id}: bf16"
            );
            // Reading the whole memory once takes between 10 ms and 2 s.
            let sweep_s = s.hbm_bytes / s.hbm_bw_bytes_per_s;
            assert!((0.01..=2.0).contains(&sweep_s), "{id}: memory sweep {sweep_s} s");
            assert_eq!(
                s.link_domain_gpus == 0,
                s.link_bw_bytes_per_s == 0.0,
                "{id}: link domain vs bandwidth"
            );
            assert!(
                s.link_peer_bw_bytes_per_s <= s.link_bw_bytes_per_s,
                "{id}: one peer's share exceeds the link"
            );
            assert!(
                s.gemm_fraction_measured > 0.0 && s.gemm_fraction_measured <= 1.0,
                "{id}: gemm fraction"
            );
            // A host link and host memory come together; unified parts have neither.
            assert_eq!(
                s.host_bw_bytes_per_s > 0.0,
                s.host_bytes_per_gpu > 0.0,
                "{id}: host link vs host memory"
            );
            assert!(
                s.host_bw_bytes_per_s < s.hbm_bw_bytes_per_s,
                "{id}: host link faster than device memory"
            );
            assert!((2012..=2026).contains(&p.year), "{id}: year {}", p.year);
        }
    }

    #[test]
    fn every_row_cites_an_https_source() {
        for p in HARDWARE {
            let src = p.source;
            assert!(src.len() >= 80, "{}: source too short", p.id);
            assert!(src.contains("https://"), "{}: source names no URL", p.id);
            assert!(!src.contains("shared/"), "{}: source points at a local path", p.id);
        }
    }

    #[test]
    fn hand_checked_rows() {
        let a100 = preset("a100-sxm-80gb").spec;
        assert_rel(a100.hbm_bytes, 85.90e9, 1e-9);
        assert_rel(a100.hbm_bw_bytes_per_s, 2.039e12, 1e-9);
        assert_rel(a100.bf16_flops_per_s, 312e12, 1e-9);
        assert_eq!(a100.fp8_flops_per_s, 0.0);

        let h100 = preset("h100-sxm").spec;
        assert_rel(h100.bf16_flops_per_s, 989.4e12, 1e-9);
        assert_rel(h100.bf16_flops_per_s, 1979e12 / 2.0, 1e-3); // dense = half the printed sparse
        assert_rel(h100.link_bw_bytes_per_s, 450e9, 1e-9);

        let mi300x = preset("mi300x").spec;
        assert_rel(mi300x.hbm_bytes, 205.82e9, 1e-4);
    }
}

//! Google Cloud TPUs, per chip. Conventions: see `super`.

use super::{HardwarePreset, Vendor, PCIE4_X16, PCIE5_X16};
use crate::spec::HardwareSpec;
use crate::units::{GB, GIB, TFLOPS};

/// This vendor's rows (any order: `super::HARDWARE` sorts them newest first).
pub(super) const ROWS: &[HardwarePreset] = &[
    HardwarePreset {
        id: "tpu-v5e",
        label: "Google TPU v5e (per chip)",
        memory_label: "16 GB HBM2",
        vendor: Vendor::Google,
        family: "TPU v5",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 16.0 * GIB,
            hbm_bw_bytes_per_s: 819.0 * GB,
            bf16_flops_per_s: 197.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 200.0 * GB,
            link_domain_gpus: 256,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: 512.0 * GIB / 8.0,
            usd_per_gpu_hour: 1.20,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Google https://cloud.google.com/tpu/docs/v5e (read directly): 197 TFLOP/s BF16 dense, no FP8 \
            rate (INT8 393 TOPS), 16 GB HBM2 read as 16 GiB (Google mixes GB and GiB; no visible-bytes reading), \
            819 GB/s (the newer page's \"800 GiBps\" looks like a unit slip: 2,048 bit x 3.2 Gbps / 8 = 819.2), \
            ICI 400 GB/s bidirectional = 200 per direction, 2D torus; domain 256 = one pod. Host link: PCIe \
            generation not stated; Gen4 x16 (31.5 GB/s) assumed. Host: 512 GiB per 8-chip host. Price: \
            $1.20 per chip-hour on demand, us-central1 (https://github.com/ChipFlow/vajax/pull/1). GEMM: no \
            measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "tpu-v5p",
        label: "Google TPU v5p (per chip)",
        memory_label: "95 GB HBM2e",
        vendor: Vendor::Google,
        family: "TPU v5",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 95.0 * GIB,
            hbm_bw_bytes_per_s: 2765.0 * GB,
            bf16_flops_per_s: 459.0 * TFLOPS,
            fp8_flops_per_s: 459.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 600.0 * GB,
            link_domain_gpus: 256,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 448.0 * GB / 4.0,
            usd_per_gpu_hour: 4.20,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Google https://cloud.google.com/tpu/docs/v5p and /v5p-training (read directly): 459 TFLOP/s \
            BF16 dense, FP8 listed at the same 459 (no speed-up), 95 GB HBM2e read as 95 GiB (the newer table \
            heads it GiB; no visible-bytes reading), 2,765 GB/s (\"2575 GiBps\" is the same figure), ICI 1,200 \
            GB/s bidirectional = 600 per direction, 3D torus. Domain 256 as a pod slice (a full pod is 8,960 \
            chips). Host link: not stated; PCIe Gen5 x16 (63 GB/s) assumed. Host: 448 GB per 4-chip VM. \
            Price: $4.20 per chip-hour on demand, unverified ([U] in hardware.md; \
            https://cloud.google.com/tpu/pricing not read). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "tpu-v6e",
        label: "Google TPU v6e Trillium (per chip)",
        memory_label: "32 GB HBM",
        vendor: Vendor::Google,
        family: "TPU v6 (Trillium)",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 32.0 * GIB,
            hbm_bw_bytes_per_s: 1638.0 * GB,
            bf16_flops_per_s: 918.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 400.0 * GB,
            link_domain_gpus: 256,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 1536.0 * GIB / 8.0,
            usd_per_gpu_hour: 2.70,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Google https://docs.cloud.google.com/tpu/docs/v6e (read directly): 918 TFLOP/s BF16 dense \
            (GenZ's 926 not used), no FP8 rate (INT8 1,836 TOPS), 32 GB HBM read as 32 GiB (no visible-bytes \
            reading), 1,638 GB/s decimal (= 2 x v5e's 819; llm-calc's 1,759 treats it as GiB/s), ICI 800 GB/s \
            bidirectional = 400 per direction, 2D torus, 256-chip pod. Host link: PCIe Gen5 stated, x16 width \
            and so 63 GB/s per direction assumed. Host: 1,536 GiB per 8-chip host. Price: $2.70 per chip-hour \
            on demand, us-east1/us-east5 (https://github.com/skypilot-org/skypilot/pull/4540, Jan 2025). \
            GEMM: no measurement; 0.75 assumed."),
    },
    // catalog (issue 10)
    HardwarePreset {
        id: "tpu-v7",
        label: "Google TPU7x Ironwood (per chip)",
        memory_label: "192 GB HBM3e",
        vendor: Vendor::Google,
        family: "TPU v7 (Ironwood)",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 192.0 * GIB,
            hbm_bw_bytes_per_s: 7370.0 * GB,
            bf16_flops_per_s: 2307.0 * TFLOPS,
            fp8_flops_per_s: 4614.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 600.0 * GB,
            link_domain_gpus: 256,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: super::HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Google https://docs.cloud.google.com/tpu/docs/tpu7x (read directly, \
            specification table): 2,307 TFLOP/s BF16 and 4,614 FP8 peak per chip, 192 GiB HBM per chip, 9,216 \
            chips per pod, 3D torus. HBM bandwidth 7.37 TB/s and ICI 1.2 TB/s bidirectional (= 600 GB/s per \
            direction) from Google's announcement \
            (https://blog.google/products/google-cloud/ironwood-tpu-age-of-inference/, Apr 2025; Hot Chips 2025 \
            quoted 7.3 TB/s); the docs table's own bandwidth rows were not read. Domain 256 as a slice, as for \
            v5p (a pod is 9,216). Host link: not stated; PCIe Gen5 x16 assumed. Host memory: not stated; the 2 TB \
            per 8 accelerators assumption. Price: not read; 0 (supply one). GEMM: no measurement; 0.75 assumed."),
    },
];

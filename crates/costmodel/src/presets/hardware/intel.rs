//! intel accelerators. Conventions: see `super` (hardware/mod.rs).

use super::{HardwarePreset, Vendor, HOST_2TB_PER_8, PCIE4_X16, PCIE5_X16};
use crate::spec::HardwareSpec;
use crate::units::{GB, GIB, TFLOPS};

/// This vendor's rows (any order: `super::HARDWARE` sorts them newest first).
pub(super) const ROWS: &[HardwarePreset] = &[
    HardwarePreset {
        id: "gaudi3",
        label: "Intel Gaudi 3 (OAM)",
        memory_label: "128 GB HBM2e",
        vendor: Vendor::Intel,
        family: "Gaudi 3",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 128.0 * GIB,
            hbm_bw_bytes_per_s: 3670.0 * GB,
            bf16_flops_per_s: 1835.0 * TFLOPS,
            fp8_flops_per_s: 1835.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 525.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 75.0 * GB,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Intel Gaudi 3 AI accelerator white paper (doc 817486) \
            https://www.intel.com/content/www/us/en/content-details/817486/intel-gaudi-3-ai-accelerator-white-paper.html \
            and Intel's Hot Chips 2024 talk (R. Kaplan, \"Intel Gaudi 3 AI Accelerator: Architected for Gen AI \
            Training and Inference\"): BF16 and FP8 matrix 1,835 TFLOP/s each (dense; FP8 runs at the BF16 \
            rate), 128 GB HBM2e, 3.67 TB/s, 900 W air-cooled OAM (1,200 W liquid), PCIe Gen5 x16, 24 x 200 GbE \
            RoCE on the chip (1,200 GB/s bidirectional). In the 8-card baseboard 21 ports form an all-to-all (3 \
            to each of 7 peers) and 3 go out: 21 x 25 GB/s = 525 per direction, 75 to one peer. Memory: 128 GiB \
            with no reservation. Host: no server given; 2 TB / 8 assumed. Price: none. GEMM: no measurement; \
            0.75 assumed."),
    },
    HardwarePreset {
        id: "gaudi2",
        label: "Intel Gaudi 2 (OAM)",
        memory_label: "96 GB HBM2e",
        vendor: Vendor::Intel,
        family: "Gaudi 2",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 96.0 * GIB,
            hbm_bw_bytes_per_s: 2460.0 * GB,
            bf16_flops_per_s: 432.0 * TFLOPS,
            fp8_flops_per_s: 865.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 262.5 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 37.5 * GB,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Habana (Intel) Gaudi 2 product page \
            https://habana.ai/products/gaudi2/ and the \
            product-generation table of Intel's Hot Chips 2024 Gaudi 3 talk (R. Kaplan): BF16 matrix 432 \
            TFLOP/s, FP8 865 (dense), 96 GB HBM2e, 2.46 TB/s, 600 W OAM, PCIe Gen4 x16 (64 GB/s bidirectional), \
            24 x 100 GbE RoCE on the chip (4.8 Tb/s bidirectional). In the 8-card baseboard 21 ports form an \
            all-to-all (3 to each of 7 peers): 21 x 12.5 GB/s = 262.5 per direction, 37.5 to one peer. Memory: \
            96 GiB with no reservation. Host: no server given; 2 TB / 8 assumed. Price: none. GEMM: no \
            measurement; 0.75 assumed."),
    },
];

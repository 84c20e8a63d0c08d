//! AMD accelerators: Instinct (CDNA) and Radeon PRO / AI PRO (RDNA). Conventions: see `super`.

use super::{HardwarePreset, Vendor, HOST_2TB_PER_8, NO_HOST_LINK, PCIE5_X16};
use crate::spec::HardwareSpec;
use crate::units::{GB, GIB, TFLOPS, TIB};

/// This vendor's rows (any order: `super::HARDWARE` sorts them newest first).
pub(super) const ROWS: &[HardwarePreset] = &[
    HardwarePreset {
        id: "mi300x",
        label: "AMD Instinct MI300X",
        memory_label: "192 GB HBM3",
        vendor: Vendor::Amd,
        family: "CDNA 3",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 205.822_885_888 * GB,
            hbm_bw_bytes_per_s: 5300.0 * GB,
            bf16_flops_per_s: 1307.4 * TFLOPS,
            fp8_flops_per_s: 2614.9 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 448.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 64.0 * GB,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 1.5 * TIB / 8.0,
            usd_per_gpu_hour: 1.71,
            gemm_fraction_measured: 0.51,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html: \
            BF16 1.3 PF dense / 2.61 sparse (exact 2,100 MHz x 256 x 2 x 1,216 = 1,307.4 TFLOP/s), FP8 2,614.9 \
            dense, 192 GB HBM3, 5.3 TB/s, 750 W, PCIe 5.0 x16. Memory: rocm-smi 205,822,885,888 B in public \
            logs; ROCm spec table https://rocm.docs.amd.com/en/latest/reference/gpu-specs.html heads VRAM in GiB. \
            Link: 7 Infinity Fabric links of 128 GB/s, read as both directions (AMD does not say) = 448 GB/s \
            per direction all-to-all over the 8-GPU mesh; one peer gets only 64 per direction, so TP 2 or 4 \
            is overstated by this figure. Host: MLPerf mlcommons/inference_results_v4.1 \
            closed/AMD/systems/8xMI300X_2xEPYC-9374F.json, 1.5 TiB / 8 GPUs. Price: $1.71/h TensorWave, low \
            end of $1.71-1.85 (https://gpu.blog/gpus/instinct-mi300x-mi300x). GEMM: MI300X MAMF 668.4 TFLOP/s \
            = 0.51 (stas00/ml-engineering compute/accelerator/README.md)."),
    },
    HardwarePreset {
        id: "mi325x",
        label: "AMD Instinct MI325X",
        memory_label: "256 GB HBM3E",
        vendor: Vendor::Amd,
        family: "CDNA 3",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 256.0 * GIB,
            hbm_bw_bytes_per_s: 6000.0 * GB,
            bf16_flops_per_s: 1307.4 * TFLOPS,
            fp8_flops_per_s: 2614.9 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 448.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 64.0 * GB,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.60,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html: \
            256 GB HBM3E, 6 TB/s, compute unchanged from MI300X (1,307.4 BF16 / 2,614.9 FP8 dense), 1,000 W, \
            same Infinity Fabric (448 GB/s per direction all-to-all, 64 to one peer) and PCIe Gen5 x16; \
            cross-checked by https://docs.vultr.com/inference-cookbook/rocm/getting-started/hardware-requirements \
            and the ROCm spec table (256 GiB). Memory: no public reading; 256 GiB with no reservation \
            subtracted. Host: no server given; 2 TB / 8 GPUs assumed. Price: no public price. GEMM: MI325X \
            MAMF 784.9 TFLOP/s = 0.60 (stas00/ml-engineering compute/accelerator/README.md)."),
    },
    HardwarePreset {
        id: "mi355x",
        label: "AMD Instinct MI355X",
        memory_label: "288 GB HBM3E",
        vendor: Vendor::Amd,
        family: "CDNA 4",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 288.0 * GIB,
            hbm_bw_bytes_per_s: 8000.0 * GB,
            bf16_flops_per_s: 2516.6 * TFLOPS,
            fp8_flops_per_s: 5033.0 * TFLOPS,
            fp4_flops_per_s: 10066.0 * TFLOPS,
            link_bw_bytes_per_s: 537.6 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 76.8 * GB,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html and \
            the CDNA 4 whitepaper: 288 GB HBM3E, 8 TB/s, BF16 2.5 PF dense (2,400 MHz x 512 x 2 x 1,024 = \
            2,516.6 TFLOP/s), FP8 5.0 PF, MXFP4/MXFP6 10.1 PF dense (20.1 PF is sparse, \
            https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts), \
            1,400 W. stas00's 2,300 / 4,600 / 9,200 are the MI350X's; AMD's figures trusted. Link: 7 Infinity \
            Fabric links of 153.6 GB/s read as both directions = 537.6 per direction all-to-all, 76.8 to one \
            peer (stas00/ml-engineering network/README.md); PCIe 5.0 x16. Memory: no public reading; 288 GiB \
            with no reservation subtracted. Host: no server given; 2 TB / 8 GPUs assumed. Price: no public \
            price. GEMM: no measurement of CDNA 4; 0.75 assumed (CDNA 3 siblings measured 0.51-0.60, so this \
            may be optimistic)."),
    },
    HardwarePreset {
        id: "mi300a",
        label: "AMD Instinct MI300A (APU)",
        memory_label: "128 GB HBM3 unified",
        vendor: Vendor::Amd,
        family: "CDNA 3",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 128.0 * GIB,
            hbm_bw_bytes_per_s: 5300.0 * GB,
            bf16_flops_per_s: 980.6 * TFLOPS,
            fp8_flops_per_s: 1961.2 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 256.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 64.0 * GB,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.51,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi300/mi300a.html: APU with \
            24 Zen 4 cores and 228 CDNA 3 compute units sharing 128 GB HBM3 at 5.3 TB/s; BF16/FP16 980.6 and FP8 \
            1,961.2 TFLOP/s dense (1,961.2 / 3,922.3 with sparsity), 550 W, 4 Infinity Fabric links of 128 GB/s \
            read as both directions (as for the MI300X) = 256 per direction across a 4-APU node (El Capitan's \
            nodes), 64 to one peer. Unified memory: the CPU cores and the GPU share the HBM, so there is no host \
            link and no separate host memory (0); the KV already lives in the only memory and a context switch \
            recomputes. Memory: 128 GiB with no reservation (the OS takes some). Price: none. GEMM: no \
            measurement; MI300X's MAMF 0.51 (same CDNA 3 compute units) used."),
    },
];

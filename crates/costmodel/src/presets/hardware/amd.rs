//! AMD accelerators: Instinct (CDNA) and Radeon PRO / AI PRO (RDNA). Conventions: see `super`.

use super::{HardwarePreset, Vendor, HOST_2TB_PER_8, NO_HOST_LINK, PCIE4_X16, PCIE5_X16};
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
    HardwarePreset {
        id: "mi350x",
        label: "AMD Instinct MI350X",
        memory_label: "288 GB HBM3E",
        vendor: Vendor::Amd,
        family: "CDNA 4",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 288.0 * GIB,
            hbm_bw_bytes_per_s: 8000.0 * GB,
            bf16_flops_per_s: 2306.9 * TFLOPS,
            fp8_flops_per_s: 4613.7 * TFLOPS,
            fp4_flops_per_s: 9227.5 * TFLOPS,
            link_bw_bytes_per_s: 537.6 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 76.8 * GB,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi350/mi350x.html and the \
            CDNA 4 whitepaper: 288 GB HBM3E, 8 TB/s, BF16 2.3 PF, FP8 4.6 PF, MXFP4/MXFP6 9.2 PF dense (sparse \
            is 2x), 1,000 W air-cooled; exact figures from the MI355X formula at the MI350X's 2,200 MHz peak \
            clock (2,200 MHz x 512 x 2 x 1,024 = 2,306.9 TFLOP/s). Same Infinity Fabric as the MI355X: 7 links \
            of 153.6 GB/s read as both directions = 537.6 per direction all-to-all, 76.8 to one peer \
            (stas00/ml-engineering network/README.md); PCIe 5.0 x16. Memory: no public reading; 288 GiB with no \
            reservation. Host: no server given; 2 TB / 8 GPUs assumed. Price: none. GEMM: no measurement of CDNA \
            4; 0.75 assumed (CDNA 3 measured 0.51-0.60)."),
    },
    HardwarePreset {
        id: "mi250x",
        label: "AMD Instinct MI250X (OAM, 2 GCDs)",
        memory_label: "128 GB HBM2e",
        vendor: Vendor::Amd,
        family: "CDNA 2",
        year: 2021,
        spec: HardwareSpec {
            hbm_bytes: 128.0 * GIB,
            hbm_bw_bytes_per_s: 3276.8 * GB,
            bf16_flops_per_s: 383.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 400.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 50.0 * GB,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html: peak \
            FP16/BF16 matrix 383 TFLOP/s (CDNA 2 has no FP8 and no sparsity: dense), 128 GB HBM2e at 3.2768 \
            TB/s, 500 W (560 W peak), OAM, up to 8 Infinity Fabric links with 800 GB/s peak aggregate, read as \
            both directions = 400 per direction across a 4-module node (Frontier's), 50 per direction to one \
            peer (one 100 GB/s link). Per module: software sees two GCDs of 64 GB each (half the memory, \
            bandwidth and FLOP/s apiece), so TP 2 on one module is the smallest group. Host: PCIe Gen4 x16 in \
            OAM servers (Frontier's nodes use Infinity Fabric to the CPU instead). Memory: 128 GiB with no \
            reservation. Host memory: no server given; 2 TB / 8 assumed. Price: none. GEMM: no measurement; 0.75 \
            assumed."),
    },
    HardwarePreset {
        id: "mi210",
        label: "AMD Instinct MI210",
        memory_label: "64 GB HBM2e",
        vendor: Vendor::Amd,
        family: "CDNA 2",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 64.0 * GIB,
            hbm_bw_bytes_per_s: 1638.4 * GB,
            bf16_flops_per_s: 181.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 150.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 50.0 * GB,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi200/mi210.html: peak \
            FP16/BF16 matrix 181 TFLOP/s (dense; no FP8), 64 GB HBM2e at 1.6384 TB/s, 300 W, PCIe Gen4 x16 card, \
            Infinity Fabric bridge of up to 3 links of 100 GB/s to a 4-GPU hive, read as both directions = 150 \
            per direction, 50 to one peer. Memory: 64 GiB with no reservation. Host: no server given; 2 TB / 8 \
            GPUs assumed. Price: none. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "radeon-ai-pro-r9700",
        label: "AMD Radeon AI PRO R9700",
        memory_label: "32 GB GDDR6",
        vendor: Vendor::Amd,
        family: "RDNA 4",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 32.0 * GIB,
            hbm_bw_bytes_per_s: 640.0 * GB,
            bf16_flops_per_s: 191.4 * TFLOPS,
            fp8_flops_per_s: 382.7 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 128.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AMD product page \
            https://www.amd.com/en/products/graphics/workstations/radeon-ai-pro/ai-9000-series/amd-radeon-ai-pro-r9700.html: \
            64 RDNA 4 compute units, up to 1,531 AI TOPS (INT4 with sparsity), 32 GB GDDR6 on 256 bit at 20 Gbps \
            = 640 GB/s, 300 W, PCIe 5.0 x16, no GPU link. RDNA 4 matrix rates per CU per clock are FP16/BF16 \
            1,024, FP8 2,048, INT4 sparse 8,192, so AMD's 1,531 TOPS = 64 CUs x 8,192 x 2.92 GHz gives dense \
            FP16/BF16 1,531 / 8 = 191.4 and FP8 382.7 TFLOP/s; no FP4 rate. Memory: 32 GiB with no reservation. \
            Host: a workstation; 128 GB assumed. Price: none. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "radeon-pro-w7900",
        label: "AMD Radeon PRO W7900",
        memory_label: "48 GB GDDR6 (ECC)",
        vendor: Vendor::Amd,
        family: "RDNA 3",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 48.0 * GIB,
            hbm_bw_bytes_per_s: 864.0 * GB,
            bf16_flops_per_s: 122.64 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: 128.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AMD product page https://www.amd.com/en/products/graphics/workstations/radeon-pro/w7900.html: 96 \
            RDNA 3 compute units, peak FP16 122.64 TFLOP/s (RDNA 3's WMMA matrix rate is 512 FLOP per CU per \
            clock, the same figure; BF16 runs at it too; no FP8), 48 GB GDDR6 with ECC on 384 bit = 864 GB/s, \
            295 W, PCIe 4.0 x16, no GPU link. Memory: 48 GiB with no reservation. Host: a workstation; 128 GB \
            assumed. Price: none. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "rx-7900-xtx",
        label: "AMD Radeon RX 7900 XTX",
        memory_label: "24 GB GDDR6",
        vendor: Vendor::Amd,
        family: "RDNA 3",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 24.0 * GIB,
            hbm_bw_bytes_per_s: 960.0 * GB,
            bf16_flops_per_s: 122.8 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: 64.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AMD product page \
            https://www.amd.com/en/products/graphics/desktops/radeon/7000-series/amd-radeon-rx-7900xtx.html: 96 \
            RDNA 3 compute units, peak half-precision 122.8 TFLOP/s (= 96 CUs x 512 FLOP/clk x 2.5 GHz, the WMMA \
            matrix rate; BF16 the same; no FP8), 24 GB GDDR6 at 20 Gbps x 384 bit = 960 GB/s, 355 W, PCIe 4.0 \
            x16, no GPU link. Memory: 24 GiB with no reservation. Host: a desktop; 64 GB is an assumption. \
            Price: none. GEMM: no measurement; 0.75 assumed."),
    },
];

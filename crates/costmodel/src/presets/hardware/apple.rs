//! apple accelerators. Conventions: see `super` (hardware/mod.rs).

use super::{HardwarePreset, Vendor, NO_HOST_LINK};
use crate::spec::HardwareSpec;
use crate::units::{GB, GIB, TFLOPS};

/// This vendor's rows (any order: `super::HARDWARE` sorts them newest first).
pub(super) const ROWS: &[HardwarePreset] = &[
    HardwarePreset {
        id: "m3-ultra",
        label: "Apple M3 Ultra (80-core GPU, 512 GB)",
        memory_label: "512 GB unified LPDDR5",
        vendor: Vendor::Apple,
        family: "M3",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 512.0 * GIB,
            hbm_bw_bytes_per_s: 819.0 * GB,
            bf16_flops_per_s: 28.63 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 30.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 10.0 * GB,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Apple newsroom \
            https://www.apple.com/newsroom/2025/03/apple-reveals-m3-ultra-taking-apple-silicon-to-a-new-extreme/ \
            and Mac Studio specs https://www.apple.com/mac-studio/specs/: M3 Ultra, two M3 Max dies, 80-core \
            GPU, up to 512 GB unified memory at 819 GB/s, Thunderbolt 5; the largest configuration is used (96 \
            and 256 GB also sold). Unified memory: CPU and GPU share one LPDDR pool, counted here as device \
            memory (512 GiB; macOS lets the GPU wire only part of it by default, about 75 % on large \
            configurations, raised with iogpu.wired_limit_mb [U]; see \
            https://developer.apple.com/documentation/metal/mtldevice/recommendedmaxworkingsetsize). No host \
            link and no host memory (0): the KV cache already lives in system memory, so a context switch \
            recomputes; a spill to the internal SSD would be bounded by the drive, which Apple last quoted at up \
            to 7.4 GB/s reads for the 2021 MacBook Pro \
            (https://www.apple.com/newsroom/2021/10/introducing-the-new-macbook-pro/) [U for this machine]: set \
            host_gbps to model it. Compute: Apple publishes no GPU FLOP/s or clock. 80 GPU cores x 128 FP32 ALUs \
            x 2 FLOP x 1.398 GHz = 28.63 TFLOP/s; FP16 and BF16 run at the FP32 rate on this GPU (no matrix \
            units before M5), no FP8 or FP4 rate. The clock is a third-party reading [U] \
            (https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max lists M3 Max 1,398 MHz and M4 \
            Max 1,678 MHz). Link: Thunderbolt 5 (80 Gb/s symmetric = 10 GB/s per direction per cable, 120 Gb/s \
            only one way; \
            https://www.intel.com/content/www/us/en/products/docs/io/thunderbolt/thunderbolt-5-brief.html), read \
            as a full mesh of 4 machines (3 cables each: 3 x per-cable = link, one cable = one peer), as MLX / \
            exo clusters are wired. Price: none (bought, not rented). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "m4-max",
        label: "Apple M4 Max (40-core GPU, 128 GB)",
        memory_label: "128 GB unified LPDDR5X",
        vendor: Vendor::Apple,
        family: "M4",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 128.0 * GIB,
            hbm_bw_bytes_per_s: 546.0 * GB,
            bf16_flops_per_s: 17.18 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 30.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 10.0 * GB,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Apple newsroom https://www.apple.com/newsroom/2024/10/apple-introduces-m4-pro-and-m4-max/: M4 Max \
            with the 40-core GPU, up to 128 GB unified memory at 546 GB/s (the 32-core part has 410 GB/s), \
            Thunderbolt 5. Unified memory: CPU and GPU share one LPDDR pool, counted here as device memory (128 \
            GiB; macOS lets the GPU wire only part of it by default, about 75 % on large configurations, raised \
            with iogpu.wired_limit_mb [U]; see \
            https://developer.apple.com/documentation/metal/mtldevice/recommendedmaxworkingsetsize). No host \
            link and no host memory (0): the KV cache already lives in system memory, so a context switch \
            recomputes; a spill to the internal SSD would be bounded by the drive, which Apple last quoted at up \
            to 7.4 GB/s reads for the 2021 MacBook Pro \
            (https://www.apple.com/newsroom/2021/10/introducing-the-new-macbook-pro/) [U for this machine]: set \
            host_gbps to model it. Compute: Apple publishes no GPU FLOP/s or clock. 40 GPU cores x 128 FP32 ALUs \
            x 2 FLOP x 1.678 GHz = 17.18 TFLOP/s; FP16 and BF16 run at the FP32 rate on this GPU (no matrix \
            units before M5), no FP8 or FP4 rate. The clock is a third-party reading [U] \
            (https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max lists M3 Max 1,398 MHz and M4 \
            Max 1,678 MHz). Link: Thunderbolt 5 (80 Gb/s symmetric = 10 GB/s per direction per cable, 120 Gb/s \
            only one way; \
            https://www.intel.com/content/www/us/en/products/docs/io/thunderbolt/thunderbolt-5-brief.html), read \
            as a full mesh of 4 machines (3 cables each: 3 x per-cable = link, one cable = one peer), as MLX / \
            exo clusters are wired. Price: none (bought, not rented). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "m4-pro",
        label: "Apple M4 Pro (20-core GPU, 64 GB)",
        memory_label: "64 GB unified LPDDR5X",
        vendor: Vendor::Apple,
        family: "M4",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 64.0 * GIB,
            hbm_bw_bytes_per_s: 273.0 * GB,
            bf16_flops_per_s: 8.08 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 30.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 10.0 * GB,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Apple newsroom https://www.apple.com/newsroom/2024/10/apple-introduces-m4-pro-and-m4-max/: M4 Pro \
            with up to a 20-core GPU and 64 GB unified memory at 273 GB/s, Thunderbolt 5. The clock is the M4's \
            1,578 MHz reading (same database) [U]. Unified memory: CPU and GPU share one LPDDR pool, counted \
            here as device memory (64 GiB; macOS lets the GPU wire only part of it by default, about 75 % on \
            large configurations, raised with iogpu.wired_limit_mb [U]; see \
            https://developer.apple.com/documentation/metal/mtldevice/recommendedmaxworkingsetsize). No host \
            link and no host memory (0): the KV cache already lives in system memory, so a context switch \
            recomputes; a spill to the internal SSD would be bounded by the drive, which Apple last quoted at up \
            to 7.4 GB/s reads for the 2021 MacBook Pro \
            (https://www.apple.com/newsroom/2021/10/introducing-the-new-macbook-pro/) [U for this machine]: set \
            host_gbps to model it. Compute: Apple publishes no GPU FLOP/s or clock. 20 GPU cores x 128 FP32 ALUs \
            x 2 FLOP x 1.578 GHz = 8.08 TFLOP/s; FP16 and BF16 run at the FP32 rate on this GPU (no matrix units \
            before M5), no FP8 or FP4 rate. The clock is a third-party reading [U] \
            (https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max lists M3 Max 1,398 MHz and M4 \
            Max 1,678 MHz). Link: Thunderbolt 5 (80 Gb/s symmetric = 10 GB/s per direction per cable, 120 Gb/s \
            only one way; \
            https://www.intel.com/content/www/us/en/products/docs/io/thunderbolt/thunderbolt-5-brief.html), read \
            as a full mesh of 4 machines (3 cables each: 3 x per-cable = link, one cable = one peer), as MLX / \
            exo clusters are wired. Price: none (bought, not rented). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "m3-max",
        label: "Apple M3 Max (40-core GPU, 128 GB)",
        memory_label: "128 GB unified LPDDR5",
        vendor: Vendor::Apple,
        family: "M3",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 128.0 * GIB,
            hbm_bw_bytes_per_s: 400.0 * GB,
            bf16_flops_per_s: 14.32 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 15.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 5.0 * GB,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Apple newsroom \
            https://www.apple.com/newsroom/2023/10/apple-unveils-m3-m3-pro-and-m3-max-the-most-advanced-chips-for-a-personal-computer/: \
            M3 Max with the 40-core GPU, up to 128 GB unified memory at 400 GB/s (the 30-core part has 300 \
            GB/s), Thunderbolt 4 on the MacBook Pro. Unified memory: CPU and GPU share one LPDDR pool, counted \
            here as device memory (128 GiB; macOS lets the GPU wire only part of it by default, about 75 % on \
            large configurations, raised with iogpu.wired_limit_mb [U]; see \
            https://developer.apple.com/documentation/metal/mtldevice/recommendedmaxworkingsetsize). No host \
            link and no host memory (0): the KV cache already lives in system memory, so a context switch \
            recomputes; a spill to the internal SSD would be bounded by the drive, which Apple last quoted at up \
            to 7.4 GB/s reads for the 2021 MacBook Pro \
            (https://www.apple.com/newsroom/2021/10/introducing-the-new-macbook-pro/) [U for this machine]: set \
            host_gbps to model it. Compute: Apple publishes no GPU FLOP/s or clock. 40 GPU cores x 128 FP32 ALUs \
            x 2 FLOP x 1.398 GHz = 14.32 TFLOP/s; FP16 and BF16 run at the FP32 rate on this GPU (no matrix \
            units before M5), no FP8 or FP4 rate. The clock is a third-party reading [U] \
            (https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max lists M3 Max 1,398 MHz and M4 \
            Max 1,678 MHz). Link: Thunderbolt 4 (40 Gb/s = 5 GB/s per direction per cable), read as a full mesh \
            of 4 machines (3 cables each: 3 x per-cable = link, one cable = one peer), as MLX / exo clusters are \
            wired. Price: none (bought, not rented). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "m2-ultra",
        label: "Apple M2 Ultra (76-core GPU, 192 GB)",
        memory_label: "192 GB unified LPDDR5",
        vendor: Vendor::Apple,
        family: "M2",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 192.0 * GIB,
            hbm_bw_bytes_per_s: 800.0 * GB,
            bf16_flops_per_s: 27.2 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 15.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 5.0 * GB,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("Apple newsroom https://www.apple.com/newsroom/2023/06/apple-introduces-m2-ultra/: M2 Ultra, two M2 \
            Max dies, up to a 76-core GPU and 192 GB unified memory at 800 GB/s, Thunderbolt 4 on the Mac \
            Studio. The clock is the M3 Max's 1,398 MHz reading, the M2 family's clock being about the same [U]. \
            Unified memory: CPU and GPU share one LPDDR pool, counted here as device memory (192 GiB; macOS lets \
            the GPU wire only part of it by default, about 75 % on large configurations, raised with \
            iogpu.wired_limit_mb [U]; see \
            https://developer.apple.com/documentation/metal/mtldevice/recommendedmaxworkingsetsize). No host \
            link and no host memory (0): the KV cache already lives in system memory, so a context switch \
            recomputes; a spill to the internal SSD would be bounded by the drive, which Apple last quoted at up \
            to 7.4 GB/s reads for the 2021 MacBook Pro \
            (https://www.apple.com/newsroom/2021/10/introducing-the-new-macbook-pro/) [U for this machine]: set \
            host_gbps to model it. Compute: Apple publishes no GPU FLOP/s or clock. 76 GPU cores x 128 FP32 ALUs \
            x 2 FLOP x 1.398 GHz = 27.2 TFLOP/s; FP16 and BF16 run at the FP32 rate on this GPU (no matrix units \
            before M5), no FP8 or FP4 rate. The clock is a third-party reading [U] \
            (https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max lists M3 Max 1,398 MHz and M4 \
            Max 1,678 MHz). Link: Thunderbolt 4 (40 Gb/s = 5 GB/s per direction per cable), read as a full mesh \
            of 4 machines (3 cables each: 3 x per-cable = link, one cable = one peer), as MLX / exo clusters are \
            wired. Price: none (bought, not rented). GEMM: no measurement; 0.75 assumed."),
    },
];

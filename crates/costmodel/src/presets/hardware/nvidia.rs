//! NVIDIA accelerators: data-centre GPUs (Volta to Blackwell Ultra), Grace superchips,
//! workstation and GeForce cards, DGX Spark and Jetson. Conventions: see `super` (hardware/mod.rs).

use super::{HardwarePreset, Vendor, HOST_2TB_PER_8, NO_HOST_LINK, NVLINK_C2C, PCIE3_X16, PCIE4_X16, PCIE5_X16};
use crate::spec::HardwareSpec;
use crate::units::{GB, GIB, TFLOPS};

/// This vendor's rows (any order: `super::HARDWARE` sorts them newest first).
pub(super) const ROWS: &[HardwarePreset] = &[
    HardwarePreset {
        id: "a100-sxm-40gb",
        label: "NVIDIA A100 SXM 40GB",
        memory_label: "40 GB HBM2",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2020,
        spec: HardwareSpec {
            hbm_bytes: 42.405_855_232 * GB,
            hbm_bw_bytes_per_s: 1555.0 * GB,
            bf16_flops_per_s: 312.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 300.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 3.67,
            gemm_fraction_measured: 0.87,
        },
        source: crate::presets::source_note!("NVIDIA A100 datasheet (doc 1758950 R4, JUN21) \
            https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf: \
            312 TFLOP/s BF16 dense (624 is sparse), no FP8, 1,555 GB/s, NVLink 3 600 GB/s total \
            = 300 per direction on an 8-GPU HGX NVSwitch board, PCIe Gen4 x16. Memory: 42,405,855,232 B \
            from deviceQuery (https://upb-pc2.atlassian.net/wiki/spaces/PC2DOK/pages/1900609/NVIDIA+A100+40GB+with+NVLINK). \
            Host: DGX A100 1-2 TB / 8 GPUs [U], 2 TB taken. Price: GCP a2-highgpu-1g $3.67/h, \
            us-central1, Dec 2023, includes 12 vCPU and 85 GB host (https://github.com/skypilot-org/skypilot/pull/2892). \
            GEMM: A100 SXM MAMF 271.2 TFLOP/s = 0.87 (stas00/ml-engineering compute/accelerator/README.md; \
            memory size not stated, applied to both SXM parts). GenZ's 1,600 GB/s is rounded; 1,555 trusted."),
    },
    HardwarePreset {
        id: "a100-sxm-80gb",
        label: "NVIDIA A100 SXM 80GB",
        memory_label: "80 GB HBM2e",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2020,
        spec: HardwareSpec {
            hbm_bytes: 85.90 * GB,
            hbm_bw_bytes_per_s: 2039.0 * GB,
            bf16_flops_per_s: 312.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 300.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 1.49,
            gemm_fraction_measured: 0.87,
        },
        source: crate::presets::source_note!("NVIDIA A100 datasheet (doc 1758950 R4) \
            https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf \
            and https://glennklockwood.com/garden/processors/A100: 312 TFLOP/s BF16 dense (624 is sparse), \
            no FP8, 2,039 GB/s (1,593 MHz x 2 x 640 B), NVLink 3 300 GB/s per direction on an 8-GPU HGX board, \
            PCIe Gen4 x16. Memory: 81,920 MiB = 85.90e9 B in public nvidia-smi logs (the paper's golden \
            number, not 80e9). Host: DGX A100 2 TB / 8 GPUs [U]. Price: low end of $1.49-2.49/h, neoclouds \
            early 2026 (https://pricegpu.pages.dev/blog/h100-vs-a100-cloud-price). GEMM: A100 SXM MAMF 0.87 \
            (stas00/ml-engineering compute/accelerator/README.md)."),
    },
    HardwarePreset {
        id: "a100-pcie-80gb",
        label: "NVIDIA A100 PCIe 80GB",
        memory_label: "80 GB HBM2e",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2021,
        spec: HardwareSpec {
            hbm_bytes: 85.90 * GB,
            hbm_bw_bytes_per_s: 1935.0 * GB,
            bf16_flops_per_s: 312.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 300.0 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.81,
        },
        source: crate::presets::source_note!("NVIDIA A100 datasheet (doc 1758950 R4) \
            https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf: \
            312 TFLOP/s BF16 dense, no FP8, 1,935 GB/s, 300 W, NVLink bridge 600 GB/s for 2 GPUs only \
            (300 per direction; beyond the pair traffic goes over PCIe), PCIe Gen4 x16. Memory: 81,920 MiB \
            = 85.90e9 B in public nvidia-smi logs. Host: no server given; 2 TB / 8 GPUs assumed. \
            Price: no public price. GEMM: A100 PCIe MAMF 252.9 TFLOP/s = 0.81 \
            (stas00/ml-engineering compute/accelerator/README.md)."),
    },
    HardwarePreset {
        id: "l40s",
        label: "NVIDIA L40S",
        memory_label: "48 GB GDDR6 (ECC)",
        vendor: Vendor::Nvidia,
        family: "Ada Lovelace",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 48.31 * GB,
            hbm_bw_bytes_per_s: 864.0 * GB,
            bf16_flops_per_s: 362.0 * TFLOPS,
            fp8_flops_per_s: 733.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA L40S datasheet (English copy https://www.mullet.se/product.html?product_id=355414; Chinese \
            datasheet doc 2907810): BF16 \"362.05 | 733*\", FP8 \"733 | 1,466*\" (dense | sparse), 48 GB GDDR6 \
            with ECC, 864 GB/s, PCIe Gen4 x16, 350 W, no NVLink (so no GPU link; aiconfigurator's 450 GB/s \
            is wrong). Sheets disagree (362.05 / 362.5 / 733/2 = 366.5, within 1.3 %); 362 used. Memory: \
            46,068 MiB = 48.31e9 B with ECC on (ai-dynamo/aiconfigurator src/aiconfigurator/systems/l40s.yaml). \
            Host: no server given; 2 TB / 8 GPUs assumed. Price: no public price. GEMM: no measurement; \
            0.75 assumed."),
    },
    HardwarePreset {
        id: "h100-sxm",
        label: "NVIDIA H100 SXM 80GB",
        memory_label: "80 GB HBM3",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 85.52 * GB,
            hbm_bw_bytes_per_s: 3350.0 * GB,
            bf16_flops_per_s: 989.4 * TFLOPS,
            fp8_flops_per_s: 1978.9 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 450.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 2.49,
            gemm_fraction_measured: 0.80,
        },
        source: crate::presets::source_note!("NVIDIA H100 architecture whitepaper v1.04, Tables 1 and 3 \
            (https://nvdam.widen.net/s/95bdhpsgrs/nvidia_h100_tensor_core_gpu_architecture_whitepaper_v1.03): \
            BF16 989.4 / FP8 1,978.9 TFLOP/s dense; https://www.nvidia.com/en-us/data-center/h100/ prints only \
            the sparse 1,979* / 3,958*, halved here. 3,350 GB/s HBM3, NVLink 4 900 GB/s total = 450 per \
            direction over NVSwitch (8-GPU HGX), PCIe Gen5 x16. Memory: 81,559 MiB = 85.52e9 B in public \
            nvidia-smi logs. Host: DGX H100 2 TB / 8 GPUs. Price: $2.49/h, low end of the $2.49-3.99 neocloud \
            range (https://pricegpu.pages.dev/blog/h100-vs-a100-cloud-price, same source as the A100 price; \
            https://aiapiplaybook.com/blog/gpu-cloud-pricing-2026-a100-vs-h100-vs-serverless-inference-compared \
            reports $1.49-2.10). GEMM: H100 SXM MAMF 794.5 TFLOP/s = 0.80 (stas00/ml-engineering \
            compute/accelerator/README.md). LLM-Viewer's 3,072 GB/s and 1,979 TFLOP/s are wrong."),
    },
    HardwarePreset {
        id: "h100-pcie",
        label: "NVIDIA H100 PCIe 80GB",
        memory_label: "80 GB HBM2e",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 80.0 * GIB,
            hbm_bw_bytes_per_s: 2000.0 * GB,
            bf16_flops_per_s: 756.0 * TFLOPS,
            fp8_flops_per_s: 1513.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 300.0 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.80,
        },
        source: crate::presets::source_note!("NVIDIA H100 whitepaper v1.04 (final): 756 BF16 / 1,513 FP8 TFLOP/s dense, 114 SMs, 350 W; \
            the Chinese datasheet doc 2287922 R7 still has pre-launch 1,600*/3,200*, not used. Product brief \
            PB-11133-001_v02 (https://manuals.plus/m/d4b5dc21484df3ba8fbe84918338461cc074a3fcebcc13423eadc2b10ac3bda4): \
            80 GB HBM2e, \">2,000 GB/s\"; the headline 2,000 GB/s is used, not the 2,039 of clock arithmetic. \
            NVLink bridge 600 GB/s for a pair (300 per direction), PCIe Gen5 x16. Memory: no public reading; \
            80 GiB with no reservation subtracted. Host: no server given; 2 TB / 8 GPUs assumed. Price: no \
            public price. GEMM: no measurement; H100 SXM's MAMF 0.80 (same GH100 die) used."),
    },
    HardwarePreset {
        id: "h100-nvl",
        label: "NVIDIA H100 NVL 94GB",
        memory_label: "94 GB HBM3",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 100.49 * GB,
            hbm_bw_bytes_per_s: 3938.0 * GB,
            bf16_flops_per_s: 835.5 * TFLOPS,
            fp8_flops_per_s: 1670.5 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 300.0 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 3.07,
            gemm_fraction_measured: 0.80,
        },
        source: crate::presets::source_note!("NVIDIA H100 NVL product brief PB-11773-001_v01 \
            (https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/h100/PB-11773-001_v01.pdf): 94 GB HBM3, \
            3,938 GB/s, 400 W default; H100 datasheet NVL column (PNY copy \
            https://www.pny.com/file%20library/company/support/product%20brochures/nvidia%20data%20center%20gpus/english/h100-nvl-datasheet.pdf): \
            1,671* / 3,341* sparse, halved to 835.5 BF16 / 1,670.5 FP8 dense (not the SXM 989 llm-calc uses). \
            Per GPU, not the launch-era 188 GB pair. NVLink bridge 600 GB/s for a pair (300 per direction), \
            PCIe Gen5 x16. Memory: 95,830 MiB = 100.49e9 B read from a device. Host: no server given; \
            2 TB / 8 GPUs assumed. Price: RunPod $3.07/h (https://gpu.blog/gpus/nvidia-h100-nvl). GEMM: no \
            measurement; H100 SXM's MAMF 0.80 (same GH100 die) used."),
    },
    HardwarePreset {
        id: "h200",
        label: "NVIDIA H200 SXM 141GB",
        memory_label: "141 GB HBM3e",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 150.75 * GB,
            hbm_bw_bytes_per_s: 4800.0 * GB,
            bf16_flops_per_s: 989.4 * TFLOPS,
            fp8_flops_per_s: 1978.9 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 450.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 2.25,
            gemm_fraction_measured: 0.80,
        },
        source: crate::presets::source_note!("NVIDIA H200 product page https://www.nvidia.com/en-us/data-center/h200/ and datasheet doc 3512650: \
            141 GB HBM3e, 4.8 TB/s (clock arithmetic 3,201 MHz x 2 x 768 B gives 4.92; the vendor 4,800 is \
            kept), 1,979* / 3,958* sparse halved to 989.4 BF16 / 1,978.9 FP8 dense. NVLink 4 450 GB/s per \
            direction on an 8-GPU HGX board, PCIe Gen5 x16 (MLPerf mlcommons/inference_results_v4.1 \
            closed/NVIDIA/systems/H200-SXM-141GBx8_TRT_MaxQ.json). Memory [M] measured: nvidia-smi 143,771 MiB = \
            150.75e9 B is used (CUDA total_memory is 150.11e9 B). Host: MLPerf HGX H200 node 2 TB / 8 GPUs. \
            Price: $2.25/h, a provider's lowest-tracked claim, June 2026 (https://packet.ai/blog/gpu-pricing-models-compared; \
            AWS $8-14/h). GEMM: no measurement; H100 SXM's MAMF 0.80 (same GH100 die, same 700 W) used."),
    },
    HardwarePreset {
        id: "gh200",
        label: "NVIDIA GH200 144GB HBM3e",
        memory_label: "144 GB HBM3e",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 153.008_209_920 * GB,
            hbm_bw_bytes_per_s: 4900.0 * GB,
            bf16_flops_per_s: 989.4 * TFLOPS,
            fp8_flops_per_s: 1978.9 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 450.0 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: NVLINK_C2C,
            host_bytes_per_gpu: 480.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.84,
        },
        source: crate::presets::source_note!("NVIDIA GH200 datasheet via https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/ \
            (read through copies): Hopper GPU at 1,979* / 3,958* sparse = 989.4 BF16 / 1,978.9 FP8 dense \
            (GenZ's 1,979 dense is the sparse figure); 144 GB HBM3e at 4.9 TB/s. The Aug 2023 announcement \
            said 141 GB at 5 TB/s (https://nishikiout.net/entry/2023/08/09/143040); the later datasheet's \
            144 GB / 4.9 TB/s is trusted because a shipping part reports 153,008,209,920 B from \
            cuDeviceTotalMem [M], more than any 141 GB Hopper exposes. Host link NVLink-C2C 900 GB/s = 450 \
            per direction to Grace with 120/240/480 GB LPDDR5X; the 480 GB build is used. GPU link: NVLink 4 \
            450 GB/s per direction, wired only in NVL2/NVL32 builds; domain 2 (NVL2) here, many clusters \
            link superchips only through the NIC. Price: no public price. GEMM: GH200 MAMF 828.6 TFLOP/s = \
            0.84 (stas00/ml-engineering compute/accelerator/README.md; HBM variant not stated)."),
    },
    HardwarePreset {
        id: "gh200-96gb",
        label: "NVIDIA GH200 96GB HBM3",
        memory_label: "96 GB HBM3",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 102.63 * GB,
            hbm_bw_bytes_per_s: 4000.0 * GB,
            bf16_flops_per_s: 989.4 * TFLOPS,
            fp8_flops_per_s: 1978.9 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 450.0 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: NVLINK_C2C,
            host_bytes_per_gpu: 480.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.84,
        },
        source: crate::presets::source_note!("NVIDIA GH200 datasheet via https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/ \
            (read through copies; cross-checked by stas00/ml-engineering compute/accelerator/README.md): \
            989.4 BF16 / 1,978.9 FP8 TFLOP/s dense (1,979* / 3,958* sparse halved), 96 GB HBM3 at 4 TB/s. \
            Memory: 97,871 MiB = 102.63e9 B in public nvidia-smi logs (device named \"GH200 480GB\": that \
            number is the Grace LPDDR5X, not HBM). Host link NVLink-C2C 450 GB/s per direction; 480 GB \
            LPDDR5X build used. GPU link: NVLink 4 450 GB/s per direction in NVL2/NVL32 builds only; \
            domain 2 (NVL2) here. Price: no public price. GEMM: GH200 MAMF 0.84 (HBM variant not stated)."),
    },
    HardwarePreset {
        id: "h20",
        label: "NVIDIA H20",
        memory_label: "96 GB HBM3",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 102.63 * GB,
            hbm_bw_bytes_per_s: 4000.0 * GB,
            bf16_flops_per_s: 148.0 * TFLOPS,
            fp8_flops_per_s: 296.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 450.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.80,
        },
        source: crate::presets::source_note!("No NVIDIA datasheet exists (China export part). Partner sheet as reported late 2023 \
            (https://www.tweaktown.com/news/95224/nvidias-tweaked-h20-ai-gpu-enters-mass-production-in-q2-2024-destined-for-china/index.html; \
            Baidu Baike H20 entry): 96 GB HBM3, 4.0 TB/s, 148 BF16 / 296 FP8 TFLOP/s, NVLink 900 GB/s (450 \
            per direction), 8-way HGX, PCIe Gen5 x16. 148/296 read as dense: export TPP 296 x 8 / 814 mm2 = \
            2.9 matches the reported performance density, and NVIDIA's ai-dynamo/aiconfigurator \
            src/aiconfigurator/systems/h20_sxm.yaml uses 148e12. Memory: 97,871 MiB = 102.63e9 B in a public \
            nvidia-smi log. Host: no server given; 2 TB / 8 GPUs assumed. Price: no public price. GEMM: no \
            measurement; H100 SXM's MAMF 0.80 (same GH100 die; the capped rate may change it) used."),
    },
    HardwarePreset {
        id: "b200",
        label: "NVIDIA B200 (HGX/DGX)",
        memory_label: "180 GB HBM3e",
        vendor: Vendor::Nvidia,
        family: "Blackwell",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 192.27 * GB,
            hbm_bw_bytes_per_s: 8000.0 * GB,
            bf16_flops_per_s: 2250.0 * TFLOPS,
            fp8_flops_per_s: 4500.0 * TFLOPS,
            fp4_flops_per_s: 9000.0 * TFLOPS,
            link_bw_bytes_per_s: 900.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 3.75,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA HGX B200 / DGX B200 pages (https://www.nvidia.com/en-us/data-center/dgx-b200/), \
            cross-checked by https://glennklockwood.com/garden/processors/B200: 8 GPUs = 36 / 72 / 144 PF \
            BF16 / FP8 / FP4 sparse, so 2,250 / 4,500 / 9,000 TFLOP/s dense per GPU at 1,000 W. 180 GB per \
            GPU enabled (1,440 GB / 8; the Blackwell brief https://resources.nvidia.com/en-us-blackwell-architecture \
            says up to 192 GB raw); bandwidth 8 TB/s from the newer DGX page, not the brief's 7.7. NVLink 5 \
            1.8 TB/s = 900 per direction, 8-GPU NVSwitch. Host link PCIe Gen5 x16 per the Blackwell brief \
            (Gen6 claimed elsewhere [U]). Memory: 183,359 MiB = 192.27e9 B in public nvidia-smi logs. \
            Host: DGX B200 2 TB (4 TB option) / 8 GPUs. Price: $3.75/h, a provider's lowest-tracked claim, \
            June 2026 (https://packet.ai/blog/gpu-pricing-models-compared). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "gb200",
        label: "NVIDIA GB200 (per GPU, NVL72)",
        memory_label: "186 GB HBM3e",
        vendor: Vendor::Nvidia,
        family: "Blackwell",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 198.67 * GB,
            hbm_bw_bytes_per_s: 8000.0 * GB,
            bf16_flops_per_s: 2500.0 * TFLOPS,
            fp8_flops_per_s: 5000.0 * TFLOPS,
            fp4_flops_per_s: 10000.0 * TFLOPS,
            link_bw_bytes_per_s: 900.0 * GB,
            link_domain_gpus: 72,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: 225.0 * GB,
            host_bytes_per_gpu: 240.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA GB200 NVL72 page https://www.nvidia.com/en-us/data-center/gb200-nvl72/: 360 / 720 / \
            1,440 PF BF16 / FP8 / FP4 sparse per rack (\"dense is one-half\"), / 72 = 2,500 / 5,000 / 10,000 \
            TFLOP/s dense per GPU (1,200 W); 13.4 TB and 576 TB/s per rack = 186 GB, 8 TB/s per GPU (the \
            current 13.4 TB, not the earlier 13.5 TB / 192 GB). Memory: 189,471 MiB = 198.67e9 B in public \
            nvidia-smi logs; MLPerf mlcommons/inference_results_v6.1 \
            closed/Crusoe/systems/GB200-NVL72_GB200-186GB_aarch64x16_Dynamo.json lists 186 GB. NVLink 5 900 GB/s \
            per direction, 72-GPU switch domain. Host: one Grace per 2 GPUs, NVLink-C2C 900 GB/s per \
            superchip; NVIDIA does not state the split [U], so 225 GB/s per GPU per direction (both GPUs \
            swapping at once; one alone may see 450), and 480 GB LPDDR5X / 2 GPUs = 240 GB. Price: no public \
            price (sold by the rack). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "rtx-4090",
        label: "NVIDIA GeForce RTX 4090",
        memory_label: "24 GB GDDR6X",
        vendor: Vendor::Nvidia,
        family: "Ada Lovelace",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 25.76 * GB,
            hbm_bw_bytes_per_s: 1008.0 * GB,
            bf16_flops_per_s: 165.2 * TFLOPS,
            fp8_flops_per_s: 330.3 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: 64.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA Ada architecture whitepaper v2.02 \
            (https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf), Appendix A: BF16/FP16 tensor with FP32 accumulate \
            165.2 TFLOP/s dense and FP8 with FP32 accumulate 330.3 dense (GeForce halves FP32-accumulate; \
            the FP16-accumulate 330.3 / 660.6 are not what PyTorch GEMMs use). 24 GB GDDR6X, 21 Gbps x 384 bit \
            = 1,008 GB/s, PCIe Gen4 x16, no NVLink (GPU link 0; GeForce peer-to-peer is limited). Memory: \
            24,564 MiB = 25.76e9 B in public nvidia-smi logs. Cross-check: iopsystems/llm-calc \
            src/data/accelerators.ts 165 / 330 / 1,008. Host: a desktop; 64 GB is an assumption. Price: no \
            public price. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "v100-sxm2-32gb",
        label: "NVIDIA V100 SXM2 32GB",
        memory_label: "32 GB HBM2",
        vendor: Vendor::Nvidia,
        family: "Volta",
        year: 2018,
        spec: HardwareSpec {
            hbm_bytes: 32.0 * GIB,
            hbm_bw_bytes_per_s: 900.0 * GB,
            bf16_flops_per_s: 125.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 150.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 25.0 * GB,
            host_bw_bytes_per_s: PCIE3_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA V100 datasheet (doc 1165301 R5) \
            https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf: \
            SXM2 tensor performance 125 TFLOP/s (FP16 in, FP32 accumulate; Volta has no BF16 and no sparsity, so \
            the figure is dense and engines run FP16), 32 GB HBM2, 900 GB/s, NVLink 300 GB/s total = 6 links x \
            25 GB/s per direction = 150 per direction, 300 W, PCIe Gen3 x16 (15.75 GB/s per direction). Link: \
            the 8-GPU DGX-1V board is a hybrid cube-mesh, not a switch: one peer may get a single 25 GB/s link, \
            so the per-peer figure is 25 (TP 2 is understated where a pair has two links). Memory: no public \
            reading used; 32 GiB with no reservation. Host: no server given; 2 TB / 8 GPUs assumed. Price: none. \
            GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "t4",
        label: "NVIDIA T4",
        memory_label: "16 GB GDDR6",
        vendor: Vendor::Nvidia,
        family: "Turing",
        year: 2018,
        spec: HardwareSpec {
            hbm_bytes: 16.106_127_360 * GB,
            hbm_bw_bytes_per_s: 320.0 * GB,
            bf16_flops_per_s: 65.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE3_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.35,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA T4 datasheet \
            https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/tesla-t4/t4-tensor-core-datasheet-951643.pdf: \
            mixed-precision (FP16/FP32) tensor 65 TFLOP/s (Turing has no BF16, no FP8 and no sparsity: dense), \
            INT8 130 TOPS, 16 GB GDDR6, 320 GB/s, 70 W, PCIe Gen3 x16, no NVLink. Memory: 15,360 MiB = 16.106e9 \
            B in public nvidia-smi logs (Colab, GCP). Host: no server given; 2 TB / 8 GPUs assumed. Price: GCP \
            on-demand $0.35 per T4-hour, us-central1 (https://cloud.google.com/compute/gpus-pricing). GEMM: no \
            measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "a10",
        label: "NVIDIA A10",
        memory_label: "24 GB GDDR6",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2021,
        spec: HardwareSpec {
            hbm_bytes: 24.146_608_128 * GB,
            hbm_bw_bytes_per_s: 600.0 * GB,
            bf16_flops_per_s: 125.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA A10 datasheet \
            https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a10/pdf/datasheet-new/nvidia-a10-datasheet.pdf: \
            BF16 tensor 125 | 250* TFLOP/s (dense | sparse), no FP8 (Ampere), 24 GB GDDR6, 600 GB/s, 150 W, PCIe \
            Gen4 x16, no NVLink. Memory: 23,028 MiB = 24.15e9 B in public nvidia-smi logs. Host: no server \
            given; 2 TB / 8 GPUs assumed. Price: no public list price. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "a10g",
        label: "NVIDIA A10G (AWS)",
        memory_label: "24 GB GDDR6",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2021,
        spec: HardwareSpec {
            hbm_bytes: 24.146_608_128 * GB,
            hbm_bw_bytes_per_s: 600.0 * GB,
            bf16_flops_per_s: 70.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: 16.0 * GIB,
            usd_per_gpu_hour: 1.006,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AWS EC2 G5 page https://aws.amazon.com/ec2/instance-types/g5/: NVIDIA A10G with 24 GB per GPU; \
            NVIDIA publishes no A10G datasheet. 600 GB/s and 70 TFLOP/s dense FP16/BF16 tensor with FP32 \
            accumulate [U]: Baseten's spec comparison \
            https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/ (a third-party cross-check, \
            not a vendor). The figure fits a GA102 with 80 SMs at 1.71 GHz running FP32 accumulate at the \
            GeForce half rate, like the RTX 3090's 71. No FP8, no NVLink (G5 GPUs talk over PCIe), 300 W cap. \
            Memory: 23,028 MiB = 24.15e9 B in public nvidia-smi logs. Host: g5.xlarge has 16 GiB for its one \
            GPU. Price: g5.xlarge $1.006/h on demand, us-east-1, with 4 vCPU (AWS page above). GEMM: no \
            measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "a40",
        label: "NVIDIA A40",
        memory_label: "48 GB GDDR6 (ECC)",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2020,
        spec: HardwareSpec {
            hbm_bytes: 48.0 * GIB,
            hbm_bw_bytes_per_s: 696.0 * GB,
            bf16_flops_per_s: 149.7 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 56.25 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA A40 datasheet \
            https://images.nvidia.com/content/Solutions/data-center/a40/nvidia-a40-datasheet.pdf: BF16 tensor \
            with FP32 accumulate 149.7 | 299.4* TFLOP/s (dense | sparse; data-centre Ampere runs FP32 accumulate \
            at full rate), no FP8, 48 GB GDDR6 with ECC, 696 GB/s, NVLink bridge 112.5 GB/s bidirectional for a \
            pair = 56.25 per direction, PCIe Gen4 x16, 300 W. Memory: no public reading used; 48 GiB with no \
            reservation (ECC may reserve some, as on the L40S). Host: no server given; 2 TB / 8 GPUs assumed. \
            Price: none. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "a100-pcie-40gb",
        label: "NVIDIA A100 PCIe 40GB",
        memory_label: "40 GB HBM2",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2020,
        spec: HardwareSpec {
            hbm_bytes: 42.405_855_232 * GB,
            hbm_bw_bytes_per_s: 1555.0 * GB,
            bf16_flops_per_s: 312.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 300.0 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.81,
        },
        source: crate::presets::source_note!("NVIDIA A100 datasheet (2020 edition) \
            https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet.pdf: \
            A100 40GB PCIe, 312 TFLOP/s BF16 dense (624 sparse), no FP8, 40 GB HBM2, 1,555 GB/s, 250 W, NVLink \
            bridge 600 GB/s for a pair (300 per direction), PCIe Gen4 x16. Memory: the same 40 GB HBM2 as the \
            SXM 40GB, whose deviceQuery reads 42,405,855,232 B \
            (https://upb-pc2.atlassian.net/wiki/spaces/PC2DOK/pages/1900609/NVIDIA+A100+40GB+with+NVLINK). Host: \
            no server given; 2 TB / 8 GPUs assumed. Price: none. GEMM: A100 PCIe MAMF 252.9 TFLOP/s = 0.81 \
            (stas00/ml-engineering compute/accelerator/README.md; memory size not stated)."),
    },
    HardwarePreset {
        id: "rtx-3090",
        label: "NVIDIA GeForce RTX 3090",
        memory_label: "24 GB GDDR6X",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2020,
        spec: HardwareSpec {
            hbm_bytes: 24.0 * GIB,
            hbm_bw_bytes_per_s: 936.0 * GB,
            bf16_flops_per_s: 71.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 56.25 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: 64.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA Ampere GA102 whitepaper v2 \
            https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf, Appendix \
            A: RTX 3090 peak FP16/BF16 tensor with FP32 accumulate 71 | 142* TFLOP/s (dense | sparse; GeForce \
            halves FP32 accumulate, the FP16-accumulate 142 is not what PyTorch GEMMs use), no FP8, 24 GB GDDR6X \
            at 19.5 Gbps x 384 bit = 936 GB/s, 350 W, PCIe Gen4 x16, NVLink bridge 112.5 GB/s for a pair = 56.25 \
            per direction. Memory: 24 GiB (24,576 MiB) with no reservation. Host: a desktop; 64 GB is an \
            assumption. Price: none. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "rtx-a6000",
        label: "NVIDIA RTX A6000",
        memory_label: "48 GB GDDR6 (ECC)",
        vendor: Vendor::Nvidia,
        family: "Ampere",
        year: 2020,
        spec: HardwareSpec {
            hbm_bytes: 48.0 * GIB,
            hbm_bw_bytes_per_s: 768.0 * GB,
            bf16_flops_per_s: 154.8 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 56.25 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA RTX A6000 product page and datasheet \
            https://www.nvidia.com/en-us/design-visualization/rtx-a6000/: tensor performance 309.7 TFLOP/s with \
            sparsity, halved to 154.8 dense FP16/BF16 (professional Ampere runs FP32 accumulate at full rate), \
            no FP8, 48 GB GDDR6 with ECC, 768 GB/s, 300 W, PCIe Gen4 x16, NVLink bridge 112.5 GB/s for a pair = \
            56.25 per direction. Memory: no public reading used; 48 GiB with no reservation. Host: no server \
            given; 2 TB / 8 GPUs assumed. Price: none. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "l4",
        label: "NVIDIA L4",
        memory_label: "24 GB GDDR6",
        vendor: Vendor::Nvidia,
        family: "Ada Lovelace",
        year: 2023,
        spec: HardwareSpec {
            hbm_bytes: 24.152_899_584 * GB,
            hbm_bw_bytes_per_s: 300.0 * GB,
            bf16_flops_per_s: 121.0 * TFLOPS,
            fp8_flops_per_s: 242.5 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA L4 product page https://www.nvidia.com/en-us/data-center/l4/ and datasheet: BF16 tensor 242* \
            and FP8 485* TFLOP/s, footnoted with sparsity, halved to 121 / 242.5 dense; 24 GB GDDR6, 300 GB/s, \
            72 W, PCIe Gen4 x16, no NVLink. Memory: 23,034 MiB = 24.15e9 B in public nvidia-smi logs. Host: no \
            server given; 2 TB / 8 GPUs assumed. Price: none used. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "l40",
        label: "NVIDIA L40",
        memory_label: "48 GB GDDR6 (ECC)",
        vendor: Vendor::Nvidia,
        family: "Ada Lovelace",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 48.31 * GB,
            hbm_bw_bytes_per_s: 864.0 * GB,
            bf16_flops_per_s: 181.05 * TFLOPS,
            fp8_flops_per_s: 362.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA L40 datasheet https://images.nvidia.com/content/Solutions/data-center/vgpu-L40-datasheet.pdf: \
            BF16 tensor 181.05 | 362.1* and FP8 362 | 724* TFLOP/s (dense | sparse), 48 GB GDDR6 with ECC, 864 \
            GB/s, 300 W, PCIe Gen4 x16, no NVLink. Memory: the L40S's 46,068 MiB = 48.31e9 B with ECC on (same \
            48 GB GDDR6 board; ai-dynamo/aiconfigurator src/aiconfigurator/systems/l40s.yaml), an inference for \
            the L40. Host: no server given; 2 TB / 8 GPUs assumed. Price: none. GEMM: no measurement; 0.75 \
            assumed."),
    },
    HardwarePreset {
        id: "rtx-6000-ada",
        label: "NVIDIA RTX 6000 Ada Generation",
        memory_label: "48 GB GDDR6 (ECC)",
        vendor: Vendor::Nvidia,
        family: "Ada Lovelace",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 48.0 * GIB,
            hbm_bw_bytes_per_s: 960.0 * GB,
            bf16_flops_per_s: 364.25 * TFLOPS,
            fp8_flops_per_s: 728.5 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA RTX 6000 Ada product page and datasheet \
            https://www.nvidia.com/en-us/design-visualization/rtx-6000/: tensor performance 1,457 TFLOP/s (FP8 \
            with sparsity), so 728.5 FP8 and 364.25 BF16 dense (professional Ada runs FP32 accumulate at full \
            rate, as the L40S does); 48 GB GDDR6 with ECC, 960 GB/s, 300 W, PCIe Gen4 x16, no NVLink. Memory: no \
            public reading used; 48 GiB with no reservation. Host: no server given; 2 TB / 8 GPUs assumed. \
            Price: none. GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "h200-nvl",
        label: "NVIDIA H200 NVL 141GB",
        memory_label: "141 GB HBM3e",
        vendor: Vendor::Nvidia,
        family: "Hopper",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 150.75 * GB,
            hbm_bw_bytes_per_s: 4200.0 * GB,
            bf16_flops_per_s: 835.5 * TFLOPS,
            fp8_flops_per_s: 1670.5 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 450.0 * GB,
            link_domain_gpus: 4,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.80,
        },
        source: crate::presets::source_note!("NVIDIA H200 product page https://www.nvidia.com/en-us/data-center/h200/ and H200 NVL datasheet: 141 \
            GB HBM3e, FP16/BF16 1,671* and FP8 3,341* TFLOP/s with sparsity, halved to 835.5 / 1,670.5 dense, up \
            to 600 W, 2- or 4-way NVLink bridge 900 GB/s per GPU = 450 per direction (domain 4), PCIe Gen5 x16. \
            Bandwidth: the product page prints 4.8 TB/s for both H200 forms, the NVL datasheet 4.2 TB/s in its \
            table, text and key features; the datasheet is more specific, so 4.2. Memory: the same 141 GB HBM3e \
            as the H200 SXM, whose measured nvidia-smi total is 143,771 MiB = 150.75e9 B. Host: no server given; \
            2 TB / 8 GPUs assumed. Price: none. GEMM: no measurement; H100 SXM's MAMF 0.80 (same GH100 die) \
            used."),
    },
    HardwarePreset {
        id: "b300",
        label: "NVIDIA B300 (HGX/DGX)",
        memory_label: "288 GB HBM3e",
        vendor: Vendor::Nvidia,
        family: "Blackwell Ultra",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 288.0 * GIB,
            hbm_bw_bytes_per_s: 8000.0 * GB,
            bf16_flops_per_s: 2250.0 * TFLOPS,
            fp8_flops_per_s: 4500.0 * TFLOPS,
            fp4_flops_per_s: 13500.0 * TFLOPS,
            link_bw_bytes_per_s: 900.0 * GB,
            link_domain_gpus: 8,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA DGX B300 page https://www.nvidia.com/en-us/data-center/dgx-b300/ and HGX page \
            https://www.nvidia.com/en-us/data-center/hgx/: 8 GPUs = FP4 144 | 108 PF (sparse | dense: Blackwell \
            Ultra's FP4 sparsity gain is 1.33x, not 2x), FP8 72 PF and FP16/BF16 36 PF sparse, so per GPU 13,500 \
            FP4, 4,500 FP8 and 2,250 BF16 TFLOP/s dense; 2.3 TB HBM3e = 288 GB per GPU, 8 TB/s, NVLink 5 1.8 \
            TB/s = 900 per direction over an 8-GPU switch, 1,100 W. Host link: the GPUs reach PCIe Gen6 \
            ConnectX-8 switches but the Xeon 6 hosts are Gen5, so Gen5 x16 (63 GB/s) bounds a swap. Memory: no \
            public reading; 288 GiB with no reservation [U]. Host: DGX B300 2 TB / 8 GPUs. Price: none. GEMM: no \
            measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "gb300",
        label: "NVIDIA GB300 (per GPU, NVL72)",
        memory_label: "288 GB HBM3e",
        vendor: Vendor::Nvidia,
        family: "Blackwell Ultra",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 288.0 * GIB,
            hbm_bw_bytes_per_s: 8000.0 * GB,
            bf16_flops_per_s: 2500.0 * TFLOPS,
            fp8_flops_per_s: 5000.0 * TFLOPS,
            fp4_flops_per_s: 15000.0 * TFLOPS,
            link_bw_bytes_per_s: 900.0 * GB,
            link_domain_gpus: 72,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: 225.0 * GB,
            host_bytes_per_gpu: 240.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA GB300 NVL72 page https://www.nvidia.com/en-us/data-center/gb300-nvl72/: per rack FP4 1,440 | \
            1,080 PF (sparse | dense), FP8/FP6 720 PF and FP16/BF16 360 PF sparse, so per GPU (/72) 15,000 FP4, \
            5,000 FP8 and 2,500 BF16 TFLOP/s dense; up to 576 TB/s HBM3e = 8 TB/s per GPU, 288 GB per Blackwell \
            Ultra GPU (the rack's \"up to 20 TB\" / 72 = 278 GB suggests a reservation [U]), NVLink 5 900 GB/s \
            per direction across the 72-GPU switch domain. Host: one Grace per 2 GPUs over NVLink-C2C (900 GB/s \
            per superchip), split as for the GB200: 225 GB/s per GPU per direction when both swap, and 17 TB \
            LPDDR5X per rack = about 480 GB per Grace, 240 GB per GPU. Memory: 288 GiB with no reservation. \
            Price: none (sold by the rack). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "rtx-5090",
        label: "NVIDIA GeForce RTX 5090",
        memory_label: "32 GB GDDR7",
        vendor: Vendor::Nvidia,
        family: "Blackwell",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 34.190_917_632 * GB,
            hbm_bw_bytes_per_s: 1792.0 * GB,
            bf16_flops_per_s: 209.5 * TFLOPS,
            fp8_flops_per_s: 419.0 * TFLOPS,
            fp4_flops_per_s: 1676.0 * TFLOPS,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 64.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA RTX Blackwell GPU architecture whitepaper \
            https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf, \
            Appendix A: RTX 5090 FP16/BF16 tensor with FP32 accumulate 209.5 | 419* TFLOP/s, FP8 with FP32 \
            accumulate 419 | 838*, FP4 1,676 | 3,352* (dense | sparse; GeForce halves FP32 accumulate, the \
            FP16-accumulate rates are not what PyTorch GEMMs use; 3,352 is the product page's \"AI TOPS\"); 32 \
            GB GDDR7 at 28 Gbps x 512 bit = 1,792 GB/s, 575 W, PCIe Gen5 x16, no NVLink \
            (https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/rtx-5090/). Memory: 32,607 MiB = \
            34.19e9 B in public nvidia-smi logs. Host: a desktop; 64 GB is an assumption. Price: none. GEMM: no \
            measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "rtx-pro-6000-blackwell",
        label: "NVIDIA RTX PRO 6000 Blackwell Workstation",
        memory_label: "96 GB GDDR7 (ECC)",
        vendor: Vendor::Nvidia,
        family: "Blackwell",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 102.641_958_912 * GB,
            hbm_bw_bytes_per_s: 1792.0 * GB,
            bf16_flops_per_s: 500.0 * TFLOPS,
            fp8_flops_per_s: 1000.0 * TFLOPS,
            fp4_flops_per_s: 2000.0 * TFLOPS,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 256.0 * GB,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA RTX PRO 6000 Blackwell datasheets \
            (https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/ and \
            https://www.nvidia.com/en-us/data-center/rtx-pro-6000-blackwell-server-edition/): 188 SMs of GB202, \
            96 GB GDDR7 with ECC at 28 Gbps x 512 bit = 1,792 GB/s, up to 4,000 AI TOPS (FP4 with sparsity), 125 \
            TFLOP/s FP32, PCIe Gen5 x16, no NVLink. Dense FP4 2,000; FP8 1,000 and BF16 500 TFLOP/s follow \
            Blackwell's 4:2:1 ratio at full-rate FP32 accumulate (professional parts are not halved as GeForce \
            is: 188 SMs x 1,024 FLOP/clk x about 2.6 GHz = 500) [U: NVIDIA prints only the FP4 figure]. Memory: \
            97,887 MiB = 102.64e9 B in public nvidia-smi logs. Price: none. GEMM: no measurement; 0.75 assumed. \
            Workstation Edition: 600 W, actively cooled. Host: a workstation; 256 GB is an assumption."),
    },
    HardwarePreset {
        id: "rtx-pro-6000-blackwell-server",
        label: "NVIDIA RTX PRO 6000 Blackwell Server Edition",
        memory_label: "96 GB GDDR7 (ECC)",
        vendor: Vendor::Nvidia,
        family: "Blackwell",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 102.641_958_912 * GB,
            hbm_bw_bytes_per_s: 1792.0 * GB,
            bf16_flops_per_s: 500.0 * TFLOPS,
            fp8_flops_per_s: 1000.0 * TFLOPS,
            fp4_flops_per_s: 2000.0 * TFLOPS,
            link_bw_bytes_per_s: 0.0,
            link_domain_gpus: 0,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: HOST_2TB_PER_8,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA RTX PRO 6000 Blackwell datasheets \
            (https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/ and \
            https://www.nvidia.com/en-us/data-center/rtx-pro-6000-blackwell-server-edition/): 188 SMs of GB202, \
            96 GB GDDR7 with ECC at 28 Gbps x 512 bit = 1,792 GB/s, up to 4,000 AI TOPS (FP4 with sparsity), 125 \
            TFLOP/s FP32, PCIe Gen5 x16, no NVLink. Dense FP4 2,000; FP8 1,000 and BF16 500 TFLOP/s follow \
            Blackwell's 4:2:1 ratio at full-rate FP32 accumulate (professional parts are not halved as GeForce \
            is: 188 SMs x 1,024 FLOP/clk x about 2.6 GHz = 500) [U: NVIDIA prints only the FP4 figure]. Memory: \
            97,887 MiB = 102.64e9 B in public nvidia-smi logs. Price: none. GEMM: no measurement; 0.75 assumed. \
            Server Edition: passive, 400-600 W configurable (600 W assumed for the peak rates). Host: no server \
            given; 2 TB / 8 GPUs assumed."),
    },
    HardwarePreset {
        id: "dgx-spark",
        label: "NVIDIA DGX Spark (GB10)",
        memory_label: "128 GB unified LPDDR5x",
        vendor: Vendor::Nvidia,
        family: "Blackwell",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 128.0 * GIB,
            hbm_bw_bytes_per_s: 273.0 * GB,
            bf16_flops_per_s: 125.0 * TFLOPS,
            fp8_flops_per_s: 250.0 * TFLOPS,
            fp4_flops_per_s: 500.0 * TFLOPS,
            link_bw_bytes_per_s: 25.0 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA DGX Spark page https://www.nvidia.com/en-us/products/workstations/dgx-spark/: GB10 Grace \
            Blackwell superchip, up to 1 PFLOP FP4 with sparsity (500 TFLOP/s dense), 128 GB LPDDR5x unified \
            memory at 273 GB/s, ConnectX-7 200 Gb/s networking (25 GB/s per direction) that links two Sparks \
            (domain 2), 4 TB NVMe, 240 W supply. FP8 250 and BF16 125 TFLOP/s follow Blackwell's 4:2:1 ratio [U: \
            NVIDIA prints only the FP4 figure; GB10 has GeForce-class tensor cores (48 SMs x 4,096 FP4 FLOP/clk \
            x about 2.5 GHz = 491 dense matches), and if it also halves FP32 accumulate as GeForce does, BF16 \
            GEMMs would run at 62.5]. Unified memory: the CPU and GPU share the LPDDR5x, counted here as device \
            memory (128 GiB, no reservation; the OS takes some). No host link and no host memory (0): the KV \
            already lives in the only memory, so a context switch recomputes; a spill to the NVMe drive is \
            bounded by its speed (not published): set host_gbps to model it. Price: none (bought, not rented). \
            GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "jetson-agx-thor",
        label: "NVIDIA Jetson AGX Thor (T5000)",
        memory_label: "128 GB unified LPDDR5X",
        vendor: Vendor::Nvidia,
        family: "Blackwell",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 128.0 * GIB,
            hbm_bw_bytes_per_s: 273.0 * GB,
            bf16_flops_per_s: 258.75 * TFLOPS,
            fp8_flops_per_s: 517.5 * TFLOPS,
            fp4_flops_per_s: 1035.0 * TFLOPS,
            link_bw_bytes_per_s: 12.5 * GB,
            link_domain_gpus: 2,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: NO_HOST_LINK,
            host_bytes_per_gpu: NO_HOST_LINK,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("NVIDIA Jetson Thor page \
            https://www.nvidia.com/en-us/autonomous-machines/embedded-systems/jetson-thor/: Jetson AGX Thor \
            (T5000) up to 2,070 FP4 TFLOP/s with sparsity (1,035 dense), 2,560-core Blackwell GPU with 96 \
            fifth-generation tensor cores, 128 GB LPDDR5X (256 bit) at 273 GB/s, 4 x 25 GbE (100 Gb/s = 12.5 \
            GB/s per direction; domain 2 = two modules on one link), 40-130 W. FP8 517.5 and BF16 258.75 follow \
            the 4:2:1 ratio of data-centre Blackwell, whose tensor cores Thor's match (20 SMs x about 32,768 FP4 \
            FLOP/clk x 1.57 GHz = 1,030 dense, as B200's 9,000 / 148 SMs gives) [U: NVIDIA prints only FP4]. \
            Unified memory: no host link and no host memory (0); the KV already lives in the only memory, so a \
            context switch recomputes. Price: none. GEMM: no measurement; 0.75 assumed."),
    },
];

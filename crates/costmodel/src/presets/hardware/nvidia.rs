//! NVIDIA accelerators: data-centre GPUs (Volta to Blackwell Ultra), Grace superchips,
//! workstation and GeForce cards, DGX Spark and Jetson. Conventions: see `super` (hardware/mod.rs).

use super::{HardwarePreset, Vendor, HOST_2TB_PER_8, NVLINK_C2C, PCIE4_X16, PCIE5_X16};
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
];

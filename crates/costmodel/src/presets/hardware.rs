//! Accelerator presets. Conventions (see `shared/fixtures/hardware.md` §0):
//! - memory is the bytes the driver exposes (an "80 GB" A100 is 85.90e9 bytes), not the box label;
//!   where no public reading exists, the vendor figure read as GiB (HBM and GDDR are built from
//!   power-of-two dies), with no reservation subtracted;
//! - bandwidths are decimal datasheet figures (2,039 GB/s = 2.039e12 B/s);
//! - FLOP/s are dense tensor-core peaks, never the 2:4-sparse figure NVIDIA's pages print;
//!   FP8/FP4 are 0 where the part has no rate of its own for that precision;
//! - link figures are one direction; the host link is the per-direction ceiling of the slot
//!   (PCIe Gen4 x16 31.5 GB/s, Gen5 x16 63.0 GB/s) or of NVLink-C2C on Grace parts;
//! - host memory per GPU is an example server's DRAM divided by its GPUs (a server property);
//! - prices are indicative defaults (0 = no public price: the user supplies one);
//! - the GEMM fraction is the best measured BF16 matmul (MAMF, stas00/ml-engineering
//!   `compute/accelerator/README.md`), or a same-architecture sibling's, or 0.75 assumed.
//!
//! Every row's `source` names the documents and the judgement calls made for that row.

use crate::spec::HardwareSpec;
use crate::units::{GB, GIB, TB, TFLOPS, TIB};

/// One accelerator preset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HardwarePreset {
    /// Permanent URL id, lowercase kebab-case (`a100-sxm-80gb`).
    pub id: &'static str,
    /// Display name (`NVIDIA A100 SXM 80GB`).
    pub label: &'static str,
    /// The memory as the vendor prints it (`80 GB HBM2e`).
    pub memory_label: &'static str,
    /// Per-GPU figures in SI units.
    pub spec: HardwareSpec,
    /// Where the figures come from (datasheet, whitepaper, measurement), with links.
    pub source: &'static str,
}

/// PCIe Gen4 x16, one direction: 16 GT/s × 16 lanes × 128/130 / 8 bits.
const PCIE4_X16: f64 = 31.5 * GB;
/// PCIe Gen5 x16, one direction.
const PCIE5_X16: f64 = 63.0 * GB;
/// NVLink-C2C to a Grace CPU, one direction (900 GB/s both ways).
const NVLINK_C2C: f64 = 450.0 * GB;
/// Host DRAM per GPU of a typical 8-GPU server with 2 TB (DGX A100/H100/B200, an MLPerf HGX
/// H200 node); also the assumption for servers whose memory no source gives.
const HOST_2TB_PER_8: f64 = 2.0 * TB / 8.0;

/// All accelerator presets, in display order: NVIDIA datacenter by generation (Ampere, Ada,
/// Hopper, Blackwell), then AMD, then consumer, then TPU.
pub const HARDWARE: &[HardwarePreset] = &[
    // ---------------------------------------------------------------- NVIDIA Ampere
    HardwarePreset {
        id: "a100-sxm-40gb",
        label: "NVIDIA A100 SXM 40GB",
        memory_label: "40 GB HBM2",
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
        source: super::source_note!("NVIDIA A100 datasheet (doc 1758950 R4, JUN21) \
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
        source: super::source_note!("NVIDIA A100 datasheet (doc 1758950 R4) \
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
        source: super::source_note!("NVIDIA A100 datasheet (doc 1758950 R4) \
            https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf: \
            312 TFLOP/s BF16 dense, no FP8, 1,935 GB/s, 300 W, NVLink bridge 600 GB/s for 2 GPUs only \
            (300 per direction; beyond the pair traffic goes over PCIe), PCIe Gen4 x16. Memory: 81,920 MiB \
            = 85.90e9 B in public nvidia-smi logs. Host: no server given; 2 TB / 8 GPUs assumed. \
            Price: no public price. GEMM: A100 PCIe MAMF 252.9 TFLOP/s = 0.81 \
            (stas00/ml-engineering compute/accelerator/README.md)."),
    },
    // ---------------------------------------------------------------- NVIDIA Ada
    HardwarePreset {
        id: "l40s",
        label: "NVIDIA L40S",
        memory_label: "48 GB GDDR6 (ECC)",
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
        source: super::source_note!("NVIDIA L40S datasheet (English copy https://www.mullet.se/product.html?product_id=355414; Chinese \
            datasheet doc 2907810): BF16 \"362.05 | 733*\", FP8 \"733 | 1,466*\" (dense | sparse), 48 GB GDDR6 \
            with ECC, 864 GB/s, PCIe Gen4 x16, 350 W, no NVLink (so no GPU link; aiconfigurator's 450 GB/s \
            is wrong). Sheets disagree (362.05 / 362.5 / 733/2 = 366.5, within 1.3 %); 362 used. Memory: \
            46,068 MiB = 48.31e9 B with ECC on (ai-dynamo/aiconfigurator src/aiconfigurator/systems/l40s.yaml). \
            Host: no server given; 2 TB / 8 GPUs assumed. Price: no public price. GEMM: no measurement; \
            0.75 assumed."),
    },
    // ---------------------------------------------------------------- NVIDIA Hopper
    HardwarePreset {
        id: "h100-sxm",
        label: "NVIDIA H100 SXM 80GB",
        memory_label: "80 GB HBM3",
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
        source: super::source_note!("NVIDIA H100 architecture whitepaper v1.04, Tables 1 and 3 \
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
        source: super::source_note!("NVIDIA H100 whitepaper v1.04 (final): 756 BF16 / 1,513 FP8 TFLOP/s dense, 114 SMs, 350 W; \
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
        source: super::source_note!("NVIDIA H100 NVL product brief PB-11773-001_v01 \
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
        source: super::source_note!("NVIDIA H200 product page https://www.nvidia.com/en-us/data-center/h200/ and datasheet doc 3512650: \
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
        source: super::source_note!("NVIDIA GH200 datasheet via https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/ \
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
        source: super::source_note!("NVIDIA GH200 datasheet via https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/ \
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
        source: super::source_note!("No NVIDIA datasheet exists (China export part). Partner sheet as reported late 2023 \
            (https://www.tweaktown.com/news/95224/nvidias-tweaked-h20-ai-gpu-enters-mass-production-in-q2-2024-destined-for-china/index.html; \
            Baidu Baike H20 entry): 96 GB HBM3, 4.0 TB/s, 148 BF16 / 296 FP8 TFLOP/s, NVLink 900 GB/s (450 \
            per direction), 8-way HGX, PCIe Gen5 x16. 148/296 read as dense: export TPP 296 x 8 / 814 mm2 = \
            2.9 matches the reported performance density, and NVIDIA's ai-dynamo/aiconfigurator \
            src/aiconfigurator/systems/h20_sxm.yaml uses 148e12. Memory: 97,871 MiB = 102.63e9 B in a public \
            nvidia-smi log. Host: no server given; 2 TB / 8 GPUs assumed. Price: no public price. GEMM: no \
            measurement; H100 SXM's MAMF 0.80 (same GH100 die; the capped rate may change it) used."),
    },
    // ---------------------------------------------------------------- NVIDIA Blackwell
    HardwarePreset {
        id: "b200",
        label: "NVIDIA B200 (HGX/DGX)",
        memory_label: "180 GB HBM3e",
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
        source: super::source_note!("NVIDIA HGX B200 / DGX B200 pages (https://www.nvidia.com/en-us/data-center/dgx-b200/), \
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
        source: super::source_note!("NVIDIA GB200 NVL72 page https://www.nvidia.com/en-us/data-center/gb200-nvl72/: 360 / 720 / \
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
    // ---------------------------------------------------------------- AMD Instinct
    HardwarePreset {
        id: "mi300x",
        label: "AMD Instinct MI300X",
        memory_label: "192 GB HBM3",
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
        source: super::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html: \
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
        source: super::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html: \
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
        source: super::source_note!("AMD product page https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html and \
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
    // ---------------------------------------------------------------- consumer
    HardwarePreset {
        id: "rtx-4090",
        label: "NVIDIA GeForce RTX 4090",
        memory_label: "24 GB GDDR6X",
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
        source: super::source_note!("NVIDIA Ada architecture whitepaper v2.02, Appendix A: BF16/FP16 tensor with FP32 accumulate \
            165.2 TFLOP/s dense and FP8 with FP32 accumulate 330.3 dense (GeForce halves FP32-accumulate; \
            the FP16-accumulate 330.3 / 660.6 are not what PyTorch GEMMs use). 24 GB GDDR6X, 21 Gbps x 384 bit \
            = 1,008 GB/s, PCIe Gen4 x16, no NVLink (GPU link 0; GeForce peer-to-peer is limited). Memory: \
            24,564 MiB = 25.76e9 B in public nvidia-smi logs. Cross-check: iopsystems/llm-calc \
            src/data/accelerators.ts 165 / 330 / 1,008. Host: a desktop; 64 GB is an assumption. Price: no \
            public price. GEMM: no measurement; 0.75 assumed."),
    },
    // ---------------------------------------------------------------- Google TPU
    HardwarePreset {
        id: "tpu-v5e",
        label: "Google TPU v5e (per chip)",
        memory_label: "16 GB HBM2",
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
        source: super::source_note!("Google https://cloud.google.com/tpu/docs/v5e (read directly): 197 TFLOP/s BF16 dense, no FP8 \
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
        source: super::source_note!("Google https://cloud.google.com/tpu/docs/v5p and /v5p-training (read directly): 459 TFLOP/s \
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
        source: super::source_note!("Google https://docs.cloud.google.com/tpu/docs/v6e (read directly): 918 TFLOP/s BF16 dense \
            (GenZ's 926 not used), no FP8 rate (INT8 1,836 TOPS), 32 GB HBM read as 32 GiB (no visible-bytes \
            reading), 1,638 GB/s decimal (= 2 x v5e's 819; llm-calc's 1,759 treats it as GiB/s), ICI 800 GB/s \
            bidirectional = 400 per direction, 2D torus, 256-chip pod. Host link: PCIe Gen5 stated, x16 width \
            and so 63 GB/s per direction assumed. Host: 1,536 GiB per 8-chip host. Price: $2.70 per chip-hour \
            on demand, us-east1/us-east5 (https://github.com/skypilot-org/skypilot/pull/4540, Jan 2025). \
            GEMM: no measurement; 0.75 assumed."),
    },
];

/// Look a preset up by its id.
pub fn hardware_by_id(id: &str) -> Option<&'static HardwarePreset> {
    HARDWARE.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id the app, saved links and the docs rely on.
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
                !p.label.is_empty() && !p.memory_label.is_empty(),
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
            assert!(
                s.fp8_flops_per_s == 0.0 || s.fp8_flops_per_s >= s.bf16_flops_per_s,
                "{id}: fp8"
            );
            // Upper bound in GiB: a 288 GB (288 GiB physical) MI355X exposes about 309e9 bytes.
            assert!(
                s.hbm_bytes >= 8.0 * GB && s.hbm_bytes <= 300.0 * GIB,
                "{id}: hbm {}",
                s.hbm_bytes
            );
            assert_eq!(
                s.link_domain_gpus == 0,
                s.link_bw_bytes_per_s == 0.0,
                "{id}: link domain vs bandwidth"
            );
            assert!(
                s.gemm_fraction_measured > 0.0 && s.gemm_fraction_measured <= 1.0,
                "{id}: gemm fraction"
            );
            assert!(
                s.host_bw_bytes_per_s > 0.0 && s.host_bytes_per_gpu > 0.0,
                "{id}: host"
            );
        }
    }

    #[test]
    fn every_row_cites_a_source() {
        for p in HARDWARE {
            let src = p.source;
            assert!(src.len() >= 40, "{}: source too short", p.id);
            let cites = src.contains("https://")
                || src.contains("datasheet")
                || src.contains("whitepaper")
                || src.contains("doc ");
            assert!(cites, "{}: source names no URL or document", p.id);
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

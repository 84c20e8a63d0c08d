//! aws accelerators. Conventions: see `super` (hardware/mod.rs).

use super::{HardwarePreset, Vendor, PCIE4_X16, PCIE5_X16};
use crate::spec::HardwareSpec;
use crate::units::{GB, GIB, TB, TFLOPS};

// catalog (issue 10): AWS Trainium, per chip.
/// This vendor's rows (any order: `super::HARDWARE` sorts them newest first).
pub(super) const ROWS: &[HardwarePreset] = &[
    HardwarePreset {
        id: "trainium2",
        label: "AWS Trainium2 (per chip)",
        memory_label: "96 GiB HBM",
        vendor: Vendor::Aws,
        family: "Trainium2",
        year: 2024,
        spec: HardwareSpec {
            hbm_bytes: 96.0 * GIB,
            hbm_bw_bytes_per_s: 2.9 * TB,
            bf16_flops_per_s: 667.0 * TFLOPS,
            fp8_flops_per_s: 1299.0 * TFLOPS,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 640.0 * GB,
            link_domain_gpus: 64,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 2048.0 * GIB / 16.0,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AWS Neuron docs, Trainium2 Architecture \
            (https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trainium2.html, \
            read as its source about-neuron/arch/neuron-hardware/trainium2.rst in aws-neuron/aws-neuron-sdk): 667 \
            BF16/FP16/TF32 TFLOPS dense, 1,299 FP8 TFLOPS dense (2,563 sparse not used), no FP4 rate, 96 GiB HBM \
            (4 stacks), 2.9 TB/s, NeuronLink-v3 1.28 TB/s per chip, read as both directions together (AWS does not \
            say) = 640 GB/s per direction; memory pool up to 64 chips (a Trn2 UltraServer), so domain 64. Host \
            link: not stated; PCIe Gen5 x16 (63 GB/s) assumed. Host: trn2.48xlarge, 16 chips and 2 TiB host \
            memory (AWS EC2 Trn2 instance page, https://aws.amazon.com/ec2/instance-types/trn2/, not read here: \
            unverified). Price: none public per chip; 0 (supply one). GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "trainium3",
        label: "AWS Trainium3 (per chip)",
        memory_label: "144 GiB HBM",
        vendor: Vendor::Aws,
        family: "Trainium3",
        year: 2025,
        spec: HardwareSpec {
            hbm_bytes: 144.0 * GIB,
            hbm_bw_bytes_per_s: 4.9 * TB,
            bf16_flops_per_s: 671.0 * TFLOPS,
            fp8_flops_per_s: 2517.0 * TFLOPS,
            fp4_flops_per_s: 2517.0 * TFLOPS,
            link_bw_bytes_per_s: 1024.0 * GIB,
            link_domain_gpus: 64,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE5_X16,
            host_bytes_per_gpu: 8192.0 * GIB / 64.0,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AWS Neuron docs, Trainium3 Architecture and Amazon EC2 Trn3 Architecture \
            (https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/neuron-hardware/trainium3.html \
            and …/trn3-arch.html, read as their .rst sources in aws-neuron/aws-neuron-sdk): 671 BF16/FP16/TF32 TFLOPS \
            dense, 2,517 MXFP8 and MXFP4 TFLOPS (the same rate), 144 GiB HBM at 4.9 TB/s, NeuronLink-v4 2,048 \
            GiB/s per device (Trn3 table; the chip page says 2.56 TB/s), read as both directions together = 1,024 \
            GiB/s per direction; a Trn3 Gen1 UltraServer is 64 chips (domain 64; Gen2 has 144) with 8,192 GiB host \
            memory = 128 GiB per chip. Host link: not stated; PCIe Gen5 x16 assumed. Price: none public; 0. \
            GEMM: no measurement; 0.75 assumed."),
    },
    HardwarePreset {
        id: "trainium",
        label: "AWS Trainium (Trn1, per chip)",
        memory_label: "32 GiB HBM",
        vendor: Vendor::Aws,
        family: "Trainium",
        year: 2022,
        spec: HardwareSpec {
            hbm_bytes: 32.0 * GIB,
            hbm_bw_bytes_per_s: 820.0 * GB,
            bf16_flops_per_s: 190.0 * TFLOPS,
            fp8_flops_per_s: 0.0,
            fp4_flops_per_s: 0.0,
            link_bw_bytes_per_s: 192.0 * GB,
            link_domain_gpus: 16,
            link_peer_bw_bytes_per_s: 0.0,
            host_bw_bytes_per_s: PCIE4_X16,
            host_bytes_per_gpu: 512.0 * GIB / 16.0,
            usd_per_gpu_hour: 0.0,
            gemm_fraction_measured: 0.75,
        },
        source: crate::presets::source_note!("AWS Neuron docs, Trainium Architecture and Trn1/Trn1n Architecture \
            (https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/neuron-hardware/trainium.html): 190 \
            FP16/BF16/cFP8/TF32 TFLOPS (cFP8 at the BF16 rate, so no FP8 rate of its own), 32 GiB HBM, 820 GB/s \
            (the pages print both GB/s and GiB/s; decimal used), Trn1.32xlarge: 16 chips, 512 GiB host memory, \
            NeuronLink-v2 in a 4D hypercube; the Trainium2 page's comparison gives 384 GB/s per chip of \
            inter-chip bandwidth, read as both directions = 192 GB/s per direction; domain 16 (one instance). \
            Host link: not stated; PCIe Gen4 x16 assumed. Price: none per chip; 0. GEMM: no measurement; 0.75 \
            assumed."),
    },
];

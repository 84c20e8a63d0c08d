//! Accelerator presets. Conventions (see `shared/fixtures/hardware.md` §0):
//! - memory is the bytes the driver exposes (an "80 GB" A100 is 85.90e9 bytes), not the box label;
//! - bandwidths are decimal datasheet figures (2,039 GB/s = 2.039e12 B/s);
//! - FLOP/s are dense tensor-core peaks, never the 2:4-sparse figure NVIDIA's pages print;
//! - link figures are one direction.

use crate::spec::HardwareSpec;

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

/// All accelerator presets, in display order.
pub const HARDWARE: &[HardwarePreset] = &[];

/// Look a preset up by its id.
pub fn hardware_by_id(id: &str) -> Option<&'static HardwarePreset> {
    HARDWARE.iter().find(|p| p.id == id)
}

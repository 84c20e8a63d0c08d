//! aws accelerators. Conventions: see `super` (hardware/mod.rs).

use super::HardwarePreset;

/// This vendor's rows (any order: `super::HARDWARE` sorts them newest first).
pub(super) const ROWS: &[HardwarePreset] = &[];

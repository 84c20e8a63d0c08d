//! Presets as data: accelerators and model architectures, each row with a cited source.
//!
//! Preset ids are lowercase kebab-case and permanent: shared links carry them.

pub mod hardware;
pub mod models;

pub use hardware::{hardware_by_id, HardwarePreset, HARDWARE};
pub use models::{model_by_id, ModelPreset, MODELS};

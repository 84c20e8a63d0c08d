//! Model architecture presets.

use crate::spec::ModelSpec;

/// One model preset.
#[derive(Debug, Clone, Copy)]
pub struct ModelPreset {
    /// Permanent URL id, lowercase kebab-case (`llama-3.1-70b`).
    pub id: &'static str,
    /// Display name.
    pub label: &'static str,
    /// Published total parameter count.
    pub published_params: f64,
    /// Published active parameters per token (MoE), or the total for dense models.
    pub published_active_params: f64,
    /// Where the architecture and the published count come from.
    pub source: &'static str,
    /// Builds the architecture.
    pub spec: fn() -> ModelSpec,
}

/// All model presets, in display order.
pub const MODELS: &[ModelPreset] = &[];

/// Look a preset up by its id.
pub fn model_by_id(id: &str) -> Option<&'static ModelPreset> {
    MODELS.iter().find(|p| p.id == id)
}

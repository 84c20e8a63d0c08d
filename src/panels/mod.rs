//! App-specific sections. They read `AppState` from context and wire it to the leaf widgets.

mod cheap;
mod compare;
pub(crate) mod compression;
pub(crate) mod editor;
mod efficiency;
mod export;
pub(crate) mod fields;
mod import;
mod memory;
mod paper;
mod results;
mod sweep;
mod timeline;
pub(crate) mod workload;

pub use cheap::CheapPanel;
pub use compare::{pin_current, pinned, scenario_label, ComparePanel};
pub use editor::Editor;
pub use export::ExportPanel;
pub use memory::MemoryPanel;
pub use paper::PaperPanel;
pub use results::{FitStatus, Results, SessionCard};
pub use sweep::SweepPanel;
pub use timeline::TimelinePanel;

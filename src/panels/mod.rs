//! App-specific sections. They read `AppState` from context and wire it to the leaf widgets.

mod cheap;
mod compare;
pub(crate) mod compression;
// parallel (issue 13)
pub(crate) mod deploy;
pub(crate) mod editor;
mod efficiency;
// engine (issue 8)
pub(crate) mod engine;
mod export;
pub(crate) mod fields;
mod import;
// hf (issue 10, 11)
mod hf;
mod memory;
mod paper;
mod results;
// serving (issue 9)
mod serving;
mod sweep;
mod timeline;
pub(crate) mod workload;

pub use cheap::CheapPanel;
pub use deploy::DeploymentPanel;
pub use compare::{pin_current, pinned, scenario_label, ComparePanel};
pub use editor::Editor;
pub use export::ExportPanel;
pub use memory::MemoryPanel;
pub use paper::PaperPanel;
pub use results::{FitStatus, Results, SessionCard};
pub use sweep::{aria_label, markers_text, readout_text, series_note, short_title, sweep_title, wants_log_y, SweepPanel, NARROW_PX};
pub use timeline::TimelinePanel;
// serving (issue 9)
pub use serving::{LoadPanel, ServingCard, ServingEditor};

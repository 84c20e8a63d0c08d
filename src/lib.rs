//! KV Scope web app (Leptos CSR): the scenario editor, the four metrics of Yao Fu's analysis
//! of long-context serving, sweeps, comparisons and exports, computed in the browser by the
//! `costmodel` crate and drawn by the `charts` crate on a plotters canvas.
//!
//! Layout: `state` (one scenario signal, `scenario_signal`, + the view, and memos), `url` (the only code that
//! touches `window.location`/`history`), `sweeps` (a memo per sweep), `components` (leaf
//! widgets), `panels` (sections wired to the state), `app` (the page), `widget` (the `?embed=1` root), `share` (link text, copy buttons), `sources` (the presets' source notes, fetched when shown).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod app;
// first stage (issue 12): the cards' texts, shared with the first stage.
pub mod cards;
pub mod components;
// issue 12: sections that, off screen, follow the state only once it settles
mod deferred;
// first stage (issue 12)
pub mod first;
// the first stage's widget controls, live without the app (issue 12)
mod first_live;
mod download;
pub mod erased;
mod format;
// hf (issue 10, 11): fetching a model's config.json from the Hub.
mod hf;
mod ondemand;
pub mod panels;
pub mod share;
mod sources;
pub mod scenario_signal;
pub mod state;
pub mod sweeps;
pub mod url;
pub mod widget;

pub use app::App;
pub use widget::Widget;

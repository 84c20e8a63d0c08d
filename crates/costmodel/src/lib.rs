//! # costmodel: the analytic cost model behind KV Scope
//!
//! Yao Fu, "Challenges in Deploying Long-Context Transformers: A Theoretical Peak Performance
//! Analysis" (arXiv 2405.08944, 2024) decomposes the cost of serving a long-context transformer
//! into four metrics, each bounded by one hardware resource: concurrency (HBM size), prefilling
//! (FLOP/s), decoding (HBM bandwidth) and context switching (host-link bandwidth). This crate
//! computes them, the session throughput and cost they add up to, sweeps of any input, and the
//! KV compression that would make 1M-token context as cheap as 4K.
//!
//! Everything inside is SI base units in `f64` (bytes, seconds, FLOP, FLOP/s, bytes/s, tokens),
//! and the unit is part of every name. The crate has no web dependency: the app, the charts and
//! the CLI all call the same functions.
//!
//! ## Glossary
//! `kv` key/value cache · `hbm` device memory · `bw` bandwidth · `ctx` context tokens ·
//! `tp` tensor-parallel GPUs · `gqa` grouped-query attention · `mla` multi-head latent attention ·
//! `moe` mixture of experts · `ttft` time to first token · `tpot` time per output token.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod arch;
pub mod cheap;
pub mod compression;
pub mod deploy;
pub mod engine;
// serving (issue 9): realistic mode's per-accelerator fractions and step cost
pub mod fractions;
pub mod hf;
pub mod import;
pub mod kv;
pub mod math;
pub mod mixers;
pub mod model;
pub mod paper;
pub mod phases;
pub mod presets;
pub mod report;
pub mod roofline;
pub mod scenario;
// serving (issue 9)
pub mod serving;
pub mod sort;
pub mod spec;
pub mod sweep;
pub mod units;
pub mod url;
// ux (issue 11)
pub mod search;
pub mod summary;

pub use spec::{
    Attention, Compression, Efficiency, HardwareSpec, Inputs, LayerGroup, LinearRule, ModelSpec, Moe, Precision,
    TokenKeep, Workload,
};
pub use report::{evaluate, Report};
pub use scenario::{Mode, Scenario};

/// A query string evaluated exactly as the app shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluated {
    /// The decoded scenario.
    pub scenario: Scenario,
    /// Its resolved inputs.
    pub inputs: Inputs,
    /// The report; its `warnings` hold the URL's, the resolution's and the result's, in order.
    pub report: Report,
    /// How many of the report's warnings came from the query string itself.
    pub url_warnings: usize,
}

impl Evaluated {
    /// `{"scenario": …, "report": …}` as indented JSON: the web app's "Scenario + report"
    /// export. Serialized straight from the structs (no `serde_json::Value` in between, whose
    /// `json!` macro unwraps and so links Debug formatting and Unicode tables into the web
    /// build).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        #[derive(serde::Serialize)]
        struct Export<'a> {
            scenario: &'a Scenario,
            report: &'a Report,
        }
        serde_json::to_string_pretty(&Export { scenario: &self.scenario, report: &self.report })
    }
}

/// Decodes, resolves and evaluates a query string (or whole URL). Never panics.
pub fn evaluate_query(query: &str) -> Evaluated {
    let (scenario, url_warnings) = url::from_query(query);
    evaluate_scenario(scenario, url_warnings.into_iter().map(|w| w.message).collect())
}

/// Resolves and evaluates a scenario, with warnings already gathered (from the URL) first.
pub fn evaluate_scenario(scenario: Scenario, mut warnings: Vec<String>) -> Evaluated {
    let url_warnings = warnings.len();
    let resolved = scenario.resolve();
    let mut report = evaluate(&resolved.inputs);
    warnings.extend(resolved.warnings);
    warnings.append(&mut report.warnings);
    report.warnings = warnings;
    Evaluated { scenario, inputs: resolved.inputs, report, url_warnings }
}

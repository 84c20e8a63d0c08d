//! The app's state: one scenario signal (what the model computes from; views select their
//! parts of it, `crate::scenario_signal`), one
//! `RwSignal<View>` (what the page shows: chart axes, series, pins, the open panel, GB or GiB),
//! and the memos derived from them. `AppState` is a `Copy` bundle of handles, provided as
//! context by `App`; panels read it, leaf components never do.
//!
//! The view's URL keys are parsed and written here as plain functions (tested natively in
//! spirit: no DOM); `crate::url` is the only module that touches `window.location`.

use costmodel::sweep::{Metric, SweepInput};
use costmodel::math::MathLine;
use costmodel::{evaluate_scenario, Evaluated, Inputs, Report, Scenario};
use leptos::prelude::*;
use crate::erased::{Memo, RwSignal, Signal};

use crate::scenario_signal::ScenarioSignal;

/// Query keys that belong to the view, not the scenario (handed back by
/// `costmodel::url::from_query_with`).
pub const VIEW_KEYS: &[&str] = &["x", "y", "series", "sv", "pin", "panel", "units", "embed", "show", "controls", "eid", "theme"];
/// Keys that only matter to the embedded widget (dropped from its "open in KV Scope" link).
pub const EMBED_KEYS: &[&str] = &["embed", "show", "controls", "eid"];
/// Controls a widget may show (`controls=`), in the order they are drawn.
pub const WIDGET_CONTROLS: &[&str] = &[
    "model", "hw", "tp", "ctx", "out", "users", "reuse", "mode", "w_bits", "kv_bits", "a_bits", "kv_layer", "kv_head", "kv_token", "kv_hidden",
];
/// Longest `eid` (letters, digits, `-`, `_`).
pub const MAX_EID: usize = 64;
/// Most pinned scenarios.
pub const MAX_PINS: usize = 4;
/// Most series on the sweep chart (current + second-input values + pins).
pub const MAX_SERIES: usize = 8;
/// Points per sweep series.
pub const SWEEP_POINTS: usize = 200;

/// The tab open below the sweep chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The session timeline (one serving cycle).
    Timeline,
    /// 1M tokens against 4K: the compression that closes the gap.
    Cheap,
    /// Pinned scenarios side by side.
    Compare,
    /// The paper's running example.
    Paper,
    /// CSV / PNG / SVG / JSON downloads.
    Export,
    // serving (issue 9)
    /// The load curve under continuous batching.
    Load,
}

impl Panel {
    /// Every panel, in tab order.
    pub const ALL: [Panel; 6] = [Panel::Timeline, Panel::Cheap, Panel::Compare, Panel::Paper, Panel::Export, Panel::Load];

    /// URL value.
    pub fn key(self) -> &'static str {
        match self {
            Panel::Timeline => "timeline",
            Panel::Cheap => "cheap",
            Panel::Compare => "compare",
            Panel::Paper => "paper",
            Panel::Export => "export",
            // serving (issue 9)
            Panel::Load => "load",
        }
    }

    /// Tab label.
    pub fn label(self) -> &'static str {
        match self {
            Panel::Timeline => "Session timeline",
            Panel::Cheap => "1M vs 4K",
            Panel::Compare => "Compare",
            Panel::Paper => "Paper",
            Panel::Export => "Export",
            // serving (issue 9)
            Panel::Load => "Load",
        }
    }

    /// Parses a URL value.
    pub fn from_key(key: &str) -> Option<Panel> {
        Panel::ALL.iter().copied().find(|p| p.key() == key)
    }
}

/// What an embedded widget shows (`show=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// The four metric cards.
    Cards,
    /// The sweep chart.
    Sweep,
    /// The memory bar.
    Memory,
    /// The session timeline.
    Timeline,
    /// 1M vs 4K.
    Cheap,
}

impl Show {
    /// Every value, in README order.
    pub const ALL: [Show; 5] = [Show::Cards, Show::Sweep, Show::Memory, Show::Timeline, Show::Cheap];

    /// URL value.
    pub fn key(self) -> &'static str {
        match self {
            Show::Cards => "cards",
            Show::Sweep => "sweep",
            Show::Memory => "memory",
            Show::Timeline => "timeline",
            Show::Cheap => "cheap",
        }
    }

    /// Parses a URL value.
    pub fn from_key(key: &str) -> Option<Show> {
        Show::ALL.iter().copied().find(|s| s.key() == key)
    }
}

/// Colour scheme (`theme=`): follow the system, or force one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// `prefers-color-scheme`.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// URL value.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The embed keys: whether the page is a chrome-less widget and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// `embed=1`: render the widget instead of the app.
    pub on: bool,
    /// The chart or the cards.
    pub show: Show,
    /// Controls shown in the widget (ids from `WIDGET_CONTROLS`).
    pub controls: Vec<&'static str>,
    /// The host page's id for this widget, echoed in its height messages.
    pub eid: String,
    /// Colour scheme.
    pub theme: Theme,
}

impl Default for Embed {
    fn default() -> Self {
        Embed { on: false, show: Show::Cards, controls: Vec::new(), eid: String::new(), theme: Theme::Auto }
    }
}

/// Is `embed=` on in this query? (Read before mounting, to pick the root.)
pub fn is_embed(search: &str) -> bool {
    let (_, _, extras) = costmodel::url::from_query_with(search, VIEW_KEYS);
    parse_view(&extras).0.embed.on
}

/// Everything about the page that is not the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The sweep's x input.
    pub x: SweepInput,
    /// The sweep's y metric.
    pub y: Metric,
    /// A second input whose values make extra series.
    pub series: Option<SweepInput>,
    /// The second input's values.
    pub series_values: Vec<f64>,
    /// Pinned scenarios, each a query string.
    pub pins: Vec<String>,
    /// The open tab.
    pub panel: Panel,
    /// Bytes in GiB (binary) instead of GB.
    pub binary: bool,
    /// Widget mode and its keys.
    pub embed: Embed,
}

impl Default for View {
    fn default() -> Self {
        View {
            x: SweepInput::Ctx,
            y: Metric::Concurrency,
            series: None,
            series_values: Vec::new(),
            pins: Vec::new(),
            panel: Panel::Timeline,
            binary: false,
            embed: Embed::default(),
        }
    }
}

/// Sweep range of an x input: (from, to, log axis).
pub fn x_range(x: SweepInput) -> (f64, f64, bool) {
    match x {
        SweepInput::Ctx => (4_000.0, 1_000_000.0, true),
        SweepInput::Out => (1.0, 10_000.0, true),
        SweepInput::Users => (1.0, 1_000.0, true),
        SweepInput::Tp => (1.0, 64.0, true),
        SweepInput::Reuse => (1.0, 1_000.0, true),
        SweepInput::KvBits => (2.0, 16.0, false),
        SweepInput::WBits => (2.0, 16.0, false),
        SweepInput::KvLayer | SweepInput::KvHead | SweepInput::KvToken | SweepInput::KvHidden => (0.01, 1.0, true),
        // parallel (issue 13)
        SweepInput::Pp => (1.0, 16.0, true),
        SweepInput::Dp | SweepInput::Ep => (1.0, 256.0, true),
    }
}

/// Suggested values when a second input is chosen for series.
pub fn default_series_values(input: SweepInput) -> Vec<f64> {
    match input {
        SweepInput::Ctx => vec![4_000.0, 128_000.0],
        SweepInput::Out => vec![1_000.0, 4_000.0],
        SweepInput::Users => vec![4.0, 16.0, 64.0],
        SweepInput::Tp => vec![2.0, 4.0, 8.0],
        SweepInput::Reuse => vec![4.0, 16.0],
        SweepInput::KvBits => vec![8.0, 4.0, 2.0],
        SweepInput::WBits => vec![8.0, 4.0],
        // parallel (issue 13)
        SweepInput::Pp => vec![1.0, 2.0, 4.0],
        SweepInput::Dp | SweepInput::Ep => vec![1.0, 8.0, 32.0],
        _ => vec![0.5, 0.25, 0.125],
    }
}

/// Parses `sv` (comma-separated numbers in the input's range), or says what is wrong.
pub fn parse_series_values(input: SweepInput, raw: &str) -> Result<Vec<f64>, String> {
    let (lo, hi) = input.range();
    let mut out = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match costmodel::units::parse_f64(part) {
            Some(v) if v.is_finite() && v >= lo && v <= hi => out.push(v),
            _ => {
                return Err(format!(
                    "`sv` must be comma-separated values of `{}` from {} to {}; got {}",
                    input.key(),
                    costmodel::url::fmt_number(lo),
                    costmodel::url::fmt_number(hi),
                    costmodel::scenario::quote_value(part)
                ))
            }
        }
    }
    if out.len() > MAX_SERIES - 1 {
        out.truncate(MAX_SERIES - 1);
    }
    Ok(out)
}

/// Builds the view from the query's view keys; a bad value keeps the default and adds a
/// warning naming the key.
pub fn parse_view(extras: &[(String, String)]) -> (View, Vec<String>) {
    let mut v = View::default();
    let mut warnings = Vec::new();
    let mut sv_raw: Option<String> = None;
    let q = costmodel::scenario::quote_value;
    for (key, value) in extras {
        match key.as_str() {
            "x" => match SweepInput::from_key(value) {
                Some(x) => v.x = x,
                None => warnings.push(format!("`x` must be one of {}; got {}: kept ctx", input_keys(), q(value))),
            },
            "y" => match Metric::from_key(value) {
                Some(y) => v.y = y,
                None => warnings.push(format!("`y` must be one of {}; got {}: kept concurrency", metric_keys(), q(value))),
            },
            "series" => match SweepInput::from_key(value) {
                Some(s) => v.series = Some(s),
                None => warnings.push(format!("`series` must be one of {}; got {}: no second input", input_keys(), q(value))),
            },
            "sv" => sv_raw = Some(value.clone()),
            "pin" => {
                // A pin is a scenario query of its own: kept in canonical form, dropped (with
                // the reason) when it does not read cleanly.
                let (pinned, pin_warnings) = costmodel::url::from_query(value);
                if let Some(w) = pin_warnings.first() {
                    warnings.push(format!("`pin` {}: {} — the pin was dropped", q(value), w.message));
                } else if v.pins.len() < MAX_PINS {
                    let canonical = costmodel::url::to_query(&pinned);
                    if !v.pins.contains(&canonical) {
                        v.pins.push(canonical);
                    }
                } else {
                    warnings.push(format!("`pin`: at most {MAX_PINS} pinned scenarios; the rest were dropped"));
                }
            }
            "panel" => match Panel::from_key(value) {
                Some(p) => v.panel = p,
                None => {
                    let keys: Vec<&str> = Panel::ALL.iter().map(|p| p.key()).collect();
                    warnings.push(format!("`panel` must be one of {}; got {}: kept timeline", keys.join(", "), q(value)));
                }
            },
            "units" => match value.as_str() {
                "gb" => v.binary = false,
                "gib" => v.binary = true,
                _ => warnings.push(format!("`units` must be `gb` or `gib`; got {}: kept gb", q(value))),
            },
            "embed" => match value.as_str() {
                "1" | "true" => v.embed.on = true,
                "0" | "false" | "" => v.embed.on = false,
                _ => warnings.push(format!("`embed` must be `1` or `0`; got {}: kept 0 (the full page)", q(value))),
            },
            "show" => match Show::from_key(value) {
                Some(s) => v.embed.show = s,
                None => {
                    let keys: Vec<&str> = Show::ALL.iter().map(|s| s.key()).collect();
                    warnings.push(format!("`show` must be one of {}; got {}: kept cards", keys.join(", "), q(value)));
                }
            },
            "controls" => {
                let mut list = Vec::new();
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    match WIDGET_CONTROLS.iter().find(|c| **c == part) {
                        Some(c) if !list.contains(c) => list.push(*c),
                        Some(_) => {}
                        None => {
                            warnings.push(format!("`controls`: unknown control {} skipped (allowed: {})", q(part), WIDGET_CONTROLS.join(", ")));
                        }
                    }
                }
                v.embed.controls = list;
            }
            "eid" => {
                if !value.is_empty() && value.len() <= MAX_EID && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                    v.embed.eid = value.clone();
                } else {
                    warnings.push(format!("`eid` must be 1–{MAX_EID} letters, digits, `-` or `_`; got {}: no id", q(value)));
                }
            }
            "theme" => match value.as_str() {
                "auto" => v.embed.theme = Theme::Auto,
                "light" => v.embed.theme = Theme::Light,
                "dark" => v.embed.theme = Theme::Dark,
                _ => warnings.push(format!("`theme` must be `light`, `dark` or `auto`; got {}: kept auto", q(value))),
            },
            _ => {}
        }
    }
    if let Some(series) = v.series {
        match sv_raw {
            Some(raw) => match parse_series_values(series, &raw) {
                Ok(values) if !values.is_empty() => v.series_values = values,
                Ok(_) => v.series_values = default_series_values(series),
                Err(e) => {
                    warnings.push(format!("{e}: kept the suggested values"));
                    v.series_values = default_series_values(series);
                }
            },
            None => v.series_values = default_series_values(series),
        }
    } else if sv_raw.is_some() {
        warnings.push("`sv` is set without `series`: ignored".to_owned());
    }
    // A hostile query cannot flood the page: each message once, at most MAX_WARNINGS (a list
    // of at most that many to look in, not a hash set, whose code the first stage would carry).
    let mut kept: Vec<String> = Vec::new();
    for w in warnings {
        if kept.len() == costmodel::url::MAX_WARNINGS {
            break;
        }
        if !kept.contains(&w) {
            kept.push(w);
        }
    }
    (v, kept)
}

fn input_keys() -> String {
    SweepInput::ALL.iter().map(|i| i.key()).collect::<Vec<_>>().join(", ")
}

fn metric_keys() -> String {
    Metric::ALL.iter().map(|m| m.key()).collect::<Vec<_>>().join(", ")
}

/// The view's non-default keys, in a stable order.
pub fn view_pairs(v: &View) -> Vec<(&'static str, String)> {
    let d = View::default();
    let mut out = Vec::new();
    if v.x != d.x {
        out.push(("x", v.x.key().to_owned()));
    }
    if v.y != d.y {
        out.push(("y", v.y.key().to_owned()));
    }
    if let Some(s) = v.series {
        out.push(("series", s.key().to_owned()));
        let sv: Vec<String> = v.series_values.iter().map(|x| costmodel::url::fmt_number(*x)).collect();
        out.push(("sv", sv.join(",")));
    }
    for p in &v.pins {
        out.push(("pin", p.clone()));
    }
    if v.panel != d.panel {
        out.push(("panel", v.panel.key().to_owned()));
    }
    if v.binary {
        out.push(("units", "gib".to_owned()));
    }
    let e = &v.embed;
    if e.on {
        out.push(("embed", "1".to_owned()));
    }
    if e.show != d.embed.show {
        out.push(("show", e.show.key().to_owned()));
    }
    if !e.controls.is_empty() {
        out.push(("controls", e.controls.join(",")));
    }
    if !e.eid.is_empty() {
        out.push(("eid", e.eid.clone()));
    }
    if e.theme != d.embed.theme {
        out.push(("theme", e.theme.key().to_owned()));
    }
    out
}

/// The query of the full app for this state: the embed-only keys dropped.
pub fn app_query(s: &Scenario, v: &View) -> String {
    let mut v = v.clone();
    v.embed = Embed { theme: v.embed.theme, ..Embed::default() };
    full_query(s, &v)
}

/// The query of a widget of this state: `embed=1`, what it shows, its controls and id.
pub fn widget_query(s: &Scenario, v: &View, show: Show, controls: &[&'static str], eid: &str) -> String {
    let mut v = v.clone();
    v.embed = Embed { on: true, show, controls: controls.to_vec(), eid: eid.to_owned(), theme: v.embed.theme };
    full_query(s, &v)
}

/// The whole query string (without `?`): the scenario's, then the view's keys.
pub fn full_query(s: &Scenario, v: &View) -> String {
    let mut q = costmodel::url::to_query(s);
    let pairs = view_pairs(v);
    if !pairs.is_empty() {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        for (k, val) in pairs {
            ser.append_pair(k, &val);
        }
        q.push('&');
        q.push_str(&ser.finish());
    }
    q
}

/// Handles to the app's state, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario: the single source of the model's inputs.
    pub scenario: ScenarioSignal,
    /// The page's view state.
    pub view: RwSignal<View>,
    /// Warnings from the URL the page was opened with (scenario and view keys).
    pub url_warnings: RwSignal<Vec<String>>,
    /// The evaluated scenario: inputs and report (warnings: URL's first).
    pub evaluated: Memo<Evaluated>,
    /// The resolved inputs (changes only when an input changes).
    pub inputs: Memo<Inputs>,
    /// The page follows a dark colour scheme.
    pub dark: RwSignal<bool>,
    /// Name of an imported model (pasted config.json), when the scenario uses one.
    pub imported: RwSignal<Option<String>>,
    // input2 (issue 12): one memo per derived value every panel shares, instead of one per panel.
    /// The report alone (one copy for every panel that reads only the report).
    pub report: Memo<Report>,
    /// "Show the math": every explained line of the scenario. A memo is lazy: it is computed
    /// only while an open math section reads it, once per report for all of them.
    pub math: Memo<Vec<MathLine>>,
    /// Bumped when the state has settled (no change for `crate::url`'s write delay): what
    /// follows the link (the share box) updates then, not on every input of a drag.
    pub settled: RwSignal<u64>,
}

impl AppState {
    /// Builds the state from a query string (the page's `location.search`).
    pub fn from_query(search: &str) -> AppState {
        let (scenario, warnings, extras) = costmodel::url::from_query_with(search, VIEW_KEYS);
        let (view, view_warnings) = parse_view(&extras);
        let mut all: Vec<String> = warnings.into_iter().map(|w| w.message).collect();
        all.extend(view_warnings);
        let scenario = ScenarioSignal::new(scenario);
        let url_warnings = RwSignal::new(all);
        let evaluated = crate::erased::memo(move || evaluate_scenario(scenario.get(), url_warnings.get()));
        let (inputs, report, math) = derived(evaluated);
        AppState {
            scenario,
            view: RwSignal::new(view),
            url_warnings,
            evaluated,
            inputs,
            dark: RwSignal::new(false),
            imported: RwSignal::new(None),
            report,
            math,
            settled: RwSignal::new(0),
        }
    }

    /// This state as a section seen only when `near` shows it: its evaluation follows the
    /// scenario on every change while `near` is true, and otherwise only when the state has
    /// settled (`settled`, bumped once a drag has stopped) or when the section comes near
    /// the screen. Off screen, a slider's drag then neither rewrites the section's text nor
    /// makes the browser lay it out again (`crate::deferred`). Signals (scenario, view) are
    /// the same, so what the section writes goes where every other section reads.
    pub fn deferred(&self, near: Signal<bool>) -> AppState {
        let live = self.evaluated;
        let settled = self.settled;
        let first = std::sync::atomic::AtomicBool::new(true);
        let evaluated = crate::erased::memo(move || {
            if first.swap(false, std::sync::atomic::Ordering::Relaxed) || near.get() {
                live.get()
            } else {
                settled.track();
                live.get_untracked()
            }
        });
        let (inputs, report, math) = derived(evaluated);
        AppState { evaluated, inputs, report, math, ..*self }
    }

    /// Changes the scenario in place.
    pub fn update(&self, f: impl FnOnce(&mut Scenario)) {
        self.scenario.update(f);
    }

    /// Changes the view in place.
    pub fn update_view(&self, f: impl FnOnce(&mut View)) {
        self.view.update(f);
    }

    /// Bytes in GiB?
    pub fn binary(&self) -> Memo<bool> {
        let view = self.view;
        crate::erased::memo(move || view.with(|v| v.binary))
    }
}

/// The memos every state derives from its evaluation: the inputs, the report, and the math
/// (lazy: computed only while an open math section reads it).
fn derived(evaluated: Memo<Evaluated>) -> (Memo<Inputs>, Memo<Report>, Memo<Vec<MathLine>>) {
    let inputs = crate::erased::memo(move || evaluated.with(|e| e.inputs.clone()));
    let report = crate::erased::memo(move || evaluated.with(|e| e.report.clone()));
    let math = crate::erased::memo(move || evaluated.with(|e| costmodel::math::explain(&e.inputs, &e.report)));
    (inputs, report, math)
}

/// The app's state from context. Panels call this; `App` provides it.
pub fn use_app() -> AppState {
    match use_context::<AppState>() {
        Some(s) => s,
        None => {
            leptos::logging::error!("AppState missing from context; using a default state");
            AppState::from_query("")
        }
    }
}

//! Sweeps (docs/methodology.md §4.7): vary one input over a range, get every output per point, and
//! the regime markers where the picture changes (decode turns KV-bound, concurrency falls to 1
//! and to 0, attention passes half of prefill FLOP, swapping starts).
//!
//! The sweep path computes numbers only: no text, one clone of the inputs per sweep.

use serde::{Deserialize, Serialize};

use crate::phases::Prepared;
use crate::report::{evaluate_prepared, Detail, Report};
use crate::spec::{Inputs, TokenKeep};

/// An input a sweep can vary. Names match the URL keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepInput {
    /// Context tokens (log axis by default).
    Ctx,
    /// Generated tokens per turn.
    Out,
    /// Users wanting service.
    Users,
    /// GPUs in the TP group.
    Tp,
    /// Queries per prefilled context.
    Reuse,
    /// Bits per KV element.
    KvBits,
    /// Bits per weight.
    WBits,
    /// Layer compression factor.
    KvLayer,
    /// Head compression factor.
    KvHead,
    /// Token compression factor.
    KvToken,
    /// Hidden compression factor.
    KvHidden,
    // parallel (issue 13)
    /// Pipeline stages.
    Pp,
    /// Data-parallel attention replicas.
    Dp,
    /// Expert-parallel size.
    Ep,
}

impl SweepInput {
    /// Every sweepable input.
    pub const ALL: [SweepInput; 14] = [
        SweepInput::Ctx,
        SweepInput::Out,
        SweepInput::Users,
        SweepInput::Tp,
        SweepInput::Reuse,
        SweepInput::KvBits,
        SweepInput::WBits,
        SweepInput::KvLayer,
        SweepInput::KvHead,
        SweepInput::KvToken,
        SweepInput::KvHidden,
        // parallel (issue 13)
        SweepInput::Pp,
        SweepInput::Dp,
        SweepInput::Ep,
    ];

    /// URL key.
    pub fn key(self) -> &'static str {
        match self {
            SweepInput::Ctx => "ctx",
            SweepInput::Out => "out",
            SweepInput::Users => "users",
            SweepInput::Tp => "tp",
            SweepInput::Reuse => "reuse",
            SweepInput::KvBits => "kv_bits",
            SweepInput::WBits => "w_bits",
            SweepInput::KvLayer => "kv_layer",
            SweepInput::KvHead => "kv_head",
            SweepInput::KvToken => "kv_token",
            SweepInput::KvHidden => "kv_hidden",
            // parallel (issue 13)
            SweepInput::Pp => "pp",
            SweepInput::Dp => "dp",
            SweepInput::Ep => "ep",
        }
    }

    /// Axis label with unit.
    pub fn label(self) -> &'static str {
        match self {
            SweepInput::Ctx => "context (tokens)",
            SweepInput::Out => "generated tokens per turn",
            SweepInput::Users => "users",
            SweepInput::Tp => "GPUs (TP)",
            SweepInput::Reuse => "queries per prefilled context",
            SweepInput::KvBits => "KV precision (bits)",
            SweepInput::WBits => "weight precision (bits)",
            SweepInput::KvLayer => "layer factor",
            SweepInput::KvHead => "head factor",
            SweepInput::KvToken => "token factor",
            SweepInput::KvHidden => "hidden factor",
            // parallel (issue 13)
            SweepInput::Pp => "pipeline stages",
            SweepInput::Dp => "data-parallel replicas",
            SweepInput::Ep => "expert-parallel size",
        }
    }

    /// Parses a URL key.
    pub fn from_key(key: &str) -> Option<SweepInput> {
        SweepInput::ALL.iter().copied().find(|x| x.key() == key)
    }

    /// Whole numbers only.
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            SweepInput::Ctx | SweepInput::Out | SweepInput::Users | SweepInput::Tp | SweepInput::Reuse | SweepInput::Pp | SweepInput::Dp | SweepInput::Ep
        )
    }

    /// The allowed range.
    pub fn range(self) -> (f64, f64) {
        match self {
            SweepInput::Ctx => (1.0, 1e8),
            SweepInput::Out => (1.0, 1e6),
            SweepInput::Users => (1.0, 1e6),
            SweepInput::Tp => (1.0, 128.0),
            SweepInput::Reuse => (1.0, 1e6),
            SweepInput::KvBits | SweepInput::WBits => (1.0, 32.0),
            // parallel (issue 13): the FIELDS ranges
            SweepInput::Pp => (1.0, 128.0),
            SweepInput::Dp | SweepInput::Ep => (1.0, 16_384.0),
            _ => (1e-4, 1.0),
        }
    }

    /// Sets this input to `x` in `inputs`.
    pub fn apply(self, inputs: &mut Inputs, x: f64) {
        let x = if self.is_integer() { x.round() } else { x };
        match self {
            SweepInput::Ctx => inputs.workload.ctx_tokens = x,
            SweepInput::Out => inputs.workload.out_tokens = x,
            SweepInput::Users => inputs.workload.users = x,
            SweepInput::Tp => inputs.tp = x.clamp(1.0, 128.0) as u32,
            SweepInput::Reuse => inputs.workload.prefix_reuse = x,
            SweepInput::KvBits => inputs.precision.kv_bits = x,
            SweepInput::WBits => inputs.precision.weight_bits = x,
            SweepInput::KvLayer => inputs.compression.layer = x,
            SweepInput::KvHead => inputs.compression.head = x,
            SweepInput::KvToken => inputs.compression.token = TokenKeep::Fraction { fraction: x },
            SweepInput::KvHidden => inputs.compression.hidden = x,
            // parallel (issue 13)
            SweepInput::Pp => inputs.deploy.pp = x.clamp(1.0, 128.0) as u32,
            SweepInput::Dp => inputs.deploy.dp = x.clamp(1.0, 16_384.0) as u32,
            SweepInput::Ep => inputs.deploy.ep = x.clamp(1.0, 16_384.0) as u32,
        }
    }
}

/// An output a chart can put on y.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Users that fit.
    Concurrency,
    /// Prefill of one prompt (s).
    PrefillS,
    /// One decode step (s).
    DecodeStepS,
    /// All generated tokens of a turn (s).
    DecodeS,
    /// One context switch (s).
    ContextSwitchS,
    /// Turns per second.
    TurnsPerS,
    /// Output tokens per second.
    OutputTokensPerS,
    /// Time to first token (s).
    TtftS,
    /// Time per output token (s).
    TpotS,
    /// GPU-seconds per turn.
    GpuSPerTurn,
    /// Dollars per million output tokens.
    UsdPerMillionOutputTokens,
    /// KV bytes per user.
    KvBytesPerUser,
    /// KV share of decode bytes.
    KvShareDecode,
}

impl Metric {
    /// Every metric.
    pub const ALL: [Metric; 13] = [
        Metric::Concurrency,
        Metric::PrefillS,
        Metric::DecodeStepS,
        Metric::DecodeS,
        Metric::ContextSwitchS,
        Metric::TurnsPerS,
        Metric::OutputTokensPerS,
        Metric::TtftS,
        Metric::TpotS,
        Metric::GpuSPerTurn,
        Metric::UsdPerMillionOutputTokens,
        Metric::KvBytesPerUser,
        Metric::KvShareDecode,
    ];

    /// URL key.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Concurrency => "concurrency",
            Metric::PrefillS => "prefill_s",
            Metric::DecodeStepS => "decode_step_s",
            Metric::DecodeS => "decode_s",
            Metric::ContextSwitchS => "context_switch_s",
            Metric::TurnsPerS => "turns_per_s",
            Metric::OutputTokensPerS => "output_tokens_per_s",
            Metric::TtftS => "ttft_s",
            Metric::TpotS => "tpot_s",
            Metric::GpuSPerTurn => "gpu_s_per_turn",
            Metric::UsdPerMillionOutputTokens => "usd_per_million_output_tokens",
            Metric::KvBytesPerUser => "kv_bytes_per_user",
            Metric::KvShareDecode => "kv_share_decode",
        }
    }

    /// Axis label with unit.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Concurrency => "concurrent users",
            Metric::PrefillS => "prefill (s)",
            Metric::DecodeStepS => "decode step (s)",
            Metric::DecodeS => "decode of a turn (s)",
            Metric::ContextSwitchS => "context switch (s)",
            Metric::TurnsPerS => "turns per second",
            Metric::OutputTokensPerS => "output tokens per second",
            Metric::TtftS => "time to first token (s)",
            Metric::TpotS => "time per output token (s)",
            Metric::GpuSPerTurn => "GPU-seconds per turn",
            Metric::UsdPerMillionOutputTokens => "USD per million output tokens",
            Metric::KvBytesPerUser => "KV per user (bytes)",
            Metric::KvShareDecode => "KV share of decode bytes",
        }
    }

    /// Parses a URL key.
    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.iter().copied().find(|m| m.key() == key)
    }

    /// This metric of a point (NaN where it does not exist, e.g. latencies of a scenario that
    /// does not fit).
    pub fn of(self, p: &SweepPoint) -> f64 {
        match self {
            Metric::Concurrency => p.concurrency,
            Metric::PrefillS => p.prefill_s,
            Metric::DecodeStepS => p.decode_step_s,
            Metric::DecodeS => p.decode_s,
            Metric::ContextSwitchS => p.context_switch_s,
            Metric::TurnsPerS => p.turns_per_s,
            Metric::OutputTokensPerS => p.output_tokens_per_s,
            Metric::TtftS => p.ttft_s,
            Metric::TpotS => p.tpot_s,
            Metric::GpuSPerTurn => p.gpu_s_per_turn,
            Metric::UsdPerMillionOutputTokens => p.usd_per_million_output_tokens,
            Metric::KvBytesPerUser => p.kv_bytes_per_user,
            Metric::KvShareDecode => p.kv_share_decode,
        }
    }
}

/// Every output at one x. Missing values are NaN.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SweepPoint {
    /// The input's value.
    pub x: f64,
    /// Users that fit.
    pub concurrency: f64,
    /// Prefill of one prompt (s).
    pub prefill_s: f64,
    /// One decode step (s).
    pub decode_step_s: f64,
    /// A turn's decode (s).
    pub decode_s: f64,
    /// One context switch (s).
    pub context_switch_s: f64,
    /// Turns per second.
    pub turns_per_s: f64,
    /// Output tokens per second.
    pub output_tokens_per_s: f64,
    /// Time to first token (s).
    pub ttft_s: f64,
    /// Time per output token (s).
    pub tpot_s: f64,
    /// GPU-seconds per turn.
    pub gpu_s_per_turn: f64,
    /// USD per million output tokens.
    pub usd_per_million_output_tokens: f64,
    /// KV bytes per user.
    pub kv_bytes_per_user: f64,
    /// KV share of decode bytes.
    pub kv_share_decode: f64,
    /// KV share of prefill FLOP.
    pub kv_share_prefill: f64,
    /// Decode reads more KV than weights.
    pub decode_kv_bound: bool,
    /// More users than fit.
    pub swapping: bool,
}

impl SweepPoint {
    fn from_report(x: f64, r: &Report, users: f64) -> SweepPoint {
        let nan = f64::NAN;
        SweepPoint {
            x,
            // parallel (issue 13): users across the deployment (= concurrency with TP only)
            concurrency: r.deployment_users.unwrap_or(r.concurrency),
            prefill_s: r.prefill_s.unwrap_or(nan),
            decode_step_s: r.decode_step_s.unwrap_or(nan),
            decode_s: r.decode_s.unwrap_or(nan),
            context_switch_s: r.context_switch_s.unwrap_or(nan),
            turns_per_s: r.turns_per_s.unwrap_or(nan),
            output_tokens_per_s: r.output_tokens_per_s.unwrap_or(nan),
            ttft_s: r.ttft_s.unwrap_or(nan),
            tpot_s: r.tpot_s.unwrap_or(nan),
            gpu_s_per_turn: r.gpu_s_per_turn.unwrap_or(nan),
            usd_per_million_output_tokens: r.usd_per_million_output_tokens.unwrap_or(nan),
            kv_bytes_per_user: r.kv_bytes_per_user,
            kv_share_decode: r.kv_share.decode_bytes,
            kv_share_prefill: r.kv_share.prefill_flop,
            decode_kv_bound: r.decode_kv_bound,
            swapping: users.floor() > r.concurrency,
        }
    }
}

/// Where the picture changes along a sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerKind {
    /// From here on, a decode step reads more KV than weights.
    DecodeKvBound,
    /// From here on, at most one user fits.
    ConcurrencyOne,
    /// From here on, no user fits.
    ConcurrencyZero,
    /// From here on, attention is more than half of prefill FLOP.
    AttentionHalfPrefill,
    /// From here on, more users want service than fit: context switching starts.
    SwappingStarts,
}

impl MarkerKind {
    /// Short label for a chart.
    pub fn label(self) -> &'static str {
        match self {
            MarkerKind::DecodeKvBound => "decode KV-bound",
            MarkerKind::ConcurrencyOne => "1 user fits",
            MarkerKind::ConcurrencyZero => "nothing fits",
            MarkerKind::AttentionHalfPrefill => "attention > ½ prefill",
            MarkerKind::SwappingStarts => "swapping starts",
        }
    }
}

/// A regime marker at an x value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Marker {
    /// What changes.
    pub kind: MarkerKind,
    /// Where (the first x at which it holds, refined by bisection).
    pub x: f64,
}

/// A whole sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sweep {
    /// The varied input.
    pub input: SweepInput,
    /// Points in increasing x.
    pub points: Vec<SweepPoint>,
    /// Regime markers, in increasing x.
    pub markers: Vec<Marker>,
}

/// The x values of a sweep: `n` points from `from` to `to`, log-spaced when `log` (and both
/// ends are positive). Integer inputs are rounded and deduplicated.
pub fn sweep_xs(input: SweepInput, from: f64, to: f64, n: usize, log: bool) -> Vec<f64> {
    let (lo, hi) = input.range();
    let from = from.clamp(lo, hi);
    let to = to.clamp(lo, hi);
    let n = n.clamp(1, MAX_POINTS);
    let mut xs = Vec::with_capacity(n);
    for i in 0..n {
        let t = if n == 1 { 0.0 } else { i as f64 / (n - 1) as f64 };
        let x = if log && from > 0.0 && to > 0.0 { (from.ln() + t * (to.ln() - from.ln())).exp() } else { from + t * (to - from) };
        let x = if input.is_integer() { x.round() } else { x };
        if xs.last() != Some(&x) {
            xs.push(x);
        }
    }
    xs
}

/// Most points one sweep computes.
pub const MAX_POINTS: usize = 10_000;

/// One point: the report's numbers at `x`, without text.
pub fn point(inputs: &mut Inputs, input: SweepInput, x: f64) -> SweepPoint {
    input.apply(inputs, x);
    let p = Prepared::new(inputs);
    let r = evaluate_prepared(inputs, &p, Detail::Numbers);
    SweepPoint::from_report(x, &r, inputs.workload.users)
}

/// Sweeps `input` over `xs`, computing every output and the regime markers.
pub fn sweep(base: &Inputs, input: SweepInput, xs: &[f64]) -> Sweep {
    let mut inputs = base.clone();
    let workload_only = matches!(input, SweepInput::Ctx | SweepInput::Out | SweepInput::Users | SweepInput::Reuse);
    let points: Vec<SweepPoint> = if workload_only {
        // The folded coefficients do not depend on the workload but for the prefill workspace.
        let mut p = Prepared::new(&inputs);
        xs.iter()
            .map(|&x| {
                input.apply(&mut inputs, x);
                p.set_ctx(inputs.workload.ctx_tokens);
                let r = evaluate_prepared(&inputs, &p, Detail::Numbers);
                SweepPoint::from_report(x, &r, inputs.workload.users)
            })
            .collect()
    } else {
        xs.iter().map(|&x| point(&mut inputs, input, x)).collect()
    };
    let markers = markers(&mut inputs, input, &points);
    Sweep { input, points, markers }
}

/// Whether a regime holds at a point.
type RegimeTest = fn(&SweepPoint) -> bool;

/// The sweep as CSV: a header of the input's key and every [`Metric`] key, then one row per
/// point; missing values (a scenario that does not fit) are empty cells. The CLI's
/// `kvscope sweep --csv` and the app's export both print this.
pub fn sweep_csv(sweep: &Sweep) -> String {
    let mut out = String::new();
    out.push_str(sweep.input.key());
    for m in Metric::ALL {
        out.push(',');
        out.push_str(m.key());
    }
    out.push('\n');
    for p in &sweep.points {
        out.push_str(&crate::url::fmt_number(p.x));
        for m in Metric::ALL {
            out.push(',');
            let v = m.of(p);
            if v.is_finite() {
                out.push_str(&format!("{v}"));
            }
        }
        out.push('\n');
    }
    out
}

/// Most bisection steps that refine a marker between two sweep points.
const MARKER_BISECTIONS: usize = 40;
/// Markers on a continuous input are refined to this relative precision (0.01%: far below a
/// pixel); on a whole-number input, to the exact first value.
const MARKER_REL_PRECISION: f64 = 1e-4;

fn markers(inputs: &mut Inputs, input: SweepInput, points: &[SweepPoint]) -> Vec<Marker> {
    let tests: [(MarkerKind, RegimeTest); 5] = [
        (MarkerKind::DecodeKvBound, |p| p.decode_kv_bound),
        (MarkerKind::ConcurrencyOne, |p| p.concurrency <= 1.0),
        (MarkerKind::ConcurrencyZero, |p| p.concurrency < 1.0),
        (MarkerKind::AttentionHalfPrefill, |p| p.kv_share_prefill > 0.5),
        (MarkerKind::SwappingStarts, |p| p.swapping),
    ];
    let mut out = Vec::new();
    for (kind, holds) in tests {
        for pair in points.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if !holds(a) && holds(b) {
                out.push(Marker { kind, x: refine(inputs, input, a.x, b.x, holds) });
                break;
            }
        }
        // Holds from the very first point: mark it there (the regime covers the whole start).
        if let Some(first) = points.first() {
            if holds(first) && points.len() > 1 && !out.iter().any(|m| m.kind == kind) {
                out.push(Marker { kind, x: first.x });
            }
        }
    }
    crate::sort::sort_stable_by(&mut out, |a, b| a.x.total_cmp(&b.x));
    out
}

/// The smallest x in (lo, hi] at which `holds`, by bisection (geometric when both ends are
/// positive, integer for integer inputs).
fn refine(inputs: &mut Inputs, input: SweepInput, mut lo: f64, mut hi: f64, holds: fn(&SweepPoint) -> bool) -> f64 {
    for _ in 0..MARKER_BISECTIONS {
        let mid = if lo > 0.0 { (lo * hi).sqrt() } else { (lo + hi) / 2.0 };
        let mid = if input.is_integer() { mid.floor().max(lo + 1.0) } else { mid };
        if mid <= lo || mid >= hi || (!input.is_integer() && hi - lo <= MARKER_REL_PRECISION * hi.abs()) {
            break;
        }
        if holds(&point(inputs, input, mid)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

// ux (issue 11)
/// The swept input's value in `inputs` (NaN for a token budget on the token axis, which has
/// no factor).
pub fn input_value(inputs: &Inputs, input: SweepInput) -> f64 {
    let c = inputs.compression;
    match input {
        SweepInput::Ctx => inputs.workload.ctx_tokens,
        SweepInput::Out => inputs.workload.out_tokens,
        SweepInput::Users => inputs.workload.users,
        SweepInput::Tp => f64::from(inputs.tp),
        SweepInput::Reuse => inputs.workload.prefix_reuse,
        SweepInput::KvBits => inputs.precision.kv_bits,
        SweepInput::WBits => inputs.precision.weight_bits,
        SweepInput::KvLayer => c.layer,
        SweepInput::KvHead => c.head,
        SweepInput::KvToken => match c.token {
            TokenKeep::Fraction { fraction } => fraction,
            TokenKeep::Budget { .. } => f64::NAN,
        },
        SweepInput::KvHidden => c.hidden,
        // parallel (issue 13)
        SweepInput::Pp => f64::from(inputs.deploy.pp),
        SweepInput::Dp => f64::from(inputs.deploy.dp),
        SweepInput::Ep => f64::from(inputs.deploy.ep),
    }
}

/// The scenario itself on a sweep of its inputs: the point at the inputs' own value of the
/// swept input, computed exactly (so a chart's "this scenario" readout equals the cards to the
/// digit, not the nearest sampled point), put into `sweep.points` in order (replacing a sampled
/// point at the same x). Returns its index; `None` when the value is not a number.
/// `report` is the evaluation of `inputs` (the cards'), reused rather than computed again.
pub fn insert_current(sweep: &mut Sweep, inputs: &Inputs, report: &Report) -> Option<usize> {
    let x = input_value(inputs, sweep.input);
    if !x.is_finite() {
        return None;
    }
    let p = SweepPoint::from_report(x, report, inputs.workload.users);
    let i = sweep.points.partition_point(|q| q.x < x);
    if sweep.points.get(i).is_some_and(|q| q.x == x) {
        sweep.points[i] = p;
    } else {
        sweep.points.insert(i, p);
    }
    Some(i)
}

/// The chart's series as CSV (ux, issue 11): a column for the x input, then one column per
/// series (the label, quoted when needed, then ` [metric key]`), one row per x any series has;
/// a cell is empty where that series has no point or no value (does not fit).
pub fn series_csv(x_key: &str, y_key: &str, series: &[(String, Vec<(f64, f64)>)]) -> String {
    let quote = |s: &str| if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() };
    // Sorted and distinct by binary-search insertion (a general sort would add its code to the
    // web build for a few hundred points).
    let mut xs: Vec<f64> = Vec::new();
    for x in series.iter().flat_map(|(_, p)| p.iter().map(|q| q.0)).filter(|x| x.is_finite()) {
        let i = xs.partition_point(|&v| v < x);
        if xs.get(i) != Some(&x) {
            xs.insert(i, x);
        }
    }
    let mut out = String::from(x_key);
    for (label, _) in series {
        out.push(',');
        out.push_str(&quote(&format!("{label} [{y_key}]")));
    }
    out.push('\n');
    for x in xs {
        out.push_str(&crate::url::fmt_number(x));
        for (_, points) in series {
            out.push(',');
            if let Some(&(_, y)) = points.iter().find(|p| p.0 == x) {
                if y.is_finite() {
                    out.push_str(&format!("{y}"));
                }
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod csv_tests {
    use super::*;

    #[test]
    fn csv_has_a_header_and_one_row_per_point() {
        let inputs = crate::url::from_query("ctx=4000").0.resolve().inputs;
        let s = sweep(&inputs, SweepInput::Ctx, &[4_000.0, 8_000.0]);
        let csv = sweep_csv(&s);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("ctx,concurrency,prefill_s,"));
        assert_eq!(lines[0].split(',').count(), Metric::ALL.len() + 1);
        assert!(lines[1].starts_with("4000,"));
    }

    #[test]
    fn series_csv_has_one_column_per_series() {
        let a = ("this scenario".to_owned(), vec![(1.0, 10.0), (2.0, f64::NAN)]);
        let b = ("pin 1: x, y".to_owned(), vec![(2.0, 5.5), (3.0, 6.0)]);
        let csv = series_csv("ctx", "decode_s", &[a, b]);
        assert_eq!(csv, "ctx,this scenario [decode_s],\"pin 1: x, y [decode_s]\"\n1,10,\n2,,5.5\n3,,6\n");
    }

    // ux (issue 11): the scenario, whose decode card read 6.09 s while the chart
    // read the sampled 139k point (6.05 s). The inserted point is the report itself.
    #[test]
    fn the_current_point_is_the_scenario_exactly() {
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=141000&users=20");
        let xs = sweep_xs(SweepInput::Ctx, 1_000.0, 1_000_000.0, 200, true);
        assert!(!xs.contains(&141_000.0));
        let mut s = sweep(&e.inputs, SweepInput::Ctx, &xs);
        let i = insert_current(&mut s, &e.inputs, &e.report).expect("ctx is a number");
        assert_eq!(s.points.len(), xs.len() + 1);
        assert_eq!(s.points[i].x, 141_000.0);
        assert_eq!(s.points[i].decode_s, e.report.decode_s.expect("fits"));
        assert_eq!(s.points[i].concurrency, e.report.concurrency);
        assert!(s.points.windows(2).all(|w| w[0].x < w[1].x));
        // Inserting again replaces, never duplicates.
        assert_eq!(insert_current(&mut s, &e.inputs, &e.report), Some(i));
        assert_eq!(s.points.len(), xs.len() + 1);
    }
}

// serving (issue 9)

/// One point of a load curve: the continuous schedule at `users` users.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LoadPoint {
    /// Users in the closed loop.
    pub users: f64,
    /// Requests (turns) per second, the group.
    pub requests_per_s: f64,
    /// Output tokens per second per GPU.
    pub output_tokens_per_s_per_gpu: f64,
    /// Output tokens per second per user.
    pub output_tokens_per_s_per_user: f64,
    /// Median time to first token (s).
    pub ttft_p50_s: f64,
    /// 95th-percentile time to first token (s).
    pub ttft_p95_s: f64,
    /// Time per output token (s).
    pub tpot_s: f64,
    /// Requests per second within the objectives.
    pub goodput_requests_per_s: f64,
    /// Dollars per million output tokens (absent without a price).
    pub usd_per_million_output_tokens: Option<f64>,
    /// Beyond the engine's knee.
    pub saturated: bool,
}

/// Throughput and latency against offered users, under continuous batching.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadCurve {
    /// Points in increasing users.
    pub points: Vec<LoadPoint>,
    /// Users at which the engine saturates (`B* + X_max · think_s`).
    pub saturation_users: Option<f64>,
    /// The most users whose every turn meets the objectives (all of `goodput` = throughput, to
    /// 1%), among the points; `None` when even one user misses them.
    pub slo_users: Option<f64>,
    /// Whether any objective is set.
    pub has_slo: bool,
    /// The time-to-first-token objective (s), if set.
    pub slo_ttft_s: Option<f64>,
    /// The time-per-output-token objective (s), if set.
    pub slo_tpot_s: Option<f64>,
}

/// Most points a load curve computes.
pub const MAX_LOAD_POINTS: usize = 200;

/// Goodput at least this fraction of the throughput counts as "within the objectives".
pub const WITHIN_SLO_FRACTION: f64 = 0.99;

/// The default users of a load curve: `n` log-spaced whole numbers from 1 to twice the knee (at
/// least 8), so the knee sits in the middle of the chart.
pub fn load_users(scenario: &crate::Scenario, n: usize) -> Vec<f64> {
    let mut s = scenario.clone();
    s.sched = Some(crate::serving::Sched::Continuous);
    s.users = 1.0;
    let r = crate::evaluate(&s.resolve().inputs);
    let knee = r.saturation_users.unwrap_or(1.0);
    let to = (2.0 * knee).clamp(8.0, crate::scenario::field_by_key("users").map_or(1e6, |f| f.max));
    sweep_xs(SweepInput::Users, 1.0, to, n.clamp(2, MAX_LOAD_POINTS), true)
}

/// The continuous schedule at each of `users` (the scenario's `sched` is set to continuous; its
/// `users` is replaced).
pub fn load_curve(scenario: &crate::Scenario, users: &[f64]) -> LoadCurve {
    let mut s = scenario.clone();
    s.sched = Some(crate::serving::Sched::Continuous);
    let mut inputs = s.resolve().inputs;
    let p = Prepared::new(&inputs);
    let mut points = Vec::with_capacity(users.len().min(MAX_LOAD_POINTS));
    let mut saturation_users = None;
    for &u in users.iter().take(MAX_LOAD_POINTS) {
        inputs.workload.users = u.max(1.0).floor();
        let r = evaluate_prepared(&inputs, &p, Detail::Numbers);
        let (Some(x), Some(per_gpu), Some(per_user), Some(ttft), Some(p95), Some(good)) = (
            r.requests_per_s,
            r.output_tokens_per_s_per_gpu,
            r.output_tokens_per_s_per_user,
            r.ttft_s,
            r.ttft_p95_s,
            r.goodput_requests_per_s,
        ) else {
            continue;
        };
        saturation_users = r.saturation_users;
        points.push(LoadPoint {
            users: inputs.workload.users,
            requests_per_s: x,
            output_tokens_per_s_per_gpu: per_gpu,
            output_tokens_per_s_per_user: per_user,
            ttft_p50_s: ttft,
            ttft_p95_s: p95,
            tpot_s: r.tpot_s.unwrap_or(0.0),
            goodput_requests_per_s: good,
            usd_per_million_output_tokens: r.usd_per_million_output_tokens,
            saturated: r.saturated.unwrap_or(false),
        });
    }
    let has_slo = inputs.serving.slo_ttft_s.is_some() || inputs.serving.slo_tpot_s.is_some();
    let slo_users = points
        .iter()
        .take_while(|pt| pt.goodput_requests_per_s >= WITHIN_SLO_FRACTION * pt.requests_per_s)
        .last()
        .map(|pt| pt.users);
    LoadCurve { points, saturation_users, slo_users, has_slo, slo_ttft_s: inputs.serving.slo_ttft_s, slo_tpot_s: inputs.serving.slo_tpot_s }
}

/// One sentence: how many users this setup serves (within the objectives when set, else up to
/// the knee) and at what cost per million output tokens.
pub fn load_summary(curve: &LoadCurve) -> String {
    let fmt_users = |u: f64| if u == 1.0 { "1 user".to_owned() } else { format!("{u:.0} users") };
    let served = if curve.has_slo { curve.slo_users } else { curve.saturation_users };
    let Some(users) = served else {
        return if curve.has_slo {
            "Not even one user's turns meet the objectives on this setup.".to_owned()
        } else {
            "Nothing fits on this setup.".to_owned()
        };
    };
    // The point at (or just below) that many users.
    let at = curve.points.iter().rev().find(|pt| pt.users <= users).or(curve.points.first());
    let cost = at
        .and_then(|pt| pt.usd_per_million_output_tokens)
        .map_or(String::new(), |usd| format!(" at ${usd:.2} per million output tokens"));
    let rate = at.map_or(String::new(), |pt| format!(" ({:.0} output tok/s per GPU)", pt.output_tokens_per_s_per_gpu));
    if curve.has_slo {
        format!("This setup serves {} within the objectives{cost}{rate}.", fmt_users(users))
    } else {
        format!("This setup saturates at {}{cost}{rate}; beyond, users queue for a place in the batch.", fmt_users(users))
    }
}

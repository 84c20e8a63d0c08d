//! The four metric cards' texts as plain functions of the report. The app's cards
//! (`panels/results.rs`) and the first stage (`first.rs`, which paints the results before the
//! app has loaded) print these same strings, so the page never shows two versions of a number.

use costmodel::report::{Resource, SwitchKind};
use costmodel::roofline::{Bound, PhaseTime};
use costmodel::units::{fmt_count, fmt_percent, fmt_seconds};
use costmodel::Report;

use crate::format::{bytes, opt_seconds};

/// What one card shows (the math under it is the app's).
#[derive(Clone, PartialEq)]
pub struct CardText {
    /// `data-testid` of the card.
    pub testid: &'static str,
    /// Title ("Concurrency").
    pub title: &'static str,
    /// The headline value ("18 users").
    pub value: String,
    /// What the value is per ("per prompt (batch 1)").
    pub caption: String,
    /// What bounds it.
    pub bound: String,
    /// How much of it is the KV cache.
    pub share: String,
    /// The label of the math's disclosure.
    pub math_head: &'static str,
}

/// Shown where the math has an extra line first.
pub const MATH_HEAD_MORE: &str = "More, and the math";
/// Shown where it has not.
pub const MATH_HEAD: &str = "Show the math";

fn bound_of(p: Option<PhaseTime>) -> &'static str {
    match p.map(|p| p.bound) {
        Some(Bound::Compute) => Resource::Compute.label(),
        Some(Bound::Memory) => Resource::HbmBandwidth.label(),
        None => "– (nothing fits)",
    }
}

/// Concurrency: users whose caches fit in HBM.
pub fn concurrency(r: &Report, binary: bool) -> CardText {
    let one = r.concurrency == 1.0;
    CardText {
        testid: "metric-concurrency",
        title: "Concurrency",
        value: format!("{} {}", fmt_count(r.concurrency), if one { "user" } else { "users" }),
        caption: if one { "fits in HBM at once" } else { "fit in HBM at once" }.to_owned(),
        bound: "bounded by HBM capacity".to_owned(),
        share: format!(
            "KV is {} of HBM · {} per user ({} per GPU)",
            fmt_percent(r.kv_share.hbm),
            bytes(r.kv_bytes_per_user, binary),
            bytes(r.kv_bytes_per_user_per_gpu, binary)
        ),
        math_head: MATH_HEAD,
    }
}

/// Prefilling one prompt.
pub fn prefill(r: &Report) -> CardText {
    CardText {
        testid: "metric-prefill",
        title: "Prefilling",
        value: opt_seconds(r.prefill_s),
        caption: "per prompt (batch 1)".to_owned(),
        bound: format!("bounded by {}", bound_of(r.prefill)),
        share: format!("attention (the KV part) is {} of prefill FLOP", fmt_percent(r.kv_share.prefill_flop)),
        math_head: MATH_HEAD_MORE,
    }
}

/// Decoding one turn of `out_tokens`.
pub fn decode(r: &Report, out_tokens: f64) -> CardText {
    CardText {
        testid: "metric-decode",
        title: "Decoding",
        value: opt_seconds(r.decode_s),
        caption: format!("per turn of {} generated tokens", fmt_count(out_tokens)),
        bound: format!("bounded by {}", bound_of(r.decode_step)),
        share: format!(
            "KV is {} of the bytes read{}",
            fmt_percent(r.kv_share.decode_bytes),
            if r.decode_kv_bound { " · each step reads more KV than weights" } else { "" }
        ),
        math_head: MATH_HEAD_MORE,
    }
}

/// One context switch.
pub fn switch(r: &Report) -> CardText {
    let share = if r.no_fit.is_some() {
        String::new()
    } else if r.swapped_users > 0.0 && r.sched == costmodel::serving::Sched::Continuous {
        // serving (issue 9): the engines queue these users instead of swapping them.
        format!(
            "in the paper's cycle {} users would wait in host memory (switching {} of it); continuous batching queues them",
            fmt_count(r.swapped_users),
            fmt_percent(r.kv_share.switch_time)
        )
    } else if r.swapped_users > 0.0 {
        format!("{} users wait in host memory; switching is {} of the cycle", fmt_count(r.swapped_users), fmt_percent(r.kv_share.switch_time))
    } else {
        "everyone fits: no switching (KV share 0%)".to_owned()
    };
    CardText {
        testid: "metric-switch",
        title: "Context switching",
        value: opt_seconds(r.context_switch_s),
        caption: "per switch (one user out, one in)".to_owned(),
        bound: match r.switch_kind {
            Some(SwitchKind::Swap) => "bounded by the host link (swap out + in)".to_owned(),
            Some(SwitchKind::Recompute) => "recomputing (prefill again) beats swapping".to_owned(),
            None => "– (nothing fits)".to_owned(),
        },
        share,
        math_head: MATH_HEAD_MORE,
    }
}

/// The four cards in page order.
pub fn all(r: &Report, out_tokens: f64, binary: bool) -> [CardText; 4] {
    [concurrency(r, binary), prefill(r), decode(r, out_tokens), switch(r)]
}

/// The decode card's extra line ("… per step at batch N").
pub fn decode_extra(r: &Report) -> String {
    r.decode_step_s.map_or_else(String::new, |s| format!("{} per step at batch {}", fmt_seconds(s), fmt_count(r.batch)))
}

/// The switch card's extra line (swap vs recompute).
pub fn switch_extra(r: &Report) -> String {
    if r.no_fit.is_some() {
        String::new()
    } else {
        format!("swap {} · recompute {}", opt_seconds(r.swap_s), opt_seconds(r.recompute_s))
    }
}

/// The prefill card's extra line.
pub const PREFILL_EXTRA: &str = "Time to read the prompt and build its KV cache.";

// first stage (issue 12): the widget's other results (`show=cards`): the context line, the fit
// line and the session card, shared with `panels/results.rs` as the cards are.

/// The context line over the widget's cards.
pub fn context_line(ctx_tokens: f64, binary: bool) -> String {
    format!("At {} tokens of context per user{}", fmt_count(ctx_tokens), if binary { " · bytes in GiB (2³⁰)" } else { " · bytes in GB (10⁹)" })
}

/// The fit line when the scenario fits.
pub fn fits_text(e: &costmodel::Evaluated) -> String {
    let r = &e.report;
    let longest = match r.max_ctx_tokens {
        Some(c) if c.is_finite() => format!("the longest context one user could have here is {} tokens", fmt_count(c)),
        Some(_) => "the cache stops growing with context (windowed or KV-less layers)".to_owned(),
        None => String::new(),
    };
    format!(
        "Fits: {} {} at once; {} of {} wanting service decode together; {longest}. The KV cache takes {} bytes per token of context.",
        fmt_count(r.concurrency),
        if r.concurrency == 1.0 { "user" } else { "users" },
        fmt_count(r.batch),
        fmt_count(e.scenario.users),
        fmt_count(r.kv_bytes_per_token)
    )
}

/// How many users the "Serve all N users" offer sets, when more fit than are asked for (ux,
/// issue 11).
pub fn serve_all(e: &costmodel::Evaluated) -> Option<f64> {
    let (c, u) = (e.report.concurrency, e.scenario.users);
    (c > u && (2.0..=1_000_000.0).contains(&c)).then_some(c)
}

/// What bounds the session: the cycle's resource, or continuous batching beside it.
pub fn throughput_bound(r: &Report) -> String {
    match r.sched {
        // serving (issue 9)
        costmodel::serving::Sched::Continuous => format!("continuous batching (the paper's cycle, below for comparison, is bounded by {})", r.bound.label()),
        costmodel::serving::Sched::Cycle => format!("the cycle is bounded by {}", r.bound.label()),
    }
}

fn price(usd: Option<f64>, r: &Report) -> String {
    match (usd, r.cycle) {
        (Some(u), _) => format!("${}", costmodel::units::fmt_sig(u)),
        (None, Some(_)) => "set a price".to_owned(),
        (None, None) => "–".to_owned(),
    }
}

/// A row of the session card: its label and its value from the report.
pub type Row = (&'static str, fn(&Report) -> String);

/// The session card's rows.
pub const THROUGHPUT_ROWS: [Row; 8] = [
    ("Turns per second", |r| crate::format::opt_sig(r.turns_per_s)),
    ("Output tokens per second", |r| crate::format::opt_sig(r.output_tokens_per_s)),
    ("Time to first token", |r| opt_seconds(r.ttft_s)),
    ("Time per output token", |r| opt_seconds(r.tpot_s)),
    ("GPU-seconds per turn", |r| crate::format::opt_sig(r.gpu_s_per_turn)),
    ("Cost per turn", |r| price(r.usd_per_turn, r)),
    ("Cost per million output tokens", |r| price(r.usd_per_million_output_tokens, r)),
    ("Users decoding together", |r| fmt_count(r.batch)),
];

/// "One cycle: prefill … + decode … + switching … = …".
pub fn cycle_line(r: &Report) -> String {
    r.cycle.map_or_else(
        || "One cycle: – (nothing fits)".to_owned(),
        |c| format!("One cycle: prefill {} + decode {} + switching {} = {}", fmt_seconds(c.prefill_s), fmt_seconds(c.decode_s), fmt_seconds(c.switch_s), fmt_seconds(c.total_s)),
    )
}

/// Where the cost comes from, or that the accelerator has no price.
pub fn price_note(r: &Report) -> &'static str {
    if r.usd_per_turn.is_none() && r.cycle.is_some() {
        "This accelerator has no public price: set a price per GPU-hour under Hardware → Custom hardware."
    } else {
        "Cost = GPU-seconds × the price per GPU-hour (Hardware → Custom hardware → price)."
    }
}

//! Results: the four metric cards, the throughput card, "does not fit" states and the math.

use costmodel::units::{fmt_count, fmt_seconds, fmt_sig};
use costmodel::Report;
use leptos::prelude::*;

use crate::cards;
use crate::components::{MathDetails, MetricCard};
use crate::panels::engine::EngineBlock;
use crate::format::{opt_seconds, opt_sig};
use crate::state::use_app;


/// The cards.
#[component]
pub fn Results(
    /// Leave the session throughput card out (the page shows it as [`SessionCard`], below the
    /// chart; ux, issue 11).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = use_app();
    let evaluated = state.evaluated;
    let binary = state.binary();
    // One memo for the report, and one per text: a card's text node changes only when its
    // own string does.
    let report = Memo::new(move |_| evaluated.with(|e| e.report.clone()));
    let text = move |f: fn(&Report, bool) -> String| Signal::derive(move || report.with(|r| f(r, binary.get())));
    let math = Memo::new(move |_| evaluated.with(|e| costmodel::math::explain(&e.inputs, &e.report)));
    let no_fit = Memo::new(move |_| report.with(|r| r.no_fit.is_some()));
    let ctx = Memo::new(move |_| state.scenario.with(|s| s.ctx_tokens));
    let out = Memo::new(move |_| state.scenario.with(|s| s.out_tokens));

    view! {
        <section class="kvs-results" aria-label="Results">
            // The page (compact) states the context in its headline and shows the fit status
            // under the chart; the widget keeps both here.
            {(!compact).then(|| view! {
                <p class="kvs-context-line" data-testid="context-line">
                    {move || format!("At {} tokens of context per user", fmt_count(ctx.get()))}
                    {move || if binary.get() { " · bytes in GiB (2³⁰)" } else { " · bytes in GB (10⁹)" }}
                </p>
                <FitStatus />
            })}
            <div class="kvs-cards">
                <MetricCard
                    testid="metric-concurrency"
                    title="Concurrency"
                    value=text(|r, b| cards::concurrency(r, b).value)
                    caption=text(|r, b| cards::concurrency(r, b).caption)
                    bound=text(|r, b| cards::concurrency(r, b).bound)
                    kv_share=text(|r, b| cards::concurrency(r, b).share)
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["kv_bytes_per_token", "kv_bytes_per_user", "weights_bytes", "concurrency"] />
                </MetricCard>
                <MetricCard
                    testid="metric-prefill"
                    title="Prefilling"
                    value=text(|r, _| cards::prefill(r).value)
                    caption=text(|r, _| cards::prefill(r).caption)
                    bound=text(|r, _| cards::prefill(r).bound)
                    kv_share=text(|r, _| cards::prefill(r).share)
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["prefill_s"] extra=Signal::derive(|| cards::PREFILL_EXTRA.to_owned()) />
                </MetricCard>
                <MetricCard
                    testid="metric-decode"
                    title="Decoding"
                    value=text(|r, _| cards::decode(r, 0.0).value)
                    caption=Signal::derive(move || report.with(|r| cards::decode(r, out.get()).caption))
                    bound=text(|r, _| cards::decode(r, 0.0).bound)
                    kv_share=text(|r, _| cards::decode(r, 0.0).share)
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["decode_step_s", "decode_s"]
                        extra=Signal::derive(move || report.with(cards::decode_extra)) />
                </MetricCard>
                <MetricCard
                    testid="metric-switch"
                    title="Context switching"
                    value=text(|r, _| cards::switch(r).value)
                    caption=text(|r, _| cards::switch(r).caption)
                    bound=text(|r, _| cards::switch(r).bound)
                    kv_share=text(|r, _| cards::switch(r).share)
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["context_switch_s"]
                        extra=Signal::derive(move || report.with(cards::switch_extra)) />
                </MetricCard>
            </div>
            <EngineBlock />
            {(!compact).then(|| view! { <Throughput report=report math=math /> })}
            // serving (issue 9)
            <crate::panels::ServingCard report=report />
        </section>
    }
}

// ux (issue 11)
/// The session throughput card on its own (the page puts it under the chart).
#[component]
pub fn SessionCard() -> impl IntoView {
    let state = use_app();
    let evaluated = state.evaluated;
    let report = Memo::new(move |_| evaluated.with(|e| e.report.clone()));
    let math = Memo::new(move |_| evaluated.with(|e| costmodel::math::explain(&e.inputs, &e.report)));
    view! { <Throughput report=report math=math /> }
}

/// Session throughput and cost.
#[component]
fn Throughput(
    /// The report.
    report: Memo<Report>,
    /// Math lines.
    math: Memo<Vec<costmodel::math::MathLine>>,
) -> impl IntoView {
    let row = move |label: &'static str, f: fn(&Report) -> String| {
        view! {
            <div class="kvs-kv">
                <dt>{label}</dt>
                <dd class="kvs-num-text">{move || report.with(f)}</dd>
            </div>
        }
    };
    let price_missing = Memo::new(move |_| report.with(|r| r.usd_per_turn.is_none() && r.cycle.is_some()));
    let evaluated = use_app().evaluated;
    let ttft_why = Memo::new(move |_| evaluated.with(costmodel::summary::ttft_why));
    view! {
        <article class="kvs-card kvs-card-wide" data-testid="metric-throughput">
            <h3 class="kvs-card-title">"Session throughput"</h3>
            <p class="kvs-card-bound">{move || report.with(|r| match r.sched {
                // serving (issue 9)
                costmodel::serving::Sched::Continuous => format!("continuous batching (the paper's cycle, below for comparison, is bounded by {})", r.bound.label()),
                costmodel::serving::Sched::Cycle => format!("the cycle is bounded by {}", r.bound.label()),
            })}</p>
            <dl class="kvs-kvs">
                {row("Turns per second", |r| opt_sig(r.turns_per_s))}
                {row("Output tokens per second", |r| opt_sig(r.output_tokens_per_s))}
                {row("Time to first token", |r| opt_seconds(r.ttft_s))}
                {row("Time per output token", |r| opt_seconds(r.tpot_s))}
                {row("GPU-seconds per turn", |r| opt_sig(r.gpu_s_per_turn))}
                {row("Cost per turn", |r| match (r.usd_per_turn, r.cycle) {
                    (Some(u), _) => format!("${}", fmt_sig(u)),
                    (None, Some(_)) => "set a price".to_owned(),
                    (None, None) => "–".to_owned(),
                })}
                {row("Cost per million output tokens", |r| match (r.usd_per_million_output_tokens, r.cycle) {
                    (Some(u), _) => format!("${}", fmt_sig(u)),
                    (None, Some(_)) => "set a price".to_owned(),
                    (None, None) => "–".to_owned(),
                })}
                {row("Users decoding together", |r| fmt_count(r.batch))}
            </dl>
            // serving (issue 9)
            <p class="kvs-note" data-testid="ttft-schedule">{move || report.with(costmodel::serving::ttft_explanation)}</p>
            <p class="kvs-note kvs-num-text kvs-reserve3">{move || report.with(|r| r.cycle.map_or_else(
                || "One cycle: – (nothing fits)".to_owned(),
                |c| format!(
                    "One cycle: prefill {} + decode {} + switching {} = {}",
                    fmt_seconds(c.prefill_s), fmt_seconds(c.decode_s), fmt_seconds(c.switch_s), fmt_seconds(c.total_s)
                ),
            ))}</p>
            <p class="kvs-note kvs-reserve3">{move || if price_missing.get() {
                "This accelerator has no public price: set a price per GPU-hour under Hardware → Custom hardware."
            } else {
                "Cost = GPU-seconds × the price per GPU-hour (Hardware → Custom hardware → price)."
            }}</p>
            // ux (issue 11): why the first token takes longer than one prefill.
            <p class="kvs-note" data-testid="ttft-why">{move || ttft_why.get().unwrap_or_default()}</p>
            <MathDetails lines=math ids=&["turns_per_s", "usd_per_turn", "kv_share"] />
        </article>
    }
}

/// Whether the scenario fits, and if not why and what would. The box has a fixed height in
/// both states, so crossing into "does not fit" while dragging a slider moves nothing.
#[component]
pub fn FitStatus() -> impl IntoView {
    let state = use_app();
    let evaluated = state.evaluated;
    let scenario = state.scenario;
    let no_fit = Memo::new(move |_| evaluated.with(|e| e.report.no_fit.clone()));
    let fits = Memo::new(move |_| {
        evaluated.with(|e| {
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
        })
    });
    view! {
        <div class="kvs-status" class:kvs-nofit=move || no_fit.with(Option::is_some) role="status" data-testid="fit-status">
            {move || match no_fit.get() {
                None => view! {
                    <p class="kvs-fits">
                        {move || fits.get()}
                        // ux (issue 11): more fit than are asked for: offer to use them all.
                        {move || {
                            let (c, u) = evaluated.with(|e| (e.report.concurrency, e.scenario.users));
                            (c > u && (2.0..=1_000_000.0).contains(&c)).then(|| view! {
                                " "
                                <button type="button" class="kvs-link-button" data-testid="use-all-users"
                                    on:click=move |_| scenario.update(|s| s.users = c.floor())>
                                    {format!("Serve all {} users", fmt_count(c))}
                                </button>
                            })
                        }}
                    </p>
                }.into_any(),
                Some(nf) => {
                    let ctx = nf.max_ctx_tokens.filter(|c| c.is_finite() && *c >= 1.0);
                    let tp = nf.min_tp;
                    view! {
                        <div data-testid="no-fit">
                            <p><strong class="kvs-nofit-title">"Does not fit. "</strong>{format!("Not one user fits: {}. Latencies are not shown.", nf.reason)}</p>
                            <p>
                                {(ctx.is_some() || tp.is_some()).then_some("What would fit: ")}
                                {ctx.map(|c| view! {
                                    {format!("a context of {} tokens ", fmt_count(c))}
                                    <button type="button" class="kvs-link-button" on:click=move |_| scenario.update(|s| s.ctx_tokens = c.floor())>"use it"</button>
                                })}
                                {(ctx.is_some() && tp.is_some()).then_some(" · ")}
                                {tp.map(|t| view! {
                                    {format!("{t} GPUs in tensor parallel ")}
                                    <button type="button" class="kvs-link-button" on:click=move |_| scenario.update(|s| s.tp = t)>"use it"</button>
                                })}
                                {(ctx.is_none() && tp.is_none()).then_some("No context length or GPU count up to 128 fits: use a smaller model, fewer weight bits or more memory.")}
                            </p>
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

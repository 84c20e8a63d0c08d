//! Results: the four metric cards, the throughput card, "does not fit" states and the math.

use costmodel::report::{Resource, SwitchKind};
use costmodel::roofline::{Bound, PhaseTime};
use costmodel::units::{fmt_count, fmt_percent, fmt_seconds, fmt_sig};
use costmodel::Report;
use leptos::prelude::*;

use crate::components::{MathDetails, MetricCard};
use crate::format::{bytes, opt_seconds, opt_sig};
use crate::state::use_app;

fn bound_of(p: Option<PhaseTime>) -> &'static str {
    match p.map(|p| p.bound) {
        Some(Bound::Compute) => Resource::Compute.label(),
        Some(Bound::Memory) => Resource::HbmBandwidth.label(),
        None => "–",
    }
}

/// The cards.
#[component]
pub fn Results() -> impl IntoView {
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
            <p class="kvs-context-line" data-testid="context-line">
                {move || format!("At {} tokens of context per user", fmt_count(ctx.get()))}
                {move || if binary.get() { " · bytes in GiB (2³⁰)" } else { " · bytes in GB (10⁹)" }}
            </p>
            <NoFitBanner />
            <div class="kvs-cards">
                <MetricCard
                    testid="metric-concurrency"
                    title="Concurrency"
                    value=text(|r, _| format!("{} {}", fmt_count(r.concurrency), if r.concurrency == 1.0 { "user" } else { "users" }))
                    caption=text(|r, _| if r.concurrency == 1.0 { "fits in HBM at once".to_owned() } else { "fit in HBM at once".to_owned() })
                    bound=text(|_, _| "bounded by HBM capacity".to_owned())
                    kv_share=text(|r, b| format!("KV is {} of HBM · {} per user ({} per GPU)", fmt_percent(r.kv_share.hbm), bytes(r.kv_bytes_per_user, b), bytes(r.kv_bytes_per_user_per_gpu, b)))
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["kv_bytes_per_token", "kv_bytes_per_user", "weights_bytes", "concurrency"] />
                </MetricCard>
                <MetricCard
                    testid="metric-prefill"
                    title="Prefilling"
                    value=text(|r, _| opt_seconds(r.prefill_s))
                    caption=text(|_, _| "per prompt (batch 1)".to_owned())
                    bound=text(|r, _| format!("bounded by {}", bound_of(r.prefill)))
                    kv_share=text(|r, _| format!("attention (the KV part) is {} of prefill FLOP", fmt_percent(r.kv_share.prefill_flop)))
                    bad=no_fit
                >
                    <p class="kvs-card-extra">"Time to read the prompt and build its KV cache."</p>
                    <MathDetails lines=math ids=&["prefill_s"] />
                </MetricCard>
                <MetricCard
                    testid="metric-decode"
                    title="Decoding"
                    value=text(|r, _| opt_seconds(r.decode_s))
                    caption=Signal::derive(move || format!("per turn of {} generated tokens", fmt_count(out.get())))
                    bound=text(|r, _| format!("bounded by {}{}", bound_of(r.decode_step), if r.decode_kv_bound { " · reads more KV than weights" } else { "" }))
                    kv_share=text(|r, _| format!("KV is {} of the bytes read", fmt_percent(r.kv_share.decode_bytes)))
                    bad=no_fit
                >
                    <p class="kvs-card-extra">{move || report.with(|r| format!("{} per step at batch {}", opt_seconds(r.decode_step_s), fmt_count(r.batch)))}</p>
                    <MathDetails lines=math ids=&["decode_step_s", "decode_s"] />
                </MetricCard>
                <MetricCard
                    testid="metric-switch"
                    title="Context switching"
                    value=text(|r, _| opt_seconds(r.context_switch_s))
                    caption=text(|_, _| "per switch (one user out, one in)".to_owned())
                    bound=text(|r, _| match r.switch_kind {
                        Some(SwitchKind::Swap) => "bounded by the host link (swap out + in)".to_owned(),
                        Some(SwitchKind::Recompute) => "recomputing (prefill again) beats swapping".to_owned(),
                        None => "–".to_owned(),
                    })
                    kv_share=text(|r, _| if r.swapped_users > 0.0 {
                        format!("{} users wait in host memory; switching is {} of the cycle", fmt_count(r.swapped_users), fmt_percent(r.kv_share.switch_time))
                    } else {
                        "everyone fits: no switching in the cycle (KV share 0%)".to_owned()
                    })
                    bad=no_fit
                >
                    <p class="kvs-card-extra">{move || report.with(|r| format!("swap {} · recompute {}", opt_seconds(r.swap_s), opt_seconds(r.recompute_s)))}</p>
                    <MathDetails lines=math ids=&["context_switch_s"] />
                </MetricCard>
            </div>
            <Throughput report=report math=math />
        </section>
    }
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
    view! {
        <article class="kvs-card kvs-card-wide" data-testid="metric-throughput">
            <h3 class="kvs-card-title">"Session throughput"</h3>
            <p class="kvs-card-bound">{move || report.with(|r| format!("the cycle is bounded by {}", r.bound.label()))}</p>
            <dl class="kvs-kvs">
                {row("Turns per second", |r| format!("{} turns/s", opt_sig(r.turns_per_s)))}
                {row("Output tokens per second", |r| format!("{} tokens/s", opt_sig(r.output_tokens_per_s)))}
                {row("Time to first token", |r| opt_seconds(r.ttft_s))}
                {row("Time per output token", |r| opt_seconds(r.tpot_s))}
                {row("GPU-seconds per turn", |r| r.gpu_s_per_turn.map_or("–".to_owned(), |v| format!("{} GPU-s", fmt_sig(v))))}
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
                {row("Batch decoding together", |r| format!("{} users", fmt_count(r.batch)))}
            </dl>
            <Show when=move || price_missing.get()>
                <p class="kvs-note">"This accelerator has no public price: set a price per GPU-hour under Hardware → Custom hardware."</p>
            </Show>
            <p class="kvs-note">{move || report.with(|r| r.cycle.map(|c| format!(
                "One cycle: prefill {} + decode {} + switching {} = {}",
                fmt_seconds(c.prefill_s), fmt_seconds(c.decode_s), fmt_seconds(c.switch_s), fmt_seconds(c.total_s)
            )).unwrap_or_default())}</p>
            <MathDetails lines=math ids=&["turns_per_s", "usd_per_turn", "kv_share"] />
        </article>
    }
}

/// "Does not fit": why, and what would.
#[component]
fn NoFitBanner() -> impl IntoView {
    let state = use_app();
    let evaluated = state.evaluated;
    let scenario = state.scenario;
    let no_fit = Memo::new(move |_| evaluated.with(|e| e.report.no_fit.clone()));
    view! {
        {move || no_fit.get().map(|nf| {
            let ctx = nf.max_ctx_tokens.filter(|c| c.is_finite() && *c >= 1.0);
            let tp = nf.min_tp;
            view! {
                <div class="kvs-nofit" role="status" data-testid="no-fit">
                    <h2>"Does not fit"</h2>
                    <p>{format!("Not one user fits: {}.", nf.reason)}</p>
                    <ul>
                        {ctx.map(|c| view! {
                            <li>
                                {format!("The longest context one user can have here is {} tokens. ", fmt_count(c))}
                                <button type="button" class="kvs-link-button" on:click=move |_| scenario.update(|s| s.ctx_tokens = c.floor())>
                                    "Use it"
                                </button>
                            </li>
                        })}
                        {tp.map(|t| view! {
                            <li>
                                {format!("The fewest GPUs (tensor parallel) at which one user fits: {t}. ")}
                                <button type="button" class="kvs-link-button" on:click=move |_| scenario.update(|s| s.tp = t)>
                                    "Use it"
                                </button>
                            </li>
                        })}
                        {(ctx.is_none() && tp.is_none()).then(|| view! {
                            <li>"No context length or GPU count up to 128 fits: use a smaller model, fewer weight bits or more memory."</li>
                        })}
                    </ul>
                    <p class="kvs-note">"Latencies are not shown for a scenario that does not fit."</p>
                </div>
            }
        })}
    }
}

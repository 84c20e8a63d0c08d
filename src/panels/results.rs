//! Results: the four metric cards, the throughput card, "does not fit" states and the math.

use costmodel::units::fmt_count;
use costmodel::Report;
use leptos::prelude::*;
use crate::erased::{Memo, Signal};

use crate::cards;
use crate::components::{MathDetails, MetricCard};
use crate::panels::engine::EngineBlock;
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
    let binary = state.binary();
    // One memo for the report (the state's, shared by every panel); the cards' texts below.
    let report = state.report;
    let out = state.scenario.select(move |s| s.out_tokens);
    // One memo per card (its four texts computed once per report), one signal per text node.
    let card = move |f: fn(&Report, f64, bool) -> cards::CardText| crate::erased::memo(move || report.with(|r| f(r, out.get(), binary.get())));
    let text = move |c: Memo<cards::CardText>, field: fn(&cards::CardText) -> &String| Signal::derive(move || c.with(|c| field(c).clone()));
    let concurrency = card(|r, _, b| cards::concurrency(r, b));
    let prefill = card(|r, _, _| cards::prefill(r));
    let decode = card(|r, out, _| cards::decode(r, out));
    let switch = card(|r, _, _| cards::switch(r));
    // Computed once per report, and only while a math section is open (`AppState::math`).
    let math = state.math;
    let no_fit = crate::erased::memo(move || report.with(|r| r.no_fit.is_some()));
    let ctx = state.scenario.select(move |s| s.ctx_tokens);

    view! {
        <section class="kvs-results" aria-label="Results">
            // The page (compact) states the context in its headline and shows the fit status
            // under the chart; the widget keeps both here.
            {(!compact).then(|| view! {
                <p class="kvs-context-line" data-testid="context-line">{move || cards::context_line(ctx.get(), binary.get())}</p>
                <FitStatus />
            })}
            <div class="kvs-cards">
                <MetricCard
                    testid="metric-concurrency"
                    title="Concurrency"
                    value=text(concurrency, |c| &c.value)
                    caption=text(concurrency, |c| &c.caption)
                    bound=text(concurrency, |c| &c.bound)
                    kv_share=text(concurrency, |c| &c.share)
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["kv_bytes_per_token", "kv_bytes_per_user", "weights_bytes", "concurrency"] />
                </MetricCard>
                <MetricCard
                    testid="metric-prefill"
                    title="Prefilling"
                    value=text(prefill, |c| &c.value)
                    caption=text(prefill, |c| &c.caption)
                    bound=text(prefill, |c| &c.bound)
                    kv_share=text(prefill, |c| &c.share)
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["prefill_s"] extra=Signal::derive(|| cards::PREFILL_EXTRA.to_owned()) />
                </MetricCard>
                <MetricCard
                    testid="metric-decode"
                    title="Decoding"
                    value=text(decode, |c| &c.value)
                    caption=text(decode, |c| &c.caption)
                    bound=text(decode, |c| &c.bound)
                    kv_share=text(decode, |c| &c.share)
                    bad=no_fit
                >
                    <MathDetails lines=math ids=&["decode_step_s", "decode_s"]
                        extra=Signal::derive(move || report.with(cards::decode_extra)) />
                </MetricCard>
                <MetricCard
                    testid="metric-switch"
                    title="Context switching"
                    value=text(switch, |c| &c.value)
                    caption=text(switch, |c| &c.caption)
                    bound=text(switch, |c| &c.bound)
                    kv_share=text(switch, |c| &c.share)
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
    view! { <Throughput report=state.report math=state.math /> }
}

/// Session throughput and cost.
#[component]
fn Throughput(
    /// The report.
    report: Memo<Report>,
    /// Math lines.
    math: Memo<Vec<costmodel::math::MathLine>>,
) -> impl IntoView {
    let row = move |(label, f): cards::Row| {
        view! {
            <div class="kvs-kv">
                <dt>{label}</dt>
                <dd class="kvs-num-text">{move || report.with(f)}</dd>
            </div>
        }
    };
    let evaluated = use_app().evaluated;
    let ttft_why = crate::erased::memo(move || evaluated.with(costmodel::summary::ttft_why));
    view! {
        <article class="kvs-card kvs-card-wide" data-testid="metric-throughput">
            <h3 class="kvs-card-title">"Session throughput"</h3>
            <p class="kvs-card-bound">{move || report.with(cards::throughput_bound)}</p>
            <dl class="kvs-kvs">
                {cards::THROUGHPUT_ROWS.into_iter().map(row).collect_view()}
            </dl>
            // serving (issue 9)
            <p class="kvs-note" data-testid="ttft-schedule">{move || report.with(costmodel::serving::ttft_explanation)}</p>
            <p class="kvs-note kvs-num-text kvs-reserve3">{move || report.with(cards::cycle_line)}</p>
            <p class="kvs-note kvs-reserve3">{move || report.with(cards::price_note)}</p>
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
    let no_fit = crate::erased::memo(move || evaluated.with(|e| e.report.no_fit.clone()));
    let fits = crate::erased::memo(move || evaluated.with(cards::fits_text));
    // input2 (issue 12): which state (fits / does not fit) and the offer are memos, so an input
    // that changes only a number rewrites that text, not the block (it was rebuilt, button and
    // attributes, on every input).
    let fitting = crate::erased::memo(move || no_fit.with(Option::is_none));
    let serve_all = crate::erased::memo(move || evaluated.with(cards::serve_all));
    let has_serve_all = crate::erased::memo(move || serve_all.with(Option::is_some));
    view! {
        <div class="kvs-status" class:kvs-nofit=move || !fitting.get() role="status" data-testid="fit-status">
            {move || if fitting.get() {
                view! {
                    <p class="kvs-fits">
                        {move || fits.get()}
                        // ux (issue 11): more fit than are asked for: offer to use them all.
                        {move || has_serve_all.get().then(|| view! {
                            " "
                            <button type="button" class="kvs-link-button" data-testid="use-all-users"
                                on:click=move |_| if let Some(c) = serve_all.get_untracked() { scenario.update(|s| s.users = c.floor()) }>
                                {move || serve_all.get().map(|c| format!("Serve all {} users", fmt_count(c))).unwrap_or_default()}
                            </button>
                        }).into_any()}
                    </p>
                }.into_any()
            } else {
                let reason = move || no_fit.with(|nf| nf.as_ref().map(|nf| format!("Not one user fits: {}. Latencies are not shown.", nf.reason)).unwrap_or_default());
                // What would fit: a context length and a GPU count, each with its button.
                let fixes = crate::erased::memo(move || no_fit.with(|nf| nf.as_ref().map_or((None, None), |nf| (nf.max_ctx_tokens.filter(|c| c.is_finite() && *c >= 1.0), nf.min_tp))));
                view! {
                    <div data-testid="no-fit">
                        <p><strong class="kvs-nofit-title">"Does not fit. "</strong>{crate::erased::text(reason)}</p>
                        <p>
                            {move || {
                                let (ctx, tp) = fixes.get();
                                view! {
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
                                }
                            }.into_any()}
                        </p>
                    </div>
                }
                .into_any()
            }}
        </div>
    }
}

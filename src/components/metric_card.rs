//! A result card: a headline number, the resource that bounds it, and details.

use leptos::prelude::*;
use crate::erased::Signal;

/// One metric. Text nodes are separate closures, so a change redraws only what changed.
#[component]
pub fn MetricCard(
    /// `data-testid` of the card (e2e and browser tests read it).
    testid: &'static str,
    /// Card title ("Concurrency").
    title: &'static str,
    /// The headline value ("18 users").
    #[prop(into)]
    value: Signal<String>,
    /// What the value is per ("per prompt").
    #[prop(into)]
    caption: Signal<String>,
    /// What bounds it ("bounded by HBM capacity").
    #[prop(into)]
    bound: Signal<String>,
    /// How much of it is the KV cache ("KV is 62% of HBM").
    #[prop(into)]
    kv_share: Signal<String>,
    /// Marks the card as "does not fit".
    #[prop(optional, into)]
    bad: Signal<bool>,
    /// Extra lines and the math.
    children: Children,
) -> impl IntoView {
    view! {
        <article class="kvs-card" class:kvs-card-bad=move || bad.get() data-testid=testid>
            <h3 class="kvs-card-title">{title}</h3>
            <p class="kvs-card-value">{move || value.get()}</p>
            <p class="kvs-card-caption">{move || caption.get()}</p>
            <p class="kvs-card-bound">{move || bound.get()}</p>
            <p class="kvs-card-share">{move || kv_share.get()}</p>
            {children()}
        </article>
    }
}

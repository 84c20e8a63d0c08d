//! The warnings area: what the model or the URL had to replace or could not honour.

use leptos::prelude::*;
use crate::erased::Signal;

/// A list of warnings (`data-testid="warnings"`); hidden when there are none.
#[component]
pub fn WarningsList(
    /// The messages, in order.
    #[prop(into)]
    warnings: Signal<Vec<String>>,
    /// Called when the reader dismisses the URL's warnings (None: no button).
    #[prop(optional)]
    on_dismiss: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <section
            class="kvs-warnings"
            data-testid="warnings"
            aria-live="polite"
            hidden=move || warnings.with(Vec::is_empty)
        >
            <h2 class="kvs-warnings-title">"Warnings"</h2>
            <ul>
                {move || warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view().into_any()}
            </ul>
            {on_dismiss.map(|cb| view! {
                <button type="button" class="kvs-link-button" on:click=move |_| cb.run(())>
                    "Dismiss the link's warnings"
                </button>
            })}
        </section>
    }
}

//! KV Scope web app (Leptos CSR). Placeholder `App` so the build, serve and
//! test plumbing (Trunk, wasm-bindgen-test, Playwright) has something to
//! mount; the real app replaces this file.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use leptos::prelude::*;

/// Root component of the full-page app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"KV Scope"</h1>
            <p>
                "Max concurrent sessions: "
                <span data-testid="metric-concurrency">"…"</span>
            </p>
        </main>
    }
}

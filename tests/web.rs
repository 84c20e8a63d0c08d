//! Browser tests of the app, run by wasm-bindgen-test in headless Chromium:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!  CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p kvscope-web --tests`
//! (scripts/test.sh does this).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Let effects and scheduled tasks run (wait one `setTimeout` of `ms`).
async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timeout promise resolves");
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_title() {
    let _handle = leptos::mount::mount_to_body(kvscope_web::App);
    tick(50).await;

    let h1 = document()
        .query_selector("h1")
        .expect("valid selector")
        .expect("an <h1> is mounted");
    assert_eq!(h1.text_content().as_deref(), Some("KV Scope"));

    let metric = document()
        .query_selector("[data-testid=metric-concurrency]")
        .expect("valid selector")
        .expect("the concurrency metric is mounted");
    assert!(
        !metric.text_content().unwrap_or_default().trim().is_empty(),
        "metric-concurrency has text"
    );
}

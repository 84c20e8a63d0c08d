//! The only module that touches `window.location` and `window.history`.
//!
//! The URL is read once at startup ([`read_search`]) and written back with
//! `history.replaceState` ([`sync_url`]): no history entry per slider move, no scroll jump,
//! nothing written when the query is unchanged, and writes are coalesced (a trailing timer)
//! so a dragged slider does not trip Chromium's history-API flood protection. A sandboxed
//! iframe that forbids `replaceState` gets a log line and the page keeps working.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::{full_query, AppState};

/// How long the URL waits for the state to settle before it is written (milliseconds; the
/// first stage's live widget waits as long).
pub const URL_WRITE_DELAY_MS: u16 = 120;
const URL_WRITE_DELAY: Duration = Duration::from_millis(URL_WRITE_DELAY_MS as u64);

/// `location.search` of the page ("" when there is no window).
pub fn read_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's full URL ("" when there is no window).
pub fn current_href() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Replaces the query string with `query` (no `?`), keeping path and hash; does nothing when
/// it is already the page's query.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let wanted = if query.is_empty() { String::new() } else { format!("?{query}") };
    if location.search().ok().as_deref() == Some(wanted.as_str()) {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{wanted}{hash}");
    match window.history() {
        Ok(history) => {
            if let Err(e) = history.replace_state_with_url(&JsValue::NULL, "", Some(&url)) {
                leptos::logging::warn!("could not update the URL (replaceState refused: {e:?}); the page keeps working");
            }
        }
        Err(e) => leptos::logging::warn!("no history API ({e:?}); the URL is not updated"),
    }
}

thread_local! {
    static PENDING: RefCell<Option<TimeoutHandle>> = const { RefCell::new(None) };
}

/// Keeps the query string in step with the state: an effect follows every change and a
/// trailing timer writes the query of the state as it is when the timer fires. The query is
/// built there, once per settled state, not on every input of a drag (input2, issue 12); the
/// timer then bumps `state.settled`, which the share box follows.
pub fn sync_url(state: AppState) {
    let scenario = state.scenario;
    let view = state.view;
    let settled = state.settled;
    crate::erased::effect(move || {
        scenario.track();
        view.track();
        PENDING.with(|p| {
            if let Some(h) = p.borrow_mut().take() {
                h.clear();
            }
            let write = move || {
                if let Some(query) = scenario.try_with_untracked(|s| view.try_with_untracked(|v| full_query(s, v))).flatten() {
                    replace_query(&query);
                }
                let _ = settled.try_update(|n| *n = n.wrapping_add(1));
            };
            match set_timeout_with_handle(write, URL_WRITE_DELAY) {
                Ok(h) => *p.borrow_mut() = Some(h),
                Err(e) => leptos::logging::warn!("could not schedule the URL update: {e:?}"),
            }
        });
    });
}

/// The page's address without query or hash (`origin + pathname`), for links to this state.
/// In a sandboxed iframe the origin reads as "null": the href is used instead.
pub fn page_base() -> String {
    let href = current_href();
    // split rather than slicing by byte index (see costmodel's url::strip_to_query).
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

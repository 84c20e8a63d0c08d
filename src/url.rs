//! The only module that touches `window.location` and `window.history`.
//!
//! The URL is read once at startup ([`read_search`]) and written back with
//! `history.replaceState` ([`sync_url`]): no history entry per slider move, no scroll jump,
//! nothing written when the query is unchanged, and writes are coalesced (a trailing timer)
//! so a dragged slider does not trip Chromium's history-API flood protection. A sandboxed
//! iframe that forbids `replaceState` gets a log line and the page keeps working.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{full_query, AppState};

/// How long the URL waits for the state to settle before it is written (milliseconds; the
/// first stage's live widget waits as long).
pub const URL_WRITE_DELAY_MS: u16 = 120;

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

/// One trailing timer for the whole page, armed once per settled state rather than cleared and
/// set again on every input: each change only stamps its time; when the timer fires early (a
/// change came after it was armed) it re-arms for the rest of the delay. A drag of 60 steps
/// costs one `setTimeout` and one closure instead of 60 of each (issue 12's input profile
/// showed the per-input timer, closure and `clearTimeout` at ~1 ms per input with the CPU
/// throttled 4×).
struct Trailing {
    /// The timer's callback, made once and kept for the page's life.
    fire: Option<Closure<dyn FnMut()>>,
    /// A timer is pending.
    armed: bool,
    /// When the state last changed (`Date.now()`, ms).
    changed_ms: f64,
}

thread_local! {
    static TRAILING: RefCell<Trailing> = const { RefCell::new(Trailing { fire: None, armed: false, changed_ms: 0.0 }) };
}

/// Arms the trailing timer for `delay_ms` (no-op without a window or callback).
fn arm(t: &mut Trailing, delay_ms: f64) {
    let (Some(window), Some(fire)) = (web_sys::window(), t.fire.as_ref()) else {
        return;
    };
    match window.set_timeout_with_callback_and_timeout_and_arguments_0(fire.as_ref().unchecked_ref(), delay_ms.ceil() as i32) {
        Ok(_) => t.armed = true,
        Err(e) => leptos::logging::warn!("could not schedule the URL update: {e:?}"),
    }
}

/// Keeps the query string in step with the state: an effect follows every change and a
/// trailing timer writes the query of the state as it is when the timer fires. The query is
/// built there, once per settled state, not on every input of a drag (input2, issue 12); the
/// timer then bumps `state.settled`, which the share box follows.
pub fn sync_url(state: AppState) {
    let scenario = state.scenario;
    let view = state.view;
    let settled = state.settled;
    let delay_ms = f64::from(URL_WRITE_DELAY_MS);
    let fire = Closure::<dyn FnMut()>::new(move || {
        // Re-armed when a change came less than the delay ago; written otherwise.
        let due = TRAILING.with(|t| {
            let Ok(mut t) = t.try_borrow_mut() else {
                return false;
            };
            t.armed = false;
            let waited_ms = js_sys::Date::now() - t.changed_ms;
            if waited_ms + 1.0 < delay_ms {
                arm(&mut t, delay_ms - waited_ms);
                return false;
            }
            true
        });
        if due {
            if let Some(query) = scenario.try_with_untracked(|s| view.try_with_untracked(|v| full_query(s, v))).flatten() {
                replace_query(&query);
            }
            let _ = settled.try_update(|n| *n = n.wrapping_add(1));
        }
    });
    TRAILING.with(|t| {
        if let Ok(mut t) = t.try_borrow_mut() {
            t.fire = Some(fire);
        }
    });
    crate::erased::effect(move || {
        scenario.track();
        view.track();
        TRAILING.with(|t| {
            if let Ok(mut t) = t.try_borrow_mut() {
                t.changed_ms = js_sys::Date::now();
                if !t.armed {
                    arm(&mut t, delay_ms);
                }
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

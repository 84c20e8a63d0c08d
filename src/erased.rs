//! `effect` and `memo`: Leptos's `Effect::new` and `Memo::new` with the function's type erased.
//!
//! `Effect::new` is generic over its function: every call site compiles its own copy of the
//! effect's task (an async loop that waits for a change, checks its sources and runs the
//! function), about 2.7 KB of .wasm each; the app had 12 (33 KB before compression, issue 12's
//! ninth pass). Here every effect is the same `Effect::new` over a boxed function, so the task
//! is compiled once and each call site adds only its own function. The behaviour is
//! `Effect::new`'s: the function runs after the current task, and again after any change to
//! what it read.
//!
//! `Memo::new` likewise compiled, per call site, the wrapper that calls the function and
//! compares the new value with the old (96 copies, 41 KB); [`memo`] makes one per value type.

use leptos::prelude::*;

/// Runs `f` as an effect (see the module's text). `f`'s previous result is not kept: every
/// effect of the app returns nothing.
pub fn effect(f: impl Fn() + 'static) {
    effect_boxed(Box::new(f));
}

#[inline(never)]
fn effect_boxed(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

/// A memo of `f` (Leptos's `Memo::new`: computed when read, recomputed when what it read
/// changed, and its readers woken only when the value differs). `f` does not see the previous
/// value.
pub fn memo<T: PartialEq + Send + Sync + 'static>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T> {
    memo_boxed(Box::new(f))
}

#[inline(never)]
fn memo_boxed<T: PartialEq + Send + Sync + 'static>(f: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T> {
    Memo::new(move |_| f())
}

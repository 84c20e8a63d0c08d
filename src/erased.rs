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
//! compares the new value with the old (96 copies, 41 KB); [`memo`] made one per value type,
//! and now one for all: its [`Memo<T>`] keeps the value in Leptos's one `Memo<Shared>`.

use std::any::Any;
use std::marker::PhantomData;
use std::ops::Deref;
use std::panic::Location;
use std::sync::Arc;

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
    Memo { inner: memo_shared(Box::new(move || Shared(Arc::new(f())))), ty: PhantomData }
}

#[inline(never)]
fn memo_shared(f: Box<dyn Fn() -> Shared + Send + Sync>) -> leptos::prelude::Memo<Shared> {
    leptos::prelude::Memo::new(move |_| f())
}

// memo2 (issue 12)
/// A memo's value behind one type for all of them: compared through `same`, read back as the
/// type it was made with.
trait Value: Any + Send + Sync {
    /// `self == other`, false when `other` is of another type.
    fn same(&self, other: &dyn Value) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<T: PartialEq + Send + Sync + 'static> Value for T {
    fn same(&self, other: &dyn Value) -> bool {
        other.as_any().downcast_ref::<T>().is_some_and(|other| self == other)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The value every [`Memo`] holds inside Leptos's one `Memo<Shared>`.
#[derive(Clone)]
pub struct Shared(Arc<dyn Value>);

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.same(&*other.0)
    }
}

/// A memo of a `T` (made by [`memo`]): read like Leptos's `Memo<T>` (`get`, `with`, `track`,
/// untracked reads, into a `Signal<T>`), and held in Leptos's `Memo<Shared>`, so the reactive
/// graph's memo code (its node, its update check, its reads) is compiled once for all of the
/// app's memos instead of once per value type: it was 47 types, about 86 KB of `.wasm` before
/// wasm-opt (issue 12).
pub struct Memo<T> {
    inner: leptos::prelude::Memo<Shared>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Memo<T> {}

/// A read of a [`Memo<T>`]: the value, kept alive while it is read.
pub struct Ref<T> {
    value: Arc<dyn Value>,
    ty: PhantomData<fn() -> T>,
}

impl<T: 'static> Deref for Ref<T> {
    type Target = T;
    fn deref(&self) -> &T {
        debug_assert!(self.value.as_any().is::<T>());
        // SAFETY: only `memo::<T>` puts a value in a `Memo<T>` (an `Arc` of the `T` its
        // function returned), and a `Ref<T>` is made only from a `Memo<T>`'s value, so the
        // `Arc`'s data is a `T`. (A checked downcast compiled a panic path per type: 5 KB.)
        unsafe { &*Arc::as_ptr(&self.value).cast::<T>() }
    }
}

impl<T> DefinedAt for Memo<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.inner.defined_at()
    }
}

impl<T> Track for Memo<T> {
    fn track(&self) {
        self.inner.track();
    }
}

impl<T: 'static> ReadUntracked for Memo<T> {
    type Value = Ref<T>;
    fn try_read_untracked(&self) -> Option<Ref<T>> {
        self.inner.try_with_untracked(|shared| Ref { value: Arc::clone(&shared.0), ty: PhantomData })
    }
}

impl<T: Clone + Send + Sync + 'static> From<Memo<T>> for Signal<T> {
    fn from(memo: Memo<T>) -> Signal<T> {
        Signal::derive(move || memo.get())
    }
}

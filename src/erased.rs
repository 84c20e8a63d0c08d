//! `effect`, `memo`, `RwSignal` and `Signal`: Leptos's `Effect::new`, `Memo`, `RwSignal` and
//! `Signal` with the function's or the value's type erased.
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
//! [`RwSignal<T>`] does the same for signals, and [`Signal<T>`] for the read-only values the
//! components take as props. Files that use them import them by name, which takes precedence
//! over Leptos's prelude: `use crate::erased::{Memo, RwSignal, Signal};`.

use std::any::Any;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::panic::Location;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::reactive::signal::guards::{Plain, ReadGuard};
use leptos::reactive::traits::UntrackableGuard;

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
    typed(memo_shared(Box::new(move || share(f()))))
}

/// Leptos's memo of `f`, which every [`Memo`] is (and `ScenarioSignal::select`'s parts).
#[inline(never)]
pub(crate) fn memo_shared(f: Box<dyn Fn() -> Shared + Send + Sync>) -> leptos::prelude::Memo<Shared> {
    leptos::prelude::Memo::new(move |_| f())
}

/// `value` as a [`Shared`] memo value.
pub(crate) fn share<T: PartialEq + Send + Sync + 'static>(value: T) -> Shared {
    Shared(Arc::new(value))
}

/// The memo `inner` read as a [`Memo<T>`]. Its function must return only [`share`]s of a `T`
/// (what [`Ref`]'s cast relies on).
pub(crate) fn typed<T>(inner: leptos::prelude::Memo<Shared>) -> Memo<T> {
    Memo { inner, ty: PhantomData }
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

// rwsig (issue 12)
/// A signal's value behind one type for all of them.
type Boxed = Box<dyn Any + Send + Sync>;

/// A signal of a `T`, read and written like Leptos's `RwSignal<T>` (`new`, `get`, `with`,
/// `set`, `update`, `track`, untracked reads and writes, into a `Signal<T>`), and held in
/// Leptos's one `RwSignal<Box<dyn Any>>`: as with [`Memo`], the reactive graph's signal code
/// is compiled once instead of once per value type (16 types, about 23 KB of `.wasm` before
/// wasm-opt).
pub struct RwSignal<T> {
    inner: leptos::prelude::RwSignal<Boxed>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for RwSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for RwSignal<T> {}

impl<T: Send + Sync + 'static> RwSignal<T> {
    /// A signal holding `value`, owned by the calling owner (as Leptos's `RwSignal::new`).
    pub fn new(value: T) -> RwSignal<T> {
        RwSignal { inner: new_boxed(Box::new(value)), ty: PhantomData }
    }
}

#[inline(never)]
fn new_boxed(value: Boxed) -> leptos::prelude::RwSignal<Boxed> {
    leptos::prelude::RwSignal::new(value)
}

/// `boxed`'s value as the `T` it is.
///
/// Safety: `boxed` must hold a `T`. Only `RwSignal::<T>::new` puts a value in a
/// `RwSignal<T>`, and writes go through `&mut T`, so a `RwSignal<T>`'s box always holds a `T`.
unsafe fn cast<T: 'static>(boxed: &Boxed) -> &T {
    debug_assert!(boxed.is::<T>());
    unsafe { &*(&**boxed as *const (dyn Any + Send + Sync)).cast::<T>() }
}

/// As [`cast`], mutably.
unsafe fn cast_mut<T: 'static>(boxed: &mut Boxed) -> &mut T {
    debug_assert!(boxed.is::<T>());
    unsafe { &mut *(&mut **boxed as *mut (dyn Any + Send + Sync)).cast::<T>() }
}

/// A guard of a [`RwSignal<T>`]'s box that reads (and, for a write guard, writes) the `T` in it.
pub struct Typed<G, T> {
    guard: G,
    ty: PhantomData<fn() -> T>,
}

impl<G: Deref<Target = Boxed>, T: 'static> Deref for Typed<G, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: a `Typed<_, T>` guards only a `RwSignal<T>`'s box (see `cast`).
        unsafe { cast(&self.guard) }
    }
}

impl<G: DerefMut<Target = Boxed>, T: 'static> DerefMut for Typed<G, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`.
        unsafe { cast_mut(&mut self.guard) }
    }
}

impl<G: UntrackableGuard<Target = Boxed>, T: 'static> UntrackableGuard for Typed<G, T> {
    fn untrack(&mut self) {
        self.guard.untrack();
    }
}

impl<T> DefinedAt for RwSignal<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.inner.defined_at()
    }
}

impl<T> IsDisposed for RwSignal<T> {
    fn is_disposed(&self) -> bool {
        self.inner.is_disposed()
    }
}

impl<T> Track for RwSignal<T> {
    fn track(&self) {
        self.inner.track();
    }
}

impl<T> Notify for RwSignal<T> {
    fn notify(&self) {
        self.inner.notify();
    }
}

impl<T: 'static> ReadUntracked for RwSignal<T> {
    type Value = Typed<ReadGuard<Boxed, Plain<Boxed>>, T>;
    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.inner.try_read_untracked().map(|guard| Typed { guard, ty: PhantomData })
    }
}

impl<T: 'static> Write for RwSignal<T> {
    type Value = T;
    fn try_write(&self) -> Option<impl UntrackableGuard<Target = T>> {
        self.inner.try_write().map(|guard| Typed { guard, ty: PhantomData })
    }
    fn try_write_untracked(&self) -> Option<impl DerefMut<Target = T>> {
        self.inner.try_write_untracked().map(|guard| Typed { guard, ty: PhantomData })
    }
}

// sig3 (issue 12)
/// What a [`Signal`] holds: a function that hands its value to a reader, as `&dyn Any`.
type Reader = Arc<dyn Fn(&mut dyn FnMut(&dyn Any)) + Send + Sync>;

/// A read-only reactive value of a `T` (the app's component props): a value, a memo, a signal
/// or a function of them, read like Leptos's `Signal<T>` (`get`, `with`, untracked reads).
/// Reading it calls its source, so a reactive reader tracks whatever the source reads. Leptos's
/// `Signal<T>` compiled its reads, tracking and storage once per value type (7 types, about
/// 15 KB of `.wasm` before wasm-opt, issue 12); here they are compiled once, over [`Reader`].
pub struct Signal<T> {
    read: StoredValue<Reader>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Signal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Signal<T> {}

#[inline(never)]
fn store_reader(read: Reader) -> StoredValue<Reader> {
    StoredValue::new(read)
}

/// Hands the value `read` holds to `k`, tracked by the current observer as its source's reads
/// are. A signal whose owner is gone holds nothing: `k` is not called (`Signal::with` then reads
/// `T::default()`).
#[inline(never)]
fn read_dyn(read: StoredValue<Reader>, k: &mut dyn FnMut(&dyn Any)) {
    if let Some(read) = read.try_get_value() {
        read(k);
    }
}

impl<T: Send + Sync + 'static> Signal<T> {
    /// A signal whose value is `f()`, computed on each read (as Leptos's `Signal::derive`).
    pub fn derive(f: impl Fn() -> T + Send + Sync + 'static) -> Signal<T> {
        Signal::from_reader(Arc::new(move |k: &mut dyn FnMut(&dyn Any)| k(&f())))
    }

    /// A signal that always holds `value`.
    pub fn stored(value: T) -> Signal<T> {
        Signal::from_reader(Arc::new(move |k: &mut dyn FnMut(&dyn Any)| k(&value)))
    }

    fn from_reader(read: Reader) -> Signal<T> {
        Signal { read: store_reader(read), ty: PhantomData }
    }

    /// `f` of the value, tracked. A signal whose owner is gone (read during a teardown) reads
    /// as `T::default()`, where Leptos's `Signal` would panic.
    pub fn with<R>(&self, mut f: impl FnMut(&T) -> R) -> R
    where
        T: Default,
    {
        let mut out = None;
        read_dyn(self.read, &mut |value| {
            // SAFETY: every reader of a `Signal<T>` hands out a `&T` (`derive`, `stored` and
            // the `From` impls below are the only ways to make one).
            out = Some(f(unsafe { &*(value as *const dyn Any).cast::<T>() }));
        });
        out.unwrap_or_else(|| f(&T::default()))
    }

    /// The value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone + Default,
    {
        self.with(T::clone)
    }

    /// The value, not tracked.
    pub fn get_untracked(&self) -> T
    where
        T: Clone + Default,
    {
        untrack(|| self.get())
    }
}

impl<T: Default + Send + Sync + 'static> Default for Signal<T> {
    fn default() -> Signal<T> {
        Signal::stored(T::default())
    }
}

impl<T: Send + Sync + 'static> From<Memo<T>> for Signal<T> {
    fn from(memo: Memo<T>) -> Signal<T> {
        Signal::from_reader(Arc::new(move |k: &mut dyn FnMut(&dyn Any)| {
            if let Some(value) = memo.try_read() {
                k(&*value);
            }
        }))
    }
}

impl<T: Send + Sync + 'static> From<RwSignal<T>> for Signal<T> {
    fn from(signal: RwSignal<T>) -> Signal<T> {
        Signal::from_reader(Arc::new(move |k: &mut dyn FnMut(&dyn Any)| {
            if let Some(value) = signal.try_read() {
                k(&*value);
            }
        }))
    }
}

impl From<&str> for Signal<String> {
    fn from(value: &str) -> Signal<String> {
        Signal::stored(value.to_owned())
    }
}

impl From<String> for Signal<String> {
    fn from(value: String) -> Signal<String> {
        Signal::stored(value)
    }
}

impl From<bool> for Signal<bool> {
    fn from(value: bool) -> Signal<bool> {
        Signal::stored(value)
    }
}

// show1 (issue 12)
/// A reactive child as the view macro makes it under `erase_components`, for an `AnyView`.
pub type Dynamic = Arc<std::sync::Mutex<dyn FnMut() -> AnyView + Send>>;

/// Leptos's `<Show when=… >children</Show>`, compiled once: `children()` is shown while `when()`
/// is true, built again each time it turns true, and nothing is shown while it is false; `when`
/// is read through a memo, so the children are rebuilt only when its value flips. `<Show>` is
/// generic over both functions, and each use compiled its own memo, its own reactive child and
/// the `Either` of its children's type (11 uses). Children return `AnyView` (`.into_any()`).
pub fn show(when: impl Fn() -> bool + Send + Sync + 'static, children: impl Fn() -> AnyView + Send + Sync + 'static) -> Dynamic {
    show_boxed(Box::new(when), Box::new(children))
}

#[inline(never)]
fn show_boxed(when: Box<dyn Fn() -> bool + Send + Sync>, children: Box<dyn Fn() -> AnyView + Send + Sync>) -> Dynamic {
    let shown = memo(when);
    Arc::new(std::sync::Mutex::new(move || if shown.get() { children() } else { ().into_any() }))
}

/// A reactive text as the view macro makes it under `erase_components` for `{move || …}`.
pub type DynText = Arc<std::sync::Mutex<dyn FnMut() -> String + Send>>;

/// `f` as a reactive text child of one type for all: a closure kept in a variable or returned
/// by a helper (`{readout}`, `{text(|t| &t.users)}`) is its own type to tachys, which compiled
/// its render effect and rebuild for each (8 of them); the macro shares that code only for a
/// closure written in place.
pub fn text(f: impl Fn() -> String + Send + 'static) -> DynText {
    Arc::new(std::sync::Mutex::new(f))
}

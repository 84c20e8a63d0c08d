//! `ScenarioSignal`: the scenario's signal, with parts that views select.
//!
//! Most views read one part of the scenario: a field control its number, the context slider
//! its context length, a panel its schedule. As memos of the whole scenario, each of them was
//! marked and re-run on every change of any field, and each marked every effect below it before
//! finding its part unchanged: one step of the context slider marked 87 memos, cloned 808
//! subscriber entries and notified effects 652 times (issue 12, counted in a build with
//! counters in the reactive graph). A part made by [`ScenarioSignal::select`] is a memo that
//! does not follow the scenario: the scenario's writer tells it to run again only when the
//! part's value changed, so a step reaches only what reads the context length and what reads
//! the evaluation.
//!
//! Every write of the scenario goes through [`ScenarioSignal::update`] or
//! [`ScenarioSignal::set`], which refresh the parts in the same task, before any effect runs:
//! a part is never behind the scenario when a view reads it.

use costmodel::Scenario;
use leptos::prelude::*;
use crate::erased::{Memo, RwSignal, Shared};

type Refresh = Box<dyn Fn(&Scenario) + Send + Sync>;

/// The selected parts: each one's id and the closure that brings it up to date.
#[derive(Default)]
struct Parts {
    next_id: u64,
    refresh: Vec<(u64, Refresh)>,
}

/// The scenario's signal (a `Copy` handle). Reads are those of a `RwSignal<Scenario>`; writes
/// also bring every selected part up to date.
#[derive(Clone, Copy)]
pub struct ScenarioSignal {
    inner: RwSignal<Scenario>,
    parts: StoredValue<Parts>,
}

impl ScenarioSignal {
    /// A signal holding `scenario`, with no parts yet.
    pub fn new(scenario: Scenario) -> ScenarioSignal {
        ScenarioSignal { inner: RwSignal::new(scenario), parts: StoredValue::new(Parts::default()) }
    }

    /// A part of the scenario as its own memo: `part(scenario)`, which its readers see change
    /// (and are notified of) only when that value changes. The memo does not follow the
    /// scenario itself but a trigger that the scenario's writer pulls when the part's new value
    /// differs from the last one it saw; the part lives as long as the calling owner (the component
    /// that selects it). A memo, not a signal of its own: the app already has memos of these
    /// types, so a part adds no new reactive type to the `.wasm`.
    pub fn select<T>(&self, part: impl Fn(&Scenario) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        crate::erased::typed(self.select_shared(Box::new(move |s: &Scenario| crate::erased::share(part(s)))))
    }

    /// `select` over the part's value as the memos' one value type: compiled once, where the
    /// generic body was compiled per call site (23 of them, about 8 KB of `.wasm` before
    /// wasm-opt; issue 12). Values compare through their own `PartialEq`, as before.
    #[inline(never)]
    fn select_shared(&self, part: Box<dyn Fn(&Scenario) -> Shared + Send + Sync>) -> leptos::prelude::Memo<Shared> {
        let (inner, changed) = (self.inner, Trigger::new());
        // The writer compares with the part's last value kept here, not with the memo's: a
        // memo read goes through the reactive graph (is it dirty? a lock, a guard), and every
        // part was read so on every write. Issue 12, CPU profiles at 4× of 60 context-slider
        // steps (2 runs each): `refresh` 27.8–31.1 ms before, 16.1–18.6 ms after. The memo
        // hands out that same value: the writer computed it already, and a part is computed
        // once per write, not again by the memo after the writer's notification.
        let last = std::sync::Arc::new(std::sync::Mutex::new(inner.with_untracked(|s| part(s))));
        let kept = std::sync::Arc::clone(&last);
        let memo = crate::erased::memo_shared(Box::new(move || {
            changed.track();
            match kept.lock() {
                Ok(value) => value.clone(),
                Err(poisoned) => poisoned.into_inner().clone(),
            }
        }));
        // Computed now, not lazily by its first reader: a memo first computed under an effect
        // reported a change at the next write of any field, and woke that effect once.
        memo.try_with_untracked(|_| ());
        self.register(Box::new(move |s: &Scenario| {
            let new = part(s);
            // The borrow ends before the notification, whatever that runs.
            let differs = last.lock().is_ok_and(|mut last| {
                let differs = *last != new;
                if differs {
                    *last = new;
                }
                differs
            });
            if differs {
                changed.notify();
            }
        }));
        memo
    }

    /// Keeps `refresh` until the calling owner is cleaned up.
    fn register(&self, refresh: Refresh) {
        let id = self.parts.try_update_value(|p| {
            p.next_id += 1;
            p.refresh.push((p.next_id, refresh));
            p.next_id
        });
        let parts = self.parts;
        on_cleanup(move || {
            if let Some(id) = id {
                parts.try_update_value(|p| p.refresh.retain(|(i, _)| *i != id));
            }
        });
    }

    /// Changes the scenario in place and brings the parts up to date.
    pub fn update(&self, f: impl FnOnce(&mut Scenario)) {
        self.inner.update(f);
        self.refresh();
    }

    /// Replaces the scenario and brings the parts up to date.
    pub fn set(&self, scenario: Scenario) {
        self.inner.set(scenario);
        self.refresh();
    }

    fn refresh(&self) {
        self.inner.with_untracked(|s| {
            self.parts.with_value(|p| p.refresh.iter().for_each(|(_, r)| r(s)));
        });
    }

    /// Reads the scenario and subscribes to every change of it.
    pub fn with<R>(&self, f: impl FnOnce(&Scenario) -> R) -> R {
        self.inner.with(f)
    }

    /// A copy of the scenario, subscribing to every change of it.
    pub fn get(&self) -> Scenario {
        self.inner.get()
    }

    /// Reads the scenario without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Scenario) -> R) -> R {
        self.inner.with_untracked(f)
    }

    /// Reads the scenario without subscribing; `None` once the signal is disposed (a timer
    /// that outlives the page's owner).
    pub fn try_with_untracked<R>(&self, f: impl FnOnce(&Scenario) -> R) -> Option<R> {
        self.inner.try_with_untracked(f)
    }

    /// Subscribes to every change of the scenario.
    pub fn track(&self) {
        self.inner.track()
    }
}

//! `ScenarioSignal`: the scenario's signal, with parts that views select.
//!
//! Most views read one part of the scenario: a field control its number, the context slider
//! its context length, a panel its schedule. As memos of the whole scenario, each of them was
//! marked and re-run on every change of any field, and each marked every effect below it before
//! finding its part unchanged: one step of the context slider marked 87 memos, cloned 808
//! subscriber entries and notified effects 652 times (issue 12, counted in a build with
//! counters in the reactive graph). A part made by [`ScenarioSignal::select`] is a plain signal
//! instead, written by the scenario's writer only when the part's value changes, so a step
//! reaches only what reads the context length and what reads the evaluation.
//!
//! Every write of the scenario goes through [`ScenarioSignal::update`] or
//! [`ScenarioSignal::set`], which refresh the parts in the same task, before any effect runs:
//! a part is never behind the scenario when a view reads it.

use costmodel::Scenario;
use leptos::prelude::*;

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

    /// A part of the scenario as its own signal: `part(scenario)`, changed (and its readers
    /// notified) only when that value changes. The part lives as long as the calling owner
    /// (the component that selects it).
    pub fn select<T>(&self, part: impl Fn(&Scenario) -> T + Send + Sync + 'static) -> Signal<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let value = RwSignal::new(self.inner.with_untracked(&part));
        let refresh: Refresh = Box::new(move |s: &Scenario| {
            let new = part(s);
            if value.try_with_untracked(|old| *old != new) == Some(true) {
                value.try_set(new);
            }
        });
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
        value.read_only().into()
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

    /// A copy of the scenario, without subscribing.
    pub fn get_untracked(&self) -> Scenario {
        self.inner.get_untracked()
    }

    /// Subscribes to every change of the scenario.
    pub fn track(&self) {
        self.inner.track()
    }
}

//! The sweep chart's data: one memo per source of series, so each recomputes only when its
//! own inputs change.
//!
//! - the current scenario's sweep reads the resolved inputs with the swept input pinned to a
//!   constant, so moving the context slider while x = context does not recompute it;
//! - the second input's series read the same, plus the series key and values;
//! - the pinned scenarios' sweeps read only the pins and the x input.

use costmodel::sweep::{sweep, sweep_xs, Sweep, SweepInput};
use costmodel::{evaluate_query, Inputs};
use leptos::prelude::*;
use crate::erased::Memo;

use crate::state::{x_range, AppState, MAX_SERIES, SWEEP_POINTS};

/// The series of a chart: labels and sweeps, current scenario first.
pub type Labelled = Vec<(String, Sweep)>;

/// The swept input's value in `inputs`.
pub fn input_value(inputs: &Inputs, x: SweepInput) -> f64 {
    costmodel::sweep::input_value(inputs, x)
}

/// The x values: the default range, widened to the decade that holds the current value.
pub fn xs_for(x: SweepInput, current: f64) -> Vec<f64> {
    let (mut lo, mut hi, log) = x_range(x);
    let (min, max) = x.range();
    if current.is_finite() && current > 0.0 {
        if log {
            lo = lo.min(10f64.powf(current.log10().floor()));
            hi = hi.max(10f64.powf(current.log10().ceil()));
        } else {
            lo = lo.min(current.floor());
            hi = hi.max(current.ceil());
        }
    }
    sweep_xs(x, lo.max(min), hi.min(max), SWEEP_POINTS, log)
}

/// All memos of the sweep chart.
#[derive(Clone, Copy)]
pub struct SweepMemos {
    /// The x values (change only when the range must widen).
    pub xs: Memo<Vec<f64>>,
    /// The current scenario's sweep.
    pub main: Memo<Sweep>,
    /// Second-input series.
    pub by_series: Memo<Labelled>,
    /// Pinned scenarios' series.
    pub pins: Memo<Labelled>,
    /// The current scenario's value of x.
    pub current_x: Memo<f64>,
    // ux (issue 11)
    /// `main` with the scenario's own point, computed exactly (the cards' report), and its
    /// index: the chart's marker and readout.
    pub exact: Memo<(Sweep, Option<usize>)>,
}

impl SweepMemos {
    /// Builds the memos over the app state.
    pub fn new(state: AppState) -> SweepMemos {
        let inputs = state.inputs;
        let view = state.view;
        let x = crate::erased::memo(move || view.with(|v| v.x));
        let current_x = crate::erased::memo(move || inputs.with(|i| input_value(i, x.get())));
        let xs = crate::erased::memo(move || xs_for(x.get(), current_x.get()));
        // The inputs with x pinned: unchanged while only x's value moves.
        let base = crate::erased::memo(move || {
            let x = x.get();
            let mut i = inputs.get();
            x.apply(&mut i, 1.0);
            i
        });
        let main = crate::erased::memo(move || base.with(|b| xs.with(|xs| sweep(b, x.get(), xs))));
        let series = crate::erased::memo(move || view.with(|v| v.series.map(|s| (s, v.series_values.clone()))));
        let by_series = crate::erased::memo(move || {
            let Some((key, values)) = series.get() else {
                return Vec::new();
            };
            let x = x.get();
            base.with(|b| {
                xs.with(|xs| {
                    values
                        .iter()
                        .take(MAX_SERIES - 1)
                        .map(|&v| {
                            let mut i = b.clone();
                            key.apply(&mut i, v);
                            (format!("{} = {}", key.key(), costmodel::units::fmt_sig(v)), sweep(&i, x, xs))
                        })
                        .collect()
                })
            })
        });
        let pin_list = crate::erased::memo(move || view.with(|v| v.pins.clone()));
        let pins = crate::erased::memo(move || {
            let x = x.get();
            let (lo, hi, log) = x_range(x);
            let xs = sweep_xs(x, lo, hi, SWEEP_POINTS, log);
            pin_list.with(|ps| {
                ps.iter()
                    .enumerate()
                    .map(|(i, q)| {
                        let e = evaluate_query(q);
                        (format!("pin {}: {}", i + 1, crate::panels::scenario_label(&e)), sweep(&e.inputs, x, &xs))
                    })
                    .collect()
            })
        });
        let evaluated = state.evaluated;
        let exact = crate::erased::memo(move || {
            let mut s = main.get();
            let i = evaluated.with(|e| costmodel::sweep::insert_current(&mut s, &e.inputs, &e.report));
            (s, i)
        });
        SweepMemos { xs, main, by_series, pins, current_x, exact }
    }
}

// first stage (issue 12)
/// The current scenario's sweep along `x`, and the same with the scenario's own point inserted
/// (the chart's "this scenario" line and its marker): what the memos above compute step by
/// step, in one call, for the first stage (src/first.rs).
pub fn main_sweep(inputs: &Inputs, report: &costmodel::Report, x: SweepInput) -> (Sweep, Sweep, Option<usize>) {
    let xs = xs_for(x, input_value(inputs, x));
    let mut base = inputs.clone();
    x.apply(&mut base, 1.0);
    let main = sweep(&base, x, &xs);
    let mut exact = main.clone();
    let i = costmodel::sweep::insert_current(&mut exact, inputs, report);
    (main, exact, i)
}

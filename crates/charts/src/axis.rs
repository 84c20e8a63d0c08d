//! Axis ranges, tick positions and the data ↔ pixel mapping of a drawn plot.
//!
//! Ranges come only from drawable values: finite, and positive on a log axis. Linear y axes
//! start at zero (bars and magnitudes read honestly) and end on a tick; x axes span the data.

use crate::sweep::Series;

/// Fewest and most labelled ticks an axis asks for.
pub(crate) const MIN_TICKS: usize = 2;
pub(crate) const MAX_TICKS: usize = 12;
/// Room left above and below the data on a log y axis, per decade shown.
const LOG_PAD_DECADES: f64 = 0.03;
/// Decades above which log minor grid lines are left out.
const MAX_MINOR_DECADES: f64 = 8.0;

/// Can `(x, y)` be drawn on these axes?
pub(crate) fn drawable(x: f64, y: f64, x_log: bool, y_log: bool) -> bool {
    on_axis(x, x_log) && on_axis(y, y_log)
}

/// Can `v` be placed on a (log) axis?
pub(crate) fn on_axis(v: f64, log: bool) -> bool {
    v.is_finite() && (!log || v > 0.0)
}

/// Min and max of the drawable values, if any.
pub(crate) fn extent(values: impl Iterator<Item = f64>, log: bool) -> Option<(f64, f64)> {
    values.filter(|&v| on_axis(v, log)).fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// A 1-2-5 step near `raw` (> 0).
fn nice_step(raw: f64) -> f64 {
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// Widens a zero-width range so it can be drawn.
fn widen(lo: f64, hi: f64, log: bool) -> (f64, f64) {
    if hi > lo {
        (lo, hi)
    } else if log {
        (lo / 2.0, hi * 2.0)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let d = lo.abs() / 2.0;
        (lo - d, hi + d)
    }
}

/// The x range: the data, widened if it is a single value.
pub(crate) fn x_range(extent: (f64, f64), log: bool) -> (f64, f64) {
    widen(extent.0, extent.1, log)
}

/// The y range: linear axes include zero and end on a nice step; log axes pad the data a little.
pub(crate) fn y_range(extent: (f64, f64), log: bool, target_ticks: usize) -> (f64, f64) {
    let (lo, hi) = extent;
    if log {
        // A little room at both ends, in proportion to the decades shown.
        let (lo, hi) = widen(lo, hi, true);
        let pad = 10f64.powf(LOG_PAD_DECADES * (hi / lo).log10().max(1.0));
        return (lo / pad, hi * pad);
    }
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let (lo, hi) = widen(lo, hi, false);
    let step = nice_step((hi - lo) / target_ticks.max(1) as f64);
    ((lo / step).floor() * step + 0.0, (hi / step).ceil() * step + 0.0)
}

/// The largest 1, 2 or 5 × 10^k not above `v` (> 0).
pub(crate) fn floor_125(v: f64) -> f64 {
    let mag = 10f64.powf(v.log10().floor());
    [5.0, 2.0, 1.0].iter().map(|m| m * mag).find(|&c| c <= v * (1.0 + 1e-12)).unwrap_or(mag)
}

/// The smallest 1, 2 or 5 × 10^k not below `v` (> 0).
pub(crate) fn ceil_125(v: f64) -> f64 {
    let mag = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|&c| c >= v * (1.0 - 1e-12)).unwrap_or(10.0 * mag)
}

/// Labelled ticks and unlabelled (minor) grid positions.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Ticks {
    pub major: Vec<f64>,
    pub minor: Vec<f64>,
}

/// Both ends finite and `hi > lo`.
fn increasing(lo: f64, hi: f64) -> bool {
    lo.is_finite() && hi.is_finite() && hi > lo
}

/// About `target` ticks at 1-2-5 steps within `[lo, hi]`.
pub(crate) fn linear_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !increasing(lo, hi) {
        return vec![lo];
    }
    let step = nice_step((hi - lo) / target.max(1) as f64);
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(|k| k as f64 * step + 0.0).collect()
}

/// Ticks for a log axis: decades (thinned to `target`), with 2× and 5× when few decades show;
/// within a single decade, plain 1-2-5 linear steps.
pub(crate) fn log_ticks(lo: f64, hi: f64, target: usize) -> Ticks {
    if !(increasing(lo, hi) && lo > 0.0) {
        return Ticks { major: vec![lo], minor: vec![] };
    }
    let k0 = (lo.log10() - 1e-9).ceil() as i32;
    let k1 = (hi.log10() + 1e-9).floor() as i32;
    let decades: Vec<i32> = (k0..=k1).collect();
    let in_range = |v: f64| v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9);
    let target = target.max(MIN_TICKS);
    let mut major: Vec<f64>;
    if decades.len() >= MIN_TICKS {
        let stride = decades.len().div_ceil(target);
        major = decades.iter().filter(|k| k.rem_euclid(stride as i32) == 0).map(|&k| 10f64.powi(k)).collect();
        if major.len() < MIN_TICKS {
            major = decades.iter().map(|&k| 10f64.powi(k)).collect();
        }
        let fine: Vec<f64> =
            (k0 - 1..=k1).flat_map(|k| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(k))).filter(|&v| in_range(v)).collect();
        if fine.len() <= target + 1 {
            major = fine;
        }
    } else {
        let candidates: Vec<f64> =
            (k0 - 1..=k1).flat_map(|k| [1.0, 2.0, 5.0].map(|m| m * 10f64.powi(k))).filter(|&v| in_range(v)).collect();
        major = if candidates.len() >= MIN_TICKS && candidates.len() <= target {
            candidates
        } else {
            linear_ticks(lo, hi, target).into_iter().filter(|&v| v > 0.0).collect()
        };
    }
    let span = (hi / lo).log10();
    let minor = if span <= MAX_MINOR_DECADES {
        (k0 - 1..=k1)
            .flat_map(|k| (1..10).map(move |m| f64::from(m) * 10f64.powi(k)))
            .filter(|&v| in_range(v) && !major.iter().any(|&t| (t - v).abs() <= v * 1e-9))
            .collect()
    } else {
        Vec::new()
    };
    Ticks { major, minor }
}

/// Ticks for an axis.
pub(crate) fn ticks(lo: f64, hi: f64, log: bool, target: usize) -> Ticks {
    if log {
        log_ticks(lo, hi, target)
    } else {
        Ticks { major: linear_ticks(lo, hi, target), minor: Vec::new() }
    }
}

/// One axis' mapping between data and pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
    /// Pixel of `lo` and of `hi` (y axes run upwards: `px_lo > px_hi`).
    pub px_lo: f64,
    pub px_hi: f64,
}

impl Scale {
    fn t(&self, v: f64) -> f64 {
        if self.log {
            (v.ln() - self.lo.ln()) / (self.hi.ln() - self.lo.ln())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        }
    }

    /// The pixel of `v` (unrounded).
    pub fn px_f(&self, v: f64) -> f64 {
        self.px_lo + self.t(v) * (self.px_hi - self.px_lo)
    }

    /// The pixel of `v`.
    pub fn px(&self, v: f64) -> i32 {
        self.px_f(v).round() as i32
    }

    /// The value at pixel `p` (extrapolated outside the axis).
    pub fn value(&self, p: f64) -> f64 {
        let span = self.px_hi - self.px_lo;
        let t = if span == 0.0 { 0.0 } else { (p - self.px_lo) / span };
        if self.log {
            (self.lo.ln() + t * (self.hi.ln() - self.lo.ln())).exp()
        } else {
            self.lo + t * (self.hi - self.lo)
        }
    }
}

/// Where a sweep chart put its plot, and the axes it used: enough to map a pointer position
/// back to data for hover and tap readouts.
///
/// Pixels are the backend's (for a canvas: backing-store pixels, so multiply CSS pointer
/// offsets by `devicePixelRatio`), counted from the backend's origin, not the drawing area's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotLayout {
    /// Left edge of the plot (px).
    pub plot_left_px: i32,
    /// Top edge of the plot (px).
    pub plot_top_px: i32,
    /// Right edge of the plot (px).
    pub plot_right_px: i32,
    /// Bottom edge of the plot (px).
    pub plot_bottom_px: i32,
    /// Data at the left and right edges.
    pub x_range: (f64, f64),
    /// Data at the bottom and top edges.
    pub y_range: (f64, f64),
    /// The x axis is logarithmic.
    pub x_log: bool,
    /// The y axis is logarithmic.
    pub y_log: bool,
}

impl PlotLayout {
    pub(crate) fn x_scale(&self) -> Scale {
        Scale {
            lo: self.x_range.0,
            hi: self.x_range.1,
            log: self.x_log,
            px_lo: f64::from(self.plot_left_px),
            px_hi: f64::from(self.plot_right_px),
        }
    }

    pub(crate) fn y_scale(&self) -> Scale {
        Scale {
            lo: self.y_range.0,
            hi: self.y_range.1,
            log: self.y_log,
            px_lo: f64::from(self.plot_bottom_px),
            px_hi: f64::from(self.plot_top_px),
        }
    }

    /// The x value under pixel column `px` (extrapolated outside the plot).
    pub fn x_at_px(&self, px: i32) -> f64 {
        self.x_scale().value(f64::from(px))
    }

    /// The y value under pixel row `py` (extrapolated outside the plot).
    pub fn y_at_px(&self, py: i32) -> f64 {
        self.y_scale().value(f64::from(py))
    }

    /// The pixel of a data point, or `None` if it cannot be drawn on these axes.
    pub fn px_of(&self, x: f64, y: f64) -> Option<(i32, i32)> {
        drawable(x, y, self.x_log, self.y_log).then(|| (self.x_scale().px(x), self.y_scale().px(y)))
    }

    /// Is the pixel inside the plot?
    pub fn contains(&self, px: i32, py: i32) -> bool {
        (self.plot_left_px..=self.plot_right_px).contains(&px) && (self.plot_top_px..=self.plot_bottom_px).contains(&py)
    }

    /// The drawable point nearest to pixel `(px, py)`, by distance in pixels, as
    /// (series index, point index); `None` when no point can be drawn.
    pub fn nearest(&self, series: &[Series], px: i32, py: i32) -> Option<(usize, usize)> {
        let (xs, ys) = (self.x_scale(), self.y_scale());
        let (px, py) = (f64::from(px), f64::from(py));
        let mut best: Option<(f64, usize, usize)> = None;
        for (si, s) in series.iter().enumerate() {
            for (pi, &(x, y)) in s.points.iter().enumerate() {
                if !drawable(x, y, self.x_log, self.y_log) {
                    continue;
                }
                let (dx, dy) = (xs.px_f(x) - px, ys.px_f(y) - py);
                let d = dx * dx + dy * dy;
                if best.is_none_or(|(b, _, _)| d < b) {
                    best = Some((d, si, pi));
                }
            }
        }
        best.map(|(_, si, pi)| (si, pi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_round() {
        assert_eq!(linear_ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(linear_ticks(0.0, 1.0, 4), vec![0.0, 0.5, 1.0]);
        assert_eq!(y_range((3.0, 97.0), false, 5), (0.0, 100.0));
    }

    #[test]
    fn log_ticks_pick_decades_or_125() {
        let t = log_ticks(4000.0, 1e6, 6);
        assert_eq!(t.major, vec![1e4, 1e5, 1e6]);
        assert!(t.minor.contains(&5000.0) && t.minor.contains(&2e5));
        let many = log_ticks(1e-6, 1e6, 5);
        assert!(many.major.len() <= 5 && many.major.len() >= 2, "{:?}", many.major);
        assert!(many.minor.is_empty() || (1e6f64 / 1e-6).log10() <= MAX_MINOR_DECADES);
        let narrow = log_ticks(2.0, 7.0, 6);
        assert_eq!(narrow.major, vec![2.0, 5.0]);
        let few = log_ticks(1.0, 100.0, 9);
        assert_eq!(few.major, vec![1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]);
    }

    #[test]
    fn log_y_range_pads_the_data() {
        let (lo, hi) = y_range((0.013, 4.2), true, 5);
        assert!(lo < 0.013 && lo > 0.01 && hi > 4.2 && hi < 5.0, "{lo} {hi}");
        assert_eq!((floor_125(0.013), ceil_125(4.2)), (0.01, 5.0));
        let (lo, hi) = y_range((1.0, 1.0), true, 5);
        assert!(lo < 1.0 && hi > 1.0);
    }

    #[test]
    fn extent_ignores_nan_inf_and_nonpositive_on_log() {
        let v = [f64::NAN, 0.0, -1.0, 3.0, f64::INFINITY, 10.0];
        assert_eq!(extent(v.iter().copied(), true), Some((3.0, 10.0)));
        assert_eq!(extent(v.iter().copied(), false), Some((-1.0, 10.0)));
        assert_eq!(extent([f64::NAN].iter().copied(), false), None);
    }

    #[test]
    fn scale_round_trips() {
        let s = Scale { lo: 10.0, hi: 1000.0, log: true, px_lo: 100.0, px_hi: 300.0 };
        assert_eq!(s.px(100.0), 200);
        assert!((s.value(200.0) - 100.0).abs() < 1e-9);
    }
}

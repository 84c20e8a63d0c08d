//! Tick-label formatters (`fn(f64) -> String`, as [`crate::SweepChart`] takes them) for every
//! sweep input and metric, built on `costmodel::units` so the charts and the tables agree.

use costmodel::sweep::{Metric, SweepInput};
use costmodel::units::{fmt_bytes, fmt_percent, fmt_seconds, fmt_sig};

/// Significant digits of [`fmt_compact`].
const COMPACT_DIGITS: i32 = 3;

/// A count with a k/M/B suffix and no trailing zeros (`4k`, `250k`, `1M`, `1.5M`).
pub fn fmt_compact(v: f64) -> String {
    if !v.is_finite() {
        return fmt_sig(v);
    }
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    if scaled == 0.0 {
        return "0".to_owned();
    }
    let mag = scaled.abs().log10().floor() as i32;
    let decimals = (COMPACT_DIGITS - 1 - mag).max(0) as usize;
    let mut s = format!("{scaled:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    format!("{s}{suffix}")
}

/// Seconds (`850 ms`, `14.1 s`): `costmodel::units::fmt_seconds`.
pub fn fmt_s(v: f64) -> String {
    fmt_seconds(v)
}

/// Bytes in decimal units (`12.3 GB`).
pub fn fmt_bytes_decimal(v: f64) -> String {
    fmt_bytes(v, false)
}

/// Bytes in binary units (`11.4 GiB`).
pub fn fmt_bytes_binary(v: f64) -> String {
    fmt_bytes(v, true)
}

/// A fraction as a percentage (`42%`).
pub fn fmt_pct(v: f64) -> String {
    fmt_percent(v)
}

/// Three significant digits.
pub fn fmt_plain(v: f64) -> String {
    fmt_sig(v)
}

/// GPU-seconds (`1.23 GPU·s`).
pub fn fmt_gpu_s(v: f64) -> String {
    format!("{} GPU·s", fmt_sig(v))
}

/// Dollars (`$1.23`).
pub fn fmt_usd(v: f64) -> String {
    format!("${}", fmt_sig(v))
}

/// A rate per second with a compact count (`12.5k/s`).
pub fn fmt_per_s(v: f64) -> String {
    format!("{}/s", fmt_compact(v))
}

/// Bits (`4 bit`).
pub fn fmt_bits(v: f64) -> String {
    format!("{} bit", fmt_compact(v))
}

/// The tick formatter for a metric's values.
pub fn metric_format(m: Metric) -> fn(f64) -> String {
    match m {
        Metric::Concurrency => fmt_compact,
        Metric::PrefillS
        | Metric::DecodeStepS
        | Metric::DecodeS
        | Metric::ContextSwitchS
        | Metric::TtftS
        | Metric::TpotS => fmt_s,
        Metric::TurnsPerS | Metric::OutputTokensPerS => fmt_per_s,
        Metric::GpuSPerTurn => fmt_gpu_s,
        Metric::UsdPerMillionOutputTokens => fmt_usd,
        Metric::KvBytesPerUser => fmt_bytes_decimal,
        Metric::KvShareDecode => fmt_pct,
    }
}

/// The tick formatter for an input's values.
pub fn input_format(i: SweepInput) -> fn(f64) -> String {
    match i {
        SweepInput::Ctx | SweepInput::Out | SweepInput::Users | SweepInput::Reuse | SweepInput::Tp => fmt_compact,
        // parallel (issue 13)
        SweepInput::Pp | SweepInput::Dp | SweepInput::Ep => fmt_compact,
        SweepInput::KvBits | SweepInput::WBits => fmt_bits,
        SweepInput::KvLayer | SweepInput::KvHead | SweepInput::KvToken | SweepInput::KvHidden => fmt_plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_counts_read_like_axis_labels() {
        assert_eq!(fmt_compact(4000.0), "4k");
        assert_eq!(fmt_compact(1_000_000.0), "1M");
        assert_eq!(fmt_compact(250_000.0), "250k");
        assert_eq!(fmt_compact(1_500_000.0), "1.5M");
        assert_eq!(fmt_compact(12.0), "12");
        assert_eq!(fmt_compact(0.25), "0.25");
        assert_eq!(fmt_compact(0.0), "0");
        assert_eq!(fmt_compact(f64::NAN), "–");
    }

    #[test]
    fn every_metric_and_input_has_a_formatter() {
        for m in Metric::ALL {
            assert!(!metric_format(m)(1.0).is_empty());
        }
        for i in SweepInput::ALL {
            assert!(!input_format(i)(1.0).is_empty());
        }
        assert_eq!(metric_format(Metric::DecodeS)(0.05), "50.0 ms");
    }
}

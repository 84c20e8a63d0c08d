//! Unit constants and display formatting. Formula code never writes `1e9` or `1024.0`: it
//! uses these names, and only preset tables and display code convert.

/// 10^3 bytes.
pub const KB: f64 = 1e3;
/// 10^6 bytes.
pub const MB: f64 = 1e6;
/// 10^9 bytes.
pub const GB: f64 = 1e9;
/// 10^12 bytes.
pub const TB: f64 = 1e12;
/// 2^10 bytes.
pub const KIB: f64 = 1024.0;
/// 2^20 bytes.
pub const MIB: f64 = 1024.0 * 1024.0;
/// 2^30 bytes.
pub const GIB: f64 = 1024.0 * 1024.0 * 1024.0;
/// 2^40 bytes.
pub const TIB: f64 = 1024.0 * 1024.0 * 1024.0 * 1024.0;
/// 10^12 FLOP/s.
pub const TFLOPS: f64 = 1e12;
/// Bits in a byte.
pub const BITS_PER_BYTE: f64 = 8.0;
/// Seconds in an hour.
pub const S_PER_HOUR: f64 = 3600.0;

/// Significant digits in displayed numbers.
const SIG_DIGITS: usize = 3;

/// A number with three significant digits, no exponent for everyday magnitudes.
pub fn fmt_sig(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() { "–".to_owned() } else { "∞".to_owned() };
    }
    if v == 0.0 {
        return "0".to_owned();
    }
    let mag = v.abs().log10().floor() as i32;
    if !(-4..15).contains(&mag) {
        return format!("{v:.2e}");
    }
    let decimals = (SIG_DIGITS as i32 - 1 - mag).max(0) as usize;
    let s = format!("{v:.decimals$}");
    group_thousands(&s)
}

/// Inserts thousands separators (commas) into the integer part of a formatted number.
pub fn group_thousands(s: &str) -> String {
    let (sign, rest) = if let Some(r) = s.strip_prefix('-') { ("-", r) } else { ("", s) };
    // No byte-index slicing (see url::strip_to_query).
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(int, frac)| (int, Some(frac)));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match frac {
        Some(frac) => format!("{sign}{out}.{frac}"),
        None => format!("{sign}{out}"),
    }
}

/// An exact count with thousands separators (`50,000`).
pub fn fmt_count(v: f64) -> String {
    if !v.is_finite() {
        return fmt_sig(v);
    }
    if v.abs() >= 1e15 {
        return format!("{v:.2e}");
    }
    group_thousands(&format!("{:.0}", v.round()))
}

/// Bytes in decimal units (`12.3 GB`) or binary units (`11.4 GiB`).
pub fn fmt_bytes(bytes: f64, binary: bool) -> String {
    if !bytes.is_finite() {
        return fmt_sig(bytes);
    }
    let units: [(f64, &str); 4] = if binary {
        [(TIB, "TiB"), (GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")]
    } else {
        [(TB, "TB"), (GB, "GB"), (MB, "MB"), (KB, "kB")]
    };
    for (scale, name) in units {
        if bytes.abs() >= scale {
            return format!("{} {name}", fmt_sig(bytes / scale));
        }
    }
    format!("{} B", fmt_sig(bytes))
}

/// Seconds in the most readable unit (`850 ms`, `14.1 s`, `3.2 min`, `2.5 h`).
pub fn fmt_seconds(s: f64) -> String {
    const MINUTE: f64 = 60.0;
    const MS: f64 = 1e-3;
    const US: f64 = 1e-6;
    if !s.is_finite() {
        return fmt_sig(s);
    }
    let a = s.abs();
    if a == 0.0 {
        "0 s".to_owned()
    } else if a < MS {
        format!("{} µs", fmt_sig(s / US))
    } else if a < 1.0 {
        format!("{} ms", fmt_sig(s / MS))
    } else if a < MINUTE * 2.0 {
        format!("{} s", fmt_sig(s))
    } else if a < S_PER_HOUR * 2.0 {
        format!("{} min", fmt_sig(s / MINUTE))
    } else {
        format!("{} h", fmt_sig(s / S_PER_HOUR))
    }
}

/// A fraction as a percentage (`42%`).
pub fn fmt_percent(f: f64) -> String {
    if !f.is_finite() {
        return fmt_sig(f);
    }
    format!("{}%", fmt_sig(f * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_read_as_a_person_would_write_them() {
        assert_eq!(fmt_count(50_000.0), "50,000");
        assert_eq!(fmt_count(1_000_000.0), "1,000,000");
        assert_eq!(fmt_bytes(12.288e9, false), "12.3 GB");
        assert_eq!(fmt_bytes(12.288e9, true), "11.4 GiB");
        assert_eq!(fmt_bytes(245_760.0, false), "246 kB");
        assert_eq!(fmt_seconds(0.8926), "893 ms");
        assert_eq!(fmt_seconds(14.1), "14.1 s");
        assert_eq!(fmt_seconds(3600.0), "60.0 min");
        assert_eq!(fmt_seconds(2.5e-5), "25.0 µs");
        assert_eq!(fmt_percent(0.4234), "42.3%");
        assert_eq!(fmt_sig(f64::NAN), "–");
        assert_eq!(fmt_sig(-1234.6), "-1,235");
    }
}

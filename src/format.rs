//! Display helpers on top of `costmodel::units` (which does the real formatting).

use costmodel::units::{fmt_bytes, fmt_seconds, fmt_sig};

/// Bytes in GB or GiB, as the page's unit toggle says.
pub fn bytes(x: f64, binary: bool) -> String {
    fmt_bytes(x, binary)
}

/// Seconds, or "–" when absent.
pub fn opt_seconds(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), fmt_seconds)
}

/// A number with three significant digits, or "–" when absent.
pub fn opt_sig(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), fmt_sig)
}

/// A value as an input field shows it: plain digits that parse back (`50000`, `0.85`).
pub fn input_text(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Rounds to `digits` significant digits (slider values stay readable in the URL).
pub fn round_sig(v: f64, digits: i32) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    let mag = v.abs().log10().floor() as i32;
    let scale = 10f64.powi(digits - 1 - mag);
    (v * scale).round() / scale
}

/// "× N smaller" for a factor in (0, 1].
pub fn times_smaller(f: f64) -> String {
    if f >= 1.0 || !f.is_finite() || f <= 0.0 {
        "uncompressed".to_owned()
    } else {
        format!("{}× smaller", fmt_sig(1.0 / f))
    }
}

/// Name of the byte unit in use, for labels ("GB (10⁹ bytes)").
pub fn unit_name(binary: bool) -> &'static str {
    if binary {
        "GiB (2³⁰ bytes)"
    } else {
        "GB (10⁹ bytes)"
    }
}

/// Text for HTML, in content or in a double-quoted attribute: `&`, `<`, `>` and `"` escaped.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `"true"` or `"false"`, as an ARIA state attribute (`aria-expanded`, `aria-selected`,
/// `aria-invalid`) takes it. A `String`, not a `&str`: every reactive attribute and text of the
/// app is then a `String`, so tachys compiles its render effect for one value type (issue 12).
pub fn true_false(b: bool) -> String {
    if b { "true" } else { "false" }.to_owned()
}

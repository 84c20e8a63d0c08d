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

/// Parses a number exactly as `str::parse::<f64>` does: the same syntax (an optional sign,
/// then digits with an optional point and exponent, or `inf`/`infinity`/`nan` in any case; no
/// spaces, no `_`, no hex) and the same correctly rounded value.
///
/// With the `js-float` feature (the web app's build), the syntax is checked here and the
/// conversion is done by the JavaScript engine's `parseFloat`, which ECMAScript requires to
/// round correctly too: core's parser would add its 128-bit power-of-five table and slow path,
/// about 14 KB gzipped, to the `.wasm`. Native builds (CLI, tests, benches) call core.
pub fn parse_f64(s: &str) -> Option<f64> {
    #[cfg(all(feature = "js-float", target_arch = "wasm32"))]
    {
        let (negative, literal) = classify_float(s)?;
        let magnitude = match literal {
            FloatLiteral::Decimal(digits) => js_sys::parse_float(digits),
            FloatLiteral::Infinity => f64::INFINITY,
            FloatLiteral::NaN => f64::NAN,
        };
        Some(if negative { -magnitude } else { magnitude })
    }
    #[cfg(not(all(feature = "js-float", target_arch = "wasm32")))]
    {
        s.parse().ok()
    }
}

// ux (issue 11)
/// Parses a number as people type it: `128K`, `1.5M`, `2B`, `50,000`, `1e6`, `1 000`,
/// `1_000_000`, ` 42 `. Suffixes are decimal and case-insensitive (`k` = 10³, `m` = 10⁶,
/// `b`/`g` = 10⁹, `t` = 10¹²: token counts on this page are exact, 4K = 4,000). Thousands
/// separators (`,`, `_`, spaces, thin spaces) are dropped. The suffix is applied by moving the
/// exponent, so `1.5M` is exactly 1,500,000 (no product rounding). Returns `None` for anything
/// else (a suffix with an exponent, two suffixes, a bare suffix).
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let is_sep = |c: char| matches!(c, ',' | '_' | ' ' | '\u{2009}' | '\u{202f}' | '\u{a0}');
    if s.contains(is_sep) && !grouped_in_thousands(s, is_sep) {
        // "1,5" is a decimal comma in much of the world, not fifteen: refuse rather than guess.
        return None;
    }
    let mut digits: String = s.chars().filter(|&c| !is_sep(c)).collect();
    let exp = match digits.chars().last() {
        Some('k' | 'K') => 3,
        Some('m' | 'M') => 6,
        Some('b' | 'B' | 'g' | 'G') => 9,
        Some('t' | 'T') => 12,
        _ => return parse_f64(&digits),
    };
    digits.pop();
    if digits.is_empty() || digits.contains(['e', 'E']) || !digits.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '+' | '-')) {
        return None;
    }
    parse_f64(&format!("{digits}e{exp}"))
}

/// Whether the separators in `s` group its integer digits in threes (`1,000,000`, `50 000`):
/// an optional sign, 1 to 3 digits, then groups of exactly 3 digits, then anything after the
/// integer part (a fraction, a suffix) without separators.
fn grouped_in_thousands(s: &str, is_sep: impl Fn(char) -> bool) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let int_end = body.find(|c: char| !(c.is_ascii_digit() || is_sep(c))).unwrap_or(body.len());
    let (int, rest) = body.split_at(int_end);
    if rest.contains(&is_sep) {
        return false;
    }
    let groups: Vec<&str> = int.split(&is_sep).collect();
    groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// What follows the sign of a float literal.
#[cfg_attr(not(all(feature = "js-float", target_arch = "wasm32")), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq)]
enum FloatLiteral<'a> {
    /// `digits [. digits] [e [sign] digits]` (or starting with the point).
    Decimal(&'a str),
    /// `inf` or `infinity`, any case.
    Infinity,
    /// `nan`, any case.
    NaN,
}

/// The sign and the kind of a literal `str::parse::<f64>` accepts, or `None` when it would
/// refuse it. No byte-index slicing: see `url::strip_to_query`.
#[cfg_attr(not(all(feature = "js-float", target_arch = "wasm32")), allow(dead_code))]
fn classify_float(s: &str) -> Option<(bool, FloatLiteral<'_>)> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let literal = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        FloatLiteral::Infinity
    } else if body.eq_ignore_ascii_case("nan") {
        FloatLiteral::NaN
    } else if is_decimal_literal(body) {
        FloatLiteral::Decimal(body)
    } else {
        return None;
    };
    Some((negative, literal))
}

/// `digits [. digits] [e [sign] digits]` or `. digits [e …]`, with at least one mantissa
/// digit: the unsigned decimal syntax `str::parse::<f64>` accepts.
fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize| b.iter().skip(from).take_while(|c| c.is_ascii_digit()).count();
    let int = digits(0);
    let mut i = int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        frac = digits(i + 1);
        i += 1 + frac;
    }
    if int + frac == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = digits(i);
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to 5 characters over the characters a float literal can hold (and a
    /// few it cannot): classify_float accepts exactly the strings core's parser accepts, so the
    /// browser build (which checks syntax here, then calls parseFloat) refuses the same input.
    #[test]
    fn float_syntax_matches_core_exhaustively() {
        const ALPHABET: &[char] = &['0', '7', '.', 'e', 'E', '+', '-', '_', ' ', 'x'];
        let mut strings = vec![String::new()];
        let mut checked = 0;
        for _ in 0..5 {
            let mut next = Vec::new();
            for s in &strings {
                for &c in ALPHABET {
                    let t = format!("{s}{c}");
                    assert_eq!(classify_float(&t).is_some(), t.parse::<f64>().is_ok(), "{t:?}");
                    checked += 1;
                    next.push(t);
                }
            }
            strings = next;
        }
        assert_eq!(checked, 10 + 100 + 1_000 + 10_000 + 100_000);
        for word in ["inf", "-Infinity", "+NaN", "INF", "nan", "infinit", "in", "-nan", "+-1", "1e+", ".e1", "1.e1", "1..", ""] {
            assert_eq!(classify_float(word).is_some(), word.parse::<f64>().is_ok(), "{word:?}");
        }
        assert_eq!(classify_float("-1.5e-3"), Some((true, FloatLiteral::Decimal("1.5e-3"))));
    }

    // ux (issue 11): what people type, read as they mean it (hand-checked values).
    #[test]
    fn numbers_read_as_people_type_them() {
        assert_eq!(parse_number("128K"), Some(128_000.0));
        assert_eq!(parse_number("128k"), Some(128_000.0));
        assert_eq!(parse_number("1.5M"), Some(1_500_000.0));
        assert_eq!(parse_number("1M"), Some(1_000_000.0));
        assert_eq!(parse_number("50,000"), Some(50_000.0));
        assert_eq!(parse_number("1,000,000"), Some(1_000_000.0));
        assert_eq!(parse_number("1e6"), Some(1_000_000.0));
        assert_eq!(parse_number(" 4 000 "), Some(4_000.0));
        assert_eq!(parse_number("1_000"), Some(1_000.0));
        assert_eq!(parse_number("0.7"), Some(0.7));
        assert_eq!(parse_number("2B"), Some(2e9));
        assert_eq!(parse_number("0.1K"), Some(100.0));
        // A decimal comma or a stray separator is refused, not misread ("1,5" is not 15).
        for bad in ["", "K", "1e3K", "12KK", "abc", "1..2", "x1", "-", "1,5", "12,34", "1,0000", "1.5,000", ",500"] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }

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

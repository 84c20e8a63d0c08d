//! Helpers shared by the integration tests.
#![allow(dead_code)]

/// Asserts `|actual − expected| ≤ tol · |expected|`, printing both on failure.
#[track_caller]
pub fn assert_rel(actual: f64, expected: f64, tol: f64) {
    let err = (actual - expected).abs();
    assert!(
        err <= tol * expected.abs(),
        "actual {actual} vs expected {expected}: relative error {:.3e} > {tol:.1e}",
        err / expected.abs()
    );
}

/// The median of `v` (the mean of the two middle values for an even count).
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The cells of every Markdown table line of a fixture (`| a | b |` → `["", "a", "b", ""]`),
/// trimmed; each test keeps the rows whose cells it recognises.
pub fn table_cells(fixture: &str) -> impl Iterator<Item = Vec<&str>> {
    fixture.lines().filter(|l| l.trim_start().starts_with('|')).map(|l| l.split('|').map(str::trim).collect())
}

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

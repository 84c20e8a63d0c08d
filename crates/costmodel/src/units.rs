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

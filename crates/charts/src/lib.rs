//! # charts: KV Scope's charts, drawn with plotters on any backend
//!
//! Every chart is a pure function of already-computed `costmodel` data and a [`ChartStyle`],
//! generic over plotters' [`DrawingBackend`]: the web app calls it with a `CanvasBackend`, the
//! CLI and the tests with [`SVGBackend`] (through the `*_svg` helpers). Nothing here runs the
//! model, touches the DOM or panics; backend failures come back as [`ChartError`].
//!
//! * [`draw_sweep`]: series of a metric against a swept input, regime markers, a highlighted
//!   point; returns a [`PlotLayout`] for hover readouts ([`PlotLayout::nearest`]).
//! * [`draw_memory_bar`] / [`draw_memory_report`]: one GPU's memory as a stacked bar.
//! * [`draw_timeline`]: one serving cycle, a lane per batch slot.
//! * [`draw_cheap`]: "1M as cheap as 4K", GPU-seconds per turn on a log axis.
//!
//! Text is measured by plotters' font backend: in the browser through the DOM (a `<span>`'s
//! offset size, one page layout per measurement), natively (no `ttf` feature) by a rough
//! estimate, which is enough for layout in SVG. Each (font, text) is measured once per page
//! (thread): later draws reuse the size, so a redraw measures only labels it has not seen. A
//! host may install its own measurer ([`set_text_measurer`]): the web app measures widths with
//! the canvas's `measureText`, which needs no page layout.
//!
//! ```
//! use charts::{sweep_svg, ChartStyle, Series, SweepChart};
//! let series = [Series { label: "a".into(), points: vec![(1.0, 2.0), (2.0, 3.0)] }];
//! let chart = SweepChart {
//!     title: "t", x_label: "x", y_label: "y", x_log: false, y_log: false,
//!     series: &series, markers: &[], y_format: charts::format::fmt_s,
//!     x_format: charts::format::fmt_compact, highlight: None,
//! };
//! let svg = sweep_svg(&chart, &ChartStyle::light(), 640, 360)?;
//! assert!(svg.starts_with("<svg"));
//! # Ok::<(), charts::ChartError>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod axis;
mod cheap;
mod draw;
// serving (issue 9)
mod load;
pub mod format;
mod memory;
mod style;
mod sweep;
mod timeline;

use std::fmt;

use costmodel::cheap::CheapAs;
use costmodel::report::MemoryBreakdown;
use costmodel::Report;
use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
pub use plotters_backend::DrawingBackend;

pub use axis::PlotLayout;
pub use cheap::{draw_cheap, STACKS_SHOWN};
pub use draw::{set_text_measurer, TextMeasurer};
pub use memory::{draw_memory_bar, draw_memory_report};
pub use style::{okabe_ito, ChartStyle};
pub use sweep::{draw_sweep, draw_sweep_data, draw_sweep_frame, draw_sweep_title, sweep_frame_key, sweep_markers, sweep_series, Series, SweepChart, SweepFrame, MAX_SERIES};
pub use timeline::{draw_timeline, MAX_LANES};
// serving (issue 9)
pub use load::draw_load;

/// Largest SVG side the export helpers accept (px).
pub const MAX_SVG_PX: u32 = 16_384;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChartError {
    /// The drawing backend failed (its message).
    Backend(String),
    /// More series than the palette has colours.
    TooManySeries {
        /// Series given.
        count: usize,
        /// Most allowed ([`MAX_SERIES`]).
        max: usize,
    },
    /// An export size outside 1..=[`MAX_SVG_PX`].
    InvalidSize {
        /// Requested width (px).
        width: u32,
        /// Requested height (px).
        height: u32,
    },
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::Backend(msg) => write!(f, "the chart could not be drawn: {msg}"),
            ChartError::TooManySeries { count, max } => {
                write!(f, "a chart shows at most {max} series; got {count}")
            }
            ChartError::InvalidSize { width, height } => {
                write!(f, "chart size must be 1 to {MAX_SVG_PX} px on each side; got {width} × {height}")
            }
        }
    }
}

impl std::error::Error for ChartError {}

/// Renders `draw` into an SVG document of `width` × `height` px.
fn render_svg<T>(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<T, ChartError>,
) -> Result<(String, T), ChartError> {
    if !(1..=MAX_SVG_PX).contains(&width) || !(1..=MAX_SVG_PX).contains(&height) {
        return Err(ChartError::InvalidSize { width, height });
    }
    let mut out = String::new();
    let value = {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let value = draw(&root)?;
        root.present().map_err(draw::backend_error)?;
        value
    };
    Ok((out, value))
}

/// The sweep chart as an SVG document.
pub fn sweep_svg(chart: &SweepChart, style: &ChartStyle, width: u32, height: u32) -> Result<String, ChartError> {
    render_svg(width, height, |a| draw_sweep(a, chart, style)).map(|(svg, _)| svg)
}

/// The sweep chart as an SVG document, with where its plot went.
pub fn sweep_svg_with_layout(
    chart: &SweepChart,
    style: &ChartStyle,
    width: u32,
    height: u32,
) -> Result<(String, PlotLayout), ChartError> {
    render_svg(width, height, |a| draw_sweep(a, chart, style))
}

/// The memory bar as an SVG document.
pub fn memory_svg(
    mem: &MemoryBreakdown,
    style: &ChartStyle,
    binary_units: bool,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    render_svg(width, height, |a| draw_memory_bar(a, mem, style, binary_units)).map(|(svg, _)| svg)
}

/// A report's memory bar (KV labelled users × per user) as an SVG document.
pub fn memory_report_svg(
    report: &Report,
    style: &ChartStyle,
    binary_units: bool,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    render_svg(width, height, |a| draw_memory_report(a, report, style, binary_units)).map(|(svg, _)| svg)
}

/// The cycle timeline as an SVG document.
pub fn timeline_svg(report: &Report, style: &ChartStyle, width: u32, height: u32) -> Result<String, ChartError> {
    render_svg(width, height, |a| draw_timeline(a, report, style)).map(|(svg, _)| svg)
}

/// The long-versus-short comparison as an SVG document.
pub fn cheap_svg(c: &CheapAs, style: &ChartStyle, width: u32, height: u32) -> Result<String, ChartError> {
    render_svg(width, height, |a| draw_cheap(a, c, style)).map(|(svg, _)| svg)
}

// serving (issue 9)
/// The load curve as an SVG document.
pub fn load_svg(curve: &costmodel::sweep::LoadCurve, style: &ChartStyle, width: u32, height: u32, highlight: Option<usize>) -> Result<String, ChartError> {
    render_svg(width, height, |a| draw_load(a, curve, style, highlight)).map(|(svg, _)| svg)
}

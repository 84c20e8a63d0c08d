//! [`EitherBackend`]: one backend type for two backends, so a chart drawn on both (the web
//! app's canvas and its SVG export) is compiled once instead of once per backend.
//!
//! Every method forwards to the wrapped backend, including the ones plotters implements by
//! default, so each backend draws exactly what it draws on its own.

use std::fmt;

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

use crate::{draw, sweep, ChartError, ChartStyle, SweepChart, MAX_SVG_PX};

/// A backend `A` (e.g. the web app's canvas) or an SVG document being written.
pub enum EitherBackend<'a, A> {
    /// The other backend.
    Other(A),
    /// An SVG document.
    Svg(SVGBackend<'a>),
}

/// A wrapped backend's error, as its message.
#[derive(Debug)]
pub struct EitherError(String);

impl fmt::Display for EitherError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EitherError {}

fn convert<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<EitherError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(EitherError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Forwards a call to the wrapped backend and converts its error.
macro_rules! forward {
    ($self:ident, $b:ident => $call:expr) => {
        match $self {
            EitherBackend::Other($b) => $call.map_err(convert),
            EitherBackend::Svg($b) => $call.map_err(convert),
        }
    };
}

type Res<T> = Result<T, DrawingErrorKind<EitherError>>;

impl<A: DrawingBackend> DrawingBackend for EitherBackend<'_, A> {
    type ErrorType = EitherError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            EitherBackend::Other(b) => b.get_size(),
            EitherBackend::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Res<()> {
        forward!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Res<()> {
        forward!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res<()> {
        forward!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Res<()> {
        forward!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Res<()> {
        forward!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Res<()> {
        forward!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Res<()> {
        forward!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Res<()> {
        forward!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<TStyle: BackendTextStyle>(&mut self, text: &str, style: &TStyle, pos: BackendCoord) -> Res<()> {
        forward!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(&self, text: &str, style: &TStyle) -> Res<(u32, u32)> {
        forward!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Res<()> {
        forward!(self, b => b.blit_bitmap(pos, size, src))
    }
}

/// The sweep chart as an SVG document, drawn through `EitherBackend<A>`: the same document as
/// [`crate::sweep_svg`], but sharing the compiled drawing code with charts drawn on `A`.
pub fn sweep_svg_via<A: DrawingBackend>(chart: &SweepChart, style: &ChartStyle, width: u32, height: u32) -> Result<String, ChartError> {
    if !(1..=MAX_SVG_PX).contains(&width) || !(1..=MAX_SVG_PX).contains(&height) {
        return Err(ChartError::InvalidSize { width, height });
    }
    let mut out = String::new();
    {
        let root: DrawingArea<EitherBackend<'_, A>, Shift> = EitherBackend::Svg(SVGBackend::with_string(&mut out, (width, height))).into_drawing_area();
        sweep::draw_sweep(&root, chart, style)?;
        root.present().map_err(draw::backend_error)?;
    }
    Ok(out)
}

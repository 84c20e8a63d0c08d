//! The app's plotters backend on a 2D canvas (input2, issue 12): it draws exactly what
//! `plotters_canvas::CanvasBackend` draws, call for call, but sets the context's state (fill and
//! stroke colour, line width, font, text alignment and baseline) only when it differs from what
//! it last set. `CanvasBackend` formats and sets all of it again for every label and grid line:
//! a sweep chart's redraw set its font 22 times (each a CSS font parse in the browser) and as
//! many colour strings, on every slider input. It also strokes consecutive lines of one style
//! as one path where that leaves every pixel as it was (see [`FastCanvas`]'s `lines_open`).
//! The first stage (src/first.rs) draws through it too; `plotters-canvas` stays as the reference
//! it is held to, pixel for pixel (tests/web.rs, `fast_canvas_draws_what_plotters_canvas_draws`).

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A drawing error (the browser's exception, as text).
#[derive(Debug)]
pub struct FastCanvasError(String);

impl std::fmt::Display for FastCanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Canvas Error: {}", self.0)
    }
}

impl std::error::Error for FastCanvasError {}

fn error_cast(e: JsValue) -> DrawingErrorKind<FastCanvasError> {
    let text = js_sys::JSON::stringify(&e).map(String::from).unwrap_or_else(|_| "Unknown".to_owned());
    DrawingErrorKind::DrawingError(FastCanvasError(text))
}

/// A colour as compared for "unchanged": red, green, blue and the alpha's bits.
type ColorKey = (u8, u8, u8, u64);

fn color_key(c: BackendColor) -> ColorKey {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

/// The context state this backend last set (`None`: not set by it yet, so set it).
#[derive(Clone, Default)]
struct Set {
    fill: Option<ColorKey>,
    stroke: Option<ColorKey>,
    line_width: Option<u32>,
    font: String,
    align: &'static str,
    baseline: &'static str,
}

/// A canvas as a plotters backend (see the module's notes).
pub struct FastCanvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    set: Set,
    /// Straight lines traced but not yet stroked: consecutive `draw_line`s in one style (a
    /// chart's grid, ticks, dashes) go into one path and one `stroke()`, made before anything
    /// else is drawn (so the order of what overlaps stays plotters') and when the backend is
    /// dropped. Only lines whose pixels are the same either way join a path: ones that cover
    /// whole pixels and touch no pixel another line of the path touches ([`footprint`]). Where
    /// two strokes meet, one path covers the shared pixels once and two strokes twice, which
    /// shows where a colour is translucent. A sweep redraw made 146 strokes, one per line, and
    /// now 27 at a device pixel ratio of 1 (issue 12).
    lines_open: bool,
    /// The footprints of the lines in the open path.
    footprints: Vec<[f64; 4]>,
}

impl FastCanvas {
    /// The backend on `canvas`'s 2D context, `None` when it has none.
    pub fn with_canvas_object(canvas: HtmlCanvasElement) -> Option<FastCanvas> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(FastCanvas::with_context(canvas, context))
    }

    /// The backend on `canvas` through `context`, its 2D context asked for before (a chart
    /// asks once, not per draw). The context's state is set again as if new.
    pub fn with_context(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> FastCanvas {
        FastCanvas { canvas, context, set: Set::default(), lines_open: false, footprints: Vec::new() }
    }

    /// Strokes the lines traced since the last call ([`FastCanvas::lines_open`]).
    fn flush_lines(&mut self) {
        if self.lines_open {
            self.context.stroke();
            self.lines_open = false;
            self.footprints.clear();
        }
    }

    fn fill_style(&mut self, c: BackendColor) {
        let key = color_key(c);
        if self.set.fill != Some(key) {
            self.context.set_fill_style_str(&canvas_color(c));
            self.set.fill = Some(key);
        }
    }

    /// Moves to the path's first point and adds a line to each of the others.
    fn trace(&self, start: BackendCoord, rest: impl Iterator<Item = BackendCoord>) {
        self.context.move_to(f64::from(start.0), f64::from(start.1));
        for next in rest {
            self.context.line_to(f64::from(next.0), f64::from(next.1));
        }
    }

    /// A path through `points`, stroked, or closed and filled.
    fn shape(&mut self, points: impl IntoIterator<Item = BackendCoord>, style: &impl BackendStyle, fill: bool) {
        self.flush_lines();
        if style.color().alpha == 0.0 {
            return;
        }
        let mut points = points.into_iter();
        self.context.begin_path();
        if let Some(start) = points.next() {
            if fill {
                self.fill_style(style.color());
            } else {
                self.line_style(style);
            }
            self.trace(start, points);
        }
        if fill {
            self.context.close_path();
            self.context.fill();
        } else {
            self.context.stroke();
        }
    }

    fn line_style(&mut self, style: &impl BackendStyle) {
        let key = color_key(style.color());
        let width = style.stroke_width();
        if self.set.stroke != Some(key) || self.set.line_width != Some(width) {
            self.flush_lines();
        }
        if self.set.stroke != Some(key) {
            self.context.set_stroke_style_str(&canvas_color(style.color()));
            self.set.stroke = Some(key);
        }
        if self.set.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.set.line_width = Some(width);
        }
    }
}

/// The colour as `CanvasBackend` writes it.
fn canvas_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({},{},{},{})", r, g, b, c.alpha)
}

/// A vertical or horizontal line moved by half a pixel, as `CanvasBackend` does (so a 1 px line
/// covers one pixel row, not two half-covered ones).
/// The pixels a stroke from `from` to `to`, `width` px wide, touches when it covers whole
/// pixels only: horizontal or vertical, with its edges and its (butt) ends on pixel
/// boundaries. (left, top, right, bottom), grown by one pixel on every side. `None` for any
/// other stroke, which is drawn alone: the rasterizer antialiases the edges of a path of many
/// lines a little differently than those of a single line (seen at a device pixel ratio of 2).
fn footprint(from: (f64, f64), to: (f64, f64), width: u32) -> Option<[f64; 4]> {
    let half = f64::from(width) / 2.0;
    let edge = |c: f64| (c - half).fract() == 0.0;
    let whole = |c: f64| c.fract() == 0.0;
    let exact = if from.0 == to.0 {
        edge(from.0) && whole(from.1) && whole(to.1)
    } else {
        from.1 == to.1 && edge(from.1) && whole(from.0) && whole(to.0)
    };
    let grow = half + 1.0;
    exact.then(|| [from.0.min(to.0) - grow, from.1.min(to.1) - grow, from.0.max(to.0) + grow, from.1.max(to.1) + grow])
}

/// Whether two footprints share a pixel.
fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn fine_hor_ver_lines(from: BackendCoord, end: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let mut from = (f64::from(from.0), f64::from(from.1));
    let mut end = (f64::from(end.0), f64::from(end.1));
    if from.0 == end.0 {
        from.0 -= 0.5;
        end.0 -= 0.5;
    }
    if from.1 == end.1 {
        from.1 -= 0.5;
        end.1 -= 0.5;
    }
    (from, end)
}

impl DrawingBackend for FastCanvas {
    type ErrorType = FastCanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        self.flush_lines();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, style: BackendColor) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        self.flush_lines();
        if style.alpha == 0.0 {
            return Ok(());
        }
        self.fill_style(style);
        self.context.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (from, to) = fine_hor_ver_lines(from, to);
        let footprint = footprint(from, to, style.stroke_width());
        if footprint.is_none_or(|f| self.footprints.iter().any(|g| overlaps(&f, g))) {
            self.flush_lines();
        }
        self.line_style(style);
        if !self.lines_open {
            self.context.begin_path();
        }
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        match footprint {
            Some(f) => {
                self.footprints.push(f);
                self.lines_open = true;
            }
            None => self.context.stroke(),
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        self.flush_lines();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            self.fill_style(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.line_style(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        self.shape(path, style, false);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        self.shape(path, style, true);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        self.flush_lines();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.fill_style(style.color());
        } else {
            self.line_style(style);
        }
        self.context.begin_path();
        self.context
            .arc(f64::from(center.0), f64::from(center.1), f64::from(radius), 0.0, std::f64::consts::PI * 2.0)
            .map_err(error_cast)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    /// The page's text measurer (`chart_canvas::measure_text`), which gives what plotters' own
    /// estimate gives (its measuring span's offset size) without a page layout per text. The
    /// charts ask it first anyway (`charts::set_text_measurer`); answering here too leaves
    /// plotters' span-based estimate out of the app (issue 12).
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<FastCanvasError>> {
        crate::components::chart_canvas::measure_text(style.family().as_str(), style.size(), false, text)
            .ok_or_else(|| DrawingErrorKind::DrawingError(FastCanvasError("no canvas to measure text with".to_owned())))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<FastCanvasError>> {
        self.flush_lines();
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (mut x, mut y) = (pos.0, pos.1);
        let degree = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        } / 180.0
            * std::f64::consts::PI;
        // `restore` puts back the state as it was at `save`: so is what this backend knows of it.
        let saved = (degree != 0.0).then(|| self.set.clone());
        if saved.is_some() {
            self.context.save();
            self.context.translate(f64::from(x), f64::from(y)).map_err(error_cast)?;
            self.context.rotate(degree).map_err(error_cast)?;
            x = 0;
            y = 0;
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.set.baseline != baseline {
            self.context.set_text_baseline(baseline);
            self.set.baseline = baseline;
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.set.align != align {
            self.context.set_text_align(align);
            self.set.align = align;
        }
        self.fill_style(color);
        let font = format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str());
        if self.set.font != font {
            self.context.set_font(&font);
            self.set.font = font;
        }
        self.context.fill_text(text, f64::from(x), f64::from(y)).map_err(error_cast)?;
        if let Some(saved) = saved {
            self.context.restore();
            self.set = saved;
        }
        Ok(())
    }
}

impl Drop for FastCanvas {
    fn drop(&mut self) {
        self.flush_lines();
    }
}

//! Drawing primitives on a pixel area: text (measured, anchored, wrapped), lines, rectangles and
//! paths, each returning [`ChartError`] instead of a backend-specific error.
//!
//! Grid lines, ticks, frames and dashes go through [`Segment`], which calls the backend's
//! `draw_line` (an SVG `<line>`); only data series are paths (an SVG `<polyline>`), so an export
//! can be checked by counting polylines.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, Drawable, PathElement, PointCollection, Rectangle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, FontTransform, RGBAColor, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

use crate::{ChartError, ChartStyle};

/// Converts a plotters drawing error into the backend-independent error.
pub(crate) fn backend_error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Backend(e.to_string())
}

/// A straight line drawn with the backend's `draw_line`.
pub(crate) struct Segment {
    points: [BackendCoord; 2],
    style: ShapeStyle,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Segment {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord];
    fn point_iter(self) -> &'a [BackendCoord] {
        &self.points
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Segment {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match (pos.next(), pos.next()) {
            (Some(a), Some(b)) => backend.draw_line(a, b, &self.style),
            _ => Ok(()),
        }
    }
}

/// Text weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Normal,
    Bold,
}

/// A text style request: size (backend px), colour, anchor, rotation.
#[derive(Clone, Copy)]
pub(crate) struct Font {
    pub size: f64,
    pub color: RGBAColor,
    pub weight: Weight,
    pub h: HPos,
    pub v: VPos,
    pub vertical: bool,
}

impl Font {
    pub fn new(size: f64, color: RGBColor) -> Font {
        Font { size, color: color.to_rgba(), weight: Weight::Normal, h: HPos::Left, v: VPos::Top, vertical: false }
    }
    pub fn bold(mut self) -> Font {
        self.weight = Weight::Bold;
        self
    }
    pub fn anchor(mut self, h: HPos, v: VPos) -> Font {
        self.h = h;
        self.v = v;
        self
    }
    pub fn color(mut self, color: RGBAColor) -> Font {
        self.color = color;
        self
    }
    /// Reads bottom to top (a y-axis label).
    pub fn vertical(mut self) -> Font {
        self.vertical = true;
        self
    }
}

/// A font as measured: family, size (f64 bits), bold.
type FontKey = (&'static str, u64, bool);

/// Sizes already measured: per font, text → (width, height).
type Measured = HashMap<FontKey, HashMap<String, (i32, i32)>>;

/// Most texts kept per font before that font's measurements are dropped and made again (labels
/// that carry the slider's value are new on every input; this bounds the memory they take).
const MEASURED_PER_FONT: usize = 4096;

/// Measures `text` in a font (family, size in px, bold): (width, height) in px, or `None` to
/// fall back to the backend's measurement. Installed by a host that can measure better or
/// cheaper than plotters' font backend ([`set_text_measurer`]).
pub type TextMeasurer = fn(family: &str, size_px: f64, bold: bool, text: &str) -> Option<(u32, u32)>;

/// Installs (or, with `None`, removes) the text measurer every chart on this thread uses, and
/// forgets the sizes measured so far. The web app installs one that measures with the canvas's
/// `measureText` instead of a DOM layout per label.
pub fn set_text_measurer(measurer: Option<TextMeasurer>) {
    MEASURER.with(|m| m.set(measurer));
    MEASURED.with(|m| m.borrow_mut().clear());
}

thread_local! {
    /// The host's text measurer, if any.
    static MEASURER: std::cell::Cell<Option<TextMeasurer>> = const { std::cell::Cell::new(None) };
    /// Text measurements already made, per font: text → (width, height), for the life of the
    /// page. In the browser each measurement is a DOM layout (plotters appends a `<span>` to the
    /// body and reads its offset size, which forces a layout of the whole page), and every redraw
    /// asks for the same tick labels, titles and legends again. A measurement is a function of
    /// the font and the text only, so a remembered one is exactly what measuring again returns.
    static MEASURED: RefCell<Measured> = RefCell::new(HashMap::new());
}
/// Draws on one `DrawingArea` in its own pixel coordinates (origin at its top left).
pub(crate) struct Painter<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub style: &'a ChartStyle,
    /// Width and height (px).
    pub w: i32,
    pub h: i32,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB>
where
    DB::ErrorType: 'static,
{
    pub fn new(area: &'a DrawingArea<DB, Shift>, style: &'a ChartStyle) -> Painter<'a, DB> {
        let (w, h) = area.dim_in_pixel();
        Painter {
            area,
            style,
            w: i32::try_from(w).unwrap_or(i32::MAX),
            h: i32::try_from(h).unwrap_or(i32::MAX),
        }
    }

    /// A painter on `area` filled with the background: how every chart starts.
    pub fn start(area: &'a DrawingArea<DB, Shift>, style: &'a ChartStyle) -> Result<Painter<'a, DB>, ChartError> {
        let p = Painter::new(area, style);
        p.clear()?;
        Ok(p)
    }

    /// The margin around a chart (px).
    pub fn margin(&self) -> i32 {
        self.style.px(10.0)
    }

    /// The font of axis labels, legends and notes.
    pub fn label_font(&self) -> Font {
        Font::new(self.style.label_px(), self.style.foreground)
    }

    /// The font of tick labels and markers.
    pub fn tick_font(&self) -> Font {
        Font::new(self.style.tick_px(), self.style.foreground)
    }

    /// Fills the whole area with the background.
    pub fn clear(&self) -> Result<(), ChartError> {
        self.area.fill(&self.style.background).map_err(backend_error)
    }

    fn text_style(&self, font: &Font) -> TextStyle<'a> {
        let style = match font.weight {
            Weight::Normal => FontStyle::Normal,
            Weight::Bold => FontStyle::Bold,
        };
        let mut desc = FontDesc::new(FontFamily::Name(self.style.font_family), font.size, style);
        if font.vertical {
            desc = desc.transform(FontTransform::Rotate270);
        }
        let mut ts = TextStyle::from(desc).pos(Pos::new(font.h, font.v));
        ts.color = font.color.to_backend_color();
        ts
    }

    /// Width and height of `text` in `font` (px; unrotated).
    pub fn measure(&self, text: &str, font: &Font) -> Result<(i32, i32), ChartError> {
        let key: FontKey = (self.style.font_family, font.size.to_bits(), font.weight == Weight::Bold);
        if let Some(size) = MEASURED.with(|m| m.borrow().get(&key).and_then(|texts| texts.get(text).copied())) {
            return Ok(size);
        }
        let mut f = *font;
        f.vertical = false;
        let hosted = MEASURER.with(std::cell::Cell::get).and_then(|m| m(self.style.font_family, f.size, f.weight == Weight::Bold, text));
        let (w, h) = match hosted {
            Some(size) => size,
            None => self.area.estimate_text_size(text, &self.text_style(&f)).map_err(backend_error)?,
        };
        // The estimate can be 0 for an empty string; heights never are for real text.
        let min_h = f.size.round() as i32;
        let size = (i32::try_from(w).unwrap_or(i32::MAX), i32::try_from(h).unwrap_or(i32::MAX).max(min_h * 3 / 4));
        MEASURED.with(|m| {
            let mut m = m.borrow_mut();
            let texts = m.entry(key).or_default();
            if texts.len() >= MEASURED_PER_FONT {
                texts.clear();
            }
            texts.insert(text.to_owned(), size);
        });
        Ok(size)
    }

    /// A line height for `font` (px).
    pub fn line_height(&self, font: &Font) -> i32 {
        (font.size * 1.25).round() as i32
    }

    /// Draws `text` anchored at `pos`.
    pub fn text(&self, text: &str, pos: (i32, i32), font: &Font) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        self.area.draw_text(text, &self.text_style(font), pos).map_err(backend_error)
    }

    /// Draws `text` on a box of `fill` (for labels that sit on lines or data).
    pub fn boxed_text(
        &self,
        text: &str,
        left_top: (i32, i32),
        font: &Font,
        fill: RGBAColor,
        border: Option<RGBAColor>,
    ) -> Result<(i32, i32), ChartError> {
        let (tw, th) = self.measure(text, font)?;
        let pad = self.style.px(3.0);
        let (x0, y0) = left_top;
        let (x1, y1) = (x0 + tw + 2 * pad, y0 + th + 2 * pad);
        self.fill_rect((x0, y0), (x1, y1), fill)?;
        if let Some(b) = border {
            self.stroke_rect((x0, y0), (x1, y1), b, self.style.thin())?;
        }
        let f = Font { h: HPos::Left, v: VPos::Top, ..*font };
        self.text(text, (x0 + pad, y0 + pad), &f)?;
        Ok((x1 - x0, y1 - y0))
    }

    /// Splits `text` into lines no wider than `max_w` (px), at spaces.
    pub fn wrap(&self, text: &str, font: &Font, max_w: i32) -> Result<Vec<String>, ChartError> {
        // Most texts fit on one line: one measurement instead of one per word. A line is never
        // narrower than its first words (each word adds width), so when the whole fits, every
        // prefix the loop below would try fits too and it would return this one line.
        let whole = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if whole.is_empty() {
            return Ok(Vec::new());
        }
        if self.measure(&whole, font)?.0 <= max_w {
            return Ok(vec![whole]);
        }
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if !line.is_empty() && self.measure(&candidate, font)?.0 > max_w {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        Ok(lines)
    }

    /// Draws a chart's title with its top at `top`: bold, centred, wrapped at spaces to the
    /// width less the margins (a long title on a phone would otherwise run off both edges).
    /// Returns its height: the measured text height for one line, plus a line per extra line.
    pub fn title(&self, text: &str, top: i32) -> Result<i32, ChartError> {
        let (lines, height) = self.title_lines(text)?;
        self.draw_title(&lines, top)?;
        Ok(height)
    }

    /// The lines [`Painter::title`] draws for `text`, and their height, without drawing them
    /// (a chart that draws its title last lays out the rest below it first).
    pub fn title_lines(&self, text: &str) -> Result<(Vec<String>, i32), ChartError> {
        let font = self.title_font();
        let lines = self.wrap(text, &font, (self.w - 2 * self.margin()).max(1))?;
        let height = match lines.last() {
            Some(last) => self.line_height(&font) * (i32::try_from(lines.len()).unwrap_or(1) - 1) + self.measure(last, &font)?.1,
            None => 0,
        };
        Ok((lines, height))
    }

    /// Draws title lines from [`Painter::title_lines`] with the first one's top at `top`.
    pub fn draw_title(&self, lines: &[String], top: i32) -> Result<(), ChartError> {
        let font = self.title_font();
        let lh = self.line_height(&font);
        let mut y = top;
        for line in lines {
            self.text(line, (self.w / 2, y), &font)?;
            y += lh;
        }
        Ok(())
    }

    fn title_font(&self) -> Font {
        Font::new(self.style.title_px(), self.style.foreground).bold().anchor(HPos::Center, VPos::Top)
    }

    /// Draws wrapped `text` centred on `center`, returns its height.
    pub fn centered_paragraph(&self, text: &str, center: (i32, i32), font: &Font, max_w: i32) -> Result<i32, ChartError> {
        let lines = self.wrap(text, font, max_w.max(1))?;
        let lh = self.line_height(font);
        let total = lh * i32::try_from(lines.len()).unwrap_or(0);
        let f = Font { h: HPos::Center, v: VPos::Top, ..*font };
        let mut y = center.1 - total / 2;
        for l in &lines {
            self.text(l, (center.0, y), &f)?;
            y += lh;
        }
        Ok(total)
    }

    /// A straight line (grid, tick, frame).
    pub fn line(&self, a: (i32, i32), b: (i32, i32), color: RGBAColor, width: u32) -> Result<(), ChartError> {
        let seg = Segment { points: [a, b], style: ShapeStyle { color, filled: false, stroke_width: width } };
        self.area.draw(&seg).map_err(backend_error)
    }

    /// A dashed vertical line from `y0` to `y1` at `x`.
    pub fn dashed_vline(&self, x: i32, y0: i32, y1: i32, color: RGBAColor, width: u32) -> Result<(), ChartError> {
        let dash = self.style.px(5.0).max(2);
        let gap = self.style.px(4.0).max(2);
        let (top, bottom) = (y0.min(y1), y0.max(y1));
        let mut y = top;
        while y < bottom {
            self.line((x, y), (x, (y + dash).min(bottom)), color, width)?;
            y += dash + gap;
        }
        Ok(())
    }

    /// A filled rectangle.
    pub fn fill_rect(&self, a: (i32, i32), b: (i32, i32), color: RGBAColor) -> Result<(), ChartError> {
        self.area.draw(&Rectangle::new([a, b], color.filled())).map_err(backend_error)
    }

    /// A rectangle outline, drawn as four lines.
    pub fn stroke_rect(&self, a: (i32, i32), b: (i32, i32), color: RGBAColor, width: u32) -> Result<(), ChartError> {
        let (x0, y0, x1, y1) = (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
        self.line((x0, y0), (x1, y0), color, width)?;
        self.line((x1, y0), (x1, y1), color, width)?;
        self.line((x1, y1), (x0, y1), color, width)?;
        self.line((x0, y1), (x0, y0), color, width)
    }

    /// A data path (one SVG polyline).
    pub fn path(&self, points: Vec<(i32, i32)>, color: RGBAColor, width: u32) -> Result<(), ChartError> {
        let style = ShapeStyle { color, filled: false, stroke_width: width };
        self.area.draw(&PathElement::new(points, style)).map_err(backend_error)
    }

    /// A filled dot.
    pub fn dot(&self, c: (i32, i32), radius: u32, color: RGBAColor) -> Result<(), ChartError> {
        self.area.draw(&Circle::new(c, radius, color.filled())).map_err(backend_error)
    }

    /// A ring.
    pub fn ring(&self, c: (i32, i32), radius: u32, color: RGBAColor, width: u32) -> Result<(), ChartError> {
        let style = ShapeStyle { color, filled: false, stroke_width: width };
        self.area.draw(&Circle::new(c, radius, style)).map_err(backend_error)
    }

    /// A legend swatch (a short thick bar) followed by its label, left-top at `pos`; returns the
    /// entry's width.
    pub fn legend_entry(&self, pos: (i32, i32), color: RGBAColor, label: &str, font: &Font) -> Result<i32, ChartError> {
        let (tw, th) = self.measure(label, font)?;
        let sw = self.style.px(18.0);
        let sh = self.style.px(4.0).max(2);
        let cy = pos.1 + th / 2;
        self.fill_rect((pos.0, cy - sh / 2), (pos.0 + sw, cy - sh / 2 + sh), color)?;
        let f = Font { h: HPos::Left, v: VPos::Top, ..*font };
        self.text(label, (pos.0 + sw + self.style.px(6.0), pos.1), &f)?;
        Ok(sw + self.style.px(6.0) + tw)
    }
}

/// A legend laid out in rows that wrap within a width.
pub(crate) struct LegendLayout {
    /// (x, y) of each entry, relative to the legend's left top.
    pub positions: Vec<(i32, i32)>,
    /// Total height (px).
    pub height: i32,
}

/// Places legend entries left to right, wrapping at `max_w`.
pub(crate) fn layout_legend<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    labels: &[&str],
    font: &Font,
    max_w: i32,
) -> Result<LegendLayout, ChartError>
where
    DB::ErrorType: 'static,
{
    let gap = p.style.px(18.0);
    let swatch = p.style.px(24.0);
    let lh = p.line_height(font);
    let (mut x, mut y) = (0, 0);
    let mut positions = Vec::with_capacity(labels.len());
    for label in labels {
        let w = swatch + p.measure(label, font)?.0;
        if x > 0 && x + w > max_w {
            x = 0;
            y += lh;
        }
        positions.push((x, y));
        x += w + gap;
    }
    let height = if labels.is_empty() { 0 } else { y + lh };
    Ok(LegendLayout { positions, height })
}

/// Black or white, whichever reads better on `fill`.
pub(crate) fn text_on(fill: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = fill;
    let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luma > 150.0 {
        RGBColor(0, 0, 0)
    } else {
        RGBColor(255, 255, 255)
    }
}

/// `a` over `b` at opacity `alpha`, as an opaque colour.
pub(crate) fn blend(a: RGBColor, b: RGBColor, alpha: f64) -> RGBColor {
    let mix = |x: u8, y: u8| (f64::from(x) * alpha + f64::from(y) * (1.0 - alpha)).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::ChartStyle;
    use plotters::backend::SVGBackend;
    use plotters::prelude::IntoDrawingArea;

    /// A measurer whose widths are known by hand: 10 px per character (a space included), and
    /// one more px per "m", which a sum of word widths sees as well as a whole line does.
    fn fixed(_family: &str, _size_px: f64, _bold: bool, text: &str) -> Option<(u32, u32)> {
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let w = 10 * collapsed.chars().count() + collapsed.matches('m').count();
        Some((u32::try_from(w).ok()?, 14))
    }

    /// As [`fixed`], but "bb cc" together is 25 px wider than its parts (as a font's kerning
    /// or shaping can make a line wider than the sum of its words).
    fn shaped(family: &str, size_px: f64, bold: bool, text: &str) -> Option<(u32, u32)> {
        let (w, h) = fixed(family, size_px, bold, text)?;
        Some((w + if text.contains("bb cc") { 25 } else { 0 }, h))
    }

    fn wrapped(text: &str, max_w: i32) -> Vec<String> {
        wrapped_with(fixed, text, max_w)
    }

    fn wrapped_with(measurer: TextMeasurer, text: &str, max_w: i32) -> Vec<String> {
        set_text_measurer(Some(measurer));
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, (400, 200)).into_drawing_area();
        let style = ChartStyle::light();
        let p = Painter::new(&root, &style);
        let lines = p.wrap(text, &Font::new(12.0, style.foreground), max_w).unwrap();
        set_text_measurer(None);
        lines
    }

    #[test]
    fn wrap_breaks_where_the_whole_line_would_overflow() {
        // "aaa bbb" is 70 px, "aaa bbb ccc" 110: at 100 px the third word starts a line.
        assert_eq!(wrapped("aaa bbb ccc ddd", 100), ["aaa bbb", "ccc ddd"]);
        // Exactly the width fits: "aaa bbb ccc" is 110 px (runs of white space count as one).
        assert_eq!(wrapped("aaa  bbb\nccc ddd", 110), ["aaa bbb ccc", "ddd"]);
        // The "m"s add a px each: "mmm mmm" is 76 px, so at 75 px the words part.
        assert_eq!(wrapped("mmm mmm", 75), ["mmm", "mmm"]);
        assert_eq!(wrapped("mmm mmm", 76), ["mmm mmm"]);
        // A word wider than the line stands alone; nothing is lost.
        assert_eq!(wrapped("a verylongword b", 60), ["a", "verylongword", "b"]);
        assert!(wrapped("   ", 60).is_empty());
    }

    #[test]
    fn wrap_checks_each_line_whole() {
        // The words' widths sum to 80 px ("aa bb cc"), but the line measures 105: at 90 px the
        // line gives back "cc" (without the check it would run 15 px past the width).
        assert_eq!(wrapped_with(shaped, "aa bb cc", 90), ["aa bb", "cc"]);
        assert_eq!(wrapped_with(shaped, "aa bb cc", 105), ["aa bb cc"]);
    }
}

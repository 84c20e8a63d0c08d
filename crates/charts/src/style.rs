//! Colours, fonts and line widths shared by every chart, so the same drawing code renders the
//! light page, the dark page and the exports.

use plotters::style::RGBColor;

/// Okabe–Ito colour-blind-safe palette (Masataka Okabe and Kei Ito, "Color Universal Design
/// (CUD): How to make figures and presentations that are friendly to colorblind people", 2002,
/// <https://jfly.uni-koeln.de/color/>). Named as in the source.
pub mod okabe_ito {
    use plotters::style::RGBColor;

    /// Black (0, 0, 0).
    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    /// Orange (230, 159, 0).
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    /// Sky blue (86, 180, 233).
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    /// Bluish green (0, 158, 115).
    pub const BLUISH_GREEN: RGBColor = RGBColor(0, 158, 115);
    /// Yellow (240, 228, 66).
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    /// Blue (0, 114, 178).
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    /// Vermillion (213, 94, 0).
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    /// Reddish purple (204, 121, 167).
    pub const REDDISH_PURPLE: RGBColor = RGBColor(204, 121, 167);
}

/// Base text sizes (px at `font_scale` 1). A canvas draws them at this size; plotters' SVG
/// backend writes `font-size` as size / 1.24.
const TITLE_PX: f64 = 18.0;
const LABEL_PX: f64 = 16.0;
const TICK_PX: f64 = 14.0;
/// Default series line width (px at scale 1).
const LINE_PX: u32 = 2;

/// How every chart looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Fill behind the whole chart.
    pub background: RGBColor,
    /// Text, axes and frames.
    pub foreground: RGBColor,
    /// Grid lines and faint fills.
    pub grid: RGBColor,
    /// Series colours, in order (Okabe–Ito, ordered for contrast on `background`).
    pub palette: [RGBColor; 8],
    /// CSS font family (`sans-serif`); the browser measures it on the canvas.
    pub font_family: &'static str,
    /// Multiplies every font size and the spacing derived from it (set it to
    /// `devicePixelRatio` when the canvas backing store is scaled).
    pub font_scale: f64,
    /// Series line width (px of the backend).
    pub line_width: u32,
}

impl ChartStyle {
    /// Dark text on white.
    pub fn light() -> ChartStyle {
        use okabe_ito::*;
        ChartStyle {
            background: RGBColor(255, 255, 255),
            foreground: RGBColor(33, 37, 41),
            grid: RGBColor(222, 226, 230),
            // Yellow last: it is the one Okabe–Ito colour that is faint on white.
            palette: [BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW],
            font_family: "sans-serif",
            font_scale: 1.0,
            line_width: LINE_PX,
        }
    }

    /// Light text on near-black.
    pub fn dark() -> ChartStyle {
        use okabe_ito::*;
        ChartStyle {
            background: RGBColor(24, 26, 27),
            foreground: RGBColor(230, 232, 234),
            grid: RGBColor(60, 64, 68),
            // Black is invisible on a dark page: its slot takes a light grey; blue (the faintest
            // here) goes last.
            palette: [SKY_BLUE, ORANGE, BLUISH_GREEN, YELLOW, REDDISH_PURPLE, VERMILLION, RGBColor(200, 200, 200), BLUE],
            font_family: "sans-serif",
            font_scale: 1.0,
            line_width: LINE_PX,
        }
    }

    /// This style for a backing store `scale` times the CSS size (devicePixelRatio): text,
    /// spacing and line widths grow by `scale`. Non-finite or non-positive scales are ignored.
    pub fn scaled(mut self, scale: f64) -> ChartStyle {
        if scale.is_finite() && scale > 0.0 {
            self.font_scale *= scale;
            self.line_width = ((f64::from(self.line_width) * scale).round() as u32).max(1);
        }
        self
    }

    /// The colour of series `i` (wraps around the palette).
    pub fn series_color(&self, i: usize) -> RGBColor {
        self.palette[i % self.palette.len()]
    }

    /// The effective scale (1 when `font_scale` is not a positive finite number).
    pub(crate) fn scale(&self) -> f64 {
        if self.font_scale.is_finite() && self.font_scale > 0.0 {
            self.font_scale
        } else {
            1.0
        }
    }

    /// A length of `px` at scale 1, in backend pixels.
    pub(crate) fn px(&self, px: f64) -> i32 {
        (px * self.scale()).round() as i32
    }

    /// Title text size (backend px).
    pub(crate) fn title_px(&self) -> f64 {
        TITLE_PX * self.scale()
    }

    /// Axis-label and legend text size (backend px).
    pub(crate) fn label_px(&self) -> f64 {
        LABEL_PX * self.scale()
    }

    /// Tick-label text size (backend px).
    pub(crate) fn tick_px(&self) -> f64 {
        TICK_PX * self.scale()
    }

    /// A thin line (grid, frame) that still shows on a scaled canvas.
    pub(crate) fn thin(&self) -> u32 {
        (self.scale().round() as u32).max(1)
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle::light()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palettes_have_eight_distinct_colours_unlike_the_background() {
        for s in [ChartStyle::light(), ChartStyle::dark()] {
            for (i, a) in s.palette.iter().enumerate() {
                assert_ne!(*a, s.background);
                for b in &s.palette[i + 1..] {
                    assert_ne!(a, b);
                }
            }
        }
    }

    #[test]
    fn scaling_grows_text_and_lines() {
        let s = ChartStyle::light().scaled(2.0);
        assert_eq!(s.line_width, 4);
        assert_eq!(s.px(10.0), 20);
        let same = ChartStyle::light().scaled(f64::NAN);
        assert_eq!(same, ChartStyle::light());
    }
}

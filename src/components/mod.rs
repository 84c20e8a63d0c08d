//! Leaf widgets. They take signals and callbacks as props and never read app context.

mod chart_canvas;
// input2 (issue 12)
mod fast_canvas;
mod log_slider;
mod math_details;
mod metric_card;
mod number_field;
mod search_select;
mod warnings;

pub use chart_canvas::*;
pub use fast_canvas::FastCanvas;
pub use log_slider::*;
pub use math_details::*;
pub use metric_card::*;
pub use number_field::*;
pub use search_select::*;
pub use warnings::*;

//! Every chart rendered to an SVG string from real model data: text that must show (axis labels,
//! legend, markers, unit-formatted ticks), series as polylines (gaps split them), the "nothing to
//! draw" fallbacks, and the pixel → data mapping for hover readouts. Each test also writes its
//! SVG to `target/chart-samples/` for a person to look at.

use std::path::PathBuf;

use charts::format::{fmt_compact, fmt_s};
use charts::{
    cheap_svg, memory_report_svg, memory_svg, sweep_markers, sweep_series, sweep_svg, sweep_svg_with_layout,
    timeline_svg, ChartError, ChartStyle, PlotLayout, Series, SweepChart, MAX_LANES,
};
use costmodel::cheap::{cheap_as, LONG_CTX_TOKENS, SHORT_CTX_TOKENS};
use costmodel::sweep::{sweep, sweep_xs, Metric, Sweep, SweepInput};
use costmodel::{evaluate_query, Evaluated};

const YI_50K: &str = "model=yi-34b&hw=a100-sxm-80gb&ctx=50000";

fn sample(name: &str, svg: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/chart-samples");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), svg).unwrap();
}

/// The text content of every `<text>` element, unescaped.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(
                t[start..end]
                    .trim()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

fn has_text(svg: &str, want: &str) -> bool {
    texts(svg).iter().any(|t| t == want)
}

fn polylines(svg: &str) -> Vec<Vec<(i32, i32)>> {
    svg.split("<polyline")
        .skip(1)
        .map(|p| {
            let a = p.find("points=\"").unwrap() + 8;
            let b = a + p[a..].find('"').unwrap();
            p[a..b]
                .split_whitespace()
                .map(|xy| {
                    let (x, y) = xy.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

fn evaluated(q: &str) -> Evaluated {
    let e = evaluate_query(q);
    assert_eq!(e.url_warnings, 0, "{:?}", e.report.warnings);
    e
}

fn ctx_sweep(q: &str) -> Sweep {
    let e = evaluated(q);
    let xs = sweep_xs(SweepInput::Ctx, 4000.0, 1e6, 200, true);
    sweep(&e.inputs, SweepInput::Ctx, &xs)
}

fn chart<'a>(series: &'a [Series], markers: &'a [(f64, &'a str)], x_log: bool, y_log: bool) -> SweepChart<'a> {
    SweepChart {
        title: "Decode of a turn vs context",
        x_label: "context (tokens)",
        y_label: "decode of a turn (s)",
        x_log,
        y_log,
        series,
        markers,
        y_format: fmt_s,
        x_format: fmt_compact,
        highlight: None,
    }
}

/// Runs of drawable points, counted independently of the crate.
fn runs(points: &[(f64, f64)], x_log: bool, y_log: bool) -> usize {
    let ok = |&(x, y): &(f64, f64)| x.is_finite() && y.is_finite() && (!x_log || x > 0.0) && (!y_log || y > 0.0);
    let mut n = 0;
    let mut prev = false;
    for p in points {
        let now = ok(p);
        if now && !prev {
            n += 1;
        }
        prev = now;
    }
    n
}

#[test]
fn sweep_of_real_models_shows_labels_legend_markers_and_unit_ticks() {
    let sweeps = vec![
        ("Yi-34B on A100 80GB".to_owned(), ctx_sweep(YI_50K)),
        ("Llama 3.1 8B on A100 80GB".to_owned(), ctx_sweep("model=llama-3.1-8b&hw=a100-sxm-80gb&ctx=50000")),
        ("Llama 3.1 70B on 4 × H100".to_owned(), ctx_sweep("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=50000")),
    ];
    let series = sweep_series(&sweeps, Metric::DecodeS);
    let markers = sweep_markers(&sweeps[0].1);
    assert!(!markers.is_empty(), "Yi-34B on one A100 stops fitting within 4k..1M");
    for y_log in [true, false] {
        let c = chart(&series, &markers, true, y_log);
        let (svg, layout) = sweep_svg_with_layout(&c, &ChartStyle::light(), 960, 540).unwrap();
        sample(if y_log { "sweep.svg" } else { "sweep-linear-y.svg" }, &svg);
        assert!(svg.starts_with("<svg"));
        assert!(has_text(&svg, "context (tokens)"), "{:?}", texts(&svg));
        assert!(has_text(&svg, "decode of a turn (s)"));
        assert!(has_text(&svg, "Decode of a turn vs context"));
        for s in &series {
            assert!(has_text(&svg, &s.label), "legend {}", s.label);
        }
        for (x, label) in &markers {
            if *x >= layout.x_range.0 && *x <= layout.x_range.1 {
                assert!(has_text(&svg, label), "marker {label}");
            }
        }
        // Unit-formatted ticks: seconds on y, compact counts on x.
        assert!(texts(&svg).iter().any(|t| t.ends_with(" s") || t.ends_with(" ms")), "{:?}", texts(&svg));
        assert!(has_text(&svg, "100k"), "{:?}", texts(&svg));
        let expected: usize = series.iter().map(|s| runs(&s.points, true, y_log)).sum();
        assert_eq!(polylines(&svg).len(), expected);
        assert!(expected >= series.len());
    }
    let dark = sweep_svg(&chart(&series, &markers, true, true), &ChartStyle::dark(), 960, 540).unwrap();
    assert!(dark.contains("fill=\"#181A1B\""), "dark background");
    sample("sweep-dark.svg", &dark);
}

#[test]
fn a_scaled_style_draws_the_same_chart_at_twice_the_pixels() {
    let sweeps = vec![("Yi-34B on A100 80GB".to_owned(), ctx_sweep(YI_50K))];
    let series = sweep_series(&sweeps, Metric::Concurrency);
    let markers = sweep_markers(&sweeps[0].1);
    let mut c = chart(&series, &markers, true, false);
    c.title = "Concurrent users vs context";
    c.y_label = "concurrent users";
    c.y_format = fmt_compact;
    let style = ChartStyle::light().scaled(2.0);
    let (svg, layout) = sweep_svg_with_layout(&c, &style, 1920, 1080).unwrap();
    sample("sweep-2x.svg", &svg);
    let (small, small_layout) = sweep_svg_with_layout(&c, &ChartStyle::light(), 960, 540).unwrap();
    assert!(svg.contains("stroke-width=\"4\" points="), "line width doubles");
    assert_eq!(texts(&svg), texts(&small), "same labels");
    let ratio = f64::from(layout.plot_right_px - layout.plot_left_px) / f64::from(small_layout.plot_right_px - small_layout.plot_left_px);
    assert!((ratio - 2.0).abs() < 0.05, "plot width ratio {ratio}");
}

#[test]
fn nan_splits_a_series_instead_of_dropping_to_zero() {
    let series = [Series {
        label: "gappy".into(),
        points: vec![(1.0, 5.0), (2.0, 6.0), (3.0, f64::NAN), (4.0, 7.0), (5.0, 8.0), (6.0, f64::INFINITY)],
    }];
    let (svg, layout) = sweep_svg_with_layout(&chart(&series, &[], false, false), &ChartStyle::light(), 640, 360).unwrap();
    sample("sweep-gap.svg", &svg);
    let lines = polylines(&svg);
    assert_eq!(lines.len(), 2, "one line on each side of the gap");
    assert!(lines.iter().all(|l| l.len() == 2));
    // Every vertex sits well above the zero line (y = 0 is the plot's bottom edge).
    let zero_y = layout.px_of(3.0, 0.0).unwrap().1;
    assert_eq!(zero_y, layout.plot_bottom_px);
    for &(_, y) in lines.iter().flatten() {
        assert!(y < zero_y - 50, "vertex at {y} vs zero at {zero_y}");
    }
}

#[test]
fn log_axes_skip_zero_and_negative_points() {
    let series = [Series { label: "with zero".into(), points: vec![(0.0, 0.0), (1.0, 1.0), (10.0, 10.0), (100.0, -1.0)] }];
    let (svg, layout) = sweep_svg_with_layout(&chart(&series, &[(0.0, "at zero")], true, true), &ChartStyle::light(), 640, 360).unwrap();
    sample("sweep-log-zero.svg", &svg);
    assert_eq!(polylines(&svg).len(), 1);
    assert!(layout.x_range.0 > 0.0 && layout.y_range.0 > 0.0);
    assert!(!has_text(&svg, "at zero"), "a marker at 0 has no place on a log axis");
    assert!(!texts(&svg).iter().any(|t| t.starts_with("nothing to draw")));
}

#[test]
fn a_single_point_is_a_dot() {
    let series = [Series { label: "one".into(), points: vec![(5.0, 2.0)] }];
    let svg = sweep_svg(&chart(&series, &[(5.0, "here")], false, false), &ChartStyle::light(), 640, 360).unwrap();
    assert_eq!(polylines(&svg).len(), 0);
    assert_eq!(svg.matches("<circle").count(), 1);
    assert!(has_text(&svg, "here") && has_text(&svg, "one"));
}

#[test]
fn empty_data_draws_the_frame_and_says_why() {
    let cases: [(Vec<Series>, bool, &str); 4] = [
        (vec![], false, "no data"),
        (vec![Series { label: "empty".into(), points: vec![] }], false, "no data"),
        (vec![Series { label: "nan".into(), points: vec![(1.0, f64::NAN), (2.0, f64::NAN)] }], false, "no finite values"),
        (vec![Series { label: "zeros".into(), points: vec![(1.0, 0.0), (2.0, -3.0)] }], true, "no positive values for the log y axis"),
    ];
    for (i, (series, y_log, reason)) in cases.iter().enumerate() {
        let svg = sweep_svg(&chart(series, &[], false, *y_log), &ChartStyle::light(), 640, 360).unwrap();
        if i == 3 {
            sample("sweep-empty.svg", &svg);
        }
        assert!(has_text(&svg, &format!("nothing to draw: {reason}")), "{:?}", texts(&svg));
        assert!(has_text(&svg, "context (tokens)"), "axis labels still drawn");
        assert_eq!(polylines(&svg).len(), 0);
    }
}

#[test]
fn nearest_picks_the_closest_point_in_pixels() {
    let layout = PlotLayout {
        plot_left_px: 100,
        plot_top_px: 50,
        plot_right_px: 500,
        plot_bottom_px: 350,
        x_range: (1.0, 1000.0),
        y_range: (0.0, 10.0),
        x_log: true,
        y_log: false,
    };
    let series = [
        Series { label: "a".into(), points: vec![(1.0, 0.0), (10.0, 5.0), (f64::NAN, 5.0), (1000.0, 10.0)] },
        Series { label: "b".into(), points: vec![(100.0, 2.0)] },
    ];
    // x = 10 is a third of the way across three decades: 100 + 400 / 3 ≈ 233; y = 5 is 200.
    assert_eq!(layout.px_of(10.0, 5.0), Some((233, 200)));
    assert_eq!(layout.nearest(&series, 235, 198), Some((0, 1)));
    // x = 100 → 367, y = 2 → 350 − 60 = 290.
    assert_eq!(layout.nearest(&series, 370, 300), Some((1, 0)));
    assert_eq!(layout.nearest(&series, 0, 400), Some((0, 0)));
    assert_eq!(layout.nearest(&series, 900, 0), Some((0, 3)));
    assert_eq!(layout.nearest(&[], 1, 1), None);
    assert!((layout.x_at_px(300) - 10f64.powf(1.5)).abs() < 1e-9);
    assert!((layout.y_at_px(200) - 5.0).abs() < 1e-9);
}

#[test]
fn nearest_on_a_drawn_chart_finds_the_highlighted_point() {
    let sweeps = vec![("Yi-34B".to_owned(), ctx_sweep(YI_50K))];
    let series = sweep_series(&sweeps, Metric::PrefillS);
    let drawable = series[0].points.iter().filter(|p| p.1.is_finite()).count();
    assert!(drawable > 20, "Yi-34B fits one user up to ~70k tokens");
    let target = (0, drawable / 2);
    let (x, y) = series[0].points[target.1];
    let mut c = chart(&series, &[], true, true);
    c.y_label = "prefill (s)";
    c.title = "Prefill vs context";
    c.highlight = Some(target);
    let (svg, layout) = sweep_svg_with_layout(&c, &ChartStyle::light(), 960, 540).unwrap();
    sample("sweep-highlight.svg", &svg);
    let (px, py) = layout.px_of(x, y).unwrap();
    assert!(layout.contains(px, py));
    assert_eq!(layout.nearest(&series, px + 1, py - 1), Some(target));
    assert!(has_text(&svg, &format!("{}, {}", fmt_compact(x), fmt_s(y))), "{:?}", texts(&svg));
    assert!(svg.contains("<circle"));
    // A stale highlight (after the data shrank) is ignored, not an error.
    c.highlight = Some((3, 9999));
    assert!(sweep_svg(&c, &ChartStyle::light(), 960, 540).is_ok());
}

#[test]
fn too_many_series_and_bad_sizes_are_errors() {
    let s: Vec<Series> = (0..9).map(|i| Series { label: format!("s{i}"), points: vec![(1.0, 1.0)] }).collect();
    let err = sweep_svg(&chart(&s, &[], false, false), &ChartStyle::light(), 640, 360).unwrap_err();
    assert_eq!(err, ChartError::TooManySeries { count: 9, max: 8 });
    assert!(err.to_string().contains("at most 8"));
    let err = sweep_svg(&chart(&s[..1], &[], false, false), &ChartStyle::light(), 0, 360).unwrap_err();
    assert!(matches!(err, ChartError::InvalidSize { .. }));
}

#[test]
fn memory_bar_labels_every_part_with_size_and_share() {
    let e = evaluated("model=yi-34b&hw=a100-sxm-80gb&ctx=4000&users=100");
    let svg = memory_report_svg(&e.report, &ChartStyle::light(), false, 960, 300).unwrap();
    sample("memory.svg", &svg);
    let t = texts(&svg);
    assert!(t.iter().any(|x| x.starts_with("Memory of one GPU") && x.ends_with("GB HBM")), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("weights = ") && x.contains("GB (")), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("KV 17 users × ") && x.contains('%')), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("reserve = ")));
    assert!(t.iter().any(|x| x.starts_with("free = ")));
    let binary = memory_svg(&e.report.memory, &ChartStyle::dark(), true, 960, 300).unwrap();
    assert!(texts(&binary).iter().any(|x| x.contains("GiB")));
    assert!(texts(&binary).iter().any(|x| x.starts_with("KV cache = ")));
    let zero = costmodel::report::MemoryBreakdown { hbm_bytes: 0.0, weights_bytes: 0.0, kv_bytes: 0.0, reserve_bytes: 0.0, free_bytes: f64::NAN };
    let svg = memory_svg(&zero, &ChartStyle::light(), false, 640, 200).unwrap();
    assert!(texts(&svg).iter().any(|t| t.starts_with("nothing to draw")));
    // Weights larger than HBM: the bar is over-committed and says where HBM ends.
    let big = evaluated("model=llama-3.1-405b&hw=a100-sxm-80gb&ctx=4000");
    let svg = memory_report_svg(&big.report, &ChartStyle::light(), false, 960, 300).unwrap();
    sample("memory-overcommitted.svg", &svg);
    assert!(texts(&svg).iter().any(|x| x.starts_with("HBM ends")), "{:?}", texts(&svg));
}

#[test]
fn timeline_draws_lanes_capped_with_a_more_lane() {
    let e = evaluated("model=yi-34b&hw=a100-sxm-80gb&ctx=2000&users=100");
    let batch = e.report.batch;
    assert!(batch > MAX_LANES as f64, "batch {batch}");
    let svg = timeline_svg(&e.report, &ChartStyle::light(), 960, 540).unwrap();
    sample("timeline.svg", &svg);
    let t = texts(&svg);
    assert!(has_text(&svg, "user 1") && has_text(&svg, "user 16") && !has_text(&svg, "user 17"), "{t:?}");
    assert!(has_text(&svg, &format!("+{} more", batch as usize - MAX_LANES)), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("prefill ")));
    assert!(t.iter().any(|x| x.starts_with("decode ")));
    assert!(t.iter().any(|x| x.starts_with("context switch (swap) ")), "{t:?}");
    assert!(has_text(&svg, "time within one cycle"));
    assert!(t.iter().any(|x| x.ends_with(" s")), "seconds ticks {t:?}");

    let small = evaluated(YI_50K);
    let svg = timeline_svg(&small.report, &ChartStyle::dark(), 960, 300).unwrap();
    sample("timeline-one-user.svg", &svg);
    assert!(has_text(&svg, "user 1") && !texts(&svg).iter().any(|x| x.ends_with("more")));

    let none = evaluated("model=yi-34b&hw=a100-sxm-80gb&ctx=10000000");
    let svg = timeline_svg(&none.report, &ChartStyle::light(), 960, 300).unwrap();
    sample("timeline-no-fit.svg", &svg);
    let joined = texts(&svg).join(" ");
    assert!(joined.contains("nothing fits: one user's KV cache needs"), "{joined}");
}

#[test]
fn cheap_shows_bars_ratios_and_stacks() {
    let e = evaluated("model=llama-3.1-8b&hw=h200");
    let c = cheap_as(&e.inputs, LONG_CTX_TOKENS, SHORT_CTX_TOKENS);
    assert!(c.long_gpu_s_per_turn.is_some() && c.needed_factor.is_some() && !c.stacks.is_empty());
    let svg = cheap_svg(&c, &ChartStyle::light(), 960, 540).unwrap();
    sample("cheap.svg", &svg);
    let t = texts(&svg);
    let joined = t.join(" ");
    assert!(has_text(&svg, "4k tokens") && has_text(&svg, "1M tokens"), "{t:?}");
    assert!(has_text(&svg, "GPU-seconds per turn (log scale)"));
    assert_eq!(t.iter().filter(|x| x.ends_with("GPU·s")).count(), 3, "a value on each bar: {t:?}");
    assert!(joined.contains("1M costs 310×"), "{joined}");
    assert!(joined.contains("KV factor that makes decode and switching as cheap: 0.00412"), "{joined}");
    for st in c.stacks.iter().take(charts::STACKS_SHOWN) {
        assert!(joined.contains(&st.methods.join(" + ")), "{joined}");
    }

    // Yi-34B on one A100: 1M does not fit uncompressed; the bar says so and the text explains.
    let yi = evaluated(YI_50K);
    let c = cheap_as(&yi.inputs, LONG_CTX_TOKENS, SHORT_CTX_TOKENS);
    let svg = cheap_svg(&c, &ChartStyle::dark(), 960, 540).unwrap();
    sample("cheap-long-does-not-fit.svg", &svg);
    assert!(has_text(&svg, "does not fit"));
    assert!(texts(&svg).join(" ").contains("1M tokens do not fit uncompressed"));

    // Neither fits: a message, not an error.
    let none = costmodel::cheap::CheapAs {
        long_gpu_s_per_turn: None,
        short_gpu_s_per_turn: None,
        cost_ratio: None,
        kv_cost_ratio: None,
        needed_factor: None,
        ratio_at_needed: None,
        stacks: vec![],
        ..c
    };
    let svg = cheap_svg(&none, &ChartStyle::light(), 640, 360).unwrap();
    assert!(texts(&svg).iter().any(|t| t.starts_with("nothing to draw")), "{:?}", texts(&svg));
}

/// On a narrow chart (a phone) a long title wraps at spaces instead of running off both
/// edges: "1M vs 4k tokens of context: GPU-seconds per turn" is one <text> at 960 px and
/// consecutive <text> lines at 360 px that read as the title when joined.
#[test]
fn a_long_title_wraps_on_a_narrow_chart() {
    let e = evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4");
    let c = cheap_as(&e.inputs, LONG_CTX_TOKENS, SHORT_CTX_TOKENS);
    let title = "1M vs 4k tokens of context: GPU-seconds per turn";
    let wide = texts(&cheap_svg(&c, &ChartStyle::light(), 960, 540).unwrap());
    assert!(wide.iter().any(|t| t == title), "{wide:?}");
    let narrow_svg = cheap_svg(&c, &ChartStyle::light(), 360, 480).unwrap();
    sample("cheap-narrow.svg", &narrow_svg);
    let narrow = texts(&narrow_svg);
    assert!(!narrow.iter().any(|t| t == title), "not on one line: {narrow:?}");
    let first = narrow.iter().position(|t| title.starts_with(t.as_str())).expect("the title's first line");
    let mut joined = String::new();
    let mut lines = 0;
    for t in &narrow[first..] {
        joined = if joined.is_empty() { t.clone() } else { format!("{joined} {t}") };
        lines += 1;
        if joined.len() >= title.len() {
            break;
        }
    }
    assert_eq!(joined, title);
    assert!(lines >= 2, "{lines} lines");
}

/// With an engine the bar is the engine's split of the CUDA-reported memory (P04 of
/// crates/costmodel/tests/fixtures/engine-logs/vllm-0.19-h100.md: vLLM 0.19 logged weights 14.99
/// GiB, Available KV cache memory 58.11 GiB on an H100 reporting 79.19 GiB).
#[test]
fn memory_bar_splits_the_engine_way() {
    let e = evaluated("model=llama-3.1-8b&hw=h100-sxm&engine=vllm&gpu_util=0.95&ctx=8192");
    let svg = memory_report_svg(&e.report, &ChartStyle::light(), true, 960, 300).unwrap();
    sample("memory-engine.svg", &svg);
    let t = texts(&svg);
    assert!(t.iter().any(|x| x.starts_with("Memory of one GPU as vLLM plans it: 79.2 GiB")), "{t:?}");
    for part in ["weights as loaded = 15.0 GiB", "activation peak = ", "non-torch = ", "KV cache = 58.", "left unused = 3.96 GiB"] {
        assert!(t.iter().any(|x| x.starts_with(part)), "{part}: {t:?}");
    }
    // vLLM 0.19 does not count CUDA graphs before the cache: no such part.
    assert!(!t.iter().any(|x| x.starts_with("CUDA graphs")), "{t:?}");
}

// serving (issue 9)
/// The load chart: one throughput line per panel (two polylines), the knee and both objectives
/// labelled, the scenario's point highlighted with its readout.
#[test]
fn load_chart_draws_both_panels_with_knee_and_objectives() {
    let (s, w) = costmodel::url::from_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=8000&out=500&mode=realistic&engine=vllm&think_s=5&slo_ttft_s=2&slo_tpot_s=0.05");
    assert!(w.is_empty());
    let curve = costmodel::sweep::load_curve(&s, &costmodel::sweep::load_users(&s, 30));
    let knee = curve.saturation_users.unwrap();
    let svg = charts::load_svg(&curve, &charts::ChartStyle::light(), 960, 540, Some(5)).unwrap();
    assert_eq!(svg.matches("<polyline").count(), 2, "one line per panel");
    assert_eq!(svg.matches(&format!("knee: {knee:.0} users")).count(), 2, "the knee on both panels");
    assert!(svg.contains("TPOT objective") && svg.contains("TTFT objective"));
    assert!(svg.contains("tok/s"), "readout and ticks in tok/s");
}

/// Calls of the counting measurer below (this test's thread only).
static MEASURED_CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A host measurer with round numbers: 7 px per character, 15 px high.
fn counting_measurer(_family: &str, _size_px: f64, _bold: bool, text: &str) -> Option<(u32, u32)> {
    MEASURED_CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    Some((7 * text.chars().count() as u32, 15))
}

#[test]
fn text_is_measured_once_per_font_and_text_and_a_host_measurer_is_used() {
    use std::sync::atomic::Ordering::SeqCst;
    let sweeps = vec![("Yi-34B on A100 80GB".to_owned(), ctx_sweep(YI_50K))];
    let series = sweep_series(&sweeps, Metric::DecodeS);
    let markers = sweep_markers(&sweeps[0].1);
    let c = chart(&series, &markers, true, true);
    // Without a measurer: plotters' own estimate, and a second draw is the same document (the
    // remembered sizes are what measuring again returns).
    let first = sweep_svg(&c, &ChartStyle::light(), 1200, 750).unwrap();
    assert_eq!(sweep_svg(&c, &ChartStyle::light(), 1200, 750).unwrap(), first);

    charts::set_text_measurer(Some(counting_measurer));
    let hosted = sweep_svg(&c, &ChartStyle::light(), 1200, 750).unwrap();
    let calls = MEASURED_CALLS.load(SeqCst);
    // Labels, ticks, title, legend, markers: each distinct (font, text) once.
    assert!(calls >= 10, "the host measurer measured the labels ({calls} calls)");
    // A redraw of the same chart measures nothing new and draws the same document.
    assert_eq!(sweep_svg(&c, &ChartStyle::light(), 1200, 750).unwrap(), hosted);
    assert_eq!(MEASURED_CALLS.load(SeqCst), calls, "a redraw measured no text again");
    // The layout follows the host's sizes: a 7 px/char width differs from plotters' estimate.
    assert_ne!(hosted, first);
    charts::set_text_measurer(None);
    assert_eq!(sweep_svg(&c, &ChartStyle::light(), 1200, 750).unwrap(), first);
}

//! `kvscope render`: the built binary draws every chart kind into an SVG file with the same
//! chart code as the web app, and rejects a bad flag by name with exit code 2.

use std::path::PathBuf;
use std::process::{Command, Output};

const QUERY: &str = "model=yi-34b&hw=a100-sxm-80gb&ctx=50000";

fn kvscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kvscope")).args(args).output().expect("kvscope runs")
}

/// A fresh file per call: the tests run in parallel, and two of them render the same chart
/// kind (a shared name let one test delete the other's file before it was read).
fn out_path(name: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{n}-{name}", std::process::id()))
}

/// Renders one chart kind and returns the file's text.
fn render(kind: &str, extra: &[&str]) -> String {
    let path = out_path(&format!("render-{kind}.svg"));
    let _ = std::fs::remove_file(&path);
    let path_s = path.to_str().expect("utf-8 temp path");
    let mut args = vec!["render", QUERY, "-o", path_s, "--chart", kind];
    args.extend_from_slice(extra);
    let out = kvscope(&args);
    assert!(out.status.success(), "{kind}: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_to_string(&path).expect("the SVG was written")
}

#[test]
fn renders_every_chart_kind_to_svg() {
    let sweep = render("sweep", &["--x", "ctx", "--from", "4000", "--to", "1000000", "--points", "60", "--y", "decode_s"]);
    assert!(sweep.starts_with("<svg"));
    assert!(sweep.contains("context (tokens)"), "x-axis label");
    assert!(sweep.contains("decode of a turn (s)"), "y-axis label");
    assert!(sweep.contains("yi-34b on 1 × a100-sxm-80gb"), "legend");
    assert!(sweep.contains("<polyline"), "the series");

    let memory = render("memory", &["--width", "800", "--height", "240", "--binary"]);
    assert!(memory.starts_with("<svg width=\"800\" height=\"240\""));
    assert!(memory.contains("Memory of one GPU") && memory.contains("GiB"));

    let timeline = render("timeline", &["--dark"]);
    assert!(timeline.starts_with("<svg"));
    assert!(timeline.contains("time within one cycle"), "x-axis label");

    let cheap = render("cheap", &[]);
    assert!(cheap.starts_with("<svg"));
    assert!(cheap.contains("GPU-seconds per turn (log scale)"), "x-axis label");
}

#[test]
fn sweep_of_another_input_and_metric() {
    let svg = render("sweep", &["--x", "users", "--from", "1", "--to", "64", "--y", "turns_per_s", "--linear", "--y-scale", "linear"]);
    assert!(svg.contains(">\nusers\n</text>"), "x-axis label");
    assert!(svg.contains("turns per second"), "y-axis label");
}

#[test]
fn bad_flags_exit_2_and_name_the_flag() {
    let path = out_path("render-bad.svg");
    let path_s = path.to_str().expect("utf-8 temp path");
    for (flag, value, allowed) in [
        ("--chart", "pie", "sweep, memory, timeline, cheap"),
        ("--y", "speed", "decode_s"),
        ("--x", "heads", "kv_head"),
        ("--y-scale", "sqrt", "auto, log, linear"),
        ("--width", "0", "from 1 to"),
    ] {
        let out = kvscope(&["render", QUERY, "-o", path_s, flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("`{flag}`")) && err.contains(allowed), "{flag}: {err}");
    }
    assert!(!path.exists(), "nothing written on bad input");
}

//! `kvscope`: evaluate, sweep and compare KV Scope scenarios from the command line. Every
//! command takes the same query string (or whole URL) the web app shares, and computes with the
//! same `costmodel` crate, so the numbers are the ones the page shows.
//!
//! Exit codes: 0 success, 2 bad input (the message names the key and the allowed values).

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use costmodel::cheap::{cheap_as, LONG_CTX_TOKENS, SHORT_CTX_TOKENS};
use costmodel::sweep::{sweep, sweep_xs, SweepInput};
use costmodel::units::{fmt_bytes, fmt_count, fmt_percent, fmt_seconds, fmt_sig};
use costmodel::Report;

/// Exit code for bad input.
const EXIT_BAD_INPUT: u8 = 2;

#[derive(Parser)]
#[command(name = "kvscope", version, about = "The cost of serving long-context transformers: Yao Fu's four metrics, from a KV Scope link")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// A Hugging Face config.json to use as the model (for `hf=<owner/name>` links, which the
    /// CLI does not fetch: it may run offline). Its name is `_name_or_path`, else the id's last part.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate a scenario: `kvscope eval 'model=yi-34b&hw=a100-sxm-80gb&ctx=50000'`.
    Eval {
        /// Query string or whole KV Scope URL.
        query: String,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Also print "show the math" for every output.
        #[arg(long)]
        math: bool,
        /// Keep defaults for bad keys (as the web app does) instead of failing.
        #[arg(long)]
        lenient: bool,
    },
    /// Sweep one input: `kvscope sweep 'model=yi-34b' --x ctx --from 4000 --to 1000000 --points 50`.
    Sweep {
        /// Query string or whole KV Scope URL.
        query: String,
        /// The input to vary (ctx, out, users, tp, reuse, kv_bits, w_bits, kv_layer, kv_head, kv_token, kv_hidden).
        #[arg(long, default_value = "ctx")]
        x: String,
        /// First value.
        #[arg(long)]
        from: f64,
        /// Last value.
        #[arg(long)]
        to: f64,
        /// Number of points (1 to 10,000).
        #[arg(long, default_value_t = 50)]
        points: usize,
        /// Evenly spaced instead of log-spaced.
        #[arg(long)]
        linear: bool,
        /// Print CSV.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Print JSON (points and regime markers).
        #[arg(long)]
        json: bool,
        /// Keep defaults for bad keys instead of failing.
        #[arg(long)]
        lenient: bool,
    },
    /// The paper's running example beside this model's numbers, with the reason for each difference.
    Paper {
        /// Print JSON rows {id, paper_value, model_value, unit, note}.
        #[arg(long)]
        json: bool,
    },
    /// How much a long context costs against a short one, and which compression closes the gap.
    Cheap {
        /// Query string or whole KV Scope URL.
        query: String,
        /// Long context (tokens).
        #[arg(long, default_value_t = LONG_CTX_TOKENS)]
        long: f64,
        /// Short context (tokens).
        #[arg(long, default_value_t = SHORT_CTX_TOKENS)]
        short: f64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List preset ids: models, hardware and compression methods.
    List {
        /// Also print each model's and accelerator's source note (datasheets, papers, configs).
        #[arg(long)]
        sources: bool,
        /// Print only the source notes, as the JSON file the web app fetches
        /// (`kvscope list --sources-json > assets/preset-sources.json`).
        #[arg(long, conflicts_with = "sources")]
        sources_json: bool,
    },
    /// Draw a chart of a scenario into an SVG file, with the web app's chart code:
    /// `kvscope render 'model=yi-34b&ctx=50000' -o chart.svg --chart sweep --y decode_s`.
    Render {
        /// Query string or whole KV Scope URL.
        query: String,
        /// Output SVG file (`-` for standard output).
        #[arg(short = 'o', long = "output")]
        output: String,
        /// The chart: sweep, memory, timeline, cheap or load.
        #[arg(long, default_value = "sweep")]
        chart: String,
        /// Sweep: the input to vary (ctx, out, users, tp, reuse, kv_bits, w_bits, kv_layer, kv_head, kv_token, kv_hidden).
        #[arg(long, default_value = "ctx")]
        x: String,
        /// Sweep: first value (default 4000 for ctx, else the input's lowest).
        #[arg(long)]
        from: Option<f64>,
        /// Sweep: last value (default 1000000 for ctx, else the input's highest).
        #[arg(long)]
        to: Option<f64>,
        /// Sweep: number of points (1 to 10,000).
        #[arg(long, default_value_t = 200)]
        points: usize,
        /// Sweep: the metric on y (concurrency, prefill_s, decode_step_s, decode_s, ...).
        #[arg(long, default_value = "decode_s")]
        y: String,
        /// Sweep: y axis scale: auto (log when the values span two decades), log or linear.
        #[arg(long = "y-scale", default_value = "auto")]
        y_scale: String,
        /// Sweep: evenly spaced x on a linear axis instead of log.
        #[arg(long)]
        linear: bool,
        /// Width (px).
        #[arg(long, default_value_t = 960)]
        width: u32,
        /// Height (px).
        #[arg(long, default_value_t = 540)]
        height: u32,
        /// Dark colours.
        #[arg(long)]
        dark: bool,
        /// Memory: sizes in GiB instead of GB.
        #[arg(long)]
        binary: bool,
        /// Keep defaults for bad keys instead of failing.
        #[arg(long)]
        lenient: bool,
    },
    // serving (issue 9)
    /// The load curve under continuous batching: throughput, TTFT and TPOT against offered users,
    /// `kvscope load 'model=llama-3.1-70b&hw=h100-sxm&tp=4&mode=realistic&engine=vllm'`.
    Load {
        /// Query string or whole KV Scope URL (`sched` is set to continuous).
        query: String,
        /// Users to evaluate, comma-separated (default: log-spaced from 1 to twice the knee).
        #[arg(long)]
        users: Option<String>,
        /// Number of default points (2 to 200).
        #[arg(long, default_value_t = 24)]
        points: usize,
        /// Print JSON (the points, the knee, the summary).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV.
        #[arg(long)]
        csv: bool,
        /// Keep defaults for bad keys instead of failing.
        #[arg(long)]
        lenient: bool,
    },
}

fn main() -> ExitCode {
    // Rust starts programs with SIGPIPE ignored, so printing into a pipe whose reader has gone
    // (`kvscope list --sources | head`) made println! panic with a backtrace. With the default
    // action the process ends quietly, as other Unix tools do.
    #[cfg(unix)]
    // SAFETY: called first thing, before any other thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(EXIT_BAD_INPUT) } else { ExitCode::SUCCESS };
        }
    };
    if let Some(path) = cli.config {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let _ = CONFIG.set((path.display().to_string(), text));
            }
            Err(e) => {
                eprintln!("kvscope: could not read `--config` {}: {e}", path.display());
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        }
    }
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("kvscope: {message}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Eval { query, json, math, lenient } => eval(&query, json, math, lenient),
        Command::Sweep { query, x, from, to, points, linear, csv, json, lenient } => {
            sweep_cmd(&query, &x, from, to, points, !linear, csv, json, lenient)
        }
        Command::Paper { json } => paper(json),
        Command::Cheap { query, long, short, json } => cheap(&query, long, short, json),
        Command::List { sources, sources_json } => {
            if sources_json {
                print!("{}", costmodel::presets::sources_json());
            } else {
                list(sources);
            }
            Ok(())
        }
        Command::Render {
            query,
            output,
            chart,
            x,
            from,
            to,
            points,
            y,
            y_scale,
            linear,
            width,
            height,
            dark,
            binary,
            lenient,
        } => render(&RenderArgs {
            query: &query,
            output: &output,
            chart: &chart,
            x: &x,
            from,
            to,
            points,
            y: &y,
            y_scale: &y_scale,
            linear,
            width,
            height,
            dark,
            binary,
            lenient,
        }),
        // serving (issue 9)
        Command::Load { query, users, points, json, csv, lenient } => load_cmd(&query, users.as_deref(), points, json, csv, lenient),
    }
}

// serving (issue 9)
/// `kvscope load`: the load curve as a table, CSV or JSON.
fn load_cmd(query: &str, users: Option<&str>, points: usize, json: bool, csv: bool, lenient: bool) -> Result<(), String> {
    let e = evaluated(query, lenient)?;
    let xs: Vec<f64> = match users {
        Some(list) => list
            .split(',')
            .map(|u| {
                costmodel::scenario::field_by_key("users")
                    .ok_or_else(|| "no users field".to_owned())
                    .and_then(|f| f.parse(u).map_err(|err| format!("--users: {err}")))
            })
            .collect::<Result<_, _>>()?,
        None => costmodel::sweep::load_users(&e.scenario, points),
    };
    let curve = costmodel::sweep::load_curve(&e.scenario, &xs);
    let summary = costmodel::sweep::load_summary(&curve);
    if json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            curve: &'a costmodel::sweep::LoadCurve,
            summary: &'a str,
        }
        println!("{}", to_json(&Out { curve: &curve, summary: &summary })?);
        return Ok(());
    }
    if csv {
        println!("users,requests_per_s,output_tokens_per_s_per_gpu,output_tokens_per_s_per_user,ttft_p50_s,ttft_p95_s,tpot_s,goodput_requests_per_s,usd_per_million_output_tokens,saturated");
        for p in &curve.points {
            println!(
                "{},{},{},{},{},{},{},{},{},{}",
                p.users,
                p.requests_per_s,
                p.output_tokens_per_s_per_gpu,
                p.output_tokens_per_s_per_user,
                p.ttft_p50_s,
                p.ttft_p95_s,
                p.tpot_s,
                p.goodput_requests_per_s,
                p.usd_per_million_output_tokens.map_or(String::new(), |v| v.to_string()),
                p.saturated
            );
        }
        return Ok(());
    }
    println!("{summary}
");
    println!("{:>8} {:>10} {:>12} {:>12} {:>10} {:>10} {:>10}", "users", "req/s", "tok/s/GPU", "tok/s/user", "TTFT p50", "TTFT p95", "TPOT");
    for p in &curve.points {
        println!(
            "{:>8} {:>10} {:>12} {:>12} {:>10} {:>10} {:>10}{}",
            fmt_count(p.users),
            fmt_sig(p.requests_per_s),
            fmt_sig(p.output_tokens_per_s_per_gpu),
            fmt_sig(p.output_tokens_per_s_per_user),
            fmt_seconds(p.ttft_p50_s),
            fmt_seconds(p.ttft_p95_s),
            fmt_seconds(p.tpot_s),
            if p.saturated { "  saturated" } else { "" }
        );
    }
    Ok(())
}

/// `--config`: the file's path and text, read once before any command runs.
static CONFIG: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();

/// The scenario of `query` with the model of `--config` (issue 10): the file's architecture
/// becomes the model, named `_name_or_path`, else the last part of `hf=`, else the link's
/// `name=`. Without `--config`, a link with `hf=` but no `arch=` is refused: the CLI does not
/// fetch.
fn scenario_of(query: &str) -> Result<(costmodel::Scenario, Vec<String>), String> {
    let (mut s, warnings) = costmodel::url::from_query(query);
    let warnings: Vec<String> = warnings.into_iter().map(|w| w.message).collect();
    match (CONFIG.get(), &s.hf) {
        (Some((path, text)), _) => {
            let m = costmodel::hf::import_config(text, s.hf.as_deref(), s.name.as_deref()).map_err(|e| format!("`--config` {path}: {e}"))?;
            for note in &m.notes {
                eprintln!("kvscope: --config {path}: {note}");
            }
            s.custom = Some(m.spec);
            s.name = Some(m.name);
        }
        (None, Some(id)) if s.custom.is_none() => {
            return Err(format!(
                "`hf={id}`: the CLI does not fetch from the network; download {} and pass it with `--config FILE` (or use the page's link, which carries `arch=`)",
                costmodel::hf::config_url(id)
            ));
        }
        _ => {}
    }
    Ok((s, warnings))
}

/// The model as a reader knows it: an imported model by its name (issue 11), else the preset id.
fn model_name(s: &costmodel::Scenario) -> String {
    match (&s.custom, &s.name) {
        (Some(_), Some(name)) => name.clone(),
        (Some(_), None) => "an imported model".to_owned(),
        _ => s.model.clone(),
    }
}

/// Evaluates a query; bad keys are an error unless `lenient`.
fn evaluated(query: &str, lenient: bool) -> Result<costmodel::Evaluated, String> {
    let (scenario, warnings) = scenario_of(query)?;
    let e = costmodel::evaluate_scenario(scenario, warnings);
    if !lenient && e.url_warnings > 0 {
        let msgs: Vec<&str> = e.report.warnings[..e.url_warnings].iter().map(String::as_str).collect();
        return Err(format!("{}\n(--lenient keeps the defaults for these, as the web app does)", msgs.join("\n")));
    }
    Ok(e)
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v).map_err(|e| format!("could not write JSON: {e}"))
}

fn eval(query: &str, json: bool, math: bool, lenient: bool) -> Result<(), String> {
    let e = evaluated(query, lenient)?;
    if json {
        if math {
            let lines = costmodel::math::explain(&e.inputs, &e.report);
            let both = serde_json::json!({ "report": e.report, "math": lines });
            println!("{}", to_json(&both)?);
        } else {
            println!("{}", to_json(&e.report)?);
        }
        return Ok(());
    }
    print!("{}", text_report(&e));
    if math {
        println!("\nShow the math:");
        for l in costmodel::math::explain(&e.inputs, &e.report) {
            println!("  {}: {}\n      = {}\n      = {}", l.id, l.formula, l.substituted, l.result);
        }
    }
    Ok(())
}

// parallel (issue 13)
/// `Deployment …` lines: GPUs, weights per GPU, users, tokens/s per GPU, communication, PD pools.
fn deployment_line(e: &costmodel::Evaluated) -> Option<String> {
    let r = &e.report;
    let d = &e.inputs.deploy;
    let gb = |x: f64| fmt_bytes(x, false);
    let mut out = format!(
        "Deployment        {} GPUs (tp {} × pp {} × dp {}, ep {}) · weights {} per GPU · {} users fit · {} tokens/s per GPU",
        r.gpus?,
        e.inputs.tp,
        d.pp,
        costmodel::deploy::replicas(&e.inputs),
        d.ep,
        gb(r.weights_bytes_per_gpu?),
        fmt_count(r.deployment_users?),
        r.tokens_per_s_per_gpu.map_or_else(|| "–".to_owned(), |t| format!("{t:.0}"))
    );
    if let Some(c) = r.deploy_comm_s.filter(|c| *c > 0.0) {
        out.push_str(&format!(" · EP/PP comm {} per step", fmt_seconds(c)));
    }
    if let Some(b) = r.pp_bubble.filter(|b| *b > 0.0) {
        out.push_str(&format!(" · prefill bubble {:.0}%", b * 100.0));
    }
    out.push('\n');
    for (name, pool) in [("prefill", &r.prefill_pool), ("decode", &r.decode_pool)] {
        if let Some(p) = pool {
            out.push_str(&format!(
                "  {name} pool      {} GPUs ({} replicas, ep {}) · weights {} per GPU · {:.0} tokens/s per GPU · bound by {}\n",
                p.gpus,
                p.replicas,
                p.ep,
                gb(p.weights_bytes_per_gpu),
                p.tokens_per_s_per_gpu,
                p.bound.label()
            ));
        }
    }
    if let (Some(t), Some(x)) = (r.kv_transfer_s, r.kv_transfer_exposed_s) {
        out.push_str(&format!("  KV transfer     {} per prompt, {} of it in TTFT\n", fmt_seconds(t), fmt_seconds(x)));
    }
    Some(out)
}

fn opt_s(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), fmt_seconds)
}

fn text_report(e: &costmodel::Evaluated) -> String {
    let r: &Report = &e.report;
    let s = &e.scenario;
    let gb = |x: f64| fmt_bytes(x, false);
    let mut out = String::new();
    let model = model_name(s);
    out.push_str(&format!(
        "{} on {} × {} · {} tokens of context · {} generated · {} users · {} mode\n\n",
        model,
        s.tp,
        s.hw,
        fmt_count(s.ctx_tokens),
        fmt_count(s.out_tokens),
        fmt_count(s.users),
        s.mode.as_str()
    ));
    out.push_str(&format!("KV cache          {} bytes per token, {} per user ({} per GPU)\n", fmt_count(r.kv_bytes_per_token), gb(r.kv_bytes_per_user), gb(r.kv_bytes_per_user_per_gpu)));
    // arch (issue 10): recurrent layers' constant state, part of the per-user figure.
    if let (Some(state), Some(kinds)) = (r.state_bytes_per_user, &r.state_kinds) {
        out.push_str(&format!("  of which        {} of constant {kinds} state per user, at any context\n", gb(state)));
    }
    out.push_str(&format!("Concurrency       {} users fit (bounded by HBM capacity)\n", fmt_count(r.concurrency)));
    // parallel (issue 13): the deployment line.
    if let Some(line) = deployment_line(e) {
        out.push_str(&line);
    }
    if let Some(d) = &r.engine_detail {
        out.push_str(&format!(
            "\nWhat {} will log (gpu_util {}, max_batched_tokens {}, {:.2} GiB reported to CUDA):\n",
            d.engine.label(),
            d.gpu_util,
            fmt_count(d.max_batched_tokens),
            d.device_bytes / costmodel::units::GIB
        ));
        for line in &d.log_lines {
            out.push_str(&format!("  {line}\n"));
        }
        if let Some(err) = &r.engine_error {
            out.push_str(&format!("Engine does not start: {err}\n"));
        }
        for note in &d.notes {
            out.push_str(&format!("  note: {note}\n"));
        }
        out.push('\n');
    }
    if let Some(nf) = &r.no_fit {
        out.push_str(&format!("Does not fit      {}\n", nf.reason));
        if let Some(ctx) = nf.max_ctx_tokens {
            out.push_str(&format!("                  longest context that fits one user: {} tokens\n", fmt_count(ctx)));
        }
        if let Some(tp) = nf.min_tp {
            out.push_str(&format!("                  fewest GPUs that fit one user: {tp}\n"));
        }
    }
    if r.no_fit.is_some() {
        for w in &r.warnings {
            out.push_str(&format!("warning: {w}\n"));
        }
        return out;
    }
    let bound = |p: Option<costmodel::roofline::PhaseTime>| p.map_or("", |p| if p.bound == costmodel::roofline::Bound::Compute { "FLOP/s" } else { "HBM bandwidth" });
    out.push_str(&format!("Prefilling        {} per prompt (bounded by {}; attention {} of FLOP)\n", opt_s(r.prefill_s), bound(r.prefill), fmt_percent(r.kv_share.prefill_flop)));
    out.push_str(&format!(
        "Decoding          {} per step at batch {}, {} for the turn (bounded by {}; KV {} of bytes)\n",
        opt_s(r.decode_step_s),
        fmt_count(r.batch),
        opt_s(r.decode_s),
        bound(r.decode_step),
        fmt_percent(r.kv_share.decode_bytes)
    ));
    out.push_str(&format!(
        "Context switching {} ({}; swap {}, recompute {})\n",
        opt_s(r.context_switch_s),
        match r.switch_kind {
            Some(costmodel::report::SwitchKind::Swap) => "swap over the host link",
            Some(costmodel::report::SwitchKind::Recompute) => "recompute is cheaper",
            None => "–",
        },
        opt_s(r.swap_s),
        opt_s(r.recompute_s)
    ));
    out.push_str(&format!(
        "Session           {} turns/s, {} output tokens/s, TTFT {}, TPOT {}; bounded by {}\n",
        r.turns_per_s.map_or("–".to_owned(), fmt_sig),
        r.output_tokens_per_s.map_or("–".to_owned(), fmt_sig),
        opt_s(r.ttft_s),
        opt_s(r.tpot_s),
        r.bound.label()
    ));
 // serving (issue 9)
    if let (Some(c), Some(p95)) = (&r.serving, r.ttft_p95_s) {
        out.push_str(&format!(
            "Serving           continuous batching: {} running (cap {}), TTFT p50 {} p95 {}, TPOT {}, {} output tok/s per GPU, {} per user{}\n",
            fmt_sig(c.mix.running),
            fmt_count(c.limits.running_cap),
            opt_s(r.ttft_s),
            fmt_seconds(p95),
            opt_s(r.tpot_s),
            r.output_tokens_per_s_per_gpu.map_or("–".to_owned(), fmt_sig),
            r.output_tokens_per_s_per_user.map_or("–".to_owned(), fmt_sig),
            match (r.saturated, r.saturation_users) {
                (Some(true), Some(n)) => format!("; saturated at {} users", fmt_count(n)),
                _ => String::new(),
            }
        ));
    }
    if let Some(usd) = r.usd_per_turn {
        out.push_str(&format!(
            "Cost              ${} per turn, ${} per million output tokens\n",
            fmt_sig(usd),
            r.usd_per_million_output_tokens.map_or("–".to_owned(), fmt_sig)
        ));
    }
    let m = &r.memory;
    out.push_str(&format!(
        "Memory per GPU    {} = weights {} + KV {} + reserve {} + free {}\n",
        gb(m.hbm_bytes),
        gb(m.weights_bytes),
        gb(m.kv_bytes),
        gb(m.reserve_bytes),
        gb(m.free_bytes)
    ));
    for w in &r.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn sweep_cmd(query: &str, x: &str, from: f64, to: f64, points: usize, log: bool, csv: bool, json: bool, lenient: bool) -> Result<(), String> {
    let input = SweepInput::from_key(x).ok_or_else(|| {
        let keys: Vec<&str> = SweepInput::ALL.iter().map(|i| i.key()).collect();
        format!("`--x` must be one of {}; got {x:?}", keys.join(", "))
    })?;
    let (lo, hi) = input.range();
    for (name, v) in [("--from", from), ("--to", to)] {
        if !v.is_finite() || v < lo || v > hi {
            return Err(format!("`{name}` for `{x}` must be from {lo} to {hi}; got {v}"));
        }
    }
    if !(1..=costmodel::sweep::MAX_POINTS).contains(&points) {
        return Err(format!("`--points` must be from 1 to {}; got {points}", costmodel::sweep::MAX_POINTS));
    }
    let e = evaluated(query, lenient)?;
    let xs = sweep_xs(input, from, to, points, log && from > 0.0);
    let result = sweep(&e.inputs, input, &xs);
    if json {
        println!("{}", to_json(&result)?);
    } else if csv {
        print!("{}", costmodel::sweep::sweep_csv(&result));
    } else {
        println!("{:>14} {:>10} {:>12} {:>12} {:>12} {:>12}", input.key(), "users", "prefill", "decode", "switch", "turns/s");
        for p in &result.points {
            println!(
                "{:>14} {:>10} {:>12} {:>12} {:>12} {:>12}",
                fmt_sig(p.x),
                fmt_count(p.concurrency),
                fmt_seconds(p.prefill_s),
                fmt_seconds(p.decode_s),
                fmt_seconds(p.context_switch_s),
                fmt_sig(p.turns_per_s)
            );
        }
        for m in &result.markers {
            println!("marker: {} at {} = {}", m.kind.label(), input.key(), fmt_sig(m.x));
        }
    }
    Ok(())
}

fn paper(json: bool) -> Result<(), String> {
    let rows = costmodel::paper::paper_rows();
    if json {
        println!("{}", to_json(&rows)?);
        return Ok(());
    }
    println!("{:<20} {:>16} {:>16} {:>7}  note", "quantity", "paper", "this model", "unit");
    for r in rows {
        println!("{:<20} {:>16} {:>16} {:>7}  {}", r.id, fmt_sig(r.paper_value), fmt_sig(r.model_value), r.unit, r.note);
    }
    Ok(())
}

fn cheap(query: &str, long: f64, short: f64, json: bool) -> Result<(), String> {
    for (name, v) in [("--long", long), ("--short", short)] {
        if !v.is_finite() || !(1.0..=1e8).contains(&v) {
            return Err(format!("`{name}` must be from 1 to 100000000 tokens; got {v}"));
        }
    }
    let e = evaluated(query, false)?;
    let c = cheap_as(&e.inputs, long, short);
    if json {
        println!("{}", to_json(&c)?);
        return Ok(());
    }
    let opt = |v: Option<f64>| v.map_or("does not fit".to_owned(), fmt_sig);
    println!("GPU-seconds per turn: {} at {} tokens, {} at {} tokens", opt(c.long_gpu_s_per_turn), fmt_count(long), opt(c.short_gpu_s_per_turn), fmt_count(short));
    println!("cost ratio: {} (decode and switching alone: {})", opt(c.cost_ratio), opt(c.kv_cost_ratio));
    match c.needed_factor {
        Some(f) => {
            println!("KV factor that makes decode and switching as cheap: {}", fmt_sig(f));
            println!("whole-turn ratio at that factor: {} (prefill attention is not removed by compression)", opt(c.ratio_at_needed));
            for s in &c.stacks {
                println!("  {} → factor {}", s.methods.join(" + "), fmt_sig(s.factor));
            }
        }
        None => println!("no KV factor down to 1e-6 reaches it: the weights and prefill alone cost more"),
    }
    Ok(())
}

fn list(sources: bool) {
    let note = |source: &str| {
        if sources {
            println!("      source: {source}");
        }
    };
    println!("models:");
    for (family, rows) in costmodel::presets::by_family() {
        println!("  {family}:");
        for m in rows {
            println!("    {:<24} {:<7} {}", m.id, m.released, m.label);
            note(m.source);
        }
    }
    // Grouped by vendor, newest first (the table's own order); the vendor, family and year
    // follow the id so the first word of a row stays its id.
    println!("hardware:");
    for h in costmodel::presets::HARDWARE {
        let unified = if h.unified_memory() { ", unified memory" } else { "" };
        println!("  {:<30} {:<6} {:<18} {}  {}{unified}", h.id, h.vendor.label(), h.family, h.year, h.label);
        note(h.source);
    }
    println!("compression methods:");
    for m in costmodel::compression::METHODS {
        println!("  {:<18} {:<7} {}", m.id, m.axis.label(), m.label);
    }
    // catalog (issue 10): the catalog's size, last so the sections above keep their shape.
    let families = costmodel::presets::by_family().len();
    let hw = costmodel::presets::HARDWARE;
    let vendors = costmodel::presets::Vendor::ALL.iter().filter(|v| hw.iter().any(|h| h.vendor == **v)).count();
    println!("counts:");
    println!("  models        {} in {families} families", costmodel::presets::MODELS.len());
    println!("  accelerators  {} from {vendors} vendors", hw.len());
}

/// `render`'s flags, as given.
struct RenderArgs<'a> {
    query: &'a str,
    output: &'a str,
    chart: &'a str,
    x: &'a str,
    from: Option<f64>,
    to: Option<f64>,
    points: usize,
    y: &'a str,
    y_scale: &'a str,
    linear: bool,
    width: u32,
    height: u32,
    dark: bool,
    binary: bool,
    lenient: bool,
}

/// Charts `render` draws.
const CHART_KINDS: [&str; 5] = ["sweep", "memory", "timeline", "cheap", "load"];
/// `--y-scale` values.
const Y_SCALES: [&str; 3] = ["auto", "log", "linear"];
/// Decades of y values above which `--y-scale auto` picks a log axis.
const AUTO_LOG_DECADES: f64 = 2.0;
/// The paper's context sweep (tokens), the default range for `--x ctx`.
const CTX_SWEEP_TOKENS: (f64, f64) = (SHORT_CTX_TOKENS, LONG_CTX_TOKENS);

/// Checks every flag before any work, so a bad one is reported alone, by name.
fn render(a: &RenderArgs) -> Result<(), String> {
    if !CHART_KINDS.contains(&a.chart) {
        return Err(format!("`--chart` must be one of {}; got {:?}", CHART_KINDS.join(", "), a.chart));
    }
    let max = charts::MAX_SVG_PX;
    for (name, v) in [("--width", a.width), ("--height", a.height)] {
        if !(1..=max).contains(&v) {
            return Err(format!("`{name}` must be from 1 to {max} px; got {v}"));
        }
    }
    let style = if a.dark { charts::ChartStyle::dark() } else { charts::ChartStyle::light() };
    let svg = match a.chart {
        "sweep" => render_sweep(a, &style)?,
        "memory" => {
            let e = evaluated(a.query, a.lenient)?;
            charts::memory_report_svg(&e.report, &style, a.binary, a.width, a.height)
        }
        "timeline" => {
            let e = evaluated(a.query, a.lenient)?;
            charts::timeline_svg(&e.report, &style, a.width, a.height)
        }
        // serving (issue 9)
        "load" => {
            let e = evaluated(a.query, a.lenient)?;
            let curve = costmodel::sweep::load_curve(&e.scenario, &costmodel::sweep::load_users(&e.scenario, a.points.min(costmodel::sweep::MAX_LOAD_POINTS)));
            let at = curve.points.iter().rposition(|p| p.users <= e.scenario.users.max(1.0));
            charts::load_svg(&curve, &style, a.width, a.height, at)
        }
        _ => {
            let e = evaluated(a.query, a.lenient)?;
            let c = cheap_as(&e.inputs, LONG_CTX_TOKENS, SHORT_CTX_TOKENS);
            charts::cheap_svg(&c, &style, a.width, a.height)
        }
    }
    .map_err(|e| e.to_string())?;
    if a.output == "-" {
        print!("{svg}");
        Ok(())
    } else {
        std::fs::write(a.output, svg).map_err(|e| format!("could not write `-o` {}: {e}", a.output))
    }
}

fn render_sweep(a: &RenderArgs, style: &charts::ChartStyle) -> Result<Result<String, charts::ChartError>, String> {
    let input = SweepInput::from_key(a.x).ok_or_else(|| {
        let keys: Vec<&str> = SweepInput::ALL.iter().map(|i| i.key()).collect();
        format!("`--x` must be one of {}; got {:?}", keys.join(", "), a.x)
    })?;
    let metric = costmodel::sweep::Metric::from_key(a.y).ok_or_else(|| {
        let keys: Vec<&str> = costmodel::sweep::Metric::ALL.iter().map(|m| m.key()).collect();
        format!("`--y` must be one of {}; got {:?}", keys.join(", "), a.y)
    })?;
    if !Y_SCALES.contains(&a.y_scale) {
        return Err(format!("`--y-scale` must be one of {}; got {:?}", Y_SCALES.join(", "), a.y_scale));
    }
    let (lo, hi) = input.range();
    let (def_from, def_to) = if input == SweepInput::Ctx { CTX_SWEEP_TOKENS } else { (lo, hi) };
    let (from, to) = (a.from.unwrap_or(def_from), a.to.unwrap_or(def_to));
    for (name, v) in [("--from", from), ("--to", to)] {
        if !v.is_finite() || v < lo || v > hi {
            return Err(format!("`{name}` for `{}` must be from {lo} to {hi}; got {v}", a.x));
        }
    }
    if !(1..=costmodel::sweep::MAX_POINTS).contains(&a.points) {
        return Err(format!("`--points` must be from 1 to {}; got {}", costmodel::sweep::MAX_POINTS, a.points));
    }
    let e = evaluated(a.query, a.lenient)?;
    let x_log = !a.linear && from > 0.0 && to > 0.0;
    let xs = sweep_xs(input, from, to, a.points, x_log);
    let result = sweep(&e.inputs, input, &xs);
    let s = &e.scenario;
    let label = format!("{} on {} × {}", model_name(s), s.tp, s.hw);
    let series = charts::sweep_series(&[(label, result.clone())], metric);
    let markers = charts::sweep_markers(&result);
    let y_log = match a.y_scale {
        "log" => true,
        "linear" => false,
        _ => {
            let ys = series.iter().flat_map(|x| x.points.iter().map(|p| p.1)).filter(|y| y.is_finite());
            let (min, max) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| (lo.min(y), hi.max(y)));
            min > 0.0 && (max / min).log10() >= AUTO_LOG_DECADES
        }
    };
    let title = format!("{} vs {}", metric.label(), input.label());
    let chart = charts::SweepChart::of(&title, input, metric, (x_log, y_log), &series, &markers, None);
    Ok(charts::sweep_svg(&chart, style, a.width, a.height))
}

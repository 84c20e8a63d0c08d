//! The `kvscope` binary as a user runs it: JSON keys, every preset pair, exit codes.

use std::process::{Command, Output};

fn kvscope(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_kvscope")).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("could not run kvscope: {e}"),
    }
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)),
    }
}

#[test]
fn eval_json_has_the_documented_keys_and_the_paper_numbers() {
    let v = json(&kvscope(&["eval", "model=yi-34b&hw=a100-sxm-80gb&ctx=50000&mode=peak", "--json"]));
    for key in [
        "kv_bytes_per_token",
        "kv_bytes_per_user",
        "concurrency",
        "prefill_s",
        "decode_step_s",
        "decode_s",
        "context_switch_s",
        "turns_per_s",
        "warnings",
    ] {
        assert!(v.get(key).is_some(), "missing {key} in {v}");
    }
    // 2 × 60 × 8 × 128 × 2 B (docs/methodology.md §4.1), and 12.288 GB at 50,000 tokens.
    assert_eq!(v["kv_bytes_per_token"].as_f64(), Some(245_760.0));
    assert_eq!(v["kv_bytes_per_user"].as_f64(), Some(12.288e9));
    assert_eq!(v["concurrency"].as_f64(), Some(1.0));
    assert_eq!(v["warnings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn eval_takes_a_whole_url() {
    let v = json(&kvscope(&["eval", "https://example.org/kvscope/?v=1&model=llama-3.1-8b&hw=h100-sxm&ctx=8000#x", "--json"]));
    // Llama-3.1-8B: 2 × 32 layers × 8 KV heads × 128 × 2 B = 131,072 B per token.
    assert_eq!(v["kv_bytes_per_token"].as_f64(), Some(131_072.0));
}

#[test]
fn every_preset_pair_evaluates_without_a_panic() {
    let list = kvscope(&["list"]);
    assert!(list.status.success());
    let text = String::from_utf8_lossy(&list.stdout).into_owned();
    let mut section = "";
    let (mut models, mut hws) = (Vec::new(), Vec::new());
    for line in text.lines() {
        if !line.starts_with(' ') {
            section = line;
            continue;
        }
        let id = line.split_whitespace().next().unwrap_or_default().to_owned();
        match section {
            // Models are listed under family headings (`  Llama:`), one more indent.
            "models:" if line.starts_with("    ") => models.push(id),
            "hardware:" => hws.push(id),
            _ => {}
        }
    }
    assert!(models.len() >= 16 && hws.len() >= 18, "{models:?} {hws:?}");
    for m in &models {
        for h in &hws {
            let q = format!("model={m}&hw={h}&ctx=50000&mode=peak");
            let v = json(&kvscope(&["eval", &q, "--json"]));
            assert!(v["kv_bytes_per_user"].as_f64().is_some_and(|x| x > 0.0), "{q}");
            assert!(v["warnings"].as_array().is_some(), "{q}");
        }
    }
}

#[test]
fn bad_input_names_the_key_and_exits_2() {
    let out = kvscope(&["eval", "model=yi-34b&ctx=-3"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`ctx`") && err.contains("from 1 to 100000000"), "{err}");

    let out = kvscope(&["eval", "hw=tpu-v9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`hw`"));

    let out = kvscope(&["sweep", "model=yi-34b", "--x", "colour", "--from", "1", "--to", "2"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--x") && err.contains("ctx"), "{err}");

    let out = kvscope(&["sweep", "model=yi-34b", "--from", "0", "--to", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--from"));

    let out = kvscope(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lenient_eval_keeps_defaults_and_reports_warnings() {
    let v = json(&kvscope(&["eval", "ctx=abc&users=2", "--json", "--lenient"]));
    let w = v["warnings"].as_array().cloned().unwrap_or_default();
    assert_eq!(w.len(), 1);
    assert!(w[0].as_str().is_some_and(|s| s.contains("`ctx`")));
}

#[test]
fn sweep_csv_has_a_header_and_the_requested_points() {
    let out = kvscope(&["sweep", "model=yi-34b&hw=a100-sxm-80gb", "--x", "ctx", "--from", "4000", "--to", "1000000", "--points", "50", "--csv"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ctx,concurrency,prefill_s"));
    assert_eq!(lines.len(), 51);
    assert!(lines[1].starts_with("4000,"));
    assert!(lines[50].starts_with("1000000,"));
}

#[test]
fn sweep_json_marks_the_regimes() {
    let v = json(&kvscope(&["sweep", "model=yi-34b&hw=a100-sxm-80gb&users=4", "--from", "1000", "--to", "1000000", "--points", "100", "--json"]));
    let markers = v["markers"].as_array().cloned().unwrap_or_default();
    let kinds: Vec<&str> = markers.iter().filter_map(|m| m["kind"].as_str()).collect();
    // Concurrency falls to 0 where the KV no longer fits beside the weights:
    // (85.90e9 − 68.78e9) / 245,760 ≈ 69,660 tokens.
    assert!(kinds.contains(&"concurrency_zero"), "{kinds:?}");
    let zero = markers.iter().find(|m| m["kind"] == "concurrency_zero").and_then(|m| m["x"].as_f64());
    assert!(zero.is_some_and(|x| (x - 69_660.0).abs() < 100.0), "{zero:?}");
}

#[test]
fn paper_json_rows() {
    let v = json(&kvscope(&["paper", "--json"]));
    let rows = v.as_array().cloned().unwrap_or_default();
    for id in ["kv_bytes_per_token", "kv_4k_bytes", "kv_50k_bytes", "kv_100k_bytes", "prefill_4k_s", "prefill_50k_s", "decode_250_4k_s", "decode_250_50k_s", "users_50k"] {
        let row = rows.iter().find(|r| r["id"] == id);
        let row = row.unwrap_or_else(|| panic!("missing {id}"));
        for k in ["paper_value", "model_value", "unit", "note"] {
            assert!(row.get(k).is_some(), "{id} lacks {k}");
        }
    }
}

/// The web app's build leaves the presets' source notes out of the .wasm and fetches
/// `assets/preset-sources.json` instead: that file must be exactly what the tables say now.
#[test]
fn the_committed_preset_sources_file_matches_the_presets() {
    let out = kvscope(&["list", "--sources-json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/preset-sources.json");
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(
        committed == out.stdout,
        "assets/preset-sources.json is stale: run `cargo run -p kvscope-cli -- list --sources-json > assets/preset-sources.json`"
    );
    let v = json(&out);
    let a100 = v["hardware"]["a100-sxm-80gb"].as_str().unwrap_or_default();
    assert!(a100.contains("A100 datasheet"), "{a100}");
    assert_eq!(v["hardware"].as_object().map(|o| o.len()), Some(costmodel::presets::HARDWARE.len()));
    assert_eq!(v["models"].as_object().map(|o| o.len()), Some(costmodel::presets::MODELS.len()));
    assert!(v["models"].as_object().into_iter().flatten().all(|(_, note)| note.as_str().is_some_and(|s| s.len() > 40)), "every model has a note");
}

#[test]
fn list_groups_models_by_family_newest_first() {
    let out = kvscope(&["list"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let models: String = text.lines().skip(1).take_while(|l| l.starts_with(' ')).map(|l| format!("{l}\n")).collect();
    // Families are headings; under one, release months never increase.
    assert!(models.contains("  Llama:\n") && models.contains("  DeepSeek:\n"), "{models}");
    let mut last = String::new();
    for line in models.lines() {
        if line.starts_with("    ") {
            let released = line.split_whitespace().nth(1).unwrap_or_default().to_owned();
            assert!(last.is_empty() || released <= last, "{released} after {last}:\n{models}");
            last = released;
        } else {
            last.clear();
        }
    }
    assert!(models.contains("    deepseek-v3 ") && models.contains("2024-12"), "{models}");
}

#[test]
fn list_sources_prints_a_note_under_every_preset() {
    let out = kvscope(&["list", "--sources"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let notes = text.lines().filter(|l| l.trim_start().starts_with("source: ")).count();
    assert_eq!(notes, costmodel::presets::HARDWARE.len() + costmodel::presets::MODELS.len(), "{text}");
}

/// Piping into a reader that stops early (`| head -n 1`) ends kvscope quietly: no panic.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    let script = format!("'{}' list --sources | head -n 1", env!("CARGO_BIN_EXE_kvscope"));
    let out = match Command::new("sh").args(["-c", &script]).output() {
        Ok(out) => out,
        Err(e) => panic!("could not run sh: {e}"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "models:\n");
}

// parallel (issue 13)
#[test]
fn eval_prints_the_deployment_and_its_json_fields() {
    // DeepSeek-V3 FP8 at 32K on 8×H200 with DP attention and EP 8: 8 replicas × 22 users = 176
    // (hand computation in crates/costmodel/tests/deploy.rs).
    let q = "model=deepseek-v3&hw=h200&w_bits=8&ctx=32768&dp=8&ep=8";
    let out = kvscope(&["eval", q]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("Deployment")).unwrap_or_default();
    assert!(line.contains("8 GPUs (tp 1 × pp 1 × dp 8, ep 8)") && line.contains("176 users fit"), "{text}");
    let v = json(&kvscope(&["eval", q, "--json"]));
    assert_eq!(v["gpus"].as_u64(), Some(8));
    assert_eq!(v["deployment_users"].as_f64(), Some(176.0));
    assert!(v["weights_bytes_per_gpu"].as_f64().is_some_and(|w| (w - 98.9e9).abs() < 0.5e9), "{v}");
    // A PD split adds both pools and the KV transfer.
    let v = json(&kvscope(&["eval", "model=deepseek-v3&hw=h200&w_bits=8&ctx=8192&ep=8&pd=8:16", "--json"]));
    assert_eq!(v["prefill_pool"]["gpus"].as_u64(), Some(8));
    assert_eq!(v["decode_pool"]["replicas"].as_u64(), Some(16));
    assert!(v["kv_transfer_s"].as_f64().is_some_and(|t| t > 0.0));
}

// catalog (issue 10)
/// `kvscope list` ends with the catalog's size: models and families, accelerators and vendors,
/// counted from the same tables it lists.
#[test]
fn list_ends_with_the_catalog_counts() {
    let out = kvscope(&["list"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let families = costmodel::presets::by_family().len();
    let models = format!("  models        {} in {families} families\n", costmodel::presets::MODELS.len());
    let hw = format!("  accelerators  {} from 6 vendors\n", costmodel::presets::HARDWARE.len());
    assert!(text.ends_with(&format!("counts:\n{models}{hw}")), "{text}");
    // Every family is a heading under `models:`.
    for (family, _) in costmodel::presets::by_family() {
        assert!(text.contains(&format!("\n  {family}:\n")), "{family} missing");
    }
    assert!(costmodel::presets::MODELS.len() >= 90 && costmodel::presets::HARDWARE.len() >= 55);
}

/// The README's table of URL keys documents every key of the field table (the table that drives
/// the URL codec, the CLI and the page's controls), so a new key cannot ship undocumented.
#[test]
fn the_readme_documents_every_field_key() {
    let readme = include_str!("../../../README.md");
    let table: Vec<&str> = readme.lines().filter(|l| l.starts_with("| `")).collect();
    let missing: Vec<&str> = costmodel::scenario::FIELDS
        .iter()
        .map(|f| f.key)
        .filter(|k| !table.iter().any(|row| row.split('|').nth(1).is_some_and(|cell| cell.contains(&format!("`{k}`")))))
        .collect();
    assert!(missing.is_empty(), "README's key table lacks {missing:?}");
    for key in ["model", "arch", "hf", "name", "hw", "mode", "engine", "sched", "pd", "kv_token"] {
        assert!(table.iter().any(|row| row.contains(&format!("`{key}`"))), "README's key table lacks `{key}`");
    }
}

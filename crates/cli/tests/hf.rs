//! `kvscope` with Hugging Face ids (issue 10): `hf=` links read a local config.json given with
//! the global `--config FILE` (the CLI may run offline and never fetches).

use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../costmodel/tests/fixtures/hf-configs/");

fn kvscope(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_kvscope")).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("could not run kvscope: {e}"),
    }
}

fn fixture(file: &str) -> String {
    format!("{FIXTURES}{file}")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "expected exit 2; stdout: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const SCENARIO: &str = "hw=h100-sxm&tp=8&ctx=32000&users=16";

/// The fixture is the catalog preset's own config.json (crates/costmodel/tests/import.rs
/// checks preset == import), so by id with `--config` the report is the preset's to the bit.
#[test]
fn hf_with_config_equals_the_preset() {
    let path = fixture("qwen3-235b-a22b.json");
    let by_id = stdout(&kvscope(&["eval", &format!("hf=Qwen/Qwen3-235B-A22B&{SCENARIO}"), "--config", &path, "--json"]));
    let preset = stdout(&kvscope(&["eval", &format!("model=qwen3-235b-a22b&{SCENARIO}"), "--json"]));
    assert_eq!(by_id, preset);
    // Text: named by the id's last part.
    let text = stdout(&kvscope(&["--config", &path, "eval", &format!("hf=Qwen/Qwen3-235B-A22B&{SCENARIO}")]));
    assert!(text.starts_with("Qwen3-235B-A22B on 8 × h100-sxm · 32,000 tokens of context"), "{text}");
}

#[test]
fn hf_without_config_says_to_pass_one() {
    let e = refused(&kvscope(&["eval", "hf=Qwen/Qwen3-32B"]));
    assert!(e.contains("`hf=Qwen/Qwen3-32B`: the CLI does not fetch from the network"), "{e}");
    assert!(e.contains("https://huggingface.co/Qwen/Qwen3-32B/resolve/main/config.json") && e.contains("--config FILE"), "{e}");
}

/// A page link carries `arch=`: it evaluates offline, with its name.
#[test]
fn hf_with_arch_works_offline() {
    let spec = costmodel::presets::model_by_id("qwen3-235b-a22b").map(|p| p.spec()).unwrap_or_else(|| panic!("no preset"));
    let link = format!("hf=Qwen%2FQwen3-235B-A22B&name=Qwen3-235B-A22B&arch={}&{SCENARIO}", costmodel::arch::encode(&spec));
    let text = stdout(&kvscope(&["eval", &link]));
    assert!(text.starts_with("Qwen3-235B-A22B on 8 × h100-sxm"), "{text}");
    let a = stdout(&kvscope(&["eval", &link, "--json"]));
    let b = stdout(&kvscope(&["eval", &format!("model=qwen3-235b-a22b&{SCENARIO}"), "--json"]));
    assert_eq!(a, b);
}

#[test]
fn a_wrapper_is_unwrapped_with_a_note_and_bert_is_refused() {
    let out = kvscope(&["eval", "ctx=8000", "--config", &fixture("mistral-small-3.2-24b.json"), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}"));
    // 2 (K and V) × 40 layers × 8 KV heads × 128 × 2 bytes = 163,840 bytes per token.
    assert_eq!(v["kv_bytes_per_token"].as_f64(), Some(163_840.0));
    let notes = String::from_utf8_lossy(&out.stderr);
    assert!(notes.contains("`text_config`: a multimodal Mistral 3 (Pixtral vision) config"), "{notes}");
    let e = refused(&kvscope(&["eval", "hf=google-bert/bert-base-uncased", "--config", &fixture("bert-base-uncased.json")]));
    assert!(e.contains("this config is BERT, a text encoder (BertForMaskedLM), not a decoder LLM"), "{e}");
    let e = refused(&kvscope(&["eval", "ctx=8000", "--config", "/nonexistent/config.json"]));
    assert!(e.contains("could not read `--config` /nonexistent/config.json"), "{e}");
}

/// `--config` applies to every command that takes a query.
#[test]
fn config_works_for_sweep_and_cheap() {
    let path = fixture("qwen3-235b-a22b.json");
    let sweep = stdout(&kvscope(&["sweep", &format!("hf=Qwen/Qwen3-235B-A22B&{SCENARIO}"), "--config", &path, "--from", "4000", "--to", "64000", "--points", "3", "--csv"]));
    let preset = stdout(&kvscope(&["sweep", &format!("model=qwen3-235b-a22b&{SCENARIO}"), "--from", "4000", "--to", "64000", "--points", "3", "--csv"]));
    assert_eq!(sweep, preset);
    let e = refused(&kvscope(&["cheap", "hf=Qwen/Qwen3-235B-A22B"]));
    assert!(e.contains("--config FILE"), "{e}");
}

//! Deployments (issue 13): hand checks of the sharding and all-to-all formulas, properties, and
//! the model against published large-scale DeepSeek-V3 deployments
//! (`tests/fixtures/deployments/deepseek-v3-ep-pd.md`, sources in that file).

use costmodel::deploy::{local_copies_per_token, pp_bubble, remote_copies_per_token, weights_bytes_per_gpu};
use costmodel::evaluate_query;

const FIXTURE: &str = include_str!("fixtures/deployments/deepseek-v3-ep-pd.md");
/// GPUs per node in every fixture row.
const GPUS_PER_NODE: f64 = 8.0;

fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs()
}

#[test]
fn tp_only_keys_give_todays_numbers_exactly() {
    for q in ["", "model=deepseek-v3&hw=h200&w_bits=8&ctx=32768&tp=8", "model=llama-3.1-70b&hw=h100-sxm&tp=4&mode=realistic&users=64"] {
        let a = evaluate_query(q).report;
        let b = evaluate_query(&format!("{q}&pp=1&dp=1&ep=1")).report;
        assert_eq!(a, b, "{q}");
        assert_eq!(a.deployment_users, Some(a.concurrency));
    }
}

#[test]
fn dp_attention_holds_8x_the_users_of_tp8_for_deepseek_v3_on_h200() {
    // Hand computation (H200: 143.77 GB preset HBM; DeepSeek-V3 FP8 weights 671.0 GB of which
    // routed experts 256 · 58 layers · 3 · 7168 · 2048 = 653.8e9 params; MLA latent
    // 61 layers · (512 + 64) · 2 bytes = 70,272 B/token, 2.303 GB at 32,768 tokens):
    // tp=8: budget = 143.77 − 671.0/8 ≈ 59.9 GB per GPU, latent replicated → 59.9 / 2.303 = 26..29
    //   users (the preset's exact bytes give 29);
    // dp=8&ep=8: weights per GPU = dense 17.2 GB (replicated) + 653.8/8 GB = 98.9 GB, budget
    //   ≈ 44.9 GB → 19..22 users per GPU, each GPU its own users → 8 × 22 = 176.
    let tp = evaluate_query("model=deepseek-v3&hw=h200&w_bits=8&ctx=32768&tp=8").report;
    let dp = evaluate_query("model=deepseek-v3&hw=h200&w_bits=8&ctx=32768&dp=8&ep=8").report;
    assert_eq!(tp.deployment_users, Some(29.0));
    assert_eq!(dp.gpus, Some(8));
    let per_gpu = dp.concurrency;
    assert_eq!(dp.deployment_users, Some(8.0 * per_gpu));
    assert!((19.0..=22.0).contains(&per_gpu), "{per_gpu}");
    assert!(rel(dp.weights_bytes_per_gpu.unwrap_or(0.0), 98.9e9) < 0.01, "{:?}", dp.weights_bytes_per_gpu);
    // Same KV per user per GPU (the latent is whole on each GPU either way): the gain is DP.
    assert_eq!(dp.kv_bytes_per_user_per_gpu, tp.kv_bytes_per_user_per_gpu);
    assert!(dp.deployment_users.unwrap_or(0.0) > 5.0 * tp.deployment_users.unwrap_or(0.0));
}

#[test]
fn weights_per_gpu_hand_check() {
    // 10 GB dense + 80 GB routed, tp 2, pp 2, ep 8: 10/(2·2) + 80/(2·8) = 2.5 + 5 = 7.5 GB.
    assert!((weights_bytes_per_gpu(10e9, 80e9, 2.0, 2.0, 8.0) - 7.5e9).abs() < 1.0);
    // ep below tp: experts split by tp: 10/4 + 80/(2·2) = 22.5 GB.
    assert!((weights_bytes_per_gpu(10e9, 80e9, 2.0, 2.0, 1.0) - 22.5e9).abs() < 1.0);
}

#[test]
fn all_to_all_copies_hand_check() {
    // Decode (per expert): k = 8, EP 72 over 8-GPU nodes: 8 · (1 − 8/72) = 7.111 remote copies,
    // 8 · 7/72 = 0.778 over NVLink.
    assert!((remote_copies_per_token(8.0, 72.0, 8.0, false) - 64.0 / 9.0).abs() < 1e-12);
    assert!((local_copies_per_token(8.0, 72.0, 8.0) - 56.0 / 72.0).abs() < 1e-12);
    // Prefill (per node): 4 nodes, k = 8: 3 · (1 − 0.75^8) = 2.6997 node copies.
    assert!((remote_copies_per_token(8.0, 32.0, 8.0, true) - 3.0 * (1.0 - 0.75f64.powi(8))).abs() < 1e-12);
    // Inside one node nothing crosses the network.
    assert_eq!(remote_copies_per_token(8.0, 8.0, 8.0, false), 0.0);
    // Bytes of one decode step, DeepSeek-V3 FP8 on EP 72, 256 tokens per GPU, per MoE layer:
    // 256 · 7.111 copies · 7168 · (1 B dispatch + 1 B combine at a_bits = 8) = 26.1 MB over
    // 50 GB/s · 0.8 = 0.652 ms, ×1.18 imbalance = 0.770 ms + 2 × 20 µs latency = 0.810 ms;
    // × 58 MoE layers = 46.96 ms.
    let r = evaluate_query("model=deepseek-v3&hw=h100-sxm&mode=realistic&w_bits=8&a_bits=8&ctx=2000&dp=72&ep=72&users=18432").report;
    let copies = 64.0 / 9.0;
    let per_layer = 256.0 * copies * 7168.0 * 2.0 / (50e9 * 0.8) * (59_337.0 / 50_302.0) + 2.0 * 20e-6;
    let comm = r.deploy_comm_s.unwrap_or(0.0);
    assert!(rel(comm, 58.0 * per_layer) < 1e-9, "{comm} vs {}", 58.0 * per_layer);
}

#[test]
fn pipeline_halves_weights_and_adds_its_bubble() {
    let one = evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=2&ctx=8192").report;
    let two = evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=2&ctx=8192&pp=2").report;
    assert!(rel(two.weights_bytes_per_gpu.unwrap_or(0.0), one.memory.weights_bytes / 2.0) < 1e-12);
    assert_eq!(two.gpus, Some(4));
    // Peak mode, no chunking: one micro-batch → (2 − 1)/(1 + 2 − 1) = 0.5.
    assert_eq!(two.pp_bubble, Some(0.5));
    assert_eq!(pp_bubble(4.0, 8.0), 3.0 / 11.0);
    // Half the KV per user per GPU (half the layers per stage).
    assert!(rel(two.kv_bytes_per_user_per_gpu, one.kv_bytes_per_user_per_gpu / 2.0) < 1e-12);
}

#[test]
fn more_ep_never_adds_weight_bytes_per_gpu() {
    let mut last = f64::INFINITY;
    for ep in [1, 2, 4, 8, 16, 32, 64, 128, 256] {
        let dp = ep.max(1);
        let r = evaluate_query(&format!("model=deepseek-v3&hw=h200&w_bits=8&ctx=8192&dp={dp}&ep={ep}")).report;
        let w = r.weights_bytes_per_gpu.unwrap_or(f64::NAN);
        assert!(w <= last, "ep {ep}: {w} > {last}");
        last = w;
    }
}

#[test]
fn more_gpus_in_a_pool_never_lower_its_capacity() {
    let mut last = 0.0;
    for d in [8, 16, 32, 64, 128] {
        let r = evaluate_query(&format!("model=deepseek-v3&hw=h200&w_bits=8&ctx=8192&ep=8&pd=8:{d}")).report;
        let users = r.deployment_users.unwrap_or(0.0);
        assert!(users >= last, "decode {d}: {users} < {last}");
        last = users;
    }
}

#[test]
fn engine_plan_sees_the_sharded_weights() {
    // vLLM's plan for DeepSeek-V3 on 8×H200: with ep=8 and dp=8 a GPU loads 1/8 of the experts
    // but all the dense part; with tp=8 1/8 of everything. Both are less than TP 1 with experts
    // replicated, and the engine's KV budget moves by exactly the weights it no longer loads.
    let tp1 = evaluate_query("model=deepseek-v3&hw=h200&w_bits=8&ctx=8192&engine=vllm&dp=8").report;
    let ep8 = evaluate_query("model=deepseek-v3&hw=h200&w_bits=8&ctx=8192&engine=vllm&dp=8&ep=8").report;
    let w1 = tp1.engine_detail.as_ref().map_or(0.0, |d| d.weights_bytes);
    let w8 = ep8.engine_detail.as_ref().map_or(0.0, |d| d.weights_bytes);
    assert!(w8 < w1 / 5.0, "{w8} vs {w1}");
    let k1 = tp1.engine_detail.as_ref().map_or(0.0, |d| d.available_kv_bytes);
    let k8 = ep8.engine_detail.as_ref().map_or(0.0, |d| d.available_kv_bytes);
    assert!(rel(k8 - k1, w1 - w8) < 1e-9, "{k8} {k1} {w1} {w8}");
    assert!(ep8.deployment_users.unwrap_or(0.0) > 0.0);
}

#[test]
fn pd_ttft_includes_the_kv_transfer() {
    let base = "model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=32768&users=1";
    let plain = evaluate_query(base).report;
    let pd = evaluate_query(&format!("{base}&pd=4:4&net=400")).report;
    let over = evaluate_query(&format!("{base}&pd=4:4&net=400&pd_overlap=1")).report;
    // Llama-3.1-70B: 80 layers · 8 KV heads · 128 · 2 · 2 B = 327,680 B/token; TP 4 → 81,920 B
    // per GPU per token; 32,768 tokens → 2.684 GB per GPU over 50 GB/s (peak) = 53.7 ms.
    let t = pd.kv_transfer_s.unwrap_or(0.0);
    assert!(rel(t, 81_920.0 * 32_768.0 / 50e9) < 1e-9, "{t}");
    assert!(rel(pd.ttft_s.unwrap_or(0.0) - plain.ttft_s.unwrap_or(0.0), t) < 1e-9);
    assert_eq!(over.kv_transfer_exposed_s, Some(0.0));
    assert!(rel(over.ttft_s.unwrap_or(0.0), plain.ttft_s.unwrap_or(0.0)) < 1e-12);
}

#[test]
fn bad_deployments_name_the_field_and_keep_the_rest() {
    let e = evaluate_query("model=deepseek-v3&hw=h200&ctx=9000&dp=8&ep=512");
    assert!(e.report.warnings.iter().any(|w| w.contains("`ep`") && w.contains("256")), "{:?}", e.report.warnings);
    assert_eq!(e.scenario.ctx_tokens, 9000.0);
    let e = evaluate_query("model=deepseek-v3&hw=h200&ctx=9000&pd=8x8");
    assert!(e.report.warnings.iter().any(|w| w.contains("`pd`") && w.contains("1 to 16384")), "{:?}", e.report.warnings);
    assert_eq!(e.scenario.ctx_tokens, 9000.0);
    let e = evaluate_query("model=yi-34b&ep=2");
    assert!(e.report.warnings.iter().any(|w| w.contains("`ep`")), "{:?}", e.report.warnings);
    let e = evaluate_query("model=deepseek-v3&hw=h200&pp=0");
    assert!(e.report.warnings.iter().any(|w| w.contains("`pp`") && w.contains("1 to 128")), "{:?}", e.report.warnings);
}

#[test]
fn pd_round_trips_through_the_url() {
    let q = "model=deepseek-v3&hw=h200&pd=32:72&ep=32&net=800&pd_overlap=1";
    let (s, w) = costmodel::url::from_query(q);
    assert!(w.is_empty(), "{w:?}");
    let back = costmodel::url::to_query(&s);
    assert!(back.contains("pd=32%3A72") || back.contains("pd=32:72"), "{back}");
    assert_eq!(costmodel::url::from_query(&back).0, s);
}

/// Model against published measurements (tokens/s per node). Bounds stated honestly: every row
/// within ±40%, no constant fitted per row. See the fixture for sources; the report prints the
/// table (`cargo test -p costmodel --test deploy -- --nocapture`).
#[test]
fn calibration_against_published_deployments() {
    let mut rows = 0;
    println!("| id | measured tok/s/node | model | error |");
    for line in FIXTURE.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 6 || !(cells[2] == "prefill" || cells[2] == "decode") {
            continue;
        }
        let (id, phase, query) = (cells[1], cells[2], cells[3]);
        let measured: f64 = cells[4].parse().unwrap_or(f64::NAN);
        let r = evaluate_query(query).report;
        let pool = if phase == "prefill" { r.prefill_pool } else { r.decode_pool };
        let model = pool.map_or(f64::NAN, |p| p.tokens_per_s_per_gpu) * GPUS_PER_NODE;
        let err = model / measured - 1.0;
        println!("| {id} | {measured:.0} | {model:.0} | {:+.0}% |", err * 100.0);
        assert!(err.abs() <= 0.40, "{id}: model {model:.0} vs measured {measured:.0} ({:+.0}%)", err * 100.0);
        rows += 1;
    }
    assert_eq!(rows, 5);
}

#[test]
fn sweeps_take_the_deployment_keys_on_x() {
    use costmodel::sweep::{sweep, SweepInput};
    let e = evaluate_query("model=deepseek-v3&hw=h200&w_bits=8&ctx=32768&ep=8&dp=8");
    assert_eq!(SweepInput::from_key("dp"), Some(SweepInput::Dp));
    let s = sweep(&e.inputs, SweepInput::Dp, &[8.0, 16.0, 32.0]);
    let users: Vec<f64> = s.points.iter().map(|p| p.concurrency).collect();
    // The swept point at dp = 8 is the scenario itself; each doubling of replicas doubles users
    // (same weights per GPU: ep stays 8).
    assert_eq!(users[0], e.report.deployment_users.unwrap_or(0.0));
    assert_eq!(users[1], 2.0 * users[0]);
    assert_eq!(users[2], 4.0 * users[0]);
}

//! Native benchmarks: one scenario evaluation and a 1,000-point context sweep.
//!
//! Targets (issue 2): under 0.5 µs per evaluation and under 0.3 ms per 1,000-point sweep
//! (llm-calc, the field's best, takes 1.45 µs and 0.55 ms on these machines).
//! Run: `cargo bench -p costmodel --bench evaluate`.

use std::hint::black_box;

use costmodel::sweep::{sweep, sweep_xs, SweepInput};
use costmodel::url::from_query;
use criterion::{criterion_group, criterion_main, Criterion};

fn benches(c: &mut Criterion) {
    let scenarios = [
        ("paper", "model=yi-34b&hw=a100-sxm-80gb&ctx=50000&mode=peak"),
        ("deepseek-v3-fp8-realistic", "model=deepseek-v3&hw=h200&tp=8&w_bits=8&ctx=128000&users=64&mode=realistic"),
        ("gpt-oss-windowed", "model=gpt-oss-120b&hw=h100-sxm&tp=4&ctx=100000&users=16&kv_token=snapkv-4096"),
        ("no-fit-search", "model=llama-3.1-405b&hw=a100-sxm-80gb&ctx=1000000"),
    ];
    for (name, q) in scenarios {
        let inputs = from_query(q).0.resolve().inputs;
        c.bench_function(&format!("evaluate/{name}"), |b| b.iter(|| costmodel::evaluate(black_box(&inputs))));
        let xs = sweep_xs(SweepInput::Ctx, 4_000.0, 1_000_000.0, 1000, true);
        c.bench_function(&format!("sweep_ctx_1000/{name}"), |b| {
            b.iter(|| sweep(black_box(&inputs), SweepInput::Ctx, black_box(&xs)))
        });
    }
    c.bench_function("from_query", |b| {
        b.iter(|| from_query(black_box("v=1&model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000&users=8&mode=realistic")))
    });
}

criterion_group!(name = group; config = Criterion::default().warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2)); targets = benches);
criterion_main!(group);

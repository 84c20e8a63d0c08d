//! Plain-language lines for the top of the page (ux, issue 11): one sentence that answers the
//! reader's question for the current scenario (who fits, how fast, what it costs, what bounds
//! it), why the time to first token exceeds one prefill, and the device's memory as it is sold
//! beside what it exposes. Built from the [`Report`](crate::Report) only: no formula lives here.

use crate::units::{fmt_bytes, fmt_count, fmt_seconds, fmt_sig};
use crate::{Evaluated, Scenario};

/// The model's display name: the preset's label, an import's name (`name=`), or "an imported
/// model".
pub fn model_name(e: &Evaluated) -> String {
    model_label(&e.scenario, "an imported model").to_owned()
}

/// The accelerator's display name.
pub fn hardware_name(e: &Evaluated) -> String {
    hardware_label(&e.scenario).to_owned()
}

/// The scenario's model as a reader knows it: the preset's label ("Yi-34B", not `yi-34b`), an
/// import's name, or `unnamed` for an import without one; an unknown id as it is.
pub fn model_label<'a>(s: &'a Scenario, unnamed: &'a str) -> &'a str {
    if s.custom.is_some() {
        return s.name.as_deref().unwrap_or(unnamed);
    }
    crate::presets::model_by_id(&s.model).map_or(s.model.as_str(), |m| m.label)
}

/// The scenario's accelerator as a reader knows it ("NVIDIA A100 SXM 80GB", not
/// `a100-sxm-80gb`); an unknown id as it is.
pub fn hardware_label(s: &Scenario) -> &str {
    crate::presets::hardware_by_id(&s.hw).map_or(s.hw.as_str(), |h| h.label)
}

/// One sentence for the scenario: who fits, how fast, what it costs, what bounds it.
pub fn headline(e: &Evaluated) -> String {
    let r = &e.report;
    let s = &e.scenario;
    // parallel (issue 13): a deployment beyond one TP group is named with its layout, and its
    // users are counted across it.
    let d = &e.inputs.deploy;
    let layout = if d.is_tp_only() {
        String::new()
    } else {
        let mut parts = vec![format!("tp {}", s.tp)];
        if d.pp > 1 {
            parts.push(format!("pp {}", d.pp));
        }
        let replicas = crate::deploy::replicas(&e.inputs);
        if replicas > 1 {
            parts.push(format!("dp {replicas}"));
        }
        if d.ep > 1 {
            parts.push(format!("ep {}", d.ep));
        }
        if let Some((prefill, decode)) = d.pd {
            parts.push(format!("{prefill} prefill + {decode} decode GPUs"));
        }
        format!(" ({})", parts.join(", "))
    };
    let gpus = r.gpus.filter(|_| !d.is_tp_only()).unwrap_or(s.tp);
    let setup = format!("{} on {}× {}{layout} at {} tokens of context", model_name(e), gpus, hardware_name(e), fmt_count(s.ctx_tokens));
    if let Some(nf) = &r.no_fit {
        let ctx = nf.max_ctx_tokens.filter(|c| c.is_finite() && *c >= 1.0).map(|c| format!("a context of up to {} tokens", fmt_count(c.floor())));
        let tp = nf.min_tp.map(|t| format!("{t} GPUs in tensor parallel"));
        let would = match (ctx, tp) {
            (Some(c), Some(t)) => format!("; {c} or {t} would fit"),
            (Some(c), None) | (None, Some(c)) => format!("; {c} would fit"),
            (None, None) => "; no context or GPU count up to 128 fits".to_owned(),
        };
        return format!("{setup}: not one user fits in memory, so nothing can be served{would}.");
    }
    let fit = match r.deployment_users.filter(|_| !d.is_tp_only()) {
        Some(users) => format!("{} users fit across the deployment ({} per GPU group)", fmt_count(users), fmt_count(r.concurrency)),
        None if r.concurrency == 1.0 => "1 user fits".to_owned(),
        None => format!("{} users fit", fmt_count(r.concurrency)),
    };
    let continuous = r.sched == crate::serving::Sched::Continuous;
    // Continuous batching (issue 9): users waiting for a place in the running batch queue for it
    // (Little's law: requests per second × the mean wait for a slot; users thinking between turns
    // are not waiting); the paper's cycle swaps them to host memory instead.
    let queued = r.serving.as_ref().map_or(0.0, |c| (c.requests_per_s * c.slot_wait_s).max(0.0).round());
    let wait = if continuous && queued > 0.0 {
        format!(" ({} of {} wait in the queue)", fmt_count(queued), fmt_count(s.users))
    } else if continuous {
        String::new()
    } else if r.swapped_users > 0.0 {
        format!(" ({} of {} wait in host memory)", fmt_count(r.swapped_users), fmt_count(s.users))
    } else if s.users > 1.0 && s.users < r.concurrency {
        format!(" ({} want service)", fmt_count(s.users))
    } else {
        String::new()
    };
    let speed = match (r.ttft_s, r.tpot_s) {
        (Some(t), Some(p)) => format!("the first token comes after {}, then one every {}", fmt_seconds(t), fmt_seconds(p)),
        (Some(t), None) => format!("the answer starts after {}", fmt_seconds(t)),
        _ => String::new(),
    };
    let cost = match (r.usd_per_turn, r.gpu_s_per_turn) {
        (Some(u), _) => format!("a turn costs ${}", fmt_sig(u)),
        (None, Some(g)) => format!("a turn takes {} GPU-seconds", fmt_sig(g)),
        _ => String::new(),
    };
    if continuous {
        return format!("{setup}: {fit}{wait}; with continuous batching {speed}; {cost}.");
    }
    format!("{setup}: {fit}{wait}; {speed}; {cost}; the serving cycle is bounded by {}.", r.bound.label())
}

/// Why the time to first token is more than one prefill (the paper's serving cycle), or
/// `None` when they are equal.
pub fn ttft_why(e: &Evaluated) -> Option<String> {
    let r = &e.report;
    // Under continuous batching the schedule's own sentence explains the wait
    // (`serving::ttft_explanation`); the cycle's reasoning would contradict it.
    if r.sched == crate::serving::Sched::Continuous {
        return None;
    }
    let (ttft, prefill) = (r.ttft_s?, r.prefill_s?);
    if (ttft - prefill).abs() <= 1e-9 * prefill.abs().max(1e-12) {
        return None;
    }
    let reuse = e.scenario.prefix_reuse.max(1.0);
    let mut why = format!(
        "Time to first token is {} while one prefill is {}: in the paper's serving cycle the {} users of a batch are prefilled one after another, so a user waits on average for (batch + 1) / 2 = {} prefills",
        fmt_seconds(ttft),
        fmt_seconds(prefill),
        fmt_count(r.batch),
        fmt_sig((r.batch + 1.0) / 2.0)
    );
    if reuse > 1.0 {
        why.push_str(&format!(", each shared by {} queries", fmt_count(reuse)));
    }
    if r.swapped_users > 0.0 {
        if let Some(sw) = r.context_switch_s {
            why.push_str(&format!(", plus one context switch ({})", fmt_seconds(sw)));
        }
    }
    why.push('.');
    Some(why)
}

/// The device's memory as it is sold (`memory_label`, e.g. "80 GB HBM3") with, in one line,
/// why the model's figure differs: the marketed "GB" are binary (GiB) and the device exposes a
/// little less or more. `None` when the memory is overridden or the preset is unknown.
pub fn device_memory(e: &Evaluated) -> Option<(String, String)> {
    if e.scenario.overrides.hbm_gb.is_some() {
        return None;
    }
    let h = crate::presets::hardware_by_id(&e.scenario.hw)?;
    let exposed = e.report.memory.hbm_bytes;
    let note = format!(
        "Sold as {}: the vendor's gigabytes are binary (2³⁰ bytes); the device exposes {} = {}, and that is what this page divides.",
        h.memory_label,
        fmt_bytes(exposed, false),
        fmt_bytes(exposed, true)
    );
    Some((h.memory_label.to_owned(), note))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deployment (issue 13) is named with its layout and counts its users across it:
    /// DeepSeek-V3 FP8 at 32K on 8×H200 with `dp=8&ep=8` holds 8 × 22 = 176 (tests/deploy.rs).
    #[test]
    fn a_deployment_is_named_and_counted_whole() {
        let e = crate::evaluate_query("model=deepseek-v3&hw=h200&w_bits=8&ctx=32768&dp=8&ep=8");
        let h = headline(&e);
        assert!(h.starts_with("DeepSeek-V3 on 8× NVIDIA H200"), "{h}");
        assert!(h.contains("(tp 1, dp 8, ep 8) at 32,768 tokens of context"), "{h}");
        assert!(h.contains("176 users fit across the deployment (22 per GPU group)"), "{h}");
        // Without a deployment the sentence is as before.
        let h = headline(&crate::evaluate_query("model=deepseek-v3&hw=h200&w_bits=8&ctx=32768&tp=8"));
        assert!(h.starts_with("DeepSeek-V3 on 8× NVIDIA H200") && h.contains(": 29 users fit;"), "{h}");
    }

    /// With an engine the schedule is continuous batching (issue 9): the headline speaks of the
    /// queue and the continuous figures, never of the paper's cycle or of host memory, and the
    /// cycle's TTFT reasoning is not offered beside it.
    #[test]
    fn under_continuous_batching_the_headline_speaks_of_the_queue() {
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000&users=8&mode=realistic&engine=vllm");
        assert_eq!(e.report.sched, crate::serving::Sched::Continuous);
        let c = e.report.serving.as_ref().expect("continuous figures");
        let h = headline(&e);
        // No think time: the users the running batch cannot hold wait for a slot.
        let queued = (c.requests_per_s * c.slot_wait_s).round();
        let running = e.report.running_users.expect("continuous figures");
        assert_eq!(queued, (8.0 - running).round(), "without think time every user not running is queued");
        assert!(queued > 0.0, "8 users at 128K on 4×H100 exceed the running batch ({running})");
        assert!(h.contains(&format!("({} of 8 wait in the queue)", fmt_count(queued))), "{h}");
        assert!(h.contains("with continuous batching"), "{h}");
        assert!(h.contains(&fmt_seconds(e.report.ttft_s.expect("fits"))), "{h}");
        assert!(!h.contains("host memory") && !h.contains("serving cycle"), "{h}");
        assert_eq!(ttft_why(&e), None);
        // Users thinking between turns are not queued: 20 users with 5 s of think time on a batch
        // that holds them all leave nobody waiting for a slot.
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=8000&out=500&users=20&think_s=5&mode=realistic&engine=vllm");
        let h = headline(&e);
        assert!(!h.contains("wait in the queue"), "{h}");
    }

    /// Readers see the presets' labels (presets/models, presets/hardware), an import by the
    /// name its link carries, and an id no preset has as it is.
    #[test]
    fn labels_are_the_names_a_reader_knows() {
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4");
        assert_eq!(model_label(&e.scenario, "x"), "Llama 3.1 70B");
        assert_eq!(hardware_label(&e.scenario), "NVIDIA H100 SXM 80GB");
        assert_eq!(model_name(&e), "Llama 3.1 70B");
        let spec = crate::presets::model_by_id("yi-34b").expect("preset").spec();
        let arch = crate::arch::encode(&spec);
        let named = crate::evaluate_query(&format!("arch={arch}&name=My%20model"));
        assert!(named.scenario.custom.is_some());
        assert_eq!(model_label(&named.scenario, "unnamed"), "My model");
        let unnamed = crate::evaluate_query(&format!("arch={arch}"));
        assert_eq!(model_label(&unnamed.scenario, "unnamed"), "unnamed");
        assert_eq!(model_name(&unnamed), "an imported model");
        let mut s = e.scenario.clone();
        s.hw = "no-such-gpu".to_owned();
        s.model = "no-such-model".to_owned();
        assert_eq!((model_label(&s, "x"), hardware_label(&s)), ("no-such-model", "no-such-gpu"));
    }

    // The scenario: Llama 3.1 70B, 4× H100, 141,000 tokens, 20 users.
    #[test]
    fn the_headline_names_fit_speed_cost_and_bound() {
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=141000&users=20");
        let h = headline(&e);
        assert!(h.starts_with("Llama 3.1 70B on 4× NVIDIA H100 SXM 80GB at 141,000 tokens of context: "), "{h}");
        assert!(h.contains(&format!("{} users fit", fmt_count(e.report.concurrency))), "{h}");
        assert!(h.contains(&fmt_seconds(e.report.ttft_s.expect("fits"))), "{h}");
        assert!(h.contains("bounded by"), "{h}");
    }

    #[test]
    fn ttft_is_explained_by_the_cycle() {
        // Default Yi-34B has 1 user: TTFT = prefill, nothing to explain.
        assert_eq!(ttft_why(&crate::evaluate_query("")), None);
        let e = crate::evaluate_query("model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=32000&users=7");
        let b = e.report.batch;
        assert!(b > 1.0);
        // ttft = prefill × (batch + 1) / 2 (report.rs) when nobody is swapped out.
        let (t, p) = (e.report.ttft_s.expect("fits"), e.report.prefill_s.expect("fits"));
        assert!((t - p * (b + 1.0) / 2.0).abs() < 1e-9 * t);
        let w = ttft_why(&e).expect("batch > 1");
        assert!(w.contains("prefilled one after another"), "{w}");
    }

    #[test]
    fn device_memory_is_the_marketed_capacity_with_one_line_why() {
        // H100 SXM: sold as 80 GB; exposes 85.52e9 bytes (nvidia.rs) = 79.6 GiB.
        let e = crate::evaluate_query("hw=h100-sxm");
        let (label, note) = device_memory(&e).expect("preset");
        assert_eq!(label, "80 GB HBM3");
        assert!(note.contains("Sold as 80 GB HBM3"), "{note}");
        assert!(note.contains("GiB"), "{note}");
        assert_eq!(device_memory(&crate::evaluate_query("hw=h100-sxm&hbm_gb=90")), None);
    }
}

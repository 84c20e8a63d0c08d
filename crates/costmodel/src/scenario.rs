//! The whole input as a user (and a URL) states it: preset ids, workload, mode, compression
//! choices and overrides. [`Scenario::resolve`] turns it into [`Inputs`] for the formulas.
//!
//! Every settable field is described once in [`FIELDS`] (key, label, unit, allowed range): the URL
//! codec, the CLI and the app's controls all read that table, so a range is written once.

use serde::{Deserialize, Serialize};

use crate::compression::{method_by_id, Axis, Keep};
use crate::engine::{Engine, EngineSettings};
use crate::presets::{hardware_by_id, model_by_id};
use crate::spec::{Attention, Compression, Efficiency, HardwareSpec, Inputs, ModelSpec, Precision, TokenKeep, Workload};
use crate::units::{GB, GIB, TFLOPS};

/// Peak (the paper) or realistic efficiencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// 100% of every datasheet figure, all of HBM usable: a lower bound on time.
    #[default]
    Peak,
    /// Documented achievable fractions, each with a public source.
    Realistic,
}

impl Mode {
    /// URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Peak => "peak",
            Mode::Realistic => "realistic",
        }
    }
}

/// One compression axis as chosen: nothing, a named method, or a factor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum AxisSetting {
    /// No compression on this axis.
    #[default]
    None,
    /// A published method by id (see [`crate::compression::METHODS`]).
    Method(String),
    /// A factor in (0, 1].
    Factor(f64),
}

/// Realistic-mode defaults. Each cites where its number comes from.
pub mod realistic {
    // serving (issue 9): the per-accelerator table (`crate::fractions`) holds these now; the
    // names stay for the page.
    /// Attention where no better measurement exists: FlashAttention-2's 60% (see
    /// [`crate::fractions::FA2_ATTENTION_FRACTION`]); Hopper uses FlashAttention-3's curve.
    pub const ATTENTION_FRACTION: f64 = crate::fractions::FA2_ATTENTION_FRACTION;
    /// Achievable HBM bandwidth ([`crate::fractions::HBM_BW_FRACTION`]).
    pub const HBM_BW_FRACTION: f64 = crate::fractions::HBM_BW_FRACTION;
    /// vLLM's default `gpu_memory_utilization` is 0.9: the engine plans within 90% of *total*
    /// device memory (vLLM docs, Engine Arguments). (TensorRT-LLM instead takes a fraction of the
    /// memory *free after loading*, `kv_cache_free_gpu_mem_fraction`; this model follows vLLM.)
    pub const MEM_USABLE_FRACTION: f64 = 0.9;
    /// Non-torch memory (CUDA context, NCCL buffers, CUDA-graph pool) that vLLM's memory profiler
    /// subtracts before sizing the KV cache (vllm/v1/worker/gpu_worker.py,
    /// `determine_available_memory`); 1 GiB is a typical logged value, an assumption.
    pub const RUNTIME_RESERVE_GIB: f64 = 1.0;
    /// Pinned host-device copies reach 88% of PCIe Gen5 x16 (H200: 55.4 of 63.0 GB/s,
    /// docs/methodology.md §7).
    pub const HOST_BW_FRACTION: f64 = 0.88;
    /// Large all-reduces reach about 80% of the per-direction link (A100 ~235 of 300 GB/s;
    /// 8×H200 367.6 of 450 GB/s without NVLS; docs/methodology.md §7).
    pub const LINK_BW_FRACTION: f64 = 0.8;
    /// One small all-reduce costs about 20 µs where no measured curve applies (Hopper on NVLink 4
    /// reads NCCL's measured bus bandwidth instead, `fractions::NCCL_ALLREDUCE_8X_H200`: 40 µs
    /// at 32 KiB through `torch.distributed`; docs/serving.md §6).
    pub const ALLREDUCE_LATENCY_S: f64 = 20e-6;
    /// Prefill is chunked into 8,192-token pieces: vLLM V1's default `max_num_batched_tokens`
    /// for online serving with chunked prefill (vLLM docs, Optimization and Tuning).
    pub const PREFILL_CHUNK_TOKENS: f64 = 8192.0;

    /// Where each realistic default comes from, by field key (the doc comments above, as data
    /// for the app and the CLI); `None` for keys without a realistic default.
    pub fn source(key: &str) -> Option<&'static str> {
        Some(match key {
            "eff_gemm" => "0.874 × the accelerator's best measured BF16 matmul fraction (MAMF, stas00/ml-engineering compute/accelerator/README.md, from the hardware preset): DeepGEMM's README measures dense-model shapes at 1,186 TFLOP/s on average against 1,358 for its best shape; FP8 GEMMs on Hopper 0.60 (that mean of 1,978.9)",
            "eff_attn" => "Hopper: FlashAttention-3 on H100, causal, head dim 128, 292 TFLOP/s at 512 tokens rising to 616 at 16K (0.62 of peak; FP8 0.51) (Shah et al., arXiv:2407.08608, Fig. 5); prefill follows that curve. Others: FlashAttention-2 reaches 50-73% of the A100's peak (Dao, arXiv:2307.08691, §4.1), 0.6",
            "eff_bw" => "an H200 device-to-device copy measured 4,287 of 4,800 GB/s (89%); decode kernels reach a little less (the per-step cost of kernel boundaries is counted apart, step_overhead_s)",
            "eff_mem" => "vLLM's default gpu_memory_utilization = 0.9 of total device memory (vLLM docs, Engine Arguments)",
            "eff_host" => "pinned host-device copies reach 88% of PCIe Gen5 x16 (H200: 55.4 of 63.0 GB/s)",
            "reserve_gb" => "non-torch memory (CUDA context, NCCL, CUDA graphs) vLLM's profiler subtracts; 1 GiB is a typical logged value (an assumption)",
            "chunk" => "vLLM V1's default max_num_batched_tokens = 8,192 with chunked prefill (vLLM docs, Optimization and Tuning)",
            "duplex" => "swap-out and swap-in are not overlapped by default (one copy engine direction at a time)",
            _ => return None,
        })
    }
}

/// Where the peak-mode value of an efficiency field comes from (every key: the paper's
/// assumption of 100% of every datasheet figure and all of HBM usable).
pub const PEAK_SOURCE: &str = "the paper's peak analysis: 100% of every datasheet figure, all of HBM usable, no reserve";

/// The whole input. Defaults are the paper's running example: Yi-34B, one A100-SXM-80GB, 50,000
/// tokens of context, 250 generated, one user, peak mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Model preset id.
    pub model: String,
    /// Hardware preset id.
    pub hw: String,
    /// GPUs in the tensor-parallel group.
    pub tp: u32,
    /// Context tokens per user.
    pub ctx_tokens: f64,
    /// Generated tokens per turn.
    pub out_tokens: f64,
    /// Users wanting service.
    pub users: f64,
    /// Queries that reuse one prefilled context.
    pub prefix_reuse: f64,
    /// Peak or realistic.
    pub mode: Mode,
    /// Bits per weight.
    pub weight_bits: f64,
    /// Bits per KV element.
    pub kv_bits: f64,
    /// Bits per activation.
    pub act_bits: f64,
    /// Compression per axis: layer, head, token, hidden.
    pub compression: [AxisSetting; 4],
    /// Numeric overrides by key (see [`FIELDS`]); `None` keeps the preset's or mode's value.
    pub overrides: Overrides,
    /// A model architecture given in full (e.g. imported from a Hugging Face `config.json`).
    /// When set it is used instead of the `model` preset (overrides still apply). The URL
    /// carries it as `arch=` (see [`crate::arch`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<ModelSpec>,
    /// The engine whose memory accounting is used (`none`: the model's own, today's numbers).
    /// The URL carries it as `engine=`; `gpu_util` and `max_batched_tokens` are overrides.
    #[serde(default)]
    pub engine: Engine,
    // serving (issue 9)
    /// The schedule as chosen; `None` = continuous with an engine, the paper's cycle without.
    /// The URL carries it as `sched=`.
    #[serde(default)]
    pub sched: Option<crate::serving::Sched>,
    // parallel (issue 13)
    /// Prefill/decode disaggregation: GPUs of the prefill and of the decode pool (`pd=P:D`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pd: Option<(u32, u32)>,
    // hf (issue 10, 11)
    /// The Hugging Face repo the model was fetched from (`hf=`, checked by
    /// [`crate::hf::parse_repo_id`]). With `arch=` the link works offline; alone, the app
    /// fetches the repo's `config.json` (the CLI reads it with `--config`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hf: Option<String>,
    /// The display name of an imported model (`name=`, see [`crate::hf::display_name`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Overrides of preset and mode values. `None` keeps the default.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Overrides {
    /// Layers (groups scaled in proportion).
    pub layers: Option<f64>,
    /// d_model.
    pub d_model: Option<f64>,
    /// Query heads.
    pub q_heads: Option<f64>,
    /// KV heads.
    pub kv_heads: Option<f64>,
    /// Head dimension.
    pub head_dim: Option<f64>,
    /// Dense FFN width.
    pub d_ff: Option<f64>,
    /// Vocabulary.
    pub vocab: Option<f64>,
    /// Sliding window (tokens) of every windowed layer.
    pub window: Option<f64>,
    /// Total parameters (billions).
    pub params_b: Option<f64>,
    /// Device memory (GB, 1e9 bytes).
    pub hbm_gb: Option<f64>,
    /// HBM bandwidth (GB/s).
    pub bw_gbps: Option<f64>,
    /// Dense BF16 TFLOP/s.
    pub tflops: Option<f64>,
    /// Host link, one direction (GB/s).
    pub host_gbps: Option<f64>,
    /// GPU link, one direction (GB/s).
    pub link_gbps: Option<f64>,
    /// Price per GPU-hour (USD).
    pub price: Option<f64>,
    /// GEMM efficiency.
    pub eff_gemm: Option<f64>,
    /// Attention efficiency.
    pub eff_attn: Option<f64>,
    /// HBM bandwidth efficiency.
    pub eff_bw: Option<f64>,
    /// Usable memory fraction.
    pub eff_mem: Option<f64>,
    /// Host-link efficiency.
    pub eff_host: Option<f64>,
    /// Runtime reserve (GB).
    pub reserve_gb: Option<f64>,
    /// Prefill chunk (tokens, 0 = whole prompt).
    pub chunk: Option<f64>,
    /// Full-duplex swaps (1) or not (0).
    pub duplex: Option<f64>,
    /// The engine's memory fraction (`None` = the engine's default).
    #[serde(default)]
    pub gpu_util: Option<f64>,
    /// The engine's tokens per step (`None` = the engine's default for the GPU).
    #[serde(default)]
    pub max_batched_tokens: Option<f64>,
    // serving (issue 9)
    /// Think time between a user's turns (seconds; continuous schedule).
    #[serde(default)]
    pub think_s: Option<f64>,
    /// Time-to-first-token objective (seconds).
    #[serde(default)]
    pub slo_ttft_s: Option<f64>,
    /// Time-per-output-token objective (seconds).
    #[serde(default)]
    pub slo_tpot_s: Option<f64>,
    /// Fixed cost of one engine step (seconds; `None` = 0 in peak mode, the accelerator's
    /// figure in realistic mode).
    #[serde(default)]
    pub step_overhead_s: Option<f64>,
    // parallel (issue 13)
    /// Pipeline stages.
    #[serde(default)]
    pub pp: Option<f64>,
    /// Data-parallel attention replicas.
    #[serde(default)]
    pub dp: Option<f64>,
    /// Expert-parallel size.
    #[serde(default)]
    pub ep: Option<f64>,
    /// Expert load imbalance (busiest rank over the mean).
    #[serde(default)]
    pub ep_imb: Option<f64>,
    /// The PD KV transfer overlaps the prefill (1) or not (0).
    #[serde(default)]
    pub pd_overlap: Option<f64>,
    /// Network bandwidth per GPU (Gb/s).
    #[serde(default)]
    pub net: Option<f64>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            model: DEFAULT_MODEL.to_owned(),
            hw: DEFAULT_HW.to_owned(),
            tp: 1,
            ctx_tokens: 50_000.0,
            out_tokens: 250.0,
            users: 1.0,
            prefix_reuse: 1.0,
            mode: Mode::Peak,
            weight_bits: 16.0,
            kv_bits: 16.0,
            act_bits: 16.0,
            compression: Default::default(),
            overrides: Overrides::default(),
            custom: None,
            engine: Engine::None,
            // serving (issue 9)
            sched: None,
            pd: None,
            // hf (issue 10, 11)
            hf: None,
            name: None,
        }
    }
}

/// The default model: the paper's.
pub const DEFAULT_MODEL: &str = "yi-34b";
/// The default accelerator: the paper's.
pub const DEFAULT_HW: &str = "a100-sxm-80gb";

/// A settable numeric field: its URL key, label, unit and allowed range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldSpec {
    /// URL key.
    pub key: &'static str,
    /// Label for controls and messages.
    pub label: &'static str,
    /// Unit shown beside the value ("" for counts).
    pub unit: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Whole numbers only.
    pub integer: bool,
}

const fn field(key: &'static str, label: &'static str, unit: &'static str, min: f64, max: f64, integer: bool) -> FieldSpec {
    FieldSpec { key, label, unit, min, max, integer }
}

/// Every numeric field, in URL order.
pub const FIELDS: &[FieldSpec] = &[
    field("tp", "GPUs in the tensor-parallel group", "GPUs", 1.0, 128.0, true),
    field("ctx", "context", "tokens", 1.0, 100_000_000.0, true),
    field("out", "generated tokens per turn", "tokens", 0.0, 1_000_000.0, true),
    field("users", "users wanting service", "users", 1.0, 1_000_000.0, true),
    field("reuse", "queries per prefilled context", "queries", 1.0, 1_000_000.0, true),
    field("w_bits", "weight precision", "bits", 1.0, 32.0, false),
    field("kv_bits", "KV precision", "bits", 1.0, 32.0, false),
    field("a_bits", "activation precision", "bits", 4.0, 32.0, false),
    field("layers", "layers", "layers", 1.0, 1000.0, true),
    field("d_model", "hidden size", "", 64.0, 1_000_000.0, true),
    field("q_heads", "query heads", "heads", 1.0, 10_000.0, true),
    field("kv_heads", "KV heads", "heads", 1.0, 10_000.0, true),
    field("head_dim", "head dimension", "", 1.0, 10_000.0, true),
    field("d_ff", "FFN width", "", 1.0, 10_000_000.0, true),
    field("vocab", "vocabulary", "tokens", 1.0, 10_000_000.0, true),
    field("window", "sliding window", "tokens", 1.0, 100_000_000.0, true),
    field("params_b", "parameters", "billion", 0.001, 100_000.0, false),
    field("hbm_gb", "device memory", "GB", 1.0, 100_000.0, false),
    field("bw_gbps", "HBM bandwidth", "GB/s", 1.0, 1_000_000.0, false),
    field("tflops", "dense BF16 compute", "TFLOP/s", 0.1, 1_000_000.0, false),
    field("host_gbps", "host link (one direction)", "GB/s", 0.1, 100_000.0, false),
    field("link_gbps", "GPU link (one direction)", "GB/s", 0.0, 100_000.0, false),
    field("price", "price per GPU-hour", "USD", 0.0, 1000.0, false),
    field("eff_gemm", "GEMM efficiency", "fraction", 0.01, 1.0, false),
    field("eff_attn", "attention efficiency", "fraction", 0.01, 1.0, false),
    field("eff_bw", "HBM bandwidth efficiency", "fraction", 0.01, 1.0, false),
    field("eff_mem", "usable memory", "fraction", 0.01, 1.0, false),
    field("eff_host", "host link efficiency", "fraction", 0.01, 1.0, false),
    field("reserve_gb", "runtime reserve", "GB", 0.0, 10_000.0, false),
    field("chunk", "prefill chunk", "tokens", 0.0, 100_000_000.0, true),
    field("duplex", "full-duplex swaps", "0 or 1", 0.0, 1.0, true),
    field("gpu_util", "engine memory fraction", "fraction", 0.01, 1.0, false),
    field("max_batched_tokens", "engine tokens per step", "tokens", 1.0, 10_000_000.0, true),
    // serving (issue 9)
    field("think_s", "think time between turns", "s", 0.0, 86_400.0, false),
    field("slo_ttft_s", "time-to-first-token objective", "s", 0.001, 86_400.0, false),
    field("slo_tpot_s", "time-per-output-token objective", "s", 0.0001, 60.0, false),
    field("step_overhead_s", "fixed cost per engine step", "s", 0.0, 1.0, false),
    // parallel (issue 13)
    field("pp", "pipeline stages", "stages", 1.0, 128.0, true),
    field("dp", "data-parallel attention replicas", "replicas", 1.0, 16_384.0, true),
    field("ep", "expert-parallel size", "GPUs", 1.0, 16_384.0, true),
    field("ep_imb", "expert load imbalance (busiest / mean)", "×", 1.0, 10.0, false),
    field("pd_overlap", "KV transfer overlapped with prefill", "0 or 1", 0.0, 1.0, true),
    field("net", "network per GPU (one direction)", "Gb/s", 0.0, 100_000.0, false),
];

/// Look a field up by URL key.
pub fn field_by_key(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.key == key)
}

/// A bad value for a field: names the field and the allowed range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    /// The URL key.
    pub key: String,
    /// What is wrong, in plain language.
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FieldError {}

/// Characters of a user-supplied value that an error message quotes.
pub const MAX_QUOTED_CHARS: usize = 40;

/// A user-supplied value for an error message: in double quotes, cut to
/// [`MAX_QUOTED_CHARS`] characters (`…` marks the cut), with `"` and `\\` escaped and every
/// character that could hide or reorder text (controls, zero-width and bidirectional
/// formatting characters, the BOM) written as `\\u{..}`, so a hostile link cannot forge the
/// message around it. Hand-written rather than `{:?}`: Debug formatting of `str` links
/// Unicode's printable tables into the web build (about 9 KB gzipped) for the same effect.
pub fn quote_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len().min(4 * MAX_QUOTED_CHARS) + 2);
    out.push('"');
    for c in raw.chars().take(MAX_QUOTED_CHARS) {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if hides_text(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    if raw.chars().nth(MAX_QUOTED_CHARS).is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// Controls (C0, DEL, C1), zero-width and joiner characters, bidirectional marks, embeddings,
/// overrides and isolates, the line and paragraph separators, invisible operators and the BOM.
fn hides_text(c: char) -> bool {
    matches!(u32::from(c), 0..=0x1f | 0x7f..=0x9f | 0xad | 0x061c | 0x180e | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xfff9..=0xfffb)
}

impl FieldSpec {
    /// Parses and checks a value for this field.
    pub fn parse(&self, raw: &str) -> Result<f64, FieldError> {
        let range = || {
            let kind = if self.integer { "a whole number" } else { "a number" };
            let unit = if self.unit.is_empty() { String::new() } else { format!(" {}", self.unit) };
            format!("{kind} from {} to {}{unit}", fmt_limit(self.min), fmt_limit(self.max))
        };
        let err = |why: &str| FieldError {
            key: self.key.to_owned(),
            message: format!("`{}` ({}) must be {}; {why} {}", self.key, self.label, range(), quote_value(raw)),
        };
        let v = crate::units::parse_number(raw).ok_or_else(|| err("got"))?;
        if !v.is_finite() {
            return Err(err("got"));
        }
        if self.integer && v.fract() != 0.0 {
            return Err(err("got the fraction"));
        }
        if v < self.min || v > self.max {
            return Err(err("got"));
        }
        Ok(v)
    }
}

/// Formats a range limit without a trailing `.0`.
fn fmt_limit(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A resolved scenario: the inputs, plus warnings about values that were replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The formulas' inputs.
    pub inputs: Inputs,
    /// What was replaced or derived, in plain language.
    pub warnings: Vec<String>,
}

impl Scenario {
    /// Reads a numeric field by key.
    pub fn get(&self, key: &str) -> Option<f64> {
        let o = &self.overrides;
        Some(match key {
            "tp" => f64::from(self.tp),
            "ctx" => self.ctx_tokens,
            "out" => self.out_tokens,
            "users" => self.users,
            "reuse" => self.prefix_reuse,
            "w_bits" => self.weight_bits,
            "kv_bits" => self.kv_bits,
            "a_bits" => self.act_bits,
            _ => return override_value(o, key),
        })
    }

    /// Sets a numeric field by key from an already-checked value.
    pub fn set(&mut self, key: &str, value: f64) -> bool {
        match key {
            "tp" => self.tp = value.clamp(1.0, 128.0) as u32,
            "ctx" => self.ctx_tokens = value,
            "out" => self.out_tokens = value,
            "users" => self.users = value,
            "reuse" => self.prefix_reuse = value,
            "w_bits" => self.weight_bits = value,
            "kv_bits" => self.kv_bits = value,
            "a_bits" => self.act_bits = value,
            _ => match self.override_slot(key) {
                Some(slot) => *slot = Some(value),
                None => return false,
            },
        }
        true
    }

    /// Clears an override (back to the preset's or mode's value).
    pub fn clear_override(&mut self, key: &str) {
        if let Some(slot) = self.override_slot(key) {
            *slot = None;
        }
    }

    fn override_slot(&mut self, key: &str) -> Option<&mut Option<f64>> {
        Scenario::overrides_slot(&mut self.overrides, key)
    }

    /// The slot of override `key` in `o` (input2, issue 12: reading an override no longer
    /// builds a default `Scenario`, two allocations per field per input in the page).
    fn overrides_slot<'a>(o: &'a mut Overrides, key: &str) -> Option<&'a mut Option<f64>> {
        Some(match key {
            "layers" => &mut o.layers,
            "d_model" => &mut o.d_model,
            "q_heads" => &mut o.q_heads,
            "kv_heads" => &mut o.kv_heads,
            "head_dim" => &mut o.head_dim,
            "d_ff" => &mut o.d_ff,
            "vocab" => &mut o.vocab,
            "window" => &mut o.window,
            "params_b" => &mut o.params_b,
            "hbm_gb" => &mut o.hbm_gb,
            "bw_gbps" => &mut o.bw_gbps,
            "tflops" => &mut o.tflops,
            "host_gbps" => &mut o.host_gbps,
            "link_gbps" => &mut o.link_gbps,
            "price" => &mut o.price,
            "eff_gemm" => &mut o.eff_gemm,
            "eff_attn" => &mut o.eff_attn,
            "eff_bw" => &mut o.eff_bw,
            "eff_mem" => &mut o.eff_mem,
            "eff_host" => &mut o.eff_host,
            "reserve_gb" => &mut o.reserve_gb,
            "chunk" => &mut o.chunk,
            "duplex" => &mut o.duplex,
            "gpu_util" => &mut o.gpu_util,
            "max_batched_tokens" => &mut o.max_batched_tokens,
            // serving (issue 9)
            "think_s" => &mut o.think_s,
            "slo_ttft_s" => &mut o.slo_ttft_s,
            "slo_tpot_s" => &mut o.slo_tpot_s,
            "step_overhead_s" => &mut o.step_overhead_s,
            // parallel (issue 13)
            "pp" => &mut o.pp,
            "dp" => &mut o.dp,
            "ep" => &mut o.ep,
            "ep_imb" => &mut o.ep_imb,
            "pd_overlap" => &mut o.pd_overlap,
            "net" => &mut o.net,
            _ => return None,
        })
    }

    /// Resolves preset ids and overrides into the formulas' inputs. Total: an unknown preset id
    /// falls back to the default with a warning.
    pub fn resolve(&self) -> Resolved {
        let mut warnings = Vec::new();
        let model_preset = if self.custom.is_some() {
            None
        } else {
            model_by_id(&self.model).or_else(|| {
                warnings.push(format!("unknown model {}: using {DEFAULT_MODEL}", quote_value(&self.model)));
                Some(default_model_preset())
            })
        };
        let hw_preset = hardware_by_id(&self.hw).or_else(|| {
            warnings.push(format!("unknown hardware {}: using {DEFAULT_HW}", quote_value(&self.hw)));
            Some(default_hw_preset())
        });
        let mut model = match (&self.custom, model_preset) {
            (Some(custom), _) => custom.clone(),
            (None, Some(p)) => p.spec(),
            (None, None) => default_model_preset().spec(),
        };
        let mut hw = hw_preset.unwrap_or_else(default_hw_preset).spec;
        let o = &self.overrides;
        apply_model_overrides(&mut model, o, &mut warnings);
        apply_hw_overrides(&mut hw, o);
        let eff = self.efficiency(&hw);
        let compression = self.compression_factors(&mut warnings);
        if self.tp > model.n_kv_heads && model.layers.iter().any(|g| matches!(g.attention, Attention::Full | Attention::GatedFull | Attention::SlidingWindow { .. } | Attention::ChunkedLocal { .. })) {
            warnings.push(format!(
                "TP {} is more than the model's {} KV heads: each GPU keeps a full copy of one head, so KV is replicated",
                self.tp, model.n_kv_heads
            ));
        }
        if self.tp > 1 && (hw.link_bw_bytes_per_s <= 0.0 || self.tp > hw.link_domain_gpus) {
            // Unified-memory parts have no host link: the all-reduces stay on their only link
            // (see phases::Prepared::for_tp).
            let over = if hw.host_bw_bytes_per_s > 0.0 { "the host link" } else { "its network link (no host link: unified memory)" };
            warnings.push(format!(
                "TP {} is beyond this accelerator's fast-link domain ({} GPUs): all-reduces use {over}",
                self.tp, hw.link_domain_gpus
            ));
        }
        // serving (issue 9): the step cost is per layer
        let n_layers = model.n_layers();
        let inputs = Inputs {
            model,
            hw,
            tp: self.tp.max(1),
            precision: Precision { weight_bits: self.weight_bits, kv_bits: self.kv_bits, act_bits: self.act_bits },
            workload: Workload {
                ctx_tokens: self.ctx_tokens,
                out_tokens: self.out_tokens,
                users: self.users,
                prefix_reuse: self.prefix_reuse,
            },
            compression,
            eff,
            realistic: self.mode == Mode::Realistic,
            engine: self.engine_settings(&hw),
            // serving (issue 9)
            serving: self.serving_settings(n_layers),
            deploy: crate::deploy::Deploy::default(),
        };
        // parallel (issue 13): the deployment, checked against the model.
        let mut inputs = inputs;
        inputs.deploy = self.deploy(&inputs.model, &mut warnings);
        Resolved { inputs, warnings }
    }

    /// The engine as chosen, with the device's CUDA-reported memory resolved from the hardware
    /// preset id (or the fallback rule; always the fallback when `hbm_gb` is overridden).
    pub fn engine_settings(&self, hw: &HardwareSpec) -> EngineSettings {
        let o = &self.overrides;
        let (device_bytes, device_figure) = crate::engine::cuda_total_bytes(&self.hw, hw.hbm_bytes, o.hbm_gb.is_some());
        EngineSettings {
            engine: self.engine,
            gpu_util: o.gpu_util,
            max_batched_tokens: o.max_batched_tokens,
            device_bytes,
            device_figure,
            is_a100: self.hw.starts_with("a100"),
        }
    }

    /// The schedule after its default: continuous with an engine, the paper's cycle without.
    pub fn resolved_sched(&self) -> crate::serving::Sched {
        use crate::serving::Sched;
        self.sched.unwrap_or(if self.engine == Engine::None { Sched::Cycle } else { Sched::Continuous })
    }

    /// The schedule's settings. The step cost defaults to 0 in peak mode (the paper's lower
    /// bound) and to the accelerator's figure per layer ([`crate::fractions`]) in realistic mode, in
    /// both schedules.
    pub fn serving_settings(&self, n_layers: u32) -> crate::serving::ServingSettings {
        let o = &self.overrides;
        let sched = self.resolved_sched();
        let default_overhead = match self.mode {
            Mode::Peak => 0.0,
            Mode::Realistic => crate::fractions::step_overhead_s(crate::fractions::for_hw(&self.hw), n_layers),
        };
        crate::serving::ServingSettings {
            sched,
            think_s: o.think_s.unwrap_or(0.0),
            slo_ttft_s: o.slo_ttft_s,
            slo_tpot_s: o.slo_tpot_s,
            step_overhead_s: o.step_overhead_s.unwrap_or(default_overhead),
        }
    }

    // parallel (issue 13)
    /// The deployment as chosen; an impossible combination falls back (warning names the field).
    pub fn deploy(&self, model: &ModelSpec, warnings: &mut Vec<String>) -> crate::deploy::Deploy {
        let o = &self.overrides;
        let as_u32 = |v: Option<f64>| v.map_or(1, |v| v.clamp(1.0, f64::from(u32::MAX)) as u32);
        let base = crate::deploy::Deploy::default();
        let mut d = crate::deploy::Deploy {
            pp: as_u32(o.pp),
            dp: as_u32(o.dp),
            ep: as_u32(o.ep),
            ep_imbalance: o.ep_imb.unwrap_or(base.ep_imbalance),
            pd: self.pd,
            pd_overlap: o.pd_overlap.is_some_and(|v| v >= 1.0),
            net_bw_bytes_per_s: o.net.map_or(base.net_bw_bytes_per_s, |g| g * 1e9 / crate::units::BITS_PER_BYTE),
        };
        for (key, message) in crate::deploy::check(model, self.tp, &d) {
            warnings.push(message);
            match key {
                "ep" => d.ep = 1,
                "pp" => d.pp = 1,
                "pd" => d.pd = None,
                _ => {}
            }
        }
        d
    }

    /// The efficiencies of the mode, with the user's overrides.
    pub fn efficiency(&self, hw: &HardwareSpec) -> Efficiency {
        let o = &self.overrides;
        let mut base = match self.mode {
            Mode::Peak => Efficiency::PEAK,
            Mode::Realistic => Efficiency {
                gemm: hw.gemm_fraction_measured,
                attention: realistic::ATTENTION_FRACTION,
                hbm_bw: realistic::HBM_BW_FRACTION,
                mem_usable: realistic::MEM_USABLE_FRACTION,
                runtime_reserve_bytes: realistic::RUNTIME_RESERVE_GIB * GIB,
                host_bw: realistic::HOST_BW_FRACTION,
                link_bw: realistic::LINK_BW_FRACTION,
                allreduce_latency_s: realistic::ALLREDUCE_LATENCY_S,
                prefill_chunk_tokens: realistic::PREFILL_CHUNK_TOKENS,
                full_duplex: false,
                attention_curve: None,
                allreduce_curve: None,
            },
        };
        // serving (issue 9): realistic mode (both schedules) uses the per-accelerator fractions,
        // and on Hopper the attention kernels' curve by prompt length (unless `eff_attn` is set).
        if self.mode == Mode::Realistic {
            let f = crate::fractions::for_hw(&self.hw);
            let fp8 = |bits: f64| bits <= crate::phases::FP8_BITS && hw.fp8_flops_per_s > 0.0;
            base.gemm = crate::fractions::gemm(f, fp8(self.weight_bits.max(self.act_bits)), hw.gemm_fraction_measured);
            base.attention = crate::fractions::attention(f, fp8(self.act_bits));
            base.hbm_bw = f.hbm_bw;
            base.attention_curve = if o.eff_attn.is_some() { None } else { f.attention_curve };
            base.allreduce_curve = f.allreduce_curve;
        }
        Efficiency {
            gemm: o.eff_gemm.unwrap_or(base.gemm),
            attention: o.eff_attn.unwrap_or(base.attention),
            hbm_bw: o.eff_bw.unwrap_or(base.hbm_bw),
            mem_usable: o.eff_mem.unwrap_or(base.mem_usable),
            runtime_reserve_bytes: o.reserve_gb.map_or(base.runtime_reserve_bytes, |g| g * GB),
            host_bw: o.eff_host.unwrap_or(base.host_bw),
            link_bw: base.link_bw,
            allreduce_latency_s: base.allreduce_latency_s,
            prefill_chunk_tokens: o.chunk.unwrap_or(base.prefill_chunk_tokens),
            full_duplex: o.duplex.map_or(base.full_duplex, |d| d >= 1.0),
            attention_curve: base.attention_curve,
            allreduce_curve: base.allreduce_curve,
        }
    }

    /// The four factors from the per-axis settings.
    pub fn compression_factors(&self, warnings: &mut Vec<String>) -> Compression {
        let mut c = Compression::default();
        for (axis, setting) in Axis::ALL.iter().zip(self.compression.iter()) {
            let keep = match setting {
                AxisSetting::None => continue,
                AxisSetting::Factor(f) => Keep::Fraction { fraction: *f },
                AxisSetting::Method(id) => match method_by_id(id) {
                    Some(m) if m.axis == *axis => m.keep,
                    Some(m) => {
                        warnings.push(format!("`{}`: {} compresses the {} axis, not {}", axis.key(), m.id, m.axis.label(), axis.label()));
                        continue;
                    }
                    None => {
                        warnings.push(format!("`{}`: unknown method {}", axis.key(), quote_value(id)));
                        continue;
                    }
                },
            };
            match (axis, keep) {
                (Axis::Token, Keep::TokenBudget { tokens }) => c.token = TokenKeep::Budget { tokens },
                (Axis::Token, Keep::Fraction { fraction }) => c.token = TokenKeep::Fraction { fraction },
                (Axis::Hidden, Keep::Bits { bits }) => c.hidden = (bits / self.kv_bits).min(1.0),
                (Axis::Layer, Keep::Fraction { fraction }) => c.layer = fraction,
                (Axis::Head, Keep::Fraction { fraction }) => c.head = fraction,
                (Axis::Hidden, Keep::Fraction { fraction }) => c.hidden = fraction,
                _ => {}
            }
        }
        c
    }
}

fn override_value(o: &Overrides, key: &str) -> Option<f64> {
    let mut copy = *o;
    Scenario::overrides_slot(&mut copy, key).and_then(|slot| *slot)
}

/// Scales group counts so they add up to `layers`, keeping their proportions.
fn scale_layers(model: &mut ModelSpec, layers: u32) {
    let old = model.n_layers();
    if old == 0 || layers == old {
        return;
    }
    let ratio = f64::from(layers) / f64::from(old);
    let mut assigned = 0u32;
    for g in model.layers.iter_mut() {
        g.count = (f64::from(g.count) * ratio).round() as u32;
        assigned += g.count;
    }
    // Put the rounding difference on the largest group.
    if let Some(big) = model.layers.iter_mut().max_by_key(|g| g.count) {
        if assigned > layers {
            big.count = big.count.saturating_sub(assigned - layers);
        } else {
            big.count += layers - assigned;
        }
    }
    if let Some(moe) = model.moe.as_mut() {
        moe.n_moe_layers = ((f64::from(moe.n_moe_layers) * ratio).round() as u32).min(layers);
    }
    // arch (issue 10): the mixers without an FFN scale with the rest.
    model.mixer_only_layers = ((f64::from(model.mixer_only_layers) * ratio).round() as u32).min(layers);
}

fn apply_model_overrides(model: &mut ModelSpec, o: &Overrides, warnings: &mut Vec<String>) {
    let as_u32 = |v: f64| v.clamp(0.0, f64::from(u32::MAX)) as u32;
    if let Some(v) = o.layers {
        scale_layers(model, as_u32(v));
    }
    if let Some(v) = o.d_model {
        model.d_model = as_u32(v);
    }
    if let Some(v) = o.q_heads {
        model.n_q_heads = as_u32(v);
    }
    if let Some(v) = o.kv_heads {
        model.n_kv_heads = as_u32(v);
    }
    if model.n_kv_heads > model.n_q_heads {
        warnings.push(format!(
            "`kv_heads` ({}) is more than `q_heads` ({}): using {} KV heads",
            model.n_kv_heads, model.n_q_heads, model.n_q_heads
        ));
        model.n_kv_heads = model.n_q_heads;
    }
    if let Some(v) = o.head_dim {
        model.head_dim = as_u32(v);
    }
    if let Some(v) = o.d_ff {
        model.d_ff = as_u32(v);
    }
    if let Some(v) = o.vocab {
        model.vocab = as_u32(v);
    }
    if let Some(v) = o.window {
        let mut any = false;
        for g in model.layers.iter_mut() {
            if let Attention::SlidingWindow { window_tokens } = &mut g.attention {
                *window_tokens = as_u32(v);
                any = true;
            }
        }
        if !any {
            warnings.push("`window` is set but this model has no sliding-window layers: ignored".to_owned());
        }
    }
    if let Some(v) = o.params_b {
        model.params_override = Some(v * 1e9);
    }
}

fn apply_hw_overrides(hw: &mut HardwareSpec, o: &Overrides) {
    if let Some(v) = o.hbm_gb {
        hw.hbm_bytes = v * GB;
    }
    if let Some(v) = o.bw_gbps {
        hw.hbm_bw_bytes_per_s = v * GB;
    }
    if let Some(v) = o.tflops {
        hw.bf16_flops_per_s = v * TFLOPS;
    }
    if let Some(v) = o.host_gbps {
        hw.host_bw_bytes_per_s = v * GB;
    }
    if let Some(v) = o.link_gbps {
        hw.link_bw_bytes_per_s = v * GB;
    }
    if let Some(v) = o.price {
        hw.usd_per_gpu_hour = v;
    }
}

// The tables are constant and never empty: checked at compile time, so indexing cannot fail.
const _: () = assert!(!crate::presets::MODELS.is_empty() && !crate::presets::HARDWARE.is_empty());

/// The default model preset (the paper's), or the first row if its id were ever removed.
fn default_model_preset() -> &'static crate::presets::ModelPreset {
    model_by_id(DEFAULT_MODEL).unwrap_or(&crate::presets::MODELS[0])
}

/// The default accelerator preset (the paper's), or the first row.
fn default_hw_preset() -> &'static crate::presets::HardwarePreset {
    hardware_by_id(DEFAULT_HW).unwrap_or(&crate::presets::HARDWARE[0])
}

#[cfg(test)]
mod custom_tests {
    use super::*;

    #[test]
    fn quote_value_cuts_on_characters() {
        let q = quote_value(&"é".repeat(100));
        assert_eq!(q.chars().filter(|&c| c == 'é').count(), MAX_QUOTED_CHARS);
        assert!(q.ends_with("…\""), "{q}");
        assert_eq!(quote_value("ab"), "\"ab\"");
    }

    #[test]
    fn quote_value_escapes_what_could_forge_a_message() {
        // Quotes and backslashes as Rust's `{:?}` writes them; a right-to-left override, a
        // zero-width space, a newline and a NUL as visible escapes; other text unchanged.
        assert_eq!(quote_value("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quote_value("x\u{202e}y\u{200b}z\n\0"), r#""x\u{202e}y\u{200b}z\n\u{0}""#);
        assert_eq!(quote_value("Ünïcödé 中文"), "\"Ünïcödé 中文\"");
    }

    #[test]
    fn a_custom_model_is_used_instead_of_the_preset() {
        let mut spec = default_model_preset().spec();
        spec.n_kv_heads = 4;
        let s = Scenario { model: "no-such-model".to_owned(), custom: Some(spec), ..Scenario::default() };
        let r = s.resolve();
        assert_eq!(r.inputs.model.n_kv_heads, 4);
        assert!(r.warnings.iter().all(|w| !w.contains("unknown model")), "{:?}", r.warnings);
        // The link carries the architecture (`arch=`) and reads back to the same scenario.
        let s = Scenario { model: Scenario::default().model, ..s };
        let q = crate::url::to_query(&s);
        assert!(q.contains("&arch=d7168_q56_k4_h128_"), "{q}");
        let (back, warnings) = crate::url::from_query(&q);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, s);
    }
}

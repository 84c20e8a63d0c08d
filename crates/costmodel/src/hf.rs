//! Any Hugging Face model by its id: what a reader types (`Qwen/Qwen3-32B`, a model page URL, a
//! link to its `config.json`) read as a repo id, the address of the repo's `config.json`, the
//! model's display name, and the import of a fetched (or local) `config.json` with the cases
//! [`crate::import`] does not cover itself: multimodal wrappers whose text model sits in
//! `text_config` (Llama 4, Mistral 3 / Pixtral, LLaVA, Qwen-VL) and configs that are not decoder
//! LLMs at all (BERT, T5, ViT, Whisper...), each with a clear message.
//!
//! No network here: the web app fetches with the browser's `fetch` (`src/hf.rs`), the CLI
//! reads a local file (`--config`).

use serde_json::{Map, Value};

use crate::import::{import_hf_config, ImportError};
use crate::scenario::quote_value;
use crate::spec::ModelSpec;

/// The Hub's address.
pub const HUB: &str = "https://huggingface.co";
/// Longest owner or repo name the Hub accepts (`huggingface_hub.utils.validate_repo_id`).
pub const MAX_PART_CHARS: usize = 96;
/// Longest display name kept (`name=`).
pub const MAX_NAME_CHARS: usize = 80;

/// How a reader writes a model id, for messages.
const EXAMPLE: &str = "owner/name, e.g. Qwen/Qwen3-32B, or its https://huggingface.co/... page";

/// Reads a repo id from what a reader typed: `owner/name`, `https://huggingface.co/owner/name`
/// (also `http://`, `www.`, `hf.co`, no scheme), with `/tree/<rev>`, `/blob/<rev>/<file>`,
/// `/resolve/<rev>/<file>`, a trailing `/`, a query or a fragment.
///
/// The id follows the Hub's rule (`huggingface_hub.utils.validate_repo_id`): each part 1 to 96
/// of `A-Z a-z 0-9 - _ .`, not starting or ending with `-` or `.`, no `--` or `..`.
///
/// # Errors
/// A sentence naming what is wrong and the accepted form.
pub fn parse_repo_id(input: &str) -> Result<String, String> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(format!("a Hugging Face model id is {EXAMPLE}; got nothing"));
    }
    let no_fragment = raw.split(['#', '?']).next().unwrap_or_default();
    let (host_given, path) = strip_host(no_fragment).map_or((false, no_fragment), |p| (true, p));
    if !host_given && no_fragment.contains("://") {
        return Err(format!("{} is not a huggingface.co address; a model id is {EXAMPLE}", quote_value(raw)));
    }
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    if let Some(first) = parts.first() {
        if host_given && matches!(*first, "datasets" | "spaces" | "docs" | "collections" | "papers" | "organizations" | "models") {
            let what = match *first {
                "datasets" => "a dataset",
                "spaces" => "a Space (an app)",
                "collections" => "a collection",
                "papers" => "a paper",
                "models" => "the model list",
                _ => "not a model page",
            };
            return Err(format!("{} is {what}, not a model; a model id is {EXAMPLE}", quote_value(raw)));
        }
    }
    let (owner, name) = match parts.as_slice() {
        [owner, name] => (*owner, *name),
        [owner, name, kind, ..] if matches!(*kind, "tree" | "blob" | "resolve" | "raw" | "commits" | "discussions") => (*owner, *name),
        [owner, name, ..] if host_given => (*owner, *name),
        [_] => {
            return Err(format!(
                "{} has no owner: a Hugging Face model id is {EXAMPLE} (old single-word ids like gpt2 now live under an owner, e.g. openai-community/gpt2)",
                quote_value(raw)
            ))
        }
        _ => return Err(format!("{} is not a model id: expected {EXAMPLE}", quote_value(raw))),
    };
    check_part("owner", owner, raw)?;
    check_part("name", name, raw)?;
    Ok(format!("{owner}/{name}"))
}

/// The path after a Hub host (`huggingface.co`, `www.huggingface.co`, `hf.co`), with or without
/// `http(s)://`; `None` when the text names no Hub host.
fn strip_host(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(s);
    for host in ["huggingface.co", "www.huggingface.co", "hf.co"] {
        if let Some(path) = rest.strip_prefix(host) {
            if path.is_empty() || path.starts_with('/') {
                return Some(path);
            }
        }
    }
    None
}

fn check_part(what: &str, part: &str, raw: &str) -> Result<(), String> {
    let len = part.chars().count();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    let why = if len > MAX_PART_CHARS {
        Some(format!("is {len} characters (at most {MAX_PART_CHARS})"))
    } else if let Some(c) = part.chars().find(|&c| !allowed(c)) {
        Some(format!("has {} (only letters, digits, `-`, `_` and `.` are allowed)", quote_value(&c.to_string())))
    } else if part.starts_with(['-', '.']) || part.ends_with(['-', '.']) {
        Some("starts or ends with `-` or `.`".to_owned())
    } else if part.contains("--") || part.contains("..") {
        Some("contains `--` or `..`".to_owned())
    } else {
        None
    };
    match why {
        Some(why) => Err(format!("the {what} {} in {} {why}; a model id is {EXAMPLE}", quote_value(part), quote_value(raw))),
        None => Ok(()),
    }
}

/// Where the browser (or a reader) downloads the repo's `config.json`: its main branch.
pub fn config_url(id: &str) -> String {
    format!("{HUB}/{id}/resolve/main/config.json")
}

/// The model's page on the Hub.
pub fn page_url(id: &str) -> String {
    format!("{HUB}/{id}")
}

/// A name cleaned for display and for the link: trimmed, characters that could hide text
/// dropped, cut to [`MAX_NAME_CHARS`]; `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let cleaned: String = raw.trim().chars().filter(|c| !c.is_control() && !hides(*c)).take(MAX_NAME_CHARS).collect();
    let cleaned = cleaned.trim().to_owned();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Zero-width, bidirectional and BOM characters (see `scenario::quote_value`).
fn hides(c: char) -> bool {
    matches!(u32::from(c), 0xad | 0x061c | 0x180e | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff)
}

/// The model's display name: `_name_or_path` where present (its last path part when it is a
/// local directory), else the last part of the repo id, else the name the reader gave.
pub fn display_name(name_or_path: Option<&str>, id: Option<&str>, given: Option<&str>) -> Option<String> {
    let from_config = name_or_path.and_then(|p| {
        let p = p.trim();
        let local = p.starts_with(['/', '.', '~']) || p.contains('\\') || p.contains(':');
        if local {
            p.rsplit(['/', '\\']).find(|s| !s.is_empty() && *s != "." && *s != "..").and_then(clean_name)
        } else {
            clean_name(p)
        }
    });
    from_config
        .or_else(|| id.and_then(|id| id.rsplit('/').next()).and_then(clean_name))
        .or_else(|| given.and_then(clean_name))
}

/// An imported model, ready for a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct HfModel {
    /// The architecture.
    pub spec: ModelSpec,
    /// Its display name (see [`display_name`]; `unnamed <model_type> model` when nothing names it).
    pub name: String,
    /// What was unwrapped, defaulted or left out, one sentence each.
    pub notes: Vec<String>,
}

/// Multimodal wrappers whose text model sits in `text_config`, and the text model's
/// `model_type` when `text_config` omits it (transformers' `*Config.sub_configs`).
const WRAPPERS: &[(&str, &str, &str)] = &[
    ("llama4", "llama4_text", "Llama 4"),
    ("mistral3", "mistral", "Mistral 3 (Pixtral vision)"),
    ("pixtral", "mistral", "Pixtral"),
    ("llava", "llama", "LLaVA"),
    ("llava_next", "llama", "LLaVA-NeXT"),
    ("llava_onevision", "qwen2", "LLaVA-OneVision"),
    ("mllama", "mllama_text_model", "Llama 3.2 Vision"),
    ("qwen2_vl", "qwen2", "Qwen2-VL"),
    ("qwen2_5_vl", "qwen2", "Qwen2.5-VL"),
    ("qwen3_vl", "qwen3", "Qwen3-VL"),
    ("qwen3_vl_moe", "qwen3_moe", "Qwen3-VL MoE"),
    ("idefics3", "llama", "Idefics3"),
    ("paligemma", "gemma", "PaliGemma"),
    ("internvl", "qwen2", "InternVL"),
];

/// Text-model types of the Qwen-VL family that are the plain Qwen text models with a
/// multimodal rotary embedding (M-RoPE), which does not change the KV cache or the FLOPs.
const TEXT_ALIASES: &[(&str, &str)] =
    &[("qwen2_vl_text", "qwen2"), ("qwen2_5_vl_text", "qwen2"), ("qwen3_vl_text", "qwen3"), ("qwen3_vl_moe_text", "qwen3_moe")];

/// Families that are not decoder LLMs, by `model_type`, with what they are.
const NOT_DECODERS: &[(&str, &str)] = &[
    ("bert", "BERT, a text encoder"),
    ("roberta", "RoBERTa, a text encoder"),
    ("xlm-roberta", "XLM-RoBERTa, a text encoder"),
    ("distilbert", "DistilBERT, a text encoder"),
    ("albert", "ALBERT, a text encoder"),
    ("electra", "ELECTRA, a text encoder"),
    ("deberta", "DeBERTa, a text encoder"),
    ("deberta-v2", "DeBERTa-v2, a text encoder"),
    ("mpnet", "MPNet, a text encoder"),
    ("modernbert", "ModernBERT, a text encoder"),
    ("nomic_bert", "Nomic BERT, a text encoder"),
    ("camembert", "CamemBERT, a text encoder"),
    ("longformer", "Longformer, a text encoder"),
    ("t5", "T5, an encoder-decoder"),
    ("mt5", "mT5, an encoder-decoder"),
    ("umt5", "UMT5, an encoder-decoder"),
    ("bart", "BART, an encoder-decoder"),
    ("mbart", "mBART, an encoder-decoder"),
    ("pegasus", "Pegasus, an encoder-decoder"),
    ("marian", "Marian, an encoder-decoder translation model"),
    ("m2m_100", "M2M-100, an encoder-decoder translation model"),
    ("nllb-moe", "NLLB-MoE, an encoder-decoder translation model"),
    ("whisper", "Whisper, a speech-recognition encoder-decoder"),
    ("wav2vec2", "wav2vec 2.0, a speech encoder"),
    ("hubert", "HuBERT, a speech encoder"),
    ("vit", "ViT, an image encoder"),
    ("clip", "CLIP, an image-text embedding model"),
    ("siglip", "SigLIP, an image-text embedding model"),
    ("dinov2", "DINOv2, an image encoder"),
    ("convnext", "ConvNeXt, an image classifier"),
    ("resnet", "ResNet, an image classifier"),
    ("swin", "Swin Transformer, an image encoder"),
    ("detr", "DETR, an object detector"),
    ("sam", "SAM, an image segmentation model"),
];

/// `architectures` suffixes of heads that do not generate text.
const NOT_GENERATIVE_HEADS: &[(&str, &str)] = &[
    ("ForMaskedLM", "a masked-language (fill-in) model"),
    ("ForSequenceClassification", "a text classifier"),
    ("ForTokenClassification", "a token classifier"),
    ("ForQuestionAnswering", "an extractive question-answering model"),
    ("ForImageClassification", "an image classifier"),
    ("ForCTC", "a speech recognizer"),
];

/// Why `root` is not a decoder LLM, when it clearly is not.
fn not_a_decoder(root: &Map<String, Value>) -> Option<String> {
    let model_type = root.get("model_type").and_then(Value::as_str);
    let first_arch = root.get("architectures").and_then(Value::as_array).and_then(|a| a.first()).and_then(Value::as_str);
    let why = "it has no decoder generating tokens one at a time, so there is no KV cache to size";
    if let Some((_, what)) = model_type.and_then(|t| NOT_DECODERS.iter().find(|(k, _)| *k == t)) {
        let class = first_arch.map(|a| format!(" ({a})")).unwrap_or_default();
        return Some(format!("this config is {what}{class}, not a decoder LLM: {why}"));
    }
    if root.get("is_encoder_decoder").and_then(Value::as_bool) == Some(true) {
        let t = model_type.unwrap_or("unnamed");
        return Some(format!(
            "this config is an encoder-decoder (`model_type` {}, `is_encoder_decoder`: true), not a decoder-only LLM: KV Scope models decoder-only transformers",
            quote_value(t)
        ));
    }
    if let Some(arch) = first_arch {
        if let Some((_, what)) = NOT_GENERATIVE_HEADS.iter().find(|(suffix, _)| arch.ends_with(suffix)) {
            return Some(format!("this config is {what} ({arch}), not a decoder LLM: {why}"));
        }
    }
    None
}

/// Imports a `config.json` fetched for repo `id` (or read from a file), naming the model.
///
/// Order: a config that is not a decoder LLM is refused by name; a config the importer reads
/// directly is imported (gemma3 is unwrapped there); a multimodal wrapper ([`WRAPPERS`]) has its
/// `text_config` imported, with a note, keeping the wrapper's `_name_or_path`; Qwen-VL configs
/// that keep the text keys at the top level are read as their Qwen text model.
///
/// # Errors
/// A sentence that says what the config is and why it cannot be used.
pub fn import_config(json: &str, id: Option<&str>, given_name: Option<&str>) -> Result<HfModel, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        let reason = e.to_string();
        let reason = reason.split(" at line ").next().unwrap_or_default().to_owned();
        format!("not JSON (line {}, column {}: {reason}), so not a config.json", e.line(), e.column())
    })?;
    let Value::Object(root) = value else {
        return Err("not a config: expected a JSON object (`{...}`) at the top level".to_owned());
    };
    if let Some(why) = not_a_decoder(&root) {
        return Err(why);
    }
    let name_or_path = root.get("_name_or_path").and_then(Value::as_str);
    let mut notes = Vec::new();
    let imported = match import_hf_config(json) {
        Ok(i) => i,
        Err(ImportError::UnsupportedModelType { model_type }) => {
            let inner = unwrapped(&root, &model_type, &mut notes)?;
            let text = serde_json::to_string(&Value::Object(inner)).map_err(|e| e.to_string())?;
            import_hf_config(&text).map_err(|e| match e {
                ImportError::UnsupportedModelType { model_type: inner_type } => format!(
                    "the text model inside this {model_type} wrapper, `text_config.model_type` {}, is not supported yet: expected one of {}",
                    quote_value(&inner_type),
                    crate::import::SUPPORTED_MODEL_TYPES.join(", ")
                ),
                other => format!("`text_config`: {other}"),
            })?
        }
        Err(e) => return Err(e.to_string()),
    };
    notes.extend(imported.warnings.iter().map(|w| w.message.clone()));
    // Nothing names it: the family, never the code class (issue 11: "named by its code class").
    let family = root.get("model_type").and_then(Value::as_str).and_then(clean_name);
    let name = display_name(name_or_path, id, given_name)
        .unwrap_or_else(|| family.map_or_else(|| "unnamed model".to_owned(), |f| format!("unnamed {f} model")));
    Ok(HfModel { spec: imported.spec, name, notes })
}

/// The text model of a multimodal wrapper of type `model_type`, as a config of its own.
fn unwrapped(root: &Map<String, Value>, model_type: &str, notes: &mut Vec<String>) -> Result<Map<String, Value>, String> {
    let wrapper = WRAPPERS.iter().find(|(t, _, _)| *t == model_type);
    let unsupported = || {
        format!(
            "`model_type` {} is not supported: expected one of {} (or a multimodal wrapper with a `text_config`)",
            quote_value(model_type),
            crate::import::SUPPORTED_MODEL_TYPES.join(", ")
        )
    };
    let mut inner = match (root.get("text_config"), wrapper) {
        (Some(Value::Object(text)), _) => text.clone(),
        (Some(_), _) => return Err("`text_config` must be an object holding the text model's settings".to_owned()),
        // Qwen2-VL and older Qwen2.5-VL configs keep the text model's keys at the top level.
        (None, Some((t, text_type, _))) if t.starts_with("qwen") => {
            let mut flat = root.clone();
            flat.remove("vision_config");
            flat.insert("model_type".to_owned(), Value::String((*text_type).to_owned()));
            notes.push(format!(
                "`model_type` {}: the text model's keys are at the top level; read as {text_type} (M-RoPE does not change the KV cache); the vision encoder is not modelled",
                quote_value(model_type)
            ));
            return Ok(flat);
        }
        (None, Some(_)) => {
            return Err(format!("`text_config` is missing: this {model_type} wrapper holds its text model there"));
        }
        (None, None) => return Err(unsupported()),
    };
    let text_type = match inner.get("model_type").and_then(Value::as_str) {
        Some(t) => t.to_owned(),
        None => {
            let Some((_, default, _)) = wrapper else {
                return Err(format!("`text_config.model_type` is missing and {} is not a wrapper KV Scope knows", quote_value(model_type)));
            };
            inner.insert("model_type".to_owned(), Value::String((*default).to_owned()));
            (*default).to_owned()
        }
    };
    let read_as = TEXT_ALIASES.iter().find(|(t, _)| *t == text_type).map(|(_, plain)| *plain);
    if let Some(plain) = read_as {
        inner.insert("model_type".to_owned(), Value::String(plain.to_owned()));
    }
    // Keys the wrapper holds for its text model (the Hub writes some at the top level).
    for key in ["_name_or_path", "tie_word_embeddings", "architectures"] {
        if let (Some(v), false) = (root.get(key), inner.contains_key(key)) {
            inner.insert(key.to_owned(), v.clone());
        }
    }
    let label = wrapper.map_or(model_type, |(_, _, label)| *label);
    let read = read_as.map(|p| format!(", read as {p}")).unwrap_or_default();
    notes.push(format!(
        "`text_config`: a multimodal {label} config (`model_type` {}); its text model ({text_type}{read}) was imported; the vision encoder is not modelled",
        quote_value(model_type)
    ));
    Ok(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_form_reads_as_the_id() {
        for input in [
            "Qwen/Qwen3-32B",
            "  Qwen/Qwen3-32B\n",
            "Qwen/Qwen3-32B/",
            "https://huggingface.co/Qwen/Qwen3-32B",
            "http://huggingface.co/Qwen/Qwen3-32B",
            "huggingface.co/Qwen/Qwen3-32B",
            "https://www.huggingface.co/Qwen/Qwen3-32B/",
            "https://hf.co/Qwen/Qwen3-32B",
            "https://huggingface.co/Qwen/Qwen3-32B/tree/main",
            "https://huggingface.co/Qwen/Qwen3-32B/tree/main/",
            "https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json",
            "https://huggingface.co/Qwen/Qwen3-32B/resolve/main/config.json",
            "https://huggingface.co/Qwen/Qwen3-32B/raw/main/config.json",
            "https://huggingface.co/Qwen/Qwen3-32B?library=transformers",
            "https://huggingface.co/Qwen/Qwen3-32B#model-overview",
            "https://huggingface.co/Qwen/Qwen3-32B/discussions/3",
        ] {
            assert_eq!(parse_repo_id(input).as_deref(), Ok("Qwen/Qwen3-32B"), "{input:?}");
        }
        assert_eq!(parse_repo_id("meta-llama/Llama-3.1-8B").as_deref(), Ok("meta-llama/Llama-3.1-8B"));
        assert_eq!(parse_repo_id("01-ai/Yi-34B").as_deref(), Ok("01-ai/Yi-34B"));
        assert_eq!(parse_repo_id("deepseek-ai/DeepSeek-V3.2_exp").as_deref(), Ok("deepseek-ai/DeepSeek-V3.2_exp"));
        let long = format!("a/{}", "b".repeat(MAX_PART_CHARS));
        assert_eq!(parse_repo_id(&long).as_deref(), Ok(long.as_str()));
    }

    #[test]
    fn every_refused_form_says_why() {
        for (input, needle) in [
            ("", "got nothing"),
            ("   ", "got nothing"),
            ("gpt2", "has no owner"),
            ("https://huggingface.co/gpt2", "has no owner"),
            ("https://huggingface.co/", "is not a model id"),
            ("a/b/c", "is not a model id"),
            ("https://github.com/Qwen/Qwen3", "is not a huggingface.co address"),
            ("https://huggingface.co/datasets/HuggingFaceFW/fineweb", "is a dataset, not a model"),
            ("https://huggingface.co/spaces/owner/app", "is a Space (an app), not a model"),
            ("Qwen/Qwen 3", "has \" \" (only letters, digits"),
            ("Qwen/Qwen3-32B\u{202e}", "has \"\\u{202e}\""),
            ("Qw@n/Qwen3", "the owner \"Qw@n\""),
            ("Qwen/-Qwen3", "starts or ends with `-` or `.`"),
            ("Qwen/Qwen3.", "starts or ends with `-` or `.`"),
            ("Qwen/Qwen--3", "contains `--` or `..`"),
            ("Qwen/Qwen..3", "contains `--` or `..`"),
            ("huggingface.com/Qwen/Qwen3", "is not a model id"),
        ] {
            match parse_repo_id(input) {
                Err(e) => assert!(e.contains(needle), "{input:?}: {e}"),
                Ok(id) => panic!("{input:?} read as {id}"),
            }
        }
        let long = format!("a/{}", "b".repeat(MAX_PART_CHARS + 1));
        assert!(parse_repo_id(&long).is_err_and(|e| e.contains("is 97 characters (at most 96)")));
    }

    #[test]
    fn the_config_address_is_the_main_branch_file() {
        assert_eq!(config_url("Qwen/Qwen3-32B"), "https://huggingface.co/Qwen/Qwen3-32B/resolve/main/config.json");
        assert_eq!(page_url("Qwen/Qwen3-32B"), "https://huggingface.co/Qwen/Qwen3-32B");
    }

    #[test]
    fn names_come_from_the_config_then_the_id_then_the_reader() {
        assert_eq!(display_name(Some("01-ai/Yi-34B"), Some("x/y"), Some("mine")).as_deref(), Some("01-ai/Yi-34B"));
        assert_eq!(display_name(Some("/data/models/Llama-3.1-8B/"), None, None).as_deref(), Some("Llama-3.1-8B"));
        assert_eq!(display_name(Some("C:\\models\\phi-4"), None, None).as_deref(), Some("phi-4"));
        assert_eq!(display_name(Some("  "), Some("Qwen/Qwen3-32B"), Some("mine")).as_deref(), Some("Qwen3-32B"));
        assert_eq!(display_name(None, None, Some("  my model ")).as_deref(), Some("my model"));
        assert_eq!(display_name(None, None, Some("\u{200b}")), None);
        assert_eq!(clean_name(&"x".repeat(200)).map(|n| n.len()), Some(MAX_NAME_CHARS));
        assert_eq!(clean_name("a\u{202e}b\nc").as_deref(), Some("abc"));
    }
}

#[cfg(test)]
mod unwrap_tests {
    use super::*;

    fn root(json: &str) -> Map<String, Value> {
        match serde_json::from_str(json) {
            Ok(Value::Object(m)) => m,
            other => panic!("fixture is not an object: {other:?}"),
        }
    }

    /// Llama 4 Scout's wrapper (meta-llama/Llama-4-Scout-17B-16E-Instruct config.json, see
    /// tests/fixtures/hf-configs/SOURCES.md): the text model is `text_config`, unchanged.
    #[test]
    fn llama4_text_config_is_lifted_out_whole() {
        let r = root(include_str!("../tests/fixtures/hf-configs/llama-4-scout.json"));
        let mut notes = Vec::new();
        let inner = unwrapped(&r, "llama4", &mut notes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(inner.get("model_type").and_then(Value::as_str), Some("llama4_text"));
        assert_eq!(inner.get("num_hidden_layers").and_then(Value::as_u64), Some(48));
        assert_eq!(inner.get("attention_chunk_size").and_then(Value::as_u64), Some(8192));
        // Unchanged but for the wrapper's class name, kept for naming.
        let mut lifted = inner.clone();
        assert_eq!(lifted.remove("architectures"), r.get("architectures").cloned());
        assert_eq!(Some(&lifted), r.get("text_config").and_then(Value::as_object));
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("multimodal Llama 4 config") && notes[0].contains("vision encoder is not modelled"), "{notes:?}");
    }

    #[test]
    fn a_wrapper_without_text_model_type_gets_the_default_one() {
        let r = root(r#"{"model_type": "llava", "_name_or_path": "llava-hf/llava-1.5-7b-hf", "text_config": {"hidden_size": 4096}}"#);
        let mut notes = Vec::new();
        let inner = unwrapped(&r, "llava", &mut notes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(inner.get("model_type").and_then(Value::as_str), Some("llama"));
        assert_eq!(inner.get("_name_or_path").and_then(Value::as_str), Some("llava-hf/llava-1.5-7b-hf"));
    }

    #[test]
    fn unknown_types_and_bad_text_configs_are_named() {
        let mut notes = Vec::new();
        let e = unwrapped(&root(r#"{"model_type": "rwkv"}"#), "rwkv", &mut notes).unwrap_err();
        assert!(e.contains("`model_type` \"rwkv\" is not supported"), "{e}");
        let e = unwrapped(&root(r#"{"model_type": "llama4"}"#), "llama4", &mut notes).unwrap_err();
        assert!(e.contains("`text_config` is missing: this llama4 wrapper"), "{e}");
        let e = unwrapped(&root(r#"{"model_type": "x", "text_config": 3}"#), "x", &mut notes).unwrap_err();
        assert!(e.contains("`text_config` must be an object"), "{e}");
    }
}

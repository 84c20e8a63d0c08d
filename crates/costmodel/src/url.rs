//! The URL codec: a [`Scenario`] as a short, readable, versioned query string.
//!
//! - Keys are short and permanent (`model`, `hw`, `tp`, `ctx`, `out`, `users`, `mode`, ...; the
//!   numeric ones are [`crate::scenario::FIELDS`]).
//! - Only values that differ from the defaults are written, after `v=1`.
//! - Decoding is total: an unknown key, or a bad value, keeps the default for that field and adds
//!   a warning naming it; nothing else is lost.
//! - Version rule: a link without `v` is read as version 1; a link from a newer version is read
//!   as far as this version understands it, with a warning. Keys are never renamed or reused.

use serde::Serialize;

use crate::compression::{method_by_id, Axis};
use crate::engine::Engine;
use crate::presets::{hardware_by_id, model_by_id};
use crate::scenario::{field_by_key, quote_value, AxisSetting, Mode, Scenario, FIELDS};

/// The query-string version this code writes.
pub const URL_VERSION: u32 = 1;

/// Most warnings one query produces (a hostile query cannot flood the page).
pub const MAX_WARNINGS: usize = 20;

/// A problem with one key of a query string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UrlWarning {
    /// The key (as written, shortened).
    pub key: String,
    /// What was wrong and what was kept instead.
    pub message: String,
}

impl std::fmt::Display for UrlWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The query string of everything in `s` that is not a default, `v=1` first.
///
/// ```
/// let mut s = costmodel::Scenario::default();
/// s.ctx_tokens = 100_000.0;
/// assert_eq!(costmodel::url::to_query(&s), "v=1&ctx=100000");
/// ```
pub fn to_query(s: &Scenario) -> String {
    let d = Scenario::default();
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("v", &URL_VERSION.to_string());
    if s.model != d.model {
        out.append_pair("model", &s.model);
    }
    if let Some(spec) = &s.custom {
        out.append_pair("arch", &crate::arch::encode(spec));
    }
    if s.hw != d.hw {
        out.append_pair("hw", &s.hw);
    }
    if s.mode != d.mode {
        out.append_pair("mode", s.mode.as_str());
    }
    if s.engine != d.engine {
        out.append_pair("engine", s.engine.as_str());
    }
    // serving (issue 9)
    if let Some(sched) = s.sched {
        out.append_pair("sched", sched.as_str());
    }
    // parallel (issue 13)
    if let Some((p, d)) = s.pd {
        out.append_pair("pd", &format!("{p}:{d}"));
    }
    for f in FIELDS {
        let (v, dv) = (s.get(f.key), d.get(f.key));
        if let Some(v) = v {
            if Some(v) != dv {
                out.append_pair(f.key, &fmt_number(v));
            }
        }
    }
    for (axis, setting) in Axis::ALL.iter().zip(s.compression.iter()) {
        match setting {
            AxisSetting::None => {}
            AxisSetting::Method(id) => {
                out.append_pair(axis.key(), id);
            }
            AxisSetting::Factor(f) => {
                out.append_pair(axis.key(), &fmt_number(*f));
            }
        }
    }
    // hf (issue 10, 11)
    if let Some(id) = &s.hf {
        out.append_pair("hf", id);
    }
    if let Some(name) = &s.name {
        out.append_pair("name", name);
    }
    out.finish()
}

/// Shortest decimal that reads back as the same `f64`.
pub fn fmt_number(v: f64) -> String {
    format!("{v}")
}

/// Decodes a query string (or a whole URL) into a scenario and warnings. Never fails.
pub fn from_query(query: &str) -> (Scenario, Vec<UrlWarning>) {
    let (s, w, _) = from_query_with(query, &[]);
    (s, w)
}

/// As [`from_query`], but keys in `extra_keys` (the app's view state) are returned untouched
/// instead of being warned about.
pub fn from_query_with(query: &str, extra_keys: &[&str]) -> (Scenario, Vec<UrlWarning>, Vec<(String, String)>) {
    let mut s = Scenario::default();
    let mut warnings = Vec::new();
    let mut extras = Vec::new();
    let mut warn = |key: &str, message: String| {
        if warnings.len() < MAX_WARNINGS {
            warnings.push(UrlWarning { key: short_key(key), message });
        }
    };
    let query = strip_to_query(query);
    let mut seen: Vec<String> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let key = key.as_ref();
        let value = value.as_ref();
        if key.is_empty() {
            continue;
        }
        // The app's view keys may repeat (`pin` is one per pinned scenario): no warning for them.
        if extra_keys.contains(&key) {
            extras.push((key.to_owned(), value.to_owned()));
            continue;
        }
        if seen.iter().any(|k| k == key) {
            warn(key, format!("`{}` appears more than once: the last value is used", short_key(key)));
        } else if seen.len() < 256 {
            seen.push(key.to_owned());
        }
        match key {
            "v" => match value.parse::<u32>() {
                Ok(v) if v == URL_VERSION => {}
                Ok(v) if v > URL_VERSION => warn(
                    key,
                    format!("this link was made by a newer KV Scope (v={v}); settings this version does not know were skipped"),
                ),
                _ => warn(key, format!("`v` must be a version number like {URL_VERSION}; got {}: read as version {URL_VERSION}", quote_value(value))),
            },
            "model" => {
                if model_by_id(value).is_some() {
                    s.model = value.to_owned();
                } else {
                    warn(
                        key,
                        format!(
                            "`model`: this link names a model KV Scope does not know ({}), so it shows {} instead; pick another in the Model list",
                            quote_value(value),
                            model_by_id(&s.model).map_or(s.model.as_str(), |m| m.label)
                        ),
                    );
                }
            }
            // parallel (issue 13)
            "pd" => match crate::deploy::parse_pd(value) {
                Ok(pd) => s.pd = Some(pd),
                Err(e) => warn(key, format!("{e}; kept no PD split")),
            },
            "arch" => match crate::arch::decode(value) {
                Ok(spec) => s.custom = Some(spec),
                Err(e) => warn(key, format!("`arch`: {e}; kept the `model` preset")),
            },
            "hw" => {
                if hardware_by_id(value).is_some() {
                    s.hw = value.to_owned();
                } else {
                    warn(key, format!("`hw`: unknown hardware {}; kept {}", quote_value(value), s.hw));
                }
            }
            "mode" => match value {
                "peak" => s.mode = Mode::Peak,
                "realistic" => s.mode = Mode::Realistic,
                _ => warn(key, format!("`mode` must be `peak` or `realistic`; got {}: kept {}", quote_value(value), s.mode.as_str())),
            },
            "engine" => match Engine::parse(value) {
                Some(e) => s.engine = e,
                None => warn(
                    key,
                    format!("`engine` must be `none`, `vllm`, `sglang` or `trtllm`; got {}: kept {}", quote_value(value), s.engine.as_str()),
                ),
            },
            // serving (issue 9)
            "sched" => match crate::serving::Sched::parse(value) {
                Some(v) => s.sched = Some(v),
                None => warn(
                    key,
                    format!(
                        "`sched` must be `cycle` (the paper's) or `continuous` (continuous batching); got {}: kept {}",
                        quote_value(value),
                        s.resolved_sched().as_str()
                    ),
                ),
            },
            // hf (issue 10, 11)
            "hf" => match crate::hf::parse_repo_id(value) {
                Ok(id) => s.hf = Some(id),
                Err(e) => warn(key, format!("`hf`: {e}; ignored")),
            },
            "name" => match crate::hf::clean_name(value) {
                Some(name) => s.name = Some(name),
                None => warn(key, format!("`name` must be a model name of 1 to {} characters; got {}: ignored", crate::hf::MAX_NAME_CHARS, quote_value(value))),
            },
            _ => {
                if let Some(i) = Axis::ALL.iter().position(|a| a.key() == key) {
                    match parse_axis(Axis::ALL[i], value) {
                        Ok(setting) => s.compression[i] = setting,
                        Err(message) => warn(key, message),
                    }
                } else if let Some(f) = field_by_key(key) {
                    match f.parse(value) {
                        Ok(v) => {
                            s.set(key, v);
                        }
                        Err(e) => warn(key, format!("{e}: kept the default")),
                    }
                } else {
                    warn(key, format!("unknown setting `{}` ignored", short_key(key)));
                }
            }
        }
    }
    (s, warnings, extras)
}

/// One compression axis: `none`, a method id of that axis, or a factor in (0, 1].
pub fn parse_axis(axis: Axis, value: &str) -> Result<AxisSetting, String> {
    if value == "none" || value.is_empty() {
        return Ok(AxisSetting::None);
    }
    if let Some(m) = method_by_id(value) {
        if m.axis == axis {
            return Ok(AxisSetting::Method(m.id.to_owned()));
        }
        return Err(format!("`{}`: {} compresses the {} axis, not {}; kept none", axis.key(), m.id, m.axis.label(), axis.label()));
    }
    match crate::units::parse_f64(value) {
        Some(f) if f > 0.0 && f <= 1.0 => Ok(AxisSetting::Factor(f)),
        _ => {
            let ids: Vec<&str> = crate::compression::METHODS.iter().filter(|m| m.axis == axis).map(|m| m.id).collect();
            Err(format!(
                "`{}` must be `none`, a factor in (0, 1], or one of {}; got {}: kept none",
                axis.key(),
                ids.join(", "),
                quote_value(value)
            ))
        }
    }
}

/// The query part of a URL or query string: after `?`, before `#`.
fn strip_to_query(input: &str) -> &str {
    // split_once rather than byte-index slicing: slicing a str can panic, and its panic
    // message links Debug formatting of `char` (Unicode tables) into the web build.
    let after = match input.split_once('?') {
        Some((_, query)) => query,
        None if input.contains("://") => "",
        None => input,
    };
    after.split_once('#').map_or(after, |(query, _)| query)
}

/// A key shortened for messages.
fn short_key(key: &str) -> String {
    let short: String = key.chars().take(24).collect();
    if key.chars().count() > 24 {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod view_key_tests {
    use super::*;

    #[test]
    fn a_bad_model_id_speaks_to_a_web_reader() {
        // ux (issue 11): no CLI command in a message the page shows.
        let (_, w) = from_query("model=llama-9-900b");
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("shows Yi-34B instead; pick another in the Model list"), "{}", w[0].message);
        assert!(!w[0].message.contains("kvscope"), "{}", w[0].message);
    }

    #[test]
    fn forgiving_when_read_canonical_when_written() {
        // ux (issue 11): `128K` and `50,000` read as people mean them; written back as digits.
        let (s, w) = from_query("ctx=128K&users=1,000");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.ctx_tokens, 128_000.0);
        assert_eq!(s.users, 1_000.0);
        let q = to_query(&s);
        assert!(q.contains("ctx=128000") && q.contains("users=1000"), "{q}");
    }

    #[test]
    fn view_keys_may_repeat_without_warnings() {
        let (s, w, extras) = from_query_with("ctx=1000&pin=a%3D1&pin=b%3D2&x=ctx", &["pin", "x"]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.ctx_tokens, 1000.0);
        assert_eq!(
            extras,
            vec![("pin".to_owned(), "a=1".to_owned()), ("pin".to_owned(), "b=2".to_owned()), ("x".to_owned(), "ctx".to_owned())]
        );
    }
}

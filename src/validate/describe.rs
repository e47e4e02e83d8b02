//! Descriptions of the rules of a set, for people (text, Markdown) and for
//! programs (JSON).

use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::validate::params::ParamValue;
use crate::validate::set::RuleInfo;
use crate::validate::severity::{Profile, Severity};

/// Every rule of a set with its settings in force; see [`RuleSet::describe`](crate::validate::RuleSet::describe).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Catalogue {
    rules: Vec<RuleDescription>,
}

/// One rule: what it checks, how seriously, where, with which parameters, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RuleDescription {
    /// The stable code.
    pub code: &'static str,
    /// What the rule asks for.
    pub title: &'static str,
    /// Whether the rule runs.
    pub enabled: bool,
    /// The severity under the `final` profile.
    pub severity: Severity,
    /// The severity under the `draft` profile.
    pub draft_severity: Severity,
    /// The profiles the rule runs in.
    pub profiles: Vec<Profile>,
    /// Free-form tags.
    pub tags: Vec<&'static str>,
    /// The parameters.
    pub params: Vec<ParamDescription>,
    /// Why the rule exists.
    pub rationale: &'static str,
}

/// One parameter of a rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ParamDescription {
    /// The name, as written in a configuration.
    pub name: &'static str,
    /// The type and range, in words.
    #[serde(rename = "type")]
    pub kind: String,
    /// The default value.
    pub default: ParamValue,
    /// The value in force.
    pub value: ParamValue,
    /// What it controls.
    pub description: &'static str,
}

impl Catalogue {
    pub(crate) fn new<'a>(rules: impl Iterator<Item = RuleInfo<'a>>) -> Self {
        let rules = rules
            .map(|info| {
                let meta = info.meta();
                RuleDescription {
                    code: meta.code(),
                    title: meta.title(),
                    enabled: info.enabled(),
                    severity: info.severity_in(Profile::Final),
                    draft_severity: info.severity_in(Profile::Draft),
                    profiles: meta.profiles().to_vec(),
                    tags: meta.tags().to_vec(),
                    params: meta
                        .params()
                        .iter()
                        .map(|spec| ParamDescription {
                            name: spec.name(),
                            kind: spec.type_description(),
                            default: spec.default_value(),
                            value: info
                                .params()
                                .iter()
                                .find(|(n, _)| *n == spec.name())
                                .map_or_else(|| spec.default_value(), |(_, v)| v.clone()),
                            description: spec.description(),
                        })
                        .collect(),
                    rationale: meta.rationale(),
                }
            })
            .collect();
        Catalogue { rules }
    }

    /// The rules, in the order they run.
    #[must_use]
    pub fn rules(&self) -> &[RuleDescription] {
        &self.rules
    }

    /// The catalogue as pretty-printed JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Plain strings, numbers and lists: writing cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The catalogue as a Markdown document: a summary table, then a section per rule.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail; the results are ignored.
        let _ = self.write_markdown(&mut out);
        out
    }

    fn write_markdown(&self, out: &mut String) -> fmt::Result {
        writeln!(out, "| code | title | final | draft |")?;
        writeln!(out, "|---|---|---|---|")?;
        for rule in &self.rules {
            writeln!(
                out,
                "| [`{code}`](#{anchor}) | {title} | {severity} | {draft} |",
                code = rule.code,
                anchor = rule.code.to_ascii_lowercase(),
                title = rule.title.replace('|', "\\|"),
                severity = rule.severity,
                draft = rule.draft_severity,
            )?;
        }
        for rule in &self.rules {
            writeln!(out, "\n### {}\n", rule.code)?;
            writeln!(out, "**{}**\n", rule.title)?;
            if !rule.enabled {
                writeln!(out, "*Disabled in this configuration.*\n")?;
            }
            writeln!(out, "{}\n", rule.rationale)?;
            writeln!(
                out,
                "- Severity: {} (final), {} (draft)",
                rule.severity, rule.draft_severity
            )?;
            if !rule.tags.is_empty() {
                writeln!(out, "- Tags: {}", rule.tags.join(", "))?;
            }
            for param in &rule.params {
                write!(
                    out,
                    "- Parameter `{}`: {} ({}; default {}",
                    param.name, param.description, param.kind, param.default
                )?;
                if param.value != param.default {
                    write!(out, "; configured {}", param.value)?;
                }
                writeln!(out, ")")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Catalogue {
    /// A plain-text listing: one paragraph per rule.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, rule) in self.rules.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{}  {}", rule.code, rule.title)?;
            write!(
                f,
                "  severity: {} (final), {} (draft)",
                rule.severity, rule.draft_severity
            )?;
            if !rule.enabled {
                write!(f, ", disabled")?;
            }
            writeln!(
                f,
                "; profiles: {}",
                rule.profiles
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
            for param in &rule.params {
                writeln!(
                    f,
                    "  param {} = {} ({}; default {}): {}",
                    param.name, param.value, param.kind, param.default, param.description
                )?;
            }
            writeln!(f, "  why: {}", rule.rationale)?;
        }
        Ok(())
    }
}

//! The validation engine: rules over any subject, configured from data,
//! extended with your own rules, reporting findings with stable codes and
//! JSON Pointer paths.
//!
//! The engine knows nothing of customer strategy; the built-in catalogue lives in
//! [`crate::rules`]. A service can run the catalogue, add its own [`Rule`]s, or
//! use the engine alone over its own [`Subject`] types.
//!
//! - [`Rule`] and [`RuleMeta`]: a stable code, a title, a default severity, a
//!   rationale, the profiles and tags it belongs to, and typed parameters with
//!   defaults ([`IntegerParam`], [`NumberParam`], [`BooleanParam`], [`TextParam`]).
//! - [`RuleSet`]: built once from rules and a [`Config`]; every configuration
//!   mistake is a [`BuildError`] at build time. Immutable, `Send + Sync`.
//! - [`Profile`]: `draft` (missing content is information) or `final` (missing
//!   content is an error).
//! - [`Report`] and [`Finding`]: deterministic, serializable, with counts per
//!   [`Severity`] and [`Report::is_valid`]; [`RuleSet::is_valid`] is the fast
//!   yes/no check that stops at the first error.
//! - Folding: a finding may be the cause of everything at or under a JSON
//!   Pointer ([`FindingBuilder::causes`]); once every rule has run, each finding
//!   a reported cause implies is folded into it ([`Finding::folded`],
//!   [`Counts::folded`]) instead of standing beside it: one problem, one finding.

mod config;
mod describe;
mod finding;
mod fold;
mod params;
mod report;
mod rule;
mod set;
mod severity;

pub use config::{Config, RuleConfig};
pub use describe::{Catalogue, ParamDescription, RuleDescription};
pub use finding::{Check, Finding, FindingBuilder, JsonPointer};
pub use params::{
    BooleanParam, IntegerParam, NumberParam, ParamKind, ParamSpec, ParamValue, Params, TextParam,
};
pub use report::{Counts, Report};
pub use rule::{CheckFn, FnRule, Rule, RuleMeta, Subject};
pub use set::{BuildError, BuildProblem, RuleInfo, RuleSet, RuleSetBuilder};
pub use severity::{Profile, Severity, UnknownName};

//! How serious a finding is, and the profiles a subject is judged under.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; nothing is wrong yet.
    Info,
    /// Probably wrong, or weak; does not make the subject invalid.
    Warning,
    /// Wrong: the subject is not valid while the finding stands.
    Error,
}

impl Severity {
    /// The severity's name as written in configurations and reports.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(UnknownName {
                what: "severity",
                input: s.to_owned(),
                expected: "`info`, `warning` or `error`",
            }),
        }
    }
}

/// The standard a subject is judged by.
///
/// A *draft* is a workshop in progress: content that is still missing is worth
/// knowing but not wrong, so rules that ask for content report it as
/// [`Severity::Info`]. A *final* subject is put forward for sign-off: missing
/// content is an error.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Profile {
    /// A workshop in progress.
    Draft,
    /// Put forward for sign-off.
    #[default]
    Final,
}

impl Profile {
    /// Both profiles.
    pub const ALL: [Profile; 2] = [Profile::Draft, Profile::Final];

    /// The profile's name as written in configurations and reports.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Profile::Draft => "draft",
            Profile::Final => "final",
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Profile {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(Profile::Draft),
            "final" => Ok(Profile::Final),
            _ => Err(UnknownName {
                what: "profile",
                input: s.to_owned(),
                expected: "`draft` or `final`",
            }),
        }
    }
}

/// The error returned when text names no severity or profile.
///
/// ```
/// use customer_strategy::validate::Profile;
///
/// let err = "finished".parse::<Profile>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown profile `finished`: expected `draft` or `final`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{input}`: expected {expected}")]
pub struct UnknownName {
    what: &'static str,
    input: String,
    expected: &'static str,
}

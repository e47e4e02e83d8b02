//! The report of a validation run.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validate::finding::Finding;
use crate::validate::severity::{Profile, Severity};

/// How many findings of each severity a report holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Counts {
    /// Error-level findings.
    pub error: usize,
    /// Warning-level findings.
    pub warning: usize,
    /// Information-level findings.
    pub info: usize,
}

impl Counts {
    /// The number of findings of `severity`.
    #[must_use]
    pub fn of(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

/// The findings of one validation run, in a stable order: by rule code, then in
/// the order the rule met them in the subject.
///
/// The same subject, rules and profile always give an identical report, down to
/// the bytes of its JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RawReport")]
pub struct Report {
    profile: Profile,
    counts: Counts,
    findings: Vec<Finding>,
}

/// A report as read, before its counts are checked against its findings.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawReport {
    /// The profile the subject was judged under.
    profile: Profile,
    /// How many findings of each severity the report holds; they must match the findings.
    counts: Counts,
    /// Every finding: by rule code, then in the order the rule met them in the subject.
    findings: Vec<Finding>,
}

impl TryFrom<RawReport> for Report {
    type Error = String;

    fn try_from(raw: RawReport) -> Result<Self, Self::Error> {
        let report = Report::new(raw.profile, raw.findings);
        if report.counts == raw.counts {
            Ok(report)
        } else {
            Err(format!(
                "the report's counts ({} error, {} warning, {} info) do not match its findings ({} error, {} warning, {} info)",
                raw.counts.error,
                raw.counts.warning,
                raw.counts.info,
                report.counts.error,
                report.counts.warning,
                report.counts.info
            ))
        }
    }
}

impl Report {
    pub(crate) fn new(profile: Profile, findings: Vec<Finding>) -> Self {
        let mut counts = Counts::default();
        for finding in &findings {
            match finding.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        Report {
            profile,
            counts,
            findings,
        }
    }

    /// Whether no finding is an error.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.counts.error == 0
    }

    /// The profile the subject was judged under.
    #[must_use]
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// How many findings of each severity there are.
    #[must_use]
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Every finding, in report order.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The findings of one severity, in report order.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// The findings of one rule, in report order.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }

    /// Whether there are no findings at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// The report as pretty-printed JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Every key is a string and every value is already JSON, so writing
        // cannot fail; the fallback is never taken.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl fmt::Display for Report {
    /// A readable summary: one finding per line, then the counts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        let Counts {
            error,
            warning,
            info,
        } = self.counts;
        write!(
            f,
            "{} under the {} profile: {error} error(s), {warning} warning(s), {info} info",
            if self.is_valid() { "valid" } else { "invalid" },
            self.profile
        )
    }
}

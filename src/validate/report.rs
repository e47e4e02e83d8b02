//! The report of a validation run.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validate::finding::Finding;
use crate::validate::severity::{Profile, Severity};

/// How many findings of each severity a report lists, and how many more it
/// carries folded into them.
///
/// The severity counts are of the findings that stand in
/// [`Report::findings`]; those folded into them are counted in
/// [`folded`](Counts::folded) alone. A folded finding is never more severe
/// than the one carrying it, so the error count says whether a report is valid.
///
/// ```
/// use customer_strategy::validate::{Counts, Report};
///
/// let report: Report = serde_json::from_str(
///     r#"{"profile":"final","counts":{"error":0,"warning":0,"info":0},"findings":[]}"#,
/// )?;
/// let counts: Counts = report.counts();
/// assert_eq!(counts.folded, 0);
/// assert_eq!(counts.to_string(), "0 error, 0 warning, 0 info");
/// # Ok::<(), serde_json::Error>(())
/// ```
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
    /// Findings folded into the ones that imply them, at every depth, of any
    /// severity; see [`FindingBuilder::causes`](crate::validate::FindingBuilder::causes).
    /// Zero in a report written before findings were folded.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub folded: usize,
}

/// Leaves `folded` out of a report with nothing folded, as before folding.
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl fmt::Display for Counts {
    /// Such as `3 error, 1 warning, 0 info`, then `, 5 folded` when any are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} error, {} warning, {} info",
            self.error, self.warning, self.info
        )?;
        if self.folded > 0 {
            write!(f, ", {} folded", self.folded)?;
        }
        Ok(())
    }
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
/// A finding that another, reported, finding implies (such as a missing field
/// of a section reported empty) is folded into it: it does not stand in
/// [`findings`](Report::findings) but is carried in the implying finding's
/// [`folded`](Finding::folded), counted in [`Counts::folded`], listed by
/// [`all_findings`](Report::all_findings) and shown by the alternate form of
/// `Display` (`{:#}`).
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
    /// The findings that stand: by rule code, then in the order the rule met
    /// them in the subject; each carries the findings folded into it.
    findings: Vec<Finding>,
}

impl TryFrom<RawReport> for Report {
    type Error = String;

    fn try_from(raw: RawReport) -> Result<Self, Self::Error> {
        let report = Report::new(raw.profile, raw.findings);
        if let Some((outer, inner)) = report.more_severe_fold() {
            return Err(format!(
                "a {} finding {} is folded into a {} finding {}, which is less severe",
                inner.severity, inner.code, outer.severity, outer.code
            ));
        }
        if report.counts == raw.counts {
            Ok(report)
        } else {
            Err(format!(
                "the report's counts ({}) do not match its findings ({})",
                raw.counts, report.counts
            ))
        }
    }
}

impl Report {
    /// A report of findings already folded (or never to be).
    pub(crate) fn new(profile: Profile, findings: Vec<Finding>) -> Self {
        let mut counts = Counts::default();
        for finding in &findings {
            match finding.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
            counts.folded += finding.folded_count();
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

    /// The findings that stand, in report order; those they imply are folded
    /// into them (see [`Finding::folded`]).
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Every finding, folded or not: each standing finding in report order,
    /// followed at once by those folded into it (and theirs, depth first).
    ///
    /// ```
    /// use customer_strategy::validate::{Check, FnRule, JsonPointer, Profile, RuleMeta, RuleSet, Severity, Subject};
    ///
    /// struct Form;
    /// impl Subject for Form {
    ///     type Index = ();
    ///     fn index(&self) {}
    /// }
    /// fn empty(_: &Form, _: &(), check: &mut Check<'_>) {
    ///     let section = JsonPointer::from("/address");
    ///     check.finding(section.clone(), "form.empty", "The address is empty").causes(section).emit();
    ///     check.finding(JsonPointer::from("/address/city"), "form.city", "No city").emit();
    /// }
    /// const META: RuleMeta = RuleMeta::new("FORM-ADDRESS-001", "Addresses are given", Severity::Error, "Post needs one.");
    /// let rules = RuleSet::builder().rule(FnRule::<Form>::new(META, empty)).build()?;
    /// let report = rules.validate(&Form, Profile::Final);
    /// assert_eq!(report.findings().len(), 1);
    /// assert_eq!(report.folded_count(), 1);
    /// let all: Vec<&str> = report.all_findings().map(|f| f.message.as_str()).collect();
    /// assert_eq!(all, ["The address is empty", "No city"]);
    /// assert!(format!("{report}").contains("(+1 implied finding(s) folded)"));
    /// assert!(format!("{report:#}").contains("No city"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        AllFindings {
            pending: self.findings.iter().rev().collect(),
        }
    }

    /// How many findings are folded into others, at every depth; the same as
    /// [`Counts::folded`].
    #[must_use]
    pub fn folded_count(&self) -> usize {
        self.counts.folded
    }

    /// A folded finding more severe than the one carrying it, if any: a report
    /// the engine never writes.
    fn more_severe_fold(&self) -> Option<(&Finding, &Finding)> {
        let mut pending: Vec<&Finding> = self.findings.iter().collect();
        while let Some(outer) = pending.pop() {
            for inner in &outer.folded {
                if inner.severity > outer.severity {
                    return Some((outer, inner));
                }
                pending.push(inner);
            }
        }
        None
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

/// Walks the findings depth first without recursion.
struct AllFindings<'a> {
    /// What is still to be visited, the next on top.
    pending: Vec<&'a Finding>,
}

impl<'a> Iterator for AllFindings<'a> {
    type Item = &'a Finding;

    fn next(&mut self) -> Option<&'a Finding> {
        let next = self.pending.pop()?;
        self.pending.extend(next.folded.iter().rev());
        Some(next)
    }
}

impl fmt::Display for Report {
    /// A readable summary: one standing finding per line (with how many it
    /// folds), then the counts. The alternate form (`{:#}`) also lists the
    /// folded findings, indented under the finding that implies them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            if f.alternate() {
                writeln!(f, "{finding:#}")?;
            } else {
                writeln!(f, "{finding}")?;
            }
        }
        let Counts {
            error,
            warning,
            info,
            folded,
        } = self.counts;
        write!(
            f,
            "{} under the {} profile: {error} error(s), {warning} warning(s), {info} info",
            if self.is_valid() { "valid" } else { "invalid" },
            self.profile
        )?;
        if folded > 0 {
            write!(f, ", and {folded} implied finding(s) folded into them")?;
        }
        Ok(())
    }
}

//! The bottom of the canvas: insight, performance and governance, which keep the
//! strategy informed, measured and steered.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use crate::canvas::evidence::StatementEvidence;
use crate::canvas::measure::{MetricKind, Observation};
use crate::canvas::metadata::{Function, Person};
use crate::id::{
    BusinessGoalId, CapabilityGapId, JourneyId, MetricId, NeedId, ObjectiveId, OfferingId,
    SegmentId, TouchPointId, ValueElementId,
};
use crate::quantity::Share;

/// The bottom zone: insight, performance and governance.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Steering {
    /// How customer understanding is captured and kept.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub insight: Insight,
    /// Objectives, metrics and incentives.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub performance: Performance,
    /// Who oversees the strategy and how.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub governance: Governance,
}

/// How customer understanding is captured and kept, and tied back to business value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Insight {
    /// The sources the organization listens to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<ListeningSource>,
    /// How customer value is tied back to business value.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub value_linkage: String,
}

impl Insight {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.value_linkage.trim().is_empty()
    }
}

/// A source of insight and whose voice it carries.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListeningSource {
    /// The source's name, e.g. "Post-completion survey".
    pub name: String,
    /// Whose voice it carries.
    pub voice: Voice,
    /// How often it is gathered.
    pub cadence: Cadence,
}

/// Whose voice a listening source carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Voice {
    /// The voice of the customer: surveys, complaints, interviews.
    Customer,
    /// The voice of the employee: what staff see and hear.
    Employee,
    /// The voice of the operation: what operational data shows.
    Operation,
}

/// How often something happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cadence {
    /// All the time, as events happen.
    Continuous,
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every six months.
    HalfYearly,
    /// Every year.
    Annually,
}

impl Cadence {
    /// The longest interval in days between two occurrences.
    #[must_use]
    pub const fn max_days(self) -> u32 {
        match self {
            Cadence::Continuous | Cadence::Daily => 1,
            Cadence::Weekly => 7,
            Cadence::Monthly => 31,
            Cadence::Quarterly => 92,
            Cadence::HalfYearly => 184,
            Cadence::Annually => 366,
        }
    }

    /// The name used in documents, such as `"half_yearly"`.
    ///
    /// ```
    /// use customer_strategy::Cadence;
    ///
    /// assert_eq!(Cadence::HalfYearly.as_str(), "half_yearly");
    /// assert_eq!(Cadence::Quarterly.max_days(), 92);
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Cadence::Continuous => "continuous",
            Cadence::Daily => "daily",
            Cadence::Weekly => "weekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::HalfYearly => "half_yearly",
            Cadence::Annually => "annually",
        }
    }
}

/// Customer objectives, the metrics that track them, and the incentives that reward them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Performance {
    /// The customer objectives: acquire, retain, grow.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<CustomerObjective>,
    /// The metrics and key results.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// The incentives and the metrics they reward.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incentives: Vec<Incentive>,
}

impl Performance {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.objectives.is_empty() && self.metrics.is_empty() && self.incentives.is_empty()
    }
}

/// An objective for acquiring, retaining or growing customers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerObjective {
    /// The objective's id.
    pub id: ObjectiveId,
    /// The objective, e.g. "Keep 90% of customers at the end of their fixed rate".
    pub statement: String,
    /// The stage of the customer lifecycle it addresses.
    pub lifecycle: Lifecycle,
    /// The segments it concerns; empty when it concerns all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentId>,
    /// Its share of the strategy's investment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment_share: Option<Share>,
    /// The business goal it supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_goal: Option<BusinessGoalId>,
    /// The evidence behind it: an assumption, being tested, validated or
    /// invalidated. Absent by default, which says nothing either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<StatementEvidence>,
}

impl CustomerObjective {
    /// Creates an objective with a fresh id.
    #[must_use]
    pub fn new(statement: impl Into<String>, lifecycle: Lifecycle) -> Self {
        CustomerObjective {
            id: ObjectiveId::new(),
            statement: statement.into(),
            lifecycle,
            segments: Vec::new(),
            investment_share: None,
            business_goal: None,
            evidence: None,
        }
    }
}

/// The stages of the customer lifecycle a customer strategy plans for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lifecycle {
    /// Winning new customers.
    Acquire,
    /// Keeping the customers the business has.
    Retain,
    /// Growing what customers do with the business.
    Grow,
}

impl Lifecycle {
    /// The three stages, in order.
    pub const ALL: [Lifecycle; 3] = [Lifecycle::Acquire, Lifecycle::Retain, Lifecycle::Grow];
}

/// A metric or key result.
///
/// A metric of a known [`MetricKind`] is refused when it is loaded with a
/// baseline, an observation or a target outside the kind's range (an NPS of
/// 120, a churn rate of −3%).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// The metric's id.
    pub id: MetricId,
    /// The metric's name, e.g. "Net Promoter Score".
    pub name: String,
    /// Whether it measures value for the customer or for the business.
    pub perspective: Perspective,
    /// The target, where set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The function accountable for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Function>,
    /// What it measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measured>,
    /// Whether the metric is tracked without a target of its own (monitored,
    /// not targeted), such as a health indicator watched for a change of
    /// trend. A monitor-only metric needs no target. `false` by default.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub monitor_only: bool,
    /// What the metric measures (NPS, CSAT, ...), which fixes the range of its
    /// values and which way is better. Absent by default: any number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MetricKind>,
    /// Where the metric stood when the strategy set its target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Observation>,
    /// What was measured since, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    /// How often the metric is measured; an observation is due within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
}

/// The fields of a metric as a document holds them, checked against the
/// range of the metric's kind before they become a [`Metric`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricFields {
    id: MetricId,
    name: String,
    perspective: Perspective,
    #[serde(default)]
    target: Option<Target>,
    #[serde(default)]
    owner: Option<Function>,
    #[serde(default)]
    measures: Vec<Measured>,
    #[serde(default)]
    monitor_only: bool,
    #[serde(default)]
    kind: Option<MetricKind>,
    #[serde(default)]
    baseline: Option<Observation>,
    #[serde(default)]
    observations: Vec<Observation>,
    #[serde(default)]
    cadence: Option<Cadence>,
}

impl<'de> Deserialize<'de> for Metric {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let f = MetricFields::deserialize(deserializer)?;
        if let Some(kind) = &f.kind {
            let (low, high) = kind.range();
            let range = if high == f64::MAX {
                format!("{low} or more")
            } else {
                format!("{low} to {high}")
            };
            let values = f
                .baseline
                .iter()
                .map(|b| ("baseline", b.value))
                .chain(f.observations.iter().map(|o| ("an observation", o.value)))
                .chain(f.target.iter().map(|t| ("the target", t.value)));
            for (what, value) in values {
                if !kind.contains(value) {
                    return Err(serde::de::Error::custom(format!(
                        "the metric \"{}\" is a {}, from {range}, but {what} is {value}",
                        f.name,
                        kind.title()
                    )));
                }
            }
        }
        Ok(Metric {
            id: f.id,
            name: f.name,
            perspective: f.perspective,
            target: f.target,
            owner: f.owner,
            measures: f.measures,
            monitor_only: f.monitor_only,
            kind: f.kind,
            baseline: f.baseline,
            observations: f.observations,
            cadence: f.cadence,
        })
    }
}

impl Metric {
    /// Creates a metric with a fresh id, without target, owner or subject.
    #[must_use]
    pub fn new(name: impl Into<String>, perspective: Perspective) -> Self {
        Metric {
            id: MetricId::new(),
            name: name.into(),
            perspective,
            target: None,
            owner: None,
            measures: Vec::new(),
            monitor_only: false,
            kind: None,
            baseline: None,
            observations: Vec::new(),
            cadence: None,
        }
    }
}

/// Whose value a metric measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Perspective {
    /// A customer measure: value as customers see it (satisfaction, effort, retention, ...).
    Customer,
    /// A business measure: value the business gets back (revenue, margin, cost to serve, ...).
    Business,
}

/// The target of a metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The value to reach; finite.
    #[serde(serialize_with = "serialize_finite")]
    pub value: f64,
    /// The unit of the value, e.g. "points", "%", "days".
    pub unit: String,
    /// Whether the metric should end at or above the value, or at or below it.
    #[serde(default)]
    pub direction: Direction,
    /// When the target is due.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::deserialize_option"
    )]
    // The date reader takes no `null`, so neither does the schema.
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub due: Option<NaiveDate>,
}

fn serialize_finite<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_finite() {
        serializer.serialize_f64(*value)
    } else {
        Err(serde::ser::Error::custom(format!(
            "a target value must be a finite number, got {value}"
        )))
    }
}

/// Which side of its target a metric should end on.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// At or above the target value.
    #[default]
    AtLeast,
    /// At or below the target value.
    AtMost,
}

/// Something a metric measures: an element of the canvas, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Measured {
    /// A customer objective.
    Objective(ObjectiveId),
    /// A business goal.
    BusinessGoal(BusinessGoalId),
    /// An element of the customer value proposition.
    ValueElement(ValueElementId),
    /// A customer journey.
    Journey(JourneyId),
    /// A touch point.
    TouchPoint(TouchPointId),
    /// An offering.
    Offering(OfferingId),
    /// A customer segment.
    Segment(SegmentId),
    /// A capability gap.
    CapabilityGap(CapabilityGapId),
}

/// An incentive and the metrics it rewards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Incentive {
    /// The incentive's name, e.g. "Branch team bonus".
    pub name: String,
    /// Who it applies to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub applies_to: String,
    /// Whether it pays out on short-term or long-term results.
    pub term: Term,
    /// The metrics it rewards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rewards: Vec<MetricId>,
}

/// Whether an incentive rewards short-term or long-term results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Term {
    /// Results within the year.
    ShortTerm,
    /// Results over several years.
    LongTerm,
}

/// Who oversees the strategy, where it is reviewed, how often, and what it will not do.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Governance {
    /// The person who oversees the strategy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Person>,
    /// The forum where it is reviewed, e.g. "Customer council".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub forum: String,
    /// How often the forum reviews it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_cadence: Option<Cadence>,
    /// What the strategy has chosen not to do.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub will_not_do: Vec<Choice>,
    /// The options considered for the strategy, chosen or rejected, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<StrategyOption>,
    /// What makes the strategy due for review before its cadence says so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub review_triggers: Vec<ReviewTrigger>,
    /// When the strategy is next reviewed.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::deserialize_option"
    )]
    // The date reader takes no `null`, so neither does the schema.
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub next_review: Option<NaiveDate>,
}

impl Governance {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.owner.is_none()
            && self.forum.trim().is_empty()
            && self.review_cadence.is_none()
            && self.will_not_do.is_empty()
    }
}

/// Something the strategy has chosen not to do, and why.
///
/// A choice can name what it leaves aside, and the rules respect it: a need
/// deliberately not served is not reported by CANVAS-TRACE-003, a segment
/// deliberately left without journeys not by CANVAS-TOUCH-001, and a stage of
/// the lifecycle deliberately not pursued not by CANVAS-LIFECYCLE-001.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the strategy will not do.
    pub statement: String,
    /// Why not.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The segments the choice leaves without journeys of their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentId>,
    /// The needs the choice leaves unserved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<NeedId>,
    /// The stages of the customer lifecycle the strategy does not pursue,
    /// such as acquisition for a closed membership.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifecycle: Vec<Lifecycle>,
}

impl Choice {
    /// Creates a choice that names nothing it leaves aside.
    #[must_use]
    pub fn new(statement: impl Into<String>, reason: impl Into<String>) -> Self {
        Choice {
            statement: statement.into(),
            reason: reason.into(),
            segments: Vec::new(),
            needs: Vec::new(),
            lifecycle: Vec::new(),
        }
    }
}

/// An option considered for the strategy, and whether it was chosen.
///
/// ```
/// use customer_strategy::StrategyOption;
///
/// let option: StrategyOption = serde_json::from_str(
///     r#"{"name": "Compete on rate through brokers", "chosen": false, "reason": "Rate buyers leave at their first maturity"}"#,
/// )?;
/// assert!(!option.chosen);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StrategyOption {
    /// The option, such as "Compete on rate through brokers".
    pub name: String,
    /// What it would have meant.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Whether it was chosen.
    #[serde(default)]
    pub chosen: bool,
    /// Why it was chosen or rejected.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// Something that makes the strategy due for review.
///
/// ```
/// use customer_strategy::ReviewTrigger;
///
/// let trigger: ReviewTrigger = serde_json::from_str(r#"{"event": "A new competitor enters the market"}"#)?;
/// assert!(matches!(trigger, ReviewTrigger::Event(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReviewTrigger {
    /// A metric crossing a value.
    Metric(MetricCrossing),
    /// A date.
    Date(
        #[serde(deserialize_with = "crate::dates::deserialize")]
        #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
        NaiveDate,
    ),
    /// An external event, described in words.
    Event(String),
}

/// A metric crossing a value, which triggers a review.
///
/// ```
/// use customer_strategy::{Direction, MetricCrossing, MetricId, ReviewTrigger};
///
/// let trigger = ReviewTrigger::Metric(MetricCrossing {
///     metric: MetricId::new(),
///     value: 68.0,
///     direction: Direction::AtMost,
/// });
/// assert!(serde_json::to_string(&trigger)?.starts_with(r#"{"metric":{"metric":""#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MetricCrossing {
    /// The metric, by id.
    pub metric: MetricId,
    /// The value it crosses; finite.
    #[serde(serialize_with = "serialize_finite")]
    pub value: f64,
    /// Whether the trigger fires when the metric goes above the value
    /// (`at_least`) or below it (`at_most`).
    #[serde(default)]
    pub direction: Direction,
}

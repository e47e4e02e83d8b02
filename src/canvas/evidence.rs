//! The evidence behind the strategy's key statements, and the tests that
//! gather it.
//!
//! A strategy rests on statements that may or may not be true: that customers
//! have a need, that a value element matters to them, that a differentiator
//! sets the offer apart, that an objective can be reached, that the business
//! gets the return it expects. Each can carry [`StatementEvidence`]: whether it is
//! still an assumption, being tested, validated or invalidated, where the
//! evidence comes from, and the test and learning cards that record how it
//! was tested.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::id::{MetricId, TestCardId};

/// Where a key statement stands: an assumption, being tested, validated or
/// invalidated.
///
/// ```
/// use customer_strategy::EvidenceStatus;
///
/// assert_eq!(EvidenceStatus::default(), EvidenceStatus::Assumption);
/// assert!(EvidenceStatus::Assumption.is_untested());
/// assert!(!EvidenceStatus::BeingTested.is_untested());
/// assert_eq!(EvidenceStatus::BeingTested.as_str(), "being_tested");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceStatus {
    /// Believed, not tested (the default).
    #[default]
    Assumption,
    /// A test is running.
    BeingTested,
    /// The evidence bears it out.
    Validated,
    /// The evidence says it is not so.
    Invalidated,
}

impl EvidenceStatus {
    /// The name used in documents, such as `"being_tested"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EvidenceStatus::Assumption => "assumption",
            EvidenceStatus::BeingTested => "being_tested",
            EvidenceStatus::Validated => "validated",
            EvidenceStatus::Invalidated => "invalidated",
        }
    }

    /// Whether the statement has been neither tested nor put to a test:
    /// still an assumption.
    #[must_use]
    pub const fn is_untested(self) -> bool {
        matches!(self, EvidenceStatus::Assumption)
    }
}

/// Where a piece of evidence comes from.
///
/// ```
/// use customer_strategy::EvidenceSource;
///
/// let source: EvidenceSource = serde_json::from_str(r#"{"listening_source": "Broker panel"}"#)?;
/// assert_eq!(source, EvidenceSource::ListeningSource("Broker panel".to_owned()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceSource {
    /// A listening source of the insight block, by its name.
    ListeningSource(String),
    /// A customer value study, by its id or name.
    ValueStudy(String),
    /// A metric of the performance block, by its id.
    Metric(MetricId),
    /// Any other document: a title, a reference or an address.
    Document(String),
}

/// The evidence behind one key statement.
///
/// ```
/// use customer_strategy::{Canvas, Document, EvidenceStatus};
///
/// let canvas = Canvas::from_toml(r#"
///     [metadata]
///     schema_version = 1
///     id = "67e55044-10b1-426f-9247-bb680e5fe0c8"
///     name = "Customer strategy 2027-2030"
///     organization = "Northgate Coffee"
///     created = "2026-09-01T09:00:00Z"
///     updated = "2026-09-01T09:00:00Z"
///
///     [[context.customer.segments]]
///     id = "5e000000-0000-4000-8000-000000000001"
///     name = "Morning regulars"
///     status = "existing"
///     role = "both"
///
///     [[context.customer.segments.needs]]
///     id = "4e000000-0000-4000-8000-000000000001"
///     description = "Coffee in hand within three minutes of walking in"
///
///     [context.customer.segments.needs.evidence]
///     status = "validated"
///     date = "2026-08-20"
///     sources = [{ listening_source = "Till-time study, spring 2026" }]
/// "#)?;
/// let need = &canvas.context.customer.segments[0].needs[0];
/// assert_eq!(need.evidence.as_ref().map(|e| e.status), Some(EvidenceStatus::Validated));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatementEvidence {
    /// Where the statement stands; an assumption by default.
    #[serde(default)]
    pub status: EvidenceStatus,
    /// Where the evidence comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<EvidenceSource>,
    /// When the status was last set.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::deserialize_option"
    )]
    // The date reader takes no `null`, so neither does the schema.
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub date: Option<NaiveDate>,
    /// What the evidence says, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The tests planned or run on the statement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tests: Vec<TestCard>,
    /// What was learned from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learnings: Vec<LearningCard>,
}

impl StatementEvidence {
    /// Whether some learning card answers the test card `test`.
    ///
    /// ```
    /// use customer_strategy::{StatementEvidence, LearningCard, TestCard, TestCardId};
    ///
    /// let test = TestCard::new("Regulars will pre-order in the app");
    /// let mut evidence = StatementEvidence::default();
    /// assert!(!evidence.has_learning_for(test.id));
    /// evidence.learnings.push(LearningCard {
    ///     test: Some(test.id),
    ///     ..LearningCard::default()
    /// });
    /// assert!(evidence.has_learning_for(test.id));
    /// assert!(!evidence.has_learning_for(TestCardId::new()));
    /// ```
    #[must_use]
    pub fn has_learning_for(&self, test: TestCardId) -> bool {
        self.learnings.iter().any(|l| l.test == Some(test))
    }
}

/// A test of a key statement: what is believed, how it is tested, what is
/// measured and what would count as success.
///
/// ```
/// use chrono::NaiveDate;
/// use customer_strategy::TestCard;
///
/// let mut card = TestCard::new("Regulars will pre-order in the app");
/// card.test = "Offer pre-ordering in two shops for a month".to_owned();
/// card.success_criterion = "A fifth of morning orders come through the app".to_owned();
/// card.due = NaiveDate::from_ymd_opt(2027, 3, 31);
/// assert!(card.metric.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TestCard {
    /// The card's id, which a learning card refers to.
    pub id: TestCardId,
    /// What is believed, such as "Regulars will pre-order in the app".
    pub hypothesis: String,
    /// How it is tested.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub test: String,
    /// What is measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub metric: String,
    /// What result would bear the hypothesis out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub success_criterion: String,
    /// When the test is due to give its answer.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::deserialize_option"
    )]
    // The date reader takes no `null`, so neither does the schema.
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub due: Option<NaiveDate>,
}

impl TestCard {
    /// Creates a test card with a fresh id for `hypothesis`.
    #[must_use]
    pub fn new(hypothesis: impl Into<String>) -> Self {
        TestCard {
            id: TestCardId::new(),
            hypothesis: hypothesis.into(),
            test: String::new(),
            metric: String::new(),
            success_criterion: String::new(),
            due: None,
        }
    }
}

/// What a test taught: the observation, the learning and the decision taken.
///
/// ```
/// use customer_strategy::{LearningCard, TestCard};
///
/// let test = TestCard::new("Regulars will pre-order in the app");
/// let learning = LearningCard {
///     test: Some(test.id),
///     observation: "12% of morning orders came through the app".to_owned(),
///     learning: "Regulars like to order at the counter".to_owned(),
///     decision: "Keep the app for offices' group orders".to_owned(),
///     date: None,
/// };
/// assert_eq!(learning.test, Some(test.id));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LearningCard {
    /// The test card it answers, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test: Option<TestCardId>,
    /// What was observed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub observation: String,
    /// What was learned from it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learning: String,
    /// What was decided because of it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision: String,
    /// When.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::deserialize_option"
    )]
    // The date reader takes no `null`, so neither does the schema.
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub date: Option<NaiveDate>,
}

//! The proposition and experience zone: the value for the customer, the value for
//! the business, and how the proposition comes to life in journeys.

use serde::{Deserialize, Serialize};

use crate::canvas::evidence::StatementEvidence;
use crate::canvas::metadata::{Function, Person};
use crate::id::{CapabilityGapId, JourneyId, NeedId, SegmentId, TouchPointId, ValueElementId};
use crate::quantity::Money;

/// The proposition and experience zone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PropositionAndExperience {
    /// What the customer gets.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub customer_value: CustomerValueProposition,
    /// What the business gets back.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub business_value: BusinessValueProposition,
    /// How the proposition comes to life in the key journeys.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub experience: ExperienceConcept,
}

/// What in the offer delivers value to customers, why it attracts them, and how
/// it differs from the competition.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct CustomerValueProposition {
    /// The proposition in a sentence.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub statement: String,
    /// The elements of the offer that deliver value, each serving named needs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<ValueElement>,
    /// How the offer differs from named competitors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differentiators: Vec<Differentiator>,
}

impl CustomerValueProposition {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.statement.trim().is_empty()
            && self.elements.is_empty()
            && self.differentiators.is_empty()
    }
}

/// One element of the offer that delivers value to customers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValueElement {
    /// The element's id.
    pub id: ValueElementId,
    /// The element, e.g. "Decision in principle within an hour".
    pub name: String,
    /// Why customers find it attractive.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The customer needs it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<NeedId>,
    /// The evidence behind it: an assumption, being tested, validated or
    /// invalidated. Absent by default, which says nothing either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<StatementEvidence>,
}

impl ValueElement {
    /// Creates a value element with a fresh id, serving the given needs.
    #[must_use]
    pub fn new(name: impl Into<String>, serves: impl IntoIterator<Item = NeedId>) -> Self {
        ValueElement {
            id: ValueElementId::new(),
            name: name.into(),
            description: String::new(),
            serves: serves.into_iter().collect(),
            evidence: None,
        }
    }
}

/// How the offer differs from a named competitor.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Differentiator {
    /// The competitor, by name.
    pub competitor: String,
    /// What sets the offer apart from that competitor.
    pub difference: String,
    /// The evidence behind it: an assumption, being tested, validated or
    /// invalidated. Absent by default, which says nothing either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<StatementEvidence>,
}

/// What the business gets back for delivering the customer value proposition.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct BusinessValueProposition {
    /// The return the business expects, e.g. "Retention up 5 points, worth 12m a year".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expected_return: String,
    /// The investments in capabilities and experiences the proposition needs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub investments: Vec<Investment>,
    /// What other stakeholders (investors, regulators, community, employees) gain.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stakeholder_benefits: Vec<StakeholderBenefit>,
    /// The evidence behind the expected return. Absent by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_return_evidence: Option<StatementEvidence>,
}

impl BusinessValueProposition {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.expected_return.trim().is_empty()
            && self.investments.is_empty()
            && self.stakeholder_benefits.is_empty()
    }
}

/// An investment the strategy needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Investment {
    /// What is invested in.
    pub description: String,
    /// How much, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The capability gaps the investment closes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closes: Vec<CapabilityGapId>,
}

impl Investment {
    /// Creates an investment with a description and nothing else.
    #[must_use]
    pub fn new(description: impl Into<String>) -> Self {
        Investment {
            description: description.into(),
            amount: None,
            closes: Vec::new(),
        }
    }
}

/// A stakeholder group other than customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StakeholderGroup {
    /// Shareholders and other investors.
    Investors,
    /// Regulators.
    Regulators,
    /// The community the organization works in.
    Community,
    /// The organization's employees.
    Employees,
    /// Suppliers and partners.
    Partners,
}

/// What a stakeholder group gains from the strategy.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StakeholderBenefit {
    /// Who gains.
    pub stakeholder: StakeholderGroup,
    /// What they gain.
    pub benefit: String,
}

/// How the proposition comes to life: the key journeys of each segment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ExperienceConcept {
    /// The experience in a sentence: how it should feel to be a customer.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub statement: String,
    /// The key customer journeys.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub journeys: Vec<Journey>,
}

impl ExperienceConcept {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.statement.trim().is_empty() && self.journeys.is_empty()
    }
}

/// A customer journey of one segment, in stages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Journey {
    /// The journey's id.
    pub id: JourneyId,
    /// The journey's name, e.g. "Buying a first home".
    pub name: String,
    /// The segment whose journey this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<SegmentId>,
    /// The person who answers for the journey end to end, across the
    /// functions that own its touch points. Absent by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Person>,
    /// The stages, in the order the customer goes through them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<JourneyStage>,
}

impl Journey {
    /// Creates a journey with a fresh id for the given segment, without stages.
    #[must_use]
    pub fn new(name: impl Into<String>, segment: SegmentId) -> Self {
        Journey {
            id: JourneyId::new(),
            name: name.into(),
            segment: Some(segment),
            owner: None,
            stages: Vec::new(),
        }
    }

    /// Every touch point of the journey, stage by stage.
    pub fn touch_points(&self) -> impl Iterator<Item = &TouchPoint> {
        self.stages
            .iter()
            .flat_map(|stage| stage.touch_points.iter())
    }
}

/// One stage of a journey and the touch points in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct JourneyStage {
    /// The stage's name, e.g. "Apply".
    pub name: String,
    /// The interactions with the customer in this stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touch_points: Vec<TouchPoint>,
}

impl JourneyStage {
    /// Creates a stage without touch points.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        JourneyStage {
            name: name.into(),
            touch_points: Vec::new(),
        }
    }

    /// Adds a touch point to the stage and returns its id.
    pub fn add_touch_point(&mut self, touch_point: TouchPoint) -> TouchPointId {
        let id = touch_point.id;
        self.touch_points.push(touch_point);
        id
    }
}

/// An interaction between the customer and the organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TouchPoint {
    /// The touch point's id.
    pub id: TouchPointId,
    /// The touch point's name, e.g. "Mortgage adviser meeting".
    pub name: String,
    /// The channel it happens in.
    pub channel: Channel,
    /// What kind of moment it is.
    pub kind: TouchPointKind,
    /// The function that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Function>,
}

impl TouchPoint {
    /// Creates a touch point with a fresh id, owned by `owner`.
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        channel: Channel,
        kind: TouchPointKind,
        owner: Function,
    ) -> Self {
        TouchPoint {
            id: TouchPointId::new(),
            name: name.into(),
            channel,
            kind,
            owner: Some(owner),
        }
    }
}

/// The channel a touch point happens in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Channel {
    /// In person, at a branch, store or site.
    InPerson,
    /// By telephone.
    Phone,
    /// By e-mail.
    Email,
    /// On the website.
    Web,
    /// In a mobile app.
    MobileApp,
    /// By chat or messaging.
    Chat,
    /// On social media.
    Social,
    /// By post.
    Mail,
    /// Through a partner or intermediary.
    Partner,
    /// At an event.
    Event,
    /// Through the product itself.
    Product,
}

/// The kind of moment a touch point is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TouchPointKind {
    /// The customer learns about the offer.
    Awareness,
    /// The customer weighs the offer against others.
    Consideration,
    /// The customer buys or signs up.
    Purchase,
    /// The customer is set up and welcomed.
    Onboarding,
    /// The customer uses the offer.
    Usage,
    /// The customer pays or is billed.
    Billing,
    /// Service: the customer has a problem.
    Problem,
    /// Service: the customer has a question.
    Question,
    /// Service: the customer complains.
    Complaint,
    /// The customer renews or buys again.
    Renewal,
    /// The customer gives feedback.
    Feedback,
    /// The customer recommends the organization.
    Advocacy,
    /// The customer leaves.
    Exit,
}

impl TouchPointKind {
    /// Whether the moment is one of service and support: a problem, a question or a complaint.
    #[must_use]
    pub const fn is_service_or_support(self) -> bool {
        matches!(
            self,
            TouchPointKind::Problem | TouchPointKind::Question | TouchPointKind::Complaint
        )
    }
}

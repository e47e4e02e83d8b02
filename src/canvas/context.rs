//! The context zone: the business the strategy serves and the customers it is for.

use serde::{Deserialize, Serialize};

use crate::canvas::evidence::StatementEvidence;
use crate::id::{NeedId, SegmentId};

/// The context zone: the business context and the customer context.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Context {
    /// The business the strategy has to serve.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub business: BusinessContext,
    /// The customers the strategy is for.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub customer: CustomerContext,
}

/// The business the customer strategy has to serve.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct BusinessContext {
    /// How the business makes money.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub business_model: String,
    /// Where the business means to grow.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub growth_objectives: Vec<String>,
    /// What matters most financially (margin, cost to serve, capital, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub financial_priorities: Vec<String>,
    /// How the business model delivers value to customers.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub customer_value_delivery: String,
    /// The main challenges the business faces, such as long supply-chain lead times.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub key_challenges: Vec<String>,
}

impl BusinessContext {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.business_model.trim().is_empty()
            && self.growth_objectives.is_empty()
            && self.financial_priorities.is_empty()
            && self.customer_value_delivery.trim().is_empty()
            && self.key_challenges.is_empty()
    }
}

/// The customers: segments or personas, what they need, and what they put first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct CustomerContext {
    /// The customer segments or personas.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<CustomerSegment>,
    /// What customers as a whole put first, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<String>,
}

impl CustomerContext {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty() && self.priorities.is_empty()
    }
}

/// A group of customers (or a persona standing for one) the strategy addresses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerSegment {
    /// The segment's id.
    pub id: SegmentId,
    /// The segment's name, e.g. "First-time home buyers".
    pub name: String,
    /// Who the segment is, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Whether the segment describes a group or a persona.
    #[serde(default)]
    pub kind: SegmentKind,
    /// Whether these are customers today or prospects.
    pub status: CustomerStatus,
    /// Whether the segment pays for the offer, uses it, both, or influences the choice.
    pub role: CustomerRole,
    /// For a segment that pays but does not use the offer: the segments that use it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<SegmentId>,
    /// What the segment needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
    /// What drives the segment's choices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub motivations: Vec<String>,
    /// The jobs the segment is trying to get done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jobs_to_be_done: Vec<String>,
    /// What the segment puts first, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<String>,
}

impl CustomerSegment {
    /// Creates a segment with a fresh id and nothing but its name, status and role.
    #[must_use]
    pub fn new(name: impl Into<String>, status: CustomerStatus, role: CustomerRole) -> Self {
        CustomerSegment {
            id: SegmentId::new(),
            name: name.into(),
            description: String::new(),
            kind: SegmentKind::default(),
            status,
            role,
            users: Vec::new(),
            needs: Vec::new(),
            motivations: Vec::new(),
            jobs_to_be_done: Vec::new(),
            priorities: Vec::new(),
        }
    }

    /// Adds a need to the segment and returns its id.
    pub fn add_need(&mut self, description: impl Into<String>) -> NeedId {
        let need = Need::new(description);
        let id = need.id;
        self.needs.push(need);
        id
    }
}

/// Whether a segment describes a group of customers or a persona standing for one.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SegmentKind {
    /// A group of customers with something in common.
    #[default]
    Segment,
    /// An archetypal customer standing for a group.
    Persona,
}

/// Whether a segment's members are customers today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CustomerStatus {
    /// Not yet customers.
    Prospect,
    /// Customers today.
    Existing,
}

/// The part a segment plays in buying and using the offer; payers may differ from users.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CustomerRole {
    /// Pays for the offer but does not use it (e.g. an employer buying a benefit).
    Pays,
    /// Uses the offer that someone else pays for.
    Uses,
    /// Pays for the offer and uses it.
    Both,
    /// Neither pays nor uses, but sways the choice (e.g. a mortgage broker).
    Influences,
}

/// Something a customer segment needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Need {
    /// The need's id.
    pub id: NeedId,
    /// The need, in the customer's terms.
    pub description: String,
    /// The evidence behind it: an assumption, being tested, validated or
    /// invalidated. Absent by default, which says nothing either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<StatementEvidence>,
}

impl Need {
    /// Creates a need with a fresh id.
    #[must_use]
    pub fn new(description: impl Into<String>) -> Self {
        Need {
            id: NeedId::new(),
            description: description.into(),
            evidence: None,
        }
    }
}

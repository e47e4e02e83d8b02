//! The Customer Strategy Canvas: five zones, twelve typed blocks, and the
//! metadata that says whose strategy it is.
//!
//! | zone | blocks |
//! |---|---|
//! | [`Foundation`] (top) | purpose, vision, mission and values with the business goals |
//! | [`Context`] | [`BusinessContext`], [`CustomerContext`] |
//! | [`PropositionAndExperience`] | [`CustomerValueProposition`], [`BusinessValueProposition`], [`ExperienceConcept`] |
//! | [`ValueChain`] | [`ProductsAndServices`], [`SupportingCapabilities`], [`PeopleAndCulture`] |
//! | [`Steering`] (bottom) | [`Insight`], [`Performance`], [`Governance`] |

mod context;
mod diff;
mod evidence;
mod foundation;
mod measure;
mod metadata;
mod proposition;
mod steering;
mod value_chain;

use std::fmt;

use chrono::Utc;
use serde::{Deserialize, Serialize};

pub use context::{
    BusinessContext, Context, CustomerContext, CustomerRole, CustomerSegment, CustomerStatus, Need,
    SegmentKind,
};
#[cfg(feature = "render")]
pub(crate) use diff::described;
pub use diff::{BlockSummary, CanvasChange, CanvasDiff, ChangeKind, DiffError, diff};
pub use evidence::{EvidenceSource, EvidenceStatus, LearningCard, StatementEvidence, TestCard};
pub use foundation::{BusinessGoal, Foundation};
pub use measure::{MetricKind, MetricStatus, Observation};
pub use metadata::{
    Function, FunctionalStrategy, Horizon, Metadata, OrganizationKind, Person, RevisionNote,
    RevisionRef, Role, ScopeArea, ScopeExclusion, Stage, Stakeholder,
};
pub use proposition::{
    BusinessValueProposition, Channel, CustomerValueProposition, Differentiator, ExperienceConcept,
    Investment, Journey, JourneyStage, PropositionAndExperience, StakeholderBenefit,
    StakeholderGroup, TouchPoint, TouchPointKind, ValueElement,
};
pub use steering::{
    Cadence, Choice, CustomerObjective, Direction, Governance, Incentive, Insight, Lifecycle,
    ListeningSource, Measured, Metric, MetricCrossing, Performance, Perspective, ReviewTrigger,
    Steering, StrategyOption, Target, Term, Voice,
};
pub use value_chain::{
    CapabilityGap, CapabilityKind, CulturePractice, CxoCustomerRole, Offering, OfferingKind,
    PeopleAndCulture, ProductsAndServices, SupportingCapabilities, SupportingCapability,
    ValueChain,
};

use crate::document::{Document, SchemaVersion, Sealed};
use crate::id::{
    BusinessGoalId, CanvasId, CapabilityGapId, JourneyId, MetricId, ObjectiveId, OfferingId,
    SegmentId, ValueElementId,
};

/// A Customer Strategy Canvas: the metadata and the five zones.
///
/// Build one in code, or load one with the [`Document`] loaders:
///
/// ```
/// use customer_strategy::{Block, Canvas, CustomerRole, CustomerSegment, CustomerStatus, Document};
///
/// let mut canvas = Canvas::new("Customer strategy 2026-2029", "Harbour Building Society");
/// let mut savers = CustomerSegment::new("Young savers", CustomerStatus::Prospect, CustomerRole::Both);
/// savers.add_need("Save for a deposit without fuss");
/// let savers = canvas.add_segment(savers);
///
/// assert!(canvas.is_filled(Block::CustomerContext));
/// assert!(!canvas.is_filled(Block::Governance));
///
/// let json = canvas.to_json()?;
/// let again = Canvas::from_json(&json)?;
/// assert_eq!(again, canvas);
/// assert!(again.segment(savers).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Canvas {
    /// Whose strategy it is, what it covers, and who agreed it.
    pub metadata: Metadata,
    /// Top: purpose, vision, mission, values and business goals.
    #[serde(default, skip_serializing_if = "is_default")]
    pub foundation: Foundation,
    /// Middle right: the business and customer context.
    #[serde(default, skip_serializing_if = "is_default")]
    pub context: Context,
    /// Middle centre: the value propositions and the concept of experience.
    #[serde(default, skip_serializing_if = "is_default")]
    pub proposition: PropositionAndExperience,
    /// Middle left: offerings, supporting capabilities, people and culture.
    #[serde(default, skip_serializing_if = "is_default")]
    pub value_chain: ValueChain,
    /// Bottom: insight, performance and governance.
    #[serde(default, skip_serializing_if = "is_default")]
    pub steering: Steering,
}

impl Sealed for Canvas {}

/// Whether a value equals its type's default; empty zones and blocks are left out
/// of written documents, which keeps workshop drafts short.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Document for Canvas {
    const KIND: &'static str = "canvas";
    const SCHEMA_VERSION: SchemaVersion = SchemaVersion::new(1);
    const VERSION_KEYS: &'static [&'static str] = &["metadata", "schema_version"];

    fn schema_version(&self) -> SchemaVersion {
        self.metadata.schema_version
    }
}

impl Canvas {
    /// Creates an empty draft canvas with a fresh id, created and updated now.
    #[must_use]
    pub fn new(name: impl Into<String>, organization: impl Into<String>) -> Self {
        let now = Utc::now();
        Canvas {
            metadata: Metadata {
                schema_version: Self::SCHEMA_VERSION,
                id: CanvasId::new(),
                name: name.into(),
                organization: organization.into(),
                organization_kind: OrganizationKind::Enterprise,
                stage: Stage::Draft,
                revision: 1,
                supersedes: None,
                history: Vec::new(),
                horizon: None,
                scope: Vec::new(),
                not_in_scope: Vec::new(),
                sponsor: None,
                owner: None,
                stakeholders: Vec::new(),
                functional_strategies: Vec::new(),
                created: now,
                updated: now,
            },
            foundation: Foundation::default(),
            context: Context::default(),
            proposition: PropositionAndExperience::default(),
            value_chain: ValueChain::default(),
            steering: Steering::default(),
        }
    }

    /// Whether a block holds any content.
    #[must_use]
    pub fn is_filled(&self, block: Block) -> bool {
        !match block {
            Block::Foundation => self.foundation.is_empty(),
            Block::BusinessContext => self.context.business.is_empty(),
            Block::CustomerContext => self.context.customer.is_empty(),
            Block::CustomerValue => self.proposition.customer_value.is_empty(),
            Block::BusinessValue => self.proposition.business_value.is_empty(),
            Block::Experience => self.proposition.experience.is_empty(),
            Block::ProductsAndServices => self.value_chain.offerings.is_empty(),
            Block::SupportingCapabilities => self.value_chain.capabilities.is_empty(),
            Block::PeopleAndCulture => self.value_chain.people.is_empty(),
            Block::Insight => self.steering.insight.is_empty(),
            Block::Performance => self.steering.performance.is_empty(),
            Block::Governance => self.steering.governance.is_empty(),
        }
    }

    /// The blocks that hold content, in canvas order.
    pub fn filled_blocks(&self) -> impl Iterator<Item = Block> + '_ {
        Block::ALL
            .into_iter()
            .filter(|block| self.is_filled(*block))
    }

    /// Adds a business goal to the foundation and returns its id.
    pub fn add_business_goal(&mut self, statement: impl Into<String>) -> BusinessGoalId {
        let goal = BusinessGoal::new(statement);
        let id = goal.id;
        self.foundation.business_goals.push(goal);
        id
    }

    /// Adds a customer segment to the customer context and returns its id.
    pub fn add_segment(&mut self, segment: CustomerSegment) -> SegmentId {
        let id = segment.id;
        self.context.customer.segments.push(segment);
        id
    }

    /// Adds an element to the customer value proposition and returns its id.
    pub fn add_value_element(&mut self, element: ValueElement) -> ValueElementId {
        let id = element.id;
        self.proposition.customer_value.elements.push(element);
        id
    }

    /// Adds a journey to the concept of experience and returns its id.
    pub fn add_journey(&mut self, journey: Journey) -> JourneyId {
        let id = journey.id;
        self.proposition.experience.journeys.push(journey);
        id
    }

    /// Adds an offering to the products and services and returns its id.
    pub fn add_offering(&mut self, offering: Offering) -> OfferingId {
        let id = offering.id;
        self.value_chain.offerings.offerings.push(offering);
        id
    }

    /// Adds a customer-facing capability gap and returns its id.
    pub fn add_capability_gap(&mut self, gap: CapabilityGap) -> CapabilityGapId {
        let id = gap.id;
        self.value_chain.offerings.capability_gaps.push(gap);
        id
    }

    /// Adds a customer objective and returns its id.
    pub fn add_objective(&mut self, objective: CustomerObjective) -> ObjectiveId {
        let id = objective.id;
        self.steering.performance.objectives.push(objective);
        id
    }

    /// Adds a metric and returns its id.
    pub fn add_metric(&mut self, metric: Metric) -> MetricId {
        let id = metric.id;
        self.steering.performance.metrics.push(metric);
        id
    }

    /// Finds a customer segment by id.
    ///
    /// This is a linear search, convenient for building canvases in code; the
    /// validation rules look ids up in indexes built once per run instead.
    #[must_use]
    pub fn segment(&self, id: SegmentId) -> Option<&CustomerSegment> {
        self.context.customer.segments.iter().find(|s| s.id == id)
    }
}

/// One of the five zones of the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Zone {
    /// Top: purpose, vision, mission and values.
    Foundation,
    /// Middle right: business and customer context.
    Context,
    /// Middle centre: value propositions and the concept of experience.
    PropositionAndExperience,
    /// Middle left: offerings, supporting capabilities, people and culture.
    ValueChain,
    /// Bottom: insight, performance and governance.
    Steering,
}

impl Zone {
    /// The five zones, top to bottom.
    pub const ALL: [Zone; 5] = [
        Zone::Foundation,
        Zone::Context,
        Zone::PropositionAndExperience,
        Zone::ValueChain,
        Zone::Steering,
    ];

    /// The zone's name as a person would write it.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Zone::Foundation => "Purpose, vision, mission and values",
            Zone::Context => "Context",
            Zone::PropositionAndExperience => "Proposition and experience",
            Zone::ValueChain => "Value chain",
            Zone::Steering => "Insight, performance and governance",
        }
    }

    /// The zone's blocks, in canvas order.
    pub fn blocks(self) -> impl Iterator<Item = Block> {
        Block::ALL
            .into_iter()
            .filter(move |block| block.zone() == self)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// One of the twelve blocks of the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Block {
    /// Purpose, vision, mission, values and business goals.
    Foundation,
    /// The business context.
    BusinessContext,
    /// The customer context.
    CustomerContext,
    /// The customer value proposition.
    CustomerValue,
    /// The business value proposition.
    BusinessValue,
    /// The concept of experience.
    Experience,
    /// Customer products and services.
    ProductsAndServices,
    /// Supporting capabilities.
    SupportingCapabilities,
    /// People and culture.
    PeopleAndCulture,
    /// Insight.
    Insight,
    /// Performance, OKRs and incentives.
    Performance,
    /// Governance.
    Governance,
}

impl Block {
    /// The twelve blocks, in canvas order.
    pub const ALL: [Block; 12] = [
        Block::Foundation,
        Block::BusinessContext,
        Block::CustomerContext,
        Block::CustomerValue,
        Block::BusinessValue,
        Block::Experience,
        Block::ProductsAndServices,
        Block::SupportingCapabilities,
        Block::PeopleAndCulture,
        Block::Insight,
        Block::Performance,
        Block::Governance,
    ];

    /// The zone the block belongs to.
    #[must_use]
    pub const fn zone(self) -> Zone {
        match self {
            Block::Foundation => Zone::Foundation,
            Block::BusinessContext | Block::CustomerContext => Zone::Context,
            Block::CustomerValue | Block::BusinessValue | Block::Experience => {
                Zone::PropositionAndExperience
            }
            Block::ProductsAndServices
            | Block::SupportingCapabilities
            | Block::PeopleAndCulture => Zone::ValueChain,
            Block::Insight | Block::Performance | Block::Governance => Zone::Steering,
        }
    }

    /// The block's name as a person would write it.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Block::Foundation => "Purpose, vision, mission and values",
            Block::BusinessContext => "Business context",
            Block::CustomerContext => "Customer context",
            Block::CustomerValue => "Customer value proposition",
            Block::BusinessValue => "Business value proposition",
            Block::Experience => "Concept of experience",
            Block::ProductsAndServices => "Customer products and services",
            Block::SupportingCapabilities => "Supporting capabilities",
            Block::PeopleAndCulture => "People and culture",
            Block::Insight => "Insight",
            Block::Performance => "Performance, OKRs and incentives",
            Block::Governance => "Governance",
        }
    }

    /// Where the block sits in a serialized canvas, as an RFC 6901 JSON Pointer.
    ///
    /// ```
    /// use customer_strategy::Block;
    ///
    /// assert_eq!(Block::CustomerContext.pointer(), "/context/customer");
    /// ```
    #[must_use]
    pub const fn pointer(self) -> &'static str {
        match self {
            Block::Foundation => "/foundation",
            Block::BusinessContext => "/context/business",
            Block::CustomerContext => "/context/customer",
            Block::CustomerValue => "/proposition/customer_value",
            Block::BusinessValue => "/proposition/business_value",
            Block::Experience => "/proposition/experience",
            Block::ProductsAndServices => "/value_chain/offerings",
            Block::SupportingCapabilities => "/value_chain/capabilities",
            Block::PeopleAndCulture => "/value_chain/people",
            Block::Insight => "/steering/insight",
            Block::Performance => "/steering/performance",
            Block::Governance => "/steering/governance",
        }
    }
}

impl fmt::Display for Block {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

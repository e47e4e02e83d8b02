//! The value chain zone: the offerings, the capabilities behind them, and the
//! people and culture that deliver them.

use serde::{Deserialize, Serialize};

use crate::canvas::metadata::{Function, Role};
use crate::canvas::proposition::Investment;
use crate::id::{CapabilityGapId, OfferingId, SegmentId};

/// The value chain zone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ValueChain {
    /// The customer products and services, and the gaps in delivering them.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub offerings: ProductsAndServices,
    /// The technology, data and supply chain behind the offerings.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub capabilities: SupportingCapabilities,
    /// The people, organization and culture that deliver the strategy.
    #[serde(skip_serializing_if = "crate::canvas::is_default")]
    pub people: PeopleAndCulture,
}

/// The key offerings and the customer-facing capability gaps that need investment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ProductsAndServices {
    /// The key products and services.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offerings: Vec<Offering>,
    /// Customer-facing capabilities that are missing or weak.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capability_gaps: Vec<CapabilityGap>,
}

impl ProductsAndServices {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.offerings.is_empty() && self.capability_gaps.is_empty()
    }
}

/// A product or service and the value it brings each way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Offering {
    /// The offering's id.
    pub id: OfferingId,
    /// The offering's name.
    pub name: String,
    /// Whether it is a product or a service.
    pub kind: OfferingKind,
    /// The segments it is for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentId>,
    /// What it brings to the customer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub customer_value: String,
    /// What it brings to the business.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business_value: String,
}

impl Offering {
    /// Creates an offering with a fresh id and the value it brings each way.
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        kind: OfferingKind,
        customer_value: impl Into<String>,
        business_value: impl Into<String>,
    ) -> Self {
        Offering {
            id: OfferingId::new(),
            name: name.into(),
            kind,
            segments: Vec::new(),
            customer_value: customer_value.into(),
            business_value: business_value.into(),
        }
    }
}

/// Whether an offering is a product or a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OfferingKind {
    /// A product.
    Product,
    /// A service.
    Service,
}

/// A customer-facing capability that is missing or weak, and what is planned to close it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CapabilityGap {
    /// The gap's id.
    pub id: CapabilityGapId,
    /// What is missing, e.g. "No single view of a customer's products".
    pub description: String,
    /// The offerings the gap holds back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affects: Vec<OfferingId>,
    /// The investment planned to close the gap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment: Option<Investment>,
}

impl CapabilityGap {
    /// Creates a capability gap with a fresh id and no investment yet.
    #[must_use]
    pub fn new(description: impl Into<String>) -> Self {
        CapabilityGap {
            id: CapabilityGapId::new(),
            description: description.into(),
            affects: Vec::new(),
            investment: None,
        }
    }
}

/// The capabilities behind the offerings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SupportingCapabilities {
    /// The supporting capabilities.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capabilities: Vec<SupportingCapability>,
}

impl SupportingCapabilities {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.capabilities.is_empty()
    }
}

/// A capability the offerings depend on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupportingCapability {
    /// The capability's name.
    pub name: String,
    /// What kind of capability it is.
    pub kind: CapabilityKind,
    /// What it does for the offerings.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The offerings that depend on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<OfferingId>,
}

/// The kind of a supporting capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CapabilityKind {
    /// Technology and systems.
    Technology,
    /// Data and analytics.
    Data,
    /// Supply chain and logistics.
    SupplyChain,
    /// Business processes.
    Process,
    /// Partners.
    Partner,
    /// Premises and facilities.
    Facilities,
}

/// The people, organization and culture needed to deliver the strategy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PeopleAndCulture {
    /// The resources and organization the strategy needs.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organization: String,
    /// The customer role each executive takes on, which need not match their function.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cxo_roles: Vec<CxoCustomerRole>,
    /// The practices that make customer impact weigh in key decisions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub culture_practices: Vec<CulturePractice>,
}

impl PeopleAndCulture {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.organization.trim().is_empty()
            && self.cxo_roles.is_empty()
            && self.culture_practices.is_empty()
    }
}

/// The customer role an executive takes on.
///
/// The customer role need not follow the function: finance may lead "the customer
/// comes first", manufacturing may lead communication with customers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CxoCustomerRole {
    /// The executive's name.
    pub executive: String,
    /// The executive's role.
    pub role: Role,
    /// The executive's function.
    pub function: Function,
    /// The customer work the executive leads; empty while none is assigned.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub customer_role: String,
}

/// A practice that embeds the customer in how decisions are made.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CulturePractice {
    /// The practice's name, e.g. "Customer-Centric Circles".
    pub name: String,
    /// How the practice works.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

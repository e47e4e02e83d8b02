//! The measurable evidence of a culture. Every field is optional: organizations
//! know different things about themselves, and a missing signal is "not known",
//! never "zero".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assessment::OrgLevel;
use crate::canvas::{Cadence, Function, Role};
use crate::document::{Document, SchemaVersion, Sealed};
use crate::quantity::Share;

/// What an organization can measure about its customer culture.
///
/// ```
/// use customer_strategy::{CultureSignals, Document};
///
/// let signals = CultureSignals::from_toml(r#"
///     schema_version = 1
///     organization = "Harbour Bank"
///     executive_customer_time = 0.08
/// "#)?;
/// assert_eq!(signals.executive_customer_time.map(|s| s.get()), Some(0.08));
/// assert!(signals.scorecard.is_none()); // not known
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CultureSignals {
    /// The version of the document format.
    pub schema_version: SchemaVersion,
    /// The organization the signals describe.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organization: String,
    /// When the signals were gathered.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::deserialize_option"
    )]
    // The date reader takes no `null`, so neither does the schema.
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub as_of: Option<NaiveDate>,
    /// The share of their working time executives spend **on customers**: with
    /// customers (visits, calls, listening in) or on customer matters
    /// (complaints, journeys, customer measures). This is the one definition
    /// of executive time in the crate: CULTURE-FORGOTTEN-001 judges it and the
    /// built-in instrument's item `culture-07` asks it in the same words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executive_customer_time: Option<Share>,
    /// The share of key performance indicators that include customer parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpis_with_customer_parameters: Option<Share>,
    /// Customer value on the balanced scorecard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scorecard: Option<Scorecard>,
    /// The departments, and whether each has customer tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departments: Option<Vec<Department>>,
    /// The customer roles the executives hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cxo_customer_roles: Option<Vec<CxoSignal>>,
    /// Customer-Centric Circles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circles: Option<Circles>,
    /// A Customers' Bill of Rights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_of_rights: Option<BillOfRights>,
    /// How many continuous customer improvement programmes run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvement_programmes: Option<u32>,
    /// How incentives split between short-term financial and customer measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incentive_mix: Option<IncentiveMix>,
    /// How change effort splits between processes and systems and mind-set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_effort: Option<ChangeEffort>,
    /// Whether, and how often, executives experience the company as a customer does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executives_as_customers: Option<ExecutiveExperience>,
    /// Whether policies are reviewed for the customer's convenience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policies_reviewed_for_customers: Option<bool>,
}

impl Sealed for CultureSignals {}

impl Document for CultureSignals {
    const KIND: &'static str = "culture signals";
    const SCHEMA_VERSION: SchemaVersion = SchemaVersion::new(1);
    const VERSION_KEYS: &'static [&'static str] = &["schema_version"];

    fn schema_version(&self) -> SchemaVersion {
        self.schema_version
    }
}

impl Default for SchemaVersion {
    fn default() -> Self {
        SchemaVersion::new(1)
    }
}

/// Customer value on the balanced scorecard.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// The weight of customer value on the scorecard.
    pub customer_weight: Share,
    /// Whether customer value is reported to the board beside the financials.
    pub reported_to_board: bool,
}

/// A department and whether it has customer tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// The department's function.
    pub function: Function,
    /// Whether it has been given tasks for the customer.
    pub customer_tasks: bool,
}

/// The customer role an executive holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CxoSignal {
    /// The executive's role.
    pub role: Role,
    /// The customer work they lead; empty while none.
    #[serde(default)]
    pub customer_role: String,
}

/// Customer-Centric Circles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Circles {
    /// How many circles meet.
    pub count: u32,
    /// How often they meet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
    /// The functions that take part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<Function>,
    /// The levels of the organization whose people take part, such as
    /// `["front_line", "manager"]`. Circles build the strategy from the bottom
    /// up, so they count as the promoter only when the front line takes part;
    /// empty (the default, and what documents written before this field read
    /// as) means not recorded, and the promoter is then not shown in place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<OrgLevel>,
}

/// A Customers' Bill of Rights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BillOfRights {
    /// Whether one exists.
    pub exists: bool,
    /// Whether customers can see it.
    #[serde(default)]
    pub visible_to_customers: bool,
    /// Whether staff can see it.
    #[serde(default)]
    pub visible_to_staff: bool,
    /// The rights.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<CustomerRight>,
}

/// One right of the bill, and who answers for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerRight {
    /// The right, as customers read it.
    pub right: String,
    /// The function that answers for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Function>,
}

/// How incentives split between short-term financial and customer measures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncentiveMix {
    /// The share of incentive pay tied to short-term financial results.
    pub short_term_financial: Share,
    /// The share tied to customer measures.
    pub customer: Share,
}

/// How change effort splits between processes and systems and mind-set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeEffort {
    /// The share of change effort spent on processes and systems.
    pub processes_and_systems: Share,
    /// The share spent on how people think about customers.
    pub mindset: Share,
}

/// Whether executives experience the company as its customers do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExecutiveExperience {
    /// Whether they do it at all (mystery shopping, calling the contact centre,
    /// using the app as a customer).
    pub practised: bool,
    /// How often.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
}

//! Who the strategy belongs to, what it covers, over what horizon, and who agreed it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::document::SchemaVersion;
use crate::id::CanvasId;

/// The facts about a canvas that are not part of any of its twelve blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The version of the document format; see [`SchemaVersion`].
    pub schema_version: SchemaVersion,
    /// The canvas's own id.
    pub id: CanvasId,
    /// The name of the strategy, e.g. "Customer strategy 2026-2029".
    pub name: String,
    /// The organization whose strategy this is.
    pub organization: String,
    /// What kind of organization it is; the rules that depend on it (who may
    /// own and sponsor the strategy, how many functions must sign, whether
    /// pricing must be in scope) take their defaults from it. Absent means
    /// [`OrganizationKind::Enterprise`], which is what documents written
    /// before this field read as.
    #[serde(default, skip_serializing_if = "OrganizationKind::is_enterprise")]
    pub organization_kind: OrganizationKind,
    /// How far the canvas has come: a draft, proposed for sign-off, approved,
    /// or superseded by a later revision. Documents written before stages
    /// beyond draft existed say `final`, which reads as [`Stage::Proposed`].
    #[serde(default)]
    pub stage: Stage,
    /// The revision of the strategy this canvas is, from 1 (the default).
    #[serde(default = "first_revision", skip_serializing_if = "is_first_revision")]
    pub revision: u32,
    /// The canvas and revision this one replaces, when it is a later revision
    /// written as a canvas of its own id. Absent by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<RevisionRef>,
    /// The revisions so far, with when each was made and whether it changed
    /// something material (see [`CanvasDiff`](crate::CanvasDiff)); an approved
    /// canvas signed off before its latest material revision needs signing
    /// again. Empty by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<RevisionNote>,
    /// The period the strategy covers; customer strategies look 3 to 5 years ahead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    /// The areas of the business the strategy covers. Without product and pricing
    /// it is a customer service or insight strategy rather than a customer strategy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<ScopeArea>,
    /// Areas deliberately left out of the scope, each with the reason, such as
    /// pricing for a public service whose users pay nothing. Empty by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_in_scope: Vec<ScopeExclusion>,
    /// The executive who sponsors the strategy, usually the chief executive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<Person>,
    /// The person who develops and runs the strategy day to day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Person>,
    /// The people whose agreement the strategy needs, and whether they gave it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Stakeholder>,
    /// The functional strategies (IT, HR, finance, ...) the customer strategy must
    /// be agreed with, and whether each is aligned with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functional_strategies: Vec<FunctionalStrategy>,
    /// When the canvas was first written.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub created: DateTime<Utc>,
    /// When the canvas was last changed.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub updated: DateTime<Utc>,
}

fn first_revision() -> u32 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_first_revision(revision: &u32) -> bool {
    *revision == 1
}

/// How far a canvas has come in its life: from a workshop draft, through a
/// strategy proposed for sign-off and approved, to one a later revision
/// replaced.
///
/// Signatures are asked for by stage: at [`Stage::Approved`] every
/// stakeholder must have signed (an error under the final profile); at
/// [`Stage::Proposed`] the report lists, as information, who still has to sign.
///
/// ```
/// use customer_strategy::Stage;
///
/// // Documents written before these stages said "final": it reads as proposed.
/// let stage: Stage = serde_json::from_str(r#""final""#)?;
/// assert_eq!(stage, Stage::Proposed);
/// assert_eq!(serde_json::to_string(&stage)?, r#""proposed""#);
/// assert!(Stage::Approved.needs_signatures());
/// assert!(!Stage::Proposed.needs_signatures());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stage {
    /// A workshop in progress: blocks may still be empty.
    #[default]
    Draft,
    /// Put forward for sign-off: every block is expected to be filled, and
    /// the signatures are being gathered. Read from `final` too.
    #[serde(alias = "final")]
    Proposed,
    /// Signed off by every stakeholder: the strategy in force.
    Approved,
    /// Replaced by a later revision.
    Superseded,
}

impl Stage {
    /// The stage documents written before called `final`: [`Stage::Proposed`].
    pub const FINAL: Stage = Stage::Proposed;

    /// Every stage, in the order a canvas goes through them.
    pub const ALL: [Stage; 4] = [
        Stage::Draft,
        Stage::Proposed,
        Stage::Approved,
        Stage::Superseded,
    ];

    /// The name used in documents, such as `"proposed"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Proposed => "proposed",
            Stage::Approved => "approved",
            Stage::Superseded => "superseded",
        }
    }

    /// Whether every stakeholder must have signed the canvas at this stage:
    /// approved and superseded canvases were agreed.
    #[must_use]
    pub const fn needs_signatures(self) -> bool {
        matches!(self, Stage::Approved | Stage::Superseded)
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// By hand, so that the schema accepts `final` as the loader does.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Stage {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Stage".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::Stage".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "enum": ["draft", "proposed", "approved", "superseded", "final"],
            "description": "How far the canvas has come: `draft`, `proposed` (for sign-off), `approved` or `superseded`; `final`, from documents written before, reads as `proposed`.",
        })
    }
}

/// A revision of a canvas, by the canvas's id and its revision number.
///
/// ```
/// use customer_strategy::{Canvas, RevisionRef, diff};
///
/// let first = Canvas::new("Customer strategy", "Northgate Coffee");
/// let mut second = Canvas::new("Customer strategy", "Northgate Coffee");
/// second.metadata.revision = 2;
/// second.metadata.supersedes = Some(RevisionRef { canvas: first.metadata.id, revision: 1 });
/// // A new id that says what it supersedes is a revision, not another strategy.
/// assert!(diff(&first, &second).is_ok());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RevisionRef {
    /// The canvas's id.
    pub canvas: CanvasId,
    /// Its revision number.
    pub revision: u32,
}

/// One entry of a canvas's revision history.
///
/// ```
/// use chrono::NaiveDate;
/// use customer_strategy::RevisionNote;
///
/// let note = RevisionNote {
///     revision: 2,
///     date: NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(),
///     summary: "A new segment for landlords; the retention target raised".to_owned(),
///     material: true,
/// };
/// assert!(note.material);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RevisionNote {
    /// The revision the entry describes.
    pub revision: u32,
    /// When the revision was made.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub date: NaiveDate,
    /// What changed, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Whether the revision changed something material
    /// ([`CanvasDiff::is_material`](crate::CanvasDiff::is_material)).
    #[serde(default)]
    pub material: bool,
}

/// The period a strategy covers, from its first to its last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    /// The first day the strategy applies.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub start: NaiveDate,
    /// The last day the strategy applies.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub end: NaiveDate,
}

impl Horizon {
    /// The length of the horizon in whole months, negative when `end` precedes `start`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use customer_strategy::Horizon;
    ///
    /// let horizon = Horizon {
    ///     start: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    ///     end: NaiveDate::from_ymd_opt(2029, 12, 31).unwrap(),
    /// };
    /// assert_eq!(horizon.months(), 47);
    /// ```
    #[must_use]
    pub fn months(&self) -> i64 {
        use chrono::Datelike;
        let months = (i64::from(self.end.year()) - i64::from(self.start.year())) * 12
            + i64::from(self.end.month())
            - i64::from(self.start.month());
        if months > 0 && self.end.day() < self.start.day() {
            months - 1
        } else if months < 0 && self.end.day() > self.start.day() {
            months + 1
        } else {
            months
        }
    }
}

/// The kind of organization a strategy belongs to. Organizations differ in who
/// can own a strategy and what it must cover; the canvas rules that depend on
/// it take their defaults from the kind (see `RULES.md`, "Organization
/// profiles"), and a configured parameter still wins.
///
/// ```
/// use customer_strategy::{Canvas, Document, OrganizationKind};
///
/// let mut canvas = Canvas::new("Customer strategy 2027-2030", "Lindqvist & Daughters");
/// assert_eq!(canvas.metadata.organization_kind, OrganizationKind::Enterprise);
/// canvas.metadata.organization_kind = OrganizationKind::SmallBusiness;
/// let json = canvas.to_json()?;
/// assert!(json.contains(r#""organization_kind": "small_business""#));
/// assert_eq!(OrganizationKind::SmallBusiness.as_str(), "small_business");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrganizationKind {
    /// A company with an executive team and several functions (the default).
    #[default]
    Enterprise,
    /// A small business, often run by its owner or founder.
    SmallBusiness,
    /// A business unit or division of a larger group, led by its managing director.
    BusinessUnit,
    /// A public service (a hospital, an agency, a council), whose users may
    /// pay nothing at the point of service.
    PublicService,
    /// A non-profit organization or charity.
    NonProfit,
}

impl OrganizationKind {
    /// Every kind, in declaration order.
    pub const ALL: [OrganizationKind; 5] = [
        OrganizationKind::Enterprise,
        OrganizationKind::SmallBusiness,
        OrganizationKind::BusinessUnit,
        OrganizationKind::PublicService,
        OrganizationKind::NonProfit,
    ];

    /// The name used in documents, such as `"public_service"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            OrganizationKind::Enterprise => "enterprise",
            OrganizationKind::SmallBusiness => "small_business",
            OrganizationKind::BusinessUnit => "business_unit",
            OrganizationKind::PublicService => "public_service",
            OrganizationKind::NonProfit => "non_profit",
        }
    }

    /// Whether this is [`OrganizationKind::Enterprise`], the default.
    #[must_use]
    pub const fn is_enterprise(&self) -> bool {
        matches!(self, OrganizationKind::Enterprise)
    }

    /// Whether pricing may be left out of the scope, with a reason: public
    /// services and non-profits often charge their users nothing.
    ///
    /// ```
    /// use customer_strategy::OrganizationKind;
    ///
    /// assert!(OrganizationKind::PublicService.may_leave_out_pricing());
    /// assert!(!OrganizationKind::SmallBusiness.may_leave_out_pricing());
    /// ```
    #[must_use]
    pub const fn may_leave_out_pricing(self) -> bool {
        matches!(
            self,
            OrganizationKind::PublicService | OrganizationKind::NonProfit
        )
    }
}

impl std::fmt::Display for OrganizationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An area deliberately left out of a strategy's scope, and why.
///
/// ```
/// use customer_strategy::{ScopeArea, ScopeExclusion};
///
/// let exclusion = ScopeExclusion {
///     area: ScopeArea::Pricing,
///     reason: "Care is free at the point of use".to_owned(),
/// };
/// assert_eq!(
///     serde_json::to_string(&exclusion)?,
///     r#"{"area":"pricing","reason":"Care is free at the point of use"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScopeExclusion {
    /// The area left out.
    pub area: ScopeArea,
    /// Why it does not apply, such as "Care is free at the point of use; tariffs are set nationally".
    pub reason: String,
}

/// An area of the business a customer strategy can cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ScopeArea {
    /// The products and services themselves.
    Product,
    /// How the offer is priced.
    Pricing,
    /// Helping customers with problems and questions.
    ServiceAndSupport,
    /// Selling to customers.
    Sales,
    /// Marketing and brand.
    Marketing,
    /// Understanding customers: research, feedback, analytics.
    Insight,
    /// The culture and behaviours of the organization.
    Culture,
    /// Operations and delivery.
    Operations,
    /// Digital channels.
    Digital,
    /// Partners and intermediaries.
    Partnerships,
}

impl ScopeArea {
    /// Every scope area, in declaration order.
    pub const ALL: [ScopeArea; 10] = [
        ScopeArea::Product,
        ScopeArea::Pricing,
        ScopeArea::ServiceAndSupport,
        ScopeArea::Sales,
        ScopeArea::Marketing,
        ScopeArea::Insight,
        ScopeArea::Culture,
        ScopeArea::Operations,
        ScopeArea::Digital,
        ScopeArea::Partnerships,
    ];

    /// The name used in documents, such as `"service_and_support"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ScopeArea::Product => "product",
            ScopeArea::Pricing => "pricing",
            ScopeArea::ServiceAndSupport => "service_and_support",
            ScopeArea::Sales => "sales",
            ScopeArea::Marketing => "marketing",
            ScopeArea::Insight => "insight",
            ScopeArea::Culture => "culture",
            ScopeArea::Operations => "operations",
            ScopeArea::Digital => "digital",
            ScopeArea::Partnerships => "partnerships",
        }
    }
}

impl std::fmt::Display for ScopeArea {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A function (department) of an organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Function {
    /// The chief executive's office and the board.
    Executive,
    /// Corporate strategy.
    Strategy,
    /// Finance.
    Finance,
    /// Marketing.
    Marketing,
    /// Sales.
    Sales,
    /// Customer experience.
    CustomerExperience,
    /// Customer service and support.
    ServiceAndSupport,
    /// Operations.
    Operations,
    /// Product management.
    Product,
    /// Information technology.
    Technology,
    /// Data and analytics.
    Data,
    /// Human resources.
    HumanResources,
    /// Legal.
    Legal,
    /// Risk and compliance.
    RiskAndCompliance,
    /// Supply chain and logistics.
    SupplyChain,
    /// Manufacturing and production.
    Manufacturing,
    /// Corporate communications.
    Communications,
}

impl Function {
    /// Every variant, in declaration order.
    pub const ALL: [Function; 17] = [
        Function::Executive,
        Function::Strategy,
        Function::Finance,
        Function::Marketing,
        Function::Sales,
        Function::CustomerExperience,
        Function::ServiceAndSupport,
        Function::Operations,
        Function::Product,
        Function::Technology,
        Function::Data,
        Function::HumanResources,
        Function::Legal,
        Function::RiskAndCompliance,
        Function::SupplyChain,
        Function::Manufacturing,
        Function::Communications,
    ];

    /// The name used in documents, such as `"executive"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Function::Executive => "executive",
            Function::Strategy => "strategy",
            Function::Finance => "finance",
            Function::Marketing => "marketing",
            Function::Sales => "sales",
            Function::CustomerExperience => "customer_experience",
            Function::ServiceAndSupport => "service_and_support",
            Function::Operations => "operations",
            Function::Product => "product",
            Function::Technology => "technology",
            Function::Data => "data",
            Function::HumanResources => "human_resources",
            Function::Legal => "legal",
            Function::RiskAndCompliance => "risk_and_compliance",
            Function::SupplyChain => "supply_chain",
            Function::Manufacturing => "manufacturing",
            Function::Communications => "communications",
        }
    }
}

impl std::fmt::Display for Function {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role a person holds in the organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Chief executive officer.
    ChiefExecutive,
    /// Chief customer officer.
    ChiefCustomerOfficer,
    /// Customer director.
    CustomerDirector,
    /// Chief marketing officer.
    ChiefMarketingOfficer,
    /// Head of customer experience.
    HeadOfCustomerExperience,
    /// Chief financial officer.
    ChiefFinancialOfficer,
    /// Chief operating officer.
    ChiefOperatingOfficer,
    /// Chief information or technology officer.
    ChiefTechnologyOfficer,
    /// Chief data officer.
    ChiefDataOfficer,
    /// Chief people (human resources) officer.
    ChiefPeopleOfficer,
    /// Chief risk officer.
    ChiefRiskOfficer,
    /// Another member of the executive team.
    Executive,
    /// A director below the executive team.
    Director,
    /// A manager.
    Manager,
    /// A non-executive member of the board.
    BoardMember,
    /// Any other role.
    Other,
    /// The owner or founder who runs the business, as in a small business.
    Owner,
    /// The managing director of a business unit or a small company.
    ManagingDirector,
}

impl Role {
    /// Every variant, in declaration order.
    pub const ALL: [Role; 18] = [
        Role::ChiefExecutive,
        Role::ChiefCustomerOfficer,
        Role::CustomerDirector,
        Role::ChiefMarketingOfficer,
        Role::HeadOfCustomerExperience,
        Role::ChiefFinancialOfficer,
        Role::ChiefOperatingOfficer,
        Role::ChiefTechnologyOfficer,
        Role::ChiefDataOfficer,
        Role::ChiefPeopleOfficer,
        Role::ChiefRiskOfficer,
        Role::Executive,
        Role::Director,
        Role::Manager,
        Role::BoardMember,
        Role::Other,
        Role::Owner,
        Role::ManagingDirector,
    ];

    /// The name used in documents, such as `"chief_executive"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::ChiefExecutive => "chief_executive",
            Role::ChiefCustomerOfficer => "chief_customer_officer",
            Role::CustomerDirector => "customer_director",
            Role::ChiefMarketingOfficer => "chief_marketing_officer",
            Role::HeadOfCustomerExperience => "head_of_customer_experience",
            Role::ChiefFinancialOfficer => "chief_financial_officer",
            Role::ChiefOperatingOfficer => "chief_operating_officer",
            Role::ChiefTechnologyOfficer => "chief_technology_officer",
            Role::ChiefDataOfficer => "chief_data_officer",
            Role::ChiefPeopleOfficer => "chief_people_officer",
            Role::ChiefRiskOfficer => "chief_risk_officer",
            Role::Executive => "executive",
            Role::Director => "director",
            Role::Manager => "manager",
            Role::BoardMember => "board_member",
            Role::Other => "other",
            Role::Owner => "owner",
            Role::ManagingDirector => "managing_director",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Role {
    /// Whether the role leads customer work by definition: chief customer officer,
    /// customer director, chief marketing officer or head of customer experience.
    #[must_use]
    pub const fn is_customer_leadership(self) -> bool {
        matches!(
            self,
            Role::ChiefCustomerOfficer
                | Role::CustomerDirector
                | Role::ChiefMarketingOfficer
                | Role::HeadOfCustomerExperience
        )
    }

    /// Whether the role sits on the executive team (a "CXO").
    #[must_use]
    pub const fn is_executive(self) -> bool {
        !matches!(
            self,
            Role::Director | Role::Manager | Role::BoardMember | Role::Other
        )
    }
}

/// A named person with their role and function.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's name.
    pub name: String,
    /// The role the person holds.
    pub role: Role,
    /// The function the person belongs to.
    pub function: Function,
}

/// Someone whose agreement the strategy needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    /// The stakeholder's name.
    pub name: String,
    /// The role the stakeholder holds.
    pub role: Role,
    /// The function the stakeholder speaks for.
    pub function: Function,
    /// When the stakeholder signed the strategy off; absent while they have not.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::dates::deserialize_option"
    )]
    // The date reader takes no `null`, so neither does the schema.
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub signed_off: Option<NaiveDate>,
}

/// A functional strategy the customer strategy must be agreed with.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FunctionalStrategy {
    /// The strategy's name, e.g. "Technology strategy 2026".
    pub name: String,
    /// The function that owns it.
    pub function: Function,
    /// Whether it has been aligned with the customer strategy.
    #[serde(default)]
    pub aligned: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for role in Role::ALL {
            assert_eq!(serde_json::to_value(role).unwrap(), role.as_str());
        }
        for function in Function::ALL {
            assert_eq!(serde_json::to_value(function).unwrap(), function.as_str());
        }
        for area in ScopeArea::ALL {
            assert_eq!(serde_json::to_value(area).unwrap(), area.as_str());
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn horizon_months() {
        let h = |s, e| Horizon { start: s, end: e }.months();
        assert_eq!(h(date(2026, 1, 1), date(2029, 1, 1)), 36);
        assert_eq!(h(date(2026, 1, 15), date(2029, 1, 14)), 35);
        assert_eq!(h(date(2026, 1, 1), date(2031, 1, 1)), 60);
        assert_eq!(h(date(2026, 1, 1), date(2025, 1, 1)), -12);
        assert_eq!(h(date(2026, 1, 1), date(2026, 1, 20)), 0);
    }
}

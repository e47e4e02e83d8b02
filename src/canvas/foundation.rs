//! The top of the canvas: purpose, vision, mission, values and the business goals.

use serde::{Deserialize, Serialize};

use crate::id::BusinessGoalId;

/// The locking point of every strategy: why the organization exists, where it is
/// going, what it does, what it stands for, and the business goals it pursues.
///
/// Customer objectives point at these business goals, so that a canvas shows where
/// customer goals and business goals pull apart.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Foundation {
    /// Why the organization exists.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// The future the organization works towards.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vision: String,
    /// What the organization does, for whom, to get there.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mission: String,
    /// The values that guide how it behaves.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The business goals of the business strategy.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub business_goals: Vec<BusinessGoal>,
}

impl Foundation {
    /// Whether nothing has been written in this block yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.purpose.trim().is_empty()
            && self.vision.trim().is_empty()
            && self.mission.trim().is_empty()
            && self.values.is_empty()
            && self.business_goals.is_empty()
    }
}

/// A goal of the business strategy, which customer objectives can support.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BusinessGoal {
    /// The goal's id.
    pub id: BusinessGoalId,
    /// The goal, e.g. "Grow the mortgage book by 20% by 2029".
    pub statement: String,
    /// Whether the goal is internal to the business (a capital ratio, cost to
    /// income, compliance) and so needs no customer objective behind it.
    /// `false` by default.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

impl BusinessGoal {
    /// Creates a business goal with a fresh id.
    #[must_use]
    pub fn new(statement: impl Into<String>) -> Self {
        BusinessGoal {
            id: BusinessGoalId::new(),
            statement: statement.into(),
            internal: false,
        }
    }
}

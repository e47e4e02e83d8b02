//! Culture: what blocks a customer culture, what promotes one, and the
//! measurable signals that reveal which is at work.
//!
//! A strategy people do not embrace sits on the shelf. The seven [`Blocker`]s
//! and eight [`Promoter`]s come from Total Customer Value Management;
//! [`CultureSignals`] holds the evidence an organization has about itself.

mod judge;
mod signals;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use judge::{
    Evidence, Judgement, PromoterInPlace, Source, Thresholds, Verdict, evidence_item, judge,
    judge_all, promoters_in_place,
};
pub use signals::{
    BillOfRights, ChangeEffort, Circles, CultureSignals, CustomerRight, CxoSignal, Department,
    ExecutiveExperience, IncentiveMix, Scorecard,
};

/// Something in an organization's culture that keeps the customer out of
/// how things are done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Blocker {
    /// This quarter's results win every argument, including the argument for
    /// changing the culture.
    ShortTermResults,
    /// Executives act as if they answer to the owners alone, not to the customers
    /// who pay for everything.
    WorkingForOwners,
    /// Executives look at the business from the inside out: the company's view
    /// comes first, the customer's second.
    CompanyCentric,
    /// Policies and processes are shaped for the company's ease, and the
    /// customer does the work.
    CompanyConvenience,
    /// Executives no longer see the company as its customers do.
    ForgottenCustomer,
    /// Effort goes into processes and systems because they are easier to change
    /// than how people think; managers stay managers of their function.
    ProcessOverMindset,
    /// No process or value-management system gives every department and
    /// executive a task for the customer.
    NoCustomerTasks,
}

impl Blocker {
    /// The seven blockers.
    pub const ALL: [Blocker; 7] = [
        Blocker::ShortTermResults,
        Blocker::WorkingForOwners,
        Blocker::CompanyCentric,
        Blocker::CompanyConvenience,
        Blocker::ForgottenCustomer,
        Blocker::ProcessOverMindset,
        Blocker::NoCustomerTasks,
    ];

    /// The name used in documents and reports, such as `"short_term_results"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Blocker::ShortTermResults => "short_term_results",
            Blocker::WorkingForOwners => "working_for_owners",
            Blocker::CompanyCentric => "company_centric",
            Blocker::CompanyConvenience => "company_convenience",
            Blocker::ForgottenCustomer => "forgotten_customer",
            Blocker::ProcessOverMindset => "process_over_mindset",
            Blocker::NoCustomerTasks => "no_customer_tasks",
        }
    }

    /// The blocker in a few words.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Blocker::ShortTermResults => "Short-term results come first",
            Blocker::WorkingForOwners => "Executives work for the owners, not the customers",
            Blocker::CompanyCentric => "Executives are company-centric",
            Blocker::CompanyConvenience => "The company's convenience beats the customer's",
            Blocker::ForgottenCustomer => "Executives forget what being a customer is like",
            Blocker::ProcessOverMindset => "Processes and systems over mind-set",
            Blocker::NoCustomerTasks => "No one is given customer tasks",
        }
    }

    /// The promoters that answer this blocker, the most direct first.
    #[must_use]
    pub const fn promoters(self) -> &'static [Promoter] {
        match self {
            Blocker::ShortTermResults => &[
                Promoter::SystemicChange,
                Promoter::StakeholderValue,
                Promoter::ContinuousImprovement,
            ],
            Blocker::WorkingForOwners => &[
                Promoter::ExecutivesBuildStrategy,
                Promoter::StakeholderValue,
                Promoter::BillOfRights,
            ],
            Blocker::CompanyCentric => &[
                Promoter::ExecutiveCustomerTime,
                Promoter::CustomerCentricCircles,
                Promoter::MindsetShift,
            ],
            Blocker::CompanyConvenience => &[
                Promoter::BillOfRights,
                Promoter::ContinuousImprovement,
                Promoter::CustomerCentricCircles,
            ],
            Blocker::ForgottenCustomer => &[
                Promoter::ExecutiveCustomerTime,
                Promoter::CustomerCentricCircles,
            ],
            Blocker::ProcessOverMindset => &[
                Promoter::MindsetShift,
                Promoter::StakeholderValue,
                Promoter::CustomerCentricCircles,
            ],
            Blocker::NoCustomerTasks => {
                &[Promoter::ExecutivesBuildStrategy, Promoter::SystemicChange]
            }
        }
    }
}

impl fmt::Display for Blocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// Something that builds a customer culture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Promoter {
    /// Key executives build the customer strategy together and each takes
    /// charge of part of the customer work.
    ExecutivesBuildStrategy,
    /// Customer-Centric Circles: groups across the organization that build
    /// customer focus from the bottom up. Shown in place only when the front
    /// line takes part ([`Circles::levels`]).
    CustomerCentricCircles,
    /// Programmes that keep improving what customers get, without end.
    ContinuousImprovement,
    /// A Customers' Bill of Rights: promises to customers, visible to them and
    /// to staff, each with an owner.
    BillOfRights,
    /// Changes to the system itself: scorecards, KPIs, incentives and
    /// reporting that carry customer value. Shown in place only when the whole
    /// system carries it: customer value weighs enough on the scorecard, is
    /// reported to the board, and every department has customer tasks.
    SystemicChange,
    /// Creating value for employees and other stakeholders too, beyond running
    /// a function efficiently.
    StakeholderValue,
    /// Executives giving at least 15% of their time to customers: with them or
    /// on customer matters.
    ExecutiveCustomerTime,
    /// Changing how people think rather than adding systems and processes;
    /// a mind-set is hard for competitors to copy.
    MindsetShift,
}

impl Promoter {
    /// The eight promoters.
    pub const ALL: [Promoter; 8] = [
        Promoter::ExecutivesBuildStrategy,
        Promoter::CustomerCentricCircles,
        Promoter::ContinuousImprovement,
        Promoter::BillOfRights,
        Promoter::SystemicChange,
        Promoter::StakeholderValue,
        Promoter::ExecutiveCustomerTime,
        Promoter::MindsetShift,
    ];

    /// The name used in documents and reports, such as `"bill_of_rights"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Promoter::ExecutivesBuildStrategy => "executives_build_strategy",
            Promoter::CustomerCentricCircles => "customer_centric_circles",
            Promoter::ContinuousImprovement => "continuous_improvement",
            Promoter::BillOfRights => "bill_of_rights",
            Promoter::SystemicChange => "systemic_change",
            Promoter::StakeholderValue => "stakeholder_value",
            Promoter::ExecutiveCustomerTime => "executive_customer_time",
            Promoter::MindsetShift => "mindset_shift",
        }
    }

    /// The promoter in a few words.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Promoter::ExecutivesBuildStrategy => "Build the strategy with the executives",
            Promoter::CustomerCentricCircles => "Customer-Centric Circles",
            Promoter::ContinuousImprovement => "Continuous customer improvement programmes",
            Promoter::BillOfRights => "A Customers' Bill of Rights",
            Promoter::SystemicChange => "Systemic changes",
            Promoter::StakeholderValue => "Value for employees and other stakeholders",
            Promoter::ExecutiveCustomerTime => "Executives spend 15% of their time on customers",
            Promoter::MindsetShift => "A shift of mind-set",
        }
    }
}

impl fmt::Display for Promoter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for blocker in Blocker::ALL {
            assert_eq!(serde_json::to_value(blocker).unwrap(), blocker.as_str());
            assert!(!blocker.promoters().is_empty());
        }
        for promoter in Promoter::ALL {
            assert_eq!(serde_json::to_value(promoter).unwrap(), promoter.as_str());
        }
    }

    #[test]
    fn every_promoter_answers_some_blocker() {
        for promoter in Promoter::ALL {
            assert!(
                Blocker::ALL
                    .iter()
                    .any(|b| b.promoters().contains(&promoter)),
                "{promoter:?}"
            );
        }
    }
}

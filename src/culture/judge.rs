//! Judging each blocker from the evidence at hand: the culture signals first,
//! a team's answers where a signal is missing, and "cannot judge" where neither
//! says anything.

use serde::{Deserialize, Serialize};

use crate::assessment::{OrgLevel, RoundResult};
use crate::canvas::{Canvas, StakeholderGroup};
use crate::culture::{Blocker, CultureSignals, Promoter};
use crate::quantity::Share;

/// Where the lines are drawn when judging the blockers.
///
/// ```
/// use customer_strategy::{Share, Thresholds};
///
/// let strict = Thresholds::default().with_executive_time(Share::new(0.2)?);
/// assert_eq!(strict.executive_time().get(), 0.2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    executive_time: Share,
    customer_kpis: Share,
    scorecard_weight: Share,
    short_term_incentives: Share,
    process_effort: Share,
    item_score: f64,
    tolerance: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            executive_time: Share::from_fraction(Self::EXECUTIVE_TIME),
            customer_kpis: Share::from_fraction(Self::CUSTOMER_KPIS),
            scorecard_weight: Share::from_fraction(Self::SCORECARD_WEIGHT),
            short_term_incentives: Share::from_fraction(Self::SHORT_TERM_INCENTIVES),
            process_effort: Share::from_fraction(Self::PROCESS_EFFORT),
            item_score: Self::ITEM_SCORE,
            tolerance: Self::TOLERANCE,
        }
    }
}

impl Thresholds {
    /// Executives should spend at least 15% of their time on customers: with
    /// customers or on customer matters.
    pub const EXECUTIVE_TIME: f64 = 0.15;
    /// At least half of the KPIs should carry customer parameters.
    pub const CUSTOMER_KPIS: f64 = 0.5;
    /// Customer value should weigh at least 15% on the balanced scorecard (the
    /// companies cited weighed it at 18% and 23%).
    pub const SCORECARD_WEIGHT: f64 = 0.15;
    /// At most 60% of incentive pay should hang on short-term financial results.
    pub const SHORT_TERM_INCENTIVES: f64 = 0.6;
    /// At most 70% of change effort should go to processes and systems.
    pub const PROCESS_EFFORT: f64 = 0.7;
    /// A team score below 40 (of 100) on the item that speaks to a blocker
    /// counts as evidence of it.
    pub const ITEM_SCORE: f64 = 40.0;
    /// A blocker whose evidence is past its line by a [margin](Evidence::margin)
    /// under 0.1 is [borderline](Verdict::Borderline), not present. The sources
    /// give no such figure: this is the crate's default, chosen so that a
    /// reading within a tenth of the way from the line to the worst end of its
    /// scale (14.9% executive time against 15%, 71% process effort against 70%)
    /// is not treated like a clear one, since such figures are within what a
    /// diary or a budget split can measure.
    pub const TOLERANCE: f64 = 0.1;

    /// Sets the least share of time executives should spend on customers.
    #[must_use]
    pub fn with_executive_time(mut self, share: Share) -> Self {
        self.executive_time = share;
        self
    }

    /// Sets the least share of KPIs that should carry customer parameters.
    #[must_use]
    pub fn with_customer_kpis(mut self, share: Share) -> Self {
        self.customer_kpis = share;
        self
    }

    /// Sets the least weight of customer value on the balanced scorecard.
    #[must_use]
    pub fn with_scorecard_weight(mut self, share: Share) -> Self {
        self.scorecard_weight = share;
        self
    }

    /// Sets the largest share of incentive pay on short-term financial results.
    #[must_use]
    pub fn with_short_term_incentives(mut self, share: Share) -> Self {
        self.short_term_incentives = share;
        self
    }

    /// Sets the largest share of change effort on processes and systems.
    #[must_use]
    pub fn with_process_effort(mut self, share: Share) -> Self {
        self.process_effort = share;
        self
    }

    /// Sets the team item score (0 to 100) below which an item is evidence of a blocker.
    #[must_use]
    pub fn with_item_score(mut self, score: f64) -> Self {
        if score.is_finite() {
            self.item_score = score.clamp(0.0, 100.0);
        }
        self
    }

    /// Sets the [margin](Evidence::margin) (0 to 1) under which a blocker
    /// past its line is only [borderline](Verdict::Borderline).
    ///
    /// ```
    /// use customer_strategy::Thresholds;
    ///
    /// assert_eq!(Thresholds::default().tolerance(), 0.1);
    /// assert_eq!(Thresholds::default().with_tolerance(0.25).tolerance(), 0.25);
    /// assert_eq!(Thresholds::default().with_tolerance(f64::NAN).tolerance(), 0.1);
    /// ```
    #[must_use]
    pub fn with_tolerance(mut self, margin: f64) -> Self {
        if margin.is_finite() {
            self.tolerance = margin.clamp(0.0, 1.0);
        }
        self
    }

    /// The margin under which a blocker past its line is only borderline.
    #[must_use]
    pub fn tolerance(&self) -> f64 {
        self.tolerance
    }

    /// The least share of time executives should spend on customers.
    #[must_use]
    pub fn executive_time(&self) -> Share {
        self.executive_time
    }

    /// The least share of KPIs that should carry customer parameters.
    #[must_use]
    pub fn customer_kpis(&self) -> Share {
        self.customer_kpis
    }

    /// The least weight of customer value on the balanced scorecard.
    #[must_use]
    pub fn scorecard_weight(&self) -> Share {
        self.scorecard_weight
    }

    /// The largest share of incentive pay on short-term financial results.
    #[must_use]
    pub fn short_term_incentives(&self) -> Share {
        self.short_term_incentives
    }

    /// The largest share of change effort on processes and systems.
    #[must_use]
    pub fn process_effort(&self) -> Share {
        self.process_effort
    }

    /// The team item score below which an item is evidence of a blocker.
    #[must_use]
    pub fn item_score(&self) -> f64 {
        self.item_score
    }
}

/// What the evidence says about a blocker.
///
/// The verdict is graded: [`Judgement::margin`] says how far past its line the
/// evidence is, and a margin under the [tolerance](Thresholds::tolerance)
/// gives [`Verdict::Borderline`] rather than [`Verdict::Present`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The evidence shows the blocker at work, by a margin of at least the
    /// tolerance.
    Present,
    /// Some evidence is past its line, but by less than the tolerance: worth
    /// watching, not enough to call the blocker present. A borderline blocker
    /// does not cap the maturity level.
    Borderline,
    /// The evidence shows no sign of it.
    Absent,
    /// There is no evidence either way.
    Unknown,
}

/// Where a piece of evidence comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// The culture signals.
    Signals,
    /// A team's answers to the maturity instrument.
    Assessment,
    /// The customer strategy canvas.
    Canvas,
}

/// One piece of evidence about a blocker or a promoter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Where it comes from.
    pub source: Source,
    /// What was looked at, as a field path or an item id, such as
    /// `executive_customer_time` or `item culture-07`.
    pub subject: String,
    /// What was found, such as `8%`.
    pub observed: String,
    /// What a customer culture would show, such as `at least 15%`.
    pub expected: String,
    /// Whether this piece of evidence points to the blocker (or, for a
    /// promoter, shows it in place).
    pub tripped: bool,
    /// For evidence about a blocker: how far past its line the evidence is,
    /// from 0 (on the line, or not past it) to 1 (the worst end of the scale).
    ///
    /// For a floor `t` (at least `t`) and an observed `x < t`, the margin is
    /// `(t - x) / t`; for a ceiling `t` (at most `t`) and `x > t`, it is
    /// `(x - t) / (1 - t)`; a team score under its line `t` is a floor on
    /// the scale 0 to 100, `(t - x) / t`; a yes-or-no signal on the wrong side is 1; a list (departments,
    /// executives) gives the share of its entries on the wrong side. Absent
    /// from documents written before margins were recorded, and from promoter
    /// evidence.
    ///
    /// ```
    /// use customer_strategy::{CultureSignals, Document, Blocker, Thresholds, judge};
    ///
    /// // 9% executive time against at least 15%: (15 - 9) / 15 = 0.4.
    /// let signals = CultureSignals::from_toml("schema_version = 1\nexecutive_customer_time = 0.09")?;
    /// let j = judge(Blocker::ForgottenCustomer, Some(&signals), None, &Thresholds::default());
    /// assert!((j.evidence[0].margin.unwrap() - 0.4).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
}

/// The judgement on one blocker: the verdict, the evidence behind it, and the
/// promoters that answer it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    /// The blocker.
    pub blocker: Blocker,
    /// What the evidence says.
    pub verdict: Verdict,
    /// How far past its line the strongest piece of tripped evidence is, from
    /// 0 to 1 (see [`Evidence::margin`]); 0 when nothing tripped. Documents
    /// written before margins were recorded read as 0.
    #[serde(default)]
    pub margin: f64,
    /// Whether the sources disagree: one (the signals, say) points to the
    /// blocker while another (the team's answers) speaks to it and does not.
    /// Both are kept in [`Judgement::evidence`]; the verdict follows the
    /// strongest tripped evidence, and a contested blocker weighs half in the
    /// level cap. Documents written before read as `false`.
    #[serde(default)]
    pub contested: bool,
    /// The evidence looked at, in the order it was weighed.
    pub evidence: Vec<Evidence>,
    /// The promoters that answer the blocker.
    pub promoters: Vec<Promoter>,
}

/// The id of the built-in instrument, whose items serve as evidence.
const BUILT_IN_INSTRUMENT: &str = "customer-strategy-maturity";

/// The item of the built-in instrument that speaks to each blocker, used as
/// evidence where the signals say nothing. Scores of reverse items are already
/// turned around, so a low score always points to the blocker.
#[must_use]
pub const fn evidence_item(blocker: Blocker) -> &'static str {
    match blocker {
        Blocker::ShortTermResults => "culture-03",
        Blocker::WorkingForOwners => "measurement-02",
        Blocker::CompanyCentric => "culture-05",
        Blocker::CompanyConvenience => "experience-05",
        Blocker::ForgottenCustomer => "culture-07",
        Blocker::ProcessOverMindset => "culture-02",
        Blocker::NoCustomerTasks => "measurement-05",
    }
}

/// A share as a percentage with as many decimals as it needs (up to two), so
/// that a value just under a threshold never reads as the threshold itself.
fn percent(share: Share) -> String {
    let text = format!("{:.2}", share.percent());
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}%")
}

/// Judges one blocker from all the evidence at hand, triangulated: the
/// signals and a team's score on the blocker's item ([`evidence_item`]) both
/// count where both speak.
///
/// The judgement's [margin](Judgement::margin) is the largest margin of any
/// tripped piece of evidence. The verdict is [`Verdict::Unknown`] without
/// evidence, [`Verdict::Absent`] when nothing tripped, [`Verdict::Borderline`]
/// when the margin is under the [tolerance](Thresholds::tolerance), and
/// [`Verdict::Present`] otherwise. When one source trips and another speaks
/// without tripping, the judgement is [contested](Judgement::contested).
///
/// ```
/// use customer_strategy::{Blocker, CultureSignals, Document, Thresholds, Verdict, judge};
///
/// let t = Thresholds::default();
/// let clear = CultureSignals::from_toml("schema_version = 1\nexecutive_customer_time = 0.09")?;
/// let near = CultureSignals::from_toml("schema_version = 1\nexecutive_customer_time = 0.149")?;
/// // (15 - 9) / 15 = 0.4: present.
/// let j = judge(Blocker::ForgottenCustomer, Some(&clear), None, &t);
/// assert_eq!(j.verdict, Verdict::Present);
/// assert!((j.margin - 0.4).abs() < 1e-9);
/// // (15 - 14.9) / 15 = 0.0067, under the tolerance of 0.1: borderline.
/// let j = judge(Blocker::ForgottenCustomer, Some(&near), None, &t);
/// assert_eq!(j.verdict, Verdict::Borderline);
/// assert!(j.margin < t.tolerance());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn judge(
    blocker: Blocker,
    signals: Option<&CultureSignals>,
    round: Option<&RoundResult>,
    thresholds: &Thresholds,
) -> Judgement {
    let mut evidence = signals.map_or_else(Vec::new, |s| signal_evidence(blocker, s, thresholds));
    // The evidence items are those of the built-in instrument.
    let round = round.filter(|r| r.instrument.id.as_str() == BUILT_IN_INSTRUMENT);
    if let Some(item) = round.and_then(|r| r.item(evidence_item(blocker)))
        && let Some(mean) = item.mean
    {
        let margin = floor_margin(mean.get(), thresholds.item_score);
        evidence.push(Evidence {
            source: Source::Assessment,
            subject: format!("item {}", item.id),
            observed: format!(
                "team score {mean} from {} answer{}",
                item.n,
                if item.n == 1 { "" } else { "s" }
            ),
            expected: format!("at least {}", thresholds.item_score),
            tripped: margin > 0.0,
            margin: Some(margin),
        });
    }
    let margin = evidence
        .iter()
        .filter(|e| e.tripped)
        .filter_map(|e| e.margin)
        .fold(0.0_f64, f64::max);
    let speaks = |source: Source| evidence.iter().any(|e| e.source == source);
    let trips = |source: Source| evidence.iter().any(|e| e.source == source && e.tripped);
    let contested = [Source::Signals, Source::Assessment]
        .iter()
        .any(|&s| trips(s))
        && [Source::Signals, Source::Assessment]
            .iter()
            .any(|&s| speaks(s) && !trips(s));
    let verdict = if evidence.is_empty() {
        Verdict::Unknown
    } else if !evidence.iter().any(|e| e.tripped) {
        Verdict::Absent
    } else if margin < thresholds.tolerance {
        Verdict::Borderline
    } else {
        Verdict::Present
    };
    Judgement {
        blocker,
        verdict,
        margin,
        contested,
        evidence,
        promoters: blocker.promoters().to_vec(),
    }
}

/// How far `observed` falls short of the floor `line`, as a share of the way
/// from the line down to 0; 0 when it does not fall short.
fn floor_margin(observed: f64, line: f64) -> f64 {
    if observed < line && line > 0.0 {
        ((line - observed) / line).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// How far `observed` is over the ceiling `line`, as a share of the way from
/// the line up to `top`; 0 when it is not over.
fn ceiling_margin(observed: f64, line: f64, top: f64) -> f64 {
    if observed > line && top > line {
        ((observed - line) / (top - line)).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// 1 when a yes-or-no signal is on the wrong side, else 0.
fn flag_margin(wrong: bool) -> f64 {
    if wrong { 1.0 } else { 0.0 }
}

/// Judges every blocker.
#[must_use]
pub fn judge_all(
    signals: Option<&CultureSignals>,
    round: Option<&RoundResult>,
    thresholds: &Thresholds,
) -> Vec<Judgement> {
    Blocker::ALL
        .iter()
        .map(|&b| judge(b, signals, round, thresholds))
        .collect()
}

fn signal(subject: &str, observed: String, expected: String, tripped: bool) -> Evidence {
    Evidence {
        source: Source::Signals,
        subject: subject.to_owned(),
        observed,
        expected,
        tripped,
        margin: None,
    }
}

/// Evidence about a blocker from the signals, tripped when its margin is above 0.
fn against(subject: &str, observed: String, expected: String, margin: f64) -> Evidence {
    Evidence {
        margin: Some(margin),
        ..signal(subject, observed, expected, margin > 0.0)
    }
}

fn signal_evidence(blocker: Blocker, s: &CultureSignals, t: &Thresholds) -> Vec<Evidence> {
    let mut found = Vec::new();
    match blocker {
        Blocker::ShortTermResults => {
            if let Some(mix) = s.incentive_mix {
                found.push(against(
                    "incentive_mix.short_term_financial",
                    percent(mix.short_term_financial),
                    format!("at most {}", percent(t.short_term_incentives)),
                    ceiling_margin(
                        mix.short_term_financial.get(),
                        t.short_term_incentives.get(),
                        1.0,
                    ),
                ));
            }
        }
        Blocker::WorkingForOwners => {
            if let Some(card) = s.scorecard {
                found.push(against(
                    "scorecard.customer_weight",
                    percent(card.customer_weight),
                    format!("at least {}", percent(t.scorecard_weight)),
                    floor_margin(card.customer_weight.get(), t.scorecard_weight.get()),
                ));
                found.push(against(
                    "scorecard.reported_to_board",
                    card.reported_to_board.to_string(),
                    "true".to_owned(),
                    flag_margin(!card.reported_to_board),
                ));
            }
        }
        Blocker::CompanyCentric => {
            if let Some(kpis) = s.kpis_with_customer_parameters {
                found.push(against(
                    "kpis_with_customer_parameters",
                    percent(kpis),
                    format!("at least {}", percent(t.customer_kpis)),
                    floor_margin(kpis.get(), t.customer_kpis.get()),
                ));
            }
        }
        Blocker::CompanyConvenience => {
            if let Some(reviewed) = s.policies_reviewed_for_customers {
                found.push(against(
                    "policies_reviewed_for_customers",
                    reviewed.to_string(),
                    "true".to_owned(),
                    flag_margin(!reviewed),
                ));
            }
        }
        Blocker::ForgottenCustomer => {
            if let Some(time) = s.executive_customer_time {
                found.push(against(
                    "executive_customer_time",
                    percent(time),
                    format!("at least {}", percent(t.executive_time)),
                    floor_margin(time.get(), t.executive_time.get()),
                ));
            }
            if let Some(practice) = s.executives_as_customers {
                found.push(against(
                    "executives_as_customers.practised",
                    practice.practised.to_string(),
                    "true".to_owned(),
                    flag_margin(!practice.practised),
                ));
            }
        }
        Blocker::ProcessOverMindset => {
            if let Some(effort) = s.change_effort {
                found.push(against(
                    "change_effort.processes_and_systems",
                    percent(effort.processes_and_systems),
                    format!("at most {}", percent(t.process_effort)),
                    ceiling_margin(
                        effort.processes_and_systems.get(),
                        t.process_effort.get(),
                        1.0,
                    ),
                ));
            }
        }
        Blocker::NoCustomerTasks => {
            // An empty list says nothing either way.
            if let Some(departments) = s.departments.as_ref().filter(|d| !d.is_empty()) {
                let without: Vec<&str> = departments
                    .iter()
                    .filter(|d| !d.customer_tasks)
                    .map(|d| d.function.as_str())
                    .collect();
                found.push(against(
                    "departments",
                    if without.is_empty() {
                        format!("all {} departments have customer tasks", departments.len())
                    } else {
                        format!(
                            "{} of {} departments have no customer tasks ({})",
                            without.len(),
                            departments.len(),
                            without.join(", ")
                        )
                    },
                    "every department has customer tasks".to_owned(),
                    share_of(without.len(), departments.len()),
                ));
            }
            if let Some(roles) = s.cxo_customer_roles.as_ref().filter(|r| !r.is_empty()) {
                let without = roles
                    .iter()
                    .filter(|r| r.customer_role.trim().is_empty())
                    .count();
                found.push(against(
                    "cxo_customer_roles",
                    format!(
                        "{without} of {} executives hold no customer role",
                        roles.len()
                    ),
                    "every executive holds a customer role".to_owned(),
                    share_of(without, roles.len()),
                ));
            }
        }
    }
    found
}

/// `part` of `whole` as a share, 0 for an empty whole.
fn share_of(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).clamp(0.0, 1.0)
    }
}

/// A promoter the evidence shows in place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromoterInPlace {
    /// The promoter.
    pub promoter: Promoter,
    /// The evidence that shows it.
    pub evidence: Evidence,
}

/// The promoters the signals (and the canvas, where given) show in place.
#[must_use]
pub fn promoters_in_place(
    signals: Option<&CultureSignals>,
    canvas: Option<&Canvas>,
    thresholds: &Thresholds,
) -> Vec<PromoterInPlace> {
    let mut found = Vec::new();
    let mut add = |promoter: Promoter, evidence: Evidence| {
        if evidence.tripped {
            found.push(PromoterInPlace { promoter, evidence });
        }
    };
    if let Some(s) = signals {
        if let Some(roles) = &s.cxo_customer_roles {
            let holding = roles
                .iter()
                .filter(|r| !r.customer_role.trim().is_empty())
                .count();
            add(
                Promoter::ExecutivesBuildStrategy,
                signal(
                    "cxo_customer_roles",
                    format!("{holding} of {} executives lead customer work", roles.len()),
                    "every executive leads customer work".to_owned(),
                    holding > 0 && holding == roles.len(),
                ),
            );
        }
        if let Some(circles) = &s.circles {
            let front_line = circles.levels.contains(&OrgLevel::FrontLine);
            let levels = if circles.levels.is_empty() {
                "levels taking part not recorded".to_owned()
            } else {
                let names: Vec<&str> = circles.levels.iter().map(|l| l.as_str()).collect();
                format!("levels taking part: {}", names.join(", "))
            };
            add(
                Promoter::CustomerCentricCircles,
                signal(
                    "circles",
                    format!("{} circle(s), {levels}", circles.count),
                    "at least 1 circle, with the front line taking part".to_owned(),
                    circles.count > 0 && front_line,
                ),
            );
        }
        if let Some(programmes) = s.improvement_programmes {
            add(
                Promoter::ContinuousImprovement,
                signal(
                    "improvement_programmes",
                    programmes.to_string(),
                    "at least 1".to_owned(),
                    programmes > 0,
                ),
            );
        }
        if let Some(bill) = &s.bill_of_rights {
            add(
                Promoter::BillOfRights,
                signal(
                    "bill_of_rights",
                    format!(
                        "exists: {}, visible to customers: {}, to staff: {}",
                        bill.exists, bill.visible_to_customers, bill.visible_to_staff
                    ),
                    "exists and is visible to customers and staff".to_owned(),
                    bill.exists && bill.visible_to_customers && bill.visible_to_staff,
                ),
            );
        }
        if let Some(card) = s.scorecard {
            // A weight on the scorecard alone is one lever; systemic change
            // reaches the whole management system: the board sees customer
            // value beside the financials, and every department is given
            // customer tasks by it.
            let departments = s.departments.as_deref().unwrap_or_default();
            let tasked = departments.iter().filter(|d| d.customer_tasks).count();
            let every_department = !departments.is_empty() && tasked == departments.len();
            add(
                Promoter::SystemicChange,
                signal(
                    "scorecard",
                    format!(
                        "customer weight {}, reported to the board: {}, departments with customer tasks: {}",
                        percent(card.customer_weight),
                        card.reported_to_board,
                        if departments.is_empty() {
                            "not recorded".to_owned()
                        } else {
                            format!("{tasked} of {}", departments.len())
                        }
                    ),
                    format!(
                        "at least {}, reported to the board, and customer tasks in every department",
                        percent(thresholds.scorecard_weight)
                    ),
                    card.customer_weight >= thresholds.scorecard_weight
                        && card.reported_to_board
                        && every_department,
                ),
            );
        }
        if let Some(time) = s.executive_customer_time {
            add(
                Promoter::ExecutiveCustomerTime,
                signal(
                    "executive_customer_time",
                    percent(time),
                    format!("at least {}", percent(thresholds.executive_time)),
                    time >= thresholds.executive_time,
                ),
            );
        }
        if let Some(effort) = s.change_effort {
            add(
                Promoter::MindsetShift,
                signal(
                    "change_effort.mindset",
                    percent(effort.mindset),
                    format!(
                        "at least {:.0}%",
                        100.0 - thresholds.process_effort.percent()
                    ),
                    effort.mindset.get() + thresholds.process_effort.get() >= 1.0 - 1e-9,
                ),
            );
        }
    }
    if let Some(canvas) = canvas {
        let employees = canvas
            .proposition
            .business_value
            .stakeholder_benefits
            .iter()
            .any(|b| b.stakeholder == StakeholderGroup::Employees);
        add(
            Promoter::StakeholderValue,
            Evidence {
                source: Source::Canvas,
                subject: "proposition.business_value.stakeholder_benefits".to_owned(),
                observed: if employees {
                    "names a benefit for employees".to_owned()
                } else {
                    "names no benefit for employees".to_owned()
                },
                expected: "a benefit for employees and other stakeholders".to_owned(),
                tripped: employees,
                margin: None,
            },
        );
    }
    found.sort_by_key(|p| p.promoter);
    found
}

//! Rule configuration as data: which rules run, at what severity, with which
//! parameters. Loaded from JSON or TOML like every other document.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::document::{Document, SchemaVersion, Sealed};
use crate::validate::params::ParamValue;
use crate::validate::severity::Severity;

/// A rule configuration: settings per rule code.
///
/// ```
/// use customer_strategy::Document;
/// use customer_strategy::validate::{Config, Severity};
///
/// let config = Config::from_toml(r#"
///     schema_version = 1
///
///     [rules.CANVAS-HORIZON-003]
///     severity = "error"
///     params = { min_years = 2, max_years = 4 }
///
///     [rules.CANVAS-CHOICES-001]
///     enabled = false
/// "#)?;
/// assert_eq!(config.rules["CANVAS-HORIZON-003"].severity, Some(Severity::Error));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The version of the configuration format.
    pub schema_version: SchemaVersion,
    /// Settings per rule code. Codes not listed keep their defaults.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            schema_version: Self::SCHEMA_VERSION,
            rules: BTreeMap::new(),
        }
    }
}

impl Config {
    /// Returns the settings of `code`, creating empty ones if there are none, so
    /// a configuration can be built in code.
    pub fn rule(&mut self, code: &str) -> &mut RuleConfig {
        self.rules.entry(code.to_owned()).or_default()
    }
}

impl Sealed for Config {}

impl Document for Config {
    const KIND: &'static str = "rule configuration";
    const SCHEMA_VERSION: SchemaVersion = SchemaVersion::new(1);
    const VERSION_KEYS: &'static [&'static str] = &["schema_version"];

    fn schema_version(&self) -> SchemaVersion {
        self.schema_version
    }
}

/// The settings of one rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleConfig {
    /// Whether the rule runs; it does unless this is `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The severity of the rule's findings under every profile, replacing its defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Parameter values by name; parameters not listed keep their defaults.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, ParamValue>,
}

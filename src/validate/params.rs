//! Typed rule parameters: what a rule declares, what a configuration supplies,
//! and how a rule reads the value in force.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A parameter value as written in a configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum ParamValue {
    /// `true` or `false`.
    Boolean(bool),
    /// A whole number.
    Integer(i64),
    /// A number with a fraction.
    Number(f64),
    /// Text.
    Text(String),
}

impl ParamValue {
    /// The kind of value, in words.
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        match self {
            ParamValue::Boolean(_) => "a boolean",
            ParamValue::Integer(_) => "an integer",
            ParamValue::Number(_) => "a number",
            ParamValue::Text(_) => "text",
        }
    }
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Boolean(b) => write!(f, "{b}"),
            ParamValue::Integer(i) => write!(f, "{i}"),
            ParamValue::Number(n) => write!(f, "{n}"),
            ParamValue::Text(t) => write!(f, "{t:?}"),
        }
    }
}

/// The type and allowed values of a parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum ParamKind {
    /// A whole number within `min..=max`.
    Integer {
        /// The smallest allowed value.
        min: i64,
        /// The largest allowed value.
        max: i64,
    },
    /// A number within `min..=max`; whole numbers are accepted too.
    Number {
        /// The smallest allowed value.
        min: f64,
        /// The largest allowed value.
        max: f64,
    },
    /// `true` or `false`.
    Boolean,
    /// Text, restricted to `allowed` when that is not empty.
    Text {
        /// The allowed values; any text when empty.
        allowed: &'static [&'static str],
    },
}

/// The declaration of one rule parameter: its name, what it means, its type and
/// range, and its default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    name: &'static str,
    description: &'static str,
    kind: ParamKind,
    default: DefaultValue,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum DefaultValue {
    Boolean(bool),
    Integer(i64),
    Number(f64),
    Text(&'static str),
}

impl ParamSpec {
    /// The parameter's name, as written in a configuration.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What the parameter controls.
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The parameter's type and allowed values.
    #[must_use]
    pub const fn kind(&self) -> ParamKind {
        self.kind
    }

    /// The value in force when a configuration does not set one.
    #[must_use]
    pub fn default_value(&self) -> ParamValue {
        match self.default {
            DefaultValue::Boolean(b) => ParamValue::Boolean(b),
            DefaultValue::Integer(i) => ParamValue::Integer(i),
            DefaultValue::Number(n) => ParamValue::Number(n),
            DefaultValue::Text(t) => ParamValue::Text(t.to_owned()),
        }
    }

    /// The type in words, with its range, e.g. "an integer from 1 to 10".
    #[must_use]
    pub fn type_description(&self) -> String {
        match self.kind {
            ParamKind::Integer { min, max } => format!("an integer from {min} to {max}"),
            ParamKind::Number { min, max } => format!("a number from {min} to {max}"),
            ParamKind::Boolean => "a boolean".to_owned(),
            ParamKind::Text { allowed: [] } => "text".to_owned(),
            ParamKind::Text { allowed } => format!(
                "one of {}",
                allowed
                    .iter()
                    .map(|a| format!("`{a}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// Checks a configured value against the declaration and converts it to the
    /// parameter's type (a whole number given for a number parameter is accepted).
    pub(crate) fn accept(&self, value: &ParamValue) -> Result<ParamValue, ParamMismatch> {
        match (self.kind, value) {
            (ParamKind::Boolean, ParamValue::Boolean(b)) => Ok(ParamValue::Boolean(*b)),
            (ParamKind::Integer { min, max }, ParamValue::Integer(i)) => {
                if (min..=max).contains(i) {
                    Ok(ParamValue::Integer(*i))
                } else {
                    Err(ParamMismatch::OutOfRange)
                }
            }
            (ParamKind::Number { min, max }, ParamValue::Number(_) | ParamValue::Integer(_)) => {
                #[allow(clippy::cast_precision_loss)] // configuration values are small
                let n = match value {
                    ParamValue::Integer(i) => *i as f64,
                    ParamValue::Number(n) => *n,
                    _ => return Err(ParamMismatch::WrongType),
                };
                if (min..=max).contains(&n) {
                    Ok(ParamValue::Number(n))
                } else {
                    Err(ParamMismatch::OutOfRange)
                }
            }
            (ParamKind::Text { allowed }, ParamValue::Text(t)) => {
                if allowed.is_empty() || allowed.contains(&t.as_str()) {
                    Ok(ParamValue::Text(t.clone()))
                } else {
                    Err(ParamMismatch::OutOfRange)
                }
            }
            _ => Err(ParamMismatch::WrongType),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParamMismatch {
    WrongType,
    OutOfRange,
}

/// A handle on an integer parameter: declare it as a constant, list its
/// [`spec`](IntegerParam::spec) in the rule's metadata, read it with
/// [`Params::integer`].
///
/// ```
/// use customer_strategy::validate::IntegerParam;
///
/// const MIN_FUNCTIONS: IntegerParam =
///     IntegerParam::new("min_functions", "Fewest functions that must sign off", 3, 1, 20);
/// assert_eq!(MIN_FUNCTIONS.spec().name(), "min_functions");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntegerParam {
    name: &'static str,
    description: &'static str,
    default: i64,
    min: i64,
    max: i64,
}

impl IntegerParam {
    /// Declares an integer parameter with its default and allowed range.
    #[must_use]
    pub const fn new(
        name: &'static str,
        description: &'static str,
        default: i64,
        min: i64,
        max: i64,
    ) -> Self {
        IntegerParam {
            name,
            description,
            default,
            min,
            max,
        }
    }

    /// The declaration to list in the rule's metadata.
    #[must_use]
    pub const fn spec(&self) -> ParamSpec {
        ParamSpec {
            name: self.name,
            description: self.description,
            kind: ParamKind::Integer {
                min: self.min,
                max: self.max,
            },
            default: DefaultValue::Integer(self.default),
        }
    }
}

/// A handle on a number parameter; see [`IntegerParam`] for the pattern.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberParam {
    name: &'static str,
    description: &'static str,
    default: f64,
    min: f64,
    max: f64,
}

impl NumberParam {
    /// Declares a number parameter with its default and allowed range.
    #[must_use]
    pub const fn new(
        name: &'static str,
        description: &'static str,
        default: f64,
        min: f64,
        max: f64,
    ) -> Self {
        NumberParam {
            name,
            description,
            default,
            min,
            max,
        }
    }

    /// The declaration to list in the rule's metadata.
    #[must_use]
    pub const fn spec(&self) -> ParamSpec {
        ParamSpec {
            name: self.name,
            description: self.description,
            kind: ParamKind::Number {
                min: self.min,
                max: self.max,
            },
            default: DefaultValue::Number(self.default),
        }
    }
}

/// A handle on a boolean parameter; see [`IntegerParam`] for the pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BooleanParam {
    name: &'static str,
    description: &'static str,
    default: bool,
}

impl BooleanParam {
    /// Declares a boolean parameter with its default.
    #[must_use]
    pub const fn new(name: &'static str, description: &'static str, default: bool) -> Self {
        BooleanParam {
            name,
            description,
            default,
        }
    }

    /// The declaration to list in the rule's metadata.
    #[must_use]
    pub const fn spec(&self) -> ParamSpec {
        ParamSpec {
            name: self.name,
            description: self.description,
            kind: ParamKind::Boolean,
            default: DefaultValue::Boolean(self.default),
        }
    }
}

/// A handle on a text parameter, optionally restricted to a list of values; see
/// [`IntegerParam`] for the pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextParam {
    name: &'static str,
    description: &'static str,
    default: &'static str,
    allowed: &'static [&'static str],
}

impl TextParam {
    /// Declares a text parameter with its default and, when not empty, the only
    /// values allowed.
    #[must_use]
    pub const fn new(
        name: &'static str,
        description: &'static str,
        default: &'static str,
        allowed: &'static [&'static str],
    ) -> Self {
        TextParam {
            name,
            description,
            default,
            allowed,
        }
    }

    /// The declaration to list in the rule's metadata.
    #[must_use]
    pub const fn spec(&self) -> ParamSpec {
        ParamSpec {
            name: self.name,
            description: self.description,
            kind: ParamKind::Text {
                allowed: self.allowed,
            },
            default: DefaultValue::Text(self.default),
        }
    }
}

/// The parameter values in force for one rule: the configured ones, checked
/// when the rule set was built, and the defaults for the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    // Few parameters per rule: a small vector beats a map.
    values: Vec<(&'static str, ParamValue)>,
    /// The names of the parameters the configuration set.
    configured: Vec<&'static str>,
}

impl Params {
    pub(crate) fn new(
        values: Vec<(&'static str, ParamValue)>,
        configured: Vec<&'static str>,
    ) -> Self {
        Params { values, configured }
    }

    fn get(&self, name: &str) -> Option<&ParamValue> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The value of an integer parameter: the configured one, or its default.
    #[must_use]
    pub fn integer(&self, param: &IntegerParam) -> i64 {
        match self.get(param.name) {
            Some(ParamValue::Integer(i)) => *i,
            _ => param.default,
        }
    }

    /// The value of a number parameter: the configured one, or its default.
    #[must_use]
    pub fn number(&self, param: &NumberParam) -> f64 {
        match self.get(param.name) {
            Some(ParamValue::Number(n)) => *n,
            _ => param.default,
        }
    }

    /// The value of a boolean parameter: the configured one, or its default.
    #[must_use]
    pub fn boolean(&self, param: &BooleanParam) -> bool {
        match self.get(param.name) {
            Some(ParamValue::Boolean(b)) => *b,
            _ => param.default,
        }
    }

    /// The value of a text parameter: the configured one, or its default.
    #[must_use]
    pub fn text<'a>(&'a self, param: &TextParam) -> &'a str {
        match self.get(param.name) {
            Some(ParamValue::Text(t)) => t,
            _ => param.default,
        }
    }

    /// Whether the parameter `name` was set by the configuration, rather than
    /// left at its default. Rules whose defaults depend on the subject (such
    /// as the kind of organization a canvas belongs to) use the subject's
    /// default unless the parameter was configured.
    ///
    /// ```
    /// use customer_strategy::validate::{Config, RuleSet};
    /// use customer_strategy::{Canvas, Document, rules};
    ///
    /// let config = Config::from_toml(r#"
    ///     schema_version = 1
    ///     [rules.CANVAS-OWNER-005.params]
    ///     min_functions = 2
    /// "#)?;
    /// let set = RuleSet::<Canvas>::builder().rules(rules::canvas()).config(config).build()?;
    /// let params = |code: &str| set.rules().find(|r| r.meta().code() == code).unwrap().params();
    /// assert!(params("CANVAS-OWNER-005").is_configured("min_functions"));
    /// assert!(!params("CANVAS-OWNER-002").is_configured("sponsor_role"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_configured(&self, name: &str) -> bool {
        self.configured.contains(&name)
    }

    /// Every parameter in force, by name, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &ParamValue)> {
        self.values.iter().map(|(n, v)| (*n, v))
    }
}

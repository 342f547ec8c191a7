/// A value of a rule option as `.lector.yml` gives it.
public enum RuleOptionValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case flag(Bool)
    case text(String)

    public var description: String {
        switch self {
        case .number(let value): value.formatted()
        case .flag(let value): String(value)
        case .text(let value): value
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}

/// One option a rule takes, as documentation and validation see it: its name in `.lector.yml`,
/// its type and range, its default, what it does.
public struct RuleOptionKey: Sendable {
    public enum Kind: Sendable {
        /// A number within the range.
        case number(ClosedRange<Double>)
        /// A whole number within the range.
        case integer(ClosedRange<Int>)
        case flag
        case text
    }

    public let name: String
    public let kind: Kind
    /// The value the rule uses when the configuration does not set the option.
    public let defaultValue: RuleOptionValue
    public let summary: String

    public init(_ name: String, _ kind: Kind, default defaultValue: RuleOptionValue, summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// `number`, `integer`, `flag` or `text`.
    public var typeName: String {
        switch kind {
        case .number: "number"
        case .integer: "integer"
        case .flag: "flag"
        case .text: "text"
        }
    }

    /// The values accepted, for numbers: `0.01–1`.
    public var rangeDescription: String? {
        switch kind {
        case .number(let range): "\(range.lowerBound.formatted())–\(range.upperBound.formatted())"
        case .integer(let range): "\(range.lowerBound)–\(range.upperBound)"
        case .flag, .text: nil
        }
    }

    /// Whether `value` fits this option; the message says what was expected otherwise.
    public func check(_ value: RuleOptionValue) -> String? {
        switch (kind, value) {
        case let (.number(range), .number(number)):
            return range.contains(number) ? nil
                : "“\(name)” must be between \(range.lowerBound.formatted()) and \(range.upperBound.formatted()), not \(number.formatted())"
        case let (.integer(range), .number(number)):
            guard number == number.rounded() else { return "“\(name)” must be a whole number, not \(number.formatted())" }
            return Double(range.lowerBound) <= number && number <= Double(range.upperBound) ? nil
                : "“\(name)” must be between \(range.lowerBound) and \(range.upperBound), not \(number.formatted())"
        case (.flag, .flag), (.text, .text):
            return nil
        case (.number, _): return "“\(name)” must be a number"
        case (.integer, _): return "“\(name)” must be a whole number"
        case (.flag, _): return "“\(name)” must be true or false"
        case (.text, _): return "“\(name)” must be a string"
        }
    }
}

/// One option of a rule's options type: where in the type `.lector.yml`'s value goes. Declared
/// with a key path, so that the default shown by `lector rules` is the one the rule uses.
public struct RuleOption<Options: RuleOptions>: Sendable {
    public let key: RuleOptionKey
    let apply: @Sendable (inout Options, RuleOptionValue) -> Void

    /// A number option within `range`.
    public static func number(_ name: String, _ path: WritableKeyPath<Options, Double> & Sendable,
                              in range: ClosedRange<Double>, summary: String) -> RuleOption {
        RuleOption(key: RuleOptionKey(name, .number(range), default: .number(Options()[keyPath: path]), summary: summary)) {
            options, value in
            if case .number(let number) = value { options[keyPath: path] = number }
        }
    }

    /// A whole-number option within `range`.
    public static func integer(_ name: String, _ path: WritableKeyPath<Options, Int> & Sendable,
                               in range: ClosedRange<Int>, summary: String) -> RuleOption {
        RuleOption(key: RuleOptionKey(name, .integer(range), default: .number(Double(Options()[keyPath: path])), summary: summary)) {
            options, value in
            if case .number(let number) = value { options[keyPath: path] = Int(number) }
        }
    }

    /// A true/false option.
    public static func flag(_ name: String, _ path: WritableKeyPath<Options, Bool> & Sendable, summary: String) -> RuleOption {
        RuleOption(key: RuleOptionKey(name, .flag, default: .flag(Options()[keyPath: path]), summary: summary)) { options, value in
            if case .flag(let flag) = value { options[keyPath: path] = flag }
        }
    }
}

/// The typed options of one rule, declared next to the rule as a struct whose properties hold the
/// defaults. `.lector.yml` sets them under the rule's id
/// (`rules: { garbled.sentence: { max_length_ratio: 2.5 } }`); values are checked against each
/// option's type and range before they are set, and a rule reads its options as plain properties.
public protocol RuleOptions: Sendable {
    init()
    static var options: [RuleOption<Self>] { get }
}

extension RuleOptions {
    public static var keys: [RuleOptionKey] { options.map(\.key) }
}

/// The options of a rule that has none.
public struct NoRuleOptions: RuleOptions {
    public init() {}
    public static var options: [RuleOption<NoRuleOptions>] { [] }
}

/// A rule's options that do not fit: an unknown name or a value of the wrong kind.
public struct RuleOptionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let rule: String
    public let option: String
    public let message: String
    public var description: String { "rule “\(rule)”: \(message)" }
}

extension Rule {
    /// The rule's option keys, for validation and `lector rules`.
    public static var optionKeys: [RuleOptionKey] { Options.keys }

    /// Checks settings against the rule's options without making the rule.
    public static func validate(_ settings: [String: RuleOptionValue]) throws(RuleOptionError) {
        _ = try options(from: settings)
    }

    static func options(from settings: [String: RuleOptionValue]) throws(RuleOptionError) -> Options {
        var options = Options()
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard let option = Options.options.first(where: { $0.key.name == name }) else {
                let known = Options.keys.map(\.name)
                throw RuleOptionError(rule: description.id, option: name, message: "unknown option “\(name)”"
                    + (known.isEmpty ? "; the rule has no options" : "; options: \(known.joined(separator: ", "))"))
            }
            if let problem = option.key.check(value) { throw RuleOptionError(rule: description.id, option: name, message: problem) }
            option.apply(&options, value)
        }
        return options
    }

    /// The rule made with these settings of its options.
    public static func configured(_ settings: [String: RuleOptionValue]) throws(RuleOptionError) -> Self {
        Self(options: try options(from: settings))
    }
}

extension Rule where Options == NoRuleOptions {
    public init(options: NoRuleOptions) { self.init() }
}

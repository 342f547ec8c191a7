import LectorText
import LectorFormats
import LectorGlossary

/// A project's settings for the string checks, all under one key of `.lector.yml`:
///
/// ```yaml
/// strings:
///   placeholders: [printf, braces, template]   # default: every syntax Lector knows
///   accelerator_markers: ["&", "_"]            # default: "&"
///   identical_allowed: [Lector, OK, Dashboard] # strings that may stay as in the source
/// ```
///
/// Kept in one type so that the configuration can move as a whole; `.lector.yml` is read by
/// `StringCheckSettings.parse` in LectorKit.
public struct StringCheckSettings: Sendable, Equatable {
    public var placeholderSyntaxes: Set<PlaceholderSyntax>
    /// Characters that mark the accelerator (access key) letter: `&File`, `_File`, `~File`.
    public var acceleratorMarkers: [Character]
    /// Strings a translation may keep unchanged besides Lector's own list (product names, terms).
    public var identicalAllowed: Set<String>

    public init(placeholderSyntaxes: Set<PlaceholderSyntax> = Set(PlaceholderSyntax.allCases),
                acceleratorMarkers: [Character] = ["&"], identicalAllowed: Set<String> = []) {
        self.placeholderSyntaxes = placeholderSyntaxes
        self.acceleratorMarkers = acceleratorMarkers
        self.identicalAllowed = identicalAllowed
    }
}

// `import LectorKit` gives an embedder the whole API: the layers below are re-exported, so code
// written before the split into targets compiles unchanged.
@_exported import LectorText
@_exported import LectorFormats
@_exported import LectorGlossary
@_exported import LectorRules
@_exported import LectorLexicon

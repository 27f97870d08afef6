"""Definitions → validated model: strict YAML with positions, schemas, translations, variables, conditions, cross-references and the model."""

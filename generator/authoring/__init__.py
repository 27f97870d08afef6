"""Writers' and translators' tools: check, scaffolds, translation status and PO files."""

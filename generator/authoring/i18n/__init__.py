"""Translators' tools: translation status with stale detection, gettext PO export and import.

``strings`` lists every translatable string with its state per language, ``lock`` keeps the fingerprints that
make "stale" detectable, ``keys`` maps a string's stable key to its place in a translation file, ``yamledit``
writes a translation into that file without touching anything else, ``po`` reads and writes PO files.
"""
